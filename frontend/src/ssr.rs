//! A page's first screen rendered on the server (not in the browser's
//! bundles): the app's shell as the person will see it (the header with
//! their navigation and name, in their language) and the page's loading
//! state, so the page paints before its wasm is in. The app renders its own
//! in its place when it starts (`crate::app::run`); nothing is hydrated,
//! so the two never have to match node for node. Yew's server renderer
//! escapes every text and attribute like its browser renderer.

use crate::app::{Shell, ShellProps};
use crate::boot::{Boot, KnownSession};
use crate::components::loading::Loading;
use crate::route::Route;
use crate::router::Location;
use rubric::apps::App;
use rubric::people::Me;
use rubric::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// The request a first screen is rendered for.
#[derive(Clone, Debug)]
pub struct Request {
    pub app: App,
    pub path: String,
    pub query: String,
    pub lang: Lang,
    pub me: Option<Me>,
}

/// What the server shows of any page before the app is in: its loading state.
fn loading_page(_: Route) -> Html {
    html! { <section class="page"><Loading /></section> }
}

/// The first screen of the page `request` asks for, as HTML.
pub async fn first_screen(request: Request) -> String {
    yew::ServerRenderer::<Shell>::with_props(move || {
        let session = match request.me {
            Some(me) => KnownSession::SignedIn(Rc::new(me)),
            None => KnownSession::SignedOut,
        };
        let boot = Boot {
            lang: Some(request.lang),
            session: Some(session),
            location: Some(Location::at(&request.path, &request.query)),
        };
        ShellProps { app: request.app, switch: loading_page, boot }
    })
    .hydratable(false)
    .render()
    .await
}

//! The landing page of an invitation link (`/signin#TOKEN`): sends the token
//! to the server once, removes it from the address bar, and goes on to the
//! start page, or explains why the link does not work.

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::session::{use_session, SessionState};
use crate::hooks::use_lang;
use crate::i18n::{common::C, Text};
use std::rc::Rc;
use yew::prelude::*;
use crate::router::*;

/// The token from the address fragment, removed from the address bar so it
/// does not linger in history.
fn take_token() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let token = hash.trim_start_matches('#').trim().to_string();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/signin"));
    }
    (!token.is_empty()).then_some(token)
}

#[derive(Clone, PartialEq)]
enum Step {
    Working,
    NoToken,
    Failed(ApiError),
}

#[component]
pub fn SignInPage() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let step = use_state(|| Step::Working);
    {
        let step = step.clone();
        let set = session.set.clone();
        use_effect_with((), move |()| {
            match take_token() {
                None => step.set(Step::NoToken),
                Some(token) => wasm_bindgen_futures::spawn_local(async move {
                    match api::auth::sign_in(&token).await {
                        Ok(me) => {
                            set.emit(SessionState::SignedIn(Rc::new(me)));
                            if let Some(n) = navigator {
                                n.replace(&Route::Home);
                            }
                        }
                        Err(e) => step.set(Step::Failed(e)),
                    }
                }),
            }
        });
    }
    let body = match &*step {
        Step::Working => html! { <><p>{ C::SigningIn.t(lang) }</p><Loading /></> },
        Step::NoToken => html! { <p class="notice">{ C::SignInNoToken.t(lang) }</p> },
        Step::Failed(e) => html! {
            <>
                <h2>{ C::SignInFailedTitle.t(lang) }</h2>
                <ErrorBox error={e.clone()} />
            </>
        },
    };
    html! {
        <section class="page narrow" data-testid="sign-in-page">
            <h1>{ C::SignInTitle.t(lang) }</h1>
            { body }
        </section>
    }
}

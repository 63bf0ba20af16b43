//! The people app: the edition (settings, export, import), the
//! coordinator's people and invitations, and a school's STEM coordinator
//! inviting colleagues (the same people forms).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Edition => html! { <pages::coordinator::edition::EditionPage /> },
        Route::People => html! { <pages::coordinator::people::PeoplePage /> },
        Route::Colleagues => html! { <pages::colleagues::ColleaguesPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::People, switch);
}

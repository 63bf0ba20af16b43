//! The school team's app: the start page and filling in the nulmeting. The
//! team view and report are the report app's (`apps::report`), the plan the
//! plan app's (`apps::plan`), inviting colleagues the programme app's
//! (`apps::programme`, with the coordinator's people forms).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::HomePage><pages::school_start::SchoolStartCards /></pages::home::HomePage> },
        Route::Nulmeting => html! { <pages::nulmeting::fill::NulmetingPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::School, switch);
}

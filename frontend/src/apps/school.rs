//! The school team's app: the start page, filling in the nulmeting,
//! inviting colleagues. The team view and report are the report app's
//! (`apps::report`), the plan the plan app's (`apps::plan`).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::HomePage><pages::school_start::SchoolStartCards /></pages::home::HomePage> },
        Route::Nulmeting => html! { <pages::nulmeting::fill::NulmetingPage /> },
        Route::Colleagues => html! { <pages::colleagues::ColleaguesPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::School, switch);
}

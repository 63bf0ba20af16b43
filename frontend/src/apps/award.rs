//! The award app: the coordinator's jury set-up (categories, criteria,
//! finalists, jurors, conflicts, scoring open and closed) and the published
//! award results (for jurors and finalist schools). Split from the judging
//! app so neither carries the other's views: the results, their print and
//! the chair's page are the judging app's, a link between them a page load.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::JurySetup => html! { <pages::jury::setup::JurySetupPage /> },
        Route::AwardResults => html! { <pages::jury::published::AwardResultsPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Award, switch);
}

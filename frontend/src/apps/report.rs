//! The report app: a school's report (the nulmeting's results, with the
//! radar chart), for the school team, its sponsor company and the
//! coordinator. The team view and the coordinator's measurements overview
//! are apps of their own (`team`, `measurements`), so each first load
//! stays small; links between them are page loads.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::SchoolReport { id } => html! { <pages::nulmeting::report::SchoolReportPage school_id={id} /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Report, switch);
}

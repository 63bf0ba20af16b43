//! The report app: a school's team view and report (the nulmeting's
//! results, with the radar chart), for the school team, its sponsor company
//! and the coordinator, and the coordinator's measurements overview that
//! links to them. Its own app so filling in the nulmeting (the school
//! app) stays light; links between them are page loads.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::SchoolTeam { id } => html! { <pages::nulmeting::team::SchoolTeamPage school_id={id} /> },
        Route::SchoolReport { id } => html! { <pages::nulmeting::report::SchoolReportPage school_id={id} /> },
        Route::Measurements => html! { <pages::nulmeting::measurements::MeasurementsPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Report, switch);
}

//! The plan app: a school's action plan and its printable version, for the
//! school team, its sponsor company and the coordinator. Its own app so the
//! nulmeting (the school app) does not carry the plan editor; links between
//! the two are page loads.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::SchoolPlan { id } => html! { <pages::plans::plan::SchoolPlanPage id={id} /> },
        Route::SchoolPlanPrint { id } => html! { <pages::plans::print::SchoolPlanPrintPage id={id} /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Plan, switch);
}

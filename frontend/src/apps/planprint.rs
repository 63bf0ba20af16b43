//! The plan print app: a school's plan as an A4 document
//! (`/schools/{id}/plan/print`, `?version=N` for a submitted version). Its
//! own app so the plan editor does not carry the print page; the links
//! between the two are page loads.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::SchoolPlanPrint { id } => html! { <pages::plans::print::SchoolPlanPrintPage id={id} /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::PlanPrint, switch);
}

//! The plan app: a school's action plan, for the school team, its sponsor
//! company and the coordinator. Its own app so the nulmeting (the school
//! app) does not carry the plan editor; links between the two are page
//! loads. The printable version is the plan print app's
//! ([`super::planprint`]).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::SchoolPlan { id } => html! { <pages::plans::plan::SchoolPlanPage id={id} /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Plan, switch);
}

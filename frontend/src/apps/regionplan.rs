//! The region plan app (issue 17): a region's plan editor and its subsidy
//! dossier's print, opened from the region's page by a real page load, so
//! the region app (its portrait, tables and chart) carries none of it.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::RegionPlan { id } => html! { <pages::regional_plan::editor::RegionalPlanRoute {id} /> },
        Route::RegionDossier { id } => html! { <pages::regional_plan::dossier::RegionDossierPage {id} /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::RegionPlan, switch);
}

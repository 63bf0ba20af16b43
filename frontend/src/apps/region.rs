//! The region app (issue 17): the regional coordinator's pages (their
//! region, its portrait) and the programme coordinator's region set-up,
//! reached by a real page load so no other app grows. The regional plan
//! and its dossier are the region plan app's (`apps::regionplan`).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Home | Route::RegionHome => html! { <pages::region::home::RegionHomePage /> },
        Route::Region { id } => html! { <pages::region::overview::RegionPage {id} /> },
        Route::RegionPortrait { id } => html! { <pages::region::portrait::PortraitPage {id} /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Region, switch);
}

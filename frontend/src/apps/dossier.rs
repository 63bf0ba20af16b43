//! The award dossier's app (issue 16): one page a school's team, its
//! sponsor company and the coordinator open by a real page load, so the
//! school and company apps carry none of it.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Dossier { id } => html! { <pages::dossier::page::DossierPage id={id} /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Dossier, switch);
}

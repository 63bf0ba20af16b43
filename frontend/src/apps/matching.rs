//! The matching app: the coordinator matches schools with sponsor
//! companies and runs the learning networks (sessions, attendance).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Matching => html! { <pages::coordinator::matching::MatchingPage /> },
        Route::Networks => html! { <pages::coordinator::networks::NetworksPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Matching, switch);
}

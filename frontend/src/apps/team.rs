//! The team app: a school's team view (every respondent's answers and the
//! consensus being made), for the school team and the coordinator.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::SchoolTeam { id } => html! { <pages::nulmeting::team::SchoolTeamPage school_id={id} /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Team, switch);
}

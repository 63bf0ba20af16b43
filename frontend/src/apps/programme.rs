//! The programme app: the coordinator's programme set-up (the edition,
//! schools, companies, matching, networks, people) and a school's STEM
//! coordinator inviting colleagues (the same people forms). Its own app so
//! the coordinator's dashboard and the nulmeting (start pages) stay light.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Edition => html! { <pages::coordinator::edition::EditionPage /> },
        Route::Schools => html! { <pages::coordinator::organisations::OrganisationsPage key="schools" schools=true /> },
        Route::Companies => html! { <pages::coordinator::organisations::OrganisationsPage key="companies" schools=false /> },
        Route::Matching => html! { <pages::coordinator::matching::MatchingPage /> },
        Route::Networks => html! { <pages::coordinator::networks::NetworksPage /> },
        Route::People => html! { <pages::coordinator::people::PeoplePage /> },
        Route::Colleagues => html! { <pages::colleagues::ColleaguesPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Programme, switch);
}

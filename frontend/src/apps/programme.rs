//! The programme app: the coordinator's schools and companies (forms, CSV
//! import). The rest of the set-up is in the matching and people apps
//! (`rubric::apps::App`), so each stays within the first-load budget.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Schools => html! { <pages::coordinator::organisations::OrganisationsPage key="schools" schools=true /> },
        Route::Companies => html! { <pages::coordinator::organisations::OrganisationsPage key="companies" schools=false /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Programme, switch);
}

//! The programme coordinator's app: the start page, the dashboard, the
//! edition, schools, companies, matching, networks, people, the
//! measurements overview. The jury set-up, results and the chair's page are
//! the judging app's (`apps::judging`).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::HomePage whole=true><pages::coordinator::dashboard::DashboardPage /></pages::home::HomePage> },
        Route::Dashboard => html! { <pages::coordinator::dashboard::DashboardPage /> },
        Route::Edition => html! { <pages::coordinator::edition::EditionPage /> },
        Route::Schools => html! { <pages::coordinator::organisations::OrganisationsPage key="schools" schools=true /> },
        Route::Companies => html! { <pages::coordinator::organisations::OrganisationsPage key="companies" schools=false /> },
        Route::Matching => html! { <pages::coordinator::matching::MatchingPage /> },
        Route::Networks => html! { <pages::coordinator::networks::NetworksPage /> },
        Route::People => html! { <pages::coordinator::people::PeoplePage /> },
        Route::Measurements => html! { <pages::nulmeting::measurements::MeasurementsPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Coordinator, switch);
}

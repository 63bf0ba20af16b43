//! The programme coordinator's app: the start page, the dashboard, the
//! edition, schools, companies, matching, networks, people, the
//! measurements overview, the jury set-up, results and print sheet, and the
//! jury chair's page (a juror's, but the same results views).

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
        Route::JurySetup => html! { <pages::jury::setup::JurySetupPage /> },
        Route::JuryResults => html! { <pages::jury::results::JuryResultsPage /> },
        Route::JuryResultsPrint => html! { <pages::jury::print::JuryResultsPrintPage /> },
        // The jury chair (a juror) reads the results here too: one results view, one app.
        Route::JuryChair => html! { <pages::jury::chair::JuryChairPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Coordinator, switch);
}

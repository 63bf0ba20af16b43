//! The school team's app: the start page, the nulmeting, the team view, the
//! report, inviting colleagues. The coordinator and the sponsor company open
//! a school's report here; the plan is the plan app's (`apps::plan`).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::HomePage><pages::school_start::SchoolStartCards /></pages::home::HomePage> },
        Route::Nulmeting => html! { <pages::nulmeting::fill::NulmetingPage /> },
        Route::SchoolTeam { id } => html! { <pages::nulmeting::team::SchoolTeamPage school_id={id} /> },
        Route::SchoolReport { id } => html! { <pages::nulmeting::report::SchoolReportPage school_id={id} /> },
        Route::Colleagues => html! { <pages::colleagues::ColleaguesPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::School, switch);
}

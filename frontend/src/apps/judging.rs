//! The judging app: the coordinator's jury set-up, results and print
//! sheet, the jury chair's page (a juror's, but the same results views) and
//! the published award results (for jurors and finalist schools). Its own
//! app so the coordinator's dashboard and the jurors' score sheets do not
//! carry the results views.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::JurySetup => html! { <pages::jury::setup::JurySetupPage /> },
        Route::JuryResults => html! { <pages::jury::results::JuryResultsPage /> },
        Route::JuryResultsPrint => html! { <pages::jury::print::JuryResultsPrintPage /> },
        Route::JuryChair => html! { <pages::jury::chair::JuryChairPage /> },
        Route::AwardResults => html! { <pages::jury::published::AwardResultsPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Judging, switch);
}

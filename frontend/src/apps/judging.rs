//! The judging app: the coordinator's jury results and print sheet and the
//! jury chair's page (a juror's, but the same results views). Its own app
//! so the coordinator's dashboard and the jurors' score sheets do not carry
//! the results views; the set-up and the published award are the award
//! app's (`super::award`).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::JuryResults => html! { <pages::jury::results::JuryResultsPage /> },
        Route::JuryResultsPrint => html! { <pages::jury::print::JuryResultsPrintPage /> },
        Route::JuryChair => html! { <pages::jury::chair::JuryChairPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Judging, switch);
}

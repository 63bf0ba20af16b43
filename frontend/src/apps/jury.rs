//! The jurors' app: the start page, their finalists, a finalist's score
//! sheet, and the published award results (which finalist schools open too).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! {
            <pages::home::HomePage whole=true>
                <div class="page start-notice"><pages::jury::award_notice::AwardNotice /></div>
                <pages::jury::home::JuryHomePage />
            </pages::home::HomePage>
        },
        Route::JuryHome => html! { <pages::jury::home::JuryHomePage /> },
        Route::JuryScore { id } => html! { <pages::jury::score::JuryScorePage id={id} /> },
        Route::AwardResults => html! { <pages::jury::published::AwardResultsPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Jury, switch);
}

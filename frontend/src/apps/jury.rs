//! The jurors' app: the start page, their finalists, a finalist's score
//! sheet. The published award results are the judging app's.

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
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Jury, switch);
}

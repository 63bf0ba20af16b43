//! The sponsor company's app: the start page and the list of their schools
//! with each plan's state; a plan itself opens in the school app.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! {
            <pages::home::HomePage whole=true>
                <div class="page start-notice"><pages::jury::award_notice::AwardNotice /></div>
                <pages::plans::company_home::CompanyHomePage />
            </pages::home::HomePage>
        },
        Route::CompanyHome => html! { <pages::plans::company_home::CompanyHomePage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Company, switch);
}

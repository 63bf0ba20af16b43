//! The programme coordinator's app: the start page and the dashboard. The
//! programme set-up is the programme app's (`apps::programme`), the
//! measurements overview the report app's (`apps::report`), the jury set-up
//! and results the judging app's (`apps::judging`).

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::HomePage whole=true><pages::coordinator::dashboard::DashboardPage /></pages::home::HomePage> },
        Route::Dashboard => html! { <pages::coordinator::dashboard::DashboardPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Coordinator, switch);
}

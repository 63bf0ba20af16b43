//! The measurements app: the coordinator's overview of every school's
//! measurements, linking to their reports and team views.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Measurements => html! { <pages::nulmeting::measurements::MeasurementsPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Measurements, switch);
}

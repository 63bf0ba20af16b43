//! The public app: the landing page, the rubric, signing in, and the page
//! for an unknown address.

use crate::app::{Elsewhere, Route};
use crate::pages;
use rubric::apps::App;
use yew::prelude::*;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::HomePage signed_out={html! { <pages::home::Landing /> }} /> },
        Route::SignIn => html! { <pages::sign_in::SignInPage /> },
        Route::Rubric => html! { <pages::rubric::RubricPage /> },
        Route::NotFound => html! { <pages::not_found::NotFoundPage /> },
        _ => html! { <Elsewhere /> },
    }
}

pub fn run() {
    crate::app::run(App::Public, switch);
}

//! The app root: routes, the `switch` from route to page, and the language
//! and session providers around everything.

use crate::components::header::Header;
use crate::hooks::lang::LangProvider;
use crate::hooks::session::SessionProvider;
use crate::pages;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Debug, Clone, PartialEq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/signin")]
    SignIn,
    #[at("/rubric")]
    Rubric,
    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::HomePage /> },
        Route::SignIn => html! { <pages::sign_in::SignInPage /> },
        Route::Rubric => html! { <pages::rubric::RubricPage /> },
        Route::NotFound => html! { <pages::not_found::NotFoundPage /> },
    }
}

#[component]
pub fn App() -> Html {
    html! {
        <LangProvider>
            <SessionProvider>
                <BrowserRouter>
                    <Header />
                    <main id="main" tabindex="-1">
                        <Switch<Route> render={switch} />
                    </main>
                </BrowserRouter>
            </SessionProvider>
        </LangProvider>
    }
}

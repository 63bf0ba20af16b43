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

    // Programme coordinator
    #[at("/coordinator")]
    Dashboard,
    #[at("/coordinator/edition")]
    Edition,
    #[at("/coordinator/schools")]
    Schools,
    #[at("/coordinator/companies")]
    Companies,
    #[at("/coordinator/matching")]
    Matching,
    #[at("/coordinator/networks")]
    Networks,
    #[at("/coordinator/people")]
    People,
    #[at("/coordinator/jury")]
    JurySetup,
    #[at("/coordinator/jury/results")]
    JuryResults,
    #[at("/coordinator/jury/results/print")]
    JuryResultsPrint,

    // School team
    #[at("/nulmeting")]
    Nulmeting,
    #[at("/schools/:id/team")]
    SchoolTeam { id: i64 },
    #[at("/schools/:id/report")]
    SchoolReport { id: i64 },
    #[at("/schools/:id/plan")]
    SchoolPlan { id: i64 },
    #[at("/schools/:id/plan/print")]
    SchoolPlanPrint { id: i64 },

    // Sponsor company
    #[at("/company")]
    CompanyHome,

    // Jury
    #[at("/jury")]
    JuryHome,
    #[at("/jury/finalists/:id")]
    JuryScore { id: i64 },
    /// The published award results, for jurors and finalist schools.
    #[at("/award")]
    AwardResults,

    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    use pages::coming::ComingPage;
    match route {
        Route::Home => html! { <pages::home::HomePage /> },
        Route::SignIn => html! { <pages::sign_in::SignInPage /> },
        Route::Rubric => html! { <pages::rubric::RubricPage /> },
        Route::Dashboard
        | Route::Edition
        | Route::Schools
        | Route::Companies
        | Route::Matching
        | Route::Networks
        | Route::People
        | Route::Nulmeting
        | Route::SchoolTeam { .. }
        | Route::SchoolReport { .. }
        | Route::SchoolPlan { .. }
        | Route::SchoolPlanPrint { .. }
        | Route::CompanyHome => html! { <ComingPage /> },
        Route::JurySetup => html! { <pages::jury::setup::JurySetupPage /> },
        Route::JuryResults => html! { <pages::jury::results::JuryResultsPage /> },
        Route::JuryResultsPrint => html! { <pages::jury::print::JuryResultsPrintPage /> },
        Route::JuryHome => html! { <pages::jury::home::JuryHomePage /> },
        Route::JuryScore { id } => html! { <pages::jury::score::JuryScorePage id={id} /> },
        Route::AwardResults => html! { <pages::jury::published::AwardResultsPage /> },
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

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
    /// A school's STEM coordinator invites colleagues (issue 4).
    #[at("/colleagues")]
    Colleagues,
    #[at("/coordinator/jury")]
    JurySetup,
    #[at("/coordinator/jury/results")]
    JuryResults,
    #[at("/coordinator/measurements")]
    Measurements,
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
    #[at("/jury/chair")]
    JuryChair,
    /// The published award results, for jurors and finalist schools.
    #[at("/award")]
    AwardResults,

    #[not_found]
    #[at("/404")]
    NotFound,
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::home::HomePage /> },
        Route::SignIn => html! { <pages::sign_in::SignInPage /> },
        Route::Rubric => html! { <pages::rubric::RubricPage /> },
        Route::Dashboard => html! { <pages::coordinator::dashboard::DashboardPage /> },
        Route::Edition => html! { <pages::coordinator::edition::EditionPage /> },
        Route::Schools => html! { <pages::coordinator::organisations::OrganisationsPage key="schools" schools=true /> },
        Route::Companies => html! { <pages::coordinator::organisations::OrganisationsPage key="companies" schools=false /> },
        Route::Matching => html! { <pages::coordinator::matching::MatchingPage /> },
        Route::Networks => html! { <pages::coordinator::networks::NetworksPage /> },
        Route::People => html! { <pages::coordinator::people::PeoplePage /> },
        Route::Colleagues => html! { <pages::colleagues::ColleaguesPage /> },
        Route::Nulmeting => html! { <pages::nulmeting::fill::NulmetingPage /> },
        Route::SchoolTeam { id } => html! { <pages::nulmeting::team::SchoolTeamPage school_id={id} /> },
        Route::SchoolReport { id } => html! { <pages::nulmeting::report::SchoolReportPage school_id={id} /> },
        Route::Measurements => html! { <pages::nulmeting::measurements::MeasurementsPage /> },
        Route::SchoolPlan { id } => html! { <pages::plans::plan::SchoolPlanPage id={id} /> },
        Route::SchoolPlanPrint { id } => html! { <pages::plans::print::SchoolPlanPrintPage id={id} /> },
        Route::CompanyHome => html! { <pages::plans::company_home::CompanyHomePage /> },
        Route::JurySetup => html! { <pages::jury::setup::JurySetupPage /> },
        Route::JuryResults => html! { <pages::jury::results::JuryResultsPage /> },
        Route::JuryResultsPrint => html! { <pages::jury::print::JuryResultsPrintPage /> },
        Route::JuryHome => html! { <pages::jury::home::JuryHomePage /> },
        Route::JuryScore { id } => html! { <pages::jury::score::JuryScorePage id={id} /> },
        Route::JuryChair => html! { <pages::jury::chair::JuryChairPage /> },
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

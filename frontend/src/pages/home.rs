//! The start page: for visitors, what STEMpact is and how to sign in; for
//! signed-in people, the start page of their role, showing what to do
//! next (issue 14): the coordinator the edition's dashboard, a company
//! contact its schools with each plan's status and comments, a juror the
//! finalists to score, a school team its nulmeting and plan.

use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::session::{use_session, SessionState};
use crate::hooks::use_lang;
use crate::i18n::common::{role_name, C};
use crate::i18n::Text;
use rubric::people::Role;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
fn Landing() -> Html {
    let lang = use_lang();
    let card = |title: C, body: C| {
        html! { <article class="card"><h2>{ title.t(lang) }</h2><p>{ body.t(lang) }</p></article> }
    };
    html! {
        <section class="page" data-testid="landing">
            <div class="hero">
                <h1>{ C::Tagline.t(lang) }</h1>
                <p class="lead">{ C::LandingLead.t(lang) }</p>
                <p>{ C::LandingHowToSignIn.t(lang) }</p>
                <Link<Route> to={Route::Rubric} classes="button">{ C::ReadTheRubric.t(lang) }</Link<Route>>
            </div>
            <div class="card-grid">
                { card(C::LandingSchools, C::LandingSchoolsBody) }
                { card(C::LandingCompanies, C::LandingCompaniesBody) }
                { card(C::LandingJury, C::LandingJuryBody) }
                { card(C::LandingCoordinator, C::LandingCoordinatorBody) }
            </div>
        </section>
    }
}

#[component]
pub fn HomePage() -> Html {
    let lang = use_lang();
    let session = use_session();
    match &session.state {
        SessionState::Loading => html! { <section class="page"><Loading /></section> },
        SessionState::SignedOut => html! { <Landing /> },
        SessionState::Unknown(e) => html! {
            <section class="page"><ErrorBox error={e.clone()} on_retry={session.reload.clone()} /></section>
        },
        SessionState::SignedIn(me) => match me.role {
            Role::Coordinator => html! {
                <div data-testid="start-page"><crate::pages::coordinator::dashboard::DashboardPage /></div>
            },
            Role::CompanyMember => html! {
                <div data-testid="start-page"><crate::pages::plans::company_home::CompanyHomePage /></div>
            },
            Role::Juror => html! {
                <div data-testid="start-page">
                    <div class="page start-notice"><crate::pages::jury::award_notice::AwardNotice /></div>
                    <crate::pages::jury::home::JuryHomePage />
                </div>
            },
            Role::SchoolMember => html! {
                <section class="page" data-testid="start-page">
                    <h1>{ format!("{}, {}", C::SignedInWelcome.t(lang), me.name) }</h1>
                    <p class="lead">{ role_name(me.role).t(lang) }{ me.school_name.as_ref().map(|s| format!(" · {s}")).unwrap_or_default() }</p>
                    <div class="start-cards">
                        <crate::pages::nulmeting::home_card::NulmetingHomeCard />
                        if let Some(school_id) = me.school_id { <crate::pages::plans::home_card::PlanHomeCard school_id={school_id} /> }
                    </div>
                    <crate::pages::jury::award_notice::AwardNotice />
                </section>
            },
        },
    }
}

//! The start page: for visitors, what STEMpact is and how to sign in; for
//! signed-in people, the start page of their role, showing what to do
//! next (issue 14): the coordinator the edition's dashboard, a company
//! contact its schools with each plan's status and comments, a juror the
//! finalists to score, a school team its nulmeting and plan. Each role's
//! app passes its start page as the children.

use crate::app::{load_from_server, use_app, Route};
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::session::{use_session, SessionState};
use crate::hooks::use_lang;
use crate::i18n::common::{role_name, C};
use crate::i18n::Text;
use rubric::apps::App;
use yew::prelude::*;
use crate::router::*;

/// The public landing page: only the public app names it (as the
/// [`HomePage`]'s `signed_out`), so the role apps do not carry its texts.
#[component]
pub fn Landing() -> Html {
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
                <Link to={Route::Rubric} classes="button">{ C::ReadTheRubric.t(lang) }</Link>
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

/// The role's start page: cards under the welcome, or (`whole`) the
/// whole page (the coordinator's dashboard, a juror's finalists).
#[derive(Properties, PartialEq)]
pub struct HomePageProps {
    #[prop_or_default]
    pub children: Html,
    #[prop_or_default]
    pub whole: bool,
    /// What a visitor who is not signed in sees: the landing page in the
    /// public app. A role app sends such a visitor to the public app; only
    /// when that bounced does it show a short "not signed in" instead.
    #[prop_or_default]
    pub signed_out: Html,
}

/// `/`: the landing page in the public app, the start page in a role app.
/// The server serves `/` with the signed-in person's app; after signing in
/// or out the page is loaded again from the server so it comes with the
/// right app.
#[component]
pub fn HomePage(props: &HomePageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let app = use_app();
    let home = match &session.state {
        SessionState::SignedOut => Some(App::Public),
        SessionState::SignedIn(me) => Some(App::home_for(Some(me.role))),
        _ => None,
    };
    let elsewhere = home.is_some_and(|h| h != app);
    let stuck = use_state(|| false);
    {
        let stuck = stuck.clone();
        use_effect_with(elsewhere, move |elsewhere| {
            if *elsewhere && !load_from_server(app, "/") {
                stuck.set(true);
            }
        });
    }
    if elsewhere && !*stuck {
        return html! { <section class="page"><Loading /></section> };
    }
    match &session.state {
        SessionState::Loading => html! { <section class="page"><Loading /></section> },
        SessionState::SignedOut if props.signed_out != Html::default() => props.signed_out.clone(),
        SessionState::SignedOut => html! {
            <section class="page narrow" data-testid="signed-out"><p class="notice">{ C::NotSignedIn.t(lang) }</p></section>
        },
        SessionState::Unknown(e) => html! {
            <section class="page"><ErrorBox error={e.clone()} on_retry={session.reload.clone()} /></section>
        },
        SessionState::SignedIn(_) if props.whole => html! {
            <div data-testid="start-page">{ props.children.clone() }</div>
        },
        SessionState::SignedIn(me) => html! {
            <section class="page" data-testid="start-page">
                <h1>{ format!("{}, {}", C::SignedInWelcome.t(lang), me.name) }</h1>
                <p class="lead">{ role_name(me.role).t(lang) }{ me.school_name.as_ref().map(|s| format!(" · {s}")).unwrap_or_default() }</p>
                { props.children.clone() }
            </section>
        },
    }
}

//! The main navigation: the links of the signed-in person's role, the
//! rubric for everyone. The server decides access; this only guides.

use crate::app::Route;
use crate::hooks::session::{use_session, SessionState};
use crate::hooks::use_lang;
use crate::i18n::{common::C, Text};
use rubric::people::{Role, SchoolFunction};
use yew::prelude::*;
use yew_router::prelude::*;

/// The links for a person, in order.
pub fn links_for(me: &rubric::people::Me) -> Vec<(Route, C)> {
    match me.role {
        Role::Coordinator => vec![
            (Route::Dashboard, C::NavDashboard),
            (Route::Edition, C::NavEdition),
            (Route::Schools, C::NavSchools),
            (Route::Companies, C::NavCompanies),
            (Route::Matching, C::NavMatching),
            (Route::Networks, C::NavNetworks),
            (Route::People, C::NavPeople),
            (Route::Measurements, C::NavMeasurements),
            (Route::JurySetup, C::NavJury),
        ],
        Role::SchoolMember => {
            let school = me.school_id.unwrap_or_default();
            let mut links = vec![(Route::Nulmeting, C::NavNulmeting)];
            if matches!(me.school_function, Some(SchoolFunction::StemCoordinator | SchoolFunction::Direction)) {
                links.push((Route::SchoolTeam { id: school }, C::NavTeam));
            }
            if me.school_function == Some(SchoolFunction::StemCoordinator) {
                links.push((Route::Colleagues, C::NavColleagues));
            }
            links.push((Route::SchoolReport { id: school }, C::NavReport));
            links.push((Route::SchoolPlan { id: school }, C::NavPlan));
            links
        }
        Role::CompanyMember => vec![(Route::CompanyHome, C::NavMySchools)],
        Role::Juror => vec![(Route::JuryHome, C::NavJuryScoring)],
    }
}

#[component]
pub fn MainNav() -> Html {
    let lang = use_lang();
    let session = use_session();
    let current = use_route::<Route>();
    let links = match &session.state {
        SessionState::SignedIn(me) => links_for(me),
        _ => vec![(Route::Home, C::NavHome)],
    };
    let item = |route: Route, label: C| {
        let active = current.as_ref() == Some(&route);
        html! {
            <Link<Route> to={route} classes={classes!(active.then_some("active"))}>
                { label.t(lang) }
            </Link<Route>>
        }
    };
    html! {
        <nav class="main-nav" aria-label={C::MainNavigation.t(lang)}>
            { for links.into_iter().map(|(r, l)| item(r, l)) }
            { item(Route::Rubric, C::NavRubric) }
        </nav>
    }
}

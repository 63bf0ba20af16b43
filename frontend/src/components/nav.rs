//! The main navigation: the links of the signed-in person's role, the
//! rubric for everyone. The server decides access; this only guides. The
//! current page's link carries `aria-current="page"`.

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

    let navigator = use_navigator();
    let item = |route: Route, label: C| {
        let active = current.as_ref() == Some(&route);
        // A plain link (so `aria-current` can mark the page) that the
        // router follows without a reload.
        let onclick = {
            let navigator = navigator.clone();
            let route = route.clone();
            Callback::from(move |e: MouseEvent| {
                if let Some(n) = &navigator {
                    if !(e.ctrl_key() || e.meta_key() || e.shift_key()) {
                        e.prevent_default();
                        n.push(&route);
                    }
                }
            })
        };
        html! {
            <li>
                <a href={route.to_path()} class={classes!(active.then_some("active"))}
                    aria-current={active.then_some("page")} {onclick}>
                    { label.t(lang) }
                </a>
            </li>
        }
    };
    html! {
        <nav class="main-nav" id="main-nav" aria-label={C::MainNavigation.t(lang)}>
            <ul class="main-nav-links">
                { for links.into_iter().map(|(r, l)| item(r, l)) }
                { item(Route::Rubric, C::NavRubric) }
            </ul>
        </nav>
    }
}

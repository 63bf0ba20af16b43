//! The main navigation: the links of the signed-in person's role (as
//! `rubric::access` decides), the rubric for everyone. The server decides
//! access; this only guides. The current page's link carries
//! `aria-current="page"`.

use crate::app::Route;
use crate::hooks::session::{use_session, SessionState};
use crate::hooks::use_lang;
use crate::i18n::{common::C, Text};
use rubric::access::{self, relation_to_own_company, relation_to_own_school, relation_to_programme, Action};
use rubric::people::Me;
use yew::prelude::*;
use crate::router::*;

/// The links for a person, in order: each page's link shows when
/// `rubric::access` lets the person do what the page is for (the server
/// asks the same functions on every request).
pub fn links_for(me: &Me) -> Vec<(Route, C)> {
    let may = |relation, action| access::may(me.role, relation, action).is_allowed();
    let programme = may(relation_to_programme(me), Action::Administer);
    // The school links are for the school's own members only (the
    // coordinator reaches every school from the school list).
    let own_school = Some(relation_to_own_school(me)).filter(|r| r.is_school());
    let school_may = |action| own_school.is_some_and(|r| may(r, action));
    let school = me.school_id.unwrap_or_default();
    let links = [
        (programme, Route::Dashboard, C::NavDashboard),
        (programme, Route::Edition, C::NavEdition),
        (programme, Route::Schools, C::NavSchools),
        (programme, Route::Companies, C::NavCompanies),
        (programme, Route::Matching, C::NavMatching),
        (programme, Route::Networks, C::NavNetworks),
        (programme, Route::People, C::NavPeople),
        (programme, Route::Measurements, C::NavMeasurements),
        (programme, Route::JurySetup, C::NavJury),
        (school_may(Action::AnswerNulmeting), Route::Nulmeting, C::NavNulmeting),
        (school_may(Action::LeadNulmeting), Route::SchoolTeam { id: school }, C::NavTeam),
        (school_may(Action::ManageColleagues), Route::Colleagues, C::NavColleagues),
        (school_may(Action::ReadReport), Route::SchoolReport { id: school }, C::NavReport),
        (school_may(Action::ReadPlan), Route::SchoolPlan { id: school }, C::NavPlan),
        (may(relation_to_own_company(me), Action::ListSponsoredSchools), Route::CompanyHome, C::NavMySchools),
        // Whether the juror sits on the active jury only the server knows.
        (access::may_in_some_relation(me.role, Action::Score), Route::JuryHome, C::NavJuryScoring),
        // Regions (issue 17): the region app, for the programme coordinator and regional coordinators.
        (access::may_in_some_relation(me.role, Action::ReadRegion), Route::RegionHome, C::NavRegions),
    ];
    links.into_iter().filter(|(shown, _, _)| *shown).map(|(_, route, label)| (route, label)).collect()
}

#[component]
pub fn MainNav() -> Html {
    let lang = use_lang();
    let session = use_session();
    let current = use_route();
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

#[cfg(test)]
mod tests {
    use super::*;
    use rubric::people::{Role, SchoolFunction};

    fn me(role: Role, function: Option<SchoolFunction>) -> Me {
        let school = (role == Role::SchoolMember).then_some(4);
        let company = (role == Role::CompanyMember).then_some(6);
        Me { id: 1, name: "X".into(), role, school_id: school, school_name: None, company_id: company, company_name: None, school_function: function }
    }

    fn routes(me: &Me) -> Vec<Route> {
        links_for(me).into_iter().map(|(route, _)| route).collect()
    }

    /// Each role and school function sees the links of the pages
    /// `rubric::access` lets them use, and no other.
    #[test]
    fn the_links_follow_the_access_model() {
        assert_eq!(routes(&me(Role::Coordinator, None)).len(), 10);
        assert!(routes(&me(Role::Coordinator, None)).contains(&Route::RegionHome));
        assert_eq!(routes(&me(Role::RegionalCoordinator, None)), vec![Route::RegionHome]);
        assert!(routes(&me(Role::Coordinator, None)).contains(&Route::JurySetup));
        let (nulmeting, team, colleagues, report, plan) = (
            Route::Nulmeting,
            Route::SchoolTeam { id: 4 },
            Route::Colleagues,
            Route::SchoolReport { id: 4 },
            Route::SchoolPlan { id: 4 },
        );
        let stem = me(Role::SchoolMember, Some(SchoolFunction::StemCoordinator));
        assert_eq!(routes(&stem), vec![nulmeting.clone(), team.clone(), colleagues, report.clone(), plan.clone()]);
        let direction = me(Role::SchoolMember, Some(SchoolFunction::Direction));
        assert_eq!(routes(&direction), vec![nulmeting.clone(), team, report.clone(), plan.clone()]);
        for function in [Some(SchoolFunction::Teacher), Some(SchoolFunction::Other), None] {
            assert_eq!(routes(&me(Role::SchoolMember, function)), vec![nulmeting.clone(), report.clone(), plan.clone()]);
        }
        assert_eq!(routes(&me(Role::CompanyMember, None)), vec![Route::CompanyHome]);
        assert_eq!(routes(&me(Role::Juror, None)), vec![Route::JuryHome]);
    }
}

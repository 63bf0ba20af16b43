//! The cards on a school team member's start page: their nulmeting, their
//! school's plan and, once published, the award results.

use crate::hooks::session::use_session;
use crate::hooks::{use_fetch, use_lang};
use crate::pages::jury::award_notice::AwardNotice;
use crate::pages::nulmeting::home_card::{is_member, load_sheet, nulmeting_card};
use crate::components::plan_card::plan_card;
use crate::pages::plans::home_card::load_summary;
use yew::prelude::*;

#[component]
pub fn SchoolStartCards() -> Html {
    let lang = use_lang();
    let session = use_session();
    let member = is_member(session.state.me());
    let sheet = use_fetch(member, load_sheet);
    let school = session.state.me().filter(|me| rubric::access::relation_to_own_school(me).is_school()).and_then(|me| me.school_id);
    let plan = use_fetch(school, load_summary);
    html! {
        <>
            <div class="start-cards">
                { nulmeting_card(lang, session.state.me().filter(|_| member), &sheet.state) }
                if let Some(summary) = plan.data().and_then(|p| p.as_ref().as_ref()) { { plan_card(lang, summary, false) } }
            </div>
            <AwardNotice />
        </>
    }
}

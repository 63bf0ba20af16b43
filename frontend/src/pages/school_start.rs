//! The cards on a school team member's start page: their nulmeting, their
//! school's plan and, once published, the award results.

use crate::hooks::session::use_session;
use crate::pages::jury::award_notice::AwardNotice;
use crate::pages::nulmeting::home_card::NulmetingHomeCard;
use crate::pages::plans::home_card::PlanHomeCard;
use yew::prelude::*;

#[component]
pub fn SchoolStartCards() -> Html {
    let session = use_session();
    let school = session.state.me().filter(|me| rubric::access::relation_to_own_school(me).is_school()).and_then(|me| me.school_id);
    html! {
        <>
            <div class="start-cards">
                <NulmetingHomeCard />
                if let Some(school_id) = school { <PlanHomeCard school_id={school_id} /> }
            </div>
            <AwardNotice />
        </>
    }
}

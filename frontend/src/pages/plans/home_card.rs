//! The plan card on a school member's start page: loads the summary of
//! their school's plan (goals, version, open and unread comments).

use crate::api;
use crate::components::plan_card::PlanCard;
use crate::hooks::use_fetch;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanHomeCardProps {
    pub school_id: i64,
}

#[component]
pub fn PlanHomeCard(props: &PlanHomeCardProps) -> Html {
    let fetch = use_fetch(props.school_id, api::plans::summary);
    match fetch.data() {
        Some(summary) => html! { <PlanCard summary={(**summary).clone()} /> },
        None => html! {},
    }
}

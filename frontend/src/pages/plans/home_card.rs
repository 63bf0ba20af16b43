//! The plan card on a school member's start page: loads the summary of
//! their school's plan (goals, version, open and unread comments).

use crate::api;
use crate::components::plan_card::plan_card;
use crate::hooks::{use_fetch, use_lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanHomeCardProps {
    pub school_id: i64,
}

#[component]
pub fn PlanHomeCard(props: &PlanHomeCardProps) -> Html {
    let lang = use_lang();
    let fetch = use_fetch(props.school_id, api::plans::summary);
    match fetch.data() {
        Some(summary) => plan_card(lang, summary, false),
        None => html! {},
    }
}

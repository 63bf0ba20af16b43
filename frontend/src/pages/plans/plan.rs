//! `/schools/:id/plan`: loads the plan page and hands it to the editor;
//! a plan the reader may not see shows only the refusal.

use super::plan_editor::PlanEditorPage;
use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::{use_fetch, Fetch};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SchoolPlanProps {
    pub id: i64,
}

#[component]
pub fn SchoolPlanPage(props: &SchoolPlanProps) -> Html {
    let fetch = use_fetch(props.id, api::plans::page);
    match &fetch.state {
        Fetch::Loading => html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => html! {
            <section class="page narrow" data-testid="plan-refused">
                <ErrorBox error={e.clone()} on_retry={(e.status == 0).then(|| fetch.reload.clone())} />
            </section>
        },
        Fetch::Ready(page) => html! {
            <crate::hooks::rubric::RubricGate version={page.edition.plan_rubric_version(page.profile.as_ref())}>
                <PlanEditorPage page={page.clone()} reload={fetch.reload.clone()} />
            </crate::hooks::rubric::RubricGate>
        },
    }
}

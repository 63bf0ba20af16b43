//! `/schools/:id/plan`: loads the plan page and hands it to the editor;
//! a plan the reader may not see shows only the refusal.

use super::plan_editor::PlanEditorPage;
use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::evidence::{use_evidence, EvidenceScope};
use crate::hooks::session::use_session;
use crate::hooks::{use_fetch, Fetch};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SchoolPlanProps {
    pub id: i64,
}

#[component]
pub fn SchoolPlanPage(props: &SchoolPlanProps) -> Html {
    let fetch = use_fetch(props.id, api::plans::page);
    let me = use_session().state.me().map_or(0, |m| m.id);
    let evidence = use_evidence(Some(format!("/schools/{}/plan/evidence", props.id)), me, 0, props.id);
    match &fetch.state {
        Fetch::Loading => html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => html! {
            <section class="page narrow" data-testid="plan-refused">
                <ErrorBox error={e.clone()} on_retry={(e.status == 0).then(|| fetch.reload.clone())} />
            </section>
        },
        Fetch::Ready(page) => html! {
            <ContextProvider<Option<EvidenceScope>> context={evidence}>
                <crate::hooks::rubric::RubricGate version={page.edition.plan_rubric_version(page.profile.as_ref())}>
                    <PlanEditorPage page={page.clone()} reload={fetch.reload.clone()} />
                </crate::hooks::rubric::RubricGate>
            </ContextProvider<Option<EvidenceScope>>>
        },
    }
}

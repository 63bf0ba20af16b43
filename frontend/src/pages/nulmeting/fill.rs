//! `/nulmeting`: a school team member fills in their own answers. Loads the
//! sheet (the baseline opens on first use) and hands it to the editor; says
//! plainly why there is nothing to fill in when that is the case.

use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::evidence::use_evidence;
use crate::hooks::rubric::{rubric_pending, use_rubric_version, RubricLoad};
use crate::hooks::session::use_session;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::nulmeting::N;
use crate::i18n::Text;
use crate::pages::nulmeting::sheet_editor::SheetEditor;
use rubric::assessment::api::Unavailable;
use rubric::assessment::MeasurementKind;
use yew::prelude::*;

#[component]
pub fn NulmetingPage() -> Html {
    let lang = use_lang();
    let session = use_session();
    let kind = use_state(|| None::<MeasurementKind>);
    let fetch = use_fetch(*kind, api::nulmeting::my_sheet);
    let measurement_id = fetch.data().and_then(|s| s.measurement.as_ref()).map(|m| (m.id, m.school_id));
    let me_id = session.state.me().map_or(0, |m| m.id);
    // The rubric is loaded here and handed down (no RubricGate and its
    // context provider in the school app: issue 13).
    let (rubric, retry_rubric) = use_rubric_version(fetch.data().and_then(|s| s.measurement.as_ref()).map(|m| m.rubric_version));
    let evidence = use_evidence(measurement_id.map(|(m, _)| format!("/measurements/{m}/evidence")), me_id, measurement_id.map_or(0, |m| m.0), measurement_id.map_or(0, |m| m.1));
    let Some(me) = session.state.me().cloned() else {
        return html! { <section class="page"><Loading /></section> };
    };
    if !rubric::access::may_in_some_relation(me.role, rubric::access::Action::AnswerNulmeting) {
        return html! {
            <section class="page narrow" data-testid="nulmeting-page">
                <h1>{ N::FillTitle.t(lang) }</h1>
                <p class="notice">{ N::OnlySchoolMembers.t(lang) }</p>
            </section>
        };
    }
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |k| kind.set(Some(k)))
    };
    match &fetch.state {
        Fetch::Loading => html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => html! {
            <section class="page"><ErrorBox error={e.clone()} on_retry={fetch.reload.clone()} /></section>
        },
        Fetch::Ready(sheet) => match (&sheet.measurement, sheet.unavailable) {
            (Some(m), _) => match (rubric_pending(lang, &rubric, &retry_rubric), rubric) {
                (_, RubricLoad::Ready(r)) => html! {
                    <SheetEditor key={m.id} person_id={me.id} sheet={sheet.clone()} on_kind={on_kind} evidence={evidence} rubric={r} />
                },
                (pending, _) => pending.unwrap_or_default(),
            },
            (None, reason) => {
                let text = match reason {
                    Some(Unavailable::NoActiveEdition) => N::NoActiveEdition,
                    Some(Unavailable::NotInEdition) => N::NotInEdition,
                    Some(Unavailable::DeadlinePassed) | None => N::DeadlinePassed,
                };
                html! {
                    <section class="page narrow" data-testid="nulmeting-page">
                        <h1>{ N::FillTitle.t(lang) }</h1>
                        <p class="notice" data-testid="unavailable">{ text.t(lang) }</p>
                    </section>
                }
            }
        },
    }
}

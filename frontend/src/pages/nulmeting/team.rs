//! `/schools/{id}/team`: the team view for the school's STEM coordinator or
//! direction and for the programme coordinator (read-only for a team member
//! who submitted): who has responded, the requests to reopen a submitted
//! sheet (decided here), the spread of submitted answers, what changed after
//! a reopening, the discussion points and the consensus. The server decides
//! who sees what.

use crate::api;
use crate::app::Route;
use crate::components::answer_changes::answer_changes;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::nulmeting::member_table::MemberTable;
use crate::components::reopen_decisions::{DecisionRow, ReopenDecisions};
use crate::hooks::session::use_session;
use crate::hooks::reopen_decider::use_reopen_decider;
use crate::hooks::evidence::{use_evidence, EvidenceScope};
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::nulmeting::{kind_name, status_name, N};
use crate::i18n::Text;
use crate::pages::nulmeting::team_board::TeamBoard;
use rubric::assessment::MeasurementKind;
use rubric::access::{may_reopen_response, Permission};
use yew::prelude::*;
use crate::router::*;

#[derive(Properties, PartialEq)]
pub struct SchoolTeamPageProps {
    pub school_id: i64,
}

#[component]
pub fn SchoolTeamPage(props: &SchoolTeamPageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let kind = use_state(|| None::<MeasurementKind>);
    let fetch = use_fetch((props.school_id, *kind), |(id, kind)| api::nulmeting::team(id, kind));
    // The measurement whose sheets are decided on (known once loaded).
    let measurement_id = match &fetch.state {
        Fetch::Ready(v) => v.measurement.as_ref().map_or(0, |m| m.id),
        _ => 0,
    };
    let me_id = session.state.me().map_or(0, |m| m.id);
    let evidence = use_evidence((measurement_id > 0).then(|| format!("/measurements/{measurement_id}/evidence")), me_id, measurement_id, props.school_id);
    let decider = use_reopen_decider(
        move |(_, person), note: Option<String>| async move {
            api::nulmeting::decide_reopen(measurement_id, person, note.as_deref()).await
        },
        fetch.reload.clone(),
    );
    let view = match &fetch.state {
        Fetch::Loading => return html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => {
            return html! {
                <section class="page" data-testid="team-page">
                    <h1>{ N::TeamTitle.t(lang) }</h1>
                    if e.status == 403 {
                        <p class="notice" data-testid="team-forbidden">{ N::TeamForbidden.t(lang) }</p>
                    } else {
                        <ErrorBox error={e.clone()} on_retry={fetch.reload.clone()} />
                    }
                </section>
            }
        }
        Fetch::Ready(v) => v.clone(),
    };
    let Some(m) = view.measurement.clone() else {
        return html! {
            <section class="page" data-testid="team-page">
                <h1>{ format!("{} · {}", N::TeamTitle.t(lang), view.school_name) }</h1>
                <p class="notice" data-testid="no-measurement">{ N::NoMeasurementYet.t(lang) }</p>
            </section>
        };
    };
    let kind_switch = (view.kinds.len() > 1).then(|| {
        html! {
            <div class="segmented" role="group" aria-label={N::MeasurementChoice.t(lang)}>
                { for view.kinds.iter().map(|&k| {
                    let kind = kind.clone();
                    html! {
                        <button type="button" class={classes!("segment", (k == m.kind).then_some("active"))}
                            aria-pressed={(k == m.kind).to_string()}
                            onclick={Callback::from(move |_: MouseEvent| kind.set(Some(k)))}>{ kind_name(k).t(lang) }</button>
                    }
                }) }
            </div>
        }
    });
    // Requests to reopen: decided by the programme coordinator or the
    // school's lead (not on their own sheet).
    let me = session.state.me().cloned();
    let decision_rows: Vec<DecisionRow> = view
        .members
        .iter()
        .filter_map(|p| {
            let reopen = p.reopen.clone()?;
            let permission = me.as_ref().map_or(Permission::Forbidden, |me| may_reopen_response(me, view.school_id, p.person_id));
            (permission != Permission::Forbidden).then(|| DecisionRow {
                key: (m.id, p.person_id),
                who: p.name.clone(),
                subject: None,
                status: p.status,
                reopen,
                can_decide: permission == Permission::Allowed,
            })
        })
        .collect();
    html! {
        <section class="page team-page" data-testid="team-page">
            <div class="page-head">
                <div>
                    <h1>{ format!("{} · {}", N::TeamTitle.t(lang), view.school_name) }</h1>
                    <p class="muted">
                        { kind_name(m.kind).t(lang) }{ " · " }{ m.edition_name.clone() }{ " · " }
                        <span class={classes!("badge", format!("status-{}", m.status.key()))} data-testid="measurement-status">{ status_name(m.status).t(lang) }</span>
                    </p>
                </div>
                <Link to={Route::SchoolReport { id: view.school_id }} classes="button secondary">{ N::ToReport.t(lang) }</Link>
            </div>
            { for kind_switch }
            <section class="card">
                <h2>{ N::WhoResponded.t(lang) }</h2>
                <MemberTable members={view.members.clone()} />
            </section>
            <ReopenDecisions rows={decision_rows} busy={decider.busy} error={decider.error.clone()}
                on_reopen={decider.on_reopen.clone()} on_decline={decider.on_decline.clone()} />
            if view.answers_visible {
                { answer_changes(lang, &view.changes) }
                <ContextProvider<Option<EvidenceScope>> context={evidence}>
                    <crate::hooks::rubric::RubricGate version={m.rubric_version}>
                        <TeamBoard key={m.id} view={view.clone()} />
                    </crate::hooks::rubric::RubricGate>
                </ContextProvider<Option<EvidenceScope>>>
            } else {
                <p class="notice" data-testid="answers-hidden">
                    { N::AnswersHidden.t(lang) }{ " " }
                    <Link to={Route::Nulmeting}>{ N::ToMySheet.t(lang) }</Link>
                </p>
            }
        </section>
    }
}

//! `/coordinator/measurements`: the coordinator's view of every school's
//! nulmeting and eindmeting in the active edition (respondents, submitted,
//! completion, consensus, requests to reopen a sheet waiting for a
//! decision), with opening and closing per school and, after a
//! confirmation, for all schools at once.

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::nulmeting::{kind_name, status_name, N};
use crate::i18n::plural::{plural, Count};
use crate::i18n::submission::S;
use crate::i18n::Text;
use rubric::assessment::api::{BulkChange, MeasurementStatus, MeasurementSummary, SchoolMeasurements};
use rubric::assessment::MeasurementKind;
use rubric::Lang;
use yew::prelude::*;
use crate::router::*;

/// The id of a school's status badge for one kind of measurement; the
/// focus goes there after opening or closing it (issue 14).
fn status_id(kind: MeasurementKind, school_id: i64) -> String {
    format!("status-{}-{school_id}", kind.key())
}

fn summary_cell(lang: Lang, kind: MeasurementKind, school_id: i64, s: Option<&MeasurementSummary>, members: u32) -> Html {
    let label = if kind == MeasurementKind::Baseline { N::Baseline } else { N::Final }.t(lang);
    let Some(s) = s else {
        return html! {
            <td class="muted" data-testid="not-opened" data-label={label}>{ N::NotOpened.t(lang) }</td>
        };
    };
    let pct = (s.completion * 100.0).round() as u32;
    html! {
        <td data-label={label}>
            <span class={classes!("badge", format!("status-{}", s.status.key()))} data-testid="status"
                id={status_id(kind, school_id)} data-status={s.status.key()} tabindex="-1">{ status_name(s.status).t(lang) }</span>
            <dl class="mini-stats">
                <div><dt>{ N::RespondentsLabel.t(lang) }</dt><dd data-testid="respondents">{ format!("{}/{}", s.respondents, members) }</dd></div>
                <div><dt>{ N::Submitted.t(lang) }</dt><dd data-testid="submitted">{ s.submitted }</dd></div>
                <div><dt>{ N::Completion.t(lang) }</dt><dd>{ format!("{pct}%") }</dd></div>
                <div><dt>{ N::ConsensusColumn.t(lang) }</dt><dd data-testid="decided">{ format!("{}/{}", s.decided, s.indicators) }</dd></div>
            </dl>
            if s.reopen_requests > 0 {
                <Link to={Route::SchoolTeam { id: school_id }} classes="badge warn" >
                    { format!("{} · {}", S::RequestsTitle.t(lang), s.reopen_requests) }
                </Link>
            }
        </td>
    }
}

#[derive(Clone, PartialEq)]
enum Confirm {
    None,
    Bulk(BulkChange),
}

#[component]
pub fn MeasurementsPage() -> Html {
    let lang = use_lang();
    let fetch = use_fetch((), |()| api::nulmeting::overview());
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let confirm = use_state(|| Confirm::None);
    let message = use_state(|| None::<String>);
    // After opening or closing one school's measurement, the focus moves
    // from the button (which becomes its opposite: a second press would
    // undo it) to the new status, once the reloaded row shows it.
    let focus_next = use_mut_ref(|| None::<String>);
    {
        let focus_next = focus_next.clone();
        use_effect(move || {
            // A CSS selector: the badge once it shows the new status.
            let target = focus_next.borrow().clone();
            let el = target.and_then(|css| web_sys::window()?.document()?.query_selector(&css).ok().flatten());
            if let Some(el) = el.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
                let _ = el.focus();
                focus_next.borrow_mut().take();
            }
        });
    }

    let run = {
        let busy = busy.clone();
        let error = error.clone();
        let reload = fetch.reload.clone();
        let confirm = confirm.clone();
        let message = message.clone();
        let focus_next = focus_next.clone();
        Callback::from(move |(school, kind, open): (Option<(i64, String)>, MeasurementKind, bool)| {
            let busy = busy.clone();
            let error = error.clone();
            let reload = reload.clone();
            let message = message.clone();
            let focus_next = focus_next.clone();
            confirm.set(Confirm::None);
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match &school {
                    Some((id, name)) => api::nulmeting::set_open(*id, kind, open).await.map(|_| {
                        let status = if open { MeasurementStatus::Open } else { MeasurementStatus::Closed };
                        *focus_next.borrow_mut() = Some(format!("#{}[data-status={}]", status_id(kind, *id), status.key()));
                        let done = if open { N::OpenedFor } else { N::ClosedFor };
                        format!("{name}: {} {}", kind_name(kind).t(lang), done.t(lang))
                    }),
                    None => {
                        let status = if open { MeasurementStatus::Open } else { MeasurementStatus::Closed };
                        api::nulmeting::bulk(BulkChange { kind, status }).await.map(|r| plural(lang, r.changed as usize, Count::SchoolsChanged))
                    }
                };
                match result {
                    Ok(done) => {
                        error.set(None);
                        message.set(Some(done));
                        reload.emit(());
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };

    let overview = match &fetch.state {
        Fetch::Loading => return html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => {
            return html! { <section class="page"><ErrorBox error={e.clone()} on_retry={fetch.reload.clone()} /></section> }
        }
        Fetch::Ready(o) => o.clone(),
    };
    let Some(edition) = overview.edition.clone() else {
        return html! {
            <section class="page" data-testid="measurements-page">
                <h1>{ N::MeasurementsTitle.t(lang) }</h1>
                <p class="notice">{ N::NoActiveEditionCoordinator.t(lang) }</p>
            </section>
        };
    };
    let ask = |change: BulkChange| {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(Confirm::Bulk(change)))
    };
    let row_button = |s: &SchoolMeasurements, kind: MeasurementKind, open: bool, label: N, testid: &'static str| {
        let run = run.clone();
        let school = (s.school_id, s.school_name.clone());
        html! {
            <button type="button" class="button secondary small" data-testid={testid} key={testid}
                disabled={*busy} onclick={Callback::from(move |_: MouseEvent| run.emit((Some(school.clone()), kind, open)))}>
                { label.t(lang) }
            </button>
        }
    };
    let actions = |s: &SchoolMeasurements, kind: MeasurementKind| {
        let m = match kind {
            MeasurementKind::Baseline => s.baseline.as_ref(),
            MeasurementKind::Final => s.final_measurement.as_ref(),
        };
        match (kind, m.map(|m| m.status)) {
            (_, Some(MeasurementStatus::Open)) => row_button(s, kind, false, N::Close, "close"),
            (_, Some(MeasurementStatus::Closed)) => row_button(s, kind, true, N::Reopen, "reopen"),
            (MeasurementKind::Baseline, None) => row_button(s, kind, true, N::OpenBaseline, "open-baseline"),
            (MeasurementKind::Final, None) => row_button(s, kind, true, N::OpenFinal, "open-final"),
        }
    };
    let school_count = overview.schools.len();
    let confirm_box = match &*confirm {
        Confirm::None => html! {},
        Confirm::Bulk(change) => {
            let text = match (change.kind, change.status) {
                (MeasurementKind::Final, MeasurementStatus::Open) => N::ConfirmOpenFinalAll,
                (MeasurementKind::Baseline, MeasurementStatus::Closed) => N::ConfirmCloseBaselineAll,
                (MeasurementKind::Final, MeasurementStatus::Closed) => N::ConfirmCloseFinalAll,
                (MeasurementKind::Baseline, MeasurementStatus::Open) => N::ConfirmOpenBaselineAll,
            };
            let change = *change;
            let run = run.clone();
            let cancel = confirm.clone();
            html! {
                <div class="confirm-box" role="alertdialog" aria-labelledby="confirm-text" data-testid="confirm">
                    <p id="confirm-text">{ text.t(lang).replace("{n}", &school_count.to_string()) }</p>
                    <div class="button-row">
                        <button type="button" class="button" data-testid="confirm-yes" disabled={*busy}
                            onclick={Callback::from(move |_: MouseEvent| run.emit((None, change.kind, change.status == MeasurementStatus::Open)))}>
                            { N::Confirm.t(lang) }
                        </button>
                        <button type="button" class="button secondary" onclick={Callback::from(move |_: MouseEvent| cancel.set(Confirm::None))}>
                            { N::Cancel.t(lang) }
                        </button>
                    </div>
                </div>
            }
        }
    };
    html! {
        <section class="page measurements-page" data-testid="measurements-page">
            <div class="page-head">
                <div>
                    <h1>{ N::MeasurementsTitle.t(lang) }</h1>
                    <p class="muted">
                        { edition.name.clone() }
                        if let Some(d) = edition.nulmeting_deadline.as_deref().and_then(|d| d.parse::<rubric::Date>().ok()) {
                            { " · " }{ N::Deadline.t(lang) }{ " " }{ crate::i18n::format::date(lang, d) }
                        }
                    </p>
                </div>
            </div>
            <p class="notice">
                { if edition.nulmeting_open { N::AutoOpenExplain.t(lang) } else { N::DeadlinePassedCoordinator.t(lang) } }
            </p>
            <div class="card bulk-actions no-print">
                <h2>{ N::AllSchools.t(lang) }</h2>
                <div class="button-row">
                    <button type="button" class="button" data-testid="open-final-all" disabled={*busy || school_count == 0}
                        onclick={ask(BulkChange { kind: MeasurementKind::Final, status: MeasurementStatus::Open })}>
                        { N::OpenFinalAll.t(lang) }
                    </button>
                    <button type="button" class="button secondary" data-testid="close-baseline-all" disabled={*busy || school_count == 0}
                        onclick={ask(BulkChange { kind: MeasurementKind::Baseline, status: MeasurementStatus::Closed })}>
                        { N::CloseBaselineAll.t(lang) }
                    </button>
                    <button type="button" class="button secondary" disabled={*busy || school_count == 0}
                        onclick={ask(BulkChange { kind: MeasurementKind::Final, status: MeasurementStatus::Closed })}>
                        { N::CloseFinalAll.t(lang) }
                    </button>
                </div>
                { confirm_box }
                // Always there, so screen readers announce what changes in it.
                <p class="success" role="status" data-testid="measurements-message">{ (*message).clone().unwrap_or_default() }</p>
            </div>
            if let Some(e) = (*error).clone() { <ErrorBox error={e} /> }
            if overview.schools.is_empty() {
                <p class="notice" data-testid="no-schools">{ N::NoSchools.t(lang) }</p>
            } else {
                <table class="data-table measurements-table cards-on-phone">
                    <thead>
                        <tr>
                            <th scope="col">{ N::School.t(lang) }</th>
                            <th scope="col">{ N::Baseline.t(lang) }</th>
                            <th scope="col"><span class="visually-hidden">{ N::Actions.t(lang) }</span></th>
                            <th scope="col">{ N::Final.t(lang) }</th>
                            <th scope="col"><span class="visually-hidden">{ N::Actions.t(lang) }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for overview.schools.iter().map(|s| html! {
                            <tr data-school={s.school_id.to_string()}>
                                <th scope="row">
                                    <span class="school-name">{ s.school_name.clone() }</span>
                                    <span class="muted small">{ s.town.clone() }</span>
                                    <span class="row-links small">
                                        <Link to={Route::SchoolTeam { id: s.school_id }}>{ N::TeamLink.t(lang) }</Link>
                                        { " · " }
                                        <Link to={Route::SchoolReport { id: s.school_id }}>{ N::ReportLink.t(lang) }</Link>
                                    </span>
                                </th>
                                <>{ summary_cell(lang, MeasurementKind::Baseline, s.school_id, s.baseline.as_ref(), s.members) }</>
                                <td class="row-actions" data-kind="baseline">{ actions(s, MeasurementKind::Baseline) }</td>
                                <>{ summary_cell(lang, MeasurementKind::Final, s.school_id, s.final_measurement.as_ref(), s.members) }</>
                                <td class="row-actions" data-kind="final">{ actions(s, MeasurementKind::Final) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}

//! Filling in one measurement: the aspects to jump between with their
//! progress, the indicators of the current aspect, where saving stands, and
//! submitting. Saving runs through `use_answer_sheet` (drafts on this device,
//! autosave to the server). A submitted sheet is read-only, with the way to
//! ask for it to be reopened and where that request stands; a reopened
//! sheet is edited and submitted again.

use crate::api;
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::reopen_request::ReopenRequestForm;
use crate::components::nulmeting::aspect_nav::{aspect_nav, AspectProgress};
use crate::components::nulmeting::indicator_answer::{indicator_answer, IndicatorAnswer};
use crate::components::nulmeting::save_status::save_status_line;
use crate::hooks::answer_sheet::{use_answer_sheet, SheetAction};
use crate::hooks::evidence::EvidenceScope;
use crate::hooks::rubric::RubricRef;
use crate::hooks::use_lang;
use crate::i18n::plural::{plural, Count};
use crate::i18n::nulmeting::{kind_name, unix_date, N};
use crate::i18n::submission::S;
use crate::i18n::Text;
use rubric::assessment::api::{MeasurementStatus, MySheet};
use rubric::submission::{ReopenInfo, ReopenOutcome, ReopenState, SheetStatus};
use rubric::AspectId;
use std::rc::Rc;
use yew::prelude::*;
use crate::router::*;

fn aspect_from_hash() -> Option<AspectId> {
    let hash = web_sys::window()?.location().hash().ok()?;
    AspectId::from_key(hash.trim_start_matches('#'))
}

fn set_hash(aspect: AspectId) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{}", aspect.key())));
    }
}

/// Where submitting and asking to reopen stand: one reducer, where a state
/// per field cost a copy of Yew's state machinery per type (issue 13).
#[derive(Clone, Default, PartialEq)]
struct Submission {
    status: SheetStatus,
    reopen: Option<ReopenInfo>,
    submitted_at: Option<i64>,
    /// A reopened sheet submitted again: how many answers changed.
    changed: Option<usize>,
    /// A submit or a reopen request is on its way.
    busy: bool,
    /// The reopen request form is open.
    asking: bool,
    submit_error: Option<api::ApiError>,
    request_error: Option<api::ApiError>,
}

enum Step {
    Busy,
    Submitted(Result<api::nulmeting::Submitted, api::ApiError>),
    Asking(bool),
    Requested(Result<ReopenOutcome, api::ApiError>),
}

impl Reducible for Submission {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        let mut s = (*self).clone();
        match step {
            Step::Busy => s.busy = true,
            Step::Submitted(Ok(done)) => {
                if s.status == SheetStatus::Reopened {
                    s.changed = Some(done.changes);
                    s.reopen = s.reopen.map(|r| ReopenInfo { state: ReopenState::Resubmitted, ..r });
                }
                s.submitted_at = Some(done.submitted_at);
                s.status = SheetStatus::Submitted;
                s.submit_error = None;
                s.busy = false;
            }
            Step::Submitted(Err(e)) => {
                s.submit_error = Some(e);
                s.busy = false;
            }
            Step::Asking(open) => s.asking = open,
            Step::Requested(Ok(o)) => {
                s.status = o.status;
                s.reopen = o.reopen;
                s.asking = false;
                s.request_error = None;
                s.busy = false;
            }
            Step::Requested(Err(e)) => {
                s.request_error = Some(e);
                s.busy = false;
            }
        }
        Rc::new(s)
    }
}

#[derive(Properties, PartialEq)]
pub struct SheetEditorProps {
    pub person_id: i64,
    pub sheet: Rc<MySheet>,
    /// Switch between the nulmeting and the eindmeting.
    pub on_kind: Callback<rubric::assessment::MeasurementKind>,
    /// The rubric of the measurement's version (loaded by the page).
    pub rubric: RubricRef,
    /// The measurement's evidence files (`None` until loaded).
    #[prop_or_default]
    pub evidence: Option<EvidenceScope>,
}

#[component]
pub fn SheetEditor(props: &SheetEditorProps) -> Html {
    let lang = use_lang();
    let rubric = props.rubric.0;
    let info = props.sheet.measurement.clone();
    let (measurement_id, closed) = info.as_ref().map_or((0, true), |m| (m.id, m.status == MeasurementStatus::Closed));
    let frozen = !props.sheet.status.is_editable();
    let sheet = use_answer_sheet(rubric, props.person_id, measurement_id, closed, frozen, Rc::new(props.sheet.answers.clone()));
    let sub = use_reducer(|| Submission {
        status: props.sheet.status,
        reopen: props.sheet.reopen.clone(),
        submitted_at: props.sheet.submitted_at,
        ..Submission::default()
    });
    let aspect = use_state(|| aspect_from_hash().unwrap_or(AspectId::Curriculum));
    let heading = use_node_ref();
    let moved = use_mut_ref(|| false);
    {
        let heading = heading.clone();
        let moved = moved.clone();
        use_effect_with(*aspect, move |_| {
            if *moved.borrow() {
                if let Some(el) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                    el.scroll_into_view();
                }
            }
        });
    }
    let Some(info) = info else { return html! {} };
    let select = {
        let aspect = aspect.clone();
        let moved = moved.clone();
        Callback::from(move |a: AspectId| {
            *moved.borrow_mut() = true;
            set_hash(a);
            aspect.set(a);
        })
    };
    let progress: Vec<AspectProgress> = rubric
        .aspects
        .iter()
        .map(|a| AspectProgress {
            aspect: a.id,
            answered: a.indicators.iter().filter(|i| sheet.entry(&i.id).answered()).count(),
            total: a.indicators.len(),
        })
        .collect();
    let total = rubric.indicator_count();
    let answered = sheet.answered();
    let position = rubric.aspects.iter().position(|a| a.id == *aspect).unwrap_or(0);
    let Some(current) = rubric.aspects.get(position) else { return html! {} };
    let prev = position.checked_sub(1).and_then(|p| rubric.aspects.get(p)).map(|a| a.id);
    let next = rubric.aspects.get(position + 1).map(|a| a.id);
    let is_closed = closed || sheet.closed;

    let step = {
        let d = sub.dispatcher();
        Callback::from(move |s: Step| d.dispatch(s))
    };
    let submit = {
        let (sub, dispatcher) = (step.clone(), sheet.dispatcher());
        Callback::from(move |_: MouseEvent| {
            let (sub, dispatcher) = (sub.clone(), dispatcher.clone());
            sub.emit(Step::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::nulmeting::submit(measurement_id).await;
                if result.is_ok() {
                    dispatcher.dispatch(SheetAction::Frozen);
                }
                sub.emit(Step::Submitted(result));
            });
        })
    };
    let send_request = {
        let sub = step.clone();
        Callback::from(move |reason: String| {
            let sub = sub.clone();
            sub.emit(Step::Busy);
            wasm_bindgen_futures::spawn_local(async move {
                sub.emit(Step::Requested(api::nulmeting::request_reopen(measurement_id, &reason).await));
            });
        })
    };
    // The notice at the top opens the request form in the submit panel.
    let ask_from_top = {
        let sub = step.clone();
        Callback::from(move |_: MouseEvent| {
            sub.emit(Step::Asking(true));
            if let Some(panel) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("submit-panel")) {
                panel.scroll_into_view();
            }
        })
    };
    let status = sub.status;
    let is_frozen = !status.is_editable() || sheet.frozen;
    let can_submit = !is_closed && !is_frozen && answered >= total && !sheet.pending() && !sub.busy;
    let kind_switch = (props.sheet.kinds.len() > 1).then(|| {
        html! {
            <div class="segmented no-print" role="group" aria-label={N::MeasurementChoice.t(lang)}>
                { for props.sheet.kinds.iter().map(|&k| {
                    let on_kind = props.on_kind.clone();
                    html! {
                        <button type="button" class={classes!("segment", (k == info.kind).then_some("active"))}
                            aria-pressed={(k == info.kind).to_string()}
                            onclick={Callback::from(move |_: MouseEvent| on_kind.emit(k))}>{ kind_name(k).t(lang) }</button>
                    }
                }) }
            </div>
        }
    });

    html! {
        <section class="page nulmeting-page" data-testid="nulmeting-page" data-measurement={info.id.to_string()}>
            <div class="page-head">
                <div>
                    <h1>{ format!("{} · {}", kind_name(info.kind).t(lang), info.school_name) }</h1>
                    <p class="muted">
                        { info.edition_name.clone() }
                        if let Some(deadline) = info.deadline.as_deref().and_then(|d| d.parse::<rubric::Date>().ok()) {
                            { " · " }{ N::Deadline.t(lang) }{ " " }{ crate::i18n::format::date(lang, deadline) }
                        }
                    </p>
                </div>
                { save_status_line(lang, sheet.status()) }
            </div>
            { for kind_switch }
            if is_closed {
                <p class="notice" data-testid="closed-notice">{ N::ClosedNotice.t(lang) }</p>
            } else {
                { sheet_notice(lang, status, sub.reopen.as_ref(), ask_from_top) }
            }
            <div class="with-sidebar">
                { aspect_nav(lang, rubric, *aspect, &progress, &select) }
                <div class="content">
                    <section class="aspect-sheet" data-aspect={current.id.key()}>
                        <h2 ref={heading} tabindex="-1"><span class="aspect-number">{ position + 1 }</span>{ current.name.get(lang) }</h2>
                        <p class="muted">{ current.description.get(lang) }</p>
                        { for current.indicators.iter().enumerate().map(|(i, ind)| {
                            let id = ind.id.clone();
                            let dispatcher = sheet.dispatcher();
                            let on_change = {
                                let id = id.clone();
                                let d = dispatcher.clone();
                                Callback::from(move |change| d.dispatch(SheetAction::Edit { indicator: id.clone(), change }))
                            };
                            let on_keep_mine = {
                                let id = id.clone();
                                let d = dispatcher.clone();
                                Callback::from(move |()| d.dispatch(SheetAction::KeepMine { indicator: id.clone() }))
                            };
                            let on_dismiss_conflict = {
                                let id = id.clone();
                                Callback::from(move |()| dispatcher.dispatch(SheetAction::DismissConflict { indicator: id.clone() }))
                            };
                            indicator_answer(lang, rubric, IndicatorAnswer {
                                entry: sheet.entry(&id),
                                indicator_id: id.into(),
                                number: format!("{}.{}", position + 1, i + 1),
                                disabled: is_closed || is_frozen,
                                on_change,
                                on_keep_mine,
                                on_dismiss_conflict,
                                evidence: props.evidence.clone(),
                            })
                        }) }
                        <div class="aspect-steps no-print">
                            if let Some(p) = prev {
                                <button type="button" class="button secondary" data-testid="prev-aspect"
                                    onclick={let s = select.clone(); Callback::from(move |_: MouseEvent| s.emit(p))}>
                                    { "← " }{ rubric.aspect(p).map(|a| a.name.get(lang).to_string()).unwrap_or_default() }
                                </button>
                            } else { <span /> }
                            if let Some(n) = next {
                                <button type="button" class="button" data-testid="next-aspect"
                                    onclick={let s = select.clone(); Callback::from(move |_: MouseEvent| s.emit(n))}>
                                    { rubric.aspect(n).map(|a| a.name.get(lang).to_string()).unwrap_or_default() }{ " →" }
                                </button>
                            }
                        </div>
                    </section>
                    <section class="card submit-panel" id="submit-panel" data-testid="submit-panel">
                        <h2>{ N::SubmitTitle.t(lang) }</h2>
                        <p data-testid="overall-progress">
                            { N::AnsweredOf.t(lang).replace("{n}", &answered.to_string()).replace("{total}", &total.to_string()) }
                        </p>
                        <div class="progress-bar large" aria-hidden="true">
                            <span style={format!("width:{}%", (answered * 100).checked_div(total).unwrap_or(0))}></span>
                        </div>
                        if let (Some(at), true) = (sub.submitted_at, status.is_submitted()) {
                            <p class="success" data-testid="submitted">
                                { N::SubmittedOn.t(lang) }{ " " }{ unix_date(lang, at) }{ "." }
                            </p>
                            if let Some(n) = sub.changed {
                                <p class="muted" data-testid="changes-recorded">{ S::ChangesRecorded.t(lang).replace("{n}", &n.to_string()) }</p>
                            }
                            <Link to={Route::SchoolTeam { id: info.school_id }} classes="button secondary">
                                { N::SeeTeamAnswers.t(lang) }
                            </Link>
                            if status == SheetStatus::Submitted && !is_closed {
                                if sub.asking {
                                    <ReopenRequestForm required=false busy={sub.busy} error={sub.request_error.clone()}
                                        on_send={send_request} on_cancel={step.reform(|()| Step::Asking(false))} />
                                } else {
                                    { " " }
                                    <button type="button" class="button secondary" data-testid="ask-reopen"
                                        onclick={step.reform(|_: MouseEvent| Step::Asking(true))}>
                                        { S::AskReopen.t(lang) }
                                    </button>
                                }
                            }
                        } else if !is_closed && status.is_editable() {
                            <p class="muted">{ N::SubmitExplain.t(lang) }</p>
                            if answered < total {
                                <p class="muted" data-testid="submit-hint">
                                    { plural(lang, total - answered, Count::IndicatorsToAnswer) }
                                </p>
                            }
                            <button type="button" class="button" data-testid="submit" disabled={!can_submit} onclick={submit}>
                                { match (sub.busy, status == SheetStatus::Reopened) {
                                    (true, _) => N::Submitting.t(lang),
                                    (false, true) => S::Resubmit.t(lang),
                                    (false, false) => N::Submit.t(lang),
                                } }
                            </button>
                        }
                        if let Some(e) = sub.submit_error.clone() { <ErrorBox error={e} /> }
                    </section>
                </div>
            </div>
        </section>
    }
}

/// What the respondent reads above the sheet: how to fill it in, or that it
/// is submitted and frozen (and a declined request's note), that their
/// request waits, or that it was reopened and they are blind again.
fn sheet_notice(lang: rubric::Lang, status: SheetStatus, reopen: Option<&ReopenInfo>, on_ask: Callback<MouseEvent>) -> Html {
    match status {
        SheetStatus::Draft => html! { <p class="notice">{ N::FillIntro.t(lang) }</p> },
        SheetStatus::Submitted => {
            let declined = reopen.filter(|r| r.state == ReopenState::Declined);
            html! {
                <div class="notice" data-testid="frozen-notice" data-status="submitted">
                    <p>{ S::FrozenNotice.t(lang) }{ " " }
                        <button type="button" class="link-button" data-testid="ask-reopen-top" onclick={on_ask}>{ S::AskReopen.t(lang) }</button>
                    </p>
                    if let Some(r) = declined {
                        <p data-testid="declined-notice">
                            { S::DeclinedNotice.t(lang) }
                            if !r.note.is_empty() { { " " }{ S::DeclinedNote.t(lang) }{ " " }{ r.note.clone() } }
                        </p>
                    }
                </div>
            }
        }
        SheetStatus::ReopenRequested => html! {
            <div class="notice" data-testid="frozen-notice" data-status="reopen-requested">
                <p>{ S::RequestedNotice.t(lang).replace("{date}", &unix_date(lang, reopen.map_or(0, |r| r.requested_at))) }{ " " }{ S::RequestedWhoNulmeting.t(lang) }</p>
            </div>
        },
        SheetStatus::Reopened => {
            let who = reopen.and_then(|r| r.decided_by.clone()).unwrap_or_default();
            html! {
                <div class="notice warn" data-testid="reopened-notice">
                    <p>{ S::ReopenedNotice.t(lang).replace("{who}", &who) }</p>
                    <p>{ S::ReopenedBlind.t(lang) }</p>
                </div>
            }
        }
    }
}

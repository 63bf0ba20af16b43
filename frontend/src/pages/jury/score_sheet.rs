//! The score sheet part of the scoring page: a score and optional remark per
//! criterion and an overall remark, autosaved as a private draft (first to
//! this browser, then to the server), submitted when complete, and after
//! submitting the other jurors' scores. A submitted sheet is frozen: the
//! juror asks (with a reason) to reopen it; reopened, it is changed and
//! submitted again, and the others' scores are hidden until then. A newer
//! save from elsewhere replaces the draft, with a notice.

use crate::api::{self, ApiError, ErrorCode};
use crate::components::criterion_score::CriterionScore;
use crate::components::error_box::ErrorBox;
use crate::components::reopen_request::ReopenRequestForm;
use crate::components::others_scores::others_scores;
use crate::tree::Tree;
use crate::hooks::use_lang;
use crate::i18n::format::date;
use crate::i18n::jury::{sheet_problem, J};
use crate::i18n::submission::{on_date, S};
use crate::i18n::Text;
use crate::storage;
use gloo_timers::callback::Timeout;
use rubric::jury::setup::{CriterionDef, JuryStatus};
use rubric::jury::views::{validate_sheet, OtherSheets, ScoreFinalist, Sheet, SheetInput, SheetProblem};
use rubric::submission::{ReopenOutcome, ReopenState, SheetStatus};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// How long typing must pause before the draft is sent.
const AUTOSAVE_MS: u32 = 700;

#[derive(Clone, PartialEq)]
enum Saving {
    Idle,
    Pending,
    Busy,
    Saved,
    /// A newer version saved elsewhere replaced the draft.
    Replaced,
    Failed(ApiError),
}

fn input_of(sheet: &Sheet) -> SheetInput {
    SheetInput {
        version: sheet.version,
        scores: sheet.scores.iter().map(|(c, s)| (*c, i64::from(s.get()))).collect(),
        remarks: sheet.remarks.clone(),
        remark: sheet.remark.clone(),
    }
}

/// The draft as this browser keeps it: the same JSON the request sends.
fn draft_json(d: &SheetInput) -> String {
    serde_json::to_string(d).unwrap_or_default()
}

/// Same content, whatever version it was based on.
fn same(a: &SheetInput, b: &SheetInput) -> bool {
    a.scores == b.scores && a.remarks == b.remarks && a.remark == b.remark
}

/// What the sheet shows that changes, in one state (one state machine in
/// the bundle instead of one per part, issue 13).
#[derive(Clone, PartialEq)]
struct View {
    /// The draft as typed (`latest` in the component is the truth for
    /// async code; this renders).
    draft: SheetInput,
    saved: Sheet,
    saving: Saving,
    problems: Vec<SheetProblem>,
    others: Option<Rc<OtherSheets>>,
    /// The form to ask for a reopening is open.
    asking: bool,
    request_busy: bool,
    request_error: Option<ApiError>,
}

/// One change of the [`View`].
enum Change {
    Draft(SheetInput),
    Saved(Sheet),
    Saving(Saving),
    Problems(Vec<SheetProblem>),
    Others(Rc<OtherSheets>),
    Asking(bool),
    RequestBusy(bool),
    RequestError(ApiError),
    /// The reopening was asked for: the sheet's new status, the form closes.
    Reopen(ReopenOutcome),
}

impl Reducible for View {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut v = Rc::unwrap_or_clone(self);
        match change {
            Change::Draft(d) => v.draft = d,
            Change::Saved(s) => v.saved = s,
            Change::Saving(s) => v.saving = s,
            Change::Problems(p) => v.problems = p,
            Change::Others(o) => v.others = Some(o),
            Change::Asking(a) => v.asking = a,
            Change::RequestBusy(b) => v.request_busy = b,
            Change::RequestError(e) => {
                v.request_error = Some(e);
                v.request_busy = false;
            }
            Change::Reopen(o) => {
                v.saved.status = o.status;
                v.saved.reopen = o.reopen;
                v.asking = false;
                v.request_error = None;
                v.request_busy = false;
            }
        }
        Rc::new(v)
    }
}

#[derive(Properties)]
pub struct ScoreSheetFormProps {
    pub finalist: Rc<ScoreFinalist>,
    pub person_id: i64,
}

impl PartialEq for ScoreSheetFormProps {
    /// The same answer from the server (a reload brings a new one): no
    /// field-by-field comparison of the finalist in the bundle.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.finalist, &other.finalist) && self.person_id == other.person_id
    }
}

#[component]
pub fn ScoreSheetForm(props: &ScoreSheetFormProps) -> Html {
    let lang = use_lang();
    let f = &props.finalist;
    let id = f.id;
    let open = f.status == JuryStatus::Open;
    let key = format!("stempact.jury.{}.{id}", props.person_id);
    let criteria: Rc<Vec<CriterionDef>> = use_memo((), {
        let c = f.criteria.clone();
        move |_| c
    });

    // The draft as typed (`latest` is the truth for async code, `draft` renders).
    let server_input = input_of(&f.sheet);
    let initial = {
        let local = storage::load::<SheetInput>(&key);
        match local {
            Some(l) if open && f.sheet.status.is_editable() && l.version == f.sheet.version && !same(&l, &server_input) => l,
            _ => server_input.clone(),
        }
    };
    let latest = use_mut_ref(|| initial.clone());
    let view = use_reducer(|| View {
        draft: initial.clone(),
        saved: f.sheet.clone(),
        saving: Saving::Idle,
        problems: vec![],
        others: None,
        asking: false,
        request_busy: false,
        request_error: None,
    });
    let to = view.dispatcher();
    let timer = use_mut_ref(|| None::<Timeout>);
    let save_ref: Rc<RefCell<Option<Callback<bool>>>> = use_mut_ref(|| None);

    let load_others = {
        let to = to.clone();
        Callback::from(move |()| {
            let to = to.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(o) = api::jury::other_sheets(id).await {
                    to.dispatch(Change::Others(Rc::new(o)));
                }
            });
        })
    };

    let schedule = {
        let (timer, save_ref, to) = (timer.clone(), save_ref.clone(), to.clone());
        Rc::new(move || {
            to.dispatch(Change::Saving(Saving::Pending));
            let save_ref = save_ref.clone();
            *timer.borrow_mut() = Some(Timeout::new(AUTOSAVE_MS, move || {
                let save = save_ref.borrow().clone();
                if let Some(save) = save {
                    save.emit(false);
                }
            }));
        })
    };

    let save = {
        let (latest, to, key, schedule, load_others, timer) =
            (latest.clone(), to.clone(), key.clone(), schedule.clone(), load_others.clone(), timer.clone());
        Callback::from(move |submit: bool| {
            timer.borrow_mut().take();
            let sent = latest.borrow().clone();
            to.dispatch(Change::Saving(Saving::Busy));
            let (latest, to, key, schedule, load_others) = (latest.clone(), to.clone(), key.clone(), schedule.clone(), load_others.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::jury::save_sheet(id, &sent, submit).await {
                    Ok(sheet) => {
                        let mut current = latest.borrow().clone();
                        current.version = sheet.version;
                        *latest.borrow_mut() = current.clone();
                        let submitted_now = sheet.status.is_submitted();
                        to.dispatch(Change::Saved(sheet));
                        to.dispatch(Change::Problems(vec![]));
                        if same(&current, &sent) {
                            storage::remove(&key);
                            to.dispatch(Change::Saving(Saving::Saved));
                        } else {
                            storage::set(&key, &draft_json(&current));
                            schedule();
                        }
                        to.dispatch(Change::Draft(current));
                        if submitted_now {
                            load_others.emit(());
                        }
                    }
                    Err(e) if e.code == ErrorCode::Stale => {
                        if let Some(sheet) = e.current_as::<Sheet>() {
                            let input = input_of(&sheet);
                            *latest.borrow_mut() = input.clone();
                            to.dispatch(Change::Draft(input));
                            to.dispatch(Change::Saved(sheet));
                            storage::remove(&key);
                        }
                        to.dispatch(Change::Saving(Saving::Replaced));
                    }
                    Err(e) => to.dispatch(Change::Saving(Saving::Failed(e))),
                }
            });
        })
    };
    *save_ref.borrow_mut() = Some(save.clone());

    // On arrival: send a draft left from before a reload, show others' scores
    // when already submitted.
    {
        let (save, load_others) = (save.clone(), load_others.clone());
        let pending = open && f.sheet.status.is_editable() && !same(&initial, &server_input);
        let submitted = f.sheet.status.is_submitted();
        use_effect_with(id, move |_| {
            if pending {
                save.emit(false);
            }
            if submitted {
                load_others.emit(());
            }
        });
    }

    let change = {
        let (latest, to, key, schedule) = (latest.clone(), to.clone(), key.clone(), schedule.clone());
        Rc::new(move |edit: &dyn Fn(&mut SheetInput)| {
            let mut d = latest.borrow().clone();
            edit(&mut d);
            *latest.borrow_mut() = d.clone();
            storage::set(&key, &draft_json(&d));
            to.dispatch(Change::Draft(d));
            schedule();
        })
    };
    let on_score = {
        let change = change.clone();
        Callback::from(move |(c, n): (i64, u8)| change(&|d| {
            d.scores.insert(c, i64::from(n));
        }))
    };
    let on_remark = {
        let change = change.clone();
        Callback::from(move |(c, text): (i64, String)| change(&|d| {
            d.remarks.insert(c, text.clone());
        }))
    };
    let on_overall = {
        let change = change.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            change(&|d| d.remark = text.clone());
        })
    };
    let on_submit = {
        let (latest, to, save, criteria) = (latest.clone(), to.clone(), save.clone(), criteria.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match validate_sheet(&latest.borrow(), &criteria, true) {
                Ok(_) => {
                    to.dispatch(Change::Problems(vec![]));
                    save.emit(true);
                }
                Err(p) => to.dispatch(Change::Problems(p)),
            }
        })
    };
    let retry = {
        let save = save.clone();
        Callback::from(move |()| save.emit(false))
    };

    let send_request = {
        let to = to.clone();
        Callback::from(move |reason: String| {
            let to = to.clone();
            to.dispatch(Change::RequestBusy(true));
            wasm_bindgen_futures::spawn_local(async move {
                match api::jury::request_reopen(id, &reason).await {
                    Ok(o) => to.dispatch(Change::Reopen(o)),
                    Err(e) => to.dispatch(Change::RequestError(e)),
                }
            });
        })
    };
    let View { draft, saved, saving, problems, others, asking, request_busy, request_error } = &*view;
    let status = saved.status;
    let editable = open && status.is_editable();
    let submitted_at = saved.submitted_at.filter(|_| status.is_submitted());
    let error_for = |field: String| -> Option<String> {
        problems.iter().find(|p| p.field() == field).map(|p| sheet_problem(lang, p).to_string()).or_else(|| match saving {
            Saving::Failed(e) => e.field(&field).map(String::from),
            _ => None,
        })
    };
    let status_line = match saving {
        Saving::Idle if submitted_at.is_some() => html! {},
        Saving::Idle => html! { <span class="muted">{ J::DraftPrivate.t(lang) }</span> },
        Saving::Pending | Saving::Busy => html! { <span class="muted">{ J::Saving.t(lang) }</span> },
        Saving::Saved => html! { <span class="ok">{ J::Saved.t(lang) }</span> },
        Saving::Replaced => html! { <span class="warn">{ J::ReplacedByNewer.t(lang) }</span> },
        Saving::Failed(e) if e.is_network() => html! { <span class="warn">{ J::NotSavedOffline.t(lang) }</span> },
        Saving::Failed(e) if e.code == ErrorCode::Validation => html! { <span class="warn">{ J::NotSavedFix.t(lang) }</span> },
        Saving::Failed(_) => html! {},
    };
    let scored = criteria.iter().filter(|c| draft.scores.contains_key(&c.id)).count();

    html! {
        <>
            <form class="score-sheet" data-testid="score-sheet" onsubmit={on_submit} novalidate=true>
                <h2>{ J::YourScores.t(lang) }</h2>
                if !open {
                    <p class="notice" data-testid="scoring-closed">{ J::ScoringNotOpen.t(lang) }</p>
                }
                if let Some(at) = submitted_at {
                    <div class="notice ok" data-testid="submitted-notice" data-status={status.key()}>
                        <p>{ format!("{} {}.", J::SubmittedOn.t(lang), rubric::Date::from_unix_seconds(at).map(|d| date(lang, d)).unwrap_or_default()) }</p>
                        if status == SheetStatus::ReopenRequested {
                            <p data-testid="reopen-requested">
                                { on_date(lang, S::RequestedNotice, saved.reopen.as_ref().map_or(0, |r| r.requested_at)) }{ " " }{ S::RequestedWhoJury.t(lang) }
                            </p>
                        } else if open {
                            <p>{ S::JuryFrozenNotice.t(lang) }</p>
                            if let Some(r) = saved.reopen.as_ref().filter(|r| r.state == ReopenState::Declined) {
                                <p data-testid="declined-notice">
                                    { S::DeclinedNotice.t(lang) }
                                    if !r.note.is_empty() { { " " }{ S::DeclinedNote.t(lang) }{ " " }{ r.note.clone() } }
                                </p>
                            }
                            if *asking {
                                <ReopenRequestForm required=true busy={*request_busy} error={request_error.clone()}
                                    on_send={send_request} on_cancel={let to = to.clone(); Callback::from(move |()| to.dispatch(Change::Asking(false)))} />
                            } else {
                                <button type="button" class="button secondary" data-testid="ask-reopen"
                                    onclick={let to = to.clone(); Callback::from(move |_: MouseEvent| to.dispatch(Change::Asking(true)))}>{ S::AskReopen.t(lang) }</button>
                            }
                        }
                    </div>
                } else if status == SheetStatus::Reopened {
                    <div class="notice warn" data-testid="reopened-notice">
                        <p>{ S::ReopenedNotice.t(lang).replace("{who}", saved.reopen.as_ref().and_then(|r| r.decided_by.as_deref()).unwrap_or_default()) }</p>
                        <p>{ S::JuryReopenedBlind.t(lang) }</p>
                    </div>
                } else if open {
                    <p class="muted small">{ J::BlindUntilSubmit.t(lang) }</p>
                }
                { for criteria.iter().map(|c| CriterionScore {
                    lang,
                    criterion: c,
                    score: draft.scores.get(&c.id).and_then(|n| u8::try_from(*n).ok()).and_then(|n| rubric::jury::Score::new(n).ok()),
                    remark: draft.remarks.get(&c.id).map_or("", String::as_str),
                    disabled: !editable,
                    score_error: error_for(format!("scores.{}", c.id)),
                    remark_error: error_for(format!("remarks.{}", c.id)),
                    on_score: &on_score,
                    on_remark: &on_remark,
                }.view()) }
                <label for="sheet-remark">{ J::OverallRemark.t(lang) }</label>
                <textarea id="sheet-remark" rows="3" value={draft.remark.clone()} oninput={on_overall} disabled={!editable}
                    aria-describedby={error_for("remark".into()).map(|_| "sheet-remark-error")} />
                if let Some(e) = error_for("remark".into()) { <p class="field-error" id="sheet-remark-error">{ e }</p> }
                <div class="sheet-actions">
                    <span class="save-status" role="status" aria-live="polite" data-testid="save-status">{ status_line }</span>
                    if editable {
                        <span class="muted small">{ format!("{scored}/{} {}", criteria.len(), J::Scored.t(lang)) }</span>
                        <button type="submit" class="button" data-testid="submit-sheet">
                            { if status == SheetStatus::Reopened { S::Resubmit.t(lang) } else { J::Submit.t(lang) } }
                        </button>
                    }
                </div>
                if let Saving::Failed(e) = saving {
                    if super::jury_error_known(e) { { super::juror_error_view(lang, e) } }
                    else if e.code != ErrorCode::Validation { <ErrorBox error={e.clone()} on_retry={retry} /> }
                }
            </form>
            if let Some(o) = others.as_ref().filter(|_| status.is_submitted()) {
                { { let mut m = Tree::new(); others_scores(&mut m, lang, &criteria, o); m.html() } }
            }
        </>
    }
}

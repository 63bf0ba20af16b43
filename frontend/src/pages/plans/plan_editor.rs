//! The plan page once loaded: the school writes goals from its gaps and
//! actions under them (edit, reorder, drop or delete with undo, submit);
//! the company and the coordinator read and comment. What is being typed
//! (the open form, comment drafts) lives in a reducer saved to localStorage
//! per person and school, so a reload loses nothing; the local copy is
//! cleared when the server confirms. A stale save (409) shows both versions
//! side by side.

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::action_form::{ActionDraft, ActionForm, F};
use crate::components::comment_box::CommentBox;
use crate::components::comment_thread::CommentThread;
use crate::components::conflict_choice::{ConflictChoice, ConflictRow};
use crate::components::error_box::ErrorBox;
use crate::components::form::Errors;
use crate::components::gap_picker::GapPicker;
use crate::components::goal_form::{target_from_profile, GoalEdit, GoalForm};
use crate::components::plan_checks::{check_list, PlanChecksPanel};
use crate::components::plan_view::{action_facts, goal_targets, indicator_label, status_badge};
use crate::components::undo_toast::UndoToast;
use crate::components::version_history::VersionHistory;
use crate::hooks::use_lang;
use crate::i18n::plural::{plural, Count};
use crate::i18n::plans::{comment_error, kind_text, plan_error, status_text, P};
use crate::i18n::submission::S;
use crate::i18n::{format, Lang, Text};
use crate::markup::Markup;
use crate::storage;
use rubric::plan::view::{ActionRow, ActionWrite, GoalRow, GoalWrite, NewComment, NewThread, PlanPage, ProfileMaps};
use rubric::plan::{
    check_plan, validate_comment_body, validate_goal_input, Action, ActionPlan, ActionStatus, CommentTarget, Direction,
    Goal, GoalInput, PlanChecks,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

/// The form being edited. `id` is `None` for a new goal or action;
/// `version` is the row version the edit is based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Editor {
    Goal { id: Option<i64>, version: i64, form: GoalInput },
    Action { id: Option<i64>, goal_id: i64, version: i64, form: ActionDraft },
}

/// Everything typed and not yet saved.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Draft {
    pub editor: Option<Editor>,
    /// Comment drafts: `t{thread}` for replies, `g{goal}` / `a{action}`
    /// for a new thread (present = the box is open).
    pub comments: BTreeMap<String, String>,
}

pub enum DraftAction {
    Editor(Option<Editor>),
    /// A change to the open goal form.
    Goal(GoalEdit),
    /// A change to the open action form.
    Action(F, String),
    /// Change the open form's version (after choosing in a conflict).
    Rebase(i64),
    Comment(String, Option<String>),
}

impl Reducible for Draft {
    type Action = DraftAction;
    fn reduce(self: Rc<Self>, action: DraftAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            DraftAction::Editor(e) => next.editor = e,
            DraftAction::Goal(edit) => {
                if let Some(Editor::Goal { form, .. }) = &mut next.editor {
                    edit.apply(form);
                }
            }
            DraftAction::Action(f, text) => {
                if let Some(Editor::Action { form, .. }) = &mut next.editor {
                    form.apply(f, text);
                }
            }
            DraftAction::Rebase(v) => match &mut next.editor {
                Some(Editor::Goal { version, .. }) | Some(Editor::Action { version, .. }) => *version = v,
                None => {}
            },
            DraftAction::Comment(key, Some(text)) => {
                next.comments.insert(key, text);
            }
            DraftAction::Comment(key, None) => {
                next.comments.remove(&key);
            }
        }
        Rc::new(next)
    }
}

#[derive(Clone, PartialEq)]
enum Undo {
    RestoreGoal(i64),
    Status { action: i64, version: i64, status: ActionStatus },
}

#[derive(Clone, PartialEq)]
struct Toast {
    message: String,
    undo: Option<Undo>,
}

#[derive(Clone, PartialEq)]
struct Conflict {
    rows: Vec<ConflictRow>,
    version: i64,
}

type Job = Pin<Box<dyn Future<Output = Result<Value, ApiError>>>>;

/// What to do with a request's result.
type Done = Box<dyn FnOnce(&Ctx, Result<Value, ApiError>)>;

/// The moved item to refocus: element id, test id prefix, direction pressed.
type Refocus = Rc<std::cell::RefCell<Option<(String, &'static str, Direction)>>>;

/// Move the keyboard focus to the element with this id, if it is there.
fn focus_id(id: Option<&str>) {
    let el = id.and_then(|id| web_sys::window()?.document()?.get_element_by_id(id));
    if let Some(el) = el.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
        let _ = el.focus();
    }
}

fn draft_key(page: &PlanPage) -> String {
    format!("stempact.plan-draft.{}.{}", page.reader_id, page.school.id)
}

fn comment_key(target: CommentTarget) -> String {
    match target {
        CommentTarget::Goal(id) => format!("g{id}"),
        CommentTarget::Action(id) => format!("a{id}"),
    }
}

fn server_errors(e: &ApiError) -> Errors {
    e.fields.iter().map(|f| (f.field.clone(), f.message.clone())).collect()
}

/// Handles and data every part of the page needs.
#[derive(Clone)]
struct Ctx {
    lang: Lang,
    page: Rc<PlanPage>,
    plan: Rc<ActionPlan>,
    maps: Rc<ProfileMaps>,
    checks: Rc<PlanChecks>,
    reload: Callback<()>,
    draft: UseReducerHandle<Draft>,
    errors: UseStateHandle<Errors>,
    conflict: UseStateHandle<Option<Conflict>>,
    toast: UseStateHandle<Option<Toast>>,
    busy: UseStateHandle<bool>,
    error: UseStateHandle<Option<ApiError>>,
    comment_error: UseStateHandle<Option<(String, String)>>,
    confirm: UseStateHandle<bool>,
    /// After a move, the item whose move buttons get the focus back once
    /// the reloaded plan is shown: (`goal-…`/`action-…` element id, prefix,
    /// the direction pressed).
    refocus: Refocus,
}

impl Ctx {
    fn school(&self) -> i64 {
        self.page.school.id
    }

    /// Run a request; `done` gets its result. Busy while it runs.
    fn run(&self, job: Job, done: Done) {
        let ctx = self.clone();
        ctx.busy.set(true);
        ctx.error.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let result = job.await;
            ctx.busy.set(false);
            done(&ctx, result);
        });
    }

    /// Run a request and reload the plan when it succeeds.
    fn run_then_reload(&self, job: Job) {
        self.run(
            job,
            Box::new(|ctx, r| {
                if let Err(e) = r {
                    ctx.error.set(Some(e));
                }
                ctx.reload.emit(());
            }),
        );
    }

    fn open(&self, editor: Editor) {
        self.errors.set(Vec::new());
        self.conflict.set(None);
        self.draft.dispatch(DraftAction::Editor(Some(editor)));
    }

    fn close(&self) {
        self.errors.set(Vec::new());
        self.conflict.set(None);
        self.draft.dispatch(DraftAction::Editor(None));
    }

    fn new_goal(&self, indicator: Option<String>) {
        let form = GoalInput {
            indicator_targets: indicator.map(|i| vec![target_from_profile(&self.maps, &i)]).unwrap_or_default(),
            ..GoalInput::default()
        };
        self.open(Editor::Goal { id: None, version: 0, form });
    }

    fn add_to_goal(&self, indicator: String) {
        self.draft.dispatch(DraftAction::Goal(GoalEdit::Add(target_from_profile(&self.maps, &indicator))));
    }

    fn edit_goal(&self, goal: &Goal) {
        let version = self.page.row_versions.goals.get(&goal.id).copied().unwrap_or(0);
        self.open(Editor::Goal { id: Some(goal.id), version, form: GoalInput::from(goal) });
    }

    fn new_action(&self, goal_id: i64) {
        self.open(Editor::Action { id: None, goal_id, version: 0, form: ActionDraft::default() });
    }

    fn edit_action(&self, a: &Action) {
        let version = self.page.row_versions.actions.get(&a.id).copied().unwrap_or(0);
        self.open(Editor::Action { id: Some(a.id), goal_id: a.goal_id, version, form: ActionDraft::from_action(a, self.lang) });
    }

    /// Save the open form: check it here first, then send it.
    fn save(&self) {
        self.save_editor(self.draft.editor.clone());
    }

    /// Check and send an editor state (also right after a rebase, before
    /// the reducer's new state reaches this render).
    fn save_editor(&self, editor: Option<Editor>) {
        let Some(editor) = editor else { return };
        let lang = self.lang;
        let school = self.school();
        let job: Job = match &editor {
            Editor::Goal { id, version, form } => {
                if let Err(found) = validate_goal_input(form, rubric::current_rubric()) {
                    self.errors.set(found.iter().map(|e| (e.field.clone(), plan_error(&e.error, lang))).collect());
                    return;
                }
                let (id, body) = (*id, GoalWrite { version: *version, goal: form.clone() });
                Box::pin(async move { api::plans::save_goal(school, id, &body).await })
            }
            Editor::Action { id, goal_id, version, form } => match form.check(lang) {
                Err(found) => {
                    self.errors.set(found);
                    return;
                }
                Ok(input) => {
                    let (id, goal_id, body) = (*id, *goal_id, ActionWrite { version: *version, action: input });
                    Box::pin(async move { api::plans::save_action(school, goal_id, id, &body).await })
                }
            },
        };
        self.errors.set(Vec::new());
        self.run(
            job,
            Box::new(move |ctx, r| match r {
                Ok(_) => {
                    ctx.close();
                    ctx.reload.emit(());
                }
                Err(e) if e.status == 422 => ctx.errors.set(server_errors(&e)),
                Err(e) if e.status == 409 => {
                    ctx.conflict.set(e.current.as_ref().and_then(|cur| ctx.conflict_rows(&editor, cur)));
                    ctx.reload.emit(());
                }
                Err(e) => ctx.error.set(Some(e)),
            }),
        );
    }

    /// Both versions of the edited row, field by field.
    fn conflict_rows(&self, mine: &Editor, current: &Value) -> Option<Conflict> {
        let lang = self.lang;
        let row = |label: P, mine: String, theirs: String| ConflictRow { label: label.t(lang).into(), mine, theirs };
        match mine {
            Editor::Goal { form, .. } => {
                let theirs: GoalRow = serde_json::from_str(&current.to_string()).ok()?;
                let targets = |g: &GoalInput| {
                    g.indicator_targets
                        .iter()
                        .map(|t| format!("{} → {}", indicator_label(&t.indicator_id, lang), t.target_level.unwrap_or_default()))
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                let t = GoalInput::from(&theirs.goal);
                Some(Conflict {
                    version: theirs.version,
                    rows: vec![
                        row(P::Title, form.title.clone(), t.title.clone()),
                        row(P::Description, form.description.clone(), t.description.clone()),
                        row(P::Indicators, targets(form), targets(&t)),
                    ],
                })
            }
            Editor::Action { form, .. } => {
                let theirs: ActionRow = serde_json::from_str(&current.to_string()).ok()?;
                let t = ActionDraft::from_action(&theirs.action, lang);
                Some(Conflict {
                    version: theirs.version,
                    rows: vec![
                        row(P::ActionWhat, form.description.clone(), t.description),
                        row(P::Owner, form.owner.clone(), t.owner),
                        row(P::Start, form.start.clone(), t.start),
                        row(P::Deadline, form.deadline.clone(), t.deadline),
                        row(P::Budget, form.budget.clone(), t.budget),
                        row(P::ContributionKindLabel, kind_text(form.kind).t(lang).into(), kind_text(t.kind).t(lang).into()),
                        row(P::ContributionValue, form.value.clone(), t.value),
                        row(P::ContributionDescription, form.contribution_description.clone(), t.contribution_description),
                        row(P::SuccessCriterion, form.success_criterion.clone(), t.success_criterion),
                        row(P::Status, status_text(form.status).t(lang).into(), status_text(t.status).t(lang).into()),
                        row(P::Evidence, form.evidence_url.clone(), t.evidence_url),
                    ],
                })
            }
        }
    }

    /// Keep the reader's version: send it again, now based on the stored one.
    fn keep_mine(&self) {
        let Some(c) = (*self.conflict).clone() else { return };
        let mut editor = self.draft.editor.clone();
        if let Some(Editor::Goal { version, .. } | Editor::Action { version, .. }) = &mut editor {
            *version = c.version;
        }
        self.draft.dispatch(DraftAction::Rebase(c.version));
        self.conflict.set(None);
        self.save_editor(editor);
    }

    fn take_theirs(&self) {
        self.close();
        self.reload.emit(());
    }

    fn edit_mine(&self) {
        if let Some(c) = (*self.conflict).clone() {
            self.draft.dispatch(DraftAction::Rebase(c.version));
            self.conflict.set(None);
        }
    }

    fn delete_goal(&self, id: i64) {
        let school = self.school();
        self.run(
            Box::pin(async move { api::plans::delete_goal(school, id).await }),
            Box::new(move |ctx, r| {
                match r {
                    Ok(_) => ctx.toast.set(Some(Toast {
                        message: P::GoalDeleted.t(ctx.lang).into(),
                        undo: Some(Undo::RestoreGoal(id)),
                    })),
                    Err(e) => ctx.error.set(Some(e)),
                }
                ctx.reload.emit(());
            }),
        );
    }

    fn set_status(&self, a: &Action, status: ActionStatus) {
        let school = self.school();
        let (id, previous) = (a.id, a.status);
        let version = self.page.row_versions.actions.get(&id).copied().unwrap_or(0);
        self.run(
            Box::pin(async move { api::plans::set_status(school, id, version, status).await }),
            Box::new(move |ctx, r| {
                match r {
                    Ok(row) if status == ActionStatus::Dropped => ctx.toast.set(Some(Toast {
                        message: P::ActionDropped.t(ctx.lang).into(),
                        undo: Some(Undo::Status { action: id, version: row["version"].as_i64().unwrap_or(0), status: previous }),
                    })),
                    Ok(_) => {}
                    Err(e) => ctx.error.set(Some(e)),
                }
                ctx.reload.emit(());
            }),
        );
    }

    fn undo(&self, undo: Undo) {
        let school = self.school();
        self.toast.set(None);
        self.run_then_reload(match undo {
            Undo::RestoreGoal(id) => Box::pin(async move { api::plans::restore_goal(school, id).await }),
            Undo::Status { action, version, status } => {
                Box::pin(async move { api::plans::set_status(school, action, version, status).await })
            }
        });
    }

    fn move_item(&self, is_goal: bool, id: i64, direction: Direction) {
        let school = self.school();
        let (element, prefix) = if is_goal { (format!("goal-{id}"), "goal") } else { (format!("action-{id}"), "action") };
        *self.refocus.borrow_mut() = Some((element, prefix, direction));
        self.run_then_reload(Box::pin(async move { api::plans::move_item(school, is_goal, id, direction).await }));
    }

    fn submit(&self) {
        let school = self.school();
        self.confirm.set(false);
        self.run(
            Box::pin(async move { api::plans::submit(school).await }),
            Box::new(|ctx, r| {
                match r {
                    Ok(v) => ctx.toast.set(Some(Toast {
                        message: format!("{} {} {}.", P::Version.t(ctx.lang), v["number"], P::Submitted.t(ctx.lang)),
                        undo: None,
                    })),
                    Err(e) => ctx.error.set(Some(e)),
                }
                ctx.reload.emit(());
            }),
        );
    }

    /// Send a comment: a reply in `thread`, or a new thread on `target`.
    fn send_comment(&self, key: String, thread: Option<i64>, target: CommentTarget) {
        let text = self.draft.comments.get(&key).cloned().unwrap_or_default();
        let body = match validate_comment_body(&text) {
            Ok(b) => b,
            Err(e) => {
                self.comment_error.set(Some((key, comment_error(&e, self.lang))));
                return;
            }
        };
        self.comment_error.set(None);
        let school = self.school();
        let job: Job = match thread {
            Some(t) => Box::pin(async move { api::plans::reply(school, t, &NewComment { body }).await }),
            None => Box::pin(async move { api::plans::start_thread(school, &NewThread { target, body }).await }),
        };
        self.run(
            job,
            Box::new(move |ctx, r| match r {
                Ok(_) => {
                    ctx.draft.dispatch(DraftAction::Comment(key, None));
                    ctx.reload.emit(());
                }
                Err(e) if e.status == 422 => {
                    ctx.comment_error.set(e.fields.first().map(|f| (key.clone(), f.message.clone())));
                }
                Err(e) => ctx.error.set(Some(e)),
            }),
        );
    }

    fn resolve(&self, thread: i64, resolved: bool) {
        let school = self.school();
        self.run_then_reload(Box::pin(async move { api::plans::resolve(school, thread, resolved).await }));
    }

    // Rendering ---------------------------------------------------------

    fn tool(&self, label: P, glyph: &'static str, testid: &'static str, disabled: bool, on: Callback<MouseEvent>) -> Html {
        let lang = self.lang;
        html! {
            <button type="button" class="tool" title={label.t(lang)} aria-label={label.t(lang)} data-testid={testid}
                disabled={disabled || *self.busy} onclick={on}>
                if glyph.is_empty() { { label.t(lang) } } else { <span aria-hidden="true">{ glyph }</span> }
            </button>
        }
    }

    fn cb(&self, f: impl Fn(&Ctx) + 'static) -> Callback<MouseEvent> {
        let ctx = self.clone();
        Callback::from(move |_| f(&ctx))
    }

    /// The open form (or the conflict choice) for the editor, if it is this one.
    fn editor_here(&self, is_here: impl Fn(&Editor) -> bool) -> Option<Html> {
        let editor = self.draft.editor.as_ref().filter(|e| is_here(e))?;
        if let Some(c) = (*self.conflict).clone() {
            return Some(html! {
                <ConflictChoice rows={c.rows} busy={*self.busy}
                    on_keep_mine={{ let x = self.clone(); Callback::from(move |()| x.keep_mine()) }}
                    on_take_theirs={{ let x = self.clone(); Callback::from(move |()| x.take_theirs()) }}
                    on_edit={{ let x = self.clone(); Callback::from(move |()| x.edit_mine()) }} />
            });
        }
        let save = { let x = self.clone(); Callback::from(move |()| x.save()) };
        let cancel = { let x = self.clone(); Callback::from(move |()| x.close()) };
        let draft = self.draft.clone();
        Some(match editor.clone() {
            Editor::Goal { form, .. } => {
                let on_edit = Callback::from(move |edit: GoalEdit| draft.dispatch(DraftAction::Goal(edit)));
                html! { <GoalForm value={form} maps={self.maps.clone()} errors={(*self.errors).clone()} busy={*self.busy}
                    on_edit={on_edit} on_save={save} on_cancel={cancel} /> }
            }
            Editor::Action { form, .. } => {
                let on_edit = Callback::from(move |(f, text): (F, String)| draft.dispatch(DraftAction::Action(f, text)));
                html! { <ActionForm value={form} errors={(*self.errors).clone()} busy={*self.busy}
                    on_edit={on_edit} on_save={save} on_cancel={cancel} /> }
            }
        })
    }

    /// The threads on a goal or action, and the box to start one.
    fn comments(&self, target: CommentTarget) -> Html {
        let lang = self.lang;
        let access = self.page.access;
        let key = comment_key(target);
        let error_for = |k: &str| (*self.comment_error).clone().filter(|(ek, _)| ek == k).map(|(_, m)| m);
        let threads = self.page.threads_on(target);
        let new_box = self.draft.comments.get(&key).cloned().map(|text| {
            let draft = self.draft.clone();
            let k = key.clone();
            let on_change = Callback::from(move |t: String| draft.dispatch(DraftAction::Comment(k.clone(), Some(t))));
            let x = self.clone();
            let k = key.clone();
            let on_send = Callback::from(move |()| x.send_comment(k.clone(), None, target));
            let draft = self.draft.clone();
            let k = key.clone();
            let on_cancel = Callback::from(move |()| draft.dispatch(DraftAction::Comment(k.clone(), None)));
            html! { <CommentBox id={format!("new-{key}")} label={P::NewThreadLabel.t(lang)} value={text} error={error_for(&key)}
                busy={*self.busy} on_change={on_change} on_send={on_send} on_cancel={Some(on_cancel)} /> }
        });
        if threads.is_empty() && new_box.is_none() && !access.start_threads {
            return html! {};
        }
        html! {
            <div class="item-comments">
                { for threads.into_iter().map(|t| {
                    let tkey = format!("t{}", t.id);
                    let draft = self.draft.clone();
                    let k = tkey.clone();
                    let on_draft = Callback::from(move |s: String| draft.dispatch(DraftAction::Comment(k.clone(), Some(s))));
                    let x = self.clone();
                    let (k, tid) = (tkey.clone(), t.id);
                    let on_reply = Callback::from(move |()| x.send_comment(k.clone(), Some(tid), target));
                    let x = self.clone();
                    let on_resolve = Callback::from(move |r: bool| x.resolve(tid, r));
                    let draft = self.draft.clone();
                    let k = tkey.clone();
                    let on_cancel = Callback::from(move |()| draft.dispatch(DraftAction::Comment(k.clone(), None)));
                    html! { <CommentThread key={t.id} thread={t.clone()} reader_id={self.page.reader_id} last_read={self.page.last_read}
                        can_reply={access.reply} draft={self.draft.comments.get(&tkey).cloned()}
                        error={error_for(&tkey)} busy={*self.busy} on_draft={on_draft} on_reply={on_reply} on_resolve={on_resolve}
                        on_cancel={on_cancel} /> }
                }) }
                if let Some(b) = new_box {
                    { b }
                } else if access.start_threads {
                    <button type="button" class="link-button small" data-testid="start-thread"
                        onclick={{ let d = self.draft.clone(); let k = key.clone(); Callback::from(move |_| d.dispatch(DraftAction::Comment(k.clone(), Some(String::new())))) }}>
                        { P::StartThread.t(lang) }
                    </button>
                }
            </div>
        }
    }

    fn action_item(&self, a: &Action, first: bool, last: bool) -> Html {
        let lang = self.lang;
        let id = a.id;
        if let Some(form) = self.editor_here(|e| matches!(e, Editor::Action { id: Some(x), .. } if *x == id)) {
            return html! { <li key={id} class="plan-action editing" id={format!("action-{id}")}>{ form }</li> };
        }
        let edit = self.page.access.edit;
        let locked = self.draft.editor.is_some();
        let dropped = a.status == ActionStatus::Dropped;
        let action = a.clone();
        let mut head = Markup::new();
        head.el("<span class=\"action-what pre\">", &a.description, "</span> ");
        status_badge(&mut head, a.status, lang);
        let mut facts = Markup::new();
        action_facts(&mut facts, a, lang);
        html! {
            <li key={id} class={classes!("plan-action", dropped.then_some("dropped"))} id={format!("action-{id}")}
                data-testid="action" data-action-id={id.to_string()} data-status={a.status.key()}>
                <div class="action-head">
                    { head.html() }
                    if edit {
                        <span class="item-tools">
                            if dropped {
                                { self.tool(P::Restore, "", "restore-action", locked, { let a = action.clone(); self.cb(move |c| c.set_status(&a, ActionStatus::Planned)) }) }
                            } else {
                                { self.tool(P::MoveUp, "↑", "action-up", first, self.cb(move |c| c.move_item(false, id, Direction::Up))) }
                                { self.tool(P::MoveDown, "↓", "action-down", last, self.cb(move |c| c.move_item(false, id, Direction::Down))) }
                                { self.tool(P::Edit, "", "edit-action", locked, { let a = action.clone(); self.cb(move |c| c.edit_action(&a)) }) }
                                { self.tool(P::Drop, "", "drop-action", locked, { let a = action.clone(); self.cb(move |c| c.set_status(&a, ActionStatus::Dropped)) }) }
                            }
                        </span>
                    }
                </div>
                { facts.html() }
                { self.comments(CommentTarget::Action(id)) }
            </li>
        }
    }

    fn goal_card(&self, goal: &Goal, index: usize, count: usize) -> Html {
        let lang = self.lang;
        let id = goal.id;
        let edit = self.page.access.edit;
        let locked = self.draft.editor.is_some();
        let actions = self.plan.actions_of(id);
        let (live, dropped): (Vec<&Action>, Vec<&Action>) = actions.into_iter().partition(|a| a.status != ActionStatus::Dropped);
        let editing = self.editor_here(|e| matches!(e, Editor::Goal { id: Some(x), .. } if *x == id));
        let new_action = self.editor_here(|e| matches!(e, Editor::Action { id: None, goal_id, .. } if *goal_id == id));
        let g = goal.clone();
        let mut body = Markup::new();
        if !goal.description.is_empty() {
            body.el("<p class=\"pre\">", &goal.description, "</p>");
        }
        goal_targets(&mut body, goal, lang);
        if self.checks.goals_without_gap.contains(&id) {
            body.el("<p class=\"flag\" data-testid=\"flag-no-gap\">", P::GoalNoGap.t(lang), "</p>");
        }
        if self.checks.goals_without_actions.contains(&id) && new_action.is_none() {
            body.el("<p class=\"flag\" data-testid=\"flag-no-actions\">", P::GoalNoActions.t(lang), "</p>");
        }
        html! {
            <article class="goal-card" key={id} id={format!("goal-{id}")} data-testid="goal" data-goal-id={id.to_string()}>
                if let Some(form) = editing {
                    { form }
                } else {
                    <header class="goal-head">
                        <h3>{ format!("{}. {}", index + 1, goal.title) }</h3>
                        if edit {
                            <span class="item-tools">
                                { self.tool(P::MoveUp, "↑", "goal-up", index == 0, self.cb(move |c| c.move_item(true, id, Direction::Up))) }
                                { self.tool(P::MoveDown, "↓", "goal-down", index + 1 == count, self.cb(move |c| c.move_item(true, id, Direction::Down))) }
                                { self.tool(P::Edit, "", "edit-goal", locked, self.cb(move |c| c.edit_goal(&g))) }
                                { self.tool(P::Delete, "", "delete-goal", locked, self.cb(move |c| c.delete_goal(id))) }
                            </span>
                        }
                    </header>
                    { body.html() }
                    { self.comments(CommentTarget::Goal(id)) }
                }
                <h4 class="visually-hidden">{ P::Actions.t(lang) }</h4>
                <ol class="plan-actions">
                    { for live.iter().enumerate().map(|(i, a)| self.action_item(a, i == 0, i + 1 == live.len())) }
                </ol>
                if let Some(form) = new_action {
                    <div class="new-action">{ form }</div>
                } else if edit {
                    <button type="button" class="button secondary small" data-testid="add-action" disabled={locked}
                        onclick={self.cb(move |c| c.new_action(id))}>{ format!("+ {}", P::AddAction.t(lang)) }</button>
                }
                if !dropped.is_empty() {
                    <details class="dropped-actions">
                        <summary>{ format!("{} ({})", P::DroppedActions.t(lang), dropped.len()) }</summary>
                        <ol class="plan-actions">{ for dropped.iter().map(|a| self.action_item(a, true, true)) }</ol>
                    </details>
                }
            </article>
        }
    }

    fn status_line(&self) -> Html {
        let lang = self.lang;
        let page = &self.page;
        let text = match page.history.first() {
            None => P::StatusDraftOnly.t(lang).to_string(),
            Some(v) => {
                let day = rubric::Date::from_unix_seconds(v.submitted_at).map(|d| format::date(lang, d)).unwrap_or_default();
                format!("{} {} {} {day} {} {}", P::Version.t(lang), v.number, P::SubmittedOn.t(lang), P::By.t(lang), v.submitted_by)
            }
        };
        html! {
            <p class="plan-status" data-testid="plan-status">
                { text }
                if !page.draft_changes.is_empty() { { " · " }{ P::DraftChanged.t(lang) } }
            </p>
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {
    pub page: Rc<PlanPage>,
    pub reload: Callback<()>,
}

#[component]
pub fn PlanEditor(props: &PlanEditorProps) -> Html {
    let lang = use_lang();
    let page = props.page.clone();
    let key = draft_key(&page);
    let draft = {
        let key = key.clone();
        use_reducer(move || storage::get(&key).and_then(|s| serde_json::from_str::<Draft>(&s).ok()).unwrap_or_default())
    };
    {
        let key = key.clone();
        use_effect_with((*draft).clone(), move |d| {
            if *d == Draft::default() {
                storage::remove(&key);
            } else if let Ok(json) = serde_json::to_string(d) {
                storage::set(&key, &json);
            }
        });
    }
    // Reading the page marks its comments read (for the counts elsewhere).
    {
        let (school, unread) = (page.school.id, page.counts.unread);
        use_effect_with((school, unread), move |(school, unread)| {
            if *unread > 0 {
                let school = *school;
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = api::plans::mark_read(school).await;
                });
            }
        });
    }
    let toast = use_state(|| None::<Toast>);
    {
        let toast = toast.clone();
        use_effect_with((*toast).clone(), move |t| {
            let timer = t.as_ref().map(|_| gloo_timers::callback::Timeout::new(12_000, move || toast.set(None)));
            move || drop(timer)
        });
    }
    let maps = Rc::new(ProfileMaps::new(page.profile.as_ref()));
    let plan = Rc::new(page.plan.clone());
    let context = maps.context(page.today, page.edition.cofinancing_threshold_percent, rubric::current_rubric());
    let checks = Rc::new(check_plan(&plan, &context));
    let ctx = Ctx {
        lang,
        page: page.clone(),
        plan: plan.clone(),
        maps: maps.clone(),
        checks: checks.clone(),
        reload: props.reload.clone(),
        draft: draft.clone(),
        errors: use_state(Vec::new),
        conflict: use_state(|| None),
        toast: toast.clone(),
        busy: use_state(|| false),
        error: use_state(|| None),
        comment_error: use_state(|| None),
        confirm: use_state(|| false),
        refocus: use_mut_ref(|| None).clone(),
    };
    // Moving re-orders the DOM, which drops the focus: give it back to the
    // moved item's buttons, so a keyboard user can keep moving it.
    {
        let refocus = ctx.refocus.clone();
        use_effect_with(Rc::as_ptr(&page) as usize, move |_| {
            if let Some((element, prefix, direction)) = refocus.borrow_mut().take() {
                let doc = web_sys::window().and_then(|w| w.document());
                let button = |dir: &str| {
                    let css = format!("#{element} > .goal-head [data-testid={prefix}-{dir}]:not(:disabled), #{element} > .action-head [data-testid={prefix}-{dir}]:not(:disabled)");
                    doc.as_ref().and_then(|d| d.query_selector(&css).ok().flatten())
                };
                let (same, other) = if direction == Direction::Up { ("up", "down") } else { ("down", "up") };
                if let Some(el) = button(same).or_else(|| button(other)) {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            }
        });
    }
    // A goal or action form that opens (also from a gap higher up the
    // page) comes into view with the cursor in its first field (issue 14).
    {
        let first_field = match &draft.editor {
            Some(Editor::Goal { id, .. }) => Some(format!("goal-title|{id:?}")),
            Some(Editor::Action { id, goal_id, .. }) => Some(format!("action-description|{goal_id}|{id:?}")),
            None => None,
        };
        use_effect_with(first_field, |field| focus_id(field.as_deref().and_then(|f| f.split('|').next())));
        // The submit dialog takes the focus, so its text is read first.
        use_effect_with(*ctx.confirm, |open| focus_id(open.then_some("confirm-submit")));
    }
    let access = page.access;
    let goals = plan.goals_in_order();
    let count = goals.len();
    let locked = draft.editor.is_some();
    let can_submit = !plan.goals.is_empty() && (page.history.is_empty() || !page.draft_changes.is_empty());
    let new_goal = ctx.editor_here(|e| matches!(e, Editor::Goal { id: None, .. }));
    let goal_open = matches!(draft.editor, Some(Editor::Goal { .. }));
    let school = &page.school;
    html! {
        <div class="page plan-page" data-testid="plan-page">
            <div class="page-head">
                <div>
                    <h1>{ format!("{} · {}", P::PlanTitle.t(lang), school.name) }</h1>
                    <p class="muted">
                        { format!("{} · {}: {} · {} {}", school.town, P::Sponsor.t(lang),
                            school.company_name.clone().unwrap_or_else(|| P::NoSponsor.t(lang).into()),
                            P::Edition.t(lang), page.edition.name) }
                    </p>
                    { ctx.status_line() }
                    <p class="counts">
                        <span class="count" data-testid="plan-open-count">{ plural(lang, page.counts.open, Count::OpenComments) }</span>
                        <span class="count" data-testid="plan-resolved-count">{ plural(lang, page.counts.resolved, Count::ResolvedComments) }</span>
                    </p>
                </div>
                <div class="page-actions">
                    <Link<Route> to={Route::SchoolPlanPrint { id: school.id }} classes="button secondary">{ P::PrintableVersion.t(lang) }</Link<Route>>
                    if access.edit {
                        <button type="button" class="button" data-testid="submit-plan" disabled={!can_submit || locked || *ctx.busy}
                            title={(!can_submit && !plan.goals.is_empty()).then(|| P::NothingNew.t(lang))}
                            onclick={{ let c = ctx.confirm.clone(); Callback::from(move |_| c.set(true)) }}>{ P::Submit.t(lang) }</button>
                    }
                </div>
            </div>
            if *ctx.confirm {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" data-testid="confirm-submit" id="confirm-submit" tabindex="-1">
                    <p id="confirm-title"><strong>{ format!("{} {}?", P::Submit.t(lang), format!("{} {}", rubric::people::fold_case(P::Version.t(lang)), page.latest_version().unwrap_or(0) + 1)) }</strong></p>
                    <p>{ P::SubmitConfirm.t(lang) }</p>
                    // What the checks still flag (a goal without actions or without an indicator…), said before submitting.
                    if let Some(list) = check_list(&checks, &plan, lang) {
                        <div class="confirm-warnings" data-testid="submit-warnings">
                            <p><strong>{ P::SubmitWarnings.t(lang) }</strong></p>
                            { list }
                        </div>
                    }
                    <div class="form-buttons">
                        <button type="button" class="button" data-testid="confirm-submit-yes" onclick={ctx.cb(|c| c.submit())}>{ P::SubmitYes.t(lang) }</button>
                        <button type="button" class="button secondary" onclick={{ let c = ctx.confirm.clone(); Callback::from(move |_| c.set(false)) }}>{ P::Cancel.t(lang) }</button>
                    </div>
                </div>
            }
            if !access.edit { <p class="notice">{ P::ReadOnlyNote.t(lang) }</p> }
            if let Some(e) = (*ctx.error).clone() { <ErrorBox error={e} /> }
            <div class="plan-layout">
                <div class="plan-main">
                    if access.edit {
                        if let Some(profile) = page.profile.clone() {
                            <GapPicker profile={Rc::new(profile)} plan={plan.clone()} goal_open={goal_open}
                                on_make_goal={{ let c = ctx.clone(); Callback::from(move |i: String| if c.draft.editor.is_none() { c.new_goal(Some(i)) }) }}
                                on_add_to_goal={{ let c = ctx.clone(); Callback::from(move |i: String| c.add_to_goal(i)) }} />
                        } else if page.profile_hidden {
                            <p class="notice" data-testid="profile-hidden">
                                { S::BlindPlan.t(lang) }{ " " }
                                <Link<Route> to={Route::Nulmeting}>{ S::ToMySheet.t(lang) }</Link<Route>>
                            </p>
                        } else {
                            <p class="notice" data-testid="no-profile">{ P::NoProfile.t(lang) }</p>
                        }
                    }
                    <section class="goals" aria-labelledby="goals-title">
                        <div class="section-head">
                            <h2 id="goals-title">{ P::Goals.t(lang) }</h2>
                            if access.edit {
                                <button type="button" class="button secondary small" data-testid="new-goal" disabled={locked}
                                    onclick={ctx.cb(|c| c.new_goal(None))}>{ format!("+ {}", P::NewGoalNoIndicator.t(lang)) }</button>
                            }
                        </div>
                        if let Some(form) = new_goal { <div class="goal-card new-goal">{ form }</div> }
                        if goals.is_empty() && !locked { <p class="muted" data-testid="no-goals">{ P::NoGoals.t(lang) }</p> }
                        { for goals.iter().enumerate().map(|(i, g)| ctx.goal_card(g, i, count)) }
                    </section>
                    <VersionHistory school_id={school.id} history={page.history.clone()} draft_changes={page.draft_changes.clone()} />
                </div>
                <PlanChecksPanel checks={checks} plan={plan.clone()} />
            </div>
            if let Some(t) = (*toast).clone() {
                <UndoToast message={t.message.clone()}
                    on_undo={t.undo.clone().map(|u| { let c = ctx.clone(); Callback::from(move |()| c.undo(u.clone())) })}
                    on_close={{ let toast = toast.clone(); Callback::from(move |()| toast.set(None)) }} />
            }
        </div>
    }
}

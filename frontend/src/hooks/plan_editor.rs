//! `use_plan_editor`: the plan page's [`PlanState`] behind one reducer, and
//! the requests that change it: saving the open goal or action form (checked
//! here first with the `rubric` rules), a stale save (409) answered with the
//! stored row to compare, deleting a goal or dropping an action with undo,
//! moving, submitting, and the comment threads. What is typed is kept in
//! localStorage per person and school, so a reload loses nothing; the local
//! copy is cleared when the server confirms. After each write the plan is
//! reloaded; the answer is shown at once.

use super::plan_state::{Draft, Editor, PlanAction, PlanState, Theirs, Undo};
use crate::api::{self, ApiError};
use crate::components::action_form::{ActionDraft, F};
use crate::components::form::Errors;
use crate::components::goal_form::{target_from_profile, GoalEdit};
use crate::hooks::use_lang;
use crate::i18n::plans::{comment_error, plan_error};
use crate::i18n::Lang;
use crate::storage;
use rubric::plan::view::{ActionRow, ActionWrite, GoalRow, GoalWrite, NewComment, NewThread, PlanPage, ProfileMaps};
use rubric::plan::{
    check_plan, validate_comment_body, validate_goal_input, Action, ActionPlan, ActionStatus, CommentTarget, Direction, Goal,
    GoalInput, PlanChecks,
};
use std::cell::RefCell;
use std::future::Future;
use std::ops::Deref;
use std::pin::Pin;
use std::rc::Rc;
use yew::prelude::*;

/// How long a toast stays, in milliseconds.
const TOAST_MS: u32 = 12_000;

/// A request and what follows it: the action for the reducer, and whether
/// the plan is reloaded.
type Job = Pin<Box<dyn Future<Output = (PlanAction, bool)>>>;

/// The answer of a request the page only reloads after, failure shown.
fn reloaded<T>(r: Result<T, ApiError>) -> (PlanAction, bool) {
    (r.err().map_or(PlanAction::Settled, PlanAction::Failed), true)
}

/// The moved item to refocus: element id, test id prefix, direction pressed.
type Refocus = Rc<RefCell<Option<(String, &'static str, Direction)>>>;

/// The plan page's state and commands, handed to its parts; one `Rc`, so
/// handing it on is cheap. Reads through to [`EditorParts`] and on to the
/// [`PlanState`].
#[derive(Clone)]
pub struct PlanEditor(Rc<EditorParts>);

/// What the [`PlanEditor`] holds.
pub struct EditorParts {
    pub lang: Lang,
    /// The state's revision when this handle was made.
    revision: u64,
    state: UseReducerHandle<PlanState>,
    /// The plan as shown, and what the checks say of it.
    pub plan: Rc<ActionPlan>,
    pub maps: Rc<ProfileMaps>,
    pub checks: Rc<PlanChecks>,
    /// The rubric the plan targets (its baseline's version).
    pub rubric: &'static rubric::Rubric,
    reload: Callback<()>,
    refocus: Refocus,
}

impl PartialEq for PlanEditor {
    /// Made from the same state, in the same language (the rest follows
    /// from them).
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang && self.revision == other.revision
    }
}

impl Deref for PlanEditor {
    type Target = EditorParts;
    fn deref(&self) -> &EditorParts {
        &self.0
    }
}

impl Deref for EditorParts {
    type Target = PlanState;
    fn deref(&self) -> &PlanState {
        &self.state
    }
}

fn draft_key(page: &PlanPage) -> String {
    format!("stempact.plan-draft.{}.{}", page.reader_id, page.school.id)
}

fn server_errors(e: &ApiError) -> Errors {
    e.fields.iter().map(|f| (f.field.clone(), f.message.clone())).collect()
}

/// Move the keyboard focus to the element with this id, if it is there.
fn focus_id(id: Option<&str>) {
    let el = id.and_then(|id| web_sys::window()?.document()?.get_element_by_id(id));
    if let Some(el) = el.and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok()) {
        let _ = el.focus();
    }
}

impl PlanEditor {
    fn school(&self) -> i64 {
        self.page.school.id
    }

    /// A callback running `f` on this editor.
    pub fn cb(&self, f: impl Fn(&PlanEditor) + 'static) -> Callback<()> {
        let ed = self.clone();
        Callback::from(move |()| f(&ed))
    }

    fn dispatch(&self, action: PlanAction) {
        self.state.dispatch(action);
    }

    /// Send a request: `job` answers with what the page does next and
    /// whether the plan is reloaded afterwards. Boxed: one copy of this for
    /// every request.
    fn run(&self, job: Job) {
        let (state, reload) = (self.state.clone(), self.reload.clone());
        state.dispatch(PlanAction::Sending);
        wasm_bindgen_futures::spawn_local(async move {
            let (action, then_reload) = job.await;
            state.dispatch(action);
            if then_reload {
                reload.emit(());
            }
        });
    }

    pub fn new_goal(&self, indicator: Option<String>) {
        let form = GoalInput {
            indicator_targets: indicator.map(|i| vec![target_from_profile(&self.maps, &i)]).unwrap_or_default(),
            ..GoalInput::default()
        };
        self.dispatch(PlanAction::Open(Editor::Goal { id: None, version: 0, form }));
    }

    /// One click on a next step: an action under the goal that targets
    /// the indicator, its description filled in with the step (and the
    /// partner that helps). Without such a goal, the goal is made first
    /// (the indicator's name as its title, saved like any goal and undone
    /// like one with its delete), then the action opens under it. The
    /// action is a draft like any other (kept on this device, cancelled
    /// with the form's cancel).
    pub fn draft_step(&self, indicator: String, text: String) {
        let goal = self.plan.goals.iter().find(|g| g.indicator_targets.iter().any(|t| t.indicator_id == indicator));
        let action = move |goal_id| Editor::Action { id: None, goal_id, version: 0, form: ActionDraft { description: text, ..ActionDraft::default() } };
        if let Some(goal) = goal {
            return self.dispatch(PlanAction::Open(action(goal.id)));
        }
        let form = GoalInput {
            title: rubric::names::indicator(&indicator, self.lang).map(|(_, t)| t.to_string()).unwrap_or_default(),
            description: String::new(),
            indicator_targets: vec![target_from_profile(&self.maps, &indicator)],
        };
        if validate_goal_input(&form, self.rubric).is_err() {
            // Not a goal as it stands (never expected): the form says why.
            return self.dispatch(PlanAction::Open(Editor::Goal { id: None, version: 0, form }));
        }
        let (state, reload, school) = (self.state.clone(), self.reload.clone(), self.school());
        state.dispatch(PlanAction::Sending);
        wasm_bindgen_futures::spawn_local(async move {
            let body = GoalWrite { version: 0, goal: form };
            match api::plans::save_goal(school, None, &body).await {
                Ok(row) => {
                    let goal_id = row.goal.id;
                    state.dispatch(PlanAction::GoalSaved(row));
                    state.dispatch(PlanAction::Open(action(goal_id)));
                    reload.emit(());
                }
                Err(e) => {
                    let (next, then_reload) = saved(Err(e), PlanAction::GoalSaved, |e| e.current_as::<GoalRow>().map(Theirs::Goal));
                    state.dispatch(next);
                    if then_reload {
                        reload.emit(());
                    }
                }
            }
        });
    }

    pub fn add_to_goal(&self, indicator: String) {
        self.dispatch(PlanAction::EditGoal(GoalEdit::Add(target_from_profile(&self.maps, &indicator))));
    }

    pub fn edit_goal(&self, goal: &Goal) {
        let version = self.goal_version(goal.id);
        self.dispatch(PlanAction::Open(Editor::Goal { id: Some(goal.id), version, form: GoalInput::from(goal) }));
    }

    pub fn new_action(&self, goal_id: i64) {
        self.dispatch(PlanAction::Open(Editor::Action { id: None, goal_id, version: 0, form: ActionDraft::default() }));
    }

    pub fn edit_action(&self, a: &Action) {
        let (id, goal_id, version) = (Some(a.id), a.goal_id, self.action_version(a.id));
        self.dispatch(PlanAction::Open(Editor::Action { id, goal_id, version, form: ActionDraft::from_action(a, self.lang) }));
    }

    pub fn on_goal_edit(&self) -> Callback<GoalEdit> {
        let state = self.state.clone();
        Callback::from(move |edit| state.dispatch(PlanAction::EditGoal(edit)))
    }

    pub fn on_action_edit(&self) -> Callback<(F, String)> {
        let state = self.state.clone();
        Callback::from(move |(f, text)| state.dispatch(PlanAction::EditAction(f, text)))
    }

    pub fn close(&self) {
        self.dispatch(PlanAction::Close);
    }

    /// Save the open form: check it here first, then send it.
    pub fn save(&self) {
        self.save_editor(self.draft.editor.clone());
    }

    /// Check and send an editor state (also right after a rebase, before
    /// the reducer's new state reaches this render).
    fn save_editor(&self, editor: Option<Editor>) {
        let Some(editor) = editor else { return };
        let (lang, school) = (self.lang, self.school());
        match editor {
            Editor::Goal { id, version, form } => {
                if let Err(found) = validate_goal_input(&form, self.rubric) {
                    let errors = found.iter().map(|e| (e.field.clone(), plan_error(&e.error, lang))).collect();
                    return self.dispatch(PlanAction::Invalid(errors));
                }
                self.dispatch(PlanAction::Invalid(Vec::new()));
                let body = GoalWrite { version, goal: form };
                self.run(Box::pin(async move {
                    saved(api::plans::save_goal(school, id, &body).await, PlanAction::GoalSaved, |e| e.current_as::<GoalRow>().map(Theirs::Goal))
                }));
            }
            Editor::Action { id, goal_id, version, form } => match form.check(lang) {
                Err(found) => self.dispatch(PlanAction::Invalid(found)),
                Ok(input) => {
                    self.dispatch(PlanAction::Invalid(Vec::new()));
                    let body = ActionWrite { version, action: input };
                    self.run(Box::pin(async move {
                        let r = api::plans::save_action(school, goal_id, id, &body).await;
                        saved(r, PlanAction::ActionSaved, |e| e.current_as::<ActionRow>().map(Theirs::Action))
                    }));
                }
            },
        }
    }

    /// Keep the reader's version: send it again, now based on the stored one.
    pub fn keep_mine(&self) {
        let Some(rebased) = self.rebased_editor() else { return };
        self.dispatch(PlanAction::KeepMine);
        self.save_editor(Some(rebased));
    }

    pub fn take_theirs(&self) {
        self.dispatch(PlanAction::TakeTheirs);
        self.reload.emit(());
    }

    pub fn edit_mine(&self) {
        self.dispatch(PlanAction::EditMine);
    }

    pub fn delete_goal(&self, id: i64) {
        let school = self.school();
        self.run(Box::pin(async move {
            (api::plans::delete_goal(school, id).await.map_or_else(PlanAction::Failed, |()| PlanAction::GoalDeleted(id)), true)
        }));
    }

    pub fn set_status(&self, a: &Action, status: ActionStatus) {
        let (school, id, previous, version) = (self.school(), a.id, a.status, self.action_version(a.id));
        self.run(Box::pin(async move {
            let r = api::plans::set_status(school, id, version, status).await;
            (r.map_or_else(PlanAction::Failed, |row| PlanAction::StatusSet { row, previous }), true)
        }));
    }

    pub fn undo(&self, undo: Undo) {
        let school = self.school();
        self.dispatch(PlanAction::CloseToast);
        self.run(match undo {
            Undo::RestoreGoal(id) => Box::pin(async move {
                (api::plans::restore_goal(school, id).await.map_or_else(PlanAction::Failed, PlanAction::GoalRestored), true)
            }),
            Undo::Status { action, version, status } => Box::pin(async move {
                let r = api::plans::set_status(school, action, version, status).await;
                (r.map_or_else(PlanAction::Failed, |row| PlanAction::StatusSet { row, previous: ActionStatus::Dropped }), true)
            }),
        });
    }

    pub fn move_item(&self, is_goal: bool, id: i64, direction: Direction) {
        let school = self.school();
        let (element, prefix) = if is_goal { (format!("goal-{id}"), "goal") } else { (format!("action-{id}"), "action") };
        *self.refocus.borrow_mut() = Some((element, prefix, direction));
        self.run(Box::pin(async move { reloaded(api::plans::move_item(school, is_goal, id, direction).await) }));
    }

    pub fn confirm(&self, open: bool) {
        self.dispatch(PlanAction::Confirm(open));
    }

    pub fn submit(&self) {
        let school = self.school();
        self.dispatch(PlanAction::Confirm(false));
        self.run(Box::pin(async move { (api::plans::submit(school).await.map_or_else(PlanAction::Failed, PlanAction::Submitted), true) }));
    }

    /// Open (`Some("")`), change or close (`None`) a comment draft.
    pub fn comment(&self, key: String, text: Option<String>) {
        self.dispatch(PlanAction::Comment(key, text));
    }

    /// Send a comment: a reply in `thread`, or a new thread on `target`.
    pub fn send_comment(&self, key: String, thread: Option<i64>, target: CommentTarget) {
        let text = self.draft.comments.get(&key).cloned().unwrap_or_default();
        let body = match validate_comment_body(&text) {
            Ok(b) => b,
            Err(e) => return self.dispatch(PlanAction::CommentError(Some((key, comment_error(&e, self.lang))))),
        };
        self.dispatch(PlanAction::CommentError(None));
        let school = self.school();
        let done = |key: String, r: Result<(), ApiError>| match r {
            Ok(()) => (PlanAction::CommentSent(key), true),
            Err(e) if e.status == 422 => {
                (PlanAction::CommentError(Some((key, e.fields.first().map(|f| f.message.clone()).unwrap_or_default()))), false)
            }
            Err(e) => (PlanAction::Failed(e), false),
        };
        self.run(match thread {
            Some(t) => Box::pin(async move { done(key, api::plans::reply(school, t, &NewComment { body }).await) }),
            None => Box::pin(async move { done(key, api::plans::start_thread(school, &NewThread { target, body }).await) }),
        });
    }

    pub fn resolve(&self, thread: i64, resolved: bool) {
        let school = self.school();
        self.run(Box::pin(async move { reloaded(api::plans::resolve(school, thread, resolved).await) }));
    }

    pub fn close_toast(&self) {
        self.dispatch(PlanAction::CloseToast);
    }
}

/// What a save's answer does: the saved row is shown; a refusal (422)
/// marks the fields; a stale save (409) shows the stored row beside mine.
fn saved<T>(r: Result<T, ApiError>, ok: fn(T) -> PlanAction, theirs: fn(&ApiError) -> Option<Theirs>) -> (PlanAction, bool) {
    match r {
        Ok(row) => (ok(row), true),
        Err(e) if e.status == 422 => (PlanAction::Rejected(server_errors(&e)), false),
        Err(e) if e.status == 409 => (PlanAction::Stale(theirs(&e)), true),
        Err(e) => (PlanAction::Failed(e), false),
    }
}

/// The plan page's editor for a loaded page; `reload` fetches it again.
#[hook]
pub fn use_plan_editor(rubric: &'static rubric::Rubric, page: Rc<PlanPage>, reload: Callback<()>) -> PlanEditor {
    let lang = use_lang();
    let key = draft_key(&page);
    let state = {
        let (key, page) = (key.clone(), page.clone());
        use_reducer(move || {
            let draft = storage::load::<Draft>(&key).unwrap_or_default();
            PlanState::new(page, draft)
        })
    };
    // A reloaded page replaces the shown one.
    {
        let (state, page) = (state.clone(), page.clone());
        use_effect_with(Rc::as_ptr(&page) as usize, move |_| {
            if !Rc::ptr_eq(&state.page, &page) {
                state.dispatch(PlanAction::Loaded(page));
            }
        });
    }
    use_effect_with(state.draft.clone(), move |d| storage::keep(&key, d, *d == Draft::default()));
    // Reading the page marks its comments read (for the counts elsewhere).
    use_effect_with((page.school.id, page.counts.unread), move |&(school, unread)| {
        if unread > 0 {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = api::plans::mark_read(school).await;
            });
        }
    });
    {
        let s = state.clone();
        use_effect_with(state.toast, move |t| {
            let timer = t.map(|_| gloo_timers::callback::Timeout::new(TOAST_MS, move || s.dispatch(PlanAction::CloseToast)));
            move || drop(timer)
        });
    }
    // Moving re-orders the DOM, which drops the focus: give it back to the
    // moved item's buttons, so a keyboard user can keep moving it.
    let refocus: Refocus = use_mut_ref(|| None);
    {
        let refocus = refocus.clone();
        use_effect_with(Rc::as_ptr(&state.page) as usize, move |_| {
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
    let first_field = match &state.draft.editor {
        Some(Editor::Goal { id, .. }) => Some(format!("goal-title|{id:?}")),
        Some(Editor::Action { id, goal_id, .. }) => Some(format!("action-description|{goal_id}|{id:?}")),
        None => None,
    };
    use_effect_with(first_field, |field| focus_id(field.as_deref().and_then(|f| f.split('|').next())));
    // The submit dialog takes the focus, so its text is read first.
    use_effect_with(state.confirm, |open| focus_id(open.then_some("confirm-submit")));
    let shown = &state.page;
    let maps = Rc::new(ProfileMaps::new(shown.profile.as_ref()));
    let plan = Rc::new(shown.plan.clone());
    let context = maps.context(shown.today, shown.edition.cofinancing_threshold_percent, rubric);
    let checks = Rc::new(check_plan(&plan, &context));
    let revision = state.revision;
    PlanEditor(Rc::new(EditorParts { lang, revision, state, plan, maps, checks, rubric, reload, refocus }))
}

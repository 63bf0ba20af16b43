//! The plan page's state and its one reducer, pure (no browser, no
//! requests) so it runs in native unit tests: the loaded page, what is being
//! typed (the open goal or action form, comment drafts: the [`Draft`] that
//! `use_plan_editor` keeps in localStorage), the answers of the server folded
//! in (a saved row replaces the shown one, a stale save shows the stored row
//! beside the reader's), the undo toast, the submit confirmation and whether
//! a request is on its way. The requests themselves live in
//! [`super::plan_editor`].

use crate::api::ApiError;
use crate::components::action_form::{ActionDraft, F};
use crate::components::form::Errors;
use crate::components::goal_form::GoalEdit;
use rubric::plan::view::{ActionRow, GoalRow, PlanPage, Submitted};
use rubric::plan::{ActionStatus, CommentTarget, GoalInput};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::Reducible;

/// The form being edited. `id` is `None` for a new goal or action;
/// `version` is the row version the edit is based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Editor {
    Goal { id: Option<i64>, version: i64, form: GoalInput },
    Action { id: Option<i64>, goal_id: i64, version: i64, form: ActionDraft },
}

impl Editor {
    /// The same edit, based on another row version.
    fn based_on(mut self, v: i64) -> Editor {
        match &mut self {
            Editor::Goal { version, .. } | Editor::Action { version, .. } => *version = v,
        }
        self
    }
}

/// Everything typed and not yet saved.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Draft {
    pub editor: Option<Editor>,
    /// Comment drafts: `t{thread}` for replies, `g{goal}` / `a{action}`
    /// for a new thread (present = the box is open).
    pub comments: BTreeMap<String, String>,
}

/// The key of a new thread's draft on a goal or action.
pub fn comment_key(target: CommentTarget) -> String {
    match target {
        CommentTarget::Goal(id) => format!("g{id}"),
        CommentTarget::Action(id) => format!("a{id}"),
    }
}

/// The key of a reply's draft in a thread.
pub fn reply_key(thread: i64) -> String {
    format!("t{thread}")
}

/// The row now stored, which a stale save (409) ran into.
#[derive(Debug, Clone, PartialEq)]
pub enum Theirs {
    Goal(GoalRow),
    Action(ActionRow),
}

impl Theirs {
    fn version(&self) -> i64 {
        match self {
            Theirs::Goal(r) => r.version,
            Theirs::Action(r) => r.version,
        }
    }
}

/// What the undo button of a toast sends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Undo {
    RestoreGoal(i64),
    Status { action: i64, version: i64, status: ActionStatus },
}

/// What a toast says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Notice {
    GoalDeleted,
    ActionDropped,
    Submitted(u32),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Toast {
    pub notice: Notice,
    pub undo: Option<Undo>,
}

/// The plan page as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanState {
    pub page: Rc<PlanPage>,
    pub draft: Draft,
    /// Messages at the open form's fields.
    pub errors: Errors,
    /// The stored row beside the reader's, after a stale save.
    pub conflict: Option<Theirs>,
    pub toast: Option<Toast>,
    /// A request is on its way: the buttons wait.
    pub busy: bool,
    /// A failed request, shown above the plan.
    pub error: Option<ApiError>,
    /// The message at one comment box: (draft key, message).
    pub comment_error: Option<(String, String)>,
    /// The submit confirmation is open.
    pub confirm: bool,
    /// Counts the reducer's steps: the page's parts re-render when it moves
    /// (a `UseReducerHandle` always reads the latest state, so comparing
    /// what two handles read tells nothing).
    pub revision: u64,
}

/// Everything that happens on the plan page.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanAction {
    /// The page was (re)loaded from the server.
    Loaded(Rc<PlanPage>),
    /// Open a goal or action form (ignored while one is open).
    Open(Editor),
    Close,
    EditGoal(GoalEdit),
    EditAction(F, String),
    /// The open form failed its checks here.
    Invalid(Errors),
    /// A request left.
    Sending,
    /// A request failed; shown above the plan.
    Failed(ApiError),
    /// A request ended with nothing to fold in (a reload follows).
    Settled,
    GoalSaved(GoalRow),
    ActionSaved(ActionRow),
    /// The server refused the form, with messages per field.
    Rejected(Errors),
    /// Someone else saved first; their row, when the answer carried it.
    Stale(Option<Theirs>),
    /// Send mine again, based on the stored version (the hook sends it).
    KeepMine,
    /// Go on editing mine, based on the stored version.
    EditMine,
    TakeTheirs,
    GoalDeleted(i64),
    GoalRestored(GoalRow),
    /// An action's status changed (drop, restore, undo of a drop).
    StatusSet { row: ActionRow, previous: ActionStatus },
    /// Open or close the submit confirmation.
    Confirm(bool),
    Submitted(Submitted),
    /// Open, change (`Some`) or close (`None`) a comment draft.
    Comment(String, Option<String>),
    CommentError(Option<(String, String)>),
    CommentSent(String),
    CloseToast,
}

impl PlanState {
    pub fn new(page: Rc<PlanPage>, draft: Draft) -> PlanState {
        PlanState {
            page,
            draft,
            errors: Vec::new(),
            conflict: None,
            toast: None,
            busy: false,
            error: None,
            comment_error: None,
            confirm: false,
            revision: 0,
        }
    }

    /// A form is open: the other edit buttons wait.
    pub fn locked(&self) -> bool {
        self.draft.editor.is_some()
    }

    /// There is something to submit: goals, and a change since the last version.
    pub fn can_submit(&self) -> bool {
        let page = &self.page;
        !page.plan.goals.is_empty() && (page.history.is_empty() || !page.draft_changes.is_empty())
    }

    /// The row version of a goal as loaded (0 when unknown).
    pub fn goal_version(&self, id: i64) -> i64 {
        self.page.row_versions.goals.get(&id).copied().unwrap_or(0)
    }

    /// The row version of an action as loaded (0 when unknown).
    pub fn action_version(&self, id: i64) -> i64 {
        self.page.row_versions.actions.get(&id).copied().unwrap_or(0)
    }

    fn close_editor(&mut self) {
        self.errors.clear();
        self.conflict = None;
        self.draft.editor = None;
    }

    /// Show a goal row the server answered with, unless a newer one is shown.
    fn put_goal(&mut self, row: GoalRow) {
        let page = Rc::make_mut(&mut self.page);
        put(&mut page.plan.goals, &mut page.row_versions.goals, row.goal.id, row.version, row.goal, |g| g.id);
    }

    /// Show an action row the server answered with, unless a newer one is shown.
    fn put_action(&mut self, row: ActionRow) {
        let page = Rc::make_mut(&mut self.page);
        put(&mut page.plan.actions, &mut page.row_versions.actions, row.action.id, row.version, row.action, |a| a.id);
    }

    /// The open form based on the stored row, while both are compared.
    pub fn rebased_editor(&self) -> Option<Editor> {
        let theirs = self.conflict.as_ref()?;
        Some(self.draft.editor.clone()?.based_on(theirs.version()))
    }

    /// Base the open form on the stored version and close the comparison.
    fn rebase(&mut self) {
        if let Some(editor) = self.rebased_editor() {
            self.draft.editor = Some(editor);
        }
        self.conflict = None;
    }
}

/// Put `row` (with this id and row version) in `rows`, replacing the one
/// with its id, unless the shown one is newer.
fn put<T>(rows: &mut Vec<T>, versions: &mut BTreeMap<i64, i64>, id: i64, version: i64, row: T, id_of: fn(&T) -> i64) {
    if versions.get(&id).is_some_and(|&v| v > version) {
        return;
    }
    versions.insert(id, version);
    match rows.iter_mut().find(|r| id_of(r) == id) {
        Some(r) => *r = row,
        None => rows.push(row),
    }
}

/// The next state after `action`.
pub fn reduce(mut s: PlanState, action: PlanAction) -> PlanState {
    match action {
        PlanAction::Loaded(page) => s.page = page,
        PlanAction::Open(editor) => {
            if !s.locked() {
                s.close_editor();
                s.draft.editor = Some(editor);
            }
        }
        PlanAction::Close | PlanAction::TakeTheirs => s.close_editor(),
        PlanAction::EditGoal(edit) => {
            if let Some(Editor::Goal { form, .. }) = &mut s.draft.editor {
                edit.apply(form);
            }
        }
        PlanAction::EditAction(f, text) => {
            if let Some(Editor::Action { form, .. }) = &mut s.draft.editor {
                form.apply(f, text);
            }
        }
        PlanAction::Invalid(errors) => s.errors = errors,
        PlanAction::Sending => {
            s.busy = true;
            s.error = None;
        }
        PlanAction::Failed(e) => {
            s.busy = false;
            s.error = Some(e);
        }
        PlanAction::Settled => s.busy = false,
        PlanAction::GoalSaved(row) => {
            s.busy = false;
            s.close_editor();
            s.put_goal(row);
        }
        PlanAction::ActionSaved(row) => {
            s.busy = false;
            s.close_editor();
            s.put_action(row);
        }
        PlanAction::Rejected(errors) => {
            s.busy = false;
            s.errors = errors;
        }
        PlanAction::Stale(theirs) => {
            s.busy = false;
            // The comparison belongs to the open form; the stored row is shown either way.
            let mine = s.draft.editor.as_ref();
            s.conflict = match (&theirs, mine) {
                (Some(Theirs::Goal(_)), Some(Editor::Goal { .. })) | (Some(Theirs::Action(_)), Some(Editor::Action { .. })) => theirs.clone(),
                _ => None,
            };
            match theirs {
                Some(Theirs::Goal(row)) => s.put_goal(row),
                Some(Theirs::Action(row)) => s.put_action(row),
                None => {}
            }
        }
        PlanAction::KeepMine | PlanAction::EditMine => s.rebase(),
        PlanAction::GoalDeleted(id) => {
            s.busy = false;
            let page = Rc::make_mut(&mut s.page);
            page.plan.goals.retain(|g| g.id != id);
            page.plan.actions.retain(|a| a.goal_id != id);
            s.toast = Some(Toast { notice: Notice::GoalDeleted, undo: Some(Undo::RestoreGoal(id)) });
        }
        PlanAction::GoalRestored(row) => {
            s.busy = false;
            s.put_goal(row);
        }
        PlanAction::StatusSet { row, previous } => {
            s.busy = false;
            let (id, version, dropped) = (row.action.id, row.version, row.action.status == ActionStatus::Dropped);
            s.put_action(row);
            if dropped {
                let undo = Undo::Status { action: id, version, status: previous };
                s.toast = Some(Toast { notice: Notice::ActionDropped, undo: Some(undo) });
            }
        }
        PlanAction::Confirm(open) => s.confirm = open && s.can_submit() && !s.locked() && !s.busy,
        PlanAction::Submitted(v) => {
            s.busy = false;
            s.confirm = false;
            s.toast = Some(Toast { notice: Notice::Submitted(v.number), undo: None });
        }
        PlanAction::Comment(key, Some(text)) => {
            s.draft.comments.insert(key, text);
        }
        PlanAction::Comment(key, None) => {
            s.draft.comments.remove(&key);
        }
        PlanAction::CommentError(e) => {
            if e.is_some() {
                s.busy = false;
            }
            s.comment_error = e;
        }
        PlanAction::CommentSent(key) => {
            s.busy = false;
            s.draft.comments.remove(&key);
        }
        PlanAction::CloseToast => s.toast = None,
    }
    // A confirmation of nothing to submit (the last goal deleted meanwhile,
    // or submitted by a colleague) closes.
    s.confirm &= s.can_submit();
    s
}

impl Reducible for PlanState {
    type Action = PlanAction;
    fn reduce(self: Rc<Self>, action: PlanAction) -> Rc<Self> {
        let mut next = reduce(Rc::unwrap_or_clone(self), action);
        next.revision = next.revision.wrapping_add(1);
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ErrorCode;
    use proptest::prelude::*;
    use rubric::plan::view::{PlanAccess, PlanEdition, PlanSchool, VersionSummary};
    use rubric::plan::{Action, Contribution, Goal};

    fn page(goals: &[(i64, i64)], actions: &[(i64, i64, i64)]) -> Rc<PlanPage> {
        let mut p = PlanPage {
            school: PlanSchool { id: 3, name: "School".into(), town: "Gent".into(), company_id: None, company_name: None },
            edition: PlanEdition { id: 1, name: "2026".into(), plan_deadline: None, cofinancing_threshold_percent: 20, rubric_version: 1 },
            today: rubric::Date::new(2026, 12, 4).unwrap(),
            plan: Default::default(),
            row_versions: Default::default(),
            profile: None,
            profile_hidden: false,
            threads: vec![],
            counts: Default::default(),
            reader_id: 9,
            last_read: None,
            history: vec![],
            draft_changes: vec![],
            access: PlanAccess { edit: true, start_threads: false, reply: true },
        };
        for &(id, version) in goals {
            p.plan.goals.push(goal(id, "Goal"));
            p.row_versions.goals.insert(id, version);
        }
        for &(id, goal_id, version) in actions {
            p.plan.actions.push(action(id, goal_id, ActionStatus::Planned));
            p.row_versions.actions.insert(id, version);
        }
        Rc::new(p)
    }

    fn goal(id: i64, title: &str) -> Goal {
        Goal { id, title: title.into(), description: String::new(), indicator_targets: vec![], position: id as u32 }
    }

    fn action(id: i64, goal_id: i64, status: ActionStatus) -> Action {
        Action {
            id,
            goal_id,
            description: format!("Action {id}"),
            owner: String::new(),
            start: None,
            deadline: None,
            budget_cents: 0,
            company_contribution: Contribution::default(),
            success_criterion: String::new(),
            status,
            evidence_url: None,
            position: id as u32,
        }
    }

    fn error(status: u16, code: ErrorCode) -> ApiError {
        ApiError { status, code, message: String::new(), fields: vec![], current: None }
    }

    fn run(state: PlanState, actions: impl IntoIterator<Item = PlanAction>) -> PlanState {
        actions.into_iter().fold(state, reduce)
    }

    fn new_goal() -> Editor {
        Editor::Goal { id: None, version: 0, form: GoalInput::default() }
    }

    fn title(s: &PlanState) -> Option<&str> {
        match &s.draft.editor {
            Some(Editor::Goal { form, .. }) => Some(&form.title),
            _ => None,
        }
    }

    #[test]
    fn adding_a_goal_opens_a_form_and_shows_the_saved_row() {
        let s = PlanState::new(page(&[], &[]), Draft::default());
        assert!(!s.can_submit(), "an empty plan has nothing to submit");
        let s = run(s, [PlanAction::Open(new_goal()), PlanAction::EditGoal(GoalEdit::Title("More STEM".into()))]);
        assert_eq!(title(&s), Some("More STEM"));
        assert!(s.locked());
        let s = run(s, [PlanAction::Sending]);
        assert!(s.busy);
        let s = run(s, [PlanAction::GoalSaved(GoalRow { goal: goal(5, "More STEM"), version: 1 })]);
        assert!(!s.busy && !s.locked());
        assert_eq!(s.page.plan.goal(5).map(|g| g.title.as_str()), Some("More STEM"));
        assert_eq!(s.goal_version(5), 1);
        assert!(s.can_submit());
    }

    #[test]
    fn every_step_of_the_reducer_moves_the_revision() {
        let s = Rc::new(PlanState::new(page(&[], &[]), Draft::default()));
        let once = Reducible::reduce(s, PlanAction::Close);
        let twice = Reducible::reduce(once.clone(), PlanAction::Open(new_goal()));
        assert_eq!((once.revision, twice.revision), (1, 2));
    }

    #[test]
    fn a_second_form_waits_until_the_first_is_closed() {
        let s = PlanState::new(page(&[(1, 2)], &[]), Draft::default());
        let edit = Editor::Goal { id: Some(1), version: 2, form: GoalInput::from(&goal(1, "Goal")) };
        let s = run(s, [PlanAction::Open(edit.clone()), PlanAction::Open(new_goal())]);
        assert_eq!(s.draft.editor, Some(edit));
        let s = run(s, [PlanAction::Close, PlanAction::Open(new_goal())]);
        assert_eq!(s.draft.editor, Some(new_goal()));
    }

    #[test]
    fn editing_a_title_keeps_the_base_version_and_drops_the_old_errors_on_open() {
        let s = PlanState::new(page(&[(1, 4)], &[]), Draft::default());
        let s = run(
            s,
            [
                PlanAction::Open(Editor::Goal { id: Some(1), version: 4, form: GoalInput::from(&goal(1, "Old")) }),
                PlanAction::EditGoal(GoalEdit::Title("New".into())),
                PlanAction::Invalid(vec![("title".into(), "too long".into())]),
                PlanAction::EditGoal(GoalEdit::Title("Newer".into())),
            ],
        );
        assert_eq!(title(&s), Some("Newer"));
        assert!(matches!(s.draft.editor, Some(Editor::Goal { version: 4, .. })));
        assert_eq!(s.errors.len(), 1, "the message stays until the next check");
        let s = run(s, [PlanAction::Close, PlanAction::Open(new_goal())]);
        assert!(s.errors.is_empty());
    }

    #[test]
    fn a_stale_save_shows_the_stored_row_and_keep_mine_rebases_on_it() {
        let s = PlanState::new(page(&[(1, 2)], &[]), Draft::default());
        let s = run(
            s,
            [
                PlanAction::Open(Editor::Goal { id: Some(1), version: 2, form: GoalInput::from(&goal(1, "Goal")) }),
                PlanAction::EditGoal(GoalEdit::Title("Mine".into())),
                PlanAction::Sending,
            ],
        );
        let theirs = GoalRow { goal: goal(1, "Theirs"), version: 3 };
        let s = run(s, [PlanAction::Stale(Some(Theirs::Goal(theirs.clone())))]);
        assert!(!s.busy);
        assert_eq!(s.conflict, Some(Theirs::Goal(theirs)));
        assert_eq!(s.page.plan.goal(1).map(|g| g.title.as_str()), Some("Theirs"), "the stored row replaces the shown one");
        assert_eq!(s.goal_version(1), 3);
        assert_eq!(title(&s), Some("Mine"), "nothing typed is lost");
        let rebased = s.rebased_editor();
        assert!(matches!(rebased, Some(Editor::Goal { version: 3, .. })));
        let kept = run(s.clone(), [PlanAction::KeepMine]);
        assert_eq!(kept.draft.editor, rebased);
        assert_eq!(kept.conflict, None);
        let taken = run(s, [PlanAction::TakeTheirs]);
        assert_eq!((taken.draft.editor, taken.conflict), (None, None));
    }

    #[test]
    fn a_stale_answer_older_than_the_shown_row_is_ignored() {
        let s = PlanState::new(page(&[(1, 5)], &[]), Draft::default());
        let s = run(s, [PlanAction::GoalSaved(GoalRow { goal: goal(1, "Late"), version: 4 })]);
        assert_eq!(s.page.plan.goal(1).map(|g| g.title.as_str()), Some("Goal"));
        assert_eq!(s.goal_version(1), 5);
    }

    #[test]
    fn a_stale_action_row_is_no_comparison_for_a_goal_form() {
        let s = PlanState::new(page(&[(1, 1)], &[(7, 1, 1)]), Draft::default());
        let row = ActionRow { action: action(7, 1, ActionStatus::Done), version: 2 };
        let s = run(s, [PlanAction::Open(new_goal()), PlanAction::Stale(Some(Theirs::Action(row)))]);
        assert_eq!(s.conflict, None);
        assert_eq!(s.page.plan.action(7).map(|a| a.status), Some(ActionStatus::Done));
    }

    #[test]
    fn deleting_a_goal_hides_it_and_undo_brings_it_back() {
        let s = PlanState::new(page(&[(1, 1), (2, 1)], &[(7, 1, 1), (8, 2, 1)]), Draft::default());
        let s = run(s, [PlanAction::Sending, PlanAction::GoalDeleted(1)]);
        assert!(s.page.plan.goal(1).is_none() && s.page.plan.action(7).is_none());
        assert!(s.page.plan.action(8).is_some());
        let toast = s.toast.expect("a toast with undo");
        assert_eq!(toast.notice, Notice::GoalDeleted);
        assert_eq!(toast.undo, Some(Undo::RestoreGoal(1)));
        let s = run(s, [PlanAction::CloseToast, PlanAction::Sending, PlanAction::GoalRestored(GoalRow { goal: goal(1, "Goal"), version: 2 })]);
        assert_eq!(s.toast, None);
        assert!(s.page.plan.goal(1).is_some());
        assert_eq!(s.goal_version(1), 2);
    }

    #[test]
    fn dropping_an_action_offers_undo_to_its_previous_status() {
        let s = PlanState::new(page(&[(1, 1)], &[(7, 1, 3)]), Draft::default());
        let dropped = ActionRow { action: action(7, 1, ActionStatus::Dropped), version: 4 };
        let s = run(s, [PlanAction::Sending, PlanAction::StatusSet { row: dropped, previous: ActionStatus::Planned }]);
        assert_eq!(s.page.plan.action(7).map(|a| a.status), Some(ActionStatus::Dropped));
        let toast = s.toast.expect("a toast with undo");
        assert_eq!(toast.notice, Notice::ActionDropped);
        assert_eq!(toast.undo, Some(Undo::Status { action: 7, version: 4, status: ActionStatus::Planned }));
        let back = ActionRow { action: action(7, 1, ActionStatus::Planned), version: 5 };
        let s = run(s, [PlanAction::CloseToast, PlanAction::StatusSet { row: back, previous: ActionStatus::Dropped }]);
        assert_eq!(s.page.plan.action(7).map(|a| a.status), Some(ActionStatus::Planned));
        assert_eq!(s.toast, None, "restoring is no drop to undo");
    }

    #[test]
    fn a_submission_on_its_way_is_confirmed_once_and_ends_with_its_number() {
        let s = PlanState::new(page(&[(1, 1)], &[]), Draft::default());
        let s = run(s, [PlanAction::Confirm(true)]);
        assert!(s.confirm);
        let s = run(s, [PlanAction::Confirm(false), PlanAction::Sending]);
        // No second confirmation while the submission is on its way.
        let s = run(s, [PlanAction::Confirm(true)]);
        assert!(s.busy && !s.confirm);
        // Nor with a form open: submit what is saved, not half a goal.
        let s = run(s, [PlanAction::Settled, PlanAction::Open(new_goal()), PlanAction::Confirm(true)]);
        assert!(!s.confirm);
        let s = run(s, [PlanAction::Close, PlanAction::Sending]);
        let s = run(s, [PlanAction::Submitted(Submitted { number: 2, submitted_at: 0 })]);
        assert!(!s.busy);
        assert_eq!(s.toast, Some(Toast { notice: Notice::Submitted(2), undo: None }));
    }

    #[test]
    fn nothing_new_since_the_last_version_is_not_submitted() {
        let mut p = (*page(&[(1, 1)], &[])).clone();
        p.history.push(VersionSummary { number: 1, submitted_at: 0, submitted_by: "An".into(), goals: 1, actions: 0, changes: vec![] });
        let s = run(PlanState::new(Rc::new(p), Draft::default()), [PlanAction::Confirm(true)]);
        assert!(!s.can_submit() && !s.confirm);
    }

    #[test]
    fn a_failure_ends_the_wait_and_a_new_request_clears_it() {
        let s = PlanState::new(page(&[], &[]), Draft::default());
        let s = run(s, [PlanAction::Sending, PlanAction::Failed(error(500, ErrorCode::Internal))]);
        assert!(!s.busy && s.error.is_some());
        let s = run(s, [PlanAction::Sending]);
        assert!(s.busy && s.error.is_none());
    }

    #[test]
    fn a_sent_comment_closes_its_box_and_a_refused_one_keeps_it() {
        let key = comment_key(CommentTarget::Goal(1));
        let s = PlanState::new(page(&[(1, 1)], &[]), Draft::default());
        let s = run(s, [PlanAction::Comment(key.clone(), Some(String::new())), PlanAction::Comment(key.clone(), Some("Nice".into()))]);
        assert_eq!(s.draft.comments.get(&key).map(String::as_str), Some("Nice"));
        let refused = run(s.clone(), [PlanAction::Sending, PlanAction::CommentError(Some((key.clone(), "too long".into())))]);
        assert!(!refused.busy);
        assert_eq!(refused.draft.comments.get(&key).map(String::as_str), Some("Nice"));
        let sent = run(s, [PlanAction::CommentError(None), PlanAction::Sending, PlanAction::CommentSent(key.clone())]);
        assert!(!sent.busy && sent.comment_error.is_none());
        assert!(!sent.draft.comments.contains_key(&key));
        assert_eq!(reply_key(4), "t4");
    }

    #[test]
    fn the_draft_survives_a_reload_through_its_json() {
        let s = PlanState::new(page(&[(1, 1)], &[]), Draft::default());
        let s = run(s, [PlanAction::Open(new_goal()), PlanAction::EditGoal(GoalEdit::Title("Half typed".into()))]);
        let json = serde_json::to_string(&s.draft).unwrap();
        let again = PlanState::new(page(&[(1, 1)], &[]), serde_json::from_str(&json).unwrap());
        assert_eq!(title(&again), Some("Half typed"));
    }

    fn any_action() -> impl Strategy<Value = PlanAction> {
        let id = 1i64..5;
        let version = 0i64..6;
        prop_oneof![
            Just(PlanAction::Open(Editor::Goal { id: None, version: 0, form: GoalInput::default() })),
            (id.clone(), version.clone()).prop_map(|(id, version)| PlanAction::Open(Editor::Goal {
                id: Some(id),
                version,
                form: GoalInput::default()
            })),
            "[a-z]{0,4}".prop_map(|t| PlanAction::EditGoal(GoalEdit::Title(t))),
            Just(PlanAction::Close),
            Just(PlanAction::Sending),
            Just(PlanAction::Settled),
            (id.clone(), version.clone()).prop_map(|(id, version)| PlanAction::GoalSaved(GoalRow { goal: goal(id, "g"), version })),
            (id.clone(), 1i64..5, version.clone(), any::<bool>()).prop_map(|(id, goal_id, version, dropped)| {
                let status = if dropped { ActionStatus::Dropped } else { ActionStatus::Planned };
                PlanAction::StatusSet { row: ActionRow { action: action(id, goal_id, status), version }, previous: ActionStatus::Planned }
            }),
            (id.clone(), 1i64..5, version.clone()).prop_map(|(id, goal_id, version)| PlanAction::ActionSaved(ActionRow {
                action: action(id, goal_id, ActionStatus::Planned),
                version
            })),
            (id.clone(), version.clone())
                .prop_map(|(id, version)| PlanAction::Stale(Some(Theirs::Goal(GoalRow { goal: goal(id, "t"), version })))),
            Just(PlanAction::KeepMine),
            Just(PlanAction::TakeTheirs),
            id.clone().prop_map(PlanAction::GoalDeleted),
            (id, version).prop_map(|(id, version)| PlanAction::GoalRestored(GoalRow { goal: goal(id, "r"), version })),
            any::<bool>().prop_map(PlanAction::Confirm),
            (1u32..4).prop_map(|number| PlanAction::Submitted(Submitted { number, submitted_at: 0 })),
        ]
    }

    proptest! {
        /// Whatever happens on the page: goal and action ids stay unique,
        /// no shown row goes back to an older version, a comparison only
        /// exists beside an open form, and no confirmation opens without
        /// something to submit.
        #[test]
        fn any_sequence_keeps_ids_unique_and_versions_monotone(actions in proptest::collection::vec(any_action(), 0..40)) {
            let mut s = PlanState::new(page(&[(1, 1), (2, 1)], &[(1, 1, 1)]), Draft::default());
            for a in actions {
                let before = s.page.row_versions.clone();
                s = reduce(s, a);
                let mut goals: Vec<i64> = s.page.plan.goals.iter().map(|g| g.id).collect();
                let mut acts: Vec<i64> = s.page.plan.actions.iter().map(|a| a.id).collect();
                let (g, a) = (goals.len(), acts.len());
                goals.sort_unstable();
                goals.dedup();
                acts.sort_unstable();
                acts.dedup();
                prop_assert_eq!((goals.len(), acts.len()), (g, a));
                for (id, v) in &before.goals {
                    prop_assert!(s.goal_version(*id) >= *v);
                }
                for (id, v) in &before.actions {
                    prop_assert!(s.action_version(*id) >= *v);
                }
                prop_assert!(s.conflict.is_none() || s.locked());
                prop_assert!(!s.confirm || s.can_submit());
            }
        }
    }
}

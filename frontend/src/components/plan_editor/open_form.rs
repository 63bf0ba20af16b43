//! The open goal or action form of the plan page, or, after a stale save,
//! the reader's version beside the stored one with the choice of which
//! stays (field by field, in the reader's language).

use crate::components::action_form::{action_form, ActionDraft, ActionFormProps};
use crate::components::conflict_choice::{conflict_choice, ConflictChoice, ConflictRow};
use crate::components::goal_form::{goal_form, GoalFormProps};
use crate::components::plan_view::indicator_label;
use crate::hooks::plan_editor::PlanEditor;
use crate::hooks::plan_state::{Editor, Theirs};
use crate::i18n::plans::{kind_text, status_text, P};
use crate::i18n::{Lang, Text};
use rubric::plan::GoalInput;
use yew::prelude::*;

/// Both versions of the edited row, field by field; `None` when the stored
/// row is of another kind than the open form.
pub fn conflict_rows(mine: &Editor, theirs: &Theirs, lang: Lang) -> Option<Vec<ConflictRow>> {
    let row = |label: P, mine: String, theirs: String| ConflictRow { label: label.t(lang).into(), mine, theirs };
    match (mine, theirs) {
        (Editor::Goal { form, .. }, Theirs::Goal(theirs)) => {
            let targets = |g: &GoalInput| {
                g.indicator_targets
                    .iter()
                    .map(|t| format!("{} → {}", indicator_label(&t.indicator_id, lang), t.target_level.unwrap_or_default()))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            let t = GoalInput::from(&theirs.goal);
            Some(vec![
                row(P::Title, form.title.clone(), t.title.clone()),
                row(P::Description, form.description.clone(), t.description.clone()),
                row(P::Indicators, targets(form), targets(&t)),
            ])
        }
        (Editor::Action { form, .. }, Theirs::Action(theirs)) => {
            let t = ActionDraft::from_action(&theirs.action, lang);
            Some(vec![
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
            ])
        }
        _ => None,
    }
}

/// The open form, or the comparison after a stale save. A view function,
/// not a component: it draws the editor's own state, which the goal or
/// action around it already watches.
pub fn open_form(ed: &PlanEditor) -> Html {
    let Some(open) = ed.draft.editor.clone() else { return html! {} };
    if let Some(rows) = ed.conflict.as_ref().and_then(|theirs| conflict_rows(&open, theirs, ed.lang)) {
        return conflict_choice(ed.lang, ConflictChoice {
            rows,
            busy: ed.busy,
            on_keep_mine: ed.cb(PlanEditor::keep_mine),
            on_take_theirs: ed.cb(PlanEditor::take_theirs),
            on_edit: ed.cb(PlanEditor::edit_mine),
        });
    }
    let (save, cancel) = (ed.cb(PlanEditor::save), ed.cb(PlanEditor::close));
    match open {
        Editor::Goal { form, .. } => goal_form(ed.lang, ed.rubric, GoalFormProps {
            value: form,
            maps: ed.maps.clone(),
            errors: ed.errors.clone(),
            busy: ed.busy,
            on_edit: ed.on_goal_edit(),
            on_save: save,
            on_cancel: cancel,
        }),
        Editor::Action { form, .. } => action_form(ed.lang, ActionFormProps {
            value: form,
            errors: ed.errors.clone(),
            busy: ed.busy,
            on_edit: ed.on_action_edit(),
            on_save: save,
            on_cancel: cancel,
        }),
    }
}

//! One goal of the plan page: title, description, indicator targets and
//! what the checks flag, its comments, its actions (dropped ones folded
//! away) and the school's tools (move, edit, delete, add an action), or
//! its open form.

use super::action_item::action_item;
use super::item_comments::item_comments;
use super::item_tool::item_tool;
use super::open_form::open_form;
use crate::components::plan_view::goal_targets;
use crate::hooks::plan_editor::PlanEditor;
use crate::hooks::plan_state::Editor;
use crate::i18n::plans::P;
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::plan::{Action, ActionStatus, CommentTarget, Direction, Goal};
use yew::prelude::*;

/// One goal card, keyed by the goal's id (a view function: the state lives
/// in the editor); `index` is its place among the goals, `count` how many there are.
pub fn goal_card(ed: &PlanEditor, goal: &Goal, index: usize, count: usize) -> Html {
    let (lang, id) = (ed.lang, goal.id);
    let edit = ed.page.access.edit;
    // The tools wait while a form is open or a request runs.
    let locked = ed.locked() || ed.busy;
    let (live, dropped): (Vec<&Action>, Vec<&Action>) =
        ed.plan.actions_of(id).into_iter().partition(|a| a.status != ActionStatus::Dropped);
    let editing = matches!(&ed.draft.editor, Some(Editor::Goal { id: Some(x), .. }) if *x == id);
    let new_action = matches!(&ed.draft.editor, Some(Editor::Action { id: None, goal_id, .. }) if *goal_id == id);
    let mut body = Tree::new();
    if !goal.description.is_empty() {
        body.el("p", "pre", &goal.description);
    }
    goal_targets(&mut body, goal, lang);
    if ed.checks.goals_without_gap.contains(&id) {
        body.open("p", "flag").attr("data-testid", "flag-no-gap").text(P::GoalNoGap.t(lang)).close();
    }
    if ed.checks.goals_without_actions.contains(&id) && !new_action {
        body.open("p", "flag").attr("data-testid", "flag-no-actions").text(P::GoalNoActions.t(lang)).close();
    }
    let action = |a: &&Action, first: bool, last: bool| {
        action_item(ed, a, first, last)
    };
    html! {
        <article key={id} class="goal-card" id={format!("goal-{id}")} data-testid="goal" data-goal-id={id.to_string()}>
            if editing {
                { open_form(ed) }
            } else {
                <header class="goal-head">
                    <h3>{ format!("{}. {}", index + 1, goal.title) }</h3>
                    if edit {
                        <span class="item-tools">
                            { item_tool(lang, P::MoveUp, "↑", "goal-up", index == 0 || ed.busy, ed.cb(move |ed| ed.move_item(true, id, Direction::Up))) }
                            { item_tool(lang, P::MoveDown, "↓", "goal-down", index + 1 == count || ed.busy, ed.cb(move |ed| ed.move_item(true, id, Direction::Down))) }
                            { item_tool(lang, P::Edit, "", "edit-goal", locked, { let g = goal.clone(); ed.cb(move |ed| ed.edit_goal(&g)) }) }
                            { item_tool(lang, P::Delete, "", "delete-goal", locked, ed.cb(move |ed| ed.delete_goal(id))) }
                        </span>
                    }
                </header>
                { body.html() }
                { item_comments(ed, CommentTarget::Goal(id)) }
            }
            <h4 class="visually-hidden">{ P::Actions.t(lang) }</h4>
            <ol class="plan-actions">
                { for live.iter().enumerate().map(|(i, a)| action(a, i == 0, i + 1 == live.len())) }
            </ol>
            if new_action {
                <div class="new-action">{ open_form(ed) }</div>
            } else if edit {
                <button type="button" class="button secondary small" data-testid="add-action" disabled={ed.locked()}
                    onclick={ed.cb(move |ed| ed.new_action(id)).reform(|_: MouseEvent| ())}>{ format!("+ {}", P::AddAction.t(lang)) }</button>
            }
            if !dropped.is_empty() {
                <details class="dropped-actions">
                    <summary>{ format!("{} ({})", P::DroppedActions.t(lang), dropped.len()) }</summary>
                    <ol class="plan-actions">{ for dropped.iter().map(|a| action(a, true, true)) }</ol>
                </details>
            }
        </article>
    }
}

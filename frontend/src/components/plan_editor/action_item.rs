//! One action in a goal card: what, status, facts and comments, with the
//! school's tools (move, edit, drop; restore when dropped), or its open form.

use super::item_comments::item_comments;
use super::item_tool::item_tool;
use super::open_form::open_form;
use crate::components::evidence_files::{EvidenceFiles, Target};
use crate::components::plan_view::{action_facts, status_badge};
use crate::hooks::plan_editor::PlanEditor;
use crate::hooks::plan_state::Editor;
use crate::i18n::plans::P;
use crate::tree::Tree;
use rubric::plan::{Action, ActionStatus, CommentTarget, Direction};
use yew::prelude::*;

/// One action, keyed by its id (a view function: the state lives in the
/// editor); `first` and `last` among the goal's live actions (no move up / down).
pub fn action_item(ed: &PlanEditor, a: &Action, first: bool, last: bool) -> Html {
    let (lang, id) = (ed.lang, a.id);
    if matches!(&ed.draft.editor, Some(Editor::Action { id: Some(x), .. }) if *x == id) {
        return html! { <li key={id} class="plan-action editing" id={format!("action-{id}")}>{ open_form(ed) }</li> };
    }
    let locked = ed.locked() || ed.busy;
    let dropped = a.status == ActionStatus::Dropped;
    let set_status = |status: ActionStatus| {
        let a = a.clone();
        ed.cb(move |ed| ed.set_status(&a, status))
    };
    let mut head = Tree::new();
    head.el("span", "action-what pre", &a.description).text(" ");
    status_badge(&mut head, a.status, lang);
    let mut facts = Tree::new();
    action_facts(&mut facts, a, lang);
    html! {
        <li key={id} class={classes!("plan-action", dropped.then_some("dropped"))} id={format!("action-{id}")}
            data-testid="action" data-action-id={id.to_string()} data-status={a.status.key()}>
            <div class="action-head">
                { head.html() }
                if ed.page.access.edit {
                    <span class="item-tools">
                        if dropped {
                            { item_tool(lang, P::Restore, "", "restore-action", locked, set_status(ActionStatus::Planned)) }
                        } else {
                            { item_tool(lang, P::MoveUp, "↑", "action-up", first || ed.busy, ed.cb(move |ed| ed.move_item(false, id, Direction::Up))) }
                            { item_tool(lang, P::MoveDown, "↓", "action-down", last || ed.busy, ed.cb(move |ed| ed.move_item(false, id, Direction::Down))) }
                            { item_tool(lang, P::Edit, "", "edit-action", locked, { let a = a.clone(); ed.cb(move |ed| ed.edit_action(&a)) }) }
                            { item_tool(lang, P::Drop, "", "drop-action", locked, set_status(ActionStatus::Dropped)) }
                        }
                    </span>
                }
            </div>
            { facts.html() }
            <EvidenceFiles target={Target::Action(id)} editable={ed.page.access.edit && !dropped} />
            { item_comments(ed, CommentTarget::Action(id)) }
        </li>
    }
}

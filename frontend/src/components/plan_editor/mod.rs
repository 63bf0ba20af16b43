//! The parts of the plan page: a goal card with its actions, an action,
//! the comments on an item, the open goal or action form (or the comparison
//! after a stale save), the submit confirmation and the small tool buttons.
//! Each reads the page's [`crate::hooks::plan_editor::PlanEditor`] (state
//! and commands of `use_plan_editor`) and fetches nothing itself.

pub mod action_item;
pub mod goal_card;
pub mod item_comments;
pub mod item_tool;
pub mod open_form;
pub mod submit_confirm;

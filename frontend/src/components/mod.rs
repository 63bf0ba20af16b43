//! Reusable pieces: props in, callbacks out, no fetching.

pub mod action_form;
pub mod comment_box;
pub mod comment_thread;
pub mod conflict_choice;
pub mod error_box;
pub mod form;
pub mod gap_picker;
pub mod goal_form;
pub mod header;
pub mod lang_switch;
pub mod loading;
pub mod nav;
pub mod programme;
pub mod nulmeting;
pub mod plan_card;
pub mod plan_checks;
pub mod plan_view;
pub mod rubric_aspect;
pub mod undo_toast;
pub mod version_history;

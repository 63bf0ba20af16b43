//! Reusable pieces: props in, callbacks out, no fetching.

pub mod agreement_panel;
pub mod category_results;
pub mod chair_order;
pub mod conflicts_table;
pub mod criteria_editor;
pub mod criterion_score;
pub mod error_box;
pub mod frozen_plan;
pub mod header;
pub mod jury_categories;
pub mod jury_jurors;
pub mod lang_switch;
pub mod loading;
pub mod nav;
pub mod others_scores;
pub mod profile_summary;
pub mod rubric_aspect;
pub mod tie_break_editor;

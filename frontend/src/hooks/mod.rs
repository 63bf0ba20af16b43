//! Hooks: the language and session contexts, data loading, deciding
//! reopen requests, and the state of the heavier pages (answer sheet, jury
//! results, the plan editor with its pure reducer in `plan_state`).

pub mod answer_sheet;
pub mod edition_choice;
pub mod evidence;
pub mod fetch;
pub mod jury_results;
pub mod lang;
pub mod plan_editor;
pub mod plan_state;
pub mod regional_draft;
pub mod reopen_decider;
pub mod rubric;
pub mod session;

pub use fetch::{use_fetch, Fetch};
pub use lang::use_lang;
pub use session::{use_session, SessionState};

//! Reusable pieces: props in, callbacks out, no fetching.

pub mod error_box;
pub mod header;
pub mod lang_switch;
pub mod loading;
pub mod nav;
pub mod programme;
pub mod nulmeting;
pub mod rubric_aspect;

//! The jury pages: the coordinator's set-up, results and printable sheet;
//! the juror's list and scoring page (with its score sheet); the published
//! award results and the notice that points to them.

pub mod award_notice;
pub mod home;
pub mod print;
pub mod published;
pub mod results;
pub mod score;
pub mod score_sheet;
pub mod setup;

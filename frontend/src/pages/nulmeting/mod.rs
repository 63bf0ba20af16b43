//! The nulmeting pages: filling in (`/nulmeting`), the team view, the
//! school report, the coordinator's measurements and the start-page card.

pub mod fill;
pub mod home_card;
pub mod measurements;
pub mod report;
pub mod sheet_editor;
pub mod team;
pub mod team_board;

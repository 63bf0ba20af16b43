//! The action plan pages: the plan itself (school edits, company and
//! coordinator read and comment), its printable A4 document, the company's
//! start page with its schools, and the plan card on the school's start page.

pub mod company_home;
pub mod home_card;
pub mod plan;
pub mod plan_editor;
pub mod print;

//! One component per route. Pages load data through hooks and compose
//! components; they hold no business rules.

pub mod coming;
pub mod home;
pub mod jury;
pub mod not_found;
pub mod rubric;
pub mod sign_in;

//! One component per route. Pages load data through hooks and compose
//! components; they hold no business rules.

pub mod colleagues;
pub mod coordinator;
pub mod dossier;
pub mod home;
pub mod jury;
pub mod not_found;
pub mod nulmeting;
pub mod plans;
pub mod region;
pub mod regional_plan;
pub mod rubric;
pub mod school_start;
pub mod sign_in;

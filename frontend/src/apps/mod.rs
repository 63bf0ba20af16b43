//! The five apps, one per kind of person (`rubric::apps::App`): each has a
//! `switch` over its own routes and a `run` its entry point in `src/bin/`
//! calls. A bundle holds only the pages its switch names; every other route
//! is [`crate::app::Elsewhere`], a real page load of the app that has it.

pub mod company;
pub mod coordinator;
pub mod dossier;
pub mod jury;
pub mod public;
pub mod region;
pub mod school;

//! The apps, one per kind of person (the school team's report, team
//! view and plan, the coordinator's measurements overview, set-up in
//! three (programme, matching, people), the jury's results (judging) and its set-up with the published award (award) each their own) (`rubric::apps::App`): each has a
//! `switch` over its own routes and a `run` its entry point in `src/bin/`
//! calls. A bundle holds only the pages its switch names; every other route
//! is [`crate::app::Elsewhere`], a real page load of the app that has it.

pub mod award;
pub mod company;
pub mod coordinator;
pub mod dossier;
pub mod judging;
pub mod jury;
pub mod measurements;
pub mod matching;
pub mod people;
pub mod plan;
pub mod planprint;
pub mod programme;
pub mod public;
pub mod region;
pub mod regionplan;
pub mod report;
pub mod school;
pub mod team;

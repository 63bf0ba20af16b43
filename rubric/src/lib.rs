//! The STEMpact domain: rubric content, measurements and their aggregation,
//! action plans, programme set-up and jury results. Pure Rust with no I/O,
//! shared by the server (which validates every write with it) and the
//! frontend (which uses it for instant feedback).

pub mod access;
pub mod apps;
pub mod assessment;
pub mod content;
pub mod date;
pub mod dossier;
pub mod errors;
pub mod evidence;
pub mod exchange;
pub mod glossary;
pub mod jury;
pub mod mapping;
pub mod names;
pub mod next_steps;
pub mod people;
pub mod plan;
pub mod programme;
pub mod region;
pub mod regional_plan;
pub mod rubric_versions;
pub mod small_sort;
pub mod submission;

pub use content::{current as current_rubric, AspectId, Indicator, Lang, Level, LocalizedText, Rubric, RubricVersion};
pub use date::Date;

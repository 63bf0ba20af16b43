//! The server's integration tests, one binary (one link instead of one per
//! file, which kept target/ small enough for CI): handler tests through the
//! router with `oneshot`, and the `stempact` command line.

mod common;

mod api;
mod authz;
mod bad_input;
mod cli;
mod dossier;
mod crash;
mod error_codes;
mod evidence;
mod evidence_crash;
mod hardening;
mod integrity;
mod jury;
mod jury_cli;
mod jury_signoff;
mod load;
mod pages;
mod nulmeting;
mod plans;
mod programme;
mod programme_cli;
mod regional_plan;
mod regions;
mod rubric_versions;
mod sessions;
mod write_path;

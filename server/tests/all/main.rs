//! The server's integration tests, one binary (one link instead of one per
//! file, which kept target/ small enough for CI): handler tests through the
//! router with `oneshot`, and the `stempact` command line.

mod common;

mod api;
mod authz;
mod bad_input;
mod cli;
mod error_codes;
mod jury;
mod jury_cli;
mod pages;
mod nulmeting;
mod plans;
mod programme;
mod programme_cli;
mod sessions;

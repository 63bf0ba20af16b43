//! The browser journeys, one binary (one link instead of one per file): the
//! real server on a free port, driven through headless Chromium as each role
//! would use it.

mod apps;
mod foundation;
mod jury;
mod nulmeting;
mod plans;
mod programme;

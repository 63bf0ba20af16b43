//! The browser journeys, one binary (one link instead of one per file): the
//! real server on a free port, driven through headless Chromium as each role
//! would use it.

mod foundation;
mod integrity;
mod jury;
mod jury_signoff;
mod nulmeting;
mod plans;
mod programme;
mod security;

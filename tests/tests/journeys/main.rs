//! The browser journeys, one binary (one link instead of one per file): the
//! real server on a free port, driven through headless Chromium as each role
//! would use it.

mod apps;
mod dossier;
mod evidence;
mod foundation;
mod integrity;
mod jury;
mod jury_signoff;
mod keyboard;
mod layout;
mod nulmeting;
mod plans;
mod rough_edges;
mod rubric_versions;
mod programme;
mod regional_plan;
mod regions;
mod security;

//! The rubric content and its next steps, fetched from the server instead
//! of being built into the apps (issue 13 counts every kB): the rubric of
//! one version, the versions on offer.

use super::client::{get, ApiError};
use rubric::next_steps::NextSteps;
use rubric::Rubric;

/// `GET /api/rubric/{version}`: public and cached by the browser.
pub async fn rubric(version: u32) -> Result<Rubric, ApiError> {
    get(&format!("/rubric/{version}")).await
}

/// `GET /api/next-steps`: next steps per indicator and level, every version.
pub async fn next_steps() -> Result<NextSteps, ApiError> {
    get("/next-steps").await
}

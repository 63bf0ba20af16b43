//! The jury endpoints: the coordinator's set-up and results, a juror's
//! scoring, the published results. The request bodies are the server's own
//! types ([`rubric::jury::bodies`]): one definition for both sides.

use super::client::{self, ApiError};
use rubric::jury::setup::{CriterionInput, JuryStatus};
use rubric::jury::views::{
    AuditLine, JurorAdded, JurorHome, JurySetup, NewJuror, OtherSheets, PublishedResults, ResultsView, ScoreFinalist,
    Sheet, SheetInput,
};
use rubric::jury::{Finding, TieBreakRule};
use rubric::submission::ReopenOutcome;
use rubric::jury::bodies::{
    Acknowledgement, CategoryName, ChairChange, ChairOrder, ConflictDeclaration, CriteriaChange, JurorCompany, NewFinalist,
    ResultsVersion, StatusChange, TieBreakChange,
};
use rubric::submission::ReasonInput;

type R<T> = Result<T, ApiError>;

// Set-up (coordinator) ----------------------------------------------------------

pub async fn setup() -> R<JurySetup> {
    client::get("/jury/setup").await
}

pub async fn add_category(name: &str) -> R<JurySetup> {
    client::post("/jury/categories", &CategoryName { name: name.to_string() }).await
}

pub async fn rename_category(id: i64, name: &str) -> R<JurySetup> {
    client::put(&format!("/jury/categories/{id}"), &CategoryName { name: name.to_string() }).await
}

pub async fn delete_category(id: i64) -> R<JurySetup> {
    client::delete(&format!("/jury/categories/{id}")).await
}

pub async fn save_criteria(version: i64, criteria: &[CriterionInput]) -> R<JurySetup> {
    client::put("/jury/criteria", &CriteriaChange { version, criteria: criteria.to_vec() }).await
}

pub async fn add_finalist(category_id: i64, school_id: i64) -> R<JurySetup> {
    client::post("/jury/finalists", &NewFinalist { category_id, school_id }).await
}

pub async fn remove_finalist(id: i64) -> R<JurySetup> {
    client::delete(&format!("/jury/finalists/{id}")).await
}

pub async fn refreeze_finalist(id: i64) -> R<JurySetup> {
    client::post(&format!("/jury/finalists/{id}/refreeze"), &()).await
}

pub async fn add_juror(juror: &NewJuror) -> R<JurorAdded> {
    client::post("/jury/jurors", juror).await
}

pub async fn set_juror_company(person_id: i64, company_id: Option<i64>) -> R<JurySetup> {
    client::put(&format!("/jury/jurors/{person_id}"), &JurorCompany { company_id }).await
}

pub async fn remove_juror(person_id: i64) -> R<JurySetup> {
    client::delete(&format!("/jury/jurors/{person_id}")).await
}

pub async fn juror_link(person_id: i64) -> R<JurorAdded> {
    client::post(&format!("/jury/jurors/{person_id}/link"), &()).await
}

pub async fn save_tie_break(version: i64, rules: &[TieBreakRule], chair_id: Option<i64>) -> R<JurySetup> {
    client::put("/jury/tie-break", &TieBreakChange { version, rules: rules.to_vec(), chair_id }).await
}

/// Appoint the chair (or none) until the results are locked.
pub async fn set_chair(version: i64, chair_id: Option<i64>) -> R<JurySetup> {
    client::put("/jury/chair", &ChairChange { version, chair_id }).await
}

pub async fn dismiss_conflict(id: i64, reason: &str) -> R<JurySetup> {
    client::post(&format!("/jury/conflicts/{id}/dismiss"), &ReasonInput { reason: reason.to_string() }).await
}

pub async fn restore_conflict(id: i64) -> R<JurySetup> {
    client::post(&format!("/jury/conflicts/{id}/restore"), &()).await
}

pub async fn set_status(version: i64, status: JuryStatus) -> R<JurySetup> {
    client::post("/jury/status", &StatusChange { version, status }).await
}

// Results (coordinator and chair) ------------------------------------------------

pub async fn results() -> R<ResultsView> {
    client::get("/jury/results").await
}

pub async fn chair_order(version: i64, order: &[i64]) -> R<ResultsView> {
    client::put("/jury/chair-order", &ChairOrder { version, order: order.to_vec() }).await
}

/// The chair confirms a winner that is not robust, with the findings seen.
pub async fn acknowledge(category_id: i64, findings: &[Finding], reason: &str) -> R<ResultsView> {
    client::post("/jury/acknowledgements", &Acknowledgement { category_id, findings: findings.to_vec(), reason: reason.to_string() }).await
}

/// `action` is `lock`, `unlock` or `publish`.
pub async fn results_action(action: &str, version: i64) -> R<ResultsView> {
    client::post(&format!("/jury/{action}"), &ResultsVersion { version }).await
}

pub async fn audit() -> R<Vec<AuditLine>> {
    client::get("/jury/audit").await
}

// Scoring (juror) ------------------------------------------------------------------

pub async fn my_home() -> R<JurorHome> {
    client::get("/jury/my").await
}

pub async fn my_finalist(id: i64) -> R<ScoreFinalist> {
    client::get(&format!("/jury/my/finalists/{id}")).await
}

/// Autosave (`submit` false) or submit the sheet.
pub async fn save_sheet(id: i64, input: &SheetInput, submit: bool) -> R<Sheet> {
    if submit {
        client::post(&format!("/jury/my/finalists/{id}/submit"), input).await
    } else {
        client::put(&format!("/jury/my/finalists/{id}/sheet"), input).await
    }
}

/// Ask to reopen one's own submitted sheet for a finalist (a reason is required).
pub async fn request_reopen(finalist_id: i64, reason: &str) -> R<ReopenOutcome> {
    client::post(&format!("/jury/my/finalists/{finalist_id}/reopen-request"), &ReasonInput { reason: reason.to_string() }).await
}

/// Reopen a juror's sheet (`note` `None`), or decline with a note.
pub async fn decide_reopen(finalist_id: i64, person_id: i64, note: Option<&str>) -> R<ReopenOutcome> {
    let what = if note.is_some() { "decline" } else { "reopen" };
    client::post(&format!("/jury/finalists/{finalist_id}/sheets/{person_id}/{what}"), &ReasonInput { reason: note.unwrap_or("").to_string() }).await
}

pub async fn other_sheets(id: i64) -> R<OtherSheets> {
    client::get(&format!("/jury/my/finalists/{id}/others")).await
}

pub async fn declare_conflict(finalist_id: i64, reason: &str) -> R<JurorHome> {
    client::post("/jury/my/conflicts", &ConflictDeclaration { finalist_id, reason: reason.to_string() }).await
}

pub async fn withdraw_conflict(finalist_id: i64) -> R<JurorHome> {
    client::delete(&format!("/jury/my/conflicts/{finalist_id}")).await
}

// Published ---------------------------------------------------------------------------

pub async fn published() -> R<PublishedResults> {
    client::get("/jury/published").await
}

/// Whether the results are out, and nothing else: the start pages' notice
/// reads one field, so their app does not carry the whole results' decoder.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Publication {
    pub published_at: Option<i64>,
}

pub async fn publication() -> R<Publication> {
    client::get("/jury/published").await
}

//! The nulmeting endpoints: the respondent's sheet and answers, submitting,
//! the team view and consensus, the school report, and the coordinator's
//! measurement controls. The JSON shapes live in `rubric::assessment::api`.

use super::client::{self, ApiError};
use rubric::assessment::api::{
    AnswerWrite, BulkChange, BulkResult, ConsensusWrite, MeasurementInfo, MeasurementOverview, MySheet, SchoolReport,
    StoredAnswer, StoredConsensus, TeamView,
};
use rubric::assessment::MeasurementKind;
use rubric::submission::{ReasonInput, ReopenOutcome};
use serde::{Deserialize, Serialize};

/// The empty JSON object these actions send (`{}`). A struct, not
/// `json!({})`: that links `serde_json::Value`'s serializer (and float
/// printing) into the app for an empty body (issue 13).
#[derive(Serialize)]
struct NoFields {}

fn kind_query(kind: Option<MeasurementKind>) -> String {
    kind.map(|k| format!("?kind={}", k.key())).unwrap_or_default()
}

/// The signed-in respondent's sheet (the baseline opens on first use).
pub async fn my_sheet(kind: Option<MeasurementKind>) -> Result<MySheet, ApiError> {
    client::get(&format!("/my/measurement{}", kind_query(kind))).await
}

pub async fn save_answer(measurement_id: i64, indicator_id: &str, write: &AnswerWrite) -> Result<StoredAnswer, ApiError> {
    client::put(&format!("/measurements/{measurement_id}/answers/{indicator_id}"), write).await
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Submitted {
    pub submitted_at: i64,
    /// For a reopened sheet submitted again: how many answers changed.
    #[serde(default)]
    pub changes: usize,
}

pub async fn submit(measurement_id: i64) -> Result<Submitted, ApiError> {
    client::post(&format!("/measurements/{measurement_id}/submit"), &NoFields {}).await
}

/// Ask to reopen one's own submitted sheet.
pub async fn request_reopen(measurement_id: i64, reason: &str) -> Result<ReopenOutcome, ApiError> {
    client::post(&format!("/measurements/{measurement_id}/reopen-request"), &ReasonInput { reason: reason.into() }).await
}

/// Reopen a respondent's sheet (`note` `None`), or decline with a note.
pub async fn decide_reopen(measurement_id: i64, person_id: i64, note: Option<&str>) -> Result<ReopenOutcome, ApiError> {
    let (what, reason) = match note {
        None => ("reopen", String::new()),
        Some(n) => ("decline", n.to_string()),
    };
    client::post(&format!("/measurements/{measurement_id}/sheets/{person_id}/{what}"), &ReasonInput { reason }).await
}

pub async fn team(school_id: i64, kind: Option<MeasurementKind>) -> Result<TeamView, ApiError> {
    client::get(&format!("/schools/{school_id}/team{}", kind_query(kind))).await
}

pub async fn save_consensus(
    measurement_id: i64,
    indicator_id: &str,
    write: &ConsensusWrite,
) -> Result<StoredConsensus, ApiError> {
    client::put(&format!("/measurements/{measurement_id}/consensus/{indicator_id}"), write).await
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Accepted {
    pub recorded: u32,
    pub consensus: Vec<StoredConsensus>,
}

pub async fn accept_proposals(measurement_id: i64) -> Result<Accepted, ApiError> {
    client::post(&format!("/measurements/{measurement_id}/consensus/accept-proposals"), &NoFields {}).await
}

pub async fn report(school_id: i64) -> Result<SchoolReport, ApiError> {
    client::get(&format!("/schools/{school_id}/report")).await
}

pub async fn overview() -> Result<MeasurementOverview, ApiError> {
    client::get("/measurements").await
}

/// Open (creating it if needed) or close one school's measurement.
pub async fn set_open(school_id: i64, kind: MeasurementKind, open: bool) -> Result<MeasurementInfo, ApiError> {
    let action = if open { "open" } else { "close" };
    client::post(&format!("/schools/{school_id}/measurements/{}/{action}", kind.key()), &NoFields {}).await
}

pub async fn bulk(change: BulkChange) -> Result<BulkResult, ApiError> {
    client::post("/measurements/bulk", &change).await
}

//! The JSON shapes of the nulmeting API, shared by the server (which sends
//! them) and the frontend (which reads them): a respondent's sheet, the team
//! view, the school report and the coordinator's overview of measurements.
//! Only data lives here; the rules are in the sibling modules.

use crate::assessment::{Answer, Consensus, IndicatorStats, MeasurementKind};
use crate::content::Level;
use crate::people::SchoolFunction;
use crate::submission::{AnswerChange, ReopenInfo, SheetStatus};
use serde::{Deserialize, Serialize};

/// Whether respondents can still change their answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasurementStatus {
    Open,
    Closed,
}

impl MeasurementStatus {
    pub fn key(self) -> &'static str {
        match self {
            MeasurementStatus::Open => "open",
            MeasurementStatus::Closed => "closed",
        }
    }

    pub fn from_key(key: &str) -> Option<MeasurementStatus> {
        match key {
            "open" => Some(MeasurementStatus::Open),
            "closed" => Some(MeasurementStatus::Closed),
            _ => None,
        }
    }
}

/// One measurement of a school in an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasurementInfo {
    pub id: i64,
    pub kind: MeasurementKind,
    pub status: MeasurementStatus,
    pub school_id: i64,
    pub school_name: String,
    pub edition_id: i64,
    pub edition_name: String,
    pub rubric_version: u32,
    /// Unix seconds.
    pub opened_at: i64,
    pub closed_at: Option<i64>,
    /// The edition's nulmeting deadline, `YYYY-MM-DD`, if set.
    pub deadline: Option<String>,
}

/// A stored answer of the signed-in respondent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredAnswer {
    pub indicator_id: String,
    /// `None`: not answered yet (the row may hold only a comment).
    pub answer: Option<Answer>,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub evidence_url: String,
    /// Starts at 1; a write names the version it was based on (0 for a new answer).
    pub version: i64,
    pub updated_at: i64,
}

/// The body of `PUT /api/measurements/{id}/answers/{indicator}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerWrite {
    pub answer: Option<Answer>,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub evidence_url: String,
    /// The version the change was based on; 0 when there was no answer yet.
    pub version: i64,
}

/// Why a school member has no measurement to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unavailable {
    /// No edition is active.
    NoActiveEdition,
    /// The person's school does not take part in the active edition.
    NotInEdition,
    /// The nulmeting deadline passed before the team started.
    DeadlinePassed,
}

/// `GET /api/my/measurement`: the signed-in respondent's own sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySheet {
    pub measurement: Option<MeasurementInfo>,
    pub unavailable: Option<Unavailable>,
    /// The kinds that exist for the school (baseline, and final once opened).
    #[serde(default)]
    pub kinds: Vec<MeasurementKind>,
    pub submitted_at: Option<i64>,
    /// Where the sheet stands: draft, submitted (frozen), reopen requested, reopened.
    #[serde(default)]
    pub status: SheetStatus,
    /// The latest reopening of this sheet (requested, declined, reopened or
    /// done), so the respondent sees where their request stands.
    #[serde(default)]
    pub reopen: Option<ReopenInfo>,
    #[serde(default)]
    pub answers: Vec<StoredAnswer>,
    /// Whether this person may see the team's answers now.
    pub may_see_team: bool,
    /// Whether this person leads the school's nulmeting (STEM coordinator or direction).
    pub leads: bool,
}

/// A member of the school team and how far they got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub person_id: i64,
    pub name: String,
    pub function: Option<SchoolFunction>,
    /// Indicators answered (a level or "not applicable").
    pub answered: u32,
    pub total: u32,
    /// When their current (or, while reopened, last) version was submitted.
    pub submitted_at: Option<i64>,
    #[serde(default)]
    pub status: SheetStatus,
    /// Their open reopening (requested or reopened), for whoever decides.
    #[serde(default)]
    pub reopen: Option<ReopenInfo>,
}

/// One respondent's answer as the team sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamAnswer {
    pub person_id: i64,
    pub indicator_id: String,
    pub answer: Answer,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub evidence_url: String,
}

/// A recorded consensus level with its edit version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredConsensus {
    pub indicator_id: String,
    /// `None`: the team agreed the indicator is not applicable.
    pub level: Option<Level>,
    #[serde(default)]
    pub rationale: String,
    pub version: i64,
    pub decided_by: Option<String>,
    pub decided_at: i64,
}

/// The body of `PUT /api/measurements/{id}/consensus/{indicator}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsensusWrite {
    /// A level, or "not applicable".
    pub level: Answer,
    #[serde(default)]
    pub rationale: String,
    /// The version it was based on; 0 when nothing was recorded yet.
    pub version: i64,
}

/// `GET /api/schools/{id}/team`: everything the team view needs. The
/// statistics are computed from `answers` with [`crate::assessment::aggregate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamView {
    pub school_id: i64,
    pub school_name: String,
    /// `None` while the school has no measurement of the asked kind yet.
    pub measurement: Option<MeasurementInfo>,
    pub kinds: Vec<MeasurementKind>,
    pub members: Vec<TeamMember>,
    /// Whether `answers` holds the team's answers; when false they are
    /// withheld until the viewer submitted their own answers.
    pub answers_visible: bool,
    #[serde(default)]
    pub answers: Vec<TeamAnswer>,
    #[serde(default)]
    pub consensus: Vec<StoredConsensus>,
    /// Whether the viewer may record consensus.
    pub can_decide: bool,
    /// Answers changed after their sheet was reopened, oldest first; empty
    /// when the answers are not visible.
    #[serde(default)]
    pub changes: Vec<AnswerChange>,
}

/// One measurement in the school report. The profile and the growth are
/// computed from `consensus` with [`crate::assessment::SchoolProfile::from_consensus`]
/// and [`crate::assessment::growth`], on the server and in the browser alike.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasurementReport {
    pub measurement: MeasurementInfo,
    /// Respondents who answered at least one indicator.
    pub respondents: u32,
    /// The recorded consensus with its rationale, in rubric order; empty
    /// before any consensus is recorded.
    #[serde(default)]
    pub consensus: Vec<Consensus>,
    /// Indicators the team disagreed on (spread of two levels or more),
    /// largest spread first; empty when the viewer may not see team statistics.
    #[serde(default)]
    pub discussion_points: Vec<IndicatorStats>,
    /// True when the viewer is a member who must submit their own sheet
    /// before seeing the team's result: `consensus` is then empty.
    #[serde(default)]
    pub blind: bool,
    /// Answers changed after their sheet was reopened (for those who may
    /// see the team's answers).
    #[serde(default)]
    pub changes: Vec<AnswerChange>,
}

/// `GET /api/schools/{id}/report`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchoolReport {
    pub school_id: i64,
    pub school_name: String,
    pub town: String,
    pub edition_name: String,
    pub company_name: Option<String>,
    pub baseline: Option<MeasurementReport>,
    #[serde(rename = "final")]
    pub final_measurement: Option<MeasurementReport>,
    /// The edition benchmark ([`crate::assessment::benchmark`] over the
    /// baseline consensus of the edition's schools): the median per aspect
    /// in rubric order, `None` where hidden (fewer than
    /// [`crate::assessment::BENCHMARK_MIN_SCHOOLS`] schools). Names no school.
    pub benchmark: Vec<Option<f64>>,
    /// Schools with a baseline consensus in the edition.
    pub benchmark_schools: usize,
    /// Growth per indicator of the final from the baseline when the two
    /// were answered on different rubric versions (through the declared
    /// mapping, [`crate::rubric_versions::growth_across`]); empty otherwise.
    #[serde(default)]
    pub growth_across: Vec<crate::rubric_versions::CrossGrowth>,
}

/// A measurement as the coordinator's overview counts it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasurementSummary {
    pub id: i64,
    pub status: MeasurementStatus,
    pub opened_at: i64,
    pub closed_at: Option<i64>,
    /// People who answered at least one indicator.
    pub respondents: u32,
    pub submitted: u32,
    /// Mean completion over respondents, 0 to 1.
    pub completion: f64,
    pub decided: u32,
    pub indicators: u32,
    /// Requests to reopen a submitted sheet waiting for a decision.
    #[serde(default)]
    pub reopen_requests: u32,
}

/// One school in the coordinator's overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchoolMeasurements {
    pub school_id: i64,
    pub school_name: String,
    pub town: String,
    /// Active school members (possible respondents).
    pub members: u32,
    pub baseline: Option<MeasurementSummary>,
    #[serde(rename = "final")]
    pub final_measurement: Option<MeasurementSummary>,
}

/// The active edition as the overview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionSummary {
    pub id: i64,
    pub name: String,
    pub nulmeting_deadline: Option<String>,
    /// Baselines open automatically on first use while this is true.
    pub nulmeting_open: bool,
}

/// `GET /api/measurements`: the coordinator's overview of the active edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasurementOverview {
    pub edition: Option<EditionSummary>,
    pub schools: Vec<SchoolMeasurements>,
}

/// The body of `POST /api/measurements/bulk`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkChange {
    pub kind: MeasurementKind,
    pub status: MeasurementStatus,
}

/// The answer of a bulk change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkResult {
    /// Schools whose measurement was created or changed.
    pub changed: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_through_their_keys() {
        for s in [MeasurementStatus::Open, MeasurementStatus::Closed] {
            assert_eq!(MeasurementStatus::from_key(s.key()), Some(s));
            assert_eq!(serde_json::to_string(&s).ok(), Some(format!("\"{}\"", s.key())));
        }
        assert_eq!(MeasurementStatus::from_key("half-open"), None);
    }

    #[test]
    fn writes_carry_the_answer_as_the_rubric_writes_it() {
        let w = AnswerWrite { answer: Some(Answer::NotApplicable), comment: String::new(), evidence_url: String::new(), version: 2 };
        let json = serde_json::to_string(&w).unwrap_or_default();
        assert_eq!(json, r#"{"answer":"na","comment":"","evidence_url":"","version":2}"#);
        let unanswered: AnswerWrite = serde_json::from_str(r#"{"answer":null,"version":0}"#).expect("defaults");
        assert_eq!((unanswered.answer, unanswered.comment.as_str()), (None, ""));
        let c: ConsensusWrite = serde_json::from_str(r#"{"level":3,"version":1}"#).expect("a consensus write");
        assert_eq!(c.level.level().map(Level::get), Some(3));
        assert!(serde_json::from_str::<ConsensusWrite>(r#"{"level":5,"version":1}"#).is_err());
    }

    #[test]
    fn the_report_names_the_final_measurement_final_and_hides_benchmarks_as_null() {
        let report = SchoolReport {
            school_id: 1,
            school_name: "Sint-Jozefscollege".into(),
            town: "Aalst".into(),
            edition_name: "2025-2026".into(),
            company_name: None,
            baseline: None,
            final_measurement: None,
            benchmark: vec![None, Some(2.5)],
            benchmark_schools: 5,
            growth_across: vec![],
        };
        let json = serde_json::to_value(&report).unwrap_or_default();
        assert!(json.get("final").is_some() && json.get("final_measurement").is_none());
        assert_eq!(json["benchmark"], serde_json::json!([null, 2.5]));
        assert_eq!(serde_json::from_value::<SchoolReport>(json).ok(), Some(report));
    }
}

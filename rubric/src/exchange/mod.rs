//! The versioned exchange format: one JSON document holding everything of
//! one edition (set-up, learning networks, nulmeting, action plans, comment
//! threads and jury), for backup, restore and moving an edition between
//! installations.
//!
//! Ids in a document are its own: every table is numbered 1, 2, 3… in the
//! order of the original ids, and references use those numbers. An import
//! gives rows new ids, so exporting an imported edition gives the same
//! document again (only `exported_at` differs).
//!
//! [`parse_document`] reads a file: it refuses what is not an export, a
//! `format_version` newer than [`FORMAT_VERSION`], and malformed or
//! inconsistent content, naming the place; older versions are migrated
//! first ([`migrate`]). Sign-in links and sessions are never exported.
//! The two reopening sections (submitted sheets reopened on request, with
//! the version submitted before and the changes) are optional: a file
//! without them has no reopenings.

pub mod archive;
mod check;
pub mod generate;
pub mod migrate;
pub mod regions;

use crate::assessment::MeasurementKind;
use crate::content::Level;
use crate::date::Date;
use crate::jury::Score;
use crate::people::{Role, SchoolFunction};
use crate::plan::{ActionStatus, ContributionKind};
use crate::programme::{NetworkKind, Track};
use crate::submission::ReopenState;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

pub use check::check_document;

/// The version this build writes and the newest it reads.
pub const FORMAT_VERSION: u32 = 2;
/// The `format` marker of an edition export.
pub const FORMAT_NAME: &str = "stempact-edition";

/// The whole edition. Field names follow the database columns; `id` and
/// every `*_id` are document-local numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExchangeDocument {
    pub format: String,
    pub format_version: u32,
    /// When the file was written (Unix seconds).
    pub exported_at: i64,
    /// The STEMpact version that wrote it.
    pub app_version: String,
    pub edition: EditionRecord,
    pub schools: Vec<SchoolRecord>,
    pub companies: Vec<CompanyRecord>,
    pub people: Vec<PersonRecord>,
    pub networks: Vec<NetworkRecord>,
    pub network_sessions: Vec<SessionRecord>,
    pub attendance: Vec<AttendanceRecord>,
    pub measurements: Vec<MeasurementRecord>,
    pub responses: Vec<ResponseRecord>,
    pub answers: Vec<AnswerRecord>,
    pub consensus: Vec<ConsensusRecord>,
    pub plans: Vec<PlanRecord>,
    pub goals: Vec<GoalRecord>,
    pub goal_targets: Vec<GoalTargetRecord>,
    pub actions: Vec<ActionRecord>,
    pub plan_versions: Vec<PlanVersionRecord>,
    pub threads: Vec<ThreadRecord>,
    pub comments: Vec<CommentRecord>,
    pub plan_reads: Vec<PlanReadRecord>,
    pub jury_settings: Option<JurySettingsRecord>,
    pub award_categories: Vec<AwardCategoryRecord>,
    pub criteria: Vec<CriterionRecord>,
    pub finalists: Vec<FinalistRecord>,
    pub jurors: Vec<JurorRecord>,
    pub conflicts: Vec<ConflictRecord>,
    pub score_sheets: Vec<ScoreSheetRecord>,
    pub scores: Vec<ScoreRecord>,
    #[serde(default)]
    pub response_reopenings: Vec<ResponseReopeningRecord>,
    #[serde(default)]
    pub sheet_reopenings: Vec<SheetReopeningRecord>,
    /// Evidence files (issue 16): the attachments; their bytes travel
    /// beside the document in an archive (`archive`), named by `sha256`.
    /// Absent in a file without any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence_files: Vec<EvidenceFileRecord>,
    /// The award dossiers (`crate::dossier`); optional: a file without
    /// them has none.
    #[serde(default)]
    pub dossiers: Vec<DossierRecord>,
    /// Regions and their plans (issue 17; optional, see [`regions`]).
    #[serde(default)]
    pub regions: Vec<regions::RegionRecord>,
    #[serde(default)]
    pub regional_goals: Vec<regions::RegionalGoalRecord>,
    #[serde(default)]
    pub regional_actions: Vec<regions::RegionalActionRecord>,
}

/// One school's award dossier: the school (document id) and the dossier as
/// stored, its sign-offs naming people by document id. `evidence` holds
/// the ids of its evidence files in this document (`evidence_files`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierRecord {
    pub school_id: i64,
    #[serde(flatten)]
    pub dossier: crate::dossier::Dossier,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionRecord {
    pub name: String,
    pub school_year: String,
    pub nulmeting_deadline: Option<Date>,
    pub plan_deadline: Option<Date>,
    pub final_date: Option<Date>,
    pub final_place: String,
    pub cofinancing_threshold_pct: u8,
    pub active: bool,
    pub version: i64,
    pub created_at: i64,
    /// The rubric version the edition's measurements open with; a file
    /// written before the choice existed reads as version 1.
    #[serde(default = "first_rubric_version")]
    pub rubric_version: u32,
}

fn first_rubric_version() -> u32 {
    crate::rubric_versions::FIRST
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolRecord {
    pub id: i64,
    pub name: String,
    pub town: String,
    pub region: String,
    pub tracks: Vec<Track>,
    pub contact_name: String,
    pub contact_email: String,
    pub company_id: Option<i64>,
    pub archived_at: Option<i64>,
    pub version: i64,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyRecord {
    pub id: i64,
    pub name: String,
    pub town: String,
    pub sector: String,
    pub contact_name: String,
    pub contact_email: String,
    pub archived_at: Option<i64>,
    pub version: i64,
    pub created_at: i64,
}

/// Everyone the edition refers to: its school and company members, its
/// jurors, and whoever wrote, decided or submitted something in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRecord {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub school_id: Option<i64>,
    pub company_id: Option<i64>,
    pub school_function: Option<SchoolFunction>,
    pub archived_at: Option<i64>,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkRecord {
    pub id: i64,
    pub kind: NetworkKind,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub id: i64,
    pub network_id: i64,
    pub date: Date,
    pub place: String,
    pub topic: String,
    pub version: i64,
    pub created_at: i64,
}

/// A school or a company (exactly one) present at a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceRecord {
    pub session_id: i64,
    pub school_id: Option<i64>,
    pub company_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasurementRecord {
    pub id: i64,
    pub school_id: i64,
    pub kind: MeasurementKind,
    pub rubric_version: i64,
    pub status: MeasurementStatus,
    pub opened_at: i64,
    pub closed_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseRecord {
    pub id: i64,
    pub measurement_id: i64,
    pub person_id: i64,
    pub submitted_at: Option<i64>,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRecord {
    pub response_id: i64,
    pub indicator_id: String,
    pub level: Option<Level>,
    pub not_applicable: bool,
    /// "weet ik niet" (don't know), apart from `not_applicable`; absent in
    /// files written before the two were split.
    #[serde(default)]
    pub dont_know: bool,
    pub comment: String,
    pub evidence_url: String,
    pub version: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsensusRecord {
    pub measurement_id: i64,
    pub indicator_id: String,
    /// `None`: not applicable.
    pub level: Option<Level>,
    pub rationale: String,
    pub decided_by: Option<i64>,
    pub decided_at: i64,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRecord {
    pub id: i64,
    pub school_id: i64,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalRecord {
    pub id: i64,
    pub plan_id: i64,
    pub title: String,
    pub description: String,
    pub position: i64,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
    /// Set while the goal is deleted (undoable); absent in older files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalTargetRecord {
    pub goal_id: i64,
    pub indicator_id: String,
    pub current_level: Option<Level>,
    pub target_level: Level,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRecord {
    pub id: i64,
    pub goal_id: i64,
    pub description: String,
    pub owner: String,
    pub start_date: Option<Date>,
    pub deadline: Option<Date>,
    pub budget_cents: i64,
    pub contribution_kind: ContributionKind,
    pub contribution_cents: i64,
    pub contribution_description: String,
    pub success_criterion: String,
    pub status: ActionStatus,
    pub evidence_url: String,
    pub position: i64,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A submitted plan version. `snapshot` is the frozen
/// `rubric::plan::ActionPlan`; its goal and action ids are document ids
/// where the goal or action still exists, and negative for ones deleted
/// since (so they never collide with a live row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanVersionRecord {
    pub id: i64,
    pub plan_id: i64,
    pub number: i64,
    pub submitted_at: i64,
    pub submitted_by: Option<i64>,
    pub snapshot: Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThreadTarget {
    Goal,
    Action,
}

impl ThreadTarget {
    pub fn key(self) -> &'static str {
        match self {
            ThreadTarget::Goal => "goal",
            ThreadTarget::Action => "action",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadRecord {
    pub id: i64,
    pub plan_id: i64,
    pub target_kind: ThreadTarget,
    /// A goal's or an action's document id, after `target_kind`.
    pub target_id: i64,
    pub resolved_at: Option<i64>,
    pub resolved_by: Option<i64>,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentRecord {
    pub id: i64,
    pub thread_id: i64,
    pub author_id: i64,
    pub body: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanReadRecord {
    pub person_id: i64,
    pub plan_id: i64,
    pub last_read_at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JuryStatus {
    Setup,
    Open,
    Closed,
}

impl JuryStatus {
    pub fn key(self) -> &'static str {
        match self {
            JuryStatus::Setup => "setup",
            JuryStatus::Open => "open",
            JuryStatus::Closed => "closed",
        }
    }
}

/// The jury's state and rules. `tie_break` is the stored JSON list of
/// tie-break rules (a `higher-criterion` rule names a criterion by its
/// document id); `chair_order` lists finalists by document id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JurySettingsRecord {
    pub status: JuryStatus,
    pub tie_break: Value,
    pub chair_id: Option<i64>,
    pub chair_order: Option<Value>,
    pub locked_at: Option<i64>,
    pub published_at: Option<i64>,
    pub version: i64,
}
// The results frozen at locking are not exported: they name finalists by
// their database ids, which an import renumbers. A locked edition's results
// are computed again from the imported scores, which gives the same table.

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwardCategoryRecord {
    pub id: i64,
    pub name: String,
    pub position: i64,
}

/// A criterion; `anchors` is the stored JSON list of band descriptions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionRecord {
    pub id: i64,
    pub name_nl: String,
    pub name_en: String,
    pub description_nl: String,
    pub description_en: String,
    pub weight: u8,
    pub anchors: Value,
    pub position: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalistRecord {
    pub id: i64,
    pub category_id: i64,
    pub school_id: i64,
    pub plan_version_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorRecord {
    pub person_id: i64,
    pub company_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    Declared,
    Automatic,
}

impl ConflictKind {
    pub fn key(self) -> &'static str {
        match self {
            ConflictKind::Declared => "declared",
            ConflictKind::Automatic => "automatic",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictRecord {
    pub id: i64,
    pub person_id: i64,
    pub finalist_id: i64,
    pub kind: ConflictKind,
    pub reason: String,
    pub dismissed_at: Option<i64>,
    pub dismissed_by: Option<i64>,
    pub dismiss_reason: String,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSheetRecord {
    pub id: i64,
    pub person_id: i64,
    pub finalist_id: i64,
    pub remark: String,
    pub submitted_at: Option<i64>,
    pub version: i64,
    pub updated_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreRecord {
    pub sheet_id: i64,
    pub criterion_id: i64,
    pub score: Score,
    pub remark: String,
}

/// A reopening of a submitted sheet (see [`crate::submission`]), as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReopeningFields {
    pub state: ReopenState,
    #[serde(default)]
    pub reason: String,
    pub requested_by: i64,
    pub requested_at: i64,
    pub decided_by: Option<i64>,
    pub decided_at: Option<i64>,
    #[serde(default)]
    pub note: String,
    /// While reopened, the version submitted before: a response's list of
    /// answers, or a score sheet (its `scores` and `remarks` keyed by
    /// document criterion ids).
    #[serde(default)]
    pub snapshot: Option<Value>,
    /// Once submitted again: the list of changes (`key`, `before`, `after`;
    /// an indicator id, or a document criterion id).
    #[serde(default)]
    pub changes: Option<Value>,
    pub resubmitted_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseReopeningRecord {
    pub id: i64,
    pub response_id: i64,
    #[serde(flatten)]
    pub fields: ReopeningFields,
}

/// One evidence file attached to an item of a school: a respondent's
/// answer (`measurement_id`, `indicator_id`, `person_id`), the consensus
/// (`measurement_id`, `indicator_id`) or a plan action (`action_id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFileRecord {
    pub id: i64,
    pub school_id: i64,
    pub item_kind: String,
    pub measurement_id: Option<i64>,
    pub indicator_id: Option<String>,
    pub person_id: Option<i64>,
    pub action_id: Option<i64>,
    pub name: String,
    pub size: u64,
    pub kind: crate::evidence::FileKind,
    pub sha256: String,
    pub uploaded_by: Option<i64>,
    pub uploaded_at: i64,
    pub deleted_at: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetReopeningRecord {
    pub id: i64,
    pub sheet_id: i64,
    #[serde(flatten)]
    pub fields: ReopeningFields,
}

/// Rewrite the criterion ids of a score sheet reopening: the keys of the
/// snapshot's `scores` and `remarks` and each change's `key`. `Err` names
/// the first id `f` does not know.
pub fn map_reopening_criteria(fields: &mut ReopeningFields, mut f: impl FnMut(i64) -> Option<i64>) -> Result<(), i64> {
    let mut rekey = |map: &mut serde_json::Map<String, Value>| -> Result<(), i64> {
        let old = std::mem::take(map);
        for (k, v) in old {
            let id: i64 = k.parse().map_err(|_| -1)?;
            map.insert(f(id).ok_or(id)?.to_string(), v);
        }
        Ok(())
    };
    if let Some(snapshot) = fields.snapshot.as_mut() {
        for part in ["scores", "remarks"] {
            if let Some(map) = snapshot.get_mut(part).and_then(Value::as_object_mut) {
                rekey(map)?;
            }
        }
    }
    if let Some(changes) = fields.changes.as_mut().and_then(Value::as_array_mut) {
        for c in changes {
            if let Some(key) = c.get_mut("key") {
                let id = key.as_i64().ok_or(-1)?;
                *key = Value::from(f(id).ok_or(id)?);
            }
        }
    }
    Ok(())
}

impl ExchangeDocument {
    /// An empty document for an edition.
    pub fn new(edition: EditionRecord, exported_at: i64, app_version: &str) -> ExchangeDocument {
        ExchangeDocument {
            format: FORMAT_NAME.to_string(),
            format_version: FORMAT_VERSION,
            exported_at,
            app_version: app_version.to_string(),
            edition,
            schools: vec![],
            companies: vec![],
            people: vec![],
            networks: vec![],
            network_sessions: vec![],
            attendance: vec![],
            measurements: vec![],
            responses: vec![],
            answers: vec![],
            consensus: vec![],
            plans: vec![],
            goals: vec![],
            goal_targets: vec![],
            actions: vec![],
            plan_versions: vec![],
            threads: vec![],
            comments: vec![],
            plan_reads: vec![],
            jury_settings: None,
            award_categories: vec![],
            criteria: vec![],
            finalists: vec![],
            jurors: vec![],
            conflicts: vec![],
            score_sheets: vec![],
            scores: vec![],
            response_reopenings: vec![],
            sheet_reopenings: vec![],
            evidence_files: vec![],
            dossiers: vec![],
            regions: vec![],
            regional_goals: vec![],
            regional_actions: vec![],
        }
    }

    /// Put every table in its canonical order: tables with ids by id, the
    /// others by their key columns (attendance: schools before companies).
    /// Exports are canonical, so equal editions give equal files.
    pub fn sort_canonical(&mut self) {
        self.schools.sort_by_key(|r| r.id);
        self.companies.sort_by_key(|r| r.id);
        self.people.sort_by_key(|r| r.id);
        self.networks.sort_by_key(|r| r.id);
        self.network_sessions.sort_by_key(|r| r.id);
        self.attendance.sort_by_key(|a| (a.session_id, a.school_id.is_none(), a.school_id, a.company_id));
        self.measurements.sort_by_key(|r| r.id);
        self.responses.sort_by_key(|r| r.id);
        self.answers.sort_by(|a, b| (a.response_id, &a.indicator_id).cmp(&(b.response_id, &b.indicator_id)));
        self.consensus.sort_by(|a, b| (a.measurement_id, &a.indicator_id).cmp(&(b.measurement_id, &b.indicator_id)));
        self.plans.sort_by_key(|r| r.id);
        self.goals.sort_by_key(|r| r.id);
        self.goal_targets.sort_by(|a, b| (a.goal_id, &a.indicator_id).cmp(&(b.goal_id, &b.indicator_id)));
        self.actions.sort_by_key(|r| r.id);
        self.plan_versions.sort_by_key(|r| r.id);
        self.threads.sort_by_key(|r| r.id);
        self.comments.sort_by_key(|r| r.id);
        self.plan_reads.sort_by_key(|r| (r.person_id, r.plan_id));
        self.award_categories.sort_by_key(|r| r.id);
        self.criteria.sort_by_key(|r| r.id);
        self.finalists.sort_by_key(|r| r.id);
        self.jurors.sort_by_key(|r| r.person_id);
        self.conflicts.sort_by_key(|r| r.id);
        self.score_sheets.sort_by_key(|r| r.id);
        self.scores.sort_by_key(|r| (r.sheet_id, r.criterion_id));
        self.response_reopenings.sort_by_key(|r| r.id);
        self.sheet_reopenings.sort_by_key(|r| r.id);
        self.evidence_files.sort_by_key(|r| r.id);
        self.dossiers.sort_by_key(|r| r.school_id);
        self.regions.sort_by_key(|r| r.id);
        self.regional_goals.sort_by_key(|r| r.id);
        self.regional_actions.sort_by_key(|r| r.id);
    }

    /// The document as pretty JSON (what `stempact export` writes).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Why a file cannot be imported. Every message names what is wrong and,
/// where it can, where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ExchangeError {
    #[error("the file is not valid JSON ({message}); is it a STEMpact export?")]
    NotJson { message: String },
    #[error("the file is not a STEMpact edition export: {reason}")]
    NotAnExport { reason: String },
    #[error("the file has format_version {found}, which is newer than this STEMpact reads (up to {supported}); update STEMpact and import again")]
    TooNew { found: u64, supported: u32 },
    #[error("format_version {found} is not a known version of the STEMpact format")]
    UnknownVersion { found: u64 },
    #[error("the file cannot be brought from format_version {from} to {to}: {reason}")]
    Migration { from: u32, to: u32, reason: String },
    #[error("{at}: {message}")]
    Malformed { at: String, message: String },
    #[error("the file is inconsistent: {}", problems.join("; "))]
    Inconsistent { problems: Vec<String> },
}

/// Deserialize one part of the document, naming the place of a problem
/// (`schools[3]`) in the error.
fn part<T: DeserializeOwned>(value: &mut serde_json::Map<String, Value>, key: &str) -> Result<T, ExchangeError> {
    let v = value.remove(key).ok_or_else(|| ExchangeError::Malformed {
        at: key.to_string(),
        message: "this section is missing".to_string(),
    })?;
    serde_json::from_value(v).map_err(|e| ExchangeError::Malformed { at: key.to_string(), message: e.to_string() })
}

/// A section that may be absent (added after its format version): empty then.
fn optional_list<T: DeserializeOwned>(value: &mut serde_json::Map<String, Value>, key: &str) -> Result<Vec<T>, ExchangeError> {
    if value.contains_key(key) {
        list(value, key)
    } else {
        Ok(Vec::new())
    }
}

fn list<T: DeserializeOwned>(value: &mut serde_json::Map<String, Value>, key: &str) -> Result<Vec<T>, ExchangeError> {
    let v = value.remove(key).ok_or_else(|| ExchangeError::Malformed {
        at: key.to_string(),
        message: "this section is missing".to_string(),
    })?;
    let Value::Array(items) = v else {
        return Err(ExchangeError::Malformed { at: key.to_string(), message: "expected a list".to_string() });
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            serde_json::from_value(item)
                .map_err(|e| ExchangeError::Malformed { at: format!("{key}[{i}]"), message: e.to_string() })
        })
        .collect()
}

/// Read an export: check the marker and version, migrate older versions,
/// read every section naming the place of a problem, then check that every
/// reference points at something in the file.
pub fn parse_document(text: &str) -> Result<ExchangeDocument, ExchangeError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ExchangeError::NotJson { message: e.to_string() })?;
    let value = migrate::to_current(value)?;
    let Value::Object(mut map) = value else {
        return Err(ExchangeError::NotAnExport { reason: "it is not a JSON object".to_string() });
    };
    let doc = ExchangeDocument {
        format: part(&mut map, "format")?,
        format_version: part(&mut map, "format_version")?,
        exported_at: part(&mut map, "exported_at")?,
        app_version: part(&mut map, "app_version")?,
        edition: part(&mut map, "edition")?,
        schools: list(&mut map, "schools")?,
        companies: list(&mut map, "companies")?,
        people: list(&mut map, "people")?,
        networks: list(&mut map, "networks")?,
        network_sessions: list(&mut map, "network_sessions")?,
        attendance: list(&mut map, "attendance")?,
        measurements: list(&mut map, "measurements")?,
        responses: list(&mut map, "responses")?,
        answers: list(&mut map, "answers")?,
        consensus: list(&mut map, "consensus")?,
        plans: list(&mut map, "plans")?,
        goals: list(&mut map, "goals")?,
        goal_targets: list(&mut map, "goal_targets")?,
        actions: list(&mut map, "actions")?,
        plan_versions: list(&mut map, "plan_versions")?,
        threads: list(&mut map, "threads")?,
        comments: list(&mut map, "comments")?,
        plan_reads: list(&mut map, "plan_reads")?,
        jury_settings: part(&mut map, "jury_settings")?,
        award_categories: list(&mut map, "award_categories")?,
        criteria: list(&mut map, "criteria")?,
        finalists: list(&mut map, "finalists")?,
        jurors: list(&mut map, "jurors")?,
        conflicts: list(&mut map, "conflicts")?,
        score_sheets: list(&mut map, "score_sheets")?,
        scores: list(&mut map, "scores")?,
        response_reopenings: optional_list(&mut map, "response_reopenings")?,
        sheet_reopenings: optional_list(&mut map, "sheet_reopenings")?,
        evidence_files: optional_list(&mut map, "evidence_files")?,
        dossiers: optional_list(&mut map, "dossiers")?,
        regions: optional_list(&mut map, "regions")?,
        regional_goals: optional_list(&mut map, "regional_goals")?,
        regional_actions: optional_list(&mut map, "regional_actions")?,
    };
    if let Some(key) = map.keys().next() {
        return Err(ExchangeError::Malformed {
            at: key.clone(),
            message: format!("unknown section for format_version {FORMAT_VERSION}"),
        });
    }
    check_document(&doc).map_err(|problems| ExchangeError::Inconsistent { problems })?;
    Ok(doc)
}

/// Rewrite the goal and action ids inside a plan snapshot (`goals[].id`,
/// `actions[].id`, `actions[].goal_id`); anything else is left as it is.
pub fn map_snapshot_ids(snapshot: &mut Value, mut goal: impl FnMut(i64) -> i64, mut action: impl FnMut(i64) -> i64) {
    let mut each = |key: &str, fields: &[&str], f: &mut dyn FnMut(&str, i64) -> i64| {
        if let Some(items) = snapshot.get_mut(key).and_then(Value::as_array_mut) {
            for item in items {
                for field in fields {
                    if let Some(v) = item.get_mut(*field) {
                        if let Some(id) = v.as_i64() {
                            *v = Value::from(f(field, id));
                        }
                    }
                }
            }
        }
    };
    each("goals", &["id"], &mut |_, id| goal(id));
    each("actions", &["id", "goal_id"], &mut |field, id| if field == "goal_id" { goal(id) } else { action(id) });
}

/// Rewrite the criterion of each `higher-criterion` tie-break rule whose
/// value is a number (as text); `f` returns `None` to leave it.
pub fn map_tie_break_criteria(tie_break: &mut Value, mut f: impl FnMut(i64) -> Option<i64>) {
    for rule in tie_break.as_array_mut().into_iter().flatten() {
        if let Some(v) = rule.get_mut("higher-criterion") {
            if let Some(new) = v.as_str().and_then(|s| s.trim().parse::<i64>().ok()).and_then(&mut f) {
                *v = Value::from(new.to_string());
            }
        }
    }
}

/// Rewrite the finalist ids of the chair's order (numbers, or numbers as
/// text); `f` returns `None` to leave one.
pub fn map_chair_order(order: &mut Value, mut f: impl FnMut(i64) -> Option<i64>) {
    for item in order.as_array_mut().into_iter().flatten() {
        match item {
            Value::Number(n) => {
                if let Some(new) = n.as_i64().and_then(&mut f) {
                    *item = Value::from(new);
                }
            }
            Value::String(s) => {
                if let Some(new) = s.trim().parse::<i64>().ok().and_then(&mut f) {
                    *item = Value::from(new.to_string());
                }
            }
            _ => {}
        }
    }
}

impl fmt::Display for ExchangeDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "edition '{}' ({}): {} schools, {} companies, {} people",
            self.edition.name,
            self.edition.school_year,
            self.schools.len(),
            self.companies.len(),
            self.people.len()
        )
    }
}

#[cfg(test)]
mod tests;

//! The jury as it travels between server and app: the coordinator's set-up
//! and results views, a juror's list and score sheet, the other jurors'
//! sheets after submitting, the published results; plus the rules on a
//! score sheet and on locking results.

use super::display::Hundredths;
use super::events::{JuryEvent, NamedRule};
use super::robustness::Finding;
use super::setup::{readiness, ConflictKind, CriterionDef, JuryStatus, OpenProblem, Readiness, MAX_REMARK_CHARS};
use super::{JuryResults, Score, TieBreakRule};
use crate::assessment::{Growth, SchoolProfile};
use crate::content::LocalizedText;
use crate::plan::{Cofinancing, PlanVersion};
use crate::submission::{ReopenInfo, ScoreChange, SheetReopen, SheetStatus};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The jury settings of an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurySettings {
    pub status: JuryStatus,
    pub tie_break: Vec<TieBreakRule>,
    pub chair_id: Option<i64>,
    /// The chair's decision for ties no rule breaks: finalist ids, best first.
    pub chair_order: Vec<i64>,
    pub locked_at: Option<i64>,
    pub published_at: Option<i64>,
    pub version: i64,
}

/// A finalist as the coordinator sees it in the set-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FinalistInfo {
    pub id: i64,
    pub category_id: i64,
    pub school_id: i64,
    pub school_name: String,
    pub town: String,
    pub sponsor_name: Option<String>,
    /// The frozen plan version the jury scores.
    pub plan_version_id: Option<i64>,
    pub plan_version_number: Option<u32>,
    /// The school's latest submitted version, when newer than the frozen one.
    pub newer_plan_version_number: Option<u32>,
    pub sheets_submitted: u32,
}

/// An award category with its finalists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryInfo {
    pub id: i64,
    pub name: String,
    pub position: u32,
    pub finalists: Vec<FinalistInfo>,
}

/// A juror as the coordinator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorInfo {
    pub person_id: i64,
    pub name: String,
    pub email: String,
    pub company_id: Option<i64>,
    pub company_name: Option<String>,
    /// Finalists this juror may score (no active conflict).
    pub assigned: u32,
    pub submitted: u32,
    pub drafts: u32,
}

/// A conflict of interest, declared or automatic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictInfo {
    pub id: i64,
    pub person_id: i64,
    pub juror_name: String,
    pub finalist_id: i64,
    pub school_name: String,
    pub kind: ConflictKind,
    pub reason: String,
    pub created_at: i64,
    pub dismissed_at: Option<i64>,
    pub dismissed_by: Option<String>,
    pub dismiss_reason: String,
}

impl ConflictInfo {
    /// A conflict keeps the juror away from the finalist until dismissed.
    pub fn active(&self) -> bool {
        self.dismissed_at.is_none()
    }
}

/// A school with a submitted plan: a possible finalist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateSchool {
    pub school_id: i64,
    pub name: String,
    pub town: String,
    pub plan_version_id: i64,
    pub plan_version_number: u32,
    pub submitted_at: i64,
    /// The category it is already a finalist in.
    pub category_id: Option<i64>,
}

/// Something to pick from a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i64,
    pub name: String,
}

/// Everything the set-up page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurySetup {
    pub edition_id: i64,
    pub edition_name: String,
    pub settings: JurySettings,
    pub categories: Vec<CategoryInfo>,
    pub criteria: Vec<CriterionDef>,
    pub jurors: Vec<JurorInfo>,
    pub conflicts: Vec<ConflictInfo>,
    pub candidates: Vec<CandidateSchool>,
    pub companies: Vec<Choice>,
    /// People with the juror role who are not on this jury yet.
    pub available_jurors: Vec<Choice>,
    /// Whether any score was saved; set-up changes are frozen once scoring opened.
    pub has_scores: bool,
}

impl JurySetup {
    /// What stops scoring from opening (empty when it may open).
    pub fn open_problems(&self) -> Vec<OpenProblem> {
        let facts: Vec<(String, Vec<(String, bool)>)> = self
            .categories
            .iter()
            .map(|c| {
                let finalists = c.finalists.iter().map(|f| (f.school_name.clone(), f.plan_version_id.is_some())).collect();
                (c.name.clone(), finalists)
            })
            .collect();
        readiness(Readiness {
            categories: &facts,
            criteria: &self.criteria,
            tie_break: &self.settings.tie_break,
            has_chair: self.settings.chair_id.is_some(),
            jurors: self.jurors.len(),
        })
    }
}

/// A new juror: an existing person with the juror role, or a new person
/// who gets a sign-in link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewJuror {
    #[serde(default)]
    pub person_id: Option<i64>,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub company_id: Option<i64>,
}

/// A juror added, with a sign-in link when a new person was invited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorAdded {
    pub person_id: i64,
    pub sign_in_link: Option<String>,
}

/// Where a juror's sheet for a finalist stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SheetState {
    ToDo,
    Draft,
    Submitted,
    /// Submitted; the juror asked to reopen it.
    ReopenRequested,
    /// Reopened: to change and submit again.
    Reopened,
}

impl SheetState {
    /// The state of a saved sheet.
    pub fn of(status: SheetStatus) -> SheetState {
        match status {
            SheetStatus::Draft => SheetState::Draft,
            SheetStatus::Submitted => SheetState::Submitted,
            SheetStatus::ReopenRequested => SheetState::ReopenRequested,
            SheetStatus::Reopened => SheetState::Reopened,
        }
    }

    /// Whether the juror's submission stands.
    pub fn is_submitted(self) -> bool {
        matches!(self, SheetState::Submitted | SheetState::ReopenRequested)
    }
}

/// A finalist in a juror's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorFinalist {
    pub id: i64,
    pub school_name: String,
    pub town: String,
    pub state: SheetState,
}

/// A category in a juror's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorCategory {
    pub id: i64,
    pub name: String,
    pub finalists: Vec<JurorFinalist>,
}

/// A finalist the juror does not score: only its name and why. For an
/// automatic conflict `reason` is the sponsor company's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorConflict {
    pub finalist_id: i64,
    pub school_name: String,
    pub kind: ConflictKind,
    pub reason: String,
    /// The juror had submitted a sheet for this finalist before the
    /// conflict arose: that sheet no longer counts.
    #[serde(default)]
    pub sheet_dropped: bool,
}

/// A juror's start page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorHome {
    pub edition_name: String,
    pub status: JuryStatus,
    /// Only finalists without an active conflict.
    pub categories: Vec<JurorCategory>,
    pub conflicts: Vec<JurorConflict>,
    pub published: bool,
    /// The results are locked: nothing of the jury changes any more.
    #[serde(default)]
    pub locked: bool,
    /// Whether this juror chairs the jury: they may read the results and the
    /// log, and they decide reopen requests.
    #[serde(default)]
    pub is_chair: bool,
    /// For the chair: the other jurors' sheets asked to be reopened, or reopened.
    #[serde(default)]
    pub reopen_requests: Vec<SheetReopen>,
}

impl JurorHome {
    /// (submitted, total) over the finalists to score.
    pub fn progress(&self) -> (usize, usize) {
        let all = self.categories.iter().flat_map(|c| &c.finalists);
        let total = all.clone().count();
        (all.filter(|f| f.state.is_submitted()).count(), total)
    }
}

/// A juror's own sheet for a finalist. `version` 0: nothing saved yet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Sheet {
    /// Criterion id → score.
    pub scores: BTreeMap<i64, Score>,
    /// Criterion id → remark.
    pub remarks: BTreeMap<i64, String>,
    pub remark: String,
    /// When the current (or, while reopened, last) version was submitted.
    pub submitted_at: Option<i64>,
    pub version: i64,
    /// Draft, submitted (frozen), reopen requested, reopened.
    #[serde(default)]
    pub status: SheetStatus,
    /// The latest reopening of this sheet, if any.
    #[serde(default)]
    pub reopen: Option<ReopenInfo>,
}

/// A sheet as the juror saves it (autosave or submit).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SheetInput {
    /// The version this edit is based on; 0 for a first save.
    pub version: i64,
    /// Criterion id → score 1-10; an unscored criterion is left out.
    #[serde(default)]
    pub scores: BTreeMap<i64, i64>,
    #[serde(default)]
    pub remarks: BTreeMap<i64, String>,
    #[serde(default)]
    pub remark: String,
}

/// What is wrong with a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum SheetProblem {
    #[error("a score is 1 to 10")]
    ScoreOutOfRange { criterion: i64 },
    #[error("criterion {criterion} is not a criterion of this jury")]
    UnknownCriterion { criterion: i64 },
    #[error("the remark is longer than {MAX_REMARK_CHARS} characters")]
    RemarkTooLong { criterion: Option<i64> },
    #[error("give a score on this criterion before submitting")]
    Unscored { criterion: i64 },
    #[error("choose a score before writing a remark on this criterion")]
    RemarkWithoutScore { criterion: i64 },
}

impl SheetProblem {
    /// The form field: `scores.<id>`, `remarks.<id>` or `remark`.
    pub fn field(&self) -> String {
        match self {
            SheetProblem::ScoreOutOfRange { criterion }
            | SheetProblem::UnknownCriterion { criterion }
            | SheetProblem::Unscored { criterion } => format!("scores.{criterion}"),
            SheetProblem::RemarkTooLong { criterion: Some(c) } | SheetProblem::RemarkWithoutScore { criterion: c } => {
                format!("remarks.{c}")
            }
            SheetProblem::RemarkTooLong { criterion: None } => "remark".into(),
        }
    }
}

/// A checked sheet: scores, remarks per criterion and the overall remark.
pub type CheckedSheet = (BTreeMap<i64, Score>, BTreeMap<i64, String>, String);

/// Check a sheet against the criteria; `complete` also asks for a score
/// on every criterion (to submit, or to edit a submitted sheet). A remark
/// on a criterion needs a score on it. Returns the cleaned sheet (trimmed
/// remarks, empty ones dropped) or every problem.
pub fn validate_sheet(
    input: &SheetInput,
    criteria: &[CriterionDef],
    complete: bool,
) -> Result<CheckedSheet, Vec<SheetProblem>> {
    let known = |id: &i64| criteria.iter().any(|c| c.id == *id);
    let mut problems = Vec::new();
    let mut scores = BTreeMap::new();
    for (&criterion, &n) in &input.scores {
        if !known(&criterion) {
            problems.push(SheetProblem::UnknownCriterion { criterion });
            continue;
        }
        match u8::try_from(n).ok().and_then(|n| Score::new(n).ok()) {
            Some(s) => {
                scores.insert(criterion, s);
            }
            None => problems.push(SheetProblem::ScoreOutOfRange { criterion }),
        }
    }
    let mut remarks = BTreeMap::new();
    for (&criterion, text) in &input.remarks {
        if !known(&criterion) {
            problems.push(SheetProblem::UnknownCriterion { criterion });
            continue;
        }
        let text = text.trim();
        if text.chars().count() > MAX_REMARK_CHARS {
            problems.push(SheetProblem::RemarkTooLong { criterion: Some(criterion) });
        } else if !text.is_empty() && !input.scores.contains_key(&criterion) {
            problems.push(SheetProblem::RemarkWithoutScore { criterion });
        } else if !text.is_empty() {
            remarks.insert(criterion, text.to_string());
        }
    }
    let remark = input.remark.trim().to_string();
    if remark.chars().count() > MAX_REMARK_CHARS {
        problems.push(SheetProblem::RemarkTooLong { criterion: None });
    }
    if complete {
        for c in criteria {
            if !input.scores.contains_key(&c.id) {
                problems.push(SheetProblem::Unscored { criterion: c.id });
            }
        }
    }
    if problems.is_empty() {
        Ok((scores, remarks, remark))
    } else {
        Err(problems)
    }
}

/// What a juror sees to score a finalist. Never sent for a finalist the
/// juror has an active conflict with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreFinalist {
    pub id: i64,
    pub school_name: String,
    pub town: String,
    pub category_name: String,
    pub status: JuryStatus,
    /// The frozen plan version the jury scores.
    pub plan: Option<PlanVersion>,
    /// The company's share of the plan's budget, against the edition's threshold.
    pub cofinancing: Option<Cofinancing>,
    /// The school's nulmeting as the score page shows it; `None` without
    /// a baseline profile.
    pub profile: Option<JurorProfile>,
    pub criteria: Vec<CriterionDef>,
    pub sheet: Sheet,
    /// The school's award dossier once school and company submitted it
    /// (`crate::dossier`); the plan above is then the dossier's version.
    #[serde(default)]
    pub dossier: Option<crate::dossier::JurorDossier>,
}

/// A school's nulmeting as a juror reads it beside the score sheet: the
/// score per aspect with its growth, and the weakest indicators. Only what
/// the page shows, so the jurors' app carries no decoder for the whole
/// profile and growth (issue 13).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JurorProfile {
    /// One row per aspect of the baseline, in rubric order.
    pub aspects: Vec<JurorAspect>,
    /// Whether the school measured again (the rows then carry a growth).
    pub has_growth: bool,
    /// Up to three indicators with the lowest baseline levels, weakest first.
    pub weakest: Vec<WeakIndicator>,
}

/// One aspect of a [`JurorProfile`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JurorAspect {
    pub aspect: crate::content::AspectId,
    /// The baseline score (1 to 4); `None` without any consensus level.
    pub score: Option<f64>,
    /// Final minus baseline score; `None` without both.
    pub delta: Option<f64>,
}

/// One of the weakest indicators of a [`JurorProfile`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeakIndicator {
    pub indicator_id: String,
    pub level: crate::content::Level,
}

impl JurorProfile {
    /// The juror's view of a baseline profile and, when the school measured
    /// again, its growth.
    pub fn new(baseline: &SchoolProfile, growth: Option<&Growth>) -> JurorProfile {
        JurorProfile {
            aspects: baseline
                .aspects
                .iter()
                .map(|a| JurorAspect { aspect: a.aspect, score: a.score, delta: growth.and_then(|g| g.aspect_delta(a.aspect)) })
                .collect(),
            has_growth: growth.is_some(),
            weakest: baseline
                .weakest(3)
                .into_iter()
                .filter_map(|i| i.level().map(|level| WeakIndicator { indicator_id: i.indicator_id.clone(), level }))
                .collect(),
        }
    }
}

/// One juror's submitted sheet, as the other jurors see it after submitting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OtherSheet {
    pub juror_name: String,
    pub is_me: bool,
    pub scores: BTreeMap<i64, Score>,
    pub remarks: BTreeMap<i64, String>,
    pub remark: String,
    /// Σ weight·score / Σ weight.
    pub weighted_mean: Option<f64>,
}

/// Every submitted sheet for a finalist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OtherSheets {
    pub finalist_id: i64,
    pub sheets: Vec<OtherSheet>,
    /// The finalist's score so far: the mean of the weighted means.
    pub mean: Option<f64>,
}

/// A key of the results (finalist, juror) with the name to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub key: String,
    pub name: String,
    /// The finalist's town, or the juror's company.
    pub detail: String,
}

/// The chair's acknowledgement of a winner that is not robust.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub chair_name: String,
    pub at: i64,
    pub reason: String,
    /// The findings the chair saw (keys), so a later change of the results
    /// makes the acknowledgement lapse.
    pub findings: Vec<Finding>,
}

/// A submitted sheet that changed after the juror had seen the other
/// jurors' sheets: reopened on request and submitted again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedSheet {
    pub juror_name: String,
    pub finalist_name: String,
    /// When it was submitted again.
    pub changed_at: i64,
    /// Every score that changed, before → after.
    #[serde(default)]
    pub changes: Vec<super::events::NamedChange>,
}

/// The results of one award category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryResults {
    pub category_id: i64,
    pub name: String,
    pub finalists: Vec<Named>,
    pub jurors: Vec<Named>,
    /// Sheets expected (juror × finalist pairs without conflict) and submitted.
    pub expected_sheets: u32,
    pub submitted_sheets: u32,
    pub results: Option<JuryResults>,
    /// Why there are no results (the input was not valid).
    pub problem: Option<String>,
    /// The chair's acknowledgement of a winner that is not robust, when it
    /// still matches the results.
    #[serde(default)]
    pub acknowledgement: Option<Acknowledgement>,
    /// Sheets changed after their juror saw the others' sheets (reopened
    /// and submitted again).
    #[serde(default)]
    pub changed_after_reveal: Vec<ChangedSheet>,
}

impl CategoryResults {
    /// Whether locking this category needs the chair's acknowledgement
    /// that is not there (yet): the winner is not robust.
    pub fn needs_acknowledgement(&self) -> bool {
        let Some(rob) = self.results.as_ref().and_then(|r| r.robustness.as_ref()) else { return false };
        !rob.robust && self.acknowledgement.as_ref().is_none_or(|a| a.findings != rob.findings())
    }

    /// The name of a finalist key.
    pub fn finalist_name(&self, key: &str) -> String {
        self.finalists.iter().find(|n| n.key == key).map_or_else(|| key.to_string(), |n| n.name.clone())
    }

    /// The name of a juror key.
    pub fn juror_name(&self, key: &str) -> String {
        self.jurors.iter().find(|n| n.key == key).map_or_else(|| key.to_string(), |n| n.name.clone())
    }
}

/// Why results cannot be locked yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LockProblem {
    #[error("close scoring first")]
    NotClosed,
    #[error("there are no award categories")]
    NoCategory,
    #[error("in {category} a tie is left for the chair to decide")]
    ChairDecisionNeeded { category: String },
    #[error("{category} has no winner yet: {reason}")]
    NoWinner { category: String, reason: String },
    #[error("the winner of {category} is not robust; the jury chair must confirm it with a reason")]
    NotRobust { category: String },
    #[error("the jury has no chair, and {category} needs the chair's decision or confirmation")]
    NoChair { category: String },
}

/// What stops the results from being locked; empty when they may be.
/// `has_chair`: the jury has a chair, who decides ties and confirms a
/// winner that is not robust.
pub fn lock_problems(status: JuryStatus, has_chair: bool, categories: &[CategoryResults]) -> Vec<LockProblem> {
    let mut problems = Vec::new();
    if status != JuryStatus::Closed {
        problems.push(LockProblem::NotClosed);
    }
    if categories.is_empty() {
        problems.push(LockProblem::NoCategory);
    }
    for c in categories {
        match &c.results {
            None => problems.push(LockProblem::NoWinner {
                category: c.name.clone(),
                reason: c.problem.clone().unwrap_or_default(),
            }),
            Some(r) if r.chair_decision_needed => {
                if !has_chair {
                    problems.push(LockProblem::NoChair { category: c.name.clone() });
                }
                problems.push(LockProblem::ChairDecisionNeeded { category: c.name.clone() })
            }
            Some(r) if r.winner.is_none() => problems.push(LockProblem::NoWinner {
                category: c.name.clone(),
                reason: "not every finalist has a score".into(),
            }),
            Some(_) if c.needs_acknowledgement() => {
                if !has_chair {
                    problems.push(LockProblem::NoChair { category: c.name.clone() });
                }
                problems.push(LockProblem::NotRobust { category: c.name.clone() })
            }
            Some(_) => {}
        }
    }
    problems
}

/// The coordinator's results page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultsView {
    pub edition_name: String,
    pub settings: JurySettings,
    pub chair_name: Option<String>,
    pub criteria: Vec<CriterionDef>,
    pub categories: Vec<CategoryResults>,
    /// True when these are the results frozen at locking.
    pub frozen: bool,
    /// Sheets whose reopening was asked for or that are reopened now.
    #[serde(default)]
    pub reopen_requests: Vec<SheetReopen>,
    /// Scores changed after their sheet was reopened (before → after, when,
    /// by whom), oldest first: for the results page, the score export and
    /// the printed results.
    #[serde(default)]
    pub score_changes: Vec<ScoreChange>,
}

impl ResultsView {
    /// What stops these results from being locked (nothing once frozen).
    pub fn lock_problems(&self) -> Vec<LockProblem> {
        if self.frozen {
            vec![]
        } else {
            lock_problems(self.settings.status, self.settings.chair_id.is_some(), &self.categories)
        }
    }
}

/// Why a finalist stands where it stands although its score equals a
/// neighbour's, with keys ([`place_notes`]) or names (published).
/// Read through [`PlaceNoteWire`] (the same JSON), as
/// [`super::robustness::Check`]: no buffering decoder in the award app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", try_from = "PlaceNoteWire")]
pub enum PlaceNote {
    /// Tied on score with these finalists; the place was decided by the
    /// rule (the last rule that separated this finalist).
    TieBreak { rule: NamedRule, tied_with: Vec<String> },
    /// The score shows the same as the finalist above, which is ahead on
    /// the unrounded score.
    Unrounded { behind: String },
}

/// Which [`PlaceNote`] a [`PlaceNoteWire`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum PlaceNoteKind {
    TieBreak,
    Unrounded,
}

/// A [`PlaceNote`] as its JSON is written: the tag and every variant's
/// fields side by side, decoded field by field.
#[derive(Deserialize)]
struct PlaceNoteWire {
    kind: PlaceNoteKind,
    #[serde(default)]
    rule: Option<NamedRule>,
    #[serde(default)]
    tied_with: Option<Vec<String>>,
    #[serde(default)]
    behind: Option<String>,
}

impl TryFrom<PlaceNoteWire> for PlaceNote {
    type Error = &'static str;

    fn try_from(w: PlaceNoteWire) -> Result<PlaceNote, &'static str> {
        match (w.kind, w.rule, w.tied_with, w.behind) {
            (PlaceNoteKind::TieBreak, Some(rule), Some(tied_with), _) => Ok(PlaceNote::TieBreak { rule, tied_with }),
            (PlaceNoteKind::Unrounded, _, _, Some(behind)) => Ok(PlaceNote::Unrounded { behind }),
            (PlaceNoteKind::TieBreak, _, _, _) => Err("missing field `rule` or `tied_with`"),
            (PlaceNoteKind::Unrounded, _, _, None) => Err("missing field `behind`"),
        }
    }
}

/// The notes of a ranking, finalist key → note: who won a tie on score by
/// which rule, and who is behind a finalist with the same rounded score.
/// `criterion_name` names the criterion of a criterion rule.
pub fn place_notes(
    results: &JuryResults,
    criterion_name: &dyn Fn(&str) -> Option<crate::LocalizedText>,
) -> BTreeMap<String, PlaceNote> {
    let mut notes = BTreeMap::new();
    for t in &results.tie_breaks {
        let criterion = match &t.rule_applied {
            TieBreakRule::HigherCriterion(key) => criterion_name(key),
            _ => None,
        };
        for f in &t.finalists {
            let tied_with: Vec<String> = results
                .ranking
                .iter()
                .filter(|p| &p.finalist != f && (p.score - t.score).abs() <= super::TIE_EPSILON)
                .map(|p| p.finalist.clone())
                .collect();
            let rule = NamedRule { rule: t.rule_applied.clone(), criterion: criterion.clone() };
            // Later breaks of the same finalist overwrite earlier ones: the
            // last rule decided its place.
            notes.insert(f.clone(), PlaceNote::TieBreak { rule, tied_with });
        }
    }
    for pair in results.ranking.windows(2) {
        let (above, below) = (&pair[0], &pair[1]);
        let same_shown = Hundredths::round(above.score) == Hundredths::round(below.score);
        if same_shown && above.place != below.place && !notes.contains_key(&below.finalist) {
            notes.insert(below.finalist.clone(), PlaceNote::Unrounded { behind: above.finalist.clone() });
        }
    }
    notes
}

/// One place in the published results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedPlace {
    pub place: usize,
    pub school_name: String,
    pub town: String,
    pub score: f64,
    pub winner: bool,
    /// Why the place differs from a neighbour with the same score (names).
    #[serde(default)]
    pub note: Option<PlaceNote>,
}

/// One category of the published results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedCategory {
    pub name: String,
    pub places: Vec<PublishedPlace>,
}

/// The results as everyone of the edition sees them once published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedResults {
    pub edition_name: String,
    /// `None`: not published yet (and `categories` is empty).
    pub published_at: Option<i64>,
    pub categories: Vec<PublishedCategory>,
}

impl PublishedResults {
    /// The public part of frozen results: ranking, scores, winners and why
    /// equal scores got different places.
    pub fn from_results(
        edition_name: String,
        published_at: i64,
        categories: &[CategoryResults],
        criteria: &[CriterionDef],
    ) -> Self {
        let criterion_name =
            |key: &str| criteria.iter().find(|c| c.key() == key).map(|c| c.name.clone());
        let categories = categories
            .iter()
            .map(|c| {
                let Some(r) = &c.results else {
                    return PublishedCategory { name: c.name.clone(), places: vec![] };
                };
                let notes = place_notes(r, &criterion_name);
                let name = |k: &str| c.finalist_name(k);
                let places = r
                    .ranking
                    .iter()
                    .map(|p| {
                        let named = c.finalists.iter().find(|n| n.key == p.finalist);
                        PublishedPlace {
                            place: p.place,
                            school_name: named.map_or_else(|| p.finalist.clone(), |n| n.name.clone()),
                            town: named.map(|n| n.detail.clone()).unwrap_or_default(),
                            score: p.score,
                            winner: r.winner.as_deref() == Some(p.finalist.as_str()),
                            note: notes.get(&p.finalist).map(|n| n.renamed(&name)),
                        }
                    })
                    .collect();
                PublishedCategory { name: c.name.clone(), places }
            })
            .collect();
        PublishedResults { edition_name, published_at: Some(published_at), categories }
    }
}

impl PlaceNote {
    /// The same note with names instead of keys.
    pub fn renamed(&self, name: &dyn Fn(&str) -> String) -> PlaceNote {
        match self {
            PlaceNote::TieBreak { rule, tied_with } => {
                PlaceNote::TieBreak { rule: rule.clone(), tied_with: tied_with.iter().map(|k| name(k)).collect() }
            }
            PlaceNote::Unrounded { behind } => PlaceNote::Unrounded { behind: name(behind) },
        }
    }
}

/// An entry of the jury's audit log: `detail` is the English sentence;
/// `event` the same as data, to show in the reader's language (absent for
/// entries written before events were recorded).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: i64,
    pub person_name: Option<String>,
    pub action: String,
    pub detail: String,
    #[serde(default)]
    pub event: Option<JuryEvent>,
    /// The event in words, Dutch and English ([`super::wording`]).
    #[serde(default)]
    pub text: Option<LocalizedText>,
}

/// An entry of the audit log as the app reads it: the [`AuditEntry`]
/// without its event's data (the app shows `text`; its decoder for the
/// whole event was the largest part of the results app, issue 13).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditLine {
    pub at: i64,
    pub person_name: Option<String>,
    pub action: String,
    /// The stored English sentence, for entries without an event.
    pub detail: String,
    /// The event in words, when the entry has one.
    #[serde(default)]
    pub text: Option<LocalizedText>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::LocalizedText;

    fn criteria() -> Vec<CriterionDef> {
        [(3, 60), (5, 40)]
            .into_iter()
            .map(|(id, weight)| CriterionDef {
                id,
                name: LocalizedText::new("n", "n"),
                description: LocalizedText::new("", ""),
                weight,
                anchors: vec![],
                position: 0,
            })
            .collect()
    }

    /// The flat decoder reads exactly what the derived encoder writes.
    #[test]
    fn place_notes_read_back_from_their_json() {
        let notes = [
            PlaceNote::TieBreak {
                rule: NamedRule { rule: TieBreakRule::HigherCriterion("3".into()), criterion: Some(LocalizedText::new("Haalbaarheid", "Feasibility")) },
                tied_with: vec!["Campus Zuid".into()],
            },
            PlaceNote::TieBreak { rule: NamedRule { rule: TieBreakRule::MoreFirstPlaces, criterion: None }, tied_with: vec![] },
            PlaceNote::Unrounded { behind: "Atheneum".into() },
        ];
        for note in &notes {
            let json = serde_json::to_string(note).unwrap();
            assert_eq!(&serde_json::from_str::<PlaceNote>(&json).unwrap(), note, "{json}");
        }
        assert_eq!(serde_json::to_string(&notes[2]).unwrap(), r#"{"kind":"unrounded","behind":"Atheneum"}"#);
        for bad in [r#"{"kind":"unrounded"}"#, r#"{"kind":"tie-break","tied_with":[]}"#, r#"{"kind":"other","behind":"x"}"#] {
            assert!(serde_json::from_str::<PlaceNote>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_jurors_profile_keeps_each_aspect_its_growth_and_the_weakest_levels() {
        use crate::assessment::{growth, Answer, AspectResult, IndicatorResult};
        use crate::content::{AspectId, Level};
        let level = |n| Level::new(n).unwrap();
        let profile = |levels: &[(&str, AspectId, u8)], aspects: &[(AspectId, Option<f64>)]| SchoolProfile {
            rubric_version: 1,
            indicators: levels
                .iter()
                .map(|&(id, aspect, l)| IndicatorResult { indicator_id: id.into(), aspect, outcome: Some(Answer::Level(level(l))) })
                .collect(),
            aspects: aspects.iter().map(|&(aspect, score)| AspectResult { aspect, score, levels: 1, indicators: 1 }).collect(),
            overall: None,
        };
        let baseline = profile(
            &[("a.1", AspectId::Curriculum, 3), ("a.2", AspectId::Curriculum, 1), ("b.1", AspectId::Pedagogy, 2), ("b.2", AspectId::Pedagogy, 4)],
            &[(AspectId::Curriculum, Some(2.0)), (AspectId::Pedagogy, Some(3.0)), (AspectId::Leadership, None)],
        );
        let alone = JurorProfile::new(&baseline, None);
        assert!(!alone.has_growth);
        assert_eq!(alone.aspects.iter().map(|a| (a.aspect, a.score, a.delta)).collect::<Vec<_>>(), vec![
            (AspectId::Curriculum, Some(2.0), None),
            (AspectId::Pedagogy, Some(3.0), None),
            (AspectId::Leadership, None, None),
        ]);
        let weakest: Vec<(&str, u8)> = alone.weakest.iter().map(|w| (w.indicator_id.as_str(), w.level.get())).collect();
        assert_eq!(weakest, vec![("a.2", 1), ("b.1", 2), ("a.1", 3)]);
        let again = profile(&[], &[(AspectId::Curriculum, Some(3.5)), (AspectId::Pedagogy, Some(2.5))]);
        let g = growth(&baseline, &again);
        let grown = JurorProfile::new(&baseline, Some(&g));
        assert!(grown.has_growth);
        assert_eq!(grown.aspects.iter().map(|a| a.delta).collect::<Vec<_>>(), vec![Some(1.5), Some(-0.5), None]);
        assert_eq!(grown.weakest, alone.weakest);
    }

    #[test]
    fn a_draft_may_be_partial_but_a_submission_is_complete() {
        let input = SheetInput {
            version: 0,
            scores: BTreeMap::from([(3, 7)]),
            remarks: BTreeMap::from([(3, "  sterk  ".into()), (5, " ".into())]),
            remark: " ok ".into(),
        };
        let (scores, remarks, remark) = validate_sheet(&input, &criteria(), false).unwrap();
        assert_eq!(scores.get(&3).map(|s| s.get()), Some(7));
        assert_eq!(remarks, BTreeMap::from([(3, "sterk".to_string())]));
        assert_eq!(remark, "ok");
        assert_eq!(validate_sheet(&input, &criteria(), true), Err(vec![SheetProblem::Unscored { criterion: 5 }]));
        let early = SheetInput { remarks: BTreeMap::from([(5, "later".into())]), ..input };
        let problems = validate_sheet(&early, &criteria(), false).unwrap_err();
        assert_eq!(problems, vec![SheetProblem::RemarkWithoutScore { criterion: 5 }]);
        assert_eq!(problems[0].field(), "remarks.5");
    }

    #[test]
    fn bad_scores_and_criteria_are_reported_at_their_field() {
        let input = SheetInput {
            version: 1,
            scores: BTreeMap::from([(3, 0), (5, 11), (9, 5)]),
            remarks: BTreeMap::from([(3, "ok".into())]),
            remark: "x".repeat(MAX_REMARK_CHARS + 1),
        };
        let problems = validate_sheet(&input, &criteria(), false).unwrap_err();
        let fields: Vec<String> = problems.iter().map(SheetProblem::field).collect();
        assert_eq!(fields, ["scores.3", "scores.5", "scores.9", "remark"]);
    }

    #[test]
    fn locking_needs_closed_scoring_and_a_winner_everywhere() {
        let empty = CategoryResults {
            category_id: 1,
            name: "Oost".into(),
            finalists: vec![],
            jurors: vec![],
            expected_sheets: 0,
            submitted_sheets: 0,
            results: None,
            problem: Some("no criteria".into()),
            acknowledgement: None,
            changed_after_reveal: vec![],
        };
        assert_eq!(
            lock_problems(JuryStatus::Open, true, &[empty]),
            vec![
                LockProblem::NotClosed,
                LockProblem::NoWinner { category: "Oost".into(), reason: "no criteria".into() }
            ]
        );
        assert_eq!(lock_problems(JuryStatus::Closed, true, &[]), vec![LockProblem::NoCategory]);
    }

    #[test]
    fn progress_counts_submitted_sheets() {
        let f = |id, state| JurorFinalist { id, school_name: String::new(), town: String::new(), state };
        let home = JurorHome {
            edition_name: String::new(),
            status: JuryStatus::Open,
            categories: vec![JurorCategory {
                id: 1,
                name: String::new(),
                finalists: vec![f(1, SheetState::Submitted), f(2, SheetState::Draft), f(3, SheetState::ToDo)],
            }],
            conflicts: vec![],
            published: false,
            locked: false,
            is_chair: false,
            reopen_requests: vec![],
        };
        assert_eq!(home.progress(), (1, 3));
    }
}

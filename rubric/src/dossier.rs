//! The award dossier a finalist candidate and its sponsor company prepare
//! together: the chosen submitted plan version, the school's text, the
//! company's text (its commitment and what it contributes), selected
//! evidence files and a short summary for the jury. Each side edits its own
//! part (with a version per part against stale writes) and sees the
//! other's; each side signs off on one revision; the second sign-off
//! submits the dossier, which is then frozen until the coordinator reopens
//! it with a reason. Any change after a sign-off withdraws both sign-offs
//! and leaves a notice both sides see. Pure rules: the server applies them
//! inside its write transaction, the frontend to show what is possible.
//!
//! Who is a *finalist candidate*: a school of the edition with at least one
//! submitted plan version (the coordinator picks finalists among them, and
//! a finalist needs a submitted plan too). Whether the person may edit a
//! part is `crate::access`'s ([`crate::access::Action::EditDossierSchool`],
//! [`crate::access::Action::EditDossierCompany`]).

use serde::{Deserialize, Serialize};

/// The longest school text and company text, in characters.
pub const MAX_TEXT_CHARS: usize = 5000;
/// The longest summary for the jury, in characters.
pub const MAX_SUMMARY_CHARS: usize = 600;
/// The most evidence files a dossier selects.
pub const MAX_EVIDENCE: usize = 10;

/// The two sides that prepare a dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    School,
    Company,
}

impl Side {
    pub const ALL: [Side; 2] = [Side::School, Side::Company];

    pub fn other(self) -> Side {
        match self {
            Side::School => Side::Company,
            Side::Company => Side::School,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Side::School => "school",
            Side::Company => "company",
        }
    }

    pub fn from_key(key: &str) -> Option<Side> {
        Side::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One side's sign-off: who, when, on which revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    pub person_id: i64,
    pub name: String,
    pub at: i64,
    pub revision: u32,
}

/// Why the sign-offs were withdrawn: which side changed what, when. Shown
/// to both sides until someone signs off again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub by: Side,
    pub name: String,
    pub at: i64,
}

/// The school's part.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SchoolPart {
    /// The number of the submitted plan version the dossier stands on.
    pub plan_version: Option<u32>,
    pub text: String,
    pub summary: String,
    /// Evidence file ids, in the order the school chose.
    #[serde(default)]
    pub evidence: Vec<i64>,
}

/// The company's part.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CompanyPart {
    pub text: String,
}

/// A dossier as stored: both parts with their versions, the revision of the
/// whole (bumped by every change), the sign-offs and the submission.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Dossier {
    pub school: SchoolPart,
    pub company: CompanyPart,
    /// The school part's version (stale-write check of its editors).
    pub school_version: i64,
    /// The company part's version.
    pub company_version: i64,
    /// The revision of the whole dossier; a sign-off names the revision it
    /// approves. 0 for a dossier nobody wrote yet.
    pub revision: u32,
    pub school_signoff: Option<SignOff>,
    pub company_signoff: Option<SignOff>,
    /// When it was submitted (both signed off); frozen while set.
    pub submitted_at: Option<i64>,
    /// The last withdrawal of sign-offs, until someone signs off again.
    pub withdrawal: Option<Withdrawal>,
}

/// Where a dossier stands, for the coordinator's dashboard and both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DossierStatus {
    #[default]
    NotStarted,
    InProgress,
    SignedBySchool,
    SignedByCompany,
    Submitted,
}

impl DossierStatus {
    pub const ALL: [DossierStatus; 5] = [
        DossierStatus::NotStarted,
        DossierStatus::InProgress,
        DossierStatus::SignedBySchool,
        DossierStatus::SignedByCompany,
        DossierStatus::Submitted,
    ];
}

/// What is wrong with a step on a dossier. Each has a stable code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum DossierError {
    #[error("the dossier is submitted to the jury, so it can no longer be changed; ask the programme coordinator to reopen it")]
    Frozen,
    #[error("the dossier changed since you read it; read it again before signing off")]
    StaleRevision,
    #[error("you already signed off on this version of the dossier")]
    AlreadySigned,
    #[error("the dossier is not complete yet: {}", missing.iter().map(|m| m.describe()).collect::<Vec<_>>().join(", "))]
    Incomplete { missing: Vec<Missing> },
    #[error("the dossier is not submitted, so there is nothing to reopen")]
    NotSubmitted,
}

impl DossierError {
    /// The API's error code (`rubric::errors::ErrorCode`).
    pub fn code(&self) -> &'static str {
        match self {
            DossierError::Frozen => "dossier_submitted",
            DossierError::StaleRevision => "stale",
            DossierError::AlreadySigned => "already_signed",
            DossierError::Incomplete { .. } => "dossier_incomplete",
            DossierError::NotSubmitted => "not_submitted",
        }
    }
}

/// A part of the dossier that must be filled in before signing off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Missing {
    PlanVersion,
    SchoolText,
    CompanyText,
    Summary,
}

impl Missing {
    pub fn describe(self) -> &'static str {
        match self {
            Missing::PlanVersion => "choose a submitted plan version",
            Missing::SchoolText => "the school's text is empty",
            Missing::CompanyText => "the company's text is empty",
            Missing::Summary => "the summary for the jury is empty",
        }
    }
}

/// A problem at one field of a part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FieldProblem {
    #[error("this text is {chars} characters long; at most {max} are allowed")]
    TooLong { chars: usize, max: usize },
    #[error("plan version {number} was never submitted; choose one of the submitted versions")]
    UnknownPlanVersion { number: u32 },
    #[error("at most {max} evidence files can be selected; {count} were")]
    TooManyFiles { count: usize, max: usize },
    #[error("evidence file {id} is not one of this school's files")]
    UnknownFile { id: i64 },
    #[error("evidence file {id} is selected twice")]
    DuplicateFile { id: i64 },
}

/// A problem and its field (`plan_version`, `text`, `summary`, `evidence`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub problem: FieldProblem,
}

fn check_length(field: &str, text: &str, max: usize, errors: &mut Vec<FieldError>) -> String {
    let text = text.trim().to_string();
    let chars = text.chars().count();
    if chars > max {
        errors.push(FieldError { field: field.into(), problem: FieldProblem::TooLong { chars, max } });
    }
    text
}

/// The school's part as the client sent it, checked: texts trimmed and
/// within their limits, the plan version one of `submitted_versions`, the
/// evidence among `school_files`, no more than [`MAX_EVIDENCE`], no twice.
pub fn validate_school_part(input: &SchoolPart, submitted_versions: &[u32], school_files: &[i64]) -> Result<SchoolPart, Vec<FieldError>> {
    let mut errors = Vec::new();
    let text = check_length("text", &input.text, MAX_TEXT_CHARS, &mut errors);
    let summary = check_length("summary", &input.summary, MAX_SUMMARY_CHARS, &mut errors);
    if let Some(number) = input.plan_version.filter(|n| !submitted_versions.contains(n)) {
        errors.push(FieldError { field: "plan_version".into(), problem: FieldProblem::UnknownPlanVersion { number } });
    }
    let mut evidence_problem = None;
    if input.evidence.len() > MAX_EVIDENCE {
        evidence_problem = Some(FieldProblem::TooManyFiles { count: input.evidence.len(), max: MAX_EVIDENCE });
    }
    for (i, id) in input.evidence.iter().enumerate() {
        if evidence_problem.is_some() {
            break;
        }
        if !school_files.contains(id) {
            evidence_problem = Some(FieldProblem::UnknownFile { id: *id });
        } else if input.evidence[..i].contains(id) {
            evidence_problem = Some(FieldProblem::DuplicateFile { id: *id });
        }
    }
    if let Some(problem) = evidence_problem {
        errors.push(FieldError { field: "evidence".into(), problem });
    }
    if errors.is_empty() {
        Ok(SchoolPart { plan_version: input.plan_version, text, summary, evidence: input.evidence.clone() })
    } else {
        Err(errors)
    }
}

/// The company's part, checked: its text trimmed and within the limit.
pub fn validate_company_part(input: &CompanyPart) -> Result<CompanyPart, Vec<FieldError>> {
    let mut errors = Vec::new();
    let text = check_length("text", &input.text, MAX_TEXT_CHARS, &mut errors);
    if errors.is_empty() {
        Ok(CompanyPart { text })
    } else {
        Err(errors)
    }
}

/// What a change did to the dossier.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChangeOutcome {
    /// Whether anything changed (an unchanged save changes nothing, and
    /// withdraws nothing).
    pub changed: bool,
    /// The sides whose sign-off this change withdrew.
    pub withdrawn: Vec<Side>,
}

/// Who acts, and when: for sign-offs and withdrawal notices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub person_id: i64,
    pub name: String,
    pub at: i64,
}

impl Dossier {
    pub fn status(&self) -> DossierStatus {
        if self.submitted_at.is_some() {
            return DossierStatus::Submitted;
        }
        match (self.valid_signoff(Side::School), self.valid_signoff(Side::Company)) {
            (Some(_), _) => DossierStatus::SignedBySchool,
            (None, Some(_)) => DossierStatus::SignedByCompany,
            (None, None) if self.revision == 0 => DossierStatus::NotStarted,
            (None, None) => DossierStatus::InProgress,
        }
    }

    pub fn signoff(&self, side: Side) -> Option<&SignOff> {
        match side {
            Side::School => self.school_signoff.as_ref(),
            Side::Company => self.company_signoff.as_ref(),
        }
    }

    /// A side's sign-off if it is on the current revision (it always is:
    /// a change clears both; kept as a guard for stored data).
    fn valid_signoff(&self, side: Side) -> Option<&SignOff> {
        self.signoff(side).filter(|s| s.revision == self.revision)
    }

    fn signoff_mut(&mut self, side: Side) -> &mut Option<SignOff> {
        match side {
            Side::School => &mut self.school_signoff,
            Side::Company => &mut self.company_signoff,
        }
    }

    /// What is still empty before anyone may sign off.
    pub fn missing(&self) -> Vec<Missing> {
        let mut missing = Vec::new();
        if self.school.plan_version.is_none() {
            missing.push(Missing::PlanVersion);
        }
        if self.school.text.trim().is_empty() {
            missing.push(Missing::SchoolText);
        }
        if self.company.text.trim().is_empty() {
            missing.push(Missing::CompanyText);
        }
        if self.school.summary.trim().is_empty() {
            missing.push(Missing::Summary);
        }
        missing
    }

    /// Whether a change is refused because the dossier is submitted.
    pub fn check_edit(&self) -> Result<(), DossierError> {
        if self.submitted_at.is_some() {
            Err(DossierError::Frozen)
        } else {
            Ok(())
        }
    }

    /// A change by `side`: bumps the revision and withdraws any sign-off,
    /// leaving a notice for both sides.
    fn changed_by(&mut self, side: Side, actor: &Actor) -> ChangeOutcome {
        self.revision = self.revision.saturating_add(1);
        let withdrawn: Vec<Side> = Side::ALL.into_iter().filter(|s| self.signoff(*s).is_some()).collect();
        self.school_signoff = None;
        self.company_signoff = None;
        if !withdrawn.is_empty() {
            self.withdrawal = Some(Withdrawal { by: side, name: actor.name.clone(), at: actor.at });
        }
        ChangeOutcome { changed: true, withdrawn }
    }

    /// Replace the school's part (already validated). The caller has
    /// checked the part's version.
    pub fn set_school_part(&mut self, part: SchoolPart, actor: &Actor) -> Result<ChangeOutcome, DossierError> {
        self.check_edit()?;
        if part == self.school {
            return Ok(ChangeOutcome::default());
        }
        self.school = part;
        self.school_version += 1;
        Ok(self.changed_by(Side::School, actor))
    }

    /// Replace the company's part (already validated).
    pub fn set_company_part(&mut self, part: CompanyPart, actor: &Actor) -> Result<ChangeOutcome, DossierError> {
        self.check_edit()?;
        if part == self.company {
            return Ok(ChangeOutcome::default());
        }
        self.company = part;
        self.company_version += 1;
        Ok(self.changed_by(Side::Company, actor))
    }

    /// `side` signs off on `revision` (the one they read). The second
    /// sign-off submits the dossier. Returns whether it is now submitted.
    pub fn sign(&mut self, side: Side, revision: u32, actor: &Actor) -> Result<bool, DossierError> {
        self.check_edit()?;
        if revision != self.revision {
            return Err(DossierError::StaleRevision);
        }
        if self.valid_signoff(side).is_some() {
            return Err(DossierError::AlreadySigned);
        }
        let missing = self.missing();
        if !missing.is_empty() {
            return Err(DossierError::Incomplete { missing });
        }
        *self.signoff_mut(side) = Some(SignOff { person_id: actor.person_id, name: actor.name.clone(), at: actor.at, revision });
        self.withdrawal = None;
        if self.valid_signoff(side.other()).is_some() {
            self.submitted_at = Some(actor.at);
        }
        Ok(self.submitted_at.is_some())
    }

    /// The coordinator reopens a submitted dossier (with a reason, which the
    /// server validates with `crate::submission::validate_reason` and
    /// audits): both sign-offs go, both sides may change it again.
    pub fn reopen(&mut self) -> Result<(), DossierError> {
        if self.submitted_at.is_none() {
            return Err(DossierError::NotSubmitted);
        }
        self.submitted_at = None;
        self.school_signoff = None;
        self.company_signoff = None;
        self.revision = self.revision.saturating_add(1);
        self.withdrawal = None;
        Ok(())
    }
}

/// A dossier as a side reads it: the dossier, whether it may be started at
/// all, what the reader may do, and the plan versions to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierPage {
    pub school_id: i64,
    pub school_name: String,
    pub company_name: Option<String>,
    pub dossier: Dossier,
    pub status: DossierStatus,
    /// The submitted plan versions (numbers and when), newest last; none:
    /// the school is no finalist candidate yet.
    pub plan_versions: Vec<PlanVersionChoice>,
    /// The reader's side (`None` for the coordinator).
    pub side: Option<Side>,
    pub can_edit_school: bool,
    pub can_edit_company: bool,
    pub missing: Vec<Missing>,
    /// The school's evidence files a dossier may select (of its consensus
    /// answers and plan actions, not deleted), selected or not.
    #[serde(default)]
    pub evidence_files: Vec<EvidenceRef>,
}

/// A submitted plan version the school may choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanVersionChoice {
    pub number: u32,
    pub submitted_at: i64,
}

/// The body of a save of the school's part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolPartWrite {
    pub version: i64,
    #[serde(flatten)]
    pub part: SchoolPart,
}

/// The body of a save of the company's part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyPartWrite {
    pub version: i64,
    #[serde(flatten)]
    pub part: CompanyPart,
}

/// The body of a sign-off: the revision the signer read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignWrite {
    pub revision: u32,
}

/// The submitted dossier as a juror reads it beside the score sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JurorDossier {
    pub school_text: String,
    pub company_text: String,
    pub summary: String,
    pub company_name: Option<String>,
    pub submitted_at: i64,
    pub plan: Option<crate::plan::PlanVersion>,
    /// The selected evidence files (still there), in the school's order;
    /// a juror downloads them through the finalist.
    #[serde(default)]
    pub evidence: Vec<EvidenceRef>,
}

/// An evidence file as the dossier lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRef {
    pub id: i64,
    pub name: String,
    pub size: i64,
}

#[cfg(test)]
mod tests;

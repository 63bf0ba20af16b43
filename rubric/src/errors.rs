//! The codes the API's errors carry (`{code, message, fields, current}`):
//! one vocabulary the server answers with and the frontend reads, so the
//! interface words an error by what it is and never by the server's English
//! message. A test in the server checks that every code it sends is here.

use serde::{Deserialize, Serialize};

/// What is wrong at one field, for the field problems the interface words
/// in its own language (`fields[].code`; absent for the others, which show
/// the server's message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldCode {
    /// A reason or remark is required and empty.
    ReasonMissing,
    NameEmpty,
    NotEmail,
    /// Another jury category has this name.
    CategoryTaken,
    /// A finalist needs a submitted action plan.
    NoSubmittedPlan,
    /// The school is a finalist in another category.
    AlreadyFinalist,
    AlreadyJuror,
    /// An evidence file over the edition's largest file size.
    FileTooLarge,
    /// An evidence file of a kind not accepted (by its content).
    FileType,
    /// The school's space for evidence files is full.
    QuotaFull,
    /// The edition's rubric version cannot change: an open measurement
    /// already holds answers on the current one.
    RubricVersionInUse,
    /// What was chosen (a school, a company, a jury category, a person for
    /// the jury) is not (or no longer) in the edition, or it is archived:
    /// matching, attendance, invitations, a region's members, a sponsor, the
    /// jury's finalists and jurors.
    NotInEdition,
    /// A file's rows have errors: nothing of it was saved.
    RowsRefused,
    /// An action plan without goals cannot be submitted.
    PlanHasNoGoals,
    /// An action plan unchanged since its last submitted version.
    NothingNewToSubmit,
    /// A school, company, partner or school plan item a regional plan
    /// names is not (or no longer) of the region.
    NotInRegion,
}

/// What went wrong, as the API names it. Read back by [`ErrorCode::from_code`]
/// (a hand-written `Deserialize`: the derive's two matches over 69 names
/// were 5 kB of wasm in every app; any code this version does not know
/// reads as `Unknown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    // One per HTTP status, for the refusals that need no more words.
    BadRequest,
    BadJson,
    Unauthorized,
    Forbidden,
    NotFound,
    MethodNotAllowed,
    TooLarge,
    NotJson,
    Unprocessable,
    Validation,
    Internal,
    Error,
    // Signing in.
    InvalidLink,
    LinkUsed,
    LinkRevoked,
    // Writes: someone else saved first (409, with the current state).
    Stale,
    // The nulmeting.
    MeasurementClosed,
    BadKind,
    SubmitFirst,
    // The programme set-up.
    CompanySponsorsSchools,
    SessionHasAttendance,
    PersonArchived,
    OwnAccess,
    // Import of an edition.
    ImportNotJson,
    ImportNotExport,
    ImportTooNew,
    ImportUnknownVersion,
    ImportMigration,
    ImportMalformed,
    ImportInconsistent,
    ImportRejected,
    /// An archive over its limits (entries, sizes).
    ImportTooLarge,
    /// A file in an archive that does not match its hash or size.
    ImportTampered,
    // The jury.
    AlreadyDismissed,
    NotDismissed,
    BadTransition,
    DeclaredConflict,
    HasScores,
    JurorIsChair,
    JuryClosed,
    JuryLocked,
    JuryNotClosed,
    JuryNotInSetup,
    NotLocked,
    Published,
    ScoringClosed,
    // Under load (408, 429, 503): try again.
    TimedOut,
    TooManyAttempts,
    Busy,
    // Submitted sheets and their reopening; new sign-in links.
    SheetSubmitted,
    AlreadySubmitted,
    NotSubmitted,
    ReopenAlreadyRequested,
    AlreadyReopened,
    NoReopenRequest,
    OwnSheet,
    ColleagueSignedIn,
    OwnLink,
    // The chair's confirmation of a winner.
    NoWinner,
    Robust,
    // The award dossier.
    DossierSubmitted,
    DossierIncomplete,
    AlreadySigned,
    NotCandidate,
    // Only the client's own: no answer it could read.
    /// The server was not reached.
    Network,
    /// An error status without the JSON body.
    Http,
    /// An answer that is not what the client expected.
    BadResponse,
    /// A request body the client could not write.
    Encode,
    /// A code this version does not know (a newer server).
    Unknown,
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|code| ErrorCode::from_code(&code))
    }
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 69] = [
        ErrorCode::BadRequest,
        ErrorCode::BadJson,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::TooLarge,
        ErrorCode::NotJson,
        ErrorCode::Unprocessable,
        ErrorCode::Validation,
        ErrorCode::Internal,
        ErrorCode::Error,
        ErrorCode::InvalidLink,
        ErrorCode::LinkUsed,
        ErrorCode::LinkRevoked,
        ErrorCode::Stale,
        ErrorCode::MeasurementClosed,
        ErrorCode::BadKind,
        ErrorCode::SubmitFirst,
        ErrorCode::CompanySponsorsSchools,
        ErrorCode::SessionHasAttendance,
        ErrorCode::PersonArchived,
        ErrorCode::OwnAccess,
        ErrorCode::ImportNotJson,
        ErrorCode::ImportNotExport,
        ErrorCode::ImportTooNew,
        ErrorCode::ImportUnknownVersion,
        ErrorCode::ImportMigration,
        ErrorCode::ImportMalformed,
        ErrorCode::ImportInconsistent,
        ErrorCode::ImportRejected,
        ErrorCode::ImportTooLarge,
        ErrorCode::ImportTampered,
        ErrorCode::AlreadyDismissed,
        ErrorCode::NotDismissed,
        ErrorCode::BadTransition,
        ErrorCode::DeclaredConflict,
        ErrorCode::HasScores,
        ErrorCode::JurorIsChair,
        ErrorCode::JuryClosed,
        ErrorCode::JuryLocked,
        ErrorCode::JuryNotClosed,
        ErrorCode::JuryNotInSetup,
        ErrorCode::NotLocked,
        ErrorCode::Published,
        ErrorCode::ScoringClosed,
        ErrorCode::TimedOut,
        ErrorCode::TooManyAttempts,
        ErrorCode::Busy,
        ErrorCode::SheetSubmitted,
        ErrorCode::AlreadySubmitted,
        ErrorCode::NotSubmitted,
        ErrorCode::ReopenAlreadyRequested,
        ErrorCode::AlreadyReopened,
        ErrorCode::NoReopenRequest,
        ErrorCode::OwnSheet,
        ErrorCode::ColleagueSignedIn,
        ErrorCode::OwnLink,
        ErrorCode::NoWinner,
        ErrorCode::Robust,
        ErrorCode::DossierSubmitted,
        ErrorCode::DossierIncomplete,
        ErrorCode::AlreadySigned,
        ErrorCode::NotCandidate,
        ErrorCode::Network,
        ErrorCode::Http,
        ErrorCode::BadResponse,
        ErrorCode::Encode,
        ErrorCode::Unknown,
    ];

    /// The code as it travels.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::BadJson => "bad_json",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::NotJson => "not_json",
            ErrorCode::Unprocessable => "unprocessable",
            ErrorCode::Validation => "validation",
            ErrorCode::Internal => "internal",
            ErrorCode::Error => "error",
            ErrorCode::InvalidLink => "invalid_link",
            ErrorCode::LinkUsed => "link_used",
            ErrorCode::LinkRevoked => "link_revoked",
            ErrorCode::Stale => "stale",
            ErrorCode::MeasurementClosed => "measurement_closed",
            ErrorCode::BadKind => "bad_kind",
            ErrorCode::SubmitFirst => "submit_first",
            ErrorCode::CompanySponsorsSchools => "company_sponsors_schools",
            ErrorCode::SessionHasAttendance => "session_has_attendance",
            ErrorCode::PersonArchived => "person_archived",
            ErrorCode::OwnAccess => "own_access",
            ErrorCode::ImportNotJson => "import_not_json",
            ErrorCode::ImportNotExport => "import_not_export",
            ErrorCode::ImportTooNew => "import_too_new",
            ErrorCode::ImportUnknownVersion => "import_unknown_version",
            ErrorCode::ImportMigration => "import_migration",
            ErrorCode::ImportMalformed => "import_malformed",
            ErrorCode::ImportInconsistent => "import_inconsistent",
            ErrorCode::ImportRejected => "import_rejected",
            ErrorCode::ImportTooLarge => "import_too_large",
            ErrorCode::ImportTampered => "import_tampered",
            ErrorCode::AlreadyDismissed => "already_dismissed",
            ErrorCode::NotDismissed => "not_dismissed",
            ErrorCode::BadTransition => "bad_transition",
            ErrorCode::DeclaredConflict => "declared_conflict",
            ErrorCode::HasScores => "has_scores",
            ErrorCode::JurorIsChair => "juror_is_chair",
            ErrorCode::JuryClosed => "jury_closed",
            ErrorCode::JuryLocked => "jury_locked",
            ErrorCode::JuryNotClosed => "jury_not_closed",
            ErrorCode::JuryNotInSetup => "jury_not_in_setup",
            ErrorCode::NotLocked => "not_locked",
            ErrorCode::Published => "published",
            ErrorCode::ScoringClosed => "scoring_closed",
            ErrorCode::TimedOut => "timed_out",
            ErrorCode::TooManyAttempts => "too_many_attempts",
            ErrorCode::Busy => "busy",
            ErrorCode::SheetSubmitted => "sheet_submitted",
            ErrorCode::AlreadySubmitted => "already_submitted",
            ErrorCode::NotSubmitted => "not_submitted",
            ErrorCode::ReopenAlreadyRequested => "reopen_already_requested",
            ErrorCode::AlreadyReopened => "already_reopened",
            ErrorCode::NoReopenRequest => "no_reopen_request",
            ErrorCode::OwnSheet => "own_sheet",
            ErrorCode::ColleagueSignedIn => "colleague_signed_in",
            ErrorCode::OwnLink => "own_link",
            ErrorCode::NoWinner => "no_winner",
            ErrorCode::Robust => "robust",
            ErrorCode::DossierSubmitted => "dossier_submitted",
            ErrorCode::DossierIncomplete => "dossier_incomplete",
            ErrorCode::AlreadySigned => "already_signed",
            ErrorCode::NotCandidate => "not_candidate",
            ErrorCode::Network => "network",
            ErrorCode::Http => "http",
            ErrorCode::BadResponse => "bad_response",
            ErrorCode::Encode => "encode",
            ErrorCode::Unknown => "unknown",
        }
    }

    /// The code for a string as it travels; `Unknown` for any other.
    pub fn from_code(code: &str) -> ErrorCode {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == code).unwrap_or(ErrorCode::Unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_travels_as_its_name_and_reads_back() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()), "{code:?}");
            assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
            assert_eq!(ErrorCode::from_code(code.as_str()), code);
        }
    }

    #[test]
    fn every_code_is_listed_once() {
        let names: std::collections::HashSet<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), ErrorCode::ALL.len());
    }

    #[test]
    fn a_code_from_a_newer_server_is_unknown() {
        assert_eq!(serde_json::from_str::<ErrorCode>("\"quota_exceeded\"").unwrap(), ErrorCode::Unknown);
        assert_eq!(ErrorCode::from_code("quota_exceeded"), ErrorCode::Unknown);
    }
}

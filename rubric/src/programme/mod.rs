//! Programme set-up: the edition with its key dates, schools (with their
//! educational tracks and region) and companies, learning networks with
//! sessions, invitations by role and scope, CSV import of schools and
//! companies, and the coordinator dashboard's per-school status and
//! timeline. Every rule here is pure; the server validates each write with
//! it and the frontend uses it for instant feedback.
//!
//! Validation reports every problem at once, each at its field, as a
//! [`FieldError`] whose [`ProgrammeError`] carries a `code` so the interface
//! can show it in Dutch or English.

pub mod bodies;
pub mod csv;
pub mod dashboard;
pub mod edition;
pub mod network;
pub mod organisation;
pub mod person;

use crate::date::{Date, DateError};
use serde::{Deserialize, Serialize};
use std::fmt;

pub use csv::{
    mark_existing, parse_companies_csv, parse_schools_csv, CsvFileError, ImportOutcome, ImportRow,
    MAX_IMPORT_ROWS,
};
pub use dashboard::{
    filter_schools, timeline, Dashboard, Milestone, MilestoneKind, MilestoneState, SchoolFilter, SchoolProgress,
    StepStatus,
};
pub use edition::{
    school_nulmeting_deadline, validate_edition, Edition, EditionFields, EditionInput, SchoolYear, LATE_SCHOOL_NULMETING_DAYS,
};
pub use network::{validate_session, Network, NetworkKind, NetworkSession, SessionFields, SessionInput};
pub use organisation::{
    rank_candidates, validate_company, validate_school, Company, CompanyFields, CompanyInput, Matching,
    MatchingSchool, School, SchoolFields, SchoolInput,
};
pub use person::{validate_invite, ColleagueInput, InviteFields, InviteInput, Invitation, LinkStatus, Person};

/// Longest town, region, sector or place name.
pub const MAX_SHORT_CHARS: usize = 120;
/// Longest session topic.
pub const MAX_TOPIC_CHARS: usize = 300;
/// Longest e-mail address.
pub const MAX_EMAIL_CHARS: usize = 254;

/// The fields of the programme's forms and CSV columns, to name them in
/// messages. The key is the field's name in the input JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    SchoolYear,
    NulmetingDeadline,
    PlanDeadline,
    FinalDate,
    FinalPlace,
    CofinancingThresholdPct,
    Town,
    Region,
    Tracks,
    ContactName,
    ContactEmail,
    Sector,
    Date,
    Place,
    Topic,
    Email,
    Role,
    School,
    Company,
    /// A whole CSV row.
    Row,
}

impl Field {
    /// The field's name in the input JSON.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::SchoolYear => "school_year",
            Field::NulmetingDeadline => "nulmeting_deadline",
            Field::PlanDeadline => "plan_deadline",
            Field::FinalDate => "final_date",
            Field::FinalPlace => "final_place",
            Field::CofinancingThresholdPct => "cofinancing_threshold_pct",
            Field::Town => "town",
            Field::Region => "region",
            Field::Tracks => "tracks",
            Field::ContactName => "contact_name",
            Field::ContactEmail => "contact_email",
            Field::Sector => "sector",
            Field::Date => "date",
            Field::Place => "place",
            Field::Topic => "topic",
            Field::Email => "email",
            Field::Role => "role",
            Field::School => "school_id",
            Field::Company => "company_id",
            Field::Row => "row",
        }
    }

    /// How an English message names the field.
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::SchoolYear => "school year",
            Field::NulmetingDeadline => "nulmeting deadline",
            Field::PlanDeadline => "action plan deadline",
            Field::FinalDate => "date of the final event",
            Field::FinalPlace => "place of the final event",
            Field::CofinancingThresholdPct => "cofinancing threshold",
            Field::Town => "town",
            Field::Region => "region",
            Field::Tracks => "tracks",
            Field::ContactName => "contact person",
            Field::ContactEmail => "contact e-mail",
            Field::Sector => "sector",
            Field::Date => "date",
            Field::Place => "place",
            Field::Topic => "topic",
            Field::Email => "e-mail",
            Field::Role => "role",
            Field::School => "school",
            Field::Company => "company",
            Field::Row => "row",
        }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What is wrong with one field. Serialized with a `code` tag so the
/// frontend can show a translated message; `Display` is the English one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum ProgrammeError {
    #[error("the {field} is required")]
    Required { field: Field },
    #[error("the {field} is {chars} characters long; at most {max} are allowed")]
    TooLong { field: Field, chars: usize, max: usize },
    #[error("the {field} contains a line break or another control character")]
    ControlCharacter { field: Field },
    #[error("the {field} '{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-27")]
    NotADate { field: Field, value: String },
    #[error("the {field} {value} does not exist in the calendar")]
    NoSuchDay { field: Field, value: String },
    #[error("the {field} ({date}) must come after the {other} ({other_date})")]
    DateOrder { field: Field, date: Date, other: Field, other_date: Date },
    #[error("'{value}' is not a school year; write it as two consecutive years, e.g. 2026-2027")]
    NotASchoolYear { value: String },
    #[error("the cofinancing threshold {value} % is out of range: choose 0 to 100 %")]
    ThresholdOutOfRange { value: i64 },
    #[error("'{value}' is not an e-mail address")]
    NotAnEmail { value: String },
    #[error("'{value}' is not a track; use transition-oriented, dual or labour-market-oriented")]
    UnknownTrack { value: String },
    #[error("choose at least one track: transition-oriented, dual or labour-market-oriented")]
    NoTrack,
    #[error("'{value}' is not a region; use one of Antwerpen, Limburg, Oost-Vlaanderen, Vlaams-Brabant, West-Vlaanderen, Brussel")]
    UnknownRegion { value: String },
    #[error("'{value}' appears twice in this file (first on line {first_line})")]
    DuplicateInFile { value: String, first_line: usize },
    #[error("'{value}' already exists in this edition")]
    AlreadyExists { value: String },
    #[error("this row has {found} values but the header has {expected} columns")]
    WrongFieldCount { found: usize, expected: usize },
    #[error("a {} needs a school", role.key())]
    SchoolRequired { role: crate::people::Role },
    #[error("a {} needs a company", role.key())]
    CompanyRequired { role: crate::people::Role },
    #[error("only a school member has a school, and only a company member a company")]
    ScopeNotAllowed,
}

/// A problem at one field. `field` is the field's key in the input JSON (or
/// the CSV column's key), so the form can show it in place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("{error}")]
pub struct FieldError {
    pub field: Field,
    pub error: ProgrammeError,
}

impl FieldError {
    pub fn new(field: Field, error: ProgrammeError) -> FieldError {
        FieldError { field, error }
    }

    /// The English message.
    pub fn message(&self) -> String {
        self.error.to_string()
    }
}

/// Collects field errors while a validator walks the input.
#[derive(Default)]
pub(crate) struct Errors(pub(crate) Vec<FieldError>);

impl Errors {
    pub(crate) fn take<T>(&mut self, field: Field, result: Result<T, ProgrammeError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(error) => {
                self.0.push(FieldError::new(field, error));
                None
            }
        }
    }

    pub(crate) fn push(&mut self, field: Field, error: ProgrammeError) {
        self.0.push(FieldError::new(field, error));
    }

    /// `Ok(value)` when no error was recorded.
    pub(crate) fn finish<T>(self, value: impl FnOnce() -> Option<T>) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() {
            value().ok_or(self.0)
        } else {
            Err(self.0)
        }
    }
}

/// Trimmed single-line text of at most `max` characters.
pub fn text(raw: &str, field: Field, max: usize, required: bool) -> Result<String, ProgrammeError> {
    let value = raw.trim();
    if value.is_empty() {
        return if required { Err(ProgrammeError::Required { field }) } else { Ok(String::new()) };
    }
    let chars = value.chars().count();
    if chars > max {
        return Err(ProgrammeError::TooLong { field, chars, max });
    }
    if value.chars().any(char::is_control) {
        return Err(ProgrammeError::ControlCharacter { field });
    }
    Ok(value.to_string())
}

/// A name: required, at most [`crate::people::MAX_NAME_CHARS`].
pub fn name(raw: &str) -> Result<String, ProgrammeError> {
    text(raw, Field::Name, crate::people::MAX_NAME_CHARS, true)
}

/// An optional date typed as `YYYY-MM-DD`.
pub fn optional_date(raw: &str, field: Field) -> Result<Option<Date>, ProgrammeError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    value.parse::<Date>().map(Some).map_err(|e| match e {
        DateError::Format(_) => ProgrammeError::NotADate { field, value: value.to_string() },
        DateError::NoSuchDay(_) => ProgrammeError::NoSuchDay { field, value: value.to_string() },
    })
}

/// An optional e-mail address: one `@`, a local part, a domain with a dot,
/// no spaces. Deliberately loose: it catches typing slips, not every RFC case.
pub fn optional_email(raw: &str, field: Field) -> Result<String, ProgrammeError> {
    let value = text(raw, field, MAX_EMAIL_CHARS, false)?;
    if value.is_empty() {
        return Ok(value);
    }
    let bad = || ProgrammeError::NotAnEmail { value: value.clone() };
    let (local, domain) = value.split_once('@').ok_or_else(bad)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !domain.contains('@');
    if local.is_empty() || !domain_ok || value.chars().any(char::is_whitespace) {
        return Err(bad());
    }
    Ok(value)
}

/// The educational tracks (finaliteiten) of Flemish secondary education.
/// A school offers one or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Track {
    /// Doorstroomfinaliteit: prepares for higher education.
    TransitionOriented,
    /// Dubbele finaliteit: prepares for both.
    Dual,
    /// Arbeidsmarktfinaliteit: prepares for work.
    LabourMarketOriented,
}

impl Track {
    pub const ALL: [Track; 3] = [Track::TransitionOriented, Track::Dual, Track::LabourMarketOriented];

    /// The identifier used in JSON, the database and CSV files.
    pub fn key(self) -> &'static str {
        match self {
            Track::TransitionOriented => "transition-oriented",
            Track::Dual => "dual",
            Track::LabourMarketOriented => "labour-market-oriented",
        }
    }

    /// The track named by a key or a common Dutch or English name
    /// (case-insensitive): `doorstroom`, `dubbele finaliteit`, `arbeidsmarkt`, …
    pub fn from_key(raw: &str) -> Option<Track> {
        let key = crate::people::fold_case(raw.trim()).replace(['_', ' '], "-");
        Some(match key.as_str() {
            "transition-oriented" | "transition" | "doorstroom" | "doorstroomfinaliteit"
            | "doorstroomgericht" | "d" => Track::TransitionOriented,
            "dual" | "dubbel" | "dubbele-finaliteit" | "dubbele" | "df" => Track::Dual,
            "labour-market-oriented" | "labour-market" | "labor-market-oriented" | "labor-market"
            | "arbeidsmarkt" | "arbeidsmarktfinaliteit" | "arbeidsmarktgericht" | "a" => {
                Track::LabourMarketOriented
            }
            _ => return None,
        })
    }
}

/// Tracks as the database stores them: a comma list of keys in canonical
/// order, each once.
pub fn tracks_to_db(tracks: &[Track]) -> String {
    let mut sorted = tracks.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted.iter().map(|t| t.key()).collect::<Vec<_>>().join(",")
}

/// Tracks from the database; unknown words are skipped.
pub fn tracks_from_db(stored: &str) -> Vec<Track> {
    let mut tracks: Vec<Track> = stored.split(',').filter_map(Track::from_key).collect();
    tracks.sort();
    tracks.dedup();
    tracks
}

/// Tracks typed in one cell: names separated by `,`, `;`, `/`, `|` or `+`.
pub fn parse_tracks(raw: &str) -> Result<Vec<Track>, ProgrammeError> {
    let mut tracks = Vec::new();
    for part in raw.split([',', ';', '/', '|', '+']).map(str::trim).filter(|p| !p.is_empty()) {
        tracks.push(Track::from_key(part).ok_or_else(|| ProgrammeError::UnknownTrack { value: part.to_string() })?);
    }
    tracks.sort();
    tracks.dedup();
    Ok(tracks)
}

/// The regions a school can belong to: the five Flemish provinces and
/// Brussels. Award categories and dashboard filters go by region.
pub const REGIONS: [&str; 6] =
    ["Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen", "Brussel"];

/// The region named by its Dutch or English name (case-insensitive);
/// empty stays empty (the region is optional).
pub fn parse_region(raw: &str) -> Result<String, ProgrammeError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    let key = crate::people::fold_case(value).replace(' ', "-");
    let found = match key.as_str() {
        "antwerp" | "provincie-antwerpen" => Some("Antwerpen"),
        "limbourg" | "provincie-limburg" => Some("Limburg"),
        "east-flanders" | "oost-vl" | "oost-vl." | "o-vl" => Some("Oost-Vlaanderen"),
        "flemish-brabant" | "vlaams-brabant" | "vl-brabant" => Some("Vlaams-Brabant"),
        "west-flanders" | "west-vl" | "west-vl." | "w-vl" => Some("West-Vlaanderen"),
        "brussels" | "brussel" | "bruxelles" | "brussels-capital" => Some("Brussel"),
        _ => REGIONS.into_iter().find(|r| crate::people::fold_case(r) == key),
    };
    found.map(str::to_string).ok_or_else(|| ProgrammeError::UnknownRegion { value: value.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracks_parse_in_dutch_and_english_and_store_canonically() {
        assert_eq!(parse_tracks("Dual; doorstroom"), Ok(vec![Track::TransitionOriented, Track::Dual]));
        assert_eq!(parse_tracks("arbeidsmarkt / dubbele finaliteit / dual"), Ok(vec![Track::Dual, Track::LabourMarketOriented]));
        assert_eq!(parse_tracks(""), Ok(vec![]));
        assert_eq!(parse_tracks("aso, tso"), Err(ProgrammeError::UnknownTrack { value: "aso".into() }));
        assert_eq!(tracks_to_db(&[Track::Dual, Track::TransitionOriented, Track::Dual]), "transition-oriented,dual");
        assert_eq!(tracks_from_db("transition,nonsense,dual"), vec![Track::TransitionOriented, Track::Dual]);
        for t in Track::ALL {
            assert_eq!(Track::from_key(t.key()), Some(t));
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", t.key()));
        }
    }

    #[test]
    fn regions_accept_english_names() {
        assert_eq!(parse_region("east flanders"), Ok("Oost-Vlaanderen".into()));
        assert_eq!(parse_region("LIMBURG"), Ok("Limburg".into()));
        assert_eq!(parse_region(""), Ok(String::new()));
        assert!(matches!(parse_region("Henegouwen"), Err(ProgrammeError::UnknownRegion { .. })));
    }

    #[test]
    fn emails_are_checked_loosely() {
        assert_eq!(optional_email(" an@school.be ", Field::Email), Ok("an@school.be".into()));
        assert_eq!(optional_email("", Field::Email), Ok(String::new()));
        for bad in ["an", "an@school", "@school.be", "an @school.be", "an@.be", "an@school..be", "a@b@c.be"] {
            assert!(optional_email(bad, Field::Email).is_err(), "{bad}");
        }
    }

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(text("  Gent ", Field::Town, 10, true), Ok("Gent".into()));
        assert_eq!(text(" ", Field::Town, 10, true), Err(ProgrammeError::Required { field: Field::Town }));
        assert_eq!(text("x".repeat(11).as_str(), Field::Town, 10, false), Err(ProgrammeError::TooLong { field: Field::Town, chars: 11, max: 10 }));
        assert_eq!(text("a\tb", Field::Town, 10, false), Err(ProgrammeError::ControlCharacter { field: Field::Town }));
    }

    #[test]
    fn errors_serialize_with_a_code() {
        let e = FieldError::new(Field::Tracks, ProgrammeError::NoTrack);
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["field"], "tracks");
        assert_eq!(json["error"]["code"], "no-track");
        assert!(e.message().contains("at least one track"));
    }
}

//! An edition of the programme (one school year): its name, school year,
//! key dates (nulmeting deadline, action plan deadline, final event) and the
//! company cofinancing threshold, with the rules on them.

use super::{name, optional_date, text, Errors, Field, FieldError, ProgrammeError, MAX_SHORT_CHARS};
use crate::date::Date;
use crate::plan::DEFAULT_COFINANCING_THRESHOLD_PERCENT;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Days a school added after the nulmeting deadline gets for its nulmeting.
pub const LATE_SCHOOL_NULMETING_DAYS: i64 = 28;

/// A school's own nulmeting deadline: the edition's, unless the school was
/// added on or after that day; then [`LATE_SCHOOL_NULMETING_DAYS`] from the
/// day it was added, so a late school starts open instead of locked
/// (issue 14). `None` when the edition has no deadline.
pub fn school_nulmeting_deadline(edition_deadline: Option<Date>, school_added: Option<Date>) -> Option<Date> {
    let deadline = edition_deadline?;
    match school_added {
        Some(added) if added >= deadline => Date::from_days(added.to_days() + LATE_SCHOOL_NULMETING_DAYS).or(Some(deadline)),
        _ => Some(deadline),
    }
}

/// A Flemish school year, from 1 September to 31 August: `2026-2027`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchoolYear {
    first: u16,
}

impl SchoolYear {
    /// The school year starting in September of `first`.
    pub fn starting(first: u16) -> SchoolYear {
        SchoolYear { first }
    }

    /// The school year a day falls in (it turns on 1 September).
    pub fn containing(date: Date) -> SchoolYear {
        let first = if date.month() >= 9 { date.year() } else { date.year().saturating_sub(1) };
        SchoolYear { first }
    }

    /// The calendar year in which it starts.
    pub fn first_year(self) -> u16 {
        self.first
    }

    /// Parse `2026-2027`, also written `2026/2027`, `2026–2027` or `2026-27`.
    pub fn parse(raw: &str) -> Result<SchoolYear, ProgrammeError> {
        let value = raw.trim();
        let bad = || ProgrammeError::NotASchoolYear { value: value.to_string() };
        let (a, b) = value.split_once(['-', '/', '–']).ok_or_else(bad)?;
        let (a, b) = (a.trim(), b.trim());
        if a.len() != 4 || !a.bytes().all(|c| c.is_ascii_digit()) || !b.bytes().all(|c| c.is_ascii_digit()) {
            return Err(bad());
        }
        let first: u16 = a.parse().map_err(|_| bad())?;
        let second: u16 = match b.len() {
            4 => b.parse().map_err(|_| bad())?,
            2 => (first / 100) * 100 + b.parse::<u16>().map_err(|_| bad())?,
            _ => return Err(bad()),
        };
        let next = first.checked_add(1).ok_or_else(bad)?;
        let wraps = second + 100 == next && b.len() == 2; // 2099-00
        if !(1900..=2998).contains(&first) || (second != next && !wraps) {
            return Err(bad());
        }
        Ok(SchoolYear { first })
    }
}

impl fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.first, self.first + 1)
    }
}

/// An edition as the create and update endpoints receive it: dates are the
/// text of date fields (`YYYY-MM-DD`, empty while not yet known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EditionInput {
    pub name: String,
    pub school_year: String,
    pub nulmeting_deadline: String,
    pub plan_deadline: String,
    pub final_date: String,
    pub final_place: String,
    pub cofinancing_threshold_pct: i64,
    /// The rubric version its measurements open with
    /// ([`crate::rubric_versions`]); `None`: the newest for a new edition,
    /// unchanged for an existing one. Checked by the server with
    /// [`crate::rubric_versions::check_choice`] / `check_change`.
    pub rubric_version: Option<u32>,
}

impl Default for EditionInput {
    fn default() -> Self {
        EditionInput {
            name: String::new(),
            school_year: String::new(),
            nulmeting_deadline: String::new(),
            plan_deadline: String::new(),
            final_date: String::new(),
            final_place: String::new(),
            cofinancing_threshold_pct: i64::from(DEFAULT_COFINANCING_THRESHOLD_PERCENT),
            rubric_version: None,
        }
    }
}

/// A validated edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionFields {
    pub name: String,
    /// Normalized, e.g. `2026-2027`.
    pub school_year: String,
    pub nulmeting_deadline: Option<Date>,
    pub plan_deadline: Option<Date>,
    pub final_date: Option<Date>,
    pub final_place: String,
    pub cofinancing_threshold_pct: u8,
}

/// Validate an edition: a name, a school year, dates that exist and follow
/// each other (nulmeting deadline, then plan deadline, then the final), a
/// threshold of 0 to 100 %.
pub fn validate_edition(input: &EditionInput) -> Result<EditionFields, Vec<FieldError>> {
    let mut e = Errors::default();
    let name = e.take(Field::Name, name(&input.name));
    let school_year = e.take(Field::SchoolYear, SchoolYear::parse(&input.school_year));
    let nulmeting = e.take(Field::NulmetingDeadline, optional_date(&input.nulmeting_deadline, Field::NulmetingDeadline));
    let plan = e.take(Field::PlanDeadline, optional_date(&input.plan_deadline, Field::PlanDeadline));
    let final_date = e.take(Field::FinalDate, optional_date(&input.final_date, Field::FinalDate));
    let final_place = e.take(Field::FinalPlace, text(&input.final_place, Field::FinalPlace, MAX_SHORT_CHARS, false));
    let threshold = e.take(
        Field::CofinancingThresholdPct,
        u8::try_from(input.cofinancing_threshold_pct)
            .ok()
            .filter(|p| *p <= 100)
            .ok_or(ProgrammeError::ThresholdOutOfRange { value: input.cofinancing_threshold_pct }),
    );
    // Each date must follow the latest earlier one that is set.
    let dated = [
        (Field::NulmetingDeadline, nulmeting.flatten()),
        (Field::PlanDeadline, plan.flatten()),
        (Field::FinalDate, final_date.flatten()),
    ];
    let mut before: Option<(Field, Date)> = None;
    for (field, date) in dated {
        let Some(date) = date else { continue };
        if let Some((other, other_date)) = before {
            if date <= other_date {
                e.push(field, ProgrammeError::DateOrder { field, date, other, other_date });
            }
        }
        before = Some((field, date));
    }
    e.finish(|| {
        Some(EditionFields {
            name: name?,
            school_year: school_year?.to_string(),
            nulmeting_deadline: nulmeting?,
            plan_deadline: plan?,
            final_date: final_date?,
            final_place: final_place?,
            cofinancing_threshold_pct: threshold?,
        })
    })
}

/// An edition as the API returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    pub id: i64,
    pub name: String,
    pub school_year: String,
    pub nulmeting_deadline: Option<Date>,
    pub plan_deadline: Option<Date>,
    pub final_date: Option<Date>,
    pub final_place: String,
    pub cofinancing_threshold_pct: u8,
    /// The one edition people work in now.
    pub active: bool,
    pub version: i64,
    pub created_at: i64,
    /// The rubric version its measurements open with (1 for editions from
    /// before the choice existed).
    #[serde(default = "first_rubric_version")]
    pub rubric_version: u32,
}

fn first_rubric_version() -> u32 {
    crate::rubric_versions::FIRST
}

impl Edition {
    /// The form contents for editing this edition.
    pub fn input(&self) -> EditionInput {
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        EditionInput {
            name: self.name.clone(),
            school_year: self.school_year.clone(),
            nulmeting_deadline: date(self.nulmeting_deadline),
            plan_deadline: date(self.plan_deadline),
            final_date: date(self.final_date),
            final_place: self.final_place.clone(),
            cofinancing_threshold_pct: i64::from(self.cofinancing_threshold_pct),
            rubric_version: Some(self.rubric_version),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_school_added_after_the_deadline_gets_its_own() {
        use super::{school_nulmeting_deadline, Date};
        let d = |s: &str| s.parse::<Date>().ok();
        // On time: the edition's deadline.
        assert_eq!(school_nulmeting_deadline(d("2026-10-05"), d("2026-09-01")), d("2026-10-05"));
        // Added on or after the deadline: four weeks from that day.
        assert_eq!(school_nulmeting_deadline(d("2026-10-05"), d("2026-10-05")), d("2026-11-02"));
        assert_eq!(school_nulmeting_deadline(d("2026-10-05"), d("2026-12-04")), d("2027-01-01"));
        // No deadline, no deadline; an unknown day added keeps the edition's.
        assert_eq!(school_nulmeting_deadline(None, d("2026-12-04")), None);
        assert_eq!(school_nulmeting_deadline(d("2026-10-05"), None), d("2026-10-05"));
    }

    use super::*;

    fn input() -> EditionInput {
        EditionInput {
            name: "STEMpact 2026-2027".into(),
            school_year: "2026-27".into(),
            nulmeting_deadline: "2026-12-18".into(),
            plan_deadline: "2027-03-26".into(),
            final_date: "2027-05-28".into(),
            final_place: " Sint-Niklaas ".into(),
            cofinancing_threshold_pct: 10,
            rubric_version: None,
        }
    }

    #[test]
    fn a_complete_edition_is_accepted_and_normalized() {
        let f = validate_edition(&input()).unwrap();
        assert_eq!(f.school_year, "2026-2027");
        assert_eq!(f.final_place, "Sint-Niklaas");
        assert_eq!(f.plan_deadline.map(|d| d.to_string()).as_deref(), Some("2027-03-26"));
    }

    #[test]
    fn dates_may_be_left_open_but_must_follow_each_other() {
        let mut i = input();
        i.nulmeting_deadline.clear();
        i.plan_deadline.clear();
        i.final_date.clear();
        assert!(validate_edition(&i).is_ok());
        let mut i = input();
        i.plan_deadline = "2026-11-01".into();
        let errors = validate_edition(&i).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, Field::PlanDeadline);
        assert!(errors[0].message().contains("must come after the nulmeting deadline"), "{}", errors[0]);
        // A gap in the middle: the final is compared with the nulmeting deadline.
        let mut i = input();
        i.plan_deadline.clear();
        i.final_date = "2026-10-01".into();
        assert_eq!(validate_edition(&i).unwrap_err()[0].field, Field::FinalDate);
    }

    #[test]
    fn every_problem_is_reported_at_its_field() {
        let i = EditionInput {
            name: " ".into(),
            school_year: "2026-2028".into(),
            nulmeting_deadline: "18/12/2026".into(),
            plan_deadline: "2027-02-30".into(),
            final_date: String::new(),
            final_place: String::new(),
            cofinancing_threshold_pct: 120,
            rubric_version: None,
        };
        let fields: Vec<Field> = validate_edition(&i).unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            vec![Field::Name, Field::SchoolYear, Field::NulmetingDeadline, Field::PlanDeadline, Field::CofinancingThresholdPct]
        );
    }

    #[test]
    fn school_years() {
        assert_eq!(SchoolYear::parse("2026/2027").map(|y| y.to_string()), Ok("2026-2027".into()));
        assert_eq!(SchoolYear::parse("2099-00").map(|y| y.to_string()), Ok("2099-2100".into()));
        for bad in ["2026", "2026-2026", "26-27", "2026-2027-2028", "abcd-efgh", ""] {
            assert!(SchoolYear::parse(bad).is_err(), "{bad}");
        }
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(SchoolYear::containing(d("2026-11-25")).to_string(), "2026-2027");
        assert_eq!(SchoolYear::containing(d("2026-08-31")).to_string(), "2025-2026");
    }

    #[test]
    fn an_edition_gives_back_its_form() {
        let f = validate_edition(&input()).unwrap();
        let e = Edition {
            id: 1,
            name: f.name,
            school_year: f.school_year,
            nulmeting_deadline: f.nulmeting_deadline,
            plan_deadline: f.plan_deadline,
            final_date: f.final_date,
            final_place: f.final_place,
            cofinancing_threshold_pct: f.cofinancing_threshold_pct,
            active: true,
            version: 1,
            created_at: 0,
            rubric_version: 2,
        };
        assert_eq!(validate_edition(&e.input()).map(|f| f.school_year), Ok("2026-2027".into()));
        assert_eq!(e.input().rubric_version, Some(2));
        // An edition written before the choice existed measured with v1.
        let old = r#"{"id":1,"name":"E","school_year":"2025-2026","nulmeting_deadline":null,"plan_deadline":null,"final_date":null,"final_place":"","cofinancing_threshold_pct":10,"active":false,"version":1,"created_at":0}"#;
        assert_eq!(serde_json::from_str::<Edition>(old).map(|e| e.rubric_version).ok(), Some(1));
    }
}

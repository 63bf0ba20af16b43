//! Regions (issue 17, the Sterk Techniekonderwijs way): a region is part of
//! an edition and groups schools of any level (secondary, vmbo, mbo,
//! primary partners), companies and other partners (an RTC, a
//! municipality) under one regional coordinator, who sees and manages only
//! that region (`access::Relation::RegionalCoordinator`). This module owns
//! the region's types and form rules; [`portrait`] owns the region portrait
//! (pupil numbers from CSV, progression, facilities, the projection and the
//! aggregated profile).

pub mod portrait;

use crate::people::{validate_name, NameError, MAX_NAME_CHARS};
use serde::{Deserialize, Serialize};

/// The level (kind) of a school inside a region. A region's schools are
/// of every level, not only the edition's secondary schools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum SchoolLevel {
    /// Flemish secondary education (the programme's own schools).
    #[default]
    Secondary,
    /// Dutch pre-vocational secondary education.
    Vmbo,
    /// Vocational education (a college).
    Mbo,
    /// A primary school working with the region.
    Primary,
}

impl SchoolLevel {
    pub const ALL: [SchoolLevel; 4] = [SchoolLevel::Secondary, SchoolLevel::Vmbo, SchoolLevel::Mbo, SchoolLevel::Primary];

    pub fn key(self) -> &'static str {
        match self {
            SchoolLevel::Secondary => "secondary",
            SchoolLevel::Vmbo => "vmbo",
            SchoolLevel::Mbo => "mbo",
            SchoolLevel::Primary => "primary",
        }
    }

    pub fn from_key(key: &str) -> Option<SchoolLevel> {
        SchoolLevel::ALL.into_iter().find(|l| l.key() == key)
    }
}

/// The kind of a partner that is neither a school nor a company.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum PartnerKind {
    /// A regional technology centre (Regionaal Techniek Centrum).
    Rtc,
    Municipality,
    #[default]
    Other,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 3] = [PartnerKind::Rtc, PartnerKind::Municipality, PartnerKind::Other];

    pub fn key(self) -> &'static str {
        match self {
            PartnerKind::Rtc => "rtc",
            PartnerKind::Municipality => "municipality",
            PartnerKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<PartnerKind> {
        PartnerKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A region of an edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    pub id: i64,
    pub edition_id: i64,
    pub name: String,
    pub version: i64,
}

/// A school of the region, with its level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionSchool {
    pub school_id: i64,
    pub name: String,
    pub town: String,
    pub level: SchoolLevel,
}

/// A company of the region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionCompany {
    pub company_id: i64,
    pub name: String,
    pub town: String,
}

/// A partner that is neither school nor company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub id: i64,
    pub region_id: i64,
    pub name: String,
    pub kind: PartnerKind,
    pub version: i64,
}

/// A regional coordinator of the region, as the region page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionCoordinator {
    pub person_id: i64,
    pub name: String,
    pub email: String,
    pub signed_in: bool,
}

/// The part of an edition (`GET /api/editions`) the region pages read:
/// the region app decodes only these fields (serde passes over the rest),
/// so it carries no decoder for the whole edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionRef {
    pub id: i64,
    pub active: bool,
}

/// The part of a school or company of an edition
/// (`GET /api/editions/{id}/schools|companies`) the region's members form
/// reads: its id and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedRef {
    pub id: i64,
    pub name: String,
}

/// The part of an invitation (`POST /api/regions/{id}/coordinators`) the
/// region page shows: the sign-in link to share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationLink {
    pub link: String,
}

/// A region with everything that belongs to it (`GET /api/regions/{id}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionDetail {
    pub region: Region,
    pub schools: Vec<RegionSchool>,
    pub companies: Vec<RegionCompany>,
    pub partners: Vec<Partner>,
    pub coordinators: Vec<RegionCoordinator>,
}

/// The region form: its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RegionInput {
    #[serde(default)]
    pub name: String,
}

/// A school to put in the region, with its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberSchool {
    pub school_id: i64,
    #[serde(default)]
    pub level: SchoolLevel,
}

/// The region's schools and companies as the programme coordinator sets
/// them (`PUT /api/regions/{id}/members`): the whole set, replacing the
/// one before. A school or company is in at most one region; naming one
/// of another region moves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RegionMembers {
    #[serde(default)]
    pub schools: Vec<MemberSchool>,
    #[serde(default)]
    pub companies: Vec<i64>,
}

/// The invitation of a regional coordinator: a name and an e-mail (the
/// role and scope are the region's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CoordinatorInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
}

/// The partner form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PartnerInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: PartnerKind,
}

/// What is wrong with a region form. JSON externally tagged (see
/// `RegionalPlanError`), sent whole with a refusal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegionError {
    #[error("a name is required")]
    NameRequired,
    #[error("the name is {chars} characters long; at most {max} are allowed")]
    NameTooLong { chars: usize, max: usize },
    #[error("the name contains a control character")]
    ControlCharacter,
    #[error("school {school_id} is named twice")]
    SchoolTwice { school_id: i64 },
    #[error("company {company_id} is named twice")]
    CompanyTwice { company_id: i64 },
}

fn name(raw: &str) -> Result<String, RegionError> {
    validate_name(raw).map_err(|e| match e {
        NameError::Empty => RegionError::NameRequired,
        NameError::TooLong(chars) => RegionError::NameTooLong { chars, max: MAX_NAME_CHARS },
        NameError::ControlCharacter => RegionError::ControlCharacter,
    })
}

/// A valid region form: the trimmed name.
pub fn validate_region(input: &RegionInput) -> Result<RegionInput, RegionError> {
    Ok(RegionInput { name: name(&input.name)? })
}

/// A valid partner form: the trimmed name.
pub fn validate_partner(input: &PartnerInput) -> Result<PartnerInput, RegionError> {
    Ok(PartnerInput { name: name(&input.name)?, kind: input.kind })
}

/// A valid member set: nothing named twice. Whether each school and
/// company exists in the region's edition is the server's check.
pub fn validate_members(members: &RegionMembers) -> Result<(), RegionError> {
    let mut schools = std::collections::HashSet::new();
    if let Some(twice) = members.schools.iter().find(|s| !schools.insert(s.school_id)) {
        return Err(RegionError::SchoolTwice { school_id: twice.school_id });
    }
    let mut companies = std::collections::HashSet::new();
    if let Some(twice) = members.companies.iter().find(|c| !companies.insert(**c)) {
        return Err(RegionError::CompanyTwice { company_id: *twice });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for l in SchoolLevel::ALL {
            assert_eq!(SchoolLevel::from_key(l.key()), Some(l));
            assert_eq!(serde_json::to_string(&l).unwrap(), format!("\"{}\"", l.key()));
        }
        for k in PartnerKind::ALL {
            assert_eq!(PartnerKind::from_key(k.key()), Some(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.key()));
        }
    }

    #[test]
    fn forms_are_validated() {
        assert_eq!(validate_region(&RegionInput { name: "  Noordoost-Brabant ".into() }), Ok(RegionInput { name: "Noordoost-Brabant".into() }));
        assert_eq!(validate_region(&RegionInput { name: " ".into() }), Err(RegionError::NameRequired));
        assert_eq!(validate_partner(&PartnerInput { name: "x".repeat(121), kind: PartnerKind::Rtc }), Err(RegionError::NameTooLong { chars: 121, max: 120 }));
        let twice = RegionMembers { schools: vec![MemberSchool { school_id: 1, level: SchoolLevel::Vmbo }, MemberSchool { school_id: 1, level: SchoolLevel::Mbo }], companies: vec![] };
        assert_eq!(validate_members(&twice), Err(RegionError::SchoolTwice { school_id: 1 }));
        assert_eq!(validate_members(&RegionMembers { schools: vec![], companies: vec![3, 4, 3] }), Err(RegionError::CompanyTwice { company_id: 3 }));
        assert_eq!(validate_members(&RegionMembers::default()), Ok(()));
    }
}

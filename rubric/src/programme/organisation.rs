//! Schools and companies of an edition: what the forms and the CSV import
//! send, the validated fields, and the rows the API returns. A school offers
//! one or more tracks and may have one sponsor company (peterbedrijf); a
//! company may sponsor several schools.

use super::{
    name, optional_email, parse_region, text, Errors, Field, FieldError, ProgrammeError, Track,
    MAX_SHORT_CHARS,
};
use serde::{Deserialize, Serialize};

/// A school as the create and update endpoints receive it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct SchoolInput {
    pub name: String,
    pub town: String,
    /// A province or Brussels, Dutch or English name; may be empty.
    pub region: String,
    pub tracks: Vec<Track>,
    pub contact_name: String,
    pub contact_email: String,
}

/// A validated school.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolFields {
    pub name: String,
    pub town: String,
    /// One of [`super::REGIONS`] or empty.
    pub region: String,
    /// Sorted, each once, at least one.
    pub tracks: Vec<Track>,
    pub contact_name: String,
    pub contact_email: String,
}

/// Validate a school: a name, at least one track, a known region if any, a
/// plausible contact e-mail if any.
pub fn validate_school(input: &SchoolInput) -> Result<SchoolFields, Vec<FieldError>> {
    let mut e = Errors::default();
    let name = e.take(Field::Name, name(&input.name));
    let town = e.take(Field::Town, text(&input.town, Field::Town, MAX_SHORT_CHARS, false));
    let region = e.take(Field::Region, parse_region(&input.region));
    let mut tracks = input.tracks.clone();
    tracks.sort();
    tracks.dedup();
    if tracks.is_empty() {
        e.push(Field::Tracks, ProgrammeError::NoTrack);
    }
    let contact_name =
        e.take(Field::ContactName, text(&input.contact_name, Field::ContactName, crate::people::MAX_NAME_CHARS, false));
    let contact_email = e.take(Field::ContactEmail, optional_email(&input.contact_email, Field::ContactEmail));
    e.finish(|| {
        Some(SchoolFields {
            name: name?,
            town: town?,
            region: region?,
            tracks,
            contact_name: contact_name?,
            contact_email: contact_email?,
        })
    })
}

/// A company as the create and update endpoints receive it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CompanyInput {
    pub name: String,
    pub town: String,
    pub sector: String,
    pub contact_name: String,
    pub contact_email: String,
}

/// A validated company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyFields {
    pub name: String,
    pub town: String,
    pub sector: String,
    pub contact_name: String,
    pub contact_email: String,
}

/// Validate a company: a name, short texts, a plausible e-mail if any.
pub fn validate_company(input: &CompanyInput) -> Result<CompanyFields, Vec<FieldError>> {
    let mut e = Errors::default();
    let name = e.take(Field::Name, name(&input.name));
    let town = e.take(Field::Town, text(&input.town, Field::Town, MAX_SHORT_CHARS, false));
    let sector = e.take(Field::Sector, text(&input.sector, Field::Sector, MAX_SHORT_CHARS, false));
    let contact_name =
        e.take(Field::ContactName, text(&input.contact_name, Field::ContactName, crate::people::MAX_NAME_CHARS, false));
    let contact_email = e.take(Field::ContactEmail, optional_email(&input.contact_email, Field::ContactEmail));
    e.finish(|| {
        Some(CompanyFields {
            name: name?,
            town: town?,
            sector: sector?,
            contact_name: contact_name?,
            contact_email: contact_email?,
        })
    })
}

/// A school as the API returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct School {
    pub id: i64,
    pub edition_id: i64,
    pub name: String,
    pub town: String,
    pub region: String,
    pub tracks: Vec<Track>,
    pub contact_name: String,
    pub contact_email: String,
    /// The sponsor company (peterbedrijf), if matched.
    pub company_id: Option<i64>,
    pub archived: bool,
    pub version: i64,
}

impl School {
    /// The form contents for editing this school.
    pub fn input(&self) -> SchoolInput {
        SchoolInput {
            name: self.name.clone(),
            town: self.town.clone(),
            region: self.region.clone(),
            tracks: self.tracks.clone(),
            contact_name: self.contact_name.clone(),
            contact_email: self.contact_email.clone(),
        }
    }
}

/// A company as the API returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    pub id: i64,
    pub edition_id: i64,
    pub name: String,
    pub town: String,
    pub sector: String,
    pub contact_name: String,
    pub contact_email: String,
    pub archived: bool,
    pub version: i64,
    /// How many schools it sponsors.
    pub schools: u32,
}

impl Company {
    /// The form contents for editing this company.
    pub fn input(&self) -> CompanyInput {
        CompanyInput {
            name: self.name.clone(),
            town: self.town.clone(),
            sector: self.sector.clone(),
            contact_name: self.contact_name.clone(),
            contact_email: self.contact_email.clone(),
        }
    }
}

/// A school on the match screen: with its nulmeting profile per aspect
/// once the team recorded a consensus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchingSchool {
    pub school: School,
    pub profile: Option<Vec<crate::assessment::AspectResult>>,
}

/// What the match screen shows: the schools and the candidate companies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Matching {
    pub schools: Vec<MatchingSchool>,
    pub companies: Vec<Company>,
}

/// The companies that could sponsor a school, best first: companies in the
/// school's town, then those sponsoring fewer schools, then by name.
/// Archived companies are left out; the current sponsor stays in.
pub fn rank_candidates<'a>(school: &School, companies: &'a [Company]) -> Vec<&'a Company> {
    let town = crate::people::fold_case(school.town.trim());
    let mut out: Vec<&Company> =
        companies.iter().filter(|c| !c.archived || Some(c.id) == school.company_id).collect();
    out.sort_by_key(|c| {
        let elsewhere = town.is_empty() || crate::people::fold_case(c.town.trim()) != town;
        (elsewhere, c.schools, crate::people::fold_case(&c.name), c.id)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_in_town_and_with_room_come_first() {
        let company = |id: i64, town: &str, schools: u32, archived: bool| Company {
            id,
            edition_id: 1,
            name: format!("C{id}"),
            town: town.into(),
            sector: String::new(),
            contact_name: String::new(),
            contact_email: String::new(),
            archived,
            version: 1,
            schools,
        };
        let companies = vec![
            company(1, "Gent", 2, false),
            company(2, "Genk", 3, false),
            company(3, "Gent", 0, false),
            company(4, "Mol", 0, true),
            company(5, "Mol", 1, false),
        ];
        let school = School {
            id: 9,
            edition_id: 1,
            name: "S".into(),
            town: " gent".into(),
            region: String::new(),
            tracks: vec![Track::Dual],
            contact_name: String::new(),
            contact_email: String::new(),
            company_id: None,
            archived: false,
            version: 1,
        };
        let ids: Vec<i64> = rank_candidates(&school, &companies).iter().map(|c| c.id).collect();
        assert_eq!(ids, vec![3, 1, 5, 2]);
        let matched = School { company_id: Some(4), ..school };
        assert!(rank_candidates(&matched, &companies).iter().any(|c| c.id == 4));
    }

    #[test]
    fn a_school_needs_a_name_and_a_track() {
        let errors = validate_school(&SchoolInput::default()).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Name, Field::Tracks]);
        let ok = validate_school(&SchoolInput {
            name: " Campus De Horizon ".into(),
            town: "Lokeren".into(),
            region: "east flanders".into(),
            tracks: vec![Track::Dual, Track::TransitionOriented, Track::Dual],
            contact_name: "Ilse Claes".into(),
            contact_email: "ilse.claes@horizon.example".into(),
        })
        .unwrap();
        assert_eq!(ok.name, "Campus De Horizon");
        assert_eq!(ok.region, "Oost-Vlaanderen");
        assert_eq!(ok.tracks, vec![Track::TransitionOriented, Track::Dual]);
    }

    #[test]
    fn a_school_with_bad_region_and_email_gets_both_errors() {
        let errors = validate_school(&SchoolInput {
            name: "X".into(),
            region: "Wallonië".into(),
            tracks: vec![Track::Dual],
            contact_email: "not-an-email".into(),
            ..SchoolInput::default()
        })
        .unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Region, Field::ContactEmail]);
    }

    #[test]
    fn a_company_needs_only_a_name() {
        assert!(validate_company(&CompanyInput { name: "Polymeer Waasland".into(), ..CompanyInput::default() }).is_ok());
        let errors = validate_company(&CompanyInput { sector: "x".repeat(200), ..CompanyInput::default() }).unwrap_err();
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::Name, Field::Sector]);
    }
}

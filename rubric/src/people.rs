//! Who takes part and in which capacity: roles with their scope (a school or
//! a company), the signed-in person as the API reports it, and the rules on
//! names that every invitation form and API body shares.

use serde::{Deserialize, Serialize};

/// The role a person signs in with. School and company members are scoped
/// to one school or company; the server enforces the scope on every request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Coordinator,
    SchoolMember,
    CompanyMember,
    Juror,
    /// The coordinator of one region of the edition (issue 17): sees and
    /// manages only that region (`rubric::region`, `people.region_id`).
    RegionalCoordinator,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Coordinator, Role::SchoolMember, Role::CompanyMember, Role::Juror, Role::RegionalCoordinator];

    pub fn key(self) -> &'static str {
        match self {
            Role::Coordinator => "coordinator",
            Role::SchoolMember => "school-member",
            Role::CompanyMember => "company-member",
            Role::Juror => "juror",
            Role::RegionalCoordinator => "regional-coordinator",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// What a school team member does at school: it colours how their answers
/// are read in the team view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum SchoolFunction {
    Direction,
    StemCoordinator,
    #[default]
    Teacher,
    Other,
}

impl SchoolFunction {
    pub const ALL: [SchoolFunction; 4] = [
        SchoolFunction::Direction,
        SchoolFunction::StemCoordinator,
        SchoolFunction::Teacher,
        SchoolFunction::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            SchoolFunction::Direction => "direction",
            SchoolFunction::StemCoordinator => "stem-coordinator",
            SchoolFunction::Teacher => "teacher",
            SchoolFunction::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<SchoolFunction> {
        SchoolFunction::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// Answer to signing out (`POST /api/auth/signout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedOut {
    pub signed_out: bool,
}

/// The signed-in person, as `GET /api/me` returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub school_id: Option<i64>,
    pub school_name: Option<String>,
    pub company_id: Option<i64>,
    pub company_name: Option<String>,
    pub school_function: Option<SchoolFunction>,
}

/// Longest accepted person, school or company name.
pub const MAX_NAME_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("the name is empty")]
    Empty,
    #[error("the name is {0} characters long; at most {MAX_NAME_CHARS} are allowed")]
    TooLong(usize),
    #[error("the name contains a control character")]
    ControlCharacter,
}

/// `text` in lower case for comparing and searching names, towns and the
/// interface's own words: ASCII and the Latin-1 capitals (À to Þ) that
/// Dutch, French and English use. Not Unicode's full case mapping on
/// purpose: its tables cost every web app that lowercases anything some
/// 10 kB, for letters no name here uses.
pub fn fold_case(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A trimmed, non-empty name of sane length with no control characters.
pub fn validate_name(raw: &str) -> Result<String, NameError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(NameError::Empty);
    }
    let len = name.chars().count();
    if len > MAX_NAME_CHARS {
        return Err(NameError::TooLong(len));
    }
    if name.chars().any(char::is_control) {
        return Err(NameError::ControlCharacter);
    }
    Ok(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_case_lowers_the_letters_of_names() {
        assert_eq!(fold_case("Émile ÇAKIR-Ødegaard"), "émile çakir-ødegaard");
        assert_eq!(fold_case("Sint-Niklaas × 2"), "sint-niklaas × 2");
        for name in ["Antwerpen", "ÉCOLE", "Ærø", "Zoë Vandenbroucke"] {
            assert_eq!(fold_case(name), name.to_lowercase(), "{name}");
        }
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(validate_name("  An Peeters "), Ok("An Peeters".into()));
        assert_eq!(validate_name("   "), Err(NameError::Empty));
        assert_eq!(validate_name(&"x".repeat(121)), Err(NameError::TooLong(121)));
        assert_eq!(validate_name("a\u{0}b"), Err(NameError::ControlCharacter));
    }

    #[test]
    fn role_keys_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::from_key(r.key()), Some(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.key()));
        }
    }
}

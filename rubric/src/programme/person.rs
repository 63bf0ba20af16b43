//! Inviting people: the invitation form (role and scope: a school team
//! member belongs to a school, a company member to a company), its rules,
//! and a person with the state of their sign-in link as the API lists them.

use super::{optional_email, Errors, Field, FieldError, ProgrammeError};
use crate::people::{validate_name, NameError, Role, SchoolFunction, MAX_NAME_CHARS};
use serde::{Deserialize, Serialize};

/// An invitation as the coordinator (or a school's STEM coordinator) sends it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub email: String,
    pub role: Role,
    #[serde(default)]
    pub school_id: Option<i64>,
    #[serde(default)]
    pub company_id: Option<i64>,
    #[serde(default)]
    pub school_function: Option<SchoolFunction>,
}

/// A validated invitation: the scope matches the role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteFields {
    pub name: String,
    pub email: String,
    pub role: Role,
    pub school_id: Option<i64>,
    pub company_id: Option<i64>,
    /// Set for school members only (teacher when not given).
    pub school_function: Option<SchoolFunction>,
}

/// Validate an invitation: a name, a plausible e-mail if any, a school for
/// a school member, a company for a company member, no scope otherwise.
/// Whether the school or company exists is the server's check.
pub fn validate_invite(input: &InviteInput) -> Result<InviteFields, Vec<FieldError>> {
    let mut e = Errors::default();
    let name = e.take(
        Field::Name,
        validate_name(&input.name).map_err(|err| match err {
            NameError::Empty => ProgrammeError::Required { field: Field::Name },
            NameError::TooLong(chars) => ProgrammeError::TooLong { field: Field::Name, chars, max: MAX_NAME_CHARS },
            NameError::ControlCharacter => ProgrammeError::ControlCharacter { field: Field::Name },
        }),
    );
    let email = e.take(Field::Email, optional_email(&input.email, Field::Email));
    let role = input.role;
    let mut school_function = None;
    match role {
        Role::SchoolMember => {
            if input.school_id.is_none() {
                e.push(Field::School, ProgrammeError::SchoolRequired { role });
            }
            if input.company_id.is_some() {
                e.push(Field::Company, ProgrammeError::ScopeNotAllowed);
            }
            school_function = Some(input.school_function.unwrap_or_default());
        }
        Role::CompanyMember => {
            if input.company_id.is_none() {
                e.push(Field::Company, ProgrammeError::CompanyRequired { role });
            }
            if input.school_id.is_some() {
                e.push(Field::School, ProgrammeError::ScopeNotAllowed);
            }
        }
        Role::Coordinator | Role::Juror | Role::RegionalCoordinator => {
            if input.school_id.is_some() {
                e.push(Field::School, ProgrammeError::ScopeNotAllowed);
            }
            if input.company_id.is_some() {
                e.push(Field::Company, ProgrammeError::ScopeNotAllowed);
            }
        }
    }
    e.finish(|| {
        Some(InviteFields {
            name: name?,
            email: email?,
            role,
            school_id: input.school_id.filter(|_| role == Role::SchoolMember),
            company_id: input.company_id.filter(|_| role == Role::CompanyMember),
            school_function,
        })
    })
}

/// Where a person's latest sign-in link stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkStatus {
    /// No link was ever issued (e.g. a person restored from a backup).
    None,
    /// Issued and not yet used.
    Open,
    /// Used to sign in.
    Used,
    /// Withdrawn before it was used.
    Revoked,
}

impl LinkStatus {
    /// The status of the latest link and since when, from its columns.
    pub fn from_columns(created_at: Option<i64>, used_at: Option<i64>, revoked_at: Option<i64>) -> (LinkStatus, Option<i64>) {
        match (created_at, used_at, revoked_at) {
            (None, _, _) => (LinkStatus::None, None),
            (Some(_), Some(at), _) => (LinkStatus::Used, Some(at)),
            (Some(_), None, Some(at)) => (LinkStatus::Revoked, Some(at)),
            (Some(at), None, None) => (LinkStatus::Open, Some(at)),
        }
    }
}

/// A person as the people page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub school_id: Option<i64>,
    pub school_name: Option<String>,
    pub company_id: Option<i64>,
    pub company_name: Option<String>,
    pub school_function: Option<SchoolFunction>,
    /// Access removed: links revoked, sessions ended.
    pub archived: bool,
    pub link: LinkStatus,
    /// When the link was issued, used or revoked (Unix seconds).
    pub link_at: Option<i64>,
    /// Whether they ever signed in with a link: then only the programme
    /// coordinator may give them a new one (see `submission::may_reissue_link`).
    #[serde(default)]
    pub ever_signed_in: bool,
}

impl Person {
    /// The facts the link re-issue rule needs.
    pub fn link_target(&self) -> crate::submission::LinkTarget {
        crate::submission::LinkTarget {
            person_id: self.id,
            role: self.role,
            school_id: self.school_id,
            ever_signed_in: self.ever_signed_in,
        }
    }
}

/// A person with a freshly issued sign-in link: shown once, to copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub person: Person,
    pub link: String,
}

/// A colleague a school's STEM coordinator invites into their own school.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ColleagueInput {
    pub name: String,
    pub email: String,
    pub school_function: Option<SchoolFunction>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(role: Role, school: Option<i64>, company: Option<i64>) -> InviteInput {
        InviteInput { name: "An Peeters".into(), email: String::new(), role, school_id: school, company_id: company, school_function: None }
    }

    #[test]
    fn the_scope_must_match_the_role() {
        let ok = validate_invite(&input(Role::SchoolMember, Some(3), None)).unwrap();
        assert_eq!(ok.school_function, Some(SchoolFunction::Teacher));
        assert!(validate_invite(&input(Role::CompanyMember, None, Some(4))).is_ok());
        assert!(validate_invite(&input(Role::Juror, None, None)).is_ok());
        let e = validate_invite(&input(Role::SchoolMember, None, Some(4))).unwrap_err();
        assert_eq!(e.iter().map(|e| e.field).collect::<Vec<_>>(), vec![Field::School, Field::Company]);
        assert!(e[0].message().contains("school-member needs a school"), "{}", e[0]);
        let e = validate_invite(&input(Role::Coordinator, Some(1), None)).unwrap_err();
        assert_eq!(e[0].error, ProgrammeError::ScopeNotAllowed);
        let e = validate_invite(&InviteInput { name: " ".into(), email: "x@".into(), ..input(Role::Juror, None, None) }).unwrap_err();
        assert_eq!(e.iter().map(|e| e.field).collect::<Vec<_>>(), vec![Field::Name, Field::Email]);
    }

    #[test]
    fn link_status_from_columns() {
        assert_eq!(LinkStatus::from_columns(None, None, None), (LinkStatus::None, None));
        assert_eq!(LinkStatus::from_columns(Some(1), None, None), (LinkStatus::Open, Some(1)));
        assert_eq!(LinkStatus::from_columns(Some(1), Some(2), None), (LinkStatus::Used, Some(2)));
        assert_eq!(LinkStatus::from_columns(Some(1), None, Some(3)), (LinkStatus::Revoked, Some(3)));
        assert_eq!(serde_json::to_value(LinkStatus::Open).unwrap(), "open");
    }
}

//! Inviting a person: check that the role's scope exists (a school member
//! needs a school, a company member a company), create the person and issue
//! their first sign-in link. Shared by the CLI and the people API.

use crate::db;
use crate::db::people::NewPerson;
use rubric::people::{Role, SchoolFunction};
use crate::db::Writer;
use sqlx::SqliteConnection;

pub type NewInvite = NewPerson;

#[derive(Debug, thiserror::Error)]
pub enum InviteError {
    #[error("a school member needs a school (--school ID)")]
    SchoolMissing,
    #[error("a company member needs a company (--company ID)")]
    CompanyMissing,
    #[error("there is no school with id {0}")]
    NoSuchSchool(i64),
    #[error("there is no company with id {0}")]
    NoSuchCompany(i64),
    #[error("only a school member has a school, and only a company member a company")]
    ScopeNotAllowed,
    #[error("a regional coordinator is invited from their region (POST /api/regions/ID/coordinators)")]
    RegionOnly,
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
}

/// Create the person and their link in one write transaction of its own;
/// returns the person id and the token.
pub async fn create(writer: &Writer, p: &NewInvite, by: Option<i64>) -> Result<(i64, String), InviteError> {
    let mut tx = writer.begin().await?;
    let created = create_in(&mut tx, p, by).await?;
    tx.commit().await?;
    Ok(created)
}

/// Create the person, their link and the audit line inside the caller's
/// write transaction; returns the person id and the token.
pub async fn create_in(db: &mut SqliteConnection, p: &NewInvite, by: Option<i64>) -> Result<(i64, String), InviteError> {
    let mut p = p.clone();
    match p.role {
        Role::SchoolMember => {
            let id = p.school_id.ok_or(InviteError::SchoolMissing)?;
            if p.company_id.is_some() {
                return Err(InviteError::ScopeNotAllowed);
            }
            let exists: Option<i64> = sqlx::query_scalar("select id from schools where id = ? and archived_at is null")
                .bind(id)
                .fetch_optional(&mut *db)
                .await?;
            exists.ok_or(InviteError::NoSuchSchool(id))?;
            p.school_function.get_or_insert(SchoolFunction::Teacher);
        }
        Role::CompanyMember => {
            let id = p.company_id.ok_or(InviteError::CompanyMissing)?;
            if p.school_id.is_some() {
                return Err(InviteError::ScopeNotAllowed);
            }
            let exists: Option<i64> = sqlx::query_scalar("select id from companies where id = ? and archived_at is null")
                .bind(id)
                .fetch_optional(&mut *db)
                .await?;
            exists.ok_or(InviteError::NoSuchCompany(id))?;
            p.school_function = None;
        }
        Role::Coordinator | Role::Juror => {
            if p.school_id.is_some() || p.company_id.is_some() {
                return Err(InviteError::ScopeNotAllowed);
            }
            p.school_function = None;
        }
        // Their scope is a region: `db::regions::invite_coordinator`.
        Role::RegionalCoordinator => return Err(InviteError::RegionOnly),
    }
    let id = db::people::create_person(&mut *db, &p).await?;
    let token = db::people::issue_invitation(db, id, by).await?;
    db::audit(&mut *db, by, "invite", &format!("person {id} ({}) invited as {}", p.name, p.role.key())).await?;
    Ok((id, token))
}

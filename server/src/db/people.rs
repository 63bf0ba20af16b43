//! People and their invitation links: creating a person with a role and
//! scope, issuing, revoking and redeeming one-time sign-in tokens.

use super::now;
use crate::auth::{hash_token, new_token};
use rubric::people::{Me, Role, SchoolFunction};
use sqlx::{SqliteConnection, SqliteExecutor};

/// A new person to create.
#[derive(Debug, Clone)]
pub struct NewPerson {
    pub name: String,
    pub email: String,
    pub role: Role,
    pub school_id: Option<i64>,
    pub company_id: Option<i64>,
    pub school_function: Option<SchoolFunction>,
}

#[derive(sqlx::FromRow)]
struct MeRow {
    id: i64,
    name: String,
    role: String,
    school_id: Option<i64>,
    school_name: Option<String>,
    company_id: Option<i64>,
    company_name: Option<String>,
    school_function: Option<String>,
}

impl MeRow {
    fn into_me(self) -> Option<Me> {
        Some(Me {
            id: self.id,
            name: self.name,
            role: Role::from_key(&self.role)?,
            school_id: self.school_id,
            school_name: self.school_name,
            company_id: self.company_id,
            company_name: self.company_name,
            school_function: self.school_function.as_deref().and_then(SchoolFunction::from_key),
        })
    }
}

const ME_SELECT: &str = "select p.id, p.name, p.role, p.school_id, s.name as school_name, \
     p.company_id, c.name as company_name, p.school_function \
     from people p left join schools s on s.id = p.school_id left join companies c on c.id = p.company_id";

/// A person as the API presents the signed-in user.
pub async fn get_me<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> sqlx::Result<Option<Me>> {
    let row: Option<MeRow> = sqlx::query_as(&format!("{ME_SELECT} where p.id = ? and p.archived_at is null"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.and_then(MeRow::into_me))
}

/// The person a live session token belongs to, in one query: nobody when
/// the session expired, the person is archived, or the school or company
/// they belong to is archived (their sessions are kept for a restore).
pub async fn signed_in<'e, E: SqliteExecutor<'e>>(db: E, token: &str) -> sqlx::Result<Option<Me>> {
    let row: Option<MeRow> = sqlx::query_as(
        "select p.id, p.name, p.role, p.school_id, s.name as school_name, \
         p.company_id, c.name as company_name, p.school_function \
         from sessions x join people p on p.id = x.person_id \
         left join schools s on s.id = p.school_id left join companies c on c.id = p.company_id \
         where x.token_hash = ? and x.expires_at > ? and p.archived_at is null \
           and (p.role <> 'school-member' or p.school_id is null or s.archived_at is null) \
           and (p.role <> 'company-member' or p.company_id is null or c.archived_at is null)",
    )
    .bind(hash_token(token))
    .bind(now())
    .fetch_optional(db)
    .await?;
    Ok(row.and_then(MeRow::into_me))
}

pub async fn create_person<'e, E: SqliteExecutor<'e>>(db: E, p: &NewPerson) -> sqlx::Result<i64> {
    let id = sqlx::query_scalar(
        "insert into people (name, email, role, school_id, company_id, school_function, created_at) \
         values (?, ?, ?, ?, ?, ?, ?) returning id",
    )
    .bind(&p.name)
    .bind(&p.email)
    .bind(p.role.key())
    .bind(p.school_id)
    .bind(p.company_id)
    .bind(p.school_function.map(SchoolFunction::key))
    .bind(now())
    .fetch_one(db)
    .await?;
    Ok(id)
}

pub async fn count_coordinators<'e, E: SqliteExecutor<'e>>(db: E) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from people where role = 'coordinator' and archived_at is null")
        .fetch_one(db)
        .await
}

/// Issue a fresh sign-in token for a person, revoking any unused earlier one.
/// Returns the token in clear; only its hash is stored.
pub async fn issue_invitation(conn: &mut SqliteConnection, person_id: i64, created_by: Option<i64>) -> sqlx::Result<String> {
    let token = new_token();
    sqlx::query("update invitations set revoked_at = ? where person_id = ? and used_at is null and revoked_at is null")
        .bind(now())
        .bind(person_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("insert into invitations (person_id, token_hash, created_by, created_at) values (?, ?, ?, ?)")
        .bind(person_id)
        .bind(hash_token(&token))
        .bind(created_by)
        .bind(now())
        .execute(&mut *conn)
        .await?;
    Ok(token)
}

/// Re-issue a person's sign-in link on behalf of `by`: a new link (the
/// unused one revoked), every session of the person ended, and one audit
/// row saying so, all in one transaction. Returns the token and how many
/// sessions ended.
pub async fn reissue_invitation(db: &super::Writer, person_id: i64, by: i64, name: &str) -> sqlx::Result<(String, u64)> {
    let mut tx = db.begin().await?;
    let token = issue_invitation(&mut tx, person_id, Some(by)).await?;
    let ended = end_sessions(&mut tx, person_id).await?;
    super::audit(&mut *tx, Some(by), "link-reissue", &format!("person {person_id} ({name}): new link, {ended} sessions ended")).await?;
    tx.commit().await?;
    Ok((token, ended))
}

/// End every session of a person; returns how many there were.
pub async fn end_sessions(conn: &mut SqliteConnection, person_id: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("delete from sessions where person_id = ?").bind(person_id).execute(&mut *conn).await?.rows_affected())
}

/// Revoke every unused link of a person.
pub async fn revoke_invitations<'e, E: SqliteExecutor<'e>>(db: E, person_id: i64) -> sqlx::Result<u64> {
    let done = sqlx::query("update invitations set revoked_at = ? where person_id = ? and used_at is null and revoked_at is null")
        .bind(now())
        .bind(person_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

/// Whether a token belongs to any link (used, withdrawn or not).
pub async fn invitation_known<'e, E: SqliteExecutor<'e>>(db: E, token: &str) -> sqlx::Result<bool> {
    sqlx::query_scalar("select exists (select 1 from invitations where token_hash = ?)")
        .bind(hash_token(token))
        .fetch_one(db)
        .await
}

/// Why a token does not sign anyone in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedeemError {
    Unknown,
    Used,
    Revoked,
}

/// Mark a token used and return its person, inside the caller's write
/// transaction (which also starts the session), so a link can never be
/// redeemed twice nor used up without a session.
pub async fn redeem_invitation(tx: &mut SqliteConnection, token: &str) -> sqlx::Result<Result<i64, RedeemError>> {
    /// (invitation id, person id, used at, revoked at, person archived at)
    type InvitationRow = (i64, i64, Option<i64>, Option<i64>, Option<i64>);
    let row: Option<InvitationRow> = sqlx::query_as(
        "select i.id, i.person_id, i.used_at, i.revoked_at, p.archived_at \
         from invitations i join people p on p.id = i.person_id where i.token_hash = ?",
    )
    .bind(hash_token(token))
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, person_id, used_at, revoked_at, archived_at)) = row else {
        return Ok(Err(RedeemError::Unknown));
    };
    if used_at.is_some() {
        return Ok(Err(RedeemError::Used));
    }
    if revoked_at.is_some() || archived_at.is_some() {
        return Ok(Err(RedeemError::Revoked));
    }
    let done = sqlx::query("update invitations set used_at = ? where id = ? and used_at is null")
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(Err(RedeemError::Used));
    }
    super::audit(&mut *tx, Some(person_id), "sign-in", "invitation link redeemed").await?;
    Ok(Ok(person_id))
}

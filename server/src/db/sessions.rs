//! Browser sessions: a random token in an HttpOnly cookie, stored hashed,
//! valid for [`SESSION_DAYS`].

use super::now;
use crate::auth::{hash_token, new_token};
use sqlx::SqliteExecutor;

pub const SESSION_DAYS: i64 = 60;

/// Start a session for a person; returns the token for the cookie.
pub async fn create<'e, E: SqliteExecutor<'e>>(db: E, person_id: i64) -> sqlx::Result<String> {
    let token = new_token();
    let created = now();
    sqlx::query("insert into sessions (token_hash, person_id, created_at, expires_at) values (?, ?, ?, ?)")
        .bind(hash_token(&token))
        .bind(person_id)
        .bind(created)
        .bind(created + SESSION_DAYS * 86_400)
        .execute(db)
        .await?;
    Ok(token)
}

pub async fn delete<'e, E: SqliteExecutor<'e>>(db: E, token: &str) -> sqlx::Result<()> {
    sqlx::query("delete from sessions where token_hash = ?")
        .bind(hash_token(token))
        .execute(db)
        .await?;
    Ok(())
}

/// End every session of a person (when they are archived or their access is revoked).
pub async fn delete_for_person<'e, E: SqliteExecutor<'e>>(db: E, person_id: i64) -> sqlx::Result<()> {
    sqlx::query("delete from sessions where person_id = ?").bind(person_id).execute(db).await?;
    Ok(())
}

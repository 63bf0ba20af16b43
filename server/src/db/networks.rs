//! Learning networks of an edition, their sessions and the attendance of
//! schools and companies per session.

use super::now;
use rubric::programme::{Network, NetworkKind, NetworkSession, SessionFields};
use sqlx::{Sqlite, SqliteExecutor, SqlitePool, Transaction};
use std::collections::HashMap;

/// The edition's networks with their sessions (date order) and attendance.
pub async fn list(db: &SqlitePool, edition_id: i64) -> sqlx::Result<Vec<Network>> {
    let networks: Vec<(i64, String, String)> =
        sqlx::query_as("select id, kind, name from networks where edition_id = ? order by id")
            .bind(edition_id)
            .fetch_all(db)
            .await?;
    let sessions: Vec<(i64, i64, String, String, String, i64)> = sqlx::query_as(
        "select s.id, s.network_id, s.date, s.place, s.topic, s.version from network_sessions s \
         join networks n on n.id = s.network_id where n.edition_id = ? order by s.date, s.id",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await?;
    let attendance: Vec<(i64, Option<i64>, Option<i64>)> = sqlx::query_as(
        "select a.session_id, a.school_id, a.company_id from attendance a \
         join network_sessions s on s.id = a.session_id join networks n on n.id = s.network_id \
         where n.edition_id = ? order by a.session_id, a.school_id, a.company_id",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await?;
    let mut present: HashMap<i64, (Vec<i64>, Vec<i64>)> = HashMap::new();
    for (session, school, company) in attendance {
        let entry = present.entry(session).or_default();
        entry.0.extend(school);
        entry.1.extend(company);
    }
    let mut out: Vec<Network> = networks
        .into_iter()
        .filter_map(|(id, kind, name)| {
            Some(Network { id, kind: NetworkKind::from_key(&kind)?, name, sessions: vec![] })
        })
        .collect();
    out.sort_by_key(|n| n.kind);
    for (id, network_id, date, place, topic, version) in sessions {
        let Ok(date) = date.parse() else { continue };
        let (school_ids, company_ids) = present.remove(&id).unwrap_or_default();
        if let Some(n) = out.iter_mut().find(|n| n.id == network_id) {
            n.sessions.push(NetworkSession { id, network_id, date, place, topic, version, school_ids, company_ids });
        }
    }
    Ok(out)
}

/// The edition a network belongs to.
pub async fn network_edition<'e, E: SqliteExecutor<'e>>(db: E, network_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("select edition_id from networks where id = ?").bind(network_id).fetch_optional(db).await
}

/// The edition a session belongs to.
pub async fn session_edition<'e, E: SqliteExecutor<'e>>(db: E, session_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("select n.edition_id from network_sessions s join networks n on n.id = s.network_id where s.id = ?")
        .bind(session_id)
        .fetch_optional(db)
        .await
}

/// One session with its attendance.
pub async fn session(db: &SqlitePool, session_id: i64) -> sqlx::Result<Option<NetworkSession>> {
    let row: Option<(i64, i64, String, String, String, i64)> =
        sqlx::query_as("select id, network_id, date, place, topic, version from network_sessions where id = ?")
            .bind(session_id)
            .fetch_optional(db)
            .await?;
    let Some((id, network_id, date, place, topic, version)) = row else { return Ok(None) };
    let Ok(date) = date.parse() else { return Ok(None) };
    let present: Vec<(Option<i64>, Option<i64>)> =
        sqlx::query_as("select school_id, company_id from attendance where session_id = ? order by school_id, company_id")
            .bind(id)
            .fetch_all(db)
            .await?;
    let school_ids = present.iter().filter_map(|p| p.0).collect();
    let company_ids = present.iter().filter_map(|p| p.1).collect();
    Ok(Some(NetworkSession { id, network_id, date, place, topic, version, school_ids, company_ids }))
}

pub async fn create_session<'e, E: SqliteExecutor<'e>>(db: E, network_id: i64, f: &SessionFields) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "insert into network_sessions (network_id, date, place, topic, created_at) values (?, ?, ?, ?, ?) returning id",
    )
    .bind(network_id)
    .bind(f.date.to_string())
    .bind(&f.place)
    .bind(&f.topic)
    .bind(now())
    .fetch_one(db)
    .await
}

/// Update if still at `version`; `false` when stale.
pub async fn update_session<'e, E: SqliteExecutor<'e>>(
    db: E,
    id: i64,
    version: i64,
    f: &SessionFields,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update network_sessions set date = ?, place = ?, topic = ?, version = version + 1 where id = ? and version = ?",
    )
    .bind(f.date.to_string())
    .bind(&f.place)
    .bind(&f.topic)
    .bind(id)
    .bind(version)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many schools and companies attended a session.
pub async fn attendance_count<'e, E: SqliteExecutor<'e>>(db: E, session_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("select count(*) from attendance where session_id = ?").bind(session_id).fetch_one(db).await
}

/// Delete a session that nobody attended.
pub async fn delete_session<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from network_sessions where id = ? and not exists (select 1 from attendance where session_id = ?)")
        .bind(id)
        .bind(id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Replace who attended a session, if it is still at `version`; bumps the
/// session's version. `false` when stale.
pub async fn set_attendance(
    tx: &mut Transaction<'_, Sqlite>,
    session_id: i64,
    version: i64,
    school_ids: &[i64],
    company_ids: &[i64],
) -> sqlx::Result<bool> {
    let done = sqlx::query("update network_sessions set version = version + 1 where id = ? and version = ?")
        .bind(session_id)
        .bind(version)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("delete from attendance where session_id = ?").bind(session_id).execute(&mut **tx).await?;
    for school in school_ids {
        sqlx::query("insert into attendance (session_id, school_id) values (?, ?)")
            .bind(session_id)
            .bind(school)
            .execute(&mut **tx)
            .await?;
    }
    for company in company_ids {
        sqlx::query("insert into attendance (session_id, company_id) values (?, ?)")
            .bind(session_id)
            .bind(company)
            .execute(&mut **tx)
            .await?;
    }
    Ok(true)
}

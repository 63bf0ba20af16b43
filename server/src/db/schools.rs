//! Schools of an edition: list, create, update, archive and restore, and
//! the match to a sponsor company (`schools.company_id`).

use super::now;
use rubric::programme::{tracks_from_db, tracks_to_db, School, SchoolFields};
use sqlx::SqliteExecutor;

#[derive(sqlx::FromRow)]
struct SchoolRow {
    id: i64,
    edition_id: i64,
    name: String,
    town: String,
    region: String,
    tracks: String,
    contact_name: String,
    contact_email: String,
    company_id: Option<i64>,
    archived_at: Option<i64>,
    version: i64,
}

impl From<SchoolRow> for School {
    fn from(r: SchoolRow) -> School {
        School {
            id: r.id,
            edition_id: r.edition_id,
            name: r.name,
            town: r.town,
            region: r.region,
            tracks: tracks_from_db(&r.tracks),
            contact_name: r.contact_name,
            contact_email: r.contact_email,
            company_id: r.company_id,
            archived: r.archived_at.is_some(),
            version: r.version,
        }
    }
}

const SELECT: &str = "select id, edition_id, name, town, region, tracks, contact_name, contact_email, company_id, \
     archived_at, version from schools";

/// The schools of an edition by name; archived ones only when asked.
pub async fn list<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, archived: bool) -> sqlx::Result<Vec<School>> {
    let filter = if archived { "" } else { " and archived_at is null" };
    let rows: Vec<SchoolRow> =
        sqlx::query_as(&format!("{SELECT} where edition_id = ?{filter} order by name collate nocase, id"))
            .bind(edition_id)
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().map(School::from).collect())
}

pub async fn get<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> sqlx::Result<Option<School>> {
    let row: Option<SchoolRow> = sqlx::query_as(&format!("{SELECT} where id = ?")).bind(id).fetch_optional(db).await?;
    Ok(row.map(School::from))
}

/// Every name in the edition, archived schools included (for duplicates).
pub async fn names<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("select name from schools where edition_id = ?").bind(edition_id).fetch_all(db).await
}

pub async fn create<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, f: &SchoolFields) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "insert into schools (edition_id, name, town, region, tracks, contact_name, contact_email, created_at) \
         values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
    )
    .bind(edition_id)
    .bind(&f.name)
    .bind(&f.town)
    .bind(&f.region)
    .bind(tracks_to_db(&f.tracks))
    .bind(&f.contact_name)
    .bind(&f.contact_email)
    .bind(now())
    .fetch_one(db)
    .await
}

/// Update if still at `version`; `false` when stale.
pub async fn update<'e, E: SqliteExecutor<'e>>(db: E, id: i64, version: i64, f: &SchoolFields) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update schools set name = ?, town = ?, region = ?, tracks = ?, contact_name = ?, contact_email = ?, \
         version = version + 1 where id = ? and version = ?",
    )
    .bind(&f.name)
    .bind(&f.town)
    .bind(&f.region)
    .bind(tracks_to_db(&f.tracks))
    .bind(&f.contact_name)
    .bind(&f.contact_email)
    .bind(id)
    .bind(version)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Archive or restore; `false` when stale.
pub async fn set_archived<'e, E: SqliteExecutor<'e>>(db: E, id: i64, version: i64, archived: bool) -> sqlx::Result<bool> {
    let done = sqlx::query("update schools set archived_at = ?, version = version + 1 where id = ? and version = ?")
        .bind(archived.then(now))
        .bind(id)
        .bind(version)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Unmatch the school from its sponsor when that company is archived (a
/// school restored after its sponsor was archived must not bring the
/// company's members back); the company's name when it did.
pub async fn drop_archived_sponsor(conn: &mut sqlx::SqliteConnection, id: i64) -> sqlx::Result<Option<String>> {
    let archived: Option<String> = sqlx::query_scalar(
        "select c.name from schools s join companies c on c.id = s.company_id where s.id = ? and c.archived_at is not null",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    if archived.is_some() {
        sqlx::query("update schools set company_id = null, version = version + 1 where id = ?").bind(id).execute(&mut *conn).await?;
    }
    Ok(archived)
}

/// Match the school to a sponsor company (or none); `false` when stale.
pub async fn set_sponsor<'e, E: SqliteExecutor<'e>>(
    db: E,
    id: i64,
    version: i64,
    company_id: Option<i64>,
) -> sqlx::Result<bool> {
    let done = sqlx::query("update schools set company_id = ?, version = version + 1 where id = ? and version = ?")
        .bind(company_id)
        .bind(id)
        .bind(version)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

//! Companies of an edition: list (with how many schools each sponsors),
//! create, update, archive and restore.

use super::now;
use rubric::programme::{Company, CompanyFields};
use sqlx::SqliteExecutor;

#[derive(sqlx::FromRow)]
struct CompanyRow {
    id: i64,
    edition_id: i64,
    name: String,
    town: String,
    sector: String,
    contact_name: String,
    contact_email: String,
    archived_at: Option<i64>,
    version: i64,
    schools: i64,
}

impl From<CompanyRow> for Company {
    fn from(r: CompanyRow) -> Company {
        Company {
            id: r.id,
            edition_id: r.edition_id,
            name: r.name,
            town: r.town,
            sector: r.sector,
            contact_name: r.contact_name,
            contact_email: r.contact_email,
            archived: r.archived_at.is_some(),
            version: r.version,
            schools: u32::try_from(r.schools).unwrap_or(0),
        }
    }
}

const SELECT: &str = "select c.id, c.edition_id, c.name, c.town, c.sector, c.contact_name, c.contact_email, \
     c.archived_at, c.version, \
     (select count(*) from schools s where s.company_id = c.id and s.archived_at is null) as schools \
     from companies c";

/// The companies of an edition by name; archived ones only when asked.
pub async fn list<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, archived: bool) -> sqlx::Result<Vec<Company>> {
    let filter = if archived { "" } else { " and c.archived_at is null" };
    let rows: Vec<CompanyRow> =
        sqlx::query_as(&format!("{SELECT} where c.edition_id = ?{filter} order by c.name collate nocase, c.id"))
            .bind(edition_id)
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().map(Company::from).collect())
}

pub async fn get<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> sqlx::Result<Option<Company>> {
    let row: Option<CompanyRow> =
        sqlx::query_as(&format!("{SELECT} where c.id = ?")).bind(id).fetch_optional(db).await?;
    Ok(row.map(Company::from))
}

/// Every name in the edition, archived companies included.
pub async fn names<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<String>> {
    sqlx::query_scalar("select name from companies where edition_id = ?").bind(edition_id).fetch_all(db).await
}

pub async fn create<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, f: &CompanyFields) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "insert into companies (edition_id, name, town, sector, contact_name, contact_email, created_at) \
         values (?, ?, ?, ?, ?, ?, ?) returning id",
    )
    .bind(edition_id)
    .bind(&f.name)
    .bind(&f.town)
    .bind(&f.sector)
    .bind(&f.contact_name)
    .bind(&f.contact_email)
    .bind(now())
    .fetch_one(db)
    .await
}

/// Update if still at `version`; `false` when stale.
pub async fn update<'e, E: SqliteExecutor<'e>>(db: E, id: i64, version: i64, f: &CompanyFields) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update companies set name = ?, town = ?, sector = ?, contact_name = ?, contact_email = ?, \
         version = version + 1 where id = ? and version = ?",
    )
    .bind(&f.name)
    .bind(&f.town)
    .bind(&f.sector)
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
    let done = sqlx::query("update companies set archived_at = ?, version = version + 1 where id = ? and version = ?")
        .bind(archived.then(now))
        .bind(id)
        .bind(version)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

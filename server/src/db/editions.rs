//! Editions: listing, creating (with the three learning networks seeded),
//! updating with optimistic concurrency, and making one edition the
//! active one.

use super::now;
use rubric::programme::{Edition, EditionFields, NetworkKind};
use rubric::Date;
use sqlx::{SqliteConnection, SqliteExecutor};

#[derive(sqlx::FromRow)]
struct EditionRow {
    id: i64,
    name: String,
    school_year: String,
    nulmeting_deadline: Option<String>,
    plan_deadline: Option<String>,
    final_date: Option<String>,
    final_place: String,
    cofinancing_threshold_pct: i64,
    active: i64,
    version: i64,
    created_at: i64,
    rubric_version: i64,
}

fn date(s: Option<String>) -> Option<Date> {
    s.and_then(|s| s.parse().ok())
}

impl From<EditionRow> for Edition {
    fn from(r: EditionRow) -> Edition {
        Edition {
            id: r.id,
            name: r.name,
            school_year: r.school_year,
            nulmeting_deadline: date(r.nulmeting_deadline),
            plan_deadline: date(r.plan_deadline),
            final_date: date(r.final_date),
            final_place: r.final_place,
            cofinancing_threshold_pct: u8::try_from(r.cofinancing_threshold_pct.clamp(0, 100)).unwrap_or(10),
            active: r.active != 0,
            version: r.version,
            created_at: r.created_at,
            rubric_version: u32::try_from(r.rubric_version).unwrap_or(rubric::rubric_versions::FIRST),
        }
    }
}

const SELECT: &str = "select id, name, school_year, nulmeting_deadline, plan_deadline, final_date, final_place, \
     cofinancing_threshold_pct, active, version, created_at, rubric_version from editions";

/// Every edition, the newest first.
pub async fn list<'e, E: SqliteExecutor<'e>>(db: E) -> sqlx::Result<Vec<Edition>> {
    let rows: Vec<EditionRow> =
        sqlx::query_as(&format!("{SELECT} order by created_at desc, id desc")).fetch_all(db).await?;
    Ok(rows.into_iter().map(Edition::from).collect())
}

pub async fn get<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> sqlx::Result<Option<Edition>> {
    let row: Option<EditionRow> =
        sqlx::query_as(&format!("{SELECT} where id = ?")).bind(id).fetch_optional(db).await?;
    Ok(row.map(Edition::from))
}

/// The active edition, if any.
pub async fn active<'e, E: SqliteExecutor<'e>>(db: E) -> sqlx::Result<Option<Edition>> {
    let row: Option<EditionRow> =
        sqlx::query_as(&format!("{SELECT} where active = 1")).fetch_optional(db).await?;
    Ok(row.map(Edition::from))
}

/// Make sure the edition has its three learning networks.
pub async fn ensure_networks(db: &mut SqliteConnection, edition_id: i64) -> sqlx::Result<()> {
    for kind in NetworkKind::ALL {
        sqlx::query("insert into networks (edition_id, kind, name) values (?, ?, ?) on conflict (edition_id, kind) do nothing")
            .bind(edition_id)
            .bind(kind.key())
            .bind(kind.default_name())
            .execute(&mut *db)
            .await?;
    }
    Ok(())
}

/// Create an edition with its networks; active when asked or when it is
/// the first edition. Returns the new id.
pub async fn create(tx: &mut SqliteConnection, f: &EditionFields, activate: bool) -> sqlx::Result<i64> {
    let existing: i64 = sqlx::query_scalar("select count(*) from editions where active = 1").fetch_one(&mut *tx).await?;
    let activate = activate || existing == 0;
    if activate {
        sqlx::query("update editions set active = 0, version = version + 1 where active = 1").execute(&mut *tx).await?;
    }
    let id: i64 = sqlx::query_scalar(
        "insert into editions (name, school_year, nulmeting_deadline, plan_deadline, final_date, final_place, \
         cofinancing_threshold_pct, active, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
    )
    .bind(&f.name)
    .bind(&f.school_year)
    .bind(f.nulmeting_deadline.map(|d| d.to_string()))
    .bind(f.plan_deadline.map(|d| d.to_string()))
    .bind(f.final_date.map(|d| d.to_string()))
    .bind(&f.final_place)
    .bind(i64::from(f.cofinancing_threshold_pct))
    .bind(i64::from(activate))
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    for kind in NetworkKind::ALL {
        sqlx::query("insert into networks (edition_id, kind, name) values (?, ?, ?)")
            .bind(id)
            .bind(kind.key())
            .bind(kind.default_name())
            .execute(&mut *tx)
            .await?;
    }
    Ok(id)
}

/// Update an edition if it is still at `version`; `false` when stale.
pub async fn update<'e, E: SqliteExecutor<'e>>(db: E, id: i64, version: i64, f: &EditionFields) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "update editions set name = ?, school_year = ?, nulmeting_deadline = ?, plan_deadline = ?, final_date = ?, \
         final_place = ?, cofinancing_threshold_pct = ?, version = version + 1 where id = ? and version = ?",
    )
    .bind(&f.name)
    .bind(&f.school_year)
    .bind(f.nulmeting_deadline.map(|d| d.to_string()))
    .bind(f.plan_deadline.map(|d| d.to_string()))
    .bind(f.final_date.map(|d| d.to_string()))
    .bind(&f.final_place)
    .bind(i64::from(f.cofinancing_threshold_pct))
    .bind(id)
    .bind(version)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Make this edition the active one (the others stay, readable).
pub async fn activate(tx: &mut SqliteConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("update editions set active = 0, version = version + 1 where active = 1 and id <> ?")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("update editions set active = 1, version = version + 1 where id = ? and active = 0")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Answers (drafts included) in the edition's open measurements: while
/// there are any, its rubric version may not change.
pub async fn open_answers<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "select count(*) from answers a join responses r on r.id = a.response_id \
         join measurements m on m.id = r.measurement_id where m.edition_id = ? and m.status = 'open'",
    )
    .bind(edition_id)
    .fetch_one(db)
    .await
}

/// Set the rubric version the edition's measurements open with; its open
/// measurements (without answers: see [`open_answers`]) move along, closed
/// ones keep the version they were answered on. Part of a create or an
/// update (which bumps the row version), so it bumps nothing itself.
pub async fn set_rubric_version(tx: &mut SqliteConnection, edition_id: i64, rubric_version: u32) -> sqlx::Result<()> {
    sqlx::query("update editions set rubric_version = ? where id = ?")
        .bind(i64::from(rubric_version))
        .bind(edition_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("update measurements set rubric_version = ? where edition_id = ? and status = 'open'")
        .bind(i64::from(rubric_version))
        .bind(edition_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

//! Regions of an edition (issue 17): the region, its schools (with their
//! level), companies and partners, its regional coordinators (people with
//! `region_id`), and the portrait's tables (pupil numbers, progression,
//! facilities and networks).

use super::now;
use rubric::region::portrait::{Facility, FacilityInput, FacilityKind, Progression, ProgressionKind, PupilCount};
use rubric::region::{Partner, PartnerInput, PartnerKind, Region, RegionCompany, RegionCoordinator, RegionMembers, RegionSchool, SchoolLevel};
use sqlx::{SqliteConnection, SqliteExecutor};

#[derive(sqlx::FromRow)]
struct RegionRow {
    id: i64,
    edition_id: i64,
    name: String,
    version: i64,
}

impl From<RegionRow> for Region {
    fn from(r: RegionRow) -> Region {
        Region { id: r.id, edition_id: r.edition_id, name: r.name, version: r.version }
    }
}

pub async fn get<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> sqlx::Result<Option<Region>> {
    let row: Option<RegionRow> = sqlx::query_as("select id, edition_id, name, version from regions where id = ?")
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.map(Region::from))
}

/// The regions of an edition by name.
pub async fn list<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<Region>> {
    let rows: Vec<RegionRow> =
        sqlx::query_as("select id, edition_id, name, version from regions where edition_id = ? order by name collate nocase, id")
            .bind(edition_id)
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().map(Region::from).collect())
}

pub async fn create<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, name: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("insert into regions (edition_id, name, created_at) values (?, ?, ?) returning id")
        .bind(edition_id)
        .bind(name)
        .bind(now())
        .fetch_one(db)
        .await
}

/// Rename at `version`; false when the version is stale.
pub async fn rename<'e, E: SqliteExecutor<'e>>(db: E, id: i64, version: i64, name: &str) -> sqlx::Result<bool> {
    let done = sqlx::query("update regions set name = ?, version = version + 1 where id = ? and version = ?")
        .bind(name)
        .bind(id)
        .bind(version)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Bump the region's version (its members changed).
pub async fn touch<'e, E: SqliteExecutor<'e>>(db: E, id: i64, version: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("update regions set version = version + 1 where id = ? and version = ?")
        .bind(id)
        .bind(version)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The region a regional coordinator coordinates.
pub async fn coordinated_by<'e, E: SqliteExecutor<'e>>(db: E, person_id: i64) -> sqlx::Result<Option<i64>> {
    let region: Option<Option<i64>> = sqlx::query_scalar("select region_id from people where id = ? and role = 'regional-coordinator'")
        .bind(person_id)
        .fetch_optional(db)
        .await?;
    Ok(region.flatten())
}

#[derive(sqlx::FromRow)]
struct SchoolRow {
    school_id: i64,
    name: String,
    town: String,
    level: String,
}

pub async fn schools<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64) -> sqlx::Result<Vec<RegionSchool>> {
    let rows: Vec<SchoolRow> = sqlx::query_as(
        "select s.id as school_id, s.name, s.town, r.level from region_schools r join schools s on s.id = r.school_id \
         where r.region_id = ? and s.archived_at is null order by s.name collate nocase, s.id",
    )
    .bind(region_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| RegionSchool { school_id: r.school_id, name: r.name, town: r.town, level: SchoolLevel::from_key(&r.level).unwrap_or_default() })
        .collect())
}

pub async fn companies<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64) -> sqlx::Result<Vec<RegionCompany>> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "select c.id, c.name, c.town from region_companies r join companies c on c.id = r.company_id \
         where r.region_id = ? and c.archived_at is null order by c.name collate nocase, c.id",
    )
    .bind(region_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|(company_id, name, town)| RegionCompany { company_id, name, town }).collect())
}

/// How many of `ids` are schools (or companies: `table`) of the edition.
pub async fn count_in_edition(db: &mut SqliteConnection, table: &'static str, edition_id: i64, ids: &[i64]) -> sqlx::Result<usize> {
    let mut found = 0;
    for id in ids {
        let hit: Option<i64> = sqlx::query_scalar(&format!("select id from {table} where id = ? and edition_id = ? and archived_at is null"))
            .bind(id)
            .bind(edition_id)
            .fetch_optional(&mut *db)
            .await?;
        found += usize::from(hit.is_some());
    }
    Ok(found)
}

/// Replace the region's schools and companies (a member of another region moves).
pub async fn set_members(db: &mut SqliteConnection, region_id: i64, members: &RegionMembers) -> sqlx::Result<()> {
    sqlx::query("delete from region_schools where region_id = ?").bind(region_id).execute(&mut *db).await?;
    sqlx::query("delete from region_companies where region_id = ?").bind(region_id).execute(&mut *db).await?;
    for s in &members.schools {
        sqlx::query("insert into region_schools (school_id, region_id, level) values (?, ?, ?) \
                     on conflict (school_id) do update set region_id = excluded.region_id, level = excluded.level")
            .bind(s.school_id)
            .bind(region_id)
            .bind(s.level.key())
            .execute(&mut *db)
            .await?;
    }
    for c in &members.companies {
        sqlx::query("insert into region_companies (company_id, region_id) values (?, ?) \
                     on conflict (company_id) do update set region_id = excluded.region_id")
            .bind(c)
            .bind(region_id)
            .execute(&mut *db)
            .await?;
    }
    Ok(())
}

pub async fn partners<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64) -> sqlx::Result<Vec<Partner>> {
    let rows: Vec<(i64, i64, String, String, i64)> =
        sqlx::query_as("select id, region_id, name, kind, version from region_partners where region_id = ? order by name collate nocase, id")
            .bind(region_id)
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, region_id, name, kind, version)| Partner { id, region_id, name, kind: PartnerKind::from_key(&kind).unwrap_or_default(), version })
        .collect())
}

pub async fn add_partner<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64, p: &PartnerInput) -> sqlx::Result<i64> {
    sqlx::query_scalar("insert into region_partners (region_id, name, kind, created_at) values (?, ?, ?, ?) returning id")
        .bind(region_id)
        .bind(&p.name)
        .bind(p.kind.key())
        .bind(now())
        .fetch_one(db)
        .await
}

/// Remove a partner of the region; false when there is none.
pub async fn remove_partner<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from region_partners where id = ? and region_id = ?").bind(id).bind(region_id).execute(db).await?;
    Ok(done.rows_affected() == 1)
}

pub async fn coordinators<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64) -> sqlx::Result<Vec<RegionCoordinator>> {
    let rows: Vec<(i64, String, String, bool)> = sqlx::query_as(
        "select p.id, p.name, p.email, exists (select 1 from invitations i where i.person_id = p.id and i.used_at is not null) \
         from people p where p.region_id = ? and p.role = 'regional-coordinator' and p.archived_at is null order by p.name collate nocase, p.id",
    )
    .bind(region_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|(person_id, name, email, signed_in)| RegionCoordinator { person_id, name, email, signed_in }).collect())
}

/// Create a regional coordinator of the region and their first sign-in
/// link, with the audit line; returns the person id and the token.
pub async fn invite_coordinator(db: &mut SqliteConnection, region_id: i64, name: &str, email: &str, by: i64) -> sqlx::Result<(i64, String)> {
    let id: i64 = sqlx::query_scalar(
        "insert into people (name, email, role, region_id, created_at) values (?, ?, 'regional-coordinator', ?, ?) returning id",
    )
    .bind(name)
    .bind(email)
    .bind(region_id)
    .bind(now())
    .fetch_one(&mut *db)
    .await?;
    let token = super::people::issue_invitation(db, id, Some(by)).await?;
    super::audit(&mut *db, Some(by), "invite", &format!("person {id} ({name}) invited as regional coordinator of region {region_id}")).await?;
    Ok((id, token))
}

pub async fn pupils<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64) -> sqlx::Result<Vec<PupilCount>> {
    let rows: Vec<(i64, String, i64, i64)> =
        sqlx::query_as("select school_id, track, year, pupils from region_pupils where region_id = ? order by school_id, track, year")
            .bind(region_id)
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(school_id, track, year, pupils)| PupilCount { school_id, track, year: year as u16, pupils: pupils as u32 })
        .collect())
}

/// Replace the region's pupil numbers by `counts`.
pub async fn replace_pupils(db: &mut SqliteConnection, region_id: i64, counts: &[PupilCount]) -> sqlx::Result<()> {
    sqlx::query("delete from region_pupils where region_id = ?").bind(region_id).execute(&mut *db).await?;
    for c in counts {
        sqlx::query("insert into region_pupils (region_id, school_id, track, year, pupils) values (?, ?, ?, ?, ?)")
            .bind(region_id)
            .bind(c.school_id)
            .bind(&c.track)
            .bind(i64::from(c.year))
            .bind(i64::from(c.pupils))
            .execute(&mut *db)
            .await?;
    }
    Ok(())
}

pub async fn progression<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64) -> sqlx::Result<Vec<Progression>> {
    let rows: Vec<(i64, String, i64, i64, i64)> =
        sqlx::query_as("select id, kind, year, leavers, continued from region_progression where region_id = ? order by kind, year, id")
            .bind(region_id)
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, year, leavers, continued)| Progression {
            id,
            kind: ProgressionKind::from_key(&kind).unwrap_or_default(),
            year: year as u16,
            leavers: leavers as u32,
            continued: continued as u32,
        })
        .collect())
}

pub async fn add_progression<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64, f: (ProgressionKind, u16, u32, u32)) -> sqlx::Result<i64> {
    sqlx::query_scalar("insert into region_progression (region_id, kind, year, leavers, continued) values (?, ?, ?, ?, ?) returning id")
        .bind(region_id)
        .bind(f.0.key())
        .bind(i64::from(f.1))
        .bind(i64::from(f.2))
        .bind(i64::from(f.3))
        .fetch_one(db)
        .await
}

pub async fn remove_progression<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from region_progression where id = ? and region_id = ?").bind(id).bind(region_id).execute(db).await?;
    Ok(done.rows_affected() == 1)
}

pub async fn facilities<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64) -> sqlx::Result<Vec<Facility>> {
    let rows: Vec<(i64, String, String, String)> =
        sqlx::query_as("select id, kind, name, note from region_facilities where region_id = ? order by kind, name collate nocase, id")
            .bind(region_id)
            .fetch_all(db)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, name, note)| Facility { id, kind: FacilityKind::from_key(&kind).unwrap_or_default(), name, note })
        .collect())
}

pub async fn add_facility<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64, f: &FacilityInput) -> sqlx::Result<i64> {
    sqlx::query_scalar("insert into region_facilities (region_id, kind, name, note) values (?, ?, ?, ?) returning id")
        .bind(region_id)
        .bind(f.kind.key())
        .bind(&f.name)
        .bind(&f.note)
        .fetch_one(db)
        .await
}

pub async fn remove_facility<'e, E: SqliteExecutor<'e>>(db: E, region_id: i64, id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("delete from region_facilities where id = ? and region_id = ?").bind(id).bind(region_id).execute(db).await?;
    Ok(done.rows_affected() == 1)
}

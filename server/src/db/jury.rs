//! The SQL of the jury set-up: settings (status, tie-break, chair, lock and
//! publication), award categories, criteria, finalists, jurors and
//! conflicts of interest, including the automatic conflict flags (a juror
//! who works for a finalist's sponsor company). Score sheets live in
//! [`super::jury_sheets`].

use super::{audit_event, now};
use rubric::jury::events::JuryEvent;
use rubric::jury::setup::{default_criteria, ConflictKind, CriterionDef, CriterionInput, JuryStatus};
use rubric::jury::views::{
    Acknowledgement, AuditEntry, CandidateSchool, CategoryInfo, Choice, ConflictInfo, FinalistInfo, JurorInfo, JurySettings,
};
use rubric::jury::Finding;
use rubric::jury::TieBreakRule;
use rubric::LocalizedText;
use sqlx::{SqliteConnection, SqliteExecutor};

/// The active edition: id, name and cofinancing threshold.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Edition {
    pub id: i64,
    pub name: String,
    pub cofinancing_threshold_pct: i64,
}

pub async fn active_edition<'e, E: SqliteExecutor<'e>>(db: E) -> sqlx::Result<Option<Edition>> {
    sqlx::query_as("select id, name, cofinancing_threshold_pct from editions where active = 1")
        .fetch_optional(db)
        .await
}

/// Create the edition's jury settings on first use, with the default
/// criteria when the edition has none.
pub async fn ensure_settings(tx: &mut SqliteConnection, edition_id: i64, by: Option<i64>) -> sqlx::Result<()> {
    let created = sqlx::query("insert into jury_settings (edition_id) values (?) on conflict (edition_id) do nothing")
        .bind(edition_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if created == 0 {
        return Ok(());
    }
    let existing: i64 = sqlx::query_scalar("select count(*) from criteria where edition_id = ?")
        .bind(edition_id)
        .fetch_one(&mut *tx)
        .await?;
    if existing == 0 {
        let mut defaults = default_criteria();
        rubric::jury::setup::normalize_criteria(&mut defaults);
        for (position, c) in defaults.iter().enumerate() {
            insert_criterion(&mut *tx, edition_id, c, position as i64).await?;
        }
        audit_event(&mut *tx, by, edition_id, &JuryEvent::DefaultCriteria { count: defaults.len() }).await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SettingsRow {
    status: String,
    tie_break: String,
    chair_id: Option<i64>,
    chair_order: Option<String>,
    locked_at: Option<i64>,
    published_at: Option<i64>,
    version: i64,
}

pub async fn settings<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<JurySettings> {
    let row: Option<SettingsRow> = sqlx::query_as(
        "select status, tie_break, chair_id, chair_order, locked_at, published_at, version \
         from jury_settings where edition_id = ?",
    )
    .bind(edition_id)
    .fetch_optional(db)
    .await?;
    Ok(match row {
        None => JurySettings {
            status: JuryStatus::Setup,
            tie_break: vec![],
            chair_id: None,
            chair_order: vec![],
            locked_at: None,
            published_at: None,
            version: 0,
        },
        Some(r) => JurySettings {
            status: JuryStatus::from_key(&r.status).unwrap_or_default(),
            tie_break: serde_json::from_str::<Vec<TieBreakRule>>(&r.tie_break).unwrap_or_default(),
            chair_id: r.chair_id,
            chair_order: r.chair_order.as_deref().and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default(),
            locked_at: r.locked_at,
            published_at: r.published_at,
            version: r.version,
        },
    })
}

/// Bump the settings version if it is still `version`; false when stale.
pub async fn bump_version(tx: &mut SqliteConnection, edition_id: i64, version: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("update jury_settings set version = version + 1 where edition_id = ? and version = ?")
        .bind(edition_id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_status(tx: &mut SqliteConnection, edition_id: i64, status: JuryStatus) -> sqlx::Result<()> {
    sqlx::query("update jury_settings set status = ? where edition_id = ?")
        .bind(status.key())
        .bind(edition_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub async fn set_tie_break(
    tx: &mut SqliteConnection,
    edition_id: i64,
    rules: &[TieBreakRule],
    chair_id: Option<i64>,
) -> sqlx::Result<()> {
    let json = serde_json::to_string(rules).unwrap_or_else(|_| "[]".into());
    sqlx::query("update jury_settings set tie_break = ?, chair_id = ? where edition_id = ?")
        .bind(json)
        .bind(chair_id)
        .bind(edition_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Appoint the chair (or none).
pub async fn set_chair(tx: &mut SqliteConnection, edition_id: i64, chair_id: Option<i64>) -> sqlx::Result<()> {
    sqlx::query("update jury_settings set chair_id = ? where edition_id = ?")
        .bind(chair_id)
        .bind(edition_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub async fn set_chair_order(tx: &mut SqliteConnection, edition_id: i64, order: &[i64]) -> sqlx::Result<()> {
    let json = if order.is_empty() { None } else { serde_json::to_string(order).ok() };
    sqlx::query("update jury_settings set chair_order = ? where edition_id = ?")
        .bind(json)
        .bind(edition_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Freeze (`Some(json)`) or unfreeze (`None`) the results.
pub async fn set_locked(tx: &mut SqliteConnection, edition_id: i64, results: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("update jury_settings set locked_at = ?, locked_results = ? where edition_id = ?")
        .bind(results.map(|_| now()))
        .bind(results)
        .bind(edition_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub async fn set_published(tx: &mut SqliteConnection, edition_id: i64) -> sqlx::Result<()> {
    sqlx::query("update jury_settings set published_at = ? where edition_id = ?")
        .bind(now())
        .bind(edition_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The results frozen at locking, as JSON.
pub async fn locked_results<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Option<String>> {
    let row: Option<Option<String>> = sqlx::query_scalar("select locked_results from jury_settings where edition_id = ?")
        .bind(edition_id)
        .fetch_optional(db)
        .await?;
    Ok(row.flatten())
}

// Categories --------------------------------------------------------------

/// The categories of an edition with their finalists.
pub async fn categories(db: &mut SqliteConnection, edition_id: i64) -> sqlx::Result<Vec<CategoryInfo>> {
    let rows: Vec<(i64, String, i64)> =
        sqlx::query_as("select id, name, position from award_categories where edition_id = ? order by position, id")
            .bind(edition_id)
            .fetch_all(&mut *db)
            .await?;
    let finalists = finalists(&mut *db, edition_id).await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, position)| CategoryInfo {
            id,
            name,
            position: u32::try_from(position).unwrap_or(0),
            finalists: finalists.iter().filter(|f| f.category_id == id).cloned().collect(),
        })
        .collect())
}

/// The category's name if it belongs to the edition.
pub async fn category_name<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select name from award_categories where id = ? and edition_id = ?")
        .bind(id)
        .bind(edition_id)
        .fetch_optional(db)
        .await
}

pub async fn category_name_taken<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
    name: &str,
    except: Option<i64>,
) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from award_categories where edition_id = ? and lower(name) = lower(?) and id <> ?",
    )
    .bind(edition_id)
    .bind(name)
    .bind(except.unwrap_or(0))
    .fetch_one(db)
    .await?;
    Ok(n > 0)
}

pub async fn insert_category(tx: &mut SqliteConnection, edition_id: i64, name: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "insert into award_categories (edition_id, name, position) \
         values (?, ?, (select coalesce(max(position) + 1, 0) from award_categories where edition_id = ?)) returning id",
    )
    .bind(edition_id)
    .bind(name)
    .bind(edition_id)
    .fetch_one(&mut *tx)
    .await
}

pub async fn rename_category(tx: &mut SqliteConnection, id: i64, name: &str) -> sqlx::Result<()> {
    sqlx::query("update award_categories set name = ? where id = ?").bind(name).bind(id).execute(&mut *tx).await?;
    Ok(())
}

/// Delete a category with its finalists and their conflicts.
pub async fn delete_category(tx: &mut SqliteConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("delete from conflicts where finalist_id in (select id from finalists where category_id = ?)")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("delete from finalists where category_id = ?").bind(id).execute(&mut *tx).await?;
    sqlx::query("delete from award_categories where id = ?").bind(id).execute(&mut *tx).await?;
    Ok(())
}

// Criteria ------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct CriterionRow {
    id: i64,
    name_nl: String,
    name_en: String,
    description_nl: String,
    description_en: String,
    weight: i64,
    anchors: String,
    position: i64,
}

impl From<CriterionRow> for CriterionDef {
    fn from(r: CriterionRow) -> Self {
        CriterionDef {
            id: r.id,
            name: LocalizedText::new(r.name_nl, r.name_en),
            description: LocalizedText::new(r.description_nl, r.description_en),
            weight: u32::try_from(r.weight).unwrap_or(0),
            anchors: serde_json::from_str(&r.anchors).unwrap_or_default(),
            position: u32::try_from(r.position).unwrap_or(0),
        }
    }
}

pub async fn criteria<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<CriterionDef>> {
    let rows: Vec<CriterionRow> = sqlx::query_as(
        "select id, name_nl, name_en, description_nl, description_en, weight, anchors, position \
         from criteria where edition_id = ? order by position, id",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(CriterionDef::from).collect())
}

async fn insert_criterion(tx: &mut SqliteConnection, edition_id: i64, c: &CriterionInput, position: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "insert into criteria (edition_id, name_nl, name_en, description_nl, description_en, weight, anchors, position) \
         values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
    )
    .bind(edition_id)
    .bind(&c.name.nl)
    .bind(&c.name.en)
    .bind(&c.description.nl)
    .bind(&c.description.en)
    .bind(i64::from(c.weight))
    .bind(serde_json::to_string(&c.anchors).unwrap_or_else(|_| "[]".into()))
    .bind(position)
    .fetch_one(&mut *tx)
    .await
}

/// Replace the edition's criteria by `criteria` (validated and normalized):
/// rows with an id are updated, new ones inserted, missing ones deleted.
/// Returns the ids of criteria an `id` named that do not belong to the
/// edition (nothing is written then).
pub async fn replace_criteria(
    tx: &mut SqliteConnection,
    edition_id: i64,
    criteria: &[CriterionInput],
) -> sqlx::Result<Result<(), i64>> {
    let existing: Vec<i64> = sqlx::query_scalar("select id from criteria where edition_id = ?")
        .bind(edition_id)
        .fetch_all(&mut *tx)
        .await?;
    if let Some(bad) = criteria.iter().filter_map(|c| c.id).find(|id| !existing.contains(id)) {
        return Ok(Err(bad));
    }
    for id in existing.iter().filter(|id| !criteria.iter().any(|c| c.id == Some(**id))) {
        sqlx::query("delete from criteria where id = ?").bind(id).execute(&mut *tx).await?;
    }
    for (position, c) in criteria.iter().enumerate() {
        match c.id {
            Some(id) => {
                sqlx::query(
                    "update criteria set name_nl = ?, name_en = ?, description_nl = ?, description_en = ?, \
                     weight = ?, anchors = ?, position = ? where id = ?",
                )
                .bind(&c.name.nl)
                .bind(&c.name.en)
                .bind(&c.description.nl)
                .bind(&c.description.en)
                .bind(i64::from(c.weight))
                .bind(serde_json::to_string(&c.anchors).unwrap_or_else(|_| "[]".into()))
                .bind(position as i64)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            }
            None => {
                insert_criterion(&mut *tx, edition_id, c, position as i64).await?;
            }
        }
    }
    Ok(Ok(()))
}

// Finalists -------------------------------------------------------------------

#[derive(sqlx::FromRow)]
struct FinalistRow {
    id: i64,
    category_id: i64,
    school_id: i64,
    school_name: String,
    town: String,
    sponsor_name: Option<String>,
    plan_version_id: Option<i64>,
    plan_version_number: Option<i64>,
    latest_number: Option<i64>,
    sheets_submitted: i64,
}

const FINALIST_SELECT: &str = "select f.id, f.category_id, f.school_id, s.name as school_name, s.town, \
     c.name as sponsor_name, f.plan_version_id, pv.number as plan_version_number, \
     (select max(pv2.number) from plan_versions pv2 join plans p2 on p2.id = pv2.plan_id \
        where p2.school_id = f.school_id and p2.edition_id = ac.edition_id) as latest_number, \
     (select count(*) from score_sheets ss join jurors jj on jj.person_id = ss.person_id and jj.edition_id = ac.edition_id \
        where ss.finalist_id = f.id and ss.submitted_at is not null and not exists (select 1 from conflicts k \
          where k.person_id = ss.person_id and k.finalist_id = f.id and k.dismissed_at is null)) as sheets_submitted \
     from finalists f join award_categories ac on ac.id = f.category_id join schools s on s.id = f.school_id \
     left join companies c on c.id = s.company_id left join plan_versions pv on pv.id = f.plan_version_id";

impl From<FinalistRow> for FinalistInfo {
    fn from(r: FinalistRow) -> Self {
        let frozen = r.plan_version_number.and_then(|n| u32::try_from(n).ok());
        let latest = r.latest_number.and_then(|n| u32::try_from(n).ok());
        FinalistInfo {
            id: r.id,
            category_id: r.category_id,
            school_id: r.school_id,
            school_name: r.school_name,
            town: r.town,
            sponsor_name: r.sponsor_name,
            plan_version_id: r.plan_version_id,
            plan_version_number: frozen,
            newer_plan_version_number: latest.filter(|l| frozen.is_none_or(|f| l > &f)),
            sheets_submitted: u32::try_from(r.sheets_submitted).unwrap_or(0),
        }
    }
}

pub async fn finalists<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<FinalistInfo>> {
    let rows: Vec<FinalistRow> =
        sqlx::query_as(&format!("{FINALIST_SELECT} where ac.edition_id = ? order by ac.position, ac.id, s.name, f.id"))
            .bind(edition_id)
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().map(FinalistInfo::from).collect())
}

/// A finalist of the edition.
pub async fn finalist<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, id: i64) -> sqlx::Result<Option<FinalistInfo>> {
    let row: Option<FinalistRow> = sqlx::query_as(&format!("{FINALIST_SELECT} where ac.edition_id = ? and f.id = ?"))
        .bind(edition_id)
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.map(FinalistInfo::from))
}

/// The latest submitted plan version of a school in an edition: id and number.
pub async fn latest_plan_version<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
    school_id: i64,
) -> sqlx::Result<Option<(i64, i64)>> {
    sqlx::query_as(
        "select pv.id, pv.number from plan_versions pv join plans p on p.id = pv.plan_id \
         where p.edition_id = ? and p.school_id = ? order by pv.number desc limit 1",
    )
    .bind(edition_id)
    .bind(school_id)
    .fetch_optional(db)
    .await
}

/// A school of the edition (not archived): its name.
pub async fn school_name<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, school_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select name from schools where id = ? and edition_id = ? and archived_at is null")
        .bind(school_id)
        .bind(edition_id)
        .fetch_optional(db)
        .await
}

/// The category a school is already a finalist in.
pub async fn finalist_category_of_school<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
    school_id: i64,
) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "select ac.name from finalists f join award_categories ac on ac.id = f.category_id \
         where ac.edition_id = ? and f.school_id = ?",
    )
    .bind(edition_id)
    .bind(school_id)
    .fetch_optional(db)
    .await
}

pub async fn insert_finalist(tx: &mut SqliteConnection, category_id: i64, school_id: i64, plan_version_id: i64) -> sqlx::Result<i64> {
    sqlx::query_scalar("insert into finalists (category_id, school_id, plan_version_id) values (?, ?, ?) returning id")
        .bind(category_id)
        .bind(school_id)
        .bind(plan_version_id)
        .fetch_one(&mut *tx)
        .await
}

pub async fn set_finalist_plan_version(tx: &mut SqliteConnection, id: i64, plan_version_id: i64) -> sqlx::Result<()> {
    sqlx::query("update finalists set plan_version_id = ? where id = ?")
        .bind(plan_version_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Delete a finalist with its conflicts (set-up only: it has no sheets).
pub async fn delete_finalist(tx: &mut SqliteConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("delete from conflicts where finalist_id = ?").bind(id).execute(&mut *tx).await?;
    sqlx::query("delete from finalists where id = ?").bind(id).execute(&mut *tx).await?;
    Ok(())
}

/// Schools of the edition with a submitted plan, with their latest version.
pub async fn candidates<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<CandidateSchool>> {
    type Row = (i64, String, String, i64, i64, i64, Option<i64>);
    let rows: Vec<Row> = sqlx::query_as(
        "select s.id, s.name, s.town, pv.id, pv.number, pv.submitted_at, \
           (select f.category_id from finalists f join award_categories ac on ac.id = f.category_id \
              where f.school_id = s.id and ac.edition_id = s.edition_id) \
         from schools s join plans p on p.school_id = s.id and p.edition_id = s.edition_id \
         join plan_versions pv on pv.plan_id = p.id \
         where s.edition_id = ? and s.archived_at is null \
           and pv.number = (select max(number) from plan_versions where plan_id = p.id) \
         order by s.name, s.id",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(school_id, name, town, plan_version_id, number, submitted_at, category_id)| CandidateSchool {
            school_id,
            name,
            town,
            plan_version_id,
            plan_version_number: u32::try_from(number).unwrap_or(0),
            submitted_at,
            category_id,
        })
        .collect())
}

// Jurors ----------------------------------------------------------------------

pub async fn jurors(db: &mut SqliteConnection, edition_id: i64) -> sqlx::Result<Vec<JurorInfo>> {
    type Row = (i64, String, String, Option<i64>, Option<String>, i64, i64, i64);
    let rows: Vec<Row> = sqlx::query_as(
        "select j.person_id, p.name, p.email, j.company_id, c.name, \
           (select count(*) from finalists f join award_categories ac on ac.id = f.category_id \
              where ac.edition_id = j.edition_id and not exists (select 1 from conflicts k \
                where k.person_id = j.person_id and k.finalist_id = f.id and k.dismissed_at is null)), \
           (select count(*) from score_sheets ss join finalists f on f.id = ss.finalist_id \
              join award_categories ac on ac.id = f.category_id \
              where ss.person_id = j.person_id and ac.edition_id = j.edition_id and ss.submitted_at is not null \
                and not exists (select 1 from conflicts k where k.person_id = j.person_id and k.finalist_id = f.id \
                  and k.dismissed_at is null)), \
           (select count(*) from score_sheets ss join finalists f on f.id = ss.finalist_id \
              join award_categories ac on ac.id = f.category_id \
              where ss.person_id = j.person_id and ac.edition_id = j.edition_id and ss.submitted_at is null \
                and not exists (select 1 from conflicts k where k.person_id = j.person_id and k.finalist_id = f.id \
                  and k.dismissed_at is null)) \
         from jurors j join people p on p.id = j.person_id left join companies c on c.id = j.company_id \
         where j.edition_id = ? order by p.name, p.id",
    )
    .bind(edition_id)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(person_id, name, email, company_id, company_name, assigned, submitted, drafts)| JurorInfo {
            person_id,
            name,
            email,
            company_id,
            company_name,
            assigned: u32::try_from(assigned).unwrap_or(0),
            submitted: u32::try_from(submitted).unwrap_or(0),
            drafts: u32::try_from(drafts).unwrap_or(0),
        })
        .collect())
}

/// Whether a person is a juror of the edition.
pub async fn is_juror<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, person_id: i64) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("select count(*) from jurors where edition_id = ? and person_id = ?")
        .bind(edition_id)
        .bind(person_id)
        .fetch_one(db)
        .await?;
    Ok(n > 0)
}

/// A person with the juror role (not archived): their name.
pub async fn juror_person<'e, E: SqliteExecutor<'e>>(db: E, person_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select name from people where id = ? and role = 'juror' and archived_at is null")
        .bind(person_id)
        .fetch_optional(db)
        .await
}

/// A company of the edition: its name.
pub async fn company_name<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select name from companies where id = ? and edition_id = ? and archived_at is null")
        .bind(id)
        .bind(edition_id)
        .fetch_optional(db)
        .await
}

pub async fn insert_juror(tx: &mut SqliteConnection, edition_id: i64, person_id: i64, company_id: Option<i64>) -> sqlx::Result<()> {
    sqlx::query("insert into jurors (edition_id, person_id, company_id) values (?, ?, ?)")
        .bind(edition_id)
        .bind(person_id)
        .bind(company_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub async fn set_juror_company(tx: &mut SqliteConnection, edition_id: i64, person_id: i64, company_id: Option<i64>) -> sqlx::Result<()> {
    sqlx::query("update jurors set company_id = ? where edition_id = ? and person_id = ?")
        .bind(company_id)
        .bind(edition_id)
        .bind(person_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Take a juror off the jury with their conflicts in this edition (set-up only).
pub async fn delete_juror(tx: &mut SqliteConnection, edition_id: i64, person_id: i64) -> sqlx::Result<()> {
    sqlx::query(
        "delete from conflicts where person_id = ? and finalist_id in \
         (select f.id from finalists f join award_categories ac on ac.id = f.category_id where ac.edition_id = ?)",
    )
    .bind(person_id)
    .bind(edition_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("delete from jurors where edition_id = ? and person_id = ?")
        .bind(edition_id)
        .bind(person_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Companies of the edition, to say whom a juror works for.
pub async fn companies<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<Choice>> {
    let rows: Vec<(i64, String)> =
        sqlx::query_as("select id, name from companies where edition_id = ? and archived_at is null order by name, id")
            .bind(edition_id)
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().map(|(id, name)| Choice { id, name }).collect())
}

/// People with the juror role who are not on this edition's jury.
pub async fn available_jurors<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<Choice>> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "select p.id, p.name from people p where p.role = 'juror' and p.archived_at is null \
         and not exists (select 1 from jurors j where j.person_id = p.id and j.edition_id = ?) order by p.name, p.id",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|(id, name)| Choice { id, name }).collect())
}

// Conflicts ---------------------------------------------------------------------

/// Bring the automatic flags in line with who works where and who sponsors
/// whom: flag every juror whose company sponsors a finalist, and clear
/// active automatic flags whose reason is gone (the sponsor or the juror's
/// company changed). Dismissed flags stay as they were decided. Each change
/// is audited. Writes nothing (and so also runs in a read transaction) when
/// the flags are already up to date.
pub async fn sync_automatic_conflicts(tx: &mut SqliteConnection, edition_id: i64) -> sqlx::Result<()> {
    if !conflicts_stale(&mut *tx, edition_id).await? {
        return Ok(());
    }
    let added: Vec<(i64, i64, String)> = sqlx::query_as(
        "insert into conflicts (person_id, finalist_id, kind, reason, created_at) \
         select j.person_id, f.id, 'automatic', c.name, ? \
         from jurors j join award_categories ac on ac.edition_id = j.edition_id \
         join finalists f on f.category_id = ac.id join schools s on s.id = f.school_id \
         join companies c on c.id = j.company_id \
         where j.edition_id = ? and s.company_id = j.company_id \
         on conflict (person_id, finalist_id, kind) do nothing \
         returning person_id, finalist_id, reason",
    )
    .bind(now())
    .bind(edition_id)
    .fetch_all(&mut *tx)
    .await?;
    for (person, finalist, company) in added {
        let (juror, school) = pair_names(&mut *tx, person, finalist).await?;
        audit_event(&mut *tx, None, edition_id, &JuryEvent::ConflictFlagged { juror, school, company }).await?;
    }
    let cleared: Vec<(i64, i64)> = sqlx::query_as(
        "delete from conflicts where kind = 'automatic' and dismissed_at is null \
         and finalist_id in (select f.id from finalists f join award_categories ac on ac.id = f.category_id where ac.edition_id = ?) \
         and not exists (select 1 from jurors j join finalists f on f.id = conflicts.finalist_id \
            join schools s on s.id = f.school_id \
            where j.edition_id = ? and j.person_id = conflicts.person_id and j.company_id is not null \
              and s.company_id = j.company_id) \
         returning person_id, finalist_id",
    )
    .bind(edition_id)
    .bind(edition_id)
    .fetch_all(&mut *tx)
    .await?;
    for (person, finalist) in cleared {
        let (juror, school) = pair_names(&mut *tx, person, finalist).await?;
        audit_event(&mut *tx, None, edition_id, &JuryEvent::ConflictCleared { juror, school }).await?;
    }
    Ok(())
}

/// Whether [`sync_automatic_conflicts`] has anything to do: a juror works
/// for a finalist's sponsor without an automatic flag, or an active
/// automatic flag lost its reason.
pub async fn conflicts_stale(conn: &mut SqliteConnection, edition_id: i64) -> sqlx::Result<bool> {
    sqlx::query_scalar(
        "select exists (select 1 from jurors j join award_categories ac on ac.edition_id = j.edition_id \
            join finalists f on f.category_id = ac.id join schools s on s.id = f.school_id \
            where j.edition_id = ?1 and j.company_id is not null and s.company_id = j.company_id \
              and not exists (select 1 from conflicts k where k.person_id = j.person_id and k.finalist_id = f.id and k.kind = 'automatic')) \
         or exists (select 1 from conflicts k join finalists f on f.id = k.finalist_id \
            join award_categories ac on ac.id = f.category_id join schools s on s.id = f.school_id \
            where ac.edition_id = ?1 and k.kind = 'automatic' and k.dismissed_at is null \
              and not exists (select 1 from jurors j where j.edition_id = ?1 and j.person_id = k.person_id \
                 and j.company_id is not null and s.company_id = j.company_id))",
    )
    .bind(edition_id)
    .fetch_one(&mut *conn)
    .await
}

/// The names of a juror and a finalist's school, for the audit log.
pub async fn pair_names(tx: &mut SqliteConnection, person_id: i64, finalist_id: i64) -> sqlx::Result<(String, String)> {
    let juror: Option<String> = sqlx::query_scalar("select name from people where id = ?")
        .bind(person_id)
        .fetch_optional(&mut *tx)
        .await?;
    let school: Option<String> =
        sqlx::query_scalar("select s.name from finalists f join schools s on s.id = f.school_id where f.id = ?")
            .bind(finalist_id)
            .fetch_optional(&mut *tx)
            .await?;
    Ok((
        juror.unwrap_or_else(|| format!("person {person_id}")),
        school.unwrap_or_else(|| format!("finalist {finalist_id}")),
    ))
}

#[derive(sqlx::FromRow)]
struct ConflictRow {
    id: i64,
    person_id: i64,
    juror_name: String,
    finalist_id: i64,
    school_name: String,
    kind: String,
    reason: String,
    created_at: i64,
    dismissed_at: Option<i64>,
    dismissed_by: Option<String>,
    dismiss_reason: String,
}

const CONFLICT_SELECT: &str = "select k.id, k.person_id, p.name as juror_name, k.finalist_id, s.name as school_name, \
     k.kind, k.reason, k.created_at, k.dismissed_at, d.name as dismissed_by, k.dismiss_reason \
     from conflicts k join people p on p.id = k.person_id join finalists f on f.id = k.finalist_id \
     join award_categories ac on ac.id = f.category_id join schools s on s.id = f.school_id \
     left join people d on d.id = k.dismissed_by";

impl From<ConflictRow> for ConflictInfo {
    fn from(r: ConflictRow) -> Self {
        ConflictInfo {
            id: r.id,
            person_id: r.person_id,
            juror_name: r.juror_name,
            finalist_id: r.finalist_id,
            school_name: r.school_name,
            kind: ConflictKind::from_key(&r.kind).unwrap_or(ConflictKind::Declared),
            reason: r.reason,
            created_at: r.created_at,
            dismissed_at: r.dismissed_at,
            dismissed_by: r.dismissed_by,
            dismiss_reason: r.dismiss_reason,
        }
    }
}

/// Every conflict of the edition, active first.
pub async fn conflicts<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<ConflictInfo>> {
    let rows: Vec<ConflictRow> = sqlx::query_as(&format!(
        "{CONFLICT_SELECT} where ac.edition_id = ? order by k.dismissed_at is not null, p.name, s.name, k.id"
    ))
    .bind(edition_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(ConflictInfo::from).collect())
}

/// One conflict of the edition.
pub async fn conflict<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, id: i64) -> sqlx::Result<Option<ConflictInfo>> {
    let row: Option<ConflictRow> = sqlx::query_as(&format!("{CONFLICT_SELECT} where ac.edition_id = ? and k.id = ?"))
        .bind(edition_id)
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.map(ConflictInfo::from))
}

/// The conflicts of one juror in the edition.
pub async fn conflicts_of<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, person_id: i64) -> sqlx::Result<Vec<ConflictInfo>> {
    let rows: Vec<ConflictRow> = sqlx::query_as(&format!(
        "{CONFLICT_SELECT} where ac.edition_id = ? and k.person_id = ? order by s.name, k.id"
    ))
    .bind(edition_id)
    .bind(person_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(ConflictInfo::from).collect())
}

/// Whether the juror has an active (not dismissed) conflict with the finalist.
pub async fn has_active_conflict<'e, E: SqliteExecutor<'e>>(db: E, person_id: i64, finalist_id: i64) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from conflicts where person_id = ? and finalist_id = ? and dismissed_at is null",
    )
    .bind(person_id)
    .bind(finalist_id)
    .fetch_one(db)
    .await?;
    Ok(n > 0)
}

/// Declare a conflict (again): a withdrawn declaration becomes active.
pub async fn declare_conflict(tx: &mut SqliteConnection, person_id: i64, finalist_id: i64, reason: &str) -> sqlx::Result<()> {
    sqlx::query(
        "insert into conflicts (person_id, finalist_id, kind, reason, created_at) values (?, ?, 'declared', ?, ?) \
         on conflict (person_id, finalist_id, kind) do update set reason = excluded.reason, \
         created_at = excluded.created_at, dismissed_at = null, dismissed_by = null, dismiss_reason = ''",
    )
    .bind(person_id)
    .bind(finalist_id)
    .bind(reason)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Dismiss a conflict with a reason (`Some`) or make it active again (`None`).
pub async fn set_dismissed(tx: &mut SqliteConnection, id: i64, by: i64, reason: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("update conflicts set dismissed_at = ?, dismissed_by = ?, dismiss_reason = ? where id = ?")
        .bind(reason.map(|_| now()))
        .bind(reason.map(|_| by))
        .bind(reason.unwrap_or(""))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

// Audit ---------------------------------------------------------------------------

/// The jury's entries of an edition in the audit log, newest first, each
/// with its event when it was recorded as one. `with_unscoped` adds the
/// entries written before entries named their edition (for the
/// coordinator, who sees every edition anyway).
pub async fn audit_entries<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
    with_unscoped: bool,
    limit: i64,
) -> sqlx::Result<Vec<AuditEntry>> {
    type Row = (i64, Option<String>, String, String, Option<String>);
    let rows: Vec<Row> = sqlx::query_as(
        "select a.at, p.name, a.action, a.detail, a.data from audit_log a left join people p on p.id = a.person_id \
         where a.action like 'jury.%' and (a.edition_id = ? or (? and a.edition_id is null)) \
         order by a.id desc limit ?",
    )
    .bind(edition_id)
    .bind(with_unscoped)
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(at, person_name, action, detail, data)| {
            let event = data.and_then(|d| serde_json::from_str::<JuryEvent>(&d).ok());
            let text = event.as_ref().map(rubric::jury::wording::event_texts);
            AuditEntry { at, person_name, action, detail, event, text }
        })
        .collect())
}

// Acknowledgements ----------------------------------------------------------------

/// The chair's acknowledgements of the edition: category id → acknowledgement.
pub async fn acknowledgements(db: &mut SqliteConnection, edition_id: i64) -> sqlx::Result<Vec<(i64, Acknowledgement)>> {
    let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
        "select a.category_id, p.name, a.findings, a.reason, a.at from jury_acknowledgements a \
         join award_categories ac on ac.id = a.category_id join people p on p.id = a.person_id \
         where ac.edition_id = ?",
    )
    .bind(edition_id)
    .fetch_all(&mut *db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(category, chair_name, findings, reason, at)| {
            let findings: Vec<Finding> = serde_json::from_str(&findings).ok()?;
            Some((category, Acknowledgement { chair_name, at, reason, findings }))
        })
        .collect())
}

/// Record (or replace) the chair's acknowledgement of a category's winner.
pub async fn set_acknowledgement(
    tx: &mut SqliteConnection,
    category_id: i64,
    person_id: i64,
    findings: &[Finding],
    reason: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "insert into jury_acknowledgements (category_id, person_id, findings, reason, at) values (?, ?, ?, ?, ?) \
         on conflict (category_id) do update set person_id = excluded.person_id, findings = excluded.findings, \
         reason = excluded.reason, at = excluded.at",
    )
    .bind(category_id)
    .bind(person_id)
    .bind(serde_json::to_string(findings).unwrap_or_else(|_| "[]".into()))
    .bind(reason)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Whether a person belongs to the edition: a school member of one of its
/// schools or a company member of one of its companies.
pub async fn belongs_to_edition<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
    school_id: Option<i64>,
    company_id: Option<i64>,
) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select (select count(*) from schools where id = ? and edition_id = ?) \
              + (select count(*) from companies where id = ? and edition_id = ?)",
    )
    .bind(school_id)
    .bind(edition_id)
    .bind(company_id)
    .bind(edition_id)
    .fetch_one(db)
    .await?;
    Ok(n > 0)
}

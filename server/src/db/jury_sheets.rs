//! The SQL of score sheets: a juror's sheet per finalist (scores per
//! criterion with remarks, an overall remark, draft, submitted or
//! reopened), saving with optimistic concurrency, and the submitted sheets
//! that count towards the results (current jurors without an active
//! conflict; a reopened sheet counts as submitted before, until it is
//! submitted again), with the reopenings and score changes of the edition.

use super::now;
use super::reopenings::{self, Sheets};
use rubric::jury::setup::CriterionDef;
use rubric::jury::views::{FinalistInfo, SheetState, Sheet};
use rubric::jury::Score;
use rubric::submission::{Change, ReopenState, ScoreChange, SheetReopen, SheetStatus};
use sqlx::{SqliteConnection, SqliteExecutor};
use std::collections::BTreeMap;

#[derive(sqlx::FromRow)]
struct SheetRow {
    id: i64,
    person_id: i64,
    finalist_id: i64,
    remark: String,
    submitted_at: Option<i64>,
    version: i64,
}

/// A sheet with its owner and finalist.
#[derive(Debug, Clone)]
pub struct StoredSheet {
    pub id: i64,
    pub person_id: i64,
    pub finalist_id: i64,
    pub sheet: Sheet,
}

async fn load(db: &mut SqliteConnection, rows: Vec<SheetRow>) -> sqlx::Result<Vec<StoredSheet>> {
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let scores: Vec<(i64, i64, String)> =
            sqlx::query_as("select criterion_id, score, remark from scores where sheet_id = ? order by criterion_id")
                .bind(r.id)
                .fetch_all(&mut *db)
                .await?;
        let mut sheet = Sheet {
            scores: BTreeMap::new(),
            remarks: BTreeMap::new(),
            remark: r.remark,
            submitted_at: r.submitted_at,
            version: r.version,
            status: SheetStatus::of(r.submitted_at.is_some(), None),
            reopen: None,
        };
        for (criterion, score, remark) in scores {
            if let Some(s) = u8::try_from(score).ok().and_then(|n| Score::new(n).ok()) {
                sheet.scores.insert(criterion, s);
            }
            if !remark.is_empty() {
                sheet.remarks.insert(criterion, remark);
            }
        }
        out.push(StoredSheet { id: r.id, person_id: r.person_id, finalist_id: r.finalist_id, sheet });
    }
    Ok(out)
}

const SHEET_SELECT: &str = "select ss.id, ss.person_id, ss.finalist_id, ss.remark, ss.submitted_at, ss.version from score_sheets ss";

/// The sheets as the others see them: a reopened sheet as it was
/// submitted before (its snapshot), until it is submitted again.
async fn as_submitted(db: &mut SqliteConnection, mut sheets: Vec<StoredSheet>) -> sqlx::Result<Vec<StoredSheet>> {
    // Reopened sheets are few: one query for all of them.
    let reopened: Vec<(i64, Option<String>)> =
        sqlx::query_as("select sheet_id, snapshot from sheet_reopenings where state = 'reopened'").fetch_all(&mut *db).await?;
    for s in &mut sheets {
        let snapshot = reopened.iter().find(|(id, _)| *id == s.id).and_then(|(_, j)| j.as_deref());
        if let Some(before) = snapshot.and_then(|j| serde_json::from_str::<Sheet>(j).ok()) {
            s.sheet.scores = before.scores;
            s.sheet.remarks = before.remarks;
            s.sheet.remark = before.remark;
        }
    }
    Ok(sheets)
}

/// The id of a juror's sheet for a finalist, if one was saved.
pub async fn sheet_id(db: &mut SqliteConnection, person_id: i64, finalist_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("select id from score_sheets where person_id = ? and finalist_id = ?")
        .bind(person_id)
        .bind(finalist_id)
        .fetch_optional(&mut *db)
        .await
}

/// A juror's own sheet for a finalist as they edit it, with its status and
/// latest reopening; an empty draft with version 0 when none was saved.
pub async fn sheet(db: &mut SqliteConnection, person_id: i64, finalist_id: i64) -> sqlx::Result<Sheet> {
    let rows: Vec<SheetRow> = sqlx::query_as(&format!("{SHEET_SELECT} where ss.person_id = ? and ss.finalist_id = ?"))
        .bind(person_id)
        .bind(finalist_id)
        .fetch_all(&mut *db)
        .await?;
    let Some(stored) = load(db, rows).await?.pop() else { return Ok(Sheet::default()) };
    let mut sheet = stored.sheet;
    let open = reopenings::open(db, Sheets::ScoreSheets, stored.id).await?;
    sheet.status = SheetStatus::of(sheet.submitted_at.is_some(), open.map(|o| o.info.state));
    sheet.reopen = reopenings::latest(db, Sheets::ScoreSheets, stored.id).await?.map(|r| r.info);
    Ok(sheet)
}

/// The sheet to write, already validated.
pub struct SheetWrite<'a> {
    pub scores: &'a BTreeMap<i64, Score>,
    pub remarks: &'a BTreeMap<i64, String>,
    pub remark: &'a str,
    /// Mark it submitted now (a sheet submitted before stays submitted).
    pub submit: bool,
}

/// Save a juror's sheet if it is still at `version` (0: not saved yet).
/// `Err(current)` when another save came first.
pub async fn save(
    tx: &mut SqliteConnection,
    person_id: i64,
    finalist_id: i64,
    version: i64,
    write: &SheetWrite<'_>,
) -> sqlx::Result<Result<Sheet, Sheet>> {
    let at = now();
    let id: Option<i64> = if version == 0 {
        sqlx::query_scalar(
            "insert into score_sheets (person_id, finalist_id, remark, submitted_at, version, updated_at) \
             values (?, ?, ?, ?, 1, ?) on conflict (person_id, finalist_id) do nothing returning id",
        )
        .bind(person_id)
        .bind(finalist_id)
        .bind(write.remark)
        .bind(write.submit.then_some(at))
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?
    } else {
        sqlx::query_scalar(
            "update score_sheets set remark = ?, submitted_at = coalesce(?, submitted_at), version = version + 1, \
             updated_at = ? where person_id = ? and finalist_id = ? and version = ? returning id",
        )
        .bind(write.remark)
        .bind(write.submit.then_some(at))
        .bind(at)
        .bind(person_id)
        .bind(finalist_id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?
    };
    let Some(id) = id else {
        return Ok(Err(sheet(tx, person_id, finalist_id).await?));
    };
    sqlx::query("delete from scores where sheet_id = ?").bind(id).execute(&mut *tx).await?;
    for (criterion, score) in write.scores {
        sqlx::query("insert into scores (sheet_id, criterion_id, score, remark) values (?, ?, ?, ?)")
            .bind(id)
            .bind(criterion)
            .bind(i64::from(score.get()))
            .bind(write.remarks.get(criterion).map(String::as_str).unwrap_or(""))
            .execute(&mut *tx)
            .await?;
    }
    Ok(Ok(sheet(tx, person_id, finalist_id).await?))
}

/// The state of each of a juror's sheets in an edition: finalist id → state.
pub async fn states<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
    person_id: i64,
) -> sqlx::Result<BTreeMap<i64, SheetState>> {
    let rows: Vec<(i64, Option<i64>, Option<String>)> = sqlx::query_as(
        "select ss.finalist_id, ss.submitted_at, (select o.state from sheet_reopenings o where o.sheet_id = ss.id \
           and o.state in ('requested', 'reopened')) from score_sheets ss join finalists f on f.id = ss.finalist_id \
         join award_categories ac on ac.id = f.category_id where ac.edition_id = ? and ss.person_id = ?",
    )
    .bind(edition_id)
    .bind(person_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(f, submitted, open)| {
            let open = open.as_deref().and_then(ReopenState::from_key);
            (f, SheetState::of(SheetStatus::of(submitted.is_some(), open)))
        })
        .collect())
}

/// Whether any sheet (draft or submitted) exists in the edition.
pub async fn any_sheet<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "select count(*) from score_sheets ss join finalists f on f.id = ss.finalist_id \
         join award_categories ac on ac.id = f.category_id where ac.edition_id = ?",
    )
    .bind(edition_id)
    .fetch_one(db)
    .await?;
    Ok(n > 0)
}

/// The sheets that count for the results of the given finalists: submitted,
/// by a current juror of the edition, without an active conflict.
pub async fn counted(db: &mut SqliteConnection, edition_id: i64, finalist_ids: &[i64]) -> sqlx::Result<Vec<StoredSheet>> {
    let mut out = Vec::new();
    for &finalist in finalist_ids {
        let rows: Vec<SheetRow> = sqlx::query_as(&format!(
            "{SHEET_SELECT} join jurors j on j.person_id = ss.person_id and j.edition_id = ? \
             where ss.finalist_id = ? and ss.submitted_at is not null \
             and not exists (select 1 from conflicts k where k.person_id = ss.person_id \
               and k.finalist_id = ss.finalist_id and k.dismissed_at is null) \
             order by ss.person_id"
        ))
        .bind(edition_id)
        .bind(finalist)
        .fetch_all(&mut *db)
        .await?;
        let sheets = load(db, rows).await?;
        out.extend(as_submitted(db, sheets).await?);
    }
    Ok(out)
}

/// Every submitted sheet of the edition, with whether it counts (current
/// juror, no active conflict), for the scores export.
pub async fn all_submitted(db: &mut SqliteConnection, edition_id: i64) -> sqlx::Result<Vec<(StoredSheet, bool)>> {
    let rows: Vec<SheetRow> = sqlx::query_as(&format!(
        "{SHEET_SELECT} join finalists f on f.id = ss.finalist_id join award_categories ac on ac.id = f.category_id \
         where ac.edition_id = ? and ss.submitted_at is not null order by ac.position, ac.id, f.id, ss.person_id"
    ))
    .bind(edition_id)
    .fetch_all(&mut *db)
    .await?;
    let sheets = load(db, rows).await?;
    let sheets = as_submitted(db, sheets).await?;
    let mut out = Vec::with_capacity(sheets.len());
    for s in sheets {
        let juror = super::jury::is_juror(&mut *db, edition_id, s.person_id).await?;
        let conflicted = super::jury::has_active_conflict(&mut *db, s.person_id, s.finalist_id).await?;
        out.push((s, juror && !conflicted));
    }
    Ok(out)
}

/// The edition's sheets with a reopening in one of `states`, for whoever
/// decides (finalists by name).
pub async fn reopens(
    db: &mut SqliteConnection,
    edition_id: i64,
    finalists: &[FinalistInfo],
    states: &[ReopenState],
) -> sqlx::Result<Vec<SheetReopen>> {
    let listed = reopenings::list(db, Sheets::ScoreSheets, edition_id, states).await?;
    Ok(listed
        .into_iter()
        .filter_map(|l| {
            let finalist = finalists.iter().find(|f| Some(f.id) == l.finalist_id)?;
            let status = SheetStatus::of(true, Some(l.reopening.info.state));
            Some(SheetReopen {
                finalist_id: finalist.id,
                finalist_name: finalist.school_name.clone(),
                juror_id: l.owner_id,
                juror_name: l.owner_name,
                status,
                reopen: l.reopening.info,
            })
        })
        .collect())
}

/// Every score changed after a reopening in the edition, oldest first.
pub async fn score_changes(
    db: &mut SqliteConnection,
    edition_id: i64,
    finalists: &[FinalistInfo],
    criteria: &[CriterionDef],
) -> sqlx::Result<Vec<ScoreChange>> {
    let mut out = Vec::new();
    for l in reopenings::list(db, Sheets::ScoreSheets, edition_id, &[ReopenState::Resubmitted]).await? {
        let Some(finalist) = finalists.iter().find(|f| Some(f.id) == l.finalist_id) else { continue };
        let list: Vec<Change<i64, Score>> = l.reopening.changes.as_deref().and_then(|c| serde_json::from_str(c).ok()).unwrap_or_default();
        let info = &l.reopening.info;
        out.extend(list.into_iter().map(|c| ScoreChange {
            finalist_id: finalist.id,
            finalist_name: finalist.school_name.clone(),
            juror_id: l.owner_id,
            juror_name: l.owner_name.clone(),
            criterion_id: c.key,
            criterion_name: criteria.iter().find(|d| d.id == c.key).map(|d| d.name.nl.clone()).unwrap_or_default(),
            before: c.before,
            after: c.after,
            changed_at: info.resubmitted_at.unwrap_or_default(),
            reopened_by: info.decided_by.clone(),
            reason: info.reason.clone(),
        }));
    }
    Ok(out)
}

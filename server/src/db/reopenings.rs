//! The SQL of reopening submitted sheets (a respondent's nulmeting sheet or
//! a juror's score sheet): the owner's request, the decision (reopened with
//! a snapshot of the version submitted before, or declined), and the
//! changes recorded when the sheet is submitted again. The rules of who may
//! do what live in `rubric::submission`; these functions run inside the
//! caller's transaction.

use super::now;
use rubric::submission::{ReopenInfo, ReopenState};
use sqlx::SqliteConnection;

/// Which sheets a reopening belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheets {
    /// Nulmeting sheets (`responses`).
    Responses,
    /// Jury score sheets (`score_sheets`).
    ScoreSheets,
}

impl Sheets {
    fn table(self) -> &'static str {
        match self {
            Sheets::Responses => "response_reopenings",
            Sheets::ScoreSheets => "sheet_reopenings",
        }
    }

    fn column(self) -> &'static str {
        match self {
            Sheets::Responses => "response_id",
            Sheets::ScoreSheets => "sheet_id",
        }
    }

    /// The join from a reopening `r` to its sheet `s`, and the filter on
    /// the scope (a measurement, or an edition through the finalist's category).
    fn scope(self) -> (&'static str, &'static str) {
        match self {
            Sheets::Responses => ("join responses s on s.id = r.response_id", "s.measurement_id = ?"),
            Sheets::ScoreSheets => (
                "join score_sheets s on s.id = r.sheet_id join finalists f on f.id = s.finalist_id \
                 join award_categories ac on ac.id = f.category_id",
                "ac.edition_id = ?",
            ),
        }
    }
}

/// One reopening of a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reopening {
    pub id: i64,
    pub sheet_id: i64,
    pub info: ReopenInfo,
    /// JSON of the version submitted before, while reopened.
    pub snapshot: Option<String>,
    /// JSON list of the changes, once submitted again.
    pub changes: Option<String>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    sheet_id: i64,
    state: String,
    reason: String,
    requested_at: i64,
    decided_at: Option<i64>,
    decided_by: Option<String>,
    note: String,
    snapshot: Option<String>,
    changes: Option<String>,
    resubmitted_at: Option<i64>,
}

impl Row {
    fn into_reopening(self) -> Reopening {
        Reopening {
            id: self.id,
            sheet_id: self.sheet_id,
            info: ReopenInfo {
                state: ReopenState::from_key(&self.state).unwrap_or(ReopenState::Declined),
                reason: self.reason,
                requested_at: self.requested_at,
                decided_at: self.decided_at,
                decided_by: self.decided_by,
                note: self.note,
                resubmitted_at: self.resubmitted_at,
            },
            snapshot: self.snapshot,
            changes: self.changes,
        }
    }
}

fn select(of: Sheets) -> String {
    format!(
        "select r.id, r.{} as sheet_id, r.state, r.reason, r.requested_at, r.decided_at, p.name as decided_by, \
         r.note, r.snapshot, r.changes, r.resubmitted_at from {} r left join people p on p.id = r.decided_by",
        of.column(),
        of.table()
    )
}

/// The open (requested or reopened) reopening of a sheet, if any.
pub async fn open(conn: &mut SqliteConnection, of: Sheets, sheet_id: i64) -> sqlx::Result<Option<Reopening>> {
    let row: Option<Row> = sqlx::query_as(&format!(
        "{} where r.{} = ? and r.state in ('requested', 'reopened')",
        select(of),
        of.column()
    ))
    .bind(sheet_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(Row::into_reopening))
}

/// The latest reopening of a sheet, whatever its state.
pub async fn latest(conn: &mut SqliteConnection, of: Sheets, sheet_id: i64) -> sqlx::Result<Option<Reopening>> {
    let row: Option<Row> = sqlx::query_as(&format!("{} where r.{} = ? order by r.id desc limit 1", select(of), of.column()))
        .bind(sheet_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(Row::into_reopening))
}

/// The owner asks to reopen a submitted sheet.
pub async fn request(conn: &mut SqliteConnection, of: Sheets, sheet_id: i64, by: i64, reason: &str) -> sqlx::Result<()> {
    sqlx::query(&format!(
        "insert into {} ({}, state, reason, requested_by, requested_at) values (?, 'requested', ?, ?, ?)",
        of.table(),
        of.column()
    ))
    .bind(sheet_id)
    .bind(reason)
    .bind(by)
    .bind(now())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What is decided on a request.
pub enum Decision<'a> {
    /// Reopen, keeping the version submitted before (JSON).
    Reopen { snapshot: &'a str },
    Decline { note: &'a str },
}

/// Decide on a requested reopening; `false` when it was no longer requested.
pub async fn decide(conn: &mut SqliteConnection, of: Sheets, id: i64, by: i64, decision: Decision<'_>) -> sqlx::Result<bool> {
    let (state, snapshot, note) = match decision {
        Decision::Reopen { snapshot } => (ReopenState::Reopened, Some(snapshot), ""),
        Decision::Decline { note } => (ReopenState::Declined, None, note),
    };
    let done = sqlx::query(&format!(
        "update {} set state = ?, decided_by = ?, decided_at = ?, snapshot = ?, note = ? where id = ? and state = 'requested'",
        of.table()
    ))
    .bind(state.key())
    .bind(by)
    .bind(now())
    .bind(snapshot)
    .bind(note)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The reopened sheet was submitted again with these changes (JSON).
pub async fn resubmitted(conn: &mut SqliteConnection, of: Sheets, id: i64, changes: &str, at: i64) -> sqlx::Result<()> {
    sqlx::query(&format!(
        "update {} set state = 'resubmitted', changes = ?, resubmitted_at = ? where id = ? and state = 'reopened'",
        of.table()
    ))
    .bind(changes)
    .bind(at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A reopening with whose sheet it is: the owner, and for a score sheet the finalist.
#[derive(Debug, Clone)]
pub struct Listed {
    pub owner_id: i64,
    pub owner_name: String,
    pub finalist_id: Option<i64>,
    pub reopening: Reopening,
}

/// The reopenings in one measurement (`Sheets::Responses`) or one edition's
/// jury (`Sheets::ScoreSheets`) in the given states, oldest first.
pub async fn list(conn: &mut SqliteConnection, of: Sheets, scope_id: i64, states: &[ReopenState]) -> sqlx::Result<Vec<Listed>> {
    let keys: Vec<String> = states.iter().map(|s| format!("'{}'", s.key())).collect();
    let finalist = match of {
        Sheets::Responses => "null",
        Sheets::ScoreSheets => "s.finalist_id",
    };
    let (joins, filter) = of.scope();
    let rows: Vec<(i64, String, Option<i64>, i64)> = sqlx::query_as(&format!(
        "select s.person_id, o.name, {finalist}, r.id from {} r {joins} join people o on o.id = s.person_id \
         where {filter} and r.state in ({}) order by r.id",
        of.table(),
        keys.join(", ")
    ))
    .bind(scope_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for (owner_id, owner_name, finalist_id, id) in rows {
        let row: Row = sqlx::query_as(&format!("{} where r.id = ?", select(of))).bind(id).fetch_one(&mut *conn).await?;
        out.push(Listed { owner_id, owner_name, finalist_id, reopening: row.into_reopening() });
    }
    Ok(out)
}

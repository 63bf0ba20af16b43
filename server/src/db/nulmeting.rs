//! The SQL of the nulmeting and eindmeting: measurements of a school in an
//! edition, each respondent's sheet (response) and answers, and the team's
//! consensus per indicator. Writes that a person edits use the row version
//! (optimistic concurrency) and run in one transaction.

use super::now;
use rubric::assessment::api::{
    EditionSummary, MeasurementInfo, MeasurementStatus, StoredAnswer, StoredConsensus, TeamAnswer,
};
use rubric::assessment::{Answer, AnswerRecord, Consensus, MeasurementKind, RespondentAnswers};
use super::reopenings::{self, Reopening, Sheets};
use rubric::people::SchoolFunction;
use rubric::submission::{changes, check_submit, AnswerChange, Change, ReopenState, SheetStatus};
use rubric::programme::school_nulmeting_deadline;
use rubric::{Date, Level};
use super::Writer;
use sqlx::{SqliteConnection, SqliteExecutor};
use std::collections::BTreeMap;

/// The active edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveEdition {
    pub id: i64,
    pub name: String,
    pub nulmeting_deadline: Option<String>,
}

impl ActiveEdition {
    /// Baselines open on first use until the deadline (inclusive); without
    /// a deadline, always.
    pub fn nulmeting_open(&self, today: Option<Date>) -> bool {
        match (today, self.nulmeting_deadline.as_deref().map(str::parse::<Date>)) {
            (Some(today), Some(Ok(deadline))) => today <= deadline,
            _ => true,
        }
    }

    /// For one school: a school added after the deadline has its own
    /// (`rubric::programme::school_nulmeting_deadline`).
    pub fn nulmeting_open_for(&self, today: Option<Date>, school: &SchoolRow) -> bool {
        let edition_deadline = self.nulmeting_deadline.as_deref().and_then(|d| d.parse::<Date>().ok());
        match (today, school_nulmeting_deadline(edition_deadline, school.added())) {
            (Some(today), Some(deadline)) => today <= deadline,
            _ => self.nulmeting_open(today),
        }
    }

    pub fn summary(&self, today: Option<Date>) -> EditionSummary {
        EditionSummary {
            id: self.id,
            name: self.name.clone(),
            nulmeting_deadline: self.nulmeting_deadline.clone(),
            nulmeting_open: self.nulmeting_open(today),
        }
    }
}

/// Today's date (UTC); `None` only if the clock is beyond the calendar.
pub fn today() -> Option<Date> {
    Date::from_unix_seconds(now())
}

pub async fn active_edition<'e, E: SqliteExecutor<'e>>(db: E) -> sqlx::Result<Option<ActiveEdition>> {
    let row: Option<(i64, String, Option<String>)> =
        sqlx::query_as("select id, name, nulmeting_deadline from editions where active = 1")
            .fetch_optional(db)
            .await?;
    Ok(row.map(|(id, name, nulmeting_deadline)| ActiveEdition { id, name, nulmeting_deadline }))
}

/// A school as the nulmeting needs it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SchoolRow {
    pub id: i64,
    pub edition_id: i64,
    pub name: String,
    pub town: String,
    pub company_id: Option<i64>,
    pub company_name: Option<String>,
    pub edition_name: String,
    pub created_at: i64,
}

impl SchoolRow {
    /// The day the school was added to the edition.
    pub fn added(&self) -> Option<Date> {
        Date::from_unix_seconds(self.created_at)
    }
}

pub async fn school<'e, E: SqliteExecutor<'e>>(db: E, school_id: i64) -> sqlx::Result<Option<SchoolRow>> {
    sqlx::query_as(
        "select s.id, s.edition_id, s.name, s.town, s.company_id, c.name as company_name, e.name as edition_name, s.created_at \
         from schools s join editions e on e.id = s.edition_id left join companies c on c.id = s.company_id \
         where s.id = ? and s.archived_at is null",
    )
    .bind(school_id)
    .fetch_optional(db)
    .await
}

#[derive(sqlx::FromRow)]
struct MeasurementRow {
    id: i64,
    kind: String,
    status: String,
    school_id: i64,
    school_name: String,
    edition_id: i64,
    edition_name: String,
    rubric_version: i64,
    opened_at: i64,
    closed_at: Option<i64>,
    deadline: Option<String>,
    school_created_at: i64,
}

impl MeasurementRow {
    fn into_info(self) -> MeasurementInfo {
        MeasurementInfo {
            id: self.id,
            kind: MeasurementKind::from_key(&self.kind).unwrap_or(MeasurementKind::Baseline),
            status: MeasurementStatus::from_key(&self.status).unwrap_or(MeasurementStatus::Closed),
            school_id: self.school_id,
            school_name: self.school_name,
            edition_id: self.edition_id,
            edition_name: self.edition_name,
            rubric_version: u32::try_from(self.rubric_version).unwrap_or(0),
            opened_at: self.opened_at,
            closed_at: self.closed_at,
            // The baseline's deadline is the school's own (a late school has a later one).
            deadline: match MeasurementKind::from_key(&self.kind) {
                Some(MeasurementKind::Baseline) => school_nulmeting_deadline(
                    self.deadline.as_deref().and_then(|d| d.parse::<Date>().ok()),
                    Date::from_unix_seconds(self.school_created_at),
                )
                .map(|d| d.to_string()),
                _ => self.deadline,
            },
        }
    }
}

const MEASUREMENT_SELECT: &str = "select m.id, m.kind, m.status, m.school_id, s.name as school_name, m.edition_id, \
     e.name as edition_name, m.rubric_version, m.opened_at, m.closed_at, e.nulmeting_deadline as deadline, \
     s.created_at as school_created_at \
     from measurements m join schools s on s.id = m.school_id join editions e on e.id = m.edition_id";

/// A measurement by id.
pub async fn measurement<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> sqlx::Result<Option<MeasurementInfo>> {
    let row: Option<MeasurementRow> = sqlx::query_as(&format!("{MEASUREMENT_SELECT} where m.id = ?"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.map(MeasurementRow::into_info))
}

/// The measurement of a kind for a school in an edition.
pub async fn measurement_of<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
    school_id: i64,
    kind: MeasurementKind,
) -> sqlx::Result<Option<MeasurementInfo>> {
    let row: Option<MeasurementRow> = sqlx::query_as(&format!(
        "{MEASUREMENT_SELECT} where m.edition_id = ? and m.school_id = ? and m.kind = ?"
    ))
    .bind(edition_id)
    .bind(school_id)
    .bind(kind.key())
    .fetch_optional(db)
    .await?;
    Ok(row.map(MeasurementRow::into_info))
}

/// The kinds of measurement a school has in an edition, baseline first.
pub async fn kinds_of<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
    school_id: i64,
) -> sqlx::Result<Vec<MeasurementKind>> {
    let keys: Vec<String> = sqlx::query_scalar("select kind from measurements where edition_id = ? and school_id = ?")
        .bind(edition_id)
        .bind(school_id)
        .fetch_all(db)
        .await?;
    Ok(MeasurementKind::ALL.into_iter().filter(|k| keys.iter().any(|s| s == k.key())).collect())
}

/// Create the measurement if it does not exist (open, on the edition's
/// rubric version); returns its id and whether it was created.
pub async fn ensure_measurement(
    conn: &mut SqliteConnection,
    edition_id: i64,
    school_id: i64,
    kind: MeasurementKind,
) -> sqlx::Result<(i64, bool)> {
    let created = sqlx::query(
        "insert into measurements (edition_id, school_id, kind, rubric_version, status, opened_at) \
         values (?, ?, ?, (select rubric_version from editions where id = ?), 'open', ?) \
         on conflict (edition_id, school_id, kind) do nothing",
    )
    .bind(edition_id)
    .bind(school_id)
    .bind(kind.key())
    .bind(edition_id)
    .bind(now())
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    let id = sqlx::query_scalar("select id from measurements where edition_id = ? and school_id = ? and kind = ?")
        .bind(edition_id)
        .bind(school_id)
        .bind(kind.key())
        .fetch_one(&mut *conn)
        .await?;
    Ok((id, created))
}

/// Open or close a measurement; returns whether anything changed.
pub async fn set_status(conn: &mut SqliteConnection, id: i64, status: MeasurementStatus) -> sqlx::Result<bool> {
    let done = match status {
        MeasurementStatus::Open => {
            sqlx::query("update measurements set status = 'open', closed_at = null where id = ? and status <> 'open'")
                .bind(id)
                .execute(&mut *conn)
                .await?
        }
        MeasurementStatus::Closed => {
            sqlx::query("update measurements set status = 'closed', closed_at = ? where id = ? and status <> 'closed'")
                .bind(now())
                .bind(id)
                .execute(&mut *conn)
                .await?
        }
    };
    Ok(done.rows_affected() == 1)
}

/// The respondent's sheet in a measurement: `(response id, submitted_at)`.
pub async fn response_of<'e, E: SqliteExecutor<'e>>(
    db: E,
    measurement_id: i64,
    person_id: i64,
) -> sqlx::Result<Option<(i64, Option<i64>)>> {
    sqlx::query_as("select id, submitted_at from responses where measurement_id = ? and person_id = ?")
        .bind(measurement_id)
        .bind(person_id)
        .fetch_optional(db)
        .await
}

type AnswerTuple = (String, Option<i64>, i64, String, String, i64, i64);

fn stored(row: AnswerTuple) -> StoredAnswer {
    let (indicator_id, level, na, comment, evidence_url, version, updated_at) = row;
    StoredAnswer { indicator_id, answer: answer_of(level, na), comment, evidence_url, version, updated_at }
}

/// The answer stored as `level` and `code` (the selects read
/// `not_applicable + 2 * dont_know`: 1 n.v.t., 2 don't know).
fn answer_of(level: Option<i64>, code: i64) -> Option<Answer> {
    match level {
        Some(n) => Answer::from_number(n).ok(),
        None if code == 1 => Some(Answer::NotApplicable),
        None if code == 2 => Some(Answer::DontKnow),
        None => None,
    }
}

/// An answer as its stored columns: `(level, not_applicable, dont_know)`.
pub(crate) fn columns_of(answer: Option<Answer>) -> (Option<i64>, i64, i64) {
    match answer {
        Some(Answer::Level(l)) => (Some(i64::from(l.get())), 0, 0),
        Some(Answer::NotApplicable) => (None, 1, 0),
        Some(Answer::DontKnow) => (None, 0, 1),
        None => (None, 0, 0),
    }
}

/// The answers of one respondent in a measurement, in no particular order.
pub async fn answers_of<'e, E: SqliteExecutor<'e>>(
    db: E,
    measurement_id: i64,
    person_id: i64,
) -> sqlx::Result<Vec<StoredAnswer>> {
    let rows: Vec<AnswerTuple> = sqlx::query_as(
        "select a.indicator_id, a.level, a.not_applicable + 2 * a.dont_know, a.comment, a.evidence_url, a.version, a.updated_at \
         from answers a join responses r on r.id = a.response_id where r.measurement_id = ? and r.person_id = ?",
    )
    .bind(measurement_id)
    .bind(person_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(stored).collect())
}

async fn answer_in<'e, E: SqliteExecutor<'e>>(
    db: E,
    response_id: i64,
    indicator_id: &str,
) -> sqlx::Result<Option<StoredAnswer>> {
    let row: Option<AnswerTuple> = sqlx::query_as(
        "select indicator_id, level, not_applicable + 2 * dont_know, comment, evidence_url, version, updated_at \
         from answers where response_id = ? and indicator_id = ?",
    )
    .bind(response_id)
    .bind(indicator_id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(stored))
}

/// What became of a write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteOutcome<T> {
    Saved(T),
    /// The row changed since the given version: here is the current one.
    Stale(Option<T>),
    /// The measurement is closed (or gone).
    Closed,
    /// The respondent's sheet is submitted (or already was): frozen.
    Frozen,
}

/// A respondent's sheet in a measurement as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetFacts {
    pub response_id: Option<i64>,
    pub submitted_at: Option<i64>,
    pub status: SheetStatus,
    /// The open (requested or reopened) reopening, if any.
    pub open: Option<Reopening>,
}

/// A respondent's sheet (its id) and its status, in one query: for the
/// autosave path, which needs no more.
pub async fn sheet_status(conn: &mut SqliteConnection, measurement_id: i64, person_id: i64) -> sqlx::Result<(Option<i64>, SheetStatus)> {
    let row: Option<(i64, Option<i64>, Option<String>)> = sqlx::query_as(
        "select r.id, r.submitted_at, (select o.state from response_reopenings o where o.response_id = r.id \
           and o.state in ('requested', 'reopened')) from responses r where r.measurement_id = ? and r.person_id = ?",
    )
    .bind(measurement_id)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        Some((id, submitted_at, open)) => {
            (Some(id), SheetStatus::of(submitted_at.is_some(), open.as_deref().and_then(ReopenState::from_key)))
        }
        None => (None, SheetStatus::Draft),
    })
}

/// Where a respondent's sheet stands, with its open reopening.
pub async fn sheet_facts(conn: &mut SqliteConnection, measurement_id: i64, person_id: i64) -> sqlx::Result<SheetFacts> {
    let Some((response_id, submitted_at)) = response_of(&mut *conn, measurement_id, person_id).await? else {
        return Ok(SheetFacts { response_id: None, submitted_at: None, status: SheetStatus::Draft, open: None });
    };
    let open = reopenings::open(conn, Sheets::Responses, response_id).await?;
    let status = SheetStatus::of(submitted_at.is_some(), open.as_ref().map(|o| o.info.state));
    Ok(SheetFacts { response_id: Some(response_id), submitted_at, status, open })
}

/// The answers of a sheet as the rules compare them: indicator → answer.
fn answer_map<'a>(answers: impl IntoIterator<Item = &'a StoredAnswer>) -> BTreeMap<String, Answer> {
    answers.into_iter().filter_map(|a| Some((a.indicator_id.clone(), a.answer?))).collect()
}

/// The answers kept in a reopening's snapshot.
pub fn snapshot_answers(snapshot: Option<&str>) -> Vec<StoredAnswer> {
    snapshot.and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default()
}

async fn is_open<'e, E: SqliteExecutor<'e>>(db: E, measurement_id: i64) -> sqlx::Result<bool> {
    let status: Option<String> = sqlx::query_scalar("select status from measurements where id = ?")
        .bind(measurement_id)
        .fetch_optional(db)
        .await?;
    Ok(status.as_deref() == Some("open"))
}

/// Save one validated answer of a respondent, based on `version` (0: new).
/// The respondent's sheet is created on the first write. One write
/// transaction (the write lock is held before it reads).
pub async fn write_answer(
    db: &Writer,
    measurement_id: i64,
    person_id: i64,
    record: &AnswerRecord,
    version: i64,
) -> sqlx::Result<WriteOutcome<StoredAnswer>> {
    let at = now();
    let mut tx = db.begin().await?;
    // Few statements while the write lock is held (each is a round trip to
    // SQLite's thread): the sheet is created (or found) only while the
    // measurement is open, and the answer comes back from its own write.
    let response_id: Option<i64> = sqlx::query_scalar(
        "insert into responses (measurement_id, person_id, created_at) \
         select ?1, ?2, ?3 where exists (select 1 from measurements where id = ?1 and status = 'open') \
         on conflict (measurement_id, person_id) do update set measurement_id = excluded.measurement_id returning id",
    )
    .bind(measurement_id)
    .bind(person_id)
    .bind(at)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(response_id) = response_id else { return Ok(WriteOutcome::Closed) };
    // A submitted sheet stays as it was submitted (unless reopened).
    let (_, status) = sheet_status(&mut tx, measurement_id, person_id).await?;
    if !status.is_editable() {
        return Ok(WriteOutcome::Frozen);
    }
    let (level, na, dont_know) = columns_of(record.answer);
    const RETURNING: &str = " returning indicator_id, level, not_applicable + 2 * dont_know, comment, evidence_url, version, updated_at";
    let saved: Option<AnswerTuple> = if version == 0 {
        sqlx::query_as(&format!(
            "insert into answers (response_id, indicator_id, level, not_applicable, dont_know, comment, evidence_url, version, updated_at) \
             values (?, ?, ?, ?, ?, ?, ?, 1, ?) on conflict (response_id, indicator_id) do nothing{RETURNING}"
        ))
        .bind(response_id)
        .bind(&record.indicator_id)
        .bind(level)
        .bind(na)
        .bind(dont_know)
        .bind(&record.comment)
        .bind(&record.evidence_url)
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?
    } else {
        sqlx::query_as(&format!(
            "update answers set level = ?, not_applicable = ?, dont_know = ?, comment = ?, evidence_url = ?, version = version + 1, updated_at = ? \
             where response_id = ? and indicator_id = ? and version = ?{RETURNING}"
        ))
        .bind(level)
        .bind(na)
        .bind(dont_know)
        .bind(&record.comment)
        .bind(&record.evidence_url)
        .bind(at)
        .bind(response_id)
        .bind(&record.indicator_id)
        .bind(version)
        .fetch_optional(&mut *tx)
        .await?
    };
    let Some(saved) = saved else {
        // Nothing written: roll back the (possibly new) empty sheet too.
        let current = answer_in(&mut *tx, response_id, &record.indicator_id).await?;
        tx.rollback().await?;
        return Ok(WriteOutcome::Stale(current));
    };
    tx.commit().await?;
    Ok(WriteOutcome::Saved(stored(saved)))
}

/// A sheet submitted: when, and for a reopened sheet submitted again what
/// changed since the version submitted before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    pub at: i64,
    pub changes: Vec<Change<String, Answer>>,
}

/// Submit the respondent's sheet (or submit a reopened one again, recording
/// what changed), with its audit row, in one transaction that takes the
/// write lock first. A submitted sheet is [`WriteOutcome::Frozen`].
pub async fn submit(db: &Writer, measurement_id: i64, person_id: i64) -> sqlx::Result<WriteOutcome<Submitted>> {
    let at = now();
    let mut tx = db.begin().await?;
    if !is_open(&mut *tx, measurement_id).await? {
        return Ok(WriteOutcome::Closed);
    }
    let facts = sheet_facts(&mut tx, measurement_id, person_id).await?;
    let Some(response_id) = facts.response_id else { return Ok(WriteOutcome::Stale(None)) };
    if check_submit(facts.status).is_err() {
        return Ok(WriteOutcome::Frozen);
    }
    sqlx::query("update responses set submitted_at = ? where id = ?").bind(at).bind(response_id).execute(&mut *tx).await?;
    let mut list = Vec::new();
    let detail = match facts.open.filter(|o| o.info.state == ReopenState::Reopened) {
        Some(reopening) => {
            let before = answer_map(&snapshot_answers(reopening.snapshot.as_deref()));
            let after = answer_map(&answers_of(&mut *tx, measurement_id, person_id).await?);
            list = changes(&before, &after);
            let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
            reopenings::resubmitted(&mut tx, Sheets::Responses, reopening.id, &json, at).await?;
            let shown: Vec<String> = list.iter().map(|c| format!("{} {} → {}", c.key, answer_text(c.before), answer_text(c.after))).collect();
            format!("measurement {measurement_id}: submitted again after reopening; {} changed: {}", list.len(), shown.join(", "))
        }
        None => format!("measurement {measurement_id}"),
    };
    super::audit(&mut *tx, Some(person_id), "nulmeting-submit", &detail).await?;
    tx.commit().await?;
    Ok(WriteOutcome::Saved(Submitted { at, changes: list }))
}

/// An answer as the audit log writes it.
fn answer_text(answer: Option<Answer>) -> String {
    match answer {
        Some(Answer::Level(l)) => l.to_string(),
        Some(Answer::NotApplicable) => "n.v.t.".into(),
        Some(Answer::DontKnow) => "weet ik niet".into(),
        None => "-".into(),
    }
}

/// Every submitted answer (level or "not applicable") in a measurement, as
/// the team sees it: the sheets submitted now, and of a reopened sheet the
/// version submitted before. Drafts never show.
pub async fn team_answers(conn: &mut SqliteConnection, measurement_id: i64) -> sqlx::Result<Vec<TeamAnswer>> {
    let rows: Vec<(i64, String, Option<i64>, i64, String, String)> = sqlx::query_as(
        "select r.person_id, a.indicator_id, a.level, a.not_applicable + 2 * a.dont_know, a.comment, a.evidence_url \
         from answers a join responses r on r.id = a.response_id where r.measurement_id = ? \
         and r.submitted_at is not null and not exists (select 1 from response_reopenings o \
           where o.response_id = r.id and o.state = 'reopened')",
    )
    .bind(measurement_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<TeamAnswer> = rows
        .into_iter()
        .filter_map(|(person_id, indicator_id, level, na, comment, evidence_url)| {
            answer_of(level, na).map(|answer| TeamAnswer { person_id, indicator_id, answer, comment, evidence_url })
        })
        .collect();
    for listed in reopenings::list(conn, Sheets::Responses, measurement_id, &[ReopenState::Reopened]).await? {
        for a in snapshot_answers(listed.reopening.snapshot.as_deref()) {
            if let Some(answer) = a.answer {
                out.push(TeamAnswer {
                    person_id: listed.owner_id,
                    indicator_id: a.indicator_id,
                    answer,
                    comment: a.comment,
                    evidence_url: a.evidence_url,
                });
            }
        }
    }
    out.sort_by(|a, b| (a.person_id, &a.indicator_id).cmp(&(b.person_id, &b.indicator_id)));
    Ok(out)
}

/// The answers changed after reopening in a measurement, oldest first.
pub async fn answer_changes(conn: &mut SqliteConnection, measurement_id: i64) -> sqlx::Result<Vec<AnswerChange>> {
    let mut out = Vec::new();
    for listed in reopenings::list(conn, Sheets::Responses, measurement_id, &[ReopenState::Resubmitted]).await? {
        let list: Vec<Change<String, Answer>> =
            listed.reopening.changes.as_deref().and_then(|c| serde_json::from_str(c).ok()).unwrap_or_default();
        let info = &listed.reopening.info;
        out.extend(list.into_iter().map(|c| AnswerChange {
            person_id: listed.owner_id,
            person_name: listed.owner_name.clone(),
            indicator_id: c.key,
            before: c.before,
            after: c.after,
            changed_at: info.resubmitted_at.unwrap_or_default(),
            reopened_by: info.decided_by.clone(),
            reason: info.reason.clone(),
        }));
    }
    Ok(out)
}

/// The team's answers grouped per respondent, for [`rubric::assessment::aggregate`].
pub fn respondents(answers: &[TeamAnswer]) -> Vec<RespondentAnswers> {
    let mut out: Vec<RespondentAnswers> = Vec::new();
    for a in answers {
        let key = a.person_id.to_string();
        match out.iter_mut().find(|r| r.respondent == key) {
            Some(r) => {
                r.answers.insert(a.indicator_id.clone(), a.answer);
            }
            None => out.push(RespondentAnswers::new(key).with(a.indicator_id.clone(), a.answer)),
        }
    }
    out
}

/// A possible respondent: an active member of the school, or anyone with a
/// sheet in the measurement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub person_id: i64,
    pub name: String,
    pub function: Option<SchoolFunction>,
    pub submitted_at: Option<i64>,
}

pub async fn members<'e, E: SqliteExecutor<'e>>(
    db: E,
    school_id: i64,
    measurement_id: i64,
) -> sqlx::Result<Vec<MemberRow>> {
    let rows: Vec<(i64, String, Option<String>, Option<i64>)> = sqlx::query_as(
        "select p.id, p.name, p.school_function, r.submitted_at from people p \
         left join responses r on r.person_id = p.id and r.measurement_id = ? \
         where (p.role = 'school-member' and p.school_id = ? and p.archived_at is null) or r.id is not null \
         order by p.name, p.id",
    )
    .bind(measurement_id)
    .bind(school_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(person_id, name, function, submitted_at)| MemberRow {
            person_id,
            name,
            function: function.as_deref().and_then(SchoolFunction::from_key),
            submitted_at,
        })
        .collect())
}

type ConsensusTuple = (String, Option<i64>, String, i64, Option<String>, i64);

fn stored_consensus(row: ConsensusTuple) -> StoredConsensus {
    let (indicator_id, level, rationale, version, decided_by, decided_at) = row;
    StoredConsensus {
        indicator_id,
        level: level.and_then(|l| u8::try_from(l).ok()).and_then(|l| Level::new(l).ok()),
        rationale,
        version,
        decided_by,
        decided_at,
    }
}

const CONSENSUS_SELECT: &str = "select c.indicator_id, c.level, c.rationale, c.version, p.name, c.decided_at \
     from consensus c left join people p on p.id = c.decided_by";

pub async fn consensus_of<'e, E: SqliteExecutor<'e>>(
    db: E,
    measurement_id: i64,
) -> sqlx::Result<Vec<StoredConsensus>> {
    let rows: Vec<ConsensusTuple> = sqlx::query_as(&format!("{CONSENSUS_SELECT} where c.measurement_id = ?"))
        .bind(measurement_id)
        .fetch_all(db)
        .await?;
    Ok(rows.into_iter().map(stored_consensus).collect())
}

/// The stored consensus as the domain type.
pub fn as_consensus(rows: &[StoredConsensus]) -> Vec<Consensus> {
    rows.iter()
        .map(|c| Consensus { indicator_id: c.indicator_id.clone(), level: c.level, rationale: c.rationale.clone() })
        .collect()
}

async fn consensus_one<'e, E: SqliteExecutor<'e>>(
    db: E,
    measurement_id: i64,
    indicator_id: &str,
) -> sqlx::Result<Option<StoredConsensus>> {
    let row: Option<ConsensusTuple> =
        sqlx::query_as(&format!("{CONSENSUS_SELECT} where c.measurement_id = ? and c.indicator_id = ?"))
            .bind(measurement_id)
            .bind(indicator_id)
            .fetch_optional(db)
            .await?;
    Ok(row.map(stored_consensus))
}

/// Record the team's level for one validated indicator, based on `version`
/// (0: nothing recorded yet).
pub async fn write_consensus(
    db: &Writer,
    measurement_id: i64,
    person_id: i64,
    consensus: &Consensus,
    version: i64,
) -> sqlx::Result<WriteOutcome<StoredConsensus>> {
    let at = now();
    let level = consensus.level.map(|l| i64::from(l.get()));
    let mut tx = db.begin().await?;
    let done = if version == 0 {
        sqlx::query(
            "insert into consensus (measurement_id, indicator_id, level, rationale, decided_by, decided_at, version) \
             values (?, ?, ?, ?, ?, ?, 1) on conflict (measurement_id, indicator_id) do nothing",
        )
        .bind(measurement_id)
        .bind(&consensus.indicator_id)
        .bind(level)
        .bind(&consensus.rationale)
        .bind(person_id)
        .bind(at)
        .execute(&mut *tx)
        .await?
    } else {
        sqlx::query(
            "update consensus set level = ?, rationale = ?, decided_by = ?, decided_at = ?, version = version + 1 \
             where measurement_id = ? and indicator_id = ? and version = ?",
        )
        .bind(level)
        .bind(&consensus.rationale)
        .bind(person_id)
        .bind(at)
        .bind(measurement_id)
        .bind(&consensus.indicator_id)
        .bind(version)
        .execute(&mut *tx)
        .await?
    };
    let current = consensus_one(&mut *tx, measurement_id, &consensus.indicator_id).await?;
    if done.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(WriteOutcome::Stale(current));
    }
    super::audit(
        &mut *tx,
        Some(person_id),
        "consensus",
        &format!(
            "measurement {measurement_id}: {} = {}",
            consensus.indicator_id,
            consensus.level.map_or_else(|| "na".to_string(), |l| l.to_string())
        ),
    )
    .await?;
    tx.commit().await?;
    Ok(match current {
        Some(c) => WriteOutcome::Saved(c),
        None => WriteOutcome::Stale(None),
    })
}

/// Record several proposals at once, skipping indicators that already have
/// a consensus; returns how many were recorded. One transaction.
pub async fn accept_proposals(
    db: &Writer,
    measurement_id: i64,
    person_id: i64,
    proposals: &[Consensus],
) -> sqlx::Result<u32> {
    let at = now();
    let mut tx = db.begin().await?;
    let mut recorded = 0u32;
    for c in proposals {
        let done = sqlx::query(
            "insert into consensus (measurement_id, indicator_id, level, rationale, decided_by, decided_at, version) \
             values (?, ?, ?, ?, ?, ?, 1) on conflict (measurement_id, indicator_id) do nothing",
        )
        .bind(measurement_id)
        .bind(&c.indicator_id)
        .bind(c.level.map(|l| i64::from(l.get())))
        .bind(&c.rationale)
        .bind(person_id)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        recorded += u32::try_from(done.rows_affected()).unwrap_or(0);
    }
    super::audit(
        &mut *tx,
        Some(person_id),
        "consensus",
        &format!("measurement {measurement_id}: {recorded} agreed proposals accepted"),
    )
    .await?;
    tx.commit().await?;
    Ok(recorded)
}

/// Per measurement of an edition: `(id, school_id, kind, status, opened_at, closed_at)`.
pub async fn measurements_in<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
) -> sqlx::Result<Vec<(i64, i64, String, String, i64, Option<i64>)>> {
    sqlx::query_as(
        "select id, school_id, kind, status, opened_at, closed_at from measurements where edition_id = ? order by id",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await
}

/// Per response in an edition: `(measurement_id, person_id, submitted)`.
pub async fn responses_in<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
) -> sqlx::Result<Vec<(i64, i64, bool)>> {
    sqlx::query_as(
        "select r.measurement_id, r.person_id, r.submitted_at is not null from responses r \
         join measurements m on m.id = r.measurement_id where m.edition_id = ?",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await
}

/// Per respondent in an edition: `(measurement_id, person_id, answered)`
/// counting answers with a level or "not applicable".
pub async fn answered_counts<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
) -> sqlx::Result<Vec<(i64, i64, i64)>> {
    sqlx::query_as(
        "select r.measurement_id, r.person_id, count(*) from answers a join responses r on r.id = a.response_id \
         join measurements m on m.id = r.measurement_id \
         where m.edition_id = ? and (a.level is not null or a.not_applicable = 1 or a.dont_know = 1) \
         group by r.measurement_id, r.person_id",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await
}

/// Per measurement in an edition: requests to reopen a sheet waiting for a decision.
pub async fn reopen_requests_in<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<(i64, i64)>> {
    sqlx::query_as(
        "select r.measurement_id, count(*) from response_reopenings o join responses r on r.id = o.response_id \
         join measurements m on m.id = r.measurement_id where m.edition_id = ? and o.state = 'requested' \
         group by r.measurement_id",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await
}

/// Per measurement in an edition: consensus rows recorded.
pub async fn decided_counts<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Vec<(i64, i64)>> {
    sqlx::query_as(
        "select c.measurement_id, count(*) from consensus c join measurements m on m.id = c.measurement_id \
         where m.edition_id = ? group by c.measurement_id",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await
}

/// The schools of an edition (not archived): `(id, name, town, members)`.
pub async fn schools_in<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
) -> sqlx::Result<Vec<(i64, String, String, i64)>> {
    sqlx::query_as(
        "select s.id, s.name, s.town, (select count(*) from people p where p.school_id = s.id \
           and p.role = 'school-member' and p.archived_at is null) \
         from schools s where s.edition_id = ? and s.archived_at is null order by s.name, s.id",
    )
    .bind(edition_id)
    .fetch_all(db)
    .await
}

/// The consensus of every school's measurement of a kind in an edition, per
/// school, for the benchmark.
pub async fn edition_consensus<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
    kind: MeasurementKind,
) -> sqlx::Result<Vec<(i64, Vec<Consensus>)>> {
    let rows: Vec<(i64, String, Option<i64>)> = sqlx::query_as(
        "select m.school_id, c.indicator_id, c.level from consensus c join measurements m on m.id = c.measurement_id \
         join schools s on s.id = m.school_id \
         where m.edition_id = ? and m.kind = ? and s.archived_at is null order by m.school_id",
    )
    .bind(edition_id)
    .bind(kind.key())
    .fetch_all(db)
    .await?;
    let mut out: Vec<(i64, Vec<Consensus>)> = Vec::new();
    for (school_id, indicator_id, level) in rows {
        let c = Consensus {
            indicator_id,
            level: level.and_then(|l| u8::try_from(l).ok()).and_then(|l| Level::new(l).ok()),
            rationale: String::new(),
        };
        match out.last_mut() {
            Some((id, list)) if *id == school_id => list.push(c),
            _ => out.push((school_id, vec![c])),
        }
    }
    Ok(out)
}

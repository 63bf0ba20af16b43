//! Export and import of a whole edition as a `rubric::exchange`
//! document: every table of the edition (set-up, networks, nulmeting,
//! plans, threads, jury) read in one snapshot and numbered locally, and
//! written back in one transaction with new ids, so nothing is ever
//! half-imported. Sign-in links and sessions are not part of it.

mod regions;

use rubric::exchange::*;
use rubric::people::{Role, SchoolFunction};
use rubric::programme::{tracks_from_db, tracks_to_db};
use rubric::{Date, Level};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use sqlx::{Sqlite, SqliteConnection, SqlitePool, Transaction};
use std::collections::{HashMap, HashSet};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("there is no edition {0}")]
    NoSuchEdition(i64),
    #[error("the database holds something the export cannot write: {0}")]
    BadValue(String),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file breaks a rule of the database, nothing was imported: {0}")]
    Rejected(String),
    #[error("database error: {0}")]
    Db(sqlx::Error),
}

impl From<sqlx::Error> for ImportError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::Database(d) => ImportError::Rejected(d.message().to_string()),
            other => ImportError::Db(other),
        }
    }
}

/// What an import created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    pub edition_id: i64,
    pub name: String,
    /// Whether the imported edition is the active one (it is not when the
    /// installation already had an active edition).
    pub active: bool,
    pub schools: usize,
    pub companies: usize,
    /// People created.
    pub people: usize,
    /// Coordinators and jurors that already existed (same name and e-mail)
    /// and were linked instead of created again.
    pub people_reused: usize,
}

/// Document-local numbers for one table: 1, 2, 3… in the order of the ids.
struct Keys {
    table: &'static str,
    map: HashMap<i64, i64>,
}

impl Keys {
    fn new(table: &'static str, ids: impl IntoIterator<Item = i64>) -> Keys {
        Keys { table, map: ids.into_iter().zip(1..).collect() }
    }

    fn key(&self, id: i64) -> Result<i64, ExportError> {
        self.map
            .get(&id)
            .copied()
            .ok_or_else(|| ExportError::BadValue(format!("a reference to {} {id}, which is not part of this edition", self.table)))
    }

    fn opt(&self, id: Option<i64>) -> Result<Option<i64>, ExportError> {
        id.map(|i| self.key(i)).transpose()
    }
}

fn parse_key<T: DeserializeOwned>(what: &str, key: &str) -> Result<T, ExportError> {
    serde_json::from_value(Value::String(key.to_string()))
        .map_err(|_| ExportError::BadValue(format!("'{key}' is not a known {what}")))
}

fn level(what: &str, v: i64) -> Result<Level, ExportError> {
    u8::try_from(v)
        .ok()
        .and_then(|n| Level::new(n).ok())
        .ok_or_else(|| ExportError::BadValue(format!("{what} {v} is not a level 1 to 4")))
}

fn date(what: &str, v: &str) -> Result<Date, ExportError> {
    v.parse().map_err(|_| ExportError::BadValue(format!("{what} '{v}' is not a date")))
}

fn opt_date(what: &str, v: Option<String>) -> Result<Option<Date>, ExportError> {
    v.filter(|s| !s.is_empty()).map(|s| date(what, &s)).transpose()
}

fn json(what: &str, text: &str) -> Result<Value, ExportError> {
    serde_json::from_str(text).map_err(|e| ExportError::BadValue(format!("{what} is not valid JSON: {e}")))
}

#[derive(sqlx::FromRow)]
struct EditionRow {
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

#[derive(sqlx::FromRow)]
struct SchoolRow {
    id: i64,
    name: String,
    town: String,
    region: String,
    tracks: String,
    contact_name: String,
    contact_email: String,
    company_id: Option<i64>,
    archived_at: Option<i64>,
    version: i64,
    created_at: i64,
}

#[derive(sqlx::FromRow)]
struct CompanyRow {
    id: i64,
    name: String,
    town: String,
    sector: String,
    contact_name: String,
    contact_email: String,
    archived_at: Option<i64>,
    version: i64,
    created_at: i64,
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: i64,
    name: String,
    email: String,
    role: String,
    school_id: Option<i64>,
    company_id: Option<i64>,
    school_function: Option<String>,
    archived_at: Option<i64>,
    created_at: i64,
}

#[derive(sqlx::FromRow)]
struct AnswerRow {
    response_id: i64,
    indicator_id: String,
    level: Option<i64>,
    not_applicable: i64,
    dont_know: i64,
    comment: String,
    evidence_url: String,
    version: i64,
    updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct ConsensusRow {
    measurement_id: i64,
    indicator_id: String,
    level: Option<i64>,
    rationale: String,
    decided_by: Option<i64>,
    decided_at: i64,
    version: i64,
}

#[derive(sqlx::FromRow)]
struct GoalRow {
    id: i64,
    plan_id: i64,
    title: String,
    description: String,
    position: i64,
    version: i64,
    created_at: i64,
    updated_at: i64,
    deleted_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct ActionRow {
    id: i64,
    goal_id: i64,
    description: String,
    owner: String,
    start_date: Option<String>,
    deadline: Option<String>,
    budget_cents: i64,
    contribution_kind: String,
    contribution_cents: i64,
    contribution_description: String,
    success_criterion: String,
    status: String,
    evidence_url: String,
    position: i64,
    version: i64,
    created_at: i64,
    updated_at: i64,
}

#[derive(sqlx::FromRow)]
struct ThreadRow {
    id: i64,
    plan_id: i64,
    target_kind: String,
    target_id: i64,
    resolved_at: Option<i64>,
    resolved_by: Option<i64>,
    created_at: i64,
}

#[derive(sqlx::FromRow)]
struct JuryRow {
    status: String,
    tie_break: String,
    chair_id: Option<i64>,
    chair_order: Option<String>,
    locked_at: Option<i64>,
    published_at: Option<i64>,
    version: i64,
}

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

#[derive(sqlx::FromRow)]
struct ConflictRow {
    person_id: i64,
    finalist_id: i64,
    kind: String,
    reason: String,
    dismissed_at: Option<i64>,
    dismissed_by: Option<i64>,
    dismiss_reason: String,
    created_at: i64,
}

/// id, school, kind, rubric version, status, opened, closed.
type MeasurementRow = (i64, i64, String, i64, String, i64, Option<i64>);
/// id, person, finalist, remark, submitted, version, updated.
type SheetRow = (i64, i64, i64, String, Option<i64>, i64, i64);

/// Everyone the edition refers to, by id.
const PEOPLE_SQL: &str = "select id, name, email, role, school_id, company_id, school_function, archived_at, created_at \
     from people where id in ( \
     select p.id from people p join schools s on s.id = p.school_id where s.edition_id = ?1 \
     union select p.id from people p join companies c on c.id = p.company_id where c.edition_id = ?1 \
     union select person_id from jurors where edition_id = ?1 \
     union select r.person_id from responses r join measurements m on m.id = r.measurement_id where m.edition_id = ?1 \
     union select c.decided_by from consensus c join measurements m on m.id = c.measurement_id where m.edition_id = ?1 \
     union select v.submitted_by from plan_versions v join plans p on p.id = v.plan_id where p.edition_id = ?1 \
     union select t.resolved_by from threads t join plans p on p.id = t.plan_id where p.edition_id = ?1 \
     union select c.author_id from comments c join threads t on t.id = c.thread_id join plans p on p.id = t.plan_id where p.edition_id = ?1 \
     union select r.person_id from plan_reads r join plans p on p.id = r.plan_id where p.edition_id = ?1 \
     union select chair_id from jury_settings where edition_id = ?1 \
     union select x.person_id from conflicts x join finalists f on f.id = x.finalist_id join award_categories a on a.id = f.category_id where a.edition_id = ?1 \
     union select x.dismissed_by from conflicts x join finalists f on f.id = x.finalist_id join award_categories a on a.id = f.category_id where a.edition_id = ?1 \
     union select h.person_id from score_sheets h join finalists f on f.id = h.finalist_id join award_categories a on a.id = f.category_id where a.edition_id = ?1 \
     union select o.requested_by from response_reopenings o join responses r on r.id = o.response_id join measurements m on m.id = r.measurement_id where m.edition_id = ?1 \
     union select o.decided_by from response_reopenings o join responses r on r.id = o.response_id join measurements m on m.id = r.measurement_id where m.edition_id = ?1 \
     union select o.requested_by from sheet_reopenings o join score_sheets h on h.id = o.sheet_id join finalists f on f.id = h.finalist_id join award_categories a on a.id = f.category_id where a.edition_id = ?1 \
     union select o.decided_by from sheet_reopenings o join score_sheets h on h.id = o.sheet_id join finalists f on f.id = h.finalist_id join award_categories a on a.id = f.category_id where a.edition_id = ?1 \
     ) order by id";

/// Read a whole edition into a document.
pub async fn export(db: &SqlitePool, edition_id: i64, exported_at: i64) -> Result<ExchangeDocument, ExportError> {
    // One read transaction: a consistent snapshot of every table.
    let mut tx = db.begin().await?;
    let e: EditionRow = sqlx::query_as(
        "select name, school_year, nulmeting_deadline, plan_deadline, final_date, final_place, \
         cofinancing_threshold_pct, active, version, created_at, rubric_version from editions where id = ?",
    )
    .bind(edition_id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(ExportError::NoSuchEdition(edition_id))?;
    let edition = EditionRecord {
        name: e.name,
        school_year: e.school_year,
        nulmeting_deadline: opt_date("the nulmeting deadline", e.nulmeting_deadline)?,
        plan_deadline: opt_date("the plan deadline", e.plan_deadline)?,
        final_date: opt_date("the final date", e.final_date)?,
        final_place: e.final_place,
        cofinancing_threshold_pct: u8::try_from(e.cofinancing_threshold_pct)
            .map_err(|_| ExportError::BadValue("the cofinancing threshold is out of range".into()))?,
        active: e.active != 0,
        version: e.version,
        created_at: e.created_at,
        rubric_version: u32::try_from(e.rubric_version)
            .map_err(|_| ExportError::BadValue("the rubric version is out of range".into()))?,
    };
    let mut d = ExchangeDocument::new(edition, exported_at, env!("CARGO_PKG_VERSION"));
    let id = edition_id;

    let companies: Vec<CompanyRow> = sqlx::query_as(
        "select id, name, town, sector, contact_name, contact_email, archived_at, version, created_at \
         from companies where edition_id = ? order by id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let company_keys = Keys::new("company", companies.iter().map(|c| c.id));
    for c in companies {
        d.companies.push(CompanyRecord {
            id: company_keys.key(c.id)?,
            name: c.name,
            town: c.town,
            sector: c.sector,
            contact_name: c.contact_name,
            contact_email: c.contact_email,
            archived_at: c.archived_at,
            version: c.version,
            created_at: c.created_at,
        });
    }

    let schools: Vec<SchoolRow> = sqlx::query_as(
        "select id, name, town, region, tracks, contact_name, contact_email, company_id, archived_at, version, created_at \
         from schools where edition_id = ? order by id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let school_keys = Keys::new("school", schools.iter().map(|s| s.id));
    for s in schools {
        d.schools.push(SchoolRecord {
            id: school_keys.key(s.id)?,
            name: s.name,
            town: s.town,
            region: s.region,
            tracks: tracks_from_db(&s.tracks),
            contact_name: s.contact_name,
            contact_email: s.contact_email,
            company_id: company_keys.opt(s.company_id)?,
            archived_at: s.archived_at,
            version: s.version,
            created_at: s.created_at,
        });
    }

    let people: Vec<PersonRow> = sqlx::query_as(PEOPLE_SQL).bind(id).fetch_all(&mut *tx).await?;
    let person_keys = Keys::new("person", people.iter().map(|p| p.id));
    for p in people {
        d.people.push(PersonRecord {
            id: person_keys.key(p.id)?,
            name: p.name,
            email: p.email,
            role: parse_key("role", &p.role)?,
            school_id: school_keys.opt(p.school_id)?,
            company_id: company_keys.opt(p.company_id)?,
            school_function: p.school_function.as_deref().map(|f| parse_key::<SchoolFunction>("school function", f)).transpose()?,
            archived_at: p.archived_at,
            created_at: p.created_at,
        });
    }

    let networks: Vec<(i64, String, String)> =
        sqlx::query_as("select id, kind, name from networks where edition_id = ? order by id").bind(id).fetch_all(&mut *tx).await?;
    let network_keys = Keys::new("network", networks.iter().map(|n| n.0));
    for (nid, kind, name) in networks {
        d.networks.push(NetworkRecord { id: network_keys.key(nid)?, kind: parse_key("network kind", &kind)?, name });
    }
    let sessions: Vec<(i64, i64, String, String, String, i64, i64)> = sqlx::query_as(
        "select s.id, s.network_id, s.date, s.place, s.topic, s.version, s.created_at from network_sessions s \
         join networks n on n.id = s.network_id where n.edition_id = ? order by s.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let session_keys = Keys::new("session", sessions.iter().map(|s| s.0));
    for (sid, network, day, place, topic, version, created_at) in sessions {
        d.network_sessions.push(SessionRecord {
            id: session_keys.key(sid)?,
            network_id: network_keys.key(network)?,
            date: date("a session date", &day)?,
            place,
            topic,
            version,
            created_at,
        });
    }
    let attendance: Vec<(i64, Option<i64>, Option<i64>)> = sqlx::query_as(
        "select a.session_id, a.school_id, a.company_id from attendance a join network_sessions s on s.id = a.session_id \
         join networks n on n.id = s.network_id where n.edition_id = ?",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (session, school, company) in attendance {
        d.attendance.push(AttendanceRecord {
            session_id: session_keys.key(session)?,
            school_id: school_keys.opt(school)?,
            company_id: company_keys.opt(company)?,
        });
    }

    // Nulmeting.
    let measurements: Vec<MeasurementRow> = sqlx::query_as(
        "select id, school_id, kind, rubric_version, status, opened_at, closed_at from measurements where edition_id = ? order by id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let measurement_keys = Keys::new("measurement", measurements.iter().map(|m| m.0));
    for (mid, school, kind, rubric_version, status, opened_at, closed_at) in measurements {
        d.measurements.push(MeasurementRecord {
            id: measurement_keys.key(mid)?,
            school_id: school_keys.key(school)?,
            kind: parse_key("measurement kind", &kind)?,
            rubric_version,
            status: parse_key("measurement status", &status)?,
            opened_at,
            closed_at,
        });
    }
    let responses: Vec<(i64, i64, i64, Option<i64>, i64)> = sqlx::query_as(
        "select r.id, r.measurement_id, r.person_id, r.submitted_at, r.created_at from responses r \
         join measurements m on m.id = r.measurement_id where m.edition_id = ? order by r.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let response_keys = Keys::new("response", responses.iter().map(|r| r.0));
    for (rid, measurement, person, submitted_at, created_at) in responses {
        d.responses.push(ResponseRecord {
            id: response_keys.key(rid)?,
            measurement_id: measurement_keys.key(measurement)?,
            person_id: person_keys.key(person)?,
            submitted_at,
            created_at,
        });
    }
    let answers: Vec<AnswerRow> = sqlx::query_as(
        "select a.response_id, a.indicator_id, a.level, a.not_applicable, a.dont_know, a.comment, a.evidence_url, a.version, a.updated_at \
         from answers a join responses r on r.id = a.response_id join measurements m on m.id = r.measurement_id \
         where m.edition_id = ?",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for a in answers {
        d.answers.push(AnswerRecord {
            response_id: response_keys.key(a.response_id)?,
            indicator_id: a.indicator_id,
            level: a.level.map(|l| level("an answer level", l)).transpose()?,
            not_applicable: a.not_applicable != 0,
            dont_know: a.dont_know != 0,
            comment: a.comment,
            evidence_url: a.evidence_url,
            version: a.version,
            updated_at: a.updated_at,
        });
    }
    let consensus: Vec<ConsensusRow> = sqlx::query_as(
        "select c.measurement_id, c.indicator_id, c.level, c.rationale, c.decided_by, c.decided_at, c.version \
         from consensus c join measurements m on m.id = c.measurement_id where m.edition_id = ?",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for c in consensus {
        d.consensus.push(ConsensusRecord {
            measurement_id: measurement_keys.key(c.measurement_id)?,
            indicator_id: c.indicator_id,
            level: c.level.map(|l| level("a consensus level", l)).transpose()?,
            rationale: c.rationale,
            decided_by: person_keys.opt(c.decided_by)?,
            decided_at: c.decided_at,
            version: c.version,
        });
    }

    // Plans.
    let plans: Vec<(i64, i64, i64, i64, i64)> =
        sqlx::query_as("select id, school_id, version, created_at, updated_at from plans where edition_id = ? order by id")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    let plan_keys = Keys::new("plan", plans.iter().map(|p| p.0));
    for (pid, school, version, created_at, updated_at) in plans {
        d.plans.push(PlanRecord { id: plan_keys.key(pid)?, school_id: school_keys.key(school)?, version, created_at, updated_at });
    }
    let goals: Vec<GoalRow> = sqlx::query_as(
        "select g.id, g.plan_id, g.title, g.description, g.position, g.version, g.created_at, g.updated_at, g.deleted_at \
         from goals g join plans p on p.id = g.plan_id where p.edition_id = ? order by g.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let goal_keys = Keys::new("goal", goals.iter().map(|g| g.id));
    for g in goals {
        d.goals.push(GoalRecord {
            id: goal_keys.key(g.id)?,
            plan_id: plan_keys.key(g.plan_id)?,
            title: g.title,
            description: g.description,
            position: g.position,
            version: g.version,
            created_at: g.created_at,
            updated_at: g.updated_at,
            deleted_at: g.deleted_at,
        });
    }
    let targets: Vec<(i64, String, Option<i64>, i64)> = sqlx::query_as(
        "select t.goal_id, t.indicator_id, t.current_level, t.target_level from goal_targets t \
         join goals g on g.id = t.goal_id join plans p on p.id = g.plan_id where p.edition_id = ?",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (goal, indicator_id, current, target) in targets {
        d.goal_targets.push(GoalTargetRecord {
            goal_id: goal_keys.key(goal)?,
            indicator_id,
            current_level: current.map(|l| level("a current level", l)).transpose()?,
            target_level: level("a target level", target)?,
        });
    }
    let actions: Vec<ActionRow> = sqlx::query_as(
        "select a.id, a.goal_id, a.description, a.owner, a.start_date, a.deadline, a.budget_cents, a.contribution_kind, \
         a.contribution_cents, a.contribution_description, a.success_criterion, a.status, a.evidence_url, a.position, \
         a.version, a.created_at, a.updated_at from actions a join goals g on g.id = a.goal_id \
         join plans p on p.id = g.plan_id where p.edition_id = ? order by a.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let action_keys = Keys::new("action", actions.iter().map(|a| a.id));
    for a in actions {
        d.actions.push(ActionRecord {
            id: action_keys.key(a.id)?,
            goal_id: goal_keys.key(a.goal_id)?,
            description: a.description,
            owner: a.owner,
            start_date: opt_date("an action start date", a.start_date)?,
            deadline: opt_date("an action deadline", a.deadline)?,
            budget_cents: a.budget_cents,
            contribution_kind: parse_key("contribution kind", &a.contribution_kind)?,
            contribution_cents: a.contribution_cents,
            contribution_description: a.contribution_description,
            success_criterion: a.success_criterion,
            status: parse_key("action status", &a.status)?,
            evidence_url: a.evidence_url,
            position: a.position,
            version: a.version,
            created_at: a.created_at,
            updated_at: a.updated_at,
        });
    }
    let versions: Vec<(i64, i64, i64, i64, Option<i64>, String)> = sqlx::query_as(
        "select v.id, v.plan_id, v.number, v.submitted_at, v.submitted_by, v.snapshot from plan_versions v \
         join plans p on p.id = v.plan_id where p.edition_id = ? order by v.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let version_keys = Keys::new("plan version", versions.iter().map(|v| v.0));
    for (vid, plan, number, submitted_at, submitted_by, snapshot) in versions {
        let mut snapshot = json("a plan snapshot", &snapshot)?;
        // Ids of goals and actions deleted since become negative.
        let to_key = |keys: &Keys, id: i64| keys.map.get(&id).copied().unwrap_or(if id > 0 { -id } else { id });
        map_snapshot_ids(&mut snapshot, |g| to_key(&goal_keys, g), |a| to_key(&action_keys, a));
        d.plan_versions.push(PlanVersionRecord {
            id: version_keys.key(vid)?,
            plan_id: plan_keys.key(plan)?,
            number,
            submitted_at,
            submitted_by: person_keys.opt(submitted_by)?,
            snapshot,
        });
    }
    let threads: Vec<ThreadRow> = sqlx::query_as(
        "select t.id, t.plan_id, t.target_kind, t.target_id, t.resolved_at, t.resolved_by, t.created_at \
         from threads t join plans p on p.id = t.plan_id where p.edition_id = ? order by t.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let thread_keys = Keys::new("thread", threads.iter().map(|t| t.id));
    for t in threads {
        let target_kind: ThreadTarget = parse_key("thread target", &t.target_kind)?;
        let target_id = match target_kind {
            ThreadTarget::Goal => goal_keys.key(t.target_id)?,
            ThreadTarget::Action => action_keys.key(t.target_id)?,
        };
        d.threads.push(ThreadRecord {
            id: thread_keys.key(t.id)?,
            plan_id: plan_keys.key(t.plan_id)?,
            target_kind,
            target_id,
            resolved_at: t.resolved_at,
            resolved_by: person_keys.opt(t.resolved_by)?,
            created_at: t.created_at,
        });
    }
    let comments: Vec<(i64, i64, i64, String, i64)> = sqlx::query_as(
        "select c.id, c.thread_id, c.author_id, c.body, c.created_at from comments c join threads t on t.id = c.thread_id \
         join plans p on p.id = t.plan_id where p.edition_id = ? order by c.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (cid, (_, thread, author, body, created_at)) in comments.into_iter().enumerate().map(|(i, c)| (i as i64 + 1, c)) {
        d.comments.push(CommentRecord {
            id: cid,
            thread_id: thread_keys.key(thread)?,
            author_id: person_keys.key(author)?,
            body,
            created_at,
        });
    }
    let reads: Vec<(i64, i64, i64)> = sqlx::query_as(
        "select r.person_id, r.plan_id, r.last_read_at from plan_reads r join plans p on p.id = r.plan_id where p.edition_id = ?",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (person, plan, last_read_at) in reads {
        d.plan_reads.push(PlanReadRecord { person_id: person_keys.key(person)?, plan_id: plan_keys.key(plan)?, last_read_at });
    }

    // Jury.
    let categories: Vec<(i64, String, i64)> =
        sqlx::query_as("select id, name, position from award_categories where edition_id = ? order by id")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    let category_keys = Keys::new("award category", categories.iter().map(|c| c.0));
    for (cid, name, position) in categories {
        d.award_categories.push(AwardCategoryRecord { id: category_keys.key(cid)?, name, position });
    }
    let criteria: Vec<CriterionRow> = sqlx::query_as(
        "select id, name_nl, name_en, description_nl, description_en, weight, anchors, position from criteria \
         where edition_id = ? order by id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let criterion_keys = Keys::new("criterion", criteria.iter().map(|c| c.id));
    for c in criteria {
        d.criteria.push(CriterionRecord {
            id: criterion_keys.key(c.id)?,
            name_nl: c.name_nl,
            name_en: c.name_en,
            description_nl: c.description_nl,
            description_en: c.description_en,
            weight: u8::try_from(c.weight).map_err(|_| ExportError::BadValue(format!("criterion weight {}", c.weight)))?,
            anchors: json("criterion anchors", &c.anchors)?,
            position: c.position,
        });
    }
    let finalists: Vec<(i64, i64, i64, Option<i64>)> = sqlx::query_as(
        "select f.id, f.category_id, f.school_id, f.plan_version_id from finalists f \
         join award_categories c on c.id = f.category_id where c.edition_id = ? order by f.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let finalist_keys = Keys::new("finalist", finalists.iter().map(|f| f.0));
    for (fid, category, school, version) in finalists {
        d.finalists.push(FinalistRecord {
            id: finalist_keys.key(fid)?,
            category_id: category_keys.key(category)?,
            school_id: school_keys.key(school)?,
            plan_version_id: version_keys.opt(version)?,
        });
    }
    let jury: Option<JuryRow> = sqlx::query_as(
        "select status, tie_break, chair_id, chair_order, locked_at, published_at, version from jury_settings where edition_id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(j) = jury {
        let mut tie_break = json("the tie-break rules", &j.tie_break)?;
        map_tie_break_criteria(&mut tie_break, |c| criterion_keys.map.get(&c).copied());
        let chair_order = match j.chair_order {
            Some(text) => {
                let mut order = json("the chair's order", &text)?;
                map_chair_order(&mut order, |f| finalist_keys.map.get(&f).copied());
                Some(order)
            }
            None => None,
        };
        d.jury_settings = Some(JurySettingsRecord {
            status: parse_key("jury status", &j.status)?,
            tie_break,
            chair_id: person_keys.opt(j.chair_id)?,
            chair_order,
            locked_at: j.locked_at,
            published_at: j.published_at,
            version: j.version,
        });
    }
    let jurors: Vec<(i64, Option<i64>)> =
        sqlx::query_as("select person_id, company_id from jurors where edition_id = ? order by person_id")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    for (person, company) in jurors {
        d.jurors.push(JurorRecord { person_id: person_keys.key(person)?, company_id: company_keys.opt(company)? });
    }
    let conflicts: Vec<ConflictRow> = sqlx::query_as(
        "select x.person_id, x.finalist_id, x.kind, x.reason, x.dismissed_at, x.dismissed_by, x.dismiss_reason, x.created_at \
         from conflicts x join finalists f on f.id = x.finalist_id join award_categories c on c.id = f.category_id \
         where c.edition_id = ? order by x.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (n, x) in conflicts.into_iter().enumerate() {
        d.conflicts.push(ConflictRecord {
            id: n as i64 + 1,
            person_id: person_keys.key(x.person_id)?,
            finalist_id: finalist_keys.key(x.finalist_id)?,
            kind: parse_key("conflict kind", &x.kind)?,
            reason: x.reason,
            dismissed_at: x.dismissed_at,
            dismissed_by: person_keys.opt(x.dismissed_by)?,
            dismiss_reason: x.dismiss_reason,
            created_at: x.created_at,
        });
    }
    let sheets: Vec<SheetRow> = sqlx::query_as(
        "select h.id, h.person_id, h.finalist_id, h.remark, h.submitted_at, h.version, h.updated_at from score_sheets h \
         join finalists f on f.id = h.finalist_id join award_categories c on c.id = f.category_id \
         where c.edition_id = ? order by h.id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let sheet_keys = Keys::new("score sheet", sheets.iter().map(|s| s.0));
    for (sid, person, finalist, remark, submitted_at, version, updated_at) in sheets {
        d.score_sheets.push(ScoreSheetRecord {
            id: sheet_keys.key(sid)?,
            person_id: person_keys.key(person)?,
            finalist_id: finalist_keys.key(finalist)?,
            remark,
            submitted_at,
            version,
            updated_at,
        });
    }
    let scores: Vec<(i64, i64, i64, String)> = sqlx::query_as(
        "select s.sheet_id, s.criterion_id, s.score, s.remark from scores s join score_sheets h on h.id = s.sheet_id \
         join finalists f on f.id = h.finalist_id join award_categories c on c.id = f.category_id where c.edition_id = ?",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (sheet, criterion, score, remark) in scores {
        let score = u8::try_from(score)
            .ok()
            .and_then(|s| rubric::jury::Score::new(s).ok())
            .ok_or_else(|| ExportError::BadValue(format!("score {score} is not 1 to 10")))?;
        d.scores.push(ScoreRecord { sheet_id: sheet_keys.key(sheet)?, criterion_id: criterion_keys.key(criterion)?, score, remark });
    }
    // Reopenings are numbered 1, 2, 3… in the order of their ids, like every table.
    for (n, row) in (1..).zip(reopenings(&mut tx, REOPENINGS_OF_RESPONSES, id).await?) {
        let (response, fields) = row.into_fields(&person_keys)?;
        d.response_reopenings.push(ResponseReopeningRecord { id: n, response_id: response_keys.key(response)?, fields });
    }
    for (n, row) in (1..).zip(reopenings(&mut tx, REOPENINGS_OF_SHEETS, id).await?) {
        let (sheet, mut fields) = row.into_fields(&person_keys)?;
        map_reopening_criteria(&mut fields, |c| criterion_keys.map.get(&c).copied())
            .map_err(|c| ExportError::BadValue(format!("a reopened score sheet names criterion {c}, which is not part of this edition")))?;
        d.sheet_reopenings.push(SheetReopeningRecord { id: n, sheet_id: sheet_keys.key(sheet)?, fields });
    }
    // Evidence files (issue 16): the rows; their bytes travel beside the
    // document (`routes::evidence_archive`). An uploader outside the
    // edition (the coordinator) is left out.
    let evidence: Vec<EvidenceRow> = sqlx::query_as(
        "select id, school_id, item_kind, measurement_id, indicator_id, person_id, action_id, name, size, kind, sha256, \
         uploaded_by, uploaded_at, deleted_at from evidence_files where edition_id = ? order by id",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    let mut evidence_keys = std::collections::HashMap::new();
    for (n, f) in (1..).zip(evidence) {
        evidence_keys.insert(f.id, n);
        d.evidence_files.push(EvidenceFileRecord {
            id: n,
            school_id: school_keys.key(f.school_id)?,
            item_kind: f.item_kind,
            measurement_id: measurement_keys.opt(f.measurement_id)?,
            indicator_id: f.indicator_id,
            person_id: person_keys.opt(f.person_id)?,
            action_id: action_keys.opt(f.action_id)?,
            name: f.name,
            size: u64::try_from(f.size).map_err(|_| ExportError::BadValue("an evidence file has a negative size".into()))?,
            kind: rubric::evidence::FileKind::from_key(&f.kind)
                .ok_or_else(|| ExportError::BadValue(format!("evidence file kind \"{}\" is unknown", f.kind)))?,
            sha256: f.sha256,
            uploaded_by: f.uploaded_by.and_then(|p| person_keys.map.get(&p).copied()),
            uploaded_at: f.uploaded_at,
            deleted_at: f.deleted_at,
        });
    }
    // Award dossiers, their sign-offs naming people by document id.
    let dossier_schools: Vec<i64> = sqlx::query_scalar("select school_id from dossiers where edition_id = ? order by school_id")
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
    for school in dossier_schools {
        let mut dossier = super::dossiers::load(&mut *tx, id, school).await?;
        // The chosen evidence files by their document ids.
        dossier.school.evidence = dossier.school.evidence.iter().filter_map(|f| evidence_keys.get(f).copied()).collect();
        for signoff in [&mut dossier.school_signoff, &mut dossier.company_signoff].into_iter().flatten() {
            signoff.person_id = person_keys.key(signoff.person_id)?;
        }
        d.dossiers.push(DossierRecord { school_id: school_keys.key(school)?, dossier });
    }
    regions::export(&mut tx, id, &school_keys, &company_keys, &goal_keys, &action_keys, &mut d).await?;
    tx.commit().await?;
    d.sort_canonical();
    Ok(d)
}

#[derive(sqlx::FromRow)]
struct EvidenceRow {
    id: i64,
    school_id: i64,
    item_kind: String,
    measurement_id: Option<i64>,
    indicator_id: Option<String>,
    person_id: Option<i64>,
    action_id: Option<i64>,
    name: String,
    size: i64,
    kind: String,
    sha256: String,
    uploaded_by: Option<i64>,
    uploaded_at: i64,
    deleted_at: Option<i64>,
}

/// The reopenings of an edition's nulmeting sheets, by id.
const REOPENINGS_OF_RESPONSES: &str = "select o.id, o.response_id as sheet, o.state, o.reason, o.requested_by, o.requested_at, \
     o.decided_by, o.decided_at, o.note, o.snapshot, o.changes, o.resubmitted_at from response_reopenings o \
     join responses r on r.id = o.response_id join measurements m on m.id = r.measurement_id where m.edition_id = ? order by o.id";
/// The reopenings of an edition's score sheets, by id.
const REOPENINGS_OF_SHEETS: &str = "select o.id, o.sheet_id as sheet, o.state, o.reason, o.requested_by, o.requested_at, \
     o.decided_by, o.decided_at, o.note, o.snapshot, o.changes, o.resubmitted_at from sheet_reopenings o \
     join score_sheets h on h.id = o.sheet_id join finalists f on f.id = h.finalist_id \
     join award_categories a on a.id = f.category_id where a.edition_id = ? order by o.id";

#[derive(sqlx::FromRow)]
struct ReopeningRow {
    id: i64,
    sheet: i64,
    state: String,
    reason: String,
    requested_by: i64,
    requested_at: i64,
    decided_by: Option<i64>,
    decided_at: Option<i64>,
    note: String,
    snapshot: Option<String>,
    changes: Option<String>,
    resubmitted_at: Option<i64>,
}

impl ReopeningRow {
    /// (database sheet id, the fields with document person keys).
    fn into_fields(self, people: &Keys) -> Result<(i64, ReopeningFields), ExportError> {
        let json = |what: &str, text: Option<String>| -> Result<Option<Value>, ExportError> {
            text.map(|t| serde_json::from_str(&t).map_err(|e| ExportError::BadValue(format!("the {what} of reopening {} is not JSON: {e}", self.id))))
                .transpose()
        };
        let fields = ReopeningFields {
            state: parse_key("reopening state", &self.state)?,
            reason: self.reason,
            requested_by: people.key(self.requested_by)?,
            requested_at: self.requested_at,
            decided_by: people.opt(self.decided_by)?,
            decided_at: self.decided_at,
            note: self.note,
            snapshot: json("snapshot", self.snapshot)?,
            changes: json("changes", self.changes)?,
            resubmitted_at: self.resubmitted_at,
        };
        Ok((self.sheet, fields))
    }
}

async fn reopenings(conn: &mut SqliteConnection, sql: &str, edition_id: i64) -> sqlx::Result<Vec<ReopeningRow>> {
    sqlx::query_as(sql).bind(edition_id).fetch_all(&mut *conn).await
}

/// Insert one reopening of a nulmeting sheet or a score sheet.
async fn insert_reopening(conn: &mut SqliteConnection, table: &str, column: &str, sheet: i64, f: &ReopeningFields, people: &NewIds) -> Result<(), ImportError> {
    let json = |v: &Option<Value>| v.as_ref().map(Value::to_string);
    sqlx::query(&format!(
        "insert into {table} ({column}, state, reason, requested_by, requested_at, decided_by, decided_at, note, snapshot, changes, resubmitted_at) \
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ))
    .bind(sheet)
    .bind(f.state.key())
    .bind(&f.reason)
    .bind(people.get(f.requested_by)?)
    .bind(f.requested_at)
    .bind(people.opt(f.decided_by)?)
    .bind(f.decided_at)
    .bind(&f.note)
    .bind(json(&f.snapshot))
    .bind(json(&f.changes))
    .bind(f.resubmitted_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// New ids of one table, by document id.
#[derive(Default)]
struct NewIds(HashMap<i64, i64>);

impl NewIds {
    /// The new id of a row the document refers to. The document was checked
    /// before import, so a missing key is a bug; it fails the import.
    fn get(&self, key: i64) -> Result<i64, ImportError> {
        self.0.get(&key).copied().ok_or_else(|| ImportError::Rejected(format!("a reference to id {key} that is not in the file")))
    }

    fn opt(&self, key: Option<i64>) -> Result<Option<i64>, ImportError> {
        key.map(|k| self.get(k)).transpose()
    }
}

fn text_json(v: &Value) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// Write a checked document as a new edition, all or nothing. Coordinators
/// and jurors who already exist with the same name and e-mail are linked
/// rather than created twice. `by` is recorded in the audit log.
pub async fn import(db: &super::Writer, d: &ExchangeDocument, by: Option<i64>) -> Result<ImportSummary, ImportError> {
    let mut tx = db.begin().await?;
    let summary = import_in(&mut tx, d, by).await?;
    tx.commit().await?;
    Ok(summary)
}

async fn import_in(tx: &mut Transaction<'_, Sqlite>, d: &ExchangeDocument, by: Option<i64>) -> Result<ImportSummary, ImportError> {
    let e = &d.edition;
    let has_active: i64 = sqlx::query_scalar("select count(*) from editions where active = 1").fetch_one(&mut **tx).await?;
    let active = e.active && has_active == 0;
    let edition_id: i64 = sqlx::query_scalar(
        "insert into editions (name, school_year, nulmeting_deadline, plan_deadline, final_date, final_place, \
         cofinancing_threshold_pct, active, version, created_at, rubric_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
    )
    .bind(&e.name)
    .bind(&e.school_year)
    .bind(e.nulmeting_deadline.map(|x| x.to_string()))
    .bind(e.plan_deadline.map(|x| x.to_string()))
    .bind(e.final_date.map(|x| x.to_string()))
    .bind(&e.final_place)
    .bind(i64::from(e.cofinancing_threshold_pct))
    .bind(i64::from(active))
    .bind(e.version)
    .bind(e.created_at)
    .bind(i64::from(e.rubric_version))
    .fetch_one(&mut **tx)
    .await?;

    let mut companies = NewIds::default();
    for c in &d.companies {
        let id: i64 = sqlx::query_scalar(
            "insert into companies (edition_id, name, town, sector, contact_name, contact_email, archived_at, version, created_at) \
             values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(edition_id)
        .bind(&c.name)
        .bind(&c.town)
        .bind(&c.sector)
        .bind(&c.contact_name)
        .bind(&c.contact_email)
        .bind(c.archived_at)
        .bind(c.version)
        .bind(c.created_at)
        .fetch_one(&mut **tx)
        .await?;
        companies.0.insert(c.id, id);
    }
    let mut schools = NewIds::default();
    for s in &d.schools {
        let id: i64 = sqlx::query_scalar(
            "insert into schools (edition_id, name, town, region, tracks, contact_name, contact_email, company_id, archived_at, \
             version, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(edition_id)
        .bind(&s.name)
        .bind(&s.town)
        .bind(&s.region)
        .bind(tracks_to_db(&s.tracks))
        .bind(&s.contact_name)
        .bind(&s.contact_email)
        .bind(companies.opt(s.company_id)?)
        .bind(s.archived_at)
        .bind(s.version)
        .bind(s.created_at)
        .fetch_one(&mut **tx)
        .await?;
        schools.0.insert(s.id, id);
    }

    let mut people = NewIds::default();
    let (mut created, mut reused) = (0, 0);
    let mut taken: HashSet<i64> = HashSet::new();
    for p in &d.people {
        if matches!(p.role, Role::Coordinator | Role::Juror) {
            let existing: Vec<i64> =
                sqlx::query_scalar("select id from people where role = ? and name = ? and email = ? and archived_at is null")
                    .bind(p.role.key())
                    .bind(&p.name)
                    .bind(&p.email)
                    .fetch_all(&mut **tx)
                    .await?;
            // Never link two people of the file to one person.
            let existing: Vec<i64> = existing.into_iter().filter(|id| !taken.contains(id)).collect();
            if let [one] = existing[..] {
                taken.insert(one);
                people.0.insert(p.id, one);
                reused += 1;
                continue;
            }
        }
        let id: i64 = sqlx::query_scalar(
            "insert into people (name, email, role, school_id, company_id, school_function, archived_at, created_at) \
             values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(&p.name)
        .bind(&p.email)
        .bind(p.role.key())
        .bind(schools.opt(p.school_id)?)
        .bind(companies.opt(p.company_id)?)
        .bind(p.school_function.map(SchoolFunction::key))
        .bind(p.archived_at)
        .bind(p.created_at)
        .fetch_one(&mut **tx)
        .await?;
        taken.insert(id);
        people.0.insert(p.id, id);
        created += 1;
    }

    let mut networks = NewIds::default();
    for n in &d.networks {
        let id: i64 = sqlx::query_scalar("insert into networks (edition_id, kind, name) values (?, ?, ?) returning id")
            .bind(edition_id)
            .bind(n.kind.key())
            .bind(&n.name)
            .fetch_one(&mut **tx)
            .await?;
        networks.0.insert(n.id, id);
    }
    let mut sessions = NewIds::default();
    for s in &d.network_sessions {
        let id: i64 = sqlx::query_scalar(
            "insert into network_sessions (network_id, date, place, topic, version, created_at) values (?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(networks.get(s.network_id)?)
        .bind(s.date.to_string())
        .bind(&s.place)
        .bind(&s.topic)
        .bind(s.version)
        .bind(s.created_at)
        .fetch_one(&mut **tx)
        .await?;
        sessions.0.insert(s.id, id);
    }
    for a in &d.attendance {
        sqlx::query("insert into attendance (session_id, school_id, company_id) values (?, ?, ?)")
            .bind(sessions.get(a.session_id)?)
            .bind(schools.opt(a.school_id)?)
            .bind(companies.opt(a.company_id)?)
            .execute(&mut **tx)
            .await?;
    }

    let mut measurements = NewIds::default();
    for m in &d.measurements {
        let id: i64 = sqlx::query_scalar(
            "insert into measurements (edition_id, school_id, kind, rubric_version, status, opened_at, closed_at) \
             values (?, ?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(edition_id)
        .bind(schools.get(m.school_id)?)
        .bind(m.kind.key())
        .bind(m.rubric_version)
        .bind(m.status.key())
        .bind(m.opened_at)
        .bind(m.closed_at)
        .fetch_one(&mut **tx)
        .await?;
        measurements.0.insert(m.id, id);
    }
    let mut responses = NewIds::default();
    for r in &d.responses {
        let id: i64 = sqlx::query_scalar(
            "insert into responses (measurement_id, person_id, submitted_at, created_at) values (?, ?, ?, ?) returning id",
        )
        .bind(measurements.get(r.measurement_id)?)
        .bind(people.get(r.person_id)?)
        .bind(r.submitted_at)
        .bind(r.created_at)
        .fetch_one(&mut **tx)
        .await?;
        responses.0.insert(r.id, id);
    }
    for a in &d.answers {
        sqlx::query(
            "insert into answers (response_id, indicator_id, level, not_applicable, dont_know, comment, evidence_url, version, updated_at) \
             values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(responses.get(a.response_id)?)
        .bind(&a.indicator_id)
        .bind(a.level.map(|l| i64::from(l.get())))
        .bind(i64::from(a.not_applicable))
        .bind(i64::from(a.dont_know))
        .bind(&a.comment)
        .bind(&a.evidence_url)
        .bind(a.version)
        .bind(a.updated_at)
        .execute(&mut **tx)
        .await?;
    }
    for c in &d.consensus {
        sqlx::query(
            "insert into consensus (measurement_id, indicator_id, level, rationale, decided_by, decided_at, version) \
             values (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(measurements.get(c.measurement_id)?)
        .bind(&c.indicator_id)
        .bind(c.level.map(|l| i64::from(l.get())))
        .bind(&c.rationale)
        .bind(people.opt(c.decided_by)?)
        .bind(c.decided_at)
        .bind(c.version)
        .execute(&mut **tx)
        .await?;
    }

    let mut plans = NewIds::default();
    for p in &d.plans {
        let id: i64 = sqlx::query_scalar(
            "insert into plans (edition_id, school_id, version, created_at, updated_at) values (?, ?, ?, ?, ?) returning id",
        )
        .bind(edition_id)
        .bind(schools.get(p.school_id)?)
        .bind(p.version)
        .bind(p.created_at)
        .bind(p.updated_at)
        .fetch_one(&mut **tx)
        .await?;
        plans.0.insert(p.id, id);
    }
    let mut goals = NewIds::default();
    for g in &d.goals {
        let id: i64 = sqlx::query_scalar(
            "insert into goals (plan_id, title, description, position, version, created_at, updated_at, deleted_at) \
             values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(plans.get(g.plan_id)?)
        .bind(&g.title)
        .bind(&g.description)
        .bind(g.position)
        .bind(g.version)
        .bind(g.created_at)
        .bind(g.updated_at)
        .bind(g.deleted_at)
        .fetch_one(&mut **tx)
        .await?;
        goals.0.insert(g.id, id);
    }
    for t in &d.goal_targets {
        sqlx::query("insert into goal_targets (goal_id, indicator_id, current_level, target_level) values (?, ?, ?, ?)")
            .bind(goals.get(t.goal_id)?)
            .bind(&t.indicator_id)
            .bind(t.current_level.map(|l| i64::from(l.get())))
            .bind(i64::from(t.target_level.get()))
            .execute(&mut **tx)
            .await?;
    }
    let mut actions = NewIds::default();
    for a in &d.actions {
        let id: i64 = sqlx::query_scalar(
            "insert into actions (goal_id, description, owner, start_date, deadline, budget_cents, contribution_kind, \
             contribution_cents, contribution_description, success_criterion, status, evidence_url, position, version, \
             created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(goals.get(a.goal_id)?)
        .bind(&a.description)
        .bind(&a.owner)
        .bind(a.start_date.map(|x| x.to_string()))
        .bind(a.deadline.map(|x| x.to_string()))
        .bind(a.budget_cents)
        .bind(a.contribution_kind.key())
        .bind(a.contribution_cents)
        .bind(&a.contribution_description)
        .bind(&a.success_criterion)
        .bind(a.status.key())
        .bind(&a.evidence_url)
        .bind(a.position)
        .bind(a.version)
        .bind(a.created_at)
        .bind(a.updated_at)
        .fetch_one(&mut **tx)
        .await?;
        actions.0.insert(a.id, id);
    }
    let mut versions = NewIds::default();
    for v in &d.plan_versions {
        let mut snapshot = v.snapshot.clone();
        let to_id = |ids: &NewIds, key: i64| if key > 0 { ids.0.get(&key).copied().unwrap_or(-key) } else { key };
        map_snapshot_ids(&mut snapshot, |g| to_id(&goals, g), |a| to_id(&actions, a));
        let id: i64 = sqlx::query_scalar(
            "insert into plan_versions (plan_id, number, submitted_at, submitted_by, snapshot) values (?, ?, ?, ?, ?) returning id",
        )
        .bind(plans.get(v.plan_id)?)
        .bind(v.number)
        .bind(v.submitted_at)
        .bind(people.opt(v.submitted_by)?)
        .bind(text_json(&snapshot))
        .fetch_one(&mut **tx)
        .await?;
        versions.0.insert(v.id, id);
    }
    let mut threads = NewIds::default();
    for t in &d.threads {
        let target = match t.target_kind {
            ThreadTarget::Goal => goals.get(t.target_id)?,
            ThreadTarget::Action => actions.get(t.target_id)?,
        };
        let id: i64 = sqlx::query_scalar(
            "insert into threads (plan_id, target_kind, target_id, resolved_at, resolved_by, created_at) \
             values (?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(plans.get(t.plan_id)?)
        .bind(t.target_kind.key())
        .bind(target)
        .bind(t.resolved_at)
        .bind(people.opt(t.resolved_by)?)
        .bind(t.created_at)
        .fetch_one(&mut **tx)
        .await?;
        threads.0.insert(t.id, id);
    }
    for c in &d.comments {
        sqlx::query("insert into comments (thread_id, author_id, body, created_at) values (?, ?, ?, ?)")
            .bind(threads.get(c.thread_id)?)
            .bind(people.get(c.author_id)?)
            .bind(&c.body)
            .bind(c.created_at)
            .execute(&mut **tx)
            .await?;
    }
    for r in &d.plan_reads {
        sqlx::query("insert into plan_reads (person_id, plan_id, last_read_at) values (?, ?, ?)")
            .bind(people.get(r.person_id)?)
            .bind(plans.get(r.plan_id)?)
            .bind(r.last_read_at)
            .execute(&mut **tx)
            .await?;
    }

    let mut categories = NewIds::default();
    for c in &d.award_categories {
        let id: i64 =
            sqlx::query_scalar("insert into award_categories (edition_id, name, position) values (?, ?, ?) returning id")
                .bind(edition_id)
                .bind(&c.name)
                .bind(c.position)
                .fetch_one(&mut **tx)
                .await?;
        categories.0.insert(c.id, id);
    }
    let mut criteria = NewIds::default();
    for c in &d.criteria {
        let id: i64 = sqlx::query_scalar(
            "insert into criteria (edition_id, name_nl, name_en, description_nl, description_en, weight, anchors, position) \
             values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(edition_id)
        .bind(&c.name_nl)
        .bind(&c.name_en)
        .bind(&c.description_nl)
        .bind(&c.description_en)
        .bind(i64::from(c.weight))
        .bind(text_json(&c.anchors))
        .bind(c.position)
        .fetch_one(&mut **tx)
        .await?;
        criteria.0.insert(c.id, id);
    }
    let mut finalists = NewIds::default();
    for f in &d.finalists {
        let id: i64 = sqlx::query_scalar(
            "insert into finalists (category_id, school_id, plan_version_id) values (?, ?, ?) returning id",
        )
        .bind(categories.get(f.category_id)?)
        .bind(schools.get(f.school_id)?)
        .bind(versions.opt(f.plan_version_id)?)
        .fetch_one(&mut **tx)
        .await?;
        finalists.0.insert(f.id, id);
    }
    if let Some(j) = &d.jury_settings {
        let mut tie_break = j.tie_break.clone();
        map_tie_break_criteria(&mut tie_break, |c| criteria.0.get(&c).copied());
        let chair_order = j.chair_order.clone().map(|mut order| {
            map_chair_order(&mut order, |f| finalists.0.get(&f).copied());
            text_json(&order)
        });
        sqlx::query(
            "insert into jury_settings (edition_id, status, tie_break, chair_id, chair_order, locked_at, published_at, version) \
             values (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(edition_id)
        .bind(j.status.key())
        .bind(text_json(&tie_break))
        .bind(people.opt(j.chair_id)?)
        .bind(chair_order)
        .bind(j.locked_at)
        .bind(j.published_at)
        .bind(j.version)
        .execute(&mut **tx)
        .await?;
    }
    for j in &d.jurors {
        sqlx::query("insert into jurors (edition_id, person_id, company_id) values (?, ?, ?)")
            .bind(edition_id)
            .bind(people.get(j.person_id)?)
            .bind(companies.opt(j.company_id)?)
            .execute(&mut **tx)
            .await?;
    }
    for x in &d.conflicts {
        sqlx::query(
            "insert into conflicts (person_id, finalist_id, kind, reason, dismissed_at, dismissed_by, dismiss_reason, created_at) \
             values (?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(people.get(x.person_id)?)
        .bind(finalists.get(x.finalist_id)?)
        .bind(x.kind.key())
        .bind(&x.reason)
        .bind(x.dismissed_at)
        .bind(people.opt(x.dismissed_by)?)
        .bind(&x.dismiss_reason)
        .bind(x.created_at)
        .execute(&mut **tx)
        .await?;
    }
    let mut sheets = NewIds::default();
    for s in &d.score_sheets {
        let id: i64 = sqlx::query_scalar(
            "insert into score_sheets (person_id, finalist_id, remark, submitted_at, version, updated_at) \
             values (?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(people.get(s.person_id)?)
        .bind(finalists.get(s.finalist_id)?)
        .bind(&s.remark)
        .bind(s.submitted_at)
        .bind(s.version)
        .bind(s.updated_at)
        .fetch_one(&mut **tx)
        .await?;
        sheets.0.insert(s.id, id);
    }
    for s in &d.scores {
        sqlx::query("insert into scores (sheet_id, criterion_id, score, remark) values (?, ?, ?, ?)")
            .bind(sheets.get(s.sheet_id)?)
            .bind(criteria.get(s.criterion_id)?)
            .bind(i64::from(s.score.get()))
            .bind(&s.remark)
            .execute(&mut **tx)
            .await?;
    }
    for r in &d.response_reopenings {
        insert_reopening(tx, "response_reopenings", "response_id", responses.get(r.response_id)?, &r.fields, &people).await?;
    }
    for r in &d.sheet_reopenings {
        let mut fields = r.fields.clone();
        map_reopening_criteria(&mut fields, |c| criteria.0.get(&c).copied())
            .map_err(|c| ImportError::Rejected(format!("a reopened score sheet names criterion {c}, which is not in the file")))?;
        insert_reopening(tx, "sheet_reopenings", "sheet_id", sheets.get(r.sheet_id)?, &fields, &people).await?;
    }
    // Evidence files: the rows (the caller stored their bytes first).
    let mut evidence_ids = std::collections::HashMap::new();
    for f in &d.evidence_files {
        let row = sqlx::query(
            "insert into evidence_files (edition_id, school_id, item_kind, measurement_id, indicator_id, person_id, action_id, \
             name, size, kind, sha256, uploaded_by, uploaded_at, deleted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(edition_id)
        .bind(schools.get(f.school_id)?)
        .bind(&f.item_kind)
        .bind(measurements.opt(f.measurement_id)?)
        .bind(&f.indicator_id)
        .bind(people.opt(f.person_id)?)
        .bind(actions.opt(f.action_id)?)
        .bind(rubric::evidence::display_name(&f.name))
        .bind(i64::try_from(f.size).map_err(|_| ImportError::Rejected("an evidence file is too large".into()))?)
        .bind(f.kind.key())
        .bind(&f.sha256)
        .bind(people.opt(f.uploaded_by)?)
        .bind(f.uploaded_at)
        .bind(f.deleted_at)
        .execute(&mut **tx)
        .await?;
        evidence_ids.insert(f.id, row.last_insert_rowid());
    }
    for r in &d.dossiers {
        let mut dossier = r.dossier.clone();
        for signoff in [&mut dossier.school_signoff, &mut dossier.company_signoff].into_iter().flatten() {
            signoff.person_id = people.get(signoff.person_id)?;
        }
        // The chosen evidence files, by the ids the file gave them.
        dossier.school.evidence = dossier
            .school
            .evidence
            .iter()
            .map(|f| evidence_ids.get(f).copied().ok_or_else(|| ImportError::Rejected(format!("a dossier chooses evidence file {f}, which is not in the file"))))
            .collect::<Result<_, _>>()?;
        super::dossiers::save(tx, edition_id, schools.get(r.school_id)?, &dossier).await?;
    }
    regions::import(tx, edition_id, d, &schools, &companies, &goals, &actions).await?;
    super::audit(
        &mut **tx,
        by,
        "import",
        &format!("edition {edition_id} ({}) imported from a format_version {} file", e.name, d.format_version),
    )
    .await?;
    Ok(ImportSummary {
        edition_id,
        name: e.name.clone(),
        active,
        schools: d.schools.len(),
        companies: d.companies.len(),
        people: created,
        people_reused: reused,
    })
}

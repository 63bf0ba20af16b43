//! The coordinator dashboard's numbers, read straight from the shared
//! tables of the other steps (measurements, responses, answers, consensus,
//! plans, plan versions, comment threads) and turned into per-school
//! progress and the edition's timeline by the rubric crate.

use rubric::programme::{timeline, Dashboard, Edition, NetworkKind, SchoolProgress};
use rubric::Date;
use sqlx::SqlitePool;
use std::collections::HashMap;

/// Counts per school from one grouped query.
async fn counts(db: &SqlitePool, sql: &str, edition_id: i64) -> sqlx::Result<HashMap<i64, (i64, i64)>> {
    let rows: Vec<(i64, i64, Option<i64>)> = sqlx::query_as(sql).bind(edition_id).fetch_all(db).await?;
    Ok(rows.into_iter().map(|(school, a, b)| (school, (a, b.unwrap_or(0)))).collect())
}

fn n(v: i64) -> u32 {
    u32::try_from(v.max(0)).unwrap_or(u32::MAX)
}

/// The progress of every active school of the edition, by name.
pub async fn progress(db: &SqlitePool, edition_id: i64) -> sqlx::Result<Vec<SchoolProgress>> {
    let schools = super::schools::list(db, edition_id, false).await?;
    let companies: HashMap<i64, String> =
        super::companies::list(db, edition_id, true).await?.into_iter().map(|c| (c.id, c.name)).collect();
    // A school's baseline counts against the rubric version it opened on;
    // before it opens, against the edition's.
    let edition_version: i64 = sqlx::query_scalar("select rubric_version from editions where id = ?").bind(edition_id).fetch_one(db).await?;
    let baseline_versions: HashMap<i64, i64> =
        sqlx::query_as::<_, (i64, i64)>("select school_id, rubric_version from measurements where edition_id = ? and kind = 'baseline'")
            .bind(edition_id)
            .fetch_all(db)
            .await?
            .into_iter()
            .collect();
    let indicators = |school: i64| {
        let version = baseline_versions.get(&school).copied().unwrap_or(edition_version);
        u32::try_from(rubric::rubric_versions::indicator_count(u32::try_from(version).unwrap_or(0))).unwrap_or(0)
    };
    let team = counts(
        db,
        "select p.school_id, count(*), null from people p join schools s on s.id = p.school_id \
         where s.edition_id = ? and p.role = 'school-member' and p.archived_at is null group by p.school_id",
        edition_id,
    )
    .await?;
    let responses = counts(
        db,
        "select m.school_id, count(r.id), sum(r.submitted_at is not null) from measurements m \
         join responses r on r.measurement_id = m.id where m.edition_id = ? and m.kind = 'baseline' group by m.school_id",
        edition_id,
    )
    .await?;
    let answers = counts(
        db,
        "select m.school_id, count(*), null from answers a join responses r on r.id = a.response_id \
         join measurements m on m.id = r.measurement_id where m.edition_id = ? and m.kind = 'baseline' \
         and (a.level is not null or a.not_applicable = 1 or a.dont_know = 1) group by m.school_id",
        edition_id,
    )
    .await?;
    let consensus = counts(
        db,
        "select m.school_id, count(*), null from consensus c join measurements m on m.id = c.measurement_id \
         where m.edition_id = ? and m.kind = 'baseline' group by m.school_id",
        edition_id,
    )
    .await?;
    let goals = counts(
        db,
        "select p.school_id, count(g.id), null from plans p join goals g on g.plan_id = p.id \
         where p.edition_id = ? group by p.school_id",
        edition_id,
    )
    .await?;
    let versions = counts(
        db,
        "select p.school_id, count(v.id), max(v.submitted_at) from plans p join plan_versions v on v.plan_id = p.id \
         where p.edition_id = ? group by p.school_id",
        edition_id,
    )
    .await?;
    let open = counts(
        db,
        "select p.school_id, count(distinct t.id), null from threads t join plans p on p.id = t.plan_id \
         join comments c on c.thread_id = t.id join people a on a.id = c.author_id \
         where p.edition_id = ? and t.resolved_at is null and a.role = 'company-member' group by p.school_id",
        edition_id,
    )
    .await?;
    let added: HashMap<i64, i64> = sqlx::query_as::<_, (i64, i64)>("select id, created_at from schools where edition_id = ?")
        .bind(edition_id)
        .fetch_all(db)
        .await?
        .into_iter()
        .collect();
    let dossiers = super::dossiers::statuses(db, edition_id).await?;
    let get = |m: &HashMap<i64, (i64, i64)>, id: i64| m.get(&id).copied().unwrap_or((0, 0));
    Ok(schools
        .iter()
        .map(|s| {
            let company = s.company_id.and_then(|c| companies.get(&c).cloned());
            let mut p = SchoolProgress::new(s, company, indicators(s.id));
            p.team_members = n(get(&team, s.id).0);
            let (started, submitted) = get(&responses, s.id);
            p.respondents = n(started);
            p.submitted = n(submitted);
            p.answered = n(get(&answers, s.id).0);
            p.consensus = n(get(&consensus, s.id).0);
            p.plan_goals = n(get(&goals, s.id).0);
            let (count, last) = get(&versions, s.id);
            p.plan_versions = n(count);
            p.last_submitted_at = (count > 0).then_some(last);
            p.open_comments = n(get(&open, s.id).0);
            p.added_on = added.get(&s.id).and_then(|at| Date::from_unix_seconds(*at));
            p.dossier = dossiers.get(&s.id).copied().unwrap_or_default();
            p
        })
        .collect())
}

/// The whole dashboard of an edition on `today`.
pub async fn dashboard(db: &SqlitePool, edition: Edition, today: Date) -> sqlx::Result<Dashboard> {
    let schools = progress(db, edition.id).await?;
    let sessions: Vec<(NetworkKind, Date, String, String)> = super::networks::list(db, edition.id)
        .await?
        .into_iter()
        .flat_map(|n| n.sessions.into_iter().map(move |s| (n.kind, s.date, s.place, s.topic)))
        .collect();
    let companies: i64 = sqlx::query_scalar("select count(*) from companies where edition_id = ? and archived_at is null")
        .bind(edition.id)
        .fetch_one(db)
        .await?;
    let timeline = timeline(&edition, &sessions, &schools, today);
    Ok(Dashboard { edition, today, schools, timeline, companies: n(companies) })
}

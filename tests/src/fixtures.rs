//! Test data written straight into the database, for journeys that need an
//! edition, schools and companies before the one under test starts. Each
//! function returns the new row's id.

use sqlx::SqlitePool;

pub type DbResult<T> = Result<T, sqlx::Error>;

fn now() -> i64 {
    server::db::now()
}

/// An active edition.
pub async fn edition(db: &SqlitePool, name: &str) -> DbResult<i64> {
    sqlx::query("update editions set active = 0").execute(db).await?;
    sqlx::query_scalar(
        "insert into editions (name, school_year, nulmeting_deadline, plan_deadline, final_date, final_place, active, created_at) \
         values (?, '2025-2026', '2025-12-19', '2026-03-27', '2026-05-29', 'Sint-Niklaas', 1, ?) returning id",
    )
    .bind(name)
    .bind(now())
    .fetch_one(db)
    .await
}

pub async fn school(db: &SqlitePool, edition_id: i64, name: &str, town: &str) -> DbResult<i64> {
    sqlx::query_scalar(
        "insert into schools (edition_id, name, town, region, tracks, created_at) values (?, ?, ?, 'Oost-Vlaanderen', 'transition', ?) returning id",
    )
    .bind(edition_id)
    .bind(name)
    .bind(town)
    .bind(now())
    .fetch_one(db)
    .await
}

pub async fn company(db: &SqlitePool, edition_id: i64, name: &str, town: &str) -> DbResult<i64> {
    sqlx::query_scalar(
        "insert into companies (edition_id, name, town, sector, created_at) values (?, ?, ?, 'chemie', ?) returning id",
    )
    .bind(edition_id)
    .bind(name)
    .bind(town)
    .bind(now())
    .fetch_one(db)
    .await
}

/// Make `company_id` the sponsor of `school_id`.
pub async fn sponsor(db: &SqlitePool, school_id: i64, company_id: i64) -> DbResult<()> {
    sqlx::query("update schools set company_id = ? where id = ?").bind(company_id).bind(school_id).execute(db).await?;
    Ok(())
}

/// Give the person with this (unique) name a function in their school team,
/// e.g. `stem-coordinator` or `direction` (nulmeting, issue 5).
pub async fn school_function(db: &SqlitePool, name: &str, function: &str) -> DbResult<()> {
    sqlx::query("update people set school_function = ? where name = ?").bind(function).bind(name).execute(db).await?;
    Ok(())
}

/// The id of the person with this (unique) name.
pub async fn person_id(db: &SqlitePool, name: &str) -> DbResult<i64> {
    sqlx::query_scalar("select id from people where name = ?").bind(name).fetch_one(db).await
}

/// A complete nulmeting (answers and consensus) for every school of the
/// edition that has none yet, as the demo has it (issue 5).
pub async fn nulmeting_demo(writer: &server::db::Writer, edition_id: i64) -> DbResult<()> {
    server::db::nulmeting_demo::seed(writer, edition_id).await.map(|_| ())
}

/// Move the edition's nulmeting deadline (`YYYY-MM-DD`); baselines open on
/// first use only until that day (issue 5).
pub async fn nulmeting_deadline(db: &SqlitePool, edition_id: i64, date: &str) -> DbResult<()> {
    sqlx::query("update editions set nulmeting_deadline = ? where id = ?").bind(date).bind(edition_id).execute(db).await?;
    Ok(())
}

/// A closed baseline measurement of `school_id` with a consensus level per
/// listed indicator (`None` = not applicable): the school's nulmeting
/// result as the plan reads it. Returns the measurement id.
pub async fn baseline_consensus(
    db: &SqlitePool,
    edition_id: i64,
    school_id: i64,
    levels: &[(&str, Option<u8>)],
) -> DbResult<i64> {
    let measurement: i64 = sqlx::query_scalar(
        "insert into measurements (edition_id, school_id, kind, rubric_version, status, opened_at, closed_at) \
         values (?, ?, 'baseline', ?, 'closed', ?, ?) returning id",
    )
    .bind(edition_id)
    .bind(school_id)
    .bind(i64::from(rubric::current_rubric().version))
    .bind(now())
    .bind(now())
    .fetch_one(db)
    .await?;
    for (indicator, level) in levels {
        sqlx::query("insert into consensus (measurement_id, indicator_id, level, rationale, decided_at) values (?, ?, ?, '', ?)")
            .bind(measurement)
            .bind(*indicator)
            .bind(level.map(i64::from))
            .bind(now())
            .execute(db)
            .await?;
    }
    Ok(measurement)
}

/// Consensus on every indicator of the rubric: the listed ones at their
/// level, all others at `rest`.
pub async fn full_baseline(
    db: &SqlitePool,
    edition_id: i64,
    school_id: i64,
    low: &[(&str, u8)],
    rest: u8,
) -> DbResult<i64> {
    let levels: Vec<(&str, Option<u8>)> = rubric::current_rubric()
        .indicators()
        .map(|(_, ind)| {
            let level = low.iter().find(|(id, _)| *id == ind.id).map_or(rest, |(_, l)| *l);
            (ind.id.as_str(), Some(level))
        })
        .collect();
    baseline_consensus(db, edition_id, school_id, &levels).await
}


// Jury (issue 7) -----------------------------------------------------------------

/// A submitted action plan: a `plans` row and version 1 with `plan` as its
/// frozen snapshot. Returns the plan version id.
pub async fn submitted_plan(
    db: &SqlitePool,
    edition_id: i64,
    school_id: i64,
    plan: &rubric::plan::ActionPlan,
) -> DbResult<i64> {
    let plan_id: i64 = sqlx::query_scalar(
        "insert into plans (edition_id, school_id, created_at, updated_at) values (?, ?, ?, ?) returning id",
    )
    .bind(edition_id)
    .bind(school_id)
    .bind(now())
    .bind(now())
    .fetch_one(db)
    .await?;
    let snapshot = serde_json::to_string(plan).map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    sqlx::query_scalar(
        "insert into plan_versions (plan_id, number, submitted_at, snapshot) values (?, 1, ?, ?) returning id",
    )
    .bind(plan_id)
    .bind(now())
    .bind(snapshot)
    .fetch_one(db)
    .await
}

/// A small plan: two goals on real rubric indicators, with actions that
/// have owners, dates, budgets and a company contribution. `title` starts
/// the first goal's title, so tests can look for it.
pub fn sample_plan(title: &str) -> rubric::plan::ActionPlan {
    use rubric::plan::{Action, ActionPlan, ActionStatus, Contribution, ContributionKind, Goal, IndicatorTarget};
    let rubric = rubric::current_rubric();
    let ids: Vec<String> = rubric.indicators().map(|(_, i)| i.id.clone()).take(2).collect();
    let level = |n| rubric::Level::new(n).ok();
    let target = |i: usize, from, to| IndicatorTarget {
        indicator_id: ids.get(i).cloned().unwrap_or_default(),
        current_level: level(from),
        target_level: level(to).unwrap_or_else(|| rubric::Level::new(1).expect("level 1")),
    };
    let action = |id, goal_id, description: &str, budget, contribution| Action {
        id,
        goal_id,
        description: description.into(),
        owner: "Els Peeters".into(),
        start: "2026-01-12".parse().ok(),
        deadline: "2026-05-29".parse().ok(),
        budget_cents: budget,
        company_contribution: Contribution {
            kind: if contribution > 0 { ContributionKind::InKind } else { ContributionKind::None },
            value_cents: contribution,
            description: if contribution > 0 { "labo en begeleiding".into() } else { String::new() },
        },
        success_criterion: "80 % van de leerlingen werkt het project af".into(),
        status: ActionStatus::Planned,
        evidence_url: None,
        position: 0,
    };
    ActionPlan {
        goals: vec![
            Goal {
                id: 1,
                title: format!("{title}: STEM-leerlijn in de eerste graad"),
                description: "Een doorlopende leerlijn voor onderzoekend leren.".into(),
                indicator_targets: vec![target(0, 1, 3)],
                position: 0,
            },
            Goal {
                id: 2,
                title: "Projectweek met het peterbedrijf".into(),
                description: String::new(),
                indicator_targets: vec![target(1, 2, 3)],
                position: 1,
            },
        ],
        actions: vec![
            action(1, 1, "Leerlijn uitschrijven met de vakgroepen", 150_000, 0),
            action(2, 2, "Projectweek in het bedrijfslabo", 400_000, 120_000),
        ],
    }
}

/// A baseline (or final) measurement with a consensus level for every
/// rubric indicator: `level(i)` gives the level of the i-th indicator.
pub async fn consensus_profile(
    db: &SqlitePool,
    edition_id: i64,
    school_id: i64,
    kind: &str,
    level: impl Fn(usize) -> i64,
) -> DbResult<i64> {
    let measurement: i64 = sqlx::query_scalar(
        "insert into measurements (edition_id, school_id, kind, rubric_version, status, opened_at, closed_at) \
         values (?, ?, ?, ?, 'closed', ?, ?) returning id",
    )
    .bind(edition_id)
    .bind(school_id)
    .bind(kind)
    .bind(i64::from(rubric::current_rubric().version))
    .bind(now())
    .bind(now())
    .fetch_one(db)
    .await?;
    for (i, (_, indicator)) in rubric::current_rubric().indicators().enumerate() {
        sqlx::query("insert into consensus (measurement_id, indicator_id, level, decided_at) values (?, ?, ?, ?)")
            .bind(measurement)
            .bind(&indicator.id)
            .bind(level(i).clamp(1, 4))
            .bind(now())
            .execute(db)
            .await?;
    }
    Ok(measurement)
}

/// A person with the juror role. Returns the person id.
pub async fn juror_person(db: &SqlitePool, name: &str) -> DbResult<i64> {
    sqlx::query_scalar("insert into people (name, role, created_at) values (?, 'juror', ?) returning id")
        .bind(name)
        .bind(now())
        .fetch_one(db)
        .await
}

/// A region of the edition (issue 17). Returns its id.
pub async fn region(db: &SqlitePool, edition_id: i64, name: &str) -> DbResult<i64> {
    sqlx::query_scalar("insert into regions (edition_id, name, created_at) values (?, ?, 0) returning id")
        .bind(edition_id)
        .bind(name)
        .fetch_one(db)
        .await
}

/// A regional coordinator of the region. Returns the person id.
pub async fn regional_coordinator(db: &SqlitePool, region_id: i64, name: &str) -> DbResult<i64> {
    sqlx::query_scalar("insert into people (name, role, region_id, created_at) values (?, 'regional-coordinator', ?, 0) returning id")
        .bind(name)
        .bind(region_id)
        .fetch_one(db)
        .await
}

// Layout and accessibility (issue 14) ----------------------------------------------

/// The demo edition (`stempact demo`: 20 schools, companies, networks,
/// nulmeting, plans with comments, a jury half-way), dated around today.
/// Returns the edition id.
pub async fn demo_edition(writer: &server::db::Writer) -> Result<i64, Box<dyn std::error::Error + Send + Sync>> {
    let today = rubric::Date::from_unix_seconds(now()).ok_or("the clock is out of range")?;
    let doc = server::demo::document(today, now());
    server::db::exchange::import(writer, &doc, None).await?;
    Ok(sqlx::query_scalar("select id from editions where active = 1 order by id desc limit 1").fetch_one(writer.pool()).await?)
}

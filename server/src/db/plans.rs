//! The SQL of action plans: the school and edition a plan hangs off, goals
//! with their indicator targets (soft-deleted so a delete can be undone),
//! actions, positions, and the submitted versions (frozen JSON snapshots of
//! `rubric::plan::ActionPlan`). Versioned rows are updated only when the
//! caller's `version` still matches.

use super::now;
use rubric::plan::view::{ActionRow, GoalRow, PlanEdition, PlanSchool, RowVersions};
use rubric::plan::{
    Action, ActionFields, ActionPlan, ActionStatus, Contribution, ContributionKind, Goal,
    GoalFields, IndicatorTarget, NewPosition, PlanVersion,
};
use rubric::{Date, Level};
use sqlx::{SqliteConnection, SqliteExecutor};

/// The school of a plan and who sponsors it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolScope {
    pub school: PlanSchool,
    pub edition_id: i64,
}

/// The outcome of a versioned update.
#[derive(Debug, Clone, PartialEq)]
pub enum Write<T> {
    Done(T),
    /// The row changed since the caller read it: here is the current row.
    Stale(T),
    /// No such row in this plan.
    Missing,
}

/// id, edition, name, town, company id, company name.
type SchoolTuple = (i64, i64, String, String, Option<i64>, Option<String>);

/// The school with its sponsor; `None` when unknown or archived.
pub async fn school_scope<'e, E: SqliteExecutor<'e>>(db: E, school_id: i64) -> sqlx::Result<Option<SchoolScope>> {
    let row: Option<SchoolTuple> = sqlx::query_as(
        "select s.id, s.edition_id, s.name, s.town, s.company_id, c.name from schools s \
         left join companies c on c.id = s.company_id where s.id = ? and s.archived_at is null",
    )
    .bind(school_id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(id, edition_id, name, town, company_id, company_name)| SchoolScope {
        school: PlanSchool { id, name, town, company_id, company_name },
        edition_id,
    }))
}

/// The edition settings for the plan page.
pub async fn edition<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<Option<PlanEdition>> {
    let row: Option<(i64, String, Option<String>, i64, i64)> = sqlx::query_as(
        "select id, name, plan_deadline, cofinancing_threshold_pct, rubric_version from editions where id = ?",
    )
    .bind(edition_id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(id, name, deadline, pct, rubric_version)| PlanEdition {
        id,
        name,
        plan_deadline: deadline.and_then(|d| d.parse().ok()),
        cofinancing_threshold_percent: u32::try_from(pct).unwrap_or(0),
        rubric_version: u32::try_from(rubric_version).unwrap_or(rubric::rubric_versions::FIRST),
    }))
}

/// The plan of a school in an edition, if it was started.
pub async fn plan_id<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, school_id: i64) -> sqlx::Result<Option<i64>> {
    sqlx::query_scalar("select id from plans where edition_id = ? and school_id = ?")
        .bind(edition_id)
        .bind(school_id)
        .fetch_optional(db)
        .await
}

/// The plan of a school, created empty on the first write.
pub async fn ensure_plan(tx: &mut SqliteConnection, edition_id: i64, school_id: i64) -> sqlx::Result<i64> {
    let t = now();
    sqlx::query(
        "insert into plans (edition_id, school_id, created_at, updated_at) values (?, ?, ?, ?) \
         on conflict (edition_id, school_id) do nothing",
    )
    .bind(edition_id)
    .bind(school_id)
    .bind(t)
    .bind(t)
    .execute(&mut *tx)
    .await?;
    sqlx::query_scalar("select id from plans where edition_id = ? and school_id = ?")
        .bind(edition_id)
        .bind(school_id)
        .fetch_one(&mut *tx)
        .await
}

/// Mark the plan changed (bumps its version and `updated_at`).
pub async fn touch(tx: &mut SqliteConnection, plan_id: i64) -> sqlx::Result<()> {
    sqlx::query("update plans set version = version + 1, updated_at = ? where id = ?")
        .bind(now())
        .bind(plan_id)
        .execute(tx)
        .await?;
    Ok(())
}

fn level(n: Option<i64>) -> Option<Level> {
    n.and_then(|n| u8::try_from(n).ok()).and_then(|n| Level::new(n).ok())
}

fn position(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

type GoalTuple = (i64, String, String, i64, i64);

#[derive(sqlx::FromRow)]
struct ActionDb {
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
}

impl ActionDb {
    fn into_row(self) -> ActionRow {
        let date = |d: Option<String>| d.and_then(|d| d.parse::<Date>().ok());
        ActionRow {
            action: Action {
                id: self.id,
                goal_id: self.goal_id,
                description: self.description,
                owner: self.owner,
                start: date(self.start_date),
                deadline: date(self.deadline),
                budget_cents: self.budget_cents,
                company_contribution: Contribution {
                    kind: ContributionKind::from_key(&self.contribution_kind).unwrap_or_default(),
                    value_cents: self.contribution_cents,
                    description: self.contribution_description,
                },
                success_criterion: self.success_criterion,
                status: ActionStatus::from_key(&self.status).unwrap_or_default(),
                evidence_url: Some(self.evidence_url).filter(|u| !u.is_empty()),
                position: position(self.position),
            },
            version: self.version,
        }
    }
}

const ACTION_COLUMNS: &str = "a.id, a.goal_id, a.description, a.owner, a.start_date, a.deadline, a.budget_cents, \
     a.contribution_kind, a.contribution_cents, a.contribution_description, a.success_criterion, a.status, \
     a.evidence_url, a.position, a.version";

async fn targets(db: &mut SqliteConnection, goal_id: i64) -> sqlx::Result<Vec<IndicatorTarget>> {
    let rows: Vec<(String, Option<i64>, i64)> = sqlx::query_as(
        "select indicator_id, current_level, target_level from goal_targets where goal_id = ? order by rowid",
    )
    .bind(goal_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(indicator_id, current, target)| {
            Some(IndicatorTarget { indicator_id, current_level: level(current), target_level: level(Some(target))? })
        })
        .collect())
}

/// The live plan (deleted goals and their actions left out) with the row
/// versions of its goals and actions.
pub async fn load(db: &mut SqliteConnection, plan_id: i64) -> sqlx::Result<(ActionPlan, RowVersions)> {
    let goals: Vec<GoalTuple> = sqlx::query_as(
        "select id, title, description, position, version from goals where plan_id = ? and deleted_at is null",
    )
    .bind(plan_id)
    .fetch_all(&mut *db)
    .await?;
    let all_targets: Vec<(i64, String, Option<i64>, i64)> = sqlx::query_as(
        "select t.goal_id, t.indicator_id, t.current_level, t.target_level from goal_targets t \
         join goals g on g.id = t.goal_id where g.plan_id = ? and g.deleted_at is null order by t.rowid",
    )
    .bind(plan_id)
    .fetch_all(&mut *db)
    .await?;
    let actions: Vec<ActionDb> = sqlx::query_as(&format!(
        "select {ACTION_COLUMNS} from actions a join goals g on g.id = a.goal_id \
         where g.plan_id = ? and g.deleted_at is null"
    ))
    .bind(plan_id)
    .fetch_all(&mut *db)
    .await?;
    let mut versions = RowVersions::default();
    let mut plan = ActionPlan::default();
    for (id, title, description, pos, version) in goals {
        versions.goals.insert(id, version);
        let indicator_targets = all_targets
            .iter()
            .filter(|t| t.0 == id)
            .filter_map(|(_, indicator_id, current, target)| {
                Some(IndicatorTarget {
                    indicator_id: indicator_id.clone(),
                    current_level: level(*current),
                    target_level: level(Some(*target))?,
                })
            })
            .collect();
        plan.goals.push(Goal { id, title, description, indicator_targets, position: position(pos) });
    }
    for a in actions {
        let row = a.into_row();
        versions.actions.insert(row.action.id, row.version);
        plan.actions.push(row.action);
    }
    plan.goals.sort_by_key(|g| (g.position, g.id));
    plan.actions.sort_by_key(|a| (a.goal_id, a.position, a.id));
    Ok((plan, versions))
}

/// One live goal of a plan.
pub async fn goal_row(db: &mut SqliteConnection, plan_id: i64, goal_id: i64) -> sqlx::Result<Option<GoalRow>> {
    let row: Option<GoalTuple> = sqlx::query_as(
        "select id, title, description, position, version from goals \
         where id = ? and plan_id = ? and deleted_at is null",
    )
    .bind(goal_id)
    .bind(plan_id)
    .fetch_optional(&mut *db)
    .await?;
    let Some((id, title, description, pos, version)) = row else { return Ok(None) };
    let indicator_targets = targets(db, id).await?;
    Ok(Some(GoalRow { goal: Goal { id, title, description, indicator_targets, position: position(pos) }, version }))
}

/// One action of a live goal of a plan.
pub async fn action_row<'e, E: SqliteExecutor<'e>>(db: E, plan_id: i64, action_id: i64) -> sqlx::Result<Option<ActionRow>> {
    let row: Option<ActionDb> = sqlx::query_as(&format!(
        "select {ACTION_COLUMNS} from actions a join goals g on g.id = a.goal_id \
         where a.id = ? and g.plan_id = ? and g.deleted_at is null"
    ))
    .bind(action_id)
    .bind(plan_id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(ActionDb::into_row))
}

async fn write_targets(tx: &mut SqliteConnection, goal_id: i64, targets: &[IndicatorTarget]) -> sqlx::Result<()> {
    sqlx::query("delete from goal_targets where goal_id = ?").bind(goal_id).execute(&mut *tx).await?;
    for t in targets {
        sqlx::query("insert into goal_targets (goal_id, indicator_id, current_level, target_level) values (?, ?, ?, ?)")
            .bind(goal_id)
            .bind(&t.indicator_id)
            .bind(t.current_level.map(|l| i64::from(l.get())))
            .bind(i64::from(t.target_level.get()))
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Add a goal at the end of the plan.
pub async fn insert_goal(tx: &mut SqliteConnection, plan_id: i64, fields: &GoalFields) -> sqlx::Result<GoalRow> {
    let t = now();
    let id: i64 = sqlx::query_scalar(
        "insert into goals (plan_id, title, description, position, created_at, updated_at) \
         values (?, ?, ?, (select coalesce(max(position) + 1, 0) from goals where plan_id = ? and deleted_at is null), ?, ?) \
         returning id",
    )
    .bind(plan_id)
    .bind(&fields.title)
    .bind(&fields.description)
    .bind(plan_id)
    .bind(t)
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    write_targets(tx, id, &fields.indicator_targets).await?;
    goal_row(tx, plan_id, id).await?.ok_or(sqlx::Error::RowNotFound)
}

/// Change a goal if it is still at `version`.
pub async fn update_goal(
    tx: &mut SqliteConnection,
    plan_id: i64,
    goal_id: i64,
    version: i64,
    fields: &GoalFields,
) -> sqlx::Result<Write<GoalRow>> {
    let done = sqlx::query(
        "update goals set title = ?, description = ?, version = version + 1, updated_at = ? \
         where id = ? and plan_id = ? and version = ? and deleted_at is null",
    )
    .bind(&fields.title)
    .bind(&fields.description)
    .bind(now())
    .bind(goal_id)
    .bind(plan_id)
    .bind(version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        write_targets(tx, goal_id, &fields.indicator_targets).await?;
        return Ok(goal_row(tx, plan_id, goal_id).await?.map_or(Write::Missing, Write::Done));
    }
    Ok(goal_row(tx, plan_id, goal_id).await?.map_or(Write::Missing, Write::Stale))
}

/// Delete (hide) a goal with its actions; `restore_goal` undoes it.
pub async fn delete_goal(tx: &mut SqliteConnection, plan_id: i64, goal_id: i64) -> sqlx::Result<bool> {
    let done = sqlx::query("update goals set deleted_at = ?, updated_at = ? where id = ? and plan_id = ? and deleted_at is null")
        .bind(now())
        .bind(now())
        .bind(goal_id)
        .bind(plan_id)
        .execute(&mut *tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Bring a deleted goal back, at the end of the plan.
pub async fn restore_goal(tx: &mut SqliteConnection, plan_id: i64, goal_id: i64) -> sqlx::Result<Option<GoalRow>> {
    let done = sqlx::query(
        "update goals set deleted_at = null, updated_at = ?, \
         position = (select coalesce(max(position) + 1, 0) from goals where plan_id = ? and deleted_at is null) \
         where id = ? and plan_id = ? and deleted_at is not null",
    )
    .bind(now())
    .bind(plan_id)
    .bind(goal_id)
    .bind(plan_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(None);
    }
    goal_row(tx, plan_id, goal_id).await
}

/// Store new goal positions (ids are checked to be in the plan by the caller).
pub async fn set_goal_positions(tx: &mut SqliteConnection, plan_id: i64, positions: &[NewPosition]) -> sqlx::Result<()> {
    for p in positions {
        sqlx::query("update goals set position = ? where id = ? and plan_id = ?")
            .bind(i64::from(p.position))
            .bind(p.id)
            .bind(plan_id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Store new action positions within one goal.
pub async fn set_action_positions(tx: &mut SqliteConnection, goal_id: i64, positions: &[NewPosition]) -> sqlx::Result<()> {
    for p in positions {
        sqlx::query("update actions set position = ? where id = ? and goal_id = ?")
            .bind(i64::from(p.position))
            .bind(p.id)
            .bind(goal_id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

fn date_text(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Add an action at the end of a goal (the goal is checked by the caller).
pub async fn insert_action(tx: &mut SqliteConnection, plan_id: i64, goal_id: i64, f: &ActionFields) -> sqlx::Result<ActionRow> {
    let t = now();
    let id: i64 = sqlx::query_scalar(
        "insert into actions (goal_id, description, owner, start_date, deadline, budget_cents, contribution_kind, \
         contribution_cents, contribution_description, success_criterion, status, evidence_url, position, created_at, updated_at) \
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (select coalesce(max(position) + 1, 0) from actions where goal_id = ?), ?, ?) \
         returning id",
    )
    .bind(goal_id)
    .bind(&f.description)
    .bind(&f.owner)
    .bind(date_text(f.start))
    .bind(date_text(f.deadline))
    .bind(f.budget_cents)
    .bind(f.company_contribution.kind.key())
    .bind(f.company_contribution.value_cents)
    .bind(&f.company_contribution.description)
    .bind(&f.success_criterion)
    .bind(f.status.key())
    .bind(f.evidence_url.clone().unwrap_or_default())
    .bind(goal_id)
    .bind(t)
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    action_row(&mut *tx, plan_id, id).await?.ok_or(sqlx::Error::RowNotFound)
}

/// Change an action if it is still at `version`.
pub async fn update_action(
    tx: &mut SqliteConnection,
    plan_id: i64,
    action_id: i64,
    version: i64,
    f: &ActionFields,
) -> sqlx::Result<Write<ActionRow>> {
    let Some(current) = action_row(&mut *tx, plan_id, action_id).await? else { return Ok(Write::Missing) };
    if current.version != version {
        return Ok(Write::Stale(current));
    }
    let done = sqlx::query(
        "update actions set description = ?, owner = ?, start_date = ?, deadline = ?, budget_cents = ?, \
         contribution_kind = ?, contribution_cents = ?, contribution_description = ?, success_criterion = ?, \
         status = ?, evidence_url = ?, version = version + 1, updated_at = ? where id = ? and version = ?",
    )
    .bind(&f.description)
    .bind(&f.owner)
    .bind(date_text(f.start))
    .bind(date_text(f.deadline))
    .bind(f.budget_cents)
    .bind(f.company_contribution.kind.key())
    .bind(f.company_contribution.value_cents)
    .bind(&f.company_contribution.description)
    .bind(&f.success_criterion)
    .bind(f.status.key())
    .bind(f.evidence_url.clone().unwrap_or_default())
    .bind(now())
    .bind(action_id)
    .bind(version)
    .execute(&mut *tx)
    .await?;
    let row = action_row(&mut *tx, plan_id, action_id).await?;
    Ok(match (done.rows_affected(), row) {
        (_, None) => Write::Missing,
        (1, Some(r)) => Write::Done(r),
        (_, Some(r)) => Write::Stale(r),
    })
}

/// Change only an action's status if it is still at `version`.
pub async fn set_action_status(
    tx: &mut SqliteConnection,
    plan_id: i64,
    action_id: i64,
    version: i64,
    status: ActionStatus,
) -> sqlx::Result<Write<ActionRow>> {
    let Some(current) = action_row(&mut *tx, plan_id, action_id).await? else { return Ok(Write::Missing) };
    if current.version != version {
        return Ok(Write::Stale(current));
    }
    let done = sqlx::query("update actions set status = ?, version = version + 1, updated_at = ? where id = ? and version = ?")
        .bind(status.key())
        .bind(now())
        .bind(action_id)
        .bind(version)
        .execute(&mut *tx)
        .await?;
    let row = action_row(&mut *tx, plan_id, action_id).await?;
    Ok(match (done.rows_affected(), row) {
        (_, None) => Write::Missing,
        (1, Some(r)) => Write::Done(r),
        (_, Some(r)) => Write::Stale(r),
    })
}

/// A submitted version as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredVersion {
    pub id: i64,
    pub version: PlanVersion,
    pub submitted_by: String,
}

/// Every submitted version of a plan, oldest first. A snapshot that does
/// not parse (it never should) is reported as a decode error.
pub async fn versions<'e, E: SqliteExecutor<'e>>(db: E, plan_id: i64) -> sqlx::Result<Vec<StoredVersion>> {
    let rows: Vec<(i64, i64, i64, String, Option<String>)> = sqlx::query_as(
        "select v.id, v.number, v.submitted_at, v.snapshot, p.name from plan_versions v \
         left join people p on p.id = v.submitted_by where v.plan_id = ? order by v.number",
    )
    .bind(plan_id)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(id, number, submitted_at, snapshot, by)| {
            let plan: ActionPlan = serde_json::from_str(&snapshot).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
            Ok(StoredVersion {
                id,
                version: PlanVersion { number: u32::try_from(number).unwrap_or(0), submitted_at, plan },
                submitted_by: by.unwrap_or_default(),
            })
        })
        .collect()
}

/// Freeze `plan` as version `number`. The unique (plan, number) index makes
/// a concurrent second submission of the same number fail.
pub async fn insert_version(
    tx: &mut SqliteConnection,
    plan_id: i64,
    number: u32,
    person_id: i64,
    plan: &ActionPlan,
) -> sqlx::Result<i64> {
    let snapshot = serde_json::to_string(plan).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query_scalar(
        "insert into plan_versions (plan_id, number, submitted_at, submitted_by, snapshot) values (?, ?, ?, ?, ?) returning id",
    )
    .bind(plan_id)
    .bind(i64::from(number))
    .bind(now())
    .bind(person_id)
    .bind(snapshot)
    .fetch_one(tx)
    .await
}

/// The schools a company sponsors, in name order.
pub async fn company_school_ids<'e, E: SqliteExecutor<'e>>(db: E, company_id: i64) -> sqlx::Result<Vec<i64>> {
    sqlx::query_scalar("select id from schools where company_id = ? and archived_at is null order by name, id")
        .bind(company_id)
        .fetch_all(db)
        .await
}

/// Threads whose goal or action is still in the plan.
pub fn live_threads(threads: Vec<rubric::plan::Thread>, plan: &ActionPlan) -> Vec<rubric::plan::Thread> {
    use rubric::plan::CommentTarget;
    threads
        .into_iter()
        .filter(|t| match t.target {
            CommentTarget::Goal(id) => plan.goal(id).is_some(),
            CommentTarget::Action(id) => plan.action(id).is_some(),
        })
        .collect()
}

/// A school's plan as start pages and the dashboard summarise it, with the
/// comment counts for one reader; `None` when the school is unknown.
pub async fn summary(
    db: &sqlx::SqlitePool,
    school_id: i64,
    reader_id: i64,
) -> sqlx::Result<Option<rubric::plan::view::PlanSummary>> {
    use rubric::assessment::MeasurementKind;
    let Some(scope) = school_scope(db, school_id).await? else { return Ok(None) };
    let has_profile = super::profile::school_profile(db, scope.edition_id, school_id, MeasurementKind::Baseline)
        .await?
        .is_some();
    let mut summary = rubric::plan::view::PlanSummary {
        school_id,
        school_name: scope.school.name,
        school_town: scope.school.town,
        goals: 0,
        actions: 0,
        latest_version: None,
        submitted_at: None,
        draft_changed: false,
        counts: rubric::plan::ThreadCounts::default(),
        has_profile,
    };
    let Some(plan_id) = plan_id(db, scope.edition_id, school_id).await? else { return Ok(Some(summary)) };
    let mut conn = db.acquire().await?;
    let (plan, _) = load(&mut conn, plan_id).await?;
    let stored = versions(&mut *conn, plan_id).await?;
    let threads = live_threads(super::plan_comments::threads(&mut conn, plan_id).await?, &plan);
    let last_read = super::plan_comments::last_read(&mut *conn, reader_id, plan_id).await?;
    summary.goals = plan.goals.len();
    summary.actions = plan.actions.iter().filter(|a| a.status != ActionStatus::Dropped).count();
    if let Some(last) = stored.last() {
        summary.latest_version = Some(last.version.number);
        summary.submitted_at = Some(last.version.submitted_at);
        summary.draft_changed = !rubric::plan::diff_plans(&last.version.plan, &plan).is_empty();
    }
    summary.counts = rubric::plan::thread_counts(&threads, reader_id, last_read);
    Ok(Some(summary))
}

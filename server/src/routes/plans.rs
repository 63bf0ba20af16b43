//! A school's action plan under `/api/schools/{id}/plan`: reading it with
//! its context, goals and actions (create, update with a version, delete or
//! drop with undo, reorder), submitting a frozen numbered version, and the
//! sponsor company's list of its schools (`/api/company/schools`). Comment
//! threads live in `plan_comments`.
//!
//! Who may do what: the school's own members edit and submit; the matched
//! company's members and the coordinator read (and comment); everyone else
//! gets 403, an unknown school 404.

use crate::auth::AuthUser;
use crate::db::{self, plans::Write};
use rubric::errors::FieldCode;
use crate::error::{AppError, AppJson, FieldError, Result};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rubric::assessment::api::MeasurementStatus;
use rubric::assessment::MeasurementKind;
use rubric::access::{may, may_see_consensus, relation_to_own_company, relation_to_school, Action, Relation, TeamViewer};
use rubric::plan::view::{
    change_lines, ActionRow, ActionWrite, GoalDeleted, GoalRow, GoalWrite, MoveWrite, Moved, PlanAccess, PlanPage, PlanSummary, StatusWrite, Submitted,
    VersionSummary,
};
use rubric::plan::{
    diff_plans, thread_counts, validate_action_input, validate_goal_input, ActionPlan, GoalInput, OrderError,
    PlanVersion,
};
use rubric::Date;
use sqlx::SqliteConnection;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/schools/{id}/plan", get(get_plan))
        .route("/schools/{id}/plan/summary", get(get_summary))
        .route("/schools/{id}/plan/goals", post(create_goal))
        .route("/schools/{id}/plan/goals/{goal_id}", put(update_goal).delete(delete_goal))
        .route("/schools/{id}/plan/goals/{goal_id}/restore", post(restore_goal))
        .route("/schools/{id}/plan/goals/{goal_id}/move", post(move_goal))
        .route("/schools/{id}/plan/goals/{goal_id}/actions", post(create_action))
        .route("/schools/{id}/plan/actions/{action_id}", put(update_action))
        .route("/schools/{id}/plan/actions/{action_id}/status", post(set_action_status))
        .route("/schools/{id}/plan/actions/{action_id}/move", post(move_action))
        .route("/schools/{id}/plan/submit", post(submit))
        .route("/schools/{id}/plan/versions/{number}", get(get_version))
        .route("/company/schools", get(company_schools))
}

/// What the caller may do on the plan page (`rubric::access`).
fn plan_access(user: &AuthUser, relation: Relation) -> PlanAccess {
    let may = |action| may(user.role(), relation, action).is_allowed();
    PlanAccess { edit: may(Action::EditPlan), start_threads: may(Action::StartThread), reply: may(Action::Comment) }
}

/// The school and the caller's relation to it: 404 for an unknown school,
/// 403 for anyone who is not its member, its sponsor's member or a
/// coordinator (`Action::ReadPlan`).
pub async fn scope(state: &AppState, user: &AuthUser, school_id: i64) -> Result<(db::plans::SchoolScope, Relation)> {
    let scope = db::plans::school_scope(&state.db, school_id).await?.ok_or(AppError::NotFound("school"))?;
    let relation = relation_to_school(&user.0, school_id, scope.school.company_id);
    user.check(relation, Action::ReadPlan, "school")?;
    Ok((scope, relation))
}

/// As [`scope`], for writing the plan: only the school itself (`Action::EditPlan`).
async fn school_only(state: &AppState, user: &AuthUser, school_id: i64) -> Result<db::plans::SchoolScope> {
    let (scope, relation) = scope(state, user, school_id).await?;
    user.check(relation, Action::EditPlan, "school")?;
    Ok(scope)
}

fn validation(errors: Vec<rubric::plan::FieldError>) -> AppError {
    AppError::Validation(errors.into_iter().map(|e| FieldError::new(e.field.clone(), e.message())).collect())
}

fn stale<T: serde::Serialize>(what: &str, current: &T) -> AppError {
    AppError::conflict(
        "stale",
        format!("someone else changed this {what} in the meantime; compare both versions and choose"),
        serde_json::to_value(current).ok(),
    )
}

fn order_error(e: OrderError) -> AppError {
    match e {
        OrderError::NotInPlan { .. } => AppError::NotFound("goal or action"),
        other => AppError::field("direction", other),
    }
}

fn today() -> Result<Date> {
    Date::from_unix_seconds(db::now()).ok_or_else(|| AppError::Internal("the system clock is out of range".into()))
}

/// The goal input with the level the profile gives each target: the
/// school's consensus is the current level, whatever the client sent.
async fn goal_input_with_profile(state: &AppState, scope: &db::plans::SchoolScope, mut input: GoalInput) -> Result<GoalInput> {
    let profile =
        db::profile::school_profile(&state.db, scope.edition_id, scope.school.id, MeasurementKind::Baseline).await?;
    if let Some(profile) = profile {
        for t in &mut input.indicator_targets {
            if let Some(level) = profile.level(t.indicator_id.trim()) {
                t.current_level = Some(i64::from(level.get()));
            }
        }
    }
    Ok(input)
}

/// The rubric a school's plan targets: that of its baseline (the gaps come
/// from it), or the edition's before there is one.
async fn plan_rubric(state: &AppState, scope: &db::plans::SchoolScope) -> Result<&'static rubric::Rubric> {
    match db::nulmeting::measurement_of(&state.db, scope.edition_id, scope.school.id, MeasurementKind::Baseline).await? {
        Some(m) => crate::routes::rubric::rubric_of(m.rubric_version),
        None => crate::routes::rubric::edition_rubric(&state.db, scope.edition_id).await,
    }
}

/// Whether a member of the school may see its baseline consensus
/// (`rubric::submission::may_see_consensus`); true when there is no baseline yet.
async fn consensus_visible(state: &AppState, user: &AuthUser, edition_id: i64, school_id: i64) -> Result<bool> {
    let mut conn = state.db.acquire().await?;
    let Some(m) = db::nulmeting::measurement_of(&mut *conn, edition_id, school_id, MeasurementKind::Baseline).await? else {
        return Ok(true);
    };
    let (_, own) = db::nulmeting::sheet_status(&mut conn, m.id, user.id()).await?;
    Ok(may_see_consensus(TeamViewer::Member { own }, m.status == MeasurementStatus::Closed))
}

// GET /api/schools/{id}/plan
async fn get_plan(State(state): State<AppState>, user: AuthUser, Path(school_id): Path<i64>) -> Result<Json<PlanPage>> {
    let (scope, relation) = scope(&state, &user, school_id).await?;
    let edition = db::plans::edition(&state.db, scope.edition_id).await?.ok_or(AppError::NotFound("edition"))?;
    // The blind rule of the nulmeting: a member of the school sees the
    // team's result once their own baseline sheet is submitted.
    let profile_hidden = relation.is_school() && !consensus_visible(&state, &user, scope.edition_id, school_id).await?;
    let profile = if profile_hidden {
        None
    } else {
        db::profile::school_profile(&state.db, scope.edition_id, school_id, MeasurementKind::Baseline).await?
    };
    let mut page = PlanPage {
        school: scope.school.clone(),
        edition,
        today: today()?,
        plan: ActionPlan::default(),
        row_versions: Default::default(),
        profile,
        profile_hidden,
        threads: Vec::new(),
        counts: Default::default(),
        reader_id: user.id(),
        last_read: None,
        history: Vec::new(),
        draft_changes: Vec::new(),
        access: plan_access(&user, relation),
    };
    let Some(plan_id) = db::plans::plan_id(&state.db, scope.edition_id, school_id).await? else {
        return Ok(Json(page));
    };
    let mut conn = state.db.acquire().await?;
    let (plan, row_versions) = db::plans::load(&mut conn, plan_id).await?;
    let threads = db::plans::live_threads(db::plan_comments::threads(&mut conn, plan_id).await?, &plan);
    page.last_read = db::plan_comments::last_read(&mut *conn, user.id(), plan_id).await?;
    page.counts = thread_counts(&threads, user.id(), page.last_read);
    let stored = db::plans::versions(&mut *conn, plan_id).await?;
    let mut previous = ActionPlan::default();
    for v in &stored {
        page.history.push(VersionSummary {
            number: v.version.number,
            submitted_at: v.version.submitted_at,
            submitted_by: v.submitted_by.clone(),
            goals: v.version.plan.goals.len(),
            actions: v.version.plan.actions.len(),
            changes: change_lines(&diff_plans(&previous, &v.version.plan)),
        });
        previous = v.version.plan.clone();
    }
    page.history.reverse();
    if let Some(last) = stored.last() {
        page.draft_changes = change_lines(&diff_plans(&last.version.plan, &plan));
    }
    page.plan = plan;
    page.row_versions = row_versions;
    page.threads = threads;
    Ok(Json(page))
}

// GET /api/schools/{id}/plan/summary
async fn get_summary(State(state): State<AppState>, user: AuthUser, Path(school_id): Path<i64>) -> Result<Json<PlanSummary>> {
    scope(&state, &user, school_id).await?;
    let summary = db::plans::summary(&state.db, school_id, user.id()).await?.ok_or(AppError::NotFound("school"))?;
    Ok(Json(summary))
}

// GET /api/company/schools
async fn company_schools(State(state): State<AppState>, user: AuthUser) -> Result<Json<Vec<PlanSummary>>> {
    user.check(relation_to_own_company(&user.0), Action::ListSponsoredSchools, "company")?;
    let company_id = user.company_id().ok_or(AppError::Forbidden)?;
    let mut out = Vec::new();
    for school_id in db::plans::company_school_ids(&state.db, company_id).await? {
        if let Some(summary) = db::plans::summary(&state.db, school_id, user.id()).await? {
            out.push(summary);
        }
    }
    Ok(Json(out))
}

// POST /api/schools/{id}/plan/goals
async fn create_goal(
    State(state): State<AppState>,
    user: AuthUser,
    Path(school_id): Path<i64>,
    AppJson(body): AppJson<GoalWrite>,
) -> Result<(StatusCode, Json<GoalRow>)> {
    let scope = school_only(&state, &user, school_id).await?;
    let input = goal_input_with_profile(&state, &scope, body.goal).await?;
    let fields = validate_goal_input(&input, plan_rubric(&state, &scope).await?).map_err(validation)?;
    let mut tx = state.write().await?;
    let plan_id = db::plans::ensure_plan(&mut tx, scope.edition_id, school_id).await?;
    let row = db::plans::insert_goal(&mut tx, plan_id, &fields).await?;
    db::plans::touch(&mut tx, plan_id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(row)))
}

async fn existing_plan(state: &AppState, scope: &db::plans::SchoolScope, what: &'static str) -> Result<i64> {
    db::plans::plan_id(&state.db, scope.edition_id, scope.school.id).await?.ok_or(AppError::NotFound(what))
}

// PUT /api/schools/{id}/plan/goals/{goal_id}
async fn update_goal(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, goal_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<GoalWrite>,
) -> Result<Json<GoalRow>> {
    let scope = school_only(&state, &user, school_id).await?;
    let plan_id = existing_plan(&state, &scope, "goal").await?;
    let input = goal_input_with_profile(&state, &scope, body.goal).await?;
    let fields = validate_goal_input(&input, plan_rubric(&state, &scope).await?).map_err(validation)?;
    let mut tx = state.write().await?;
    match db::plans::update_goal(&mut tx, plan_id, goal_id, body.version, &fields).await? {
        Write::Done(row) => {
            db::plans::touch(&mut tx, plan_id).await?;
            tx.commit().await?;
            Ok(Json(row))
        }
        Write::Stale(current) => Err(stale("goal", &current)),
        Write::Missing => Err(AppError::NotFound("goal")),
    }
}

// DELETE /api/schools/{id}/plan/goals/{goal_id}
async fn delete_goal(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, goal_id)): Path<(i64, i64)>,
) -> Result<Json<GoalDeleted>> {
    let scope = school_only(&state, &user, school_id).await?;
    let plan_id = existing_plan(&state, &scope, "goal").await?;
    let mut tx = state.write().await?;
    if !db::plans::delete_goal(&mut tx, plan_id, goal_id).await? {
        return Err(AppError::NotFound("goal"));
    }
    db::plans::touch(&mut tx, plan_id).await?;
    tx.commit().await?;
    Ok(Json(GoalDeleted { deleted: goal_id }))
}

// POST /api/schools/{id}/plan/goals/{goal_id}/restore
async fn restore_goal(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, goal_id)): Path<(i64, i64)>,
) -> Result<Json<GoalRow>> {
    let scope = school_only(&state, &user, school_id).await?;
    let plan_id = existing_plan(&state, &scope, "goal").await?;
    let mut tx = state.write().await?;
    let row = db::plans::restore_goal(&mut tx, plan_id, goal_id).await?.ok_or(AppError::NotFound("deleted goal"))?;
    db::plans::touch(&mut tx, plan_id).await?;
    tx.commit().await?;
    Ok(Json(row))
}

// POST /api/schools/{id}/plan/goals/{goal_id}/move
async fn move_goal(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, goal_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<MoveWrite>,
) -> Result<Json<Moved>> {
    let scope = school_only(&state, &user, school_id).await?;
    let plan_id = existing_plan(&state, &scope, "goal").await?;
    let mut tx = state.write().await?;
    let (plan, _) = db::plans::load(&mut tx, plan_id).await?;
    let positions = rubric::plan::move_goal(&plan, goal_id, body.direction).map_err(order_error)?;
    db::plans::set_goal_positions(&mut tx, plan_id, &positions).await?;
    db::plans::touch(&mut tx, plan_id).await?;
    tx.commit().await?;
    Ok(Json(Moved { positions }))
}

fn action_fields(write: &ActionWrite) -> Result<rubric::plan::ActionFields> {
    validate_action_input(&write.action).map_err(validation)
}

// POST /api/schools/{id}/plan/goals/{goal_id}/actions
async fn create_action(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, goal_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<ActionWrite>,
) -> Result<(StatusCode, Json<ActionRow>)> {
    let scope = school_only(&state, &user, school_id).await?;
    let plan_id = existing_plan(&state, &scope, "goal").await?;
    let fields = action_fields(&body)?;
    let mut tx = state.write().await?;
    if db::plans::goal_row(&mut tx, plan_id, goal_id).await?.is_none() {
        return Err(AppError::NotFound("goal"));
    }
    let row = db::plans::insert_action(&mut tx, plan_id, goal_id, &fields).await?;
    db::plans::touch(&mut tx, plan_id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(row)))
}

fn action_outcome(outcome: Write<ActionRow>) -> Result<ActionRow> {
    match outcome {
        Write::Done(row) => Ok(row),
        Write::Stale(current) => Err(stale("action", &current)),
        Write::Missing => Err(AppError::NotFound("action")),
    }
}

async fn commit_action(mut tx: sqlx::Transaction<'static, sqlx::Sqlite>, plan_id: i64, outcome: Write<ActionRow>) -> Result<Json<ActionRow>> {
    let row = action_outcome(outcome)?;
    db::plans::touch(&mut tx, plan_id).await?;
    tx.commit().await?;
    Ok(Json(row))
}

// PUT /api/schools/{id}/plan/actions/{action_id}
async fn update_action(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, action_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<ActionWrite>,
) -> Result<Json<ActionRow>> {
    let scope = school_only(&state, &user, school_id).await?;
    let plan_id = existing_plan(&state, &scope, "action").await?;
    let fields = action_fields(&body)?;
    let mut tx = state.write().await?;
    let outcome = db::plans::update_action(&mut tx, plan_id, action_id, body.version, &fields).await?;
    commit_action(tx, plan_id, outcome).await
}

// POST /api/schools/{id}/plan/actions/{action_id}/status
async fn set_action_status(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, action_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<StatusWrite>,
) -> Result<Json<ActionRow>> {
    let scope = school_only(&state, &user, school_id).await?;
    let plan_id = existing_plan(&state, &scope, "action").await?;
    let mut tx = state.write().await?;
    let outcome = db::plans::set_action_status(&mut tx, plan_id, action_id, body.version, body.status).await?;
    commit_action(tx, plan_id, outcome).await
}

// POST /api/schools/{id}/plan/actions/{action_id}/move
async fn move_action(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, action_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<MoveWrite>,
) -> Result<Json<Moved>> {
    let scope = school_only(&state, &user, school_id).await?;
    let plan_id = existing_plan(&state, &scope, "action").await?;
    let mut tx = state.write().await?;
    let (plan, _) = db::plans::load(&mut tx, plan_id).await?;
    let goal_id = plan.action(action_id).map(|a| a.goal_id).ok_or(AppError::NotFound("action"))?;
    let positions = rubric::plan::move_action(&plan, action_id, body.direction).map_err(order_error)?;
    db::plans::set_action_positions(&mut tx, goal_id, &positions).await?;
    db::plans::touch(&mut tx, plan_id).await?;
    tx.commit().await?;
    Ok(Json(Moved { positions }))
}

async fn submit_in(tx: &mut SqliteConnection, plan_id: i64, person_id: i64) -> Result<Submitted> {
    let (plan, _) = db::plans::load(tx, plan_id).await?;
    if plan.goals.is_empty() {
        return Err(AppError::field_coded("plan", FieldCode::PlanHasNoGoals, "the plan has no goals yet; add at least one goal before submitting"));
    }
    let stored = db::plans::versions(&mut *tx, plan_id).await?;
    if let Some(last) = stored.last() {
        if diff_plans(&last.version.plan, &plan).is_empty() {
            return Err(AppError::field_coded(
                "plan",
                FieldCode::NothingNewToSubmit,
                format!("nothing changed since version {}; there is nothing new to submit", last.version.number),
            ));
        }
    }
    let existing: Vec<PlanVersion> = stored.into_iter().map(|s| s.version).collect();
    let number = PlanVersion::next_number(&existing);
    match db::plans::insert_version(tx, plan_id, number, person_id, &plan).await {
        Ok(_) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(AppError::conflict("stale", "this plan was just submitted by someone else; reload to see it", None))
        }
        Err(e) => return Err(e.into()),
    }
    Ok(Submitted { number, submitted_at: db::now() })
}

// POST /api/schools/{id}/plan/submit
async fn submit(State(state): State<AppState>, user: AuthUser, Path(school_id): Path<i64>) -> Result<Json<Submitted>> {
    let scope = school_only(&state, &user, school_id).await?;
    let Some(plan_id) = db::plans::plan_id(&state.db, scope.edition_id, school_id).await? else {
        return Err(AppError::field_coded("plan", FieldCode::PlanHasNoGoals, "the plan has no goals yet; add at least one goal before submitting"));
    };
    let mut tx = state.write().await?;
    let submitted = submit_in(&mut tx, plan_id, user.id()).await?;
    db::audit(
        &mut *tx,
        Some(user.id()),
        "plan-submit",
        &format!("school {school_id} submitted action plan version {}", submitted.number),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(submitted))
}

// GET /api/schools/{id}/plan/versions/{number}
async fn get_version(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, number)): Path<(i64, u32)>,
) -> Result<Json<PlanVersion>> {
    let (scope, _) = scope(&state, &user, school_id).await?;
    let plan_id = existing_plan(&state, &scope, "plan version").await?;
    let stored = db::plans::versions(&state.db, plan_id).await?;
    let found = stored.into_iter().find(|s| s.version.number == number).ok_or(AppError::NotFound("plan version"))?;
    Ok(Json(found.version))
}

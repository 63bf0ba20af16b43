//! A region's plan under `/api/regions/{id}/plan` (issue 17): reading it
//! with the region's organisations, the schools' plan items it may link to
//! and the live cofinancing; goals and actions (create, update with a
//! version, delete with a version); and the budget as a CSV for the
//! subsidy application (`rubric::regional_plan::budget_csv`).
//!
//! Who may do what (`rubric::access`): the region's own regional
//! coordinator reads and edits ([`Action::EditRegionalPlan`]); the
//! programme coordinator reads every region ([`Action::ReadRegion`]) and
//! does not edit; anyone else 403, an unknown region 404.

use crate::auth::AuthUser;
use crate::db::{self, plans::Write};
use crate::error::{AppError, AppJson, FieldError, Result};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rubric::access::Action;
use rubric::regional_plan::view::{RegionalActionWrite, RegionalDeleted, RegionalGoalWrite, RegionalPlanPage, RegionalWritten};
use rubric::regional_plan::{
    budget_csv, regional_cofinancing, validate_regional_action, validate_regional_goal, RegionDirectory, RegionalCofinancing,
    RegionalFieldError,
};
use serde::Deserialize;
use sqlx::SqliteConnection;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/regions/{id}/plan", get(get_plan))
        .route("/regions/{id}/plan/budget.csv", get(budget))
        .route("/regions/{id}/plan/goals", post(create_goal))
        .route("/regions/{id}/plan/goals/{goal_id}", put(update_goal).delete(delete_goal))
        .route("/regions/{id}/plan/goals/{goal_id}/actions", post(create_action))
        .route("/regions/{id}/plan/actions/{action_id}", put(update_action).delete(delete_action))
}

/// The region a plan request is about.
struct Scope {
    region_id: i64,
    region_name: String,
    edition_id: i64,
    /// Whether the caller may change the plan.
    may_edit: bool,
}

/// The region if the caller may read it (`Action::ReadRegion`): 404 for an
/// unknown region, 403 for anyone else (`routes::regions::region_for`).
async fn scope(state: &AppState, user: &AuthUser, region_id: i64) -> Result<Scope> {
    let region = super::regions::region_for(state, user, region_id, Action::ReadRegion).await?;
    let may_edit = super::regions::region_for(state, user, region_id, Action::EditRegionalPlan).await.is_ok();
    Ok(Scope { region_id, region_name: region.name, edition_id: region.edition_id, may_edit })
}

/// As [`scope`], for changing the plan (`Action::EditRegionalPlan`).
async fn editor(state: &AppState, user: &AuthUser, region_id: i64) -> Result<Scope> {
    let region = super::regions::region_for(state, user, region_id, Action::EditRegionalPlan).await?;
    Ok(Scope { region_id, region_name: region.name, edition_id: region.edition_id, may_edit: true })
}

/// Who and what belongs to the region (by id, with names), with the
/// schools' plan items it may link to.
async fn directory(conn: &mut SqliteConnection, scope: &Scope) -> Result<(RegionDirectory, db::regional_plan::SchoolItems)> {
    let mut d = RegionDirectory {
        schools: db::regions::schools(&mut *conn, scope.region_id).await?.into_iter().map(|s| (s.school_id, s.name)).collect(),
        companies: db::regions::companies(&mut *conn, scope.region_id).await?.into_iter().map(|c| (c.company_id, c.name)).collect(),
        partners: db::regions::partners(&mut *conn, scope.region_id).await?.into_iter().map(|p| (p.id, p.name)).collect(),
        ..RegionDirectory::default()
    };
    let school_ids: Vec<i64> = d.schools.keys().copied().collect();
    let items = db::regional_plan::school_plan_items(conn, scope.edition_id, &school_ids).await?;
    d.school_goal_ids = items.0.iter().map(|i| i.id).collect();
    d.school_action_ids = items.1.iter().map(|i| i.id).collect();
    Ok((d, items))
}

async fn threshold(conn: &mut SqliteConnection, edition_id: i64) -> Result<u32> {
    let edition = db::plans::edition(&mut *conn, edition_id).await?.ok_or(AppError::NotFound("edition"))?;
    Ok(edition.cofinancing_threshold_percent)
}

/// The regional plan's field problems, each with its domain error as
/// detail; the ones only the server can see are also named by a code
/// (`RegionalPlanError::field_code`), which the page words.
fn validation(errors: Vec<RegionalFieldError>) -> AppError {
    AppError::Validation(
        errors.into_iter().map(|e| FieldError { code: e.error.field_code(), ..FieldError::detailed(e.field, &e.error) }).collect(),
    )
}

fn stale<T: serde::Serialize>(what: &str, current: &T) -> AppError {
    AppError::conflict(
        "stale",
        format!("someone else changed this {what} in the meantime; compare both versions and choose"),
        serde_json::to_value(current).ok(),
    )
}

/// The plan's cofinancing after a write, read inside the write's transaction.
async fn cofinancing_now(tx: &mut SqliteConnection, scope: &Scope) -> Result<RegionalCofinancing> {
    let plan = db::regional_plan::load(&mut *tx, scope.region_id).await?;
    Ok(regional_cofinancing(&plan, threshold(&mut *tx, scope.edition_id).await?))
}

// GET /api/regions/{id}/plan
async fn get_plan(State(state): State<AppState>, user: AuthUser, Path(region_id): Path<i64>) -> Result<Json<RegionalPlanPage>> {
    let scope = scope(&state, &user, region_id).await?;
    let mut conn = state.db.acquire().await?;
    let (directory, (school_goals, school_actions)) = directory(&mut conn, &scope).await?;
    let threshold_percent = threshold(&mut conn, scope.edition_id).await?;
    let edition_name = db::plans::edition(&mut *conn, scope.edition_id).await?.map(|e| e.name).unwrap_or_default();
    let plan = db::regional_plan::load(&mut conn, region_id).await?;
    Ok(Json(RegionalPlanPage {
        region_id,
        region_name: scope.region_name.clone(),
        edition_name,
        threshold_percent,
        cofinancing: regional_cofinancing(&plan, threshold_percent),
        plan,
        directory,
        school_goals,
        school_actions,
        may_edit: scope.may_edit,
    }))
}

// GET /api/regions/{id}/plan/budget.csv
async fn budget(State(state): State<AppState>, user: AuthUser, Path(region_id): Path<i64>) -> Result<Response> {
    let scope = scope(&state, &user, region_id).await?;
    let mut conn = state.db.acquire().await?;
    let (directory, _) = directory(&mut conn, &scope).await?;
    let threshold_percent = threshold(&mut conn, scope.edition_id).await?;
    let plan = db::regional_plan::load(&mut conn, region_id).await?;
    let file = format!("begroting-{}.csv", file_slug(&scope.region_name));
    Ok((
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"{file}\"")),
        ],
        budget_csv(&plan, &directory, threshold_percent),
    )
        .into_response())
}

/// A file name part from a region name: letters and digits, the rest `-`.
fn file_slug(name: &str) -> String {
    let slug: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let slug = slug.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    if slug.is_empty() { "regio".into() } else { slug }
}

// POST /api/regions/{id}/plan/goals
async fn create_goal(
    State(state): State<AppState>,
    user: AuthUser,
    Path(region_id): Path<i64>,
    AppJson(body): AppJson<RegionalGoalWrite>,
) -> Result<(StatusCode, Json<RegionalWritten<rubric::regional_plan::RegionalGoal>>)> {
    let scope = editor(&state, &user, region_id).await?;
    let (directory, _) = directory(&mut *state.db.acquire().await?, &scope).await?;
    let fields = validate_regional_goal(&body.goal, &directory).map_err(validation)?;
    let mut tx = state.write().await?;
    let row = db::regional_plan::insert_goal(&mut tx, region_id, &fields).await?;
    db::audit(&mut *tx, Some(user.id()), "regional-plan.goal.create", &format!("region {region_id} goal {}", row.id)).await?;
    let cofinancing = cofinancing_now(&mut tx, &scope).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(RegionalWritten { row, cofinancing })))
}

// PUT /api/regions/{id}/plan/goals/{goal_id}
async fn update_goal(
    State(state): State<AppState>,
    user: AuthUser,
    Path((region_id, goal_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<RegionalGoalWrite>,
) -> Result<Json<RegionalWritten<rubric::regional_plan::RegionalGoal>>> {
    let scope = editor(&state, &user, region_id).await?;
    let (directory, _) = directory(&mut *state.db.acquire().await?, &scope).await?;
    let fields = validate_regional_goal(&body.goal, &directory).map_err(validation)?;
    let mut tx = state.write().await?;
    match db::regional_plan::update_goal(&mut tx, region_id, goal_id, body.version, &fields).await? {
        Write::Done(row) => {
            db::audit(&mut *tx, Some(user.id()), "regional-plan.goal.update", &format!("region {region_id} goal {goal_id}")).await?;
            let cofinancing = cofinancing_now(&mut tx, &scope).await?;
            tx.commit().await?;
            Ok(Json(RegionalWritten { row, cofinancing }))
        }
        Write::Stale(current) => Err(stale("goal", &current)),
        Write::Missing => Err(AppError::NotFound("goal")),
    }
}

/// The version a delete was based on.
#[derive(Debug, Deserialize)]
struct VersionBody {
    version: i64,
}

// DELETE /api/regions/{id}/plan/goals/{goal_id}
async fn delete_goal(
    State(state): State<AppState>,
    user: AuthUser,
    Path((region_id, goal_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<VersionBody>,
) -> Result<Json<RegionalDeleted>> {
    let scope = editor(&state, &user, region_id).await?;
    let mut tx = state.write().await?;
    match db::regional_plan::delete_goal(&mut tx, region_id, goal_id, body.version).await? {
        Write::Done(()) => {}
        Write::Stale(()) => {
            let current = db::regional_plan::goal(&mut tx, region_id, goal_id).await?;
            return Err(stale("goal", &current));
        }
        Write::Missing => return Err(AppError::NotFound("goal")),
    }
    db::audit(&mut *tx, Some(user.id()), "regional-plan.goal.delete", &format!("region {region_id} goal {goal_id}")).await?;
    let cofinancing = cofinancing_now(&mut tx, &scope).await?;
    tx.commit().await?;
    Ok(Json(RegionalDeleted { deleted: goal_id, cofinancing }))
}

// POST /api/regions/{id}/plan/goals/{goal_id}/actions
async fn create_action(
    State(state): State<AppState>,
    user: AuthUser,
    Path((region_id, goal_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<RegionalActionWrite>,
) -> Result<(StatusCode, Json<RegionalWritten<rubric::regional_plan::RegionalAction>>)> {
    let scope = editor(&state, &user, region_id).await?;
    let (directory, _) = directory(&mut *state.db.acquire().await?, &scope).await?;
    let fields = validate_regional_action(&body.action, &directory).map_err(validation)?;
    let mut tx = state.write().await?;
    if db::regional_plan::goal(&mut tx, region_id, goal_id).await?.is_none() {
        return Err(AppError::NotFound("goal"));
    }
    let row = db::regional_plan::insert_action(&mut tx, region_id, goal_id, &fields).await?;
    db::audit(&mut *tx, Some(user.id()), "regional-plan.action.create", &format!("region {region_id} action {}", row.id)).await?;
    let cofinancing = cofinancing_now(&mut tx, &scope).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(RegionalWritten { row, cofinancing })))
}

// PUT /api/regions/{id}/plan/actions/{action_id}
async fn update_action(
    State(state): State<AppState>,
    user: AuthUser,
    Path((region_id, action_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<RegionalActionWrite>,
) -> Result<Json<RegionalWritten<rubric::regional_plan::RegionalAction>>> {
    let scope = editor(&state, &user, region_id).await?;
    let (directory, _) = directory(&mut *state.db.acquire().await?, &scope).await?;
    let fields = validate_regional_action(&body.action, &directory).map_err(validation)?;
    let mut tx = state.write().await?;
    match db::regional_plan::update_action(&mut tx, region_id, action_id, body.version, &fields).await? {
        Write::Done(row) => {
            db::audit(&mut *tx, Some(user.id()), "regional-plan.action.update", &format!("region {region_id} action {action_id}")).await?;
            let cofinancing = cofinancing_now(&mut tx, &scope).await?;
            tx.commit().await?;
            Ok(Json(RegionalWritten { row, cofinancing }))
        }
        Write::Stale(current) => Err(stale("action", &current)),
        Write::Missing => Err(AppError::NotFound("action")),
    }
}

// DELETE /api/regions/{id}/plan/actions/{action_id}
async fn delete_action(
    State(state): State<AppState>,
    user: AuthUser,
    Path((region_id, action_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<VersionBody>,
) -> Result<Json<RegionalDeleted>> {
    let scope = editor(&state, &user, region_id).await?;
    let mut tx = state.write().await?;
    match db::regional_plan::delete_action(&mut tx, region_id, action_id, body.version).await? {
        Write::Done(()) => {}
        Write::Stale(()) => {
            let current = db::regional_plan::action(&mut tx, region_id, action_id).await?;
            return Err(stale("action", &current));
        }
        Write::Missing => return Err(AppError::NotFound("action")),
    }
    db::audit(&mut *tx, Some(user.id()), "regional-plan.action.delete", &format!("region {region_id} action {action_id}")).await?;
    let cofinancing = cofinancing_now(&mut tx, &scope).await?;
    tx.commit().await?;
    Ok(Json(RegionalDeleted { deleted: action_id, cofinancing }))
}

#[cfg(test)]
mod tests {
    use super::file_slug;

    #[test]
    fn file_names_are_plain() {
        assert_eq!(file_slug("Noordoost-Brabant"), "noordoost-brabant");
        assert_eq!(file_slug("Regio \"Twente\"/Oost"), "regio-twente-oost");
        assert_eq!(file_slug("ééé"), "regio");
    }
}

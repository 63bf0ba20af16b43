//! Comment threads on a school's plan under `/api/schools/{id}/plan`:
//! the matched company's members and the coordinator start a thread on a
//! goal or action, every participant (the school too) replies, resolves and
//! reopens, and each reader marks the comments read.

use super::plans::scope;
use rubric::access::{Action, Relation};
use crate::auth::AuthUser;
use crate::db;
use crate::error::{AppError, AppJson, Result};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use rubric::plan::view::{CommentAdded, NewComment, NewThread, ReadUpTo, ThreadResolved, ThreadStarted};
use rubric::plan::{validate_comment_body, CommentTarget};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/schools/{id}/plan/threads", post(start_thread))
        .route("/schools/{id}/plan/threads/{thread_id}/comments", post(reply))
        .route("/schools/{id}/plan/threads/{thread_id}/resolve", post(resolve))
        .route("/schools/{id}/plan/threads/{thread_id}/reopen", post(reopen))
        .route("/schools/{id}/plan/read", post(mark_read))
}

fn body(raw: &str) -> Result<String> {
    validate_comment_body(raw).map_err(|e| AppError::field("body", e))
}

/// The plan of a school whose comments the caller may take part in, or 404
/// when the plan was never started.
async fn plan_of(state: &AppState, user: &AuthUser, school_id: i64) -> Result<(i64, Relation)> {
    let (scope, relation) = scope(state, user, school_id).await?;
    user.check(relation, Action::Comment, "school")?;
    let plan_id = db::plans::plan_id(&state.db, scope.edition_id, school_id).await?.ok_or(AppError::NotFound("plan"))?;
    Ok((plan_id, relation))
}

/// A thread of this plan, or 404.
async fn thread_of(state: &AppState, plan_id: i64, thread_id: i64) -> Result<CommentTarget> {
    match db::plan_comments::thread_plan(&state.db, thread_id).await? {
        Some((p, target)) if p == plan_id => Ok(target),
        _ => Err(AppError::NotFound("thread")),
    }
}

// POST /api/schools/{id}/plan/threads
async fn start_thread(
    State(state): State<AppState>,
    user: AuthUser,
    Path(school_id): Path<i64>,
    AppJson(new): AppJson<NewThread>,
) -> Result<(StatusCode, Json<ThreadStarted>)> {
    let (plan_id, relation) = plan_of(&state, &user, school_id).await?;
    user.check(relation, Action::StartThread, "school")?;
    let text = body(&new.body)?;
    let mut tx = state.write().await?;
    let (plan, _) = db::plans::load(&mut tx, plan_id).await?;
    let exists = match new.target {
        CommentTarget::Goal(id) => plan.goal(id).is_some(),
        CommentTarget::Action(id) => plan.action(id).is_some(),
    };
    if !exists {
        return Err(AppError::NotFound("goal or action"));
    }
    let id = db::plan_comments::create_thread(&mut tx, plan_id, new.target, user.id(), &text).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(ThreadStarted { thread_id: id })))
}

// POST /api/schools/{id}/plan/threads/{thread_id}/comments
async fn reply(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, thread_id)): Path<(i64, i64)>,
    AppJson(new): AppJson<NewComment>,
) -> Result<(StatusCode, Json<CommentAdded>)> {
    let (plan_id, _) = plan_of(&state, &user, school_id).await?;
    thread_of(&state, plan_id, thread_id).await?;
    let text = body(&new.body)?;
    let mut tx = state.write().await?;
    let id = db::plan_comments::add_comment(&mut *tx, thread_id, user.id(), &text).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(CommentAdded { comment_id: id })))
}

// POST /api/schools/{id}/plan/threads/{thread_id}/resolve
async fn resolve(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, thread_id)): Path<(i64, i64)>,
) -> Result<Json<ThreadResolved>> {
    let (plan_id, _) = plan_of(&state, &user, school_id).await?;
    thread_of(&state, plan_id, thread_id).await?;
    let mut tx = state.write().await?;
    db::plan_comments::set_resolved(&mut *tx, thread_id, Some(user.id())).await?;
    tx.commit().await?;
    Ok(Json(ThreadResolved { resolved: true }))
}

// POST /api/schools/{id}/plan/threads/{thread_id}/reopen
async fn reopen(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, thread_id)): Path<(i64, i64)>,
) -> Result<Json<ThreadResolved>> {
    let (plan_id, _) = plan_of(&state, &user, school_id).await?;
    thread_of(&state, plan_id, thread_id).await?;
    let mut tx = state.write().await?;
    db::plan_comments::set_resolved(&mut *tx, thread_id, None).await?;
    tx.commit().await?;
    Ok(Json(ThreadResolved { resolved: false }))
}

// POST /api/schools/{id}/plan/read
async fn mark_read(State(state): State<AppState>, user: AuthUser, Path(school_id): Path<i64>) -> Result<Json<ReadUpTo>> {
    let (scope, _) = scope(&state, &user, school_id).await?;
    let Some(plan_id) = db::plans::plan_id(&state.db, scope.edition_id, school_id).await? else {
        return Ok(Json(ReadUpTo { last_read: None }));
    };
    let mut tx = state.write().await?;
    let at = db::plan_comments::mark_read(&mut *tx, user.id(), plan_id).await?;
    tx.commit().await?;
    Ok(Json(ReadUpTo { last_read: Some(at) }))
}

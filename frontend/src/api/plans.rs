//! The action plan endpoints: the plan page, summaries, goal and action
//! writes, ordering, submitting, versions and comment threads. Every answer
//! is read as the `rubric::plan::view` type the server sends.

use super::client::{self, ApiError};
use rubric::plan::view::{
    ActionRow, ActionWrite, CommentAdded, GoalDeleted, GoalRow, GoalWrite, MoveWrite, Moved, NewComment, NewThread, PlanPage,
    PlanSummary, ReadUpTo, StatusWrite, Submitted, ThreadResolved, ThreadStarted,
};
use rubric::plan::{ActionStatus, Direction, PlanVersion};

fn base(school: i64) -> String {
    format!("/schools/{school}/plan")
}

pub async fn page(school: i64) -> Result<PlanPage, ApiError> {
    client::get(&base(school)).await
}

pub async fn summary(school: i64) -> Result<PlanSummary, ApiError> {
    client::get(&format!("{}/summary", base(school))).await
}

pub async fn company_schools() -> Result<Vec<PlanSummary>, ApiError> {
    client::get("/company/schools").await
}

pub async fn version(school: i64, number: u32) -> Result<PlanVersion, ApiError> {
    client::get(&format!("{}/versions/{number}", base(school))).await
}

/// Create a goal (`goal` is `None`) or update one.
pub async fn save_goal(school: i64, goal: Option<i64>, body: &GoalWrite) -> Result<GoalRow, ApiError> {
    match goal {
        None => client::post(&format!("{}/goals", base(school)), body).await,
        Some(id) => client::put(&format!("{}/goals/{id}", base(school)), body).await,
    }
}

/// Create an action under `goal` (`action` is `None`) or update one.
pub async fn save_action(school: i64, goal: i64, action: Option<i64>, body: &ActionWrite) -> Result<ActionRow, ApiError> {
    match action {
        None => client::post(&format!("{}/goals/{goal}/actions", base(school)), body).await,
        Some(id) => client::put(&format!("{}/actions/{id}", base(school)), body).await,
    }
}

pub async fn delete_goal(school: i64, goal: i64) -> Result<GoalDeleted, ApiError> {
    client::delete(&format!("{}/goals/{goal}", base(school))).await
}

pub async fn restore_goal(school: i64, goal: i64) -> Result<GoalRow, ApiError> {
    client::post(&format!("{}/goals/{goal}/restore", base(school)), &()).await
}

pub async fn set_status(school: i64, action: i64, version: i64, status: ActionStatus) -> Result<ActionRow, ApiError> {
    client::post(&format!("{}/actions/{action}/status", base(school)), &StatusWrite { version, status }).await
}

/// Move a goal (`is_goal`) or an action one place.
pub async fn move_item(school: i64, is_goal: bool, id: i64, direction: Direction) -> Result<Moved, ApiError> {
    let kind = if is_goal { "goals" } else { "actions" };
    client::post(&format!("{}/{kind}/{id}/move", base(school)), &MoveWrite { direction }).await
}

pub async fn submit(school: i64) -> Result<Submitted, ApiError> {
    client::post(&format!("{}/submit", base(school)), &()).await
}

pub async fn start_thread(school: i64, body: &NewThread) -> Result<ThreadStarted, ApiError> {
    client::post(&format!("{}/threads", base(school)), body).await
}

pub async fn reply(school: i64, thread: i64, body: &NewComment) -> Result<CommentAdded, ApiError> {
    client::post(&format!("{}/threads/{thread}/comments", base(school)), body).await
}

/// Resolve (`true`) or reopen a thread.
pub async fn resolve(school: i64, thread: i64, resolved: bool) -> Result<ThreadResolved, ApiError> {
    let what = if resolved { "resolve" } else { "reopen" };
    client::post(&format!("{}/threads/{thread}/{what}", base(school)), &()).await
}

pub async fn mark_read(school: i64) -> Result<ReadUpTo, ApiError> {
    client::post(&format!("{}/read", base(school)), &()).await
}

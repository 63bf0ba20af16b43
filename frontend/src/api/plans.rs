//! The action plan endpoints: the plan page, summaries, goal and action
//! writes, ordering, submitting, versions and comment threads. An answer the
//! page uses is read as the `rubric::plan::view` type the server sends; the
//! answers it does not read (the page reloads the plan after them: delete,
//! move, comments, marking read) are only checked for success, which keeps
//! one decoder per type out of the wasm. Their types are named per function.

use super::client::{self, ApiError};
use gloo_net::http::Method;
use rubric::plan::view::{
    ActionRow, ActionWrite, GoalRow, GoalWrite, MoveWrite, NewComment, NewThread, PlanPage, PlanSummary, StatusWrite, Submitted,
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

/// Answered with a `GoalDeleted`, not read.
pub async fn delete_goal(school: i64, goal: i64) -> Result<(), ApiError> {
    client::write_unread::<()>(Method::DELETE, &format!("{}/goals/{goal}", base(school)), None).await
}

pub async fn restore_goal(school: i64, goal: i64) -> Result<GoalRow, ApiError> {
    client::post(&format!("{}/goals/{goal}/restore", base(school)), &()).await
}

pub async fn set_status(school: i64, action: i64, version: i64, status: ActionStatus) -> Result<ActionRow, ApiError> {
    client::post(&format!("{}/actions/{action}/status", base(school)), &StatusWrite { version, status }).await
}

/// Move a goal (`is_goal`) or an action one place. Answered with `Moved`, not read.
pub async fn move_item(school: i64, is_goal: bool, id: i64, direction: Direction) -> Result<(), ApiError> {
    let kind = if is_goal { "goals" } else { "actions" };
    client::write_unread(Method::POST, &format!("{}/{kind}/{id}/move", base(school)), Some(&MoveWrite { direction })).await
}

pub async fn submit(school: i64) -> Result<Submitted, ApiError> {
    client::post(&format!("{}/submit", base(school)), &()).await
}

/// Answered with `ThreadStarted`, not read.
pub async fn start_thread(school: i64, body: &NewThread) -> Result<(), ApiError> {
    client::write_unread(Method::POST, &format!("{}/threads", base(school)), Some(body)).await
}

/// Answered with `CommentAdded`, not read.
pub async fn reply(school: i64, thread: i64, body: &NewComment) -> Result<(), ApiError> {
    client::write_unread(Method::POST, &format!("{}/threads/{thread}/comments", base(school)), Some(body)).await
}

/// Resolve (`true`) or reopen a thread. Answered with `ThreadResolved`, not read.
pub async fn resolve(school: i64, thread: i64, resolved: bool) -> Result<(), ApiError> {
    let what = if resolved { "resolve" } else { "reopen" };
    client::write_unread(Method::POST, &format!("{}/threads/{thread}/{what}", base(school)), Some(&())).await
}

/// Answered with `ReadUpTo`, not read.
pub async fn mark_read(school: i64) -> Result<(), ApiError> {
    client::write_unread(Method::POST, &format!("{}/read", base(school)), Some(&())).await
}

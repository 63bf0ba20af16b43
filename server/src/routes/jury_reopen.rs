//! Reopening a submitted jury score sheet: the juror asks (with a reason),
//! the coordinator or the jury's chair reopens it (or declines); the juror
//! then changes it and submits it again through the scoring endpoints,
//! which record what changed. Only while scoring is open. Who may decide is
//! `rubric::submission::may_reopen_score_sheet`.

use super::jury::edition;
use crate::auth::AuthUser;
use crate::db::jury::{self as dbj};
use crate::db::reopenings::{self, Decision, Sheets};
use crate::db::{audit_event, jury_sheets};
use rubric::jury::events::JuryEvent;
use crate::error::{AppError, AppJson, Result};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::post;
use axum::{Json, Router};
use rubric::jury::setup::JuryStatus;
use rubric::jury::views::JurySettings;
use rubric::access::{relation_to_finalist, relation_to_jury, Action};
use rubric::submission::{
    check_decide, check_request, may_reopen_score_sheet, validate_reason, Permission, ReasonInput, ReopenOutcome, SubmissionError,
};
use sqlx::SqliteConnection;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/jury/my/finalists/{id}/reopen-request", post(request_reopen))
        .route("/jury/finalists/{id}/sheets/{person_id}/reopen", post(reopen_sheet))
        .route("/jury/finalists/{id}/sheets/{person_id}/decline", post(decline_reopen))
}

/// 409 unless scoring is open: a sheet is only reopened to be changed.
fn require_open(settings: &JurySettings) -> Result<()> {
    if settings.status == JuryStatus::Open {
        Ok(())
    } else {
        Err(AppError::conflict("scoring_closed", "scoring is not open, so a sheet cannot be reopened or changed", None))
    }
}

/// Where a juror's sheet stands now.
async fn outcome(conn: &mut SqliteConnection, person_id: i64, finalist_id: i64) -> Result<ReopenOutcome> {
    let sheet = jury_sheets::sheet(conn, person_id, finalist_id).await?;
    Ok(ReopenOutcome { status: sheet.status, reopen: sheet.reopen })
}

// POST /api/jury/my/finalists/{id}/reopen-request
async fn request_reopen(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<ReasonInput>,
) -> Result<Json<ReopenOutcome>> {
    user.check_role(Action::Score)?;
    let mut tx = state.write().await?;
    let edition = edition(&mut tx).await?;
    let is_juror = dbj::is_juror(&mut *tx, edition.id, user.id()).await?;
    user.check(relation_to_jury(&user.0, is_juror, None), Action::Score, "jury")?;
    dbj::sync_automatic_conflicts(&mut tx, edition.id).await?;
    let finalist = dbj::finalist(&mut *tx, edition.id, id).await?.ok_or(AppError::NotFound("finalist"))?;
    let conflicted = dbj::has_active_conflict(&mut *tx, user.id(), id).await?;
    user.check(relation_to_finalist(&user.0, is_juror, None, conflicted), Action::Score, "finalist")?;
    let reason = validate_reason(&body.reason, true).map_err(|e| AppError::field("reason", e))?;
    require_open(&dbj::settings(&mut *tx, edition.id).await?)?;
    let sheet = jury_sheets::sheet(&mut tx, user.id(), id).await?;
    check_request(sheet.status).map_err(AppError::submission)?;
    let sheet_id = jury_sheets::sheet_id(&mut tx, user.id(), id).await?.ok_or(AppError::submission(SubmissionError::NotSubmitted))?;
    reopenings::request(&mut tx, Sheets::ScoreSheets, sheet_id, user.id(), &reason).await?;
    let event = JuryEvent::ReopenRequested { juror: user.0.name.clone(), school: finalist.school_name, reason };
    audit_event(&mut *tx, Some(user.id()), edition.id, &event).await?;
    let done = outcome(&mut tx, user.id(), id).await?;
    tx.commit().await?;
    Ok(Json(done))
}

/// Reopen (`note` `None`) or decline a juror's sheet: the coordinator, or
/// the chair for another juror's sheet on a finalist they have no conflict
/// with; scoring open; a request waiting.
async fn decide(state: &AppState, user: &AuthUser, finalist_id: i64, person_id: i64, note: Option<&str>) -> Result<Json<ReopenOutcome>> {
    user.check_role(Action::DecideScoreReopen)?;
    let mut tx = state.write().await?;
    let edition = edition(&mut tx).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    match may_reopen_score_sheet(&user.0, settings.chair_id, person_id) {
        Permission::Allowed => {}
        Permission::OwnSheet => return Err(AppError::submission(SubmissionError::OwnSheet)),
        Permission::Forbidden => return Err(AppError::Forbidden),
    }
    if !user.is_coordinator() {
        // The chair: a juror of the jury without a conflict with the finalist.
        dbj::sync_automatic_conflicts(&mut tx, edition.id).await?;
        let is_juror = dbj::is_juror(&mut *tx, edition.id, user.id()).await?;
        let conflicted = dbj::has_active_conflict(&mut *tx, user.id(), finalist_id).await?;
        user.check(relation_to_finalist(&user.0, is_juror, settings.chair_id, conflicted), Action::DecideScoreReopen, "finalist")?;
    }
    let finalist = dbj::finalist(&mut *tx, edition.id, finalist_id).await?.ok_or(AppError::NotFound("finalist"))?;
    let note = note.map(|n| validate_reason(n, false)).transpose().map_err(|e| AppError::field("reason", e))?;
    require_open(&settings)?;
    let sheet = jury_sheets::sheet(&mut tx, person_id, finalist_id).await?;
    check_decide(sheet.status).map_err(AppError::submission)?;
    let sheet_id = jury_sheets::sheet_id(&mut tx, person_id, finalist_id).await?.ok_or(AppError::submission(SubmissionError::NoRequest))?;
    let open = reopenings::open(&mut tx, Sheets::ScoreSheets, sheet_id).await?.ok_or(AppError::submission(SubmissionError::NoRequest))?;
    let juror: String = sqlx::query_scalar("select name from people where id = ?").bind(person_id).fetch_one(&mut *tx).await?;
    let school = finalist.school_name;
    let event = match note.as_deref() {
        None => {
            // The others keep seeing (and the results keep counting) the
            // version submitted before, until the juror submits again.
            let snapshot = serde_json::to_string(&sheet).map_err(|e| AppError::Internal(format!("snapshot of a score sheet: {e}")))?;
            reopenings::decide(&mut tx, Sheets::ScoreSheets, open.id, user.id(), Decision::Reopen { snapshot: &snapshot }).await?;
            JuryEvent::SheetReopened { juror, school }
        }
        Some(note) => {
            reopenings::decide(&mut tx, Sheets::ScoreSheets, open.id, user.id(), Decision::Decline { note }).await?;
            JuryEvent::ReopenDeclined { juror, school, note: note.to_string() }
        }
    };
    audit_event(&mut *tx, Some(user.id()), edition.id, &event).await?;
    let done = outcome(&mut tx, person_id, finalist_id).await?;
    tx.commit().await?;
    Ok(Json(done))
}

// POST /api/jury/finalists/{id}/sheets/{person_id}/reopen
async fn reopen_sheet(State(state): State<AppState>, user: AuthUser, Path((id, person_id)): Path<(i64, i64)>) -> Result<Json<ReopenOutcome>> {
    decide(&state, &user, id, person_id, None).await
}

// POST /api/jury/finalists/{id}/sheets/{person_id}/decline
async fn decline_reopen(
    State(state): State<AppState>,
    user: AuthUser,
    Path((id, person_id)): Path<(i64, i64)>,
    AppJson(body): AppJson<ReasonInput>,
) -> Result<Json<ReopenOutcome>> {
    decide(&state, &user, id, person_id, Some(&body.reason)).await
}

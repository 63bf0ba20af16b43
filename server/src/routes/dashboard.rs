//! `GET /api/editions/{id}/dashboard`: per school the status of each step
//! and the edition's timeline with what is overdue. Coordinators only.

use super::editions::{edition, today};
use crate::auth::AuthUser;
use crate::db;
use crate::error::Result;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use rubric::programme::Dashboard;

pub fn router() -> Router<AppState> {
    Router::new().route("/editions/{id}/dashboard", get(dashboard))
}

// GET /api/editions/{id}/dashboard
async fn dashboard(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Dashboard>> {
    user.require_coordinator()?;
    let e = edition(&state.db, id).await?;
    Ok(Json(db::dashboard::dashboard(&state.db, e, today()?).await?))
}

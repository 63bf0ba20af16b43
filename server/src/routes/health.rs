//! `GET /api/health`: is the server up and its database reachable.

use crate::error::Result;
use crate::state::AppState;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

// GET /api/health
async fn health(State(state): State<AppState>) -> Result<Json<Value>> {
    let one: i64 = sqlx::query_scalar("select 1").fetch_one(&state.db).await?;
    Ok(Json(json!({
        "status": "ok",
        "database": one == 1,
        "version": env!("CARGO_PKG_VERSION"),
        "rubric_version": rubric::current_rubric().version,
    })))
}

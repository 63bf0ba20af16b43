//! The JSON API under `/api`: each submodule owns the routes, bodies and
//! handlers of one resource and exposes `router()`; this module merges them.

pub mod auth;
pub mod health;
pub mod jury;
pub mod jury_results;
pub mod jury_scoring;
pub mod rubric;

use crate::error::AppError;
use crate::state::AppState;
use axum::Router;

pub fn api_router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(auth::router())
        .merge(rubric::router())
        .merge(jury::router())
        .merge(jury_scoring::router())
        .merge(jury_results::router())
        .fallback(|| async { AppError::NotFound("endpoint") })
}

//! The JSON API under `/api`: each submodule owns the routes, bodies and
//! handlers of one resource and exposes `router()`; this module merges them.

pub mod auth;
pub mod health;
pub mod plan_comments;
pub mod plans;
pub mod rubric;

use crate::error::AppError;
use crate::state::AppState;
use axum::Router;

pub fn api_router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(auth::router())
        .merge(rubric::router())
        .merge(plans::router())
        .merge(plan_comments::router())
        .fallback(|| async { AppError::NotFound("endpoint") })
}

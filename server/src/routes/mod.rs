//! The JSON API under `/api`: each submodule owns the routes, bodies and
//! handlers of one resource and exposes `router()`; this module merges them.

pub mod auth;
pub mod backup;
pub mod companies;
pub mod dashboard;
pub mod dossiers;
pub mod editions;
pub mod evidence;
pub mod evidence_archive;
pub mod health;
pub mod jury;
pub mod jury_reopen;
pub mod jury_exports;
pub mod jury_results;
pub mod jury_scoring;
pub mod matching;
pub mod measurements;
pub mod networks;
pub mod nulmeting;
pub mod people;
pub mod plan_comments;
pub mod plans;
pub mod report;
pub mod rubric;
pub mod regional_plan;
pub mod regions;
pub mod schools;

use crate::error::AppError;
use crate::state::AppState;
use axum::Router;

pub fn api_router() -> Router<AppState> {
    Router::new()
        .merge(health::router())
        .merge(auth::router())
        .merge(rubric::router())
        .merge(editions::router())
        .merge(schools::router())
        .merge(companies::router())
        .merge(matching::router())
        .merge(networks::router())
        .merge(people::router())
        .merge(dashboard::router())
        .merge(backup::router())
        .merge(nulmeting::router())
        .merge(measurements::router())
        .merge(report::router())
        .merge(plans::router())
        .merge(plan_comments::router())
        .merge(jury::router())
        .merge(jury_scoring::router())
        .merge(jury_results::router())
        .merge(jury_reopen::router())
        .merge(jury_exports::router())
        .merge(dossiers::router())
        .merge(evidence::router())
        .merge(evidence_archive::router())
        .merge(regions::router())
        .merge(regional_plan::router())
        .fallback(|| async { AppError::NotFound("endpoint") })
}

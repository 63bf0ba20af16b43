//! `GET /api/rubric`: the rubric content, public so anyone can read what
//! the nulmeting asks before signing in.

use crate::state::AppState;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new().route("/rubric", get(rubric))
}

// GET /api/rubric
async fn rubric() -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "application/json"), (CACHE_CONTROL, "public, max-age=300")],
        rubric::content::current_json(),
    )
}

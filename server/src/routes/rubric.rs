//! `GET /api/rubric`: the rubric content, public so anyone can read what
//! the nulmeting asks before signing in; `GET /api/rubric/{version}` the
//! content of one version (an edition measures with one, see
//! `rubric::rubric_versions`), `GET /api/rubric-versions` the versions on
//! offer, `GET /api/next-steps` the next steps per indicator and level. Also the helpers that give a handler the rubric of a measurement
//! or an edition.

use crate::error::{AppError, Result};
use crate::state::AppState;
use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use rubric::rubric_versions;
use rubric::Rubric;
use serde::Serialize;
use sqlx::SqliteExecutor;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/rubric", get(rubric))
        .route("/rubric/{version}", get(rubric_version))
        .route("/rubric-versions", get(versions))
        .route("/next-steps", get(next_steps))
}

/// The rubric a measurement or edition on `version` is answered with; a
/// version the programme does not have is a defect in stored data.
pub(crate) fn rubric_of(version: u32) -> Result<&'static Rubric> {
    rubric_versions::rubric_of(version)
        .ok_or_else(|| AppError::Internal(format!("stored rubric version {version} is not known to this build")))
}

/// The rubric of the edition's version.
pub(crate) async fn edition_rubric<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> Result<&'static Rubric> {
    let version: Option<i64> = sqlx::query_scalar("select rubric_version from editions where id = ?")
        .bind(edition_id)
        .fetch_optional(db)
        .await?;
    let version = version.ok_or(AppError::NotFound("edition"))?;
    rubric_of(u32::try_from(version).unwrap_or(0))
}

// GET /api/rubric
async fn rubric() -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "application/json"), (CACHE_CONTROL, "public, max-age=300")],
        rubric::content::current_json(),
    )
}

// GET /api/rubric/{version}
async fn rubric_version(Path(version): Path<String>) -> Result<impl IntoResponse> {
    let json = version
        .trim_start_matches('v')
        .parse::<u32>()
        .ok()
        .and_then(rubric_versions::rubric_json_of)
        .ok_or(AppError::NotFound("rubric version"))?;
    // A version's content is fixed once published: caches may keep it a day.
    Ok(([(CONTENT_TYPE, "application/json"), (CACHE_CONTROL, "public, max-age=86400")], json))
}

// GET /api/next-steps
async fn next_steps() -> impl IntoResponse {
    // Next steps per indicator and level of every version: fetched by the
    // report and the plan instead of being built into the apps.
    ([(CONTENT_TYPE, "application/json"), (CACHE_CONTROL, "public, max-age=3600")], rubric::next_steps::next_steps_json())
}

/// The versions on offer and the one a new edition gets.
#[derive(Serialize)]
struct Versions {
    versions: Vec<u32>,
    default_for_new_edition: u32,
}

// GET /api/rubric-versions
async fn versions() -> impl IntoResponse {
    (
        [(CACHE_CONTROL, "public, max-age=300")],
        Json(Versions { versions: rubric_versions::available(), default_for_new_edition: rubric_versions::default_for_new_edition() }),
    )
}

//! Editions: list, create, read, update (optimistic concurrency) and make
//! one active. Coordinators only. Also the helpers the other programme
//! set-up routes share (validation errors, stale writes, today).

use crate::auth::AuthUser;
use crate::db;
use crate::error::{AppError, AppJson, FieldError, Result};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use rubric::programme::bodies::{NewEdition, Versioned};
use rubric::programme::{validate_edition, Edition, EditionInput};
use rubric::errors::FieldCode;
use rubric::rubric_versions::{self, RubricVersionError};
use rubric::Date;
use serde::Serialize;
use sqlx::SqliteExecutor;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/editions", get(list).post(create))
        .route("/editions/{id}", get(read).put(update))
        .route("/editions/{id}/activate", post(activate))
}

/// A 422 with each rubric field error at its field.
pub(crate) fn invalid(errors: Vec<rubric::programme::FieldError>) -> AppError {
    AppError::Validation(errors.into_iter().map(|e| FieldError::new(e.field.key(), e.message())).collect())
}

/// A 422 at the rubric version field; a change refused because answers
/// were given carries its code, so the form words it in Dutch or English.
fn version_error(e: RubricVersionError) -> AppError {
    match e {
        RubricVersionError::AnswersGiven { .. } => AppError::field_coded("rubric_version", FieldCode::RubricVersionInUse, e),
        RubricVersionError::Unknown { .. } => AppError::Validation(vec![FieldError::new("rubric_version", e)]),
    }
}

/// A 409 carrying the current state of the row.
pub(crate) fn stale<T: Serialize>(current: &T) -> AppError {
    AppError::conflict(
        "stale",
        "someone else changed this in the meantime; the current version is shown",
        serde_json::to_value(current).ok(),
    )
}

/// The edition, or 404.
pub(crate) async fn edition<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> Result<Edition> {
    db::editions::get(db, id).await?.ok_or(AppError::NotFound("edition"))
}

/// Today on the server (UTC), for deadlines and "overdue".
pub(crate) fn today() -> Result<Date> {
    Date::from_unix_seconds(db::now()).ok_or_else(|| AppError::Internal("the system clock is out of range".into()))
}

// GET /api/editions
async fn list(State(state): State<AppState>, user: AuthUser) -> Result<Json<Vec<Edition>>> {
    user.require_coordinator()?;
    Ok(Json(db::editions::list(&state.db).await?))
}

// POST /api/editions
async fn create(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(body): AppJson<NewEdition<EditionInput>>,
) -> Result<Json<Edition>> {
    user.require_coordinator()?;
    let chosen = body.input.rubric_version.unwrap_or_else(rubric_versions::default_for_new_edition);
    let fields = validate_edition(&body.input).map_err(invalid)?;
    let rubric_version = rubric_versions::check_choice(chosen).map_err(version_error)?;
    let mut tx = state.write().await?;
    let id = db::editions::create(&mut tx, &fields, body.activate).await?;
    db::editions::set_rubric_version(&mut tx, id, rubric_version).await?;
    db::audit(&mut *tx, Some(user.id()), "edition-create", &format!("edition {id} ({})", fields.name)).await?;
    let saved = edition(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

// GET /api/editions/{id}
async fn read(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Edition>> {
    user.require_coordinator()?;
    Ok(Json(edition(&state.db, id).await?))
}

// PUT /api/editions/{id}
async fn update(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<Versioned<EditionInput>>,
) -> Result<Json<Edition>> {
    user.require_coordinator()?;
    let fields = validate_edition(&body.input).map_err(invalid)?;
    if let Some(wanted) = body.input.rubric_version {
        rubric_versions::check_choice(wanted).map_err(version_error)?;
    }
    let mut tx = state.write().await?;
    let current = edition(&mut *tx, id).await?;
    let wanted = body.input.rubric_version.unwrap_or(current.rubric_version);
    let open_answers = if wanted == current.rubric_version { 0 } else { db::editions::open_answers(&mut *tx, id).await? };
    let rubric_version =
        rubric_versions::check_change(current.rubric_version, wanted, open_answers).map_err(version_error)?;
    if !db::editions::update(&mut *tx, id, body.version, &fields).await? {
        return Err(stale(&current));
    }
    if rubric_version != current.rubric_version {
        db::editions::set_rubric_version(&mut tx, id, rubric_version).await?;
        db::audit(&mut *tx, Some(user.id()), "edition-rubric-version", &format!("edition {id}: rubric v{} -> v{rubric_version}", current.rubric_version)).await?;
    }
    db::audit(&mut *tx, Some(user.id()), "edition-update", &format!("edition {id} ({})", fields.name)).await?;
    let saved = edition(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

// POST /api/editions/{id}/activate
async fn activate(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Edition>> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    edition(&mut *tx, id).await?;
    db::editions::activate(&mut tx, id).await?;
    db::audit(&mut *tx, Some(user.id()), "edition-activate", &format!("edition {id}")).await?;
    let saved = edition(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

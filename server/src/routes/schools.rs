//! Schools of an edition: list, add, edit, archive and restore (nothing
//! with data attached is ever deleted), and the CSV import with a preview
//! and per-row errors before anything is saved. Coordinators only.

use super::editions::{edition, invalid, stale};
use crate::auth::AuthUser;
use crate::db;
use crate::error::{AppError, AppJson, Result};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rubric::programme::bodies::{CsvImport, VersionOnly, Versioned};
use rubric::programme::{
    mark_existing, parse_schools_csv, validate_school, ImportOutcome, School, SchoolInput,
};
use serde::Deserialize;
use sqlx::SqliteExecutor;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/editions/{id}/schools", get(list).post(create))
        .route("/editions/{id}/schools/import", post(import))
        .route("/schools/{id}", put(update))
        .route("/schools/{id}/archive", post(archive))
        .route("/schools/{id}/restore", post(restore))
}

#[derive(Deserialize)]
pub(crate) struct ListQuery {
    #[serde(default)]
    pub archived: bool,
}

/// The school, or 404.
pub(crate) async fn school_in<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> Result<School> {
    db::schools::get(db, id).await?.ok_or(AppError::NotFound("school"))
}

// GET /api/editions/{id}/schools?archived=true
async fn list(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Vec<School>>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    Ok(Json(db::schools::list(&state.db, id, q.archived).await?))
}

// POST /api/editions/{id}/schools
async fn create(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(input): AppJson<SchoolInput>,
) -> Result<Json<School>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    let fields = validate_school(&input).map_err(invalid)?;
    let mut tx = state.write().await?;
    let school_id = db::schools::create(&mut *tx, id, &fields).await?;
    db::audit(&mut *tx, Some(user.id()), "school-create", &format!("school {school_id} ({})", fields.name)).await?;
    let saved = school_in(&mut *tx, school_id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

// PUT /api/schools/{id}
async fn update(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<Versioned<SchoolInput>>,
) -> Result<Json<School>> {
    user.require_coordinator()?;
    let fields = validate_school(&body.input).map_err(invalid)?;
    let mut tx = state.write().await?;
    let current = school_in(&mut *tx, id).await?;
    if !db::schools::update(&mut *tx, id, body.version, &fields).await? {
        return Err(stale(&current));
    }
    db::audit(&mut *tx, Some(user.id()), "school-update", &format!("school {id} ({})", fields.name)).await?;
    let saved = school_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

async fn set_archived(state: AppState, user: AuthUser, id: i64, version: i64, archived: bool) -> Result<Json<School>> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    let current = school_in(&mut *tx, id).await?;
    if !db::schools::set_archived(&mut *tx, id, version, archived).await? {
        return Err(stale(&current));
    }
    let action = if archived { "school-archive" } else { "school-restore" };
    db::audit(&mut *tx, Some(user.id()), action, &format!("school {id} ({})", current.name)).await?;
    if !archived {
        if let Some(company) = db::schools::drop_archived_sponsor(&mut tx, id).await? {
            let detail = format!("school {id} ({}) no longer sponsored by {company}: that company is archived", current.name);
            db::audit(&mut *tx, Some(user.id()), "match", &detail).await?;
        }
    }
    let saved = school_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

// POST /api/schools/{id}/archive
async fn archive(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<VersionOnly>,
) -> Result<Json<School>> {
    set_archived(state, user, id, body.version, true).await
}

// POST /api/schools/{id}/restore
async fn restore(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<VersionOnly>,
) -> Result<Json<School>> {
    set_archived(state, user, id, body.version, false).await
}

// POST /api/editions/{id}/schools/import
async fn import(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<CsvImport>,
) -> Result<Json<ImportOutcome<SchoolInput>>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    let mut outcome = ImportOutcome::preview(parse_schools_csv(&body.csv));
    let existing = db::schools::names(&state.db, id).await?;
    mark_existing(&mut outcome.rows, &existing, |s| s.name.as_str());
    if !body.save {
        return Ok(Json(outcome));
    }
    if let Some(e) = &outcome.file_error {
        return Err(AppError::field("csv", e));
    }
    let bad = outcome.rows.len() - outcome.valid();
    if bad > 0 && !body.skip_invalid {
        return Err(AppError::field("csv", format!("{bad} rows have errors; fix them or leave them out")));
    }
    let mut tx = state.write().await?;
    for row in outcome.rows.iter().filter(|r| r.is_valid()) {
        let fields = validate_school(&row.input).map_err(invalid)?;
        db::schools::create(&mut *tx, id, &fields).await?;
        outcome.saved += 1;
    }
    db::audit(&mut *tx, Some(user.id()), "school-import", &format!("{} schools into edition {id}", outcome.saved)).await?;
    tx.commit().await?;
    Ok(Json(outcome))
}

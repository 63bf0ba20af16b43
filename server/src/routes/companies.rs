//! Companies of an edition: list, add, edit, archive and restore, and the
//! CSV import with a preview and per-row errors. A company that still
//! sponsors schools cannot be archived. Coordinators only.

use super::editions::{edition, invalid, stale};
use super::schools::ListQuery;
use crate::auth::AuthUser;
use crate::db;
use crate::error::{AppError, AppJson, Result};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rubric::programme::bodies::{CsvImport, VersionOnly, Versioned};
use rubric::programme::{mark_existing, parse_companies_csv, validate_company, Company, CompanyInput, ImportOutcome};
use sqlx::SqliteExecutor;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/editions/{id}/companies", get(list).post(create))
        .route("/editions/{id}/companies/import", post(import))
        .route("/companies/{id}", put(update))
        .route("/companies/{id}/archive", post(archive))
        .route("/companies/{id}/restore", post(restore))
}

/// The company, or 404.
pub(crate) async fn company_in<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> Result<Company> {
    db::companies::get(db, id).await?.ok_or(AppError::NotFound("company"))
}

// GET /api/editions/{id}/companies?archived=true
async fn list(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Vec<Company>>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    Ok(Json(db::companies::list(&state.db, id, q.archived).await?))
}

// POST /api/editions/{id}/companies
async fn create(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(input): AppJson<CompanyInput>,
) -> Result<Json<Company>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    let fields = validate_company(&input).map_err(invalid)?;
    let mut tx = state.write().await?;
    let company_id = db::companies::create(&mut *tx, id, &fields).await?;
    db::audit(&mut *tx, Some(user.id()), "company-create", &format!("company {company_id} ({})", fields.name)).await?;
    let saved = company_in(&mut *tx, company_id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

// PUT /api/companies/{id}
async fn update(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<Versioned<CompanyInput>>,
) -> Result<Json<Company>> {
    user.require_coordinator()?;
    let fields = validate_company(&body.input).map_err(invalid)?;
    let mut tx = state.write().await?;
    let current = company_in(&mut *tx, id).await?;
    if !db::companies::update(&mut *tx, id, body.version, &fields).await? {
        return Err(stale(&current));
    }
    db::audit(&mut *tx, Some(user.id()), "company-update", &format!("company {id} ({})", fields.name)).await?;
    let saved = company_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

// POST /api/companies/{id}/archive
async fn archive(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<VersionOnly>,
) -> Result<Json<Company>> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    let current = company_in(&mut *tx, id).await?;
    if current.schools > 0 {
        return Err(AppError::conflict(
            "company_sponsors_schools",
            format!(
                "{} still sponsors {} school(s); match those schools to another company first",
                current.name, current.schools
            ),
            serde_json::to_value(&current).ok(),
        ));
    }
    if !db::companies::set_archived(&mut *tx, id, body.version, true).await? {
        return Err(stale(&current));
    }
    db::audit(&mut *tx, Some(user.id()), "company-archive", &format!("company {id} ({})", current.name)).await?;
    let saved = company_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

// POST /api/companies/{id}/restore
async fn restore(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<VersionOnly>,
) -> Result<Json<Company>> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    let current = company_in(&mut *tx, id).await?;
    if !db::companies::set_archived(&mut *tx, id, body.version, false).await? {
        return Err(stale(&current));
    }
    db::audit(&mut *tx, Some(user.id()), "company-restore", &format!("company {id} ({})", current.name)).await?;
    let saved = company_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

// POST /api/editions/{id}/companies/import
async fn import(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<CsvImport>,
) -> Result<Json<ImportOutcome<CompanyInput>>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    let mut outcome = ImportOutcome::preview(parse_companies_csv(&body.csv));
    let existing = db::companies::names(&state.db, id).await?;
    mark_existing(&mut outcome.rows, &existing, |c| c.name.as_str());
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
        let fields = validate_company(&row.input).map_err(invalid)?;
        db::companies::create(&mut *tx, id, &fields).await?;
        outcome.saved += 1;
    }
    db::audit(&mut *tx, Some(user.id()), "company-import", &format!("{} companies into edition {id}", outcome.saved)).await?;
    tx.commit().await?;
    Ok(Json(outcome))
}

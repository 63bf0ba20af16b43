//! Learning networks: the three networks of an edition with their sessions,
//! adding, editing and deleting sessions (only while nobody is recorded as
//! present), and recording attendance per school and company.
//! Coordinators only.

use super::editions::{edition, invalid, stale};
use crate::auth::AuthUser;
use crate::db;
use rubric::errors::FieldCode;
use crate::error::{AppError, AppJson, Result};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rubric::programme::bodies::{Attendance, Versioned};
use rubric::programme::{validate_session, Network, NetworkSession, SessionInput};
use std::collections::HashSet;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/editions/{id}/networks", get(list))
        .route("/networks/{id}/sessions", post(create))
        .route("/sessions/{id}", put(update).delete(remove))
        .route("/sessions/{id}/attendance", put(attendance))
}

async fn session(state: &AppState, id: i64) -> Result<NetworkSession> {
    db::networks::session(&state.db, id).await?.ok_or(AppError::NotFound("session"))
}

// GET /api/editions/{id}/networks
async fn list(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Vec<Network>>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    // Editions get their networks when created; an older one gets them here.
    if db::networks::list(&state.db, id).await?.len() < rubric::programme::NetworkKind::ALL.len() {
        let mut tx = state.write().await?;
        db::editions::ensure_networks(&mut tx, id).await?;
        tx.commit().await?;
    }
    Ok(Json(db::networks::list(&state.db, id).await?))
}

// POST /api/networks/{id}/sessions
async fn create(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(input): AppJson<SessionInput>,
) -> Result<Json<NetworkSession>> {
    user.require_coordinator()?;
    let fields = validate_session(&input).map_err(invalid)?;
    let mut tx = state.write().await?;
    db::networks::network_edition(&mut *tx, id).await?.ok_or(AppError::NotFound("network"))?;
    let session_id = db::networks::create_session(&mut *tx, id, &fields).await?;
    db::audit(&mut *tx, Some(user.id()), "session-create", &format!("session {session_id} on {}", fields.date)).await?;
    tx.commit().await?;
    Ok(Json(session(&state, session_id).await?))
}

// PUT /api/sessions/{id}
async fn update(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<Versioned<SessionInput>>,
) -> Result<Json<NetworkSession>> {
    user.require_coordinator()?;
    let current = session(&state, id).await?;
    let fields = validate_session(&body.input).map_err(invalid)?;
    let mut tx = state.write().await?;
    if !db::networks::update_session(&mut *tx, id, body.version, &fields).await? {
        return Err(stale(&current));
    }
    db::audit(&mut *tx, Some(user.id()), "session-update", &format!("session {id}")).await?;
    tx.commit().await?;
    Ok(Json(session(&state, id).await?))
}

// DELETE /api/sessions/{id}
async fn remove(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<serde_json::Value>> {
    user.require_coordinator()?;
    let current = session(&state, id).await?;
    let mut tx = state.write().await?;
    if !db::networks::delete_session(&mut *tx, id).await? {
        return Err(AppError::conflict(
            "session_has_attendance",
            "this session has attendance recorded; clear the attendance first if it really did not take place",
            serde_json::to_value(&current).ok(),
        ));
    }
    db::audit(&mut *tx, Some(user.id()), "session-delete", &format!("session {id} on {}", current.date)).await?;
    tx.commit().await?;
    Ok(Json(serde_json::json!({ "deleted": id })))
}

// PUT /api/sessions/{id}/attendance
async fn attendance(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<Attendance>,
) -> Result<Json<NetworkSession>> {
    user.require_coordinator()?;
    let current = session(&state, id).await?;
    let edition_id = db::networks::session_edition(&state.db, id).await?.ok_or(AppError::NotFound("session"))?;
    let schools: HashSet<i64> = db::schools::list(&state.db, edition_id, true).await?.iter().map(|s| s.id).collect();
    let companies: HashSet<i64> = db::companies::list(&state.db, edition_id, true).await?.iter().map(|c| c.id).collect();
    if let Some(bad) = body.school_ids.iter().find(|s| !schools.contains(s)) {
        return Err(AppError::field_coded("school_ids", FieldCode::NotInEdition, format!("school {bad} is not part of this edition")));
    }
    if let Some(bad) = body.company_ids.iter().find(|c| !companies.contains(c)) {
        return Err(AppError::field_coded("company_ids", FieldCode::NotInEdition, format!("company {bad} is not part of this edition")));
    }
    let mut school_ids = body.school_ids.clone();
    school_ids.sort_unstable();
    school_ids.dedup();
    let mut company_ids = body.company_ids.clone();
    company_ids.sort_unstable();
    company_ids.dedup();
    let mut tx = state.write().await?;
    if !db::networks::set_attendance(&mut tx, id, body.version, &school_ids, &company_ids).await? {
        return Err(stale(&current));
    }
    db::audit(
        &mut *tx,
        Some(user.id()),
        "attendance",
        &format!("session {id}: {} schools, {} companies", school_ids.len(), company_ids.len()),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(session(&state, id).await?))
}

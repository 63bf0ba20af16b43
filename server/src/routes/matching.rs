//! Matching schools to sponsor companies: the match screen's data (each
//! school with its nulmeting profile once it exists, the companies with how
//! many schools they sponsor) and setting a school's sponsor. A company may
//! sponsor several schools. Coordinators only.

use super::companies::company_in;
use super::editions::{edition, stale};
use super::schools::school_in;
use crate::auth::AuthUser;
use crate::db;
use rubric::errors::FieldCode;
use crate::error::{AppError, AppJson, Result};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::{get, put};
use axum::{Json, Router};
use rubric::programme::bodies::Sponsor;
use rubric::assessment::MeasurementKind;
use rubric::programme::{Matching, MatchingSchool, School};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/editions/{id}/matching", get(matching))
        .route("/schools/{id}/sponsor", put(set_sponsor))
}

// GET /api/editions/{id}/matching
async fn matching(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Matching>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    let mut schools = Vec::new();
    for school in db::schools::list(&state.db, id, false).await? {
        let profile = db::profile::school_profile(&state.db, id, school.id, MeasurementKind::Baseline)
            .await?
            .map(|p| p.aspects);
        schools.push(MatchingSchool { school, profile });
    }
    let companies = db::companies::list(&state.db, id, true).await?;
    Ok(Json(Matching { schools, companies }))
}

// PUT /api/schools/{id}/sponsor
async fn set_sponsor(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<Sponsor>,
) -> Result<Json<School>> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    let current = school_in(&mut *tx, id).await?;
    let name = match body.company_id {
        Some(company_id) => {
            let c = company_in(&mut *tx, company_id).await.map_err(|_| AppError::field_coded("company_id", FieldCode::NotInEdition, "there is no such company"))?;
            if c.edition_id != current.edition_id {
                return Err(AppError::field_coded("company_id", FieldCode::NotInEdition, "this company belongs to another edition"));
            }
            if c.archived && current.company_id != Some(c.id) {
                return Err(AppError::field_coded("company_id", FieldCode::NotInEdition, "this company is archived; restore it first"));
            }
            c.name
        }
        None => "none".to_string(),
    };
    if !db::schools::set_sponsor(&mut *tx, id, body.version, body.company_id).await? {
        return Err(stale(&current));
    }
    db::audit(&mut *tx, Some(user.id()), "match", &format!("school {id} ({}) sponsored by {name}", current.name)).await?;
    let saved = school_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

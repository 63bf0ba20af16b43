//! The coordinator's control of measurements in the active edition: the
//! overview (respondents, completion and consensus per school), opening and
//! closing a school's nulmeting or eindmeting, and doing so for every school.

use crate::auth::AuthUser;
use crate::db;
use crate::db::nulmeting as nm;
use crate::error::{AppError, AppJson, Result};
use crate::routes::nulmeting::load_school;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use rubric::assessment::api::{
    BulkChange, BulkResult, MeasurementInfo, MeasurementOverview, MeasurementStatus, MeasurementSummary,
    SchoolMeasurements,
};
use rubric::assessment::MeasurementKind;
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/measurements", get(overview))
        .route("/measurements/bulk", post(bulk))
        .route("/schools/{id}/measurements/{kind}/{action}", post(change))
}

// GET /api/measurements
async fn overview(State(state): State<AppState>, user: AuthUser) -> Result<Json<MeasurementOverview>> {
    user.require_coordinator()?;
    let Some(edition) = nm::active_edition(&state.db).await? else {
        return Ok(Json(MeasurementOverview { edition: None, schools: vec![] }));
    };
    // Each measurement counts against the rubric version it opened on.
    let versions: HashMap<i64, i64> = sqlx::query_as::<_, (i64, i64)>("select id, rubric_version from measurements where edition_id = ?")
        .bind(edition.id)
        .fetch_all(&state.db)
        .await?
        .into_iter()
        .collect();
    let schools = nm::schools_in(&state.db, edition.id).await?;
    let measurements = nm::measurements_in(&state.db, edition.id).await?;
    let responses = nm::responses_in(&state.db, edition.id).await?;
    let answered: HashMap<(i64, i64), i64> =
        nm::answered_counts(&state.db, edition.id).await?.into_iter().map(|(m, p, n)| ((m, p), n)).collect();
    let decided: HashMap<i64, i64> = nm::decided_counts(&state.db, edition.id).await?.into_iter().collect();
    let requests: HashMap<i64, i64> = nm::reopen_requests_in(&state.db, edition.id).await?.into_iter().collect();
    let summary = |id: i64, status: &str, opened_at: i64, closed_at: Option<i64>| {
        let version = versions.get(&id).and_then(|&v| u32::try_from(v).ok()).unwrap_or(1);
        let total = u32::try_from(rubric::rubric_versions::indicator_count(version)).unwrap_or(u32::MAX);
        let mine: Vec<(i64, bool)> = responses
            .iter()
            .filter(|(m, _, _)| *m == id)
            .map(|&(_, person, submitted)| (answered.get(&(id, person)).copied().unwrap_or(0), submitted))
            .collect();
        let started: Vec<i64> = mine.iter().filter(|(n, _)| *n > 0).map(|(n, _)| *n).collect();
        let completion = if started.is_empty() || total == 0 {
            0.0
        } else {
            started.iter().map(|&n| (n as f64 / f64::from(total)).min(1.0)).sum::<f64>() / started.len() as f64
        };
        MeasurementSummary {
            id,
            status: MeasurementStatus::from_key(status).unwrap_or(MeasurementStatus::Closed),
            opened_at,
            closed_at,
            respondents: u32::try_from(started.len()).unwrap_or(u32::MAX),
            submitted: u32::try_from(mine.iter().filter(|(_, s)| *s).count()).unwrap_or(u32::MAX),
            completion,
            decided: u32::try_from(decided.get(&id).copied().unwrap_or(0)).unwrap_or(0),
            indicators: total,
            reopen_requests: u32::try_from(requests.get(&id).copied().unwrap_or(0)).unwrap_or(0),
        }
    };
    let of_kind = |school_id: i64, kind: MeasurementKind| {
        measurements
            .iter()
            .find(|(_, s, k, _, _, _)| *s == school_id && k == kind.key())
            .map(|(id, _, _, status, opened, closed)| summary(*id, status, *opened, *closed))
    };
    let schools = schools
        .into_iter()
        .map(|(school_id, school_name, town, members)| SchoolMeasurements {
            baseline: of_kind(school_id, MeasurementKind::Baseline),
            final_measurement: of_kind(school_id, MeasurementKind::Final),
            school_id,
            school_name,
            town,
            members: u32::try_from(members).unwrap_or(0),
        })
        .collect();
    Ok(Json(MeasurementOverview { edition: Some(edition.summary(nm::today())), schools }))
}

fn parse_kind(kind: &str) -> Result<MeasurementKind> {
    MeasurementKind::from_key(kind)
        .ok_or_else(|| AppError::bad_request("bad_kind", format!("unknown measurement kind \"{kind}\"; use baseline or final")))
}

fn parse_action(action: &str) -> Result<MeasurementStatus> {
    match action {
        "open" => Ok(MeasurementStatus::Open),
        "close" => Ok(MeasurementStatus::Closed),
        _ => Err(AppError::NotFound("endpoint")),
    }
}

fn label(kind: MeasurementKind) -> &'static str {
    match kind {
        MeasurementKind::Baseline => "nulmeting",
        MeasurementKind::Final => "eindmeting",
    }
}

// POST /api/schools/{id}/measurements/{kind}/open
// POST /api/schools/{id}/measurements/{kind}/close
async fn change(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, kind, action)): Path<(i64, String, String)>,
) -> Result<Json<MeasurementInfo>> {
    let status = parse_action(&action)?;
    user.require_coordinator()?;
    let kind = parse_kind(&kind)?;
    let school = load_school(&state, school_id).await?;
    let mut tx = state.write().await?;
    let id = match status {
        MeasurementStatus::Open => {
            let (id, _) = nm::ensure_measurement(&mut tx, school.edition_id, school.id, kind).await?;
            id
        }
        MeasurementStatus::Closed => nm::measurement_of(&mut *tx, school.edition_id, school.id, kind)
            .await?
            .map(|m| m.id)
            .ok_or(AppError::NotFound("measurement"))?,
    };
    if nm::set_status(&mut tx, id, status).await? || status == MeasurementStatus::Open {
        let what = if status == MeasurementStatus::Open { "opened" } else { "closed" };
        db::audit(&mut *tx, Some(user.id()), "measurement-status", &format!("{} of {} {what}", label(kind), school.name))
            .await?;
    }
    tx.commit().await?;
    nm::measurement(&state.db, id).await?.map(Json).ok_or(AppError::NotFound("measurement"))
}

// POST /api/measurements/bulk  {"kind": "final", "status": "open"}
async fn bulk(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(body): AppJson<BulkChange>,
) -> Result<Json<BulkResult>> {
    user.require_coordinator()?;
    let edition = nm::active_edition(&state.db).await?.ok_or(AppError::NotFound("active edition"))?;
    let mut tx = state.write().await?;
    let schools = nm::schools_in(&mut *tx, edition.id).await?;
    let mut changed = 0u32;
    for (school_id, _, _, _) in &schools {
        let id = match body.status {
            MeasurementStatus::Open => {
                let (id, created) = nm::ensure_measurement(&mut tx, edition.id, *school_id, body.kind).await?;
                changed += u32::from(created);
                Some(id)
            }
            MeasurementStatus::Closed => {
                nm::measurement_of(&mut *tx, edition.id, *school_id, body.kind).await?.map(|m| m.id)
            }
        };
        if let Some(id) = id {
            if nm::set_status(&mut tx, id, body.status).await? {
                changed += 1;
            }
        }
    }
    let what = if body.status == MeasurementStatus::Open { "opened" } else { "closed" };
    db::audit(&mut *tx, Some(user.id()), "measurement-status", &format!("{} {what} for {changed} schools", label(body.kind)))
        .await?;
    tx.commit().await?;
    Ok(Json(BulkResult { changed }))
}

//! Regions (issue 17): the programme coordinator creates an edition's
//! regions, sets their schools (with level) and companies and invites
//! regional coordinators; the region's own coordinator (and the programme
//! coordinator) reads the region, manages its partners and its portrait:
//! pupil numbers imported from CSV (a preview first, all or nothing),
//! progression figures, facilities and networks. A coordinator of another
//! region gets 403 (`rubric::access::relation_to_region`).

use super::editions::{edition, stale};
use crate::auth::AuthUser;
use crate::db;
use crate::db::nulmeting as nm;
use crate::error::{AppError, AppJson, Result};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use rubric::programme::bodies::Versioned;
use rubric::region::portrait::PupilCsv;
use rubric::access::{relation_to_region, Action};
use rubric::errors::FieldCode;
use rubric::assessment::{benchmark, IndicatorIndex, MeasurementKind, SchoolProfile};
use rubric::people::Role;
use rubric::programme::{Invitation, InviteInput};
use rubric::region::portrait::{
    diff, parse_pupil_csv, summarize, validate_facility, validate_progression, FacilityInput, Portrait, PortraitDiff,
    ProgressionInput, PupilImport,
};
use rubric::region::{validate_members, CoordinatorInput, validate_partner, validate_region, PartnerInput, Region, RegionDetail, RegionInput, RegionMembers};
use sqlx::SqliteExecutor;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/editions/{id}/regions", get(list).post(create))
        .route("/regions", get(mine))
        .route("/regions/{id}", get(detail).put(rename))
        .route("/regions/{id}/members", put(set_members))
        .route("/regions/{id}/coordinators", post(invite))
        .route("/regions/{id}/partners", post(add_partner))
        .route("/regions/{id}/partners/{pid}", delete(remove_partner))
        .route("/regions/{id}/portrait", get(portrait))
        .route("/regions/{id}/pupils/import", post(import_pupils))
        .route("/regions/{id}/progression", post(add_progression))
        .route("/regions/{id}/progression/{pid}", delete(remove_progression))
        .route("/regions/{id}/facilities", post(add_facility))
        .route("/regions/{id}/facilities/{fid}", delete(remove_facility))
}

/// A region form's validation error at `field`, with the domain error
/// (`RegionError`, `ProgressionError`) as its detail.
fn region_error<E: std::fmt::Display + serde::Serialize>(field: &'static str, e: E) -> AppError {
    AppError::field_detailed(field, &e)
}

/// The region, or 404.
pub(crate) async fn region_in<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> Result<Region> {
    db::regions::get(db, id).await?.ok_or(AppError::NotFound("region"))
}

/// The region if `user` may do `action` on it: 404 when there is no such
/// region, 403 for anyone else (a coordinator of another region included).
/// Used by every region endpoint, and by the regional plan (issue 17).
pub(crate) async fn region_for(state: &AppState, user: &AuthUser, id: i64, action: Action) -> Result<Region> {
    user.check_role(action)?;
    let region = region_in(&state.db, id).await?;
    let mine = if user.role() == Role::RegionalCoordinator { db::regions::coordinated_by(&state.db, user.id()).await? } else { None };
    user.check(relation_to_region(&user.0, mine, region.id), action, "region")?;
    Ok(region)
}

async fn region_detail(state: &AppState, region: Region) -> Result<RegionDetail> {
    Ok(RegionDetail {
        schools: db::regions::schools(&state.db, region.id).await?,
        companies: db::regions::companies(&state.db, region.id).await?,
        partners: db::regions::partners(&state.db, region.id).await?,
        coordinators: db::regions::coordinators(&state.db, region.id).await?,
        region,
    })
}

// GET /api/editions/{id}/regions
async fn list(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Vec<Region>>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    Ok(Json(db::regions::list(&state.db, id).await?))
}

// POST /api/editions/{id}/regions
async fn create(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>, AppJson(input): AppJson<RegionInput>) -> Result<Json<Region>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    let input = validate_region(&input).map_err(|e| region_error("name", e))?;
    let mut tx = state.write().await?;
    let region_id = db::regions::create(&mut *tx, id, &input.name).await?;
    db::audit(&mut *tx, Some(user.id()), "region-create", &format!("region {region_id} ({}) in edition {id}", input.name)).await?;
    let saved = region_in(&mut *tx, region_id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

// GET /api/regions: the regions the person works on (a regional
// coordinator's own; every region of every edition for the coordinator).
async fn mine(State(state): State<AppState>, user: AuthUser) -> Result<Json<Vec<Region>>> {
    user.check_role(Action::ReadRegion)?;
    if user.is_coordinator() {
        let mut all = Vec::new();
        for e in db::editions::list(&state.db).await? {
            all.extend(db::regions::list(&state.db, e.id).await?);
        }
        return Ok(Json(all));
    }
    let own = db::regions::coordinated_by(&state.db, user.id()).await?;
    let mut out = Vec::new();
    if let Some(id) = own {
        out.extend(db::regions::get(&state.db, id).await?);
    }
    Ok(Json(out))
}

// GET /api/regions/{id}
async fn detail(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<RegionDetail>> {
    let region = region_for(&state, &user, id, Action::ReadRegion).await?;
    Ok(Json(region_detail(&state, region).await?))
}

// PUT /api/regions/{id}
async fn rename(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>, AppJson(body): AppJson<Versioned<RegionInput>>) -> Result<Json<Region>> {
    user.require_coordinator()?;
    let input = validate_region(&body.input).map_err(|e| region_error("name", e))?;
    let mut tx = state.write().await?;
    let current = region_in(&mut *tx, id).await?;
    if !db::regions::rename(&mut *tx, id, body.version, &input.name).await? {
        return Err(stale(&current));
    }
    db::audit(&mut *tx, Some(user.id()), "region-update", &format!("region {id} ({})", input.name)).await?;
    let saved = region_in(&mut *tx, id).await?;
    tx.commit().await?;
    Ok(Json(saved))
}

// PUT /api/regions/{id}/members
async fn set_members(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>, AppJson(body): AppJson<Versioned<RegionMembers>>) -> Result<Json<RegionDetail>> {
    user.require_coordinator()?;
    validate_members(&body.input).map_err(|e| region_error("members", e))?;
    let mut tx = state.write().await?;
    let current = region_in(&mut *tx, id).await?;
    let school_ids: Vec<i64> = body.input.schools.iter().map(|s| s.school_id).collect();
    if db::regions::count_in_edition(&mut tx, "schools", current.edition_id, &school_ids).await? != school_ids.len() {
        return Err(AppError::field_coded("schools", FieldCode::NotInEdition, "a school is not in this region's edition, or it is archived"));
    }
    if db::regions::count_in_edition(&mut tx, "companies", current.edition_id, &body.input.companies).await? != body.input.companies.len() {
        return Err(AppError::field_coded("companies", FieldCode::NotInEdition, "a company is not in this region's edition, or it is archived"));
    }
    if !db::regions::touch(&mut *tx, id, body.version).await? {
        return Err(stale(&current));
    }
    db::regions::set_members(&mut tx, id, &body.input).await?;
    let detail = format!("region {id}: {} schools, {} companies", school_ids.len(), body.input.companies.len());
    db::audit(&mut *tx, Some(user.id()), "region-members", &detail).await?;
    tx.commit().await?;
    let region = region_in(&state.db, id).await?;
    Ok(Json(region_detail(&state, region).await?))
}

// POST /api/regions/{id}/coordinators: invite a regional coordinator
// (name and e-mail as the people form; the role and scope are the region's).
async fn invite(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>, AppJson(input): AppJson<CoordinatorInput>) -> Result<Json<Invitation>> {
    user.require_coordinator()?;
    let input = InviteInput { name: input.name, email: input.email, role: Role::RegionalCoordinator, school_id: None, company_id: None, school_function: None };
    let fields = rubric::programme::validate_invite(&input).map_err(super::editions::invalid)?;
    let mut tx = state.write().await?;
    region_in(&mut *tx, id).await?;
    let (person_id, token) = db::regions::invite_coordinator(&mut tx, id, &fields.name, &fields.email, user.id()).await?;
    let person = db::directory::get(&mut *tx, person_id).await?.ok_or(AppError::NotFound("person"))?;
    tx.commit().await?;
    Ok(Json(Invitation { person, link: crate::sign_in_link(&state.config.public_url, &token) }))
}

// POST /api/regions/{id}/partners
async fn add_partner(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>, AppJson(input): AppJson<PartnerInput>) -> Result<Json<RegionDetail>> {
    let region = region_for(&state, &user, id, Action::ManageRegion).await?;
    let input = validate_partner(&input).map_err(|e| region_error("name", e))?;
    let mut tx = state.write().await?;
    let pid = db::regions::add_partner(&mut *tx, id, &input).await?;
    db::audit(&mut *tx, Some(user.id()), "region-partner-add", &format!("partner {pid} ({}) in region {id}", input.name)).await?;
    tx.commit().await?;
    Ok(Json(region_detail(&state, region).await?))
}

// DELETE /api/regions/{id}/partners/{pid}
async fn remove_partner(State(state): State<AppState>, user: AuthUser, Path((id, pid)): Path<(i64, i64)>) -> Result<Json<RegionDetail>> {
    let region = region_for(&state, &user, id, Action::ManageRegion).await?;
    let mut tx = state.write().await?;
    if !db::regions::remove_partner(&mut *tx, id, pid).await? {
        return Err(AppError::NotFound("partner"));
    }
    db::audit(&mut *tx, Some(user.id()), "region-partner-remove", &format!("partner {pid} of region {id}")).await?;
    tx.commit().await?;
    Ok(Json(region_detail(&state, region).await?))
}

async fn load_portrait(state: &AppState, region: &Region) -> Result<Portrait> {
    let schools = db::regions::schools(&state.db, region.id).await?;
    let names: Vec<(i64, String)> = schools.iter().map(|s| (s.school_id, s.name.clone())).collect();
    let counts = db::regions::pupils(&state.db, region.id).await?;
    // The profiles by the rubric version the edition measures with.
    let version: i64 = sqlx::query_scalar("select rubric_version from editions where id = ?").bind(region.edition_id).fetch_one(&state.db).await?;
    let rubric = u32::try_from(version).ok().and_then(rubric::RubricVersion::from_number).map_or_else(rubric::current_rubric, rubric::content::rubric);
    let index = IndicatorIndex::new(rubric);
    let profiles: Vec<SchoolProfile> = nm::edition_consensus(&state.db, region.edition_id, MeasurementKind::Baseline)
        .await?
        .into_iter()
        .filter(|(school_id, _)| names.iter().any(|(id, _)| id == school_id))
        .map(|(_, consensus)| index.profile(&consensus))
        .collect();
    Ok(Portrait {
        region_id: region.id,
        summary: summarize(&counts, &names),
        counts,
        progression: db::regions::progression(&state.db, region.id).await?,
        facilities: db::regions::facilities(&state.db, region.id).await?,
        profile: benchmark(&profiles),
    })
}

// GET /api/regions/{id}/portrait
async fn portrait(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<Portrait>> {
    let region = region_for(&state, &user, id, Action::ReadRegion).await?;
    Ok(Json(load_portrait(&state, &region).await?))
}

// POST /api/regions/{id}/pupils/import: preview (every row with its
// errors and the difference with the saved numbers) or save. Saving
// replaces the region's numbers as a whole and happens only when every
// row is valid: nothing is saved when any row is refused.
async fn import_pupils(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>, AppJson(body): AppJson<PupilCsv>) -> Result<Json<PupilImport>> {
    let region = region_for(&state, &user, id, Action::ManageRegion).await?;
    let names: Vec<(i64, String)> = db::regions::schools(&state.db, id).await?.into_iter().map(|s| (s.school_id, s.name)).collect();
    let (file_error, rows) = match parse_pupil_csv(&body.csv, &names) {
        Ok(rows) => (None, rows),
        Err(e) => (Some(e), vec![]),
    };
    let mut outcome = PupilImport { file_error, rows, diff: PortraitDiff::default(), saved: 0 };
    if !body.save {
        outcome.diff = diff(&db::regions::pupils(&state.db, id).await?, &outcome.counts());
        return Ok(Json(outcome));
    }
    if let Some(e) = &outcome.file_error {
        return Err(AppError::field_detailed("csv", e));
    }
    if !outcome.can_save() {
        return Err(AppError::field_coded(
            "csv",
            FieldCode::RowsRefused,
            format!("{} rows have errors; nothing was saved: fix them and import the file again", outcome.refused()),
        ));
    }
    let counts = outcome.counts();
    let mut tx = state.write().await?;
    // The diff is taken inside the write turn, against what it replaces.
    outcome.diff = diff(&db::regions::pupils(&mut *tx, id).await?, &counts);
    db::regions::replace_pupils(&mut tx, id, &counts).await?;
    outcome.saved = counts.len();
    let d = outcome.diff;
    let detail = format!("region {id} ({}): {} rows; {} added, {} changed, {} removed", region.name, counts.len(), d.added, d.changed, d.removed);
    db::audit(&mut *tx, Some(user.id()), "region-pupils-import", &detail).await?;
    tx.commit().await?;
    Ok(Json(outcome))
}

// POST /api/regions/{id}/progression
async fn add_progression(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>, AppJson(input): AppJson<ProgressionInput>) -> Result<Json<Portrait>> {
    let region = region_for(&state, &user, id, Action::ManageRegion).await?;
    let fields = validate_progression(&input).map_err(|e| region_error("progression", e))?;
    let mut tx = state.write().await?;
    let pid = db::regions::add_progression(&mut *tx, id, fields).await?;
    db::audit(&mut *tx, Some(user.id()), "region-progression-add", &format!("progression {pid} in region {id}")).await?;
    tx.commit().await?;
    Ok(Json(load_portrait(&state, &region).await?))
}

// DELETE /api/regions/{id}/progression/{pid}
async fn remove_progression(State(state): State<AppState>, user: AuthUser, Path((id, pid)): Path<(i64, i64)>) -> Result<Json<Portrait>> {
    let region = region_for(&state, &user, id, Action::ManageRegion).await?;
    let mut tx = state.write().await?;
    if !db::regions::remove_progression(&mut *tx, id, pid).await? {
        return Err(AppError::NotFound("progression"));
    }
    db::audit(&mut *tx, Some(user.id()), "region-progression-remove", &format!("progression {pid} of region {id}")).await?;
    tx.commit().await?;
    Ok(Json(load_portrait(&state, &region).await?))
}

// POST /api/regions/{id}/facilities
async fn add_facility(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>, AppJson(input): AppJson<FacilityInput>) -> Result<Json<Portrait>> {
    let region = region_for(&state, &user, id, Action::ManageRegion).await?;
    let input = validate_facility(&input).map_err(|e| region_error("name", e))?;
    let mut tx = state.write().await?;
    let fid = db::regions::add_facility(&mut *tx, id, &input).await?;
    db::audit(&mut *tx, Some(user.id()), "region-facility-add", &format!("facility {fid} ({}) in region {id}", input.name)).await?;
    tx.commit().await?;
    Ok(Json(load_portrait(&state, &region).await?))
}

// DELETE /api/regions/{id}/facilities/{fid}
async fn remove_facility(State(state): State<AppState>, user: AuthUser, Path((id, fid)): Path<(i64, i64)>) -> Result<Json<Portrait>> {
    let region = region_for(&state, &user, id, Action::ManageRegion).await?;
    let mut tx = state.write().await?;
    if !db::regions::remove_facility(&mut *tx, id, fid).await? {
        return Err(AppError::NotFound("facility"));
    }
    db::audit(&mut *tx, Some(user.id()), "region-facility-remove", &format!("facility {fid} of region {id}")).await?;
    tx.commit().await?;
    Ok(Json(load_portrait(&state, &region).await?))
}

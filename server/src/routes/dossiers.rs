//! The award dossier under `/api/schools/{id}/dossier` (`rubric::dossier`):
//! reading it with both parts, the school's part (its leads), the
//! company's part (the members of its current sponsor), signing off for
//! one's side (the second sign-off submits it) and the coordinator's
//! reopening of a submitted dossier with a reason. Jurors read a submitted
//! dossier with their finalist (`jury_scoring`).
//!
//! Every write reads the dossier inside its write transaction, checks the
//! part's version (409 `stale` with the current page), lets the domain
//! apply the change (a change after a sign-off withdraws both) and writes
//! the whole row back, with an audit line for sign-offs, withdrawals,
//! submission and reopening.

use super::jury::reason;
use crate::auth::AuthUser;
use crate::db::{self, plans::SchoolScope};
use crate::error::{AppError, AppJson, FieldError, Result};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rubric::access::{may, relation_to_school, Action, Relation};
use rubric::dossier::{
    validate_company_part, validate_school_part, Actor, ChangeOutcome, CompanyPartWrite, Dossier, DossierError, DossierPage,
    PlanVersionChoice, SchoolPartWrite, Side, SignWrite,
};
use rubric::submission::ReasonInput;
use sqlx::SqliteConnection;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/schools/{id}/dossier", get(get_dossier))
        .route("/schools/{id}/dossier/school", put(save_school_part))
        .route("/schools/{id}/dossier/company", put(save_company_part))
        .route("/schools/{id}/dossier/sign", post(sign))
        .route("/schools/{id}/dossier/reopen", post(reopen))
}

/// The school and the caller's relation to it: 404 for an unknown school,
/// 403 for anyone who may not read its dossier (`Action::ReadDossier`).
async fn scope(state: &AppState, user: &AuthUser, school_id: i64) -> Result<(SchoolScope, Relation)> {
    user.check_role(Action::ReadDossier)?;
    let scope = db::plans::school_scope(&state.db, school_id).await?.ok_or(AppError::NotFound("school"))?;
    let relation = relation_to_school(&user.0, school_id, scope.school.company_id);
    user.check(relation, Action::ReadDossier, "school")?;
    Ok((scope, relation))
}

/// The reader's side of the dossier, if any.
fn side_of(relation: Relation) -> Option<Side> {
    match relation {
        Relation::Sponsor => Some(Side::Company),
        r if r.is_school() => Some(Side::School),
        _ => None,
    }
}

/// The dossier as `user` reads it.
fn page(user: &AuthUser, scope: &SchoolScope, relation: Relation, dossier: Dossier, versions: &[(u32, i64)]) -> DossierPage {
    let may = |action| may(user.role(), relation, action).is_allowed();
    let open = dossier.submitted_at.is_none() && !versions.is_empty();
    DossierPage {
        school_id: scope.school.id,
        school_name: scope.school.name.clone(),
        company_name: scope.school.company_name.clone(),
        status: dossier.status(),
        missing: dossier.missing(),
        dossier,
        plan_versions: versions.iter().map(|&(number, submitted_at)| PlanVersionChoice { number, submitted_at }).collect(),
        side: side_of(relation),
        can_edit_school: open && may(Action::EditDossierSchool),
        can_edit_company: open && may(Action::EditDossierCompany),
    }
}

fn actor(user: &AuthUser) -> Actor {
    Actor { person_id: user.id(), name: user.0.name.clone(), at: db::now() }
}

/// A step the dossier's rules refuse (frozen, incomplete, signed on an
/// older revision, ...): 409 with the rule's code and the current page.
fn dossier_error(e: DossierError, current: &DossierPage) -> AppError {
    AppError::conflict(e.code(), e.to_string(), serde_json::to_value(current).ok())
}

fn validation(errors: Vec<rubric::dossier::FieldError>) -> AppError {
    AppError::Validation(errors.into_iter().map(|e| FieldError::new(e.field, e.problem)).collect())
}

/// The school must be a finalist candidate: at least one submitted plan version.
fn candidate(versions: &[(u32, i64)]) -> Result<()> {
    if versions.is_empty() {
        Err(AppError::conflict(
            "not_candidate",
            "the award dossier opens once the school has submitted its action plan at least once",
            None,
        ))
    } else {
        Ok(())
    }
}

/// The evidence files the school may select (issue 16's evidence files;
/// none until they exist).
async fn school_files(_conn: &mut SqliteConnection, _school_id: i64) -> Result<Vec<i64>> {
    Ok(Vec::new())
}

/// Audit what a change did to the sign-offs.
async fn audit_change(tx: &mut SqliteConnection, user: &AuthUser, school_id: i64, side: Side, outcome: &ChangeOutcome) -> Result<()> {
    if !outcome.withdrawn.is_empty() {
        let sides: Vec<&str> = outcome.withdrawn.iter().map(|s| s.key()).collect();
        let detail = format!("school {school_id}: a change to the {} part withdrew the sign-off of {}", side.key(), sides.join(" and "));
        db::audit(&mut *tx, Some(user.id()), "dossier-withdraw", &detail).await?;
    }
    Ok(())
}

// GET /api/schools/{id}/dossier
async fn get_dossier(State(state): State<AppState>, user: AuthUser, Path(school_id): Path<i64>) -> Result<Json<DossierPage>> {
    let (scope, relation) = scope(&state, &user, school_id).await?;
    let mut tx = state.db.begin().await?;
    let versions = db::dossiers::submitted_versions(&mut *tx, scope.edition_id, school_id).await?;
    let dossier = db::dossiers::load(&mut *tx, scope.edition_id, school_id).await?;
    tx.commit().await?;
    Ok(Json(page(&user, &scope, relation, dossier, &versions)))
}

// PUT /api/schools/{id}/dossier/school
async fn save_school_part(
    State(state): State<AppState>,
    user: AuthUser,
    Path(school_id): Path<i64>,
    AppJson(body): AppJson<SchoolPartWrite>,
) -> Result<Json<DossierPage>> {
    let (scope, relation) = scope(&state, &user, school_id).await?;
    user.check(relation, Action::EditDossierSchool, "school")?;
    let mut tx = state.write().await?;
    let versions = db::dossiers::submitted_versions(&mut *tx, scope.edition_id, school_id).await?;
    candidate(&versions)?;
    let numbers: Vec<u32> = versions.iter().map(|v| v.0).collect();
    let files = school_files(&mut tx, school_id).await?;
    let part = validate_school_part(&body.part, &numbers, &files).map_err(validation)?;
    let mut dossier = db::dossiers::load(&mut *tx, scope.edition_id, school_id).await?;
    let current = page(&user, &scope, relation, dossier.clone(), &versions);
    if body.version != dossier.school_version {
        return Err(stale(&current));
    }
    let outcome = dossier.set_school_part(part, &actor(&user)).map_err(|e| dossier_error(e, &current))?;
    if outcome.changed {
        db::dossiers::save(&mut tx, scope.edition_id, school_id, &dossier).await?;
        audit_change(&mut tx, &user, school_id, Side::School, &outcome).await?;
    }
    tx.commit().await?;
    Ok(Json(page(&user, &scope, relation, dossier, &versions)))
}

fn stale(current: &DossierPage) -> AppError {
    AppError::conflict(
        "stale",
        "someone else changed this part of the dossier in the meantime; compare both versions and choose",
        serde_json::to_value(current).ok(),
    )
}

// PUT /api/schools/{id}/dossier/company
async fn save_company_part(
    State(state): State<AppState>,
    user: AuthUser,
    Path(school_id): Path<i64>,
    AppJson(body): AppJson<CompanyPartWrite>,
) -> Result<Json<DossierPage>> {
    let (scope, relation) = scope(&state, &user, school_id).await?;
    user.check(relation, Action::EditDossierCompany, "school")?;
    let part = validate_company_part(&body.part).map_err(validation)?;
    let mut tx = state.write().await?;
    let versions = db::dossiers::submitted_versions(&mut *tx, scope.edition_id, school_id).await?;
    candidate(&versions)?;
    let mut dossier = db::dossiers::load(&mut *tx, scope.edition_id, school_id).await?;
    let current = page(&user, &scope, relation, dossier.clone(), &versions);
    if body.version != dossier.company_version {
        return Err(stale(&current));
    }
    let outcome = dossier.set_company_part(part, &actor(&user)).map_err(|e| dossier_error(e, &current))?;
    if outcome.changed {
        db::dossiers::save(&mut tx, scope.edition_id, school_id, &dossier).await?;
        audit_change(&mut tx, &user, school_id, Side::Company, &outcome).await?;
    }
    tx.commit().await?;
    Ok(Json(page(&user, &scope, relation, dossier, &versions)))
}

// POST /api/schools/{id}/dossier/sign
async fn sign(
    State(state): State<AppState>,
    user: AuthUser,
    Path(school_id): Path<i64>,
    AppJson(body): AppJson<SignWrite>,
) -> Result<Json<DossierPage>> {
    let (scope, relation) = scope(&state, &user, school_id).await?;
    let side = if relation == Relation::Sponsor { Side::Company } else { Side::School };
    let action = match side {
        Side::School => Action::EditDossierSchool,
        Side::Company => Action::EditDossierCompany,
    };
    user.check(relation, action, "school")?;
    let mut tx = state.write().await?;
    let versions = db::dossiers::submitted_versions(&mut *tx, scope.edition_id, school_id).await?;
    candidate(&versions)?;
    let mut dossier = db::dossiers::load(&mut *tx, scope.edition_id, school_id).await?;
    let current = page(&user, &scope, relation, dossier.clone(), &versions);
    let submitted = dossier.sign(side, body.revision, &actor(&user)).map_err(|e| dossier_error(e, &current))?;
    db::dossiers::save(&mut tx, scope.edition_id, school_id, &dossier).await?;
    let detail = format!("school {school_id}: the {} signed off on revision {} of the award dossier", side.key(), body.revision);
    db::audit(&mut *tx, Some(user.id()), "dossier-sign", &detail).await?;
    if submitted {
        let detail = format!("school {school_id}: award dossier submitted to the jury (revision {})", body.revision);
        db::audit(&mut *tx, Some(user.id()), "dossier-submit", &detail).await?;
    }
    tx.commit().await?;
    Ok(Json(page(&user, &scope, relation, dossier, &versions)))
}

// POST /api/schools/{id}/dossier/reopen
async fn reopen(
    State(state): State<AppState>,
    user: AuthUser,
    Path(school_id): Path<i64>,
    AppJson(body): AppJson<ReasonInput>,
) -> Result<Json<DossierPage>> {
    let (scope, relation) = scope(&state, &user, school_id).await?;
    user.check(relation, Action::Administer, "school")?;
    let why = reason("reason", &body.reason)?;
    let mut tx = state.write().await?;
    let versions = db::dossiers::submitted_versions(&mut *tx, scope.edition_id, school_id).await?;
    let mut dossier = db::dossiers::load(&mut *tx, scope.edition_id, school_id).await?;
    let current = page(&user, &scope, relation, dossier.clone(), &versions);
    dossier.reopen().map_err(|e| dossier_error(e, &current))?;
    db::dossiers::save(&mut tx, scope.edition_id, school_id, &dossier).await?;
    db::audit(&mut *tx, Some(user.id()), "dossier-reopen", &format!("school {school_id}: award dossier reopened: {why}")).await?;
    tx.commit().await?;
    Ok(Json(page(&user, &scope, relation, dossier, &versions)))
}

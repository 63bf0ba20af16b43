//! The award dossier under `/api/schools/{id}/dossier` (`rubric::dossier`):
//! reading it with both parts, the school's part (its leads), the
//! company's part (the members of its current sponsor), signing off for
//! one's side (the second sign-off submits it) and the coordinator's
//! reopening of a submitted dossier with a reason. Jurors read a submitted
//! dossier with their finalist (`jury_scoring`) and download its selected
//! evidence files here.
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
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rubric::access::{may, relation_to_school, Action, Relation};
use rubric::dossier::{
    validate_company_part, validate_school_part, Actor, ChangeOutcome, CompanyPart, CompanyPartWrite, Dossier, DossierError,
    DossierPage, PlanVersionChoice, SchoolPart, SchoolPartWrite, Side, SignWrite,
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
        .route("/jury/my/finalists/{id}/evidence/{file_id}", get(juror_evidence))
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
fn page(user: &AuthUser, scope: &SchoolScope, relation: Relation, dossier: Dossier, facts: &Facts) -> DossierPage {
    let versions = &facts.versions;
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
        evidence_files: facts.files.clone(),
    }
}

/// What a dossier page needs besides the dossier: the school's submitted
/// plan versions (number, when) and its selectable evidence files.
struct Facts {
    versions: Vec<(u32, i64)>,
    files: Vec<rubric::dossier::EvidenceRef>,
}

async fn facts(conn: &mut SqliteConnection, edition_id: i64, school_id: i64) -> Result<Facts> {
    Ok(Facts {
        versions: db::dossiers::submitted_versions(&mut *conn, edition_id, school_id).await?,
        files: db::dossiers::evidence_choices(&mut *conn, school_id).await?,
    })
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
    let facts = facts(&mut tx, scope.edition_id, school_id).await?;
    let dossier = db::dossiers::load(&mut *tx, scope.edition_id, school_id).await?;
    tx.commit().await?;
    Ok(Json(page(&user, &scope, relation, dossier, &facts)))
}

/// A part as sent, to be written by its own side.
enum Part {
    School(SchoolPart),
    Company(CompanyPart),
}

/// The action that writes (and signs off for) a side.
fn edit_action(side: Side) -> Action {
    match side {
        Side::School => Action::EditDossierSchool,
        Side::Company => Action::EditDossierCompany,
    }
}

/// Write one side's part: the role first, the company's text checked
/// before the write turn; inside it the school's part against the school's
/// plan versions and files, the part's version (409 `stale` with the
/// current page), then the domain's change (which may withdraw sign-offs).
async fn save_part(state: &AppState, user: &AuthUser, school_id: i64, version: i64, part: Part) -> Result<Json<DossierPage>> {
    let side = match part {
        Part::School(_) => Side::School,
        Part::Company(_) => Side::Company,
    };
    let (scope, relation) = scope(state, user, school_id).await?;
    user.check(relation, edit_action(side), "school")?;
    let part = match part {
        Part::Company(c) => Part::Company(validate_company_part(&c).map_err(validation)?),
        school => school,
    };
    let mut tx = state.write().await?;
    let facts = facts(&mut tx, scope.edition_id, school_id).await?;
    candidate(&facts.versions)?;
    let mut dossier = db::dossiers::load(&mut *tx, scope.edition_id, school_id).await?;
    let current = page(user, &scope, relation, dossier.clone(), &facts);
    let stored = match side {
        Side::School => dossier.school_version,
        Side::Company => dossier.company_version,
    };
    if version != stored {
        return Err(stale(&current));
    }
    let who = actor(user);
    let outcome = match part {
        Part::School(p) => {
            let numbers: Vec<u32> = facts.versions.iter().map(|v| v.0).collect();
            let files: Vec<i64> = facts.files.iter().map(|f| f.id).collect();
            let p = validate_school_part(&p, &numbers, &files).map_err(validation)?;
            dossier.set_school_part(p, &who)
        }
        Part::Company(p) => dossier.set_company_part(p, &who),
    }
    .map_err(|e| dossier_error(e, &current))?;
    if outcome.changed {
        db::dossiers::save(&mut tx, scope.edition_id, school_id, &dossier).await?;
        audit_change(&mut tx, user, school_id, side, &outcome).await?;
    }
    tx.commit().await?;
    Ok(Json(page(user, &scope, relation, dossier, &facts)))
}

fn stale(current: &DossierPage) -> AppError {
    AppError::conflict(
        "stale",
        "someone else changed this part of the dossier in the meantime; compare both versions and choose",
        serde_json::to_value(current).ok(),
    )
}

// PUT /api/schools/{id}/dossier/school
async fn save_school_part(
    State(state): State<AppState>,
    user: AuthUser,
    Path(school_id): Path<i64>,
    AppJson(body): AppJson<SchoolPartWrite>,
) -> Result<Json<DossierPage>> {
    save_part(&state, &user, school_id, body.version, Part::School(body.part)).await
}

// PUT /api/schools/{id}/dossier/company
async fn save_company_part(
    State(state): State<AppState>,
    user: AuthUser,
    Path(school_id): Path<i64>,
    AppJson(body): AppJson<CompanyPartWrite>,
) -> Result<Json<DossierPage>> {
    save_part(&state, &user, school_id, body.version, Part::Company(body.part)).await
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
    user.check(relation, edit_action(side), "school")?;
    let mut tx = state.write().await?;
    let facts = facts(&mut tx, scope.edition_id, school_id).await?;
    candidate(&facts.versions)?;
    let mut dossier = db::dossiers::load(&mut *tx, scope.edition_id, school_id).await?;
    let current = page(&user, &scope, relation, dossier.clone(), &facts);
    let submitted = dossier.sign(side, body.revision, &actor(&user)).map_err(|e| dossier_error(e, &current))?;
    db::dossiers::save(&mut tx, scope.edition_id, school_id, &dossier).await?;
    let detail = format!("school {school_id}: the {} signed off on revision {} of the award dossier", side.key(), body.revision);
    db::audit(&mut *tx, Some(user.id()), "dossier-sign", &detail).await?;
    if submitted {
        let detail = format!("school {school_id}: award dossier submitted to the jury (revision {})", body.revision);
        db::audit(&mut *tx, Some(user.id()), "dossier-submit", &detail).await?;
    }
    tx.commit().await?;
    Ok(Json(page(&user, &scope, relation, dossier, &facts)))
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
    let facts = facts(&mut tx, scope.edition_id, school_id).await?;
    let mut dossier = db::dossiers::load(&mut *tx, scope.edition_id, school_id).await?;
    let current = page(&user, &scope, relation, dossier.clone(), &facts);
    dossier.reopen().map_err(|e| dossier_error(e, &current))?;
    db::dossiers::save(&mut tx, scope.edition_id, school_id, &dossier).await?;
    db::audit(&mut *tx, Some(user.id()), "dossier-reopen", &format!("school {school_id}: award dossier reopened: {why}")).await?;
    tx.commit().await?;
    Ok(Json(page(&user, &scope, relation, dossier, &facts)))
}

// GET /api/jury/my/finalists/{id}/evidence/{file_id}
/// An evidence file of a finalist's submitted dossier, for a juror who may
/// score the finalist (a conflict 403): only a file the dossier selected
/// (else 404), as a download that never renders in the app's origin.
async fn juror_evidence(State(state): State<AppState>, user: AuthUser, Path((id, file_id)): Path<(i64, i64)>) -> Result<Response> {
    let mut tx = super::jury::fresh_read(&state).await?;
    let edition = super::jury_scoring::juror(&mut tx, &user).await?;
    let finalist = super::jury_scoring::scoreable(&mut tx, &edition, &user, id).await?;
    let dossier = db::dossiers::for_jury(&mut tx, edition.id, finalist.school_id).await?.ok_or(AppError::NotFound("file"))?;
    if !dossier.evidence.iter().any(|f| f.id == file_id) {
        return Err(AppError::NotFound("file"));
    }
    let row = db::evidence::file(&mut *tx, file_id).await?.filter(|r| r.deleted_at.is_none()).ok_or(AppError::NotFound("file"))?;
    tx.commit().await?;
    let kind = row.file_kind().ok_or(AppError::NotFound("file"))?;
    let path = state.files.path_of(&row.sha256).ok_or(AppError::NotFound("file"))?;
    let bytes = tokio::fs::read(&path).await.map_err(|e| AppError::Internal(format!("cannot read an evidence file: {e}")))?;
    Ok((
        [
            (CONTENT_TYPE, kind.content_type().to_string()),
            (CONTENT_DISPOSITION, rubric::evidence::content_disposition(&row.name, kind)),
            (CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".to_string()),
            (CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

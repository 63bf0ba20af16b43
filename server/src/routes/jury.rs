//! The jury set-up, for the coordinator: award categories, criteria with
//! their anchored bands, finalists (schools with a submitted plan, judged on
//! a frozen version), jurors, the tie-break rule, conflicts of interest
//! (dismissing automatic flags with a reason), the chair and the scoring
//! status. Every change is audited as a jury event; set-up changes are
//! refused once scoring opened.

use crate::auth::AuthUser;
use crate::db::jury::{self as dbj, Edition};
use crate::db::{audit, audit_event, jury_sheets, WriteTx};
use crate::error::{AppError, AppJson, FieldError, Result};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use rubric::submission::ReasonInput;
use rubric::jury::bodies::{CategoryName, ChairChange, CriteriaChange, JurorCompany, NewFinalist, StatusChange, TieBreakChange};
use rubric::jury::events::{JuryEvent, NamedNumber, NamedRule};
use rubric::jury::setup::{
    normalize_criteria, validate_chair, validate_criteria, validate_tie_break, ConflictKind, CriterionDef,
    JuryStatus, TieBreakProblem, MAX_REASON_CHARS,
};
use rubric::jury::views::{JurorAdded, JurySettings, JurySetup, NewJuror};
use rubric::jury::TieBreakRule;
use rubric::errors::FieldCode;
use rubric::people::{validate_name, Role};
use sqlx::SqliteConnection;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/jury/setup", get(get_setup))
        .route("/jury/categories", post(add_category))
        .route("/jury/categories/{id}", put(rename_category).delete(delete_category))
        .route("/jury/criteria", put(save_criteria))
        .route("/jury/finalists", post(add_finalist))
        .route("/jury/finalists/{id}", delete(remove_finalist))
        .route("/jury/finalists/{id}/refreeze", post(refreeze_finalist))
        .route("/jury/jurors", post(add_juror))
        .route("/jury/jurors/{person_id}", put(update_juror).delete(remove_juror))
        .route("/jury/jurors/{person_id}/link", post(juror_link))
        .route("/jury/tie-break", put(save_tie_break))
        .route("/jury/chair", put(save_chair))
        .route("/jury/conflicts/{id}/dismiss", post(dismiss_conflict))
        .route("/jury/conflicts/{id}/restore", post(restore_conflict))
        .route("/jury/status", post(set_status))
}

// Shared by the jury routes -----------------------------------------------------

/// The active edition, or 404 with a message the UI can show.
pub(crate) async fn edition(conn: &mut SqliteConnection) -> Result<Edition> {
    dbj::active_edition(&mut *conn).await?.ok_or(AppError::NotFound("active edition"))
}

/// 409 unless the jury is still being set up.
pub(crate) fn require_setup(settings: &JurySettings) -> Result<()> {
    if settings.status == JuryStatus::Setup {
        Ok(())
    } else {
        Err(AppError::conflict(
            "jury_not_in_setup",
            "scoring has opened, so the set-up can no longer change; go back to set-up first (only possible before any score is saved)",
            None,
        ))
    }
}

/// 409 once the results are locked.
pub(crate) fn require_unlocked(settings: &JurySettings) -> Result<()> {
    if settings.locked_at.is_none() {
        Ok(())
    } else {
        Err(AppError::conflict("jury_locked", "the results are locked; unlock them first", None))
    }
}

/// Check and bump the settings version; 409 with the current set-up when stale.
pub(crate) async fn bump(conn: &mut SqliteConnection, edition: &Edition, version: i64) -> Result<()> {
    if dbj::bump_version(&mut *conn, edition.id, version).await? {
        Ok(())
    } else {
        Err(AppError::conflict(
            "stale",
            "the jury set-up changed since you loaded it; look at the current state and try again",
            None,
        ))
    }
}

/// A reason or remark: trimmed, required, at most [`MAX_REASON_CHARS`].
pub(crate) fn reason(field: &str, text: &str) -> Result<String> {
    let text = text.trim();
    if text.is_empty() {
        Err(AppError::field_coded(field, FieldCode::ReasonMissing, "give a reason"))
    } else if text.chars().count() > MAX_REASON_CHARS {
        Err(AppError::field(field, format!("at most {MAX_REASON_CHARS} characters")))
    } else {
        Ok(text.to_string())
    }
}

/// The whole set-up as the page shows it (conflict flags brought up to date).
pub(crate) async fn load_setup(conn: &mut SqliteConnection, edition: &Edition) -> Result<JurySetup> {
    dbj::sync_automatic_conflicts(&mut *conn, edition.id).await?;
    let settings = dbj::settings(&mut *conn, edition.id).await?;
    let categories = dbj::categories(&mut *conn, edition.id).await?;
    let criteria = dbj::criteria(&mut *conn, edition.id).await?;
    let jurors = dbj::jurors(&mut *conn, edition.id).await?;
    Ok(JurySetup {
        edition_id: edition.id,
        edition_name: edition.name.clone(),
        conflicts: dbj::conflicts(&mut *conn, edition.id).await?,
        candidates: dbj::candidates(&mut *conn, edition.id).await?,
        companies: dbj::companies(&mut *conn, edition.id).await?,
        available_jurors: dbj::available_jurors(&mut *conn, edition.id).await?,
        has_scores: jury_sheets::any_sheet(&mut *conn, edition.id).await?,
        settings,
        categories,
        criteria,
        jurors,
    })
}

/// A read transaction on the active jury with the automatic conflict flags
/// up to date: when they are stale (a sponsor or a juror's company changed),
/// they are brought up to date through the write path first, and the read
/// starts after that commit. The flags are checked again inside the read's
/// own snapshot, so the handler's [`dbj::sync_automatic_conflicts`] finds
/// nothing to do and the read stays read-only.
pub(crate) async fn fresh_read(state: &AppState) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>> {
    for _ in 0..5 {
        let mut tx = state.db.begin().await?;
        let Some(edition) = dbj::active_edition(&mut *tx).await? else { return Ok(tx) };
        if !dbj::conflicts_stale(&mut tx, edition.id).await? {
            return Ok(tx);
        }
        drop(tx);
        let mut write = state.write().await?;
        dbj::sync_automatic_conflicts(&mut write, edition.id).await?;
        write.commit().await?;
    }
    Err(AppError::Busy)
}

/// Start a coordinator's change: a write transaction, the edition with its
/// settings row.
pub(crate) async fn begin(state: &AppState, user: &AuthUser) -> Result<(WriteTx, Edition, JurySettings)> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    let edition = edition(&mut tx).await?;
    dbj::ensure_settings(&mut tx, edition.id, Some(user.id())).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    Ok((tx, edition, settings))
}

/// Finish a set-up change: audit the event, commit and answer with the new
/// set-up.
async fn finish(
    mut tx: WriteTx,
    edition: &Edition,
    user: &AuthUser,
    event: JuryEvent,
) -> Result<Json<JurySetup>> {
    audit_event(&mut *tx, Some(user.id()), edition.id, &event).await?;
    let setup = load_setup(&mut tx, edition).await?;
    tx.commit().await?;
    Ok(Json(setup))
}

// Handlers ------------------------------------------------------------------------

// GET /api/jury/setup
async fn get_setup(State(state): State<AppState>, user: AuthUser) -> Result<Json<JurySetup>> {
    let (mut tx, edition, _) = begin(&state, &user).await?;
    let setup = load_setup(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(setup))
}

fn category_name(raw: &str) -> Result<String> {
    validate_name(raw).map_err(|e| AppError::name("name", e))
}

// POST /api/jury/categories
async fn add_category(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(body): AppJson<CategoryName>,
) -> Result<Json<JurySetup>> {
    user.require_coordinator()?;
    let name = category_name(&body.name)?;
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_setup(&settings)?;
    if dbj::category_name_taken(&mut *tx, edition.id, &name, None).await? {
        return Err(AppError::field_coded("name", FieldCode::CategoryTaken, "there is already a category with this name"));
    }
    dbj::insert_category(&mut tx, edition.id, &name).await?;
    finish(tx, &edition, &user, JuryEvent::CategoryAdded { name }).await
}

// PUT /api/jury/categories/{id}
async fn rename_category(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<CategoryName>,
) -> Result<Json<JurySetup>> {
    user.require_coordinator()?;
    let name = category_name(&body.name)?;
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_unlocked(&settings)?;
    let old = dbj::category_name(&mut *tx, edition.id, id).await?.ok_or(AppError::NotFound("category"))?;
    if dbj::category_name_taken(&mut *tx, edition.id, &name, Some(id)).await? {
        return Err(AppError::field_coded("name", FieldCode::CategoryTaken, "there is already a category with this name"));
    }
    dbj::rename_category(&mut tx, id, &name).await?;
    finish(tx, &edition, &user, JuryEvent::CategoryRenamed { from: old, to: name }).await
}

// DELETE /api/jury/categories/{id}
async fn delete_category(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<JurySetup>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_setup(&settings)?;
    let name = dbj::category_name(&mut *tx, edition.id, id).await?.ok_or(AppError::NotFound("category"))?;
    dbj::delete_category(&mut tx, id).await?;
    finish(tx, &edition, &user, JuryEvent::CategoryDeleted { name }).await
}


// PUT /api/jury/criteria
async fn save_criteria(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(mut body): AppJson<CriteriaChange>,
) -> Result<Json<JurySetup>> {
    user.require_coordinator()?;
    let problems = validate_criteria(&body.criteria);
    if !problems.is_empty() {
        return Err(AppError::Validation(problems.iter().map(|p| FieldError::new(p.field(), p)).collect()));
    }
    normalize_criteria(&mut body.criteria);
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_setup(&settings)?;
    bump(&mut tx, &edition, body.version).await?;
    if let Err(id) = dbj::replace_criteria(&mut tx, edition.id, &body.criteria).await? {
        return Err(AppError::field("criteria", format!("criterion {id} does not belong to this edition")));
    }
    let criteria: Vec<CriterionDef> = dbj::criteria(&mut *tx, edition.id).await?;
    if let Err(TieBreakProblem::UnknownCriterion { .. }) = validate_tie_break(&settings.tie_break, &criteria) {
        return Err(AppError::field(
            "criteria",
            "the tie-break rule uses a criterion you removed; change the tie-break rule first",
        ));
    }
    let event = JuryEvent::CriteriaSet {
        criteria: body.criteria.iter().map(|c| NamedNumber { name: c.name.clone(), number: c.weight }).collect(),
    };
    finish(tx, &edition, &user, event).await
}

// POST /api/jury/finalists
async fn add_finalist(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(body): AppJson<NewFinalist>,
) -> Result<Json<JurySetup>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_setup(&settings)?;
    let category = dbj::category_name(&mut *tx, edition.id, body.category_id)
        .await?
        .ok_or_else(|| AppError::field_coded("category_id", FieldCode::NotInEdition, "choose a category of this edition"))?;
    let school = dbj::school_name(&mut *tx, edition.id, body.school_id)
        .await?
        .ok_or_else(|| AppError::field_coded("school_id", FieldCode::NotInEdition, "choose a school of this edition"))?;
    if let Some(other) = dbj::finalist_category_of_school(&mut *tx, edition.id, body.school_id).await? {
        return Err(AppError::field_coded("school_id", FieldCode::AlreadyFinalist, format!("this school is already a finalist in {other}")));
    }
    let (version_id, number) = dbj::latest_plan_version(&mut *tx, edition.id, body.school_id)
        .await?
        .ok_or_else(|| AppError::field_coded("school_id", FieldCode::NoSubmittedPlan, "this school has not submitted an action plan yet"))?;
    dbj::insert_finalist(&mut tx, body.category_id, body.school_id, version_id).await?;
    let version = u32::try_from(number).unwrap_or(0);
    finish(tx, &edition, &user, JuryEvent::FinalistAdded { school, category, version }).await
}

// DELETE /api/jury/finalists/{id}
async fn remove_finalist(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<JurySetup>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_setup(&settings)?;
    let finalist = dbj::finalist(&mut *tx, edition.id, id).await?.ok_or(AppError::NotFound("finalist"))?;
    dbj::delete_finalist(&mut tx, id).await?;
    finish(tx, &edition, &user, JuryEvent::FinalistRemoved { school: finalist.school_name }).await
}

// POST /api/jury/finalists/{id}/refreeze
async fn refreeze_finalist(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<JurySetup>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_setup(&settings)?;
    let finalist = dbj::finalist(&mut *tx, edition.id, id).await?.ok_or(AppError::NotFound("finalist"))?;
    let (version_id, number) = dbj::latest_plan_version(&mut *tx, edition.id, finalist.school_id)
        .await?
        .ok_or_else(|| AppError::field("plan_version", "this school has no submitted plan"))?;
    dbj::set_finalist_plan_version(&mut tx, id, version_id).await?;
    let version = u32::try_from(number).unwrap_or(0);
    finish(tx, &edition, &user, JuryEvent::FinalistRefrozen { school: finalist.school_name, version }).await
}

async fn check_company(conn: &mut SqliteConnection, edition: &Edition, company_id: Option<i64>) -> Result<Option<String>> {
    match company_id {
        None => Ok(None),
        Some(id) => dbj::company_name(&mut *conn, edition.id, id)
            .await?
            .map(Some)
            .ok_or_else(|| AppError::field_coded("company_id", FieldCode::NotInEdition, "choose a company of this edition")),
    }
}

// POST /api/jury/jurors
async fn add_juror(State(state): State<AppState>, user: AuthUser, AppJson(body): AppJson<NewJuror>) -> Result<Json<JurorAdded>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_unlocked(&settings)?;
    if settings.status == JuryStatus::Closed {
        return Err(AppError::conflict("jury_closed", "scoring is closed; reopen it to add a juror", None));
    }
    let company = check_company(&mut tx, &edition, body.company_id).await?;
    let (person_id, name, link) = match body.person_id {
        Some(id) => {
            let name = dbj::juror_person(&mut *tx, id)
                .await?
                .ok_or_else(|| AppError::field_coded("person_id", FieldCode::NotInEdition, "choose a person with the juror role"))?;
            if dbj::is_juror(&mut *tx, edition.id, id).await? {
                return Err(AppError::field_coded("person_id", FieldCode::AlreadyJuror, "this person is already on the jury"));
            }
            (id, name, None)
        }
        None => {
            let name = validate_name(&body.name).map_err(|e| AppError::name("name", e))?;
            let email = body.email.trim().to_string();
            if !email.is_empty() && (!email.contains('@') || email.chars().any(char::is_whitespace) || email.len() > 200) {
                return Err(AppError::field_coded("email", FieldCode::NotEmail, "this is not an e-mail address"));
            }
            let person = crate::db::people::NewPerson {
                name: name.clone(),
                email,
                role: Role::Juror,
                school_id: None,
                company_id: None,
                school_function: None,
            };
            let id = crate::db::people::create_person(&mut *tx, &person).await?;
            audit(&mut *tx, Some(user.id()), "invite", &format!("person {id} ({name}) invited as juror")).await?;
            (id, name, Some(()))
        }
    };
    dbj::insert_juror(&mut tx, edition.id, person_id, body.company_id).await?;
    audit_event(&mut *tx, Some(user.id()), edition.id, &JuryEvent::JurorAdded { juror: name, company }).await?;
    dbj::sync_automatic_conflicts(&mut tx, edition.id).await?;
    let sign_in_link = match link {
        Some(()) => {
            let token = crate::db::people::issue_invitation(&mut tx, person_id, Some(user.id())).await?;
            Some(crate::sign_in_link(&state.config.public_url, &token))
        }
        None => None,
    };
    tx.commit().await?;
    Ok(Json(JurorAdded { person_id, sign_in_link }))
}

async fn juror_name(conn: &mut SqliteConnection, edition: &Edition, person_id: i64) -> Result<String> {
    if !dbj::is_juror(&mut *conn, edition.id, person_id).await? {
        return Err(AppError::NotFound("juror"));
    }
    Ok(dbj::juror_person(&mut *conn, person_id).await?.unwrap_or_default())
}

// PUT /api/jury/jurors/{person_id}
async fn update_juror(
    State(state): State<AppState>,
    user: AuthUser,
    Path(person_id): Path<i64>,
    AppJson(body): AppJson<JurorCompany>,
) -> Result<Json<JurySetup>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_unlocked(&settings)?;
    let name = juror_name(&mut tx, &edition, person_id).await?;
    let company = check_company(&mut tx, &edition, body.company_id).await?;
    dbj::set_juror_company(&mut tx, edition.id, person_id, body.company_id).await?;
    finish(tx, &edition, &user, JuryEvent::JurorCompany { juror: name, company }).await
}

// DELETE /api/jury/jurors/{person_id}
async fn remove_juror(State(state): State<AppState>, user: AuthUser, Path(person_id): Path<i64>) -> Result<Json<JurySetup>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_setup(&settings)?;
    let name = juror_name(&mut tx, &edition, person_id).await?;
    if settings.chair_id == Some(person_id) {
        return Err(AppError::conflict("juror_is_chair", "this juror chairs the jury; choose another chair first", None));
    }
    dbj::delete_juror(&mut tx, edition.id, person_id).await?;
    finish(tx, &edition, &user, JuryEvent::JurorRemoved { juror: name }).await
}

// POST /api/jury/jurors/{person_id}/link
async fn juror_link(State(state): State<AppState>, user: AuthUser, Path(person_id): Path<i64>) -> Result<Json<JurorAdded>> {
    let (mut tx, edition, _) = begin(&state, &user).await?;
    let name = juror_name(&mut tx, &edition, person_id).await?;
    // A new link ends the juror's sessions (nobody keeps a session opened
    // with the old link), in the same transaction as the audit row.
    let token = crate::db::people::issue_invitation(&mut tx, person_id, Some(user.id())).await?;
    crate::db::people::end_sessions(&mut tx, person_id).await?;
    audit_event(&mut *tx, Some(user.id()), edition.id, &JuryEvent::JurorLink { juror: name }).await?;
    tx.commit().await?;
    Ok(Json(JurorAdded { person_id, sign_in_link: Some(crate::sign_in_link(&state.config.public_url, &token)) }))
}

/// A rule with the name of the criterion it names.
pub(crate) fn named_rule(rule: &TieBreakRule, criteria: &[CriterionDef]) -> NamedRule {
    let criterion = match rule {
        TieBreakRule::HigherCriterion(key) => criteria.iter().find(|c| &c.key() == key).map(|c| c.name.clone()),
        _ => None,
    };
    NamedRule { rule: rule.clone(), criterion }
}

/// A juror of the jury as chair: their name; 422 at `field` otherwise.
async fn chair_name(conn: &mut SqliteConnection, edition: &Edition, chair_id: Option<i64>, field: &str) -> Result<Option<String>> {
    match chair_id {
        None => Ok(None),
        Some(id) if dbj::is_juror(&mut *conn, edition.id, id).await? => Ok(dbj::juror_person(&mut *conn, id).await?),
        Some(_) => Err(AppError::field(field, "the chair must be a juror of this jury")),
    }
}

// PUT /api/jury/tie-break
async fn save_tie_break(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(body): AppJson<TieBreakChange>,
) -> Result<Json<JurySetup>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_setup(&settings)?;
    let criteria = dbj::criteria(&mut *tx, edition.id).await?;
    if body.rules.is_empty() {
        return Err(AppError::field("rules", "choose at least one rule"));
    }
    validate_tie_break(&body.rules, &criteria).map_err(|e| AppError::field("rules", e))?;
    validate_chair(&body.rules, body.chair_id).map_err(|e| AppError::field("chair_id", e))?;
    let chair = chair_name(&mut tx, &edition, body.chair_id, "chair_id").await?;
    bump(&mut tx, &edition, body.version).await?;
    dbj::set_tie_break(&mut tx, edition.id, &body.rules, body.chair_id).await?;
    let rules = body.rules.iter().map(|r| named_rule(r, &criteria)).collect();
    finish(tx, &edition, &user, JuryEvent::TieBreakRuleSet { rules, chair }).await
}

// PUT /api/jury/chair
/// Appoint or change the chair until the results are locked (a jury set up
/// without one may need a chair to confirm a winner that is not robust).
async fn save_chair(State(state): State<AppState>, user: AuthUser, AppJson(body): AppJson<ChairChange>) -> Result<Json<JurySetup>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_unlocked(&settings)?;
    validate_chair(&settings.tie_break, body.chair_id).map_err(|e| AppError::field("chair_id", e))?;
    let chair = chair_name(&mut tx, &edition, body.chair_id, "chair_id").await?;
    bump(&mut tx, &edition, body.version).await?;
    dbj::set_chair(&mut tx, edition.id, body.chair_id).await?;
    finish(tx, &edition, &user, JuryEvent::ChairAppointed { chair }).await
}

// POST /api/jury/conflicts/{id}/dismiss
async fn dismiss_conflict(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(body): AppJson<ReasonInput>,
) -> Result<Json<JurySetup>> {
    user.require_coordinator()?;
    let why = reason("reason", &body.reason)?;
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_unlocked(&settings)?;
    dbj::sync_automatic_conflicts(&mut tx, edition.id).await?;
    let conflict = dbj::conflict(&mut *tx, edition.id, id).await?.ok_or(AppError::NotFound("conflict"))?;
    if conflict.kind != ConflictKind::Automatic {
        return Err(AppError::conflict(
            "declared_conflict",
            "a declared conflict stands until the juror withdraws it",
            None,
        ));
    }
    if !conflict.active() {
        return Err(AppError::conflict("already_dismissed", "this flag was already dismissed", None));
    }
    dbj::set_dismissed(&mut tx, id, user.id(), Some(&why)).await?;
    let event = JuryEvent::ConflictDismissed { juror: conflict.juror_name, school: conflict.school_name, reason: why };
    finish(tx, &edition, &user, event).await
}

// POST /api/jury/conflicts/{id}/restore
async fn restore_conflict(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<JurySetup>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_unlocked(&settings)?;
    let conflict = dbj::conflict(&mut *tx, edition.id, id).await?.ok_or(AppError::NotFound("conflict"))?;
    if conflict.kind != ConflictKind::Automatic || conflict.active() {
        return Err(AppError::conflict("not_dismissed", "only a dismissed automatic flag can be restored", None));
    }
    dbj::set_dismissed(&mut tx, id, user.id(), None).await?;
    let event = JuryEvent::ConflictRestored { juror: conflict.juror_name, school: conflict.school_name };
    finish(tx, &edition, &user, event).await
}

// POST /api/jury/status
async fn set_status(State(state): State<AppState>, user: AuthUser, AppJson(body): AppJson<StatusChange>) -> Result<Json<JurySetup>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    let from = settings.status;
    let to = body.status;
    if from == to {
        let setup = load_setup(&mut tx, &edition).await?;
        tx.commit().await?;
        return Ok(Json(setup));
    }
    require_unlocked(&settings)?;
    match (from, to) {
        (JuryStatus::Setup, JuryStatus::Open) => {
            let problems = load_setup(&mut tx, &edition).await?.open_problems();
            if !problems.is_empty() {
                return Err(AppError::Validation(problems.iter().map(|p| FieldError::new("status", p)).collect()));
            }
        }
        (JuryStatus::Open, JuryStatus::Closed) | (JuryStatus::Closed, JuryStatus::Open) => {}
        (JuryStatus::Open, JuryStatus::Setup) => {
            if jury_sheets::any_sheet(&mut *tx, edition.id).await? {
                return Err(AppError::conflict(
                    "has_scores",
                    "jurors have saved scores, so the set-up can no longer change",
                    None,
                ));
            }
        }
        _ => {
            return Err(AppError::conflict("bad_transition", format!("scoring cannot go from {from} to {to}"), None));
        }
    }
    bump(&mut tx, &edition, body.version).await?;
    dbj::set_status(&mut tx, edition.id, to).await?;
    finish(tx, &edition, &user, JuryEvent::StatusChanged { from, to }).await
}

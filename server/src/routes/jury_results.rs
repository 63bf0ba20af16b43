//! Jury results: computed per award category with the rubric crate's
//! `compute_results` from the submitted sheets that count; the chair's part
//! (reading the results and the audit log while scoring is open, deciding
//! ties no rule breaks, confirming a winner that is not robust with a
//! reason); locking (which freezes the results and logs every tie-break),
//! unlocking before publication, publishing; and the published results for
//! everyone of the edition. The CSV exports live in `jury_exports`.

use super::jury::{begin, bump, edition, named_rule, reason, require_unlocked};
use crate::auth::AuthUser;
use crate::db::jury::{self as dbj, Edition};
use crate::db::{audit_event, jury_sheets};
use crate::error::{AppError, AppJson, FieldError, Result};
use crate::state::AppState;
use axum::extract::State;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rubric::jury::bodies::{Acknowledgement, ChairOrder, ResultsVersion};
use rubric::content::LocalizedText;
use rubric::jury::events::{JuryEvent, NamedChange};
use rubric::jury::setup::{CriterionDef, JuryStatus};
use rubric::jury::views::{
    lock_problems, AuditEntry, CategoryResults, ChangedSheet, JurySettings, Named, PublishedResults, ResultsView,
};
use rubric::jury::{compute_results, JuryInput, ScoreSheet, TieBreak, TieBreakRule};
use rubric::access::{relation_to_edition, relation_to_jury, Action};
use rubric::people::Role;
use rubric::submission::{ReopenState, ScoreChange};
use sqlx::SqliteConnection;
use std::collections::HashSet;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/jury/results", get(get_results))
        .route("/jury/chair-order", put(save_chair_order))
        .route("/jury/acknowledgements", post(acknowledge))
        .route("/jury/lock", post(lock))
        .route("/jury/unlock", post(unlock))
        .route("/jury/publish", post(publish))
        .route("/jury/audit", get(audit_log))
        .route("/jury/published", get(published))
}

/// Compute the results of every category from the sheets that count now.
/// The jurors of a category are those with a sheet that counts in it (in
/// name order); the chair's acknowledgement is attached while it still
/// matches the results.
pub(crate) async fn compute_all(
    conn: &mut SqliteConnection,
    edition: &Edition,
    settings: &JurySettings,
) -> sqlx::Result<Vec<CategoryResults>> {
    dbj::sync_automatic_conflicts(&mut *conn, edition.id).await?;
    let criteria = dbj::criteria(&mut *conn, edition.id).await?;
    let jurors = dbj::jurors(&mut *conn, edition.id).await?;
    let conflicts = dbj::conflicts(&mut *conn, edition.id).await?;
    let acknowledgements = dbj::acknowledgements(&mut *conn, edition.id).await?;
    let all_finalists = dbj::finalists(&mut *conn, edition.id).await?;
    let score_changes = jury_sheets::score_changes(&mut *conn, edition.id, &all_finalists, &criteria).await?;
    let active: HashSet<(i64, i64)> =
        conflicts.iter().filter(|c| c.active()).map(|c| (c.person_id, c.finalist_id)).collect();
    let mut out = Vec::new();
    for category in dbj::categories(&mut *conn, edition.id).await? {
        let ids: Vec<i64> = category.finalists.iter().map(|f| f.id).collect();
        let sheets = jury_sheets::counted(&mut *conn, edition.id, &ids).await?;
        // Sheets expected: every juror × finalist pair without a conflict.
        let expected = jurors.iter().map(|j| ids.iter().filter(|f| !active.contains(&(j.person_id, **f))).count()).sum::<usize>();
        // The jurors of the results: those with a sheet that counts.
        let category_jurors: Vec<_> = jurors.iter().filter(|j| sheets.iter().any(|s| s.person_id == j.person_id)).collect();
        let keys: HashSet<String> = ids.iter().map(i64::to_string).collect();
        let chair_order = (settings.tie_break.last() == Some(&TieBreakRule::ChairDecision))
            .then(|| {
                settings.chair_order.iter().map(i64::to_string).filter(|k| keys.contains(k)).collect::<Vec<_>>()
            })
            .filter(|o| !o.is_empty());
        let input = JuryInput {
            criteria: criteria.iter().map(CriterionDef::criterion).collect(),
            finalists: ids.iter().map(i64::to_string).collect(),
            jurors: category_jurors.iter().map(|j| j.person_id.to_string()).collect(),
            sheets: sheets
                .iter()
                .map(|s| ScoreSheet {
                    juror: s.person_id.to_string(),
                    finalist: s.finalist_id.to_string(),
                    scores: s.sheet.scores.iter().map(|(c, v)| (c.to_string(), *v)).collect(),
                })
                .collect(),
            tie_break: settings.tie_break.clone(),
            chair_order,
        };
        let submitted = input.sheets.len();
        let (results, problem) = match compute_results(&input) {
            Ok(r) => (Some(r), None),
            Err(e) => (None, Some(e.to_string())),
        };
        let findings = results.as_ref().and_then(|r| r.robustness.as_ref()).map(|rob| rob.findings());
        let acknowledgement = acknowledgements
            .iter()
            .find(|(id, a)| *id == category.id && findings.as_ref() == Some(&a.findings) && !a.findings.is_empty())
            .map(|(_, a)| a.clone());
        out.push(CategoryResults {
            category_id: category.id,
            name: category.name,
            finalists: category
                .finalists
                .iter()
                .map(|f| Named { key: f.id.to_string(), name: f.school_name.clone(), detail: f.town.clone() })
                .collect(),
            jurors: category_jurors
                .iter()
                .map(|j| Named {
                    key: j.person_id.to_string(),
                    name: j.name.clone(),
                    detail: j.company_name.clone().unwrap_or_default(),
                })
                .collect(),
            expected_sheets: u32::try_from(expected).unwrap_or(u32::MAX),
            submitted_sheets: u32::try_from(submitted).unwrap_or(u32::MAX),
            results,
            problem,
            acknowledgement,
            changed_after_reveal: changed_sheets(&score_changes, &ids, &criteria),
        });
    }
    Ok(out)
}

/// The sheets of these finalists that changed after a reopening (their
/// juror had seen the others' sheets): one entry per sheet and
/// resubmission, with every score that changed.
fn changed_sheets(changes: &[ScoreChange], finalists: &[i64], criteria: &[CriterionDef]) -> Vec<ChangedSheet> {
    let mut out: Vec<ChangedSheet> = Vec::new();
    for c in changes.iter().filter(|c| finalists.contains(&c.finalist_id)) {
        let name = criteria.iter().find(|d| d.id == c.criterion_id).map_or_else(|| LocalizedText::new(c.criterion_name.clone(), c.criterion_name.clone()), |d| d.name.clone());
        let change = NamedChange::of(name, c.before, c.after);
        match out.iter_mut().find(|s| s.juror_name == c.juror_name && s.finalist_name == c.finalist_name && s.changed_at == c.changed_at) {
            Some(sheet) => sheet.changes.push(change),
            None => out.push(ChangedSheet {
                juror_name: c.juror_name.clone(),
                finalist_name: c.finalist_name.clone(),
                changed_at: c.changed_at,
                changes: vec![change],
            }),
        }
    }
    out
}

/// The results to show: frozen ones once locked, else computed now.
pub(crate) async fn current_results(
    conn: &mut SqliteConnection,
    edition: &Edition,
    settings: &JurySettings,
) -> Result<(Vec<CategoryResults>, bool)> {
    if settings.locked_at.is_some() {
        if let Some(json) = dbj::locked_results(&mut *conn, edition.id).await? {
            let frozen: Vec<CategoryResults> = serde_json::from_str(&json)
                .map_err(|e| AppError::Internal(format!("locked jury results are unreadable: {e}")))?;
            return Ok((frozen, true));
        }
    }
    Ok((compute_all(conn, edition, settings).await?, false))
}

async fn results_view(conn: &mut SqliteConnection, edition: &Edition) -> Result<ResultsView> {
    dbj::ensure_settings(&mut *conn, edition.id, None).await?;
    let settings = dbj::settings(&mut *conn, edition.id).await?;
    let (categories, frozen) = current_results(conn, edition, &settings).await?;
    let chair_name = match settings.chair_id {
        Some(id) => dbj::juror_person(&mut *conn, id).await?,
        None => None,
    };
    let criteria = dbj::criteria(&mut *conn, edition.id).await?;
    let finalists = dbj::finalists(&mut *conn, edition.id).await?;
    let open = [ReopenState::Requested, ReopenState::Reopened];
    Ok(ResultsView {
        edition_name: edition.name.clone(),
        reopen_requests: jury_sheets::reopens(conn, edition.id, &finalists, &open).await?,
        score_changes: jury_sheets::score_changes(conn, edition.id, &finalists, &criteria).await?,
        criteria,
        chair_name,
        settings,
        categories,
        frozen,
    })
}

/// The coordinator, or the chair of the active jury: the two who read the
/// results and the audit log at any stage. Anyone else 403.
async fn coordinator_or_chair(conn: &mut SqliteConnection, user: &AuthUser) -> Result<Edition> {
    user.check_role(Action::ReadJuryResults)?;
    let edition = edition(&mut *conn).await?;
    if !user.is_coordinator() {
        require_chair(&mut *conn, &edition, user, Action::ReadJuryResults).await?;
    }
    Ok(edition)
}

/// 403 unless the user, as the active jury's chair, may do `action`.
async fn require_chair(conn: &mut SqliteConnection, edition: &Edition, user: &AuthUser, action: Action) -> Result<JurySettings> {
    user.check_role(Action::ActAsChair)?;
    let settings = dbj::settings(&mut *conn, edition.id).await?;
    let is_juror = dbj::is_juror(&mut *conn, edition.id, user.id()).await?;
    user.check(relation_to_jury(&user.0, is_juror, settings.chair_id), action, "jury")?;
    Ok(settings)
}

// GET /api/jury/results
async fn get_results(State(state): State<AppState>, user: AuthUser) -> Result<Json<ResultsView>> {
    let mut tx = state.write().await?;
    let edition = coordinator_or_chair(&mut tx, &user).await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// Only the chair acts as the chair, and only on closed, unlocked scoring.
async fn chair_on_closed_scoring(conn: &mut SqliteConnection, user: &AuthUser) -> Result<(Edition, JurySettings)> {
    user.check_role(Action::ActAsChair)?;
    let edition = edition(&mut *conn).await?;
    let settings = require_chair(&mut *conn, &edition, user, Action::ActAsChair).await?;
    require_unlocked(&settings)?;
    if settings.status != JuryStatus::Closed {
        return Err(AppError::conflict("jury_not_closed", "the chair decides after scoring is closed", None));
    }
    Ok((edition, settings))
}

// PUT /api/jury/chair-order
/// The chair's own decision for ties no rule breaks.
async fn save_chair_order(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(body): AppJson<ChairOrder>,
) -> Result<Json<ResultsView>> {
    user.check_role(Action::ActAsChair)?;
    let mut tx = state.write().await?;
    let (edition, settings) = chair_on_closed_scoring(&mut tx, &user).await?;
    if settings.tie_break.last() != Some(&TieBreakRule::ChairDecision) {
        return Err(AppError::field("order", "the tie-break rule does not end with the chair's decision"));
    }
    let finalists = dbj::finalists(&mut *tx, edition.id).await?;
    let mut seen = HashSet::new();
    let mut names = Vec::new();
    for id in &body.order {
        let f = finalists
            .iter()
            .find(|f| f.id == *id)
            .ok_or_else(|| AppError::field("order", format!("{id} is not a finalist of this edition")))?;
        if !seen.insert(id) {
            return Err(AppError::field("order", format!("{} is listed twice", f.school_name)));
        }
        names.push(f.school_name.clone());
    }
    bump(&mut tx, &edition, body.version).await?;
    dbj::set_chair_order(&mut tx, edition.id, &body.order).await?;
    let chair = Some(user.0.name.clone());
    audit_event(&mut *tx, Some(user.id()), edition.id, &JuryEvent::ChairDecision { chair, order: names }).await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

// POST /api/jury/acknowledgements
/// The chair confirms a winner that is not robust, with a reason: the
/// coordinator can lock only after that.
async fn acknowledge(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(body): AppJson<Acknowledgement>,
) -> Result<Json<ResultsView>> {
    user.check_role(Action::ActAsChair)?;
    let mut tx = state.write().await?;
    let (edition, settings) = chair_on_closed_scoring(&mut tx, &user).await?;
    let why = reason("reason", &body.reason)?;
    let categories = compute_all(&mut tx, &edition, &settings).await?;
    let category = categories.iter().find(|c| c.category_id == body.category_id).ok_or(AppError::NotFound("category"))?;
    let Some((results, rob)) = category.results.as_ref().and_then(|r| r.robustness.as_ref().map(|rob| (r, rob))) else {
        return Err(AppError::conflict("no_winner", "this category has no winner to confirm yet", None));
    };
    if rob.robust {
        return Err(AppError::conflict("robust", "every check confirms this winner; there is nothing to acknowledge", None));
    }
    let findings = rob.findings();
    if findings != body.findings {
        let view = results_view(&mut tx, &edition).await?;
        return Err(AppError::conflict(
            "stale",
            "the results changed since you loaded them; look at the current findings and confirm again",
            serde_json::to_value(&view).ok(),
        ));
    }
    dbj::set_acknowledgement(&mut tx, category.category_id, user.id(), &findings, &why).await?;
    let finalist = |k: &str| category.finalist_name(k);
    let juror = |k: &str| category.juror_name(k);
    let event = JuryEvent::RobustnessAcknowledged {
        category: category.name.clone(),
        winner: results.winner.as_deref().map(finalist).unwrap_or_default(),
        findings: findings.iter().map(|f| f.renamed(&finalist, &juror)).collect(),
        reason: why,
    };
    audit_event(&mut *tx, Some(user.id()), edition.id, &event).await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

/// A tie-break as an audit event, with names.
fn tie_break_event(category: &CategoryResults, criteria: &[CriterionDef], t: &TieBreak) -> JuryEvent {
    let name = |k: &String| category.finalist_name(k);
    JuryEvent::TieBroken {
        category: category.name.clone(),
        finalists: t.finalists.iter().map(name).collect(),
        score: t.score,
        rule: named_rule(&t.rule_applied, criteria),
        values: t.values.iter().map(|(k, v)| (name(k), *v)).collect(),
        outcome: t.outcome.iter().map(|g| g.iter().map(name).collect()).collect(),
    }
}

// POST /api/jury/lock
async fn lock(State(state): State<AppState>, user: AuthUser, AppJson(body): AppJson<ResultsVersion>) -> Result<Json<ResultsView>> {
    let (mut tx, edition, settings) = begin(&state, &user).await?;
    require_unlocked(&settings)?;
    let categories = compute_all(&mut tx, &edition, &settings).await?;
    let problems = lock_problems(settings.status, settings.chair_id.is_some(), &categories);
    if !problems.is_empty() {
        return Err(AppError::Validation(problems.iter().map(|p| FieldError::new("lock", p)).collect()));
    }
    bump(&mut tx, &edition, body.version).await?;
    let json = serde_json::to_string(&categories).map_err(|e| AppError::Internal(e.to_string()))?;
    dbj::set_locked(&mut tx, edition.id, Some(&json)).await?;
    let criteria = dbj::criteria(&mut *tx, edition.id).await?;
    for c in &categories {
        let Some(r) = &c.results else { continue };
        for t in &r.tie_breaks {
            audit_event(&mut *tx, Some(user.id()), edition.id, &tie_break_event(c, &criteria, t)).await?;
        }
        let winner = r.winner.as_deref().map(|w| c.finalist_name(w)).unwrap_or_default();
        audit_event(&mut *tx, Some(user.id()), edition.id, &JuryEvent::Winner { category: c.name.clone(), winner }).await?;
    }
    audit_event(&mut *tx, Some(user.id()), edition.id, &JuryEvent::Locked).await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

// POST /api/jury/unlock
async fn unlock(State(state): State<AppState>, user: AuthUser, AppJson(body): AppJson<ResultsVersion>) -> Result<Json<ResultsView>> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    let edition = edition(&mut tx).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    if settings.locked_at.is_none() {
        return Err(AppError::conflict("not_locked", "the results are not locked", None));
    }
    if settings.published_at.is_some() {
        return Err(AppError::conflict("published", "published results cannot be unlocked", None));
    }
    bump(&mut tx, &edition, body.version).await?;
    dbj::set_locked(&mut tx, edition.id, None).await?;
    audit_event(&mut *tx, Some(user.id()), edition.id, &JuryEvent::Unlocked).await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

// POST /api/jury/publish
async fn publish(State(state): State<AppState>, user: AuthUser, AppJson(body): AppJson<ResultsVersion>) -> Result<Json<ResultsView>> {
    user.require_coordinator()?;
    let mut tx = state.write().await?;
    let edition = edition(&mut tx).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    if settings.locked_at.is_none() {
        return Err(AppError::conflict("not_locked", "lock the results before publishing them", None));
    }
    if settings.published_at.is_some() {
        return Err(AppError::conflict("published", "the results are already published", None));
    }
    bump(&mut tx, &edition, body.version).await?;
    dbj::set_published(&mut tx, edition.id).await?;
    audit_event(&mut *tx, Some(user.id()), edition.id, &JuryEvent::Published).await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

// GET /api/jury/audit
async fn audit_log(State(state): State<AppState>, user: AuthUser) -> Result<Json<Vec<AuditEntry>>> {
    let mut conn = state.db.acquire().await?;
    let edition = coordinator_or_chair(&mut conn, &user).await?;
    Ok(Json(dbj::audit_entries(&mut *conn, edition.id, user.is_coordinator(), 500).await?))
}

// GET /api/jury/published
/// The published results, for everyone of the active edition: the
/// coordinator, its jurors, and the members of its schools and companies.
async fn published(State(state): State<AppState>, user: AuthUser) -> Result<Json<PublishedResults>> {
    let mut conn = state.db.acquire().await?;
    let edition = edition(&mut conn).await?;
    // The facts of the caller's role: a juror's seat, a member's school or company.
    let (is_juror, belongs) = match user.role() {
        Role::Coordinator | Role::RegionalCoordinator => (false, false),
        Role::Juror => (dbj::is_juror(&mut *conn, edition.id, user.id()).await?, false),
        Role::SchoolMember | Role::CompanyMember => {
            (false, dbj::belongs_to_edition(&mut *conn, edition.id, user.school_id(), user.company_id()).await?)
        }
    };
    user.check(relation_to_edition(&user.0, is_juror, belongs), Action::ReadPublishedResults, "results")?;
    let settings = dbj::settings(&mut *conn, edition.id).await?;
    let view = match (settings.published_at, dbj::locked_results(&mut *conn, edition.id).await?) {
        (Some(at), Some(json)) => {
            let categories: Vec<CategoryResults> = serde_json::from_str(&json)
                .map_err(|e| AppError::Internal(format!("locked jury results are unreadable: {e}")))?;
            let criteria = dbj::criteria(&mut *conn, edition.id).await?;
            PublishedResults::from_results(edition.name.clone(), at, &categories, &criteria)
        }
        _ => PublishedResults { edition_name: edition.name.clone(), published_at: None, categories: vec![] },
    };
    Ok(Json(view))
}

//! Scoring, for jurors: their finalists and progress, a finalist's frozen
//! plan with its nulmeting profile and growth, their own score sheet
//! (autosaved drafts, submit; frozen once submitted, changed again only
//! after reopening, see `jury_reopen`), the other jurors' sheets while
//! their own is submitted, and declaring conflicts of interest. A juror never receives
//! anything of a finalist they have an active conflict with.

use super::jury::{edition, fresh_read, reason, require_unlocked};
use crate::auth::AuthUser;
use crate::db::jury::{self as dbj, Edition};
use crate::db::jury_sheets::{self, SheetWrite};
use crate::db::{audit_event, profile::school_profile};
use crate::error::{AppError, AppJson, FieldError, Result};
use rubric::errors::FieldCode;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use rubric::jury::bodies::ConflictDeclaration;
use rubric::assessment::{growth, MeasurementKind, SchoolProfile};
use rubric::jury::setup::{ConflictKind, CriterionDef, JuryStatus};
use rubric::jury::views::{
    validate_sheet, JurorCategory, JurorConflict, JurorFinalist, JurorHome, JurorProfile, OtherSheet, OtherSheets, ScoreFinalist,
    Sheet, SheetInput, SheetState,
};
use rubric::content::LocalizedText;
use rubric::jury::events::{JuryEvent, NamedChange};
use rubric::jury::{compute_results, JuryInput, ScoreSheet};
use rubric::access::{may, may_reopen_score_sheet, relation_to_finalist, relation_to_jury, Action, Permission, Relation};
use rubric::plan::{check_plan, ActionPlan, PlanContext, PlanVersion};
use rubric::submission::{changes, check_edit, check_submit, may_see_other_sheets, ReopenState, SheetStatus};
use crate::db::reopenings::{self, Sheets};
use rubric::Date;
use sqlx::SqliteConnection;
use std::collections::BTreeMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/jury/my", get(my_home))
        .route("/jury/my/finalists/{id}", get(my_finalist))
        .route("/jury/my/finalists/{id}/sheet", put(save_sheet))
        .route("/jury/my/finalists/{id}/submit", post(submit_sheet))
        .route("/jury/my/finalists/{id}/others", get(other_sheets))
        .route("/jury/my/conflicts", post(declare_conflict))
        .route("/jury/my/conflicts/{finalist_id}", delete(withdraw_conflict))
}

/// A juror of the active edition, with conflict flags brought up to date.
pub(crate) async fn juror(conn: &mut SqliteConnection, user: &AuthUser) -> Result<Edition> {
    user.check_role(Action::Score)?;
    let edition = edition(&mut *conn).await?;
    let is_juror = dbj::is_juror(&mut *conn, edition.id, user.id()).await?;
    user.check(relation_to_jury(&user.0, is_juror, None), Action::Score, "jury")?;
    dbj::sync_automatic_conflicts(&mut *conn, edition.id).await?;
    Ok(edition)
}

/// A finalist the juror may see: 404 outside the edition, 403 with an
/// active conflict.
pub(crate) async fn scoreable(conn: &mut SqliteConnection, edition: &Edition, user: &AuthUser, id: i64) -> Result<rubric::jury::views::FinalistInfo> {
    let finalist = dbj::finalist(&mut *conn, edition.id, id).await?.ok_or(AppError::NotFound("finalist"))?;
    let conflicted = dbj::has_active_conflict(&mut *conn, user.id(), id).await?;
    // `juror` has checked the jury: a juror of it, chair or not.
    user.check(relation_to_finalist(&user.0, true, None, conflicted), Action::Score, "finalist")?;
    Ok(finalist)
}

// GET /api/jury/my
async fn my_home(State(state): State<AppState>, user: AuthUser) -> Result<Json<JurorHome>> {
    let mut tx = fresh_read(&state).await?;
    let edition = juror(&mut tx, &user).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    let conflicts = dbj::conflicts_of(&mut *tx, edition.id, user.id()).await?;
    let states = jury_sheets::states(&mut *tx, edition.id, user.id()).await?;
    let conflicted = |finalist: i64| conflicts.iter().any(|c| c.finalist_id == finalist && c.active());
    let categories = dbj::categories(&mut tx, edition.id)
        .await?
        .into_iter()
        .map(|c| JurorCategory {
            id: c.id,
            name: c.name,
            finalists: c
                .finalists
                .into_iter()
                .filter(|f| !conflicted(f.id))
                .map(|f| JurorFinalist {
                    id: f.id,
                    state: states.get(&f.id).copied().unwrap_or(SheetState::ToDo),
                    school_name: f.school_name,
                    town: f.town,
                })
                .collect(),
        })
        .collect();
    let conflict_list = conflicts
        .iter()
        .filter(|c| c.active())
        .map(|c| JurorConflict {
            finalist_id: c.finalist_id,
            school_name: c.school_name.clone(),
            kind: c.kind,
            reason: c.reason.clone(),
            // A sheet submitted before the conflict arose no longer counts.
            sheet_dropped: states.get(&c.finalist_id) == Some(&SheetState::Submitted),
        })
        .collect();
    // The chair decides the other jurors' reopen requests, except on a
    // finalist they have a conflict with (the coordinator does those).
    // (`juror` has checked that the user sits on the jury.)
    let is_chair = relation_to_jury(&user.0, true, settings.chair_id) == Relation::Chair;
    let reopen_requests = if is_chair {
        let finalists = dbj::finalists(&mut *tx, edition.id).await?;
        let decides = |finalist: i64, juror: i64| {
            let relation = relation_to_finalist(&user.0, true, settings.chair_id, conflicted(finalist));
            may(user.role(), relation, Action::DecideScoreReopen).is_allowed()
                && may_reopen_score_sheet(&user.0, settings.chair_id, juror) == Permission::Allowed
        };
        jury_sheets::reopens(&mut tx, edition.id, &finalists, &[ReopenState::Requested, ReopenState::Reopened])
            .await?
            .into_iter()
            .filter(|r| decides(r.finalist_id, r.juror_id))
            .collect()
    } else {
        vec![]
    };
    tx.commit().await?;
    Ok(Json(JurorHome {
        edition_name: edition.name,
        status: settings.status,
        categories,
        conflicts: conflict_list,
        published: settings.published_at.is_some(),
        locked: settings.locked_at.is_some(),
        is_chair,
        reopen_requests,
    }))
}

/// The frozen plan version a finalist is judged on.
async fn frozen_plan(conn: &mut SqliteConnection, plan_version_id: Option<i64>) -> Result<Option<PlanVersion>> {
    let Some(id) = plan_version_id else { return Ok(None) };
    let row: Option<(i64, i64, String)> =
        sqlx::query_as("select number, submitted_at, snapshot from plan_versions where id = ?")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.and_then(|(number, submitted_at, snapshot)| match serde_json::from_str::<ActionPlan>(&snapshot) {
        Ok(plan) => Some(PlanVersion { number: u32::try_from(number).unwrap_or(0), submitted_at, plan: in_order(plan) }),
        Err(e) => {
            tracing::warn!("plan version {id} has an unreadable snapshot: {e}");
            None
        }
    }))
}

/// The plan with goals and actions in display order, so the app shows them
/// as they come.
fn in_order(plan: ActionPlan) -> ActionPlan {
    let goals: Vec<_> = plan.goals_in_order().into_iter().cloned().collect();
    let actions = goals.iter().flat_map(|g| plan.actions_of(g.id).into_iter().cloned()).collect();
    ActionPlan { goals, actions }
}

fn levels_of(profile: Option<&SchoolProfile>) -> (BTreeMap<String, Option<rubric::Level>>, BTreeMap<rubric::AspectId, f64>) {
    let Some(p) = profile else { return (BTreeMap::new(), BTreeMap::new()) };
    (
        p.indicators.iter().map(|i| (i.indicator_id.clone(), i.level())).collect(),
        p.aspects.iter().filter_map(|a| a.score.map(|s| (a.aspect, s))).collect(),
    )
}

// GET /api/jury/my/finalists/{id}
async fn my_finalist(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<ScoreFinalist>> {
    let mut tx = fresh_read(&state).await?;
    let edition = juror(&mut tx, &user).await?;
    let finalist = scoreable(&mut tx, &edition, &user, id).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    let category_name = dbj::category_name(&mut *tx, edition.id, finalist.category_id).await?.unwrap_or_default();
    // A submitted award dossier stands on the plan version school and
    // company chose; without one the finalist's frozen version counts.
    let dossier = crate::db::dossiers::for_jury(&mut tx, edition.id, finalist.school_id).await?;
    let plan = match dossier.as_ref().and_then(|d| d.plan.clone()) {
        Some(chosen) => Some(PlanVersion { plan: in_order(chosen.plan), ..chosen }),
        None => frozen_plan(&mut tx, finalist.plan_version_id).await?,
    };
    let baseline = school_profile(&mut *tx, edition.id, finalist.school_id, MeasurementKind::Baseline).await?;
    let final_profile = school_profile(&mut *tx, edition.id, finalist.school_id, MeasurementKind::Final).await?;
    let growth = baseline.as_ref().zip(final_profile.as_ref()).map(|(b, f)| growth(b, f));
    let cofinancing = plan.as_ref().and_then(|p| {
        let (levels, aspects) = levels_of(baseline.as_ref());
        let context = PlanContext {
            today: Date::from_unix_seconds(p.submitted_at)?,
            cofinancing_threshold_percent: u32::try_from(edition.cofinancing_threshold_pct).unwrap_or(10),
            indicator_levels: &levels,
            aspect_scores: &aspects,
            rubric: rubric::current_rubric(),
        };
        Some(check_plan(&p.plan, &context).cofinancing)
    });
    let criteria = dbj::criteria(&mut *tx, edition.id).await?;
    let sheet = jury_sheets::sheet(&mut tx, user.id(), id).await?;
    tx.commit().await?;
    let profile = baseline.as_ref().map(|b| JurorProfile::new(b, growth.as_ref()));
    Ok(Json(ScoreFinalist {
        id,
        school_name: finalist.school_name,
        town: finalist.town,
        category_name,
        status: settings.status,
        plan,
        cofinancing,
        profile,
        criteria,
        sheet,
        dossier,
    }))
}

/// Validate and save a sheet; `submit` also marks it submitted. A
/// submitted sheet is frozen (409); a reopened one may change and is
/// submitted again, recording what changed since it was submitted before.
async fn write_sheet(state: &AppState, user: &AuthUser, id: i64, input: SheetInput, submit: bool) -> Result<Json<Sheet>> {
    let mut tx = state.write().await?;
    let edition = juror(&mut tx, user).await?;
    let finalist = scoreable(&mut tx, &edition, user, id).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    if settings.status != JuryStatus::Open {
        return Err(AppError::conflict("scoring_closed", "scoring is not open, so scores cannot change", None));
    }
    let criteria = dbj::criteria(&mut *tx, edition.id).await?;
    let current = jury_sheets::sheet(&mut tx, user.id(), id).await?;
    let status = current.status;
    if submit { check_submit(status) } else { check_edit(status) }.map_err(AppError::submission)?;
    let (scores, remarks, remark) = validate_sheet(&input, &criteria, submit).map_err(|problems| {
        AppError::Validation(problems.iter().map(|p| FieldError::new(p.field(), p)).collect())
    })?;
    let write = SheetWrite { scores: &scores, remarks: &remarks, remark: &remark, submit };
    let saved = match jury_sheets::save(&mut tx, user.id(), id, input.version, &write).await? {
        Ok(sheet) => sheet,
        Err(current) => {
            return Err(AppError::conflict(
                "stale",
                "this sheet was saved elsewhere in the meantime (another tab?); the newest version is shown",
                serde_json::to_value(&current).ok(),
            ))
        }
    };
    if submit && status == SheetStatus::Reopened {
        let sheet_id = jury_sheets::sheet_id(&mut tx, user.id(), id).await?.ok_or(AppError::NotFound("sheet"))?;
        let open = reopenings::open(&mut tx, Sheets::ScoreSheets, sheet_id).await?;
        let before = open.as_ref().and_then(|o| o.snapshot.as_deref()).and_then(|j| serde_json::from_str::<Sheet>(j).ok()).unwrap_or_default();
        let list = changes(&before.scores, &scores);
        if let Some(open) = open {
            let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".into());
            reopenings::resubmitted(&mut tx, Sheets::ScoreSheets, open.id, &json, saved.submitted_at.unwrap_or_default()).await?;
        }
        let changes = list
            .iter()
            .map(|c| {
                let key = c.key.to_string();
                let name = criteria.iter().find(|d| d.id == c.key).map_or_else(|| LocalizedText::new(key.clone(), key), |d| d.name.clone());
                NamedChange::of(name, c.before, c.after)
            })
            .collect();
        audit_event(&mut *tx, Some(user.id()), edition.id, &JuryEvent::SheetResubmitted { school: finalist.school_name, changes }).await?;
    } else if submit {
        audit_event(&mut *tx, Some(user.id()), edition.id, &JuryEvent::SheetSubmitted { school: finalist.school_name }).await?;
    }
    let saved = if submit { jury_sheets::sheet(&mut tx, user.id(), id).await? } else { saved };
    tx.commit().await?;
    Ok(Json(saved))
}

// PUT /api/jury/my/finalists/{id}/sheet
async fn save_sheet(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(input): AppJson<SheetInput>,
) -> Result<Json<Sheet>> {
    write_sheet(&state, &user, id, input, false).await
}

// POST /api/jury/my/finalists/{id}/submit
async fn submit_sheet(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    AppJson(input): AppJson<SheetInput>,
) -> Result<Json<Sheet>> {
    write_sheet(&state, &user, id, input, true).await
}

/// The weighted mean per juror and the finalist's mean, with the same code
/// as the results.
fn weighted(criteria: &[CriterionDef], finalist: i64, sheets: &[jury_sheets::StoredSheet]) -> (BTreeMap<i64, f64>, Option<f64>) {
    let key = finalist.to_string();
    let input = JuryInput {
        criteria: criteria.iter().map(CriterionDef::criterion).collect(),
        finalists: vec![key.clone()],
        jurors: sheets.iter().map(|s| s.person_id.to_string()).collect(),
        sheets: sheets
            .iter()
            .map(|s| ScoreSheet {
                juror: s.person_id.to_string(),
                finalist: key.clone(),
                scores: s.sheet.scores.iter().map(|(c, v)| (c.to_string(), *v)).collect(),
            })
            .collect(),
        tie_break: vec![],
        chair_order: None,
    };
    match compute_results(&input) {
        Ok(r) => (
            r.jurors
                .iter()
                .filter_map(|j| Some((j.juror.parse().ok()?, *j.weighted_means.get(&key)?)))
                .collect(),
            r.finalists.first().and_then(|f| f.score),
        ),
        Err(_) => (BTreeMap::new(), None),
    }
}

// GET /api/jury/my/finalists/{id}/others
async fn other_sheets(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<OtherSheets>> {
    let mut tx = fresh_read(&state).await?;
    let edition = juror(&mut tx, &user).await?;
    scoreable(&mut tx, &edition, &user, id).await?;
    // Blind until submit: the juror's own sheet must be submitted (and not
    // reopened: a juror changing their sheet does not read the others').
    if !may_see_other_sheets(jury_sheets::sheet(&mut tx, user.id(), id).await?.status) {
        return Err(AppError::Forbidden);
    }
    let criteria = dbj::criteria(&mut *tx, edition.id).await?;
    let counted = jury_sheets::counted(&mut tx, edition.id, &[id]).await?;
    let (means, mean) = weighted(&criteria, id, &counted);
    let mut sheets = Vec::with_capacity(counted.len());
    for s in counted {
        let juror_name: String = sqlx::query_scalar("select name from people where id = ?")
            .bind(s.person_id)
            .fetch_one(&mut *tx)
            .await?;
        sheets.push(OtherSheet {
            juror_name,
            is_me: s.person_id == user.id(),
            weighted_mean: means.get(&s.person_id).copied(),
            scores: s.sheet.scores,
            remarks: s.sheet.remarks,
            remark: s.sheet.remark,
        });
    }
    tx.commit().await?;
    Ok(Json(OtherSheets { finalist_id: id, sheets, mean }))
}

// POST /api/jury/my/conflicts
async fn declare_conflict(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(body): AppJson<ConflictDeclaration>,
) -> Result<Json<JurorHome>> {
    user.check_role(Action::Score)?;
    let why = reason("reason", &body.reason)?;
    {
        let mut tx = state.write().await?;
        let edition = juror(&mut tx, &user).await?;
        require_unlocked(&dbj::settings(&mut *tx, edition.id).await?)?;
        let finalist = dbj::finalist(&mut *tx, edition.id, body.finalist_id)
            .await?
            .ok_or_else(|| AppError::field_coded("finalist_id", FieldCode::NotInEdition, "choose a finalist of this jury"))?;
        dbj::declare_conflict(&mut tx, user.id(), finalist.id, &why).await?;
        let event = JuryEvent::ConflictDeclared { juror: user.0.name.clone(), school: finalist.school_name, reason: why };
        audit_event(&mut *tx, Some(user.id()), edition.id, &event).await?;
        tx.commit().await?;
    }
    my_home(State(state), user).await
}

// DELETE /api/jury/my/conflicts/{finalist_id}
async fn withdraw_conflict(State(state): State<AppState>, user: AuthUser, Path(finalist_id): Path<i64>) -> Result<Json<JurorHome>> {
    {
        let mut tx = state.write().await?;
        let edition = juror(&mut tx, &user).await?;
        require_unlocked(&dbj::settings(&mut *tx, edition.id).await?)?;
        let declared = dbj::conflicts_of(&mut *tx, edition.id, user.id())
            .await?
            .into_iter()
            .find(|c| c.finalist_id == finalist_id && c.kind == ConflictKind::Declared && c.active())
            .ok_or(AppError::NotFound("declared conflict"))?;
        dbj::set_dismissed(&mut tx, declared.id, user.id(), Some("withdrawn by the juror")).await?;
        let event = JuryEvent::ConflictWithdrawn { juror: user.0.name.clone(), school: declared.school_name };
        audit_event(&mut *tx, Some(user.id()), edition.id, &event).await?;
        tx.commit().await?;
    }
    my_home(State(state), user).await
}

//! Jury results: computed per award category with the rubric crate's
//! `compute_results` from the submitted sheets that count; the chair's
//! decision for ties no rule breaks; locking (which freezes the results and
//! logs every tie-break), unlocking before publication, publishing; the
//! jury's audit log; CSV exports; and the published results for jurors and
//! finalist schools.

use super::jury::{bump, edition, require_unlocked, rule_text};
use crate::auth::AuthUser;
use crate::db::jury::{self as dbj, Edition};
use crate::db::{audit, jury_sheets};
use crate::error::{AppError, AppJson, FieldError, Result};
use crate::state::AppState;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use rubric::jury::setup::{CriterionDef, JuryStatus};
use rubric::jury::views::{
    lock_problems, AuditEntry, CategoryResults, JurySettings, Named, PublishedResults, ResultsView,
};
use rubric::jury::{compute_results, JuryInput, ScoreSheet, TieBreak, TieBreakRule};
use rubric::people::Role;
use serde::Deserialize;
use sqlx::SqliteConnection;
use std::collections::HashSet;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/jury/results", get(get_results))
        .route("/jury/chair-order", put(save_chair_order))
        .route("/jury/lock", post(lock))
        .route("/jury/unlock", post(unlock))
        .route("/jury/publish", post(publish))
        .route("/jury/audit", get(audit_log))
        .route("/jury/export/scores.csv", get(export_scores))
        .route("/jury/export/results.csv", get(export_results))
        .route("/jury/published", get(published))
}

/// Compute the results of every category from the sheets that count now.
pub(crate) async fn compute_all(
    conn: &mut SqliteConnection,
    edition: &Edition,
    settings: &JurySettings,
) -> sqlx::Result<Vec<CategoryResults>> {
    dbj::sync_automatic_conflicts(&mut *conn, edition.id).await?;
    let criteria = dbj::criteria(&mut *conn, edition.id).await?;
    let jurors = dbj::jurors(&mut *conn, edition.id).await?;
    let conflicts = dbj::conflicts(&mut *conn, edition.id).await?;
    let active: HashSet<(i64, i64)> =
        conflicts.iter().filter(|c| c.active()).map(|c| (c.person_id, c.finalist_id)).collect();
    let mut out = Vec::new();
    for category in dbj::categories(&mut *conn, edition.id).await? {
        let ids: Vec<i64> = category.finalists.iter().map(|f| f.id).collect();
        let sheets = jury_sheets::counted(&mut *conn, edition.id, &ids).await?;
        // Jurors who may score at least one finalist of the category.
        let category_jurors: Vec<_> =
            jurors.iter().filter(|j| ids.iter().any(|f| !active.contains(&(j.person_id, *f)))).collect();
        let expected = category_jurors
            .iter()
            .map(|j| ids.iter().filter(|f| !active.contains(&(j.person_id, **f))).count())
            .sum::<usize>();
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
                .filter(|s| category_jurors.iter().any(|j| j.person_id == s.person_id))
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
        });
    }
    Ok(out)
}

/// The results to show: frozen ones once locked, else computed now.
async fn current_results(conn: &mut SqliteConnection, edition: &Edition, settings: &JurySettings) -> Result<(Vec<CategoryResults>, bool)> {
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
    Ok(ResultsView {
        edition_name: edition.name.clone(),
        criteria: dbj::criteria(&mut *conn, edition.id).await?,
        chair_name,
        settings,
        categories,
        frozen,
    })
}

// GET /api/jury/results
async fn get_results(State(state): State<AppState>, user: AuthUser) -> Result<Json<ResultsView>> {
    user.require_coordinator()?;
    let mut tx = state.db.begin().await?;
    let edition = edition(&mut tx).await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

#[derive(Deserialize)]
struct ChairOrderBody {
    version: i64,
    order: Vec<i64>,
}

// PUT /api/jury/chair-order
async fn save_chair_order(
    State(state): State<AppState>,
    user: AuthUser,
    AppJson(body): AppJson<ChairOrderBody>,
) -> Result<Json<ResultsView>> {
    user.require_coordinator()?;
    let mut tx = state.db.begin().await?;
    let edition = edition(&mut tx).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    require_unlocked(&settings)?;
    if settings.status != JuryStatus::Closed {
        return Err(AppError::conflict("jury_not_closed", "the chair decides ties after scoring is closed", None));
    }
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
    let chair = match settings.chair_id {
        Some(id) => dbj::juror_person(&mut *tx, id).await?.unwrap_or_default(),
        None => "the chair".into(),
    };
    let detail = if names.is_empty() {
        "chair's decision cleared".to_string()
    } else {
        format!("decision of {chair}, best first: {}", names.join(", "))
    };
    audit(&mut *tx, Some(user.id()), "jury.chair-decision", &detail).await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

#[derive(Deserialize)]
struct VersionBody {
    version: i64,
}

fn number(v: f64) -> String {
    format!("{v:.3}")
}

/// A tie-break in words for the audit log.
fn tie_break_text(category: &CategoryResults, criteria: &[CriterionDef], t: &TieBreak) -> String {
    let names: Vec<String> = t.finalists.iter().map(|k| category.finalist_name(k)).collect();
    let values: Vec<String> =
        t.values.iter().map(|(k, v)| format!("{} {}", category.finalist_name(k), number(*v))).collect();
    let outcome: Vec<String> = t
        .outcome
        .iter()
        .map(|group| group.iter().map(|k| category.finalist_name(k)).collect::<Vec<_>>().join(" = "))
        .collect();
    format!(
        "{}: {} tied at {}; broken by {} ({}): {}",
        category.name,
        names.join(", "),
        number(t.score),
        rule_text(&t.rule_applied, criteria),
        values.join(", "),
        outcome.join(" > ")
    )
}

// POST /api/jury/lock
async fn lock(State(state): State<AppState>, user: AuthUser, AppJson(body): AppJson<VersionBody>) -> Result<Json<ResultsView>> {
    user.require_coordinator()?;
    let mut tx = state.db.begin().await?;
    let edition = edition(&mut tx).await?;
    dbj::ensure_settings(&mut tx, edition.id, Some(user.id())).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    require_unlocked(&settings)?;
    let categories = compute_all(&mut tx, &edition, &settings).await?;
    let problems = lock_problems(settings.status, &categories);
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
            audit(&mut *tx, Some(user.id()), "jury.tie-break", &tie_break_text(c, &criteria, t)).await?;
        }
        let winner = r.winner.as_deref().map(|w| c.finalist_name(w)).unwrap_or_default();
        audit(&mut *tx, Some(user.id()), "jury.winner", &format!("{}: winner {winner}", c.name)).await?;
    }
    audit(&mut *tx, Some(user.id()), "jury.locked", "results locked").await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

// POST /api/jury/unlock
async fn unlock(State(state): State<AppState>, user: AuthUser, AppJson(body): AppJson<VersionBody>) -> Result<Json<ResultsView>> {
    user.require_coordinator()?;
    let mut tx = state.db.begin().await?;
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
    audit(&mut *tx, Some(user.id()), "jury.unlocked", "results unlocked before publication").await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

// POST /api/jury/publish
async fn publish(State(state): State<AppState>, user: AuthUser, AppJson(body): AppJson<VersionBody>) -> Result<Json<ResultsView>> {
    user.require_coordinator()?;
    let mut tx = state.db.begin().await?;
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
    audit(&mut *tx, Some(user.id()), "jury.published", "results published to jurors and finalists").await?;
    let view = results_view(&mut tx, &edition).await?;
    tx.commit().await?;
    Ok(Json(view))
}

// GET /api/jury/audit
async fn audit_log(State(state): State<AppState>, user: AuthUser) -> Result<Json<Vec<AuditEntry>>> {
    user.require_coordinator()?;
    Ok(Json(dbj::audit_entries(&state.db, 500).await?))
}

/// One CSV field: quoted when needed, and a leading `=`, `+`, `-`, `@`,
/// tab or carriage return neutralised so a spreadsheet does not run it as
/// a formula (a juror's remark reaches the coordinator's spreadsheet); a
/// negative number stays a number.
fn field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.parse::<f64>().is_err();
    let text = if formula { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn csv(header: &[&str], rows: Vec<Vec<String>>, filename: &str) -> Response {
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
        ],
        out,
    )
        .into_response()
}

// GET /api/jury/export/scores.csv
async fn export_scores(State(state): State<AppState>, user: AuthUser) -> Result<Response> {
    user.require_coordinator()?;
    let mut tx = state.db.begin().await?;
    let edition = edition(&mut tx).await?;
    dbj::sync_automatic_conflicts(&mut tx, edition.id).await?;
    let criteria = dbj::criteria(&mut *tx, edition.id).await?;
    let finalists = dbj::finalists(&mut *tx, edition.id).await?;
    let categories = dbj::categories(&mut tx, edition.id).await?;
    let mut rows = Vec::new();
    for (stored, counts) in jury_sheets::all_submitted(&mut tx, edition.id).await? {
        let Some(f) = finalists.iter().find(|f| f.id == stored.finalist_id) else { continue };
        let category = categories.iter().find(|c| c.id == f.category_id).map(|c| c.name.clone()).unwrap_or_default();
        let juror: String = sqlx::query_scalar("select name from people where id = ?")
            .bind(stored.person_id)
            .fetch_one(&mut *tx)
            .await?;
        for c in &criteria {
            let Some(score) = stored.sheet.scores.get(&c.id) else { continue };
            rows.push(vec![
                category.clone(),
                f.school_name.clone(),
                juror.clone(),
                c.name.nl.clone(),
                c.weight.to_string(),
                score.to_string(),
                stored.sheet.remarks.get(&c.id).cloned().unwrap_or_default(),
                stored.sheet.remark.clone(),
                if counts { "yes" } else { "no (conflict of interest)" }.to_string(),
            ]);
        }
    }
    tx.commit().await?;
    Ok(csv(
        &["category", "finalist", "juror", "criterion", "weight", "score", "remark", "sheet_remark", "counted"],
        rows,
        "jury-scores.csv",
    ))
}

// GET /api/jury/export/results.csv
async fn export_results(State(state): State<AppState>, user: AuthUser) -> Result<Response> {
    user.require_coordinator()?;
    let mut tx = state.db.begin().await?;
    let edition = edition(&mut tx).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    let (categories, _) = current_results(&mut tx, &edition, &settings).await?;
    tx.commit().await?;
    let opt = |v: Option<f64>| v.map(number).unwrap_or_default();
    let mut rows = Vec::new();
    for c in &categories {
        let Some(r) = &c.results else { continue };
        let mut category_rows = Vec::new();
        for f in &r.finalists {
            let place = r.ranking.iter().find(|p| p.finalist == f.finalist);
            let broken = r.tie_breaks.iter().any(|t| t.finalists.contains(&f.finalist));
            category_rows.push(vec![
                c.name.clone(),
                place.map(|p| p.place.to_string()).unwrap_or_default(),
                c.finalist_name(&f.finalist),
                c.finalists.iter().find(|n| n.key == f.finalist).map(|n| n.detail.clone()).unwrap_or_default(),
                opt(f.score),
                opt(f.normalized_score),
                opt(f.mean_rank),
                f.jurors.to_string(),
                if r.winner.as_deref() == Some(f.finalist.as_str()) { "yes" } else { "" }.to_string(),
                if broken { "yes" } else { "" }.to_string(),
            ]);
        }
        category_rows.sort_by_key(|row| row[1].parse::<usize>().unwrap_or(usize::MAX));
        rows.extend(category_rows);
    }
    Ok(csv(
        &["category", "place", "finalist", "town", "score", "normalized_score", "mean_rank", "jurors", "winner", "tie_broken"],
        rows,
        "jury-results.csv",
    ))
}

// GET /api/jury/published
async fn published(State(state): State<AppState>, user: AuthUser) -> Result<Json<PublishedResults>> {
    let mut tx = state.db.begin().await?;
    let edition = edition(&mut tx).await?;
    let allowed = match user.role() {
        Role::Coordinator => true,
        Role::Juror => dbj::is_juror(&mut *tx, edition.id, user.id()).await?,
        Role::SchoolMember => match user.school_id() {
            Some(school) => dbj::finalists(&mut *tx, edition.id).await?.iter().any(|f| f.school_id == school),
            None => false,
        },
        Role::CompanyMember => false,
    };
    // Someone who may not see the results gets the answer of "nothing
    // published": no data, and no 403 for every school page that asks
    // whether there is an award notice to show (issue 14).
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    let locked = if allowed { dbj::locked_results(&mut *tx, edition.id).await? } else { None };
    let view = match (settings.published_at, locked) {
        (Some(at), Some(json)) => {
            let categories: Vec<CategoryResults> = serde_json::from_str(&json)
                .map_err(|e| AppError::Internal(format!("locked jury results are unreadable: {e}")))?;
            PublishedResults::from_results(edition.name.clone(), at, &categories)
        }
        _ => PublishedResults { edition_name: edition.name.clone(), published_at: None, categories: vec![] },
    };
    tx.commit().await?;
    Ok(Json(view))
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn csv_fields_never_start_a_formula() {
        assert_eq!(field("=1+1"), "'=1+1");
        assert_eq!(field("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(field("+31 9"), "'+31 9");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("-1.250"), "-1.250");
        assert_eq!(field("Goed, \"sterk\" plan"), "\"Goed, \"\"sterk\"\" plan\"");
        assert_eq!(field("Gewoon"), "Gewoon");
    }
}

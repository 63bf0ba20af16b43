//! The jury's CSV exports, for the coordinator: every submitted score with
//! the categories, criteria, weights, tie-break rules and chair's order that
//! `stempact jury-stats` needs to reproduce the results, and the results
//! themselves; each plain (comma, dot, English headers) or for a Flemish
//! spreadsheet (`?variant=flemish`: semicolon, decimal comma, UTF-8 BOM,
//! Dutch headers). The files are written by `rubric::jury::csv`.

use super::jury::{edition, named_rule};
use super::jury_results::current_results;
use crate::auth::AuthUser;
use crate::db::jury::{self as dbj};
use crate::db::jury_sheets;
use crate::error::{AppError, Result};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use rubric::jury::csv::{write_results_csv, write_scores_csv, ExportCategory, ExportRow, ScoreExport};
use rubric::jury::{CsvVariant, TieBreakRule};
use serde::Deserialize;
use std::collections::HashMap;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/jury/export/scores.csv", get(export_scores))
        .route("/jury/export/results.csv", get(export_results))
}

#[derive(Deserialize)]
struct VariantQuery {
    #[serde(default)]
    variant: Option<String>,
}

impl VariantQuery {
    fn variant(&self) -> Result<CsvVariant> {
        match self.variant.as_deref() {
            None => Ok(CsvVariant::Plain),
            Some(v) => CsvVariant::from_key(v).ok_or_else(|| AppError::field("variant", "the variant is plain or flemish")),
        }
    }
}

fn csv(text: String, filename: &str) -> Response {
    (
        [
            (CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")),
        ],
        text,
    )
        .into_response()
}

/// Display names that tell people apart: a name two people share gets the
/// id added, so the score file never merges two jurors or two finalists.
fn distinct_names(people: &[(i64, String)]) -> HashMap<i64, String> {
    people
        .iter()
        .map(|(id, name)| {
            let shared = people.iter().filter(|(_, n)| n == name).count() > 1;
            (*id, if shared { format!("{name} ({id})") } else { name.clone() })
        })
        .collect()
}

// GET /api/jury/export/scores.csv
async fn export_scores(State(state): State<AppState>, user: AuthUser, Query(q): Query<VariantQuery>) -> Result<Response> {
    user.require_coordinator()?;
    let variant = q.variant()?;
    let mut tx = state.write().await?;
    let edition = edition(&mut tx).await?;
    dbj::sync_automatic_conflicts(&mut tx, edition.id).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    let criteria = dbj::criteria(&mut *tx, edition.id).await?;
    let categories = dbj::categories(&mut tx, edition.id).await?;
    let jurors = dbj::jurors(&mut tx, edition.id).await?;
    let submitted = jury_sheets::all_submitted(&mut tx, edition.id).await?;
    let finalists = dbj::finalists(&mut *tx, edition.id).await?;
    let changes = jury_sheets::score_changes(&mut tx, edition.id, &finalists, &criteria).await?;
    // Everyone with a submitted sheet, also people no longer on the jury.
    let mut people: Vec<(i64, String)> = jurors.iter().map(|j| (j.person_id, j.name.clone())).collect();
    for (s, _) in &submitted {
        if !people.iter().any(|(id, _)| *id == s.person_id) {
            let name: String = sqlx::query_scalar("select name from people where id = ?").bind(s.person_id).fetch_one(&mut *tx).await?;
            people.push((s.person_id, name));
        }
    }
    tx.commit().await?;
    let juror_names = distinct_names(&people);
    let schools: Vec<(i64, String)> =
        categories.iter().flat_map(|c| c.finalists.iter().map(|f| (f.id, f.school_name.clone()))).collect();
    let finalist_names = distinct_names(&schools);
    let name_of = |names: &HashMap<i64, String>, id: i64| names.get(&id).cloned().unwrap_or_else(|| id.to_string());
    let with_chair = settings.tie_break.last() == Some(&TieBreakRule::ChairDecision);
    let export = ScoreExport {
        edition: edition.name.clone(),
        tie_break: settings.tie_break.iter().map(|r| named_rule(r, &criteria)).collect(),
        categories: categories
            .iter()
            .map(|c| {
                let ids: Vec<i64> = c.finalists.iter().map(|f| f.id).collect();
                let counted: Vec<_> = submitted.iter().filter(|(s, counts)| *counts && ids.contains(&s.finalist_id)).collect();
                let rows = submitted
                    .iter()
                    .filter(|(s, _)| ids.contains(&s.finalist_id))
                    .flat_map(|(s, counts)| {
                        criteria.iter().filter_map(|cr| {
                            let score = *s.sheet.scores.get(&cr.id)?;
                            // The latest change of this score after a reopening, if any.
                            let changed = changes
                                .iter()
                                .rev()
                                .find(|x| x.juror_id == s.person_id && x.finalist_id == s.finalist_id && x.criterion_id == cr.id)
                                .and_then(|x| Some((x.before?, rubric::submission::utc_time(x.changed_at))));
                            Some(ExportRow {
                                finalist: name_of(&finalist_names, s.finalist_id),
                                juror: name_of(&juror_names, s.person_id),
                                criterion: cr.name.clone(),
                                weight: cr.weight,
                                score,
                                remark: s.sheet.remarks.get(&cr.id).cloned().unwrap_or_default(),
                                sheet_remark: s.sheet.remark.clone(),
                                counted: *counts,
                                changed,
                            })
                        })
                    })
                    .collect();
                ExportCategory {
                    name: c.name.clone(),
                    finalists: ids.iter().map(|id| name_of(&finalist_names, *id)).collect(),
                    jurors: jurors
                        .iter()
                        .filter(|j| counted.iter().any(|(s, _)| s.person_id == j.person_id))
                        .map(|j| name_of(&juror_names, j.person_id))
                        .collect(),
                    chair_order: if with_chair {
                        settings.chair_order.iter().filter(|id| ids.contains(id)).map(|id| name_of(&finalist_names, *id)).collect()
                    } else {
                        vec![]
                    },
                    rows,
                }
            })
            .collect(),
    };
    Ok(csv(write_scores_csv(&export, variant), &variant.file_name("jury-scores")))
}

// GET /api/jury/export/results.csv
async fn export_results(State(state): State<AppState>, user: AuthUser, Query(q): Query<VariantQuery>) -> Result<Response> {
    user.require_coordinator()?;
    let variant = q.variant()?;
    let mut tx = state.write().await?;
    let edition = edition(&mut tx).await?;
    let settings = dbj::settings(&mut *tx, edition.id).await?;
    let (categories, _) = current_results(&mut tx, &edition, &settings).await?;
    tx.commit().await?;
    Ok(csv(write_results_csv(&categories, variant), &variant.file_name("jury-results")))
}

//! `GET /api/schools/{id}/report`: a school's STEM profile from its
//! consensus, the discussion points, the answers changed after a reopening,
//! growth from nulmeting to eindmeting and the edition benchmark. For the
//! school's team (a member sees the team's result once their own sheet is
//! submitted), the coordinator and the school's sponsor company; the
//! benchmark never names a school.

use crate::auth::AuthUser;
use crate::db::nulmeting as nm;
use crate::error::Result;
use crate::routes::nulmeting::{load_school, school_relation, viewer};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use rubric::assessment::api::{MeasurementInfo, MeasurementReport, MeasurementStatus, SchoolReport};
use rubric::access::{may_see_consensus, may_see_team_answers, Action, Relation};
use rubric::assessment::{aggregate, benchmark, IndicatorIndex, MeasurementKind, SchoolProfile};
use rubric::AspectId;

pub fn router() -> Router<AppState> {
    Router::new().route("/schools/{id}/report", get(report))
}

async fn measurement_report(
    state: &AppState,
    user: &AuthUser,
    relation: Relation,
    m: MeasurementInfo,
) -> Result<MeasurementReport> {
    let rubric = crate::routes::rubric::rubric_of(m.rubric_version)?;
    let index = IndicatorIndex::new(rubric);
    let closed = m.status == MeasurementStatus::Closed;
    let viewer = viewer(state, user, relation, &m).await?;
    let mut conn = state.db.acquire().await?;
    let answers = nm::team_answers(&mut conn, m.id).await?;
    let respondents = nm::respondents(&answers);
    // The consensus follows the blind rule of the team's answers: a member
    // sees the team's result once their own sheet is submitted.
    let blind = !may_see_consensus(viewer, closed);
    let mut consensus = if blind { vec![] } else { nm::as_consensus(&nm::consensus_of(&mut *conn, m.id).await?) };
    consensus.sort_by_key(|c| index.position(&c.indicator_id).unwrap_or(usize::MAX));
    // Team statistics only for whoever may see the team's answers (the
    // company sees them too: counts and spreads, never who said what).
    let answers_visible = may_see_team_answers(viewer, closed);
    let discussion_points = if answers_visible || relation == Relation::Sponsor {
        aggregate(rubric, &respondents).discussion_points().into_iter().cloned().collect()
    } else {
        vec![]
    };
    let changes = if answers_visible { nm::answer_changes(&mut conn, m.id).await? } else { vec![] };
    Ok(MeasurementReport {
        respondents: u32::try_from(respondents.iter().filter(|r| !r.answers.is_empty()).count()).unwrap_or(0),
        measurement: m,
        consensus,
        discussion_points,
        blind,
        changes,
    })
}

/// Growth from a baseline on one rubric version to a final on another,
/// through the declared mapping; empty when both share a version (the
/// report computes that growth itself) or either has no consensus to show.
fn growth_across_versions(
    baseline: Option<&MeasurementReport>,
    final_measurement: Option<&MeasurementReport>,
) -> Result<Vec<rubric::rubric_versions::CrossGrowth>> {
    let (Some(b), Some(f)) = (baseline, final_measurement) else { return Ok(vec![]) };
    if b.measurement.rubric_version == f.measurement.rubric_version || b.consensus.is_empty() || f.consensus.is_empty() {
        return Ok(vec![]);
    }
    let profile = |m: &MeasurementReport| -> Result<SchoolProfile> {
        Ok(SchoolProfile::from_consensus(crate::routes::rubric::rubric_of(m.measurement.rubric_version)?, &m.consensus))
    };
    Ok(rubric::rubric_versions::growth_across(&profile(b)?, &profile(f)?))
}

// GET /api/schools/{id}/report
async fn report(State(state): State<AppState>, user: AuthUser, Path(school_id): Path<i64>) -> Result<Json<SchoolReport>> {
    let school = load_school(&state, school_id).await?;
    let relation = school_relation(&user, &school);
    user.check(relation, Action::ReadReport, "school")?;
    let mut parts = Vec::new();
    for kind in MeasurementKind::ALL {
        parts.push(match nm::measurement_of(&state.db, school.edition_id, school.id, kind).await? {
            Some(m) => Some(measurement_report(&state, &user, relation, m).await?),
            None => None,
        });
    }
    let final_measurement = parts.pop().flatten();
    let baseline = parts.pop().flatten();
    // The benchmark compares the edition's baselines on the rubric of this
    // school's baseline (an edition's baselines share one version: it may
    // change only while no measurement holds answers).
    let rubric = match &baseline {
        Some(b) => crate::routes::rubric::rubric_of(b.measurement.rubric_version)?,
        None => crate::routes::rubric::edition_rubric(&state.db, school.edition_id).await?,
    };
    let index = IndicatorIndex::new(rubric);
    let profiles: Vec<SchoolProfile> = nm::edition_consensus(&state.db, school.edition_id, MeasurementKind::Baseline)
        .await?
        .into_iter()
        .map(|(_, consensus)| index.profile(&consensus))
        .collect();
    let benchmark = benchmark(&profiles);
    let growth_across = growth_across_versions(baseline.as_ref(), final_measurement.as_ref())?;
    Ok(Json(SchoolReport {
        school_id: school.id,
        school_name: school.name,
        town: school.town,
        edition_name: school.edition_name,
        company_name: school.company_name,
        baseline,
        final_measurement,
        benchmark: AspectId::ALL.iter().map(|&a| benchmark.aspect(a).and_then(|b| b.median())).collect(),
        benchmark_schools: benchmark.schools,
        growth_across,
    }))
}

//! A school's result as other steps read it: the consensus of a measurement
//! turned into a [`SchoolProfile`] with the shared aggregation code.

use rubric::assessment::{Consensus, MeasurementKind, SchoolProfile};
use rubric::Level;
use sqlx::SqliteExecutor;

/// The consensus profile of a school's baseline or final measurement in an
/// edition; `None` when there is no measurement or no consensus yet.
pub async fn school_profile<'e, E: SqliteExecutor<'e>>(
    db: E,
    edition_id: i64,
    school_id: i64,
    kind: MeasurementKind,
) -> sqlx::Result<Option<SchoolProfile>> {
    let rows: Vec<(String, Option<i64>, String, i64)> = sqlx::query_as(
        "select c.indicator_id, c.level, c.rationale, m.rubric_version from consensus c \
         join measurements m on m.id = c.measurement_id \
         where m.edition_id = ? and m.school_id = ? and m.kind = ?",
    )
    .bind(edition_id)
    .bind(school_id)
    .bind(kind.key())
    .fetch_all(db)
    .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    // The profile on the rubric the measurement was answered on.
    let version = rows.first().and_then(|r| u32::try_from(r.3).ok()).unwrap_or(rubric::rubric_versions::FIRST);
    let rubric = rubric::rubric_versions::rubric_of(version).unwrap_or_else(rubric::current_rubric);
    let consensus: Vec<Consensus> = rows
        .into_iter()
        .map(|(indicator_id, level, rationale, _)| Consensus {
            indicator_id,
            level: level.and_then(|l| u8::try_from(l).ok()).and_then(|l| Level::new(l).ok()),
            rationale,
        })
        .collect();
    Ok(Some(SchoolProfile::from_consensus(rubric, &consensus)))
}

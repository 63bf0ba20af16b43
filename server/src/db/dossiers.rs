//! The SQL of award dossiers (`rubric::dossier`): one row per school per
//! edition, read into a `Dossier` (a school without a row has an empty,
//! not-started one) and written back whole inside the caller's write
//! transaction, after the domain applied the change; the status of every
//! dossier of an edition for the coordinator's dashboard.

use super::now;
use rubric::dossier::{CompanyPart, Dossier, DossierStatus, EvidenceRef, JurorDossier, SchoolPart, SignOff, Withdrawal};
use rubric::plan::{ActionPlan, PlanVersion};
use sqlx::{SqliteConnection, SqliteExecutor};
use std::collections::HashMap;

type Row = (
    Option<i64>,
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
);

const COLUMNS: &str = "plan_version, school_text, summary, evidence, company_text, school_version, company_version, \
     revision, school_signoff, company_signoff, withdrawal, submitted_at";

fn decode<T: serde::de::DeserializeOwned>(json: Option<String>) -> sqlx::Result<Option<T>> {
    json.map(|j| serde_json::from_str(&j).map_err(|e| sqlx::Error::Decode(Box::new(e)))).transpose()
}

fn encode<T: serde::Serialize>(value: &T) -> sqlx::Result<String> {
    serde_json::to_string(value).map_err(|e| sqlx::Error::Encode(Box::new(e)))
}

fn from_row(row: Row) -> sqlx::Result<Dossier> {
    let (plan_version, school_text, summary, evidence, company_text, sv, cv, revision, s_sign, c_sign, withdrawal, submitted_at) = row;
    Ok(Dossier {
        school: SchoolPart {
            plan_version: plan_version.and_then(|n| u32::try_from(n).ok()),
            text: school_text,
            summary,
            evidence: decode::<Vec<i64>>(Some(evidence))?.unwrap_or_default(),
        },
        company: CompanyPart { text: company_text },
        school_version: sv,
        company_version: cv,
        revision: u32::try_from(revision).unwrap_or(0),
        school_signoff: decode::<SignOff>(s_sign)?,
        company_signoff: decode::<SignOff>(c_sign)?,
        submitted_at,
        withdrawal: decode::<Withdrawal>(withdrawal)?,
    })
}

/// The school's dossier in the edition; an empty one when never written.
pub async fn load<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, school_id: i64) -> sqlx::Result<Dossier> {
    let row: Option<Row> = sqlx::query_as(&format!("select {COLUMNS} from dossiers where edition_id = ? and school_id = ?"))
        .bind(edition_id)
        .bind(school_id)
        .fetch_optional(db)
        .await?;
    row.map(from_row).transpose().map(Option::unwrap_or_default)
}

/// Write the whole dossier (insert or replace its row).
pub async fn save(tx: &mut SqliteConnection, edition_id: i64, school_id: i64, d: &Dossier) -> sqlx::Result<()> {
    let sign = |s: &Option<SignOff>| s.as_ref().map(encode).transpose();
    sqlx::query(
        "insert into dossiers (edition_id, school_id, plan_version, school_text, summary, evidence, company_text, \
         school_version, company_version, revision, school_signoff, company_signoff, withdrawal, submitted_at, updated_at) \
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
         on conflict (edition_id, school_id) do update set plan_version = excluded.plan_version, \
         school_text = excluded.school_text, summary = excluded.summary, evidence = excluded.evidence, \
         company_text = excluded.company_text, school_version = excluded.school_version, \
         company_version = excluded.company_version, revision = excluded.revision, \
         school_signoff = excluded.school_signoff, company_signoff = excluded.company_signoff, \
         withdrawal = excluded.withdrawal, submitted_at = excluded.submitted_at, updated_at = excluded.updated_at",
    )
    .bind(edition_id)
    .bind(school_id)
    .bind(d.school.plan_version.map(i64::from))
    .bind(&d.school.text)
    .bind(&d.school.summary)
    .bind(encode(&d.school.evidence)?)
    .bind(&d.company.text)
    .bind(d.school_version)
    .bind(d.company_version)
    .bind(i64::from(d.revision))
    .bind(sign(&d.school_signoff)?)
    .bind(sign(&d.company_signoff)?)
    .bind(d.withdrawal.as_ref().map(encode).transpose()?)
    .bind(d.submitted_at)
    .bind(now())
    .execute(tx)
    .await?;
    Ok(())
}

/// The status of every dossier of the edition that was ever written, by school.
pub async fn statuses<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<HashMap<i64, DossierStatus>> {
    type Keyed = (i64, Option<i64>, String, String, String, String, i64, i64, i64, Option<String>, Option<String>, Option<String>, Option<i64>);
    let rows: Vec<Keyed> = sqlx::query_as(&format!("select school_id, {COLUMNS} from dossiers where edition_id = ?"))
        .bind(edition_id)
        .fetch_all(db)
        .await?;
    rows.into_iter()
        .map(|(school, pv, st, su, ev, ct, sv, cv, rev, ss, cs, w, at)| {
            Ok((school, from_row((pv, st, su, ev, ct, sv, cv, rev, ss, cs, w, at))?.status()))
        })
        .collect()
}

/// The numbers and times of the school's submitted plan versions, oldest first.
pub async fn submitted_versions<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64, school_id: i64) -> sqlx::Result<Vec<(u32, i64)>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "select v.number, v.submitted_at from plan_versions v join plans p on p.id = v.plan_id \
         where p.edition_id = ? and p.school_id = ? order by v.number",
    )
    .bind(edition_id)
    .bind(school_id)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|(n, at)| (u32::try_from(n).unwrap_or(0), at)).collect())
}

/// The school's evidence files a dossier may select: those of its
/// consensus answers and plan actions, not deleted (a respondent's own
/// answer files stay with the respondent), oldest first.
pub async fn evidence_choices<'e, E: SqliteExecutor<'e>>(db: E, school_id: i64) -> sqlx::Result<Vec<EvidenceRef>> {
    Ok(super::evidence::of_school(db, school_id)
        .await?
        .into_iter()
        .filter(|f| matches!(f.item_kind.as_str(), "consensus" | "action"))
        .map(|f| EvidenceRef { id: f.id, name: f.name, size: f.size })
        .collect())
}

/// The selected files among `choices`, in the dossier's order.
pub fn selected(evidence: &[i64], choices: &[EvidenceRef]) -> Vec<EvidenceRef> {
    evidence.iter().filter_map(|id| choices.iter().find(|c| c.id == *id).cloned()).collect()
}

/// The school's submitted dossier as a juror reads it, with its chosen
/// plan version; `None` while it is not submitted.
pub async fn for_jury(conn: &mut SqliteConnection, edition_id: i64, school_id: i64) -> sqlx::Result<Option<JurorDossier>> {
    let d = load(&mut *conn, edition_id, school_id).await?;
    let Some(submitted_at) = d.submitted_at else { return Ok(None) };
    let company_name: Option<String> =
        sqlx::query_scalar("select c.name from schools s join companies c on c.id = s.company_id where s.id = ?")
            .bind(school_id)
            .fetch_optional(&mut *conn)
            .await?;
    let plan = match d.school.plan_version {
        Some(number) => {
            let row: Option<(i64, String)> = sqlx::query_as(
                "select v.submitted_at, v.snapshot from plan_versions v join plans p on p.id = v.plan_id \
                 where p.edition_id = ? and p.school_id = ? and v.number = ?",
            )
            .bind(edition_id)
            .bind(school_id)
            .bind(i64::from(number))
            .fetch_optional(&mut *conn)
            .await?;
            match row {
                Some((at, snapshot)) => {
                    let plan: ActionPlan = serde_json::from_str(&snapshot).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
                    Some(PlanVersion { number, submitted_at: at, plan })
                }
                None => None,
            }
        }
        None => None,
    };
    Ok(Some(JurorDossier {
        school_text: d.school.text,
        company_text: d.company.text,
        summary: d.school.summary,
        company_name,
        submitted_at,
        plan,
        evidence: selected(&d.school.evidence, &evidence_choices(&mut *conn, school_id).await?),
    }))
}

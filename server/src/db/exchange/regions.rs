//! The regions of an edition and their plans in the exchange document
//! (issue 17, `rubric::exchange::regions`): read in the export's snapshot,
//! written in the import's transaction with new ids.

use super::{parse_key, ExportError, ImportError, Keys, NewIds};
use rubric::exchange::regions::*;
use rubric::exchange::ExchangeDocument;
use rubric::regional_plan::{CompanyContribution, Organisation};
use sqlx::{Sqlite, SqliteConnection, Transaction};

fn position(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

type GoalRow = (i64, i64, String, String, Option<i64>, Option<i64>, i64, i64, i64, i64);
type ActionRow = (i64, i64, String, String, i64, i64, i64, i64, i64, i64);

/// Add the edition's regions and regional plans to `d`.
pub(super) async fn export(
    tx: &mut SqliteConnection,
    edition_id: i64,
    schools: &Keys,
    companies: &Keys,
    goals: &Keys,
    actions: &Keys,
    d: &mut ExchangeDocument,
) -> Result<(), ExportError> {
    let regions: Vec<(i64, String, i64, i64)> =
        sqlx::query_as("select id, name, version, created_at from regions where edition_id = ? order by id").bind(edition_id).fetch_all(&mut *tx).await?;
    let region_keys = Keys::new("region", regions.iter().map(|r| r.0));
    let partners: Vec<(i64, i64, String, String, i64, i64)> = sqlx::query_as(
        "select p.id, p.region_id, p.name, p.kind, p.version, p.created_at from region_partners p \
         join regions r on r.id = p.region_id where r.edition_id = ? order by p.id",
    )
    .bind(edition_id)
    .fetch_all(&mut *tx)
    .await?;
    let partner_keys = Keys::new("partner", partners.iter().map(|p| p.0));
    let in_edition = "join regions r on r.id = x.region_id where r.edition_id = ?";
    let members: Vec<(i64, i64, String)> =
        sqlx::query_as(&format!("select x.region_id, x.school_id, x.level from region_schools x {in_edition} order by x.school_id")).bind(edition_id).fetch_all(&mut *tx).await?;
    let firms: Vec<(i64, i64)> =
        sqlx::query_as(&format!("select x.region_id, x.company_id from region_companies x {in_edition} order by x.company_id")).bind(edition_id).fetch_all(&mut *tx).await?;
    let pupils: Vec<(i64, i64, String, i64, i64)> = sqlx::query_as(&format!(
        "select x.region_id, x.school_id, x.track, x.year, x.pupils from region_pupils x {in_edition} order by x.school_id, x.track, x.year"
    ))
    .bind(edition_id)
    .fetch_all(&mut *tx)
    .await?;
    let progression: Vec<(i64, String, i64, i64, i64)> =
        sqlx::query_as(&format!("select x.region_id, x.kind, x.year, x.leavers, x.continued from region_progression x {in_edition} order by x.id"))
            .bind(edition_id)
            .fetch_all(&mut *tx)
            .await?;
    let facilities: Vec<(i64, String, String, String)> =
        sqlx::query_as(&format!("select x.region_id, x.kind, x.name, x.note from region_facilities x {in_edition} order by x.id")).bind(edition_id).fetch_all(&mut *tx).await?;
    let small = |what: &str, v: i64| u32::try_from(v).map_err(|_| ExportError::BadValue(format!("{what} {v} is out of range")));
    for (rid, name, version, created_at) in regions {
        let mut r = RegionRecord { id: region_keys.key(rid)?, name, version, created_at, schools: vec![], companies: vec![], partners: vec![], pupils: vec![], progression: vec![], facilities: vec![] };
        for (_, school, level) in members.iter().filter(|m| m.0 == rid) {
            r.schools.push(RegionSchoolRecord { school_id: schools.key(*school)?, level: parse_key("school level", level)? });
        }
        for (_, company) in firms.iter().filter(|m| m.0 == rid) {
            r.companies.push(companies.key(*company)?);
        }
        for (pid, _, name, kind, version, created_at) in partners.iter().filter(|p| p.1 == rid) {
            r.partners.push(RegionPartnerRecord { id: partner_keys.key(*pid)?, name: name.clone(), kind: parse_key("partner kind", kind)?, version: *version, created_at: *created_at });
        }
        for (_, school, track, year, n) in pupils.iter().filter(|p| p.0 == rid) {
            let year = u16::try_from(*year).map_err(|_| ExportError::BadValue(format!("year {year} is out of range")))?;
            r.pupils.push(RegionPupilsRecord { school_id: schools.key(*school)?, track: track.clone(), year, pupils: small("pupils", *n)? });
        }
        for (_, kind, year, leavers, continued) in progression.iter().filter(|p| p.0 == rid) {
            let year = u16::try_from(*year).map_err(|_| ExportError::BadValue(format!("year {year} is out of range")))?;
            r.progression.push(RegionProgressionRecord { kind: parse_key("progression kind", kind)?, year, leavers: small("leavers", *leavers)?, continued: small("continued", *continued)? });
        }
        for (_, kind, name, note) in facilities.iter().filter(|p| p.0 == rid) {
            r.facilities.push(RegionFacilityRecord { kind: parse_key("facility kind", kind)?, name: name.clone(), note: note.clone() });
        }
        d.regions.push(r);
    }

    let rgoals: Vec<GoalRow> = sqlx::query_as(
        "select g.id, g.region_id, g.title, g.description, g.sending_school_id, g.receiving_school_id, g.position, g.version, g.created_at, g.updated_at \
         from regional_goals g join regions r on r.id = g.region_id where r.edition_id = ? order by g.id",
    )
    .bind(edition_id)
    .fetch_all(&mut *tx)
    .await?;
    let rgoal_keys = Keys::new("regional goal", rgoals.iter().map(|g| g.0));
    let goal_links: Vec<(i64, i64)> = sqlx::query_as(
        "select l.goal_id, l.school_goal_id from regional_goal_links l join regional_goals g on g.id = l.goal_id \
         join regions r on r.id = g.region_id where r.edition_id = ? order by l.rowid",
    )
    .bind(edition_id)
    .fetch_all(&mut *tx)
    .await?;
    for (gid, region, title, description, sending, receiving, pos, version, created_at, updated_at) in rgoals {
        let linked_goal_ids = goal_links.iter().filter(|l| l.0 == gid).map(|l| goals.key(l.1)).collect::<Result<Vec<_>, _>>()?;
        d.regional_goals.push(RegionalGoalRecord {
            id: rgoal_keys.key(gid)?,
            region_id: region_keys.key(region)?,
            title,
            description,
            sending_school_id: schools.opt(sending)?,
            receiving_school_id: schools.opt(receiving)?,
            linked_goal_ids,
            position: position(pos),
            version,
            created_at,
            updated_at,
        });
    }
    let ractions: Vec<ActionRow> = sqlx::query_as(
        "select a.id, a.goal_id, a.description, a.owner_kind, a.owner_id, a.budget_cents, a.position, a.version, a.created_at, a.updated_at \
         from regional_actions a join regional_goals g on g.id = a.goal_id join regions r on r.id = g.region_id where r.edition_id = ? order by a.id",
    )
    .bind(edition_id)
    .fetch_all(&mut *tx)
    .await?;
    let where_edition = "join regional_actions a on a.id = x.action_id join regional_goals g on g.id = a.goal_id join regions r on r.id = g.region_id where r.edition_id = ?";
    let contributions: Vec<(i64, i64, i64, i64, String)> = sqlx::query_as(&format!(
        "select x.action_id, x.company_id, x.money_cents, x.in_kind_cents, x.in_kind_description from regional_contributions x {where_edition} order by x.rowid"
    ))
    .bind(edition_id)
    .fetch_all(&mut *tx)
    .await?;
    let action_links: Vec<(i64, i64)> =
        sqlx::query_as(&format!("select x.action_id, x.school_action_id from regional_action_links x {where_edition} order by x.rowid")).bind(edition_id).fetch_all(&mut *tx).await?;
    let raction_keys = Keys::new("regional action", ractions.iter().map(|a| a.0));
    for (aid, goal, description, kind, owner_id, budget_cents, pos, version, created_at, updated_at) in ractions {
        let owner = match kind.as_str() {
            "school" => Organisation::School(schools.key(owner_id)?),
            "company" => Organisation::Company(companies.key(owner_id)?),
            "partner" => Organisation::Partner(partner_keys.key(owner_id)?),
            other => return Err(ExportError::BadValue(format!("'{other}' is not a kind of owner"))),
        };
        let contributions = contributions
            .iter()
            .filter(|c| c.0 == aid)
            .map(|(_, company, money_cents, in_kind_cents, what)| {
                Ok(CompanyContribution { company_id: companies.key(*company)?, money_cents: *money_cents, in_kind_cents: *in_kind_cents, in_kind_description: what.clone() })
            })
            .collect::<Result<Vec<_>, ExportError>>()?;
        let linked_action_ids = action_links.iter().filter(|l| l.0 == aid).map(|l| actions.key(l.1)).collect::<Result<Vec<_>, _>>()?;
        d.regional_actions.push(RegionalActionRecord {
            id: raction_keys.key(aid)?,
            goal_id: rgoal_keys.key(goal)?,
            description,
            owner,
            budget_cents,
            contributions,
            linked_action_ids,
            position: position(pos),
            version,
            created_at,
            updated_at,
        });
    }
    Ok(())
}

/// Write the document's regions and regional plans into the new edition.
pub(super) async fn import(
    tx: &mut Transaction<'_, Sqlite>,
    edition_id: i64,
    d: &ExchangeDocument,
    schools: &NewIds,
    companies: &NewIds,
    goals: &NewIds,
    actions: &NewIds,
) -> Result<(), ImportError> {
    let mut regions = NewIds::default();
    let mut partners = NewIds::default();
    for r in &d.regions {
        let id: i64 = sqlx::query_scalar("insert into regions (edition_id, name, version, created_at) values (?, ?, ?, ?) returning id")
            .bind(edition_id)
            .bind(&r.name)
            .bind(r.version)
            .bind(r.created_at)
            .fetch_one(&mut **tx)
            .await?;
        regions.0.insert(r.id, id);
        for s in &r.schools {
            sqlx::query("insert into region_schools (school_id, region_id, level) values (?, ?, ?)")
                .bind(schools.get(s.school_id)?)
                .bind(id)
                .bind(s.level.key())
                .execute(&mut **tx)
                .await?;
        }
        for c in &r.companies {
            sqlx::query("insert into region_companies (company_id, region_id) values (?, ?)").bind(companies.get(*c)?).bind(id).execute(&mut **tx).await?;
        }
        for p in &r.partners {
            let pid: i64 = sqlx::query_scalar("insert into region_partners (region_id, name, kind, version, created_at) values (?, ?, ?, ?, ?) returning id")
                .bind(id)
                .bind(&p.name)
                .bind(p.kind.key())
                .bind(p.version)
                .bind(p.created_at)
                .fetch_one(&mut **tx)
                .await?;
            partners.0.insert(p.id, pid);
        }
        for p in &r.pupils {
            sqlx::query("insert into region_pupils (region_id, school_id, track, year, pupils) values (?, ?, ?, ?, ?)")
                .bind(id)
                .bind(schools.get(p.school_id)?)
                .bind(&p.track)
                .bind(i64::from(p.year))
                .bind(i64::from(p.pupils))
                .execute(&mut **tx)
                .await?;
        }
        for p in &r.progression {
            sqlx::query("insert into region_progression (region_id, kind, year, leavers, continued) values (?, ?, ?, ?, ?)")
                .bind(id)
                .bind(p.kind.key())
                .bind(i64::from(p.year))
                .bind(i64::from(p.leavers))
                .bind(i64::from(p.continued))
                .execute(&mut **tx)
                .await?;
        }
        for f in &r.facilities {
            sqlx::query("insert into region_facilities (region_id, kind, name, note) values (?, ?, ?, ?)")
                .bind(id)
                .bind(f.kind.key())
                .bind(&f.name)
                .bind(&f.note)
                .execute(&mut **tx)
                .await?;
        }
    }
    let mut rgoals = NewIds::default();
    for g in &d.regional_goals {
        let id: i64 = sqlx::query_scalar(
            "insert into regional_goals (region_id, title, description, sending_school_id, receiving_school_id, position, version, created_at, updated_at) \
             values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(regions.get(g.region_id)?)
        .bind(&g.title)
        .bind(&g.description)
        .bind(schools.opt(g.sending_school_id)?)
        .bind(schools.opt(g.receiving_school_id)?)
        .bind(i64::from(g.position))
        .bind(g.version)
        .bind(g.created_at)
        .bind(g.updated_at)
        .fetch_one(&mut **tx)
        .await?;
        rgoals.0.insert(g.id, id);
        for l in &g.linked_goal_ids {
            sqlx::query("insert into regional_goal_links (goal_id, school_goal_id) values (?, ?)").bind(id).bind(goals.get(*l)?).execute(&mut **tx).await?;
        }
    }
    for a in &d.regional_actions {
        let owner = match a.owner {
            Organisation::School(x) => schools.get(x)?,
            Organisation::Company(x) => companies.get(x)?,
            Organisation::Partner(x) => partners.get(x)?,
        };
        let id: i64 = sqlx::query_scalar(
            "insert into regional_actions (goal_id, description, owner_kind, owner_id, budget_cents, position, version, created_at, updated_at) \
             values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
        )
        .bind(rgoals.get(a.goal_id)?)
        .bind(&a.description)
        .bind(a.owner.kind_key())
        .bind(owner)
        .bind(a.budget_cents)
        .bind(i64::from(a.position))
        .bind(a.version)
        .bind(a.created_at)
        .bind(a.updated_at)
        .fetch_one(&mut **tx)
        .await?;
        for c in &a.contributions {
            sqlx::query("insert into regional_contributions (action_id, company_id, money_cents, in_kind_cents, in_kind_description) values (?, ?, ?, ?, ?)")
                .bind(id)
                .bind(companies.get(c.company_id)?)
                .bind(c.money_cents)
                .bind(c.in_kind_cents)
                .bind(&c.in_kind_description)
                .execute(&mut **tx)
                .await?;
        }
        for l in &a.linked_action_ids {
            sqlx::query("insert into regional_action_links (action_id, school_action_id) values (?, ?)").bind(id).bind(actions.get(*l)?).execute(&mut **tx).await?;
        }
    }
    Ok(())
}

//! The SQL of a region's plan (issue 17): regional goals (a learning route
//! names two schools) with their links to the schools' plan goals, actions
//! with their owner, budget, company contributions and links to the
//! schools' plan actions. Versioned rows are updated only when the caller's
//! `version` still matches ([`Write`]). Deleting a goal deletes its actions
//! (the interface asks first).

use super::now;
use super::plans::Write;
use rubric::regional_plan::view::SchoolPlanItem;
use rubric::regional_plan::{
    CompanyContribution, LearningRoute, Organisation, RegionalAction, RegionalActionFields, RegionalGoal,
    RegionalGoalFields, RegionalPlan,
};
use sqlx::SqliteConnection;

fn position(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

type GoalTuple = (i64, String, String, Option<i64>, Option<i64>, i64, i64);

const GOAL_COLUMNS: &str = "id, title, description, sending_school_id, receiving_school_id, position, version";

fn goal_of((id, title, description, sending, receiving, pos, version): GoalTuple, links: Vec<i64>) -> RegionalGoal {
    let route = match (sending, receiving) {
        (Some(sending_school_id), Some(receiving_school_id)) => Some(LearningRoute { sending_school_id, receiving_school_id }),
        _ => None,
    };
    RegionalGoal { id, title, description, route, linked_school_goal_ids: links, position: position(pos), version }
}

type ActionTuple = (i64, i64, String, String, i64, i64, i64, i64);

const ACTION_COLUMNS: &str =
    "a.id, a.goal_id, a.description, a.owner_kind, a.owner_id, a.budget_cents, a.position, a.version";

fn action_of(
    (id, goal_id, description, owner_kind, owner_id, budget_cents, pos, version): ActionTuple,
    contributions: Vec<CompanyContribution>,
    links: Vec<i64>,
) -> RegionalAction {
    RegionalAction {
        id,
        goal_id,
        description,
        // The column's check keeps the kind one of the three.
        owner: Organisation::from_key(&owner_kind, owner_id).unwrap_or(Organisation::Partner(owner_id)),
        budget_cents,
        contributions,
        linked_school_action_ids: links,
        position: position(pos),
        version,
    }
}

/// The whole plan of a region, goals and actions in display order.
pub async fn load(db: &mut SqliteConnection, region_id: i64) -> sqlx::Result<RegionalPlan> {
    let goals: Vec<GoalTuple> =
        sqlx::query_as(&format!("select {GOAL_COLUMNS} from regional_goals where region_id = ? order by position, id"))
            .bind(region_id)
            .fetch_all(&mut *db)
            .await?;
    let goal_links: Vec<(i64, i64)> = sqlx::query_as(
        "select l.goal_id, l.school_goal_id from regional_goal_links l join regional_goals g on g.id = l.goal_id \
         where g.region_id = ? order by l.rowid",
    )
    .bind(region_id)
    .fetch_all(&mut *db)
    .await?;
    let actions: Vec<ActionTuple> = sqlx::query_as(&format!(
        "select {ACTION_COLUMNS} from regional_actions a join regional_goals g on g.id = a.goal_id \
         where g.region_id = ? order by a.goal_id, a.position, a.id"
    ))
    .bind(region_id)
    .fetch_all(&mut *db)
    .await?;
    let contributions: Vec<(i64, i64, i64, i64, String)> = sqlx::query_as(
        "select c.action_id, c.company_id, c.money_cents, c.in_kind_cents, c.in_kind_description \
         from regional_contributions c join regional_actions a on a.id = c.action_id \
         join regional_goals g on g.id = a.goal_id where g.region_id = ? order by c.rowid",
    )
    .bind(region_id)
    .fetch_all(&mut *db)
    .await?;
    let action_links: Vec<(i64, i64)> = sqlx::query_as(
        "select l.action_id, l.school_action_id from regional_action_links l \
         join regional_actions a on a.id = l.action_id join regional_goals g on g.id = a.goal_id \
         where g.region_id = ? order by l.rowid",
    )
    .bind(region_id)
    .fetch_all(&mut *db)
    .await?;
    let links_of = |all: &[(i64, i64)], id: i64| all.iter().filter(|l| l.0 == id).map(|l| l.1).collect::<Vec<_>>();
    Ok(RegionalPlan {
        region_id,
        goals: goals.into_iter().map(|g| {
            let links = links_of(&goal_links, g.0);
            goal_of(g, links)
        }).collect(),
        actions: actions
            .into_iter()
            .map(|a| {
                let cs = contributions
                    .iter()
                    .filter(|c| c.0 == a.0)
                    .map(|(_, company_id, money_cents, in_kind_cents, d)| CompanyContribution {
                        company_id: *company_id,
                        money_cents: *money_cents,
                        in_kind_cents: *in_kind_cents,
                        in_kind_description: d.clone(),
                    })
                    .collect();
                let links = links_of(&action_links, a.0);
                action_of(a, cs, links)
            })
            .collect(),
    })
}

/// One goal of the region.
pub async fn goal(db: &mut SqliteConnection, region_id: i64, goal_id: i64) -> sqlx::Result<Option<RegionalGoal>> {
    let row: Option<GoalTuple> =
        sqlx::query_as(&format!("select {GOAL_COLUMNS} from regional_goals where id = ? and region_id = ?"))
            .bind(goal_id)
            .bind(region_id)
            .fetch_optional(&mut *db)
            .await?;
    let Some(row) = row else { return Ok(None) };
    let links: Vec<i64> = sqlx::query_scalar("select school_goal_id from regional_goal_links where goal_id = ? order by rowid")
        .bind(goal_id)
        .fetch_all(&mut *db)
        .await?;
    Ok(Some(goal_of(row, links)))
}

/// One action of the region.
pub async fn action(db: &mut SqliteConnection, region_id: i64, action_id: i64) -> sqlx::Result<Option<RegionalAction>> {
    let row: Option<ActionTuple> = sqlx::query_as(&format!(
        "select {ACTION_COLUMNS} from regional_actions a join regional_goals g on g.id = a.goal_id \
         where a.id = ? and g.region_id = ?"
    ))
    .bind(action_id)
    .bind(region_id)
    .fetch_optional(&mut *db)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let cs: Vec<(i64, i64, i64, String)> = sqlx::query_as(
        "select company_id, money_cents, in_kind_cents, in_kind_description from regional_contributions \
         where action_id = ? order by rowid",
    )
    .bind(action_id)
    .fetch_all(&mut *db)
    .await?;
    let links: Vec<i64> =
        sqlx::query_scalar("select school_action_id from regional_action_links where action_id = ? order by rowid")
            .bind(action_id)
            .fetch_all(&mut *db)
            .await?;
    let cs = cs
        .into_iter()
        .map(|(company_id, money_cents, in_kind_cents, in_kind_description)| CompanyContribution {
            company_id,
            money_cents,
            in_kind_cents,
            in_kind_description,
        })
        .collect();
    Ok(Some(action_of(row, cs, links)))
}

async fn write_goal_links(tx: &mut SqliteConnection, goal_id: i64, links: &[i64]) -> sqlx::Result<()> {
    sqlx::query("delete from regional_goal_links where goal_id = ?").bind(goal_id).execute(&mut *tx).await?;
    for id in links {
        sqlx::query("insert into regional_goal_links (goal_id, school_goal_id) values (?, ?)")
            .bind(goal_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

async fn write_action_parts(tx: &mut SqliteConnection, action_id: i64, fields: &RegionalActionFields) -> sqlx::Result<()> {
    sqlx::query("delete from regional_contributions where action_id = ?").bind(action_id).execute(&mut *tx).await?;
    for c in &fields.contributions {
        sqlx::query(
            "insert into regional_contributions (action_id, company_id, money_cents, in_kind_cents, in_kind_description) \
             values (?, ?, ?, ?, ?)",
        )
        .bind(action_id)
        .bind(c.company_id)
        .bind(c.money_cents)
        .bind(c.in_kind_cents)
        .bind(&c.in_kind_description)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("delete from regional_action_links where action_id = ?").bind(action_id).execute(&mut *tx).await?;
    for id in &fields.linked_school_action_ids {
        sqlx::query("insert into regional_action_links (action_id, school_action_id) values (?, ?)")
            .bind(action_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Add a goal at the end of the region's plan.
pub async fn insert_goal(tx: &mut SqliteConnection, region_id: i64, fields: &RegionalGoalFields) -> sqlx::Result<RegionalGoal> {
    let t = now();
    let id: i64 = sqlx::query_scalar(
        "insert into regional_goals (region_id, title, description, sending_school_id, receiving_school_id, position, created_at, updated_at) \
         values (?, ?, ?, ?, ?, (select coalesce(max(position) + 1, 0) from regional_goals where region_id = ?), ?, ?) returning id",
    )
    .bind(region_id)
    .bind(&fields.title)
    .bind(&fields.description)
    .bind(fields.route.map(|r| r.sending_school_id))
    .bind(fields.route.map(|r| r.receiving_school_id))
    .bind(region_id)
    .bind(t)
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    write_goal_links(tx, id, &fields.linked_school_goal_ids).await?;
    goal(tx, region_id, id).await?.ok_or(sqlx::Error::RowNotFound)
}

/// Change a goal if it is still at `version`.
pub async fn update_goal(
    tx: &mut SqliteConnection,
    region_id: i64,
    goal_id: i64,
    version: i64,
    fields: &RegionalGoalFields,
) -> sqlx::Result<Write<RegionalGoal>> {
    let done = sqlx::query(
        "update regional_goals set title = ?, description = ?, sending_school_id = ?, receiving_school_id = ?, \
         version = version + 1, updated_at = ? where id = ? and region_id = ? and version = ?",
    )
    .bind(&fields.title)
    .bind(&fields.description)
    .bind(fields.route.map(|r| r.sending_school_id))
    .bind(fields.route.map(|r| r.receiving_school_id))
    .bind(now())
    .bind(goal_id)
    .bind(region_id)
    .bind(version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        write_goal_links(tx, goal_id, &fields.linked_school_goal_ids).await?;
        return Ok(goal(tx, region_id, goal_id).await?.map_or(Write::Missing, Write::Done));
    }
    Ok(goal(tx, region_id, goal_id).await?.map_or(Write::Missing, Write::Stale))
}

/// Delete a goal with its actions if it is still at `version`.
pub async fn delete_goal(tx: &mut SqliteConnection, region_id: i64, goal_id: i64, version: i64) -> sqlx::Result<Write<()>> {
    let Some(current) = goal(tx, region_id, goal_id).await? else { return Ok(Write::Missing) };
    if current.version != version {
        return Ok(Write::Stale(()));
    }
    sqlx::query("delete from regional_goals where id = ? and region_id = ?")
        .bind(goal_id)
        .bind(region_id)
        .execute(&mut *tx)
        .await?;
    Ok(Write::Done(()))
}

/// Add an action at the end of its goal (the goal checked to be the region's).
pub async fn insert_action(tx: &mut SqliteConnection, region_id: i64, goal_id: i64, fields: &RegionalActionFields) -> sqlx::Result<RegionalAction> {
    let t = now();
    let id: i64 = sqlx::query_scalar(
        "insert into regional_actions (goal_id, description, owner_kind, owner_id, budget_cents, position, created_at, updated_at) \
         values (?, ?, ?, ?, ?, (select coalesce(max(position) + 1, 0) from regional_actions where goal_id = ?), ?, ?) returning id",
    )
    .bind(goal_id)
    .bind(&fields.description)
    .bind(fields.owner.kind_key())
    .bind(fields.owner.id())
    .bind(fields.budget_cents)
    .bind(goal_id)
    .bind(t)
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    write_action_parts(tx, id, fields).await?;
    action(tx, region_id, id).await?.ok_or(sqlx::Error::RowNotFound)
}

/// Change an action if it is still at `version`.
pub async fn update_action(
    tx: &mut SqliteConnection,
    region_id: i64,
    action_id: i64,
    version: i64,
    fields: &RegionalActionFields,
) -> sqlx::Result<Write<RegionalAction>> {
    let done = sqlx::query(
        "update regional_actions set description = ?, owner_kind = ?, owner_id = ?, budget_cents = ?, \
         version = version + 1, updated_at = ? \
         where id = ? and version = ? and goal_id in (select id from regional_goals where region_id = ?)",
    )
    .bind(&fields.description)
    .bind(fields.owner.kind_key())
    .bind(fields.owner.id())
    .bind(fields.budget_cents)
    .bind(now())
    .bind(action_id)
    .bind(version)
    .bind(region_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 1 {
        write_action_parts(tx, action_id, fields).await?;
        return Ok(action(tx, region_id, action_id).await?.map_or(Write::Missing, Write::Done));
    }
    Ok(action(tx, region_id, action_id).await?.map_or(Write::Missing, Write::Stale))
}

/// Delete an action if it is still at `version`.
pub async fn delete_action(tx: &mut SqliteConnection, region_id: i64, action_id: i64, version: i64) -> sqlx::Result<Write<()>> {
    let Some(current) = action(tx, region_id, action_id).await? else { return Ok(Write::Missing) };
    if current.version != version {
        return Ok(Write::Stale(()));
    }
    sqlx::query("delete from regional_actions where id = ?").bind(action_id).execute(&mut *tx).await?;
    Ok(Write::Done(()))
}

/// The linkable goals and actions of the region's schools' plans.
pub type SchoolItems = (Vec<SchoolPlanItem>, Vec<SchoolPlanItem>);

/// The live goals and actions of the plans of `school_ids` in the edition,
/// for linking: (goals, actions).
pub async fn school_plan_items(db: &mut SqliteConnection, edition_id: i64, school_ids: &[i64]) -> sqlx::Result<SchoolItems> {
    let mut goals = Vec::new();
    let mut actions = Vec::new();
    for &school_id in school_ids {
        let g: Vec<(i64, i64, String, String)> = sqlx::query_as(
            "select g.id, s.id, s.name, g.title from goals g join plans p on p.id = g.plan_id join schools s on s.id = p.school_id \
             where p.edition_id = ? and p.school_id = ? and g.deleted_at is null order by g.position, g.id",
        )
        .bind(edition_id)
        .bind(school_id)
        .fetch_all(&mut *db)
        .await?;
        goals.extend(g.into_iter().map(|(id, school_id, school_name, title)| SchoolPlanItem { id, school_id, school_name, title }));
        let a: Vec<(i64, i64, String, String)> = sqlx::query_as(
            "select a.id, s.id, s.name, a.description from actions a join goals g on g.id = a.goal_id \
             join plans p on p.id = g.plan_id join schools s on s.id = p.school_id \
             where p.edition_id = ? and p.school_id = ? and g.deleted_at is null order by g.position, a.position, a.id",
        )
        .bind(edition_id)
        .bind(school_id)
        .fetch_all(&mut *db)
        .await?;
        actions.extend(a.into_iter().map(|(id, school_id, school_name, title)| SchoolPlanItem { id, school_id, school_name, title }));
    }
    Ok((goals, actions))
}


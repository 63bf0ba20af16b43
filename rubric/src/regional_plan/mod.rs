//! A region's plan (Sterk Techniekonderwijs): goals and actions at region
//! level, each action owned by an organisation of the region (a school, a
//! company or another partner) with a budget and the companies'
//! contributions to it, in money and in kind. A goal may be a learning
//! route from a sending to a receiving school (vmbo -> mbo), and goals and
//! actions may link to the schools' own plan goals and actions. The rules:
//! input validation ([`validate`]), the cofinancing share of the region's
//! business community against the threshold ([`cofinancing`]) and the
//! budget as a CSV for the subsidy application ([`budget_csv`]). Amounts are
//! integer euro cents throughout.

pub mod budget_csv;
pub mod cofinancing;
pub mod validate;
pub mod view;

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

pub use budget_csv::{budget_csv, csv_cell, CSV_BOM};
pub use cofinancing::{regional_cofinancing, CompanyShare, RegionalCofinancing};
pub use validate::{
    validate_regional_action, validate_regional_goal, ContributionInput, RegionalActionFields,
    RegionalActionInput, RegionalField, RegionalFieldError, RegionalGoalFields, RegionalGoalInput,
    RegionalPlanError, RouteInput,
};

/// The organisation responsible for a regional action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "kebab-case")]
pub enum Organisation {
    /// A school of the region (any level: vmbo, mbo, secondary, primary).
    School(i64),
    /// A company of the region.
    Company(i64),
    /// Another partner of the region (an RTC, a municipality).
    Partner(i64),
}

impl Organisation {
    /// The kind as its JSON key: `school`, `company` or `partner`.
    pub fn kind_key(self) -> &'static str {
        match self {
            Organisation::School(_) => "school",
            Organisation::Company(_) => "company",
            Organisation::Partner(_) => "partner",
        }
    }

    /// The organisation's id within its kind.
    pub fn id(self) -> i64 {
        match self {
            Organisation::School(id) | Organisation::Company(id) | Organisation::Partner(id) => id,
        }
    }

    /// The organisation of this kind key and id.
    pub fn from_key(kind: &str, id: i64) -> Option<Organisation> {
        match kind {
            "school" => Some(Organisation::School(id)),
            "company" => Some(Organisation::Company(id)),
            "partner" => Some(Organisation::Partner(id)),
            _ => None,
        }
    }
}

/// A learning route: pupils going from a sending school to a receiving
/// school of the region (e.g. vmbo -> mbo, primary -> vmbo).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningRoute {
    pub sending_school_id: i64,
    pub receiving_school_id: i64,
}

/// A goal of the regional plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalGoal {
    pub id: i64,
    pub title: String,
    pub description: String,
    /// Set when the goal is a learning route.
    pub route: Option<LearningRoute>,
    /// Goals of the schools' own plans this goal builds on.
    pub linked_school_goal_ids: Vec<i64>,
    /// Order among the plan's goals (lower first; ties broken by id).
    pub position: u32,
    /// Bumped on every write (stale-write protection).
    pub version: i64,
}

/// What one company contributes to one action: money and/or goods, time or
/// facilities valued in euro.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CompanyContribution {
    pub company_id: i64,
    pub money_cents: i64,
    pub in_kind_cents: i64,
    /// What the company provides in kind (required when `in_kind_cents > 0`).
    pub in_kind_description: String,
}

impl CompanyContribution {
    /// Money and in kind together, never negative.
    pub fn total_cents(&self) -> i64 {
        self.money_cents.max(0).saturating_add(self.in_kind_cents.max(0))
    }
}

/// An action under a regional goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalAction {
    pub id: i64,
    pub goal_id: i64,
    pub description: String,
    pub owner: Organisation,
    /// The action's total cost in euro cents, company contributions included.
    pub budget_cents: i64,
    /// At most one entry per company.
    pub contributions: Vec<CompanyContribution>,
    /// Actions of the schools' own plans this action builds on.
    pub linked_school_action_ids: Vec<i64>,
    pub position: u32,
    pub version: i64,
}

impl RegionalAction {
    /// All companies' contributions to this action.
    pub fn contribution_cents(&self) -> i64 {
        self.contributions.iter().map(CompanyContribution::total_cents).fold(0i64, i64::saturating_add)
    }
}

/// A region's plan: its goals and their actions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RegionalPlan {
    pub region_id: i64,
    pub goals: Vec<RegionalGoal>,
    pub actions: Vec<RegionalAction>,
}

/// The indexes of items with these (position, id) keys in display order.
/// One sort for goals and actions alike (the web app carries one copy of
/// the sort, not one per item type); the ids make the keys unique.
fn display_order(keys: impl Iterator<Item = (u32, i64)>) -> Vec<usize> {
    let mut keyed: Vec<((u32, i64), usize)> = keys.enumerate().map(|(i, k)| (k, i)).collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

impl RegionalPlan {
    /// The goals in display order (position, then id).
    pub fn goals_in_order(&self) -> Vec<&RegionalGoal> {
        let order = display_order(self.goals.iter().map(|g| (g.position, g.id)));
        order.into_iter().filter_map(|i| self.goals.get(i)).collect()
    }

    /// The actions of one goal in display order (position, then id).
    pub fn actions_of(&self, goal_id: i64) -> Vec<&RegionalAction> {
        let actions: Vec<&RegionalAction> = self.actions.iter().filter(|a| a.goal_id == goal_id).collect();
        let order = display_order(actions.iter().map(|a| (a.position, a.id)));
        order.into_iter().filter_map(|i| actions.get(i).copied()).collect()
    }

    /// The position for a goal added at the end.
    pub fn next_goal_position(&self) -> u32 {
        self.goals.iter().map(|g| g.position.saturating_add(1)).max().unwrap_or(0)
    }

    /// The position for an action added at the end of its goal.
    pub fn next_action_position(&self, goal_id: i64) -> u32 {
        self.actions.iter().filter(|a| a.goal_id == goal_id).map(|a| a.position.saturating_add(1)).max().unwrap_or(0)
    }

    /// The total budget of all actions.
    pub fn budget_cents(&self) -> i64 {
        self.actions.iter().map(|a| a.budget_cents.max(0)).fold(0i64, i64::saturating_add)
    }
}

/// Who and what belongs to the region, with their names: what validation
/// checks references against and what the CSV and dossier print.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RegionDirectory {
    pub schools: BTreeMap<i64, String>,
    pub companies: BTreeMap<i64, String>,
    pub partners: BTreeMap<i64, String>,
    /// Goals of the region's schools' plans a regional goal may link to.
    pub school_goal_ids: BTreeSet<i64>,
    /// Actions of the region's schools' plans a regional action may link to.
    pub school_action_ids: BTreeSet<i64>,
}

impl RegionDirectory {
    /// Whether the organisation belongs to the region.
    pub fn has(&self, org: Organisation) -> bool {
        match org {
            Organisation::School(id) => self.schools.contains_key(&id),
            Organisation::Company(id) => self.companies.contains_key(&id),
            Organisation::Partner(id) => self.partners.contains_key(&id),
        }
    }

    /// The organisation's name; `None` when it is not of the region.
    pub fn name(&self, org: Organisation) -> Option<&str> {
        match org {
            Organisation::School(id) => self.schools.get(&id),
            Organisation::Company(id) => self.companies.get(&id),
            Organisation::Partner(id) => self.partners.get(&id),
        }
        .map(String::as_str)
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use super::*;

    /// Two schools (1 vmbo, 2 mbo), two companies (10, 11), one partner (20).
    pub fn directory() -> RegionDirectory {
        RegionDirectory {
            schools: BTreeMap::from([(1, "Vmbo De Brug".to_string()), (2, "Techniek College".to_string())]),
            companies: BTreeMap::from([(10, "Metaal BV".to_string()), (11, "=Installatie & Co".to_string())]),
            partners: BTreeMap::from([(20, "RTC Oost".to_string())]),
            school_goal_ids: BTreeSet::from([100, 101]),
            school_action_ids: BTreeSet::from([200]),
        }
    }

    pub fn action(id: i64, goal_id: i64, budget_cents: i64, contributions: &[(i64, i64, i64)]) -> RegionalAction {
        RegionalAction {
            id,
            goal_id,
            description: format!("Action {id}"),
            owner: Organisation::School(1),
            budget_cents,
            contributions: contributions
                .iter()
                .map(|&(company_id, money_cents, in_kind_cents)| CompanyContribution {
                    company_id,
                    money_cents,
                    in_kind_cents,
                    in_kind_description: if in_kind_cents > 0 { "Machines".into() } else { String::new() },
                })
                .collect(),
            linked_school_action_ids: vec![],
            position: id as u32,
            version: 1,
        }
    }

    pub fn goal(id: i64, title: &str) -> RegionalGoal {
        RegionalGoal {
            id,
            title: title.into(),
            description: String::new(),
            route: None,
            linked_school_goal_ids: vec![],
            position: id as u32,
            version: 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn organisations_travel_as_kind_and_id() {
        let json = serde_json::to_string(&Organisation::Partner(20)).unwrap();
        assert_eq!(json, r#"{"kind":"partner","id":20}"#);
        assert_eq!(serde_json::from_str::<Organisation>(&json).unwrap(), Organisation::Partner(20));
        for org in [Organisation::School(1), Organisation::Company(2), Organisation::Partner(3)] {
            assert_eq!(Organisation::from_key(org.kind_key(), org.id()), Some(org));
        }
        assert_eq!(Organisation::from_key("jury", 1), None);
    }

    #[test]
    fn plan_orders_and_totals() {
        let plan = RegionalPlan {
            region_id: 1,
            goals: vec![goal(2, "B"), goal(1, "A")],
            actions: vec![action(5, 1, 1_000, &[(10, 100, 50)]), action(4, 1, 2_000, &[])],
        };
        assert_eq!(plan.goals_in_order().iter().map(|g| g.id).collect::<Vec<_>>(), vec![1, 2]);
        assert_eq!(plan.actions_of(1).iter().map(|a| a.id).collect::<Vec<_>>(), vec![4, 5]);
        assert_eq!(plan.budget_cents(), 3_000);
        assert_eq!(plan.actions[0].contribution_cents(), 150);
        assert_eq!(plan.next_goal_position(), 3);
        assert_eq!(plan.next_action_position(1), 6);
        assert_eq!(plan.next_action_position(9), 0);
        let d = directory();
        assert!(d.has(Organisation::Company(11)) && !d.has(Organisation::Company(20)));
        assert_eq!(d.name(Organisation::Partner(20)), Some("RTC Oost"));
    }
}

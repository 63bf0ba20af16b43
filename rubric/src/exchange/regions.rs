//! The regions of an edition in the exchange format (issue 17): each
//! region with its schools (and their level), companies, partners and
//! portrait figures, and the regional plans (goals with their learning
//! route and links to the schools' plan goals, actions with their owner,
//! budget, company contributions and links to the schools' plan actions).
//! Optional sections of format version 2: a file without them has no
//! regions. Regional coordinators are people of an installation and are
//! not carried (as sign-in links are not). Ids are document-local like
//! everywhere; partner ids are numbered across all regions.

use crate::region::portrait::{FacilityKind, ProgressionKind};
use crate::region::{PartnerKind, SchoolLevel};
use crate::regional_plan::{CompanyContribution, Organisation};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionSchoolRecord {
    pub school_id: i64,
    pub level: SchoolLevel,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionPartnerRecord {
    pub id: i64,
    pub name: String,
    pub kind: PartnerKind,
    pub version: i64,
    pub created_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionPupilsRecord {
    pub school_id: i64,
    pub track: String,
    pub year: u16,
    pub pupils: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionProgressionRecord {
    pub kind: ProgressionKind,
    pub year: u16,
    pub leavers: u32,
    pub continued: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionFacilityRecord {
    pub kind: FacilityKind,
    pub name: String,
    pub note: String,
}

/// A region with everything that belongs to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionRecord {
    pub id: i64,
    pub name: String,
    pub version: i64,
    pub created_at: i64,
    pub schools: Vec<RegionSchoolRecord>,
    pub companies: Vec<i64>,
    pub partners: Vec<RegionPartnerRecord>,
    pub pupils: Vec<RegionPupilsRecord>,
    pub progression: Vec<RegionProgressionRecord>,
    pub facilities: Vec<RegionFacilityRecord>,
}

/// A goal of a region's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalGoalRecord {
    pub id: i64,
    pub region_id: i64,
    pub title: String,
    pub description: String,
    pub sending_school_id: Option<i64>,
    pub receiving_school_id: Option<i64>,
    /// Goals of the schools' plans (`goals`).
    pub linked_goal_ids: Vec<i64>,
    pub position: u32,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// An action of a region's plan; the owner's id is a school, company or
/// partner (`regions[].partners[].id`) of the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalActionRecord {
    pub id: i64,
    pub goal_id: i64,
    pub description: String,
    pub owner: Organisation,
    pub budget_cents: i64,
    pub contributions: Vec<CompanyContribution>,
    /// Actions of the schools' plans (`actions`).
    pub linked_action_ids: Vec<i64>,
    pub position: u32,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A region's id with the ids of its schools, companies and partners.
type Members = (i64, HashSet<i64>, HashSet<i64>, HashSet<i64>);

/// The problems of the regions' sections, given the ids of the document's
/// schools, companies, plan goals and plan actions.
pub fn check(
    regions: &[RegionRecord],
    goals: &[RegionalGoalRecord],
    actions: &[RegionalActionRecord],
    schools: &HashSet<i64>,
    companies: &HashSet<i64>,
    plan_goals: &HashSet<i64>,
    plan_actions: &HashSet<i64>,
) -> Vec<String> {
    let mut p = Vec::new();
    let unique = |table: &str, i: usize, id: i64, seen: &mut HashSet<i64>, p: &mut Vec<String>| {
        if id <= 0 || !seen.insert(id) {
            p.push(format!("{table}[{i}].id: {id} is not a positive number used once"));
        }
    };
    let version = |at: String, v: i64, p: &mut Vec<String>| {
        if !(1..=super::check::MAX_ROW_VERSION).contains(&v) {
            p.push(format!("{at}: {v} is not a version between 1 and {}", super::check::MAX_ROW_VERSION));
        }
    };
    let (mut region_ids, mut partner_ids, mut region_schools, mut region_companies) = (HashSet::new(), HashSet::new(), HashSet::new(), HashSet::new());
    // Per region: its schools, companies and partners.
    let mut members: Vec<Members> = Vec::new();
    for (i, r) in regions.iter().enumerate() {
        unique("regions", i, r.id, &mut region_ids, &mut p);
        version(format!("regions[{i}].version"), r.version, &mut p);
        let mut own = (r.id, HashSet::new(), HashSet::new(), HashSet::new());
        for (j, s) in r.schools.iter().enumerate() {
            if !schools.contains(&s.school_id) {
                p.push(format!("regions[{i}].schools[{j}]: there is no school {}", s.school_id));
            } else if !region_schools.insert(s.school_id) {
                p.push(format!("regions[{i}].schools[{j}]: school {} is in a second region", s.school_id));
            }
            own.1.insert(s.school_id);
        }
        for (j, c) in r.companies.iter().enumerate() {
            if !companies.contains(c) {
                p.push(format!("regions[{i}].companies[{j}]: there is no company {c}"));
            } else if !region_companies.insert(*c) {
                p.push(format!("regions[{i}].companies[{j}]: company {c} is in a second region"));
            }
            own.2.insert(*c);
        }
        for (j, x) in r.partners.iter().enumerate() {
            unique("partners", j, x.id, &mut partner_ids, &mut p);
            own.3.insert(x.id);
        }
        for (j, x) in r.pupils.iter().enumerate() {
            if !own.1.contains(&x.school_id) {
                p.push(format!("regions[{i}].pupils[{j}]: school {} is not of this region", x.school_id));
            }
        }
        for (j, x) in r.progression.iter().enumerate() {
            if x.continued > x.leavers {
                p.push(format!("regions[{i}].progression[{j}]: more continued than left"));
            }
        }
        members.push(own);
    }
    let mut goal_region = std::collections::HashMap::new();
    let mut seen = HashSet::new();
    for (i, g) in goals.iter().enumerate() {
        unique("regional_goals", i, g.id, &mut seen, &mut p);
        version(format!("regional_goals[{i}].version"), g.version, &mut p);
        let Some(m) = members.iter().find(|m| m.0 == g.region_id) else {
            p.push(format!("regional_goals[{i}].region_id: there is no region {}", g.region_id));
            continue;
        };
        goal_region.insert(g.id, m.0);
        match (g.sending_school_id, g.receiving_school_id) {
            (None, None) => {}
            (Some(s), Some(r)) if s != r && m.1.contains(&s) && m.1.contains(&r) => {}
            _ => p.push(format!("regional_goals[{i}]: a learning route needs two different schools of its region")),
        }
        for id in g.linked_goal_ids.iter().filter(|id| !plan_goals.contains(id)) {
            p.push(format!("regional_goals[{i}].linked_goal_ids: there is no goal {id}"));
        }
    }
    let mut seen = HashSet::new();
    for (i, a) in actions.iter().enumerate() {
        unique("regional_actions", i, a.id, &mut seen, &mut p);
        version(format!("regional_actions[{i}].version"), a.version, &mut p);
        let Some(m) = goal_region.get(&a.goal_id).and_then(|r| members.iter().find(|m| m.0 == *r)) else {
            p.push(format!("regional_actions[{i}].goal_id: there is no regional goal {}", a.goal_id));
            continue;
        };
        let owner_ok = match a.owner {
            Organisation::School(id) => m.1.contains(&id),
            Organisation::Company(id) => m.2.contains(&id),
            Organisation::Partner(id) => m.3.contains(&id),
        };
        if !owner_ok {
            p.push(format!("regional_actions[{i}].owner: not an organisation of its region"));
        }
        if !(0..=crate::plan::MAX_AMOUNT_CENTS).contains(&a.budget_cents) {
            p.push(format!("regional_actions[{i}].budget_cents: {} is out of range", a.budget_cents));
        }
        let mut companies_seen = HashSet::new();
        let mut total = 0i64;
        for (j, c) in a.contributions.iter().enumerate() {
            if !m.2.contains(&c.company_id) || !companies_seen.insert(c.company_id) {
                p.push(format!("regional_actions[{i}].contributions[{j}]: company {} is not of its region or listed twice", c.company_id));
            }
            if !(0..=crate::plan::MAX_AMOUNT_CENTS).contains(&c.money_cents) || !(0..=crate::plan::MAX_AMOUNT_CENTS).contains(&c.in_kind_cents) {
                p.push(format!("regional_actions[{i}].contributions[{j}]: an amount out of range"));
            }
            total = total.saturating_add(c.total_cents());
        }
        if total > a.budget_cents {
            p.push(format!("regional_actions[{i}]: the contributions are above the budget"));
        }
        for id in a.linked_action_ids.iter().filter(|id| !plan_actions.contains(id)) {
            p.push(format!("regional_actions[{i}].linked_action_ids: there is no action {id}"));
        }
    }
    p
}

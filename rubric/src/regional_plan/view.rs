//! What travels between the server and the regional plan pages: the page
//! (the plan with the region's organisations, the schools' plan items it
//! may link to, the cofinancing and what the reader may do) and the write
//! bodies (input plus the version it was based on).

use super::{RegionDirectory, RegionalActionInput, RegionalCofinancing, RegionalGoalInput, RegionalPlan};
use serde::{Deserialize, Serialize};

/// A goal or action of a school's own plan that a regional goal or action
/// may link to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolPlanItem {
    pub id: i64,
    pub school_id: i64,
    pub school_name: String,
    /// The goal's title or the action's description.
    pub title: String,
}

/// `GET /api/regions/{id}/plan`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalPlanPage {
    pub region_id: i64,
    pub region_name: String,
    pub edition_name: String,
    /// The edition's cofinancing threshold in percent.
    pub threshold_percent: u32,
    pub plan: RegionalPlan,
    pub cofinancing: RegionalCofinancing,
    pub directory: RegionDirectory,
    pub school_goals: Vec<SchoolPlanItem>,
    pub school_actions: Vec<SchoolPlanItem>,
    /// Whether the reader may change the plan.
    pub may_edit: bool,
}

/// A goal write: the input and, for an update, the version it was based on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RegionalGoalWrite {
    #[serde(default)]
    pub version: i64,
    pub goal: RegionalGoalInput,
}

/// An action write: the input and, for an update, the version it was based on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RegionalActionWrite {
    #[serde(default)]
    pub version: i64,
    pub action: RegionalActionInput,
}

/// The answer to a write: the row and the plan's new cofinancing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalWritten<T> {
    pub row: T,
    pub cofinancing: RegionalCofinancing,
}

/// The answer to a delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalDeleted {
    pub deleted: i64,
    pub cofinancing: RegionalCofinancing,
}

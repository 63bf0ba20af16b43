//! Action plans: a school's goals (each aimed at rubric indicators it wants
//! to raise) and the actions under them, the frozen versions the jury scores,
//! and the rules on them: input validation, live checks, version diffs,
//! ordering, money formatting and the comment threads.

pub mod checks;
pub mod comments;
pub mod diff;
pub mod money;
pub mod order;
pub mod validate;
pub mod view;

#[cfg(test)]
mod fixtures;

use crate::content::Level;
use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

pub use checks::{
    check_plan, Cofinancing, CofinancingShare, LowAspect, OverdueAction, PlanChecks, PlanContext,
    StaleLevel, DEFAULT_COFINANCING_THRESHOLD_PERCENT, LOW_ASPECT_SCORE,
};
pub use comments::{
    may_reply, may_start_thread, thread_counts, validate_comment_body, Comment, CommentError,
    CommentTarget, Thread, ThreadCounts, MAX_COMMENT_CHARS,
};
pub use diff::{diff_plans, ActionField, GoalField, PlanChange};
pub use money::{format_euro, format_euro_en, format_euro_nl, parse_euro, MoneyError};
pub use order::{
    move_action, move_goal, reorder_actions, reorder_goals, Direction, Item, NewPosition,
    OrderError,
};
pub use validate::{
    validate_action_input, validate_goal_input, ActionFields, ActionInput, ContributionInput,
    Field, FieldError, GoalFields, GoalInput, IndicatorTargetInput, PlanError, MAX_AMOUNT_CENTS,
    MAX_DESCRIPTION_CHARS, MAX_EVIDENCE_URL_CHARS, MAX_OWNER_CHARS, MAX_TITLE_CHARS,
};

/// One indicator a goal aims to raise: where the school stands and where it
/// wants to be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorTarget {
    /// A rubric indicator id, e.g. `curriculum.learning-lines`.
    pub indicator_id: String,
    /// The level when the goal was written; `None` when unknown (N/A).
    pub current_level: Option<Level>,
    /// The level the school aims for.
    pub target_level: Level,
}

/// A goal of the plan. It may cover several indicators; a goal that targets
/// no gap is allowed, and flagged by [`check_plan`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub indicator_targets: Vec<IndicatorTarget>,
    /// Order among the plan's goals (lower first; ties broken by id).
    pub position: u32,
}

/// What the sponsor company contributes to an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ContributionKind {
    /// No contribution.
    #[default]
    None,
    /// Money.
    Money,
    /// Goods, time or facilities, valued in euro.
    InKind,
}

impl ContributionKind {
    /// All kinds, in the order a form lists them.
    pub const ALL: [ContributionKind; 3] =
        [ContributionKind::None, ContributionKind::Money, ContributionKind::InKind];

    /// The identifier used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            ContributionKind::None => "none",
            ContributionKind::Money => "money",
            ContributionKind::InKind => "in-kind",
        }
    }

    /// The kind with this identifier.
    pub fn from_key(key: &str) -> Option<ContributionKind> {
        ContributionKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

impl fmt::Display for ContributionKind {
    /// An English phrase that completes "a contribution …".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ContributionKind::None => "of no kind",
            ContributionKind::Money => "in money",
            ContributionKind::InKind => "in kind",
        })
    }
}

/// The company's contribution to one action, valued in euro cents.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contribution {
    pub kind: ContributionKind,
    /// Value in euro cents; 0 when the kind is `None`.
    pub value_cents: i64,
    /// What the company provides (required for contributions in kind).
    pub description: String,
}

impl Contribution {
    /// The value that counts towards cofinancing: the value of a money or
    /// in-kind contribution, never negative; 0 for kind `None`.
    pub fn counted_cents(&self) -> i64 {
        match self.kind {
            ContributionKind::None => 0,
            ContributionKind::Money | ContributionKind::InKind => self.value_cents.max(0),
        }
    }
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    /// Abandoned: ignored by the checks and the cofinancing share.
    Dropped,
}

impl ActionStatus {
    /// All statuses, in life-cycle order.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// The identifier used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// The status with this identifier.
    pub fn from_key(key: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Whether the action still has to happen (planned or in progress).
    pub fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::InProgress)
    }
}

impl fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// One action under a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: i64,
    pub goal_id: i64,
    /// What will be done.
    pub description: String,
    /// Who is responsible (a name or a function); may be empty in a draft.
    pub owner: String,
    pub start: Option<Date>,
    pub deadline: Option<Date>,
    /// The action's total cost in euro cents, company contributions included.
    pub budget_cents: i64,
    pub company_contribution: Contribution,
    /// How the school will know the action worked.
    pub success_criterion: String,
    pub status: ActionStatus,
    /// A link to evidence (http or https).
    pub evidence_url: Option<String>,
    /// Order among the actions of its goal (lower first; ties broken by id).
    pub position: u32,
}

/// A school's action plan: its goals and their actions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActionPlan {
    pub goals: Vec<Goal>,
    pub actions: Vec<Action>,
}

impl ActionPlan {
    /// The goal with this id.
    pub fn goal(&self, id: i64) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The action with this id.
    pub fn action(&self, id: i64) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The goals in display order (position, then id).
    pub fn goals_in_order(&self) -> Vec<&Goal> {
        let mut goals: Vec<&Goal> = self.goals.iter().collect();
        crate::small_sort::sort_by(&mut goals, |a, b| (a.position, a.id).cmp(&(b.position, b.id)));
        goals
    }

    /// The actions of one goal in display order (position, then id).
    pub fn actions_of(&self, goal_id: i64) -> Vec<&Action> {
        let mut actions: Vec<&Action> =
            self.actions.iter().filter(|a| a.goal_id == goal_id).collect();
        crate::small_sort::sort_by(&mut actions, |a, b| (a.position, a.id).cmp(&(b.position, b.id)));
        actions
    }

    /// The position for a goal added at the end.
    pub fn next_goal_position(&self) -> u32 {
        self.goals.iter().map(|g| g.position.saturating_add(1)).max().unwrap_or(0)
    }

    /// The position for an action added at the end of its goal.
    pub fn next_action_position(&self, goal_id: i64) -> u32 {
        self.actions
            .iter()
            .filter(|a| a.goal_id == goal_id)
            .map(|a| a.position.saturating_add(1))
            .max()
            .unwrap_or(0)
    }

    /// Store new goal positions, as returned by [`move_goal`] or
    /// [`reorder_goals`]. Ids not in the plan are ignored.
    pub fn apply_goal_positions(&mut self, positions: &[NewPosition]) {
        for p in positions {
            if let Some(g) = self.goals.iter_mut().find(|g| g.id == p.id) {
                g.position = p.position;
            }
        }
    }

    /// Store new action positions, as returned by [`move_action`] or
    /// [`reorder_actions`]. Ids not in the plan are ignored.
    pub fn apply_action_positions(&mut self, positions: &[NewPosition]) {
        for p in positions {
            if let Some(a) = self.actions.iter_mut().find(|a| a.id == p.id) {
                a.position = p.position;
            }
        }
    }
}

/// A submitted plan, frozen under a number; the jury scores a frozen version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanVersion {
    /// 1 for the first submission, then counting up.
    pub number: u32,
    /// When it was submitted, in Unix seconds.
    pub submitted_at: i64,
    pub plan: ActionPlan,
}

impl PlanVersion {
    /// The number the next submission gets, given the versions so far.
    pub fn next_number(versions: &[PlanVersion]) -> u32 {
        versions.iter().map(|v| v.number).max().unwrap_or(0).saturating_add(1)
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::*;
    use super::*;

    #[test]
    fn plan_dtos_round_trip_as_json() {
        let plan = sample_plan();
        let json = serde_json::to_string(&plan).unwrap();
        assert!(json.contains("\"kind\":\"in-kind\""), "{json}");
        assert!(json.contains("\"status\":\"in-progress\""), "{json}");
        assert!(json.contains("\"deadline\":\"2025-03-31\""), "{json}");
        assert_eq!(serde_json::from_str::<ActionPlan>(&json).unwrap(), plan);
        let version = PlanVersion { number: 1, submitted_at: 1_700_000_000, plan };
        let json = serde_json::to_string(&version).unwrap();
        assert_eq!(serde_json::from_str::<PlanVersion>(&json).unwrap(), version);
    }

    #[test]
    fn plan_helpers_order_and_number() {
        let plan = sample_plan();
        let ids: Vec<i64> = plan.goals_in_order().iter().map(|g| g.id).collect();
        assert_eq!(ids, vec![1, 2, 3]);
        let ids: Vec<i64> = plan.actions_of(1).iter().map(|a| a.id).collect();
        assert_eq!(ids, vec![10, 11, 12]);
        assert_eq!(plan.next_goal_position(), 3);
        assert_eq!(plan.next_action_position(1), 3);
        assert_eq!(plan.next_action_position(99), 0);
        assert_eq!(PlanVersion::next_number(&[]), 1);
        let v = PlanVersion { number: 4, submitted_at: 0, plan: ActionPlan::default() };
        assert_eq!(PlanVersion::next_number(&[v]), 5);
        for k in ContributionKind::ALL {
            assert_eq!(ContributionKind::from_key(k.key()), Some(k));
        }
        for s in ActionStatus::ALL {
            assert_eq!(ActionStatus::from_key(s.key()), Some(s));
        }
    }
}

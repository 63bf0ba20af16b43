//! What changed between two versions of a plan, for the version history:
//! goals and actions added, removed or changed (naming the changed fields),
//! and goals or actions put in a different order.

use super::{Action, ActionPlan, Goal};
use serde::{Deserialize, Serialize};

/// A field of a goal that can change between versions (position changes are
/// reported as [`PlanChange::GoalsReordered`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GoalField {
    Title,
    Description,
    IndicatorTargets,
}

/// A field of an action that can change between versions (position changes
/// are reported as [`PlanChange::ActionsReordered`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionField {
    /// Moved to another goal.
    Goal,
    Description,
    Owner,
    Start,
    Deadline,
    Budget,
    CompanyContribution,
    SuccessCriterion,
    Status,
    EvidenceUrl,
}

/// One difference between two plans. Titles and descriptions are those of
/// the newer plan, or of the older one for removals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum PlanChange {
    GoalAdded {
        goal_id: i64,
        title: String,
    },
    GoalRemoved {
        goal_id: i64,
        title: String,
    },
    GoalChanged {
        goal_id: i64,
        title: String,
        fields: Vec<GoalField>,
    },
    /// The goals common to both plans are in a different order.
    GoalsReordered,
    ActionAdded {
        action_id: i64,
        goal_id: i64,
        description: String,
    },
    ActionRemoved {
        action_id: i64,
        goal_id: i64,
        description: String,
    },
    ActionChanged {
        action_id: i64,
        goal_id: i64,
        description: String,
        fields: Vec<ActionField>,
    },
    /// The actions of this goal common to both plans are in a different order.
    ActionsReordered {
        goal_id: i64,
    },
}

fn goal_fields(old: &Goal, new: &Goal) -> Vec<GoalField> {
    let mut fields = Vec::new();
    if old.title != new.title {
        fields.push(GoalField::Title);
    }
    if old.description != new.description {
        fields.push(GoalField::Description);
    }
    if old.indicator_targets != new.indicator_targets {
        fields.push(GoalField::IndicatorTargets);
    }
    fields
}

fn action_fields(old: &Action, new: &Action) -> Vec<ActionField> {
    [
        (old.goal_id != new.goal_id, ActionField::Goal),
        (old.description != new.description, ActionField::Description),
        (old.owner != new.owner, ActionField::Owner),
        (old.start != new.start, ActionField::Start),
        (old.deadline != new.deadline, ActionField::Deadline),
        (old.budget_cents != new.budget_cents, ActionField::Budget),
        (old.company_contribution != new.company_contribution, ActionField::CompanyContribution),
        (old.success_criterion != new.success_criterion, ActionField::SuccessCriterion),
        (old.status != new.status, ActionField::Status),
        (old.evidence_url != new.evidence_url, ActionField::EvidenceUrl),
    ]
    .into_iter()
    .filter_map(|(changed, field)| changed.then_some(field))
    .collect()
}

/// The ids of `items` (in display order) that are also in `other`.
fn common_order(items: &[i64], other: &[i64]) -> Vec<i64> {
    items.iter().copied().filter(|id| other.contains(id)).collect()
}

/// Everything that changed from `old` to `new`, matching goals and actions
/// by id: goal changes first (in the new plan's order, then removals in the
/// old order, then a reorder), then action changes grouped the same way.
/// Moving an item only shifts the others' positions, so a reorder is
/// reported once, and only when the relative order of common items differs.
pub fn diff_plans(old: &ActionPlan, new: &ActionPlan) -> Vec<PlanChange> {
    let mut changes = Vec::new();
    let old_goals = old.goals_in_order();
    let new_goals = new.goals_in_order();

    for g in &new_goals {
        match old.goal(g.id) {
            None => changes.push(PlanChange::GoalAdded { goal_id: g.id, title: g.title.clone() }),
            Some(o) => {
                let fields = goal_fields(o, g);
                if !fields.is_empty() {
                    changes.push(PlanChange::GoalChanged {
                        goal_id: g.id,
                        title: g.title.clone(),
                        fields,
                    });
                }
            }
        }
    }
    for g in &old_goals {
        if new.goal(g.id).is_none() {
            changes.push(PlanChange::GoalRemoved { goal_id: g.id, title: g.title.clone() });
        }
    }
    let old_ids: Vec<i64> = old_goals.iter().map(|g| g.id).collect();
    let new_ids: Vec<i64> = new_goals.iter().map(|g| g.id).collect();
    if common_order(&old_ids, &new_ids) != common_order(&new_ids, &old_ids) {
        changes.push(PlanChange::GoalsReordered);
    }

    // Actions in goal order, so the history reads like the plan.
    let in_order = |plan: &ActionPlan| -> Vec<i64> {
        let mut actions: Vec<&Action> = plan.actions.iter().collect();
        let goal_rank = |goal_id: i64| plan.goal(goal_id).map(|g| (g.position, g.id));
        actions.sort_by_key(|a| (goal_rank(a.goal_id), a.goal_id, a.position, a.id));
        actions.iter().map(|a| a.id).collect()
    };
    for id in in_order(new) {
        let Some(a) = new.action(id) else { continue };
        match old.action(id) {
            None => changes.push(PlanChange::ActionAdded {
                action_id: a.id,
                goal_id: a.goal_id,
                description: a.description.clone(),
            }),
            Some(o) => {
                let fields = action_fields(o, a);
                if !fields.is_empty() {
                    changes.push(PlanChange::ActionChanged {
                        action_id: a.id,
                        goal_id: a.goal_id,
                        description: a.description.clone(),
                        fields,
                    });
                }
            }
        }
    }
    for id in in_order(old) {
        let Some(a) = old.action(id) else { continue };
        if new.action(id).is_none() {
            changes.push(PlanChange::ActionRemoved {
                action_id: a.id,
                goal_id: a.goal_id,
                description: a.description.clone(),
            });
        }
    }
    for g in &new_goals {
        let old_ids: Vec<i64> = old.actions_of(g.id).iter().map(|a| a.id).collect();
        let new_ids: Vec<i64> = new.actions_of(g.id).iter().map(|a| a.id).collect();
        if common_order(&old_ids, &new_ids) != common_order(&new_ids, &old_ids) {
            changes.push(PlanChange::ActionsReordered { goal_id: g.id });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{ActionStatus, Contribution, ContributionKind, IndicatorTarget};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn detects_added_removed_and_changed() {
        let old = sample_plan();
        let mut new = old.clone();
        new.goals.retain(|g| g.id != 3);
        new.goals.push(goal(4, 3, vec![target("leadership.i0", Some(1), 2)]));
        new.goals.iter_mut().filter(|g| g.id == 2).for_each(|g| {
            g.title = "Inquiry-based learning".into();
            g.indicator_targets[0].target_level = level(4);
        });
        new.actions.retain(|a| a.id != 12);
        new.actions.push(action(40, 4, 0));
        new.actions.iter_mut().filter(|a| a.id == 10).for_each(|a| {
            a.status = ActionStatus::Done;
            a.deadline = Some(date("2025-04-30"));
            a.evidence_url = Some("https://x.example".into());
        });
        new.actions.iter_mut().filter(|a| a.id == 20).for_each(|a| {
            a.goal_id = 4;
            a.company_contribution = Contribution {
                kind: ContributionKind::Money,
                value_cents: 1,
                description: String::new(),
            };
        });
        assert_eq!(
            diff_plans(&old, &new),
            vec![
                PlanChange::GoalChanged {
                    goal_id: 2,
                    title: "Inquiry-based learning".into(),
                    fields: vec![GoalField::Title, GoalField::IndicatorTargets],
                },
                PlanChange::GoalAdded { goal_id: 4, title: "Goal 4".into() },
                PlanChange::GoalRemoved { goal_id: 3, title: "Goal 3".into() },
                PlanChange::ActionChanged {
                    action_id: 10,
                    goal_id: 1,
                    description: "Action 10".into(),
                    fields: vec![
                        ActionField::Deadline,
                        ActionField::Status,
                        ActionField::EvidenceUrl
                    ],
                },
                PlanChange::ActionChanged {
                    action_id: 20,
                    goal_id: 4,
                    description: "Action 20".into(),
                    fields: vec![ActionField::Goal, ActionField::CompanyContribution],
                },
                PlanChange::ActionAdded {
                    action_id: 40,
                    goal_id: 4,
                    description: "Action 40".into()
                },
                PlanChange::ActionRemoved {
                    action_id: 12,
                    goal_id: 1,
                    description: "Action 12".into()
                },
            ]
        );
    }

    #[test]
    fn reorder_is_reported_once() {
        let old = sample_plan();
        let mut new = old.clone();
        // Goal 3 moves to the top: every position shifts, one change.
        for g in &mut new.goals {
            g.position = if g.id == 3 { 0 } else { g.position + 1 };
        }
        // Actions 10 and 11 swap.
        for a in &mut new.actions {
            match a.id {
                10 => a.position = 1,
                11 => a.position = 0,
                _ => {}
            }
        }
        assert_eq!(
            diff_plans(&old, &new),
            vec![PlanChange::GoalsReordered, PlanChange::ActionsReordered { goal_id: 1 }]
        );
        // Inserting a goal at the top shifts positions but is no reorder.
        let mut new = old.clone();
        new.goals.iter_mut().for_each(|g| g.position += 1);
        new.goals.push(goal(9, 0, vec![]));
        assert_eq!(
            diff_plans(&old, &new),
            vec![PlanChange::GoalAdded { goal_id: 9, title: "Goal 9".into() }]
        );
    }

    #[test]
    fn changes_serialize_with_a_tag() {
        let change = PlanChange::GoalChanged {
            goal_id: 2,
            title: "T".into(),
            fields: vec![GoalField::IndicatorTargets],
        };
        let json = serde_json::to_value(&change).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"change": "goal-changed", "goal_id": 2, "title": "T", "fields": ["indicator-targets"]})
        );
        assert_eq!(serde_json::from_value::<PlanChange>(json).unwrap(), change);
    }

    fn arb_plan() -> impl Strategy<Value = ActionPlan> {
        let goals =
            prop::collection::vec(("[a-z ]{0,8}", 0u32..5, prop::option::of(1u8..=3)), 0..5);
        let actions = prop::collection::vec((0i64..5, 0u32..5, 0i64..100_000, 0usize..4), 0..10);
        (goals, actions).prop_map(|(goals, actions)| ActionPlan {
            goals: goals
                .into_iter()
                .enumerate()
                .map(|(i, (title, position, current))| Goal {
                    id: i as i64,
                    title,
                    description: String::new(),
                    indicator_targets: current
                        .map(|c| IndicatorTarget {
                            indicator_id: "curriculum.i0".into(),
                            current_level: Some(level(c)),
                            target_level: level(c + 1),
                        })
                        .into_iter()
                        .collect(),
                    position,
                })
                .collect(),
            actions: actions
                .into_iter()
                .enumerate()
                .map(|(i, (goal_id, position, budget, status))| {
                    let mut a = action(100 + i as i64, goal_id, position);
                    a.budget_cents = budget;
                    a.status = ActionStatus::ALL[status];
                    a
                })
                .collect(),
        })
    }

    proptest! {
        #[test]
        fn diff_with_itself_is_empty(plan in arb_plan()) {
            prop_assert!(diff_plans(&plan, &plan).is_empty());
        }

        #[test]
        fn diff_from_empty_adds_everything(plan in arb_plan()) {
            let changes = diff_plans(&ActionPlan::default(), &plan);
            prop_assert_eq!(changes.len(), plan.goals.len() + plan.actions.len());
            let back = diff_plans(&plan, &ActionPlan::default());
            let removed = back.iter().filter(|c| matches!(c, PlanChange::GoalRemoved { .. } | PlanChange::ActionRemoved { .. })).count();
            prop_assert_eq!(removed, back.len());
            prop_assert_eq!(back.len(), plan.goals.len() + plan.actions.len());
        }
    }
}

//! Ordering of goals within the plan and of actions within their goal:
//! moving one item up or down and applying a whole new order (drag and
//! drop). Each returns the new positions, numbered from 0, to store.

use super::ActionPlan;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// Which way to move an item in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Towards the start of the list.
    Up,
    /// Towards the end of the list.
    Down,
}

/// The position an item gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewPosition {
    pub id: i64,
    pub position: u32,
}

/// The kind of item being ordered, to name it in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Item {
    Goal,
    Action,
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Item::Goal => "goal",
            Item::Action => "action",
        })
    }
}

/// Why an order cannot be changed as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum OrderError {
    #[error("{item} {id} is not in this plan")]
    NotInPlan { item: Item, id: i64 },
    #[error("{item} {id} is already first and cannot move up")]
    AlreadyFirst { item: Item, id: i64 },
    #[error("{item} {id} is already last and cannot move down")]
    AlreadyLast { item: Item, id: i64 },
    #[error("{item} {id} is missing from the new order; list every {item} exactly once")]
    MissingFromOrder { item: Item, id: i64 },
    #[error("{item} {id} is listed twice in the new order; list every {item} exactly once")]
    ListedTwice { item: Item, id: i64 },
}

/// Positions 0, 1, 2, … for ids in this order.
fn numbered(ids: &[i64]) -> Vec<NewPosition> {
    ids.iter()
        .enumerate()
        .map(|(i, &id)| NewPosition { id, position: u32::try_from(i).unwrap_or(u32::MAX) })
        .collect()
}

/// Swap `id` with its neighbour in `ids` and number the result.
fn moved(
    mut ids: Vec<i64>,
    item: Item,
    id: i64,
    direction: Direction,
) -> Result<Vec<NewPosition>, OrderError> {
    let index = ids.iter().position(|&x| x == id).ok_or(OrderError::NotInPlan { item, id })?;
    let other = match direction {
        Direction::Up => index.checked_sub(1).ok_or(OrderError::AlreadyFirst { item, id })?,
        Direction::Down => Some(index + 1)
            .filter(|&i| i < ids.len())
            .ok_or(OrderError::AlreadyLast { item, id })?,
    };
    ids.swap(index, other);
    Ok(numbered(&ids))
}

/// Check that `order` lists each of `current` exactly once and number it.
fn reordered(current: &[i64], order: &[i64], item: Item) -> Result<Vec<NewPosition>, OrderError> {
    let mut seen = HashSet::new();
    for &id in order {
        if !current.contains(&id) {
            return Err(OrderError::NotInPlan { item, id });
        }
        if !seen.insert(id) {
            return Err(OrderError::ListedTwice { item, id });
        }
    }
    if let Some(&id) = current.iter().find(|id| !seen.contains(id)) {
        return Err(OrderError::MissingFromOrder { item, id });
    }
    Ok(numbered(order))
}

/// Move a goal one place up or down. Returns the positions of all goals.
pub fn move_goal(
    plan: &ActionPlan,
    goal_id: i64,
    direction: Direction,
) -> Result<Vec<NewPosition>, OrderError> {
    let ids = plan.goals_in_order().iter().map(|g| g.id).collect();
    moved(ids, Item::Goal, goal_id, direction)
}

/// Move an action one place up or down within its goal. Returns the
/// positions of all actions of that goal.
pub fn move_action(
    plan: &ActionPlan,
    action_id: i64,
    direction: Direction,
) -> Result<Vec<NewPosition>, OrderError> {
    let action = plan
        .action(action_id)
        .ok_or(OrderError::NotInPlan { item: Item::Action, id: action_id })?;
    let ids = plan.actions_of(action.goal_id).iter().map(|a| a.id).collect();
    moved(ids, Item::Action, action_id, direction)
}

/// Put the goals in the order of `goal_ids`, which must list every goal of
/// the plan once. Returns the positions of all goals.
pub fn reorder_goals(plan: &ActionPlan, goal_ids: &[i64]) -> Result<Vec<NewPosition>, OrderError> {
    let current: Vec<i64> = plan.goals.iter().map(|g| g.id).collect();
    reordered(&current, goal_ids, Item::Goal)
}

/// Put the actions of one goal in the order of `action_ids`, which must list
/// every action of that goal once. Returns their positions.
pub fn reorder_actions(
    plan: &ActionPlan,
    goal_id: i64,
    action_ids: &[i64],
) -> Result<Vec<NewPosition>, OrderError> {
    if plan.goal(goal_id).is_none() {
        return Err(OrderError::NotInPlan { item: Item::Goal, id: goal_id });
    }
    let current: Vec<i64> = plan.actions_of(goal_id).iter().map(|a| a.id).collect();
    reordered(&current, action_ids, Item::Action)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use proptest::prelude::*;

    fn action_order(plan: &ActionPlan, goal_id: i64) -> Vec<i64> {
        plan.actions_of(goal_id).iter().map(|a| a.id).collect()
    }

    fn p(id: i64, position: u32) -> NewPosition {
        NewPosition { id, position }
    }

    #[test]
    fn moves_actions_within_their_goal() {
        let mut plan = sample_plan();
        let positions = move_action(&plan, 11, Direction::Up).unwrap();
        assert_eq!(positions, vec![p(11, 0), p(10, 1), p(12, 2)]);
        plan.apply_action_positions(&positions);
        assert_eq!(action_order(&plan, 1), vec![11, 10, 12]);
        assert_eq!(action_order(&plan, 2), vec![20], "other goals untouched");
        let positions = move_action(&plan, 10, Direction::Down).unwrap();
        assert_eq!(positions, vec![p(11, 0), p(12, 1), p(10, 2)]);

        assert_eq!(
            move_action(&plan, 11, Direction::Up),
            Err(OrderError::AlreadyFirst { item: Item::Action, id: 11 })
        );
        assert_eq!(
            move_action(&plan, 20, Direction::Down),
            Err(OrderError::AlreadyLast { item: Item::Action, id: 20 })
        );
        assert_eq!(
            move_action(&plan, 99, Direction::Up),
            Err(OrderError::NotInPlan { item: Item::Action, id: 99 })
        );
    }

    #[test]
    fn moves_and_reorders_goals() {
        let mut plan = sample_plan();
        let positions = move_goal(&plan, 3, Direction::Up).unwrap();
        assert_eq!(positions, vec![p(1, 0), p(3, 1), p(2, 2)]);
        plan.apply_goal_positions(&positions);
        let ids: Vec<i64> = plan.goals_in_order().iter().map(|g| g.id).collect();
        assert_eq!(ids, vec![1, 3, 2]);
        assert_eq!(
            move_goal(&plan, 1, Direction::Up),
            Err(OrderError::AlreadyFirst { item: Item::Goal, id: 1 })
        );

        assert_eq!(reorder_goals(&plan, &[2, 1, 3]), Ok(vec![p(2, 0), p(1, 1), p(3, 2)]));
        assert_eq!(
            reorder_goals(&plan, &[2, 1]),
            Err(OrderError::MissingFromOrder { item: Item::Goal, id: 3 })
        );
        assert_eq!(
            reorder_goals(&plan, &[2, 1, 3, 1]),
            Err(OrderError::ListedTwice { item: Item::Goal, id: 1 })
        );
        assert_eq!(
            reorder_goals(&plan, &[2, 1, 3, 7]),
            Err(OrderError::NotInPlan { item: Item::Goal, id: 7 })
        );
        let e = reorder_goals(&plan, &[2, 1]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "goal 3 is missing from the new order; list every goal exactly once"
        );
    }

    #[test]
    fn reorders_actions_of_one_goal() {
        let plan = sample_plan();
        assert_eq!(
            reorder_actions(&plan, 1, &[12, 10, 11]),
            Ok(vec![p(12, 0), p(10, 1), p(11, 2)])
        );
        assert_eq!(
            reorder_actions(&plan, 1, &[12, 10, 11, 20]),
            Err(OrderError::NotInPlan { item: Item::Action, id: 20 })
        );
        assert_eq!(
            reorder_actions(&plan, 9, &[]),
            Err(OrderError::NotInPlan { item: Item::Goal, id: 9 })
        );
        assert_eq!(reorder_actions(&plan, 3, &[]), Ok(vec![]));
    }

    proptest! {
        #[test]
        fn up_then_down_restores_the_order(
            positions in prop::collection::vec(0u32..6, 1..8),
            pick in 0usize..8,
        ) {
            let mut plan = ActionPlan { goals: vec![goal(1, 0, vec![])], actions: vec![] };
            for (i, &pos) in positions.iter().enumerate() {
                plan.actions.push(action(i as i64, 1, pos));
            }
            plan.actions.push(action(100, 2, 0));
            let before = action_order(&plan, 1);
            let id = before[pick % before.len()];
            match move_action(&plan, id, Direction::Up) {
                Ok(up) => {
                    plan.apply_action_positions(&up);
                    let down = move_action(&plan, id, Direction::Down).unwrap();
                    plan.apply_action_positions(&down);
                    prop_assert_eq!(action_order(&plan, 1), before);
                }
                Err(e) => prop_assert_eq!(e, OrderError::AlreadyFirst { item: Item::Action, id }),
            }
            prop_assert_eq!(plan.action(100).map(|a| a.position), Some(0));
        }

        #[test]
        fn reorder_applies_exactly(seed in prop::collection::vec(any::<u16>(), 1..8)) {
            let mut plan = sample_plan();
            let mut ids: Vec<i64> = plan.goals.iter().map(|g| g.id).collect();
            for (i, s) in seed.iter().enumerate() {
                let j = usize::from(*s) % ids.len();
                let i = i % ids.len();
                ids.swap(i, j);
            }
            let positions = reorder_goals(&plan, &ids).unwrap();
            plan.apply_goal_positions(&positions);
            let order: Vec<i64> = plan.goals_in_order().iter().map(|g| g.id).collect();
            prop_assert_eq!(order, ids);
        }
    }
}

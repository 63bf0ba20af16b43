//! Test fixtures for the plan modules: a small complete rubric and a sample
//! plan with three goals and four actions.

use super::*;
use crate::content::{Aspect, AspectId, Indicator, LevelName, LocalizedText, Rubric};

/// A complete rubric with three indicators per aspect, ids `<aspect>.i0` to `.i2`.
pub fn rubric() -> Rubric {
    let t = |s: &str| LocalizedText::new(format!("{s} nl"), format!("{s} en"));
    Rubric {
        id: "x".into(),
        version: 1,
        title: t("title"),
        introduction: t("intro"),
        level_names: Level::ALL.iter().map(|&level| LevelName { level, name: t("lvl") }).collect(),
        not_applicable: t("na"),
        not_applicable_help: None,
        dont_know: None,
        dont_know_help: None,
        partial_fit_rule: None,
        changes: Vec::new(),
        aspects: AspectId::ALL
            .iter()
            .map(|&id| Aspect {
                id,
                name: t("a"),
                description: t("d"),
                indicators: (0..3)
                    .map(|n| Indicator {
                        id: format!("{}.i{n}", id.key()),
                        title: t("i"),
                        question: t("q"),
                        levels: (1..=4).map(|l| t(&format!("l{l}"))).collect(),
                        evidence: t("e"),
                        level_evidence: Vec::new(),
                        pupil_voice: None,
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub fn level(n: u8) -> Level {
    Level::new(n).unwrap()
}

pub fn date(s: &str) -> Date {
    s.parse().unwrap()
}

pub fn target(indicator: &str, current: Option<u8>, target: u8) -> IndicatorTarget {
    IndicatorTarget {
        indicator_id: indicator.into(),
        current_level: current.map(level),
        target_level: level(target),
    }
}

pub fn goal(id: i64, position: u32, targets: Vec<IndicatorTarget>) -> Goal {
    Goal {
        id,
        title: format!("Goal {id}"),
        description: String::new(),
        indicator_targets: targets,
        position,
    }
}

pub fn action(id: i64, goal_id: i64, position: u32) -> Action {
    Action {
        id,
        goal_id,
        description: format!("Action {id}"),
        owner: "An Peeters".into(),
        start: None,
        deadline: None,
        budget_cents: 0,
        company_contribution: Contribution::default(),
        success_criterion: String::new(),
        status: ActionStatus::Planned,
        evidence_url: None,
        position,
    }
}

/// Goal 1 (three actions), goal 2 (one action), goal 3 (none).
pub fn sample_plan() -> ActionPlan {
    let mut a10 = action(10, 1, 0);
    a10.deadline = Some(date("2025-03-31"));
    a10.status = ActionStatus::InProgress;
    a10.budget_cents = 100_000;
    a10.company_contribution = Contribution {
        kind: ContributionKind::InKind,
        value_cents: 20_000,
        description: "Lab time".into(),
    };
    ActionPlan {
        goals: vec![
            goal(2, 1, vec![target("pedagogy.i0", Some(2), 3)]),
            goal(
                1,
                0,
                vec![target("curriculum.i0", Some(1), 3), target("curriculum.i1", Some(2), 3)],
            ),
            goal(3, 2, vec![]),
        ],
        actions: vec![action(12, 1, 2), a10, action(20, 2, 0), action(11, 1, 1)],
    }
}

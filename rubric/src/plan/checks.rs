//! The live checks shown beside the plan while it is written: goals without
//! actions, actions past their deadline, weak aspects no goal addresses,
//! goals that target no gap, and the company cofinancing share.

use super::{ActionPlan, ActionStatus, Goal};
use crate::content::{AspectId, Lang, Level, Rubric};
use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// An aspect scoring below this (mean of indicator levels, 1 to 4) is weak:
/// halfway between "developing" and "proficient". A weak aspect that no
/// goal addresses is flagged.
pub const LOW_ASPECT_SCORE: f64 = 2.5;

/// The cofinancing threshold an edition starts with, in percent.
pub const DEFAULT_COFINANCING_THRESHOLD_PERCENT: u32 = 10;

/// What the checks need besides the plan. The school's profile comes in as
/// plain maps so this module does not depend on the assessment module.
#[derive(Debug, Clone, Copy)]
pub struct PlanContext<'a> {
    /// The day the checks are made; deadlines before it are past.
    pub today: Date,
    /// The edition's minimum company share of the budget, in percent.
    pub cofinancing_threshold_percent: u32,
    /// The school's current level per indicator id (`None` for N/A).
    pub indicator_levels: &'a BTreeMap<String, Option<Level>>,
    /// The school's score per aspect (1.0 to 4.0).
    pub aspect_scores: &'a BTreeMap<AspectId, f64>,
    pub rubric: &'a Rubric,
}

impl<'a> PlanContext<'a> {
    /// A context with the default cofinancing threshold.
    pub fn new(
        today: Date,
        rubric: &'a Rubric,
        indicator_levels: &'a BTreeMap<String, Option<Level>>,
        aspect_scores: &'a BTreeMap<AspectId, f64>,
    ) -> PlanContext<'a> {
        PlanContext {
            today,
            cofinancing_threshold_percent: DEFAULT_COFINANCING_THRESHOLD_PERCENT,
            indicator_levels,
            aspect_scores,
            rubric,
        }
    }
}

/// An open action whose deadline has passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueAction {
    pub action_id: i64,
    pub goal_id: i64,
    pub deadline: Date,
    /// Days between the deadline and today (at least 1).
    pub days_overdue: i64,
}

/// A weak aspect that no goal targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LowAspect {
    pub aspect: AspectId,
    pub score: f64,
}

/// A goal target whose recorded current level differs from the level in the
/// school's profile (the measurement changed after the goal was written).
/// An N/A in the profile flags nothing: the recorded level then stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaleLevel {
    pub goal_id: i64,
    pub indicator_id: String,
    pub recorded: Option<Level>,
    pub profile: Level,
}

/// The company share of the plan's budget, if it can be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum CofinancingShare {
    /// No action (that is not dropped) has a budget.
    NotComputable,
    Computed {
        /// The share in tenths of a percent, rounded down, so the shown
        /// share reaches the threshold exactly when `met` is true.
        share_tenths_percent: i64,
        /// Whether the share is at least the threshold.
        met: bool,
    },
}

/// Company contributions (money and in kind) against the total budget of the
/// actions that are not dropped. Read back from its totals (the share in the
/// JSON is computed again, so it always agrees with them): the apps carry no
/// decoder for the tagged share (issue 13: 5.6 kB of wasm).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "CofinancingTotals")]
pub struct Cofinancing {
    pub contribution_cents: i64,
    pub budget_cents: i64,
    pub threshold_percent: u32,
    pub share: CofinancingShare,
}

/// The totals a [`Cofinancing`] is read from.
#[derive(Deserialize)]
struct CofinancingTotals {
    contribution_cents: i64,
    budget_cents: i64,
    threshold_percent: u32,
}

impl From<CofinancingTotals> for Cofinancing {
    fn from(t: CofinancingTotals) -> Cofinancing {
        Cofinancing::compute(t.contribution_cents, t.budget_cents, t.threshold_percent)
    }
}

impl Cofinancing {
    /// Compute the share from totals in cents.
    pub fn compute(
        contribution_cents: i64,
        budget_cents: i64,
        threshold_percent: u32,
    ) -> Cofinancing {
        let share = if budget_cents <= 0 {
            CofinancingShare::NotComputable
        } else {
            let contribution = i128::from(contribution_cents.max(0));
            let budget = i128::from(budget_cents);
            let tenths = contribution * 1000 / budget;
            CofinancingShare::Computed {
                share_tenths_percent: i64::try_from(tenths).unwrap_or(i64::MAX),
                met: contribution * 100 >= i128::from(threshold_percent) * budget,
            }
        };
        Cofinancing { contribution_cents, budget_cents, threshold_percent, share }
    }

    /// Whether the threshold is met; `None` when not computable.
    pub fn met(&self) -> Option<bool> {
        match self.share {
            CofinancingShare::NotComputable => None,
            CofinancingShare::Computed { met, .. } => Some(met),
        }
    }

    /// The share in percent with one decimal (rounded down); `None` when
    /// not computable.
    pub fn share_percent(&self) -> Option<f64> {
        match self.share {
            CofinancingShare::NotComputable => None,
            CofinancingShare::Computed { share_tenths_percent, .. } => {
                Some(share_tenths_percent as f64 / 10.0)
            }
        }
    }

    /// The share as text: `9,9 %` in Dutch, `9.9%` in English.
    pub fn format_share(&self, lang: Lang) -> Option<String> {
        match self.share {
            CofinancingShare::NotComputable => None,
            CofinancingShare::Computed { share_tenths_percent: t, .. } => Some(match lang {
                Lang::Nl => format!("{},{} %", t / 10, t % 10),
                Lang::En => format!("{}.{}%", t / 10, t % 10),
            }),
        }
    }
}

/// Everything the live checks found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanChecks {
    /// Goals with no action other than dropped ones, in plan order.
    pub goals_without_actions: Vec<i64>,
    /// Planned or in-progress actions whose deadline is before today, in
    /// plan order.
    pub overdue_actions: Vec<OverdueAction>,
    /// Aspects scoring below [`LOW_ASPECT_SCORE`] that no goal targets, in
    /// rubric order.
    pub uncovered_low_aspects: Vec<LowAspect>,
    /// Goals with no targets, or whose every target is already at the top
    /// level, at or above its target, unknown or not in the rubric.
    pub goals_without_gap: Vec<i64>,
    /// Recorded current levels that differ from the school's profile.
    pub stale_levels: Vec<StaleLevel>,
    pub cofinancing: Cofinancing,
}

impl PlanChecks {
    /// The number of warnings to show: every flagged goal, action, aspect
    /// and level, plus one when the cofinancing share is below threshold.
    pub fn warning_count(&self) -> usize {
        self.goals_without_actions.len()
            + self.overdue_actions.len()
            + self.uncovered_low_aspects.len()
            + self.goals_without_gap.len()
            + self.stale_levels.len()
            + usize::from(self.cofinancing.met() == Some(false))
    }
}

/// The level the checks take as current for a target: the school's profile
/// when it has a level, else the level recorded in the goal.
fn current_level(
    context: &PlanContext<'_>,
    indicator_id: &str,
    recorded: Option<Level>,
) -> Option<Level> {
    context.indicator_levels.get(indicator_id).copied().flatten().or(recorded)
}

fn targets_a_gap(goal: &Goal, context: &PlanContext<'_>) -> bool {
    goal.indicator_targets.iter().any(|t| {
        context.rubric.indicator(&t.indicator_id).is_some()
            && current_level(context, &t.indicator_id, t.current_level)
                .is_some_and(|c| c < Level::MAX && c < t.target_level)
    })
}

/// Run every live check on `plan`.
pub fn check_plan(plan: &ActionPlan, context: &PlanContext<'_>) -> PlanChecks {
    let goals = plan.goals_in_order();
    let live = |status: ActionStatus| status != ActionStatus::Dropped;

    let goals_without_actions = goals
        .iter()
        .filter(|g| !plan.actions.iter().any(|a| a.goal_id == g.id && live(a.status)))
        .map(|g| g.id)
        .collect();

    let overdue_actions = goals
        .iter()
        .flat_map(|g| plan.actions_of(g.id))
        .filter(|a| a.status.is_open())
        .filter_map(|a| {
            let deadline = a.deadline.filter(|&d| d < context.today)?;
            Some(OverdueAction {
                action_id: a.id,
                goal_id: a.goal_id,
                deadline,
                days_overdue: deadline.days_until(context.today),
            })
        })
        .collect();

    // Inserted one by one: collecting a set sorts first (a copy of the
    // standard sort in the web apps, issue 13).
    let mut targeted: BTreeSet<AspectId> = BTreeSet::new();
    for t in plan.goals.iter().flat_map(|g| &g.indicator_targets) {
        if let Some((aspect, _)) = context.rubric.indicator(&t.indicator_id) {
            targeted.insert(aspect);
        }
    }
    let uncovered_low_aspects = context
        .aspect_scores
        .iter()
        .filter(|(aspect, &score)| {
            score.is_finite() && score < LOW_ASPECT_SCORE && !targeted.contains(aspect)
        })
        .map(|(&aspect, &score)| LowAspect { aspect, score })
        .collect();

    let goals_without_gap =
        goals.iter().filter(|g| !targets_a_gap(g, context)).map(|g| g.id).collect();

    let stale_levels = goals
        .iter()
        .flat_map(|g| g.indicator_targets.iter().map(move |t| (g.id, t)))
        .filter_map(|(goal_id, t)| {
            let profile = (*context.indicator_levels.get(&t.indicator_id)?)?;
            (Some(profile) != t.current_level).then(|| StaleLevel {
                goal_id,
                indicator_id: t.indicator_id.clone(),
                recorded: t.current_level,
                profile,
            })
        })
        .collect();

    let (contribution, budget) =
        plan.actions.iter().filter(|a| live(a.status)).fold((0i64, 0i64), |(c, b), a| {
            (
                c.saturating_add(a.company_contribution.counted_cents()),
                b.saturating_add(a.budget_cents.max(0)),
            )
        });

    PlanChecks {
        goals_without_actions,
        overdue_actions,
        uncovered_low_aspects,
        goals_without_gap,
        stale_levels,
        cofinancing: Cofinancing::compute(
            contribution,
            budget,
            context.cofinancing_threshold_percent,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{Action, ActionPlan, Contribution, ContributionKind};
    use super::*;
    use proptest::prelude::*;

    struct Profile {
        levels: BTreeMap<String, Option<Level>>,
        scores: BTreeMap<AspectId, f64>,
        rubric: Rubric,
    }

    impl Profile {
        fn new() -> Profile {
            let rubric = rubric();
            let levels = rubric.indicators().map(|(_, i)| (i.id.clone(), None)).collect();
            let scores = AspectId::ALL.iter().map(|&a| (a, 3.0)).collect();
            Profile { levels, scores, rubric }
        }

        fn context(&self, today: &str) -> PlanContext<'_> {
            PlanContext::new(date(today), &self.rubric, &self.levels, &self.scores)
        }
    }

    fn money(cents: i64) -> Contribution {
        Contribution {
            kind: ContributionKind::Money,
            value_cents: cents,
            description: String::new(),
        }
    }

    fn budgeted(id: i64, budget: i64, contribution: Contribution) -> Action {
        let mut a = action(id, 1, id as u32);
        a.budget_cents = budget;
        a.company_contribution = contribution;
        a
    }

    #[test]
    fn goal_without_actions_ignores_dropped() {
        let p = Profile::new();
        let mut plan = sample_plan();
        assert_eq!(check_plan(&plan, &p.context("2025-01-01")).goals_without_actions, vec![3]);
        plan.actions
            .iter_mut()
            .filter(|a| a.goal_id == 2)
            .for_each(|a| a.status = ActionStatus::Dropped);
        assert_eq!(check_plan(&plan, &p.context("2025-01-01")).goals_without_actions, vec![2, 3]);
    }

    #[test]
    fn past_deadline_only_when_open() {
        let p = Profile::new();
        let mut plan = sample_plan();
        // Action 10 is in progress with deadline 2025-03-31.
        assert!(
            check_plan(&plan, &p.context("2025-03-31")).overdue_actions.is_empty(),
            "due today is not late"
        );
        let checks = check_plan(&plan, &p.context("2025-04-02"));
        assert_eq!(
            checks.overdue_actions,
            vec![OverdueAction {
                action_id: 10,
                goal_id: 1,
                deadline: date("2025-03-31"),
                days_overdue: 2
            }]
        );
        for status in [ActionStatus::Done, ActionStatus::Dropped] {
            plan.actions.iter_mut().filter(|a| a.id == 10).for_each(|a| a.status = status);
            assert!(
                check_plan(&plan, &p.context("2025-04-02")).overdue_actions.is_empty(),
                "{status}"
            );
        }
        plan.actions
            .iter_mut()
            .filter(|a| a.id == 10)
            .for_each(|a| a.status = ActionStatus::Planned);
        assert_eq!(check_plan(&plan, &p.context("2025-04-02")).overdue_actions.len(), 1);
    }

    #[test]
    fn low_aspect_without_goal() {
        let mut p = Profile::new();
        p.scores.insert(AspectId::Curriculum, 1.5); // targeted by goal 1
        p.scores.insert(AspectId::Leadership, 2.49);
        p.scores.insert(AspectId::Infrastructure, LOW_ASPECT_SCORE); // not below
        p.scores.insert(AspectId::Evaluation, f64::NAN);
        let checks = check_plan(&sample_plan(), &p.context("2025-01-01"));
        assert_eq!(
            checks.uncovered_low_aspects,
            vec![LowAspect { aspect: AspectId::Leadership, score: 2.49 }]
        );
    }

    #[test]
    fn goals_without_gap() {
        let mut p = Profile::new();
        let mut plan = sample_plan();
        // Goal 3 has no targets.
        assert_eq!(check_plan(&plan, &p.context("2025-01-01")).goals_without_gap, vec![3]);
        // The profile now puts pedagogy.i0 at 3, goal 2's target: no gap left.
        p.levels.insert("pedagogy.i0".into(), Some(level(3)));
        let checks = check_plan(&plan, &p.context("2025-01-01"));
        assert_eq!(checks.goals_without_gap, vec![2, 3]);
        assert_eq!(
            checks.stale_levels,
            vec![StaleLevel {
                goal_id: 2,
                indicator_id: "pedagogy.i0".into(),
                recorded: Some(level(2)),
                profile: level(3),
            }]
        );
        // Unknown current level, or an indicator not in the rubric: no gap.
        plan.goals.push(goal(
            4,
            3,
            vec![target("pedagogy.i1", None, 2), target("gone.x", Some(1), 2)],
        ));
        assert_eq!(check_plan(&plan, &p.context("2025-01-01")).goals_without_gap, vec![2, 3, 4]);
    }

    #[test]
    fn cofinancing_at_threshold_is_met() {
        let p = Profile::new();
        let plan = ActionPlan {
            goals: vec![goal(1, 0, vec![])],
            actions: vec![
                budgeted(1, 60_000, money(10_000)),
                budgeted(2, 40_000, Contribution::default()),
            ],
        };
        let c = check_plan(&plan, &p.context("2025-01-01")).cofinancing;
        assert_eq!(
            (c.contribution_cents, c.budget_cents, c.threshold_percent),
            (10_000, 100_000, 10)
        );
        assert_eq!(c.share, CofinancingShare::Computed { share_tenths_percent: 100, met: true });
        assert_eq!(c.format_share(Lang::Nl).as_deref(), Some("10,0 %"));
        assert_eq!(c.format_share(Lang::En).as_deref(), Some("10.0%"));
        assert_eq!(c.share_percent(), Some(10.0));
    }

    #[test]
    fn cofinancing_below_threshold_is_not_met() {
        let c = Cofinancing::compute(9_900, 100_000, 10);
        assert_eq!(c.share, CofinancingShare::Computed { share_tenths_percent: 99, met: false });
        assert_eq!(c.format_share(Lang::Nl).as_deref(), Some("9,9 %"));
        // 9.99 % shows as 9.9 %, never as a misleading 10.0 %.
        let c = Cofinancing::compute(9_999, 100_000, 10);
        assert_eq!(c.share, CofinancingShare::Computed { share_tenths_percent: 99, met: false });
    }

    #[test]
    fn cofinancing_counts_in_kind_and_skips_dropped() {
        let p = Profile::new();
        let mut dropped = budgeted(3, 500_000, money(0));
        dropped.status = ActionStatus::Dropped;
        let in_kind = Contribution {
            kind: ContributionKind::InKind,
            value_cents: 5_000,
            description: "x".into(),
        };
        let plan = ActionPlan {
            goals: vec![goal(1, 0, vec![])],
            actions: vec![budgeted(1, 50_000, money(5_000)), budgeted(2, 50_000, in_kind), dropped],
        };
        let mut context = p.context("2025-01-01");
        context.cofinancing_threshold_percent = 15;
        let c = check_plan(&plan, &context).cofinancing;
        assert_eq!((c.contribution_cents, c.budget_cents), (10_000, 100_000));
        assert_eq!(c.met(), Some(false));
    }

    #[test]
    fn no_budget_is_not_computable() {
        let p = Profile::new();
        let checks = check_plan(&ActionPlan::default(), &p.context("2025-01-01"));
        assert_eq!(checks.cofinancing.share, CofinancingShare::NotComputable);
        assert_eq!(checks.cofinancing.met(), None);
        assert_eq!(checks.cofinancing.format_share(Lang::En), None);
        assert_eq!(checks.warning_count(), 0);
        let json = serde_json::to_value(checks.cofinancing).unwrap();
        assert_eq!(json["share"]["status"], "not-computable");
    }

    #[test]
    fn cofinancing_reads_back_from_its_totals() {
        for c in [Cofinancing::compute(20_000, 100_000, 10), Cofinancing::compute(0, 0, 10), Cofinancing::compute(999, 10_000, 10)] {
            let json = serde_json::to_string(&c).unwrap();
            assert!(json.contains("\"share\":{\"status\""), "{json}");
            assert_eq!(serde_json::from_str::<Cofinancing>(&json).unwrap(), c);
        }
        let stale: Cofinancing = serde_json::from_str(
            r#"{"contribution_cents":20000,"budget_cents":100000,"threshold_percent":10,"share":{"status":"not-computable"}}"#,
        )
        .unwrap();
        assert_eq!(stale, Cofinancing::compute(20_000, 100_000, 10), "the share follows the totals");
    }

    #[test]
    fn warning_count_adds_up() {
        let p = Profile::new();
        let checks = check_plan(&sample_plan(), &p.context("2025-04-02"));
        // Goal 3 without actions and without gap, action 10 overdue,
        // cofinancing 20 % met.
        assert_eq!(checks.warning_count(), 3);
    }

    proptest! {
        #[test]
        fn cofinancing_share_is_a_percentage(
            items in prop::collection::vec((0i64..1_000_000_000, 0u32..=100), 0..20),
            threshold in 0u32..=100,
        ) {
            let p = Profile::new();
            let actions: Vec<Action> = items
                .iter()
                .enumerate()
                .map(|(i, &(budget, pct))| budgeted(i as i64, budget, money(budget * i64::from(pct) / 100)))
                .collect();
            let plan = ActionPlan { goals: vec![goal(1, 0, vec![])], actions };
            let mut context = p.context("2025-01-01");
            context.cofinancing_threshold_percent = threshold;
            let c = check_plan(&plan, &context).cofinancing;
            prop_assert!(c.contribution_cents <= c.budget_cents);
            match c.share_percent() {
                None => prop_assert_eq!(c.budget_cents, 0),
                Some(share) => {
                    prop_assert!((0.0..=100.0).contains(&share), "{}", share);
                    prop_assert_eq!(c.met(), Some(share >= f64::from(threshold)));
                }
            }
        }
    }
}

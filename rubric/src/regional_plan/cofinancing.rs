//! The cofinancing check of a regional plan: the share of the plan's total
//! budget that the region's companies contribute (money and in kind), per
//! company and in total, against the threshold (10 % in Sterk
//! Techniekonderwijs; an edition setting). Exact integer arithmetic: the
//! threshold check compares `contribution * 100 >= threshold * budget`,
//! and the shown share is rounded down to a tenth of a percent, so it
//! reads as the threshold or more exactly when the check is met.

use super::RegionalPlan;
use crate::plan::{Cofinancing, CofinancingShare};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One company's contributions over the whole plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyShare {
    pub company_id: i64,
    pub money_cents: i64,
    pub in_kind_cents: i64,
    /// Money and in kind.
    pub total_cents: i64,
    /// The company's share of the plan's budget in tenths of a percent,
    /// rounded down; `None` when the plan has no budget.
    pub share_tenths_percent: Option<i64>,
}

/// The region's cofinancing: per company (in company id order) and in total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionalCofinancing {
    /// All companies together against the plan's total budget.
    pub total: Cofinancing,
    pub per_company: Vec<CompanyShare>,
    /// How much more the companies must contribute (keeping the budget) to
    /// reach the threshold; 0 when it is met or the plan has no budget.
    pub missing_cents: i64,
}

impl RegionalCofinancing {
    /// Whether the threshold is met; `None` when the plan has no budget.
    pub fn met(&self) -> Option<bool> {
        self.total.met()
    }
}

/// The share `part / whole` in tenths of a percent, rounded down.
fn tenths(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| {
        let t = i128::from(part.max(0)) * 1000 / i128::from(whole);
        i64::try_from(t).unwrap_or(i64::MAX)
    })
}

/// The cofinancing of `plan` against `threshold_percent`.
pub fn regional_cofinancing(plan: &RegionalPlan, threshold_percent: u32) -> RegionalCofinancing {
    let budget = plan.budget_cents();
    let mut by_company: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
    for c in plan.actions.iter().flat_map(|a| a.contributions.iter()) {
        let entry = by_company.entry(c.company_id).or_default();
        entry.0 = entry.0.saturating_add(c.money_cents.max(0));
        entry.1 = entry.1.saturating_add(c.in_kind_cents.max(0));
    }
    let per_company: Vec<CompanyShare> = by_company
        .into_iter()
        .map(|(company_id, (money_cents, in_kind_cents))| {
            let total_cents = money_cents.saturating_add(in_kind_cents);
            CompanyShare { company_id, money_cents, in_kind_cents, total_cents, share_tenths_percent: tenths(total_cents, budget) }
        })
        .collect();
    let contribution = per_company.iter().map(|c| c.total_cents).fold(0i64, i64::saturating_add);
    let total = Cofinancing::compute(contribution, budget, threshold_percent);
    let missing_cents = match total.share {
        CofinancingShare::Computed { met: false, .. } => {
            // The smallest whole number of cents c with c * 100 >= t * budget.
            let needed = (i128::from(threshold_percent) * i128::from(budget) + 99) / 100;
            i64::try_from(needed - i128::from(contribution)).unwrap_or(i64::MAX)
        }
        _ => 0,
    };
    RegionalCofinancing { total, per_company, missing_cents }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::content::Lang;
    use proptest::prelude::*;

    fn plan(actions: Vec<crate::regional_plan::RegionalAction>) -> RegionalPlan {
        RegionalPlan { region_id: 1, goals: vec![goal(1, "G")], actions }
    }

    #[test]
    fn two_companies_cross_the_threshold() {
        // € 10.000 budget; Metaal BV € 600 money, Installatie € 300 in kind: 9 %.
        let mut p = plan(vec![action(1, 1, 600_000, &[(10, 60_000, 0)]), action(2, 1, 400_000, &[(11, 0, 30_000)])]);
        let c = regional_cofinancing(&p, 10);
        assert_eq!(c.met(), Some(false));
        assert_eq!(c.total.format_share(Lang::Nl).as_deref(), Some("9,0 %"));
        assert_eq!(c.missing_cents, 10_000);
        assert_eq!(c.per_company.len(), 2);
        assert_eq!(c.per_company[0], CompanyShare { company_id: 10, money_cents: 60_000, in_kind_cents: 0, total_cents: 60_000, share_tenths_percent: Some(60) });
        assert_eq!(c.per_company[1].share_tenths_percent, Some(30));
        // One cent short of 10 % is not met and shows 9,9 %.
        p.actions[1].contributions[0].in_kind_cents = 39_999;
        let c = regional_cofinancing(&p, 10);
        assert_eq!((c.met(), c.missing_cents), (Some(false), 1));
        assert_eq!(c.total.format_share(Lang::Nl).as_deref(), Some("9,9 %"));
        // Exactly 10 % is met.
        p.actions[1].contributions[0].in_kind_cents = 40_000;
        let c = regional_cofinancing(&p, 10);
        assert_eq!((c.met(), c.missing_cents), (Some(true), 0));
        assert_eq!(c.total.format_share(Lang::En).as_deref(), Some("10.0%"));
    }

    #[test]
    fn a_plan_without_budget_is_not_computable() {
        let c = regional_cofinancing(&plan(vec![action(1, 1, 0, &[])]), 10);
        assert_eq!(c.met(), None);
        assert_eq!(c.missing_cents, 0);
        assert!(c.per_company.is_empty());
        let c = regional_cofinancing(&plan(vec![]), 10);
        assert_eq!(c.total.share, CofinancingShare::NotComputable);
    }

    #[test]
    fn a_company_on_several_actions_is_summed() {
        let p = plan(vec![action(1, 1, 100_000, &[(10, 5_000, 1_000)]), action(2, 1, 100_000, &[(10, 0, 4_000)])]);
        let c = regional_cofinancing(&p, 5);
        assert_eq!(c.per_company.len(), 1);
        assert_eq!((c.per_company[0].money_cents, c.per_company[0].in_kind_cents, c.per_company[0].total_cents), (5_000, 5_000, 10_000));
        assert_eq!(c.per_company[0].share_tenths_percent, Some(50));
        assert_eq!(c.met(), Some(true));
    }

    /// Per action: its budget and (company, money, in kind) contributions.
    type Spec = Vec<(i64, Vec<(i64, i64, i64)>)>;

    /// Actions whose contributions never exceed their budget (what
    /// validation guarantees).
    fn actions() -> impl Strategy<Value = Spec> {
        prop::collection::vec(
            (0i64..10_000_000).prop_flat_map(|budget| {
                (Just(budget), prop::collection::vec((10i64..14, 0..=budget / 4, 0..=budget / 4), 0..3))
            }),
            0..6,
        )
    }

    fn build(spec: &Spec) -> RegionalPlan {
        plan(spec.iter().enumerate().map(|(i, (budget, cs))| {
            let mut a = action(i as i64 + 1, 1, *budget, &[]);
            // At most one entry per company, and within the budget.
            let mut left = *budget;
            for &(company, money, in_kind) in cs {
                if a.contributions.iter().any(|c| c.company_id == company) { continue; }
                let money = money.min(left);
                left -= money;
                let in_kind = in_kind.min(left);
                left -= in_kind;
                a.contributions.push(crate::regional_plan::CompanyContribution { company_id: company, money_cents: money, in_kind_cents: in_kind, in_kind_description: "x".into() });
            }
            a
        }).collect())
    }

    proptest! {
        #[test]
        fn share_is_between_zero_and_one(spec in actions(), threshold in 0u32..=100) {
            let c = regional_cofinancing(&build(&spec), threshold);
            if let CofinancingShare::Computed { share_tenths_percent, .. } = c.total.share {
                prop_assert!((0..=1000).contains(&share_tenths_percent));
            }
            for s in &c.per_company {
                prop_assert!(s.share_tenths_percent.is_none_or(|t| (0..=1000).contains(&t)));
            }
        }

        #[test]
        fn adding_a_contribution_never_lowers_the_share(spec in actions(), extra in 0i64..1_000_000, threshold in 0u32..=100) {
            let mut p = build(&spec);
            prop_assume!(!p.actions.is_empty());
            let before = regional_cofinancing(&p, threshold);
            let a = &mut p.actions[0];
            let room = a.budget_cents - a.contribution_cents();
            a.contributions.push(crate::regional_plan::CompanyContribution { company_id: 99, money_cents: extra.min(room), in_kind_cents: 0, in_kind_description: String::new() });
            let after = regional_cofinancing(&p, threshold);
            match (before.total.share, after.total.share) {
                (CofinancingShare::Computed { share_tenths_percent: b, met: mb }, CofinancingShare::Computed { share_tenths_percent: a, met: ma }) => {
                    prop_assert!(a >= b);
                    prop_assert!(ma || !mb);
                }
                (b, a) => prop_assert_eq!(b, a),
            }
            prop_assert!(after.missing_cents <= before.missing_cents);
        }

        #[test]
        fn threshold_check_agrees_with_exact_comparison(spec in actions(), threshold in 0u32..=100) {
            let p = build(&spec);
            let c = regional_cofinancing(&p, threshold);
            let budget = p.budget_cents();
            let contribution: i64 = p.actions.iter().map(|a| a.contribution_cents()).sum();
            prop_assert_eq!(c.total.contribution_cents, contribution);
            if budget > 0 {
                // contribution / budget >= threshold / 100, as exact fractions.
                let exact = i128::from(contribution) * 100 >= i128::from(threshold) * i128::from(budget);
                prop_assert_eq!(c.met(), Some(exact));
                // The shown share reaches the threshold exactly when it is met.
                if let CofinancingShare::Computed { share_tenths_percent, .. } = c.total.share {
                    prop_assert_eq!(share_tenths_percent >= i64::from(threshold) * 10, exact);
                }
                // Contributing the missing amount meets it; one cent less does not.
                if !exact {
                    let needed = contribution + c.missing_cents;
                    prop_assert!(i128::from(needed) * 100 >= i128::from(threshold) * i128::from(budget));
                    prop_assert!(i128::from(needed - 1) * 100 < i128::from(threshold) * i128::from(budget));
                }
            } else {
                prop_assert_eq!(c.met(), None);
            }
        }
    }
}

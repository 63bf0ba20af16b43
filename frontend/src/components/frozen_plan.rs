//! A submitted, frozen action plan, read-only, as the jury scores it: the
//! goals with the indicators they aim to raise, the actions under each with
//! owner, dates, budget and company contribution, and the company's share
//! of the budget against the edition's threshold. The server sends goals
//! and actions in plan order.

use crate::hooks::use_lang;
use crate::i18n::format::date;
use crate::i18n::jury::{action_status, J};
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::jury::views::ScoreFinalist;
use rubric::plan::{format_euro, ContributionKind};
use rubric::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// The finalist whose plan it shows (`plan` is `Some`).
#[derive(Properties)]
pub struct FrozenPlanProps {
    pub finalist: Rc<ScoreFinalist>,
}

impl PartialEq for FrozenPlanProps {
    /// The same answer from the server (a reload brings a new one): no
    /// field-by-field comparison of the whole plan in the bundle.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.finalist, &other.finalist)
    }
}

fn day(lang: Lang, d: Option<rubric::Date>) -> String {
    d.map(|d| date(lang, d)).unwrap_or_else(|| "–".into())
}

fn fact(m: &mut Tree, label: &str, value: &str) {
    m.el("dt", "", label).el("dd", "", value);
}

#[component]
pub fn FrozenPlan(props: &FrozenPlanProps) -> Html {
    let lang = use_lang();
    let Some(v) = &props.finalist.plan else { return Html::default() };
    let mut m = Tree::new();
    m.open("section", "frozen-plan").attr("data-testid", "frozen-plan").el("h2", "", J::ActionPlan.t(lang));
    let submitted = rubric::Date::from_unix_seconds(v.submitted_at).map(|d| date(lang, d)).unwrap_or_default();
    m.el("p", "muted small", &format!("{} {} · {} {}", J::Version.t(lang), v.number, J::SubmittedOn.t(lang), submitted));
    if let Some(c) = &props.finalist.cofinancing {
        m.el(
            "p",
            if c.met().unwrap_or(false) { "fp-share ok" } else { "fp-share warn" },
            &format!(
                "{}: {} ({} {} {}; {} {} %)",
                J::CompanyShare.t(lang),
                c.format_share(lang).unwrap_or_else(|| "–".into()),
                format_euro(c.contribution_cents, lang),
                J::Of.t(lang),
                format_euro(c.budget_cents, lang),
                J::Threshold.t(lang),
                c.threshold_percent
            ),
        );
    }
    if v.plan.goals.is_empty() {
        m.el("p", "muted", J::PlanHasNoGoals.t(lang));
    }
    m.open("ol", "fp-goals");
    for g in &v.plan.goals {
        m.open("li", "fp-goal").el("h3", "", &g.title);
        if !g.description.is_empty() {
            m.el("p", "", &g.description);
        }
        if !g.indicator_targets.is_empty() {
            m.open("ul", "fp-targets");
            for t in &g.indicator_targets {
                let title = rubric::names::indicator(&t.indicator_id, lang).map_or(t.indicator_id.as_str(), |(_, title)| title);
                let current = t.current_level.map_or_else(|| "?".to_string(), |l| l.to_string());
                m.el("li", "", &format!("{title}: {} {current} → {}", J::Level.t(lang), t.target_level));
            }
            m.close();
        }
        let mut any = false;
        for a in v.plan.actions.iter().filter(|a| a.goal_id == g.id) {
            if !any {
                m.open("ul", "fp-actions");
                any = true;
            }
            m.open("li", "fp-action").el("p", "fp-action-what", &a.description).open("dl", "fp-facts");
            fact(&mut m, J::Owner.t(lang), if a.owner.is_empty() { "–" } else { &a.owner });
            fact(&mut m, J::When.t(lang), &format!("{} → {}", day(lang, a.start), day(lang, a.deadline)));
            fact(&mut m, J::Budget.t(lang), &format_euro(a.budget_cents, lang));
            let c = &a.company_contribution;
            let contribution = match c.kind {
                ContributionKind::None => J::NoContribution.t(lang).to_string(),
                kind => format!(
                    "{} {}{}{}",
                    format_euro(c.value_cents, lang),
                    if kind == ContributionKind::Money { J::InMoney.t(lang) } else { J::InKind.t(lang) },
                    if c.description.is_empty() { "" } else { ": " },
                    c.description
                ),
            };
            fact(&mut m, J::Company.t(lang), &contribution);
            if !a.success_criterion.is_empty() {
                fact(&mut m, J::SuccessCriterion.t(lang), &a.success_criterion);
            }
            fact(&mut m, J::ActionStatus.t(lang), action_status(lang, a.status));
            // the facts, the action
            m.close().close();
        }
        if any {
            m.close();
        } else {
            m.el("p", "muted small", J::GoalWithoutActions.t(lang));
        }
        m.close();
    }
    m.close().close();
    m.html()
}

//! The read-only action plan: goals in order with the indicators they aim
//! at (current level to target level) and their actions with every field.
//! The printable plan renders it (the jury view may too); the markup
//! helpers below are shared with the editing page. Read-only parts are
//! built with [`Tree`] (Yew's virtual DOM by plain calls), which costs far
//! less bundle than `html!` trees.

use crate::hooks::use_lang;
use crate::i18n::plans::{kind_text, status_text, P};
use crate::i18n::{format, Lang, Text};
use crate::tree::Tree;
use rubric::plan::{Action, ActionPlan, ActionStatus, ContributionKind, Goal};
use rubric::{Date, Level};
use std::rc::Rc;
use yew::prelude::*;

/// A whole percentage: "10 %" in Dutch, "10%" in English.
pub fn percent(n: u32, lang: Lang) -> String {
    if lang == Lang::Nl { format!("{n} %") } else { format!("{n}%") }
}

/// "niveau 2 · In ontwikkeling".
pub fn level_label(level: Level, lang: Lang) -> String {
    format!("{} {} · {}", P::Level.t(lang), level, rubric::names::level_name(level, lang))
}

/// "Leerplan · Leerlijnen" for an indicator id (the id itself if unknown).
pub use rubric::names::indicator_label;

fn day(d: Option<Date>, lang: Lang) -> String {
    d.map(|d| format::date(lang, d)).unwrap_or_else(|| "…".into())
}

const LEVEL_CLASS: [&str; 5] = ["level-badge", "level-badge level-1", "level-badge level-2", "level-badge level-3", "level-badge level-4"];

/// A small coloured badge with a level.
pub fn level_badge(m: &mut Tree, level: Option<Level>, lang: Lang) {
    match level {
        Some(l) => m.el("span", LEVEL_CLASS[usize::from(l.get()).min(4)], &level_label(l, lang)),
        None => m.el("span", LEVEL_CLASS[0], P::NotApplicable.t(lang)),
    };
}

/// A level badge as a node.
pub fn badge_html(level: Option<Level>, lang: Lang) -> Html {
    let mut m = Tree::new();
    level_badge(&mut m, level, lang);
    m.html()
}

/// The indicators of a goal with current and target level.
pub fn goal_targets(m: &mut Tree, goal: &Goal, lang: Lang) {
    if goal.indicator_targets.is_empty() {
        return;
    }
    m.open("ul", "goal-targets");
    for t in &goal.indicator_targets {
        m.open("li", "").attr_value("data-indicator", &t.indicator_id);
        m.el("span", "target-name", &indicator_label(&t.indicator_id, lang)).text(" ");
        level_badge(m, t.current_level, lang);
        m.text(" ").open("span", "").attr("aria-hidden", "true").text("→").close().text(" ");
        m.el("span", "visually-hidden", P::TargetLevel.t(lang));
        level_badge(m, Some(t.target_level), lang);
        m.close();
    }
    m.close();
}

/// The status of an action as a badge.
pub fn status_badge(m: &mut Tree, status: ActionStatus, lang: Lang) {
    m.open("span", "").attr_value("class", &format!("status-badge status-{}", status.key())).text(status_text(status).t(lang)).close();
}

/// Every field of an action except its description, as a definition list.
pub fn action_facts(m: &mut Tree, a: &Action, lang: Lang) {
    let money = |c: i64| rubric::plan::format_euro(c, lang);
    let row = |m: &mut Tree, label: P, value: &str| {
        m.open("div", "").el("dt", "", label.t(lang)).el("dd", "", value).close();
    };
    m.open("dl", "action-facts");
    let owner = if a.owner.is_empty() { P::NoOwner.t(lang) } else { a.owner.as_str() };
    row(m, P::Owner, owner);
    row(m, P::Period, &format!("{} – {}", day(a.start, lang), day(a.deadline, lang)));
    row(m, P::BudgetTable, &money(a.budget_cents));
    let c = &a.company_contribution;
    if c.kind != ContributionKind::None {
        let what = if c.description.is_empty() { String::new() } else { format!(" — {}", c.description) };
        row(m, P::Contribution, &format!("{} · {}{what}", kind_text(c.kind).t(lang), money(c.value_cents)));
    }
    if !a.success_criterion.is_empty() {
        row(m, P::SuccessCriterion, &a.success_criterion);
    }
    if let Some(url) = &a.evidence_url {
        m.open("div", "").el("dt", "", P::Evidence.t(lang)).open("dd", "");
        m.open("a", "").attr("rel", "noopener noreferrer").attr("target", "_blank").attr_value("href", url).text(url).close();
        m.close().close();
    }
    m.close();
}

/// The whole plan, read-only.
pub fn plan_markup(m: &mut Tree, plan: &ActionPlan, lang: Lang) {
    if plan.goals.is_empty() {
        m.el("p", "muted", P::NoGoals.t(lang));
        return;
    }
    m.open("div", "plan-view").attr("data-testid", "plan-view");
    for (i, goal) in plan.goals_in_order().into_iter().enumerate() {
        m.open("section", "plan-goal").attr("data-testid", "plan-view-goal");
        m.el("h3", "", &format!("{}. {}", i + 1, goal.title));
        if !goal.description.is_empty() {
            m.el("p", "pre", &goal.description);
        }
        goal_targets(m, goal, lang);
        m.open("ol", "plan-actions");
        for a in plan.actions_of(goal.id) {
            m.open("li", if a.status == ActionStatus::Dropped { "plan-action dropped" } else { "plan-action" });
            m.open("div", "action-head").el("span", "action-what pre", &a.description).text(" ");
            status_badge(m, a.status, lang);
            m.close();
            action_facts(m, a, lang);
            m.close();
        }
        m.close().close();
    }
    m.close();
}

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub plan: Rc<ActionPlan>,
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let lang = use_lang();
    let mut m = Tree::new();
    m.open("div", "");
    plan_markup(&mut m, &props.plan, lang);
    m.html()
}

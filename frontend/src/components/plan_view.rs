//! The read-only action plan: goals in order with the indicators they aim
//! at (current level to target level) and their actions with every field.
//! The printable plan renders it (the jury view may too); the markup
//! helpers below are shared with the editing page. Read-only parts are
//! built as escaped markup (see `crate::markup`), which costs far less
//! bundle than `html!` trees.

use crate::hooks::use_lang;
use crate::i18n::plans::{kind_text, status_text, P};
use crate::i18n::{format, Lang, Text};
use crate::markup::Markup;
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

const LEVEL_CLASS: [&str; 5] = [
    "<span class=\"level-badge\">",
    "<span class=\"level-badge level-1\">",
    "<span class=\"level-badge level-2\">",
    "<span class=\"level-badge level-3\">",
    "<span class=\"level-badge level-4\">",
];

/// A small coloured badge with a level.
pub fn level_badge(m: &mut Markup, level: Option<Level>, lang: Lang) {
    match level {
        Some(l) => m.el(LEVEL_CLASS[usize::from(l.get()).min(4)], &level_label(l, lang), "</span>"),
        None => m.el(LEVEL_CLASS[0], P::NotApplicable.t(lang), "</span>"),
    };
}

/// A level badge as a node.
pub fn badge_html(level: Option<Level>, lang: Lang) -> Html {
    let mut m = Markup::new();
    level_badge(&mut m, level, lang);
    m.html()
}

/// The indicators of a goal with current and target level.
pub fn goal_targets(m: &mut Markup, goal: &Goal, lang: Lang) {
    if goal.indicator_targets.is_empty() {
        return;
    }
    m.raw("<ul class=\"goal-targets\">");
    for t in &goal.indicator_targets {
        m.raw("<li data-indicator=\"").text(&t.indicator_id).raw("\">");
        m.el("<span class=\"target-name\">", &indicator_label(&t.indicator_id, lang), "</span> ");
        level_badge(m, t.current_level, lang);
        m.raw(" <span aria-hidden=\"true\">→</span> ").el("<span class=\"visually-hidden\">", P::TargetLevel.t(lang), "</span>");
        level_badge(m, Some(t.target_level), lang);
        m.raw("</li>");
    }
    m.raw("</ul>");
}

/// The status of an action as a badge.
pub fn status_badge(m: &mut Markup, status: ActionStatus, lang: Lang) {
    m.raw("<span class=\"status-badge status-").text(status.key()).raw("\">").text(status_text(status).t(lang)).raw("</span>");
}

/// Every field of an action except its description, as a definition list.
pub fn action_facts(m: &mut Markup, a: &Action, lang: Lang) {
    let money = |c: i64| rubric::plan::format_euro(c, lang);
    let row = |m: &mut Markup, label: P, value: &str| {
        m.el("<div><dt>", label.t(lang), "</dt>").el("<dd>", value, "</dd></div>");
    };
    m.raw("<dl class=\"action-facts\">");
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
        m.el("<div><dt>", P::Evidence.t(lang), "</dt><dd>");
        m.raw("<a rel=\"noopener noreferrer\" target=\"_blank\" href=\"").text(url).raw("\">").text(url).raw("</a></dd></div>");
    }
    m.raw("</dl>");
}

/// The whole plan as markup.
pub fn plan_markup(m: &mut Markup, plan: &ActionPlan, lang: Lang) {
    if plan.goals.is_empty() {
        m.el("<p class=\"muted\">", P::NoGoals.t(lang), "</p>");
        return;
    }
    m.raw("<div class=\"plan-view\" data-testid=\"plan-view\">");
    for (i, goal) in plan.goals_in_order().into_iter().enumerate() {
        m.raw("<section class=\"plan-goal\" data-testid=\"plan-view-goal\">");
        m.el("<h3>", &format!("{}. {}", i + 1, goal.title), "</h3>");
        if !goal.description.is_empty() {
            m.el("<p class=\"pre\">", &goal.description, "</p>");
        }
        goal_targets(m, goal, lang);
        m.raw("<ol class=\"plan-actions\">");
        for a in plan.actions_of(goal.id) {
            m.raw(if a.status == ActionStatus::Dropped { "<li class=\"plan-action dropped\">" } else { "<li class=\"plan-action\">" });
            m.el("<div class=\"action-head\"><span class=\"action-what pre\">", &a.description, "</span> ");
            status_badge(m, a.status, lang);
            m.raw("</div>");
            action_facts(m, a, lang);
            m.raw("</li>");
        }
        m.raw("</ol></section>");
    }
    m.raw("</div>");
}

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub plan: Rc<ActionPlan>,
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let lang = use_lang();
    let mut m = Markup::new();
    m.raw("<div>");
    plan_markup(&mut m, &props.plan, lang);
    m.raw("</div>");
    m.html()
}

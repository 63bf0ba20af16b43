//! The live checks beside the plan: goals without actions, actions past
//! their deadline, weak aspects no goal addresses, goals that target no
//! gap, levels that changed in the baseline, and the company cofinancing
//! share against the edition's threshold. Each item links to its place.
//! Read-only, so built as escaped markup.

use super::plan_view::{indicator_label, one_decimal};
use crate::hooks::use_lang;
use crate::i18n::plans::P;
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::plan::{ActionPlan, PlanChecks};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanChecksProps {
    pub checks: Rc<PlanChecks>,
    pub plan: Rc<ActionPlan>,
}

#[component]
pub fn PlanChecksPanel(props: &PlanChecksProps) -> Html {
    let lang = use_lang();
    let rubric = rubric::current_rubric();
    let checks = &props.checks;
    let plan = &props.plan;
    let goal = |id: i64| plan.goal(id).map(|g| g.title.clone()).unwrap_or_default();
    let mut items: Vec<(&'static str, String, String, String)> = Vec::new();
    let mut item = |kind: &'static str, href: &str, name: &str, text: &str| {
        items.push((kind, href.to_string(), name.to_string(), text.to_string()));
    };
    for id in &checks.goals_without_actions {
        item("no-actions", &format!("#goal-{id}"), &goal(*id), P::CheckNoActions.t(lang));
    }
    for o in &checks.overdue_actions {
        let name = plan.action(o.action_id).map(|a| a.description.clone()).unwrap_or_default();
        item("overdue", &format!("#action-{}", o.action_id), &name, &format!("{} {}", o.days_overdue, P::CheckOverdue.t(lang)));
    }
    for low in &checks.uncovered_low_aspects {
        let name = rubric.aspect(low.aspect).map(|a| a.name.get(lang).to_string()).unwrap_or_default();
        item("low-aspect", "#gaps", &format!("{name} ({})", one_decimal(low.score, lang)), P::CheckLowAspect.t(lang));
    }
    for id in &checks.goals_without_gap {
        item("no-gap", &format!("#goal-{id}"), &goal(*id), P::CheckNoGap.t(lang));
    }
    for s in &checks.stale_levels {
        let text = format!("· {}: {} {}", indicator_label(&s.indicator_id, lang), P::CheckStale.t(lang), s.profile);
        item("stale-level", &format!("#goal-{}", s.goal_id), &goal(s.goal_id), &text);
    }
    let co = &checks.cofinancing;
    let money = |c: i64| rubric::plan::format_euro(c, lang);
    let (class, share) = match (co.met(), co.format_share(lang)) {
        (Some(true), Some(share)) => ("<div class=\"cofinancing met\" data-testid=\"cofinancing\">", format!("{share} · {}", P::Met.t(lang))),
        (Some(false), Some(share)) => ("<div class=\"cofinancing below\" data-testid=\"cofinancing\">", format!("{share} · {}", P::Below.t(lang))),
        _ => ("<div class=\"cofinancing\" data-testid=\"cofinancing\">", P::CofinancingNone.t(lang).to_string()),
    };
    let mut m = Markup::new();
    m.raw("<aside class=\"plan-checks\" aria-labelledby=\"checks-title\" data-testid=\"plan-checks\">");
    m.el("<h2 id=\"checks-title\">", P::ChecksTitle.t(lang), "</h2>");
    m.raw(class).el("<strong>", P::Cofinancing.t(lang), "</strong>").el("<span class=\"share\">", &share, "</span>");
    let threshold = super::plan_view::percent(co.threshold_percent, lang);
    let totals = format!("{} / {} · {} {threshold}", money(co.contribution_cents), money(co.budget_cents), P::Threshold.t(lang));
    m.el("<span class=\"small muted\">", &totals, "</span></div>");
    if items.is_empty() {
        m.el("<p class=\"check-ok\">", P::ChecksAllGood.t(lang), "</p>");
    } else {
        m.raw("<ul class=\"check-list\">");
        for (kind, href, name, text) in &items {
            m.raw("<li class=\"check\" data-check=\"").raw(kind).raw("\"><a href=\"").text(href).raw("\">");
            m.text(name).raw("</a> ").text(text).raw("</li>");
        }
        m.raw("</ul>");
    }
    m.raw("</aside>");
    m.html()
}

//! The live checks beside the plan: goals without actions, actions past
//! their deadline, weak aspects no goal addresses, goals that target no
//! gap, levels that changed in the baseline, and the company cofinancing
//! share against the edition's threshold. Each item links to its place.
//! Read-only, so built as escaped markup. The submit dialog lists the same
//! items ([`check_list`]) so nobody submits without seeing them.

use super::plan_view::indicator_label;
use crate::i18n::plural::{plural, Count};
use crate::i18n::plans::P;
use crate::i18n::{Lang, Text};
use crate::tree::Tree;
use rubric::plan::{ActionPlan, PlanChecks};
use yew::prelude::*;

/// One check item: kind (for tests), link target, what it is about, what is wrong.
type CheckItem = (&'static str, String, String, String);

/// The checks' warnings, in the panel's order (cofinancing not included).
fn check_items(checks: &PlanChecks, plan: &ActionPlan, lang: Lang) -> Vec<CheckItem> {
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
        item("overdue", &format!("#action-{}", o.action_id), &name, &plural(lang, o.days_overdue.unsigned_abs() as usize, Count::DaysOverdue));
    }
    for low in &checks.uncovered_low_aspects {
        let name = rubric::names::aspect_name(low.aspect, lang).to_string();
        item("low-aspect", "#gaps", &format!("{name} ({})", crate::i18n::format::level_score(lang, low.score)), P::CheckLowAspect.t(lang));
    }
    for id in &checks.goals_without_gap {
        item("no-gap", &format!("#goal-{id}"), &goal(*id), P::CheckNoGap.t(lang));
    }
    for s in &checks.stale_levels {
        let text = format!("· {}: {} {}", indicator_label(&s.indicator_id, lang), P::CheckStale.t(lang), s.profile);
        item("stale-level", &format!("#goal-{}", s.goal_id), &goal(s.goal_id), &text);
    }
    items
}

/// The warnings as a list of links (`None` when there are none); the
/// cofinancing share joins them when it is below the threshold.
pub fn check_list(checks: &PlanChecks, plan: &ActionPlan, lang: Lang) -> Option<Html> {
    let mut items = check_items(checks, plan, lang);
    if let (Some(false), Some(share)) = (checks.cofinancing.met(), checks.cofinancing.format_share(lang)) {
        items.push(("cofinancing", "#checks-title".into(), P::Cofinancing.t(lang).into(), format!("{share} · {}", P::Below.t(lang))));
    }
    if items.is_empty() {
        return None;
    }
    let mut m = Tree::new();
    list_markup(&mut m, &items);
    Some(m.html())
}

fn list_markup(m: &mut Tree, items: &[CheckItem]) {
    m.open("ul", "check-list");
    for (kind, href, name, text) in items {
        m.open("li", "check").attr("data-check", kind).open("a", "").attr_value("href", href).text(name).close();
        m.text(" ").text(text).close();
    }
    m.close();
}

/// The panel beside the plan (a view function: it has no state of its own).
pub fn checks_panel(checks: &PlanChecks, plan: &ActionPlan, lang: Lang) -> Html {
    let items = check_items(checks, plan, lang);
    let co = &checks.cofinancing;
    let money = |c: i64| rubric::plan::format_euro(c, lang);
    let (class, share) = match (co.met(), co.format_share(lang)) {
        (Some(true), Some(share)) => ("cofinancing met", format!("{share} · {}", P::Met.t(lang))),
        (Some(false), Some(share)) => ("cofinancing below", format!("{share} · {}", P::Below.t(lang))),
        _ => ("cofinancing", P::CofinancingNone.t(lang).to_string()),
    };
    let mut m = Tree::new();
    m.open("aside", "plan-checks").attr("aria-labelledby", "checks-title").attr("data-testid", "plan-checks");
    m.open("h2", "").attr("id", "checks-title").text(P::ChecksTitle.t(lang)).close();
    m.open("div", class).attr("data-testid", "cofinancing").el("strong", "", P::Cofinancing.t(lang)).el("span", "share", &share);
    let threshold = super::plan_view::percent(co.threshold_percent, lang);
    let totals = format!("{} / {} · {} {threshold}", money(co.contribution_cents), money(co.budget_cents), P::Threshold.t(lang));
    m.el("span", "small muted", &totals).close();
    if items.is_empty() {
        m.el("p", "check-ok", P::ChecksAllGood.t(lang));
    } else {
        list_markup(&mut m, &items);
    }
    m.html()
}

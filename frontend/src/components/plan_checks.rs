//! The live checks beside the plan: goals without actions, actions past
//! their deadline, weak aspects no goal addresses, goals that target no
//! gap, levels that changed in the baseline, and the company cofinancing
//! share against the edition's threshold. Each item links to its place.

use crate::hooks::use_lang;
use crate::i18n::plans::P;
use crate::i18n::Text;
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
    let goal = |id: i64| props.plan.goal(id).map(|g| g.title.clone()).unwrap_or_default();
    let item = |kind: &'static str, href: String, name: String, text: String| html! {
        <li class="check" data-check={kind}>
            <a href={href}>{ name }</a>{ " " }{ text }
        </li>
    };
    let mut items: Vec<Html> = Vec::new();
    for id in &checks.goals_without_actions {
        items.push(item("no-actions", format!("#goal-{id}"), goal(*id), P::CheckNoActions.t(lang).into()));
    }
    for o in &checks.overdue_actions {
        let name = props.plan.action(o.action_id).map(|a| a.description.clone()).unwrap_or_default();
        items.push(item("overdue", format!("#action-{}", o.action_id), name, format!("{} {}", o.days_overdue, P::CheckOverdue.t(lang))));
    }
    for low in &checks.uncovered_low_aspects {
        let name = rubric.aspect(low.aspect).map(|a| a.name.get(lang).to_string()).unwrap_or_default();
        items.push(item(
            "low-aspect",
            "#gaps".into(),
            format!("{name} ({})", super::plan_view::one_decimal(low.score, lang)),
            P::CheckLowAspect.t(lang).into(),
        ));
    }
    for id in &checks.goals_without_gap {
        items.push(item("no-gap", format!("#goal-{id}"), goal(*id), P::CheckNoGap.t(lang).into()));
    }
    for s in &checks.stale_levels {
        items.push(item(
            "stale-level",
            format!("#goal-{}", s.goal_id),
            goal(s.goal_id),
            format!("· {}: {} {}", super::plan_view::indicator_label(&s.indicator_id, lang), P::CheckStale.t(lang), s.profile),
        ));
    }
    let co = &checks.cofinancing;
    let money = |c: i64| rubric::plan::format_euro(c, lang);
    let (class, share) = match (co.met(), co.format_share(lang)) {
        (Some(true), Some(share)) => ("cofinancing met", format!("{share} · {}", P::Met.t(lang))),
        (Some(false), Some(share)) => ("cofinancing below", format!("{share} · {}", P::Below.t(lang))),
        _ => ("cofinancing", P::CofinancingNone.t(lang).to_string()),
    };
    html! {
        <aside class="plan-checks" aria-labelledby="checks-title" data-testid="plan-checks">
            <h2 id="checks-title">{ P::ChecksTitle.t(lang) }</h2>
            <div class={class} data-testid="cofinancing">
                <strong>{ P::Cofinancing.t(lang) }</strong>
                <span class="share">{ share }</span>
                <span class="small muted">
                    { format!("{} / {} · {} {} %", money(co.contribution_cents), money(co.budget_cents), P::Threshold.t(lang), co.threshold_percent) }
                </span>
            </div>
            if items.is_empty() {
                <p class="check-ok">{ P::ChecksAllGood.t(lang) }</p>
            } else {
                <ul class="check-list">{ for items }</ul>
            }
        </aside>
    }
}

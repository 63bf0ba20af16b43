//! The read-only action plan: goals in order with the indicators they aim
//! at (current level to target level) and their actions with every field.
//! The printable plan renders it (the jury view may too); the render
//! helpers below are shared with the editing page.

use crate::hooks::use_lang;
use crate::i18n::plans::{kind_text, status_text, P};
use crate::i18n::{format, Lang, Text};
use rubric::plan::{Action, ActionPlan, ActionStatus, ContributionKind, Goal};
use rubric::{Date, Level};
use std::rc::Rc;
use yew::prelude::*;

/// A score with one decimal ("2,5" / "2.5"), without float formatting.
pub fn one_decimal(x: f64, lang: Lang) -> String {
    let tenths = (x * 10.0).round() as i64;
    let sep = if lang == Lang::Nl { ',' } else { '.' };
    format!("{}{sep}{}", tenths / 10, (tenths % 10).abs())
}

/// "niveau 2 · In ontwikkeling".
pub fn level_label(level: Level, lang: Lang) -> String {
    format!("{} {} · {}", P::Level.t(lang), level, rubric::current_rubric().level_name(level).get(lang))
}

/// "Leerplan · Leerlijnen" for an indicator id (the id itself if unknown).
pub fn indicator_label(id: &str, lang: Lang) -> String {
    let rubric = rubric::current_rubric();
    match rubric.indicator(id) {
        Some((aspect, ind)) => {
            let aspect = rubric.aspect(aspect).map(|a| a.name.get(lang)).unwrap_or_default();
            format!("{aspect} · {}", ind.title.get(lang))
        }
        None => id.to_string(),
    }
}

fn day(d: Option<Date>, lang: Lang) -> String {
    d.map(|d| format::date(lang, d)).unwrap_or_else(|| "…".into())
}

/// A small coloured badge with a level.
pub fn level_badge(level: Option<Level>, lang: Lang) -> Html {
    match level {
        Some(l) => html! { <span class={format!("level-badge level-{l}")}>{ level_label(l, lang) }</span> },
        None => html! { <span class="level-badge">{ P::NotApplicable.t(lang) }</span> },
    }
}

/// The indicators of a goal with current and target level.
pub fn goal_targets(goal: &Goal, lang: Lang) -> Html {
    if goal.indicator_targets.is_empty() {
        return html! {};
    }
    html! {
        <ul class="goal-targets">
            { for goal.indicator_targets.iter().map(|t| html! {
                <li data-indicator={t.indicator_id.clone()}>
                    <span class="target-name">{ indicator_label(&t.indicator_id, lang) }</span>
                    { level_badge(t.current_level, lang) }
                    <span aria-hidden="true">{ " → " }</span>
                    <span class="visually-hidden">{ P::TargetLevel.t(lang) }</span>
                    { level_badge(Some(t.target_level), lang) }
                </li>
            }) }
        </ul>
    }
}

/// The status of an action as a badge.
pub fn status_badge(status: ActionStatus, lang: Lang) -> Html {
    html! { <span class={format!("status-badge status-{}", status.key())}>{ status_text(status).t(lang) }</span> }
}

/// Every field of an action except its description, as a definition list.
pub fn action_facts(a: &Action, lang: Lang) -> Html {
    let money = |c: i64| rubric::plan::format_euro(c, lang);
    let contribution = &a.company_contribution;
    let row = |label: P, value: Html| html! { <div><dt>{ label.t(lang) }</dt><dd>{ value }</dd></div> };
    html! {
        <dl class="action-facts">
            { row(P::Owner, html! { if a.owner.is_empty() { <span class="muted">{ P::NoOwner.t(lang) }</span> } else { { a.owner.clone() } } }) }
            { row(P::Period, html! { { format!("{} – {}", day(a.start, lang), day(a.deadline, lang)) } }) }
            { row(P::BudgetTable, html! { { money(a.budget_cents) } }) }
            if contribution.kind != ContributionKind::None {
                { row(P::Contribution, html! { { {
                    let what = if contribution.description.is_empty() { String::new() } else { format!(" — {}", contribution.description) };
                    format!("{} · {}{what}", kind_text(contribution.kind).t(lang), money(contribution.value_cents))
                } } }) }
            }
            if !a.success_criterion.is_empty() { { row(P::SuccessCriterion, html! { { a.success_criterion.clone() } }) } }
            if let Some(url) = a.evidence_url.clone() {
                { row(P::Evidence, html! { <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ url }</a> }) }
            }
        </dl>
    }
}

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub plan: Rc<ActionPlan>,
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let lang = use_lang();
    let plan = &props.plan;
    if plan.goals.is_empty() {
        return html! { <p class="muted">{ P::NoGoals.t(lang) }</p> };
    }
    html! {
        <div class="plan-view" data-testid="plan-view">
            { for plan.goals_in_order().into_iter().enumerate().map(|(i, goal)| html! {
                <section class="plan-goal" key={goal.id} data-testid="plan-view-goal">
                    <h3>{ format!("{}. {}", i + 1, goal.title) }</h3>
                    if !goal.description.is_empty() { <p class="pre">{ goal.description.clone() }</p> }
                    { goal_targets(goal, lang) }
                    <ol class="plan-actions">
                        { for plan.actions_of(goal.id).into_iter().map(|a| html! {
                            <li key={a.id} class={classes!("plan-action", (a.status == ActionStatus::Dropped).then_some("dropped"))}>
                                <div class="action-head">
                                    <span class="action-what pre">{ a.description.clone() }</span>
                                    { status_badge(a.status, lang) }
                                </div>
                                { action_facts(a, lang) }
                            </li>
                        }) }
                    </ol>
                </section>
            }) }
        </div>
    }
}

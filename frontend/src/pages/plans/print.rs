//! `/schools/:id/plan/print`: the plan as an A4 document in the interface
//! language: school and sponsor, the baseline profile summary, goals and
//! actions, the budget table with the company share, and how many comment
//! threads are open and resolved. `?version=N` prints a submitted version.

use crate::api;
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::plan_view::{indicator_label, level_badge, one_decimal, PlanView};
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::plans::P;
use crate::i18n::{format, Lang, Text};
use rubric::plan::view::{PlanPage, ProfileMaps};
use rubric::plan::{check_plan, format_euro, ActionPlan, ActionStatus, ContributionKind, PlanVersion};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanPrintProps {
    pub id: i64,
}

fn profile_summary(page: &PlanPage, lang: Lang) -> Html {
    let Some(profile) = &page.profile else {
        return html! { <p class="muted">{ P::NoProfile.t(lang) }</p> };
    };
    let rubric = rubric::current_rubric();
    html! {
        <>
            <table class="print-table profile-table" data-testid="print-profile">
                <thead><tr><th scope="col">{ P::Aspect.t(lang) }</th><th scope="col" class="num">{ P::Score.t(lang) }</th><th scope="col" aria-hidden="true"></th></tr></thead>
                <tbody>
                    { for profile.aspects.iter().map(|a| {
                        let name = rubric.aspect(a.aspect).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
                        let score = a.score.map(|s| one_decimal(s, lang)).unwrap_or_else(|| "–".into());
                        let width = a.score.map(|s| (s * 25.0).round().clamp(0.0, 100.0) as i64).unwrap_or(0);
                        html! {
                            <tr>
                                <th scope="row">{ name }</th>
                                <td class="num">{ score }</td>
                                <td class="bar-cell"><span class="bar" style={format!("width:{width}%")}></span></td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <p class="small"><strong>{ P::GapsTitle.t(lang) }{ ": " }</strong></p>
            <ul class="weakest">
                { for profile.weakest(3).into_iter().map(|i| html! {
                    <li>{ indicator_label(&i.indicator_id, lang) }{ " " }{ level_badge(i.level(), lang) }</li>
                }) }
            </ul>
        </>
    }
}

fn budget_table(page: &PlanPage, plan: &ActionPlan, lang: Lang) -> Html {
    let money = |c: i64| format_euro(c, lang);
    let maps = ProfileMaps::new(page.profile.as_ref());
    let checks = check_plan(plan, &maps.context(page.today, page.edition.cofinancing_threshold_percent, rubric::current_rubric()));
    let sums = |goal_id: Option<i64>| {
        plan.actions
            .iter()
            .filter(|a| a.status != ActionStatus::Dropped && goal_id.is_none_or(|g| a.goal_id == g))
            .fold((0i64, 0i64, 0i64), |(b, m, k), a| {
                let c = a.company_contribution.counted_cents();
                match a.company_contribution.kind {
                    ContributionKind::Money => (b + a.budget_cents, m + c, k),
                    ContributionKind::InKind => (b + a.budget_cents, m, k + c),
                    ContributionKind::None => (b + a.budget_cents, m, k),
                }
            })
    };
    let (b, m, k) = sums(None);
    let co = &checks.cofinancing;
    html! {
        <table class="print-table budget-table" data-testid="print-budget">
            <thead>
                <tr>
                    <th scope="col">{ P::Goals.t(lang) }</th>
                    <th scope="col" class="num">{ P::BudgetTable.t(lang) }</th>
                    <th scope="col" class="num">{ P::KindMoney.t(lang) }</th>
                    <th scope="col" class="num">{ P::KindInKind.t(lang) }</th>
                </tr>
            </thead>
            <tbody>
                { for plan.goals_in_order().into_iter().enumerate().map(|(i, g)| {
                    let (b, m, k) = sums(Some(g.id));
                    html! { <tr><th scope="row">{ format!("{}. {}", i + 1, g.title) }</th><td class="num">{ money(b) }</td><td class="num">{ money(m) }</td><td class="num">{ money(k) }</td></tr> }
                }) }
            </tbody>
            <tfoot>
                <tr><th scope="row">{ P::Total.t(lang) }</th><td class="num">{ money(b) }</td><td class="num">{ money(m) }</td><td class="num">{ money(k) }</td></tr>
                <tr>
                    <th scope="row">{ P::CompanyShare.t(lang) }</th>
                    <td colspan="3" class="num" data-testid="print-share">
                        { co.format_share(lang).unwrap_or_else(|| "–".into()) }
                        { format!(" ({} {} %", P::Threshold.t(lang), co.threshold_percent) }
                        { match co.met() { Some(true) => format!(": {})", P::Met.t(lang)), Some(false) => format!(": {})", P::Below.t(lang)), None => ")".into() } }
                    </td>
                </tr>
            </tfoot>
        </table>
    }
}

#[component]
pub fn SchoolPlanPrintPage(props: &PlanPrintProps) -> Html {
    let lang = use_lang();
    let version: Option<u32> = use_location()
        .and_then(|l| l.query_str().trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("version=").map(String::from)))
        .and_then(|v| v.parse().ok());
    let fetch = use_fetch(props.id, api::plans::page);
    let frozen = use_fetch((props.id, version), |(id, v)| async move {
        match v {
            Some(n) => api::plans::version(id, n).await.map(Some),
            None => Ok(None::<PlanVersion>),
        }
    });
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let (page, frozen) = match (&fetch.state, &frozen.state) {
        (Fetch::Failed(e), _) | (_, Fetch::Failed(e)) => {
            return html! { <section class="page narrow" data-testid="plan-refused"><ErrorBox error={e.clone()} /></section> }
        }
        (Fetch::Ready(p), Fetch::Ready(v)) => (p.clone(), v.clone()),
        _ => return html! { <section class="page"><Loading /></section> },
    };
    let plan = Rc::new(frozen.as_ref().as_ref().map(|v| v.plan.clone()).unwrap_or_else(|| page.plan.clone()));
    let school = &page.school;
    let state = match frozen.as_ref() {
        Some(v) => format!(
            "{} {} · {} {}",
            P::Version.t(lang),
            v.number,
            P::SubmittedOn.t(lang),
            rubric::Date::from_unix_seconds(v.submitted_at).map(|d| format::date(lang, d)).unwrap_or_default()
        ),
        None => format!("{} · {} {}", P::Draft.t(lang), P::PrintedOn.t(lang), format::date(lang, page.today)),
    };
    html! {
        <article class="page print-page" data-testid="plan-print">
            <div class="print-tools no-print">
                <Link<Route> to={Route::SchoolPlan { id: school.id }} classes="button secondary">{ P::BackToPlan.t(lang) }</Link<Route>>
                <button type="button" class="button" onclick={print}>{ P::PrintNow.t(lang) }</button>
            </div>
            <header class="print-head">
                <p class="print-kicker">{ format!("STEMpact · {} {}", P::Edition.t(lang), page.edition.name) }</p>
                <h1>{ format!("{} · {}", P::PlanTitle.t(lang), school.name) }</h1>
                <p>
                    { format!("{} · {}: {}", school.town, P::Sponsor.t(lang), school.company_name.clone().unwrap_or_else(|| P::NoSponsor.t(lang).into())) }
                </p>
                <p class="muted" data-testid="print-state">{ state }</p>
            </header>
            <section class="print-section">
                <h2>{ P::ProfileSummary.t(lang) }</h2>
                { profile_summary(&page, lang) }
            </section>
            <section class="print-section">
                <h2>{ P::Goals.t(lang) }</h2>
                <PlanView plan={plan.clone()} />
            </section>
            <section class="print-section">
                <h2>{ P::BudgetTable.t(lang) }</h2>
                { budget_table(&page, &plan, lang) }
            </section>
            <section class="print-section">
                <h2>{ P::CommentsSummary.t(lang) }</h2>
                <p data-testid="print-comments">
                    { format!("{} {} · {} {}", page.counts.open, P::OpenThreads.t(lang), page.counts.resolved, P::ResolvedThreads.t(lang)) }
                </p>
            </section>
        </article>
    }
}

//! `/schools/:id/plan/print`: the plan as an A4 document in the interface
//! language: school and sponsor, the baseline profile summary, goals and
//! actions, the budget table with the company share, and how many comment
//! threads are open and resolved. `?version=N` prints a submitted version.

use crate::api;
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::plan_view::{indicator_label, level_badge, percent, plan_markup};
use crate::tree::Tree;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::plans::P;
use crate::i18n::submission::S;
use crate::i18n::plural::{plural, Count};
use crate::i18n::{format, Lang, Text};
use rubric::plan::view::{PlanPage, ProfileMaps};
use rubric::plan::{check_plan, format_euro, ActionPlan, ActionStatus, ContributionKind, PlanVersion};
use yew::prelude::*;
use crate::router::*;

#[derive(Properties, PartialEq)]
pub struct PlanPrintProps {
    pub id: i64,
}

fn profile_summary(m: &mut Tree, page: &PlanPage, rubric: &rubric::Rubric, lang: Lang) {
    let Some(profile) = &page.profile else {
        let text = if page.profile_hidden { S::BlindPlan.t(lang) } else { P::NoProfile.t(lang) };
        m.el("p", "muted", text);
        return;
    };
    m.open("table", "print-table profile-table").attr("data-testid", "print-profile").open("thead", "").open("tr", "");
    col_head(m, "", P::Aspect.t(lang));
    col_head(m, "num", P::Score.t(lang));
    m.open("th", "").attr("aria-hidden", "true").close().close().close().open("tbody", "");
    for a in &profile.aspects {
        let name = rubric.aspect(a.aspect).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
        let score = a.score.map(|s| format::level_score(lang, s)).unwrap_or_else(|| "–".into());
        let width = a.score.map(|s| (s * 25.0).round().clamp(0.0, 100.0) as i64).unwrap_or(0);
        m.open("tr", "");
        row_head(m, &name);
        m.el("td", "num", &score);
        m.open("td", "bar-cell").open("span", "bar").attr_value("style", &format!("width:{width}%")).close().close().close();
    }
    m.close().close();
    m.open("p", "small").el("strong", "", &format!("{}:", P::GapsTitle.t(lang))).close().open("ul", "weakest");
    for i in profile.weakest(3) {
        m.open("li", "").text(&indicator_label(&i.indicator_id, lang)).text(" ");
        level_badge(m, i.level(), lang);
        m.close();
    }
    m.close();
}

/// A column's heading cell.
fn col_head(m: &mut Tree, class: &'static str, text: &str) {
    m.open("th", class).attr("scope", "col").text(text).close();
}

/// A row's heading cell.
fn row_head(m: &mut Tree, text: &str) {
    m.open("th", "").attr("scope", "row").text(text).close();
}

fn budget_table(m: &mut Tree, page: &PlanPage, plan: &ActionPlan, rubric: &rubric::Rubric, lang: Lang) {
    let money = |c: i64| format_euro(c, lang);
    let maps = ProfileMaps::new(page.profile.as_ref());
    let checks = check_plan(plan, &maps.context(page.today, page.edition.cofinancing_threshold_percent, rubric));
    let sums = |goal_id: Option<i64>| {
        plan.actions
            .iter()
            .filter(|a| a.status != ActionStatus::Dropped && goal_id.is_none_or(|g| a.goal_id == g))
            .fold((0i64, 0i64, 0i64), |(b, mo, k), a| {
                let c = a.company_contribution.counted_cents();
                match a.company_contribution.kind {
                    ContributionKind::Money => (b + a.budget_cents, mo + c, k),
                    ContributionKind::InKind => (b + a.budget_cents, mo, k + c),
                    ContributionKind::None => (b + a.budget_cents, mo, k),
                }
            })
    };
    // On a phone the table becomes cards; each number carries its column.
    let cell = |m: &mut Tree, label: P, value: &str| {
        m.open("td", "num").attr("data-label", label.t(lang)).text(value).close();
    };
    let row = |m: &mut Tree, name: &str, (b, mo, k): (i64, i64, i64)| {
        m.open("tr", "");
        row_head(m, name);
        cell(m, P::BudgetTable, &money(b));
        cell(m, P::KindMoney, &money(mo));
        cell(m, P::KindInKind, &money(k));
        m.close();
    };
    m.open("table", "print-table budget-table cards-on-phone").attr("data-testid", "print-budget").open("thead", "").open("tr", "");
    col_head(m, "", P::Goals.t(lang));
    col_head(m, "num", P::BudgetTable.t(lang));
    col_head(m, "num", P::KindMoney.t(lang));
    col_head(m, "num", P::KindInKind.t(lang));
    m.close().close().open("tbody", "");
    for (i, g) in plan.goals_in_order().into_iter().enumerate() {
        row(m, &format!("{}. {}", i + 1, g.title), sums(Some(g.id)));
    }
    m.close().open("tfoot", "");
    row(m, P::Total.t(lang), sums(None));
    let co = &checks.cofinancing;
    let verdict = match co.met() {
        Some(true) => format!(": {})", P::Met.t(lang)),
        Some(false) => format!(": {})", P::Below.t(lang)),
        None => ")".into(),
    };
    let share = format!(
        "{} ({} {}{verdict}",
        co.format_share(lang).unwrap_or_else(|| "–".into()),
        P::Threshold.t(lang),
        percent(co.threshold_percent, lang)
    );
    m.open("tr", "");
    row_head(m, P::CompanyShare.t(lang));
    m.open("td", "num").attr("colspan", "3").attr("data-testid", "print-share").text(&share).close();
    m.close().close().close();
}

/// The whole document below the tool bar.
fn document(page: &PlanPage, frozen: Option<&PlanVersion>, rubric: &rubric::Rubric, lang: Lang) -> Html {
    let plan = frozen.map(|v| &v.plan).unwrap_or(&page.plan);
    let school = &page.school;
    let submitted = |number: u32, at: i64| {
        format!(
            "{} {number} · {} {}",
            P::Version.t(lang),
            P::SubmittedOn.t(lang),
            rubric::Date::from_unix_seconds(at).map(|d| format::date(lang, d)).unwrap_or_default()
        )
    };
    // The live plan is the latest version as long as nothing changed since
    // it was submitted: then it is not a draft (issue 14).
    let state = match (frozen, page.history.first()) {
        (Some(v), _) => submitted(v.number, v.submitted_at),
        (None, Some(latest)) if page.draft_changes.is_empty() => submitted(latest.number, latest.submitted_at),
        (None, Some(latest)) => format!(
            "{} · {} {}",
            P::DraftAfterVersion.t(lang).replace("{n}", &latest.number.to_string()),
            P::PrintedOn.t(lang),
            format::date(lang, page.today)
        ),
        (None, None) => format!("{} · {} {}", P::Draft.t(lang), P::PrintedOn.t(lang), format::date(lang, page.today)),
    };
    let sponsor = school.company_name.clone().unwrap_or_else(|| P::NoSponsor.t(lang).into());
    let mut m = Tree::new();
    m.open("header", "print-head");
    m.el("p", "print-kicker", &format!("STEMpact · {} {}", P::Edition.t(lang), page.edition.name));
    m.el("h1", "", &format!("{} · {}", P::PlanTitle.t(lang), school.name));
    m.el("p", "", &format!("{} · {}: {sponsor}", school.town, P::Sponsor.t(lang)));
    m.open("p", "muted").attr("data-testid", "print-state").text(&state).close().close();
    m.open("section", "print-section").el("h2", "", P::ProfileSummary.t(lang));
    profile_summary(&mut m, page, rubric, lang);
    m.close().open("section", "print-section").el("h2", "", P::Goals.t(lang));
    plan_markup(&mut m, plan, lang);
    m.close().open("section", "print-section").el("h2", "", P::BudgetTable.t(lang));
    budget_table(&mut m, page, plan, rubric, lang);
    m.close().open("section", "print-section").el("h2", "", P::CommentsSummary.t(lang));
    let counts = format!("{} · {}", plural(lang, page.counts.open, Count::OpenComments), plural(lang, page.counts.resolved, Count::ResolvedComments));
    m.open("p", "").attr("data-testid", "print-comments").text(&counts).close();
    m.html()
}

#[component]
pub fn SchoolPlanPrintPage(props: &PlanPrintProps) -> Html {
    let lang = use_lang();
    let version: Option<u32> = use_location().and_then(|l| l.param("version")?.parse().ok());
    let fetch = use_fetch((props.id, version), |(id, v)| async move {
        let page = api::plans::page(id).await?;
        let frozen = match v {
            Some(n) => Some(api::plans::version(id, n).await?),
            None => None,
        };
        Ok((page, frozen))
    });
    let version = fetch.data().map(|l| l.0.edition.plan_rubric_version(l.0.profile.as_ref()));
    let (rubric_load, retry) = crate::hooks::rubric::use_rubric_version(version);
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let loaded = match &fetch.state {
        Fetch::Failed(e) => {
            return html! { <section class="page narrow" data-testid="plan-refused"><ErrorBox error={e.clone()} /></section> }
        }
        Fetch::Ready(loaded) => loaded.clone(),
        Fetch::Loading => return html! { <section class="page"><Loading /></section> },
    };
    let (page, frozen) = (&loaded.0, loaded.1.as_ref());
    let rubric = match (crate::hooks::rubric::rubric_pending(lang, &rubric_load, &retry), &rubric_load) {
        (_, crate::hooks::rubric::RubricLoad::Ready(r)) => r.0,
        (pending, _) => return html! { <section class="page">{ pending.unwrap_or_default() }</section> },
    };
    html! {
        <article class="page print-page" data-testid="plan-print">
            <div class="print-tools no-print">
                <Link to={Route::SchoolPlan { id: page.school.id }} classes="button secondary">{ P::BackToPlan.t(lang) }</Link>
                <button type="button" class="button" onclick={print}>{ P::PrintNow.t(lang) }</button>
            </div>
            { document(page, frozen, rubric, lang) }
        </article>
    }
}

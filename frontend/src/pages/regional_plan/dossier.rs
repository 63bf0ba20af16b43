//! `/region/:id/dossier`: the subsidy application of a region as a
//! printable A4 document, always in Dutch (the application is): 1. the
//! region portrait (schools and their level, pupil numbers per year with
//! the expected development, progression, facilities and networks), 2. the
//! regional plan (goals, learning routes, actions with their owner), 3. the
//! budget with the companies' contributions and the cofinancing share
//! against the threshold, 4. the partners. The tool bar (back, print, CSV)
//! is in the interface language and not printed.

use crate::api;
use crate::api::client;
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::regional_plan::RP;
use crate::i18n::{format, Lang, Text};
use crate::tree::Tree;
use rubric::plan::money::format_euro_nl;
use rubric::region::portrait::{FacilityKind, Portrait, ProgressionKind, Series};
use rubric::region::{PartnerKind, RegionDetail, SchoolLevel};
use rubric::regional_plan::view::RegionalPlanPage;
use rubric::regional_plan::RegionalCofinancing;
use yew::prelude::*;
use crate::router::*;

const NL: Lang = Lang::Nl;

fn t(k: RP) -> &'static str {
    k.t(NL)
}

fn level(l: SchoolLevel) -> &'static str {
    t(match l {
        SchoolLevel::Secondary => RP::LevelSecondary,
        SchoolLevel::Vmbo => RP::LevelVmbo,
        SchoolLevel::Mbo => RP::LevelMbo,
        SchoolLevel::Primary => RP::LevelPrimary,
    })
}

fn partner_kind(k: PartnerKind) -> &'static str {
    t(match k {
        PartnerKind::Rtc => RP::KindRtc,
        PartnerKind::Municipality => RP::KindMunicipality,
        PartnerKind::Other => RP::KindOther,
    })
}

fn num(n: u32) -> String {
    n.to_string()
}

/// A column heading (`class` "num" for a number column).
fn col(m: &mut Tree, class: &'static str, label: &str) {
    m.open("th", class).attr("scope", "col").text(label).close();
}

/// Opens a table row with its heading cell; the row stays open.
fn row(m: &mut Tree, label: &str) {
    m.open("tr", "").open("th", "").attr("scope", "row").text(label).close();
}

/// Opens a table in a box that scrolls sideways on a narrow screen (a
/// keyboard reaches it; on paper it is whole); box and table stay open.
fn scroll_table(m: &mut Tree, label: &str, class: &'static str) {
    m.open("div", "table-scroll").attr("tabindex", "0").attr("role", "region").attr_value("aria-label", label).open("table", class);
}

/// The head row of a table just opened (each column's class and name);
/// its body is left open.
fn head(m: &mut Tree, cols: &[(&'static str, &str)]) {
    m.open("thead", "").open("tr", "");
    for (class, label) in cols {
        col(m, class, label);
    }
    m.close().close().open("tbody", "");
}

/// Opens a section of the dossier with its heading.
fn section(m: &mut Tree, testid: &'static str, title: RP) {
    m.open("section", "print-section").attr("data-testid", testid).el("h2", "", t(title));
}

/// `<li><strong>name</strong> (kind)` with the item left open.
fn named_item(m: &mut Tree, name: &str, kind: &str) {
    m.open("li", "").el("strong", "", name).text(&format!(" ({kind})"));
}

/// One row of the pupil table: known years, then the projected ones.
fn series_row(m: &mut Tree, label: &str, s: &Series, projected_years: &[u16]) {
    row(m, label);
    for c in &s.counts {
        m.el("td", "num", &c.map(num).unwrap_or_else(|| "–".into()));
    }
    for y in projected_years {
        let v = s.projection.iter().find(|(py, _)| py == y).map(|(_, v)| num(*v)).unwrap_or_else(|| "–".into());
        m.el("td", "num projected", &v);
    }
    m.close();
}

fn portrait_section(m: &mut Tree, detail: &RegionDetail, portrait: &Portrait) {
    section(m, "dossier-portrait", RP::SectionPortrait);
    m.el("h3", "", t(RP::Schools2));
    scroll_table(m, t(RP::Schools2), "print-table");
    head(m, &[("", t(RP::Schools)), ("", t(RP::Level)), ("", t(RP::Town))]);
    for s in &detail.schools {
        row(m, &s.name);
        m.el("td", "", level(s.level)).el("td", "", &s.town).close();
    }
    m.close().close().close();
    m.el("h3", "", t(RP::PupilNumbers));
    let summary = &portrait.summary;
    match &summary.total {
        None => {
            m.el("p", "muted", t(RP::NoPupils));
        }
        Some(total) => {
            let projected: Vec<u16> = total.projection.iter().map(|(y, _)| *y).collect();
            scroll_table(m, t(RP::PupilNumbers), "print-table");
            m.attr("data-testid", "dossier-pupils").open("thead", "").open("tr", "");
            col(m, "", t(RP::Track));
            for y in &summary.years {
                col(m, "num", &format!("{y}-{}", y + 1));
            }
            for y in &projected {
                col(m, "num projected", &format!("{y}-{}*", y + 1));
            }
            m.close().close().open("tbody", "");
            for s in &summary.tracks {
                series_row(m, &s.label, s, &projected);
            }
            m.close().open("tfoot", "");
            series_row(m, t(RP::AllTracks), total, &projected);
            m.close().close().close();
            m.el("p", "small muted", &format!("* {}", t(RP::Expected)));
        }
    }
    m.el("h3", "", t(RP::ProgressionTitle));
    if portrait.progression.is_empty() {
        m.el("p", "muted", t(RP::NoProgression));
    } else {
        scroll_table(m, t(RP::ProgressionTitle), "print-table");
        head(m, &[("", t(RP::Kind)), ("", t(RP::Year)), ("num", t(RP::Leavers)), ("num", t(RP::Continued))]);
        for p in &portrait.progression {
            let kind = t(match p.kind {
                ProgressionKind::VmboToMbo => RP::VmboToMbo,
                ProgressionKind::SecondaryToHigher => RP::SecondaryToHigher,
            });
            let pct = p.percent().map(|x| format!(" ({x} %)")).unwrap_or_default();
            row(m, kind);
            m.el("td", "", &format!("{}-{}", p.year, p.year + 1));
            m.el("td", "num", &num(p.leavers)).el("td", "num", &format!("{}{pct}", num(p.continued))).close();
        }
        m.close().close().close();
    }
    m.el("h3", "", t(RP::FacilitiesTitle));
    if portrait.facilities.is_empty() {
        m.el("p", "muted", t(RP::NoFacilities));
    } else {
        m.open("ul", "");
        for f in &portrait.facilities {
            named_item(m, &f.name, t(if f.kind == FacilityKind::Network { RP::Network } else { RP::Facility }));
            if !f.note.is_empty() {
                m.text(&format!(": {}", f.note));
            }
            m.close();
        }
        m.close();
    }
    m.close();
}

fn plan_section(m: &mut Tree, page: &RegionalPlanPage) {
    let d = &page.directory;
    section(m, "dossier-plan", RP::SectionPlan);
    let goals = page.plan.goals_in_order();
    if goals.is_empty() {
        m.el("p", "muted", t(RP::NoGoals));
    }
    for (i, g) in goals.iter().enumerate() {
        m.open("div", "print-goal").el("h3", "", &format!("{}. {}", i + 1, g.title));
        if let Some(r) = g.route {
            let name = |id: i64| d.schools.get(&id).cloned().unwrap_or_default();
            m.open("p", "").el("strong", "", &format!("{}:", t(RP::RouteLabel))).text(&format!(" {} → {}", name(r.sending_school_id), name(r.receiving_school_id))).close();
        }
        if !g.description.is_empty() {
            m.el("p", "", &g.description);
        }
        m.open("ul", "");
        for a in page.plan.actions_of(g.id) {
            let owner = d.name(a.owner).unwrap_or_default();
            m.open("li", "").text(&a.description).text(" ");
            m.el("span", "muted", &format!("({}: {owner}; {}: {})", t(RP::Owner), t(RP::Budget), format_euro_nl(a.budget_cents))).close();
        }
        m.close().close();
    }
    m.close();
}

fn percent(tenths: Option<i64>) -> String {
    tenths.map(|t| format!("{},{} %", t / 10, t % 10)).unwrap_or_else(|| "–".into())
}

fn budget_section(m: &mut Tree, page: &RegionalPlanPage, c: &RegionalCofinancing) {
    let d = &page.directory;
    let companies: Vec<i64> = c.per_company.iter().map(|s| s.company_id).collect();
    section(m, "dossier-budget", RP::SectionBudget);
    scroll_table(m, t(RP::SectionBudget), "print-table budget-table");
    m.open("thead", "").open("tr", "");
    col(m, "", t(RP::Action));
    col(m, "num", t(RP::Budget));
    for id in &companies {
        col(m, "num", &d.companies.get(id).cloned().unwrap_or_default());
    }
    col(m, "num", t(RP::TotalContributions));
    m.close().close().open("tbody", "");
    for g in page.plan.goals_in_order() {
        for a in page.plan.actions_of(g.id) {
            row(m, &a.description);
            m.el("td", "num", &format_euro_nl(a.budget_cents));
            for id in &companies {
                let v = a.contributions.iter().find(|x| x.company_id == *id).map(|x| x.total_cents()).unwrap_or(0);
                m.el("td", "num", &format_euro_nl(v));
            }
            m.el("td", "num", &format_euro_nl(a.contribution_cents())).close();
        }
    }
    m.close().open("tfoot", "");
    row(m, t(RP::Total));
    m.open("td", "num").attr("data-testid", "dossier-total-budget").text(&format_euro_nl(c.total.budget_cents)).close();
    for s in &c.per_company {
        m.el("td", "num", &format_euro_nl(s.total_cents));
    }
    m.el("td", "num", &format_euro_nl(c.total.contribution_cents)).close().close().close().close();
    let verdict = match c.met() {
        Some(true) => t(RP::Met),
        Some(false) => t(RP::NotMet),
        None => t(RP::NoBudget),
    };
    let share = c.total.format_share(NL).unwrap_or_else(|| "–".into());
    m.open("p", "print-share").attr("data-testid", "dossier-share").el("strong", "", &format!("{}:", t(RP::Cofinancing)));
    m.text(&format!(" {share} ({} {} %): {verdict}", t(RP::Threshold), c.total.threshold_percent)).close();
    m.close();
}

fn partners_section(m: &mut Tree, detail: &RegionDetail, c: &RegionalCofinancing) {
    section(m, "dossier-partners", RP::SectionPartners);
    m.el("h3", "", t(RP::CompaniesContributions));
    if detail.companies.is_empty() {
        m.el("p", "muted", t(RP::NoCompanies));
    } else {
        scroll_table(m, t(RP::CompaniesContributions), "print-table");
        head(m, &[("", t(RP::Company)), ("", t(RP::Town)), ("num", t(RP::Money)), ("num", t(RP::InKind)), ("num", t(RP::Share))]);
        for co in &detail.companies {
            let s = c.per_company.iter().find(|s| s.company_id == co.company_id);
            row(m, &co.name);
            m.el("td", "", &co.town);
            m.el("td", "num", &format_euro_nl(s.map_or(0, |s| s.money_cents)));
            m.el("td", "num", &format_euro_nl(s.map_or(0, |s| s.in_kind_cents)));
            m.el("td", "num", &percent(s.and_then(|s| s.share_tenths_percent))).close();
        }
        m.close().close().close();
    }
    m.el("h3", "", t(RP::OtherPartners));
    if detail.partners.is_empty() {
        m.el("p", "muted", t(RP::NoPartners));
    } else {
        m.open("ul", "");
        for p in &detail.partners {
            named_item(m, &p.name, partner_kind(p.kind));
            m.close();
        }
        m.close();
    }
    m.close();
}

fn document(plan: &RegionalPlanPage, detail: &RegionDetail, portrait: &Portrait, today: Option<rubric::Date>) -> Html {
    let mut m = Tree::new();
    m.open("header", "print-head");
    m.el("p", "print-kicker", &format!("STEMpact · {} {}", t(RP::Edition), plan.edition_name));
    m.el("h1", "", t(RP::DossierTitle));
    m.el("p", "", &format!("{} {}", t(RP::DossierKicker), plan.region_name));
    if let Some(day) = today {
        m.el("p", "muted", &format!("{} {}", t(RP::PrintedOn), format::date(NL, day)));
    }
    m.close();
    portrait_section(&mut m, detail, portrait);
    plan_section(&mut m, plan);
    budget_section(&mut m, plan, &plan.cofinancing);
    partners_section(&mut m, detail, &plan.cofinancing);
    m.html()
}

#[derive(Properties, PartialEq)]
pub struct DossierProps {
    pub id: i64,
}

#[component]
pub fn RegionDossierPage(props: &DossierProps) -> Html {
    let lang = use_lang();
    let fetch = use_fetch(props.id, |id| async move {
        let plan = api::regional_plan::page(id).await?;
        let detail: RegionDetail = client::get(&format!("/regions/{id}")).await?;
        let portrait: Portrait = client::get(&format!("/regions/{id}/portrait")).await?;
        Ok((plan, detail, portrait))
    });
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let loaded = match &fetch.state {
        Fetch::Failed(e) => return html! { <section class="page narrow" data-testid="dossier-refused"><ErrorBox error={e.clone()} /></section> },
        Fetch::Loading => return html! { <section class="page"><Loading /></section> },
        Fetch::Ready(l) => l.clone(),
    };
    let today = rubric::Date::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64);
    html! {
        <article class="page print-page" data-testid="region-dossier">
            <div class="print-tools no-print">
                <Link to={Route::RegionPlan { id: props.id }} classes="button secondary">{ RP::BackToPlan.t(lang) }</Link>
                <a class="button secondary" href={api::regional_plan::budget_csv_href(props.id)} download="">{ RP::BudgetCsv.t(lang) }</a>
                <button type="button" class="button" onclick={print}>{ RP::PrintNow.t(lang) }</button>
            </div>
            { document(&loaded.0, &loaded.1, &loaded.2, today) }
        </article>
    }
}

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
use crate::markup::Markup;
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

/// One row of the pupil table: known years, then the projected ones.
fn series_row(m: &mut Markup, label: &str, s: &Series, projected_years: &[u16]) {
    m.el("<tr><th scope=\"row\">", label, "</th>");
    for c in &s.counts {
        m.el("<td class=\"num\">", &c.map(num).unwrap_or_else(|| "–".into()), "</td>");
    }
    for y in projected_years {
        let v = s.projection.iter().find(|(py, _)| py == y).map(|(_, v)| num(*v)).unwrap_or_else(|| "–".into());
        m.el("<td class=\"num projected\">", &v, "</td>");
    }
    m.raw("</tr>");
}

fn portrait_section(m: &mut Markup, detail: &RegionDetail, portrait: &Portrait) {
    m.el("<section class=\"print-section\" data-testid=\"dossier-portrait\"><h2>", t(RP::SectionPortrait), "</h2>");
    m.el("<h3>", t(RP::Schools2), "</h3>");
    m.raw("<table class=\"print-table\"><thead><tr>");
    m.el("<th scope=\"col\">", t(RP::Schools), "</th>").el("<th scope=\"col\">", t(RP::Level), "</th>").el("<th scope=\"col\">", t(RP::Town), "</th>");
    m.raw("</tr></thead><tbody>");
    for s in &detail.schools {
        m.el("<tr><th scope=\"row\">", &s.name, "</th>").el("<td>", level(s.level), "</td>").el("<td>", &s.town, "</td></tr>");
    }
    m.raw("</tbody></table>");
    m.el("<h3>", t(RP::PupilNumbers), "</h3>");
    let summary = &portrait.summary;
    match &summary.total {
        None => {
            m.el("<p class=\"muted\">", t(RP::NoPupils), "</p>");
        }
        Some(total) => {
            let projected: Vec<u16> = total.projection.iter().map(|(y, _)| *y).collect();
            m.raw("<div class=\"table-scroll\"><table class=\"print-table\" data-testid=\"dossier-pupils\"><thead><tr>");
            m.el("<th scope=\"col\">", t(RP::Track), "</th>");
            for y in &summary.years {
                m.el("<th scope=\"col\" class=\"num\">", &format!("{y}-{}", y + 1), "</th>");
            }
            for y in &projected {
                m.el("<th scope=\"col\" class=\"num projected\">", &format!("{y}-{}*", y + 1), "</th>");
            }
            m.raw("</tr></thead><tbody>");
            for s in &summary.tracks {
                series_row(m, &s.label, s, &projected);
            }
            m.raw("</tbody><tfoot>");
            series_row(m, t(RP::AllTracks), total, &projected);
            m.raw("</tfoot></table></div>");
            m.el("<p class=\"small muted\">", &format!("* {}", t(RP::Expected)), "</p>");
        }
    }
    m.el("<h3>", t(RP::ProgressionTitle), "</h3>");
    if portrait.progression.is_empty() {
        m.el("<p class=\"muted\">", t(RP::NoProgression), "</p>");
    } else {
        m.raw("<table class=\"print-table\"><thead><tr>");
        m.el("<th scope=\"col\">", t(RP::Kind), "</th>").el("<th scope=\"col\">", t(RP::Year), "</th>");
        m.el("<th scope=\"col\" class=\"num\">", t(RP::Leavers), "</th>").el("<th scope=\"col\" class=\"num\">", t(RP::Continued), "</th>");
        m.raw("</tr></thead><tbody>");
        for p in &portrait.progression {
            let kind = t(match p.kind {
                ProgressionKind::VmboToMbo => RP::VmboToMbo,
                ProgressionKind::SecondaryToHigher => RP::SecondaryToHigher,
            });
            let pct = p.percent().map(|x| format!(" ({x} %)")).unwrap_or_default();
            m.el("<tr><th scope=\"row\">", kind, "</th>").el("<td>", &format!("{}-{}", p.year, p.year + 1), "</td>");
            m.el("<td class=\"num\">", &num(p.leavers), "</td>").el("<td class=\"num\">", &format!("{}{pct}", num(p.continued)), "</td></tr>");
        }
        m.raw("</tbody></table>");
    }
    m.el("<h3>", t(RP::FacilitiesTitle), "</h3>");
    if portrait.facilities.is_empty() {
        m.el("<p class=\"muted\">", t(RP::NoFacilities), "</p>");
    } else {
        m.raw("<ul>");
        for f in &portrait.facilities {
            let kind = t(if f.kind == FacilityKind::Network { RP::Network } else { RP::Facility });
            m.el("<li><strong>", &f.name, "</strong>").text(&format!(" ({kind})"));
            if !f.note.is_empty() {
                m.text(&format!(": {}", f.note));
            }
            m.raw("</li>");
        }
        m.raw("</ul>");
    }
    m.raw("</section>");
}

fn plan_section(m: &mut Markup, page: &RegionalPlanPage) {
    let d = &page.directory;
    m.el("<section class=\"print-section\" data-testid=\"dossier-plan\"><h2>", t(RP::SectionPlan), "</h2>");
    let goals = page.plan.goals_in_order();
    if goals.is_empty() {
        m.el("<p class=\"muted\">", t(RP::NoGoals), "</p>");
    }
    for (i, g) in goals.iter().enumerate() {
        m.el("<div class=\"print-goal\"><h3>", &format!("{}. {}", i + 1, g.title), "</h3>");
        if let Some(r) = g.route {
            let name = |id: i64| d.schools.get(&id).cloned().unwrap_or_default();
            m.el("<p><strong>", t(RP::RouteLabel), ":</strong> ").text(&format!("{} → {}", name(r.sending_school_id), name(r.receiving_school_id))).raw("</p>");
        }
        if !g.description.is_empty() {
            m.el("<p>", &g.description, "</p>");
        }
        m.raw("<ul>");
        for a in page.plan.actions_of(g.id) {
            let owner = d.name(a.owner).unwrap_or_default();
            m.el("<li>", &a.description, "").el(" <span class=\"muted\">(", &format!("{}: {owner}; {}: {}", t(RP::Owner), t(RP::Budget), format_euro_nl(a.budget_cents)), ")</span></li>");
        }
        m.raw("</ul></div>");
    }
    m.raw("</section>");
}

fn percent(tenths: Option<i64>) -> String {
    tenths.map(|t| format!("{},{} %", t / 10, t % 10)).unwrap_or_else(|| "–".into())
}

fn budget_section(m: &mut Markup, page: &RegionalPlanPage, c: &RegionalCofinancing) {
    let d = &page.directory;
    let companies: Vec<i64> = c.per_company.iter().map(|s| s.company_id).collect();
    m.el("<section class=\"print-section\" data-testid=\"dossier-budget\"><h2>", t(RP::SectionBudget), "</h2>");
    m.raw("<div class=\"table-scroll\"><table class=\"print-table budget-table\"><thead><tr>");
    m.el("<th scope=\"col\">", t(RP::Action), "</th>").el("<th scope=\"col\" class=\"num\">", t(RP::Budget), "</th>");
    for id in &companies {
        m.el("<th scope=\"col\" class=\"num\">", &d.companies.get(id).cloned().unwrap_or_default(), "</th>");
    }
    m.el("<th scope=\"col\" class=\"num\">", t(RP::TotalContributions), "</th></tr></thead><tbody>");
    for g in page.plan.goals_in_order() {
        for a in page.plan.actions_of(g.id) {
            m.el("<tr><th scope=\"row\">", &a.description, "</th>").el("<td class=\"num\">", &format_euro_nl(a.budget_cents), "</td>");
            for id in &companies {
                let v = a.contributions.iter().find(|x| x.company_id == *id).map(|x| x.total_cents()).unwrap_or(0);
                m.el("<td class=\"num\">", &format_euro_nl(v), "</td>");
            }
            m.el("<td class=\"num\">", &format_euro_nl(a.contribution_cents()), "</td></tr>");
        }
    }
    m.raw("</tbody><tfoot>");
    m.el("<tr><th scope=\"row\">", t(RP::Total), "</th>").el("<td class=\"num\" data-testid=\"dossier-total-budget\">", &format_euro_nl(c.total.budget_cents), "</td>");
    for s in &c.per_company {
        m.el("<td class=\"num\">", &format_euro_nl(s.total_cents), "</td>");
    }
    m.el("<td class=\"num\">", &format_euro_nl(c.total.contribution_cents), "</td></tr></tfoot></table></div>");
    let verdict = match c.met() {
        Some(true) => t(RP::Met),
        Some(false) => t(RP::NotMet),
        None => t(RP::NoBudget),
    };
    let share = c.total.format_share(NL).unwrap_or_else(|| "–".into());
    m.el("<p class=\"print-share\" data-testid=\"dossier-share\"><strong>", t(RP::Cofinancing), ":</strong> ");
    m.text(&format!("{share} ({} {} %): {verdict}", t(RP::Threshold), c.total.threshold_percent)).raw("</p>");
    m.raw("</section>");
}

fn partners_section(m: &mut Markup, detail: &RegionDetail, c: &RegionalCofinancing) {
    m.el("<section class=\"print-section\" data-testid=\"dossier-partners\"><h2>", t(RP::SectionPartners), "</h2>");
    m.el("<h3>", t(RP::CompaniesContributions), "</h3>");
    if detail.companies.is_empty() {
        m.el("<p class=\"muted\">", t(RP::NoCompanies), "</p>");
    } else {
        m.raw("<table class=\"print-table\"><thead><tr>");
        m.el("<th scope=\"col\">", t(RP::Company), "</th>").el("<th scope=\"col\">", t(RP::Town), "</th>");
        m.el("<th scope=\"col\" class=\"num\">", t(RP::Money), "</th>").el("<th scope=\"col\" class=\"num\">", t(RP::InKind), "</th>");
        m.el("<th scope=\"col\" class=\"num\">", t(RP::Share), "</th></tr></thead><tbody>");
        for co in &detail.companies {
            let s = c.per_company.iter().find(|s| s.company_id == co.company_id);
            m.el("<tr><th scope=\"row\">", &co.name, "</th>").el("<td>", &co.town, "</td>");
            m.el("<td class=\"num\">", &format_euro_nl(s.map_or(0, |s| s.money_cents)), "</td>");
            m.el("<td class=\"num\">", &format_euro_nl(s.map_or(0, |s| s.in_kind_cents)), "</td>");
            m.el("<td class=\"num\">", &percent(s.and_then(|s| s.share_tenths_percent)), "</td></tr>");
        }
        m.raw("</tbody></table>");
    }
    m.el("<h3>", t(RP::OtherPartners), "</h3>");
    if detail.partners.is_empty() {
        m.el("<p class=\"muted\">", t(RP::NoPartners), "</p>");
    } else {
        m.raw("<ul>");
        for p in &detail.partners {
            m.el("<li><strong>", &p.name, "</strong>").text(&format!(" ({})", partner_kind(p.kind))).raw("</li>");
        }
        m.raw("</ul>");
    }
    m.raw("</section>");
}

fn document(plan: &RegionalPlanPage, detail: &RegionDetail, portrait: &Portrait, today: Option<rubric::Date>) -> Html {
    let mut m = Markup::new();
    m.raw("<header class=\"print-head\">");
    m.el("<p class=\"print-kicker\">", &format!("STEMpact · {} {}", t(RP::Edition), plan.edition_name), "</p>");
    m.el("<h1>", t(RP::DossierTitle), "</h1>");
    m.el("<p>", &format!("{} {}", t(RP::DossierKicker), plan.region_name), "</p>");
    if let Some(day) = today {
        m.el("<p class=\"muted\">", &format!("{} {}", t(RP::PrintedOn), format::date(NL, day)), "</p>");
    }
    m.raw("</header>");
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

//! The live cofinancing panel: the region's companies' share of the total
//! budget against the threshold, in total and per company, with a bar that
//! marks the threshold and how much is still needed. While an action is
//! being typed the panel shows the plan as it would be with it.

use crate::i18n::regional_plan::RP;
use crate::i18n::Text;
use crate::hooks::use_lang;
use rubric::plan::money::format_euro;
use rubric::regional_plan::{RegionDirectory, RegionalCofinancing};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CofinancingPanelProps {
    pub cofinancing: RegionalCofinancing,
    pub directory: RegionDirectory,
    /// Whether it counts an action that is not saved yet.
    #[prop_or_default]
    pub preview: bool,
}

/// Tenths of a percent as `9,9 %` / `9.9%`.
fn percent(tenths: i64, lang: crate::i18n::Lang) -> String {
    crate::i18n::pick(lang, format!("{},{} %", tenths / 10, tenths % 10), format!("{}.{}%", tenths / 10, tenths % 10))
}

#[component]
pub fn CofinancingPanel(props: &CofinancingPanelProps) -> Html {
    let lang = use_lang();
    let c = &props.cofinancing;
    let money = |cents: i64| format_euro(cents, lang);
    let threshold = c.total.threshold_percent;
    let (class, verdict) = match c.met() {
        Some(true) => ("cofinancing met", RP::Met.t(lang)),
        Some(false) => ("cofinancing below", RP::NotMet.t(lang)),
        None => ("cofinancing", RP::NoBudget.t(lang)),
    };
    let share = c.total.format_share(lang);
    // The bar runs from 0 to twice the threshold (at least 20 %), so the
    // threshold line sits in the middle and crossing it is easy to see.
    let scale = i64::from(threshold.max(10)) * 20;
    let width = |tenths: i64| (tenths.clamp(0, scale) * 100 / scale).to_string();
    let tenths = match c.total.share {
        rubric::plan::CofinancingShare::Computed { share_tenths_percent, .. } => share_tenths_percent,
        rubric::plan::CofinancingShare::NotComputable => 0,
    };
    html! {
        <aside class="plan-checks regional-cofinancing" aria-labelledby="cofinancing-title" data-testid="cofinancing-panel">
            <h2 id="cofinancing-title">{ RP::Cofinancing.t(lang) }</h2>
            <p class="small muted">{ RP::CofinancingLead.t(lang) }</p>
            <div class={class} data-testid="cofinancing" data-met={c.met().map(|m| m.to_string()).unwrap_or_default()} aria-live="polite">
                <strong>{ verdict }</strong>
                if let Some(share) = share.clone() {
                    <span class="share" data-testid="cofinancing-share">{ share }</span>
                }
                <span class="small">{ format!("{} {threshold} %", RP::Threshold.t(lang)) }</span>
                if props.preview { <span class="small" data-testid="cofinancing-preview">{ format!("({})", RP::Preview.t(lang)) }</span> }
            </div>
            <div class="threshold-bar" role="img" aria-label={format!("{} {} / {} {threshold} %", RP::Share.t(lang), share.clone().unwrap_or_default(), RP::Threshold.t(lang))}>
                <span class="threshold-fill" style={format!("width:{}%", width(tenths))}></span>
                <span class="threshold-line" style={format!("left:{}%", width(i64::from(threshold) * 10))}></span>
            </div>
            <dl class="action-facts">
                <dt>{ RP::TotalBudget.t(lang) }</dt><dd data-testid="cofinancing-budget">{ money(c.total.budget_cents) }</dd>
                <dt>{ RP::TotalContributions.t(lang) }</dt><dd data-testid="cofinancing-contributions">{ money(c.total.contribution_cents) }</dd>
                if c.missing_cents > 0 {
                    <dt>{ RP::StillNeeded.t(lang) }</dt><dd data-testid="cofinancing-missing">{ money(c.missing_cents) }</dd>
                }
            </dl>
            if !c.per_company.is_empty() {
                <h3 class="small">{ RP::PerCompany.t(lang) }</h3>
                <ul class="check-list company-shares" data-testid="company-shares">
                    { for c.per_company.iter().map(|s| {
                        let name = props.directory.companies.get(&s.company_id).cloned().unwrap_or_else(|| s.company_id.to_string());
                        let share = s.share_tenths_percent.map(|t| percent(t, lang)).unwrap_or_default();
                        html! {
                            <li class="company-share">
                                <strong>{ name }</strong>
                                <span>{ format!("{} · {share}", money(s.total_cents)) }</span>
                                <span class="small muted">{ format!("{} {} · {} {}", RP::Money.t(lang), money(s.money_cents), RP::InKind.t(lang), money(s.in_kind_cents)) }</span>
                            </li>
                        }
                    }) }
                </ul>
            }
        </aside>
    }
}

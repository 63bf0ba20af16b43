//! The spread of a team's answers on one indicator: a small column per level
//! and for "not applicable" and "don't know" (counted apart), with the
//! median, the range and the counts.

use crate::hooks::use_lang;
use crate::i18n::format::level_score;
use crate::i18n::nulmeting::N;
use crate::i18n::rubric_versions::R;
use crate::i18n::Text;
use rubric::assessment::IndicatorStats;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DistributionProps {
    pub stats: IndicatorStats,
}

#[component]
pub fn Distribution(props: &DistributionProps) -> Html {
    let lang = use_lang();
    let s = &props.stats;
    let columns: Vec<(String, u32, &str)> = s
        .distribution
        .iter()
        .enumerate()
        .map(|(i, &c)| ((i + 1).to_string(), c, ["level-1", "level-2", "level-3", "level-4"][i.min(3)]))
        .chain(std::iter::once((N::NaShort.t(lang).to_string(), s.na_count, "level-na")))
        .chain(std::iter::once((R::DontKnowShort.t(lang).to_string(), s.dont_know_count, "level-na level-dk")))
        .collect();
    let highest = columns.iter().map(|c| c.1).max().unwrap_or(0).max(1);
    let median = s.median.map_or_else(|| "–".to_string(), |m| if m.fract() == 0.0 { (m as i64).to_string() } else { level_score(lang, m) });
    let range = match (s.min, s.max) {
        (Some(lo), Some(hi)) if lo == hi => lo.to_string(),
        (Some(lo), Some(hi)) => format!("{lo}–{hi}"),
        _ => "–".to_string(),
    };
    html! {
        <div class="distribution" data-testid="distribution">
            <ol class="histogram" aria-label={N::DistributionLabel.t(lang)}>
                { for columns.iter().map(|(label, count, class)| html! {
                    <li class={classes!("column", *class)}>
                        <span class="bar-area" aria-hidden="true">
                            <span class="bar" style={format!("height:{}%", count * 100 / highest)}></span>
                        </span>
                        <span class="count">{ count }</span>
                        <span class="label">{ label.clone() }</span>
                    </li>
                }) }
            </ol>
            <dl class="stat-list">
                <div><dt>{ N::Median.t(lang) }</dt><dd data-testid="median">{ median }</dd></div>
                <div><dt>{ N::Range.t(lang) }</dt><dd data-testid="range">{ range }</dd></div>
                <div><dt>{ N::Count.t(lang) }</dt><dd data-testid="count">{ s.count }</dd></div>
                <div><dt>{ N::NaCount.t(lang) }</dt><dd data-testid="na-count">{ s.na_count }</dd></div>
                <div><dt>{ R::DontKnowCount.t(lang) }</dt><dd data-testid="dk-count">{ s.dont_know_count }</dd></div>
            </dl>
        </div>
    }
}

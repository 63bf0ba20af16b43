//! Growth from a baseline on one rubric version to a final on another, per
//! indicator of the final: the two levels and the growth where the declared
//! mapping says both measure the same thing, "indicative" (both levels, no
//! difference) where a construct was split or merged, and "not comparable"
//! where the indicator is new or changed. A view function, not a component
//! (issue 13: each component type costs Yew's machinery again).

use crate::i18n::nulmeting::answer_label;
use crate::i18n::rubric_versions::R;
use crate::i18n::Text;
use rubric::assessment::Answer;
use rubric::mapping::Comparability;
use rubric::rubric_versions::CrossGrowth;
use yew::prelude::*;

pub struct GrowthAcross<'a> {
    pub rows: &'a [CrossGrowth],
    /// The baseline's and the final's rubric versions.
    pub from: u32,
    pub to: u32,
}

pub fn growth_across(lang: rubric::Lang, props: GrowthAcross) -> Html {
    let title = |id: &str| rubric::names::indicator(id, lang).map_or_else(|| id.to_string(), |(_, t)| t.to_string());
    let level = |l: Option<rubric::Level>| answer_label(lang, l.map(Answer::Level));
    html! {
        <section class="report-section" data-testid="growth-across">
            <h2>{ R::GrowthAcrossTitle.t(lang) }</h2>
            <p class="muted">{ R::GrowthAcrossIntro.t(lang).replace("{from}", &props.from.to_string()).replace("{to}", &props.to.to_string()) }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={R::GrowthAcrossTitle.t(lang)}>
                <table class="data-table cards-on-phone">
                    <thead>
                        <tr>
                            <th scope="col">{ R::ColIndicator.t(lang) }</th>
                            <th scope="col">{ R::ColBaseline.t(lang) }{ format!(" (v{})", props.from) }</th>
                            <th scope="col">{ R::ColFinal.t(lang) }{ format!(" (v{})", props.to) }</th>
                            <th scope="col">{ R::ColGrowth.t(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.rows.iter().map(|g| {
                            let (mark, hint) = match g.comparability {
                                Comparability::Comparable => (R::Comparable, None),
                                Comparability::Indicative => (R::Indicative, Some(R::IndicativeHint)),
                                Comparability::NotComparable => (R::NotComparable, Some(R::NotComparableHint)),
                            };
                            let key = match g.comparability {
                                Comparability::Comparable => "comparable",
                                Comparability::Indicative => "indicative",
                                Comparability::NotComparable => "not-comparable",
                            };
                            html! {
                                <tr data-indicator={g.indicator_id.clone()} data-comparability={key}>
                                    <th scope="row">{ title(&g.indicator_id) }</th>
                                    <td data-label={R::ColBaseline.t(lang)}>
                                        if g.comparability == Comparability::NotComparable { { "–" } } else { { level(g.baseline) } }
                                        if let Some(from) = g.from_indicator.as_ref().filter(|f| **f != g.indicator_id && g.comparability != Comparability::NotComparable) {
                                            <span class="muted small">{ " (" }{ title(from) }{ ")" }</span>
                                        }
                                    </td>
                                    <td data-label={R::ColFinal.t(lang)}>{ level(g.final_level) }</td>
                                    <td data-label={R::ColGrowth.t(lang)} data-testid="growth-mark">
                                        if let Some(d) = g.delta {
                                            <strong>{ format!("{d:+}") }</strong>
                                        } else {
                                            <span class="badge">{ mark.t(lang) }</span>
                                        }
                                        if let Some(hint) = hint { <span class="muted small">{ " " }{ hint.t(lang) }</span> }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

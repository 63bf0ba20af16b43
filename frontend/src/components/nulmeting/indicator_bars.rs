//! A bar per indicator, grouped per aspect: the consensus level of the
//! nulmeting and, once there is one, of the eindmeting with the growth.

use crate::hooks::use_lang;
use crate::i18n::nulmeting::{answer_label, N};
use crate::i18n::Text;
use rubric::assessment::Answer;
use yew::prelude::*;

/// One indicator's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub indicator_id: String,
    pub baseline: Option<Answer>,
    pub final_outcome: Option<Answer>,
    pub delta: Option<i8>,
}

#[derive(Properties, PartialEq)]
pub struct IndicatorBarsProps {
    pub rows: Vec<BarRow>,
    /// Show the eindmeting bar and the growth.
    pub with_final: bool,
}

fn bar(lang: rubric::Lang, outcome: Option<Answer>, class: &'static str) -> Html {
    let (width, level_class) = match outcome {
        Some(Answer::Level(l)) => (u32::from(l.get()) * 25, format!("level-{l}")),
        _ => (0, "level-none".to_string()),
    };
    html! {
        <div class={classes!("bar-line", class)}>
            <span class="bar-track" aria-hidden="true"><span class={classes!("bar-fill", level_class)} style={format!("width:{width}%")}></span></span>
            <span class="bar-value">{ answer_label(lang, outcome) }</span>
        </div>
    }
}

#[component]
pub fn IndicatorBars(props: &IndicatorBarsProps) -> Html {
    let lang = use_lang();
    let Some(rubric) = crate::hooks::rubric::use_rubric() else { return html! {} };
    html! {
        <div class="indicator-bars" data-testid="indicator-bars">
            { for rubric.aspects.iter().enumerate().map(|(a, aspect)| html! {
                <div class="bar-group">
                    <h3 class="aspect-title"><span class="aspect-number">{ a + 1 }</span>{ aspect.name.get(lang) }</h3>
                    { for aspect.indicators.iter().enumerate().map(|(i, ind)| {
                        let row = props.rows.iter().find(|r| r.indicator_id == ind.id);
                        html! {
                            <div class="bar-row" data-indicator={ind.id.clone()}>
                                <span class="bar-label"><span class="indicator-number">{ format!("{}.{}", a + 1, i + 1) }</span>{ ind.title.get(lang) }</span>
                                <div class="bar-lines">
                                    { bar(lang, row.and_then(|r| r.baseline), "baseline") }
                                    if props.with_final {
                                        { bar(lang, row.and_then(|r| r.final_outcome), "final") }
                                    }
                                </div>
                                if props.with_final {
                                    <span class={classes!("delta", row.and_then(|r| r.delta).map(|d| if d > 0 { "up" } else if d < 0 { "down" } else { "same" }))}
                                        title={N::Growth.t(lang)}>
                                        { row.and_then(|r| r.delta).map_or_else(|| "–".to_string(), |d| format!("{d:+}")) }
                                    </span>
                                }
                            </div>
                        }
                    }) }
                </div>
            }) }
        </div>
    }
}

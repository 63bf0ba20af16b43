//! One aspect of the rubric as a printable section: its indicators, each
//! with the question, the four level descriptors and the evidence guidance.

use crate::hooks::use_lang;
use crate::i18n::{common::C, Text};
use rubric::{AspectId, Level};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RubricAspectProps {
    pub aspect_id: AspectId,
    /// Position in the rubric, 1 to 7.
    pub number: usize,
}

#[component]
pub fn RubricAspect(props: &RubricAspectProps) -> Html {
    let lang = use_lang();
    let Some(rubric) = crate::hooks::rubric::use_rubric() else { return html! {} };
    let Some(aspect) = rubric.aspect(props.aspect_id) else { return html! {} };
    html! {
        <section class="aspect" id={format!("aspect-{}", aspect.id.key())} data-aspect={aspect.id.key()}>
            <h2><span class="aspect-number">{ props.number }</span>{ aspect.name.get(lang) }</h2>
            <p class="muted">{ aspect.description.get(lang) }</p>
            { for aspect.indicators.iter().map(|ind| html! {
                <article class="indicator" id={ind.id.clone()} data-indicator={ind.id.clone()}>
                    <h3>{ ind.title.get(lang) }</h3>
                    <p class="question">{ ind.question.get(lang) }</p>
                    <ol class="levels" aria-label={C::RubricLevels.t(lang)}>
                        { for Level::ALL.iter().zip(&ind.levels).map(|(level, text)| html! {
                            <li class={format!("level level-{level}")}>
                                <span class="level-name">{ format!("{level} · {}", rubric.level_name(*level).get(lang)) }</span>
                                <span class="level-text">{ text.get(lang) }</span>
                            </li>
                        }) }
                    </ol>
                    <p class="evidence"><strong>{ C::RubricEvidence.t(lang) }{ " " }</strong>{ ind.evidence.get(lang) }</p>
                </article>
            }) }
        </section>
    }
}

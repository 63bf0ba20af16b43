//! The choice on one indicator: the four level descriptors in full as radio
//! cards, plus "not applicable" and "don't know" as two answers (in every
//! rubric version: v1's merged label is not used). Native radios in one
//! group, so the arrow keys move between the cards and the focus is always
//! visible. A view function, not a component: the indicator's answer card
//! is its only user (issue 13: each component type costs Yew's machinery
//! again).

use crate::i18n::rubric_versions::R;
use crate::i18n::Text;
use rubric::assessment::Answer;
use rubric::Level;
use yew::prelude::*;

/// What the choice shows and does.
pub struct LevelChoice<'a> {
    /// The indicator, also the radio group's name.
    pub indicator_id: &'a AttrValue,
    /// The group's accessible name (the indicator's title).
    pub label: &'a str,
    pub value: Option<Answer>,
    pub disabled: bool,
    pub on_choose: &'a Callback<Answer>,
}

pub fn level_choice(lang: rubric::Lang, rubric: &rubric::Rubric, indicator: &rubric::Indicator, props: LevelChoice) -> Html {
    let card = |answer: Answer, name: String, text: Option<String>| {
        let checked = props.value == Some(answer);
        let on_choose = props.on_choose.clone();
        let (class, value) = match answer {
            Answer::Level(l) => (format!("level-card level-{l}"), l.to_string()),
            Answer::NotApplicable => ("level-card level-na".to_string(), Answer::NOT_APPLICABLE_KEY.to_string()),
            Answer::DontKnow => ("level-card level-na level-dk".to_string(), Answer::DONT_KNOW_KEY.to_string()),
        };
        html! {
            <label class={classes!(class, checked.then_some("selected"))} data-answer={value.clone()}>
                <input
                    type="radio"
                    name={props.indicator_id.clone()}
                    value={value}
                    checked={checked}
                    disabled={props.disabled}
                    onchange={Callback::from(move |_: Event| on_choose.emit(answer))}
                />
                <span class="level-name">{ name }</span>
                if let Some(text) = text { <span class="level-text">{ text }</span> }
            </label>
        }
    };
    html! {
        <fieldset class="level-choice" disabled={props.disabled}>
            <legend class="visually-hidden">{ props.label.to_string() }</legend>
            { for Level::ALL.iter().map(|&level| card(
                Answer::Level(level),
                format!("{level} · {}", rubric.level_name(level).get(lang)),
                indicator.descriptor(level).map(|t| t.get(lang).to_string()),
            )) }
            { card(
                Answer::NotApplicable,
                R::NotApplicable.t(lang).to_string(),
                Some(rubric.not_applicable_help.as_ref().map_or_else(|| R::NotApplicableHint.t(lang).to_string(), |t| t.get(lang).to_string())),
            ) }
            { card(
                Answer::DontKnow,
                R::DontKnow.t(lang).to_string(),
                Some(rubric.dont_know_help.as_ref().map_or_else(|| R::DontKnowHint.t(lang).to_string(), |t| t.get(lang).to_string())),
            ) }
        </fieldset>
    }
}

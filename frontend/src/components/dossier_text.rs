//! One text of the award dossier: a labelled textarea with its hint, a
//! character count against the limit and the message under it, or, for
//! whoever may only read it, the text itself.

use crate::components::form::{described_by, event_value, field_error};
use crate::hooks::use_lang;
use crate::i18n::dossier::{chars, D};
use crate::i18n::Text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DossierTextProps {
    pub id: AttrValue,
    pub label: D,
    pub hint: D,
    pub value: AttrValue,
    pub max: usize,
    pub editable: bool,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or(6)]
    pub rows: u32,
    pub on_input: Callback<String>,
}

#[component]
pub fn DossierText(props: &DossierTextProps) -> Html {
    let lang = use_lang();
    let id = props.id.to_string();
    let count = props.value.chars().count();
    if !props.editable {
        return html! {
            <div class="dossier-text" data-testid={format!("{id}-read")}>
                <h3>{ props.label.t(lang) }</h3>
                if props.value.trim().is_empty() {
                    <p class="muted">{ D::Empty.t(lang) }</p>
                } else {
                    <p class="pre">{ props.value.to_string() }</p>
                }
            </div>
        };
    }
    let on_input = props.on_input.reform(|e: InputEvent| event_value(&e));
    let hint_id = format!("{id}-hint");
    let described = [Some(hint_id.clone()), described_by(&id, props.error.as_deref())].into_iter().flatten().collect::<Vec<_>>().join(" ");
    html! {
        <div class="field dossier-text">
            <label for={id.clone()}>{ props.label.t(lang) }</label>
            <p class="hint" id={hint_id}>{ props.hint.t(lang) }</p>
            <textarea id={id.clone()} data-testid={id.clone()} rows={props.rows.to_string()} value={props.value.clone()}
                aria-describedby={described} aria-invalid={props.error.is_some().then_some("true")} oninput={on_input} />
            <p class={classes!("hint", "char-count", (count > props.max).then_some("over"))}>{ chars(lang, count, props.max) }</p>
            { field_error(&id, props.error.as_deref()) }
        </div>
    }
}

//! A labelled input with its error message underneath, linked with
//! `aria-describedby` so screen readers read the message with the field;
//! a date field also says its date in words in the interface language.
//! A plain view function: it holds no state.

use super::input_value;
use crate::components::form::{date_echo, date_echo_id};
use crate::i18n::Lang;
use yew::prelude::*;

/// One input of a form.
pub struct FieldSpec<'a> {
    /// The input's id; also names the field in tests (`data-field`).
    pub id: &'a str,
    pub label: &'a str,
    pub value: String,
    /// `text`, `date`, `email`, `number`.
    pub kind: &'static str,
    pub required: bool,
    pub error: Option<String>,
    pub on_input: Callback<String>,
}

pub fn form_field(f: FieldSpec) -> Html {
    form_field_in(f, None)
}

/// [`form_field`], with a date field's date repeated in words in `lang`.
pub fn form_field_in(f: FieldSpec, lang: Option<Lang>) -> Html {
    let error_id = format!("{}-error", f.id);
    let echo = match lang {
        Some(lang) if f.kind == "date" => Some(date_echo(f.id, &f.value, lang)),
        _ => None,
    };
    let described: Vec<String> =
        [echo.as_ref().map(|_| date_echo_id(f.id)), f.error.as_ref().map(|_| error_id.clone())].into_iter().flatten().collect();
    let on_input = f.on_input;
    let oninput = Callback::from(move |e: InputEvent| on_input.emit(input_value(&e.into())));
    html! {
        <div class={classes!("field", f.error.is_some().then_some("has-error"))} data-field={f.id.to_string()}>
            <label for={f.id.to_string()}>{ f.label }{ if f.required { " *" } else { "" } }</label>
            <input id={f.id.to_string()} type={f.kind} value={f.value} {oninput} required={f.required}
                aria-invalid={f.error.is_some().to_string()}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))} />
            if let Some(echo) = echo { { echo } }
            if let Some(e) = f.error { <p class="field-error" id={error_id}>{ e }</p> }
        </div>
    }
}

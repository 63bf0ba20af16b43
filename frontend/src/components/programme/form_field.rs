//! A labelled input with its error message underneath, linked with
//! `aria-describedby` so screen readers read the message with the field.
//! A plain view function: it holds no state.

use super::input_value;
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
    let error_id = format!("{}-error", f.id);
    let on_input = f.on_input;
    let oninput = Callback::from(move |e: InputEvent| on_input.emit(input_value(&e.into())));
    html! {
        <div class={classes!("field", f.error.is_some().then_some("has-error"))} data-field={f.id.to_string()}>
            <label for={f.id.to_string()}>{ f.label }{ if f.required { " *" } else { "" } }</label>
            <input id={f.id.to_string()} type={f.kind} value={f.value} {oninput} required={f.required}
                aria-invalid={f.error.is_some().to_string()}
                aria-describedby={f.error.as_ref().map(|_| error_id.clone())} />
            if let Some(e) = f.error { <p class="field-error" id={error_id}>{ e }</p> }
        </div>
    }
}

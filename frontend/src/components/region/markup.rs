//! The region pages' repeated markup (table cells, column headers, the
//! inline forms' text fields), built by one function each (not inlined),
//! so the portrait, the import preview and the region page share their
//! code instead of each carrying its own copy in the app's bytes.

use crate::components::form::{described_by, field_error};
use yew::prelude::*;

/// A table cell with its column's name (the label of a row's card on a
/// phone, `cards-on-phone`).
#[inline(never)]
pub fn cell(label: &'static str, content: Html) -> Html {
    html! { <td data-label={label}>{ content }</td> }
}

/// A column header.
#[inline(never)]
pub fn col(text: &'static str) -> Html {
    html! { <th scope="col">{ text }</th> }
}

/// A text field of an inline form: its label, the input and the message
/// about it (if any) under it, tied to it with `aria-describedby`.
#[derive(Default)]
pub struct TextField {
    pub id: &'static str,
    pub label: &'static str,
    pub value: String,
    pub error: Option<String>,
    /// Digits expected: the phone shows its number pad.
    pub numeric: bool,
    /// The longest value, in characters (empty: no limit beyond the server's).
    pub max: &'static str,
    pub placeholder: &'static str,
}

/// The [`TextField`], sending each change to `oninput`.
#[inline(never)]
pub fn text_field(f: TextField, oninput: Callback<InputEvent>) -> Html {
    let error = f.error.as_deref();
    html! {
        <>
            <label for={f.id}>{ f.label }</label>
            <input id={f.id} type="text" inputmode={f.numeric.then_some("numeric")} maxlength={(!f.max.is_empty()).then_some(f.max)}
                placeholder={(!f.placeholder.is_empty()).then_some(f.placeholder)} value={f.value.clone()}
                aria-invalid={error.is_some().to_string()} aria-describedby={described_by(f.id, error)} {oninput} />
            { field_error(f.id, error) }
        </>
    }
}

//! Form helpers shared by the plan forms (no component here): reading the
//! value of the input, textarea or select an event came from, and the
//! message under a field, tied to it with `aria-describedby`.

use crate::i18n::{format, Lang};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The `value` of the element that fired `e` (input, textarea or select).
pub fn event_value(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Field errors by path, e.g. `deadline` or `indicator_targets[0].target_level`.
pub type Errors = Vec<(String, String)>;

/// The message at `field`, if any.
pub fn error_at<'a>(errors: &'a Errors, field: &str) -> Option<&'a str> {
    errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
}

/// The id of the message element of a field.
pub fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// The message under a field (nothing when there is none).
pub fn field_error(id: &str, message: Option<&str>) -> Html {
    match message {
        Some(m) => html! { <p class="field-error" id={error_id(id)} data-testid={format!("error-{id}")}>{ m.to_string() }</p> },
        None => html! {},
    }
}

/// The id of the line that repeats a date field's date in words.
pub fn date_echo_id(id: &str) -> String {
    format!("{id}-in-words")
}

/// A date input shows its date the browser's way (e.g. 01/12/2026 in an
/// English browser); this line under it says the chosen date in the
/// interface language ("12 januari 2026"), so nobody misreads day and
/// month. The native picker stays: on a phone it is the easiest way in.
pub fn date_echo(id: &str, value: &str, lang: Lang) -> Html {
    let words = value.parse::<rubric::Date>().ok().map(|d| format::date(lang, d)).unwrap_or_default();
    html! { <p class="hint date-echo" id={date_echo_id(id)} data-testid={date_echo_id(id)} aria-live="polite">{ words }</p> }
}

/// `aria-describedby` for a field with an error.
pub fn described_by(id: &str, message: Option<&str>) -> Option<String> {
    message.map(|_| error_id(id))
}

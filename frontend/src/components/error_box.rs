//! Shows a failed request in plain words, with a retry button when the
//! caller can retry.

use crate::api::ApiError;
use crate::hooks::use_lang;
use crate::i18n::common::{error_text, field_code_text, C};
use crate::i18n::submission::submission_error;
use crate::i18n::Text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorBoxProps {
    pub error: ApiError,
    #[prop_or_default]
    pub on_retry: Option<Callback<()>>,
}

#[component]
pub fn ErrorBox(props: &ErrorBoxProps) -> Html {
    let lang = use_lang();
    let message = if props.error.is_network() {
        C::ServerUnreachable.t(lang).to_string()
    } else if let Some(text) = props.error.fields.iter().find_map(|f| f.code.and_then(field_code_text)) {
        // A field problem every app words alike (a choice no longer in the
        // edition): said as such, not as "fields not valid".
        text.t(lang).to_string()
    } else if let Some(text) = error_text(props.error.code) {
        text.t(lang).to_string()
    } else if let Some(text) = submission_error(props.error.code) {
        text.t(lang).to_string()
    } else {
        props.error.message.clone()
    };
    html! {
        <div class="error-box" role="alert">
            <p>{ message }</p>
            if let Some(retry) = props.on_retry.clone() {
                <button type="button" class="button secondary" onclick={move |_| retry.emit(())}>
                    { C::Retry.t(lang) }
                </button>
            }
        </div>
    }
}

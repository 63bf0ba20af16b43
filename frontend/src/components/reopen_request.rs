//! The form to ask for a submitted sheet to be reopened: a reason (required
//! for the jury, optional for the nulmeting), checked with the rubric's own
//! rule at the field, then sent. Props in, callbacks out.

use crate::api::ApiError;
use crate::components::error_box::ErrorBox;
use crate::hooks::use_lang;
use crate::i18n::submission::{reason_error, S};
use crate::i18n::Text;
use rubric::submission::{validate_reason, ReasonError};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReopenRequestFormProps {
    /// Whether a reason must be given.
    pub required: bool,
    pub busy: bool,
    #[prop_or_default]
    pub error: Option<ApiError>,
    pub on_send: Callback<String>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn ReopenRequestForm(props: &ReopenRequestFormProps) -> Html {
    let lang = use_lang();
    let reason = use_state(String::new);
    let problem = use_state(|| None::<ReasonError>);
    let on_input = {
        let (reason, problem) = (reason.clone(), problem.clone());
        Callback::from(move |e: InputEvent| {
            reason.set(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            problem.set(None);
        })
    };
    let on_submit = {
        let (reason, problem, send, required) = (reason.clone(), problem.clone(), props.on_send.clone(), props.required);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match validate_reason(&reason, required) {
                Ok(text) => send.emit(text),
                Err(err) => problem.set(Some(err)),
            }
        })
    };
    let cancel = props.on_cancel.clone();
    let server_field = props.error.as_ref().and_then(|e| e.field("reason")).map(str::to_string);
    let field_error = problem.map(|p| reason_error(lang, p).to_string()).or(server_field);
    let hint = if props.required { S::ReasonRequired.t(lang) } else { S::ReasonOptional.t(lang) };
    html! {
        <form class="reopen-request" data-testid="reopen-request-form" onsubmit={on_submit} novalidate=true>
            <label for="reopen-reason">{ S::ReasonLabel.t(lang) }{ " " }<span class="muted small">{ format!("({hint})") }</span></label>
            <textarea id="reopen-reason" rows="3" value={(*reason).clone()} oninput={on_input} required={props.required}
                aria-invalid={field_error.is_some().to_string()}
                aria-describedby={field_error.as_ref().map(|_| "reopen-reason-error")} />
            if let Some(e) = field_error { <p class="field-error" id="reopen-reason-error">{ e }</p> }
            <div class="form-actions">
                <button type="submit" class="button" data-testid="send-reopen-request" disabled={props.busy}>
                    { if props.busy { S::Sending.t(lang) } else { S::SendRequest.t(lang) } }
                </button>
                <button type="button" class="button secondary" onclick={Callback::from(move |_: MouseEvent| cancel.emit(()))}>
                    { S::Cancel.t(lang) }
                </button>
            </div>
            if let Some(e) = props.error.clone().filter(|e| e.fields.is_empty()) { <ErrorBox error={e} /> }
        </form>
    }
}

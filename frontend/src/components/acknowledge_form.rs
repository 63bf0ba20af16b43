//! The chair's confirmation of a winner that is not robust: a reason (at
//! the field, required) and a button that asks once more before it sends.

use crate::hooks::use_lang;
use crate::i18n::jury_results::R;
use crate::i18n::Text;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AcknowledgeFormProps {
    pub category_id: i64,
    pub category_name: AttrValue,
    /// A message of the server at the reason, if any.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    pub busy: bool,
    pub on_confirm: Callback<(i64, String)>,
}

#[component]
pub fn AcknowledgeForm(props: &AcknowledgeFormProps) -> Html {
    let lang = use_lang();
    let reason = use_state(String::new);
    let id = format!("ack-reason-{}", props.category_id);
    let error_id = format!("ack-error-{}", props.category_id);
    let submit = {
        let (reason, on_confirm, category) = (reason.clone(), props.on_confirm.clone(), props.category_id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = reason.trim().to_string();
            let ok = web_sys::window().and_then(|w| w.confirm_with_message(R::ConfirmQuestion.t(lang)).ok()).unwrap_or(false);
            if !text.is_empty() && ok {
                on_confirm.emit((category, text));
            }
        })
    };
    html! {
        <form class="acknowledge-form" data-testid="acknowledge-form" data-category={props.category_id.to_string()} onsubmit={submit}>
            <h4>{ format!("{}: {}", R::ConfirmHeading.t(lang), props.category_name) }</h4>
            <p class="small muted">{ R::ConfirmHelp.t(lang) }</p>
            <label for={id.clone()}>{ R::ConfirmReason.t(lang) }</label>
            <textarea id={id} rows="3" maxlength="500" value={(*reason).clone()} required=true
                aria-describedby={props.error.as_ref().map(|_| error_id.clone())}
                oninput={{ let r = reason.clone(); move |e: InputEvent| r.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()) }} />
            if let Some(msg) = &props.error { <p class="field-error" id={error_id}>{ msg.clone() }</p> }
            <button type="submit" class="button" data-testid="acknowledge" disabled={props.busy || reason.trim().is_empty()}>
                { R::ConfirmButton.t(lang) }
            </button>
        </form>
    }
}

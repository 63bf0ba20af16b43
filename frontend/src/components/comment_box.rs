//! A labelled text area with a send button, for starting a thread or
//! replying in one; the error shows under it.
//! A view function, not a component (issue 13: each component type costs
//! Yew's machinery again in the app).

use super::form::{described_by, field_error};
use crate::i18n::plans::P;
use crate::i18n::Text;
use yew::prelude::*;

pub struct CommentBox {
    /// Unique on the page; the text area's id.
    pub id: String,
    pub label: AttrValue,
    pub value: String,
    pub error: Option<String>,
    pub busy: bool,
    pub on_change: Callback<String>,
    pub on_send: Callback<()>,
        pub on_cancel: Option<Callback<()>>,
}

pub fn comment_box(lang: rubric::Lang, props: CommentBox) -> Html {
    let oninput = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| cb.emit(super::form::event_value(&e)))
    };
    let onsubmit = {
        let cb = props.on_send.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(());
        })
    };
    let error = props.error.as_deref();
    html! {
        <form class="comment-box" onsubmit={onsubmit} data-testid="comment-box">
            <label for={props.id.clone()} class="small">{ props.label.clone() }</label>
            <textarea id={props.id.clone()} rows="2" value={props.value.clone()} oninput={oninput}
                aria-invalid={error.is_some().to_string()} aria-describedby={described_by(&props.id, error)} />
            { field_error(&props.id, error) }
            <div class="form-buttons">
                <button type="submit" class="button small" disabled={props.busy} data-testid="send-comment">{ P::Send.t(lang) }</button>
                if let Some(cancel) = props.on_cancel.clone() {
                    <button type="button" class="button secondary small" onclick={move |_| cancel.emit(())}>{ P::Cancel.t(lang) }</button>
                }
            </div>
        </form>
    }
}

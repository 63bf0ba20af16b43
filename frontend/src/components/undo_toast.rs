//! A short message at the bottom of the screen after a delete or drop,
//! with an undo button; announced to screen readers.

use crate::hooks::use_lang;
use crate::i18n::plans::P;
use crate::i18n::Text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UndoToastProps {
    pub message: AttrValue,
    /// `None`: nothing to undo, only a message.
    pub on_undo: Option<Callback<()>>,
    pub on_close: Callback<()>,
}

#[component]
pub fn UndoToast(props: &UndoToastProps) -> Html {
    let lang = use_lang();
    let close = props.on_close.clone();
    html! {
        <div class="toast" role="status" aria-live="polite" data-testid="toast">
            <span>{ props.message.clone() }</span>
            if let Some(undo) = props.on_undo.clone() {
                <button type="button" class="button small" data-testid="undo" onclick={move |_| undo.emit(())}>{ P::Undo.t(lang) }</button>
            }
            <button type="button" class="link-button small" aria-label="×" onclick={move |_| close.emit(())}>{ "×" }</button>
        </div>
    }
}

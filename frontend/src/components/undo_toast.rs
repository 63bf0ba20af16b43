//! A short message at the bottom of the screen after a delete or drop,
//! with an undo button; announced to screen readers.

use crate::i18n::plans::P;
use crate::i18n::{Lang, Text};
use yew::prelude::*;

/// The toast (a view function: it has no state of its own); `on_undo`
/// `None`: nothing to undo, only a message.
pub fn undo_toast(message: String, on_undo: Option<Callback<()>>, on_close: Callback<()>, lang: Lang) -> Html {
    html! {
        <div class="toast" role="status" aria-live="polite" data-testid="toast">
            <span>{ message }</span>
            if let Some(undo) = on_undo {
                <button type="button" class="button small" data-testid="undo" onclick={move |_| undo.emit(())}>{ P::Undo.t(lang) }</button>
            }
            <button type="button" class="link-button small" aria-label="×" onclick={move |_| on_close.emit(())}>{ "×" }</button>
        </div>
    }
}

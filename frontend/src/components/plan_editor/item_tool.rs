//! A small button on a goal or action (move up/down, edit, delete, drop,
//! restore): a glyph with the action as its label, or the action's word.
//! A plain view function, not a component: it is drawn many times per page
//! and holds no state.

use crate::i18n::plans::P;
use crate::i18n::{Lang, Text};
use yew::prelude::*;

/// The button; `glyph` (when not empty) is shown instead of the label's
/// word, which stays the accessible name.
pub fn item_tool(lang: Lang, label: P, glyph: &'static str, testid: &'static str, disabled: bool, onclick: Callback<()>) -> Html {
    let label = label.t(lang);
    html! {
        <button type="button" class="tool" title={label} aria-label={label} data-testid={testid}
            disabled={disabled} onclick={onclick.reform(|_: MouseEvent| ())}>
            if glyph.is_empty() { { label } } else { <span aria-hidden="true">{ glyph }</span> }
        </button>
    }
}

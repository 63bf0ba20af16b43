//! A small button on a goal or action (move up/down, edit, delete, drop,
//! restore): a glyph with the action as its label, or the action's word.

use crate::hooks::use_lang;
use crate::i18n::plans::P;
use crate::i18n::Text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ItemToolProps {
    pub label: P,
    /// Shown instead of the label's word when not empty (the label stays
    /// the button's accessible name).
    #[prop_or_default]
    pub glyph: &'static str,
    pub testid: &'static str,
    pub disabled: bool,
    pub onclick: Callback<()>,
}

#[component]
pub fn ItemTool(props: &ItemToolProps) -> Html {
    let lang = use_lang();
    let label = props.label.t(lang);
    let onclick = props.onclick.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="tool" title={label} aria-label={label} data-testid={props.testid}
            disabled={props.disabled} onclick={onclick}>
            if props.glyph.is_empty() { { label } } else { <span aria-hidden="true">{ props.glyph }</span> }
        </button>
    }
}

//! A quiet loading indicator, announced to screen readers.

use crate::hooks::use_lang;
use crate::i18n::{common::C, Text};
use yew::prelude::*;

#[component]
pub fn Loading() -> Html {
    let lang = use_lang();
    html! { <p class="loading" role="status" aria-live="polite">{ C::Loading.t(lang) }</p> }
}

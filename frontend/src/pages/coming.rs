//! Scaffolding for routes whose page is being built: says so plainly.

use crate::hooks::use_lang;
use crate::i18n::{common::C, Text};
use yew::prelude::*;

#[component]
pub fn ComingPage() -> Html {
    let lang = use_lang();
    html! { <section class="page narrow"><p class="notice">{ C::Coming.t(lang) }</p></section> }
}

//! The page for an unknown address.

use crate::app::Route;
use crate::hooks::use_lang;
use crate::i18n::{common::C, Text};
use yew::prelude::*;
use crate::router::*;

#[component]
pub fn NotFoundPage() -> Html {
    let lang = use_lang();
    html! {
        <section class="page narrow">
            <h1>{ C::NotFoundTitle.t(lang) }</h1>
            <p>{ C::NotFoundBody.t(lang) }</p>
            <Link to={Route::Home} classes="button">{ C::BackHome.t(lang) }</Link>
        </section>
    }
}

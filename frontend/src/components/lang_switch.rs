//! The Dutch/English switch in the header: two buttons, the active one
//! marked with `aria-pressed`.

use crate::hooks::lang::use_lang_context;
use crate::i18n::{common::C, Text};
use rubric::Lang;
use yew::prelude::*;

#[component]
pub fn LangSwitch() -> Html {
    let Some(ctx) = use_lang_context() else { return html! {} };
    let button = |lang: Lang, label: &'static str, title: &'static str| {
        let set = ctx.set.clone();
        let active = ctx.lang == lang;
        html! {
            <button type="button" class={classes!("lang", active.then_some("active"))}
                aria-pressed={active.to_string()} title={title} lang={lang.code()}
                data-lang={lang.code()}
                onclick={move |_| set.emit(lang)}>{ label }</button>
        }
    };
    html! {
        <div class="lang-switch" role="group" aria-label={C::LanguageLabel.t(ctx.lang)}>
            { button(Lang::Nl, "NL", "Nederlands") }
            { button(Lang::En, "EN", "English") }
        </div>
    }
}

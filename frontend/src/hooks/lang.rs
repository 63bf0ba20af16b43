//! The interface language: a context holding the current [`Lang`] and a
//! callback to change it. The choice is kept in localStorage so it survives
//! a reload, and mirrored on `<html lang>` for screen readers.

use crate::storage;
use rubric::Lang;
use yew::prelude::*;

const KEY: &str = "stempact.lang";

#[derive(Clone, PartialEq)]
pub struct LangContext {
    pub lang: Lang,
    pub set: Callback<Lang>,
}

/// The language stored in the browser, Dutch by default.
pub fn stored_lang() -> Lang {
    storage::get(KEY).as_deref().and_then(Lang::from_code).unwrap_or_default()
}

fn apply(lang: Lang) {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", lang.code());
    }
}

#[derive(Properties, PartialEq)]
pub struct LangProviderProps {
    pub children: Html,
    /// The language to start in (the server's request); the stored one when not given.
    #[prop_or_default]
    pub start: Option<Lang>,
}

#[component]
pub fn LangProvider(props: &LangProviderProps) -> Html {
    let lang = {
        let start = props.start;
        use_state(move || start.unwrap_or_else(stored_lang))
    };
    {
        let current = *lang;
        use_effect_with(current, move |l| {
            apply(*l);
            crate::boot::remember_lang_for_server(*l);
        });
    }
    let set = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| {
            storage::set(KEY, l.code());
            lang.set(l);
        })
    };
    let ctx = LangContext { lang: *lang, set };
    html! {
        <ContextProvider<LangContext> context={ctx}>{ props.children.clone() }</ContextProvider<LangContext>>
    }
}

/// The current language.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<LangContext>().map(|c| c.lang).unwrap_or_default()
}

/// The language context with its setter.
#[hook]
pub fn use_lang_context() -> Option<LangContext> {
    use_context::<LangContext>()
}

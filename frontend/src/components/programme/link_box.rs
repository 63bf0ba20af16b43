//! A freshly issued sign-in link with a copy button: shown once, since only
//! its hash is stored.

use crate::hooks::use_lang;
use crate::i18n::programme::P;
use crate::i18n::Text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LinkBoxProps {
    pub name: AttrValue,
    pub link: AttrValue,
    pub on_close: Callback<()>,
}

#[component]
pub fn LinkBox(p: &LinkBoxProps) -> Html {
    let lang = use_lang();
    let copied = use_state(|| false);
    {
        let copied = copied.clone();
        use_effect_with(p.link.clone(), move |_| copied.set(false));
    }
    let copy = {
        let (link, copied) = (p.link.to_string(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(w) = web_sys::window() {
                let _ = w.navigator().clipboard().write_text(&link);
                copied.set(true);
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        use wasm_bindgen::JsCast;
        if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            i.select();
        }
    });
    let close = p.on_close.clone();
    html! {
        <div class="link-box" role="status" data-testid="link-box">
            <h3>{ P::LinkTitle.t(lang) }{ ": " }{ &p.name }</h3>
            <p class="small">{ P::LinkHelp.t(lang) }</p>
            <div class="link-row">
                <input type="text" readonly=true value={p.link.clone()} aria-label={P::LinkTitle.t(lang)}
                    data-testid="invite-link" onfocus={select_all} />
                <button type="button" class="button" onclick={copy} data-testid="copy-link">
                    { if *copied { P::Copied.t(lang) } else { P::Copy.t(lang) } }
                </button>
                <button type="button" class="button secondary" onclick={move |_| close.emit(())}>{ P::Close.t(lang) }</button>
            </div>
        </div>
    }
}

//! The rubric browser: every aspect with its indicators, the question, the
//! four level descriptors side by side and the evidence guidance. Readable
//! on screen, printable on A4.

use crate::components::rubric_aspect::RubricAspect;
use crate::hooks::use_lang;
use crate::i18n::{common::C, Text};
use yew::prelude::*;

/// Aspects rendered in the first frame; the rest follow right after the
/// first paint, so the page shows up as fast as a small one.
const FIRST_FRAME_ASPECTS: usize = 1;

/// Run `f` after the browser has painted the current frame.
fn after_paint(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return f() };
    let later = Closure::once_into_js(f);
    let frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(later.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

#[component]
pub fn RubricPage() -> Html {
    let lang = use_lang();
    let rubric = rubric::current_rubric();
    let shown = use_state(|| FIRST_FRAME_ASPECTS);
    {
        let shown = shown.clone();
        use_effect_with((), move |()| after_paint(move || shown.set(usize::MAX)));
    }
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    html! {
        <div class="page rubric-page" data-testid="rubric-page">
            <div class="page-head">
                <div>
                    <h1>{ rubric.title.get(lang) }</h1>
                    <p class="muted">{ format!("{} {}", C::RubricVersion.t(lang), rubric.version) }</p>
                </div>
                <button type="button" class="button secondary no-print" onclick={print}>{ C::RubricPrint.t(lang) }</button>
            </div>
            <p class="lead">{ rubric.introduction.get(lang) }</p>
            <div class="with-sidebar">
                <nav class="sidebar no-print" aria-label={C::RubricAspects.t(lang)}>
                    <h2 class="sidebar-title">{ C::RubricAspects.t(lang) }</h2>
                    <ol>
                        { for rubric.aspects.iter().map(|a| html! {
                            <li><a href={format!("#aspect-{}", a.id.key())}>{ a.name.get(lang) }</a></li>
                        }) }
                    </ol>
                </nav>
                <div class="content">
                    { for rubric.aspects.iter().take(*shown).enumerate().map(|(i, a)| html! {
                        <RubricAspect aspect_id={a.id} number={i + 1} />
                    }) }
                </div>
            </div>
        </div>
    }
}

//! The rubric browser: every aspect with its indicators, the question, the
//! four level descriptors side by side and the evidence guidance; both
//! rubric versions behind a switch (`?v=1`), with what changed, the
//! partial-fit rule and the two answers without a level. The rubric is
//! fetched from the server, not built into the app. Readable on screen,
//! printable on A4.

use crate::components::rubric_aspect::RubricAspect;
use crate::hooks::rubric::{rubric_pending, use_rubric_version, RubricLoad, RubricRef};
use crate::hooks::use_lang;
use crate::i18n::rubric_versions::R;
use crate::i18n::{common::C, Text};
use rubric::RubricVersion;
use yew::prelude::*;

/// The version asked in the address (`?v=1`), else the newest.
fn version_from_address() -> u32 {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|q| q.trim_start_matches('?').split('&').find_map(|kv| kv.strip_prefix("v=").and_then(|v| v.parse().ok())))
        .filter(|v| RubricVersion::from_number(*v).is_some())
        .unwrap_or(RubricVersion::LATEST.number())
}

/// Keep the chosen version in the address, so a reload or a shared link
/// shows the same one.
fn set_version_in_address(version: u32) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?v={version}")));
    }
}

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
    let version = use_state(version_from_address);
    let (load, retry) = use_rubric_version(Some(*version));
    let shown = use_state(|| FIRST_FRAME_ASPECTS);
    {
        // Once the rubric is there (it comes from the server after the
        // first frames): one aspect in the frame it arrives in, the rest
        // right after that frame is painted. Counted from the page's mount
        // instead, the rest was let in before the rubric came, and the
        // first paint held the whole rubric.
        let shown = shown.clone();
        let ready = matches!(load, RubricLoad::Ready(_));
        use_effect_with(ready, move |&ready| {
            if ready && *shown == FIRST_FRAME_ASPECTS {
                after_paint(move || shown.set(usize::MAX));
            }
        });
    }
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let switch = html! {
        <div class="version-switch no-print" role="group" aria-label={R::VersionSwitch.t(lang)} data-testid="version-switch">
            <span class="muted">{ R::VersionSwitch.t(lang) }{ ": " }</span>
            { for RubricVersion::ALL.iter().rev().map(|v| {
                let n = v.number();
                let pick = { let version = version.clone(); Callback::from(move |_: MouseEvent| { set_version_in_address(n); version.set(n); }) };
                let label = format!("v{n} · {}", if *v == RubricVersion::LATEST { R::VersionCurrent.t(lang) } else { R::VersionEarlier.t(lang) });
                html! {
                    <button type="button" class={classes!("button", if n == *version { "" } else { "secondary" })}
                        aria-pressed={(n == *version).to_string()} onclick={pick} data-version={n.to_string()}>{ label }</button>
                }
            }) }
        </div>
    };
    let rubric = match (rubric_pending(lang, &load, &retry), &load) {
        (_, RubricLoad::Ready(r)) => r.0,
        (pending, _) => return html! { <div class="page rubric-page" data-testid="rubric-page-loading">{ switch }{ pending.unwrap_or_default() }</div> },
    };
    let texts = |t: &Option<rubric::LocalizedText>| t.as_ref().map(|t| t.get(lang).to_string());
    let na_help = texts(&rubric.not_applicable_help).unwrap_or_else(|| R::NotApplicableHint.t(lang).to_string());
    let dk_help = texts(&rubric.dont_know_help).unwrap_or_else(|| R::DontKnowHint.t(lang).to_string());
    html! {
        <ContextProvider<RubricRef> context={RubricRef(rubric)}>
        <div class="page rubric-page" data-testid="rubric-page">
            <div class="page-head">
                <div>
                    <h1>{ rubric.title.get(lang) }</h1>
                    <p class="muted">{ format!("{} {}", C::RubricVersion.t(lang), rubric.version) }</p>
                </div>
                <button type="button" class="button secondary no-print" onclick={print}>{ C::RubricPrint.t(lang) }</button>
            </div>
            { switch }
            <p class="lead">{ rubric.introduction.get(lang) }</p>
            if let Some(rule) = texts(&rubric.partial_fit_rule) {
                <section class="panel" data-testid="partial-fit">
                    <h2>{ R::PartialFit.t(lang) }</h2>
                    <p>{ rule }</p>
                </section>
            }
            <section class="panel" data-testid="two-answers">
                <h2>{ R::TwoAnswers.t(lang) }</h2>
                <dl>
                    <dt>{ R::NotApplicable.t(lang) }</dt><dd>{ na_help }</dd>
                    <dt>{ R::DontKnow.t(lang) }</dt><dd>{ dk_help }</dd>
                </dl>
            </section>
            if !rubric.changes.is_empty() {
                <details class="panel" data-testid="what-changed" open=true>
                    <summary><h2 class="inline-heading">{ R::WhatChanged.t(lang) }</h2></summary>
                    <ul>{ for rubric.changes.iter().map(|c| html! { <li>{ c.get(lang) }</li> }) }</ul>
                </details>
            }
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
        </ContextProvider<RubricRef>>
    }
}

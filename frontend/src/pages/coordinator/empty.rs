//! The first steps on an installation without any edition: create one, or
//! load the demo edition to look around.

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::hooks::use_lang;
use crate::i18n::programme::P;
use crate::i18n::Text;
use yew::prelude::*;
use crate::router::*;

#[derive(Properties, PartialEq)]
pub struct FirstStepsProps {
    /// Called once the demo edition is in.
    pub on_loaded: Callback<()>,
}

#[component]
pub fn FirstSteps(p: &FirstStepsProps) -> Html {
    let lang = use_lang();
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let demo = {
        let (busy, error, loaded) = (busy.clone(), error.clone(), p.on_loaded.clone());
        Callback::from(move |_: MouseEvent| {
            let (busy, error, loaded) = (busy.clone(), error.clone(), loaded.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match api::programme::load_demo().await {
                    Ok(_) => loaded.emit(()),
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    html! {
        <div class="empty-state" data-testid="first-steps">
            <h2>{ P::NoEditionTitle.t(lang) }</h2>
            <p>{ P::NoEditionBody.t(lang) }</p>
            <div class="form-actions">
                <Link to={Route::Edition} classes="button">{ P::CreateEdition.t(lang) }</Link>
                <button type="button" class="button secondary" onclick={demo} disabled={*busy} data-testid="load-demo">{ P::LoadDemo.t(lang) }</button>
            </div>
            if let Some(e) = &*error { <ErrorBox error={e.clone()} /> }
        </div>
    }
}

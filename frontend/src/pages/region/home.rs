//! `/region`: the regions one works on. A regional coordinator sees their
//! own region; the programme coordinator every region and a form to create
//! one in the active edition.

use super::run_change;
use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::form::{event_value, field_error};
use crate::components::loading::Loading;
use crate::hooks::session::use_session;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::regions::{field_error_at, region_error, R};
use crate::i18n::Text;
use rubric::people::Role;
use rubric::region::{validate_region, RegionInput};
use yew::prelude::*;
use crate::router::*;

#[component]
pub fn RegionHomePage() -> Html {
    let lang = use_lang();
    let session = use_session();
    let coordinator = session.state.me().is_some_and(|m| m.role == Role::Coordinator);
    let fetch = use_fetch((), |()| api::regions::mine());
    let name = use_state(String::new);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    // The form's own check, in the reader's language at the name.
    let local = use_state(|| None::<String>);
    let create = {
        let (name, busy, error, reload, local) = (name.clone(), busy.clone(), error.clone(), fetch.reload.clone(), local.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = RegionInput { name: (*name).clone() };
            if let Err(e) = validate_region(&input) {
                local.set(Some(region_error(lang, &e)));
                return;
            }
            local.set(None);
            let name = name.clone();
            let change = Box::pin(async move {
                let editions = api::regions::editions().await?;
                let edition = editions.iter().find(|e| e.active).or(editions.first()).map(|e| e.id).unwrap_or_default();
                api::regions::create(edition, &input).await?;
                name.set(String::new());
                Ok(())
            });
            run_change(change, busy.clone(), error.clone(), reload.clone());
        })
    };
    let list = match &fetch.state {
        Fetch::Loading => html! { <Loading /> },
        Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={fetch.reload.clone()} /> },
        Fetch::Ready(list) if list.is_empty() => {
            let text = if coordinator { R::NoRegions } else { R::NoRegionsCoordinator };
            html! { <p class="notice" data-testid="no-regions">{ text.t(lang) }</p> }
        }
        Fetch::Ready(list) => html! {
            <ul class="plain-list" data-testid="regions">
                { for list.iter().map(|r| html! {
                    <li key={r.id}><Link to={Route::Region { id: r.id }}>{ r.name.clone() }</Link></li>
                }) }
            </ul>
        },
    };
    let field_message = (*local).clone().or_else(|| (*error).as_ref().and_then(|e| field_error_at(lang, e, "name")));
    html! {
        <section class="page" data-testid="region-home">
            <h1>{ R::RegionsTitle.t(lang) }</h1>
            { list }
            if coordinator {
                <form class="panel" onsubmit={create}>
                    <h2>{ R::NewRegion.t(lang) }</h2>
                    <div class="field">
                        <label for="region-name">{ R::RegionName.t(lang) }</label>
                        <input id="region-name" type="text" value={(*name).clone()} maxlength="120"
                            aria-invalid={field_message.is_some().to_string()}
                            oninput={ let n = name.clone(); move |e: InputEvent| n.set(event_value(&e.into())) } />
                        { field_error("region-name", field_message.as_deref()) }
                    </div>
                    if let Some(e) = (*error).as_ref().filter(|e| e.fields.is_empty()) { <ErrorBox error={e.clone()} /> }
                    <button type="submit" class="button" disabled={*busy}>{ R::Create.t(lang) }</button>
                </form>
            }
        </section>
    }
}

//! `/dossier/:id`: loads a school's award dossier and hands it to the
//! editor; a dossier the reader may not see shows only the refusal.

use super::editor::DossierEditor;
use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::{use_fetch, Fetch};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DossierPageProps {
    pub id: i64,
}

#[component]
pub fn DossierPage(props: &DossierPageProps) -> Html {
    let fetch = use_fetch(props.id, api::dossier::page);
    match &fetch.state {
        Fetch::Loading => html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => html! {
            <section class="page narrow" data-testid="dossier-refused">
                <ErrorBox error={e.clone()} on_retry={(e.status == 0).then(|| fetch.reload.clone())} />
            </section>
        },
        Fetch::Ready(page) => html! { <DossierEditor key={props.id} initial={page.clone()} /> },
    }
}

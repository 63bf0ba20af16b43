//! The frame of a coordinator page: the title, the edition picker, and the
//! page's body; while the editions load, a loading note; without any
//! edition, the first steps instead of the body. A view function, so the
//! pages share it without a component of their own.

use super::empty::FirstSteps;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::programme::input_value;
use crate::hooks::edition_choice::EditionChoice;
use crate::hooks::Fetch;
use crate::i18n::programme::P;
use crate::i18n::Text;
use rubric::Lang;
use yew::prelude::*;

pub fn edition_frame(lang: Lang, title: P, testid: &'static str, lead: Option<P>, c: &EditionChoice, body: Html) -> Html {
    let content = match (&c.editions.state, &c.chosen) {
        (Fetch::Loading, _) => html! { <Loading /> },
        (Fetch::Failed(e), _) => html! { <ErrorBox error={e.clone()} on_retry={c.editions.reload.clone()} /> },
        (Fetch::Ready(_), None) => html! { <FirstSteps on_loaded={c.editions.reload.clone()} /> },
        (Fetch::Ready(list), Some(edition)) => {
            let choose = c.choose.clone();
            let pick = Callback::from(move |e: Event| {
                if let Ok(id) = input_value(&e).parse() {
                    choose.emit(id);
                }
            });
            html! {
                <>
                if list.len() > 1 {
                    <div class="edition-picker no-print">
                        <label for="edition-picker">{ P::Edition.t(lang) }</label>
                        <select id="edition-picker" onchange={pick} data-testid="edition-picker">
                            { for list.iter().map(|e| html! {
                                <option value={e.id.to_string()} selected={e.id == edition.id}>
                                    { &e.name }{ if e.active { format!(" ({})", P::Active.t(lang)) } else { String::new() } }
                                </option>
                            }) }
                        </select>
                    </div>
                } else {
                    <p class="muted edition-name">{ &edition.name }</p>
                }
                { body }
                </>
            }
        }
    };
    html! {
        <section class="page coordinator" data-testid={testid}>
            <h1>{ title.t(lang) }</h1>
            if let Some(lead) = lead { <p class="lead">{ lead.t(lang) }</p> }
            { content }
        </section>
    }
}

//! The school form: name, town, region (a province or Brussels), tracks and
//! contact person, checked with the rubric's rules before it is sent.

use super::form_field::{form_field, FieldSpec};
use super::track_picker::track_picker;
use super::{field_message, input_value};
use crate::api::ApiError;
use crate::hooks::use_lang;
use crate::i18n::programme::P;
use crate::i18n::Text;
use rubric::programme::{validate_school, FieldError, SchoolInput, REGIONS};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SchoolFormProps {
    pub initial: SchoolInput,
    #[prop_or_default]
    pub busy: bool,
    #[prop_or_default]
    pub server_error: Option<ApiError>,
    pub on_save: Callback<SchoolInput>,
    pub on_cancel: Callback<()>,
}

type Setter = fn(&mut SchoolInput, String);

#[component]
pub fn SchoolForm(p: &SchoolFormProps) -> Html {
    let lang = use_lang();
    let input = use_state(|| p.initial.clone());
    let errors = use_state(Vec::<FieldError>::new);
    let set = |f: Setter| {
        let input = input.clone();
        Callback::from(move |v: String| {
            let mut next = (*input).clone();
            f(&mut next, v);
            input.set(next);
        })
    };
    let msg = |key: &str| field_message(lang, &errors, p.server_error.as_ref(), key);
    let onsubmit = {
        let (input, errors, save) = (input.clone(), errors.clone(), p.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match validate_school(&input) {
                Ok(_) => {
                    errors.set(vec![]);
                    save.emit((*input).clone());
                }
                Err(found) => errors.set(found),
            }
        })
    };
    let on_tracks = {
        let input = input.clone();
        Callback::from(move |t| {
            let mut next = (*input).clone();
            next.tracks = t;
            input.set(next);
        })
    };
    let region_error = msg("region");
    let cancel = p.on_cancel.clone();
    html! {
        <form class="form" {onsubmit} novalidate=true data-testid="school-form">
            <div class="form-grid">
                { form_field(FieldSpec { id: "name", label: P::Name.t(lang), value: input.name.clone(), kind: "text", required: true, error: msg("name"), on_input: set(|x, v| x.name = v) }) }
                { form_field(FieldSpec { id: "town", label: P::Town.t(lang), value: input.town.clone(), kind: "text", required: false, error: msg("town"), on_input: set(|x, v| x.town = v) }) }
                <div class={classes!("field", region_error.is_some().then_some("has-error"))} data-field="region">
                    <label for="region">{ P::Region.t(lang) }</label>
                    <select id="region" onchange={let s = set(|x, v| x.region = v); move |e: Event| s.emit(input_value(&e))}>
                        <option value="" selected={input.region.is_empty()}>{ P::ChooseOne.t(lang) }</option>
                        { for REGIONS.iter().map(|r| html! { <option value={*r} selected={input.region == *r}>{ *r }</option> }) }
                    </select>
                    if let Some(e) = region_error { <p class="field-error">{ e }</p> }
                </div>
                { form_field(FieldSpec { id: "contact_name", label: P::ContactName.t(lang), value: input.contact_name.clone(), kind: "text", required: false, error: msg("contact_name"), on_input: set(|x, v| x.contact_name = v) }) }
                { form_field(FieldSpec { id: "contact_email", label: P::ContactEmail.t(lang), value: input.contact_email.clone(), kind: "email", required: false, error: msg("contact_email"), on_input: set(|x, v| x.contact_email = v) }) }
            </div>
            { track_picker(lang, &input.tracks, msg("tracks"), &on_tracks) }
            <div class="form-actions">
                <button type="submit" class="button" disabled={p.busy} data-testid="save-school">{ P::Save.t(lang) }</button>
                <button type="button" class="button secondary" onclick={move |_| cancel.emit(())}>{ P::Cancel.t(lang) }</button>
            </div>
        </form>
    }
}

//! The company form: name, town, sector and contact person.

use super::field_message;
use super::form_field::{form_field, FieldSpec};
use crate::api::ApiError;
use crate::hooks::use_lang;
use crate::i18n::programme::P;
use crate::i18n::Text;
use rubric::programme::{validate_company, CompanyInput, FieldError};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompanyFormProps {
    pub initial: CompanyInput,
    #[prop_or_default]
    pub busy: bool,
    #[prop_or_default]
    pub server_error: Option<ApiError>,
    pub on_save: Callback<CompanyInput>,
    pub on_cancel: Callback<()>,
}

type Setter = fn(&mut CompanyInput, String);

#[component]
pub fn CompanyForm(p: &CompanyFormProps) -> Html {
    let lang = use_lang();
    let input = use_state(|| p.initial.clone());
    let errors = use_state(Vec::<FieldError>::new);
    let field = |id: &'static str, label: P, value: String, kind: &'static str, required: bool, f: Setter| {
        let input = input.clone();
        let on_input = Callback::from(move |v: String| {
            let mut next = (*input).clone();
            f(&mut next, v);
            input.set(next);
        });
        form_field(FieldSpec {
            id,
            label: label.t(lang),
            value,
            kind,
            required,
            error: field_message(lang, &errors, p.server_error.as_ref(), id),
            on_input,
        })
    };
    let onsubmit = {
        let (input, errors, save) = (input.clone(), errors.clone(), p.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match validate_company(&input) {
                Ok(_) => {
                    errors.set(vec![]);
                    save.emit((*input).clone());
                }
                Err(found) => errors.set(found),
            }
        })
    };
    let cancel = p.on_cancel.clone();
    let i = &*input;
    html! {
        <form class="form" {onsubmit} novalidate=true data-testid="company-form">
            <div class="form-grid">
                { field("name", P::Name, i.name.clone(), "text", true, |x, v| x.name = v) }
                { field("town", P::Town, i.town.clone(), "text", false, |x, v| x.town = v) }
                { field("sector", P::Sector, i.sector.clone(), "text", false, |x, v| x.sector = v) }
                { field("contact_name", P::ContactName, i.contact_name.clone(), "text", false, |x, v| x.contact_name = v) }
                { field("contact_email", P::ContactEmail, i.contact_email.clone(), "email", false, |x, v| x.contact_email = v) }
            </div>
            <div class="form-actions">
                <button type="submit" class="button" disabled={p.busy} data-testid="save-company">{ P::Save.t(lang) }</button>
                <button type="button" class="button secondary" onclick={move |_| cancel.emit(())}>{ P::Cancel.t(lang) }</button>
            </div>
        </form>
    }
}

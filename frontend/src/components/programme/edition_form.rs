//! The edition form: name, school year, the key dates, the cofinancing
//! threshold and the rubric version its measurements use, checked with the
//! rubric's rules before it is sent.

use super::form_field::{form_field_in, FieldSpec};
use super::{field_message, input_value};
use crate::i18n::rubric_versions::{version_name, R};
use rubric::rubric_versions;
use crate::api::ApiError;
use crate::hooks::use_lang;
use crate::i18n::programme::P;
use crate::i18n::Text;
use rubric::programme::{validate_edition, EditionInput, FieldError};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditionFormProps {
    /// The values to start from (an existing edition, or a fresh one).
    pub initial: EditionInput,
    /// Changes when the form must start over (e.g. the edition's version).
    pub reset_key: i64,
    #[prop_or_default]
    pub busy: bool,
    #[prop_or_default]
    pub server_error: Option<ApiError>,
    /// Offer "make it the active edition" (for a new edition).
    #[prop_or_default]
    pub offer_activate: bool,
    pub on_save: Callback<(EditionInput, bool)>,
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

type Setter = fn(&mut EditionInput, String);

#[component]
pub fn EditionForm(p: &EditionFormProps) -> Html {
    let lang = use_lang();
    let input = use_state(|| p.initial.clone());
    let errors = use_state(Vec::<FieldError>::new);
    let activate = use_state(|| true);
    {
        let (input, errors, initial) = (input.clone(), errors.clone(), p.initial.clone());
        use_effect_with(p.reset_key, move |_| {
            input.set(initial);
            errors.set(vec![]);
        });
    }
    let field = |id: &'static str, label: P, value: String, kind: &'static str, required: bool, set: Setter| {
        let input = input.clone();
        let on_input = Callback::from(move |v: String| {
            let mut next = (*input).clone();
            set(&mut next, v);
            input.set(next);
        });
        form_field_in(
            FieldSpec {
                id,
                label: label.t(lang),
                value,
                kind,
                required,
                error: field_message(lang, &errors, p.server_error.as_ref(), id),
                on_input,
            },
            Some(lang),
        )
    };
    let onsubmit = {
        let (input, errors, save, activate) = (input.clone(), errors.clone(), p.on_save.clone(), activate.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match validate_edition(&input) {
                Ok(_) => {
                    errors.set(vec![]);
                    save.emit(((*input).clone(), *activate));
                }
                Err(found) => errors.set(found),
            }
        })
    };
    let i = &*input;
    let chosen = i.rubric_version.unwrap_or_else(rubric_versions::default_for_new_edition);
    let on_version = {
        let input = input.clone();
        Callback::from(move |e: Event| {
            let mut next = (*input).clone();
            next.rubric_version = input_value(&e).parse().ok();
            input.set(next);
        })
    };
    let version_error = field_message(lang, &errors, p.server_error.as_ref(), "rubric_version");
    let version_field = html! {
        <div class={classes!("field", version_error.is_some().then_some("has-error"))} data-field="rubric_version">
            <label for="rubric_version">{ R::VersionLabel.t(lang) }</label>
            <select id="rubric_version" onchange={on_version} data-testid="rubric-version"
                aria-describedby={if version_error.is_some() { "rubric_version-help rubric_version-error" } else { "rubric_version-help" }}>
                { for rubric_versions::available().into_iter().rev().map(|v| html! {
                    <option value={v.to_string()} selected={v == chosen}>{ version_name(v).t(lang) }</option>
                }) }
            </select>
            <p class="muted small" id="rubric_version-help">{ R::VersionHelp.t(lang) }</p>
            if let Some(message) = version_error {
                <p class="field-error" id="rubric_version-error" role="alert">{ message }</p>
            }
        </div>
    };
    html! {
        <form class="form" {onsubmit} novalidate=true data-testid="edition-form">
            <div class="form-grid">
                { field("name", P::Name, i.name.clone(), "text", true, |x, v| x.name = v) }
                { field("school_year", P::SchoolYear, i.school_year.clone(), "text", true, |x, v| x.school_year = v) }
                { field("nulmeting_deadline", P::NulmetingDeadline, i.nulmeting_deadline.clone(), "date", false, |x, v| x.nulmeting_deadline = v) }
                { field("plan_deadline", P::PlanDeadline, i.plan_deadline.clone(), "date", false, |x, v| x.plan_deadline = v) }
                { field("final_date", P::FinalDate, i.final_date.clone(), "date", false, |x, v| x.final_date = v) }
                { field("final_place", P::FinalPlace, i.final_place.clone(), "text", false, |x, v| x.final_place = v) }
                { field("cofinancing_threshold_pct", P::Threshold, i.cofinancing_threshold_pct.to_string(), "number", true,
                    |x, v| x.cofinancing_threshold_pct = v.trim().parse().unwrap_or(-1)) }
                { version_field }
            </div>
            if p.offer_activate {
                <label class="check">
                    <input type="checkbox" checked={*activate} onchange={let a = activate.clone(); move |_| a.set(!*a)} />
                    { P::ActivateNow.t(lang) }
                </label>
            }
            <div class="form-actions">
                <button type="submit" class="button" disabled={p.busy} data-testid="save-edition">{ P::Save.t(lang) }</button>
                if let Some(cancel) = p.on_cancel.clone() {
                    <button type="button" class="button secondary" onclick={move |_| cancel.emit(())}>{ P::Cancel.t(lang) }</button>
                }
            </div>
        </form>
    }
}

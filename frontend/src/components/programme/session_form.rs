//! The form for a learning network session: date, place and topic.

use super::field_message;
use super::form_field::{form_field_in, FieldSpec};
use crate::api::ApiError;
use crate::hooks::use_lang;
use crate::i18n::programme::P;
use crate::i18n::Text;
use rubric::programme::{validate_session, FieldError, SessionInput};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SessionFormProps {
    /// Distinguishes the form's fields when several networks show one.
    pub prefix: AttrValue,
    /// The session being edited; empty for a new one.
    #[prop_or_default]
    pub initial: SessionInput,
    #[prop_or_default]
    pub busy: bool,
    #[prop_or_default]
    pub server_error: Option<ApiError>,
    pub on_save: Callback<SessionInput>,
    pub on_cancel: Callback<()>,
}

type Setter = fn(&mut SessionInput, String);

#[component]
pub fn SessionForm(p: &SessionFormProps) -> Html {
    let lang = use_lang();
    let input = use_state(|| p.initial.clone());
    let errors = use_state(Vec::<FieldError>::new);
    let field = |key: &'static str, label: P, value: String, kind: &'static str, f: Setter| {
        let input = input.clone();
        let on_input = Callback::from(move |v: String| {
            let mut next = (*input).clone();
            f(&mut next, v);
            input.set(next);
        });
        form_field_in(
            FieldSpec {
                id: &format!("{}-{key}", p.prefix),
                label: label.t(lang),
                value,
                kind,
                required: key == "date",
                error: field_message(lang, &errors, p.server_error.as_ref(), key),
                on_input,
            },
            Some(lang),
        )
    };
    let onsubmit = {
        let (input, errors, save) = (input.clone(), errors.clone(), p.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match validate_session(&input) {
                Ok(_) => {
                    errors.set(vec![]);
                    save.emit((*input).clone());
                }
                Err(found) => errors.set(found),
            }
        })
    };
    let cancel = p.on_cancel.clone();
    html! {
        <form class="form inline-form" {onsubmit} novalidate=true data-testid="session-form">
            <div class="form-grid">
                { field("date", P::Date, input.date.clone(), "date", |x, v| x.date = v) }
                { field("place", P::Place, input.place.clone(), "text", |x, v| x.place = v) }
                { field("topic", P::Topic, input.topic.clone(), "text", |x, v| x.topic = v) }
            </div>
            <div class="form-actions">
                <button type="submit" class="button" disabled={p.busy} data-testid="save-session">{ P::Save.t(lang) }</button>
                <button type="button" class="button secondary" onclick={move |_| cancel.emit(())}>{ P::Cancel.t(lang) }</button>
            </div>
        </form>
    }
}

//! Inviting a person: name, e-mail, role, and the scope the role needs (a
//! school for a school team member, with their function; a company for a
//! company member). For a STEM coordinator inviting colleagues the role and
//! school are fixed, only name, e-mail and function are asked.

use super::form_field::{form_field, FieldSpec};
use super::{field_message, input_value};
use crate::api::ApiError;
use crate::hooks::use_lang;
use crate::i18n::common::role_name;
use crate::i18n::programme::{function_name, P};
use crate::i18n::Text;
use rubric::people::{Role, SchoolFunction};
use rubric::programme::{validate_invite, FieldError, InviteInput};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InviteFormProps {
    pub schools: Vec<(i64, String)>,
    pub companies: Vec<(i64, String)>,
    /// Only colleagues of one's own school (role and school fixed).
    #[prop_or_default]
    pub colleagues_only: bool,
    #[prop_or_default]
    pub busy: bool,
    #[prop_or_default]
    pub server_error: Option<ApiError>,
    /// Changes after a successful invitation, to empty the form.
    #[prop_or_default]
    pub reset_key: usize,
    pub on_invite: Callback<InviteInput>,
}

fn blank() -> InviteInput {
    InviteInput { name: String::new(), email: String::new(), role: Role::SchoolMember, school_id: None, company_id: None, school_function: Some(SchoolFunction::Teacher) }
}

#[component]
pub fn InviteForm(p: &InviteFormProps) -> Html {
    let lang = use_lang();
    let input = use_state(blank);
    let errors = use_state(Vec::<FieldError>::new);
    {
        let (input, errors) = (input.clone(), errors.clone());
        use_effect_with(p.reset_key, move |_| {
            input.set(blank());
            errors.set(vec![]);
        });
    }
    let update = |f: fn(&mut InviteInput, String)| {
        let input = input.clone();
        Callback::from(move |v: String| {
            let mut next = (*input).clone();
            f(&mut next, v);
            input.set(next);
        })
    };
    let on_select = |f: fn(&mut InviteInput, String)| {
        let cb = update(f);
        Callback::from(move |e: Event| cb.emit(input_value(&e)))
    };
    let msg = |key: &str| field_message(lang, &errors, p.server_error.as_ref(), key);
    let onsubmit = {
        let (input, errors, cb, colleagues) = (input.clone(), errors.clone(), p.on_invite.clone(), p.colleagues_only);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut check = (*input).clone();
            if colleagues {
                // The server fills in one's own school.
                check.role = Role::SchoolMember;
                check.school_id = Some(0);
                check.company_id = None;
            }
            match validate_invite(&check) {
                Ok(_) => {
                    errors.set(vec![]);
                    cb.emit((*input).clone());
                }
                Err(found) => errors.set(found),
            }
        })
    };
    let select = |id: &'static str, label: P, options: Html, on: Callback<Event>, error: Option<String>| html! {
        <div class={classes!("field", error.is_some().then_some("has-error"))} data-field={id}>
            <label for={id}>{ label.t(lang) }</label>
            <select id={id} onchange={on}>{ options }</select>
            if let Some(e) = error { <p class="field-error">{ e }</p> }
        </div>
    };
    let i = &*input;
    let choose = |selected: bool| html! { <option value="" selected={selected}>{ P::ChooseOne.t(lang) }</option> };
    let scope = |items: &[(i64, String)], current: Option<i64>| html! {
        <>{ choose(current.is_none()) }{ for items.iter().map(|(id, n)| html! { <option value={id.to_string()} selected={current == Some(*id)}>{ n }</option> }) }</>
    };
    let roles = html! { <>{ for Role::ALL.iter().map(|r| html! { <option value={r.key()} selected={i.role == *r}>{ role_name(*r).t(lang) }</option> }) }</> };
    let functions = html! { <>{ for SchoolFunction::ALL.iter().map(|f| html! {
        <option value={f.key()} selected={i.school_function == Some(*f)}>{ function_name(*f).t(lang) }</option>
    }) }</> };
    html! {
        <form class="form" {onsubmit} novalidate=true data-testid="invite-form">
            <div class="form-grid">
                { form_field(FieldSpec { id: "name", label: P::Name.t(lang), value: i.name.clone(), kind: "text", required: true, error: msg("name"), on_input: update(|x, v| x.name = v) }) }
                { form_field(FieldSpec { id: "email", label: P::Email.t(lang), value: i.email.clone(), kind: "email", required: false, error: msg("email"), on_input: update(|x, v| x.email = v) }) }
                if !p.colleagues_only {
                    { select("role", P::Role, roles, on_select(|x, v| {
                        x.role = Role::from_key(&v).unwrap_or(Role::SchoolMember);
                        x.school_id = None;
                        x.company_id = None;
                        x.school_function = (x.role == Role::SchoolMember).then_some(SchoolFunction::Teacher);
                    }), msg("role")) }
                    if i.role == Role::SchoolMember {
                        { select("school_id", P::School, scope(&p.schools, i.school_id), on_select(|x, v| x.school_id = v.parse().ok()), msg("school_id")) }
                    }
                    if i.role == Role::CompanyMember {
                        { select("company_id", P::Company, scope(&p.companies, i.company_id), on_select(|x, v| x.company_id = v.parse().ok()), msg("company_id")) }
                    }
                }
                if p.colleagues_only || i.role == Role::SchoolMember {
                    { select("school_function", P::Function, functions, on_select(|x, v| x.school_function = SchoolFunction::from_key(&v)), None) }
                }
            </div>
            <div class="form-actions">
                <button type="submit" class="button" disabled={p.busy} data-testid="send-invite">{ P::Invite.t(lang) }</button>
            </div>
        </form>
    }
}

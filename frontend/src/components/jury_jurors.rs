//! The jurors in the jury set-up: each with the company they work for (which
//! drives the automatic conflict flags) and their progress; adding a person
//! who already has the juror role or inviting a new one (with a sign-in link
//! to pass on), a new link, removing a juror (with confirmation).

use crate::api::ApiError;
use crate::hooks::use_lang;
use crate::i18n::jury::{field_message, J};
use crate::i18n::Text;
use rubric::jury::views::{Choice, JurorInfo, NewJuror};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the coordinator asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum JurorAction {
    Add(NewJuror),
    Company(i64, Option<i64>),
    Remove(i64),
    NewLink(i64),
}

#[derive(Properties, PartialEq)]
pub struct JuryJurorsProps {
    pub jurors: Rc<Vec<JurorInfo>>,
    pub available: Rc<Vec<Choice>>,
    pub companies: Rc<Vec<Choice>>,
    /// Jurors can be added and their company changed.
    pub can_add: bool,
    /// Jurors can be removed (set-up only).
    pub can_remove: bool,
    /// The last sign-in link issued: (person id, link).
    #[prop_or_default]
    pub link: Option<(i64, String)>,
    #[prop_or_default]
    pub error: Option<ApiError>,
    pub on_action: Callback<JurorAction>,
}

fn company_select(id: String, companies: &[Choice], current: Option<i64>, disabled: bool, on: Callback<Option<i64>>, lang: rubric::Lang) -> Html {
    html! {
        <select id={id} disabled={disabled} onchange={move |e: Event| on.emit(e.target_unchecked_into::<HtmlSelectElement>().value().parse().ok())}>
            <option value="" selected={current.is_none()}>{ J::NoCompany.t(lang) }</option>
            { for companies.iter().map(|c| html! { <option value={c.id.to_string()} selected={current == Some(c.id)}>{ &c.name }</option> }) }
        </select>
    }
}

#[component]
pub fn JuryJurors(props: &JuryJurorsProps) -> Html {
    let lang = use_lang();
    let form = use_state(|| NewJuror { person_id: None, name: String::new(), email: String::new(), company_id: None });
    let choice = use_state(|| false);
    // Choosing an existing juror only makes sense while there are some.
    let existing = *choice && !props.available.is_empty();
    let update = |f: fn(&mut NewJuror, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            f(&mut next, e.target_unchecked_into::<HtmlInputElement>().value());
            form.set(next);
        })
    };
    let submit = {
        let (form, cb) = (form.clone(), props.on_action.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut j = (*form).clone();
            if existing {
                j.name.clear();
                j.email.clear();
            } else {
                j.person_id = None;
            }
            cb.emit(JurorAction::Add(j));
            form.set(NewJuror { person_id: None, name: String::new(), email: String::new(), company_id: None });
        })
    };
    let error_at = |f: &str| props.error.as_ref().and_then(|e| e.field_error(f)).map(|e| field_message(lang, e));
    let ready = if existing { form.person_id.is_some() } else { !form.name.trim().is_empty() };
    html! {
        <div class="jury-jurors" data-testid="jurors">
            if props.jurors.is_empty() { <p class="muted">{ J::NoJurorsYet.t(lang) }</p> } else {
                <div class="table-scroll">
                    <table class="data-table cards-on-phone">
                        <thead><tr>
                            <th scope="col">{ J::Juror.t(lang) }</th>
                            <th scope="col">{ J::WorksFor.t(lang) }</th>
                            <th scope="col">{ J::ProgressShort.t(lang) }</th>
                            <th scope="col"><span class="visually-hidden">{ J::Actions.t(lang) }</span></th>
                        </tr></thead>
                        <tbody>
                            { for props.jurors.iter().map(|j| {
                                let pid = j.person_id;
                                let on_company = {
                                    let cb = props.on_action.clone();
                                    Callback::from(move |c: Option<i64>| cb.emit(JurorAction::Company(pid, c)))
                                };
                                html! {
                                    <tr data-juror={pid.to_string()}>
                                        <th scope="row">{ &j.name }if !j.email.is_empty() { <span class="muted small">{ format!(" · {}", j.email) }</span> }</th>
                                        <td data-label={J::WorksFor.t(lang)}>
                                            <label class="visually-hidden" for={format!("company-{pid}")}>{ J::WorksFor.t(lang) }</label>
                                            { company_select(format!("company-{pid}"), &props.companies, j.company_id, !props.can_add, on_company, lang) }
                                        </td>
                                        <td data-label={J::ProgressShort.t(lang)}>{ format!("{} / {} {}", j.submitted, j.assigned, J::Submitted.t(lang)) }
                                            if j.drafts > 0 { <span class="muted small">{ format!(" · {} {}", j.drafts, J::Drafts.t(lang)) }</span> }</td>
                                        <td class="actions">
                                            <button type="button" class="link-button small" onclick={{ let cb = props.on_action.clone(); move |_| cb.emit(JurorAction::NewLink(pid)) }}>
                                                { J::NewSignInLink.t(lang) }
                                            </button>
                                            if props.can_remove {
                                                { " " }
                                                <button type="button" class="link-button small danger" onclick={{
                                                    let cb = props.on_action.clone();
                                                    move |_| {
                                                        let ok = web_sys::window().and_then(|w| w.confirm_with_message(J::ConfirmRemoveJuror.t(lang)).ok()).unwrap_or(false);
                                                        if ok { cb.emit(JurorAction::Remove(pid)) }
                                                    }
                                                }}>{ J::Remove.t(lang) }</button>
                                            }
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if let Some((pid, link)) = &props.link {
                <div class="notice link-box" data-testid="sign-in-link">
                    <p>{ format!("{} {}:", J::SignInLinkFor.t(lang),
                        props.jurors.iter().find(|j| j.person_id == *pid).map(|j| j.name.clone()).unwrap_or_default()) }</p>
                    <input type="text" readonly=true value={link.clone()} aria-label={J::SignInLinkFor.t(lang)}
                        onfocus={|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select()} />
                    <p class="small muted">{ J::LinkOnce.t(lang) }</p>
                </div>
            }
            if props.can_add {
                <form class="add-juror" onsubmit={submit} data-testid="add-juror">
                    <fieldset>
                        <legend>{ J::AddJuror.t(lang) }</legend>
                        if !props.available.is_empty() {
                            <div class="radio-row">
                                <label><input type="radio" name="juror-kind" checked={!existing} onchange={{ let x = choice.clone(); move |_| x.set(false) }} />{ J::NewPerson.t(lang) }</label>
                                <label><input type="radio" name="juror-kind" checked={existing} onchange={{ let x = choice.clone(); move |_| x.set(true) }} />{ J::ExistingJuror.t(lang) }</label>
                            </div>
                        }
                        if existing {
                            <label for="juror-person">{ J::Person.t(lang) }</label>
                            <select id="juror-person" onchange={{
                                let form = form.clone();
                                move |e: Event| {
                                    let mut next = (*form).clone();
                                    next.person_id = e.target_unchecked_into::<HtmlSelectElement>().value().parse().ok();
                                    form.set(next);
                                }
                            }}>
                                <option value="" selected={form.person_id.is_none()}>{ J::ChoosePerson.t(lang) }</option>
                                { for props.available.iter().map(|p| html! { <option value={p.id.to_string()} selected={form.person_id == Some(p.id)}>{ &p.name }</option> }) }
                            </select>
                        } else {
                            <div class="two-col">
                                <div class="field">
                                    <label for="juror-name">{ J::Name.t(lang) }</label>
                                    <input id="juror-name" type="text" value={form.name.clone()} maxlength="120" oninput={update(|j, v| j.name = v)}
                                        aria-describedby={error_at("name").map(|_| "juror-name-error")} />
                                    if let Some(e) = error_at("name") { <p class="field-error" id="juror-name-error">{ e }</p> }
                                </div>
                                <div class="field">
                                    <label for="juror-email">{ J::EmailOptional.t(lang) }</label>
                                    <input id="juror-email" type="email" value={form.email.clone()} oninput={update(|j, v| j.email = v)}
                                        aria-describedby={error_at("email").map(|_| "juror-email-error")} />
                                    if let Some(e) = error_at("email") { <p class="field-error" id="juror-email-error">{ e }</p> }
                                </div>
                            </div>
                        }
                        <label for="juror-company">{ J::WorksFor.t(lang) }</label>
                        { company_select("juror-company".into(), &props.companies, form.company_id, false, {
                            let form = form.clone();
                            Callback::from(move |c: Option<i64>| {
                                let mut next = (*form).clone();
                                next.company_id = c;
                                form.set(next);
                            })
                        }, lang) }
                        <p class="small muted">{ J::WorksForHelp.t(lang) }</p>
                        if let Some(e) = error_at("person_id").or_else(|| error_at("company_id")) { <p class="field-error">{ e }</p> }
                        <button type="submit" class="button secondary" disabled={!ready}>{ J::AddJuror.t(lang) }</button>
                    </fieldset>
                </form>
            }
        </div>
    }
}

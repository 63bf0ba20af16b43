//! Award categories with their finalists in the jury set-up: add, rename
//! and delete a category (with confirmation), add a school with a submitted
//! plan as finalist, see which frozen plan version it is judged on (and use
//! a newer one), remove a finalist.

use crate::api::ApiError;
use crate::hooks::use_lang;
use crate::i18n::jury::{field_message, J};
use crate::i18n::Text;
use rubric::jury::views::{CandidateSchool, CategoryInfo};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the coordinator asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum CategoryAction {
    Add(String),
    Rename(i64, String),
    Delete(i64),
    AddFinalist { category_id: i64, school_id: i64 },
    RemoveFinalist(i64),
    Refreeze(i64),
}

#[derive(Properties, PartialEq)]
pub struct JuryCategoriesProps {
    pub categories: Rc<Vec<CategoryInfo>>,
    pub candidates: Rc<Vec<CandidateSchool>>,
    pub editable: bool,
    #[prop_or_default]
    pub error: Option<ApiError>,
    pub on_action: Callback<CategoryAction>,
}

fn confirm(text: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(text).ok()).unwrap_or(false)
}

#[component]
pub fn JuryCategories(props: &JuryCategoriesProps) -> Html {
    let lang = use_lang();
    let new_name = use_state(String::new);
    let renaming = use_state(|| None::<(i64, String)>);
    let picks = use_state(std::collections::BTreeMap::<i64, i64>::new);
    let emit = |a: CategoryAction| {
        let cb = props.on_action.clone();
        Callback::from(move |_: MouseEvent| cb.emit(a.clone()))
    };
    let add_category = {
        let (cb, new_name) = (props.on_action.clone(), new_name.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(CategoryAction::Add((*new_name).clone()));
            new_name.set(String::new());
        })
    };
    let error_at = |f: &str| props.error.as_ref().and_then(|e| e.field_error(f)).map(|e| field_message(lang, e));
    let free: Vec<&CandidateSchool> = props.candidates.iter().filter(|c| c.category_id.is_none()).collect();
    html! {
        <div class="jury-categories" data-testid="categories">
            if props.categories.is_empty() { <p class="muted">{ J::NoCategoriesYet.t(lang) }</p> }
            { for props.categories.iter().map(|c| {
                let cid = c.id;
                let title = match &*renaming {
                    Some((id, name)) if *id == cid => {
                        let submit = {
                            let (cb, renaming) = (props.on_action.clone(), renaming.clone());
                            let name = name.clone();
                            Callback::from(move |e: SubmitEvent| {
                                e.prevent_default();
                                cb.emit(CategoryAction::Rename(cid, name.clone()));
                                renaming.set(None);
                            })
                        };
                        html! {
                            <form class="inline-form" onsubmit={submit}>
                                <label class="visually-hidden" for={format!("rename-{cid}")}>{ J::CategoryName.t(lang) }</label>
                                <input id={format!("rename-{cid}")} type="text" value={name.clone()}
                                    oninput={{ let r = renaming.clone(); move |e: InputEvent| r.set(Some((cid, e.target_unchecked_into::<HtmlInputElement>().value()))) }} />
                                <button type="submit" class="button secondary">{ J::Save.t(lang) }</button>
                                <button type="button" class="link-button" onclick={{ let r = renaming.clone(); move |_| r.set(None) }}>{ J::Cancel.t(lang) }</button>
                            </form>
                        }
                    }
                    _ => html! {
                        <h3>
                            { &c.name }{ " " }
                            <button type="button" class="link-button small" onclick={{ let r = renaming.clone(); let n = c.name.clone(); move |_| r.set(Some((cid, n.clone()))) }}>
                                { J::Rename.t(lang) }
                            </button>
                            if props.editable {
                                { " " }
                                <button type="button" class="link-button small danger" onclick={{
                                    let cb = props.on_action.clone();
                                    move |_| if confirm(J::ConfirmDeleteCategory.t(lang)) { cb.emit(CategoryAction::Delete(cid)) }
                                }}>{ J::Delete.t(lang) }</button>
                            }
                        </h3>
                    },
                };
                let pick = picks.get(&cid).copied().unwrap_or(0);
                html! {
                    <section class="category-card" data-category={cid.to_string()}>
                        { title }
                        if c.finalists.is_empty() { <p class="muted small">{ J::NoFinalistsYet.t(lang) }</p> }
                        <ul class="finalists">
                            { for c.finalists.iter().map(|f| html! {
                                <li data-finalist={f.id.to_string()}>
                                    <strong>{ &f.school_name }</strong>
                                    <span class="muted">{ format!(" · {}", f.town) }</span>
                                    if let Some(s) = &f.sponsor_name { <span class="muted">{ format!(" · {} {s}", J::SponsoredBy.t(lang)) }</span> }
                                    <span class="badge">{ f.plan_version_number.map_or_else(|| J::NoPlan.t(lang).to_string(), |n| format!("{} {n}", J::PlanVersion.t(lang))) }</span>
                                    if let (Some(n), true) = (f.newer_plan_version_number, props.editable) {
                                        { " " }
                                        <button type="button" class="link-button small" onclick={emit(CategoryAction::Refreeze(f.id))}>
                                            { format!("{} {n}", J::UseNewerVersion.t(lang)) }
                                        </button>
                                    }
                                    if props.editable {
                                        { " " }
                                        <button type="button" class="link-button small danger" onclick={{
                                            let cb = props.on_action.clone();
                                            let id = f.id;
                                            move |_| if confirm(J::ConfirmRemoveFinalist.t(lang)) { cb.emit(CategoryAction::RemoveFinalist(id)) }
                                        }}>{ J::Remove.t(lang) }</button>
                                    }
                                </li>
                            }) }
                        </ul>
                        if props.editable {
                            <div class="inline-form">
                                <label for={format!("add-finalist-{cid}")}>{ J::AddFinalist.t(lang) }</label>
                                <select id={format!("add-finalist-{cid}")} disabled={free.is_empty()} onchange={{
                                    let picks = picks.clone();
                                    move |e: Event| {
                                        let mut next = (*picks).clone();
                                        next.insert(cid, e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0));
                                        picks.set(next);
                                    }
                                }}>
                                    <option value="0" selected={pick == 0}>
                                        { if free.is_empty() { J::NoCandidates.t(lang) } else { J::ChooseSchool.t(lang) } }
                                    </option>
                                    { for free.iter().map(|s| html! {
                                        <option value={s.school_id.to_string()} selected={pick == s.school_id}>
                                            { format!("{} ({}, {} {})", s.name, s.town, J::PlanVersion.t(lang), s.plan_version_number) }
                                        </option>
                                    }) }
                                </select>
                                <button type="button" class="button secondary" disabled={pick == 0}
                                    onclick={emit(CategoryAction::AddFinalist { category_id: cid, school_id: pick })}>{ J::Add.t(lang) }</button>
                            </div>
                        }
                    </section>
                }
            }) }
            if let Some(e) = error_at("school_id").or_else(|| error_at("category_id")) { <p class="field-error">{ e }</p> }
            if props.editable {
                <form class="inline-form" onsubmit={add_category} data-testid="add-category">
                    <label for="new-category">{ J::NewCategory.t(lang) }</label>
                    <input id="new-category" type="text" value={(*new_name).clone()} maxlength="120"
                        aria-describedby={error_at("name").map(|_| "new-category-error")}
                        oninput={{ let n = new_name.clone(); move |e: InputEvent| n.set(e.target_unchecked_into::<HtmlInputElement>().value()) }} />
                    <button type="submit" class="button secondary" disabled={new_name.trim().is_empty()}>{ J::AddCategory.t(lang) }</button>
                    if let Some(e) = error_at("name") { <p class="field-error" id="new-category-error">{ e }</p> }
                </form>
            }
        </div>
    }
}

//! The form of a regional action: what, the owner organisation (a school,
//! company or partner of the region), the budget, each company's
//! contribution in money and in kind (with what is given in kind), and
//! the actions of the schools' own plans it builds on. Amounts are typed
//! in the interface language's way; field errors show at their field.

use crate::components::form::{described_by, error_at, event_value, field_error, Errors};
use crate::hooks::regional_draft::{ActionDraft, ContributionDraft};
use crate::hooks::use_lang;
use crate::i18n::regional_plan::RP;
use crate::i18n::Text;
use rubric::regional_plan::view::SchoolPlanItem;
use rubric::regional_plan::{Organisation, RegionDirectory};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RegionalActionFormProps {
    pub value: ActionDraft,
    pub directory: RegionDirectory,
    pub school_actions: Vec<SchoolPlanItem>,
    pub errors: Errors,
    pub busy: bool,
    pub on_change: Callback<ActionDraft>,
    pub on_save: Callback<()>,
    pub on_cancel: Callback<()>,
}

/// An organisation as an option value: `school:3`.
fn org_value(o: Organisation) -> String {
    format!("{}:{}", o.kind_key(), o.id())
}

fn org_of(value: &str) -> Option<Organisation> {
    let (kind, id) = value.split_once(':')?;
    Organisation::from_key(kind, id.parse().ok()?)
}

/// A text field bound to one part of the draft.
fn text_field(
    props: &RegionalActionFormProps,
    dom: &str,
    field: &str,
    label: &str,
    get: impl Fn(&ActionDraft) -> String,
    put: impl Fn(&mut ActionDraft, String) + 'static,
    numeric: bool,
) -> Html {
    let err = error_at(&props.errors, field);
    let (v, cb) = (props.value.clone(), props.on_change.clone());
    let oninput = Callback::from(move |e: InputEvent| {
        let mut next = v.clone();
        put(&mut next, event_value(&e));
        cb.emit(next);
    });
    let dom = dom.to_string();
    html! {
        <div class="field">
            <label for={dom.clone()}>{ label.to_string() }</label>
            <input id={dom.clone()} data-testid={dom.clone()} value={get(&props.value)} oninput={oninput}
                inputmode={numeric.then_some("decimal")} aria-invalid={err.is_some().to_string()} aria-describedby={described_by(&dom, err)} />
            { field_error(&dom, err) }
        </div>
    }
}

#[component]
pub fn RegionalActionForm(props: &RegionalActionFormProps) -> Html {
    let lang = use_lang();
    let v = &props.value;
    let d = &props.directory;
    let owner_err = error_at(&props.errors, "owner");
    let owner_change = {
        let (v, cb) = (v.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let mut next = v.clone();
            next.owner = org_of(&event_value(&e));
            cb.emit(next);
        })
    };
    let group = |label: RP, items: Vec<(Organisation, String)>| {
        html! {
            <optgroup label={label.t(lang)}>
                { for items.into_iter().map(|(o, name)| html! {
                    <option value={org_value(o)} selected={v.owner == Some(o)}>{ name }</option>
                }) }
            </optgroup>
        }
    };
    let add = {
        let (v, cb) = (v.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = v.clone();
            next.contributions.push(ContributionDraft::default());
            cb.emit(next);
        })
    };
    let contribution = |i: usize, c: &ContributionDraft| {
        let company_field = format!("contributions[{i}].company_id");
        let company_err = error_at(&props.errors, &company_field);
        let company_dom = format!("contribution-{i}-company");
        let (v2, cb) = (v.clone(), props.on_change.clone());
        let company_change = Callback::from(move |e: Event| {
            let mut next = v2.clone();
            if let Some(c) = next.contributions.get_mut(i) {
                c.company_id = event_value(&e).parse().ok();
            }
            cb.emit(next);
        });
        let (v3, cb3) = (v.clone(), props.on_change.clone());
        let remove = Callback::from(move |_: MouseEvent| {
            let mut next = v3.clone();
            if i < next.contributions.len() {
                next.contributions.remove(i);
            }
            cb3.emit(next);
        });
        html! {
            <fieldset class="contribution" data-testid={format!("contribution-{i}")}>
                <legend>{ format!("{} {}", RP::Company.t(lang), i + 1) }</legend>
                <div class="field">
                    <label for={company_dom.clone()}>{ RP::Company.t(lang) }</label>
                    <select id={company_dom.clone()} data-testid={company_dom.clone()} onchange={company_change}
                        aria-invalid={company_err.is_some().to_string()} aria-describedby={described_by(&company_dom, company_err)}>
                        <option value="" selected={c.company_id.is_none()}>{ RP::ChooseCompany.t(lang) }</option>
                        { for d.companies.iter().map(|(id, name)| html! {
                            <option value={id.to_string()} selected={c.company_id == Some(*id)}>{ name.clone() }</option>
                        }) }
                    </select>
                    { field_error(&company_dom, company_err) }
                </div>
                <div class="contribution-amounts">
                    { text_field(props, &format!("contribution-{i}-money"), &format!("contributions[{i}].money_cents"), RP::Money.t(lang),
                        move |v| v.contributions.get(i).map(|c| c.money.clone()).unwrap_or_default(),
                        move |v, s| if let Some(c) = v.contributions.get_mut(i) { c.money = s }, true) }
                    { text_field(props, &format!("contribution-{i}-in-kind"), &format!("contributions[{i}].in_kind_cents"), RP::InKind.t(lang),
                        move |v| v.contributions.get(i).map(|c| c.in_kind.clone()).unwrap_or_default(),
                        move |v, s| if let Some(c) = v.contributions.get_mut(i) { c.in_kind = s }, true) }
                </div>
                { text_field(props, &format!("contribution-{i}-what"), &format!("contributions[{i}].in_kind_description"), RP::InKindWhat.t(lang),
                    move |v| v.contributions.get(i).map(|c| c.in_kind_description.clone()).unwrap_or_default(),
                    move |v, s| if let Some(c) = v.contributions.get_mut(i) { c.in_kind_description = s }, false) }
                <button type="button" class="button secondary small" data-testid={format!("contribution-{i}-remove")} onclick={remove}>{ RP::RemoveCompany.t(lang) }</button>
            </fieldset>
        }
    };
    let save = props.on_save.reform(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="plan-form" data-testid="regional-action-form" onsubmit={save}>
            { text_field(props, "action-description", "description", RP::Description.t(lang), |v| v.description.clone(), |v, s| v.description = s, false) }
            <div class="field">
                <label for="action-owner">{ RP::Owner.t(lang) }</label>
                <select id="action-owner" data-testid="action-owner" onchange={owner_change}
                    aria-invalid={owner_err.is_some().to_string()} aria-describedby={described_by("action-owner", owner_err)}>
                    <option value="" selected={v.owner.is_none()}>{ RP::ChooseOwner.t(lang) }</option>
                    { group(RP::Schools, d.schools.iter().map(|(id, n)| (Organisation::School(*id), n.clone())).collect()) }
                    { group(RP::Companies, d.companies.iter().map(|(id, n)| (Organisation::Company(*id), n.clone())).collect()) }
                    { group(RP::Partners, d.partners.iter().map(|(id, n)| (Organisation::Partner(*id), n.clone())).collect()) }
                </select>
                { field_error("action-owner", owner_err) }
            </div>
            { text_field(props, "action-budget", "budget_cents", RP::Budget.t(lang), |v| v.budget.clone(), |v, s| v.budget = s, true) }
            <p class="hint">{ RP::BudgetHint.t(lang) }</p>
            <fieldset class="contributions">
                <legend>{ RP::Contributions.t(lang) }</legend>
                if v.contributions.is_empty() { <p class="hint">{ RP::NoContributions.t(lang) }</p> }
                { for v.contributions.iter().enumerate().map(|(i, c)| contribution(i, c)) }
                <button type="button" class="button secondary small" data-testid="add-contribution" onclick={add} disabled={d.companies.is_empty()}>{ format!("+ {}", RP::AddCompany.t(lang)) }</button>
            </fieldset>
            <fieldset class="links-fields">
                <legend>{ RP::LinkedActions.t(lang) }</legend>
                if props.school_actions.is_empty() { <p class="hint">{ RP::NoSchoolItems.t(lang) }</p> }
                { for props.school_actions.iter().map(|item| {
                    let id = item.id;
                    let checked = v.linked_school_action_ids.contains(&id);
                    let (v2, cb) = (v.clone(), props.on_change.clone());
                    let toggle = Callback::from(move |_: Event| {
                        let mut next = v2.clone();
                        if checked { next.linked_school_action_ids.retain(|x| *x != id) } else { next.linked_school_action_ids.push(id) }
                        cb.emit(next);
                    });
                    html! {
                        <label class="check-line">
                            <input type="checkbox" data-testid={format!("link-action-{id}")} checked={checked} onchange={toggle} />
                            { format!("{}: {}", item.school_name, item.title) }
                        </label>
                    }
                }) }
            </fieldset>
            <div class="form-buttons">
                <button type="submit" class="button" data-testid="save-action" disabled={props.busy}>{ RP::Save.t(lang) }</button>
                <button type="button" class="button secondary" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ RP::Cancel.t(lang) }</button>
            </div>
        </form>
    }
}

//! The form of a regional goal: title, description, whether it is a
//! continuous learning route (then its sending and receiving school of the
//! region), and the goals of the schools' own plans it builds on. Field
//! errors show at their field.

use crate::components::form::{described_by, error_at, event_value, field_error, Errors};
use crate::hooks::use_lang;
use crate::i18n::regional_plan::RP;
use crate::i18n::Text;
use rubric::plan::validate::{MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
use rubric::regional_plan::view::SchoolPlanItem;
use rubric::regional_plan::{RegionDirectory, RegionalGoalInput, RouteInput};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RegionalGoalFormProps {
    pub value: RegionalGoalInput,
    pub directory: RegionDirectory,
    pub school_goals: Vec<SchoolPlanItem>,
    pub errors: Errors,
    pub busy: bool,
    pub on_change: Callback<RegionalGoalInput>,
    pub on_save: Callback<()>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn RegionalGoalForm(props: &RegionalGoalFormProps) -> Html {
    let lang = use_lang();
    let v = props.value.clone();
    let set = |f: fn(&mut RegionalGoalInput, String)| {
        let (v, cb) = (v.clone(), props.on_change.clone());
        Callback::from(move |e: InputEvent| {
            let mut next = v.clone();
            f(&mut next, event_value(&e));
            cb.emit(next);
        })
    };
    let route_toggle = {
        let (v, cb) = (v.clone(), props.on_change.clone());
        Callback::from(move |_: Event| {
            let mut next = v.clone();
            next.route = if next.route.is_some() { None } else { Some(RouteInput::default()) };
            cb.emit(next);
        })
    };
    let school_select = |id: &'static str, label: RP, pick: fn(&RouteInput) -> Option<i64>, put: fn(&mut RouteInput, Option<i64>)| {
        let field = format!("route.{id}");
        let err = error_at(&props.errors, &field);
        let dom = format!("goal-{}", id.replace('_', "-"));
        let current = v.route.as_ref().and_then(pick);
        let (v2, cb) = (v.clone(), props.on_change.clone());
        let onchange = Callback::from(move |e: Event| {
            let mut next = v2.clone();
            let route = next.route.get_or_insert_with(RouteInput::default);
            put(route, event_value(&e).parse().ok());
            cb.emit(next);
        });
        html! {
            <div class="field">
                <label for={dom.clone()}>{ label.t(lang) }</label>
                <select id={dom.clone()} data-testid={dom.clone()} onchange={onchange} aria-invalid={err.is_some().to_string()} aria-describedby={described_by(&dom, err)}>
                    <option value="" selected={current.is_none()}>{ RP::ChooseSchool.t(lang) }</option>
                    { for props.directory.schools.iter().map(|(id, name)| html! {
                        <option value={id.to_string()} selected={current == Some(*id)}>{ name.clone() }</option>
                    }) }
                </select>
                { field_error(&dom, err) }
            </div>
        }
    };
    let title_err = error_at(&props.errors, "title");
    let desc_err = error_at(&props.errors, "description");
    let save = props.on_save.reform(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="plan-form" data-testid="regional-goal-form" onsubmit={save}>
            <div class="field">
                <label for="goal-title">{ RP::Title.t(lang) }</label>
                <input id="goal-title" data-testid="goal-title" value={v.title.clone()} maxlength={MAX_TITLE_CHARS.to_string()}
                    oninput={set(|g, s| g.title = s)} aria-invalid={title_err.is_some().to_string()} aria-describedby={described_by("goal-title", title_err)} />
                { field_error("goal-title", title_err) }
            </div>
            <div class="field">
                <label for="goal-description">{ RP::Description.t(lang) }</label>
                <textarea id="goal-description" data-testid="goal-description" rows="3" value={v.description.clone()} maxlength={MAX_DESCRIPTION_CHARS.to_string()}
                    oninput={set(|g, s| g.description = s)} aria-invalid={desc_err.is_some().to_string()} aria-describedby={described_by("goal-description", desc_err)} />
                { field_error("goal-description", desc_err) }
            </div>
            <label class="check-line">
                <input type="checkbox" data-testid="goal-is-route" checked={v.route.is_some()} onchange={route_toggle} />
                { RP::IsRoute.t(lang) }
            </label>
            if v.route.is_some() {
                <fieldset class="route-fields">
                    <legend>{ RP::RouteLabel.t(lang) }</legend>
                    <p class="hint">{ RP::RouteHint.t(lang) }</p>
                    { school_select("sending_school_id", RP::SendingSchool, |r| r.sending_school_id, |r, id| r.sending_school_id = id) }
                    { school_select("receiving_school_id", RP::ReceivingSchool, |r| r.receiving_school_id, |r, id| r.receiving_school_id = id) }
                </fieldset>
            }
            <fieldset class="links-fields">
                <legend>{ RP::LinkedGoals.t(lang) }</legend>
                if props.school_goals.is_empty() { <p class="hint">{ RP::NoSchoolItems.t(lang) }</p> }
                { for props.school_goals.iter().map(|item| {
                    let id = item.id;
                    let checked = v.linked_school_goal_ids.contains(&id);
                    let (v2, cb) = (v.clone(), props.on_change.clone());
                    let toggle = Callback::from(move |_: Event| {
                        let mut next = v2.clone();
                        if checked { next.linked_school_goal_ids.retain(|x| *x != id) } else { next.linked_school_goal_ids.push(id) }
                        cb.emit(next);
                    });
                    html! {
                        <label class="check-line">
                            <input type="checkbox" data-testid={format!("link-goal-{id}")} checked={checked} onchange={toggle} />
                            { format!("{}: {}", item.school_name, item.title) }
                        </label>
                    }
                }) }
            </fieldset>
            <div class="form-buttons">
                <button type="submit" class="button" data-testid="save-goal" disabled={props.busy}>{ RP::Save.t(lang) }</button>
                <button type="button" class="button secondary" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ RP::Cancel.t(lang) }</button>
            </div>
        </form>
    }
}

//! The form of one goal: title, description and the indicators it aims at,
//! each with the current consensus level, a target level above it and the
//! full descriptor of that target level. Field errors show at their field.

use super::form::{described_by, error_at, event_value, field_error, Errors};
use super::plan_view::{badge_html, indicator_label, level_label};
use crate::i18n::plans::P;
use crate::i18n::Text;
use rubric::plan::view::ProfileMaps;
use rubric::plan::validate::{MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS};
use rubric::plan::{GoalInput, IndicatorTargetInput};
use rubric::Level;
use std::rc::Rc;
use yew::prelude::*;

/// A target for `indicator_id` starting from the profile: current level
/// from the consensus, target one level up.
pub fn target_from_profile(maps: &ProfileMaps, indicator_id: &str) -> IndicatorTargetInput {
    let current = maps.indicator_levels.get(indicator_id).copied().flatten();
    let target = current.and_then(Level::next).unwrap_or(Level::MAX);
    IndicatorTargetInput {
        indicator_id: indicator_id.to_string(),
        current_level: current.map(|l| i64::from(l.get())),
        target_level: Some(i64::from(target.get())),
    }
}

/// One change to the goal form. The page applies it to its latest state,
/// so quick successive changes never overwrite each other.
#[derive(Debug, Clone, PartialEq)]
pub enum GoalEdit {
    Title(String),
    Description(String),
    TargetLevel(usize, Option<i64>),
    Remove(usize),
    /// Add a target (ignored when the indicator is already in the goal).
    Add(IndicatorTargetInput),
}

impl GoalEdit {
    pub fn apply(self, form: &mut GoalInput) {
        match self {
            GoalEdit::Title(v) => form.title = v,
            GoalEdit::Description(v) => form.description = v,
            GoalEdit::TargetLevel(i, level) => {
                if let Some(t) = form.indicator_targets.get_mut(i) {
                    t.target_level = level;
                }
            }
            GoalEdit::Remove(i) => {
                if i < form.indicator_targets.len() {
                    form.indicator_targets.remove(i);
                }
            }
            GoalEdit::Add(t) => {
                if !form.indicator_targets.iter().any(|x| x.indicator_id == t.indicator_id) {
                    form.indicator_targets.push(t);
                }
            }
        }
    }
}

/// The form's values and what editing does (plain props of a view
/// function: issue 13, each component type costs Yew's machinery again).
pub struct GoalFormProps {
    pub value: GoalInput,
    pub maps: Rc<ProfileMaps>,
    pub errors: Errors,
    pub busy: bool,
    pub on_edit: Callback<GoalEdit>,
    pub on_save: Callback<()>,
    pub on_cancel: Callback<()>,
}

/// What a change event sets.
#[derive(Clone, Copy)]
enum Set {
    Title,
    Description,
    Target(usize),
    Remove(usize),
    Add,
}

/// The goal form (a view function of the plan editor's open form), over
/// the rubric the plan targets.
pub fn goal_form(lang: rubric::Lang, rubric: &rubric::Rubric, props: GoalFormProps) -> Html {
    let props = &props;
    let value = &props.value;
    let set = |what: Set| {
        let maps = props.maps.clone();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            let v = event_value(&e);
            on_edit.emit(match what {
                Set::Title => GoalEdit::Title(v),
                Set::Description => GoalEdit::Description(v),
                Set::Target(i) => GoalEdit::TargetLevel(i, v.parse().ok()),
                Set::Remove(i) => GoalEdit::Remove(i),
                Set::Add if v.is_empty() => return,
                Set::Add => GoalEdit::Add(target_from_profile(&maps, &v)),
            });
        })
    };
    // Text fields report on every keystroke so drafts are saved as typed.
    let typed = |what: Set| {
        let cb = set(what);
        Callback::from(move |e: InputEvent| cb.emit(e.into()))
    };
    let clicked = |what: Set| {
        let cb = set(what);
        Callback::from(move |e: MouseEvent| cb.emit(e.into()))
    };
    let onsubmit = {
        let on_save = props.on_save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_save.emit(());
        })
    };
    let cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let title_error = error_at(&props.errors, "title");
    let description_error = error_at(&props.errors, "description");
    let in_goal = |id: &str| value.indicator_targets.iter().any(|t| t.indicator_id == id);
    html! {
        <form class="plan-form goal-form" data-testid="goal-form" onsubmit={onsubmit} novalidate=true>
            <div class="field">
                <label for="goal-title">{ P::Title.t(lang) }</label>
                <input id="goal-title" type="text" value={value.title.clone()} oninput={typed(Set::Title)}
                    maxlength={MAX_TITLE_CHARS.to_string()} aria-invalid={title_error.is_some().to_string()}
                    aria-describedby={described_by("goal-title", title_error)} />
                { field_error("goal-title", title_error) }
            </div>
            <div class="field">
                <label for="goal-description">{ P::Description.t(lang) }</label>
                <textarea id="goal-description" rows="3" value={value.description.clone()} oninput={typed(Set::Description)}
                    maxlength={MAX_DESCRIPTION_CHARS.to_string()}
                    aria-invalid={description_error.is_some().to_string()}
                    aria-describedby={described_by("goal-description", description_error)} />
                { field_error("goal-description", description_error) }
            </div>
            <fieldset class="targets">
                <legend>{ P::Indicators.t(lang) }</legend>
                if value.indicator_targets.is_empty() {
                    <p class="flag">{ P::NoIndicatorsYet.t(lang) }</p>
                }
                { for value.indicator_targets.iter().enumerate().map(|(i, t)| {
                    let id = format!("target-{i}");
                    let current = t.current_level.and_then(|n| u8::try_from(n).ok()).and_then(|n| Level::new(n).ok());
                    let target = t.target_level.and_then(|n| u8::try_from(n).ok()).and_then(|n| Level::new(n).ok());
                    let descriptor = target
                        .and_then(|l| rubric.indicator(&t.indicator_id).and_then(|(_, ind)| ind.descriptor(l)))
                        .map(|d| d.get(lang).to_string());
                    let level_error = error_at(&props.errors, &format!("indicator_targets[{i}].target_level"))
                        .or_else(|| error_at(&props.errors, &format!("indicator_targets[{i}].indicator_id")))
                        .or_else(|| error_at(&props.errors, &format!("indicator_targets[{i}].current_level")));
                    html! {
                        <div class="target-row" key={t.indicator_id.clone()} data-testid="target-row" data-indicator={t.indicator_id.clone()}>
                            <div class="target-head">
                                <strong>{ indicator_label(&t.indicator_id, lang) }</strong>
                                <span class="small muted">{ P::CurrentLevel.t(lang) }{ ": " }</span>{ badge_html(current, lang) }
                                <button type="button" class="link-button small" onclick={clicked(Set::Remove(i))}
                                    aria-label={format!("{}: {}", P::RemoveIndicator.t(lang), indicator_label(&t.indicator_id, lang))}>
                                    { P::RemoveIndicator.t(lang) }
                                </button>
                            </div>
                            <label for={id.clone()}>{ P::TargetLevel.t(lang) }</label>
                            <select id={id.clone()} onchange={set(Set::Target(i))} aria-invalid={level_error.is_some().to_string()}
                                aria-describedby={described_by(&id, level_error)} data-testid="target-level">
                                { for Level::ALL.into_iter().filter(|l| current.is_none_or(|c| *l > c)).map(|l| html! {
                                    <option value={l.to_string()} selected={target == Some(l)}>{ level_label(l, lang) }</option>
                                }) }
                            </select>
                            { field_error(&id, level_error) }
                            if let Some(d) = descriptor {
                                <p class="target-descriptor"><span class="small muted">{ P::TargetLooksLike.t(lang) }{ ": " }</span>{ d }</p>
                            }
                        </div>
                    }
                }) }
                <label for="add-indicator" class="small">{ P::AddIndicator.t(lang) }</label>
                <select id="add-indicator" onchange={set(Set::Add)} data-testid="add-indicator">
                    <option value="" selected=true>{ P::ChooseIndicator.t(lang) }</option>
                    { for rubric.aspects.iter().map(|a| html! {
                        <optgroup label={a.name.get(lang).to_string()}>
                            { for a.indicators.iter().filter(|ind| !in_goal(&ind.id)).map(|ind| {
                                let level = props.maps.indicator_levels.get(&ind.id).copied().flatten();
                                let at_top = level == Some(Level::MAX);
                                let suffix = level.map(|l| format!(" ({} {l})", P::Level.t(lang))).unwrap_or_default();
                                html! { <option value={ind.id.clone()} disabled={at_top}>{ format!("{}{suffix}", ind.title.get(lang)) }</option> }
                            }) }
                        </optgroup>
                    }) }
                </select>
            </fieldset>
            <div class="form-buttons">
                <button type="submit" class="button" disabled={props.busy} data-testid="save-goal">{ P::Save.t(lang) }</button>
                <button type="button" class="button secondary" onclick={cancel}>{ P::Cancel.t(lang) }</button>
            </div>
        </form>
    }
}

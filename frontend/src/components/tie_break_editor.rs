//! Choosing the tie-break rule before scoring opens: an ordered list of
//! rules (higher mean on a named criterion, higher median juror score, more
//! first places, the chair's decision last) and the jury chair. Proposes a
//! sensible rule when none is chosen yet.

use crate::api::ApiError;
use crate::hooks::use_lang;
use crate::i18n::jury::{rule_text, tie_break_problem, J};
use crate::i18n::Text;
use rubric::jury::setup::{suggested_tie_break, validate_chair, validate_tie_break, CriterionDef};
use rubric::jury::views::JurorInfo;
use rubric::jury::TieBreakRule;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TieBreakEditorProps {
    pub rules: Vec<TieBreakRule>,
    pub chair_id: Option<i64>,
    pub criteria: Rc<Vec<CriterionDef>>,
    pub jurors: Rc<Vec<JurorInfo>>,
    pub editable: bool,
    #[prop_or_default]
    pub server_error: Option<ApiError>,
    pub on_save: Callback<(Vec<TieBreakRule>, Option<i64>)>,
}

/// The rules one can add, as (value of the option, rule).
fn options(criteria: &[CriterionDef]) -> Vec<(String, TieBreakRule)> {
    let mut all: Vec<(String, TieBreakRule)> =
        criteria.iter().map(|c| (format!("c{}", c.id), TieBreakRule::HigherCriterion(c.key()))).collect();
    all.push(("median".into(), TieBreakRule::HigherMedianJurorScore));
    all.push(("firsts".into(), TieBreakRule::MoreFirstPlaces));
    all.push(("chair".into(), TieBreakRule::ChairDecision));
    all
}

#[component]
pub fn TieBreakEditor(props: &TieBreakEditorProps) -> Html {
    let lang = use_lang();
    let suggested = props.rules.is_empty();
    let start = if suggested { suggested_tie_break(&props.criteria) } else { props.rules.clone() };
    let rules = use_state(|| start.clone());
    let chair = use_state(|| props.chair_id);
    let pick = use_state(String::new);
    {
        let (rules, chair) = (rules.clone(), chair.clone());
        use_effect_with((start.clone(), props.chair_id), move |(start, c)| {
            rules.set(start.clone());
            chair.set(*c);
        });
    }
    let changed = *rules != props.rules || *chair != props.chair_id;
    let problem = validate_tie_break(&rules, &props.criteria).err();
    // A rule that ends with the chair's decision needs a chair.
    let chair_problem = validate_chair(&rules, *chair).err();
    let ro = !props.editable;
    let mv = |i: usize, j: usize| {
        let rules = rules.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rules).clone();
            if i < next.len() && j < next.len() {
                next.swap(i, j);
                rules.set(next);
            }
        })
    };
    let remove = |i: usize| {
        let rules = rules.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rules).clone();
            if i < next.len() {
                next.remove(i);
            }
            rules.set(next);
        })
    };
    let all = options(&props.criteria);
    let add = {
        let (rules, pick, all) = (rules.clone(), pick.clone(), all.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((_, rule)) = all.iter().find(|(v, _)| *v == *pick) else { return };
            let mut next = (*rules).clone();
            if next.contains(rule) {
                return;
            }
            // Keep the chair's decision last.
            let at = if next.last() == Some(&TieBreakRule::ChairDecision) { next.len() - 1 } else { next.len() };
            next.insert(at, rule.clone());
            rules.set(next);
            pick.set(String::new());
        })
    };
    let save = {
        let (rules, chair, on_save) = (rules.clone(), chair.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_save.emit(((*rules).clone(), *chair));
        })
    };
    let server = props.server_error.as_ref().and_then(|e| e.field("rules").or(e.field("chair_id")).map(String::from));
    html! {
        <form class="tie-break-editor" data-testid="tie-break-editor" onsubmit={save}>
            if suggested && props.editable { <p class="notice small">{ J::TieBreakSuggested.t(lang) }</p> }
            <ol class="rule-list">
                { for rules.iter().enumerate().map(|(i, r)| html! {
                    <li data-rule={i.to_string()}>
                        { rule_text(lang, r, &props.criteria) }
                        if props.editable {
                            { " " }
                            <button type="button" class="link-button" disabled={i == 0} onclick={mv(i, i.saturating_sub(1))}
                                aria-label={J::MoveUp.t(lang)}>{ "↑" }</button>
                            { " " }
                            <button type="button" class="link-button" disabled={i + 1 == rules.len()} onclick={mv(i, i + 1)}
                                aria-label={J::MoveDown.t(lang)}>{ "↓" }</button>
                            { " " }
                            <button type="button" class="link-button" onclick={remove(i)}>{ J::Remove.t(lang) }</button>
                        }
                    </li>
                }) }
            </ol>
            if rules.is_empty() { <p class="muted">{ J::NoRuleYet.t(lang) }</p> }
            if props.editable {
                <div class="inline-form">
                    <label for="add-rule">{ J::AddRule.t(lang) }</label>
                    <select id="add-rule" onchange={{ let p = pick.clone(); move |e: Event| p.set(e.target_unchecked_into::<HtmlSelectElement>().value()) }}>
                        <option value="" selected={pick.is_empty()}>{ J::ChooseRule.t(lang) }</option>
                        { for all.iter().filter(|(_, r)| !rules.contains(r)).map(|(v, r)| html! {
                            <option value={v.clone()} selected={*pick == *v}>{ rule_text(lang, r, &props.criteria) }</option>
                        }) }
                    </select>
                    <button type="button" class="button secondary" disabled={pick.is_empty()} onclick={add}>{ J::Add.t(lang) }</button>
                </div>
            }
            <div class="field">
                <label for="chair">{ J::Chair.t(lang) }</label>
                <select id="chair" disabled={ro} aria-describedby={chair_problem.as_ref().map(|_| "chair-error")} onchange={{
                    let c = chair.clone();
                    move |e: Event| c.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().ok())
                }}>
                    <option value="" selected={chair.is_none()}>{ J::NoChair.t(lang) }</option>
                    { for props.jurors.iter().map(|j| html! {
                        <option value={j.person_id.to_string()} selected={*chair == Some(j.person_id)}>{ &j.name }</option>
                    }) }
                </select>
            </div>
            if let (Some(p), true) = (&chair_problem, props.editable) {
                <p class="field-error" id="chair-error" data-testid="chair-error">{ tie_break_problem(lang, p) }</p>
            }
            if let Some(p) = &problem { <p class="field-error">{ tie_break_problem(lang, p) }</p> }
            if let Some(m) = server { <p class="field-error">{ m }</p> }
            if props.editable {
                <button type="submit" class="button" data-testid="save-tie-break" disabled={rules.is_empty() || problem.is_some() || chair_problem.is_some() || !(changed || suggested)}>
                    { J::SaveTieBreak.t(lang) }
                </button>
            }
        </form>
    }
}

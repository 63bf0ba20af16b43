//! Editing the jury criteria: name, description and weight of each, and the
//! five band anchors (1-2 ... 9-10) in Dutch and English. Checked as you
//! type with the same rules the server applies (weights summing to 100,
//! Dutch texts present), each message at its field; saved as a whole.

use crate::api::ApiError;
use crate::hooks::use_lang;
use crate::i18n::jury::{criteria_problem, J};
use crate::i18n::jury_results::R;
use crate::i18n::Text;
use rubric::jury::setup::{validate_criteria, CriteriaProblem, CriterionDef, CriterionInput, BANDS};
use rubric::LocalizedText;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CriteriaEditorProps {
    pub criteria: Rc<Vec<CriterionDef>>,
    pub editable: bool,
    /// Why the criteria cannot change (shown when not editable): scoring
    /// open or closed, or the results locked.
    #[prop_or(FrozenReason::ScoringOpen)]
    pub frozen: FrozenReason,
    #[prop_or_default]
    pub server_error: Option<ApiError>,
    pub on_save: Callback<Vec<CriterionInput>>,
}

/// Why the criteria are fixed.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FrozenReason {
    ScoringOpen,
    ScoringClosed,
    Locked,
}

/// Which text of a criterion an input edits.
#[derive(Clone, Copy)]
enum Part {
    NameNl,
    NameEn,
    DescNl,
    DescEn,
    AnchorNl(usize),
    AnchorEn(usize),
    Weight,
}

fn set(c: &mut CriterionInput, part: Part, value: String) {
    match part {
        Part::NameNl => c.name.nl = value,
        Part::NameEn => c.name.en = value,
        Part::DescNl => c.description.nl = value,
        Part::DescEn => c.description.en = value,
        Part::Weight => c.weight = value.trim().parse().unwrap_or(0),
        Part::AnchorNl(b) | Part::AnchorEn(b) => {
            while c.anchors.len() < BANDS.len() {
                c.anchors.push(LocalizedText::new("", ""));
            }
            if let Some(a) = c.anchors.get_mut(b) {
                if matches!(part, Part::AnchorNl(_)) {
                    a.nl = value;
                } else {
                    a.en = value;
                }
            }
        }
    }
}

#[component]
pub fn CriteriaEditor(props: &CriteriaEditorProps) -> Html {
    let lang = use_lang();
    let original: Vec<CriterionInput> = props.criteria.iter().map(CriterionInput::from).collect();
    let list = use_state(|| original.clone());
    {
        // A new server state (after saving or reloading) replaces the edits.
        let list = list.clone();
        use_effect_with(props.criteria.clone(), move |c| list.set(c.iter().map(CriterionInput::from).collect()));
    }
    let problems: Vec<CriteriaProblem> = validate_criteria(&list);
    let changed = *list != original;
    let error_at = |field: &str| -> Option<String> {
        problems
            .iter()
            .find(|p| p.field() == field)
            .map(|p| criteria_problem(lang, p))
            .or_else(|| props.server_error.as_ref().and_then(|e| e.field(field)).map(String::from))
    };
    let edit = |i: usize, part: Part| {
        let list = list.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|x| x.value())
                .or_else(|| e.target_dyn_into::<HtmlTextAreaElement>().map(|x| x.value()))
                .unwrap_or_default();
            let mut next = (*list).clone();
            if let Some(c) = next.get_mut(i) {
                set(c, part, value);
            }
            list.set(next);
        })
    };
    let remove = |i: usize| {
        let list = list.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*list).clone();
            if i < next.len() {
                next.remove(i);
            }
            list.set(next);
        })
    };
    let add = {
        let list = list.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*list).clone();
            next.push(CriterionInput {
                id: None,
                name: LocalizedText::new("", ""),
                description: LocalizedText::new("", ""),
                weight: 0,
                anchors: vec![LocalizedText::new("", ""); BANDS.len()],
            });
            list.set(next);
        })
    };
    let reset = {
        let (list, original) = (list.clone(), original.clone());
        Callback::from(move |_: MouseEvent| list.set(original.clone()))
    };
    let save = {
        let (list, on_save) = (list.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_save.emit((*list).clone());
        })
    };
    let sum: u32 = list.iter().map(|c| c.weight).sum();
    let ro = !props.editable;
    let field = |i: usize, key: &str, label: String, value: String, part: Part, area: bool| {
        let id = format!("crit-{i}-{key}");
        let name = format!("criteria.{i}.{key}");
        let err = error_at(&name);
        let described = err.as_ref().map(|_| format!("{id}-error"));
        html! {
            <div class={classes!("field", err.is_some().then_some("has-error"))}>
                <label for={id.clone()}>{ label }</label>
                if area {
                    <textarea id={id.clone()} rows="2" value={value} readonly={ro} oninput={edit(i, part)} aria-describedby={described.clone()} />
                } else {
                    <input id={id.clone()} type="text" value={value} readonly={ro} oninput={edit(i, part)} aria-describedby={described.clone()} />
                }
                if let Some(e) = err { <p class="field-error" id={format!("{id}-error")}>{ e }</p> }
            </div>
        }
    };
    html! {
        <form class="criteria-editor" data-testid="criteria-editor" onsubmit={save}>
            { for list.iter().enumerate().map(|(i, c)| {
                let weight_id = format!("crit-{i}-weight");
                let weight_err = error_at(&format!("criteria.{i}.weight"));
                html! {
                    <fieldset class="criterion-card" data-index={i.to_string()}>
                        <legend>{ format!("{} {}", J::Criterion.t(lang), i + 1) }</legend>
                        <div class="two-col">
                            { field(i, "name_nl", J::NameNl.t(lang).into(), c.name.nl.clone(), Part::NameNl, false) }
                            { field(i, "name_en", J::NameEn.t(lang).into(), c.name.en.clone(), Part::NameEn, false) }
                        </div>
                        <div class="field weight-field">
                            <label for={weight_id.clone()}>{ J::WeightPercent.t(lang) }</label>
                            <input id={weight_id.clone()} type="number" min="0" max="100" value={c.weight.to_string()}
                                readonly={ro} oninput={edit(i, Part::Weight)} />
                            if let Some(e) = weight_err { <p class="field-error">{ e }</p> }
                        </div>
                        <div class="two-col">
                            { field(i, "description_nl", J::DescriptionNl.t(lang).into(), c.description.nl.clone(), Part::DescNl, true) }
                            { field(i, "description_en", J::DescriptionEn.t(lang).into(), c.description.en.clone(), Part::DescEn, true) }
                        </div>
                        <details class="anchors">
                            <summary>{ J::Anchors.t(lang) }</summary>
                            if let Some(e) = error_at(&format!("criteria.{i}.anchors")) { <p class="field-error">{ e }</p> }
                            { for BANDS.iter().enumerate().map(|(b, (lo, hi))| {
                                let a = c.anchors.get(b).cloned().unwrap_or_else(|| LocalizedText::new("", ""));
                                html! {
                                    <div class="two-col band-row">
                                        { field(i, &format!("anchors.{b}.nl"), format!("{lo}–{hi} (NL)"), a.nl, Part::AnchorNl(b), true) }
                                        { field(i, &format!("anchors.{b}.en"), format!("{lo}–{hi} (EN)"), a.en, Part::AnchorEn(b), true) }
                                    </div>
                                }
                            }) }
                        </details>
                        if props.editable {
                            <button type="button" class="link-button" onclick={remove(i)}>{ J::RemoveCriterion.t(lang) }</button>
                        }
                    </fieldset>
                }
            }) }
            <p class={classes!("weight-sum", if sum == 100 { "ok" } else { "warn" })} data-testid="weight-sum" aria-live="polite">
                { format!("{}: {sum} / 100", J::TotalWeight.t(lang)) }
            </p>
            if let Some(e) = error_at("criteria.weights").or_else(|| error_at("criteria")) {
                <p class="field-error" data-testid="criteria-error">{ e }</p>
            }
            if props.editable {
                <div class="form-actions">
                    <button type="button" class="button secondary" onclick={add}>{ J::AddCriterion.t(lang) }</button>
                    <button type="submit" class="button" data-testid="save-criteria" disabled={!changed || !problems.is_empty()}>
                        { J::SaveCriteria.t(lang) }
                    </button>
                    if changed {
                        <button type="button" class="link-button" onclick={reset}>{ J::UndoChanges.t(lang) }</button>
                        <span class="warn small">{ J::UnsavedChanges.t(lang) }</span>
                    }
                </div>
            } else {
                <p class="muted small" data-testid="criteria-frozen">{ match props.frozen {
                    FrozenReason::ScoringOpen => J::FrozenWhileScoring.t(lang),
                    FrozenReason::ScoringClosed => R::FrozenClosed.t(lang),
                    FrozenReason::Locked => R::FrozenLocked.t(lang),
                } }</p>
            }
        </form>
    }
}

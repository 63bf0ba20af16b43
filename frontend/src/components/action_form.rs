//! The form of one action: what, owner, start and deadline, budget, the
//! company's contribution (money or in kind, valued), success criterion,
//! status and evidence link. Amounts are typed as text in the interface
//! language; [`ActionDraft::check`] turns the form into an `ActionInput`
//! with the rubric's own validation, every error at its field.

use super::form::{date_echo, date_echo_id, described_by, error_at, event_value, field_error, Errors};
use crate::i18n::plans::{kind_text, money_error, plan_error, status_text, P};
use crate::i18n::{Lang, Text};
use rubric::plan::validate::{MAX_DESCRIPTION_CHARS, MAX_EVIDENCE_URL_CHARS, MAX_OWNER_CHARS};
use rubric::plan::{parse_euro, validate_action_input, Action, ActionInput, ActionStatus, ContributionInput, ContributionKind};
use serde::{Deserialize, Serialize};
use yew::prelude::*;

/// An action as typed: every field as text, so nothing typed is lost.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ActionDraft {
    pub description: String,
    pub owner: String,
    pub start: String,
    pub deadline: String,
    pub budget: String,
    pub kind: ContributionKind,
    pub value: String,
    pub contribution_description: String,
    pub success_criterion: String,
    pub status: ActionStatus,
    pub evidence_url: String,
}

/// Cents as plain digits with two decimals and no grouping ("1250,50"),
/// which reads back in either language.
fn amount_text(cents: i64, lang: Lang) -> String {
    if cents == 0 {
        return String::new();
    }
    let sep = if lang == Lang::Nl { ',' } else { '.' };
    format!("{}{sep}{:02}", cents / 100, (cents % 100).abs())
}

impl ActionDraft {
    /// Set one field from its text. The page applies edits to its latest
    /// state, so quick successive changes never overwrite each other.
    pub fn apply(&mut self, f: F, text: String) {
        match f {
            F::Description => self.description = text,
            F::Owner => self.owner = text,
            F::Start => self.start = text,
            F::Deadline => self.deadline = text,
            F::Budget => self.budget = text,
            F::Kind => self.kind = ContributionKind::from_key(&text).unwrap_or_default(),
            F::Value => self.value = text,
            F::ContributionDescription => self.contribution_description = text,
            F::Criterion => self.success_criterion = text,
            F::Status => self.status = ActionStatus::from_key(&text).unwrap_or_default(),
            F::Evidence => self.evidence_url = text,
        }
    }

    /// The form for an existing action.
    pub fn from_action(a: &Action, lang: Lang) -> ActionDraft {
        ActionDraft {
            description: a.description.clone(),
            owner: a.owner.clone(),
            start: a.start.map(|d| d.to_string()).unwrap_or_default(),
            deadline: a.deadline.map(|d| d.to_string()).unwrap_or_default(),
            budget: amount_text(a.budget_cents, lang),
            kind: a.company_contribution.kind,
            value: amount_text(a.company_contribution.value_cents, lang),
            contribution_description: a.company_contribution.description.clone(),
            success_criterion: a.success_criterion.clone(),
            status: a.status,
            evidence_url: a.evidence_url.clone().unwrap_or_default(),
        }
    }

    /// The input to send, or every problem at its field (translated).
    pub fn check(&self, lang: Lang) -> Result<ActionInput, Errors> {
        let mut errors = Errors::new();
        let mut money = |text: &str, field: &str| -> i64 {
            if text.trim().is_empty() {
                return 0;
            }
            parse_euro(text, lang).unwrap_or_else(|e| {
                errors.push((field.to_string(), money_error(&e, lang)));
                0
            })
        };
        let budget_cents = money(&self.budget, "budget_cents");
        let value_cents =
            if self.kind == ContributionKind::None { 0 } else { money(&self.value, "company_contribution.value_cents") };
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let input = ActionInput {
            description: self.description.clone(),
            owner: self.owner.clone(),
            start: opt(&self.start),
            deadline: opt(&self.deadline),
            budget_cents,
            company_contribution: ContributionInput {
                kind: self.kind,
                value_cents,
                description: self.contribution_description.clone(),
            },
            success_criterion: self.success_criterion.clone(),
            status: self.status,
            evidence_url: self.evidence_url.clone(),
        };
        if let Err(found) = validate_action_input(&input) {
            for e in found {
                if error_at(&errors, &e.field).is_none() {
                    errors.push((e.field.clone(), plan_error(&e.error, lang)));
                }
            }
        }
        if errors.is_empty() {
            Ok(input)
        } else {
            Err(errors)
        }
    }
}

/// The form's values and what editing does (plain props of a view
/// function: issue 13, each component type costs Yew's machinery again).
pub struct ActionFormProps {
    pub value: ActionDraft,
    pub errors: Errors,
    pub busy: bool,
    pub on_edit: Callback<(F, String)>,
    pub on_save: Callback<()>,
    pub on_cancel: Callback<()>,
}

/// A field of the action form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum F {
    Description,
    Owner,
    Start,
    Deadline,
    Budget,
    Kind,
    Value,
    ContributionDescription,
    Criterion,
    Status,
    Evidence,
}

/// The action form (a view function of the plan editor's open form).
pub fn action_form(lang: Lang, props: ActionFormProps) -> Html {
    let props = &props;
    let v = &props.value;
    let set = |f: F| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| on_edit.emit((f, event_value(&e))))
    };
    let typed = |f: F| {
        let cb = set(f);
        Callback::from(move |e: InputEvent| cb.emit(e.into()))
    };
    // One labelled field: `kind` is "text", "date", "url", "textarea".
    let field = |id: &str, path: &str, label: P, kind: &str, value: &str, f: F, hint: Option<P>| {
        let error = error_at(&props.errors, path);
        let hint_id = format!("{id}-hint");
        let echo = (kind == "date").then(|| date_echo(id, value, lang));
        let described: Vec<String> = [
            hint.map(|_| hint_id.clone()),
            echo.as_ref().map(|_| date_echo_id(id)),
            described_by(id, error),
        ]
        .into_iter()
        .flatten()
        .collect();
        let described = (!described.is_empty()).then(|| described.join(" "));
        let max = match f {
            F::Owner => MAX_OWNER_CHARS,
            F::Evidence => MAX_EVIDENCE_URL_CHARS,
            _ => MAX_DESCRIPTION_CHARS,
        }
        .to_string();
        let input = if kind == "textarea" {
            html! { <textarea id={id.to_string()} rows="2" value={value.to_string()} oninput={typed(f)} maxlength={max}
                aria-invalid={error.is_some().to_string()} aria-describedby={described.clone()} /> }
        } else {
            let inputmode = (id.ends_with("budget") || id.ends_with("value")).then_some("decimal");
            let max = matches!(kind, "text" | "url").then_some(max);
            html! { <input id={id.to_string()} type={kind.to_string()} value={value.to_string()} oninput={typed(f)}
                inputmode={inputmode} maxlength={max} aria-invalid={error.is_some().to_string()} aria-describedby={described.clone()} /> }
        };
        html! {
            <div class={classes!("field", format!("field-{kind}"))}>
                <label for={id.to_string()}>{ label.t(lang) }</label>
                { input }
                if let Some(echo) = echo { { echo } }
                if let Some(h) = hint { <p class="hint" id={hint_id}>{ h.t(lang) }</p> }
                { field_error(id, error) }
            </div>
        }
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
    html! {
        <form class="plan-form action-form" data-testid="action-form" onsubmit={onsubmit} novalidate=true>
            { field("action-description", "description", P::ActionWhat, "textarea", &v.description, F::Description, None) }
            <div class="field-row">
                { field("action-owner", "owner", P::Owner, "text", &v.owner, F::Owner, None) }
                { field("action-start", "start", P::Start, "date", &v.start, F::Start, None) }
                { field("action-deadline", "deadline", P::Deadline, "date", &v.deadline, F::Deadline, None) }
            </div>
            { field("action-budget", "budget_cents", P::Budget, "text", &v.budget, F::Budget, Some(P::BudgetHint)) }
            <fieldset class="contribution">
                <legend>{ P::Contribution.t(lang) }</legend>
                <div class="field-row">
                    <div class="field">
                        <label for="action-kind">{ P::ContributionKindLabel.t(lang) }</label>
                        <select id="action-kind" onchange={set(F::Kind)}>
                            { for ContributionKind::ALL.into_iter().map(|k| html! {
                                <option value={k.key()} selected={v.kind == k}>{ kind_text(k).t(lang) }</option>
                            }) }
                        </select>
                    </div>
                    if v.kind != ContributionKind::None {
                        { field("action-value", "company_contribution.value_cents", P::ContributionValue, "text", &v.value, F::Value, None) }
                    }
                </div>
                if v.kind != ContributionKind::None {
                    { field("action-contribution-description", "company_contribution.description", P::ContributionDescription, "textarea", &v.contribution_description, F::ContributionDescription, None) }
                }
            </fieldset>
            { field("action-criterion", "success_criterion", P::SuccessCriterion, "textarea", &v.success_criterion, F::Criterion, None) }
            <div class="field-row">
                <div class="field">
                    <label for="action-status">{ P::Status.t(lang) }</label>
                    <select id="action-status" onchange={set(F::Status)}>
                        { for ActionStatus::ALL.into_iter().map(|s| html! {
                            <option value={s.key()} selected={v.status == s}>{ status_text(s).t(lang) }</option>
                        }) }
                    </select>
                </div>
                { field("action-evidence", "evidence_url", P::Evidence, "url", &v.evidence_url, F::Evidence, None) }
            </div>
            <div class="form-buttons">
                <button type="submit" class="button" disabled={props.busy} data-testid="save-action">{ P::Save.t(lang) }</button>
                <button type="button" class="button secondary" onclick={cancel}>{ P::Cancel.t(lang) }</button>
            </div>
        </form>
    }
}

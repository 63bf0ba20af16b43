//! The confirmation before submitting the plan: which version it becomes,
//! what submitting means, and what the checks still flag.

use crate::components::plan_checks::check_list;
use crate::hooks::plan_editor::PlanEditor;
use crate::i18n::plans::P;
use crate::i18n::Text;
use yew::prelude::*;

/// The dialog (a view function: it has no state of its own).
pub fn submit_confirm(ed: &PlanEditor) -> Html {
    let lang = ed.lang;
    let next = format!("{} {}", rubric::people::fold_case(P::Version.t(lang)), ed.page.latest_version().unwrap_or(0) + 1);
    html! {
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-title" data-testid="confirm-submit" id="confirm-submit" tabindex="-1">
            <p id="confirm-title"><strong>{ format!("{} {next}?", P::Submit.t(lang)) }</strong></p>
            <p>{ P::SubmitConfirm.t(lang) }</p>
            // What the checks still flag (a goal without actions or without an indicator…), said before submitting.
            if let Some(list) = check_list(&ed.checks, &ed.plan, lang) {
                <div class="confirm-warnings" data-testid="submit-warnings">
                    <p><strong>{ P::SubmitWarnings.t(lang) }</strong></p>
                    { list }
                </div>
            }
            <div class="form-buttons">
                <button type="button" class="button" data-testid="confirm-submit-yes"
                    onclick={ed.cb(PlanEditor::submit).reform(|_: MouseEvent| ())}>{ P::SubmitYes.t(lang) }</button>
                <button type="button" class="button secondary"
                    onclick={ed.cb(|ed| ed.confirm(false)).reform(|_: MouseEvent| ())}>{ P::Cancel.t(lang) }</button>
            </div>
        </div>
    }
}

//! The plan page once loaded: the school writes goals from its gaps and
//! actions under them (edit, reorder, drop or delete with undo, submit);
//! the company and the coordinator read and comment. The state and the
//! requests live in [`crate::hooks::plan_editor`]; the goals, actions and
//! comments are the parts in [`crate::components::plan_editor`]. This page
//! lays them out: the head with status and counts, the submit confirmation,
//! the gap picker, the goals, the version history, the checks and the toast.

use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::gap_picker::GapPicker;
use crate::components::plan_checks::checks_panel;
use crate::components::plan_editor::goal_card::goal_card;
use crate::components::plan_editor::open_form::open_form;
use crate::components::plan_editor::submit_confirm::submit_confirm;
use crate::components::undo_toast::undo_toast;
use crate::components::version_history::version_history;
use crate::hooks::plan_editor::{use_plan_editor, PlanEditor};
use crate::hooks::plan_state::{Editor, Notice};
use crate::i18n::plans::{submit_refusal, P};
use crate::i18n::plural::{plural, Count};
use crate::i18n::submission::S;
use crate::i18n::{format, Lang, Text};
use rubric::plan::view::PlanPage;
use std::rc::Rc;
use yew::prelude::*;
use crate::router::*;

/// Version, date and submitter of the latest submission, or "draft only".
fn status_line(page: &PlanPage, lang: Lang) -> Html {
    let text = match page.history.first() {
        None => P::StatusDraftOnly.t(lang).to_string(),
        Some(v) => {
            let day = rubric::Date::from_unix_seconds(v.submitted_at).map(|d| format::date(lang, d)).unwrap_or_default();
            format!("{} {} {} {day} {} {}", P::Version.t(lang), v.number, P::SubmittedOn.t(lang), P::By.t(lang), v.submitted_by)
        }
    };
    html! {
        <p class="plan-status" data-testid="plan-status">
            { text }
            if !page.draft_changes.is_empty() { { " · " }{ P::DraftChanged.t(lang) } }
        </p>
    }
}

/// A toast's words.
fn notice_text(notice: Notice, lang: Lang) -> String {
    match notice {
        Notice::GoalDeleted => P::GoalDeleted.t(lang).into(),
        Notice::ActionDropped => P::ActionDropped.t(lang).into(),
        Notice::Submitted(n) => format!("{} {n} {}.", P::Version.t(lang), P::Submitted.t(lang)),
    }
}

#[derive(Properties, PartialEq)]
pub struct PlanEditorProps {
    pub page: Rc<PlanPage>,
    pub reload: Callback<()>,
}

#[component]
pub fn PlanEditorPage(props: &PlanEditorProps) -> Html {
    let Some(rubric) = crate::hooks::rubric::use_rubric() else { return html! {} };
    let ed: PlanEditor = use_plan_editor(rubric, props.page.clone(), props.reload.clone());
    let next_steps = crate::hooks::rubric::use_next_steps();
    let lang = ed.lang;
    let page = ed.page.clone();
    let access = page.access;
    let goals = ed.plan.goals_in_order();
    let count = goals.len();
    let locked = ed.locked();
    let can_submit = ed.can_submit();
    let new_goal = matches!(ed.draft.editor, Some(Editor::Goal { id: None, .. }));
    let goal_open = matches!(ed.draft.editor, Some(Editor::Goal { .. }));
    let school = &page.school;
    html! {
        <div class="page plan-page" data-testid="plan-page">
            <div class="page-head">
                <div>
                    <h1>{ format!("{} · {}", P::PlanTitle.t(lang), school.name) }</h1>
                    <p class="muted">
                        { format!("{} · {}: {} · {} {}", school.town, P::Sponsor.t(lang),
                            school.company_name.clone().unwrap_or_else(|| P::NoSponsor.t(lang).into()),
                            P::Edition.t(lang), page.edition.name) }
                    </p>
                    { status_line(&page, lang) }
                    <p class="counts">
                        <span class="count" data-testid="plan-open-count">{ plural(lang, page.counts.open, Count::OpenComments) }</span>
                        <span class="count" data-testid="plan-resolved-count">{ plural(lang, page.counts.resolved, Count::ResolvedComments) }</span>
                    </p>
                </div>
                <div class="page-actions">
                    <Link to={Route::SchoolPlanPrint { id: school.id }} classes="button secondary">{ P::PrintableVersion.t(lang) }</Link>
                    if page.latest_version().is_some() {
                        <Link to={Route::Dossier { id: school.id }} classes="button secondary">{ crate::i18n::dossier::DossierLink::Open.t(lang) }</Link>
                    }
                    if access.edit {
                        <button type="button" class="button" data-testid="submit-plan" disabled={!can_submit || locked || ed.busy}
                            title={(!can_submit && !page.plan.goals.is_empty()).then(|| P::NothingNew.t(lang))}
                            onclick={ed.cb(|ed| ed.confirm(true)).reform(|_: MouseEvent| ())}>{ P::Submit.t(lang) }</button>
                    }
                </div>
            </div>
            if ed.confirm { { submit_confirm(&ed) } }
            if !access.edit { <p class="notice">{ P::ReadOnlyNote.t(lang) }</p> }
            if let Some(m) = ed.error.as_ref().and_then(|e| submit_refusal(lang, e)) {
                <p class="error-box" role="alert" data-testid="submit-refused">{ m }</p>
            } else if let Some(e) = ed.error.clone() {
                <ErrorBox error={e} />
            }
            <div class="plan-layout">
                <div class="plan-main">
                    if access.edit {
                        if let Some(profile) = page.profile.clone() {
                            <GapPicker profile={Rc::new(profile)} plan={ed.plan.clone()} goal_open={goal_open}
                                on_make_goal={{ let ed = ed.clone(); Callback::from(move |i: String| ed.new_goal(Some(i))) }}
                                on_add_to_goal={{ let ed = ed.clone(); Callback::from(move |i: String| ed.add_to_goal(i)) }}
                                next_steps={next_steps.clone()}
                                on_step={{ let ed = ed.clone(); Callback::from(move |(i, text): (String, String)| ed.draft_step(i, text)) }} />
                        } else if page.profile_hidden {
                            <p class="notice" data-testid="profile-hidden">
                                { S::BlindPlan.t(lang) }{ " " }
                                <Link to={Route::Nulmeting}>{ S::ToMySheet.t(lang) }</Link>
                            </p>
                        } else {
                            <p class="notice" data-testid="no-profile">{ P::NoProfile.t(lang) }</p>
                        }
                    }
                    <section class="goals" aria-labelledby="goals-title">
                        <div class="section-head">
                            <h2 id="goals-title">{ P::Goals.t(lang) }</h2>
                            if access.edit {
                                <button type="button" class="button secondary small" data-testid="new-goal" disabled={locked}
                                    onclick={ed.cb(|ed| ed.new_goal(None)).reform(|_: MouseEvent| ())}>{ format!("+ {}", P::NewGoalNoIndicator.t(lang)) }</button>
                            }
                        </div>
                        if new_goal { <div class="goal-card new-goal">{ open_form(&ed) }</div> }
                        if goals.is_empty() && !locked { <p class="muted" data-testid="no-goals">{ P::NoGoals.t(lang) }</p> }
                        { for goals.iter().enumerate().map(|(i, g)| goal_card(&ed, g, i, count)) }
                    </section>
                    { version_history(school.id, &page.history, &page.draft_changes, lang) }
                </div>
                { checks_panel(&ed.checks, &ed.plan, lang) }
            </div>
            if let Some(t) = ed.toast {
                { undo_toast(notice_text(t.notice, lang), t.undo.map(|u| ed.cb(move |ed| ed.undo(u))), ed.cb(PlanEditor::close_toast), lang) }
            }
        </div>
    }
}

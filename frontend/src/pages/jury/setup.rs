//! `/coordinator/jury`: setting up the jury of the active edition: the
//! scoring status with what is still missing before it can open, award
//! categories and finalists, criteria with anchors, jurors, the tie-break
//! rule and the conflicts of interest. Every change goes to the server,
//! which answers with the new set-up.

use crate::api::{self, ApiError, ErrorCode};
use crate::app::Route;
use crate::components::conflicts_table::ConflictsTable;
use crate::components::criteria_editor::{CriteriaEditor, FrozenReason};
use crate::components::error_box::ErrorBox;
use crate::components::jury_categories::{CategoryAction, JuryCategories};
use crate::components::jury_jurors::{JurorAction, JuryJurors};
use crate::components::loading::Loading;
use crate::components::tie_break_editor::TieBreakEditor;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::jury::{open_problem, field_message, status_text, J};
use crate::i18n::submission::S;
use crate::i18n::Text;
use rubric::jury::setup::JuryStatus;
use rubric::jury::views::JurySetup;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::prelude::*;
use crate::router::*;

type SetupFuture = Pin<Box<dyn Future<Output = Result<JurySetup, ApiError>>>>;

/// Which section an error belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Section {
    Status,
    Categories,
    Criteria,
    Jurors,
    TieBreak,
    Conflicts,
}

fn confirm(text: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(text).ok()).unwrap_or(false)
}

#[component]
pub fn JurySetupPage() -> Html {
    let lang = use_lang();
    let data = use_fetch((), |()| api::jury::setup());
    let updated = use_state(|| None::<Rc<JurySetup>>);
    let error = use_state(|| None::<(Section, ApiError)>);
    let link = use_state(|| None::<(i64, String)>);

    let setup = match (&*updated, &data.state) {
        (Some(s), _) => s.clone(),
        (None, Fetch::Ready(s)) => s.clone(),
        (None, Fetch::Loading) => return html! { <section class="page"><Loading /></section> },
        (None, Fetch::Failed(e)) if e.status == 404 => {
            return html! { <section class="page narrow"><h1>{ J::SetupTitle.t(lang) }</h1><p class="notice">{ J::NoActiveEdition.t(lang) }</p></section> };
        }
        (None, Fetch::Failed(e)) => {
            return html! { <section class="page"><ErrorBox error={e.clone()} on_retry={data.reload.clone()} /></section> };
        }
    };

    let run = {
        let (updated, error) = (updated.clone(), error.clone());
        Rc::new(move |section: Section, fut: SetupFuture| {
            let (updated, error) = (updated.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match fut.await {
                    Ok(s) => {
                        updated.set(Some(Rc::new(s)));
                        error.set(None);
                    }
                    Err(e) => {
                        // A stale write: show the newest set-up with the message.
                        if e.code == ErrorCode::Stale {
                            if let Ok(s) = api::jury::setup().await {
                                updated.set(Some(Rc::new(s)));
                            }
                        }
                        error.set(Some((section, e)));
                    }
                }
            });
        })
    };
    let err = |section: Section| error.as_ref().filter(|(s, _)| *s == section).map(|(_, e)| e.clone());
    let general = |section: Section| {
        err(section).filter(|e| e.code != ErrorCode::Validation).map(|e| super::error_view(lang, &e)).unwrap_or_default()
    };

    let s = &setup.settings;
    let version = s.version;
    let in_setup = s.status == JuryStatus::Setup;
    let open_problems = setup.open_problems();
    let unlocked = s.locked_at.is_none();

    // Texts come looked up (a key kept in the closure links the whole table).
    let status_button = |to: JuryStatus, label: &'static str, question: &'static str, testid: &'static str, primary: bool| {
        let run = run.clone();
        let disabled = to == JuryStatus::Open && in_setup && !open_problems.is_empty();
        html! {
            <button type="button" class={classes!("button", (!primary).then_some("secondary"))} data-testid={testid} disabled={disabled}
                onclick={move |_| if confirm(question) { run(Section::Status, Box::pin(api::jury::set_status(version, to))) }}>
                { label }
            </button>
        }
    };
    let on_category = {
        let run = run.clone();
        Callback::from(move |a: CategoryAction| {
            let fut: SetupFuture = match a {
                CategoryAction::Add(name) => Box::pin(async move { api::jury::add_category(&name).await }),
                CategoryAction::Rename(id, name) => Box::pin(async move { api::jury::rename_category(id, &name).await }),
                CategoryAction::Delete(id) => Box::pin(api::jury::delete_category(id)),
                CategoryAction::AddFinalist { category_id, school_id } => Box::pin(api::jury::add_finalist(category_id, school_id)),
                CategoryAction::RemoveFinalist(id) => Box::pin(api::jury::remove_finalist(id)),
                CategoryAction::Refreeze(id) => Box::pin(api::jury::refreeze_finalist(id)),
            };
            run(Section::Categories, fut);
        })
    };
    let on_juror = {
        let (run, link) = (run.clone(), link.clone());
        Callback::from(move |a: JurorAction| {
            let link = link.clone();
            // A new link ends the juror's sessions: ask first.
            let confirmed = || web_sys::window().and_then(|w| w.confirm_with_message(S::ConfirmJurorLink.t(lang)).ok()).unwrap_or(false);
            if matches!(a, JurorAction::NewLink(_)) && !confirmed() {
                return;
            }
            let fut: SetupFuture = match a {
                JurorAction::Add(j) => Box::pin(async move {
                    let added = api::jury::add_juror(&j).await?;
                    link.set(added.sign_in_link.map(|l| (added.person_id, l)));
                    api::jury::setup().await
                }),
                JurorAction::NewLink(id) => Box::pin(async move {
                    let added = api::jury::juror_link(id).await?;
                    link.set(added.sign_in_link.map(|l| (added.person_id, l)));
                    api::jury::setup().await
                }),
                JurorAction::Company(id, c) => Box::pin(api::jury::set_juror_company(id, c)),
                JurorAction::Remove(id) => Box::pin(api::jury::remove_juror(id)),
            };
            run(Section::Jurors, fut);
        })
    };
    let on_criteria = {
        let run = run.clone();
        Callback::from(move |list: Vec<rubric::jury::setup::CriterionInput>| {
            run(Section::Criteria, Box::pin(async move { api::jury::save_criteria(version, &list).await }))
        })
    };
    let on_tie_break = {
        let run = run.clone();
        Callback::from(move |(rules, chair): (Vec<rubric::jury::TieBreakRule>, Option<i64>)| {
            run(Section::TieBreak, Box::pin(async move { api::jury::save_tie_break(version, &rules, chair).await }))
        })
    };
    let on_dismiss = {
        let run = run.clone();
        Callback::from(move |(id, reason): (i64, String)| {
            run(Section::Conflicts, Box::pin(async move { api::jury::dismiss_conflict(id, &reason).await }))
        })
    };
    let on_restore = {
        let run = run.clone();
        Callback::from(move |id: i64| run(Section::Conflicts, Box::pin(api::jury::restore_conflict(id))))
    };
    let criteria = Rc::new(setup.criteria.clone());
    let jurors = Rc::new(setup.jurors.clone());
    let conflict_error = err(Section::Conflicts).and_then(|e| e.field_error("reason").map(|e| field_message(lang, e)));

    html! {
        <section class="page jury-setup" data-testid="jury-setup">
            <div class="page-head">
                <div>
                    <h1>{ J::SetupTitle.t(lang) }</h1>
                    <p class="muted">{ &setup.edition_name }</p>
                </div>
                <Link to={Route::JuryResults} classes="button secondary">{ J::ToResults.t(lang) }</Link>
            </div>
            <nav class="section-nav no-print" aria-label={J::Sections.t(lang)}>
                <a href="#status">{ J::StatusHeading.t(lang) }</a>
                <a href="#categories">{ J::CategoriesHeading.t(lang) }</a>
                <a href="#criteria">{ J::CriteriaHeading.t(lang) }</a>
                <a href="#jurors">{ J::JurorsHeading.t(lang) }</a>
                <a href="#tie-break">{ J::TieBreakHeading.t(lang) }</a>
                <a href="#conflicts">{ J::ConflictsHeading.t(lang) }</a>
            </nav>

            <section id="status" class="panel" data-testid="jury-status">
                <h2>{ J::StatusHeading.t(lang) }</h2>
                <p><strong data-testid="status-text">{ status_text(lang, s.status) }</strong>
                    { format!(" · {}", match s.status {
                        JuryStatus::Setup => J::StatusSetupHelp,
                        JuryStatus::Open => J::StatusOpenHelp,
                        JuryStatus::Closed => J::StatusClosedHelp,
                    }.t(lang)) }</p>
                if in_setup && !open_problems.is_empty() {
                    <p>{ J::BeforeOpening.t(lang) }</p>
                    <ul class="checklist" data-testid="open-problems">
                        { for open_problems.iter().map(|p| html! { <li>{ open_problem(lang, p) }</li> }) }
                    </ul>
                }
                if unlocked {
                    <div class="form-actions">
                        { match s.status {
                            JuryStatus::Setup => status_button(JuryStatus::Open, J::OpenScoring.t(lang), J::ConfirmOpen.t(lang), "open-scoring", true),
                            JuryStatus::Open => html! {
                                <>
                                    { status_button(JuryStatus::Closed, J::CloseScoring.t(lang), J::ConfirmClose.t(lang), "close-scoring", true) }
                                    if !setup.has_scores { { status_button(JuryStatus::Setup, J::BackToSetupStatus.t(lang), J::ConfirmBackToSetup.t(lang), "back-to-setup", false) } }
                                </>
                            },
                            JuryStatus::Closed => status_button(JuryStatus::Open, J::ReopenScoring.t(lang), J::ConfirmReopen.t(lang), "reopen-scoring", false),
                        } }
                    </div>
                } else {
                    <p class="muted">{ J::LockedNoChanges.t(lang) }</p>
                }
                if let Some(e) = err(Section::Status) {
                    { super::error_view(lang, &e) }
                    { for e.fields.iter().map(|f| html! { <p class="field-error">{ &f.message }</p> }) }
                }
            </section>

            <section id="categories" class="panel">
                <h2>{ J::CategoriesHeading.t(lang) }</h2>
                <p class="muted small">{ J::CategoriesHelp.t(lang) }</p>
                <JuryCategories categories={Rc::new(setup.categories.clone())} candidates={Rc::new(setup.candidates.clone())}
                    editable={in_setup} error={err(Section::Categories)} on_action={on_category} />
                { general(Section::Categories) }
            </section>

            <section id="criteria" class="panel">
                <h2>{ J::CriteriaHeading.t(lang) }</h2>
                <p class="muted small">{ J::CriteriaHelp.t(lang) }</p>
                <CriteriaEditor criteria={criteria.clone()} editable={in_setup} server_error={err(Section::Criteria)} on_save={on_criteria}
                    frozen={if !unlocked { FrozenReason::Locked } else if s.status == JuryStatus::Closed { FrozenReason::ScoringClosed } else { FrozenReason::ScoringOpen }} />
                { general(Section::Criteria) }
            </section>

            <section id="jurors" class="panel">
                <h2>{ J::JurorsHeading.t(lang) }</h2>
                <JuryJurors jurors={jurors.clone()} available={Rc::new(setup.available_jurors.clone())}
                    companies={Rc::new(setup.companies.clone())} can_add={unlocked && s.status != JuryStatus::Closed}
                    can_remove={in_setup} link={(*link).clone()} error={err(Section::Jurors)} on_action={on_juror} />
                { general(Section::Jurors) }
            </section>

            <section id="tie-break" class="panel">
                <h2>{ J::TieBreakHeading.t(lang) }</h2>
                <p class="muted small">{ J::TieBreakHelp.t(lang) }</p>
                <TieBreakEditor rules={s.tie_break.clone()} chair_id={s.chair_id} criteria={criteria} jurors={jurors}
                    editable={in_setup} server_error={err(Section::TieBreak)} on_save={on_tie_break} />
                { general(Section::TieBreak) }
            </section>

            <section id="conflicts" class="panel">
                <h2>{ J::ConflictsHeading.t(lang) }</h2>
                <p class="muted small">{ J::ConflictsHelp.t(lang) }</p>
                <ConflictsTable conflicts={Rc::new(setup.conflicts.clone())} editable={unlocked} error={conflict_error}
                    on_dismiss={on_dismiss} on_restore={on_restore} />
                { general(Section::Conflicts) }
            </section>
        </section>
    }
}

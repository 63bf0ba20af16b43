//! `/coordinator/jury/results`: the results per award category (winner
//! with its robustness, ranking, agreement, flagged jurors, tie-breaks),
//! what still waits for the chair (a tie to decide, a winner to confirm),
//! locking and publishing (with confirmation), the CSV exports (plain and
//! for a Flemish spreadsheet), the printable sheet, the jurors' requests to
//! reopen a submitted sheet (decided here), the scores changed after
//! reopening, and the jury's audit log.

use rubric::errors::ErrorCode;
use crate::api;
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::reopen_decisions::{DecisionRow, ReopenDecisions};
use crate::components::loading::Loading;
use crate::hooks::jury_results::use_jury_results;
use crate::hooks::reopen_decider::use_reopen_decider;
use crate::hooks::{use_lang, Fetch};
use crate::i18n::jury::{lock_problem, status_text, J};
use crate::i18n::jury_results::R;
use crate::i18n::Text;
use rubric::jury::views::LockProblem;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use crate::router::*;

fn confirm(text: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(text).ok()).unwrap_or(false)
}

#[component]
pub fn JuryResultsPage() -> Html {
    let lang = use_lang();
    let jr = use_jury_results();
    let chair_pick = use_state(|| None::<i64>);
    // Requests to reopen a submitted sheet: decided, then the results and the log reload.
    let decided = {
        let (updated, reload, reload_audit) = (jr.updated.clone(), jr.data.reload.clone(), jr.audit.reload.clone());
        Callback::from(move |()| {
            updated.set(None);
            reload.emit(());
            reload_audit.emit(());
        })
    };
    let decider = use_reopen_decider(
        |(finalist, person), note: Option<String>| async move { api::jury::decide_reopen(finalist, person, note.as_deref()).await },
        decided,
    );
    let Some(view) = jr.view() else {
        return match &jr.data.state {
            Fetch::Failed(e) => html! { <section class="page"><ErrorBox error={e.clone()} on_retry={jr.data.reload.clone()} /></section> },
            _ => html! { <section class="page"><Loading /></section> },
        };
    };
    let (data, audit, updated, error, busy) = (&jr.data, &jr.audit, &jr.updated, &jr.error, *jr.busy);
    // The question is looked up here, by a constant key (a key kept in the
    // callback would link every jury text into the app).
    let action = |name: &'static str, question: &'static str| {
        let apply = jr.apply.clone();
        let version = view.settings.version;
        Callback::from(move |_: MouseEvent| {
            if confirm(question) {
                apply.emit(Box::pin(async move { api::jury::results_action(name, version).await }));
            }
        })
    };
    // Appointing a chair returns the set-up; the results are loaded again.
    let save_chair = {
        let (chair_pick, reload, error, version, updated) =
            (chair_pick.clone(), data.reload.clone(), error.clone(), view.settings.version, updated.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (chosen, reload, error, updated) = (*chair_pick, reload.clone(), error.clone(), updated.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::jury::set_chair(version, chosen).await {
                    Ok(_) => {
                        updated.set(None);
                        error.set(None);
                        reload.emit(());
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };

    let decision_rows: Vec<DecisionRow> = view.reopen_requests.iter().map(DecisionRow::from).collect();

    let s = &view.settings;
    let lock_problems = view.lock_problems();
    let waits_for_chair = lock_problems
        .iter()
        .any(|p| matches!(p, LockProblem::ChairDecisionNeeded { .. } | LockProblem::NotRobust { .. }));
    let needs_chair = lock_problems.iter().any(|p| matches!(p, LockProblem::NoChair { .. }));
    // Everyone who scored, as the possible chairs.
    let mut jurors: Vec<(i64, String)> = Vec::new();
    for n in view.categories.iter().flat_map(|c| c.jurors.iter()) {
        if let Ok(id) = n.key.parse::<i64>() {
            if !jurors.iter().any(|(j, _)| *j == id) {
                jurors.push((id, n.name.clone()));
            }
        }
    }
    let state_text = if s.published_at.is_some() {
        J::StatePublished
    } else if view.frozen {
        J::StateLocked
    } else {
        J::StateNotLocked
    };
    html! {
        <section class="page" data-testid="jury-results">
            <div class="page-head">
                <div>
                    <h1>{ J::ResultsTitle.t(lang) }</h1>
                    <p class="muted">{ format!("{} · {} · ", view.edition_name, status_text(lang, s.status)) }
                        <strong data-testid="lock-state">{ state_text.t(lang) }</strong></p>
                </div>
                <div class="head-actions no-print">
                    <Link to={Route::JurySetup} classes="button secondary">{ J::BackToSetup.t(lang) }</Link>
                    <Link to={Route::JuryResultsPrint} classes="button secondary">{ J::PrintSheet.t(lang) }</Link>
                </div>
            </div>
            <div class="exports no-print" data-testid="exports">
                <p class="small muted">{ R::ExportsHelp.t(lang) }</p>
                <p>
                    <strong>{ J::ExportScores.t(lang) }</strong>{ ": " }
                    <a href="/api/jury/export/scores.csv" download="jury-scores.csv" data-testid="export-scores">{ R::ExportPlain.t(lang) }</a>{ " · " }
                    <a href="/api/jury/export/scores.csv?variant=flemish" download="jury-scores-nl.csv" data-testid="export-scores-flemish">{ R::ExportFlemish.t(lang) }</a>
                </p>
                <p>
                    <strong>{ J::ExportResults.t(lang) }</strong>{ ": " }
                    <a href="/api/jury/export/results.csv" download="jury-results.csv">{ R::ExportPlain.t(lang) }</a>{ " · " }
                    <a href="/api/jury/export/results.csv?variant=flemish" download="jury-results-nl.csv">{ R::ExportFlemish.t(lang) }</a>
                </p>
            </div>
            <div class="lock-panel" data-testid="lock-panel">
                if !lock_problems.is_empty() && !view.frozen {
                    <p>{ J::CannotLockYet.t(lang) }</p>
                    <ul data-testid="lock-problems">
                        { for lock_problems.iter().map(|p| html! { <li>{ lock_problem(lang, p) }</li> }) }
                    </ul>
                    if waits_for_chair { <p class="notice" data-testid="waits-for-chair">{ R::WaitingForChair.t(lang) }</p> }
                }
                if needs_chair && !view.frozen {
                    <form class="inline-form" data-testid="choose-chair" onsubmit={save_chair}>
                        <label for="results-chair">{ R::ChooseChair.t(lang) }</label>
                        <select id="results-chair" onchange={{
                            let c = chair_pick.clone();
                            move |e: Event| c.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().ok())
                        }}>
                            <option value="" selected={chair_pick.is_none()}>{ J::NoChair.t(lang) }</option>
                            { for jurors.iter().map(|(id, name)| html! {
                                <option value={id.to_string()} selected={*chair_pick == Some(*id)}>{ name }</option>
                            }) }
                        </select>
                        <button type="submit" class="button secondary" disabled={chair_pick.is_none()}>{ R::SaveChair.t(lang) }</button>
                    </form>
                }
                if !view.frozen {
                    <button type="button" class="button" data-testid="lock" disabled={busy || !lock_problems.is_empty()}
                        onclick={action("lock", J::ConfirmLock.t(lang))}>{ J::Lock.t(lang) }</button>
                } else if s.published_at.is_none() {
                    <p>{ J::LockedExplained.t(lang) }</p>
                    <button type="button" class="button" data-testid="publish" disabled={busy}
                        onclick={action("publish", J::ConfirmPublish.t(lang))}>{ J::Publish.t(lang) }</button>
                    { " " }
                    <button type="button" class="button secondary" data-testid="unlock" disabled={busy}
                        onclick={action("unlock", J::ConfirmUnlock.t(lang))}>{ J::Unlock.t(lang) }</button>
                } else {
                    <p data-testid="published-notice">{ J::PublishedExplained.t(lang) }</p>
                }
                // A refused lock lists its reasons above (in the interface
                // language), so only other errors are shown here.
                if let Some(e) = error.as_ref().filter(|e| e.code != ErrorCode::Validation) { { super::error_view(lang, e) } }
            </div>
            <ReopenDecisions rows={decision_rows} busy={decider.busy} error={decider.error.clone()}
                on_reopen={decider.on_reopen.clone()} on_decline={decider.on_decline.clone()} />
            if view.categories.is_empty() { <p class="muted">{ J::NoCategoriesYet.t(lang) }</p> }
            { super::results_and_log(lang, &view, audit) }
        </section>
    }
}

//! `/coordinator/jury/results`: the results per award category (ranking,
//! agreement, flagged jurors, tie-breaks), the chair's decision for ties no
//! rule breaks, locking and publishing (with confirmation), CSV exports,
//! the printable results sheet, the jurors' requests to reopen a submitted
//! sheet (decided here), the scores changed after reopening, and the
//! jury's audit log.

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::category_results::category_results;
use crate::components::chair_order::{ChairOrder, TieGroup};
use crate::components::error_box::ErrorBox;
use crate::components::reopen_decisions::{DecisionRow, ReopenDecisions};
use crate::components::score_changes::score_changes;
use crate::components::loading::Loading;
use crate::hooks::reopen_decider::use_reopen_decider;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::jury::{audit_action, audit_time, lock_problem, status_text, J};
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::jury::setup::JuryStatus;
use rubric::jury::views::ResultsView;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::*;

fn confirm(text: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(text).ok()).unwrap_or(false)
}

#[component]
pub fn JuryResultsPage() -> Html {
    let lang = use_lang();
    let data = use_fetch((), |()| api::jury::results());
    let audit = use_fetch((), |()| api::jury::audit());
    let updated = use_state(|| None::<Rc<ResultsView>>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    // Requests to reopen a submitted sheet: decided, then the results and the log reload.
    let decided = {
        let (updated, reload, reload_audit) = (updated.clone(), data.reload.clone(), audit.reload.clone());
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

    let view = match (&*updated, &data.state) {
        (Some(v), _) => v.clone(),
        (None, Fetch::Ready(v)) => v.clone(),
        (None, Fetch::Loading) => return html! { <section class="page"><Loading /></section> },
        (None, Fetch::Failed(e)) => {
            return html! { <section class="page"><ErrorBox error={e.clone()} on_retry={data.reload.clone()} /></section> };
        }
    };

    let apply = {
        let (updated, error, busy, reload_audit) = (updated.clone(), error.clone(), busy.clone(), audit.reload.clone());
        move |fut: std::pin::Pin<Box<dyn std::future::Future<Output = Result<ResultsView, ApiError>>>>| {
            let (updated, error, busy, reload_audit) = (updated.clone(), error.clone(), busy.clone(), reload_audit.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match fut.await {
                    Ok(v) => {
                        updated.set(Some(Rc::new(v)));
                        error.set(None);
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
                reload_audit.emit(());
            });
        }
    };
    let action = |name: &'static str, question: J| {
        let apply = apply.clone();
        let version = view.settings.version;
        Callback::from(move |_: MouseEvent| {
            if confirm(question.t(lang)) {
                apply(Box::pin(async move { api::jury::results_action(name, version).await }));
            }
        })
    };
    let on_chair = {
        let apply = apply.clone();
        let version = view.settings.version;
        Callback::from(move |order: Vec<i64>| apply(Box::pin(async move { api::jury::chair_order(version, &order).await })))
    };

    let decision_rows: Vec<DecisionRow> = view.reopen_requests.iter().map(DecisionRow::from).collect();

    let s = &view.settings;
    let lock_problems = view.lock_problems();
    let groups: Vec<TieGroup> = view
        .categories
        .iter()
        .flat_map(|c| {
            c.results.iter().flat_map(move |r| {
                r.unresolved_ties.iter().map(move |t| TieGroup {
                    label: format!("{} · {} {}", c.name, J::Place.t(lang), t.place),
                    finalists: t.finalists.iter().map(|k| (k.parse().unwrap_or(0), c.finalist_name(k))).collect(),
                })
            })
        })
        .collect();
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
                    <p class="muted">{ format!("{} · {} · ", view.edition_name, status_text(s.status).t(lang)) }
                        <strong data-testid="lock-state">{ state_text.t(lang) }</strong></p>
                </div>
                <div class="head-actions no-print">
                    <Link<Route> to={Route::JurySetup} classes="button secondary">{ J::BackToSetup.t(lang) }</Link<Route>>
                    <Link<Route> to={Route::JuryResultsPrint} classes="button secondary">{ J::PrintSheet.t(lang) }</Link<Route>>
                    <a class="button secondary" href="/api/jury/export/scores.csv" download="jury-scores.csv">{ J::ExportScores.t(lang) }</a>
                    <a class="button secondary" href="/api/jury/export/results.csv" download="jury-results.csv">{ J::ExportResults.t(lang) }</a>
                </div>
            </div>
            <div class="lock-panel" data-testid="lock-panel">
                if !lock_problems.is_empty() && !view.frozen {
                    <p>{ J::CannotLockYet.t(lang) }</p>
                    <ul data-testid="lock-problems">
                        { for lock_problems.iter().map(|p| html! { <li>{ lock_problem(lang, p) }</li> }) }
                    </ul>
                }
                if !view.frozen {
                    <button type="button" class="button" data-testid="lock" disabled={*busy || !lock_problems.is_empty()}
                        onclick={action("lock", J::ConfirmLock)}>{ J::Lock.t(lang) }</button>
                } else if s.published_at.is_none() {
                    <p>{ J::LockedExplained.t(lang) }</p>
                    <button type="button" class="button" data-testid="publish" disabled={*busy}
                        onclick={action("publish", J::ConfirmPublish)}>{ J::Publish.t(lang) }</button>
                    { " " }
                    <button type="button" class="button secondary" data-testid="unlock" disabled={*busy}
                        onclick={action("unlock", J::ConfirmUnlock)}>{ J::Unlock.t(lang) }</button>
                } else {
                    <p data-testid="published-notice">{ J::PublishedExplained.t(lang) }</p>
                }
                if let Some(e) = &*error {
                    { super::error_view(lang, e) }
                    { for e.fields.iter().map(|f| html! { <p class="field-error">{ &f.message }</p> }) }
                }
            </div>
            <ReopenDecisions rows={decision_rows} busy={decider.busy} error={decider.error.clone()}
                on_reopen={decider.on_reopen.clone()} on_decline={decider.on_decline.clone()} />
            if !groups.is_empty() && s.status == JuryStatus::Closed && !view.frozen {
                <ChairOrder key={format!("{:?}", s.chair_order)} groups={groups} chair_name={view.chair_name.clone()} on_save={on_chair} />
            }
            if view.categories.is_empty() { <p class="muted">{ J::NoCategoriesYet.t(lang) }</p> }
            { {
                let mut m = Markup::new();
                for c in &view.categories {
                    category_results(&mut m, lang, c, &view.criteria, view.frozen);
                }
                score_changes(&mut m, lang, &view.score_changes, &view.criteria);
                m.html()
            } }
            <section class="audit-log" data-testid="audit-log">
                <h2>{ J::AuditLog.t(lang) }</h2>
                { match &audit.state {
                    Fetch::Ready(entries) if entries.is_empty() => html! { <p class="muted">{ J::AuditEmpty.t(lang) }</p> },
                    Fetch::Ready(entries) => {
                        let mut m = Markup::new();
                        m.raw("<ol class=\"audit-entries\">");
                        for e in entries.iter() {
                            m.raw("<li data-action=\"").text(&e.action).raw("\">");
                            m.el("<span class=\"muted small\">", &audit_time(lang, e.at), "</span> ");
                            m.el("<strong>", audit_action(&e.action).t(lang), "</strong>");
                            let who = e.person_name.clone().unwrap_or_else(|| J::System.t(lang).to_string());
                            m.text(&format!(" · {who} · {}", e.detail)).raw("</li>");
                        }
                        m.raw("</ol>");
                        m.html()
                    }
                    Fetch::Loading => html! { <Loading /> },
                    Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={audit.reload.clone()} /> },
                } }
            </section>
        </section>
    }
}

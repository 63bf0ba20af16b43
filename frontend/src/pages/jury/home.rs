//! `/jury`: a juror's start: progress (scored / to do), the finalists to
//! score per award category, the finalists they do not score because of a
//! conflict of interest (with why, and whether a sheet already submitted
//! was dropped by it), declaring a conflict until the results lock, the
//! chair's page for the chair, and the published results once published.
//! The jury's chair also decides the other jurors' requests to reopen a
//! submitted sheet here.

use crate::api::{self, ApiError, ErrorCode};
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::reopen_decisions::{DecisionRow, ReopenDecisions};
use crate::components::loading::Loading;
use crate::hooks::reopen_decider::use_reopen_decider;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::jury::{field_message, status_text, J};
use crate::i18n::submission::S;
use crate::i18n::jury_results::R;
use crate::i18n::Text;
use rubric::jury::setup::{ConflictKind, JuryStatus};
use rubric::jury::views::{JurorHome, SheetState};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;
use crate::router::*;

#[component]
pub fn JuryHomePage() -> Html {
    let lang = use_lang();
    let data = use_fetch((), |()| api::jury::my_home());
    // A newer home after declaring or withdrawing a conflict.
    let updated = use_state(|| None::<Rc<JurorHome>>);
    let error = use_state(|| None::<ApiError>);
    let declare_for = use_state(|| 0i64);
    let reason = use_state(String::new);
    let decided = {
        let (updated, reload) = (updated.clone(), data.reload.clone());
        Callback::from(move |()| {
            updated.set(None);
            reload.emit(());
        })
    };
    let decider = use_reopen_decider(
        |(finalist, person), note: Option<String>| async move { api::jury::decide_reopen(finalist, person, note.as_deref()).await },
        decided,
    );

    let home = match (&*updated, &data.state) {
        (Some(h), _) => h.clone(),
        (None, Fetch::Ready(h)) => h.clone(),
        (None, Fetch::Loading) => return html! { <section class="page"><Loading /></section> },
        (None, Fetch::Failed(e)) => {
            let msg = if e.status == 403 { Some(J::NotOnJury.t(lang)) } else { None };
            return html! {
                <section class="page narrow" data-testid="jury-home">
                    <h1>{ J::JuryTitle.t(lang) }</h1>
                    if let Some(m) = msg { <p class="notice">{ m }</p> } else { <ErrorBox error={e.clone()} on_retry={data.reload.clone()} /> }
                </section>
            };
        }
    };

    let run = {
        let (updated, error) = (updated.clone(), error.clone());
        Callback::from(move |fut: std::pin::Pin<Box<dyn std::future::Future<Output = Result<JurorHome, ApiError>>>>| {
            let (updated, error) = (updated.clone(), error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match fut.await {
                    Ok(h) => {
                        updated.set(Some(Rc::new(h)));
                        error.set(None);
                    }
                    Err(e) => error.set(Some(e)),
                }
            });
        })
    };
    let on_declare = {
        let (run, declare_for, reason) = (run.clone(), declare_for.clone(), reason.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (f, r) = (*declare_for, (*reason).clone());
            reason.set(String::new());
            run.emit(Box::pin(async move { api::jury::declare_conflict(f, &r).await }));
        })
    };

    // The chair decides the other jurors' reopen requests.
    let decision_rows: Vec<DecisionRow> = home.reopen_requests.iter().map(DecisionRow::from).collect();

    let (done, total) = home.progress();
    let finalists: Vec<_> = home.categories.iter().flat_map(|c| c.finalists.iter()).collect();
    // In the reader's words when the server names the problem (a reason
    // missing, a finalist gone meanwhile), else as the server wrote it.
    let field_error = error.as_ref().and_then(|e| e.field_error("reason").or(e.field_error("finalist_id"))).map(|f| field_message(lang, f));
    html! {
        <section class="page jury-home" data-testid="jury-home">
            <div class="page-head">
                <div>
                    <h1>{ J::JuryTitle.t(lang) }</h1>
                    <p class="muted">{ format!("{} · {}", home.edition_name, status_text(lang, home.status)) }</p>
                </div>
                <div class="head-actions">
                    if home.is_chair {
                        <Link to={Route::JuryChair} classes="button secondary">{ R::ChairResultsLink.t(lang) }</Link>
                    }
                    if home.published {
                        <Link to={Route::AwardResults} classes="button">{ J::SeePublishedResults.t(lang) }</Link>
                    }
                </div>
            </div>
            if home.locked && !home.published {
                <p class="notice" data-testid="jury-locked">{ R::LockedForJurors.t(lang) }</p>
            }
            <div class="progress-block" data-testid="jury-progress">
                <p><strong>{ format!("{done} / {total}") }</strong>{ format!(" {}", J::ScoredOf.t(lang)) }
                   { format!(" · {} {}", total - done, J::ToDo.t(lang)) }</p>
                <progress max={total.max(1).to_string()} value={done.to_string()} aria-label={J::Progress.t(lang)}></progress>
            </div>
            if home.status == JuryStatus::Setup {
                <p class="notice">{ J::NotOpenYet.t(lang) }</p>
            }
            if home.is_chair {
                <ReopenDecisions rows={decision_rows} busy={decider.busy} error={decider.error.clone()}
                    on_reopen={decider.on_reopen.clone()} on_decline={decider.on_decline.clone()} />
            }
            { for home.categories.iter().map(|c| html! {
                <section class="jury-category" data-category={c.id.to_string()}>
                    <h2>{ &c.name }</h2>
                    if c.finalists.is_empty() { <p class="muted">{ J::NothingToScore.t(lang) }</p> }
                    <ul class="finalist-list">
                        { for c.finalists.iter().map(|f| {
                            let (label, class) = match f.state {
                                SheetState::ToDo => (J::StateToDo.t(lang), "todo"),
                                SheetState::Draft => (J::StateDraft.t(lang), "draft"),
                                SheetState::Submitted => (J::StateSubmitted.t(lang), "done"),
                                SheetState::ReopenRequested => (J::StateSubmitted.t(lang), "done"),
                                SheetState::Reopened => (J::StateDraft.t(lang), "draft"),
                            };
                            let extra = match f.state {
                                SheetState::ReopenRequested => Some(S::StatusReopenRequested.t(lang)),
                                SheetState::Reopened => Some(S::StatusReopened.t(lang)),
                                _ => None,
                            };
                            html! {
                                <li data-finalist={f.id.to_string()}>
                                    <Link to={Route::JuryScore { id: f.id }}>{ &f.school_name }</Link>
                                    <span class="muted">{ format!(" · {}", f.town) }</span>
                                    <span class={classes!("badge", class)}>{ label }</span>
                                    if let Some(x) = extra { { " " }<span class="badge progress" data-testid="sheet-reopen-state">{ x }</span> }
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }) }
            <section class="jury-conflicts" data-testid="my-conflicts">
                <h2>{ J::ConflictsOfInterest.t(lang) }</h2>
                <p class="muted small">{ J::ConflictsExplained.t(lang) }</p>
                if home.conflicts.is_empty() { <p class="muted">{ J::NoConflicts.t(lang) }</p> }
                <ul>
                    { for home.conflicts.iter().map(|c| {
                        let why = match c.kind {
                            ConflictKind::Automatic => format!("{} {}", J::AutomaticBecause.t(lang), c.reason),
                            ConflictKind::Declared => format!("{}: {}", J::DeclaredByYou.t(lang), c.reason),
                        };
                        let withdraw = (c.kind == ConflictKind::Declared && !home.locked).then(|| {
                            let (run, f) = (run.clone(), c.finalist_id);
                            html! {
                                <button type="button" class="link-button" onclick={move |_| {
                                    let ok = web_sys::window()
                                        .and_then(|w| w.confirm_with_message(J::ConfirmWithdraw.t(lang)).ok())
                                        .unwrap_or(false);
                                    if ok { run.emit(Box::pin(async move { api::jury::withdraw_conflict(f).await })); }
                                }}>{ J::Withdraw.t(lang) }</button>
                            }
                        });
                        html! {
                            <li data-conflict-finalist={c.finalist_id.to_string()}>
                                <strong>{ &c.school_name }</strong>{ format!(" · {why} ") }{ withdraw.unwrap_or_default() }
                                if c.sheet_dropped {
                                    <p class="small notice warn" data-testid="sheet-dropped">{ R::DroppedSheet.t(lang) }</p>
                                }
                            </li>
                        }
                    }) }
                </ul>
                if !finalists.is_empty() && !home.locked {
                    <form class="inline-form" onsubmit={on_declare} data-testid="declare-conflict">
                        <label for="conflict-finalist">{ J::DeclareConflictWith.t(lang) }</label>
                        <select id="conflict-finalist" onchange={{
                            let d = declare_for.clone();
                            move |e: Event| d.set(e.target_unchecked_into::<HtmlSelectElement>().value().parse().unwrap_or(0))
                        }}>
                            <option value="0" selected={*declare_for == 0}>{ J::ChooseFinalist.t(lang) }</option>
                            { for finalists.iter().map(|f| html! {
                                <option value={f.id.to_string()} selected={*declare_for == f.id}>{ &f.school_name }</option>
                            }) }
                        </select>
                        <label for="conflict-reason">{ J::Reason.t(lang) }</label>
                        <input id="conflict-reason" type="text" value={(*reason).clone()} maxlength="500"
                            aria-describedby={field_error.as_ref().map(|_| "conflict-error")}
                            oninput={{ let r = reason.clone(); move |e: InputEvent| r.set(e.target_unchecked_into::<HtmlInputElement>().value()) }} />
                        <button type="submit" class="button secondary" disabled={*declare_for == 0 || reason.trim().is_empty()}>
                            { J::Declare.t(lang) }
                        </button>
                        if let Some(m) = field_error { <p class="field-error" id="conflict-error">{ m }</p> }
                    </form>
                }
                if let Some(e) = error.as_ref().filter(|e| e.code != ErrorCode::Validation) { { super::juror_error_view(lang, e) } }
            </section>
        </section>
    }
}

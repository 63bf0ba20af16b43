//! `/jury/chair`: the jury chair's page. The results of every category
//! (also while scoring is open) with the robustness of each winner; after
//! scoring closes, the chair decides ties no rule breaks and confirms, with
//! a reason, a winner that is not robust; and the jury's audit log, in the
//! reader's language.

use rubric::errors::ErrorCode;
use crate::api;
use crate::app::Route;
use crate::components::acknowledge_form::AcknowledgeForm;
use crate::components::chair_order::{ChairOrder, TieGroup};
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::jury_results::use_jury_results;
use crate::hooks::session::use_session;
use crate::hooks::{use_lang, Fetch};
use rubric::people::Role;
use crate::i18n::jury::{field_message, status_text, J};
use crate::i18n::jury_results::R;
use crate::i18n::Text;
use rubric::jury::setup::JuryStatus;
use yew::prelude::*;
use crate::router::*;

#[component]
pub fn JuryChairPage() -> Html {
    let lang = use_lang();
    let jr = use_jury_results();
    // The coordinator opens this page from the jury results (it is served by
    // the coordinator's app): the way back is there, not to a juror's list.
    let coordinator = use_session().state.me().is_some_and(|m| m.role == Role::Coordinator);
    let Some(view) = jr.view() else {
        return match &jr.data.state {
            Fetch::Failed(e) => {
                let msg = (e.status == 403).then(|| J::NotOnJury.t(lang));
                html! {
                    <section class="page narrow" data-testid="jury-chair">
                        <h1>{ R::ChairPageTitle.t(lang) }</h1>
                        if let Some(m) = msg { <p class="notice">{ m }</p> } else { <ErrorBox error={e.clone()} on_retry={jr.data.reload.clone()} /> }
                    </section>
                }
            }
            _ => html! { <section class="page"><Loading /></section> },
        };
    };
    let (apply, error, busy, audit) = (&jr.apply, &jr.error, *jr.busy, &jr.audit);
    let acting = view.settings.status == JuryStatus::Closed && !view.frozen;
    let on_confirm = {
        let (apply, view) = (apply.clone(), view.clone());
        Callback::from(move |(category, reason): (i64, String)| {
            let findings = view
                .categories
                .iter()
                .find(|c| c.category_id == category)
                .and_then(|c| c.results.as_ref()?.robustness.as_ref().map(|r| r.findings()))
                .unwrap_or_default();
            apply.emit(Box::pin(async move { api::jury::acknowledge(category, &findings, &reason).await }));
        })
    };
    let on_chair = {
        let (apply, version) = (apply.clone(), view.settings.version);
        Callback::from(move |order: Vec<i64>| apply.emit(Box::pin(async move { api::jury::chair_order(version, &order).await })))
    };
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
    let to_confirm: Vec<_> = view.categories.iter().filter(|c| c.needs_acknowledgement()).collect();
    let field_error = error.as_ref().and_then(|e| e.field_error("reason")).map(|e| AttrValue::from(field_message(lang, e)));
    html! {
        <section class="page" data-testid="jury-chair">
            <div class="page-head">
                <div>
                    <h1>{ R::ChairPageTitle.t(lang) }</h1>
                    <p class="muted">{ format!("{} · {}", view.edition_name, status_text(lang, view.settings.status)) }</p>
                </div>
                if coordinator {
                    <Link to={Route::JuryResults} classes="button secondary">{ R::BackToJuryResults.t(lang) }</Link>
                } else {
                    <Link to={Route::JuryHome} classes="button secondary">{ J::BackToMyFinalists.t(lang) }</Link>
                }
            </div>
            <p class="lead small">{ R::ChairPageIntro.t(lang) }</p>
            <div class="lock-panel" data-testid="chair-actions">
                if !acting {
                    <p class="muted">{ if view.frozen { J::LockedNoChanges.t(lang) } else { R::ChairOnlyWhenClosed.t(lang) } }</p>
                } else if to_confirm.is_empty() && groups.is_empty() {
                    <p data-testid="nothing-to-confirm">{ R::NothingToConfirm.t(lang) }</p>
                }
                if acting && !groups.is_empty() {
                    <ChairOrder key={format!("{:?}", view.settings.chair_order)} groups={groups} chair_name={view.chair_name.clone()} on_save={on_chair} />
                }
                if acting {
                    { for to_confirm.iter().map(|c| html! {
                        <AcknowledgeForm key={c.category_id} category_id={c.category_id} category_name={AttrValue::from(c.name.clone())}
                            error={field_error.clone()} busy={busy} on_confirm={on_confirm.clone()} />
                    }) }
                }
                if let Some(e) = error.as_ref().filter(|e| e.code != ErrorCode::Validation) { { super::error_view(lang, e) } }
            </div>
            { super::results_and_log(lang, &view, audit) }
        </section>
    }
}

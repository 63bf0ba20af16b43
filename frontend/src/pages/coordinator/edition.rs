//! The edition page: every edition (one active, older ones readable), the
//! form to create or edit one, making one active, and the backup: download
//! an edition as a versioned file, or import such a file as a new edition.

use super::empty::FirstSteps;
use crate::api::{self, ApiError};
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::programme::edition_form::EditionForm;
use crate::components::programme::evidence_limits::EvidenceLimitsPanel;
use crate::hooks::edition_choice::EDITION_KEY;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::programme::{import_error_lead, P};
use crate::i18n::{format, pick, Text};
use crate::storage;
use api::programme::ImportSummary;
use rubric::programme::{Edition, EditionInput, SchoolYear};
use rubric::Date;
use yew::prelude::*;

/// A new edition's form: the current school year filled in.
fn fresh_input() -> EditionInput {
    let now = js_sys::Date::new_0();
    let today = Date::new(now.get_full_year() as u16, now.get_month() as u8 + 1, now.get_date() as u8).ok();
    let year = today.map(SchoolYear::containing).map(|y| y.to_string()).unwrap_or_default();
    EditionInput { name: format!("STEMpact {year}"), school_year: year, ..EditionInput::default() }
}

#[derive(Clone, PartialEq)]
enum Editing {
    None,
    New,
    Existing(i64),
}

#[component]
pub fn EditionPage() -> Html {
    let lang = use_lang();
    let editions = use_fetch((), |()| api::programme::editions());
    let editing = use_state(|| Editing::None);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let notice = use_state(|| None::<String>);
    let imported = use_state(|| None::<Result<ImportSummary, (P, String)>>);

    // Run a request; on success reload, close the form and say so.
    let run = {
        let (busy, error, editing, notice, reload) = (busy.clone(), error.clone(), editing.clone(), notice.clone(), editions.reload.clone());
        move |fut: std::pin::Pin<Box<dyn std::future::Future<Output = Result<Edition, ApiError>>>>| {
            let (busy, error, editing, notice, reload) = (busy.clone(), error.clone(), editing.clone(), notice.clone(), reload.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match fut.await {
                    Ok(e) => {
                        error.set(None);
                        editing.set(Editing::None);
                        notice.set(Some(format!("{} · {}", e.name, P::Saved.t(lang))));
                        storage::set(EDITION_KEY, &e.id.to_string());
                        reload.emit(());
                    }
                    Err(e) => {
                        if e.status == 409 {
                            reload.emit(());
                        }
                        error.set(Some(e));
                    }
                }
                busy.set(false);
            });
        }
    };
    let on_import = {
        let (imported, reload) = (imported.clone(), editions.reload.clone());
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let file = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).and_then(|i| i.files()).and_then(|f| f.get(0));
            let Some(file) = file else { return };
            let (imported, reload) = (imported.clone(), reload.clone());
            // An archive (the edition with its evidence files) goes up as it is.
            if file.name().to_lowercase().ends_with(".zip") {
                let done = Callback::from(move |r: Result<String, api::ApiError>| {
                    let result = r
                        .map_err(|e| (import_error_lead(e.code), e.message))
                        .and_then(|text| serde_json::from_str::<ImportSummary>(&text).map_err(|_| (P::NotJsonFile, String::new())));
                    if let Ok(s) = &result {
                        storage::set(EDITION_KEY, &s.edition_id.to_string());
                        reload.emit(());
                    }
                    imported.set(Some(result));
                });
                return api::evidence::send_file("/import/archive", &file, Callback::noop(), done);
            }
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
                let result = match serde_json::from_str::<Box<serde_json::value::RawValue>>(&text) {
                    Err(_) => Err((P::NotJsonFile, String::new())),
                    Ok(doc) => api::programme::import_edition(&doc).await.map_err(|e| (import_error_lead(e.code), e.message)),
                };
                if let Ok(s) = &result {
                    storage::set(EDITION_KEY, &s.edition_id.to_string());
                    reload.emit(());
                }
                imported.set(Some(result));
            });
        })
    };
    let list = match &editions.state {
        Fetch::Loading => return html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => return html! { <section class="page"><ErrorBox error={e.clone()} on_retry={editions.reload.clone()} /></section> },
        Fetch::Ready(list) => list.clone(),
    };
    let date = |d: Option<Date>| d.map(|d| format::date(lang, d)).unwrap_or_else(|| "–".into());
    let row = |e: &Edition| {
        let id = e.id;
        let edit = { let s = editing.clone(); Callback::from(move |_: MouseEvent| s.set(Editing::Existing(id))) };
        let activate = { let run = run.clone(); Callback::from(move |_: MouseEvent| run(Box::pin(api::programme::activate_edition(id)))) };
        html! {
            <tr data-edition={e.name.clone()}>
                <th scope="row">{ &e.name }{ " " }if e.active { <span class="badge done">{ P::Active.t(lang) }</span> }
                    <span class="muted small" data-testid="edition-rubric-version">{ format!(" · {} {}", crate::i18n::rubric_versions::R::VersionOf.t(lang), e.rubric_version) }</span></th>
                <td data-label={P::SchoolYear.t(lang)}>{ &e.school_year }</td>
                <td data-label={P::NulmetingDeadline.t(lang)}>{ date(e.nulmeting_deadline) }</td>
                <td data-label={P::PlanDeadline.t(lang)}>{ date(e.plan_deadline) }</td>
                <td data-label={P::FinalDate.t(lang)}>{ date(e.final_date) }{ if e.final_place.is_empty() { String::new() } else { format!(", {}", e.final_place) } }</td>
                <td class="actions">
                    <button type="button" class="link-button" onclick={edit}>{ P::Edit.t(lang) }</button>
                    if !e.active { <button type="button" class="link-button" onclick={activate} disabled={*busy}>{ P::MakeActive.t(lang) }</button> }
                    <a href={api::programme::export_url(id)} download="" data-testid="export-edition">{ P::ExportEdition.t(lang) }</a>
                    <a href={api::programme::export_archive_url(id)} download="" data-testid="export-archive">{ P::ExportArchive.t(lang) }</a>
                </td>
            </tr>
        }
    };
    let form = match &*editing {
        Editing::None => html! {},
        Editing::New => {
            let run = run.clone();
            let save = Callback::from(move |(input, activate): (EditionInput, bool)| {
                run(Box::pin(async move { api::programme::create_edition(&input, activate).await }))
            });
            let cancel = { let s = editing.clone(); Callback::from(move |()| s.set(Editing::None)) };
            html! {
                <section class="panel">
                    <h2>{ P::NewEdition.t(lang) }</h2>
                    <EditionForm initial={fresh_input()} reset_key={0} busy={*busy} server_error={(*error).clone()}
                        offer_activate={!list.is_empty()} on_save={save} on_cancel={cancel} />
                </section>
            }
        }
        Editing::Existing(id) => match list.iter().find(|e| e.id == *id) {
            None => html! {},
            Some(e) => {
                let (run, id, version) = (run.clone(), e.id, e.version);
                let save = Callback::from(move |(input, _): (EditionInput, bool)| {
                    run(Box::pin(async move { api::programme::update_edition(id, &input, version).await }))
                });
                let cancel = { let s = editing.clone(); Callback::from(move |()| s.set(Editing::None)) };
                html! {
                    <>
                        <section class="panel">
                            <h2>{ &e.name }</h2>
                            <EditionForm initial={e.input()} reset_key={e.version} busy={*busy} server_error={(*error).clone()}
                                on_save={save} on_cancel={cancel} />
                        </section>
                        <EvidenceLimitsPanel edition={id} />
                    </>
                }
            }
        },
    };
    let new = { let s = editing.clone(); Callback::from(move |_: MouseEvent| s.set(Editing::New)) };
    html! {
        <section class="page coordinator" data-testid="edition-page">
            <div class="page-head">
                <h1>{ P::EditionsTitle.t(lang) }</h1>
                <button type="button" class="button" onclick={new} data-testid="new-edition">{ P::NewEdition.t(lang) }</button>
            </div>
            if let Some(n) = &*notice { <p class="notice" role="status">{ n }</p> }
            if let Some(e) = &*error { if e.fields.is_empty() { <ErrorBox error={e.clone()} /> } }
            { form }
            if list.is_empty() {
                if *editing == Editing::None { <FirstSteps on_loaded={editions.reload.clone()} /> }
            } else {
                <div class="table-scroll">
                <table class="table cards-on-phone" data-testid="editions">
                    <thead><tr>
                        <th scope="col">{ P::Name.t(lang) }</th>
                        <th scope="col">{ P::SchoolYear.t(lang) }</th>
                        <th scope="col">{ P::NulmetingDeadline.t(lang) }</th>
                        <th scope="col">{ P::PlanDeadline.t(lang) }</th>
                        <th scope="col">{ P::FinalDate.t(lang) }</th>
                        <th scope="col">{ P::Actions.t(lang) }</th>
                    </tr></thead>
                    <tbody>{ for list.iter().map(row) }</tbody>
                </table>
                </div>
            }
            <section class="panel" data-testid="backup">
                <h2>{ P::Backup.t(lang) }</h2>
                <p class="small">{ P::BackupLead.t(lang) }</p>
                <div class="field">
                    <label for="import-file">{ P::ImportEdition.t(lang) }</label>
                    <input id="import-file" type="file" accept=".json,application/json,.zip,application/zip" onchange={on_import} data-testid="import-file" />
                    <p class="hint">{ P::ImportHelp.t(lang) }</p>
                </div>
                { match &*imported {
                    None => html! {},
                    Some(Ok(s)) => html! {
                        <p class="notice" role="status" data-testid="import-result">
                            { format!("{}: {} · ", P::ImportDone.t(lang), s.name) }
                            { pick(lang, format!("{} scholen, {} bedrijven, {} personen", s.schools, s.companies, s.people),
                                format!("{} schools, {} companies, {} people", s.schools, s.companies, s.people)) }
                        </p>
                    },
                    Some(Err((lead, detail))) => html! {
                        <div class="error-box" role="alert" data-testid="import-error">
                            <p>{ lead.t(lang) }</p>
                            if !detail.is_empty() { <p class="small">{ detail }</p> }
                        </div>
                    },
                } }
            </section>
        </section>
    }
}

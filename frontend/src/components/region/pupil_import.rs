//! Importing a region's pupil numbers: paste a CSV, see every row with its
//! status (fine, or why it is refused) and what the import would replace,
//! then import. Nothing is saved while any row is refused.

use crate::api::{self, ApiError};
use crate::components::error_box::ErrorBox;
use crate::components::form::event_value;
use crate::hooks::use_lang;
use crate::i18n::programme::csv_file_error;
use crate::i18n::regions::{first_field_error, row_error, R};
use crate::i18n::{pick, Text};
use rubric::region::portrait::PupilImport;
use crate::components::region::markup::{cell, col};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PupilImportProps {
    pub region: i64,
    /// After a saved import.
    pub on_saved: Callback<()>,
}

#[component]
pub fn PupilImportForm(props: &PupilImportProps) -> Html {
    let lang = use_lang();
    let csv = use_state(String::new);
    let outcome = use_state(|| None::<PupilImport>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let send = |save: bool| {
        let (csv, outcome, error, busy, region, on_saved) = (csv.clone(), outcome.clone(), error.clone(), busy.clone(), props.region, props.on_saved.clone());
        Callback::from(move |_: MouseEvent| {
            let (csv, outcome, error, busy, on_saved) = (csv.clone(), outcome.clone(), error.clone(), busy.clone(), on_saved.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                // A refused save answers 422: the preview then shows why.
                let preview = api::regions::import_pupils(region, &csv, false).await;
                let result = match (save, &preview) {
                    (true, Ok(p)) if p.can_save() => api::regions::import_pupils(region, &csv, true).await,
                    _ => preview,
                };
                match result {
                    Ok(o) => {
                        if o.saved > 0 {
                            on_saved.emit(());
                        }
                        error.set(None);
                        outcome.set(Some(o));
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        })
    };
    let summary = (*outcome).as_ref().map(|o| {
        let refused = o.refused();
        let ok = o.rows.len() - refused;
        let d = o.diff;
        html! {
            <div class="import-outcome" data-testid="import-outcome" aria-live="polite">
                if let Some(e) = &o.file_error {
                    <p class="error-box" role="alert" data-testid="file-error">{ csv_file_error(lang, e) }</p>
                }
                <p>
                    <strong data-testid="rows-ok">{ format!("{ok} {}", R::RowsOk.t(lang)) }</strong>{ " · " }
                    <strong data-testid="rows-refused">{ format!("{refused} {}", R::RowsRefused.t(lang)) }</strong>
                </p>
                if o.saved > 0 {
                    <p class="notice" role="status" data-testid="import-saved">{ R::Saved.t(lang) }</p>
                } else if refused > 0 {
                    <p class="warning" role="alert" data-testid="nothing-saved">{ R::NothingSaved.t(lang) }</p>
                }
                <p class="small muted" data-testid="import-diff">{ R::Replaces.t(lang) }{ " " }{ pick(lang,
                    format!("{} nieuw, {} gewijzigd, {} gelijk, {} weg", d.added, d.changed, d.unchanged, d.removed),
                    format!("{} new, {} changed, {} same, {} removed", d.added, d.changed, d.unchanged, d.removed)) }</p>
                if !o.rows.is_empty() {
                    <div class="table-scroll" role="region" tabindex="0" aria-label={R::Preview.t(lang)}>
                    <table class="cards-on-phone" data-testid="import-rows">
                        <thead><tr>
                            { col(R::Line.t(lang)) }{ col(R::School.t(lang)) }{ col(R::Track.t(lang)) }
                            { col(R::Year.t(lang)) }{ col(R::Pupils.t(lang)) }{ col(R::Status.t(lang)) }
                        </tr></thead>
                        <tbody>
                            { for o.rows.iter().map(|r| html! {
                                <tr key={r.line} class={if r.is_valid() { "row-ok" } else { "row-refused" }} data-line={r.line.to_string()}>
                                    { cell(R::Line.t(lang), html! { { r.line } }) }
                                    { cell(R::School.t(lang), html! { { r.input.school.clone() } }) }
                                    { cell(R::Track.t(lang), html! { { r.input.track.clone() } }) }
                                    { cell(R::Year.t(lang), html! { { r.input.year.clone() } }) }
                                    { cell(R::Pupils.t(lang), html! { { r.input.pupils.clone() } }) }
                                    <td data-label={R::Status.t(lang)} data-testid="row-status">
                                        if r.is_valid() { { R::RowOk.t(lang) } } else {
                                            { r.errors.iter().map(|e| row_error(lang, e)).collect::<Vec<_>>().join("; ") }
                                        }
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    </div>
                }
            </div>
        }
    });
    html! {
        <section class="panel" data-testid="pupil-import">
            <h2>{ R::PupilNumbers.t(lang) }</h2>
            <p class="hint" id="csv-help">{ R::ImportHelp.t(lang) }</p>
            <label for="pupils-csv">{ R::CsvFile.t(lang) }</label>
            <textarea id="pupils-csv" rows="6" aria-describedby="csv-help" value={(*csv).clone()}
                oninput={ let c = csv.clone(); move |e: InputEvent| c.set(event_value(&e.into())) } />
            <div class="actions">
                <button type="button" class="button secondary" onclick={send(false)} disabled={*busy || csv.trim().is_empty()} data-testid="preview">{ R::Preview.t(lang) }</button>
                <button type="button" class="button" onclick={send(true)} disabled={*busy || csv.trim().is_empty()} data-testid="import">{ R::SaveImport.t(lang) }</button>
            </div>
            if let Some(m) = (*error).as_ref().and_then(|e| first_field_error(lang, e)) {
                <p class="error-box" role="alert" data-testid="import-error">{ m }</p>
            } else if let Some(e) = &*error {
                <ErrorBox error={e.clone()} />
            }
            { summary.unwrap_or_default() }
        </section>
    }
}

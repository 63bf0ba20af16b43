//! The CSV import panel for schools or companies: paste the file or pick
//! it, see every row with its problems (checked here with the same rules
//! the server applies), then import the valid rows. Nothing is saved
//! before the coordinator confirms.

use super::input_value;
use crate::hooks::use_lang;
use crate::i18n::programme::{csv_file_error, error_text, field_name, track_name, P};
use crate::i18n::{pick, Text};
use rubric::programme::{mark_existing, parse_companies_csv, parse_schools_csv, Field, FieldError, ImportRow};
use rubric::Lang;
use yew::prelude::*;

/// What is imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    Schools,
    Companies,
}

#[derive(Properties, PartialEq)]
pub struct CsvImportProps {
    pub kind: CsvKind,
    /// Names already in the edition (a row with one of them is refused).
    pub existing: Vec<String>,
    #[prop_or_default]
    pub busy: bool,
    pub on_import: Callback<String>,
    pub on_cancel: Callback<()>,
}

/// One previewed row: its line, the cells to show and the messages.
#[derive(Clone, PartialEq)]
struct Row {
    line: usize,
    cells: Vec<String>,
    problems: Vec<String>,
}

fn problems(lang: Lang, errors: &[FieldError]) -> Vec<String> {
    errors
        .iter()
        .map(|e| {
            let msg = error_text(lang, &e.error);
            if matches!(e.field, Field::Row | Field::Name) { msg } else { format!("{}: {msg}", field_name(e.field).t(lang)) }
        })
        .collect()
}

fn rows<T>(lang: Lang, rows: Vec<ImportRow<T>>, cells: impl Fn(&T) -> Vec<String>) -> Vec<Row> {
    rows.into_iter().map(|r| Row { line: r.line, cells: cells(&r.input), problems: problems(lang, &r.errors) }).collect()
}

fn preview(lang: Lang, kind: CsvKind, text: &str, existing: &[String]) -> Result<Vec<Row>, String> {
    match kind {
        CsvKind::Schools => {
            let mut parsed = parse_schools_csv(text).map_err(|e| csv_file_error(lang, &e))?;
            mark_existing(&mut parsed, existing, |s| s.name.as_str());
            Ok(rows(lang, parsed, |s| {
                let tracks: Vec<&str> = s.tracks.iter().map(|t| track_name(*t).t(lang)).collect();
                vec![s.name.clone(), s.town.clone(), s.region.clone(), tracks.join(", ")]
            }))
        }
        CsvKind::Companies => {
            let mut parsed = parse_companies_csv(text).map_err(|e| csv_file_error(lang, &e))?;
            mark_existing(&mut parsed, existing, |c| c.name.as_str());
            Ok(rows(lang, parsed, |c| vec![c.name.clone(), c.town.clone(), c.sector.clone()]))
        }
    }
}

#[component]
pub fn CsvImport(p: &CsvImportProps) -> Html {
    let lang = use_lang();
    let text = use_state(String::new);
    let shown = use_state(|| None::<Result<Vec<Row>, String>>);
    let show = {
        let (text, shown, kind, existing) = (text.clone(), shown.clone(), p.kind, p.existing.clone());
        Callback::from(move |t: String| {
            shown.set(Some(preview(lang, kind, &t, &existing)));
            text.set(t);
        })
    };
    let on_text = {
        let (text, shown) = (text.clone(), shown.clone());
        Callback::from(move |e: InputEvent| {
            text.set(input_value(&e.into()));
            shown.set(None);
        })
    };
    let on_file = {
        let show = show.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let file = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                let show = show.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(v) = wasm_bindgen_futures::JsFuture::from(file.text()).await {
                        show.emit(v.as_string().unwrap_or_default());
                    }
                });
            }
        })
    };
    let on_preview = {
        let (show, text) = (show.clone(), text.clone());
        Callback::from(move |_: MouseEvent| show.emit((*text).clone()))
    };
    let headers: Vec<P> = match p.kind {
        CsvKind::Schools => vec![P::Name, P::Town, P::Region, P::Tracks],
        CsvKind::Companies => vec![P::Name, P::Town, P::Sector],
    };
    let help = match p.kind {
        CsvKind::Schools => P::CsvSchoolsHelp,
        CsvKind::Companies => P::CsvCompaniesHelp,
    };
    let result = match &*shown {
        None => html! {},
        Some(Err(e)) => html! { <p class="error-box" role="alert" data-testid="csv-file-error">{ e }</p> },
        Some(Ok(rows)) => {
            let bad = rows.iter().filter(|r| !r.problems.is_empty()).count();
            let good = rows.len() - bad;
            let (import, csv) = (p.on_import.clone(), (*text).clone());
            html! {
                <>
                <table class="table csv-preview" data-testid="csv-preview">
                    <thead><tr>
                        <th>{ P::Line.t(lang) }</th>
                        { for headers.iter().map(|h| html! { <th>{ h.t(lang) }</th> }) }
                        <th>{ P::Problems.t(lang) }</th>
                    </tr></thead>
                    <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr class={classes!((!r.problems.is_empty()).then_some("row-error"))} data-line={r.line.to_string()}
                            data-valid={r.problems.is_empty().to_string()}>
                            <td class="num">{ r.line }</td>
                            { for r.cells.iter().map(|c| html! { <td>{ c }</td> }) }
                            <td>{ for r.problems.iter().map(|m| html! { <p class="field-error">{ m }</p> }) }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
                <p class="small" data-testid="csv-summary">
                    { if bad == 0 { P::AllRowsValid.t(lang).to_string() } else {
                        pick(lang, format!("{bad} rijen met fouten worden niet geïmporteerd."), format!("{bad} rows with errors will not be imported."))
                    } }
                </p>
                <button type="button" class="button" disabled={good == 0 || p.busy} data-testid="csv-import"
                    onclick={move |_| import.emit(csv.clone())}>
                    { pick(lang, format!("{good} geldige rijen importeren"), format!("Import {good} valid rows")) }
                </button>
                </>
            }
        }
    };
    let cancel = p.on_cancel.clone();
    html! {
        <section class="panel" data-testid="csv-import">
            <h2>{ P::ImportCsv.t(lang) }</h2>
            <p class="small muted">{ help.t(lang) }</p>
            <div class="field">
                <label for="csv-text">{ P::CsvText.t(lang) }</label>
                <textarea id="csv-text" rows="6" value={(*text).clone()} oninput={on_text} data-testid="csv-text" />
            </div>
            <div class="field">
                <label for="csv-file">{ P::CsvFile.t(lang) }</label>
                <input id="csv-file" type="file" accept=".csv,text/csv,text/plain" onchange={on_file} />
            </div>
            <div class="form-actions">
                <button type="button" class="button secondary" onclick={on_preview} data-testid="csv-preview-button">{ P::Preview.t(lang) }</button>
                <button type="button" class="button secondary" onclick={move |_| cancel.emit(())}>{ P::Cancel.t(lang) }</button>
            </div>
            { result }
        </section>
    }
}

//! The schools or the companies of the chosen edition (one page for both,
//! so they behave the same): the list, adding and editing, archiving and
//! restoring (nothing with data attached is deleted; a company that still
//! sponsors a school is not archived), and importing a CSV file with a
//! preview of every row before anything is saved.

use super::for_edition;
use super::frame::edition_frame;
use crate::api::{self, ApiError};
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::programme::company_form::CompanyForm;
use crate::components::programme::confirm;
use crate::components::programme::csv_import::{CsvImport, CsvKind};
use crate::components::programme::school_form::SchoolForm;
use crate::hooks::edition_choice::use_edition_choice;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::plural::{plural, Count};
use crate::i18n::programme::{localize, track_name, P};
use crate::i18n::Text;
use rubric::programme::{Company, CompanyInput, School, SchoolInput};
use rubric::Lang;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Mode {
    List,
    Add,
    Edit(i64),
    Import,
}

/// The loaded rows: schools (with the companies, for sponsor names) or companies.
#[derive(PartialEq)]
enum Rows {
    Schools(Vec<School>, Vec<Company>),
    Companies(Vec<Company>),
}

/// One row of the table, whatever the kind.
struct Line {
    id: i64,
    version: i64,
    name: String,
    archived: bool,
    cells: Vec<String>,
}

fn lines(lang: Lang, rows: &Rows) -> Vec<Line> {
    match rows {
        Rows::Schools(schools, companies) => schools
            .iter()
            .map(|s| {
                let tracks: Vec<&str> = s.tracks.iter().map(|t| track_name(*t).t(lang)).collect();
                let sponsor = s.company_id.and_then(|c| companies.iter().find(|x| x.id == c)).map(|c| c.name.clone());
                Line {
                    id: s.id,
                    version: s.version,
                    name: s.name.clone(),
                    archived: s.archived,
                    cells: vec![s.town.clone(), s.region.clone(), tracks.join(", "), sponsor.unwrap_or_else(|| "–".into()), s.contact_name.clone()],
                }
            })
            .collect(),
        Rows::Companies(companies) => companies
            .iter()
            .map(|c| Line {
                id: c.id,
                version: c.version,
                name: c.name.clone(),
                archived: c.archived,
                cells: vec![c.town.clone(), c.sector.clone(), c.schools.to_string(), c.contact_name.clone()],
            })
            .collect(),
    }
}

#[derive(Properties, PartialEq)]
pub struct OrganisationsProps {
    /// `true` for schools, `false` for companies.
    pub schools: bool,
}

#[component]
pub fn OrganisationsPage(p: &OrganisationsProps) -> Html {
    let lang = use_lang();
    let is_schools = p.schools;
    let kind = if is_schools { "schools" } else { "companies" };
    let choice = use_edition_choice();
    let id = choice.chosen.as_ref().map(|e| e.id);
    let archived = use_state(|| false);
    let data = use_fetch((id, *archived, is_schools), |(id, archived, is_schools)| {
        for_edition(id, move |id| async move {
            Ok(if is_schools {
                Rows::Schools(api::programme::schools(id, archived).await?, api::programme::companies(id, true).await?)
            } else {
                Rows::Companies(api::programme::companies(id, archived).await?)
            })
        })
    });
    let mode = use_state(|| Mode::List);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let notice = use_state(|| None::<String>);

    // Every change ends here: a message and a fresh list, or the error.
    let finish = {
        let (busy, error, mode, notice, reload) = (busy.clone(), error.clone(), mode.clone(), notice.clone(), data.reload.clone());
        Callback::from(move |r: Result<String, ApiError>| {
            busy.set(false);
            match r {
                Ok(msg) => {
                    error.set(None);
                    mode.set(Mode::List);
                    notice.set(Some(msg));
                    reload.emit(());
                }
                Err(e) => {
                    // A stale write: show the current rows under the message.
                    if e.status == 409 {
                        reload.emit(());
                    }
                    error.set(Some(e));
                }
            }
        })
    };
    let start = {
        let (finish, busy) = (finish.clone(), busy.clone());
        move |fut: std::pin::Pin<Box<dyn std::future::Future<Output = Result<String, ApiError>>>>| {
            let finish = finish.clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move { finish.emit(fut.await) });
        }
    };
    let saved = move |name: String| format!("{name} · {}", P::Saved.t(lang));
    let body = match (&data.state, id) {
        (Fetch::Loading, _) => html! { <Loading /> },
        (Fetch::Failed(e), _) => html! { <ErrorBox error={e.clone()} on_retry={data.reload.clone()} /> },
        (Fetch::Ready(d), Some(edition)) if d.is_some() => {
            let rows = d.as_ref().as_ref().map(|r| r as &Rows);
            let Some(rows) = rows else { return html! {} };
            let lines = lines(lang, rows);
            let cancel = { let m = mode.clone(); let e = error.clone(); Callback::from(move |()| { e.set(None); m.set(Mode::List) }) };
            let server_error = (*error).clone();
            let panel = match (&*mode, rows) {
                (Mode::List, _) => html! {},
                (Mode::Add, Rows::Schools(..)) => {
                    let start = start.clone();
                    let save = Callback::from(move |i: SchoolInput| start(Box::pin(async move { api::programme::create_school(edition, &i).await.map(|s| saved(s.name)) })));
                    html! { <section class="panel"><h2>{ P::AddSchool.t(lang) }</h2>
                        <SchoolForm initial={SchoolInput::default()} busy={*busy} {server_error} on_save={save} on_cancel={cancel} /></section> }
                }
                (Mode::Add, Rows::Companies(_)) => {
                    let start = start.clone();
                    let save = Callback::from(move |i: CompanyInput| start(Box::pin(async move { api::programme::create_company(edition, &i).await.map(|c| saved(c.name)) })));
                    html! { <section class="panel"><h2>{ P::AddCompany.t(lang) }</h2>
                        <CompanyForm initial={CompanyInput::default()} busy={*busy} {server_error} on_save={save} on_cancel={cancel} /></section> }
                }
                (Mode::Edit(sid), Rows::Schools(schools, _)) => match schools.iter().find(|s| s.id == *sid) {
                    None => html! {},
                    Some(s) => {
                        let (start, sid, version) = (start.clone(), s.id, s.version);
                        let save = Callback::from(move |i: SchoolInput| start(Box::pin(async move { api::programme::update_school(sid, &i, version).await.map(|s| saved(s.name)) })));
                        html! { <section class="panel"><h2>{ P::EditSchool.t(lang) }{ ": " }{ &s.name }</h2>
                            <SchoolForm key={s.id} initial={s.input()} busy={*busy} {server_error} on_save={save} on_cancel={cancel} /></section> }
                    }
                },
                (Mode::Edit(cid), Rows::Companies(companies)) => match companies.iter().find(|c| c.id == *cid) {
                    None => html! {},
                    Some(c) => {
                        let (start, cid, version) = (start.clone(), c.id, c.version);
                        let save = Callback::from(move |i: CompanyInput| start(Box::pin(async move { api::programme::update_company(cid, &i, version).await.map(|c| saved(c.name)) })));
                        html! { <section class="panel"><h2>{ P::EditCompany.t(lang) }{ ": " }{ &c.name }</h2>
                            <CompanyForm key={c.id} initial={c.input()} busy={*busy} {server_error} on_save={save} on_cancel={cancel} /></section> }
                    }
                },
                (Mode::Import, _) => {
                    let start = start.clone();
                    let import = Callback::from(move |csv: String| {
                        start(Box::pin(async move {
                            let n = api::programme::import_csv(edition, kind, &csv).await?.saved;
                            Ok(plural(lang, n as usize, Count::RowsImported))
                        }))
                    });
                    let names: Vec<String> = lines.iter().map(|l| l.name.clone()).collect();
                    let csv_kind = if is_schools { CsvKind::Schools } else { CsvKind::Companies };
                    html! { <CsvImport kind={csv_kind} existing={names} busy={*busy} on_import={import} on_cancel={cancel} /> }
                }
            };
            let labels = if is_schools {
                vec![P::Town, P::Region, P::Tracks, P::Sponsor, P::ContactName]
            } else {
                vec![P::Town, P::Sector, P::SponsorsSchools, P::ContactName]
            };
            let row = |l: &Line| {
                let (rid, version, archive) = (l.id, l.version, !l.archived);
                let edit = { let m = mode.clone(); Callback::from(move |_: MouseEvent| m.set(Mode::Edit(rid))) };
                let toggle = {
                    let start = start.clone();
                    Callback::from(move |_: MouseEvent| {
                        if archive && !confirm(P::ConfirmArchive.t(lang)) {
                            return;
                        }
                        start(Box::pin(async move {
                            let name = api::programme::set_archived(kind, rid, version, archive).await?;
                            Ok(format!("{name} · {}", if archive { P::Archived.t(lang) } else { P::Saved.t(lang) }))
                        }))
                    })
                };
                html! {
                    <tr class={classes!(l.archived.then_some("archived"))} data-name={l.name.clone()}>
                        <th scope="row">{ &l.name }if l.archived { { " " }<span class="badge todo">{ P::Archived.t(lang) }</span> }</th>
                        { for l.cells.iter().zip(labels.iter()).map(|(c, label)| html! { <td data-label={label.t(lang)}>{ c }</td> }) }
                        <td class="actions">
                            <button type="button" class="link-button" onclick={edit}>{ P::Edit.t(lang) }</button>
                            <button type="button" class="link-button" onclick={toggle} disabled={*busy} data-testid="toggle-archive">
                                { if archive { P::Archive.t(lang) } else { P::Restore.t(lang) } }
                            </button>
                        </td>
                    </tr>
                }
            };
            let set_mode = |m: Mode| { let s = mode.clone(); Callback::from(move |_: MouseEvent| s.set(m.clone())) };
            let toggle_archived = { let a = archived.clone(); Callback::from(move |_: Event| a.set(!*a)) };
            let headers = if is_schools {
                vec![P::Name, P::Town, P::Region, P::Tracks, P::Sponsor, P::ContactName, P::Actions]
            } else {
                vec![P::Name, P::Town, P::Sector, P::SponsorsSchools, P::ContactName, P::Actions]
            };
            html! {
                <>
                <div class="toolbar">
                    <button type="button" class="button" onclick={set_mode(Mode::Add)} data-testid="add">{ if is_schools { P::AddSchool.t(lang) } else { P::AddCompany.t(lang) } }</button>
                    <button type="button" class="button secondary" onclick={set_mode(Mode::Import)} data-testid="import-csv">{ P::ImportCsv.t(lang) }</button>
                    <label class="check"><input type="checkbox" checked={*archived} onchange={toggle_archived} />{ P::ShowArchived.t(lang) }</label>
                </div>
                if let Some(n) = &*notice { <p class="notice" role="status" data-testid="notice">{ n }</p> }
                if let Some(e) = &*error { if e.fields.is_empty() { <ErrorBox error={localize(lang, e)} /> } }
                { panel }
                if lines.is_empty() {
                    <p class="notice">{ if is_schools { P::NoSchools.t(lang) } else { P::NoCompanies.t(lang) } }</p>
                } else {
                    <div class="table-scroll">
                    <table class="table cards-on-phone" data-testid={kind}>
                        <thead><tr>{ for headers.iter().map(|h| html! { <th scope="col">{ h.t(lang) }</th> }) }</tr></thead>
                        <tbody>{ for lines.iter().map(row) }</tbody>
                    </table>
                    </div>
                }
                </>
            }
        }
        _ => html! {},
    };
    let (title, testid) = if is_schools { (P::SchoolsTitle, "schools-page") } else { (P::CompaniesTitle, "companies-page") };
    edition_frame(lang, title, testid, None, &choice, body)
}

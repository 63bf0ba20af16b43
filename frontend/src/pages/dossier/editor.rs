//! The award dossier of one school: both parts (the reader's own part
//! editable with an explicit save, the other's to read), the notice when
//! a change withdrew the approvals, the sign-off, and the coordinator's
//! reopening of a submitted dossier. A stale save keeps the reader's text
//! and shows the newer one beside it; the rules (limits, completeness) are
//! `rubric::dossier`'s, checked here before sending. What the reader typed
//! and did not save yet is kept on this device and comes back after a
//! reload, with a notice and a way to discard it.

use crate::api::{self, ApiError, ErrorCode};
use crate::app::Route;
use crate::components::dossier_evidence::DossierEvidence;
use crate::components::dossier_signoff::SignOffPanel;
use crate::components::dossier_text::DossierText;
use crate::components::error_box::ErrorBox;
use crate::components::form::{event_value, field_error};
use crate::hooks::use_lang;
use crate::i18n::dossier::{dossier_error, field_problem, status, submitted_on, version, withdrawn, D};
use crate::i18n::{format, Lang, Text};
use crate::storage;
use rubric::dossier::{
    validate_company_part, validate_school_part, CompanyPart, CompanyPartWrite, DossierPage, SchoolPart, SchoolPartWrite,
    MAX_SUMMARY_CHARS, MAX_TEXT_CHARS,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use yew::prelude::*;
use crate::router::Link;

#[derive(Properties, PartialEq)]
pub struct DossierEditorProps {
    pub initial: Rc<DossierPage>,
}

/// A request that answers the dossier page.
type Request = std::pin::Pin<Box<dyn std::future::Future<Output = Result<DossierPage, ApiError>>>>;

/// What a request's caller does with its outcome before the page shows it.
type After = Rc<dyn Fn(&Result<DossierPage, ApiError>)>;

/// Field errors of a part, worded in the interface's language.
type Problems = Vec<(String, String)>;

fn problems(lang: Lang, errors: &[rubric::dossier::FieldError]) -> Problems {
    errors.iter().map(|e| (e.field.clone(), field_problem(lang, &e.problem))).collect()
}

fn at(problems: &Problems, field: &str) -> Option<String> {
    problems.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone())
}

/// A failed request: its words from the dossier's own texts where it has them.
fn error_html(lang: Lang, e: &ApiError) -> Html {
    match dossier_error(lang, e.code) {
        Some(text) => html! { <div class="error-box" role="alert" data-testid="dossier-error"><p>{ text }</p></div> },
        None => html! { <ErrorBox error={e.clone()} /> },
    }
}

/// A part typed but not saved yet, kept on this device (erased on sign-out
/// like every draft) so a reload or a closed tab loses nothing: the text
/// and the version of the part it was written on.
#[derive(Serialize, Deserialize)]
struct Draft<T> {
    base: i64,
    part: T,
}

fn draft_key(school: i64, side: &str) -> String {
    format!("stempact.dossier.{school}.{side}")
}

/// The draft of a part kept on this device, when it differs from the part
/// saved on the server.
fn stored_draft<T: DeserializeOwned + PartialEq>(key: &str, saved: &T) -> Option<Draft<T>> {
    match storage::load::<Draft<T>>(key) {
        Some(d) if d.part != *saved => Some(d),
        Some(_) => {
            storage::remove(key);
            None
        }
        None => None,
    }
}

/// Keep `part` as the draft of `key` while it differs from the saved one.
fn keep_draft<T: Serialize + PartialEq>(key: &str, base: i64, part: &T, saved: &T) {
    storage::keep(key, &Draft { base, part }, part == saved);
}

#[component]
pub fn DossierEditor(props: &DossierEditorProps) -> Html {
    let lang = use_lang();
    let page = use_state(|| props.initial.clone());
    let first = &props.initial;
    let school_key = draft_key(first.school_id, "school");
    let company_key = draft_key(first.school_id, "company");
    // Drafts of this device come back; one written on an older version of
    // the part comes back beside the newer saved text, as after a stale save.
    let school_draft = use_state(|| if first.can_edit_school { stored_draft(&school_key, &first.dossier.school) } else { None });
    let company_draft = use_state(|| if first.can_edit_company { stored_draft(&company_key, &first.dossier.company.text) } else { None });
    let school = use_state(|| school_draft.as_ref().map_or_else(|| first.dossier.school.clone(), |d| d.part.clone()));
    let company = use_state(|| company_draft.as_ref().map_or_else(|| first.dossier.company.text.clone(), |d| d.part.clone()));
    let school_problems = use_state(Problems::new);
    let company_problems = use_state(Problems::new);
    // The newer part someone else saved, after a stale save.
    let newer_school = use_state(|| school_draft.as_ref().filter(|d| d.base != first.dossier.school_version).map(|_| first.dossier.school.clone()));
    let newer_company =
        use_state(|| company_draft.as_ref().filter(|d| d.base != first.dossier.company_version).map(|_| first.dossier.company.text.clone()));
    let restored = use_state(|| school_draft.is_some() || company_draft.is_some());
    {
        let (key, page) = (school_key.clone(), page.clone());
        use_effect_with((*school).clone(), move |part| {
            if page.can_edit_school {
                keep_draft(&key, page.dossier.school_version, part, &page.dossier.school);
            }
        });
    }
    {
        let (key, page) = (company_key.clone(), page.clone());
        use_effect_with((*company).clone(), move |text| {
            if page.can_edit_company {
                keep_draft(&key, page.dossier.company_version, text, &page.dossier.company.text);
            }
        });
    }
    let discard = {
        let (school, company, newer_school, newer_company, restored, page) =
            (school.clone(), company.clone(), newer_school.clone(), newer_company.clone(), restored.clone(), page.clone());
        Callback::from(move |_: MouseEvent| {
            school.set(page.dossier.school.clone());
            company.set(page.dossier.company.text.clone());
            newer_school.set(None);
            newer_company.set(None);
            restored.set(false);
        })
    };
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let saved = use_state(|| false);
    let reason = use_state(String::new);
    let p = (*page).clone();
    let d = &p.dossier;

    // Run a request that answers the page; `after` sees the outcome first.
    let run = {
        let (page, error, busy, saved) = (page.clone(), error.clone(), busy.clone(), saved.clone());
        move |request: Request, after: After| {
            let (page, error, busy, saved) = (page.clone(), error.clone(), busy.clone(), saved.clone());
            busy.set(true);
            error.set(None);
            saved.set(false);
            wasm_bindgen_futures::spawn_local(async move {
                let result = request.await;
                after(&result);
                match result {
                    Ok(next) => {
                        page.set(Rc::new(next));
                        saved.set(true);
                    }
                    Err(e) => {
                        if let Some(current) = e.current_as::<DossierPage>() {
                            page.set(Rc::new(current));
                        }
                        error.set(Some(e));
                    }
                }
                busy.set(false);
            });
        }
    };

    let save_school = {
        let (run, school, school_problems, newer_school, page) = (run.clone(), school.clone(), school_problems.clone(), newer_school.clone(), page.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let numbers: Vec<u32> = page.plan_versions.iter().map(|v| v.number).collect();
            let files: Vec<i64> = page.evidence_files.iter().map(|f| f.id).collect();
            match validate_school_part(&school, &numbers, &files) {
                Err(errors) => school_problems.set(problems(lang, &errors)),
                Ok(part) => {
                    school_problems.set(Vec::new());
                    let body = SchoolPartWrite { version: page.dossier.school_version, part };
                    let id = page.school_id;
                    let (school, newer_school) = (school.clone(), newer_school.clone());
                    run(
                        Box::pin(async move { api::dossier::save_school(id, &body).await }),
                        Rc::new(move |r| match r {
                            Ok(next) => {
                                storage::remove(&draft_key(next.school_id, "school"));
                                school.set(next.dossier.school.clone());
                                newer_school.set(None);
                            }
                            Err(e) if e.code == ErrorCode::Stale => {
                                newer_school.set(e.current_as::<DossierPage>().map(|c| c.dossier.school));
                            }
                            Err(_) => {}
                        }),
                    );
                }
            }
        })
    };
    let save_company = {
        let (run, company, company_problems, newer_company, page) = (run.clone(), company.clone(), company_problems.clone(), newer_company.clone(), page.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match validate_company_part(&CompanyPart { text: (*company).clone() }) {
                Err(errors) => company_problems.set(problems(lang, &errors)),
                Ok(part) => {
                    company_problems.set(Vec::new());
                    let body = CompanyPartWrite { version: page.dossier.company_version, part };
                    let id = page.school_id;
                    let (company, newer_company) = (company.clone(), newer_company.clone());
                    run(
                        Box::pin(async move { api::dossier::save_company(id, &body).await }),
                        Rc::new(move |r| match r {
                            Ok(next) => {
                                storage::remove(&draft_key(next.school_id, "company"));
                                company.set(next.dossier.company.text.clone());
                                newer_company.set(None);
                            }
                            Err(e) if e.code == ErrorCode::Stale => {
                                newer_company.set(e.current_as::<DossierPage>().map(|c| c.dossier.company.text));
                            }
                            Err(_) => {}
                        }),
                    );
                }
            }
        })
    };
    let sign = {
        let (run, page) = (run.clone(), page.clone());
        Callback::from(move |()| {
            let (id, revision) = (page.school_id, page.dossier.revision);
            run(Box::pin(async move { api::dossier::sign(id, revision).await }), Rc::new(|_| {}));
        })
    };
    let reopen = {
        let (run, page, reason) = (run.clone(), page.clone(), reason.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (id, why, reason) = (page.school_id, (*reason).clone(), reason.clone());
            run(
                Box::pin(async move { api::dossier::reopen(id, why).await }),
                Rc::new(move |r| {
                    if r.is_ok() {
                        reason.set(String::new());
                    }
                }),
            );
        })
    };

    let set_text = |state: &UseStateHandle<SchoolPart>, f: fn(&mut SchoolPart, String)| {
        let state = state.clone();
        Callback::from(move |v: String| {
            let mut next = (*state).clone();
            f(&mut next, v);
            state.set(next);
        })
    };
    let on_version = {
        let school = school.clone();
        Callback::from(move |e: Event| {
            let mut next = (*school).clone();
            next.plan_version = event_value(&e).parse().ok();
            school.set(next);
        })
    };
    let on_toggle = {
        let school = school.clone();
        Callback::from(move |file: i64| {
            let mut next = (*school).clone();
            if let Some(at) = next.evidence.iter().position(|f| *f == file) {
                next.evidence.remove(at);
            } else {
                next.evidence.push(file);
            }
            school.set(next);
        })
    };
    let on_company = {
        let company = company.clone();
        Callback::from(move |v: String| company.set(v))
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |e: InputEvent| reason.set(event_value(&e)))
    };
    let server_field = |field: &str| (*error).as_ref().and_then(|e| e.field(field)).map(str::to_string);
    let school_error = |field: &str| at(&school_problems, field).or_else(|| server_field(field));
    let company_error = |field: &str| at(&company_problems, field).or_else(|| server_field(field));
    let candidate = !p.plan_versions.is_empty();
    let chosen = d.school.plan_version.map(|n| version(lang, n, &p.plan_versions.iter().find(|v| v.number == n).map(|v| format::shown_date(lang, v.submitted_at)).unwrap_or_default()));

    html! {
        <section class="page dossier-page" data-testid="dossier-page" data-status={format!("{:?}", p.status)}>
            <div class="page-head">
                <div>
                    <h1>{ D::Title.t(lang) }{ format!(" · {}", p.school_name) }</h1>
                    <p class="muted">{ p.company_name.clone().unwrap_or_default() }</p>
                </div>
                <span class="badge" data-testid="dossier-status">{ status(lang, p.status) }</span>
            </div>
            <p class="lead">{ D::Lead.t(lang) }</p>
            if p.side == Some(rubric::dossier::Side::School) {
                <p><Link to={Route::SchoolPlan { id: p.school_id }}>{ D::BackToPlan.t(lang) }</Link></p>
            }
            if !candidate {
                <p class="notice" data-testid="dossier-not-candidate">{ D::NotCandidate.t(lang) }</p>
            }
            if let Some(w) = &d.withdrawal {
                <div class="notice warn" role="status" data-testid="dossier-withdrawn">
                    { withdrawn(lang, w.by, &w.name, &format::shown_date(lang, w.at)) }
                </div>
            }
            if let Some(at) = d.submitted_at {
                <div class="notice success" role="status" data-testid="dossier-submitted">
                    <p><strong>{ submitted_on(lang, &format::shown_date(lang, at)) }</strong></p>
                    <p>{ D::FrozenHint.t(lang) }</p>
                </div>
            }
            if *restored && (*school != d.school || *company != d.company.text) {
                <div class="notice" role="status" data-testid="dossier-draft-restored">
                    <p>{ D::DraftRestored.t(lang) }</p>
                    <button type="button" class="button secondary" data-testid="dossier-discard-draft" onclick={discard}>{ D::DiscardDraft.t(lang) }</button>
                </div>
            }
            if let Some(e) = &*error { { error_html(lang, e) } }
            if *saved && error.is_none() { <p class="sr-only" role="status">{ D::Saved.t(lang) }</p> }

            <form class="card dossier-part" onsubmit={save_school} aria-labelledby="school-part-title" data-testid="dossier-school-part">
                <h2 id="school-part-title">{ D::SchoolPart.t(lang) }</h2>
                if p.can_edit_school {
                    <div class="field">
                        <label for="dossier-plan-version">{ D::PlanVersion.t(lang) }</label>
                        <select id="dossier-plan-version" data-testid="dossier-plan-version" onchange={on_version}>
                            <option value="" selected={school.plan_version.is_none()}>{ D::ChoosePlanVersion.t(lang) }</option>
                            { for p.plan_versions.iter().rev().map(|v| html! {
                                <option value={v.number.to_string()} selected={school.plan_version == Some(v.number)}>
                                    { version(lang, v.number, &format::shown_date(lang, v.submitted_at)) }
                                </option>
                            }) }
                        </select>
                        { field_error("dossier-plan-version", school_error("plan_version").as_deref()) }
                    </div>
                } else {
                    <p><strong>{ D::PlanVersion.t(lang) }{ ": " }</strong>{ chosen.unwrap_or_else(|| D::Empty.t(lang).to_string()) }</p>
                }
                <DossierText id="dossier-summary" label={D::Summary} hint={D::SummaryHint} value={school.summary.clone()} max={MAX_SUMMARY_CHARS}
                    rows={3} editable={p.can_edit_school} error={school_error("summary")} on_input={set_text(&school, |s, v| s.summary = v)} />
                <DossierText id="dossier-school-text" label={D::SchoolText} hint={D::SchoolTextHint} value={school.text.clone()} max={MAX_TEXT_CHARS}
                    editable={p.can_edit_school} error={school_error("text")} on_input={set_text(&school, |s, v| s.text = v)} />
                <DossierEvidence
                    files={if p.can_edit_school { p.evidence_files.clone() } else { selected(&d.school.evidence, &p.evidence_files) }}
                    selected={school.evidence.clone()} editable={p.can_edit_school} error={school_error("evidence")}
                    href={Callback::from(|id: i64| format!("/api/evidence/{id}"))} on_toggle={on_toggle} />
                if let Some(newer) = &*newer_school {
                    <div class="notice warn" data-testid="dossier-school-stale">
                        <p>{ D::StaleNotice.t(lang) }</p>
                        <p><strong>{ D::TheirVersion.t(lang) }</strong></p>
                        <p class="pre">{ &newer.summary }</p>
                        <p class="pre">{ &newer.text }</p>
                    </div>
                }
                if p.can_edit_school {
                    <div class="form-buttons">
                        <button type="submit" class="button" data-testid="dossier-save-school" disabled={*busy}>
                            { if *busy { D::Saving.t(lang) } else { D::Save.t(lang) } }
                        </button>
                    </div>
                }
            </form>

            <form class="card dossier-part" onsubmit={save_company} aria-labelledby="company-part-title" data-testid="dossier-company-part">
                <h2 id="company-part-title">{ D::CompanyPart.t(lang) }</h2>
                <DossierText id="dossier-company-text" label={D::CompanyText} hint={D::CompanyTextHint} value={(*company).clone()} max={MAX_TEXT_CHARS}
                    editable={p.can_edit_company} error={company_error("text")} on_input={on_company} />
                if let Some(newer) = &*newer_company {
                    <div class="notice warn" data-testid="dossier-company-stale">
                        <p>{ D::StaleNotice.t(lang) }</p>
                        <p><strong>{ D::TheirVersion.t(lang) }</strong></p>
                        <p class="pre">{ newer }</p>
                    </div>
                }
                if p.can_edit_company {
                    <div class="form-buttons">
                        <button type="submit" class="button" data-testid="dossier-save-company" disabled={*busy}>
                            { if *busy { D::Saving.t(lang) } else { D::Save.t(lang) } }
                        </button>
                    </div>
                }
            </form>

            <SignOffPanel page={(*page).clone()} busy={*busy} on_sign={sign} />

            if d.submitted_at.is_some() && is_coordinator(&p) {
                <form class="card" onsubmit={reopen} aria-labelledby="reopen-title" data-testid="dossier-reopen">
                    <h2 id="reopen-title">{ D::ReopenTitle.t(lang) }</h2>
                    <div class="field">
                        <label for="dossier-reopen-reason">{ D::ReopenReason.t(lang) }</label>
                        <textarea id="dossier-reopen-reason" data-testid="dossier-reopen-reason" rows="2" value={(*reason).clone()} oninput={on_reason} />
                        { field_error("dossier-reopen-reason", server_field("reason").as_deref()) }
                    </div>
                    <button type="submit" class="button secondary" data-testid="dossier-reopen-button" disabled={*busy}>{ D::Reopen.t(lang) }</button>
                </form>
            }
        </section>
    }
}

/// The selected files among the school's, in the dossier's order.
fn selected(evidence: &[i64], files: &[rubric::dossier::EvidenceRef]) -> Vec<rubric::dossier::EvidenceRef> {
    evidence.iter().filter_map(|id| files.iter().find(|f| f.id == *id).cloned()).collect()
}

/// The coordinator reads without a side and without editing rights.
fn is_coordinator(p: &DossierPage) -> bool {
    p.side.is_none() && !p.can_edit_school && !p.can_edit_company
}

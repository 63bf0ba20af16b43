//! The three learning networks of the chosen edition: their sessions (date,
//! place, topic), adding and deleting a session, and recording which
//! schools and companies attended.

use super::for_edition;
use super::frame::edition_frame;
use crate::api::{self, ApiError};
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::programme::attendance_editor::AttendanceEditor;
use crate::components::programme::confirm;
use crate::components::programme::session_form::SessionForm;
use crate::hooks::edition_choice::use_edition_choice;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::programme::{localize, network_name, P};
use crate::i18n::{format, pick, Text};
use rubric::programme::{NetworkSession, SessionInput};
use std::future::Future;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
enum Open {
    Nothing,
    NewSession(i64),
    EditSession(i64),
    Attendance(i64),
}

#[component]
pub fn NetworksPage() -> Html {
    let lang = use_lang();
    let choice = use_edition_choice();
    let id = choice.chosen.as_ref().map(|e| e.id);
    let data = use_fetch(id, |id| {
        for_edition(id, |id| async move {
            Ok((
                api::programme::networks(id).await?,
                api::programme::schools(id, false).await?,
                api::programme::companies(id, false).await?,
            ))
        })
    });
    let open = use_state(|| Open::Nothing);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    // Run a change, then close what was open and reload.
    let run = {
        let (busy, error, open, reload) = (busy.clone(), error.clone(), open.clone(), data.reload.clone());
        move |fut: std::pin::Pin<Box<dyn Future<Output = Result<(), ApiError>>>>| {
            let (busy, error, open, reload) = (busy.clone(), error.clone(), open.clone(), reload.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match fut.await {
                    Ok(()) => {
                        error.set(None);
                        open.set(Open::Nothing);
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
    let body = match &data.state {
        Fetch::Loading => html! { <Loading /> },
        Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={data.reload.clone()} /> },
        Fetch::Ready(d) => match d.as_ref() {
            None => html! {},
            Some((networks, schools, companies)) => {
                let school_names: Vec<(i64, String)> = schools.iter().map(|s| (s.id, s.name.clone())).collect();
                let company_names: Vec<(i64, String)> = companies.iter().map(|c| (c.id, c.name.clone())).collect();
                let close = { let o = open.clone(); let e = error.clone(); Callback::from(move |()| { e.set(None); o.set(Open::Nothing) }) };
                let session = |s: &NetworkSession| {
                    let (sid, version) = (s.id, s.version);
                    let attend = { let o = open.clone(); Callback::from(move |_: MouseEvent| o.set(Open::Attendance(sid))) };
                    let edit = { let o = open.clone(); Callback::from(move |_: MouseEvent| o.set(Open::EditSession(sid))) };
                    let update = {
                        let run = run.clone();
                        Callback::from(move |input: SessionInput| {
                            run(Box::pin(async move { api::programme::update_session(sid, &input, version).await }))
                        })
                    };
                    let initial = SessionInput { date: s.date.to_string(), place: s.place.clone(), topic: s.topic.clone() };
                    let delete = {
                        let run = run.clone();
                        Callback::from(move |_: MouseEvent| {
                            if confirm(P::ConfirmDeleteSession.t(lang)) {
                                run(Box::pin(async move { api::programme::delete_session(sid).await }));
                            }
                        })
                    };
                    let save = {
                        let run = run.clone();
                        Callback::from(move |(schools, companies): (Vec<i64>, Vec<i64>)| {
                            run(Box::pin(async move { api::programme::set_attendance(sid, &schools, &companies, version).await }))
                        })
                    };
                    let (ns, nc) = (s.school_ids.len(), s.company_ids.len());
                    let present = pick(
                        lang,
                        format!("{} en {} aanwezig", format::count(ns, "school", "scholen"), format::count(nc, "bedrijf", "bedrijven")),
                        format!("{} and {} present", format::count(ns, "school", "schools"), format::count(nc, "company", "companies")),
                    );
                    html! {
                        <li class="session" data-session={s.date.to_string()}>
                            <div class="session-head">
                                <div>
                                    <strong>{ format::date(lang, s.date) }</strong>
                                    { [s.topic.as_str(), s.place.as_str()].iter().filter(|x| !x.is_empty()).map(|x| format!(" · {x}")).collect::<String>() }
                                    <span class="small muted session-present" data-testid="present">{ " · " }{ present }</span>
                                </div>
                                <div class="actions">
                                    <button type="button" class="link-button" onclick={attend} data-testid="edit-attendance">{ P::Attendance.t(lang) }</button>
                                    <button type="button" class="link-button" onclick={edit} data-testid="edit-session">{ P::Edit.t(lang) }</button>
                                    <button type="button" class="link-button" onclick={delete} disabled={*busy}>{ P::Delete.t(lang) }</button>
                                </div>
                            </div>
                            if *open == Open::EditSession(sid) {
                                <SessionForm prefix={format!("s{sid}")} initial={initial} busy={*busy} server_error={(*error).clone()} on_save={update} on_cancel={close.clone()} />
                            }
                            if *open == Open::Attendance(sid) {
                                <AttendanceEditor schools={school_names.clone()} companies={company_names.clone()}
                                    present_schools={s.school_ids.clone()} present_companies={s.company_ids.clone()}
                                    busy={*busy} on_save={save} on_cancel={close.clone()} />
                            }
                        </li>
                    }
                };
                html! {
                    <>
                    // A refusal at the session's own fields shows in its form;
                    // any other (an attendance naming a school or company no
                    // longer in the edition) here.
                    if let Some(e) = &*error { if e.fields.iter().all(|f| f.field.starts_with("school_ids") || f.field.starts_with("company_ids")) { <ErrorBox error={localize(lang, e)} /> } }
                    { for networks.iter().map(|n| {
                        let nid = n.id;
                        let add = { let o = open.clone(); Callback::from(move |_: MouseEvent| o.set(Open::NewSession(nid))) };
                        let create = {
                            let run = run.clone();
                            Callback::from(move |input: SessionInput| {
                                run(Box::pin(async move { api::programme::create_session(nid, &input).await }))
                            })
                        };
                        html! {
                            <section class="panel network" data-network={n.kind.key()}>
                                <div class="page-head">
                                    <h2>{ network_name(n.kind).t(lang) }</h2>
                                    <button type="button" class="button secondary" onclick={add} data-testid="add-session">{ P::AddSession.t(lang) }</button>
                                </div>
                                if *open == Open::NewSession(nid) {
                                    <SessionForm prefix={format!("n{nid}")} busy={*busy} server_error={(*error).clone()} on_save={create} on_cancel={close.clone()} />
                                }
                                if n.sessions.is_empty() {
                                    <p class="muted">{ P::NoSessions.t(lang) }</p>
                                } else {
                                    <ul class="sessions">{ for n.sessions.iter().map(session) }</ul>
                                }
                            </section>
                        }
                    }) }
                    </>
                }
            }
        },
    };
    edition_frame(lang, P::NetworksTitle, "networks-page", None, &choice, body)
}

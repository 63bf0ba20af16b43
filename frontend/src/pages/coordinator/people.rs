//! People and invitations: invite someone by role and scope and hand them
//! their personal link (copy button), see whose link is open, used or
//! revoked, issue a new link (for someone who signed in, after a warning
//! that it ends their sessions), revoke one, and remove or restore access.

use super::for_edition;
use super::frame::edition_frame;
use crate::api::{self, ApiError};
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::programme::invite_form::InviteForm;
use crate::components::programme::link_box::LinkBox;
use crate::components::programme::{confirm, input_value};
use crate::hooks::edition_choice::use_edition_choice;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::common::role_name;
use crate::i18n::programme::{function_name, localize, P};
use crate::i18n::submission::S;
use crate::hooks::session::use_session;
use crate::i18n::Text;
use rubric::people::Role;
use rubric::programme::{Invitation, InviteInput, LinkStatus, Person};
use rubric::Lang;
use std::future::Future;
use std::pin::Pin;
use yew::prelude::*;

pub fn link_status(lang: Lang, p: &Person) -> Html {
    let (class, text) = match (p.archived, p.link) {
        (true, _) => ("todo", P::NoAccess),
        (_, LinkStatus::Open) => ("progress", P::LinkOpen),
        (_, LinkStatus::Used) => ("done", P::LinkUsed),
        (_, LinkStatus::Revoked) => ("overdue", P::LinkRevoked),
        (_, LinkStatus::None) => ("todo", P::LinkNone),
    };
    html! { <span class={classes!("badge", class)} data-testid="link-status">{ text.t(lang) }</span> }
}

type Action = Pin<Box<dyn Future<Output = Result<Option<Invitation>, ApiError>>>>;

#[component]
pub fn PeoplePage() -> Html {
    let lang = use_lang();
    let me_id = use_session().state.me().map(|m| m.id);
    let choice = use_edition_choice();
    let id = choice.chosen.as_ref().map(|e| e.id);
    let data = use_fetch(id, |id| {
        for_edition(id, |id| async move {
            Ok((
                api::programme::people(id).await?,
                api::programme::schools(id, false).await?,
                api::programme::companies(id, false).await?,
            ))
        })
    });
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let link = use_state(|| None::<Invitation>);
    let invited = use_state(|| 0usize);
    let role = use_state(|| None::<Role>);
    let run = {
        let (busy, error, link, reload) = (busy.clone(), error.clone(), link.clone(), data.reload.clone());
        move |fut: Action| {
            let (busy, error, link, reload) = (busy.clone(), error.clone(), link.clone(), reload.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match fut.await {
                    Ok(new_link) => {
                        error.set(None);
                        if new_link.is_some() {
                            link.set(new_link);
                        }
                        reload.emit(());
                    }
                    Err(e) => error.set(Some(e)),
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
            Some((people, schools, companies)) => {
                let on_invite = {
                    let (run, invited) = (run.clone(), invited.clone());
                    Callback::from(move |input: InviteInput| {
                        invited.set(*invited + 1);
                        run(Box::pin(async move { api::programme::invite(&input).await.map(Some) }))
                    })
                };
                let row = |p: &Person| {
                    let pid = p.id;
                    let act = |action: &'static str, ask: Option<String>| {
                        let run = run.clone();
                        Callback::from(move |_: MouseEvent| {
                            if ask.as_deref().is_some_and(|q| !confirm(q)) {
                                return;
                            }
                            run(Box::pin(async move {
                                if action == "link" {
                                    api::programme::new_link(pid).await.map(Some)
                                } else {
                                    api::programme::person_action(pid, action).await.map(|_| None)
                                }
                            }))
                        })
                    };
                    let scope = p.school_name.clone().or_else(|| p.company_name.clone()).unwrap_or_default();
                    // A new link for someone who signed in ends their sessions: ask first.
                    let reissue_question = p.ever_signed_in.then(|| S::ConfirmReissueSignedIn.t(lang).replace("{name}", &p.name));
                    html! {
                        <tr data-person={p.name.clone()} class={classes!(p.archived.then_some("archived"))}>
                            <th scope="row">{ &p.name }<span class="muted small">{ &p.email }</span></th>
                            <td data-label={P::Role.t(lang)}>{ role_name(p.role).t(lang) }{ p.school_function.map(|f| format!(" · {}", function_name(f).t(lang))).unwrap_or_default() }</td>
                            <td data-label={format!("{} / {}", P::School.t(lang), P::Company.t(lang))}>{ scope }</td>
                            <td data-label={P::LinkTitle.t(lang)}>{ link_status(lang, p) }</td>
                            <td class="actions">
                                if p.archived {
                                    <button type="button" class="link-button" onclick={act("restore", None)} disabled={*busy}>{ P::RestoreAccess.t(lang) }</button>
                                } else {
                                    if me_id != Some(p.id) {
                                        <button type="button" class="link-button" onclick={act("link", reissue_question)} disabled={*busy} data-testid="new-link">{ P::NewLink.t(lang) }</button>
                                    }
                                    if p.link == LinkStatus::Open {
                                        <button type="button" class="link-button" onclick={act("revoke", None)} disabled={*busy} data-testid="revoke-link">{ P::RevokeLink.t(lang) }</button>
                                    }
                                    <button type="button" class="link-button" onclick={act("archive", Some(P::ConfirmRemoveAccess.t(lang).to_string()))} disabled={*busy}>{ P::RemoveAccess.t(lang) }</button>
                                }
                            </td>
                        </tr>
                    }
                };
                let shown: Vec<&Person> = people.iter().filter(|p| role.is_none_or(|r| p.role == r)).collect();
                let set_role = { let r = role.clone(); Callback::from(move |e: Event| r.set(Role::from_key(&input_value(&e)))) };
                let close = { let l = link.clone(); Callback::from(move |()| l.set(None)) };
                html! {
                    <>
                    <section class="panel">
                        <h2>{ P::InviteTitle.t(lang) }</h2>
                        <InviteForm schools={schools.iter().map(|s| (s.id, s.name.clone())).collect::<Vec<_>>()}
                            companies={companies.iter().map(|c| (c.id, c.name.clone())).collect::<Vec<_>>()}
                            busy={*busy} server_error={(*error).clone()} reset_key={*invited} on_invite={on_invite} />
                    </section>
                    if let Some(i) = &*link { <LinkBox name={i.person.name.clone()} link={i.link.clone()} on_close={close} /> }
                    if let Some(e) = &*error { if e.fields.is_empty() { <ErrorBox error={localize(lang, e)} /> } }
                    <div class="filters">
                        <label>{ P::Role.t(lang) }
                            <select onchange={set_role}>
                                <option value="" selected={role.is_none()}>{ "—" }</option>
                                { for Role::ALL.iter().map(|r| html! { <option value={r.key()} selected={*role == Some(*r)}>{ role_name(*r).t(lang) }</option> }) }
                            </select>
                        </label>
                    </div>
                    <div class="table-scroll">
                    <table class="table cards-on-phone" data-testid="people">
                        <thead><tr>
                            <th scope="col">{ P::Name.t(lang) }</th>
                            <th scope="col">{ P::Role.t(lang) }</th>
                            <th scope="col">{ P::School.t(lang) }{ " / " }{ P::Company.t(lang) }</th>
                            <th scope="col">{ P::LinkTitle.t(lang) }</th>
                            <th scope="col">{ P::Actions.t(lang) }</th>
                        </tr></thead>
                        <tbody>{ for shown.into_iter().map(row) }</tbody>
                    </table>
                    </div>
                    </>
                }
            }
        },
    };
    edition_frame(lang, P::PeopleTitle, "people-page", None, &choice, body)
}

//! For a school's STEM coordinator: invite colleagues of their own school
//! as nulmeting respondents, and send a new link to a colleague who never
//! signed in. A colleague who signed in gets a new link from the programme
//! coordinator only (`rubric::access::may_reissue_link`); the row says so.

use crate::api::{self, ApiError};
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::programme::invite_form::InviteForm;
use crate::components::programme::link_box::LinkBox;
use crate::hooks::session::use_session;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::programme::{function_name, localize, P};
use crate::i18n::submission::S;
use crate::i18n::Text;
use crate::pages::coordinator::people::link_status;
use rubric::programme::{ColleagueInput, Invitation, InviteInput};
use rubric::access::{may_reissue_link, LinkPermission};
use yew::prelude::*;

#[component]
pub fn ColleaguesPage() -> Html {
    let lang = use_lang();
    let session = use_session();
    let me = session.state.me().cloned();
    let team = use_fetch((), |()| api::programme::my_team());
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let link = use_state(|| None::<Invitation>);
    let invited = use_state(|| 0usize);
    let done = {
        let (busy, error, link, reload) = (busy.clone(), error.clone(), link.clone(), team.reload.clone());
        Callback::from(move |r: Result<Invitation, ApiError>| {
            busy.set(false);
            match r {
                Ok(i) => {
                    error.set(None);
                    link.set(Some(i));
                    reload.emit(());
                }
                Err(e) => error.set(Some(e)),
            }
        })
    };
    let on_invite = {
        let (done, busy, invited) = (done.clone(), busy.clone(), invited.clone());
        Callback::from(move |i: InviteInput| {
            let done = done.clone();
            busy.set(true);
            invited.set(*invited + 1);
            let input = ColleagueInput { name: i.name, email: i.email, school_function: i.school_function };
            wasm_bindgen_futures::spawn_local(async move { done.emit(api::programme::invite_colleague(&input).await) });
        })
    };
    let body = match &team.state {
        Fetch::Loading => html! { <Loading /> },
        Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={team.reload.clone()} /> },
        Fetch::Ready(people) => html! {
            if people.is_empty() {
                <p class="muted">{ P::NoColleagues.t(lang) }</p>
            } else {
                <table class="table cards-on-phone" data-testid="colleagues">
                    <thead><tr>
                        <th scope="col">{ P::Name.t(lang) }</th>
                        <th scope="col">{ P::Function.t(lang) }</th>
                        <th scope="col">{ P::LinkTitle.t(lang) }</th>
                        <th scope="col"><span class="visually-hidden">{ P::Actions.t(lang) }</span></th>
                    </tr></thead>
                    <tbody>
                    { for people.iter().map(|p| {
                        let (done, set_busy, id) = (done.clone(), busy.clone(), p.id);
                        let again = Callback::from(move |_: MouseEvent| {
                            let done = done.clone();
                            set_busy.set(true);
                            wasm_bindgen_futures::spawn_local(async move { done.emit(api::programme::colleague_link(id).await) });
                        });
                        html! {
                            <tr data-person={p.name.clone()}>
                                <th scope="row">{ &p.name }</th>
                                <td data-label={P::Function.t(lang)}>{ p.school_function.map(|f| function_name(f).t(lang)).unwrap_or_default() }</td>
                                <td data-label={P::LinkTitle.t(lang)}>{ link_status(lang, p) }</td>
                                <td class="actions">
                                    if !p.archived {
                                        { match me.as_ref().map(|me| may_reissue_link(me, &p.link_target())) {
                                            Some(LinkPermission::Allowed) => html! {
                                                <button type="button" class="link-button" data-testid="new-link" onclick={again} disabled={*busy}>{ P::NewLink.t(lang) }</button>
                                            },
                                            Some(LinkPermission::SignedIn) => html! {
                                                <span class="muted small" data-testid="signed-in-note">{ S::SignedInAskCoordinator.t(lang) }</span>
                                            },
                                            _ => html! {},
                                        } }
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            }
        },
    };
    let close = { let l = link.clone(); Callback::from(move |()| l.set(None)) };
    html! {
        <section class="page" data-testid="colleagues-page">
            <h1>{ P::ColleaguesTitle.t(lang) }</h1>
            <p class="lead">{ P::ColleaguesLead.t(lang) }</p>
            <section class="panel">
                <InviteForm schools={Vec::new()} companies={Vec::new()} colleagues_only=true busy={*busy}
                    server_error={(*error).clone()} reset_key={*invited} on_invite={on_invite} />
            </section>
            if let Some(i) = &*link { <LinkBox name={i.person.name.clone()} link={i.link.clone()} on_close={close} /> }
            if let Some(e) = &*error { if e.fields.is_empty() { <ErrorBox error={localize(lang, e)} /> } }
            { body }
        </section>
    }
}

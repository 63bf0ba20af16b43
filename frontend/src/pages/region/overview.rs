//! `/region/:id`: a region with its schools (and their level), companies,
//! other partners and regional coordinators. The region's coordinator adds
//! and removes partners; the programme coordinator also chooses the
//! region's schools and companies and invites regional coordinators.

use super::run_change;
use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::form::event_value;
use crate::components::loading::Loading;
use crate::components::region::members_editor::MembersEditor;
use crate::hooks::session::use_session;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::regions::{field_error_at, first_field_error, level_name, partner_kind_name, region_error, R};
use crate::i18n::Text;
use rubric::people::Role;
use rubric::region::{validate_partner, CoordinatorInput, PartnerInput, PartnerKind, RegionDetail, RegionMembers};
use crate::components::region::markup::{cell, col, text_field, TextField};
use yew::prelude::*;
use crate::router::*;

#[derive(Properties, PartialEq)]
pub struct RegionPageProps {
    pub id: i64,
}

#[component]
pub fn RegionPage(props: &RegionPageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let coordinator = session.state.me().is_some_and(|m| m.role == Role::Coordinator);
    let fetch = use_fetch(props.id, api::regions::detail);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let partner = use_state(PartnerInput::default);
    let invitee = use_state(CoordinatorInput::default);
    let link = use_state(|| None::<String>);
    let editing = use_state(|| false);
    // The partner form's own check, in the reader's language at the name.
    let partner_local = use_state(|| None::<String>);
    let id = props.id;
    let run = {
        let (busy, error, reload) = (busy.clone(), error.clone(), fetch.reload.clone());
        move |change: super::Change| run_change(change, busy.clone(), error.clone(), reload.clone())
    };
    let body = match &fetch.state {
        Fetch::Loading => return html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => return html! { <section class="page"><ErrorBox error={e.clone()} on_retry={fetch.reload.clone()} /></section> },
        Fetch::Ready(d) => d.clone(),
    };
    let d: &RegionDetail = &body;
    let add_partner = {
        let (run, partner, partner_local) = (run.clone(), partner.clone(), partner_local.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = (*partner).clone();
            if let Err(e) = validate_partner(&input) {
                partner_local.set(Some(region_error(lang, &e)));
                return;
            }
            partner_local.set(None);
            let partner = partner.clone();
            run(Box::pin(async move {
                api::regions::add_partner(id, &input).await?;
                partner.set(PartnerInput::default());
                Ok(())
            }));
        })
    };
    let remove_partner = |pid: i64| {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| {
            if crate::components::programme::confirm(R::ConfirmRemove.t(lang)) {
                run(Box::pin(async move { api::regions::remove_partner(id, pid).await.map(|_| ()) }));
            }
        })
    };
    let invite = {
        let (run, invitee, link) = (run.clone(), invitee.clone(), link.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = (*invitee).clone();
            let (invitee, link) = (invitee.clone(), link.clone());
            run(Box::pin(async move {
                let inv = api::regions::invite(id, &input).await?;
                link.set(Some(inv.link));
                invitee.set(CoordinatorInput::default());
                Ok(())
            }));
        })
    };
    let save_members = {
        let (run, editing, version) = (run.clone(), editing.clone(), d.region.version);
        Callback::from(move |members: RegionMembers| {
            let editing = editing.clone();
            run(Box::pin(async move {
                api::regions::set_members(id, &members, version).await?;
                editing.set(false);
                Ok(())
            }));
        })
    };
    let partner_error = (*partner_local).clone().or_else(|| (*error).as_ref().and_then(|e| field_error_at(lang, e, "name")));
    // A refusal of the members (a school or company no longer in the
    // edition, one named twice): shown at the members, in the reader's words.
    let members_error = (*error).as_ref().filter(|e| e.field_error("name").is_none()).and_then(|e| first_field_error(lang, e));
    let kinds = PartnerKind::ALL;
    html! {
        <section class="page" data-testid="region-page">
            <h1>{ d.region.name.clone() }</h1>
            <p class="form-buttons"><Link classes="button" to={Route::RegionPortrait { id }}>{ R::OpenPortrait.t(lang) }</Link></p>
            <p class="form-buttons" data-testid="region-plan-links">
                <Link classes="button" to={Route::RegionPlan { id }}>{ R::PlanLink.t(lang) }</Link>
                <Link classes="button secondary" to={Route::RegionDossier { id }}>{ R::DossierLink.t(lang) }</Link>
            </p>
            if let Some(e) = (*error).as_ref().filter(|e| e.fields.is_empty()) { <ErrorBox error={e.clone()} /> }
            <section class="panel" data-testid="region-schools">
                <h2>{ R::Schools.t(lang) }</h2>
                if d.schools.is_empty() {
                    <p class="muted">{ R::NoSchools.t(lang) }</p>
                } else {
                    <table class="cards-on-phone">
                        <thead><tr>{ col(R::School.t(lang)) }{ col(R::Level.t(lang)) }</tr></thead>
                        <tbody>
                            { for d.schools.iter().map(|s| html! {
                                <tr key={s.school_id}>
                                    { cell(R::School.t(lang), html! { { s.name.clone() } }) }
                                    { cell(R::Level.t(lang), html! { { level_name(lang, s.level) } }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
                <h2>{ R::Companies.t(lang) }</h2>
                if d.companies.is_empty() {
                    <p class="muted">{ R::NoCompanies.t(lang) }</p>
                } else {
                    <ul>{ for d.companies.iter().map(|c| html! { <li key={c.company_id}>{ c.name.clone() }</li> }) }</ul>
                }
                if coordinator {
                    if *editing {
                        <MembersEditor edition={d.region.edition_id} schools={d.schools.clone()} companies={d.companies.iter().map(|c| c.company_id).collect::<Vec<_>>()}
                            busy={*busy} on_save={save_members} on_cancel={ let e = editing.clone(); Callback::from(move |()| e.set(false)) } />
                    } else {
                        <button type="button" class="button secondary" data-testid="edit-members"
                            onclick={ let e = editing.clone(); move |_| e.set(true) }>{ R::EditMembers.t(lang) }</button>
                    }
                }
                if let Some(m) = members_error { <p class="error-box" role="alert" data-testid="members-error">{ m }</p> }
            </section>
            <section class="panel" data-testid="region-partners">
                <h2>{ R::Partners.t(lang) }</h2>
                if d.partners.is_empty() {
                    <p class="muted">{ R::NoPartners.t(lang) }</p>
                } else {
                    <ul>
                        { for d.partners.iter().map(|p| html! {
                            <li key={p.id}>{ format!("{} ({}) ", p.name, partner_kind_name(lang, p.kind)) }
                                <button type="button" class="link-button" onclick={remove_partner(p.id)} disabled={*busy}
                                    aria-label={format!("{} {}", R::Remove.t(lang), p.name)}>{ R::Remove.t(lang) }</button>
                            </li>
                        }) }
                    </ul>
                }
                <form onsubmit={add_partner} class="inline-form">
                    { text_field(TextField { id: "partner-name", label: R::PartnerName.t(lang), value: partner.name.clone(), error: partner_error, max: "120", ..Default::default() },
                        { let p = partner.clone(); Callback::from(move |e: InputEvent| p.set(PartnerInput { name: event_value(&e.into()), ..(*p).clone() })) }) }
                    <label for="partner-kind">{ R::PartnerKindLabel.t(lang) }</label>
                    <select id="partner-kind" onchange={ let p = partner.clone(); move |e: Event| {
                        let kind = PartnerKind::from_key(&event_value(&e)).unwrap_or_default();
                        p.set(PartnerInput { kind, ..(*p).clone() });
                    } }>
                        { for kinds.iter().map(|k| html! { <option value={k.key()} selected={partner.kind == *k}>{ partner_kind_name(lang, *k) }</option> }) }
                    </select>
                    <button type="submit" class="button secondary" disabled={*busy}>{ R::AddPartner.t(lang) }</button>
                </form>
            </section>
            <section class="panel" data-testid="region-coordinators">
                <h2>{ R::Coordinators.t(lang) }</h2>
                if d.coordinators.is_empty() {
                    <p class="muted">{ R::NoCoordinators.t(lang) }</p>
                } else {
                    <ul>
                        { for d.coordinators.iter().map(|c| html! {
                            <li key={c.person_id}>{ format!("{} ({})", c.name, if c.signed_in { R::SignedIn.t(lang) } else { R::NotSignedIn.t(lang) }) }</li>
                        }) }
                    </ul>
                }
                if coordinator {
                    <form onsubmit={invite} class="inline-form">
                        <label for="rc-name">{ R::Name.t(lang) }</label>
                        <input id="rc-name" type="text" maxlength="120" value={invitee.name.clone()}
                            oninput={ let p = invitee.clone(); move |e: InputEvent| p.set(CoordinatorInput { name: event_value(&e.into()), ..(*p).clone() }) } />
                        <label for="rc-email">{ R::Email.t(lang) }</label>
                        <input id="rc-email" type="email" value={invitee.email.clone()}
                            oninput={ let p = invitee.clone(); move |e: InputEvent| p.set(CoordinatorInput { email: event_value(&e.into()), ..(*p).clone() }) } />
                        <button type="submit" class="button secondary" disabled={*busy}>{ R::Invite.t(lang) }</button>
                    </form>
                    if let Some(l) = &*link {
                        <p data-testid="invite-link">{ R::LinkToShare.t(lang) }{ " " }<code>{ l.clone() }</code></p>
                    }
                }
            </section>
        </section>
    }
}

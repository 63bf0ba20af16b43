//! Matching schools to sponsor companies: the schools on the left (with
//! their sponsor, or none yet), and for the chosen school its nulmeting
//! profile next to the candidate companies, best first.

use super::for_edition;
use super::frame::edition_frame;
use crate::api::{self, ApiError};
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::programme::profile_bars::profile_bars;
use crate::hooks::edition_choice::use_edition_choice;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::programme::{track_name, P};
use crate::i18n::{pick, Text};
use rubric::programme::rank_candidates;
use yew::prelude::*;

#[component]
pub fn MatchingPage() -> Html {
    let lang = use_lang();
    let choice = use_edition_choice();
    let id = choice.chosen.as_ref().map(|e| e.id);
    let data = use_fetch(id, |id| for_edition(id, api::programme::matching));
    let selected = use_state(|| None::<i64>);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let body = match &data.state {
        Fetch::Loading => html! { <Loading /> },
        Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={data.reload.clone()} /> },
        Fetch::Ready(m) => match m.as_ref() {
            None => html! {},
            Some(m) if m.schools.is_empty() => html! { <p class="notice">{ P::NoSchools.t(lang) }</p> },
            Some(m) => {
                let current = selected
                    .and_then(|id| m.schools.iter().find(|s| s.school.id == id))
                    .or_else(|| m.schools.iter().find(|s| s.school.company_id.is_none()))
                    .or_else(|| m.schools.first());
                let list = html! {
                    <ul class="pick-list" data-testid="match-schools">
                        { for m.schools.iter().map(|s| {
                            let id = s.school.id;
                            let on = current.map(|c| c.school.id) == Some(id);
                            let sponsor = s.school.company_id.and_then(|c| m.companies.iter().find(|x| x.id == c)).map(|c| c.name.clone());
                            let choose = { let sel = selected.clone(); Callback::from(move |_: MouseEvent| sel.set(Some(id))) };
                            html! {
                                <li>
                                    <button type="button" class={classes!("pick", on.then_some("active"))} aria-pressed={on.to_string()} onclick={choose} data-school={s.school.name.clone()}>
                                        <span class="school-name">{ &s.school.name }</span>
                                        <span class={classes!("small", if sponsor.is_some() { "muted" } else { "warn" })}>
                                            { sponsor.unwrap_or_else(|| P::NoSponsor.t(lang).to_string()) }
                                        </span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                };
                let detail = match current {
                    None => html! { <p>{ P::PickSchool.t(lang) }</p> },
                    Some(s) => {
                        let school = &s.school;
                        let set = |company: Option<i64>| {
                            let (busy, error, reload, sid, version) = (busy.clone(), error.clone(), data.reload.clone(), school.id, school.version);
                            Callback::from(move |_: MouseEvent| {
                                let (busy, error, reload) = (busy.clone(), error.clone(), reload.clone());
                                busy.set(true);
                                wasm_bindgen_futures::spawn_local(async move {
                                    match api::programme::set_sponsor(sid, company, version).await {
                                        Ok(_) => {
                                            error.set(None);
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
                            })
                        };
                        let town = rubric::people::fold_case(school.town.trim());
                        let tracks: Vec<&str> = school.tracks.iter().map(|t| track_name(*t).t(lang)).collect();
                        html! {
                            <div class="match-detail" data-testid="match-detail">
                                <h2>{ &school.name }</h2>
                                <p class="muted">{ [school.town.clone(), school.region.clone(), tracks.join(", ")].iter().filter(|x| !x.is_empty()).cloned().collect::<Vec<_>>().join(" · ") }</p>
                                <h3>{ P::ProfileTitle.t(lang) }</h3>
                                { match &s.profile {
                                    Some(aspects) => profile_bars(lang, aspects),
                                    None => html! { <p class="notice" data-testid="no-profile">{ P::NoProfile.t(lang) }</p> },
                                } }
                                <h3>{ P::Candidates.t(lang) }</h3>
                                if let Some(e) = &*error { <ErrorBox error={e.clone()} /> }
                                <ul class="candidates" data-testid="candidates">
                                    { for rank_candidates(school, &m.companies).into_iter().map(|c| {
                                        let is_current = school.company_id == Some(c.id);
                                        let same_town = !town.is_empty() && rubric::people::fold_case(c.town.trim()) == town;
                                        html! {
                                            <li class={classes!("candidate", is_current.then_some("current"))} data-company={c.name.clone()}>
                                                <div>
                                                    <strong>{ &c.name }</strong>
                                                    <span class="muted small">{ [c.town.as_str(), c.sector.as_str()].iter().filter(|x| !x.is_empty()).copied().collect::<Vec<_>>().join(" · ") }</span>
                                                    if same_town { <span class="badge done">{ P::SameTown.t(lang) }</span> }
                                                    <span class="small muted">{ match c.schools {
                                                        0 => pick(lang, "sponsort nog geen school".to_string(), "sponsors no school yet".to_string()),
                                                        1 => pick(lang, "sponsort 1 school".to_string(), "sponsors 1 school".to_string()),
                                                        n => pick(lang, format!("sponsort {n} scholen"), format!("sponsors {n} schools")),
                                                    } }</span>
                                                </div>
                                                if is_current {
                                                    <span class="badge progress">{ P::Current.t(lang) }</span>
                                                    <button type="button" class="button secondary" onclick={set(None)} disabled={*busy}>{ P::Unmatch.t(lang) }</button>
                                                } else {
                                                    <button type="button" class="button" onclick={set(Some(c.id))} disabled={*busy} data-testid="choose-sponsor">{ P::Choose.t(lang) }</button>
                                                }
                                            </li>
                                        }
                                    }) }
                                </ul>
                                if m.companies.is_empty() { <p class="notice">{ P::NoCompanies.t(lang) }</p> }
                            </div>
                        }
                    }
                };
                html! { <div class="match-grid">{ list }{ detail }</div> }
            }
        },
    };
    edition_frame(lang, P::MatchingTitle, "matching-page", Some(P::MatchingLead), &choice, body)
}

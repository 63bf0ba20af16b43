//! The programme coordinator's choice of a region's schools (each with its
//! level) and companies, from the region's edition.

use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::form::event_value;
use crate::components::loading::Loading;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::regions::{level_name, R};
use crate::i18n::Text;
use rubric::region::{MemberSchool, RegionMembers, RegionSchool, SchoolLevel};
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MembersEditorProps {
    pub edition: i64,
    pub schools: Vec<RegionSchool>,
    pub companies: Vec<i64>,
    pub busy: bool,
    pub on_save: Callback<RegionMembers>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn MembersEditor(props: &MembersEditorProps) -> Html {
    let lang = use_lang();
    let options = use_fetch(props.edition, |e| async move {
        Ok((api::regions::edition_members(e, false).await?, api::regions::edition_members(e, true).await?))
    });
    let schools = use_state(|| {
        // Inserted one by one: collecting into a map sorts, and the sort's code is bytes.
        let mut chosen = BTreeMap::new();
        for s in &props.schools {
            chosen.insert(s.school_id, s.level);
        }
        chosen
    });
    let companies = use_state(|| props.companies.clone());
    let data = match &options.state {
        Fetch::Loading => return html! { <Loading /> },
        Fetch::Failed(e) => return html! { <ErrorBox error={e.clone()} on_retry={options.reload.clone()} /> },
        Fetch::Ready(data) => data,
    };
    let (all_schools, all_companies) = data.as_ref();
    let save = {
        let (schools, companies, on_save) = (schools.clone(), companies.clone(), props.on_save.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let members = RegionMembers {
                schools: schools.iter().map(|(&school_id, &level)| MemberSchool { school_id, level }).collect(),
                companies: (*companies).clone(),
            };
            on_save.emit(members);
        })
    };
    html! {
        <form class="members-editor" onsubmit={save} data-testid="members-editor">
            <fieldset>
                <legend>{ R::Schools.t(lang) }</legend>
                if all_schools.is_empty() { <p class="muted">{ R::EditionHasNoSchools.t(lang) }</p> }
                { for all_schools.iter().map(|s| {
                    let sid = s.id;
                    let level = schools.get(&sid).copied();
                    let toggle = { let st = schools.clone(); move |_: Event| {
                        let mut next = (*st).clone();
                        if next.remove(&sid).is_none() { next.insert(sid, SchoolLevel::default()); }
                        st.set(next);
                    } };
                    let set_level = { let st = schools.clone(); move |e: Event| {
                        let mut next = (*st).clone();
                        next.insert(sid, SchoolLevel::from_key(&event_value(&e)).unwrap_or_default());
                        st.set(next);
                    } };
                    html! {
                        <div class="member-row" key={sid}>
                            <label><input type="checkbox" checked={level.is_some()} onchange={toggle} />{ format!(" {}", s.name) }</label>
                            if let Some(level) = level {
                                <select aria-label={format!("{} {}", R::Level.t(lang), s.name)} onchange={set_level}>
                                    { for SchoolLevel::ALL.iter().map(|l| html! { <option value={l.key()} selected={*l == level}>{ level_name(lang, *l) }</option> }) }
                                </select>
                            }
                        </div>
                    }
                }) }
            </fieldset>
            <fieldset>
                <legend>{ R::Companies.t(lang) }</legend>
                if all_companies.is_empty() { <p class="muted">{ R::EditionHasNoCompanies.t(lang) }</p> }
                { for all_companies.iter().map(|c| {
                    let cid = c.id;
                    let on = companies.contains(&cid);
                    let toggle = { let st = companies.clone(); move |_: Event| {
                        let mut next = (*st).clone();
                        if on { next.retain(|x| *x != cid) } else { next.push(cid) }
                        st.set(next);
                    } };
                    html! { <div class="member-row" key={cid}><label><input type="checkbox" checked={on} onchange={toggle} />{ format!(" {}", c.name) }</label></div> }
                }) }
            </fieldset>
            <div class="actions">
                <button type="submit" class="button" disabled={props.busy}>{ R::SaveMembers.t(lang) }</button>
                <button type="button" class="button secondary" onclick={ let c = props.on_cancel.clone(); move |_| c.emit(()) }>{ R::Cancel.t(lang) }</button>
            </div>
        </form>
    }
}

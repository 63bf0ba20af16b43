//! Ticking who attended a session: the edition's schools and companies as
//! two lists of checkboxes, saved together.

use crate::hooks::use_lang;
use crate::i18n::programme::P;
use crate::i18n::Text;
use std::collections::BTreeSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AttendanceEditorProps {
    pub schools: Vec<(i64, String)>,
    pub companies: Vec<(i64, String)>,
    pub present_schools: Vec<i64>,
    pub present_companies: Vec<i64>,
    #[prop_or_default]
    pub busy: bool,
    pub on_save: Callback<(Vec<i64>, Vec<i64>)>,
    pub on_cancel: Callback<()>,
}

fn checklist(
    legend: &str,
    kind: &'static str,
    items: &[(i64, String)],
    chosen: &UseStateHandle<BTreeSet<i64>>,
) -> Html {
    html! {
        <fieldset class="checklist">
            <legend>{ legend }</legend>
            { for items.iter().map(|(id, name)| {
                let (id, set) = (*id, chosen.clone());
                let on = chosen.contains(&id);
                let toggle = Callback::from(move |_: Event| {
                    let mut next = (*set).clone();
                    if !next.remove(&id) { next.insert(id); }
                    set.set(next);
                });
                html! {
                    <label class="check">
                        <input type="checkbox" checked={on} onchange={toggle} data-attendee={format!("{kind}-{id}")} />
                        { name }
                    </label>
                }
            }) }
        </fieldset>
    }
}

#[component]
pub fn AttendanceEditor(p: &AttendanceEditorProps) -> Html {
    let lang = use_lang();
    let schools = use_state(|| p.present_schools.iter().copied().collect::<BTreeSet<i64>>());
    let companies = use_state(|| p.present_companies.iter().copied().collect::<BTreeSet<i64>>());
    let save = {
        let (s, c, cb) = (schools.clone(), companies.clone(), p.on_save.clone());
        Callback::from(move |_: MouseEvent| cb.emit((s.iter().copied().collect(), c.iter().copied().collect())))
    };
    let cancel = p.on_cancel.clone();
    html! {
        <div class="attendance-editor" data-testid="attendance-editor">
            <div class="two-columns">
                { checklist(P::Schools.t(lang), "school", &p.schools, &schools) }
                { checklist(P::Companies.t(lang), "company", &p.companies, &companies) }
            </div>
            <div class="form-actions">
                <button type="button" class="button" disabled={p.busy} onclick={save} data-testid="save-attendance">{ P::SaveAttendance.t(lang) }</button>
                <button type="button" class="button secondary" onclick={move |_| cancel.emit(())}>{ P::Cancel.t(lang) }</button>
            </div>
        </div>
    }
}

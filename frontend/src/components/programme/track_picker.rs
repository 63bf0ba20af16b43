//! The tracks a school offers: three checkboxes in a fieldset, with the
//! error under them.

use crate::i18n::programme::{track_name, P};
use crate::i18n::Text;
use rubric::programme::Track;
use rubric::Lang;
use yew::prelude::*;

pub fn track_picker(lang: Lang, selected: &[Track], error: Option<String>, on_change: &Callback<Vec<Track>>) -> Html {
    html! {
        <fieldset class={classes!("field", "tracks", error.is_some().then_some("has-error"))} data-field="tracks"
            aria-describedby={error.as_ref().map(|_| "tracks-error")}>
            <legend>{ P::Tracks.t(lang) }{ " *" }</legend>
            { for Track::ALL.iter().map(|&t| {
                let on = selected.contains(&t);
                let (selected, cb) = (selected.to_vec(), on_change.clone());
                let toggle = Callback::from(move |_: Event| {
                    let mut next: Vec<Track> = selected.iter().copied().filter(|x| *x != t).collect();
                    if !on { next.push(t); }
                    next.sort();
                    cb.emit(next);
                });
                html! {
                    <label class="check">
                        <input type="checkbox" checked={on} onchange={toggle} data-track={t.key()} />
                        { track_name(t).t(lang) }
                    </label>
                }
            }) }
            if let Some(e) = error { <p class="field-error" id="tracks-error">{ e }</p> }
        </fieldset>
    }
}

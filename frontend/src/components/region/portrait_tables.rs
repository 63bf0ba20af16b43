//! The portrait's numbers as tables: per profile (with the region's total
//! and the expected development) and per school, one column per school
//! year. A wide table scrolls inside a focusable, labelled box.

use crate::hooks::use_lang;
use crate::i18n::regions::{school_year, R};
use crate::i18n::Text;
use rubric::region::portrait::{PortraitSummary, Series};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PortraitTablesProps {
    pub summary: PortraitSummary,
}

fn cell(v: Option<u32>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "–".into())
}

fn table(lang: crate::i18n::Lang, caption: R, first: R, years: &[u16], rows: &[Series], total: Option<&Series>, testid: &'static str) -> Html {
    // The projected years of every row, in order, each once (inserted in
    // place: no sort code for a handful of years).
    let mut projected: Vec<u16> = Vec::new();
    for y in rows.iter().chain(total).flat_map(|s| s.projection.iter().map(|(y, _)| *y)) {
        if let Err(at) = projected.binary_search(&y) {
            projected.insert(at, y);
        }
    }
    let row = |s: &Series, label: String| html! {
        <tr>
            <th scope="row">{ label }</th>
            { for s.counts.iter().map(|c| html! { <td class="num">{ cell(*c) }</td> }) }
            { for projected.iter().map(|y| html! { <td class="num projected">{ cell(s.projection.iter().find(|(py, _)| py == y).map(|(_, v)| *v)) }</td> }) }
        </tr>
    };
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={caption.t(lang)}>
            <table class="numbers" data-testid={testid}>
                <caption>{ caption.t(lang) }</caption>
                <thead><tr>
                    <th scope="col">{ first.t(lang) }</th>
                    { for years.iter().map(|y| html! { <th scope="col" class="num">{ school_year(*y) }</th> }) }
                    { for projected.iter().map(|y| html! { <th scope="col" class="num projected">{ format!("{} ({})", school_year(*y), R::Expected.t(lang)) }</th> }) }
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|s| row(s, s.label.clone())) }
                    if let Some(t) = total { { row(t, R::Total.t(lang).to_string()) } }
                </tbody>
            </table>
        </div>
    }
}

#[component]
pub fn PortraitTables(props: &PortraitTablesProps) -> Html {
    let lang = use_lang();
    let s = &props.summary;
    if s.years.is_empty() {
        return html! { <p class="muted" data-testid="no-pupils">{ R::NoPupils.t(lang) }</p> };
    }
    html! {
        <>
            { table(lang, R::PerTrack, R::Track, &s.years, &s.tracks, s.total.as_ref(), "table-tracks") }
            <p class="small muted">{ R::ExpectedNote.t(lang) }</p>
            { table(lang, R::PerSchool, R::School, &s.years, &s.schools, None, "table-schools") }
        </>
    }
}

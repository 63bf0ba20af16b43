//! A school's nulmeting profile per aspect as horizontal bars (1 to 4),
//! with the score in numbers for who cannot see the bars.

use crate::i18n::programme::P;
use crate::i18n::{format, Text};
use rubric::assessment::AspectResult;
use rubric::Lang;
use yew::prelude::*;

pub fn profile_bars(lang: Lang, aspects: &[AspectResult]) -> Html {
    html! {
        <table class="profile-bars" data-testid="profile">
            <caption class="visually-hidden">{ P::ProfileTitle.t(lang) }</caption>
            <tbody>
            { for aspects.iter().map(|a| {
                let name = rubric::names::aspect_name(a.aspect, lang).to_string();
                let width = a.score.map(|s| (s - 1.0).max(0.0) / 3.0 * 100.0).unwrap_or(0.0);
                html! {
                    <tr>
                        <th scope="row">{ name }</th>
                        <td class="bar-cell"><span class="bar" style={format!("width:{}%", width.round() as i64)} /></td>
                        <td class="num">{ a.score.map(|s| format::level_score(lang, s)).unwrap_or_else(|| "–".into()) }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
    }
}

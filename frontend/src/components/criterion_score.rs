//! One criterion on a juror's score sheet: its name, weight and
//! description, the ten scores as radio buttons grouped by the five anchored
//! bands (each band with what it means), and an optional remark. A plain
//! view function: the score sheet owns the state.

use crate::i18n::jury::J;
use crate::i18n::Text;
use rubric::jury::setup::{band_of, CriterionDef, BANDS};
use rubric::jury::Score;
use rubric::Lang;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Everything one criterion row shows and reports.
pub struct CriterionScore<'a> {
    pub lang: Lang,
    pub criterion: &'a CriterionDef,
    pub score: Option<Score>,
    pub remark: &'a str,
    pub disabled: bool,
    pub score_error: Option<String>,
    pub remark_error: Option<String>,
    /// (criterion id, score)
    pub on_score: &'a Callback<(i64, u8)>,
    /// (criterion id, remark)
    pub on_remark: &'a Callback<(i64, String)>,
}

impl CriterionScore<'_> {
    pub fn view(&self) -> Html {
        let (lang, c, id) = (self.lang, self.criterion, self.criterion.id);
        let active = self.score.map(band_of);
        let radio = |n: u8| {
            let on_score = self.on_score.clone();
            let input_id = format!("score-{id}-{n}");
            html! {
                <span class="score-option">
                    <input type="radio" id={input_id.clone()} name={format!("score-{id}")} value={n.to_string()}
                        checked={self.score.map(Score::get) == Some(n)} disabled={self.disabled}
                        onchange={move |_| on_score.emit((id, n))} />
                    <label for={input_id}>{ n }</label>
                </span>
            }
        };
        let on_remark = {
            let cb = self.on_remark.clone();
            Callback::from(move |e: InputEvent| cb.emit((id, e.target_unchecked_into::<HtmlTextAreaElement>().value())))
        };
        let remark_id = format!("remark-{id}");
        html! {
            <fieldset class="criterion-score" data-criterion={id.to_string()}>
                <legend>
                    <span class="cs-name">{ c.name.get(lang) }</span>
                    <span class="cs-weight">{ format!("{} %", c.weight) }</span>
                </legend>
                <p class="muted small">{ c.description.get(lang) }</p>
                <div class="cs-bands" role="radiogroup" aria-label={c.name.get(lang).to_string()}>
                    { for BANDS.iter().enumerate().map(|(b, (lo, hi))| html! {
                        <div class={if active == Some(b) { "cs-band active" } else { "cs-band" }}>
                            <div class="cs-options">{ radio(*lo) }{ radio(*hi) }</div>
                            <p class="cs-anchor">{ c.anchors.get(b).map_or("", |a| a.get(lang)) }</p>
                        </div>
                    }) }
                </div>
                if let Some(e) = &self.score_error { <p class="field-error" role="alert">{ e }</p> }
                <label class="cs-remark-label" for={remark_id.clone()}>
                    { J::RemarkOptional.t(lang) }
                    if self.score.is_none() && !self.disabled { { format!(" ({})", J::ScoreFirst.t(lang)) } }
                </label>
                <textarea id={remark_id} rows="2" value={self.remark.to_string()} oninput={on_remark}
                    disabled={self.disabled || self.score.is_none()} />
                if let Some(e) = &self.remark_error { <p class="field-error" role="alert">{ e }</p> }
            </fieldset>
        }
    }
}

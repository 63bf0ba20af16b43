//! `/coordinator/jury/results/print`: the one-page results sheet for the
//! award ceremony: per category the winner and the ranking with scores,
//! and how the jury reached it, with the scores changed after a reopening.
//! Printable on one A4 page.

use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::score_changes::score_changes;
use crate::components::loading::Loading;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::format::{date, decimal};
use crate::i18n::jury::{reading_text, J};
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::jury::views::ResultsView;
use rubric::Lang;
use yew::prelude::*;

fn sheet(lang: Lang, v: &ResultsView) -> Html {
    let mut m = Markup::new();
    m.raw("<header class=\"sheet-head\">")
        .el("<p class=\"sheet-kicker\">", &v.edition_name, "</p>")
        .el("<h1>", J::SheetTitle.t(lang), "</h1></header>");
    for c in &v.categories {
        let Some(r) = &c.results else { continue };
        m.raw("<section class=\"sheet-category\">").el("<h2>", &c.name, "</h2>");
        if let Some(w) = &r.winner {
            let town = c.finalists.iter().find(|n| &n.key == w).map(|n| n.detail.as_str()).unwrap_or_default();
            m.el("<p class=\"sheet-winner\" data-testid=\"sheet-winner\"><span class=\"muted\">", J::Winner.t(lang), "</span>")
                .el("<strong>", &c.finalist_name(w), "</strong>")
                .el("<span class=\"muted\">", town, "</span></p>");
        }
        m.raw("<ol class=\"sheet-ranking\">");
        for p in &r.ranking {
            m.el("<li><span class=\"place\">", &p.place.to_string(), "</span>")
                .el("<span class=\"who\">", &c.finalist_name(&p.finalist), "</span>")
                .el("<span class=\"num\">", &decimal(lang, p.score, 2), "</span></li>");
        }
        let mut facts = format!("{} {} · {} {}", c.jurors.len(), J::JurorsLower.t(lang), c.submitted_sheets, J::SheetsSubmitted.t(lang));
        if let (Some(value), Some(reading)) = (r.agreement.icc_2_k.value, r.agreement.icc_2_k.reading) {
            facts.push_str(&format!(" · ICC(2,k) {} ({})", decimal(lang, value, 2), reading_text(reading).t(lang)));
        }
        if !r.tie_breaks.is_empty() {
            facts.push_str(&format!(" · {}", J::TieBrokenByRule.t(lang)));
        }
        m.el("</ol><p class=\"small muted\">", &facts, "</p></section>");
    }
    // Scores changed after a reopening (issue 12 places them on the signed sheet).
    score_changes(&mut m, lang, &v.score_changes, &v.criteria);
    let mut foot = J::SheetFooter.t(lang).to_string();
    if let Some(d) = v.settings.locked_at.and_then(rubric::Date::from_unix_seconds) {
        foot.push_str(&format!(" {} {}.", J::LockedOn.t(lang), date(lang, d)));
    }
    m.el("<footer class=\"sheet-foot small muted\">", &foot, "</footer>");
    m.html()
}

#[component]
pub fn JuryResultsPrintPage() -> Html {
    let lang = use_lang();
    let data = use_fetch((), |()| api::jury::results());
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let body = match &data.state {
        Fetch::Loading => html! { <Loading /> },
        Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={data.reload.clone()} /> },
        Fetch::Ready(v) => html! {
            <>
                <div class="no-print sheet-tools">
                    <button type="button" class="button" onclick={print}>{ J::Print.t(lang) }</button>
                    if !v.frozen { <p class="notice warn">{ J::SheetNotLocked.t(lang) }</p> }
                </div>
                { sheet(lang, v) }
            </>
        },
    };
    html! { <section class="page results-sheet" data-testid="results-sheet">{ body }</section> }
}

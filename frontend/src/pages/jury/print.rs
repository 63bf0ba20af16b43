//! `/coordinator/jury/results/print`: the results sheet the chair and the
//! coordinator sign, one A4 page per award category: the ranking with
//! scores (two decimals, rounded one way everywhere), the agreement with
//! its reading or why it has none, the robustness of the winner and the
//! chair's confirmation, jurors who rank differently, warnings, tie-breaks,
//! sheets changed after their juror saw the others' (reopened and submitted
//! again, with every score before → after), the date, and signature lines.

use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::robustness_note::robustness_note;
use crate::hooks::{use_fetch, use_lang, use_session, Fetch};
use crate::i18n::format::{score, shown_date};
use crate::i18n::jury::{not_computable, reading_text, rule_text, warning_text, J};
use crate::i18n::jury_results::{lower_first, place_note_text, sheet_date, R};
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::jury::display::agreement_value;
use rubric::jury::stats::AgreementKind;
use rubric::jury::views::{place_notes, CategoryResults, ResultsView};
use rubric::jury::JuryResults;
use rubric::Lang;
use yew::prelude::*;

/// A heading with a list, or "none" when there is nothing to list.
fn list_or_none(m: &mut Markup, lang: Lang, heading: R, items: &[String], none: R, testid: &'static str) {
    m.el("<h3>", heading.t(lang), "</h3>");
    m.raw("<div data-testid=\"").raw(testid).raw("\">");
    if items.is_empty() {
        m.el("<p class=\"small\">", none.t(lang), "</p>");
    } else {
        m.raw("<ul class=\"small\">");
        for i in items {
            m.el("<li>", i, "</li>");
        }
        m.raw("</ul>");
    }
    m.raw("</div>");
}

fn ranking(m: &mut Markup, lang: Lang, c: &CategoryResults, r: &JuryResults, v: &ResultsView) {
    let criterion = |k: &str| v.criteria.iter().find(|x| x.key() == k).map(|x| x.name.clone());
    let notes = place_notes(r, &criterion);
    // On a phone the ranking scrolls inside a labelled box (issue 14); on paper it fits.
    m.raw("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").text(&c.name).raw("\">");
    m.raw("<table class=\"sheet-table\" data-testid=\"sheet-ranking\"><thead><tr>");
    for (label, num) in [(J::Place, false), (J::Finalist, false), (J::Score, true), (J::Normalized, true), (J::MeanRank, true), (J::Jurors, true)] {
        m.el(if num { "<th scope=\"col\" class=\"num\">" } else { "<th scope=\"col\">" }, label.t(lang), "</th>");
    }
    m.raw("</tr></thead><tbody>");
    for p in &r.ranking {
        let f = r.finalists.iter().find(|f| f.finalist == p.finalist);
        let town = c.finalists.iter().find(|n| n.key == p.finalist).map(|n| n.detail.as_str()).unwrap_or_default();
        m.raw(if r.winner.as_ref() == Some(&p.finalist) { "<tr class=\"is-winner\">" } else { "<tr>" });
        m.el("<td>", &format!("{}{}", p.place, if p.tied { " =" } else { "" }), "</td>");
        m.el("<td><strong>", &c.finalist_name(&p.finalist), "</strong>").el(" <span class=\"muted\">", town, "</span>");
        if let Some(n) = notes.get(&p.finalist) {
            let name = |k: &str| c.finalist_name(k);
            m.el("<br><span class=\"small\">", &place_note_text(lang, &n.renamed(&name)), "</span>");
        }
        m.raw("</td>");
        for value in [Some(p.score), f.and_then(|f| f.normalized_score), f.and_then(|f| f.mean_rank)] {
            m.el("<td class=\"num\">", &value.map_or_else(|| "–".into(), |x| score(lang, x)), "</td>");
        }
        m.el("<td class=\"num\">", &f.map_or(0, |f| f.jurors).to_string(), "</td></tr>");
    }
    m.raw("</tbody></table></div>");
}

fn agreement(m: &mut Markup, lang: Lang, r: &JuryResults) {
    m.el("<h3>", R::SheetAgreement.t(lang), "</h3><ul class=\"small\" data-testid=\"sheet-agreement\">");
    let a = &r.agreement;
    let separator = if lang == Lang::Nl { ',' } else { '.' };
    for (kind, stat) in [(AgreementKind::Icc21, &a.icc_2_1), (AgreementKind::Icc2k, &a.icc_2_k), (AgreementKind::KendallW, &a.kendall_w)] {
        let text = match (agreement_value(stat, separator), stat.reading, stat.not_computable) {
            (Some(value), Some(reading), _) => format!("{}: {value} ({})", kind.label(), reading_text(reading).t(lang)),
            (_, _, Some(reason)) => format!("{}: {} — {}", kind.label(), J::NotComputable.t(lang), not_computable(reason).t(lang)),
            _ => format!("{}: –", kind.label()),
        };
        m.el("<li>", &text, "</li>");
    }
    m.raw("</ul>");
}

fn category_page(m: &mut Markup, lang: Lang, c: &CategoryResults, v: &ResultsView, coordinator: &str, now: i64) {
    m.raw("<section class=\"sheet-page\" data-testid=\"sheet-page\">");
    m.raw("<header class=\"sheet-head\">")
        .el("<p class=\"sheet-kicker\">", &v.edition_name, "</p>")
        .el("<h1>", J::SheetTitle.t(lang), "</h1>")
        .el("<h2 data-testid=\"sheet-category\">", &c.name, "</h2>")
        .el("<p class=\"small muted\" data-testid=\"sheet-date\">", &sheet_date(lang, v.settings.locked_at, now), "</p></header>");
    if !v.frozen {
        m.el("<p class=\"notice warn small\">", J::SheetNotLocked.t(lang), "</p>");
    }
    match &c.results {
        None => {
            m.el("<p class=\"error-box\">", &format!("{} {}", R::SheetNoResults.t(lang), c.problem.as_deref().unwrap_or_default()), "</p>");
        }
        Some(r) => {
            if let Some(w) = &r.winner {
                let town = c.finalists.iter().find(|n| &n.key == w).map(|n| n.detail.as_str()).unwrap_or_default();
                m.el("<div class=\"sheet-winner\" data-testid=\"sheet-winner\"><span class=\"muted\">", J::Winner.t(lang), "</span>")
                    .el("<strong>", &c.finalist_name(w), "</strong>")
                    .el("<span class=\"muted\">", town, "</span></div>");
            } else {
                m.el("<p class=\"notice\">", J::NoWinnerYet.t(lang), "</p>");
            }
            robustness_note(m, lang, c, r);
            ranking(m, lang, c, r, v);
            m.el(
                "<p class=\"small muted\">",
                &format!("{} {} {}/{}", c.jurors.len(), R::SheetJurors.t(lang), c.submitted_sheets, c.expected_sheets),
                "</p>",
            );
            m.raw("<div class=\"sheet-columns\"><div>");
            agreement(m, lang, r);
            let outliers: Vec<String> = r
                .jurors
                .iter()
                .filter(|j| j.flagged)
                .map(|j| format!("{} (ρ = {})", c.juror_name(&j.juror), j.agreement_with_others.map_or_else(|| "–".into(), |x| score(lang, x))))
                .collect();
            list_or_none(m, lang, R::SheetOutliers, &outliers, R::SheetNoOutliers, "sheet-outliers");
            let mut ties: Vec<String> = r
                .tie_breaks
                .iter()
                .map(|t| {
                    let names: Vec<String> = t.finalists.iter().map(|k| c.finalist_name(k)).collect();
                    format!("{} {} {}: {} {}.", names.join(", "), J::TiedAt.t(lang), score(lang, t.score), J::BrokenBy.t(lang), lower_first(&rule_text(lang, &t.rule_applied, &v.criteria)))
                })
                .collect();
            ties.extend(r.unresolved_ties.iter().map(|t| {
                let names: Vec<String> = t.finalists.iter().map(|k| c.finalist_name(k)).collect();
                format!("{} {}: {}", J::ChairMustDecide.t(lang), t.place, names.join(", "))
            }));
            list_or_none(m, lang, R::SheetTieBreaks, &ties, R::SheetNoTieBreaks, "sheet-ties");
            m.raw("</div><div>");
            let warnings: Vec<String> = r.warnings.iter().map(|w| warning_text(lang, w, c)).collect();
            list_or_none(m, lang, R::SheetWarnings, &warnings, R::SheetNoWarnings, "sheet-warnings");
            let changed: Vec<String> = c
                .changed_after_reveal
                .iter()
                .map(|s| {
                    let scores: Vec<String> = s.changes.iter().map(|c| format!("{} {}", c.name.get(lang), c.before_after())).collect();
                    format!("{} · {} · {}: {}", s.juror_name, s.finalist_name, shown_date(lang, s.changed_at), scores.join(", "))
                })
                .collect();
            list_or_none(m, lang, R::SheetChangedHeading, &changed, R::SheetChangedNone, "sheet-changed");
            m.raw("</div></div>");
        }
    }
    m.el("<div class=\"sheet-signatures\" data-testid=\"sheet-signatures\" role=\"group\" aria-label=\"", R::SheetSignatures.t(lang), "\">");
    for (role, name) in [(R::SheetChair, v.chair_name.clone().unwrap_or_default()), (R::SheetCoordinator, coordinator.to_string())] {
        m.el("<div class=\"signature\"><p><strong>", role.t(lang), "</strong>").el(" ", &name, "</p>");
        m.el("<p class=\"signature-line\">", R::SheetSignature.t(lang), "</p>");
        m.el("<p class=\"signature-line\">", R::SheetDateLine.t(lang), "</p></div>");
    }
    m.raw("</div></section>");
}

fn sheet(lang: Lang, v: &ResultsView, coordinator: &str) -> Html {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let mut m = Markup::new();
    if v.categories.is_empty() {
        m.el("<p class=\"muted\">", J::NoCategoriesYet.t(lang), "</p>");
    }
    for c in &v.categories {
        category_page(&mut m, lang, c, v, coordinator, now);
    }
    m.html()
}

#[component]
pub fn JuryResultsPrintPage() -> Html {
    let lang = use_lang();
    let session = use_session();
    let data = use_fetch((), |()| api::jury::results());
    let coordinator = session.state.me().map(|me| me.name.clone()).unwrap_or_default();
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
                { sheet(lang, v, &coordinator) }
            </>
        },
    };
    html! { <section class="page results-sheet" data-testid="results-sheet">{ body }</section> }
}

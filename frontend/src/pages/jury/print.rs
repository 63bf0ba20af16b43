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
use crate::components::category_results::{heads, ranking_columns};
use crate::components::robustness_note::robustness_note;
use crate::hooks::{use_fetch, use_lang, use_session, Fetch};
use crate::i18n::format::{score, shown_date};
use crate::i18n::jury::{not_computable, reading_text, rule_text, warning_text, J};
use crate::i18n::jury_results::{lower_first, place_note_text, sheet_date, R};
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::jury::display::agreement_value;
use rubric::jury::stats::AgreementKind;
use rubric::jury::views::{place_notes, CategoryResults, ResultsView};
use rubric::jury::JuryResults;
use rubric::Lang;
use yew::prelude::*;

/// A heading with a list, or "none" when there is nothing to list.
fn list_or_none(m: &mut Tree, heading: &str, items: &[String], none: &str, testid: &'static str) {
    m.el("h3", "", heading);
    m.open("div", "").attr("data-testid", testid);
    if items.is_empty() {
        m.el("p", "small", none);
    } else {
        m.open("ul", "small");
        for i in items {
            m.el("li", "", i);
        }
        m.close();
    }
    m.close();
}

fn ranking(m: &mut Tree, lang: Lang, c: &CategoryResults, r: &JuryResults, v: &ResultsView) {
    let criterion = |k: &str| v.criteria.iter().find(|x| x.key() == k).map(|x| x.name.clone());
    let notes = place_notes(r, &criterion);
    // On a phone the ranking scrolls inside a labelled box (issue 14); on paper it fits.
    m.open("div", "table-scroll").attr("tabindex", "0").attr("role", "region").attr_value("aria-label", &c.name);
    m.open("table", "sheet-table").attr("data-testid", "sheet-ranking");
    heads(m, &ranking_columns(lang));
    for p in &r.ranking {
        let f = r.finalists.iter().find(|f| f.finalist == p.finalist);
        let town = c.finalists.iter().find(|n| n.key == p.finalist).map(|n| n.detail.as_str()).unwrap_or_default();
        m.open("tr", if r.winner.as_ref() == Some(&p.finalist) { "is-winner" } else { "" });
        m.el("td", "", &format!("{}{}", p.place, if p.tied { " =" } else { "" }));
        m.open("td", "").el("strong", "", &c.finalist_name(&p.finalist)).text(" ").el("span", "muted", town);
        if let Some(n) = notes.get(&p.finalist) {
            let name = |k: &str| c.finalist_name(k);
            m.open("br", "").close().el("span", "small", &place_note_text(lang, &n.renamed(&name)));
        }
        m.close();
        for value in [Some(p.score), f.and_then(|f| f.normalized_score), f.and_then(|f| f.mean_rank)] {
            m.el("td", "num", &value.map_or_else(|| "–".into(), |x| score(lang, x)));
        }
        m.el("td", "num", &f.map_or(0, |f| f.jurors).to_string()).close();
    }
    // tbody, table, the scrolling box
    m.close().close().close();
}

fn agreement(m: &mut Tree, lang: Lang, r: &JuryResults) {
    m.el("h3", "", R::SheetAgreement.t(lang)).open("ul", "small").attr("data-testid", "sheet-agreement");
    let a = &r.agreement;
    let separator = if lang == Lang::Nl { ',' } else { '.' };
    for (kind, stat) in [(AgreementKind::Icc21, &a.icc_2_1), (AgreementKind::Icc2k, &a.icc_2_k), (AgreementKind::KendallW, &a.kendall_w)] {
        let text = match (agreement_value(stat, separator), stat.reading, stat.not_computable) {
            (Some(value), Some(reading), _) => format!("{}: {value} ({})", kind.label(), reading_text(lang, reading)),
            (_, _, Some(reason)) => format!("{}: {} — {}", kind.label(), J::NotComputable.t(lang), not_computable(lang, reason)),
            _ => format!("{}: –", kind.label()),
        };
        m.el("li", "", &text);
    }
    m.close();
}

fn category_page(m: &mut Tree, lang: Lang, c: &CategoryResults, v: &ResultsView, coordinator: &str, now: i64) {
    m.open("section", "sheet-page").attr("data-testid", "sheet-page");
    m.open("header", "sheet-head")
        .el("p", "sheet-kicker", &v.edition_name)
        .el("h1", "", J::SheetTitle.t(lang))
        .open("h2", "")
        .attr("data-testid", "sheet-category")
        .text(&c.name)
        .close()
        .open("p", "small muted")
        .attr("data-testid", "sheet-date")
        .text(&sheet_date(lang, v.settings.locked_at, now))
        .close()
        .close();
    if !v.frozen {
        m.el("p", "notice warn small", J::SheetNotLocked.t(lang));
    }
    match &c.results {
        None => {
            m.el("p", "error-box", &format!("{} {}", R::SheetNoResults.t(lang), c.problem.as_deref().unwrap_or_default()));
        }
        Some(r) => {
            if let Some(w) = &r.winner {
                let town = c.finalists.iter().find(|n| &n.key == w).map(|n| n.detail.as_str()).unwrap_or_default();
                m.open("div", "sheet-winner")
                    .attr("data-testid", "sheet-winner")
                    .el("span", "muted", J::Winner.t(lang))
                    .el("strong", "", &c.finalist_name(w))
                    .el("span", "muted", town)
                    .close();
            } else {
                m.el("p", "notice", J::NoWinnerYet.t(lang));
            }
            robustness_note(m, lang, c, r);
            ranking(m, lang, c, r, v);
            m.el(
                "p",
                "small muted",
                &format!("{} {} {}/{}", c.jurors.len(), R::SheetJurors.t(lang), c.submitted_sheets, c.expected_sheets),
            );
            m.open("div", "sheet-columns").open("div", "");
            agreement(m, lang, r);
            let outliers: Vec<String> = r
                .jurors
                .iter()
                .filter(|j| j.flagged)
                .map(|j| format!("{} (ρ = {})", c.juror_name(&j.juror), j.agreement_with_others.map_or_else(|| "–".into(), |x| score(lang, x))))
                .collect();
            list_or_none(m, R::SheetOutliers.t(lang), &outliers, R::SheetNoOutliers.t(lang), "sheet-outliers");
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
            list_or_none(m, R::SheetTieBreaks.t(lang), &ties, R::SheetNoTieBreaks.t(lang), "sheet-ties");
            m.close().open("div", "");
            let warnings: Vec<String> = r.warnings.iter().map(|w| warning_text(lang, w, c)).collect();
            list_or_none(m, R::SheetWarnings.t(lang), &warnings, R::SheetNoWarnings.t(lang), "sheet-warnings");
            let changed: Vec<String> = c
                .changed_after_reveal
                .iter()
                .map(|s| {
                    let scores: Vec<String> = s.changes.iter().map(|c| format!("{} {}", c.name.get(lang), c.before_after())).collect();
                    format!("{} · {} · {}: {}", s.juror_name, s.finalist_name, shown_date(lang, s.changed_at), scores.join(", "))
                })
                .collect();
            list_or_none(m, R::SheetChangedHeading.t(lang), &changed, R::SheetChangedNone.t(lang), "sheet-changed");
            m.close().close();
        }
    }
    m.open("div", "sheet-signatures").attr("data-testid", "sheet-signatures").attr("role", "group").attr_value("aria-label", R::SheetSignatures.t(lang));
    for (role, name) in [(R::SheetChair.t(lang), v.chair_name.clone().unwrap_or_default()), (R::SheetCoordinator.t(lang), coordinator.to_string())] {
        m.open("div", "signature").open("p", "").el("strong", "", role).text(&format!(" {name}")).close();
        m.el("p", "signature-line", R::SheetSignature.t(lang));
        m.el("p", "signature-line", R::SheetDateLine.t(lang)).close();
    }
    // the signatures, the page
    m.close().close();
}

fn sheet(lang: Lang, v: &ResultsView, coordinator: &str) -> Html {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let mut m = Tree::new();
    if v.categories.is_empty() {
        m.el("p", "muted", J::NoCategoriesYet.t(lang));
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

//! The results of one award category for the coordinator and the chair, as
//! a read-only [`Tree`]: progress of the sheets, the winner with its robustness,
//! the ranking (score, normalized score, mean rank), the agreement
//! statistics, each juror's numbers with flags for discussion, the
//! tie-breaks applied, ties left to the chair, and warnings. Every number
//! is written with the rubric's one rounding rule.

use crate::components::agreement_panel::agreement_panel;
use crate::components::robustness_note::robustness_note;
use crate::i18n::format::score;
use crate::i18n::jury::{rule_text, warning_text, J};
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::jury::setup::CriterionDef;
use rubric::jury::views::CategoryResults;
use rubric::Lang;

fn cell(m: &mut Tree, lang: Lang, v: Option<f64>) {
    m.el("td", "num", &v.map_or_else(|| "–".to_string(), |v| score(lang, v)));
}

/// A table's head row, then its body opened (closed by the caller). The
/// labels come as texts: a key looked up in a loop links its whole table.
pub(crate) fn heads(m: &mut Tree, cols: &[(&str, bool)]) {
    m.open("thead", "").open("tr", "");
    for (label, num) in cols {
        m.open("th", if *num { "num" } else { "" }).attr("scope", "col").text(label).close();
    }
    m.close().close().open("tbody", "");
}

/// The ranking's columns (label, numeric), here and on the printed sheet.
pub(crate) fn ranking_columns(lang: Lang) -> [(&'static str, bool); 6] {
    [
        (J::Place.t(lang), false),
        (J::Finalist.t(lang), false),
        (J::Score.t(lang), true),
        (J::Normalized.t(lang), true),
        (J::MeanRank.t(lang), true),
        (J::Jurors.t(lang), true),
    ]
}

/// A wide table's scrolling box a keyboard can reach (issue 14), named.
fn scroll_box(m: &mut Tree, label: &str) {
    m.open("div", "table-scroll").attr("tabindex", "0").attr("role", "region").attr_value("aria-label", label);
}

/// `frozen`: the results are locked, so tie-breaks are in the audit log.
pub fn category_results(m: &mut Tree, lang: Lang, c: &CategoryResults, criteria: &[CriterionDef], frozen: bool) {
    m.open("section", "category-results").attr_value("data-category", &c.category_id.to_string());
    m.el("h2", "", &c.name);
    m.open("p", "muted")
        .attr("data-testid", "sheet-progress")
        .text(&format!("{} / {} {}", c.submitted_sheets, c.expected_sheets, J::SheetsSubmitted.t(lang)))
        .close();
    let Some(r) = &c.results else {
        m.el("p", "error-box", c.problem.as_deref().unwrap_or_default()).close();
        return;
    };
    match &r.winner {
        Some(w) => m.open("p", "winner").attr("data-testid", "winner").text(&format!("{}: {}", J::Winner.t(lang), c.finalist_name(w))),
        None => m.open("p", "notice").attr("data-testid", "no-winner").text(J::NoWinnerYet.t(lang)),
    };
    m.close();
    robustness_note(m, lang, c, r);
    // Wide number tables scroll inside a box a keyboard can reach (issue 14).
    scroll_box(m, &c.name);
    m.open("table", "data-table").attr("data-testid", "ranking");
    heads(m, &ranking_columns(lang));
    for p in &r.ranking {
        let f = r.finalists.iter().find(|f| f.finalist == p.finalist);
        m.open("tr", if r.winner.as_ref() == Some(&p.finalist) { "is-winner" } else { "" });
        m.el("td", "", &format!("{}{}", p.place, if p.tied { " =" } else { "" }));
        m.el("td", "", &c.finalist_name(&p.finalist));
        cell(m, lang, Some(p.score));
        cell(m, lang, f.and_then(|f| f.normalized_score));
        cell(m, lang, f.and_then(|f| f.mean_rank));
        m.el("td", "num", &f.map_or(0, |f| f.jurors).to_string()).close();
    }
    // tbody, table, the scrolling box
    m.close().close().close();
    agreement_panel(m, lang, c, r);
    m.el("h3", "", J::Jurors.t(lang));
    scroll_box(m, &format!("{} · {}", J::Jurors.t(lang), c.name));
    m.open("table", "data-table").attr("data-testid", "juror-table");
    heads(
        m,
        &[
            (J::Juror.t(lang), false),
            (J::FinalistsScored.t(lang), true),
            (J::MeanScore.t(lang), true),
            (J::Spread.t(lang), true),
            (J::AgreementWithOthers.t(lang), true),
            (J::Flag.t(lang), false),
        ],
    );
    for j in &r.jurors {
        m.open("tr", "").el("td", "", &c.juror_name(&j.juror));
        m.el("td", "num", &j.finalists_scored.to_string());
        cell(m, lang, j.mean);
        cell(m, lang, j.spread);
        cell(m, lang, j.agreement_with_others);
        m.open("td", "");
        if j.flagged {
            m.open("span", "badge warn").attr("data-testid", "flagged").text(J::ToDiscuss.t(lang)).close();
        }
        m.close().close();
    }
    m.close().close().close();
    if !r.tie_breaks.is_empty() {
        m.el("h3", "", J::TieBreaks.t(lang)).open("ul", "tie-breaks").attr("data-testid", "tie-breaks");
        for t in &r.tie_breaks {
            let tied: Vec<String> = t.finalists.iter().map(|k| c.finalist_name(k)).collect();
            let values: Vec<String> = t.values.iter().map(|(k, v)| format!("{} {}", c.finalist_name(k), score(lang, *v))).collect();
            let outcome: Vec<String> =
                t.outcome.iter().map(|g| g.iter().map(|k| c.finalist_name(k)).collect::<Vec<_>>().join(" = ")).collect();
            let text = format!(
                "{} {} {}. {}: {} ({}). {}: {}. ",
                tied.join(", "),
                J::TiedAt.t(lang),
                score(lang, t.score),
                J::BrokenBy.t(lang),
                rule_text(lang, &t.rule_applied, criteria),
                values.join("; "),
                J::Order.t(lang),
                outcome.join(" > ")
            );
            m.open("li", "").text(&text).el("span", "badge", if frozen { J::Logged.t(lang) } else { J::LoggedAtLock.t(lang) }).close();
        }
        m.close();
    }
    if !r.unresolved_ties.is_empty() {
        m.open("div", "notice warn").attr("data-testid", "unresolved");
        for t in &r.unresolved_ties {
            let names: Vec<String> = t.finalists.iter().map(|k| c.finalist_name(k)).collect();
            m.el("p", "", &format!("{} {}: {}", J::ChairMustDecide.t(lang), t.place, names.join(", ")));
        }
        m.close();
    }
    if !r.warnings.is_empty() {
        m.el("h3", "", J::Warnings.t(lang)).open("ul", "warnings").attr("data-testid", "warnings");
        for w in &r.warnings {
            m.el("li", "", &warning_text(lang, w, c));
        }
        m.close();
    }
    m.close();
}

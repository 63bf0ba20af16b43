//! The results of one award category for the coordinator and the chair, as
//! read-only markup: progress of the sheets, the winner with its robustness,
//! the ranking (score, normalized score, mean rank), the agreement
//! statistics, each juror's numbers with flags for discussion, the
//! tie-breaks applied, ties left to the chair, and warnings. Every number
//! is written with the rubric's one rounding rule.

use crate::components::agreement_panel::agreement_panel;
use crate::components::robustness_note::robustness_note;
use crate::i18n::format::score;
use crate::i18n::jury::{rule_text, warning_text, J};
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::jury::setup::CriterionDef;
use rubric::jury::views::CategoryResults;
use rubric::Lang;

fn cell(m: &mut Markup, lang: Lang, v: Option<f64>) {
    m.el("<td class=\"num\">", &v.map_or_else(|| "–".to_string(), |v| score(lang, v)), "</td>");
}

fn heads(m: &mut Markup, lang: Lang, cols: &[(J, bool)]) {
    m.raw("<thead><tr>");
    for (label, num) in cols {
        m.el(if *num { "<th scope=\"col\" class=\"num\">" } else { "<th scope=\"col\">" }, label.t(lang), "</th>");
    }
    m.raw("</tr></thead><tbody>");
}

/// `frozen`: the results are locked, so tie-breaks are in the audit log.
pub fn category_results(m: &mut Markup, lang: Lang, c: &CategoryResults, criteria: &[CriterionDef], frozen: bool) {
    m.raw("<section class=\"category-results\" data-category=\"").text(&c.category_id.to_string()).raw("\">");
    m.el("<h2>", &c.name, "</h2>");
    m.el(
        "<p class=\"muted\" data-testid=\"sheet-progress\">",
        &format!("{} / {} {}", c.submitted_sheets, c.expected_sheets, J::SheetsSubmitted.t(lang)),
        "</p>",
    );
    let Some(r) = &c.results else {
        m.el("<p class=\"error-box\">", c.problem.as_deref().unwrap_or_default(), "</p></section>");
        return;
    };
    match &r.winner {
        Some(w) => m.el("<p class=\"winner\" data-testid=\"winner\">", &format!("{}: {}", J::Winner.t(lang), c.finalist_name(w)), "</p>"),
        None => m.el("<p class=\"notice\" data-testid=\"no-winner\">", J::NoWinnerYet.t(lang), "</p>"),
    };
    robustness_note(m, lang, c, r);
    // Wide number tables scroll inside a box a keyboard can reach (issue 14).
    m.raw("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").text(&c.name).raw("\">");
    m.raw("<table class=\"data-table\" data-testid=\"ranking\">");
    heads(
        m,
        lang,
        &[(J::Place, false), (J::Finalist, false), (J::Score, true), (J::Normalized, true), (J::MeanRank, true), (J::Jurors, true)],
    );
    for p in &r.ranking {
        let f = r.finalists.iter().find(|f| f.finalist == p.finalist);
        m.raw(if r.winner.as_ref() == Some(&p.finalist) { "<tr class=\"is-winner\">" } else { "<tr>" });
        m.el("<td>", &format!("{}{}", p.place, if p.tied { " =" } else { "" }), "</td>");
        m.el("<td>", &c.finalist_name(&p.finalist), "</td>");
        cell(m, lang, Some(p.score));
        cell(m, lang, f.and_then(|f| f.normalized_score));
        cell(m, lang, f.and_then(|f| f.mean_rank));
        m.el("<td class=\"num\">", &f.map_or(0, |f| f.jurors).to_string(), "</td></tr>");
    }
    m.raw("</tbody></table></div>");
    agreement_panel(m, lang, c, r);
    m.el("<h3>", J::Jurors.t(lang), "</h3><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"");
    m.text(&format!("{} · {}", J::Jurors.t(lang), c.name)).raw("\"><table class=\"data-table\" data-testid=\"juror-table\">");
    heads(
        m,
        lang,
        &[
            (J::Juror, false),
            (J::FinalistsScored, true),
            (J::MeanScore, true),
            (J::Spread, true),
            (J::AgreementWithOthers, true),
            (J::Flag, false),
        ],
    );
    for j in &r.jurors {
        m.el("<tr><td>", &c.juror_name(&j.juror), "</td>");
        m.el("<td class=\"num\">", &j.finalists_scored.to_string(), "</td>");
        cell(m, lang, j.mean);
        cell(m, lang, j.spread);
        cell(m, lang, j.agreement_with_others);
        m.raw("<td>");
        if j.flagged {
            m.el("<span class=\"badge warn\" data-testid=\"flagged\">", J::ToDiscuss.t(lang), "</span>");
        }
        m.raw("</td></tr>");
    }
    m.raw("</tbody></table></div>");
    if !r.tie_breaks.is_empty() {
        m.el("<h3>", J::TieBreaks.t(lang), "</h3><ul class=\"tie-breaks\" data-testid=\"tie-breaks\">");
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
            m.el("<li>", &text, "<span class=\"badge\">")
                .text(if frozen { J::Logged.t(lang) } else { J::LoggedAtLock.t(lang) })
                .raw("</span></li>");
        }
        m.raw("</ul>");
    }
    if !r.unresolved_ties.is_empty() {
        m.raw("<div class=\"notice warn\" data-testid=\"unresolved\">");
        for t in &r.unresolved_ties {
            let names: Vec<String> = t.finalists.iter().map(|k| c.finalist_name(k)).collect();
            m.el("<p>", &format!("{} {}: {}", J::ChairMustDecide.t(lang), t.place, names.join(", ")), "</p>");
        }
        m.raw("</div>");
    }
    if !r.warnings.is_empty() {
        m.el("<h3>", J::Warnings.t(lang), "</h3><ul class=\"warnings\" data-testid=\"warnings\">");
        for w in &r.warnings {
            m.el("<li>", &warning_text(lang, w, c), "</li>");
        }
        m.raw("</ul>");
    }
    m.raw("</section>");
}

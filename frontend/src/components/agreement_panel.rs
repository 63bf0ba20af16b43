//! How much the jurors agree, in numbers and in plain words: ICC(2,1),
//! ICC(2,k) and Kendall's W, each with its reading (none below zero, poor,
//! moderate, good, excellent) or the reason it cannot be computed, and which
//! jurors and finalists were left out to get a complete block of scores.
//! The reading is the rubric's one reading; the printed sheet uses it too.

use crate::i18n::jury::{not_computable, reading_sentence, reading_text, J};
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::jury::display::agreement_value;
use rubric::jury::views::CategoryResults;
use rubric::jury::{Agreement, JuryResults, Reading};
use rubric::Lang;

fn stat(m: &mut Markup, lang: Lang, key: &'static str, what: J, a: &Agreement) {
    m.raw("<div class=\"stat\" data-stat=\"").raw(key).raw("\"><h4>").raw(match key {
        "icc_2_1" => "ICC(2,1)",
        "icc_2_k" => "ICC(2,k)",
        _ => "Kendall's W",
    });
    m.el("</h4><p class=\"muted small\">", what.t(lang), "</p>");
    let separator = if lang == Lang::Nl { ',' } else { '.' };
    match (agreement_value(a, separator), a.reading) {
        (Some(v), Some(r)) => {
            m.el("<p class=\"stat-value\"><span class=\"num\">", &v, "</span> ");
            m.raw(match r {
                Reading::BelowZero => "<span class=\"badge reading poor below-zero\">",
                Reading::Poor => "<span class=\"badge reading poor\">",
                Reading::Moderate => "<span class=\"badge reading moderate\">",
                Reading::Good => "<span class=\"badge reading good\">",
                Reading::Excellent => "<span class=\"badge reading excellent\">",
            });
            m.el("", reading_text(r).t(lang), "</span></p>").el("<p class=\"small reading-text\">", reading_sentence(r).t(lang), "</p>");
        }
        _ => {
            m.el("<p class=\"stat-value\"><span class=\"badge muted-badge\">", J::NotComputable.t(lang), "</span></p>");
            m.el("<p class=\"small reading-text\">", a.not_computable.map_or("", |n| not_computable(n).t(lang)), "</p>");
        }
    }
    m.raw("</div>");
}

pub fn agreement_panel(m: &mut Markup, lang: Lang, c: &CategoryResults, r: &JuryResults) {
    let a = &r.agreement;
    m.raw("<section class=\"agreement\" data-testid=\"agreement\">").el("<h3>", J::Agreement.t(lang), "</h3><div class=\"stat-grid\">");
    stat(m, lang, "icc_2_1", J::Icc21What, &a.icc_2_1);
    stat(m, lang, "icc_2_k", J::Icc2kWhat, &a.icc_2_k);
    stat(m, lang, "kendall_w", J::KendallWhat, &a.kendall_w);
    m.raw("</div>");
    let b = &a.block;
    if !b.complete && !b.jurors.is_empty() {
        let mut text = format!(
            "{} {} {} {} {}",
            J::BlockComputedOn.t(lang),
            b.jurors.len(),
            J::JurorsAnd.t(lang),
            b.finalists.len(),
            J::FinalistsLower.t(lang)
        );
        if !b.dropped_jurors.is_empty() {
            let names: Vec<String> = b.dropped_jurors.iter().map(|k| c.juror_name(k)).collect();
            text.push_str(&format!(" · {}: {}", J::LeftOutJurors.t(lang), names.join(", ")));
        }
        if !b.dropped_finalists.is_empty() {
            let names: Vec<String> = b.dropped_finalists.iter().map(|k| c.finalist_name(k)).collect();
            text.push_str(&format!(" · {}: {}", J::LeftOutFinalists.t(lang), names.join(", ")));
        }
        m.el("<p class=\"small muted\">", &text, "</p>");
    }
    m.el("<p class=\"small muted\">", J::ReadingSource.t(lang), "</p></section>");
}

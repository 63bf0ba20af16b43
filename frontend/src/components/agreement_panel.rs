//! How much the jurors agree, in numbers and in plain words: ICC(2,1),
//! ICC(2,k) and Kendall's W, each with its reading (none below zero, poor,
//! moderate, good, excellent) or the reason it cannot be computed, and which
//! jurors and finalists were left out to get a complete block of scores.
//! The reading is the rubric's one reading; the printed sheet uses it too.

use crate::i18n::jury::{not_computable, reading_sentence, reading_text, J};
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::jury::display::agreement_value;
use rubric::jury::views::CategoryResults;
use rubric::jury::{Agreement, JuryResults, Reading};
use rubric::Lang;

fn stat(m: &mut Tree, lang: Lang, key: &'static str, what: &str, a: &Agreement) {
    let name = match key {
        "icc_2_1" => "ICC(2,1)",
        "icc_2_k" => "ICC(2,k)",
        _ => "Kendall's W",
    };
    m.open("div", "stat").attr("data-stat", key).el("h4", "", name);
    m.el("p", "muted small", what);
    let separator = if lang == Lang::Nl { ',' } else { '.' };
    match (agreement_value(a, separator), a.reading) {
        (Some(v), Some(r)) => {
            m.open("p", "stat-value").el("span", "num", &v).text(" ");
            let badge = match r {
                Reading::BelowZero => "badge reading poor below-zero",
                Reading::Poor => "badge reading poor",
                Reading::Moderate => "badge reading moderate",
                Reading::Good => "badge reading good",
                Reading::Excellent => "badge reading excellent",
            };
            m.el("span", badge, reading_text(lang, r)).close().el("p", "small reading-text", reading_sentence(lang, r));
        }
        _ => {
            m.open("p", "stat-value").el("span", "badge muted-badge", J::NotComputable.t(lang)).close();
            m.el("p", "small reading-text", a.not_computable.map_or("", |n| not_computable(lang, n)));
        }
    }
    m.close();
}

pub fn agreement_panel(m: &mut Tree, lang: Lang, c: &CategoryResults, r: &JuryResults) {
    let a = &r.agreement;
    m.open("section", "agreement").attr("data-testid", "agreement").el("h3", "", J::Agreement.t(lang)).open("div", "stat-grid");
    stat(m, lang, "icc_2_1", J::Icc21What.t(lang), &a.icc_2_1);
    stat(m, lang, "icc_2_k", J::Icc2kWhat.t(lang), &a.icc_2_k);
    stat(m, lang, "kendall_w", J::KendallWhat.t(lang), &a.kendall_w);
    m.close();
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
        m.el("p", "small muted", &text);
    }
    m.el("p", "small muted", J::ReadingSource.t(lang)).close();
}

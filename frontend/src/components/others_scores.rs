//! Every juror's submitted scores for a finalist, side by side per
//! criterion with each juror's weighted mean and remarks: what a juror sees
//! once their own sheet is submitted. Read-only, built with [`Tree`].

use crate::i18n::format::score;
use crate::i18n::jury::J;
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::jury::setup::CriterionDef;
use rubric::jury::views::OtherSheets;
use rubric::Lang;

pub fn others_scores(m: &mut Tree, lang: Lang, criteria: &[CriterionDef], others: &OtherSheets) {
    let sheets = &others.sheets;
    let names: Vec<String> = sheets
        .iter()
        .map(|s| if s.is_me { format!("{} ({})", s.juror_name, J::You.t(lang)) } else { s.juror_name.clone() })
        .collect();
    m.open("section", "others-scores").attr("data-testid", "others-scores").el("h2", "", J::AllScores.t(lang));
    if sheets.len() < 2 {
        m.el("p", "muted", J::OnlyYouSoFar.t(lang));
    }
    m.open("div", "table-scroll").attr("tabindex", "0").attr("role", "region").attr_value("aria-label", J::AllScores.t(lang));
    m.open("table", "data-table").open("thead", "").open("tr", "").open("th", "").attr("scope", "col").text(J::Criterion.t(lang)).close();
    for n in &names {
        m.open("th", "num").attr("scope", "col").text(n).close();
    }
    m.close().close().open("tbody", "");
    for c in criteria {
        m.open("tr", "").open("th", "").attr("scope", "row").text(&format!("{} ({} %)", c.name.get(lang), c.weight)).close();
        for s in sheets {
            let score = s.scores.get(&c.id).map_or_else(|| "–".into(), |v| v.to_string());
            m.open("td", "num").text(&score);
            if s.remarks.contains_key(&c.id) {
                m.text(" *");
            }
            m.close();
        }
        m.close();
    }
    m.open("tr", "total").open("th", "").attr("scope", "row").text(J::WeightedMean.t(lang)).close();
    for s in sheets {
        m.el("td", "num", &s.weighted_mean.map_or_else(|| "–".into(), |v| score(lang, v)));
    }
    // the total row, tbody, table, the scrolling box
    m.close().close().close().close();
    if let Some(mean) = others.mean {
        m.open("p", "").attr("data-testid", "others-mean").text(&format!("{}: {}", J::MeanSoFar.t(lang), score(lang, mean))).close();
    }
    m.open("ul", "remarks");
    for (s, who) in sheets.iter().zip(&names) {
        for c in criteria {
            if let Some(r) = s.remarks.get(&c.id) {
                m.open("li", "").el("strong", "", &format!("{who} · {}: ", c.name.get(lang))).text(r).close();
            }
        }
        if !s.remark.is_empty() {
            m.open("li", "").el("strong", "", &format!("{who}: ")).text(&s.remark).close();
        }
    }
    m.close().close();
}

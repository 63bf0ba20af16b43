//! Every juror's submitted scores for a finalist, side by side per
//! criterion with each juror's weighted mean and remarks: what a juror sees
//! once their own sheet is submitted. Read-only markup.

use crate::i18n::format::score;
use crate::i18n::jury::J;
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::jury::setup::CriterionDef;
use rubric::jury::views::OtherSheets;
use rubric::Lang;

pub fn others_scores(m: &mut Markup, lang: Lang, criteria: &[CriterionDef], others: &OtherSheets) {
    let sheets = &others.sheets;
    let names: Vec<String> = sheets
        .iter()
        .map(|s| if s.is_me { format!("{} ({})", s.juror_name, J::You.t(lang)) } else { s.juror_name.clone() })
        .collect();
    m.raw("<section class=\"others-scores\" data-testid=\"others-scores\">").el("<h2>", J::AllScores.t(lang), "</h2>");
    if sheets.len() < 2 {
        m.el("<p class=\"muted\">", J::OnlyYouSoFar.t(lang), "</p>");
    }
    m.raw("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").text(J::AllScores.t(lang));
    m.raw("\"><table class=\"data-table\"><thead><tr>").el("<th scope=\"col\">", J::Criterion.t(lang), "</th>");
    for n in &names {
        m.el("<th scope=\"col\" class=\"num\">", n, "</th>");
    }
    m.raw("</tr></thead><tbody>");
    for c in criteria {
        m.el("<tr><th scope=\"row\">", &format!("{} ({} %)", c.name.get(lang), c.weight), "</th>");
        for s in sheets {
            let score = s.scores.get(&c.id).map_or_else(|| "–".into(), |v| v.to_string());
            m.el("<td class=\"num\">", &score, if s.remarks.contains_key(&c.id) { " *</td>" } else { "</td>" });
        }
        m.raw("</tr>");
    }
    m.el("<tr class=\"total\"><th scope=\"row\">", J::WeightedMean.t(lang), "</th>");
    for s in sheets {
        m.el("<td class=\"num\">", &s.weighted_mean.map_or_else(|| "–".into(), |v| score(lang, v)), "</td>");
    }
    m.raw("</tr></tbody></table></div>");
    if let Some(mean) = others.mean {
        m.el("<p data-testid=\"others-mean\">", &format!("{}: {}", J::MeanSoFar.t(lang), score(lang, mean)), "</p>");
    }
    m.raw("<ul class=\"remarks\">");
    for (s, who) in sheets.iter().zip(&names) {
        for c in criteria {
            if let Some(r) = s.remarks.get(&c.id) {
                m.el("<li><strong>", &format!("{who} · {}: ", c.name.get(lang)), "</strong>").text(r).raw("</li>");
            }
        }
        if !s.remark.is_empty() {
            m.el("<li><strong>", &format!("{who}: "), "</strong>").text(&s.remark).raw("</li>");
        }
    }
    m.raw("</ul></section>");
}

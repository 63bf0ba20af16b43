//! A school's nulmeting result for the jury, as read-only markup: the score
//! per aspect (1 to 4) as a bar, the growth since the nulmeting when the
//! school measured again, and the weakest indicators (where a plan should
//! start).

use crate::i18n::format::level_score;
use crate::i18n::jury::J;
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::assessment::{Growth, SchoolProfile};
use rubric::Lang;

/// The profile section; `weakest` are indicator ids, weakest first.
pub fn profile_summary(m: &mut Markup, lang: Lang, profile: Option<&SchoolProfile>, growth: Option<&Growth>, weakest: &[String]) {
    m.raw("<section class=\"profile-summary\" data-testid=\"profile\">").el("<h2>", J::Nulmeting.t(lang), "</h2>");
    let Some(profile) = profile else {
        m.el("<p class=\"muted\">", J::NoNulmeting.t(lang), "</p></section>");
        return;
    };
    m.raw("<table class=\"ps-table\"><thead><tr>")
        .el("<th scope=\"col\">", J::Aspect.t(lang), "</th>")
        .el("<th scope=\"col\">", J::Score14.t(lang), "</th>");
    if growth.is_some() {
        m.el("<th scope=\"col\">", J::Growth.t(lang), "</th>");
    }
    m.raw("</tr></thead><tbody>");
    for a in &profile.aspects {
        let name = rubric::names::aspect_name(a.aspect, lang);
        let width = a.score.map_or(0.0, |s| (s / 4.0 * 100.0).clamp(0.0, 100.0));
        m.el("<tr><th scope=\"row\">", name, "</th><td><span class=\"ps-bar\" aria-hidden=\"true\"><span style=\"width:")
            .text(&(width.round() as i64).to_string())
            .raw("%\"></span></span>")
            .text(&a.score.map_or_else(|| "–".into(), |s| level_score(lang, s)))
            .raw("</td>");
        if let Some(g) = growth {
            let delta = g.aspect_delta(a.aspect);
            m.raw(match delta {
                Some(d) if d > 0.0 => "<td class=\"up\">",
                Some(d) if d < 0.0 => "<td class=\"down\">",
                _ => "<td>",
            })
            .text(&delta.map_or_else(|| "–".into(), |d| format!("{}{}", if d > 0.0 { "+" } else { "" }, level_score(lang, d))))
            .raw("</td>");
        }
        m.raw("</tr>");
    }
    m.raw("</tbody></table>");
    if !weakest.is_empty() {
        m.el("<h3>", J::WeakestIndicators.t(lang), "</h3><ul class=\"ps-weakest\">");
        for id in weakest {
            let title = rubric::names::indicator(id, lang).map_or(id.as_str(), |(_, title)| title);
            let level = profile.level(id).map_or(0, |l| l.get());
            m.el("<li>", &format!("{title}: {} {level}", J::Level.t(lang)), "</li>");
        }
        m.raw("</ul>");
    }
    m.raw("</section>");
}

//! A school's nulmeting result for the jury, as read-only markup: the score
//! per aspect (1 to 4) as a bar, the growth since the nulmeting when the
//! school measured again, and the weakest indicators (where a plan should
//! start).

use crate::i18n::format::level_score;
use crate::i18n::jury::J;
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::jury::views::JurorProfile;
use rubric::Lang;

/// The profile section (`None`: the school has no nulmeting result).
pub fn profile_summary(m: &mut Markup, lang: Lang, profile: Option<&JurorProfile>) {
    m.raw("<section class=\"profile-summary\" data-testid=\"profile\">").el("<h2>", J::Nulmeting.t(lang), "</h2>");
    let Some(profile) = profile else {
        m.el("<p class=\"muted\">", J::NoNulmeting.t(lang), "</p></section>");
        return;
    };
    m.raw("<table class=\"ps-table\"><thead><tr>")
        .el("<th scope=\"col\">", J::Aspect.t(lang), "</th>")
        .el("<th scope=\"col\">", J::Score14.t(lang), "</th>");
    if profile.has_growth {
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
        if profile.has_growth {
            m.raw(match a.delta {
                Some(d) if d > 0.0 => "<td class=\"up\">",
                Some(d) if d < 0.0 => "<td class=\"down\">",
                _ => "<td>",
            })
            .text(&a.delta.map_or_else(|| "–".into(), |d| format!("{}{}", if d > 0.0 { "+" } else { "" }, level_score(lang, d))))
            .raw("</td>");
        }
        m.raw("</tr>");
    }
    m.raw("</tbody></table>");
    if !profile.weakest.is_empty() {
        m.el("<h3>", J::WeakestIndicators.t(lang), "</h3><ul class=\"ps-weakest\">");
        for w in &profile.weakest {
            let title = rubric::names::indicator(&w.indicator_id, lang).map_or(w.indicator_id.as_str(), |(_, title)| title);
            m.el("<li>", &format!("{title}: {} {}", J::Level.t(lang), w.level), "</li>");
        }
        m.raw("</ul>");
    }
    m.raw("</section>");
}

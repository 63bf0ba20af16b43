//! A school's nulmeting result for the jury, read-only (a [`Tree`]): the score
//! per aspect (1 to 4) as a bar, the growth since the nulmeting when the
//! school measured again, and the weakest indicators (where a plan should
//! start).

use crate::i18n::format::level_score;
use crate::i18n::jury::J;
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::jury::views::JurorProfile;
use rubric::Lang;

/// The profile section (`None`: the school has no nulmeting result).
pub fn profile_summary(m: &mut Tree, lang: Lang, profile: Option<&JurorProfile>) {
    m.open("section", "profile-summary").attr("data-testid", "profile").el("h2", "", J::Nulmeting.t(lang));
    let Some(profile) = profile else {
        m.el("p", "muted", J::NoNulmeting.t(lang)).close();
        return;
    };
    m.open("table", "ps-table").open("thead", "").open("tr", "");
    m.open("th", "").attr("scope", "col").text(J::Aspect.t(lang)).close();
    m.open("th", "").attr("scope", "col").text(J::Score14.t(lang)).close();
    if profile.has_growth {
        m.open("th", "").attr("scope", "col").text(J::Growth.t(lang)).close();
    }
    m.close().close().open("tbody", "");
    for a in &profile.aspects {
        let name = rubric::names::aspect_name(a.aspect, lang);
        let width = a.score.map_or(0.0, |s| (s / 4.0 * 100.0).clamp(0.0, 100.0));
        m.open("tr", "").open("th", "").attr("scope", "row").text(name).close().open("td", "");
        m.open("span", "ps-bar").attr("aria-hidden", "true");
        m.open("span", "").attr_value("style", &format!("width:{}%", width.round() as i64)).close().close();
        m.text(&a.score.map_or_else(|| "–".into(), |s| level_score(lang, s))).close();
        if profile.has_growth {
            let class = match a.delta {
                Some(d) if d > 0.0 => "up",
                Some(d) if d < 0.0 => "down",
                _ => "",
            };
            m.el("td", class, &a.delta.map_or_else(|| "–".into(), |d| format!("{}{}", if d > 0.0 { "+" } else { "" }, level_score(lang, d))));
        }
        m.close();
    }
    m.close().close();
    if !profile.weakest.is_empty() {
        m.el("h3", "", J::WeakestIndicators.t(lang)).open("ul", "ps-weakest");
        for w in &profile.weakest {
            let title = rubric::names::indicator(&w.indicator_id, lang).map_or(w.indicator_id.as_str(), |(_, title)| title);
            m.el("li", "", &format!("{title}: {} {}", J::Level.t(lang), w.level));
        }
        m.close();
    }
    m.close();
}

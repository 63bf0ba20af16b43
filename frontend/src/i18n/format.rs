//! Numbers, counts and dates written the way each language writes them:
//! Dutch uses a decimal comma and day-month-year.

use super::Lang;
use rubric::Date;

/// A decimal number with `decimals` places: "2,5" in Dutch, "2.5" in English.
pub fn decimal(lang: Lang, value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    match lang {
        Lang::Nl => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A jury score (or any jury number) with two decimals, rounded by the
/// rubric's one rule (half away from zero), so screen, paper and CSV agree:
/// "6,13" in Dutch, "6.13" in English.
pub fn score(lang: Lang, value: f64) -> String {
    rubric::jury::display::two_decimals(value, if lang == Lang::Nl { ',' } else { '.' })
}

/// The day of a moment (seconds since 1970) in words.
pub fn shown_date(lang: Lang, at: i64) -> String {
    Date::from_unix_seconds(at).map(|d| date(lang, d)).unwrap_or_default()
}

/// A level score (aspect score, overall score, median, growth) with one
/// decimal, rounded by the rubric's one rule (`score_tenths`: half away
/// from zero, so 2.25 is "2,3" everywhere); "–" when it is not a number.
pub fn level_score(lang: Lang, value: f64) -> String {
    let Some(tenths) = rubric::assessment::score_tenths(value) else { return "–".into() };
    let sign = if tenths < 0 { "-" } else { "" };
    let sep = match lang {
        Lang::Nl => ',',
        Lang::En => '.',
    };
    format!("{sign}{}{sep}{}", tenths.abs() / 10, tenths.abs() % 10)
}

const MONTHS_NL: [&str; 12] =
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// A date in words: "30 mei 2024" / "30 May 2024".
pub fn date(lang: Lang, d: Date) -> String {
    let m = usize::from(d.month()).saturating_sub(1).min(11);
    match lang {
        Lang::Nl => format!("{} {} {}", d.day(), MONTHS_NL[m], d.year()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN[m], d.year()),
    }
}

/// "1 indicator" / "3 indicatoren" style counts.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_language() {
        assert_eq!(decimal(Lang::Nl, 2.5, 1), "2,5");
        assert_eq!(decimal(Lang::En, 2.5, 1), "2.5");
        assert_eq!(decimal(Lang::Nl, 3.0, 0), "3");
    }

    #[test]
    fn jury_scores_round_one_way_in_both_languages() {
        assert_eq!(score(Lang::Nl, 6.125), "6,13");
        assert_eq!(score(Lang::En, 6.125), "6.13");
        assert_eq!(score(Lang::Nl, 2.675), "2,68");
    }

    #[test]
    fn scores_use_one_rounding_rule() {
        assert_eq!(level_score(Lang::Nl, 2.25), "2,3");
        assert_eq!(level_score(Lang::En, 2.25), "2.3");
        assert_eq!(level_score(Lang::Nl, -0.25), "-0,3");
        assert_eq!(level_score(Lang::Nl, -0.04), "0,0");
        assert_eq!(level_score(Lang::Nl, 3.0), "3,0");
        assert_eq!(level_score(Lang::Nl, f64::NAN), "–");
    }

    #[test]
    fn dates_in_words() {
        let d = Date::new(2024, 5, 30).unwrap();
        assert_eq!(date(Lang::Nl, d), "30 mei 2024");
        assert_eq!(date(Lang::En, d), "30 May 2024");
    }
}

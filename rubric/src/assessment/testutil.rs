//! Test helpers: small generated rubrics and respondents, independent of the
//! embedded rubric content.

use crate::assessment::{Answer, RespondentAnswers};
use crate::content::{Aspect, AspectId, Indicator, Level, LevelName, LocalizedText, Rubric};

/// A complete rubric with `per_aspect` indicators per aspect, ids
/// `<aspect>.i0`, `<aspect>.i1`, ...
pub(crate) fn test_rubric(per_aspect: usize) -> Rubric {
    let t = |s: &str| LocalizedText::new(format!("{s} nl"), format!("{s} en"));
    Rubric {
        id: "test".into(),
        version: 1,
        title: t("title"),
        introduction: t("intro"),
        level_names: Level::ALL
            .iter()
            .map(|&level| LevelName {
                level,
                name: t("lvl"),
            })
            .collect(),
        not_applicable: t("na"),
        not_applicable_help: None,
        dont_know: None,
        dont_know_help: None,
        partial_fit_rule: None,
        changes: Vec::new(),
        aspects: AspectId::ALL
            .iter()
            .map(|&id| Aspect {
                id,
                name: t("a"),
                description: t("d"),
                indicators: (0..per_aspect)
                    .map(|n| Indicator {
                        id: format!("{}.i{n}", id.key()),
                        title: t("i"),
                        question: t("q"),
                        levels: (1..=4).map(|l| t(&format!("l{l}"))).collect(),
                        evidence: t("e"),
                        level_evidence: Vec::new(),
                        pupil_voice: None,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Answer code: 1-4 a level, 5 not applicable, 6 don't know, anything
/// else unanswered.
pub(crate) fn answer(code: u8) -> Option<Answer> {
    match code {
        1..=4 => Level::new(code).ok().map(Answer::Level),
        5 => Some(Answer::NotApplicable),
        6 => Some(Answer::DontKnow),
        _ => None,
    }
}

/// A respondent answering `indicator_id` with each code in turn.
pub(crate) fn respondent(key: &str, answers: &[(&str, u8)]) -> RespondentAnswers {
    let mut r = RespondentAnswers::new(key);
    for &(id, code) in answers {
        if let Some(a) = answer(code) {
            r.answers.insert(id.to_string(), a);
        }
    }
    r
}

/// One respondent per code, all on the same indicator.
pub(crate) fn team_on(indicator_id: &str, codes: &[u8]) -> Vec<RespondentAnswers> {
    codes
        .iter()
        .enumerate()
        .map(|(n, &c)| respondent(&format!("r{n}"), &[(indicator_id, c)]))
        .collect()
}

pub(crate) fn level(n: u8) -> Level {
    Level::new(n).expect("test level")
}

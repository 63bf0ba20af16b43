//! Next steps per indicator and level (`data/next-steps.json`): for every
//! indicator of every rubric version and every level 1 to 4, two or three
//! concrete steps, each with the kind of partner or resource that helps.
//! The steps at level n lead towards level n+1; at level 4 they say how to
//! sustain and share the practice. v1 indicators reuse the steps of the v2
//! indicator with the same construct where the data declares so.
//!
//! The file is not embedded in any app: the server serves it
//! ([`next_steps_json`]) and the frontend parses what it fetched
//! ([`NextSteps::from_json`]).

use crate::content::{rubric, Lang, Level, LocalizedText, RubricVersion};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The kind of partner or resource that helps with a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartnerKind {
    /// A learning network of schools (lerend netwerk).
    LearningNetwork,
    /// A company, for example the partner company once there is one.
    Company,
    /// The Regionaal Technologisch Centrum.
    Rtc,
    /// The pupil guidance centre (CLB).
    Clb,
    /// Pupils themselves: their voice, their work, pupil council.
    Pupils,
    /// Colleagues: subject departments, the STEM core team.
    Colleagues,
    /// The school leadership (directie).
    SchoolLeadership,
    /// Primary schools in the area.
    PrimarySchools,
    /// Universities and university colleges.
    HigherEducation,
    /// Parents.
    Parents,
    /// The pedagogical advisory service of the school's network.
    PedagogicalAdvisers,
}

impl PartnerKind {
    pub const ALL: [PartnerKind; 11] = [
        PartnerKind::LearningNetwork,
        PartnerKind::Company,
        PartnerKind::Rtc,
        PartnerKind::Clb,
        PartnerKind::Pupils,
        PartnerKind::Colleagues,
        PartnerKind::SchoolLeadership,
        PartnerKind::PrimarySchools,
        PartnerKind::HigherEducation,
        PartnerKind::Parents,
        PartnerKind::PedagogicalAdvisers,
    ];

    /// The identifier in the data file ("learning-network").
    pub fn key(self) -> &'static str {
        match self {
            PartnerKind::LearningNetwork => "learning-network",
            PartnerKind::Company => "company",
            PartnerKind::Rtc => "rtc",
            PartnerKind::Clb => "clb",
            PartnerKind::Pupils => "pupils",
            PartnerKind::Colleagues => "colleagues",
            PartnerKind::SchoolLeadership => "school-leadership",
            PartnerKind::PrimarySchools => "primary-schools",
            PartnerKind::HigherEducation => "higher-education",
            PartnerKind::Parents => "parents",
            PartnerKind::PedagogicalAdvisers => "pedagogical-advisers",
        }
    }

    /// The name shown beside a step.
    pub fn name(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            PartnerKind::LearningNetwork => ("Lerend netwerk", "Learning network"),
            PartnerKind::Company => ("Bedrijf", "Company"),
            PartnerKind::Rtc => ("RTC", "RTC"),
            PartnerKind::Clb => ("CLB", "CLB (pupil guidance centre)"),
            PartnerKind::Pupils => ("Leerlingen", "Pupils"),
            PartnerKind::Colleagues => ("Collega's", "Colleagues"),
            PartnerKind::SchoolLeadership => ("Directie", "School leadership"),
            PartnerKind::PrimarySchools => ("Basisscholen", "Primary schools"),
            PartnerKind::HigherEducation => ("Hoger onderwijs", "Higher education"),
            PartnerKind::Parents => ("Ouders", "Parents"),
            PartnerKind::PedagogicalAdvisers => ("Pedagogische begeleiding", "Pedagogical advisers"),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

/// One concrete next step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    pub text: LocalizedText,
    /// Who or what helps most with this step.
    pub partner: PartnerKind,
}

/// The steps of one indicator: four lists, for levels 1 to 4 in order.
pub type LevelSteps = Vec<Vec<NextStep>>;

/// The whole file. v1 indicators whose construct is the same in v2 (same or
/// reworded in [`crate::mapping`]) reuse that indicator's steps; split and
/// merged ones have their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextSteps {
    /// Steps per v2 indicator id.
    pub v2: BTreeMap<String, LevelSteps>,
    /// v1 indicators that use the steps of a v2 indicator with the same
    /// construct: v1 id -> v2 id.
    #[serde(default)]
    pub v1_reuse: BTreeMap<String, String>,
    /// Steps of their own for v1 indicators that reuse none.
    #[serde(default)]
    pub v1: BTreeMap<String, LevelSteps>,
}

/// What is wrong with a next-steps file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NextStepsError {
    #[error("the next-steps file is not valid JSON: {0}")]
    Parse(String),
}

impl NextSteps {
    /// Parse a next-steps file (as the frontend does with what it fetched).
    pub fn from_json(json: &str) -> Result<NextSteps, NextStepsError> {
        serde_json::from_str(json).map_err(|e| NextStepsError::Parse(e.to_string()))
    }

    /// The steps for an indicator of a version at a level: towards the next
    /// level, or at level 4 how to sustain and share. Empty if unknown.
    pub fn for_level(&self, version: RubricVersion, indicator: &str, level: Level) -> &[NextStep] {
        let steps = match version {
            RubricVersion::V2 => self.v2.get(indicator),
            RubricVersion::V1 => self
                .v1
                .get(indicator)
                .or_else(|| self.v1_reuse.get(indicator).and_then(|v2| self.v2.get(v2))),
        };
        steps.and_then(|s| s.get(usize::from(level.get()) - 1)).map_or(&[], Vec::as_slice)
    }
}

const NEXT_STEPS_JSON: &str = include_str!("../data/next-steps.json");

/// The embedded next steps, parsed once (checked by the tests). For the
/// server; apps fetch the file instead of embedding it.
pub fn next_steps() -> &'static NextSteps {
    static STEPS: OnceLock<NextSteps> = OnceLock::new();
    STEPS.get_or_init(|| {
        NextSteps::from_json(NEXT_STEPS_JSON).unwrap_or_else(|e| panic!("embedded next-steps.json is invalid: {e}"))
    })
}

/// The next-steps file as text, to serve it unparsed.
pub fn next_steps_json() -> &'static str {
    NEXT_STEPS_JSON
}

/// The steps for an indicator of a version at a level (embedded data).
pub fn for_level(version: RubricVersion, indicator: &str, level: Level) -> &'static [NextStep] {
    next_steps().for_level(version, indicator, level)
}

/// Every (version, indicator id) the steps must cover.
pub fn all_indicators() -> impl Iterator<Item = (RubricVersion, &'static str)> {
    RubricVersion::ALL
        .into_iter()
        .flat_map(|v| rubric(v).indicators().map(move |(_, i)| (v, i.id.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_kinds_have_keys_and_names_that_round_trip() {
        for p in PartnerKind::ALL {
            let json = serde_json::to_string(&p).expect("serialise");
            assert_eq!(json, format!("\"{}\"", p.key()));
            assert!(!p.name(Lang::Nl).is_empty() && !p.name(Lang::En).is_empty());
        }
    }

    #[test]
    fn unknown_indicators_have_no_steps_and_bad_files_are_errors() {
        let level = Level::new(1).expect("level");
        assert!(for_level(RubricVersion::V2, "no-such-indicator", level).is_empty());
        assert!(matches!(NextSteps::from_json("{"), Err(NextStepsError::Parse(_))));
        assert!(NextSteps::from_json(r#"{"v2":{"x":[[{"text":{"nl":"a","en":"b"},"partner":"nobody"}]]}}"#).is_err());
    }

    #[test]
    fn every_indicator_and_level_of_both_versions_has_two_or_three_steps() {
        let mut count = 0;
        for (version, id) in all_indicators() {
            let mut seen = std::collections::HashSet::new();
            for level in Level::ALL {
                let steps = for_level(version, id, level);
                assert!((2..=3).contains(&steps.len()), "{version} {id} level {level}: {} steps", steps.len());
                for step in steps {
                    for lang in Lang::ALL {
                        let t = step.text.get(lang).trim();
                        assert!(t.len() > 20 && t.ends_with('.'), "{version} {id} level {level}: {t:?} is not a full sentence ({})", lang.code());
                    }
                    if version == RubricVersion::V2 {
                        assert!(seen.insert(step.text.nl.clone()), "{id}: step {:?} repeats", step.text.nl);
                        assert!(seen.insert(step.text.en.clone()), "{id}: step {:?} repeats", step.text.en);
                    }
                    count += 1;
                }
            }
        }
        assert!(count >= 2 * 4 * (rubric(RubricVersion::V1).indicator_count() + rubric(RubricVersion::V2).indicator_count()));
    }

    #[test]
    fn the_file_has_steps_only_for_real_indicators() {
        let s = next_steps();
        for id in s.v2.keys() {
            assert!(rubric(RubricVersion::V2).indicator(id).is_some(), "steps for {id}, which is not in v2");
        }
        for id in s.v1.keys() {
            assert!(rubric(RubricVersion::V1).indicator(id).is_some(), "steps for {id}, which is not in v1");
        }
        for (id, levels) in s.v2.iter().chain(&s.v1) {
            assert_eq!(levels.len(), 4, "{id} needs steps for levels 1 to 4");
        }
        assert_eq!(NextSteps::from_json(next_steps_json()).as_ref(), Ok(s));
    }

    #[test]
    fn v1_reuses_steps_only_where_the_construct_is_the_same() {
        // A v1 indicator borrows the steps of its declared v2 counterpart
        // only when the mapping says same or reworded; split and merged
        // v1 indicators have steps of their own, written for their ladder.
        let mapping = crate::mapping::v1_to_v2();
        for (v1, v2) in &next_steps().v1_reuse {
            let link = mapping.link(v1).unwrap_or_else(|| panic!("{v1} has no declared mapping"));
            assert!(link.to.contains(v2), "{v1} reuses the steps of {v2}, which is not its counterpart");
            assert!(
                matches!(link.kind, crate::mapping::LinkKind::Same | crate::mapping::LinkKind::Reworded),
                "{v1} is {:?} in the mapping: it needs steps of its own",
                link.kind
            );
        }
    }

    #[test]
    fn partners_of_every_kind_are_used() {
        // The steps point to the whole range of help, not only colleagues.
        let used: std::collections::HashSet<_> = next_steps()
            .v2
            .values()
            .flatten()
            .flatten()
            .map(|s| s.partner)
            .collect();
        for p in PartnerKind::ALL {
            assert!(used.contains(&p), "no step names {}", p.key());
        }
    }

    #[test]
    fn v1_reuse_points_at_existing_v2_steps() {
        let s = next_steps();
        for (v1, v2) in &s.v1_reuse {
            assert!(rubric(RubricVersion::V1).indicator(v1).is_some(), "{v1} is not a v1 indicator");
            assert!(s.v2.contains_key(v2), "{v1} reuses {v2}, which has no steps");
            assert!(!s.v1.contains_key(v1), "{v1} both reuses and has its own steps");
        }
    }
}

//! The rubric itself: seven aspects, their indicators and the four level
//! descriptors, in Dutch and English. The content is a versioned data file
//! per rubric version embedded in the crate (`data/rubric-v1.json`,
//! `data/rubric-v2.json`); this module owns its types, the versions, loading
//! and the completeness check. v1 stays for the editions that used it.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

/// The embedded rubric files. Edit the JSON, never these constants.
const RUBRIC_V1_JSON: &str = include_str!("../data/rubric-v1.json");
const RUBRIC_V2_JSON: &str = include_str!("../data/rubric-v2.json");

/// A version of the rubric content. An edition measures with one version;
/// growth across versions goes through [`crate::mapping`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RubricVersion {
    V1,
    V2,
}

impl RubricVersion {
    pub const ALL: [RubricVersion; 2] = [RubricVersion::V1, RubricVersion::V2];
    /// The version new editions get unless the coordinator chooses otherwise.
    pub const LATEST: RubricVersion = RubricVersion::V2;

    /// "v1" / "v2": the identifier in URLs, the exchange format and the database.
    pub fn key(self) -> &'static str {
        match self {
            RubricVersion::V1 => "v1",
            RubricVersion::V2 => "v2",
        }
    }

    pub fn from_key(key: &str) -> Option<RubricVersion> {
        RubricVersion::ALL.into_iter().find(|v| v.key() == key)
    }

    /// The number in the data file's `version` field (1, 2).
    pub fn number(self) -> u32 {
        match self {
            RubricVersion::V1 => 1,
            RubricVersion::V2 => 2,
        }
    }

    pub fn from_number(n: u32) -> Option<RubricVersion> {
        RubricVersion::ALL.into_iter().find(|v| v.number() == n)
    }

}

impl fmt::Display for RubricVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A text in both interface languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    pub nl: String,
    pub en: String,
}

impl LocalizedText {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Self { nl: nl.into(), en: en.into() }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }
}

/// The two interface languages. Dutch is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The seven aspects of STEM education the rubric measures, in rubric order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AspectId {
    Curriculum,
    Pedagogy,
    Professionalisation,
    Evaluation,
    CompanyCooperation,
    Leadership,
    Infrastructure,
}

impl AspectId {
    pub const ALL: [AspectId; 7] = [
        AspectId::Curriculum,
        AspectId::Pedagogy,
        AspectId::Professionalisation,
        AspectId::Evaluation,
        AspectId::CompanyCooperation,
        AspectId::Leadership,
        AspectId::Infrastructure,
    ];

    /// The identifier used in the data file and in URLs.
    pub fn key(self) -> &'static str {
        match self {
            AspectId::Curriculum => "curriculum",
            AspectId::Pedagogy => "pedagogy",
            AspectId::Professionalisation => "professionalisation",
            AspectId::Evaluation => "evaluation",
            AspectId::CompanyCooperation => "company-cooperation",
            AspectId::Leadership => "leadership",
            AspectId::Infrastructure => "infrastructure",
        }
    }

    pub fn from_key(key: &str) -> Option<AspectId> {
        AspectId::ALL.into_iter().find(|a| a.key() == key)
    }
}

impl fmt::Display for AspectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A level on the rubric: 1 starting, 2 developing, 3 proficient, 4 exemplary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

impl Level {
    pub const MIN: Level = Level(1);
    pub const MAX: Level = Level(4);
    pub const ALL: [Level; 4] = [Level(1), Level(2), Level(3), Level(4)];

    /// A level from its number, if it is 1 to 4.
    pub fn new(n: u8) -> Result<Level, LevelOutOfRange> {
        if (1..=4).contains(&n) {
            Ok(Level(n))
        } else {
            Err(LevelOutOfRange(n as i64))
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// The next level up, if there is one.
    pub fn next(self) -> Option<Level> {
        Level::new(self.0 + 1).ok()
    }
}

impl TryFrom<u8> for Level {
    type Error = LevelOutOfRange;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        Level::new(n)
    }
}

impl From<Level> for u8 {
    fn from(l: Level) -> u8 {
        l.0
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("level {0} is out of range: a level is 1, 2, 3 or 4")]
pub struct LevelOutOfRange(pub i64);

/// The name of each level, shared by all indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelName {
    pub level: Level,
    pub name: LocalizedText,
}

/// One indicator: an observable practice with four level descriptors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// Unique over the rubric, e.g. `curriculum.learning-lines`.
    pub id: String,
    pub title: LocalizedText,
    /// The question a respondent answers, in one sentence.
    pub question: LocalizedText,
    /// Exactly four descriptors, for levels 1 to 4 in order.
    pub levels: Vec<LocalizedText>,
    /// What evidence shows the level (documents, observations, figures).
    pub evidence: LocalizedText,
    /// Evidence cues per level, levels 1 to 4 in order (v2 on; empty in v1):
    /// what a respondent would see or hear if the school is at that level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub level_evidence: Vec<LocalizedText>,
    /// A question to ask pupils whose answer shows the level (v2 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pupil_voice: Option<LocalizedText>,
}

impl Indicator {
    /// The descriptor of `level`.
    pub fn descriptor(&self, level: Level) -> Option<&LocalizedText> {
        self.levels.get(usize::from(level.get()) - 1)
    }

    /// The evidence cue of `level`, if the rubric version has them.
    pub fn level_evidence(&self, level: Level) -> Option<&LocalizedText> {
        self.level_evidence.get(usize::from(level.get()) - 1)
    }
}

/// One of the seven aspects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Aspect {
    pub id: AspectId,
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub indicators: Vec<Indicator>,
}

/// The whole rubric, as stored in the data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rubric {
    /// Stable identifier of the rubric family.
    pub id: String,
    /// Content version; measurements record the version they were made on.
    pub version: u32,
    pub title: LocalizedText,
    pub introduction: LocalizedText,
    /// Names of levels 1 to 4.
    pub level_names: Vec<LevelName>,
    /// Label for "not applicable" (in v1 it also covered "don't know").
    pub not_applicable: LocalizedText,
    /// What "not applicable" means (v2 on): the practice cannot exist at
    /// this school, e.g. the GIP at a school without that finality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable_help: Option<LocalizedText>,
    /// Label for "don't know", a separate answer from v2 on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know: Option<LocalizedText>,
    /// What "don't know" means (v2 on): the practice could exist, but the
    /// respondent cannot see it; in a baseline that is information itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dont_know_help: Option<LocalizedText>,
    /// How to choose when a descriptor fits only in part (v2 on), shown to
    /// respondents beside the introduction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial_fit_rule: Option<LocalizedText>,
    /// What changed from the previous version, for the public rubric page
    /// (v2 on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<LocalizedText>,
    pub aspects: Vec<Aspect>,
}

/// What is wrong with a rubric file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RubricError {
    #[error("the rubric file is not valid JSON: {0}")]
    Parse(String),
    #[error("the rubric has no id or version")]
    MissingVersion,
    #[error("the rubric must have the seven aspects in order; found {0:?}")]
    Aspects(Vec<AspectId>),
    #[error("aspect {aspect} has {count} indicators; 3 to 5 are required")]
    IndicatorCount { aspect: AspectId, count: usize },
    #[error("indicator id {0} is used twice")]
    DuplicateIndicator(String),
    #[error("indicator {0} must start with its aspect key and a dot")]
    IndicatorPrefix(String),
    #[error("indicator {id} has {count} level descriptors; exactly 4 are required")]
    LevelCount { id: String, count: usize },
    #[error("{place} has no {lang} text")]
    MissingText { place: String, lang: &'static str },
    #[error("the level names must be levels 1 to 4 in order")]
    LevelNames,
    #[error("indicator {id} has {count} level evidence cues; none or exactly 4 are required")]
    LevelEvidenceCount { id: String, count: usize },
}

impl Rubric {
    /// Parse and check a rubric file.
    pub fn from_json(json: &str) -> Result<Rubric, RubricError> {
        let rubric: Rubric =
            serde_json::from_str(json).map_err(|e| RubricError::Parse(e.to_string()))?;
        rubric.check()?;
        Ok(rubric)
    }

    /// Check completeness: seven aspects in order, 3 to 5 indicators each,
    /// unique ids, four levels per indicator, every text in both languages.
    pub fn check(&self) -> Result<(), RubricError> {
        fn text(t: &LocalizedText, place: impl Fn() -> String) -> Result<(), RubricError> {
            for (lang, s) in [("Dutch", &t.nl), ("English", &t.en)] {
                if s.trim().is_empty() {
                    return Err(RubricError::MissingText { place: place(), lang });
                }
            }
            Ok(())
        }
        if self.id.trim().is_empty() || self.version == 0 {
            return Err(RubricError::MissingVersion);
        }
        text(&self.title, || "the title".into())?;
        text(&self.introduction, || "the introduction".into())?;
        text(&self.not_applicable, || "the not-applicable label".into())?;
        for (t, what) in [
            (&self.not_applicable_help, "the not-applicable help"),
            (&self.dont_know, "the don't-know label"),
            (&self.dont_know_help, "the don't-know help"),
            (&self.partial_fit_rule, "the partial-fit rule"),
        ] {
            if let Some(t) = t {
                text(t, || what.into())?;
            }
        }
        for (i, c) in self.changes.iter().enumerate() {
            text(c, || format!("change {}", i + 1))?;
        }
        let names: Vec<Level> = self.level_names.iter().map(|n| n.level).collect();
        if names != Level::ALL {
            return Err(RubricError::LevelNames);
        }
        for n in &self.level_names {
            text(&n.name, || format!("level name {}", n.level))?;
        }
        let ids: Vec<AspectId> = self.aspects.iter().map(|a| a.id).collect();
        if ids != AspectId::ALL {
            return Err(RubricError::Aspects(ids));
        }
        let mut seen = HashSet::new();
        for aspect in &self.aspects {
            text(&aspect.name, || format!("aspect {}", aspect.id))?;
            text(&aspect.description, || format!("the description of aspect {}", aspect.id))?;
            let count = aspect.indicators.len();
            if !(3..=5).contains(&count) {
                return Err(RubricError::IndicatorCount { aspect: aspect.id, count });
            }
            for ind in &aspect.indicators {
                if !seen.insert(ind.id.clone()) {
                    return Err(RubricError::DuplicateIndicator(ind.id.clone()));
                }
                let prefix = format!("{}.", aspect.id.key());
                if !ind.id.starts_with(&prefix) || ind.id.len() == prefix.len() {
                    return Err(RubricError::IndicatorPrefix(ind.id.clone()));
                }
                if ind.levels.len() != 4 {
                    return Err(RubricError::LevelCount {
                        id: ind.id.clone(),
                        count: ind.levels.len(),
                    });
                }
                text(&ind.title, || format!("the title of {}", ind.id))?;
                text(&ind.question, || format!("the question of {}", ind.id))?;
                text(&ind.evidence, || format!("the evidence guidance of {}", ind.id))?;
                for (i, l) in ind.levels.iter().enumerate() {
                    text(l, || format!("level {} of {}", i + 1, ind.id))?;
                }
                if !matches!(ind.level_evidence.len(), 0 | 4) {
                    return Err(RubricError::LevelEvidenceCount {
                        id: ind.id.clone(),
                        count: ind.level_evidence.len(),
                    });
                }
                for (i, l) in ind.level_evidence.iter().enumerate() {
                    text(l, || format!("the evidence cue of level {} of {}", i + 1, ind.id))?;
                }
                if let Some(p) = &ind.pupil_voice {
                    text(p, || format!("the pupil-voice question of {}", ind.id))?;
                }
            }
        }
        Ok(())
    }

    /// The aspect with this id.
    pub fn aspect(&self, id: AspectId) -> Option<&Aspect> {
        self.aspects.iter().find(|a| a.id == id)
    }

    /// All indicators in rubric order, with their aspect.
    pub fn indicators(&self) -> impl Iterator<Item = (AspectId, &Indicator)> {
        self.aspects
            .iter()
            .flat_map(|a| a.indicators.iter().map(move |i| (a.id, i)))
    }

    /// The indicator with this id, and its aspect.
    pub fn indicator(&self, id: &str) -> Option<(AspectId, &Indicator)> {
        self.indicators().find(|(_, i)| i.id == id)
    }

    pub fn indicator_count(&self) -> usize {
        self.aspects.iter().map(|a| a.indicators.len()).sum()
    }

    /// The name of a level.
    pub fn level_name(&self, level: Level) -> &LocalizedText {
        &self.level_names[usize::from(level.get()) - 1].name
    }

    /// The version of this rubric, if it is one this build knows.
    pub fn rubric_version(&self) -> Option<RubricVersion> {
        RubricVersion::from_number(self.version)
    }
}

/// A rubric version, parsed once. The embedded files are checked by the test
/// suite, so a failure here is a build defect, not user input.
pub fn rubric(version: RubricVersion) -> &'static Rubric {
    match version {
        RubricVersion::V1 => v1(),
        RubricVersion::V2 => v2(),
    }
}

// One function per version, so an app that only calls `current()` links
// only the v1 file, not every version's text.
fn v1() -> &'static Rubric {
    static V1: OnceLock<Rubric> = OnceLock::new();
    V1.get_or_init(|| parse_embedded(RubricVersion::V1, RUBRIC_V1_JSON))
}

fn v2() -> &'static Rubric {
    static V2: OnceLock<Rubric> = OnceLock::new();
    V2.get_or_init(|| parse_embedded(RubricVersion::V2, RUBRIC_V2_JSON))
}

fn parse_embedded(version: RubricVersion, json: &str) -> Rubric {
    Rubric::from_json(json).unwrap_or_else(|e| panic!("embedded rubric-{version}.json is invalid: {e}"))
}

/// The embedded rubric file of a version as text, to serve it unparsed.
pub fn rubric_json(version: RubricVersion) -> &'static str {
    match version {
        RubricVersion::V1 => RUBRIC_V1_JSON,
        RubricVersion::V2 => RUBRIC_V2_JSON,
    }
}

/// The rubric that existing code measures with: v1 (editions made before
/// versions existed). New code names its version with [`rubric`].
pub fn current() -> &'static Rubric {
    v1()
}

/// The v1 rubric file as text, to serve it unparsed.
pub fn current_json() -> &'static str {
    RUBRIC_V1_JSON
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rubric_is_complete() {
        let rubric = Rubric::from_json(RUBRIC_V1_JSON).expect("rubric file is complete");
        assert_eq!(rubric.id, "stempact-rubric");
        assert!(rubric.version >= 1);
        assert_eq!(rubric.aspects.len(), 7);
        for a in &rubric.aspects {
            assert!((3..=5).contains(&a.indicators.len()), "{}", a.id);
            for i in &a.indicators {
                assert_eq!(i.levels.len(), 4, "{}", i.id);
                for l in &i.levels {
                    assert!(!l.nl.trim().is_empty() && !l.en.trim().is_empty(), "{}", i.id);
                }
            }
        }
        let ids: HashSet<_> = rubric.indicators().map(|(_, i)| i.id.clone()).collect();
        assert_eq!(ids.len(), rubric.indicator_count());
    }

    #[test]
    fn descriptors_differ_between_levels() {
        // A rubric whose levels repeat each other cannot discriminate.
        for (_, ind) in current().indicators() {
            let nl: HashSet<_> = ind.levels.iter().map(|l| l.nl.as_str()).collect();
            let en: HashSet<_> = ind.levels.iter().map(|l| l.en.as_str()).collect();
            assert_eq!(nl.len(), 4, "{} repeats a Dutch descriptor", ind.id);
            assert_eq!(en.len(), 4, "{} repeats an English descriptor", ind.id);
        }
    }

    fn minimal() -> Rubric {
        let t = |s: &str| LocalizedText::new(format!("{s} nl"), format!("{s} en"));
        Rubric {
            id: "x".into(),
            version: 1,
            title: t("title"),
            introduction: t("intro"),
            level_names: Level::ALL
                .iter()
                .map(|&level| LevelName { level, name: t("lvl") })
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
                    indicators: (0..3)
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

    #[test]
    fn check_rejects_incomplete_rubrics() {
        assert_eq!(minimal().check(), Ok(()));

        let mut r = minimal();
        r.aspects[2].indicators[1].levels[3].en = " ".into();
        assert!(matches!(r.check(), Err(RubricError::MissingText { lang: "English", .. })));

        let mut r = minimal();
        r.aspects[0].indicators[1].id = r.aspects[0].indicators[0].id.clone();
        assert!(matches!(r.check(), Err(RubricError::DuplicateIndicator(_))));

        let mut r = minimal();
        r.aspects[4].indicators.truncate(2);
        assert!(matches!(r.check(), Err(RubricError::IndicatorCount { count: 2, .. })));

        let mut r = minimal();
        r.aspects[1].indicators[0].levels.pop();
        assert!(matches!(r.check(), Err(RubricError::LevelCount { count: 3, .. })));

        let mut r = minimal();
        r.aspects.swap(0, 1);
        assert!(matches!(r.check(), Err(RubricError::Aspects(_))));

        let mut r = minimal();
        r.version = 0;
        assert_eq!(r.check(), Err(RubricError::MissingVersion));

        let mut r = minimal();
        r.aspects[0].indicators[0].id = "pedagogy.x".into();
        assert!(matches!(r.check(), Err(RubricError::IndicatorPrefix(_))));
    }

    #[test]
    fn level_parses_only_one_to_four() {
        assert!(Level::new(0).is_err());
        assert!(Level::new(5).is_err());
        assert_eq!(Level::new(3).map(Level::get), Ok(3));
        assert!(serde_json::from_str::<Level>("7").is_err());
        assert_eq!(Level::new(4).ok().and_then(Level::next), None);
    }
}

/// Completeness and wording checks of rubric v2 against the points of
/// issue 15 (each test names the point it guards).
#[cfg(test)]
mod v2_tests {
    use super::*;
    use crate::glossary::contains_phrase;

    fn v2() -> &'static Rubric {
        rubric(RubricVersion::V2)
    }

    /// Every text of an indicator in one language, with where it is.
    fn indicator_texts(ind: &Indicator, lang: Lang) -> Vec<(String, &str)> {
        let mut out = vec![
            (format!("{} title", ind.id), ind.title.get(lang)),
            (format!("{} question", ind.id), ind.question.get(lang)),
            (format!("{} evidence", ind.id), ind.evidence.get(lang)),
        ];
        for (n, l) in ind.levels.iter().chain(&ind.level_evidence).enumerate() {
            out.push((format!("{} text {}", ind.id, n + 1), l.get(lang)));
        }
        if let Some(p) = &ind.pupil_voice {
            out.push((format!("{} pupil voice", ind.id), p.get(lang)));
        }
        out
    }

    fn all_texts(rubric: &Rubric, lang: Lang) -> Vec<(String, String)> {
        let mut out = vec![("introduction".to_string(), rubric.introduction.get(lang).to_string())];
        for a in &rubric.aspects {
            out.push((format!("aspect {}", a.id), a.description.get(lang).to_string()));
            for ind in &a.indicators {
                out.extend(indicator_texts(ind, lang).into_iter().map(|(p, s)| (p, s.to_string())));
            }
        }
        out
    }

    #[test]
    fn versions_have_keys_numbers_and_their_own_file() {
        for v in RubricVersion::ALL {
            assert_eq!(RubricVersion::from_key(v.key()), Some(v));
            assert_eq!(serde_json::to_string(&v).expect("serialise"), format!("\"{}\"", v.key()));
            assert_eq!(rubric(v).rubric_version(), Some(v), "rubric-{v}.json says version {}", rubric(v).version);
            assert_eq!(Rubric::from_json(rubric_json(v)).as_ref(), Ok(rubric(v)));
        }
        assert_eq!(RubricVersion::from_key("v3"), None);
        assert_eq!(RubricVersion::LATEST, RubricVersion::V2);
        assert_eq!(current(), rubric(RubricVersion::V1), "existing code keeps measuring with v1");
        assert_eq!(current_json(), rubric_json(RubricVersion::V1));
    }

    #[test]
    fn v1_still_loads_without_the_v2_fields() {
        let v1 = rubric(RubricVersion::V1);
        assert!(v1.dont_know.is_none() && v1.partial_fit_rule.is_none() && v1.changes.is_empty());
        assert!(v1.indicators().all(|(_, i)| i.level_evidence.is_empty() && i.pupil_voice.is_none()));
    }

    #[test]
    fn v2_is_complete_in_both_languages() {
        let r = v2();
        assert!(r.dont_know.is_some(), "v2 has 'don't know' as its own answer");
        assert!(r.not_applicable_help.is_some() && r.dont_know_help.is_some(), "v2 says what n.v.t. and don't-know mean");
        assert!(r.partial_fit_rule.is_some(), "v2 shows a partial-fit rule");
        assert!(r.changes.len() >= 5, "v2 lists what changed from v1");
        assert_ne!(r.not_applicable, r.dont_know.clone().expect("dont_know"), "two different answers");
        for a in &r.aspects {
            assert!((3..=5).contains(&a.indicators.len()), "{} has {} indicators", a.id, a.indicators.len());
            for ind in &a.indicators {
                assert_eq!(ind.levels.len(), 4, "{}", ind.id);
                assert_eq!(ind.level_evidence.len(), 4, "{} has evidence cues for every level", ind.id);
                assert!(ind.pupil_voice.is_some(), "{} asks pupils something", ind.id);
                for lang in Lang::ALL {
                    for (place, s) in indicator_texts(ind, lang) {
                        assert!(!s.trim().is_empty(), "{place} ({}) is empty", lang.code());
                    }
                    let levels: HashSet<_> = ind.levels.iter().map(|l| l.get(lang)).collect();
                    let cues: HashSet<_> = ind.level_evidence.iter().map(|l| l.get(lang)).collect();
                    assert_eq!(levels.len(), 4, "{} repeats a level ({})", ind.id, lang.code());
                    assert_eq!(cues.len(), 4, "{} repeats an evidence cue ({})", ind.id, lang.code());
                }
            }
        }
    }

    #[test]
    fn v2_evidence_asks_pupils() {
        // "Evidence guidance ... rarely asks for pupil voice": every indicator
        // has a pupil question, and the cues of most indicators mention pupils.
        let r = v2();
        let with_pupils = r
            .indicators()
            .filter(|(_, i)| i.level_evidence.iter().any(|c| contains_phrase(&c.nl, "leerlingen") && contains_phrase(&c.en, "pupils")))
            .count();
        assert!(with_pupils * 4 >= r.indicator_count() * 3, "only {with_pupils} of {} indicators have a cue that asks pupils", r.indicator_count());
    }

    #[test]
    fn v2_assumes_no_partner_company_at_baseline() {
        for (_, ind) in v2().indicators() {
            for (place, s) in indicator_texts(ind, Lang::Nl) {
                assert!(!contains_phrase(s, "peterbedrijf"), "{place} assumes a partner company");
            }
            for (place, s) in indicator_texts(ind, Lang::En) {
                assert!(!contains_phrase(s, "partner company") && !contains_phrase(s, "sponsor company"), "{place} assumes a partner company");
            }
        }
    }

    /// Texts that speak of all grades/orientations/programmes without
    /// scoping them to what the school offers.
    fn unscoped(rubric: &Rubric) -> Vec<String> {
        let mut out = Vec::new();
        for (lang, phrases, scope) in [
            (Lang::Nl, &["alle graden", "alle finaliteiten", "alle studierichtingen", "elke finaliteit"][..], "die de school aanbiedt"),
            (Lang::En, &["all stages", "all grades", "all orientations", "all finalities", "all study programmes", "every orientation"][..], "the school offers"),
        ] {
            for (place, s) in all_texts(rubric, lang) {
                if phrases.iter().any(|p| contains_phrase(&s, p)) && !s.contains(scope) {
                    out.push(format!("{place} ({})", lang.code()));
                }
            }
        }
        out
    }

    #[test]
    fn v2_is_scoped_to_what_the_school_offers() {
        assert_eq!(unscoped(v2()), Vec::<String>::new());
        assert!(!unscoped(rubric(RubricVersion::V1)).is_empty(), "the check finds v1's unscoped levels");
    }

    #[test]
    fn v2_has_the_dutch_wording_fixes() {
        for (place, s) in all_texts(v2(), Lang::Nl) {
            for wrong in ["een of enkele", "trekt mee", "neemt mee het", "doorstroom"] {
                assert!(!contains_phrase(&s, wrong), "{place} says {wrong:?}");
            }
        }
        let intro = &v2().introduction.nl;
        assert!(!intro.contains("veronderstelt"), "the cumulative rule contradicted lower levels");
        assert!(contains_phrase(intro, "vervangt"), "the intro says a higher level replaces the lower one");
    }

    /// Level-4 texts that end in the evaluate-and-adjust loop.
    fn loop_endings(rubric: &Rubric) -> usize {
        let words = ["geëvalueerd", "evalueren", "bijgestuurd", "bijgesteld", "herzien", "herbekeken"];
        rubric
            .indicators()
            .filter(|(_, i)| {
                let l4 = i.levels[3].nl.to_lowercase();
                words.iter().any(|w| l4.contains(w))
            })
            .count()
    }

    #[test]
    fn v2_does_not_repeat_the_yearly_evaluation_loop() {
        assert!(loop_endings(v2()) <= 1, "{} level-4 texts end in the evaluation loop", loop_endings(v2()));
        assert!(loop_endings(rubric(RubricVersion::V1)) > 3, "the check finds v1's repeated loop");
    }

    /// Ladders where the only step is from "some" to "every".
    fn quantity_steps(rubric: &Rubric) -> Vec<String> {
        let has = |s: &str, words: &[&str]| words.iter().any(|w| contains_phrase(s, w));
        let mut out = Vec::new();
        for (_, ind) in rubric.indicators() {
            for (n, pair) in ind.levels.windows(2).enumerate() {
                if has(&pair[0].nl, &["enkele", "sommige"]) && has(&pair[1].nl, &["elke", "alle"]) {
                    out.push(format!("{} {}->{}", ind.id, n + 1, n + 2));
                }
            }
        }
        out
    }

    #[test]
    fn v2_ladders_step_in_quality_not_only_in_quantity() {
        assert_eq!(quantity_steps(v2()), Vec::<String>::new());
        assert!(!quantity_steps(rubric(RubricVersion::V1)).is_empty(), "the check finds v1's 'enkele -> elke' steps");
    }

    #[test]
    fn v2_covers_the_missing_themes() {
        // Each theme the issue found missing has an indicator of its own.
        for id in [
            "pedagogy.thinking-modelling",
            "pedagogy.technology-use",
            "curriculum.final-project",
            "company-cooperation.study-choice",
            "curriculum.first-stage",
            "company-cooperation.primary-schools",
            "pedagogy.every-pupil",
        ] {
            assert!(v2().indicator(id).is_some(), "{id} is missing");
        }
        let (_, study) = v2().indicator("company-cooperation.study-choice").expect("study choice");
        assert!(study.levels.iter().any(|l| contains_phrase(&l.nl, "CLB")) && contains_phrase(&study.question.nl, "onderwijsloopbaanbegeleiding"));
        let (_, all) = v2().indicator("pedagogy.every-pupil").expect("every pupil");
        assert!(["thuistaal", "sociaal-economische", "onderwijsbehoeften"].iter().all(|w| all.question.nl.contains(w)), "diversity beyond gender");
    }
}

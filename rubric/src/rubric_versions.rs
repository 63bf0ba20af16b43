//! Which rubric an edition measures with: the versions on offer, the one a
//! new edition gets, the rubric (and its JSON) of a version, the rules for
//! choosing and changing an edition's version, and growth from a baseline
//! on one version to a final on another ([`growth_across`], through the
//! declared [`crate::mapping`]). The content itself lives in
//! [`crate::content`]; this module only picks from it.

use crate::assessment::SchoolProfile;
use crate::content::{rubric, rubric_json, Level, Rubric, RubricVersion};
use crate::mapping::{v1_to_v2, Comparability};
use serde::{Deserialize, Serialize};

/// The version of editions created before the choice existed (and of
/// exchange files that do not say).
pub const FIRST: u32 = 1;

/// Every rubric version the programme offers, oldest first.
pub fn available() -> Vec<u32> {
    RubricVersion::ALL.iter().map(|v| v.number()).collect()
}

/// The version a new edition gets unless the coordinator picks another:
/// the newest.
pub fn default_for_new_edition() -> u32 {
    RubricVersion::LATEST.number()
}

/// The rubric of `version`, if the programme has it.
pub fn rubric_of(version: u32) -> Option<&'static Rubric> {
    RubricVersion::from_number(version).map(rubric)
}

/// The rubric file of `version` as text, to serve it unparsed.
pub fn rubric_json_of(version: u32) -> Option<&'static str> {
    RubricVersion::from_number(version).map(rubric_json)
}

/// How many indicators `version` has (0 for an unknown one), without
/// loading its text: for an app that only counts answers.
pub fn indicator_count(version: u32) -> usize {
    match RubricVersion::from_number(version) {
        Some(RubricVersion::V1) => 28,
        Some(RubricVersion::V2) => 31,
        None => 0,
    }
}

/// Why an edition cannot measure with the chosen rubric version.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RubricVersionError {
    #[error("there is no rubric version {version}; choose one of {known}")]
    Unknown { version: u32, known: String },
    #[error("the rubric version cannot change to {wanted}: {answers} answers were already given on version {current} in a measurement that is still open; close that measurement first")]
    AnswersGiven { current: u32, wanted: u32, answers: i64 },
}

/// `version` if the programme offers it.
pub fn check_choice(version: u32) -> Result<u32, RubricVersionError> {
    if rubric_of(version).is_some() {
        return Ok(version);
    }
    let known = available().iter().map(u32::to_string).collect::<Vec<_>>().join(", ");
    Err(RubricVersionError::Unknown { version, known })
}

/// Whether an edition on `current` may move to `wanted` when its open
/// measurements hold `open_answers` answers. Measurements keep the version
/// they were opened on (a closed nulmeting on v1 stays v1); the edition's
/// version is what its measurements open with from now on, so a change is
/// refused only while someone is answering on the old version.
pub fn check_change(current: u32, wanted: u32, open_answers: i64) -> Result<u32, RubricVersionError> {
    let wanted = check_choice(wanted)?;
    if wanted != current && open_answers > 0 {
        return Err(RubricVersionError::AnswersGiven { current, wanted, answers: open_answers });
    }
    Ok(wanted)
}

/// Growth on one indicator of the final measurement, from a baseline that
/// may have been answered on another rubric version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossGrowth {
    /// The indicator in the final's version.
    pub indicator_id: String,
    /// Its counterpart in the baseline's version, if the mapping names one.
    pub from_indicator: Option<String>,
    /// Whether the two measure the same thing.
    pub comparability: Comparability,
    pub baseline: Option<Level>,
    #[serde(rename = "final")]
    pub final_level: Option<Level>,
    /// Final minus baseline, only where comparable and both have a level.
    pub delta: Option<i8>,
}

/// Growth per indicator of `final_profile` from `baseline`: within one
/// version every indicator is its own counterpart; from v1 to v2 the
/// declared mapping decides: a same or reworded construct is comparable
/// (growth shown), a split or merged one indicative (both levels shown, no
/// difference), a new indicator or a changed construct not comparable.
/// In final rubric order.
pub fn growth_across(baseline: &SchoolProfile, final_profile: &SchoolProfile) -> Vec<CrossGrowth> {
    let versions = (RubricVersion::from_number(baseline.rubric_version), RubricVersion::from_number(final_profile.rubric_version));
    final_profile
        .indicators
        .iter()
        .map(|f| {
            let (from, comparability) = match versions {
                (Some(a), Some(b)) if a == b => (Some(f.indicator_id.clone()), Comparability::Comparable),
                (Some(RubricVersion::V1), Some(RubricVersion::V2)) => {
                    let mapping = v1_to_v2();
                    match mapping.comparable_source(&f.indicator_id) {
                        Some(source) => (Some(source.to_string()), Comparability::Comparable),
                        None => match mapping.sources(&f.indicator_id).next() {
                            Some(link) => (Some(link.from.clone()), mapping.comparability(&link.from, &f.indicator_id)),
                            None => (None, Comparability::NotComparable),
                        },
                    }
                }
                _ => (None, Comparability::NotComparable),
            };
            let base = from.as_deref().and_then(|id| baseline.level(id));
            let final_level = f.level();
            let delta = match (comparability, base, final_level) {
                (Comparability::Comparable, Some(b), Some(f)) => Some(f.get() as i8 - b.get() as i8),
                _ => None,
            };
            CrossGrowth { indicator_id: f.indicator_id.clone(), from_indicator: from, comparability, baseline: base, final_level, delta }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Consensus;
    use crate::mapping::LinkKind;

    fn profile(version: RubricVersion, level: u8) -> SchoolProfile {
        let r = rubric(version);
        let consensus: Vec<Consensus> = r
            .indicators()
            .map(|(_, i)| Consensus { indicator_id: i.id.clone(), level: Level::new(level).ok(), rationale: String::new() })
            .collect();
        SchoolProfile::from_consensus(r, &consensus)
    }

    #[test]
    fn growth_within_one_version_is_comparable_everywhere() {
        let g = growth_across(&profile(RubricVersion::V1, 1), &profile(RubricVersion::V1, 3));
        assert_eq!(g.len(), rubric(RubricVersion::V1).indicator_count());
        assert!(g.iter().all(|x| x.comparability == Comparability::Comparable && x.delta == Some(2)));
    }

    #[test]
    fn growth_from_v1_to_v2_follows_the_mapping() {
        let g = growth_across(&profile(RubricVersion::V1, 1), &profile(RubricVersion::V2, 3));
        let mapping = v1_to_v2();
        assert_eq!(g.len(), rubric(RubricVersion::V2).indicator_count());
        for x in &g {
            match x.comparability {
                Comparability::Comparable => {
                    let from = x.from_indicator.as_deref().expect("a comparable indicator has a source");
                    assert!(matches!(mapping.link(from).map(|l| l.kind), Some(LinkKind::Same | LinkKind::Reworded)));
                    assert_eq!(x.delta, Some(2), "{}", x.indicator_id);
                }
                _ => assert_eq!(x.delta, None, "{}: no growth where the construct changed", x.indicator_id),
            }
        }
        // A v2 indicator new in v2 is marked, never given a growth.
        for new in &mapping.new {
            let x = g.iter().find(|x| x.indicator_id == new.id).expect("every v2 indicator is listed");
            assert_eq!((x.comparability, x.from_indicator.as_deref(), x.baseline), (Comparability::NotComparable, None, None));
        }
        assert!(g.iter().any(|x| x.comparability == Comparability::Comparable), "some constructs stay");
    }

    #[test]
    fn every_available_version_has_its_rubric_and_json() {
        for v in available() {
            let rubric = rubric_of(v).expect("offered version has a rubric");
            assert_eq!(rubric.version, v);
            let json = rubric_json_of(v).expect("offered version has its file");
            assert_eq!(Rubric::from_json(json).map(|r| r.version).ok(), Some(v));
        }
        assert!(available().contains(&FIRST));
        assert!(available().contains(&default_for_new_edition()));
        assert_eq!(rubric_of(99), None);
        for v in RubricVersion::ALL {
            assert_eq!(indicator_count(v.number()), rubric(v).indicator_count(), "{v}");
        }
        assert_eq!(indicator_count(99), 0);
    }

    #[test]
    fn an_unknown_version_is_refused_with_the_known_ones() {
        let err = check_choice(99).unwrap_err();
        assert!(err.to_string().contains("no rubric version 99"), "{err}");
        assert!(err.to_string().contains(&FIRST.to_string()), "{err}");
    }

    #[test]
    fn a_change_is_refused_only_while_answers_are_open() {
        let v = default_for_new_edition();
        assert_eq!(check_change(FIRST, v, 0), Ok(v));
        // Keeping the version is always fine.
        assert_eq!(check_change(v, v, 12), Ok(v));
        if v != FIRST {
            assert!(matches!(check_change(FIRST, v, 3), Err(RubricVersionError::AnswersGiven { answers: 3, .. })));
        }
        assert!(matches!(check_change(FIRST, 99, 0), Err(RubricVersionError::Unknown { .. })));
    }
}

//! Growth of a school between its baseline and final measurement: final
//! minus baseline per indicator and per aspect, from the two school profiles.

use crate::assessment::SchoolProfile;
use crate::content::{AspectId, Level};
use serde::{Deserialize, Serialize};

/// Growth on one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorGrowth {
    pub indicator_id: String,
    pub aspect: AspectId,
    pub baseline: Option<Level>,
    #[serde(rename = "final")]
    pub final_level: Option<Level>,
    /// `final - baseline` in levels (-3 to 3); `None` when either is missing.
    pub delta: Option<i8>,
}

/// Growth on one aspect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AspectGrowth {
    pub aspect: AspectId,
    pub baseline: Option<f64>,
    #[serde(rename = "final")]
    pub final_score: Option<f64>,
    /// `final - baseline` aspect score; `None` when either is missing.
    pub delta: Option<f64>,
}

/// Final minus baseline, per indicator and per aspect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Growth {
    /// Both profiles were made on the same rubric version. Indicators are
    /// matched by id either way; with different versions, read the deltas
    /// with care (ids whose content changed are not comparable).
    pub same_rubric_version: bool,
    /// Indicators of the final profile in its order, then any indicators
    /// only the baseline has.
    pub indicators: Vec<IndicatorGrowth>,
    /// Aspects of the final profile in its order, then any only the
    /// baseline has.
    pub aspects: Vec<AspectGrowth>,
    /// `final - baseline` overall mean.
    pub overall: Option<f64>,
}

impl Growth {
    /// The growth of one aspect.
    pub fn aspect_delta(&self, aspect: AspectId) -> Option<f64> {
        self.aspects
            .iter()
            .find(|a| a.aspect == aspect)
            .and_then(|a| a.delta)
    }

    /// The growth of one indicator.
    pub fn indicator_delta(&self, indicator_id: &str) -> Option<i8> {
        self.indicators
            .iter()
            .find(|i| i.indicator_id == indicator_id)
            .and_then(|i| i.delta)
    }
}

fn diff(baseline: Option<f64>, final_score: Option<f64>) -> Option<f64> {
    Some(final_score? - baseline?)
}

/// Growth from `baseline` to `final_profile`. Aspect deltas compare aspect
/// scores, each the mean over that measurement's consensus levels.
pub fn growth(baseline: &SchoolProfile, final_profile: &SchoolProfile) -> Growth {
    let mut indicators: Vec<IndicatorGrowth> = final_profile
        .indicators
        .iter()
        .map(|f| {
            let before = baseline
                .indicators
                .iter()
                .find(|b| b.indicator_id == f.indicator_id);
            let baseline = before.and_then(|b| b.level());
            let final_level = f.level();
            IndicatorGrowth {
                indicator_id: f.indicator_id.clone(),
                aspect: f.aspect,
                baseline,
                final_level,
                delta: baseline
                    .zip(final_level)
                    .map(|(b, f)| level_i8(f) - level_i8(b)),
            }
        })
        .collect();
    indicators.extend(
        baseline
            .indicators
            .iter()
            .filter(|b| {
                !final_profile
                    .indicators
                    .iter()
                    .any(|f| f.indicator_id == b.indicator_id)
            })
            .map(|b| IndicatorGrowth {
                indicator_id: b.indicator_id.clone(),
                aspect: b.aspect,
                baseline: b.level(),
                final_level: None,
                delta: None,
            }),
    );

    let mut aspects: Vec<AspectGrowth> = final_profile
        .aspects
        .iter()
        .map(|f| {
            let baseline = baseline.aspect_score(f.aspect);
            AspectGrowth {
                aspect: f.aspect,
                baseline,
                final_score: f.score,
                delta: diff(baseline, f.score),
            }
        })
        .collect();
    aspects.extend(
        baseline
            .aspects
            .iter()
            .filter(|b| !final_profile.aspects.iter().any(|f| f.aspect == b.aspect))
            .map(|b| AspectGrowth {
                aspect: b.aspect,
                baseline: b.score,
                final_score: None,
                delta: None,
            }),
    );

    Growth {
        same_rubric_version: baseline.rubric_version == final_profile.rubric_version,
        indicators,
        aspects,
        overall: diff(baseline.overall, final_profile.overall),
    }
}

fn level_i8(level: Level) -> i8 {
    // Levels are 1 to 4, far inside i8.
    i8::try_from(level.get()).unwrap_or(i8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::testutil::{level, test_rubric};
    use crate::assessment::Consensus;

    fn profile(levels: &[(&str, Option<u8>)]) -> SchoolProfile {
        let consensus: Vec<Consensus> = levels
            .iter()
            .map(|&(id, l)| Consensus {
                indicator_id: id.into(),
                level: l.map(level),
                rationale: String::new(),
            })
            .collect();
        SchoolProfile::from_consensus(&test_rubric(3), &consensus)
    }

    #[test]
    fn growth_is_final_minus_baseline() {
        let before = profile(&[
            ("curriculum.i0", Some(1)),
            ("curriculum.i1", Some(3)),
            ("curriculum.i2", Some(2)),
            ("pedagogy.i0", Some(2)),
            ("leadership.i0", None),
        ]);
        let after = profile(&[
            ("curriculum.i0", Some(3)),
            ("curriculum.i1", Some(2)),
            ("curriculum.i2", Some(2)),
            ("pedagogy.i1", Some(4)),
            ("leadership.i0", Some(3)),
        ]);
        let g = growth(&before, &after);
        assert!(g.same_rubric_version);
        assert_eq!(g.indicator_delta("curriculum.i0"), Some(2)); // positive
        assert_eq!(g.indicator_delta("curriculum.i1"), Some(-1)); // negative
        assert_eq!(g.indicator_delta("curriculum.i2"), Some(0));
        assert_eq!(g.indicator_delta("pedagogy.i0"), None); // no final
        assert_eq!(g.indicator_delta("pedagogy.i1"), None); // no baseline
        assert_eq!(g.indicator_delta("leadership.i0"), None); // baseline N/A
        assert_eq!(g.aspect_delta(AspectId::Curriculum), Some(7.0 / 3.0 - 2.0));
        assert_eq!(g.aspect_delta(AspectId::Pedagogy), Some(2.0));
        assert_eq!(g.aspect_delta(AspectId::Leadership), None);
        assert_eq!(g.aspect_delta(AspectId::Evaluation), None);
        assert!(g
            .aspect_delta(AspectId::Curriculum)
            .is_some_and(|d| d > 0.0));
        let back = growth(&after, &before);
        assert_eq!(back.indicator_delta("curriculum.i0"), Some(-2));
        assert!(back
            .aspect_delta(AspectId::Curriculum)
            .is_some_and(|d| d < 0.0));
        assert_eq!(g.indicators.len(), 21);
        let json = serde_json::to_string(&g).expect("serializes");
        assert!(
            json.contains(r#""baseline":1,"final":3,"delta":2"#),
            "{json}"
        );
    }

    #[test]
    fn growth_matches_ids_across_versions() {
        let before = profile(&[("curriculum.i0", Some(1))]);
        let mut after = SchoolProfile::from_consensus(
            &test_rubric(4),
            &[Consensus {
                indicator_id: "curriculum.i0".into(),
                level: Some(level(2)),
                rationale: String::new(),
            }],
        );
        after.rubric_version = 2;
        let g = growth(&before, &after);
        assert!(!g.same_rubric_version);
        assert_eq!(g.indicator_delta("curriculum.i0"), Some(1));
        assert_eq!(g.indicators.len(), 28);
        let mut smaller = before.clone();
        smaller.indicators.truncate(1);
        let g = growth(&after, &smaller);
        assert_eq!(g.indicators.len(), 28, "baseline-only indicators are kept");
        assert_eq!(g.indicator_delta("curriculum.i0"), Some(-1));
    }
}

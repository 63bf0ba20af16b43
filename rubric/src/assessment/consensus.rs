//! The team's consensus per indicator and the school profile built from it:
//! the school's official result of a measurement, with aspect means, overall
//! mean and strongest and weakest indicators. Also proposes a default
//! consensus from the team median where the team agrees.

use crate::assessment::{Answer, IndicatorIndex, IndicatorStats, TeamAggregate};
use crate::content::{AspectId, Level, Rubric};
use serde::{Deserialize, Serialize};

/// Longest accepted consensus rationale, in characters.
pub const MAX_RATIONALE_CHARS: usize = 1000;

/// The level a team settles on for one indicator after discussion.
///
/// JSON: `{"indicator_id": "...", "level": 3, "rationale": "..."}`, where
/// `level` is `1`-`4` or `null` for "not applicable". An indicator without a
/// consensus record has not been decided yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consensus {
    pub indicator_id: String,
    /// `None`: the team agrees the indicator does not apply.
    pub level: Option<Level>,
    /// Why, at most [`MAX_RATIONALE_CHARS`] characters; may be empty.
    #[serde(default)]
    pub rationale: String,
}

/// Why a consensus cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConsensusError {
    #[error("there is no indicator \"{0}\" in the rubric")]
    UnknownIndicator(String),
    #[error("the rationale is {0} characters long; at most {MAX_RATIONALE_CHARS} are allowed")]
    RationaleTooLong(usize),
}

/// Check a consensus before it is stored and return it with the rationale
/// trimmed.
pub fn validate_consensus(
    rubric: &Rubric,
    consensus: &Consensus,
) -> Result<Consensus, ConsensusError> {
    if rubric.indicator(&consensus.indicator_id).is_none() {
        return Err(ConsensusError::UnknownIndicator(
            consensus.indicator_id.clone(),
        ));
    }
    let rationale = consensus.rationale.trim();
    let len = rationale.chars().count();
    if len > MAX_RATIONALE_CHARS {
        return Err(ConsensusError::RationaleTooLong(len));
    }
    Ok(Consensus {
        indicator_id: consensus.indicator_id.clone(),
        level: consensus.level,
        rationale: rationale.to_string(),
    })
}

/// A team median rounded to a level, halves rounded **up** (1.5 -> 2,
/// 2.5 -> 3, 3.5 -> 4) and clamped to 1-4. `None` for NaN.
///
/// A half median means the team split evenly between two adjacent levels;
/// the proposal takes the higher one and the coordinator can lower it.
pub fn round_half_up(median: f64) -> Option<Level> {
    if median.is_nan() {
        return None;
    }
    let rounded = (median + 0.5).floor().clamp(1.0, 4.0);
    // `rounded` is an integer in 1..=4, so the cast is exact.
    Level::new(rounded as u8).ok()
}

impl IndicatorStats {
    /// The consensus to propose for this indicator, if the team agrees:
    /// no disagreement and at least one answer. The level is the median
    /// rounded half up ([`round_half_up`]); when every answer was "not
    /// applicable" the proposal is "not applicable". When nobody gave a
    /// level and someone answered "don't know", there is no proposal: the
    /// team decides (a level, or "not applicable"); "don't know" is never a
    /// school's result. The rationale is left empty for the team to fill in.
    pub fn proposal(&self) -> Option<Consensus> {
        let outcome = self.proposed_outcome()?;
        Some(Consensus {
            indicator_id: self.indicator_id.clone(),
            level: outcome.level(),
            rationale: String::new(),
        })
    }

    /// The outcome of [`IndicatorStats::proposal`] without building it.
    pub fn proposed_outcome(&self) -> Option<Answer> {
        if self.disagreement {
            return None;
        }
        match self.median {
            Some(median) => round_half_up(median).map(Answer::Level),
            None if self.na_count > 0 && self.dont_know_count == 0 => Some(Answer::NotApplicable),
            None => None,
        }
    }
}

/// Proposed consensus for every indicator the team agrees on, in rubric
/// order (see [`IndicatorStats::proposal`]). Indicators with a disagreement,
/// or that nobody answered, get no proposal: the team must decide them.
pub fn propose_consensus(aggregate: &TeamAggregate) -> Vec<Consensus> {
    aggregate
        .indicators
        .iter()
        .filter_map(IndicatorStats::proposal)
        .collect()
}

/// The school's result on one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorResult {
    pub indicator_id: String,
    pub aspect: AspectId,
    /// `None`: no consensus recorded yet; otherwise a level or "na".
    pub outcome: Option<Answer>,
}

impl IndicatorResult {
    /// The consensus level, if there is one.
    pub fn level(&self) -> Option<Level> {
        self.outcome.and_then(Answer::level)
    }
}

/// The school's result on one aspect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AspectResult {
    pub aspect: AspectId,
    /// Mean of the consensus levels of the aspect; `None` without any.
    pub score: Option<f64>,
    /// Indicators with a consensus level.
    pub levels: u32,
    /// Indicators of the aspect.
    pub indicators: u32,
}

/// The school's result of one measurement, computed from the consensus.
/// It carries no school identity, so profiles can be pooled anonymously.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SchoolProfile {
    pub rubric_version: u32,
    /// One entry per indicator, in rubric order.
    pub indicators: Vec<IndicatorResult>,
    /// One entry per aspect, in rubric order.
    pub aspects: Vec<AspectResult>,
    /// Mean of all consensus levels (each indicator weighs the same);
    /// `None` without any.
    pub overall: Option<f64>,
}

impl SchoolProfile {
    /// The profile from the recorded consensus. Records on ids not in the
    /// rubric are ignored; when an indicator has several, the last wins.
    pub fn from_consensus(rubric: &Rubric, consensus: &[Consensus]) -> SchoolProfile {
        IndicatorIndex::new(rubric).profile(consensus)
    }

    /// The profile the school gets if it accepts every proposal of
    /// [`propose_consensus`] and decides nothing else: a preview of the
    /// result while disagreements are still open.
    pub fn from_proposals(rubric: &Rubric, aggregate: &TeamAggregate) -> SchoolProfile {
        IndicatorIndex::new(rubric).profile_from_proposals(aggregate)
    }

    /// The consensus level of one indicator.
    pub fn level(&self, indicator_id: &str) -> Option<Level> {
        self.indicators
            .iter()
            .find(|i| i.indicator_id == indicator_id)
            .and_then(|i| i.level())
    }

    /// The score of one aspect.
    pub fn aspect_score(&self, aspect: AspectId) -> Option<f64> {
        self.aspects
            .iter()
            .find(|a| a.aspect == aspect)
            .and_then(|a| a.score)
    }

    /// Every indicator has a consensus (a level or "not applicable").
    pub fn is_complete(&self) -> bool {
        self.indicators.iter().all(|i| i.outcome.is_some())
    }

    /// Up to `n` indicators with the highest levels; equal levels in rubric
    /// order. Indicators without a level are left out.
    pub fn strongest(&self, n: usize) -> Vec<&IndicatorResult> {
        self.ranked(n, |a, b| b.cmp(&a))
    }

    /// Up to `n` indicators with the lowest levels; equal levels in rubric
    /// order. Indicators without a level are left out.
    pub fn weakest(&self, n: usize) -> Vec<&IndicatorResult> {
        self.ranked(n, |a, b| a.cmp(&b))
    }

    fn ranked(
        &self,
        n: usize,
        order: impl Fn(Level, Level) -> std::cmp::Ordering,
    ) -> Vec<&IndicatorResult> {
        let mut with_level: Vec<(Level, &IndicatorResult)> = self
            .indicators
            .iter()
            .filter_map(|i| i.level().map(|l| (l, i)))
            .collect();
        // Stable sort keeps rubric order among equal levels.
        crate::small_sort::sort_by(&mut with_level, |a, b| order(a.0, b.0));
        with_level.into_iter().take(n).map(|(_, i)| i).collect()
    }
}

impl IndicatorIndex {
    /// [`SchoolProfile::from_consensus`] on a prebuilt index.
    pub fn profile(&self, consensus: &[Consensus]) -> SchoolProfile {
        let mut outcomes: Vec<Option<Answer>> = vec![None; self.len()];
        for c in consensus {
            if let Some(slot) = self
                .position(&c.indicator_id)
                .and_then(|p| outcomes.get_mut(p))
            {
                *slot = Some(c.level.map_or(Answer::NotApplicable, Answer::Level));
            }
        }
        self.profile_from_outcomes(outcomes)
    }

    /// [`SchoolProfile::from_proposals`] on a prebuilt index; builds no
    /// intermediate [`Consensus`] records.
    pub fn profile_from_proposals(&self, aggregate: &TeamAggregate) -> SchoolProfile {
        let mut outcomes: Vec<Option<Answer>> = vec![None; self.len()];
        for (pos, stats) in aggregate.indicators.iter().enumerate() {
            // Same index: positions line up; otherwise look the id up.
            let pos = if self.id(pos) == Some(stats.indicator_id.as_str()) {
                Some(pos)
            } else {
                self.position(&stats.indicator_id)
            };
            if let Some(slot) = pos.and_then(|p| outcomes.get_mut(p)) {
                *slot = stats.proposed_outcome();
            }
        }
        self.profile_from_outcomes(outcomes)
    }

    fn profile_from_outcomes(&self, outcomes: Vec<Option<Answer>>) -> SchoolProfile {
        let level_sum = |outcomes: &[Option<Answer>]| {
            outcomes
                .iter()
                .filter_map(|o| o.and_then(Answer::level))
                .fold((0u32, 0u32), |(sum, n), l| {
                    (sum + u32::from(l.get()), n + 1)
                })
        };
        let mean = |(sum, n): (u32, u32)| (n > 0).then(|| f64::from(sum) / f64::from(n));
        let aspects = self
            .aspects()
            .map(|(aspect, range)| {
                let slice = outcomes.get(range).unwrap_or_default();
                let (sum, n) = level_sum(slice);
                AspectResult {
                    aspect,
                    score: mean((sum, n)),
                    levels: n,
                    indicators: u32::try_from(slice.len()).unwrap_or(u32::MAX),
                }
            })
            .collect();
        let overall = mean(level_sum(&outcomes));
        let indicators = self
            .indicators()
            .zip(outcomes)
            .map(|((id, aspect), outcome)| IndicatorResult {
                indicator_id: id.to_string(),
                aspect,
                outcome,
            })
            .collect();
        SchoolProfile {
            rubric_version: self.rubric_version(),
            indicators,
            aspects,
            overall,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::aggregate;
    use crate::assessment::testutil::{level, respondent, team_on, test_rubric};

    fn consensus(id: &str, l: Option<u8>) -> Consensus {
        Consensus {
            indicator_id: id.into(),
            level: l.map(level),
            rationale: String::new(),
        }
    }

    #[test]
    fn rounding_is_half_up() {
        let r = |m| round_half_up(m).map(Level::get);
        assert_eq!(
            [r(1.0), r(1.5), r(2.0), r(2.5), r(3.5), r(4.0)],
            [Some(1), Some(2), Some(2), Some(3), Some(4), Some(4)]
        );
        assert_eq!(
            [r(2.49), r(0.0), r(9.0), r(f64::NAN)],
            [Some(2), Some(1), Some(4), None]
        );
    }

    #[test]
    fn proposals_only_where_the_team_agrees() {
        let team = vec![
            respondent(
                "a",
                &[
                    ("curriculum.i0", 2),
                    ("curriculum.i1", 1),
                    ("curriculum.i2", 5),
                    ("pedagogy.i0", 5),
                ],
            ),
            respondent(
                "b",
                &[
                    ("curriculum.i0", 3),
                    ("curriculum.i1", 3),
                    ("curriculum.i2", 5),
                    ("pedagogy.i0", 4),
                ],
            ),
        ];
        let agg = aggregate(&test_rubric(3), &team);
        let proposals = propose_consensus(&agg);
        assert_eq!(
            proposals,
            vec![
                consensus("curriculum.i0", Some(3)), // 2.5 rounds up
                consensus("curriculum.i2", None),    // all "not applicable"
                consensus("pedagogy.i0", Some(4)),   // N/A ignored beside a level
            ]
        );
        // curriculum.i1 disagrees (1 vs 3); unanswered indicators get nothing.
        assert!(agg
            .indicator("curriculum.i1")
            .and_then(IndicatorStats::proposal)
            .is_none());
    }

    #[test]
    fn consensus_is_validated() {
        let r = test_rubric(3);
        let mut c = consensus("evaluation.i1", Some(2));
        c.rationale = "  agreed  ".into();
        assert_eq!(
            validate_consensus(&r, &c).map(|c| c.rationale),
            Ok("agreed".into())
        );
        c.rationale = "x".repeat(1001);
        let e = validate_consensus(&r, &c);
        assert_eq!(e, Err(ConsensusError::RationaleTooLong(1001)));
        assert!(e.err().is_some_and(|e| e.to_string().contains("1001")));
        let e = validate_consensus(&r, &consensus("evaluation.x", None));
        assert_eq!(
            e,
            Err(ConsensusError::UnknownIndicator("evaluation.x".into()))
        );
        let json = serde_json::to_string(&consensus("evaluation.i1", None)).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"indicator_id":"evaluation.i1","level":null,"rationale":""}"#
        );
    }

    #[test]
    fn profile_means_and_rankings() {
        let r = test_rubric(3);
        let records = [
            consensus("curriculum.i0", Some(2)),
            consensus("curriculum.i1", Some(4)),
            consensus("curriculum.i2", None),
            consensus("pedagogy.i0", Some(1)),
            consensus("pedagogy.i1", Some(4)),
            consensus("pedagogy.i2", Some(1)),
            consensus("pedagogy.i2", Some(2)), // the later record wins
            consensus("nope.x", Some(1)),
        ];
        let p = SchoolProfile::from_consensus(&r, &records);
        assert_eq!(p.indicators.len(), 21);
        assert_eq!(p.aspect_score(AspectId::Curriculum), Some(3.0));
        assert_eq!(p.aspect_score(AspectId::Pedagogy), Some(7.0 / 3.0));
        assert_eq!(p.aspect_score(AspectId::Leadership), None);
        assert_eq!(p.overall, Some(13.0 / 5.0));
        assert_eq!(p.level("pedagogy.i2"), Some(level(2)));
        assert_eq!(p.indicators[2].outcome, Some(Answer::NotApplicable));
        assert!(!p.is_complete());
        let ids = |v: Vec<&IndicatorResult>| {
            v.into_iter()
                .map(|i| i.indicator_id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(p.strongest(3)),
            ["curriculum.i1", "pedagogy.i1", "curriculum.i0"]
        );
        assert_eq!(ids(p.weakest(2)), ["pedagogy.i0", "curriculum.i0"]);
        assert_eq!(p.weakest(50).len(), 5);
        assert!(p.strongest(0).is_empty());
    }

    #[test]
    fn accepted_proposals_make_a_profile() {
        let r = test_rubric(3);
        let agg = aggregate(&r, &team_on("infrastructure.i0", &[3, 4]));
        let p = SchoolProfile::from_consensus(&r, &propose_consensus(&agg));
        assert_eq!(SchoolProfile::from_proposals(&r, &agg), p);
        assert_eq!(p.level("infrastructure.i0"), Some(level(4)));
        assert_eq!(p.overall, Some(4.0));
        let json = serde_json::to_string(&p).expect("serializes");
        assert_eq!(serde_json::from_str::<SchoolProfile>(&json).ok(), Some(p));
    }
}

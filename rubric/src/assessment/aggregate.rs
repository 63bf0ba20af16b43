//! The team view of one measurement: per-indicator statistics over the
//! respondents, per-aspect scores, completion per respondent and the
//! indicators the team should discuss because its members disagree.

use crate::assessment::{Answer, IndicatorIndex, RespondentAnswers, TeamMatrix};
use crate::content::{AspectId, Level, Rubric};
use serde::{Deserialize, Serialize};

/// Respondents *disagree* on an indicator when their levels span at least
/// this many steps (e.g. one says 1 and another 3).
pub const DISAGREEMENT_SPREAD: u8 = 2;

/// The statistics of one indicator over a team's answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorStats {
    pub indicator_id: String,
    pub aspect: AspectId,
    /// Respondents who answered with a level.
    pub count: u32,
    /// Respondents who answered "not applicable" ("n.v.t.").
    pub na_count: u32,
    /// Respondents who answered "don't know" ("weet ik niet"), counted
    /// apart from `na_count`: in a baseline it is itself information.
    #[serde(default)]
    pub dont_know_count: u32,
    /// Respondents who did not answer.
    pub unanswered: u32,
    /// How many respondents chose level 1, 2, 3 and 4.
    pub distribution: [u32; 4],
    /// Median level; with an even count the mean of the two middle levels,
    /// so halves such as 2.5 occur. `None` when nobody gave a level.
    pub median: Option<f64>,
    /// Mean level; `None` when nobody gave a level.
    pub mean: Option<f64>,
    pub min: Option<Level>,
    pub max: Option<Level>,
    /// `max - min` in levels; 0 when fewer than two levels were given.
    pub spread: u8,
    /// `spread >= DISAGREEMENT_SPREAD`.
    pub disagreement: bool,
}

impl IndicatorStats {
    /// The statistics from the tallies of one indicator: `distribution[i]`
    /// respondents chose level `i + 1`.
    pub fn from_counts(
        indicator_id: impl Into<String>,
        aspect: AspectId,
        distribution: [u32; 4],
        na_count: u32,
        unanswered: u32,
    ) -> IndicatorStats {
        let count: u32 = distribution.iter().sum();
        let levels_present = || {
            distribution
                .iter()
                .zip(Level::ALL)
                .filter(|(&c, _)| c > 0)
                .map(|(_, level)| level)
        };
        let min = levels_present().next();
        let max = levels_present().next_back();
        let spread = match (min, max) {
            (Some(lo), Some(hi)) => hi.get().saturating_sub(lo.get()),
            _ => 0,
        };
        let (median, mean) = if count == 0 {
            (None, None)
        } else {
            let sum: u64 = distribution
                .iter()
                .zip(1u64..)
                .map(|(&c, level)| u64::from(c) * level)
                .sum();
            let mean = sum as f64 / f64::from(count);
            let median = if count % 2 == 1 {
                nth_level(&distribution, count / 2)
            } else {
                (nth_level(&distribution, count / 2 - 1) + nth_level(&distribution, count / 2))
                    / 2.0
            };
            (Some(median), Some(mean))
        };
        IndicatorStats {
            indicator_id: indicator_id.into(),
            aspect,
            count,
            na_count,
            dont_know_count: 0,
            unanswered,
            distribution,
            median,
            mean,
            min,
            max,
            spread,
            disagreement: spread >= DISAGREEMENT_SPREAD,
        }
    }

    /// The same statistics with `dont_know` respondents who answered
    /// "don't know" (they give no level, so nothing else changes).
    pub fn with_dont_know(mut self, dont_know: u32) -> IndicatorStats {
        self.dont_know_count = dont_know;
        self
    }

    /// Respondents who answered at all (a level, "not applicable" or
    /// "don't know").
    pub fn answered(&self) -> u32 {
        self.count + self.na_count + self.dont_know_count
    }
}

/// The level of the `k`-th answer (0-based) in level order.
fn nth_level(distribution: &[u32; 4], k: u32) -> f64 {
    let mut seen = 0;
    for (level, &c) in (1u8..).zip(distribution) {
        seen += c;
        if k < seen {
            return f64::from(level);
        }
    }
    4.0
}

/// The team score of one aspect: the mean of its indicators' medians.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AspectScore {
    pub aspect: AspectId,
    /// `None` when no indicator of the aspect has a median.
    pub score: Option<f64>,
    /// Indicators that contributed a median.
    pub scored_indicators: u32,
    /// Indicators of the aspect.
    pub indicators: u32,
}

/// How far one respondent got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RespondentCompletion {
    /// The key given in [`RespondentAnswers::respondent`].
    pub respondent: String,
    /// Indicators of the rubric answered with a level or "not applicable".
    pub answered: u32,
    /// Indicators in the rubric.
    pub total: u32,
}

impl RespondentCompletion {
    /// `answered / total`, 0 to 1 (1 for an empty rubric).
    pub fn fraction(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            f64::from(self.answered) / f64::from(self.total)
        }
    }

    /// Every indicator answered.
    pub fn is_complete(&self) -> bool {
        self.answered >= self.total
    }
}

/// The aggregated answers of a school team for one measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamAggregate {
    pub rubric_version: u32,
    /// Number of respondents aggregated.
    pub respondents: u32,
    /// One entry per indicator, in rubric order.
    pub indicators: Vec<IndicatorStats>,
    /// One entry per aspect, in rubric order.
    pub aspects: Vec<AspectScore>,
    /// One entry per respondent, in input order.
    pub completion: Vec<RespondentCompletion>,
}

impl TeamAggregate {
    /// The indicators the team disagrees on, largest spread first, then in
    /// rubric order.
    pub fn discussion_points(&self) -> Vec<&IndicatorStats> {
        let mut points: Vec<&IndicatorStats> =
            self.indicators.iter().filter(|s| s.disagreement).collect();
        // Stable sort: equal spreads keep rubric order.
        points.sort_by_key(|s| std::cmp::Reverse(s.spread));
        points
    }

    /// The statistics of one indicator.
    pub fn indicator(&self, indicator_id: &str) -> Option<&IndicatorStats> {
        self.indicators
            .iter()
            .find(|s| s.indicator_id == indicator_id)
    }

    /// The team score of one aspect.
    pub fn aspect_score(&self, aspect: AspectId) -> Option<f64> {
        self.aspects
            .iter()
            .find(|a| a.aspect == aspect)
            .and_then(|a| a.score)
    }
}

/// Aggregate a team's answers on `rubric`. Answers on ids that are not in
/// the rubric are ignored (writes are validated before they are stored).
/// Builds an [`IndicatorIndex`]; to aggregate many teams on one rubric,
/// build the index once and call [`IndicatorIndex::aggregate`].
pub fn aggregate(rubric: &Rubric, respondents: &[RespondentAnswers]) -> TeamAggregate {
    IndicatorIndex::new(rubric).aggregate(respondents)
}

/// Per indicator: respondents per level 1-4, then "not applicable", then
/// "don't know".
type Tally = [u32; 6];

/// Tally slot of an answer: 0-3 for levels 1-4, 4 for "not applicable",
/// 5 for "don't know".
fn slot(answer: Answer) -> usize {
    match answer {
        Answer::Level(level) => usize::from(level.get().saturating_sub(1)),
        Answer::NotApplicable => 4,
        Answer::DontKnow => 5,
    }
}

fn count_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl IndicatorIndex {
    /// [`aggregate`] on a prebuilt index: one merge pass over each
    /// respondent's sorted answers into a dense tally array, then O(1)
    /// statistics per indicator.
    pub fn aggregate(&self, respondents: &[RespondentAnswers]) -> TeamAggregate {
        let total = count_u32(self.len());
        let mut tallies: Vec<Tally> = vec![[0; 6]; self.len()];
        let mut completion = Vec::with_capacity(respondents.len());
        for r in respondents {
            let mut answered = 0u32;
            self.for_each_known(&r.answers, |pos, &answer| {
                if let Some(c) = tallies.get_mut(pos).and_then(|t| t.get_mut(slot(answer))) {
                    *c += 1;
                    answered += 1;
                }
            });
            completion.push(RespondentCompletion {
                respondent: r.respondent.clone(),
                answered,
                total,
            });
        }
        self.finish(&tallies, completion)
    }

    /// [`aggregate`] on answers already in dense form: the fastest path,
    /// for many teams or answers read from storage rows. `team` should be
    /// built from this index; cells beyond the index are ignored.
    pub fn aggregate_matrix(&self, team: &TeamMatrix) -> TeamAggregate {
        let total = count_u32(self.len());
        let mut tallies: Vec<Tally> = vec![[0; 6]; self.len()];
        let mut completion = Vec::with_capacity(team.respondent_count());
        for (respondent, row) in team.rows() {
            let mut answered = 0u32;
            for (tally, cell) in tallies.iter_mut().zip(row) {
                if let Some(c) = cell.and_then(|a| tally.get_mut(slot(a))) {
                    *c += 1;
                    answered += 1;
                }
            }
            completion.push(RespondentCompletion {
                respondent: respondent.to_string(),
                answered,
                total,
            });
        }
        self.finish(&tallies, completion)
    }

    /// Statistics and aspect scores from the tallies.
    fn finish(&self, tallies: &[Tally], completion: Vec<RespondentCompletion>) -> TeamAggregate {
        let team = count_u32(completion.len());
        let indicators: Vec<IndicatorStats> = self
            .indicators()
            .zip(tallies)
            .map(|((id, aspect), &[l1, l2, l3, l4, na, dk])| {
                let answered = l1 + l2 + l3 + l4 + na + dk;
                IndicatorStats::from_counts(
                    id,
                    aspect,
                    [l1, l2, l3, l4],
                    na,
                    team.saturating_sub(answered),
                )
                .with_dont_know(dk)
            })
            .collect();
        let aspects = self
            .aspects()
            .map(|(aspect, range)| {
                let stats = indicators.get(range).unwrap_or_default();
                let (sum, scored) = stats
                    .iter()
                    .filter_map(|s| s.median)
                    .fold((0.0, 0u32), |(sum, n), m| (sum + m, n + 1));
                AspectScore {
                    aspect,
                    score: (scored > 0).then(|| sum / f64::from(scored)),
                    scored_indicators: scored,
                    indicators: count_u32(stats.len()),
                }
            })
            .collect();
        TeamAggregate {
            rubric_version: self.rubric_version(),
            respondents: team,
            indicators,
            aspects,
            completion,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::testutil::{level, respondent, team_on, test_rubric};

    const ID: &str = "curriculum.i0";

    fn stats_of(codes: &[u8]) -> IndicatorStats {
        let agg = aggregate(&test_rubric(3), &team_on(ID, codes));
        agg.indicator(ID).cloned().expect("indicator present")
    }

    #[test]
    fn medians_with_even_counts_are_halves() {
        assert_eq!(stats_of(&[2, 3]).median, Some(2.5));
        assert_eq!(stats_of(&[3, 2]).median, Some(2.5));
        assert_eq!(stats_of(&[1, 2, 3, 4]).median, Some(2.5));
        assert_eq!(stats_of(&[4, 1, 1, 4]).median, Some(2.5));
        assert_eq!(stats_of(&[1, 1, 2, 4]).median, Some(1.5));
        assert_eq!(stats_of(&[2, 2, 3, 3, 3, 4]).median, Some(3.0));
        assert_eq!(stats_of(&[1, 4, 4]).median, Some(4.0));
        let s = stats_of(&[1, 2, 3, 4]);
        assert_eq!(s.mean, Some(2.5));
        assert_eq!(s.distribution, [1, 1, 1, 1]);
        assert_eq!(
            (s.min, s.max, s.spread),
            (Some(level(1)), Some(level(4)), 3)
        );
    }

    #[test]
    fn not_applicable_and_unanswered_are_counted_apart() {
        let s = stats_of(&[5, 5, 5]);
        assert_eq!((s.count, s.na_count, s.unanswered), (0, 3, 0));
        assert_eq!((s.median, s.mean, s.min, s.max), (None, None, None, None));
        assert_eq!((s.spread, s.disagreement), (0, false));

        let s = stats_of(&[5, 0, 3, 0]);
        assert_eq!((s.count, s.na_count, s.unanswered), (1, 1, 2));
        assert_eq!(s.median, Some(3.0));
    }

    #[test]
    fn dont_know_is_counted_apart_from_not_applicable() {
        let s = stats_of(&[6, 5, 6, 2, 0]);
        assert_eq!((s.count, s.na_count, s.dont_know_count, s.unanswered), (1, 1, 2, 1));
        assert_eq!(s.answered(), 4);
        assert_eq!(s.median, Some(2.0));
        // Nobody gave a level and someone does not know: the team decides.
        assert_eq!(stats_of(&[6, 5]).proposed_outcome(), None);
        assert_eq!(stats_of(&[5, 5]).proposed_outcome(), Some(Answer::NotApplicable));
        let agg = aggregate(&test_rubric(3), &team_on(ID, &[6, 6]));
        assert!(agg.completion.iter().all(|c| c.answered == 1));
    }

    #[test]
    fn a_single_respondent_is_its_own_median() {
        let s = stats_of(&[3]);
        assert_eq!((s.count, s.median, s.mean), (1, Some(3.0), Some(3.0)));
        assert_eq!(
            (s.min, s.max, s.spread, s.disagreement),
            (Some(level(3)), Some(level(3)), 0, false)
        );
        let agg = aggregate(&test_rubric(3), &team_on(ID, &[3]));
        assert_eq!(agg.completion.len(), 1);
        assert_eq!(
            (agg.completion[0].answered, agg.completion[0].total),
            (1, 21)
        );
        // Other indicators are unanswered by the one respondent.
        assert_eq!(agg.indicators[1].unanswered, 1);
    }

    #[test]
    fn disagreement_starts_at_a_spread_of_two() {
        let s = stats_of(&[1, 3]);
        assert_eq!((s.spread, s.disagreement), (2, true));
        let s = stats_of(&[2, 3, 3, 2]);
        assert_eq!((s.spread, s.disagreement), (1, false));
        let s = stats_of(&[2, 4, 5]);
        assert_eq!((s.spread, s.disagreement), (2, true));
        let s = stats_of(&[4, 4]);
        assert_eq!((s.spread, s.disagreement), (0, false));
    }

    #[test]
    fn nobody_answered() {
        let agg = aggregate(&test_rubric(3), &[]);
        assert_eq!(agg.respondents, 0);
        assert!(agg
            .indicators
            .iter()
            .all(|s| s.median.is_none() && s.answered() == 0));
        assert!(agg.aspects.iter().all(|a| a.score.is_none()));
        assert!(agg.discussion_points().is_empty());
    }

    #[test]
    fn aspect_score_is_mean_of_medians_skipping_missing() {
        let team = vec![
            respondent(
                "a",
                &[("pedagogy.i0", 1), ("pedagogy.i1", 5), ("pedagogy.i2", 4)],
            ),
            respondent(
                "b",
                &[("pedagogy.i0", 2), ("pedagogy.i2", 4), ("unknown.x", 1)],
            ),
        ];
        let agg = aggregate(&test_rubric(3), &team);
        // Medians 1.5, none, 4.0.
        assert_eq!(agg.aspect_score(AspectId::Pedagogy), Some(2.75));
        let p = agg
            .aspects
            .iter()
            .find(|a| a.aspect == AspectId::Pedagogy)
            .expect("pedagogy");
        assert_eq!((p.scored_indicators, p.indicators), (2, 3));
        assert_eq!(agg.aspect_score(AspectId::Curriculum), None);
        // Unknown ids are ignored in completion.
        assert_eq!(agg.completion[0].answered, 3);
        assert_eq!(agg.completion[1].answered, 2);
        assert!((agg.completion[1].fraction() - 2.0 / 21.0).abs() < 1e-12);
        assert!(!agg.completion[0].is_complete());
    }

    #[test]
    fn discussion_points_by_spread_then_rubric_order() {
        let team = vec![
            respondent(
                "a",
                &[
                    ("curriculum.i0", 1),
                    ("curriculum.i2", 1),
                    ("pedagogy.i0", 1),
                    ("leadership.i1", 2),
                ],
            ),
            respondent(
                "b",
                &[
                    ("curriculum.i0", 3),
                    ("curriculum.i2", 4),
                    ("pedagogy.i0", 4),
                    ("leadership.i1", 3),
                ],
            ),
        ];
        let agg = aggregate(&test_rubric(3), &team);
        let ids: Vec<_> = agg
            .discussion_points()
            .iter()
            .map(|s| s.indicator_id.as_str())
            .collect();
        assert_eq!(ids, ["curriculum.i2", "pedagogy.i0", "curriculum.i0"]);
    }

    #[test]
    fn matrix_and_map_inputs_agree() {
        let r = test_rubric(3);
        let index = IndicatorIndex::new(&r);
        let team = vec![
            respondent("a", &[("curriculum.i0", 1), ("pedagogy.i2", 5), ("x.y", 3)]),
            respondent("b", &[("curriculum.i0", 4), ("infrastructure.i2", 2)]),
            respondent("c", &[]),
        ];
        let matrix = TeamMatrix::from_respondents(&index, &team);
        assert_eq!(index.aggregate_matrix(&matrix), index.aggregate(&team));
        assert_eq!(index.aggregate(&team), aggregate(&r, &team));
    }

    #[test]
    fn aggregate_json_round_trips() {
        let agg = aggregate(&test_rubric(3), &team_on(ID, &[1, 2, 5, 0]));
        let json = serde_json::to_string(&agg).expect("serializes");
        assert!(json.contains(r#""median":1.5"#), "{json}");
        assert_eq!(serde_json::from_str::<TeamAggregate>(&json).ok(), Some(agg));
    }
}

//! The final ranking: finalists ordered by score, ties (scores equal within
//! [`TIE_EPSILON`](super::TIE_EPSILON)) broken by the declared rules in order, every break
//! logged for the audit trail, and ties no rule breaks reported as unresolved.

use super::results::FinalistResult;
use super::stats::tie_groups;
use super::TieBreakRule;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One finalist's place in the final ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedFinalist {
    /// 1 for the best; finalists in an unresolved tie share a place and the
    /// next place is skipped (1, 1, 3).
    pub place: usize,
    pub finalist: String,
    pub score: f64,
    /// Whether the finalist is in an unresolved tie.
    pub tied: bool,
}

/// One application of a tie-break rule that separated tied finalists; the
/// audit log gets one entry per break.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TieBreak {
    /// The tied finalists the rule was applied to.
    pub finalists: Vec<String>,
    /// The score they were tied on.
    pub score: f64,
    pub rule_applied: TieBreakRule,
    /// What the rule looked at per finalist: the mean on the criterion, the
    /// median juror score, the number of first places, or the position in
    /// the chair's order (1 = first).
    pub values: BTreeMap<String, f64>,
    /// The group after the rule, best first; an inner list with more than
    /// one finalist is still tied (and goes to the next rule).
    pub outcome: Vec<Vec<String>>,
}

/// Finalists still tied after every declared rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnresolvedTie {
    /// The place they share.
    pub place: usize,
    pub score: f64,
    pub finalists: Vec<String>,
}

pub(crate) struct Ranked {
    pub ranking: Vec<RankedFinalist>,
    pub tie_breaks: Vec<TieBreak>,
    pub unresolved: Vec<UnresolvedTie>,
}

/// Rank the scored finalists (those with a score) of `finalists`.
pub(crate) fn rank(
    finalists: &[FinalistResult],
    rules: &[TieBreakRule],
    chair_order: Option<&[String]>,
) -> Ranked {
    let scored: Vec<(usize, f64)> = finalists
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.score.map(|s| (i, s)))
        .collect();
    let mut tie_breaks = Vec::new();
    // Ordered groups of finalist indices, best first.
    let mut parts: Vec<(f64, Vec<usize>)> = Vec::new();
    for group in descending_groups(&scored) {
        let score = group.first().map_or(0.0, |&(_, s)| s);
        let members: Vec<usize> = group.iter().map(|&(i, _)| i).collect();
        if members.len() < 2 {
            parts.push((score, members));
            continue;
        }
        let mut sub: Vec<Vec<usize>> = vec![members];
        for rule in rules {
            if sub.iter().all(|p| p.len() < 2) {
                break;
            }
            let mut next = Vec::new();
            for part in sub {
                if part.len() < 2 {
                    next.push(part);
                    continue;
                }
                match apply(rule, &part, finalists, chair_order) {
                    Some((values, outcome)) if outcome.len() > 1 => {
                        let key = |i: &usize| finalists[*i].finalist.clone();
                        tie_breaks.push(TieBreak {
                            finalists: part.iter().map(key).collect(),
                            score,
                            rule_applied: rule.clone(),
                            values: values
                                .iter()
                                .map(|&(i, v)| (finalists[i].finalist.clone(), v))
                                .collect(),
                            outcome: outcome
                                .iter()
                                .map(|g| g.iter().map(key).collect())
                                .collect(),
                        });
                        next.extend(outcome);
                    }
                    _ => next.push(part),
                }
            }
            sub = next;
        }
        parts.extend(sub.into_iter().map(|p| (score, p)));
    }

    let mut ranking = Vec::new();
    let mut unresolved = Vec::new();
    for (score, part) in parts {
        let place = ranking.len() + 1;
        let tied = part.len() > 1;
        if tied {
            unresolved.push(UnresolvedTie {
                place,
                score,
                finalists: part
                    .iter()
                    .map(|&i| finalists[i].finalist.clone())
                    .collect(),
            });
        }
        for i in part {
            ranking.push(RankedFinalist {
                place,
                finalist: finalists[i].finalist.clone(),
                score: finalists[i].score.unwrap_or(score),
                tied,
            });
        }
    }
    Ranked {
        ranking,
        tie_breaks,
        unresolved,
    }
}

/// Groups of (index, value) equal within [`TIE_EPSILON`](super::TIE_EPSILON), highest value
/// first; inside a group, in input (index) order.
fn descending_groups(items: &[(usize, f64)]) -> Vec<Vec<(usize, f64)>> {
    let values: Vec<f64> = items.iter().map(|&(_, v)| v).collect();
    tie_groups(&values)
        .into_iter()
        .rev()
        .map(|g| {
            let mut group: Vec<(usize, f64)> = g.into_iter().map(|k| items[k]).collect();
            group.sort_by_key(|&(i, _)| i);
            group
        })
        .collect()
}

type RuleOutcome = (Vec<(usize, f64)>, Vec<Vec<usize>>);

/// Apply one rule to a tied group: the value per finalist and the ordered
/// subgroups, or `None` if the rule cannot say anything about this group.
fn apply(
    rule: &TieBreakRule,
    part: &[usize],
    finalists: &[FinalistResult],
    chair_order: Option<&[String]>,
) -> Option<RuleOutcome> {
    let values: Vec<(usize, f64)> = match rule {
        TieBreakRule::HigherCriterion(c) => part
            .iter()
            .map(|&i| finalists[i].criterion_means.get(c).map(|&v| (i, v)))
            .collect::<Option<_>>()?,
        TieBreakRule::HigherMedianJurorScore => part
            .iter()
            .map(|&i| finalists[i].median_juror_score.map(|v| (i, v)))
            .collect::<Option<_>>()?,
        TieBreakRule::MoreFirstPlaces => part
            .iter()
            .map(|&i| (i, finalists[i].first_places as f64))
            .collect(),
        TieBreakRule::ChairDecision => {
            let order = chair_order?;
            let positions: Vec<(usize, f64)> = part
                .iter()
                .map(|&i| {
                    order
                        .iter()
                        .position(|k| *k == finalists[i].finalist)
                        .map(|p| (i, (p + 1) as f64))
                })
                .collect::<Option<_>>()?;
            let mut ordered = positions.clone();
            ordered.sort_by(|a, b| a.1.total_cmp(&b.1));
            return Some((
                positions,
                ordered.into_iter().map(|(i, _)| vec![i]).collect(),
            ));
        }
    };
    let outcome = descending_groups(&values)
        .into_iter()
        .map(|g| g.into_iter().map(|(i, _)| i).collect())
        .collect();
    Some((values, outcome))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finalist(key: &str, score: f64, impact: f64, median: f64, firsts: usize) -> FinalistResult {
        FinalistResult {
            finalist: key.into(),
            jurors: 3,
            score: Some(score),
            normalized_score: Some(score),
            mean_rank: Some(1.0),
            median_juror_score: Some(median),
            first_places: firsts,
            criterion_means: [("impact".to_string(), impact)].into_iter().collect(),
        }
    }

    #[test]
    fn a_partial_split_goes_on_to_the_next_rule() {
        let fs = vec![
            finalist("a", 7.0, 8.0, 7.0, 0),
            finalist("b", 7.0, 8.0, 6.0, 0),
            finalist("c", 7.0, 9.0, 7.0, 0),
            finalist("d", 8.0, 1.0, 8.0, 3),
        ];
        let rules = [
            TieBreakRule::HigherCriterion("impact".into()),
            TieBreakRule::HigherMedianJurorScore,
        ];
        let r = rank(&fs, &rules, None);
        let order: Vec<&str> = r.ranking.iter().map(|f| f.finalist.as_str()).collect();
        assert_eq!(order, ["d", "c", "a", "b"]);
        assert_eq!(
            r.ranking.iter().map(|f| f.place).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        assert_eq!(r.tie_breaks.len(), 2);
        assert_eq!(
            r.tie_breaks[0].outcome,
            vec![vec!["c".to_string()], vec!["a".into(), "b".into()]]
        );
        assert_eq!(
            r.tie_breaks[1].rule_applied,
            TieBreakRule::HigherMedianJurorScore
        );
        assert_eq!(r.tie_breaks[1].finalists, ["a", "b"]);
        assert!(r.unresolved.is_empty());
    }

    #[test]
    fn rules_that_do_not_separate_leave_no_log_and_a_shared_place() {
        let fs = vec![
            finalist("a", 7.0, 8.0, 7.0, 1),
            finalist("b", 7.0, 8.0, 7.0, 1),
            finalist("c", 6.0, 8.0, 7.0, 1),
        ];
        let rules = [TieBreakRule::MoreFirstPlaces, TieBreakRule::ChairDecision];
        let r = rank(&fs, &rules, None);
        assert!(r.tie_breaks.is_empty());
        assert_eq!(
            r.unresolved,
            vec![UnresolvedTie {
                place: 1,
                score: 7.0,
                finalists: vec!["a".into(), "b".into()]
            }]
        );
        assert_eq!(
            r.ranking.iter().map(|f| f.place).collect::<Vec<_>>(),
            [1, 1, 3]
        );
        // A chair order that does not name every tied finalist decides nothing.
        let partial = ["b".to_string()];
        let r = rank(&fs, &rules, Some(&partial));
        assert_eq!(r.unresolved.len(), 1);
    }
}

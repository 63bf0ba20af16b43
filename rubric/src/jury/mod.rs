//! Jury results: the input types a jury round produces (criteria, score
//! sheets, tie-break rules), their validation, and the entry points that turn
//! them into finalist scores, a ranking with audited tie-breaks and
//! inter-rater agreement statistics (ICC, Kendall's W).
//!
//! Jurors, finalists and criteria are identified by `String` keys; the server
//! maps its integer ids to strings. Submodules: [`stats`] owns the pure
//! statistics and the one reading of agreement, `results` the computation,
//! `tiebreak` the ranking, [`robustness`] whether a winner depends on the
//! method or on one juror, [`display`] how numbers are rounded and written,
//! [`csv`] the exports and the score file of `stempact jury-stats`,
//! [`report`] the results as that command prints them. [`setup`] owns the
//! set-up rules (criteria, anchors, defaults, readiness), [`events`] the
//! audit log's entries and [`views`] the JSON the server and the app
//! exchange.

pub mod bodies;
pub mod csv;
pub mod display;
pub mod events;
pub mod report;
mod results;
pub mod robustness;
pub mod setup;
pub mod stats;
mod tiebreak;
pub mod views;
pub mod wording;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::fmt;

pub use csv::{jury_stats_from_csv, read_scores_csv, CsvProblem, CsvRowError, CsvVariant};
pub use results::{
    compute_results, Agreement, AgreementBlock, AgreementReport, FinalistResult, JurorResult,
    JuryResults, JuryWarning,
};
pub use robustness::{Check, Finding, LeaveOneOut, Robustness};
pub use stats::{read_agreement, AgreementKind, NotComputable, Reading};
pub use tiebreak::{RankedFinalist, TieBreak, UnresolvedTie};

/// Two scores closer than this are equal: finalist scores, weighted means
/// and tie-break values are compared with this tolerance.
pub const TIE_EPSILON: f64 = 1e-9;

/// A juror whose ranking correlates (Spearman) below this with the mean
/// ranking of the other jurors is flagged for discussion.
pub const DISAGREEMENT_RHO: f64 = 0.3;

/// A juror who scored fewer finalists than this gets a warning: their
/// normalization rests on too few scores.
pub const MIN_FINALISTS_PER_JUROR: usize = 3;

/// One jury criterion with its weight. The weights of a round sum to 100; a
/// weight of 0 is allowed (a criterion kept only as a tie-breaker).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub key: String,
    pub weight: u32,
}

impl Criterion {
    /// A criterion with this key and weight.
    pub fn new(key: impl Into<String>, weight: u32) -> Self {
        Self {
            key: key.into(),
            weight,
        }
    }
}

/// A score on the anchored scale, 1 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Score(u8);

impl Score {
    pub const MIN: Score = Score(1);
    pub const MAX: Score = Score(10);

    /// A score from its number, if it is 1 to 10.
    pub fn new(n: u8) -> Result<Score, ScoreOutOfRange> {
        if (1..=10).contains(&n) {
            Ok(Score(n))
        } else {
            Err(ScoreOutOfRange(i64::from(n)))
        }
    }

    /// The score as a number, 1 to 10.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Score {
    type Error = ScoreOutOfRange;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        Score::new(n)
    }
}

impl From<Score> for u8 {
    fn from(s: Score) -> u8 {
        s.0
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A number that is not a valid score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("score {0} is out of range: a score is 1 to 10")]
pub struct ScoreOutOfRange(pub i64);

/// One juror's submitted scores for one finalist: a score per criterion key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreSheet {
    pub juror: String,
    pub finalist: String,
    pub scores: BTreeMap<String, Score>,
}

/// A rule to break a tie between finalists with the same score, declared
/// before scoring opens. Rules are tried in the declared order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TieBreakRule {
    /// The higher mean score (over the finalist's jurors) on this criterion.
    HigherCriterion(String),
    /// The higher median of the finalist's per-juror weighted means.
    HigherMedianJurorScore,
    /// More jurors who put the finalist first among the finalists they
    /// scored (a shared first place counts for each finalist sharing it).
    MoreFirstPlaces,
    /// Last resort, and therefore only allowed as the last rule: the chair
    /// decides. Without [`JuryInput::chair_order`] the tie stays and the
    /// results say the chair must decide; with it, the tied finalists are
    /// ordered as the chair listed them.
    ChairDecision,
}

impl fmt::Display for TieBreakRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TieBreakRule::HigherCriterion(c) => write!(f, "higher mean score on criterion {c}"),
            TieBreakRule::HigherMedianJurorScore => f.write_str("higher median juror score"),
            TieBreakRule::MoreFirstPlaces => f.write_str("more first places"),
            TieBreakRule::ChairDecision => f.write_str("decision of the chair"),
        }
    }
}

/// Everything needed to compute the results of one award category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JuryInput {
    pub criteria: Vec<Criterion>,
    pub finalists: Vec<String>,
    pub jurors: Vec<String>,
    /// Only submitted sheets of non-conflicted jurors; at most one per
    /// juror and finalist.
    pub sheets: Vec<ScoreSheet>,
    /// Tie-break rules in the order they are tried.
    pub tie_break: Vec<TieBreakRule>,
    /// The chair's decision for ties no other rule breaks: finalist keys,
    /// best first. Only used by [`TieBreakRule::ChairDecision`].
    #[serde(default)]
    pub chair_order: Option<Vec<String>>,
}

/// Which kind of key an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyKind {
    Criterion,
    Finalist,
    Juror,
}

impl fmt::Display for KeyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            KeyKind::Criterion => "criterion",
            KeyKind::Finalist => "finalist",
            KeyKind::Juror => "juror",
        })
    }
}

/// What is wrong with a [`JuryInput`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JuryError {
    #[error("the jury has no criteria")]
    NoCriteria,
    #[error("a {0} has an empty key")]
    EmptyKey(KeyKind),
    #[error("{kind} {key} is listed twice")]
    DuplicateKey { kind: KeyKind, key: String },
    #[error("the criterion weights sum to {sum}; they must sum to 100")]
    WeightSum { sum: u64 },
    #[error("every criterion has weight 0; at least one must count")]
    AllWeightsZero,
    #[error("a score sheet for finalist {finalist} comes from {juror}, who is not a juror of this category")]
    UnknownJuror { juror: String, finalist: String },
    #[error(
        "juror {juror} has a score sheet for {finalist}, which is not a finalist of this category"
    )]
    UnknownFinalist { juror: String, finalist: String },
    #[error("juror {juror} has two score sheets for finalist {finalist}")]
    DuplicateSheet { juror: String, finalist: String },
    #[error("the score sheet of juror {juror} for finalist {finalist} has no score on criterion {criterion}")]
    MissingCriterion {
        juror: String,
        finalist: String,
        criterion: String,
    },
    #[error("the score sheet of juror {juror} for finalist {finalist} scores {criterion}, which is not a criterion of this category")]
    UnknownCriterion {
        juror: String,
        finalist: String,
        criterion: String,
    },
    #[error("tie-break rule {0} names a criterion that does not exist")]
    UnknownTieBreakCriterion(String),
    #[error("the chair decision must be the last tie-break rule")]
    ChairDecisionNotLast,
    #[error("a chair order was given but the tie-break rules do not end with the chair decision")]
    ChairOrderWithoutRule,
    #[error("the chair order names {0}, which is not a finalist of this category")]
    ChairOrderUnknownFinalist(String),
    #[error("the chair order names finalist {0} twice")]
    ChairOrderDuplicate(String),
}

/// How criterion weights are checked. Configured rounds use
/// [`WeightCheck::SumTo100`]; the CSV command has no weights and gives every
/// criterion weight 1. Weights are always applied relative to their total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WeightCheck {
    SumTo100,
    AnyPositiveTotal,
}

impl JuryInput {
    /// Check the input: keys non-empty and unique, weights summing to 100,
    /// every sheet from a known juror for a known finalist with exactly the
    /// criteria of the round, tie-break rules and chair order consistent.
    pub fn validate(&self) -> Result<(), JuryError> {
        self.validate_with(WeightCheck::SumTo100)
    }

    pub(crate) fn validate_with(&self, weights: WeightCheck) -> Result<(), JuryError> {
        if self.criteria.is_empty() {
            return Err(JuryError::NoCriteria);
        }
        unique_keys(
            KeyKind::Criterion,
            self.criteria.iter().map(|c| c.key.as_str()),
        )?;
        unique_keys(KeyKind::Finalist, self.finalists.iter().map(String::as_str))?;
        unique_keys(KeyKind::Juror, self.jurors.iter().map(String::as_str))?;

        let sum: u64 = self.criteria.iter().map(|c| u64::from(c.weight)).sum();
        match weights {
            WeightCheck::SumTo100 if sum != 100 => return Err(JuryError::WeightSum { sum }),
            _ if sum == 0 => return Err(JuryError::AllWeightsZero),
            _ => {}
        }

        let jurors: HashSet<&str> = self.jurors.iter().map(String::as_str).collect();
        let finalists: HashSet<&str> = self.finalists.iter().map(String::as_str).collect();
        let mut seen: HashSet<(&str, &str)> = HashSet::new();
        for sheet in &self.sheets {
            let (j, f) = (sheet.juror.as_str(), sheet.finalist.as_str());
            if !jurors.contains(j) {
                return Err(JuryError::UnknownJuror {
                    juror: j.into(),
                    finalist: f.into(),
                });
            }
            if !finalists.contains(f) {
                return Err(JuryError::UnknownFinalist {
                    juror: j.into(),
                    finalist: f.into(),
                });
            }
            if !seen.insert((j, f)) {
                return Err(JuryError::DuplicateSheet {
                    juror: j.into(),
                    finalist: f.into(),
                });
            }
            for c in &self.criteria {
                if !sheet.scores.contains_key(&c.key) {
                    return Err(JuryError::MissingCriterion {
                        juror: j.into(),
                        finalist: f.into(),
                        criterion: c.key.clone(),
                    });
                }
            }
            if let Some(extra) = sheet
                .scores
                .keys()
                .find(|k| !self.criteria.iter().any(|c| &c.key == *k))
            {
                return Err(JuryError::UnknownCriterion {
                    juror: j.into(),
                    finalist: f.into(),
                    criterion: extra.clone(),
                });
            }
        }

        for (i, rule) in self.tie_break.iter().enumerate() {
            match rule {
                TieBreakRule::HigherCriterion(c) if !self.criteria.iter().any(|k| &k.key == c) => {
                    return Err(JuryError::UnknownTieBreakCriterion(c.clone()));
                }
                TieBreakRule::ChairDecision if i + 1 != self.tie_break.len() => {
                    return Err(JuryError::ChairDecisionNotLast);
                }
                _ => {}
            }
        }
        if let Some(order) = &self.chair_order {
            if self.tie_break.last() != Some(&TieBreakRule::ChairDecision) {
                return Err(JuryError::ChairOrderWithoutRule);
            }
            let mut named = HashSet::new();
            for f in order {
                if !finalists.contains(f.as_str()) {
                    return Err(JuryError::ChairOrderUnknownFinalist(f.clone()));
                }
                if !named.insert(f.as_str()) {
                    return Err(JuryError::ChairOrderDuplicate(f.clone()));
                }
            }
        }
        Ok(())
    }
}

fn unique_keys<'a>(kind: KeyKind, keys: impl Iterator<Item = &'a str>) -> Result<(), JuryError> {
    let mut seen: HashSet<&str> = HashSet::new();
    for key in keys {
        if key.trim().is_empty() {
            return Err(JuryError::EmptyKey(kind));
        }
        if !seen.insert(key) {
            return Err(JuryError::DuplicateKey {
                kind,
                key: key.to_string(),
            });
        }
    }
    Ok(())
}

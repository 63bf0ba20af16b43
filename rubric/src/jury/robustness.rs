//! The robustness of a winner: does the winner stay the winner with the
//! normalized score, with the mean rank, and when any single juror is left
//! out? A chair signs a result more easily when every check names the same
//! finalist; when one does not, locking needs the chair's acknowledgement.
//!
//! Pure: the checks re-run the results computation on the same input (or on
//! the input without one juror) and compare winners.

use super::results::{compute_core, FinalistResult, JuryResults};
use super::{JuryInput, TIE_EPSILON};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// What one check says about the winner. Read through [`CheckWire`] (the
/// same JSON): the derived decoder of an internally tagged enum buffers the
/// value first, which is the largest decoder of the results app (issue 13).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", try_from = "CheckWire")]
pub enum Check {
    /// The check names the same winner.
    Same,
    /// The check names another finalist.
    Other { finalist: String },
    /// No single finalist leads: these share first place (sorted).
    Shared { finalists: Vec<String> },
    /// Without the juror these finalists have no score left, so no winner
    /// can be named (sorted). Only for [`Finding::WithoutJuror`].
    Unscored { finalists: Vec<String> },
}

impl Check {
    pub fn is_same(&self) -> bool {
        matches!(self, Check::Same)
    }

    /// The same check with every finalist key renamed (to names, for the
    /// audit log and the CLI).
    pub fn renamed(&self, name: &dyn Fn(&str) -> String) -> Check {
        let all = |keys: &[String]| keys.iter().map(|k| name(k)).collect();
        match self {
            Check::Same => Check::Same,
            Check::Other { finalist } => Check::Other { finalist: name(finalist) },
            Check::Shared { finalists } => Check::Shared { finalists: all(finalists) },
            Check::Unscored { finalists } => Check::Unscored { finalists: all(finalists) },
        }
    }
}

/// Which [`Check`] a [`CheckWire`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum CheckKind {
    Same,
    Other,
    Shared,
    Unscored,
}

/// A [`Check`] as its JSON is written: the tag and every variant's fields
/// side by side, decoded field by field without buffering.
#[derive(Deserialize)]
struct CheckWire {
    kind: CheckKind,
    #[serde(default)]
    finalist: Option<String>,
    #[serde(default)]
    finalists: Option<Vec<String>>,
}

impl TryFrom<CheckWire> for Check {
    type Error = &'static str;

    fn try_from(w: CheckWire) -> Result<Check, &'static str> {
        Ok(match (w.kind, w.finalist, w.finalists) {
            (CheckKind::Same, _, _) => Check::Same,
            (CheckKind::Other, Some(finalist), _) => Check::Other { finalist },
            (CheckKind::Shared, _, Some(finalists)) => Check::Shared { finalists },
            (CheckKind::Unscored, _, Some(finalists)) => Check::Unscored { finalists },
            (CheckKind::Other, None, _) => return Err("missing field `finalist`"),
            _ => return Err("missing field `finalists`"),
        })
    }
}

/// The winner without one juror.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaveOneOut {
    pub juror: String,
    pub check: Check,
}

/// The checks of one winner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Robustness {
    /// The winner of the results (by score, ties broken by the rules).
    pub winner: String,
    /// The leader by normalized score.
    pub normalized: Check,
    /// The leader by mean rank (lowest first).
    pub mean_rank: Check,
    /// The winner without each juror who scored in the category, in the
    /// order of the jurors' keys; empty with fewer than two such jurors
    /// (nobody can be left out).
    pub leave_one_out: Vec<LeaveOneOut>,
    /// True when every check names the same winner.
    pub robust: bool,
}

/// One check that does not confirm the winner, as the app and the audit log
/// put it into words.
/// Read through [`FindingWire`] (the same JSON), as [`Check`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "kebab-case", try_from = "FindingWire")]
pub enum Finding {
    Normalized { check: Check },
    MeanRank { check: Check },
    WithoutJuror { juror: String, check: Check },
}

/// Which [`Finding`] a [`FindingWire`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum FindingBy {
    Normalized,
    MeanRank,
    WithoutJuror,
}

/// A [`Finding`] as its JSON is written (see [`CheckWire`]).
#[derive(Deserialize)]
struct FindingWire {
    by: FindingBy,
    check: Check,
    #[serde(default)]
    juror: Option<String>,
}

impl TryFrom<FindingWire> for Finding {
    type Error = &'static str;

    fn try_from(w: FindingWire) -> Result<Finding, &'static str> {
        Ok(match (w.by, w.juror) {
            (FindingBy::Normalized, _) => Finding::Normalized { check: w.check },
            (FindingBy::MeanRank, _) => Finding::MeanRank { check: w.check },
            (FindingBy::WithoutJuror, Some(juror)) => Finding::WithoutJuror { juror, check: w.check },
            (FindingBy::WithoutJuror, None) => return Err("missing field `juror`"),
        })
    }
}

impl Finding {
    /// The same finding with names instead of keys.
    pub fn renamed(&self, finalist: &dyn Fn(&str) -> String, juror: &dyn Fn(&str) -> String) -> Finding {
        match self {
            Finding::Normalized { check } => Finding::Normalized { check: check.renamed(finalist) },
            Finding::MeanRank { check } => Finding::MeanRank { check: check.renamed(finalist) },
            Finding::WithoutJuror { juror: j, check } => {
                Finding::WithoutJuror { juror: juror(j), check: check.renamed(finalist) }
            }
        }
    }
}

impl Robustness {
    /// The checks that do not confirm the winner, methods first, then the
    /// jurors; empty when the winner is robust.
    pub fn findings(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if !self.normalized.is_same() {
            out.push(Finding::Normalized { check: self.normalized.clone() });
        }
        if !self.mean_rank.is_same() {
            out.push(Finding::MeanRank { check: self.mean_rank.clone() });
        }
        for l in self.leave_one_out.iter().filter(|l| !l.check.is_same()) {
            out.push(Finding::WithoutJuror { juror: l.juror.clone(), check: l.check.clone() });
        }
        out
    }

    /// The jurors without whom the winner changes (or no winner is left).
    pub fn deciding_jurors(&self) -> Vec<&str> {
        self.leave_one_out.iter().filter(|l| !l.check.is_same()).map(|l| l.juror.as_str()).collect()
    }
}

/// The leaders of `value` over the scored finalists: those within
/// [`TIE_EPSILON`] of the best (highest, or lowest with `lowest_best`).
fn leaders(finalists: &[FinalistResult], value: fn(&FinalistResult) -> Option<f64>, lowest_best: bool) -> Vec<String> {
    let values: Vec<(&str, f64)> = finalists.iter().filter_map(|f| value(f).map(|v| (f.finalist.as_str(), v))).collect();
    let best = values.iter().map(|&(_, v)| v).fold(None, |acc: Option<f64>, v| {
        Some(match acc {
            None => v,
            Some(a) if lowest_best => a.min(v),
            Some(a) => a.max(v),
        })
    });
    let Some(best) = best else { return vec![] };
    let set: BTreeSet<String> =
        values.iter().filter(|&&(_, v)| (v - best).abs() <= TIE_EPSILON).map(|&(k, _)| k.to_string()).collect();
    set.into_iter().collect()
}

fn check_leaders(winner: &str, leaders: Vec<String>) -> Check {
    match leaders.as_slice() {
        [one] if one == winner => Check::Same,
        [one] => Check::Other { finalist: one.clone() },
        _ => Check::Shared { finalists: leaders },
    }
}

/// The winner of `results` compared with `winner`.
fn check_winner(winner: &str, results: &JuryResults) -> Check {
    let unscored: Vec<String> = {
        let set: BTreeSet<String> =
            results.finalists.iter().filter(|f| f.score.is_none()).map(|f| f.finalist.clone()).collect();
        set.into_iter().collect()
    };
    match &results.winner {
        Some(w) if w == winner => Check::Same,
        Some(w) => Check::Other { finalist: w.clone() },
        None if !unscored.is_empty() => Check::Unscored { finalists: unscored },
        None => {
            let first: BTreeSet<String> = results
                .unresolved_ties
                .iter()
                .filter(|t| t.place == 1)
                .flat_map(|t| t.finalists.iter().cloned())
                .collect();
            Check::Shared { finalists: first.into_iter().collect() }
        }
    }
}

/// The robustness of the winner of `results` (computed from `input`);
/// `None` when there is no winner.
pub(crate) fn analyse(input: &JuryInput, results: &JuryResults) -> Option<Robustness> {
    let winner = results.winner.clone()?;
    let normalized = check_leaders(&winner, leaders(&results.finalists, |f| f.normalized_score, false));
    let mean_rank = check_leaders(&winner, leaders(&results.finalists, |f| f.mean_rank, true));
    let scoring: BTreeSet<&str> = input.sheets.iter().map(|s| s.juror.as_str()).collect();
    let mut leave_one_out = Vec::new();
    if scoring.len() >= 2 {
        for juror in scoring {
            let without = JuryInput {
                jurors: input.jurors.iter().filter(|j| j.as_str() != juror).cloned().collect(),
                sheets: input.sheets.iter().filter(|s| s.juror != juror).cloned().collect(),
                ..input.clone()
            };
            let check = check_winner(&winner, &compute_core(&without));
            leave_one_out.push(LeaveOneOut { juror: juror.to_string(), check });
        }
    }
    let robust = normalized.is_same() && mean_rank.is_same() && leave_one_out.iter().all(|l| l.check.is_same());
    Some(Robustness { winner, normalized, mean_rank, leave_one_out, robust })
}

#[cfg(test)]
mod wire_tests {
    use super::*;

    /// The flat decoders read exactly what the derived encoders write, and
    /// refuse a variant without its field, as the derived ones did.
    #[test]
    fn checks_and_findings_read_back_from_their_json() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let checks = [
            Check::Same,
            Check::Other { finalist: "7".into() },
            Check::Shared { finalists: names(&["1", "2"]) },
            Check::Unscored { finalists: names(&["3"]) },
        ];
        for check in &checks {
            let json = serde_json::to_string(check).expect("written");
            assert_eq!(&serde_json::from_str::<Check>(&json).expect("read"), check, "{json}");
            for finding in [
                Finding::Normalized { check: check.clone() },
                Finding::MeanRank { check: check.clone() },
                Finding::WithoutJuror { juror: "4".into(), check: check.clone() },
            ] {
                let json = serde_json::to_string(&finding).expect("written");
                assert_eq!(serde_json::from_str::<Finding>(&json).expect("read"), finding, "{json}");
            }
        }
        assert_eq!(serde_json::to_string(&checks[1]).expect("written"), r#"{"kind":"other","finalist":"7"}"#);
        for bad in [r#"{"kind":"other"}"#, r#"{"kind":"shared"}"#, r#"{"kind":"nope"}"#, r#"{"finalist":"7"}"#] {
            assert!(serde_json::from_str::<Check>(bad).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Finding>(r#"{"by":"without-juror","check":{"kind":"same"}}"#).is_err());
    }
}

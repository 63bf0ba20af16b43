//! The results of a jury round: weighted means per juror, finalist scores,
//! per-juror normalization, mean ranks, agreement statistics on the
//! complete block of the score matrix, juror flags, warnings, and the final
//! ranking with its winner.

use super::robustness::{self, Robustness};
pub use super::stats::Agreement;
use super::stats::{self, read_agreement, AgreementKind, NotComputable};
use super::tiebreak::{self, RankedFinalist, TieBreak, UnresolvedTie};
use super::{
    JuryError, JuryInput, WeightCheck, DISAGREEMENT_RHO, MIN_FINALISTS_PER_JUROR, TIE_EPSILON,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// The jurors and finalists the agreement statistics were computed on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementBlock {
    pub jurors: Vec<String>,
    pub finalists: Vec<String>,
    /// True when every juror scored every finalist, so nothing was dropped.
    pub complete: bool,
    /// Left out to get a block without missing scores (including jurors
    /// and finalists without any score).
    pub dropped_jurors: Vec<String>,
    pub dropped_finalists: Vec<String>,
}

/// Inter-rater agreement on the finalists × jurors matrix of weighted means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreementReport {
    /// ICC(2,1): two-way random effects, absolute agreement, single juror.
    /// Read with the Koo & Li (2016) bands.
    pub icc_2_1: Agreement,
    /// ICC(2,k): the same for the mean of the k jurors of the block.
    pub icc_2_k: Agreement,
    /// Kendall's W with the tie correction; read with the project bands of
    /// [`super::Reading::for_kendall_w`].
    pub kendall_w: Agreement,
    pub block: AgreementBlock,
}

/// One finalist's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FinalistResult {
    pub finalist: String,
    /// How many jurors scored this finalist.
    pub jurors: usize,
    /// The mean of the jurors' weighted means; `None` if nobody scored it.
    pub score: Option<f64>,
    /// The mean of the jurors' normalized weighted means.
    pub normalized_score: Option<f64>,
    /// The mean of the ranks the jurors gave (1 = a juror's best).
    pub mean_rank: Option<f64>,
    /// The median of the jurors' weighted means (a tie-break rule).
    pub median_juror_score: Option<f64>,
    /// How many jurors put this finalist first (shared firsts count).
    pub first_places: usize,
    /// The mean score per criterion over the jurors.
    pub criterion_means: BTreeMap<String, f64>,
}

/// One juror's numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JurorResult {
    pub juror: String,
    pub finalists_scored: usize,
    /// The weighted mean this juror gave each finalist they scored.
    pub weighted_means: BTreeMap<String, f64>,
    /// The same after z-score normalization, rescaled to the overall mean
    /// and spread.
    pub normalized: BTreeMap<String, f64>,
    /// This juror's rank of each finalist they scored (1 = best, ties share
    /// the average rank).
    pub ranks: BTreeMap<String, f64>,
    /// The mean and population standard deviation of their weighted means.
    pub mean: Option<f64>,
    pub spread: Option<f64>,
    /// Spearman's rho between this juror's ranking and the mean ranking of
    /// the other jurors on the finalists they share; `None` if the juror
    /// scored fewer than 3 finalists, shares fewer than 3 or rho is
    /// undefined (a ranking without spread).
    pub agreement_with_others: Option<f64>,
    /// True when `agreement_with_others` is below [`DISAGREEMENT_RHO`]: to
    /// discuss in the jury, not an automatic exclusion.
    pub flagged: bool,
}

/// Something the coordinator should know before locking the results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JuryWarning {
    /// The juror scored fewer than [`MIN_FINALISTS_PER_JUROR`] finalists, so
    /// their normalization rests on very few scores (a juror with a single
    /// finalist has no spread: that value becomes the overall mean).
    FewFinalists { juror: String, scored: usize },
    /// The juror gave every finalist the same weighted mean. Their z-scores
    /// are then 0: their normalized values all equal the overall mean.
    NoSpread { juror: String },
    /// Nobody scored this finalist; it is left out of the ranking and no
    /// winner is named.
    UnscoredFinalist { finalist: String },
    /// The score matrix has gaps; agreement was computed on a smaller block.
    AgreementOnSubBlock {
        dropped_jurors: Vec<String>,
        dropped_finalists: Vec<String>,
    },
    /// The juror's ranking correlates little with the others' (rho below
    /// [`DISAGREEMENT_RHO`]).
    JurorDisagrees { juror: String, rho: f64 },
    /// Several jurors scored, but fewer than [`MIN_FINALISTS_PER_JUROR`]
    /// finalists have scores, so no juror's ranking can be compared with the
    /// others' (the check for a juror who disagrees cannot run). The
    /// robustness of the winner still shows whether one juror decides it.
    OutlierCheckNotPossible { finalists: usize },
}

impl fmt::Display for JuryWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JuryWarning::FewFinalists { juror, scored } => write!(
                f,
                "juror {juror} scored {scored} finalist(s); normalization needs at least {MIN_FINALISTS_PER_JUROR}"
            ),
            JuryWarning::NoSpread { juror } => write!(
                f,
                "juror {juror} gave every finalist the same score; their normalized scores all equal the overall mean"
            ),
            JuryWarning::UnscoredFinalist { finalist } => {
                write!(f, "nobody scored finalist {finalist}; no winner can be named yet")
            }
            JuryWarning::AgreementOnSubBlock { dropped_jurors, dropped_finalists } => write!(
                f,
                "not every juror scored every finalist; agreement leaves out jurors [{}] and finalists [{}]",
                dropped_jurors.join(", "),
                dropped_finalists.join(", ")
            ),
            JuryWarning::JurorDisagrees { juror, rho } => write!(
                f,
                "juror {juror} ranks the finalists differently from the others (Spearman rho {}); worth discussing",
                super::display::two_decimals(*rho, '.')
            ),
            JuryWarning::OutlierCheckNotPossible { finalists } => write!(
                f,
                "with {finalists} scored finalist(s) no juror's ranking can be compared with the others' (that needs {MIN_FINALISTS_PER_JUROR}); see the robustness of the winner"
            ),
        }
    }
}

/// The results of one award category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JuryResults {
    /// In the order of [`JuryInput::finalists`].
    pub finalists: Vec<FinalistResult>,
    /// In the order of [`JuryInput::jurors`].
    pub jurors: Vec<JurorResult>,
    /// Mean and population standard deviation of all weighted means: the
    /// scale normalized scores are expressed on.
    pub overall_mean: Option<f64>,
    pub overall_spread: Option<f64>,
    pub agreement: AgreementReport,
    /// Scored finalists, best first.
    pub ranking: Vec<RankedFinalist>,
    /// Every tie-break applied, in ranking order: for the audit log.
    pub tie_breaks: Vec<TieBreak>,
    /// Ties no rule broke: the chair must decide them.
    pub unresolved_ties: Vec<UnresolvedTie>,
    /// True when there is an unresolved tie.
    pub chair_decision_needed: bool,
    /// The first of the ranking, unless first place is an unresolved tie, a
    /// finalist has no score yet, or there is no scored finalist.
    pub winner: Option<String>,
    pub warnings: Vec<JuryWarning>,
    /// Whether the winner stays the winner with the normalized score, with
    /// the mean rank and without any single juror; `None` without a winner.
    /// (Absent in results frozen by older versions.)
    #[serde(default)]
    pub robustness: Option<Robustness>,
}

/// Validate `input` ([`JuryInput::validate`]) and compute its results:
///
/// - a juror's weighted mean for a finalist: Σ weight·score / Σ weight;
/// - a finalist's score: the mean of its jurors' weighted means;
/// - normalization: each juror's weighted means are z-scored over the
///   finalists that juror scored (population SD) and rescaled to the mean
///   and population SD of all weighted means; a juror without spread (or
///   with one finalist) has z = 0, so their values become the overall mean.
///   A finalist's normalized score is the mean of its normalized values;
/// - mean rank: each juror ranks the finalists they scored (1 = best, ties
///   share the average rank); a finalist's mean rank averages those;
/// - agreement: ICC(2,1), ICC(2,k) and Kendall's W on the largest complete
///   finalists × jurors block found by a simple greedy search;
/// - flags: Spearman's rho of each juror (3 or more finalists) against the
///   mean ranking of the others, flagged below [`DISAGREEMENT_RHO`];
/// - ranking by score, ties broken by the declared rules, and the winner;
/// - the robustness of the winner ([`super::robustness`]).
pub fn compute_results(input: &JuryInput) -> Result<JuryResults, JuryError> {
    input.validate_with(WeightCheck::SumTo100)?;
    Ok(compute_validated(input))
}

/// The computation proper with the robustness of the winner; `input` has
/// passed `validate_with`.
pub(crate) fn compute_validated(input: &JuryInput) -> JuryResults {
    let mut results = compute_core(input);
    results.robustness = robustness::analyse(input, &results);
    results
}

/// The results without the robustness analysis (which calls this once per
/// juror left out).
pub(crate) fn compute_core(input: &JuryInput) -> JuryResults {
    let nf = input.finalists.len();
    let nj = input.jurors.len();
    let f_index: HashMap<&str, usize> = input
        .finalists
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let j_index: HashMap<&str, usize> = input
        .jurors
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let total_weight: f64 = input.criteria.iter().map(|c| f64::from(c.weight)).sum();

    // Weighted means, cells[finalist][juror], and raw criterion sums.
    let mut cells: Vec<Vec<Option<f64>>> = vec![vec![None; nj]; nf];
    let mut criterion_sums: Vec<BTreeMap<String, f64>> = vec![BTreeMap::new(); nf];
    for sheet in &input.sheets {
        let (Some(&fi), Some(&ji)) = (
            f_index.get(sheet.finalist.as_str()),
            j_index.get(sheet.juror.as_str()),
        ) else {
            continue; // excluded by validation
        };
        let mut weighted = 0.0;
        for c in &input.criteria {
            let score = sheet.scores.get(&c.key).map_or(0.0, |s| f64::from(s.get()));
            weighted += f64::from(c.weight) * score;
            *criterion_sums[fi].entry(c.key.clone()).or_insert(0.0) += score;
        }
        if total_weight > 0.0 {
            cells[fi][ji] = Some(weighted / total_weight);
        }
    }

    let all_values: Vec<f64> = cells.iter().flatten().flatten().copied().collect();
    let overall_mean = stats::mean(&all_values);
    let overall_spread = stats::population_sd(&all_values);
    let mut warnings = Vec::new();

    // Per juror: their finalists, normalization and ranks.
    let mut normalized: Vec<Vec<Option<f64>>> = vec![vec![None; nj]; nf];
    let mut ranks: Vec<Vec<Option<f64>>> = vec![vec![None; nj]; nf];
    let mut juror_results = Vec::with_capacity(nj);
    for (ji, juror) in input.jurors.iter().enumerate() {
        let scored: Vec<usize> = (0..nf).filter(|&fi| cells[fi][ji].is_some()).collect();
        let values: Vec<f64> = scored.iter().filter_map(|&fi| cells[fi][ji]).collect();
        let mean = stats::mean(&values);
        let spread = stats::population_sd(&values);
        if scored.len() < MIN_FINALISTS_PER_JUROR {
            warnings.push(JuryWarning::FewFinalists {
                juror: juror.clone(),
                scored: scored.len(),
            });
        }
        let has_spread = spread.is_some_and(|s| s > TIE_EPSILON);
        if scored.len() >= 2 && !has_spread {
            warnings.push(JuryWarning::NoSpread {
                juror: juror.clone(),
            });
        }
        let juror_ranks = stats::descending_ranks(&values);
        for (k, &fi) in scored.iter().enumerate() {
            let z = match (mean, spread) {
                (Some(m), Some(s)) if has_spread => (values[k] - m) / s,
                _ => 0.0,
            };
            let centre = overall_mean.unwrap_or(values[k]);
            normalized[fi][ji] = Some(centre + overall_spread.unwrap_or(0.0) * z);
            ranks[fi][ji] = Some(juror_ranks[k]);
        }
        let by_key = |grid: &Vec<Vec<Option<f64>>>| -> BTreeMap<String, f64> {
            scored
                .iter()
                .filter_map(|&fi| grid[fi][ji].map(|v| (input.finalists[fi].clone(), v)))
                .collect()
        };
        juror_results.push(JurorResult {
            juror: juror.clone(),
            finalists_scored: scored.len(),
            weighted_means: by_key(&cells),
            normalized: by_key(&normalized),
            ranks: by_key(&ranks),
            mean,
            spread,
            agreement_with_others: None,
            flagged: false,
        });
    }

    // Flags: each juror's ranking against the others' mean ranking.
    for (ji, result) in juror_results.iter_mut().enumerate() {
        if let Some(rho) = agreement_with_others(&cells, ji) {
            result.agreement_with_others = Some(rho);
            if rho < DISAGREEMENT_RHO {
                result.flagged = true;
                warnings.push(JuryWarning::JurorDisagrees {
                    juror: result.juror.clone(),
                    rho,
                });
            }
        }
    }

    // Per finalist.
    let juror_best: Vec<Option<f64>> = (0..nj)
        .map(|ji| cells.iter().filter_map(|r| r[ji]).max_by(f64::total_cmp))
        .collect();
    let mut finalist_results = Vec::with_capacity(nf);
    for (fi, finalist) in input.finalists.iter().enumerate() {
        let present: Vec<usize> = (0..nj).filter(|&ji| cells[fi][ji].is_some()).collect();
        let values: Vec<f64> = present.iter().filter_map(|&ji| cells[fi][ji]).collect();
        let norm: Vec<f64> = present
            .iter()
            .filter_map(|&ji| normalized[fi][ji])
            .collect();
        let rk: Vec<f64> = present.iter().filter_map(|&ji| ranks[fi][ji]).collect();
        // A first place: this finalist has the juror's highest weighted mean
        // (a first place shared by tied finalists counts for each of them).
        let first_places = present
            .iter()
            .filter(|&&ji| match (cells[fi][ji], juror_best[ji]) {
                (Some(v), Some(best)) => v >= best - TIE_EPSILON,
                _ => false,
            })
            .count();
        let n = present.len() as f64;
        let criterion_means = if present.is_empty() {
            BTreeMap::new()
        } else {
            criterion_sums[fi]
                .iter()
                .map(|(k, s)| (k.clone(), s / n))
                .collect()
        };
        if present.is_empty() {
            warnings.push(JuryWarning::UnscoredFinalist {
                finalist: finalist.clone(),
            });
        }
        finalist_results.push(FinalistResult {
            finalist: finalist.clone(),
            jurors: present.len(),
            score: stats::mean(&values),
            normalized_score: stats::mean(&norm),
            mean_rank: stats::mean(&rk),
            median_juror_score: stats::median(&values),
            first_places,
            criterion_means,
        });
    }

    // Agreement on the complete block.
    let (rows, cols) = complete_block(&cells);
    let block = AgreementBlock {
        jurors: cols.iter().map(|&j| input.jurors[j].clone()).collect(),
        finalists: rows.iter().map(|&f| input.finalists[f].clone()).collect(),
        complete: rows.len() == nf && cols.len() == nj,
        dropped_jurors: (0..nj)
            .filter(|j| !cols.contains(j))
            .map(|j| input.jurors[j].clone())
            .collect(),
        dropped_finalists: (0..nf)
            .filter(|f| !rows.contains(f))
            .map(|f| input.finalists[f].clone())
            .collect(),
    };
    if !block.complete && nf > 0 && nj > 0 {
        warnings.push(JuryWarning::AgreementOnSubBlock {
            dropped_jurors: block.dropped_jurors.clone(),
            dropped_finalists: block.dropped_finalists.clone(),
        });
    }
    let matrix: Vec<Vec<f64>> = rows
        .iter()
        .map(|&f| cols.iter().map(|&j| cells[f][j].unwrap_or(0.0)).collect())
        .collect();
    let (icc, w) = if cols.len() < 2 {
        (
            Err(NotComputable::FewerThanTwoJurors),
            Err(NotComputable::FewerThanTwoJurors),
        )
    } else if rows.len() < 2 {
        (
            Err(NotComputable::FewerThanTwoFinalists),
            Err(NotComputable::FewerThanTwoFinalists),
        )
    } else {
        let table = stats::icc(&matrix);
        (Ok(table), stats::kendall_w(&matrix))
    };
    let agreement = AgreementReport {
        icc_2_1: read_agreement(AgreementKind::Icc21, icc.and_then(|t| t.icc_2_1)),
        icc_2_k: read_agreement(AgreementKind::Icc2k, icc.and_then(|t| t.icc_2_k)),
        kendall_w: read_agreement(AgreementKind::KendallW, w),
        block,
    };
    let scored_finalists = finalist_results.iter().filter(|f| f.score.is_some()).count();
    let scoring_jurors = juror_results.iter().filter(|j| j.finalists_scored > 0).count();
    if scoring_jurors >= 2 && (1..MIN_FINALISTS_PER_JUROR).contains(&scored_finalists) {
        warnings.push(JuryWarning::OutlierCheckNotPossible { finalists: scored_finalists });
    }

    // Ranking and winner.
    let ranked = tiebreak::rank(
        &finalist_results,
        &input.tie_break,
        input.chair_order.as_deref(),
    );
    let all_scored = finalist_results.iter().all(|f| f.score.is_some());
    let winner = match ranked.ranking.first() {
        Some(first) if all_scored && !first.tied => Some(first.finalist.clone()),
        _ => None,
    };

    JuryResults {
        finalists: finalist_results,
        jurors: juror_results,
        overall_mean,
        overall_spread,
        agreement,
        chair_decision_needed: !ranked.unresolved.is_empty(),
        ranking: ranked.ranking,
        tie_breaks: ranked.tie_breaks,
        unresolved_ties: ranked.unresolved,
        winner,
        warnings,
        robustness: None,
    }
}

/// Spearman's rho between juror `ji`'s ranking and the mean ranking of the
/// other jurors over the finalists they share. Each other juror ranks the
/// shared finalists they scored; a finalist's mean rank averages those.
fn agreement_with_others(cells: &[Vec<Option<f64>>], ji: usize) -> Option<f64> {
    let nj = cells.first().map_or(0, Vec::len);
    let own: Vec<usize> = (0..cells.len())
        .filter(|&f| cells[f][ji].is_some())
        .collect();
    if own.len() < MIN_FINALISTS_PER_JUROR {
        return None;
    }
    let shared: Vec<usize> = own
        .iter()
        .copied()
        .filter(|&f| (0..nj).any(|o| o != ji && cells[f][o].is_some()))
        .collect();
    if shared.len() < MIN_FINALISTS_PER_JUROR {
        return None;
    }
    let mut sums = vec![0.0; shared.len()];
    let mut counts = vec![0usize; shared.len()];
    for o in (0..nj).filter(|&o| o != ji) {
        let positions: Vec<usize> = (0..shared.len())
            .filter(|&k| cells[shared[k]][o].is_some())
            .collect();
        let values: Vec<f64> = positions
            .iter()
            .filter_map(|&k| cells[shared[k]][o])
            .collect();
        for (&k, r) in positions.iter().zip(stats::descending_ranks(&values)) {
            sums[k] += r;
            counts[k] += 1;
        }
    }
    let others: Vec<f64> = sums
        .iter()
        .zip(&counts)
        .map(|(s, &c)| s / c.max(1) as f64)
        .collect();
    let own_values: Vec<f64> = shared.iter().filter_map(|&f| cells[f][ji]).collect();
    stats::spearman(&stats::descending_ranks(&own_values), &others)
}

/// The complete block of the finalists × jurors matrix: indices of the
/// rows (finalists) and columns (jurors) kept. Finalists and jurors without
/// any score go first; then, while a score is missing, the line (finalist
/// row or juror column) with the most missing cells is dropped, preferring
/// the one that loses fewest present scores, then a finalist over a juror,
/// then the later one in input order. A simple greedy choice: the block is
/// large, not guaranteed largest.
fn complete_block(cells: &[Vec<Option<f64>>]) -> (Vec<usize>, Vec<usize>) {
    let nf = cells.len();
    let nj = cells.first().map_or(0, Vec::len);
    let mut rows: Vec<usize> = (0..nf)
        .filter(|&f| cells[f].iter().any(Option::is_some))
        .collect();
    let mut cols: Vec<usize> = (0..nj)
        .filter(|&j| cells.iter().any(|r| r[j].is_some()))
        .collect();
    loop {
        // (missing, present, is_juror, index) of the best line to drop.
        let mut worst: Option<(usize, usize, bool, usize)> = None;
        let mut consider = |cand: (usize, usize, bool, usize)| {
            if cand.0 == 0 {
                return;
            }
            let better = match worst {
                None => true,
                Some(w) => {
                    (
                        cand.0,
                        std::cmp::Reverse(cand.1),
                        std::cmp::Reverse(cand.2),
                        cand.3,
                    ) > (w.0, std::cmp::Reverse(w.1), std::cmp::Reverse(w.2), w.3)
                }
            };
            if better {
                worst = Some(cand);
            }
        };
        for &f in &rows {
            let missing = cols.iter().filter(|&&j| cells[f][j].is_none()).count();
            consider((missing, cols.len() - missing, false, f));
        }
        for &j in &cols {
            let missing = rows.iter().filter(|&&f| cells[f][j].is_none()).count();
            consider((missing, rows.len() - missing, true, j));
        }
        match worst {
            None => return (rows, cols),
            Some((_, _, true, j)) => cols.retain(|&c| c != j),
            Some((_, _, false, f)) => rows.retain(|&r| r != f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_block_drops_the_sparse_lines() {
        let x = Some(5.0);
        // Juror 2 scored only finalist 0: dropping that juror keeps 4x2.
        let cells = vec![
            vec![x, x, x],
            vec![x, x, None],
            vec![x, x, None],
            vec![x, x, None],
        ];
        assert_eq!(complete_block(&cells), (vec![0, 1, 2, 3], vec![0, 1]));
        // One missing cell in a 4x3 matrix: drop the finalist (loses 2
        // scores) rather than the juror (loses 3).
        let cells = vec![
            vec![x, x, x],
            vec![x, None, x],
            vec![x, x, x],
            vec![x, x, x],
        ];
        assert_eq!(complete_block(&cells), (vec![0, 2, 3], vec![0, 1, 2]));
        // An unscored finalist and a juror without scores go first.
        let cells = vec![vec![x, None], vec![None, None], vec![x, None]];
        assert_eq!(complete_block(&cells), (vec![0, 2], vec![0]));
    }
}

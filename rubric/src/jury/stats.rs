//! The statistics behind the jury results, as pure functions on numbers:
//! means and spreads, average ranks, Spearman's rho, the Shrout & Fleiss
//! intraclass correlations and Kendall's W, and [`read_agreement`]: the one
//! function that decides how an agreement estimate is read (including
//! negative and undefined estimates), used by the app, the printed sheet and
//! `stempact jury-stats`. Nothing here returns NaN: an undefined statistic is
//! a [`NotComputable`].

use super::TIE_EPSILON;
use serde::{Deserialize, Serialize};

/// Why an agreement statistic has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "kebab-case")]
pub enum NotComputable {
    #[error("fewer than 2 jurors scored the same finalists")]
    FewerThanTwoJurors,
    #[error("fewer than 2 finalists were scored by the same jurors")]
    FewerThanTwoFinalists,
    #[error("the scores do not vary, so there is no agreement to measure")]
    NoVariance,
    /// The formula's denominator is zero while its numerator is not
    /// negative. With ratings that vary this cannot happen (a denominator at
    /// or below zero implies a negative numerator, see [`icc`]); kept for
    /// rounding edge cases and for results frozen by older versions.
    #[error("the estimate is undefined: the formula divides by zero")]
    DegenerateMeanSquares,
    /// The estimate is below zero and its denominator is at or below zero,
    /// so there is no number to show: the jurors differ more about the same
    /// finalist than the finalists differ from each other. Read as
    /// [`Reading::BelowZero`], not as "not computable".
    #[error("the estimate is below zero: the jurors differ more about the same finalist than the finalists differ from each other")]
    EstimateBelowZero,
    #[error("the rows of the score matrix differ in length")]
    RaggedMatrix,
    #[error("the score matrix holds a value that is not a finite number")]
    NonFiniteValue,
}

/// How strong an agreement statistic is.
///
/// For the intraclass correlations: the bands of Koo & Li (2016), "A
/// guideline of selecting and reporting intraclass correlation coefficients
/// for reliability research", J. Chiropr. Med. 15(2): below 0.5 poor,
/// 0.5 to 0.75 moderate, 0.75 to 0.9 good, above 0.9 excellent.
///
/// For Kendall's W there is no published standard; this project reads it as
/// below 0.3 poor (weak), 0.3 to 0.5 moderate, 0.5 to 0.7 good, 0.7 and
/// above excellent (strong). See [`Reading::for_kendall_w`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reading {
    /// An estimate below zero: no agreement at all (the differences between
    /// jurors on the same finalist are larger than the differences between
    /// finalists). Only the intraclass correlations can be below zero.
    BelowZero,
    Poor,
    Moderate,
    Good,
    Excellent,
}

impl Reading {
    /// Koo & Li (2016) bands: < 0.5 poor, [0.5, 0.75) moderate,
    /// [0.75, 0.9] good, > 0.9 excellent; below 0 [`Reading::BelowZero`].
    pub fn for_icc(value: f64) -> Reading {
        if value < 0.0 {
            Reading::BelowZero
        } else if value < 0.5 {
            Reading::Poor
        } else if value < 0.75 {
            Reading::Moderate
        } else if value <= 0.9 {
            Reading::Good
        } else {
            Reading::Excellent
        }
    }

    /// Project banding for Kendall's W (no published standard exists):
    /// < 0.3 poor (weak), [0.3, 0.5) moderate, [0.5, 0.7) good,
    /// >= 0.7 excellent (strong).
    pub fn for_kendall_w(value: f64) -> Reading {
        if value < 0.0 {
            Reading::BelowZero
        } else if value < 0.3 {
            Reading::Poor
        } else if value < 0.5 {
            Reading::Moderate
        } else if value < 0.7 {
            Reading::Good
        } else {
            Reading::Excellent
        }
    }

    /// The reading as it appears in JSON: `poor`, `moderate`, ...
    pub fn key(self) -> &'static str {
        match self {
            Reading::BelowZero => "below-zero",
            Reading::Poor => "poor",
            Reading::Moderate => "moderate",
            Reading::Good => "good",
            Reading::Excellent => "excellent",
        }
    }
}

/// Which agreement statistic a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgreementKind {
    /// ICC(2,1): two-way random effects, absolute agreement, single juror.
    Icc21,
    /// ICC(2,k): the same for the mean of the k jurors.
    Icc2k,
    /// Kendall's W with the tie correction.
    KendallW,
}

impl AgreementKind {
    pub const ALL: [AgreementKind; 3] = [AgreementKind::Icc21, AgreementKind::Icc2k, AgreementKind::KendallW];

    /// The key used in JSON: `icc_2_1`, `icc_2_k`, `kendall_w`.
    pub fn key(self) -> &'static str {
        match self {
            AgreementKind::Icc21 => "icc_2_1",
            AgreementKind::Icc2k => "icc_2_k",
            AgreementKind::KendallW => "kendall_w",
        }
    }

    /// The statistic's name as it is printed: ICC(2,1), ICC(2,k), Kendall's W.
    pub fn label(self) -> &'static str {
        match self {
            AgreementKind::Icc21 => "ICC(2,1)",
            AgreementKind::Icc2k => "ICC(2,k)",
            AgreementKind::KendallW => "Kendall's W",
        }
    }
}

/// An agreement statistic as it is read: the estimate (if it is a number),
/// its reading, or the reason it has none. Exactly one of `reading` and
/// `not_computable` is set; `value` is set whenever the estimate is a
/// finite number (also below zero, where it is not shown: see
/// [`super::display::agreement_value`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    pub value: Option<f64>,
    pub reading: Option<Reading>,
    pub not_computable: Option<NotComputable>,
}

/// The one reading of an agreement estimate, shared by the app, the printed
/// results sheet and `stempact jury-stats`:
///
/// - a finite estimate below zero, or [`NotComputable::EstimateBelowZero`]:
///   [`Reading::BelowZero`] ("no agreement"), never "not computable";
/// - a finite estimate from 0: the bands of [`Reading::for_icc`] or
///   [`Reading::for_kendall_w`];
/// - any other reason: not computable, with that reason (too few jurors
///   or finalists, no variance, ...); a non-finite value is
///   [`NotComputable::NonFiniteValue`].
pub fn read_agreement(kind: AgreementKind, estimate: Result<f64, NotComputable>) -> Agreement {
    let band = match kind {
        AgreementKind::Icc21 | AgreementKind::Icc2k => Reading::for_icc,
        AgreementKind::KendallW => Reading::for_kendall_w,
    };
    match estimate {
        Ok(v) if v.is_finite() => Agreement { value: Some(v), reading: Some(band(v)), not_computable: None },
        Ok(_) => Agreement { value: None, reading: None, not_computable: Some(NotComputable::NonFiniteValue) },
        Err(NotComputable::EstimateBelowZero) => {
            Agreement { value: None, reading: Some(Reading::BelowZero), not_computable: None }
        }
        Err(reason) => Agreement { value: None, reading: None, not_computable: Some(reason) },
    }
}

/// The arithmetic mean, if there are values.
pub fn mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        None
    } else {
        Some(xs.iter().sum::<f64>() / xs.len() as f64)
    }
}

/// The population standard deviation (divide by n), if there are values.
pub fn population_sd(xs: &[f64]) -> Option<f64> {
    let m = mean(xs)?;
    let var = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / xs.len() as f64;
    Some(var.max(0.0).sqrt())
}

/// The median (mean of the two middle values for an even count).
pub fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Groups of indices whose values are equal within [`TIE_EPSILON`], in
/// ascending order of value. Equality chains: 1.0, 1.0+ε/2, 1.0+ε form one
/// group.
pub fn tie_groups(values: &[f64]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]).then(a.cmp(&b)));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut last: Option<f64> = None;
    for i in order {
        match (last, groups.last_mut()) {
            (Some(prev), Some(group)) if values[i] - prev <= TIE_EPSILON => group.push(i),
            _ => groups.push(vec![i]),
        }
        last = Some(values[i]);
    }
    groups
}

/// Ranks 1..n in ascending order of value (the smallest value gets rank 1);
/// values equal within [`TIE_EPSILON`] share the average of their ranks.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut ranks = vec![0.0; values.len()];
    let mut before = 0usize;
    for group in tie_groups(values) {
        let t = group.len();
        // Ranks before+1 ..= before+t; their average.
        let avg = before as f64 + (t as f64 + 1.0) / 2.0;
        for i in group {
            ranks[i] = avg;
        }
        before += t;
    }
    ranks
}

/// Ranks where the highest value gets rank 1 (ties share the average rank).
pub fn descending_ranks(values: &[f64]) -> Vec<f64> {
    let n = values.len() as f64;
    average_ranks(values)
        .into_iter()
        .map(|r| n + 1.0 - r)
        .collect()
}

/// Kendall's tie term for one rater: the sum of t^3 - t over the groups of
/// t tied values.
pub fn tie_term(values: &[f64]) -> f64 {
    tie_groups(values)
        .iter()
        .map(|g| {
            let t = g.len() as f64;
            t * t * t - t
        })
        .sum()
}

/// Pearson's correlation; `None` with fewer than 2 pairs, unequal lengths
/// or a series without variance.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 {
        return None;
    }
    let (mx, my) = (mean(x)?, mean(y)?);
    let mut sxy = 0.0;
    let mut sxx = 0.0;
    let mut syy = 0.0;
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx <= TIE_EPSILON * TIE_EPSILON || syy <= TIE_EPSILON * TIE_EPSILON {
        return None;
    }
    let r = sxy / (sxx.sqrt() * syy.sqrt());
    r.is_finite().then_some(r.clamp(-1.0, 1.0))
}

/// Spearman's rank correlation: Pearson's correlation of the average ranks
/// (so ties are handled). `None` when it is undefined.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() {
        return None;
    }
    pearson(&average_ranks(x), &average_ranks(y))
}

/// The intraclass correlations of Shrout & Fleiss (1979) for n targets
/// (rows) each rated by the same k raters (columns).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IccTable {
    /// ICC(1,1): one-way random effects, single rater.
    pub icc_1_1: Result<f64, NotComputable>,
    /// ICC(2,1): two-way random effects, absolute agreement, single rater
    /// (McGraw & Wong 1996: ICC(A,1)).
    pub icc_2_1: Result<f64, NotComputable>,
    /// ICC(2,k): two-way random effects, absolute agreement, mean of k
    /// raters (McGraw & Wong 1996: ICC(A,k)).
    pub icc_2_k: Result<f64, NotComputable>,
    /// ICC(3,1): two-way mixed effects, consistency, single rater.
    pub icc_3_1: Result<f64, NotComputable>,
}

impl IccTable {
    fn all(reason: NotComputable) -> IccTable {
        IccTable {
            icc_1_1: Err(reason),
            icc_2_1: Err(reason),
            icc_2_k: Err(reason),
            icc_3_1: Err(reason),
        }
    }
}

/// Check that `matrix` is a rectangular table of finite numbers with at
/// least 2 rows (targets) and 2 columns (raters); returns (rows, columns).
fn check_matrix(matrix: &[Vec<f64>]) -> Result<(usize, usize), NotComputable> {
    let n = matrix.len();
    let k = matrix.first().map_or(0, Vec::len);
    if matrix.iter().any(|r| r.len() != k) {
        return Err(NotComputable::RaggedMatrix);
    }
    if matrix.iter().flatten().any(|x| !x.is_finite()) {
        return Err(NotComputable::NonFiniteValue);
    }
    if k < 2 {
        return Err(NotComputable::FewerThanTwoJurors);
    }
    if n < 2 {
        return Err(NotComputable::FewerThanTwoFinalists);
    }
    Ok((n, k))
}

/// Intraclass correlations from the two-way ANOVA mean squares (Shrout &
/// Fleiss 1979; McGraw & Wong 1996). `matrix[i][j]` is rater j's rating of
/// target i. With MSR (rows), MSC (columns), MSE (residual) and
/// MSW (within rows):
///
/// - ICC(2,1) = (MSR − MSE) / (MSR + (k−1)·MSE + k·(MSC − MSE)/n)
/// - ICC(2,k) = (MSR − MSE) / (MSR + (MSC − MSE)/n)
/// - ICC(3,1) = (MSR − MSE) / (MSR + (k−1)·MSE)
/// - ICC(1,1) = (MSR − MSW) / (MSR + (k−1)·MSW)
///
/// Values can be negative (worse than chance). A denominator at or below
/// zero goes with a negative numerator whenever the ratings vary: for
/// ICC(2,k), MSR + (MSC − MSE)/n ≤ 0 means MSE ≥ MSC + n·MSR ≥ MSR, and
/// likewise for the others. Such an estimate is
/// [`NotComputable::EstimateBelowZero`] (read as below zero, with no number);
/// only a zero denominator with a numerator that is not negative, which
/// rounding alone can produce, is [`NotComputable::DegenerateMeanSquares`].
pub fn icc(matrix: &[Vec<f64>]) -> IccTable {
    let (n, k) = match check_matrix(matrix) {
        Ok(dims) => dims,
        Err(reason) => return IccTable::all(reason),
    };
    let (nf, kf) = (n as f64, k as f64);
    let grand = matrix.iter().flatten().sum::<f64>() / (nf * kf);
    let ss_total: f64 = matrix.iter().flatten().map(|x| (x - grand).powi(2)).sum();
    let scale: f64 = matrix.iter().flatten().map(|x| x * x).sum::<f64>().max(1.0);
    if ss_total <= 1e-12 * scale {
        return IccTable::all(NotComputable::NoVariance);
    }
    let ss_rows: f64 = matrix
        .iter()
        .map(|r| (r.iter().sum::<f64>() / kf - grand).powi(2))
        .sum::<f64>()
        * kf;
    let ss_cols: f64 = (0..k)
        .map(|j| (matrix.iter().map(|r| r[j]).sum::<f64>() / nf - grand).powi(2))
        .sum::<f64>()
        * nf;
    let ss_error = (ss_total - ss_rows - ss_cols).max(0.0);
    let msr = ss_rows / (nf - 1.0);
    let msc = ss_cols / (kf - 1.0);
    let mse = ss_error / ((nf - 1.0) * (kf - 1.0));
    let msw = (ss_cols + ss_error) / (nf * (kf - 1.0));

    let tiny = 1e-12 * scale;
    let ratio = |num: f64, den: f64| -> Result<f64, NotComputable> {
        if den <= tiny {
            return Err(if num < -tiny { NotComputable::EstimateBelowZero } else { NotComputable::DegenerateMeanSquares });
        }
        let v = num / den;
        if v.is_finite() {
            Ok(v.min(1.0))
        } else {
            Err(NotComputable::DegenerateMeanSquares)
        }
    };
    IccTable {
        icc_1_1: ratio(msr - msw, msr + (kf - 1.0) * msw),
        icc_2_1: ratio(msr - mse, msr + (kf - 1.0) * mse + kf * (msc - mse) / nf),
        icc_2_k: ratio(msr - mse, msr + (msc - mse) / nf),
        icc_3_1: ratio(msr - mse, msr + (kf - 1.0) * mse),
    }
}

/// Kendall's coefficient of concordance W with the correction for ties
/// (Kendall & Babington Smith 1939; Kendall 1948). `matrix[i][j]` is rater
/// j's score of subject i; each rater's scores are turned into average
/// ranks. With m raters, n subjects, rank sums R_i and
/// S = Σ (R_i − m(n+1)/2)²:
///
/// W = 12·S / (m²(n³ − n) − m·ΣT), T = Σ (t³ − t) over each rater's tie
/// groups of size t.
///
/// The result lies in [0, 1]. If every rater gave all subjects the same
/// score the denominator is 0: [`NotComputable::NoVariance`].
pub fn kendall_w(matrix: &[Vec<f64>]) -> Result<f64, NotComputable> {
    let (n, m) = check_matrix(matrix)?;
    let (nf, mf) = (n as f64, m as f64);
    let mut rank_sums = vec![0.0; n];
    let mut ties = 0.0;
    for j in 0..m {
        let column: Vec<f64> = matrix.iter().map(|r| r[j]).collect();
        for (sum, r) in rank_sums.iter_mut().zip(average_ranks(&column)) {
            *sum += r;
        }
        ties += tie_term(&column);
    }
    let expected = mf * (nf + 1.0) / 2.0;
    let s: f64 = rank_sums.iter().map(|r| (r - expected).powi(2)).sum();
    let denominator = mf * mf * (nf * nf * nf - nf) - mf * ties;
    if denominator <= 1e-9 {
        return Err(NotComputable::NoVariance);
    }
    let w = 12.0 * s / denominator;
    if w.is_finite() {
        Ok(w.clamp(0.0, 1.0))
    } else {
        Err(NotComputable::NoVariance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jury::tests::{anxiety_matrix, SHROUT_FLEISS};

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    fn round2(x: f64) -> f64 {
        (x * 100.0).round() / 100.0
    }

    #[test]
    fn icc_matches_shrout_fleiss_table_2() {
        let m: Vec<Vec<f64>> = SHROUT_FLEISS.iter().map(|r| r.to_vec()).collect();
        let t = icc(&m);
        let get = |r: Result<f64, NotComputable>| r.expect("computable");
        assert_eq!(round2(get(t.icc_2_1)), 0.29);
        assert_eq!(round2(get(t.icc_2_k)), 0.62);
        assert_eq!(round2(get(t.icc_3_1)), 0.71);
        assert_eq!(round2(get(t.icc_1_1)), 0.17);
        // Exact values from the mean squares (MSR = 11.24, MSC = 32.49,
        // MSE = 1.02, recomputed independently): ICC(2,1) = 0.28976, ICC(2,4) = 0.62005.
        assert!(close(get(t.icc_2_1), 0.289_763_779_5, 1e-9));
        assert!(close(get(t.icc_2_k), 0.620_050_547_6, 1e-9));
    }

    #[test]
    fn kendall_w_with_ties_matches_irr_anxiety() {
        let w = kendall_w(&anxiety_matrix()).expect("computable");
        assert!(close(w, 0.539_656_9, 5e-8), "W = {w}");
        // The pieces, by hand: S = 3004, ΣT = 1674, m = 3, n = 20:
        // 12·3004 / (9·7980 − 3·1674) = 36048 / 66798.
        assert!(close(w, 36048.0 / 66798.0, 1e-12));
    }

    #[test]
    fn kendall_w_hand_examples_without_ties() {
        // Three jurors in perfect agreement on four finalists: W = 1.
        let same: Vec<Vec<f64>> = (1..=4).map(|v| vec![v as f64; 3]).collect();
        assert!(close(kendall_w(&same).unwrap(), 1.0, 1e-12));
        // Two jurors in complete reversal: every rank sum is n+1, S = 0, W = 0.
        let reversed: Vec<Vec<f64>> = (1..=5).map(|v| vec![v as f64, 6.0 - v as f64]).collect();
        assert!(close(kendall_w(&reversed).unwrap(), 0.0, 1e-12));
        // Hand example: 3 jurors, 3 finalists, rankings (1,2,3), (1,3,2),
        // (2,1,3): rank sums 4, 6, 8, S = 8, W = 12·8 / (9·24) = 4/9.
        let m = vec![
            vec![1.0, 1.0, 2.0],
            vec![2.0, 3.0, 1.0],
            vec![3.0, 2.0, 3.0],
        ];
        assert!(close(kendall_w(&m).unwrap(), 4.0 / 9.0, 1e-12));
    }

    #[test]
    fn statistics_that_cannot_be_computed_say_why() {
        assert_eq!(
            kendall_w(&[vec![1.0, 2.0]]),
            Err(NotComputable::FewerThanTwoFinalists)
        );
        assert_eq!(
            kendall_w(&[vec![1.0], vec![2.0]]),
            Err(NotComputable::FewerThanTwoJurors)
        );
        assert_eq!(
            kendall_w(&[vec![3.0, 5.0], vec![3.0, 5.0]]),
            Err(NotComputable::NoVariance)
        );
        assert_eq!(
            kendall_w(&[vec![1.0, 2.0], vec![2.0]]),
            Err(NotComputable::RaggedMatrix)
        );
        assert_eq!(
            kendall_w(&[vec![1.0, f64::NAN], vec![2.0, 1.0]]),
            Err(NotComputable::NonFiniteValue)
        );
        let flat = vec![vec![7.0; 3]; 4];
        assert_eq!(icc(&flat).icc_2_1, Err(NotComputable::NoVariance));
        // Row and column means all equal but ratings differ (a Latin square):
        // MSR = MSC = 0, so the ICC(2,1) denominator vanishes for n = k = 2
        // and ICC(2,k) has a negative denominator for n = 3. The numerator
        // is negative in both: the estimate is below zero, not "every
        // mean is equal".
        let latin2 = vec![vec![1.0, 2.0], vec![2.0, 1.0]];
        assert_eq!(
            icc(&latin2).icc_2_1,
            Err(NotComputable::EstimateBelowZero)
        );
        let latin3 = vec![
            vec![1.0, 2.0, 3.0],
            vec![2.0, 3.0, 1.0],
            vec![3.0, 1.0, 2.0],
        ];
        assert_eq!(
            icc(&latin3).icc_2_k,
            Err(NotComputable::EstimateBelowZero)
        );
        assert_eq!(icc(&latin3).icc_2_1, Ok(-1.0));
    }

    #[test]
    fn one_reading_for_every_degenerate_case() {
        use AgreementKind::{Icc21, Icc2k, KendallW};
        let reason = |r| Agreement { value: None, reading: None, not_computable: Some(r) };
        // Zero variance: every juror gives every finalist 7.
        let flat = vec![vec![7.0; 3]; 4];
        assert_eq!(read_agreement(Icc21, icc(&flat).icc_2_1), reason(NotComputable::NoVariance));
        assert_eq!(read_agreement(KendallW, kendall_w(&flat)), reason(NotComputable::NoVariance));
        // One juror: nothing to compare.
        let one = vec![vec![7.0], vec![5.0], vec![6.0]];
        assert_eq!(read_agreement(Icc2k, icc(&one).icc_2_k), reason(NotComputable::FewerThanTwoJurors));
        assert_eq!(read_agreement(KendallW, kendall_w(&one)), reason(NotComputable::FewerThanTwoJurors));
        // One finalist.
        assert_eq!(read_agreement(Icc21, icc(&[vec![7.0, 5.0]]).icc_2_1), reason(NotComputable::FewerThanTwoFinalists));
        // n = 2 finalists, three jurors who agree: computable and good.
        let two = vec![vec![8.0, 7.0, 9.0], vec![5.0, 4.0, 6.0]];
        let a = read_agreement(Icc2k, icc(&two).icc_2_k);
        assert_eq!(a.reading, Some(Reading::Excellent));
        assert!((a.value.unwrap() - 27.0 / 29.0).abs() < 1e-12);
        assert_eq!(read_agreement(KendallW, kendall_w(&two)).value, Some(1.0));
        // The case: the jurors' means differ (6.33, 5.67, 6.33) but
        // the ICC(2,k) denominator is negative (MSR 0.78, MSC 0.44, MSE
        // 3.11). It was explained as "every finalist and every juror has
        // the same mean"; it is an estimate below zero.
        let negative = vec![vec![6.0, 5.0, 9.0], vec![7.0, 6.0, 4.0], vec![6.0, 6.0, 6.0]];
        let t = icc(&negative);
        assert_eq!(
            read_agreement(Icc2k, t.icc_2_k),
            Agreement { value: None, reading: Some(Reading::BelowZero), not_computable: None }
        );
        // ICC(2,1) of the same data is a finite negative number: the same
        // reading, and the number is kept (but shown as "< 0").
        let a = read_agreement(Icc21, t.icc_2_1);
        assert_eq!(a.reading, Some(Reading::BelowZero));
        assert!((a.value.unwrap() + 7.0 / 13.0).abs() < 1e-12, "{a:?}");
        assert_eq!(a.not_computable, None);
        // A non-finite value never reads as a number.
        assert_eq!(read_agreement(Icc21, Ok(f64::NAN)), reason(NotComputable::NonFiniteValue));
        // Kendall's W of two jurors in complete reversal is 0: poor, not below zero.
        let reversed: Vec<Vec<f64>> = (1..=4).map(|v| vec![v as f64, 5.0 - v as f64]).collect();
        assert_eq!(read_agreement(KendallW, kendall_w(&reversed)).reading, Some(Reading::Poor));
    }

    #[test]
    fn ranks_average_ties() {
        assert_eq!(
            average_ranks(&[10.0, 20.0, 20.0, 5.0]),
            vec![2.0, 3.5, 3.5, 1.0]
        );
        assert_eq!(
            descending_ranks(&[10.0, 20.0, 20.0, 5.0]),
            vec![3.0, 1.5, 1.5, 4.0]
        );
        assert_eq!(tie_term(&[1.0, 1.0, 1.0, 2.0, 2.0]), 24.0 + 6.0);
        assert_eq!(average_ranks(&[1.0, 1.0 + 1e-12]), vec![1.5, 1.5]);
    }

    #[test]
    fn spearman_handles_ties_and_constants() {
        assert!(close(
            spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]).unwrap(),
            1.0,
            1e-12
        ));
        assert!(close(
            spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]).unwrap(),
            -1.0,
            1e-12
        ));
        assert_eq!(spearman(&[1.0, 1.0, 1.0], &[3.0, 2.0, 1.0]), None);
        // Ranks (1, 2.5, 2.5) vs (1, 2, 3): r = 1.5 / sqrt(1.5 * 2) = 0.866.
        let r = spearman(&[1.0, 2.0, 2.0], &[1.0, 2.0, 3.0]).unwrap();
        assert!(close(r, 1.5 / 3.0f64.sqrt(), 1e-12));
    }

    #[test]
    fn readings_follow_the_documented_bands() {
        assert_eq!(Reading::for_icc(0.49), Reading::Poor);
        assert_eq!(Reading::for_icc(-0.2), Reading::BelowZero);
        assert_eq!(Reading::for_icc(0.0), Reading::Poor);
        assert_eq!(Reading::for_icc(0.5), Reading::Moderate);
        assert_eq!(Reading::for_icc(0.75), Reading::Good);
        assert_eq!(Reading::for_icc(0.9), Reading::Good);
        assert_eq!(Reading::for_icc(0.91), Reading::Excellent);
        assert_eq!(Reading::for_kendall_w(0.29), Reading::Poor);
        assert_eq!(Reading::for_kendall_w(0.3), Reading::Moderate);
        assert_eq!(Reading::for_kendall_w(0.5), Reading::Good);
        assert_eq!(Reading::for_kendall_w(0.7), Reading::Excellent);
    }

    #[test]
    fn small_helpers() {
        assert_eq!(mean(&[]), None);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(
            population_sd(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]),
            Some(2.0)
        );
    }
}

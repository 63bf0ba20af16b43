//! Tests of the jury results as a whole: published worked examples through
//! `compute_results`, validation, tie-breaks, warnings and property tests.
//! Also the shared fixtures of the statistics tests.

use super::*;
use proptest::prelude::*;

/// Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in
/// assessing rater reliability. Psychological Bulletin 86(2), 420–428,
/// Table 2: 6 targets rated by 4 judges. The paper reports
/// ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71 and, for the mean of
/// the 4 judges, ICC(2,4) = .62. (The formula for ICC(2,1) matches the
/// one in R `psych::ICC` and `DescTools::ICC` documentation:
/// (MSB − MSE)/(MSB + (nr−1)·MSE + nr·(MSJ − MSE)/nc).)
pub(crate) const SHROUT_FLEISS: [[f64; 4]; 6] = [
    [9.0, 2.0, 5.0, 8.0],
    [6.0, 1.0, 3.0, 2.0],
    [8.0, 4.0, 6.0, 8.0],
    [7.0, 1.0, 2.0, 6.0],
    [10.0, 5.0, 6.0, 9.0],
    [6.0, 2.0, 4.0, 7.0],
];

/// The `anxiety` data of the R package irr (Gamer et al.), 20 subjects
/// rated by 3 raters on a 1–6 scale, with many ties within raters. The
/// DescTools reference page for `KendallW` (DescTools::KendallW, "this
/// function was previously published as kendall() in the irr package")
/// shows `KendallW(anxiety, TRUE)` = 0.5396569 (tie-corrected W).
/// https://andrisignorell.github.io/DescTools/reference/KendallW.html
pub(crate) const ANXIETY: [[f64; 20]; 3] = [
    [
        3., 3., 3., 4., 5., 5., 2., 3., 5., 2., 2., 6., 1., 5., 2., 2., 1., 2., 4., 3.,
    ],
    [
        3., 6., 4., 6., 2., 4., 2., 4., 3., 3., 2., 3., 3., 3., 2., 2., 1., 3., 3., 4.,
    ],
    [
        2., 1., 4., 4., 3., 2., 1., 6., 1., 1., 1., 2., 3., 3., 1., 1., 3., 3., 2., 2.,
    ],
];

pub(crate) fn anxiety_matrix() -> Vec<Vec<f64>> {
    (0..20)
        .map(|i| ANXIETY.iter().map(|rater| rater[i]).collect())
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9
}

fn score(n: u8) -> Score {
    Score::new(n).expect("test scores are 1 to 10")
}

/// A jury input from (juror, finalist, scores in criterion order) rows;
/// jurors and finalists in order of first appearance, no tie-break rules.
fn build(criteria: &[(&str, u32)], rows: &[(&str, &str, &[u8])]) -> JuryInput {
    let mut jurors: Vec<String> = Vec::new();
    let mut finalists: Vec<String> = Vec::new();
    let mut sheets = Vec::new();
    for (j, f, scores) in rows {
        if !jurors.iter().any(|k| k == j) {
            jurors.push(j.to_string());
        }
        if !finalists.iter().any(|k| k == f) {
            finalists.push(f.to_string());
        }
        sheets.push(ScoreSheet {
            juror: j.to_string(),
            finalist: f.to_string(),
            scores: criteria
                .iter()
                .zip(scores.iter())
                .map(|((c, _), &s)| (c.to_string(), score(s)))
                .collect(),
        });
    }
    JuryInput {
        criteria: criteria
            .iter()
            .map(|&(k, w)| Criterion::new(k, w))
            .collect(),
        finalists,
        jurors,
        sheets,
        tie_break: Vec::new(),
        chair_order: None,
    }
}

/// A one-criterion input from a finalists × jurors matrix.
fn from_matrix(matrix: &[Vec<f64>]) -> JuryInput {
    let mut input = build(&[("overall", 100)], &[]);
    let k = matrix.first().map_or(0, Vec::len);
    input.jurors = (0..k).map(|j| format!("j{j}")).collect();
    input.finalists = (0..matrix.len()).map(|f| format!("f{f}")).collect();
    for (f, row) in matrix.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            input.sheets.push(ScoreSheet {
                juror: format!("j{j}"),
                finalist: format!("f{f}"),
                scores: [("overall".to_string(), score(v as u8))]
                    .into_iter()
                    .collect(),
            });
        }
    }
    input
}

fn finalist<'a>(r: &'a JuryResults, key: &str) -> &'a FinalistResult {
    r.finalists
        .iter()
        .find(|f| f.finalist == key)
        .expect("finalist in results")
}

fn order(r: &JuryResults) -> Vec<&str> {
    r.ranking.iter().map(|f| f.finalist.as_str()).collect()
}

// ----- Published examples through the whole computation -----

#[test]
fn shrout_fleiss_table_2_through_compute_results() {
    let m: Vec<Vec<f64>> = SHROUT_FLEISS.iter().map(|r| r.to_vec()).collect();
    let r = compute_results(&from_matrix(&m)).expect("valid input");
    let a = &r.agreement;
    let icc21 = a.icc_2_1.value.expect("ICC(2,1)");
    let icc2k = a.icc_2_k.value.expect("ICC(2,k)");
    assert_eq!((icc21 * 100.0).round() / 100.0, 0.29);
    assert_eq!((icc2k * 100.0).round() / 100.0, 0.62);
    assert_eq!(a.icc_2_1.reading, Some(Reading::Poor));
    assert_eq!(a.icc_2_k.reading, Some(Reading::Moderate));
    assert!(a.block.complete);
    assert_eq!(a.block.jurors.len(), 4);
    assert!(a.icc_2_1.not_computable.is_none());
}

#[test]
fn irr_anxiety_kendall_w_through_compute_results() {
    // See ANXIETY: DescTools::KendallW(anxiety, TRUE) = 0.5396569.
    let r = compute_results(&from_matrix(&anxiety_matrix())).expect("valid input");
    let w = r.agreement.kendall_w.value.expect("W");
    assert!((w - 0.539_656_9).abs() < 5e-8, "W = {w}");
    assert_eq!(r.agreement.kendall_w.reading, Some(Reading::Good));
}

// ----- Scores, normalization, ranks -----

#[test]
fn weighted_means_and_finalist_scores() {
    let input = build(
        &[("impact", 60), ("feasibility", 40)],
        &[
            ("ann", "a", &[8, 5]),
            ("bo", "a", &[6, 10]),
            ("ann", "b", &[7, 7]),
        ],
    );
    let r = compute_results(&input).expect("valid");
    // ann/a = 0.6·8 + 0.4·5 = 6.8; bo/a = 3.6 + 4 = 7.6; a = 7.2.
    let a = finalist(&r, "a");
    assert!(close(a.score.unwrap(), 7.2));
    assert_eq!(a.jurors, 2);
    assert!(close(a.criterion_means["impact"], 7.0));
    assert!(close(a.criterion_means["feasibility"], 7.5));
    assert!(close(r.jurors[0].weighted_means["a"], 6.8));
    assert_eq!(finalist(&r, "b").jurors, 1);
    assert_eq!(order(&r), ["a", "b"]);
    assert_eq!(r.winner.as_deref(), Some("a"));
}

#[test]
fn normalization_rescales_each_juror_to_the_overall_scale() {
    let input = build(
        &[("overall", 100)],
        &[
            ("ann", "a", &[8]),
            ("ann", "b", &[6]),
            ("ann", "c", &[4]),
            ("bo", "a", &[9]),
            ("bo", "b", &[8]),
            ("bo", "c", &[7]),
        ],
    );
    let r = compute_results(&input).expect("valid");
    // All six weighted means: mean 7, squared deviations 1+1+9+4+1+0 = 16,
    // population SD sqrt(16/6).
    let (m, sd) = (7.0, (16.0f64 / 6.0).sqrt());
    assert!(close(r.overall_mean.unwrap(), m));
    assert!(close(r.overall_spread.unwrap(), sd));
    // Both jurors have the same z-scores (+1.2247, 0, −1.2247) although
    // ann's spread is twice bo's, so their normalized values coincide.
    let z = 1.5f64.sqrt();
    for j in &r.jurors {
        assert!(close(j.normalized["a"], m + sd * z));
        assert!(close(j.normalized["b"], m));
        assert!(close(j.normalized["c"], m - sd * z));
    }
    assert!(close(
        finalist(&r, "a").normalized_score.unwrap(),
        m + sd * z
    ));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn no_spread_and_few_finalists_are_warned() {
    let input = build(
        &[("overall", 100)],
        &[
            ("ann", "a", &[7]),
            ("ann", "b", &[7]),
            ("ann", "c", &[7]),
            ("bo", "a", &[9]),
            ("bo", "b", &[5]),
        ],
    );
    let r = compute_results(&input).expect("valid");
    assert!(r.warnings.contains(&JuryWarning::NoSpread {
        juror: "ann".into()
    }));
    assert!(r.warnings.contains(&JuryWarning::FewFinalists {
        juror: "bo".into(),
        scored: 2
    }));
    // ann has no spread: her z-scores are 0, so her values map to the
    // overall mean of all weighted means (7 + 7 + 7 + 9 + 5) / 5 = 7.
    for v in r.jurors[0].normalized.values() {
        assert!(close(*v, 7.0));
    }
}

#[test]
fn mean_ranks_average_tied_ranks() {
    let input = build(
        &[("overall", 100)],
        &[
            ("ann", "a", &[9]),
            ("ann", "b", &[7]),
            ("ann", "c", &[7]),
            ("bo", "a", &[6]),
            ("bo", "b", &[8]),
            ("bo", "c", &[4]),
        ],
    );
    let r = compute_results(&input).expect("valid");
    // ann: a 1, b 2.5, c 2.5; bo: b 1, a 2, c 3.
    assert!(close(finalist(&r, "a").mean_rank.unwrap(), 1.5));
    assert!(close(finalist(&r, "b").mean_rank.unwrap(), 1.75));
    assert!(close(finalist(&r, "c").mean_rank.unwrap(), 2.75));
    assert_eq!(finalist(&r, "a").first_places, 1);
}

// ----- Agreement on incomplete matrices, flags -----

#[test]
fn agreement_uses_a_complete_sub_block_and_says_so() {
    let input = build(
        &[("overall", 100)],
        &[
            ("ann", "a", &[9]),
            ("ann", "b", &[7]),
            ("ann", "c", &[5]),
            ("bo", "a", &[8]),
            ("bo", "b", &[6]),
            ("bo", "c", &[4]),
            ("cy", "a", &[9]),
        ],
    );
    let r = compute_results(&input).expect("valid");
    let block = &r.agreement.block;
    assert!(!block.complete);
    assert_eq!(block.jurors, ["ann", "bo"]);
    assert_eq!(block.dropped_jurors, ["cy"]);
    assert!(block.dropped_finalists.is_empty());
    assert!(r.warnings.contains(&JuryWarning::AgreementOnSubBlock {
        dropped_jurors: vec!["cy".into()],
        dropped_finalists: vec![],
    }));
    // ann and bo rank identically: W = 1.
    assert!(close(r.agreement.kendall_w.value.unwrap(), 1.0));
}

#[test]
fn statistics_without_enough_jurors_say_why() {
    let input = build(
        &[("overall", 100)],
        &[("ann", "a", &[9]), ("ann", "b", &[7])],
    );
    let r = compute_results(&input).expect("valid");
    for a in [
        &r.agreement.icc_2_1,
        &r.agreement.icc_2_k,
        &r.agreement.kendall_w,
    ] {
        assert_eq!(a.value, None);
        assert_eq!(a.reading, None);
        assert_eq!(a.not_computable, Some(NotComputable::FewerThanTwoJurors));
    }
    let input = build(
        &[("overall", 100)],
        &[("ann", "a", &[9]), ("bo", "a", &[7])],
    );
    let r = compute_results(&input).expect("valid");
    assert_eq!(
        r.agreement.kendall_w.not_computable,
        Some(NotComputable::FewerThanTwoFinalists)
    );
}

#[test]
fn a_juror_who_reverses_the_others_is_flagged() {
    let mut rows: Vec<(&str, &str, &[u8])> = Vec::new();
    let finalists = ["a", "b", "c", "d", "e"];
    let up: [&[u8]; 5] = [&[9], &[8], &[7], &[6], &[5]];
    let down: [&[u8]; 5] = [&[3], &[4], &[5], &[6], &[7]];
    for juror in ["ann", "bo", "cy"] {
        for (f, s) in finalists.iter().zip(up) {
            rows.push((juror, f, s));
        }
    }
    for (f, s) in finalists.iter().zip(down) {
        rows.push(("dirk", f, s));
    }
    let r = compute_results(&build(&[("overall", 100)], &rows)).expect("valid");
    let dirk = r.jurors.iter().find(|j| j.juror == "dirk").unwrap();
    assert!(close(dirk.agreement_with_others.unwrap(), -1.0));
    assert!(dirk.flagged);
    assert!(r
        .jurors
        .iter()
        .filter(|j| j.juror != "dirk")
        .all(|j| !j.flagged));
    assert!(r
        .warnings
        .iter()
        .any(|w| matches!(w, JuryWarning::JurorDisagrees { juror, .. } if juror == "dirk")));
}

#[test]
fn an_unscored_finalist_withholds_the_winner() {
    let mut input = build(
        &[("overall", 100)],
        &[("ann", "a", &[9]), ("ann", "b", &[7])],
    );
    input.finalists.push("c".into());
    let r = compute_results(&input).expect("valid");
    assert_eq!(finalist(&r, "c").score, None);
    assert_eq!(order(&r), ["a", "b"]);
    assert_eq!(r.winner, None);
    assert!(r.warnings.contains(&JuryWarning::UnscoredFinalist {
        finalist: "c".into()
    }));
}

// ----- Tie-breaks -----

fn tied_on_score() -> JuryInput {
    // a: impact 8, feasibility 6 from each juror -> 7; b: 6 / 8 -> 7.
    build(
        &[("impact", 50), ("feasibility", 50)],
        &[
            ("ann", "a", &[8, 6]),
            ("bo", "a", &[8, 6]),
            ("ann", "b", &[6, 8]),
            ("bo", "b", &[6, 8]),
            ("ann", "c", &[5, 5]),
            ("bo", "c", &[4, 4]),
        ],
    )
}

#[test]
fn criterion_rule_breaks_a_tie() {
    let mut input = tied_on_score();
    input.tie_break = vec![TieBreakRule::HigherCriterion("feasibility".into())];
    let r = compute_results(&input).expect("valid");
    assert_eq!(order(&r), ["b", "a", "c"]);
    assert_eq!(r.winner.as_deref(), Some("b"));
    assert_eq!(r.tie_breaks.len(), 1);
    let tb = &r.tie_breaks[0];
    assert_eq!(tb.finalists, ["a", "b"]);
    assert_eq!(
        tb.rule_applied,
        TieBreakRule::HigherCriterion("feasibility".into())
    );
    assert_eq!(
        tb.outcome,
        vec![vec!["b".to_string()], vec!["a".to_string()]]
    );
    assert!(close(tb.values["b"], 8.0));
    assert!(close(tb.score, 7.0));
    assert!(r.unresolved_ties.is_empty());
    assert!(!r.chair_decision_needed);
}

#[test]
fn median_rule_breaks_a_tie() {
    // a: 6, 6, 9 (mean 7, median 6); b: 5, 8, 8 (mean 7, median 8).
    let mut input = build(
        &[("overall", 100)],
        &[
            ("ann", "a", &[6]),
            ("bo", "a", &[6]),
            ("cy", "a", &[9]),
            ("ann", "b", &[5]),
            ("bo", "b", &[8]),
            ("cy", "b", &[8]),
        ],
    );
    // The criterion rule cannot separate them (both mean 7): no log entry.
    input.tie_break = vec![
        TieBreakRule::HigherCriterion("overall".into()),
        TieBreakRule::HigherMedianJurorScore,
    ];
    let r = compute_results(&input).expect("valid");
    assert_eq!(order(&r), ["b", "a"]);
    assert_eq!(r.tie_breaks.len(), 1);
    assert_eq!(
        r.tie_breaks[0].rule_applied,
        TieBreakRule::HigherMedianJurorScore
    );
    assert!(close(r.tie_breaks[0].values["a"], 6.0));
    assert_eq!(r.winner.as_deref(), Some("b"));
}

#[test]
fn more_first_places_breaks_a_tie() {
    // a: 9, 5, 7 (first for ann); b: 7, 7, 7 (first for nobody... except
    // cy, who gave a and b the same: a shared first counts for both).
    let mut input = build(
        &[("overall", 100)],
        &[
            ("ann", "a", &[9]),
            ("bo", "a", &[5]),
            ("cy", "a", &[7]),
            ("ann", "b", &[7]),
            ("bo", "b", &[7]),
            ("cy", "b", &[7]),
            ("bo", "c", &[8]),
        ],
    );
    input.tie_break = vec![TieBreakRule::MoreFirstPlaces];
    let r = compute_results(&input).expect("valid");
    assert_eq!(finalist(&r, "a").first_places, 2);
    assert_eq!(finalist(&r, "b").first_places, 1);
    assert_eq!(order(&r), ["c", "a", "b"]);
    assert_eq!(r.tie_breaks.len(), 1);
}

#[test]
fn unresolved_tie_goes_to_the_chair() {
    let mut input = tied_on_score();
    // Both medians are 7 and each juror ranked a and b level: nothing breaks it.
    input.tie_break = vec![
        TieBreakRule::HigherMedianJurorScore,
        TieBreakRule::MoreFirstPlaces,
        TieBreakRule::ChairDecision,
    ];
    let r = compute_results(&input).expect("valid");
    assert!(r.tie_breaks.is_empty());
    assert!(r.chair_decision_needed);
    assert_eq!(r.winner, None);
    assert_eq!(r.unresolved_ties.len(), 1);
    assert_eq!(r.unresolved_ties[0].finalists, ["a", "b"]);
    assert_eq!(r.unresolved_ties[0].place, 1);
    assert_eq!(
        r.ranking
            .iter()
            .map(|f| (f.place, f.tied))
            .collect::<Vec<_>>(),
        [(1, true), (1, true), (3, false)]
    );

    // With the chair's decision supplied, the tie is broken and logged.
    input.chair_order = Some(vec!["b".into(), "a".into()]);
    let r = compute_results(&input).expect("valid");
    assert_eq!(order(&r), ["b", "a", "c"]);
    assert_eq!(r.winner.as_deref(), Some("b"));
    assert!(!r.chair_decision_needed);
    assert_eq!(r.tie_breaks.len(), 1);
    assert_eq!(r.tie_breaks[0].rule_applied, TieBreakRule::ChairDecision);
    assert_eq!(r.tie_breaks[0].values["b"], 1.0);
}

// ----- Validation -----

#[test]
fn invalid_input_is_rejected_with_a_clear_error() {
    let valid = tied_on_score();
    assert_eq!(valid.validate(), Ok(()));

    let mut i = valid.clone();
    i.criteria[0].weight = 40;
    assert_eq!(
        compute_results(&i).err(),
        Some(JuryError::WeightSum { sum: 90 })
    );
    assert_eq!(
        JuryError::WeightSum { sum: 90 }.to_string(),
        "the criterion weights sum to 90; they must sum to 100"
    );

    let mut i = valid.clone();
    i.sheets[2].scores.remove("feasibility");
    let err = compute_results(&i).err();
    assert_eq!(
        err,
        Some(JuryError::MissingCriterion {
            juror: "ann".into(),
            finalist: "b".into(),
            criterion: "feasibility".into()
        })
    );
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("the score sheet of juror ann for finalist b has no score on criterion feasibility")
    );

    let mut i = valid.clone();
    i.sheets[0].scores.insert("budget".into(), score(5));
    assert!(matches!(
        i.validate(),
        Err(JuryError::UnknownCriterion { .. })
    ));

    let mut i = valid.clone();
    i.sheets[0].juror = "zed".into();
    assert!(matches!(i.validate(), Err(JuryError::UnknownJuror { .. })));

    let mut i = valid.clone();
    i.sheets[1].finalist = "zz".into();
    assert!(matches!(
        i.validate(),
        Err(JuryError::UnknownFinalist { .. })
    ));

    let mut i = valid.clone();
    i.sheets.push(i.sheets[0].clone());
    assert_eq!(
        i.validate(),
        Err(JuryError::DuplicateSheet {
            juror: "ann".into(),
            finalist: "a".into()
        })
    );

    let mut i = valid.clone();
    i.jurors.push("ann".into());
    assert_eq!(
        i.validate(),
        Err(JuryError::DuplicateKey {
            kind: KeyKind::Juror,
            key: "ann".into()
        })
    );

    let mut i = valid.clone();
    i.finalists.push(" ".into());
    assert_eq!(i.validate(), Err(JuryError::EmptyKey(KeyKind::Finalist)));

    let mut i = valid.clone();
    i.criteria.clear();
    assert_eq!(i.validate(), Err(JuryError::NoCriteria));

    let mut i = valid.clone();
    i.tie_break = vec![TieBreakRule::HigherCriterion("budget".into())];
    assert_eq!(
        i.validate(),
        Err(JuryError::UnknownTieBreakCriterion("budget".into()))
    );

    let mut i = valid.clone();
    i.tie_break = vec![TieBreakRule::ChairDecision, TieBreakRule::MoreFirstPlaces];
    assert_eq!(i.validate(), Err(JuryError::ChairDecisionNotLast));

    let mut i = valid.clone();
    i.chair_order = Some(vec!["a".into()]);
    assert_eq!(i.validate(), Err(JuryError::ChairOrderWithoutRule));
    i.tie_break = vec![TieBreakRule::ChairDecision];
    i.chair_order = Some(vec!["a".into(), "q".into()]);
    assert_eq!(
        i.validate(),
        Err(JuryError::ChairOrderUnknownFinalist("q".into()))
    );
    i.chair_order = Some(vec!["a".into(), "a".into()]);
    assert_eq!(
        i.validate(),
        Err(JuryError::ChairOrderDuplicate("a".into()))
    );
}

#[test]
fn scores_are_one_to_ten() {
    assert_eq!(Score::new(0), Err(ScoreOutOfRange(0)));
    assert_eq!(Score::new(11), Err(ScoreOutOfRange(11)));
    assert_eq!(Score::new(10).map(Score::get), Ok(10));
    assert!(serde_json::from_str::<Score>("11").is_err());
    assert_eq!(serde_json::from_str::<Score>("4").ok(), Score::new(4).ok());
}

#[test]
fn results_serialize_to_json_without_nan() {
    let mut input = tied_on_score();
    input.tie_break = vec![
        TieBreakRule::HigherCriterion("impact".into()),
        TieBreakRule::ChairDecision,
    ];
    let json = serde_json::to_string(&input).expect("input serializes");
    assert!(json.contains(r#"{"higher-criterion":"impact"}"#), "{json}");
    assert!(json.contains(r#""chair-decision""#), "{json}");
    let back: JuryInput = serde_json::from_str(&json).expect("input parses");
    assert_eq!(back, input);

    let r = compute_results(&input).expect("valid");
    let json = serde_json::to_value(&r).expect("results serialize");
    assert!(!json.to_string().contains("NaN"));
    let icc = &json["agreement"]["icc_2_1"];
    assert!(icc["reading"].is_string() || icc["not_computable"].is_string());
    let back: JuryResults = serde_json::from_value(json).expect("results parse");
    assert_eq!(back.winner, r.winner);
}

// ----- Property tests -----

/// A random jury: finalists × jurors cells, each maybe missing, with scores
/// on two criteria; a criterion weight split; a score range.
fn arb_input(max_score: u8) -> impl Strategy<Value = JuryInput> {
    (2usize..=6, 1usize..=5, 0u32..=100).prop_flat_map(move |(nf, nj, w)| {
        let cell = (any::<bool>(), 1..=max_score, 1..=max_score);
        proptest::collection::vec(cell, nf * nj).prop_map(move |cells| {
            let mut input = build(&[("impact", w), ("feasibility", 100 - w)], &[]);
            input.finalists = (0..nf).map(|f| format!("f{f}")).collect();
            input.jurors = (0..nj).map(|j| format!("j{j}")).collect();
            for (k, (present, s1, s2)) in cells.into_iter().enumerate() {
                let (f, j) = (k / nj, k % nj);
                // Keep each finalist scored by juror 0 so every finalist has a score.
                if present || j == 0 {
                    input.sheets.push(ScoreSheet {
                        juror: format!("j{j}"),
                        finalist: format!("f{f}"),
                        scores: [
                            ("impact".to_string(), score(s1)),
                            ("feasibility".to_string(), score(s2)),
                        ]
                        .into_iter()
                        .collect(),
                    });
                }
            }
            input
        })
    })
}

/// Shuffle with a seed (Fisher–Yates on a small LCG), for permutations.
fn shuffle<T>(v: &mut [T], mut seed: u64) {
    for i in (1..v.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = ((seed >> 33) % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

fn arb_matrix() -> impl Strategy<Value = Vec<Vec<f64>>> {
    (2usize..=8, 2usize..=6).prop_flat_map(|(n, k)| {
        proptest::collection::vec(
            proptest::collection::vec((1u8..=10).prop_map(f64::from), k),
            n,
        )
    })
}

proptest! {
    #[test]
    fn finalist_scores_do_not_depend_on_juror_order(input in arb_input(10), seed in any::<u64>()) {
        let r1 = compute_results(&input).expect("valid");
        let mut permuted = input.clone();
        shuffle(&mut permuted.jurors, seed);
        shuffle(&mut permuted.sheets, seed.rotate_left(17));
        let r2 = compute_results(&permuted).expect("valid");
        for (a, b) in r1.finalists.iter().zip(&r2.finalists) {
            prop_assert_eq!(&a.finalist, &b.finalist);
            prop_assert_eq!(a.jurors, b.jurors);
            prop_assert!(close(a.score.unwrap_or(-1.0), b.score.unwrap_or(-1.0)));
            prop_assert!(close(a.normalized_score.unwrap_or(-1.0), b.normalized_score.unwrap_or(-1.0)));
            prop_assert!(close(a.mean_rank.unwrap_or(-1.0), b.mean_rank.unwrap_or(-1.0)));
        }
        prop_assert_eq!(order(&r1), order(&r2));
        prop_assert_eq!(r1.winner, r2.winner);
    }

    #[test]
    fn normalization_keeps_each_jurors_order(input in arb_input(10)) {
        let r = compute_results(&input).expect("valid");
        let spread = r.overall_spread.unwrap_or(0.0);
        for j in &r.jurors {
            let strict = spread > TIE_EPSILON && j.spread.is_some_and(|s| s > TIE_EPSILON);
            for (f, x) in &j.weighted_means {
                for (g, y) in &j.weighted_means {
                    let (nx, ny) = (j.normalized[f], j.normalized[g]);
                    if x < y {
                        prop_assert!(nx <= ny + 1e-9);
                        if strict && y - x > TIE_EPSILON {
                            prop_assert!(nx < ny);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn kendall_w_lies_between_0_and_1(m in arb_matrix()) {
        if let Ok(w) = stats::kendall_w(&m) {
            prop_assert!((0.0..=1.0).contains(&w), "W = {}", w);
        }
    }

    #[test]
    fn icc_2_1_is_at_most_1(m in arb_matrix()) {
        let t = stats::icc(&m);
        if let Ok(v) = t.icc_2_1 {
            prop_assert!(v <= 1.0 && v.is_finite(), "ICC(2,1) = {}", v);
        }
        if let Ok(v) = t.icc_2_k {
            prop_assert!(v <= 1.0 && v.is_finite(), "ICC(2,k) = {}", v);
        }
    }

    #[test]
    fn agreement_in_results_is_in_range_and_never_nan(input in arb_input(10)) {
        let r = compute_results(&input).expect("valid");
        for a in [&r.agreement.icc_2_1, &r.agreement.icc_2_k, &r.agreement.kendall_w] {
            // Exactly one of a reading and a reason; a number always has a
            // reading, and a negative number reads as below zero.
            prop_assert!(a.reading.is_some() != a.not_computable.is_some());
            prop_assert!(a.value.is_none() || a.reading.is_some());
            if let Some(v) = a.value {
                prop_assert!(v.is_finite() && v <= 1.0);
                prop_assert_eq!(v < 0.0, a.reading == Some(Reading::BelowZero));
            }
        }
        if let Some(w) = r.agreement.kendall_w.value {
            prop_assert!(w >= 0.0);
        }
        // No NaN or infinity anywhere in the numbers the server returns.
        for f in &r.finalists {
            for v in [f.score, f.normalized_score, f.mean_rank, f.median_juror_score].into_iter().flatten() {
                prop_assert!(v.is_finite());
            }
            prop_assert!(f.criterion_means.values().all(|v| v.is_finite()));
        }
        for j in &r.jurors {
            for v in j.weighted_means.values().chain(j.normalized.values()).chain(j.ranks.values()) {
                prop_assert!(v.is_finite());
            }
            prop_assert!(j.agreement_with_others.is_none_or(f64::is_finite));
        }
    }

    #[test]
    fn ranking_is_a_permutation_of_the_finalists(input in arb_input(10)) {
        let r = compute_results(&input).expect("valid");
        let mut ranked: Vec<&str> = order(&r);
        ranked.sort_unstable();
        let mut all: Vec<&str> = input.finalists.iter().map(String::as_str).collect();
        all.sort_unstable();
        prop_assert_eq!(ranked, all);
        // Scores never increase down the ranking.
        for w in r.ranking.windows(2) {
            prop_assert!(w[0].score >= w[1].score - TIE_EPSILON);
            prop_assert!(w[0].place <= w[1].place);
        }
    }

    #[test]
    fn tie_break_log_is_non_empty_exactly_when_a_tie_was_broken(
        mut input in arb_input(3),
        rules in proptest::sample::subsequence(
            vec![
                TieBreakRule::HigherCriterion("impact".into()),
                TieBreakRule::HigherMedianJurorScore,
                TieBreakRule::MoreFirstPlaces,
            ],
            0..=3,
        ),
    ) {
        input.tie_break = rules;
        let r = compute_results(&input).expect("valid");
        let broken = r.ranking.iter().any(|a| {
            r.ranking.iter().any(|b| (a.score - b.score).abs() <= TIE_EPSILON && a.place != b.place)
        });
        prop_assert_eq!(!r.tie_breaks.is_empty(), broken);
        // Unresolved ties are exactly the shared places.
        let shared = r.ranking.iter().filter(|f| f.tied).count();
        prop_assert_eq!(shared, r.unresolved_ties.iter().map(|t| t.finalists.len()).sum::<usize>());
        prop_assert_eq!(r.winner.is_some(), r.ranking.first().is_some_and(|f| !f.tied));
    }
}

// ----- Robustness of the winner -----

/// The demo's Award West in miniature: two jurors put Leiebocht first by a
/// little, a third (generous, with a wide spread) puts Scheldeland first by
/// a lot, and Scheldeland wins on the raw score.
fn one_juror_decides() -> JuryInput {
    build(
        &[("overall", 100)],
        &[
            ("an", "scheldeland", &[6]),
            ("an", "leiebocht", &[8]),
            ("an", "vlasbloem", &[7]),
            ("bo", "scheldeland", &[7]),
            ("bo", "leiebocht", &[8]),
            ("bo", "vlasbloem", &[6]),
            ("cas", "scheldeland", &[10]),
            ("cas", "leiebocht", &[4]),
            ("cas", "vlasbloem", &[7]),
        ],
    )
}

#[test]
fn a_winner_that_one_juror_decides_is_not_robust() {
    let r = compute_results(&one_juror_decides()).expect("valid");
    assert_eq!(r.winner.as_deref(), Some("scheldeland"));
    let rob = r.robustness.as_ref().expect("a winner has a robustness check");
    assert!(!rob.robust);
    let leiebocht = Check::Other { finalist: "leiebocht".into() };
    assert_eq!(rob.normalized, leiebocht);
    assert_eq!(rob.mean_rank, leiebocht);
    assert_eq!(
        rob.leave_one_out,
        vec![
            LeaveOneOut { juror: "an".into(), check: Check::Same },
            LeaveOneOut { juror: "bo".into(), check: Check::Same },
            LeaveOneOut { juror: "cas".into(), check: leiebocht.clone() },
        ]
    );
    assert_eq!(rob.deciding_jurors(), ["cas"]);
    assert_eq!(rob.findings().len(), 3);
    // Cas is also the juror the others disagree with.
    assert!(r.jurors.iter().find(|j| j.juror == "cas").unwrap().flagged);
}

#[test]
fn with_two_finalists_the_outlier_check_says_it_cannot_run() {
    let mut input = one_juror_decides();
    input.finalists.retain(|f| f != "vlasbloem");
    input.sheets.retain(|s| s.finalist != "vlasbloem");
    let r = compute_results(&input).expect("valid");
    assert!(r.jurors.iter().all(|j| !j.flagged && j.agreement_with_others.is_none()));
    assert!(r.warnings.contains(&JuryWarning::OutlierCheckNotPossible { finalists: 2 }));
    // The robustness still shows what the outlier check cannot: without
    // cas, the other finalist wins.
    let rob = r.robustness.expect("winner");
    assert_eq!(r.winner.as_deref(), Some("scheldeland"));
    assert_eq!(rob.deciding_jurors(), ["cas"]);
}

#[test]
fn leaving_out_the_only_scorer_of_a_finalist_leaves_no_winner() {
    // Only bo scored c; without bo, c has no score and no winner is named.
    let input = build(
        &[("overall", 100)],
        &[("an", "a", &[8]), ("an", "b", &[6]), ("bo", "a", &[9]), ("bo", "b", &[5]), ("bo", "c", &[4])],
    );
    let r = compute_results(&input).expect("valid");
    let rob = r.robustness.expect("winner a");
    assert_eq!(rob.leave_one_out[1], LeaveOneOut { juror: "bo".into(), check: Check::Unscored { finalists: vec!["c".into()] } });
    assert!(!rob.robust);
}

#[test]
fn a_tie_in_mean_rank_is_not_a_confirmation() {
    // an: a 9, b 7; bo: a 6, b 7 → a wins 7.5 to 7.0, but each juror puts
    // a different finalist first: mean ranks 1.5 and 1.5.
    let input = build(&[("overall", 100)], &[("an", "a", &[9]), ("an", "b", &[7]), ("bo", "a", &[6]), ("bo", "b", &[7])]);
    let r = compute_results(&input).expect("valid");
    assert_eq!(r.winner.as_deref(), Some("a"));
    let rob = r.robustness.expect("winner");
    assert_eq!(rob.mean_rank, Check::Shared { finalists: vec!["a".into(), "b".into()] });
    assert!(!rob.robust);
}

/// Jurors who all give the same strict order, each with their own scores:
/// `orders[j]` are juror j's distinct scores, best first.
fn agreeing_jury(nf: usize, scores: Vec<Vec<u8>>, seed: u64) -> JuryInput {
    let mut finalists: Vec<String> = (0..nf).map(|f| format!("f{f}")).collect();
    shuffle(&mut finalists, seed); // the shared order, best first
    let mut input = build(&[("overall", 100)], &[]);
    input.finalists = (0..nf).map(|f| format!("f{f}")).collect();
    input.jurors = (0..scores.len()).map(|j| format!("j{j}")).collect();
    for (j, mut own) in scores.into_iter().enumerate() {
        own.sort_unstable_by(|a, b| b.cmp(a));
        for (f, s) in finalists.iter().zip(own) {
            input.sheets.push(ScoreSheet {
                juror: format!("j{j}"),
                finalist: f.clone(),
                scores: [("overall".to_string(), score(s))].into_iter().collect(),
            });
        }
    }
    input
}

fn arb_agreeing_jury() -> impl Strategy<Value = JuryInput> {
    (2usize..=6, 1usize..=5, any::<u64>()).prop_flat_map(|(nf, nj, seed)| {
        let one = proptest::sample::subsequence((1u8..=10).collect::<Vec<_>>(), nf);
        proptest::collection::vec(one, nj).prop_map(move |scores| agreeing_jury(nf, scores, seed))
    })
}

proptest! {
    #[test]
    fn with_one_juror_nobody_can_be_left_out(mut input in arb_input(10)) {
        input.sheets.retain(|s| s.juror == "j0");
        let r = compute_results(&input).expect("valid");
        if let Some(rob) = &r.robustness {
            prop_assert!(rob.leave_one_out.is_empty());
        }
    }

    #[test]
    fn when_all_jurors_agree_on_the_order_the_winner_is_robust(input in arb_agreeing_jury()) {
        let r = compute_results(&input).expect("valid");
        let rob = r.robustness.as_ref().expect("a strict order has a winner");
        prop_assert!(rob.robust, "{:?}", rob);
        prop_assert_eq!(rob.leave_one_out.len(), if input.jurors.len() >= 2 { input.jurors.len() } else { 0 });
    }

    #[test]
    fn leaving_a_juror_out_never_invents_a_finalist_without_scores(input in arb_input(10)) {
        let r = compute_results(&input).expect("valid");
        let Some(rob) = &r.robustness else { return Ok(()) };
        for l in &rob.leave_one_out {
            let named: Vec<&String> = match &l.check {
                Check::Same => vec![&rob.winner],
                Check::Other { finalist } => vec![finalist],
                Check::Shared { finalists } => finalists.iter().collect(),
                Check::Unscored { .. } => vec![],
            };
            for f in named {
                prop_assert!(
                    input.sheets.iter().any(|s| &s.finalist == f && s.juror != l.juror),
                    "without {} the check names {}, which only {} scored", l.juror, f, l.juror
                );
            }
            if let Check::Unscored { finalists } = &l.check {
                for f in finalists {
                    prop_assert!(input.sheets.iter().all(|s| &s.finalist != f || s.juror == l.juror));
                }
            }
        }
    }

    #[test]
    fn robustness_does_not_depend_on_the_order_of_jurors_and_finalists(input in arb_input(10), seed in any::<u64>()) {
        let r1 = compute_results(&input).expect("valid");
        let mut permuted = input.clone();
        shuffle(&mut permuted.jurors, seed);
        shuffle(&mut permuted.finalists, seed.rotate_left(9));
        shuffle(&mut permuted.sheets, seed.rotate_left(17));
        let r2 = compute_results(&permuted).expect("valid");
        prop_assert_eq!(r1.robustness, r2.robustness);
    }
}

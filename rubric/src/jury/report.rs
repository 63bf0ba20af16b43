//! The results of one category as `stempact jury-stats` prints them and as
//! the app shows them: names instead of keys, every number written with
//! [`super::display`] (two decimals, dot), readings as keys, warnings and
//! findings as English sentences. The server's tests build this from the
//! app's results and compare it with the command's output, so "the CSV
//! reproduces the result" is checked field by field.

use super::display::{agreement_value, two_decimals, two_decimals_opt};
use super::events::{finding_english, NamedRule};
use super::robustness::Finding;
use super::stats::AgreementKind;
use super::views::{place_notes, PlaceNote};
use super::{JuryResults, JuryWarning, TieBreakRule};
use crate::LocalizedText;
use serde::{Deserialize, Serialize};

/// One place of the ranking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportPlace {
    pub place: usize,
    pub finalist: String,
    pub score: String,
    pub normalized_score: String,
    pub mean_rank: String,
    pub jurors: usize,
    /// In a tie no rule broke (the place is shared).
    pub tied: bool,
    /// Why the place differs from a neighbour with the same score.
    pub note: Option<String>,
}

/// One agreement statistic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportAgreement {
    pub statistic: String,
    /// Two decimals, "< 0", or null when not computable.
    pub value: Option<String>,
    /// `below-zero`, `poor`, `moderate`, `good`, `excellent`, or null.
    pub reading: Option<String>,
    /// Why there is no reading.
    pub not_computable: Option<String>,
}

/// A juror flagged for ranking the finalists differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFlag {
    pub juror: String,
    pub rho: String,
}

/// The robustness of the winner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRobustness {
    pub robust: bool,
    /// The checks that do not confirm the winner, in English.
    pub findings: Vec<String>,
}

/// One category's results, as printed by `stempact jury-stats`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryReport {
    pub category: String,
    /// The jurors whose sheets count, in the order of the results.
    pub jurors: Vec<String>,
    pub sheets: usize,
    pub ranking: Vec<ReportPlace>,
    pub unscored: Vec<String>,
    pub winner: Option<String>,
    pub agreement: Vec<ReportAgreement>,
    pub flagged_jurors: Vec<ReportFlag>,
    pub tie_breaks: Vec<String>,
    pub unresolved_ties: Vec<Vec<String>>,
    pub robustness: Option<ReportRobustness>,
    pub warnings: Vec<String>,
}

/// How the report names things: finalists and jurors by key, criteria by
/// key (the criterion rule of a tie-break).
pub struct Names<'a> {
    pub finalist: &'a dyn Fn(&str) -> String,
    pub juror: &'a dyn Fn(&str) -> String,
    pub criterion: &'a dyn Fn(&str) -> Option<LocalizedText>,
}

fn rule_english(rule: &TieBreakRule, names: &Names<'_>) -> String {
    let criterion = match rule {
        TieBreakRule::HigherCriterion(key) => (names.criterion)(key),
        _ => None,
    };
    NamedRule { rule: rule.clone(), criterion }.english()
}

/// A place note in English (names already in it).
pub fn note_english(note: &PlaceNote) -> String {
    match note {
        PlaceNote::TieBreak { rule, tied_with } => {
            format!("tied on score with {}; decided by {}", tied_with.join(", "), rule.english())
        }
        PlaceNote::Unrounded { behind } => format!("same rounded score as {behind}, who is ahead unrounded"),
    }
}

/// The report of one category's results.
pub fn category_report(category: &str, sheets: usize, r: &JuryResults, names: &Names<'_>) -> CategoryReport {
    let f = names.finalist;
    let j = names.juror;
    let notes = place_notes(r, names.criterion);
    let ranking = r
        .ranking
        .iter()
        .map(|p| {
            let fr = r.finalists.iter().find(|x| x.finalist == p.finalist);
            ReportPlace {
                place: p.place,
                finalist: f(&p.finalist),
                score: two_decimals(p.score, '.'),
                normalized_score: two_decimals_opt(fr.and_then(|x| x.normalized_score), '.'),
                mean_rank: two_decimals_opt(fr.and_then(|x| x.mean_rank), '.'),
                jurors: fr.map_or(0, |x| x.jurors),
                tied: p.tied,
                note: notes.get(&p.finalist).map(|n| note_english(&n.renamed(f))),
            }
        })
        .collect();
    let a = &r.agreement;
    let agreement = [(AgreementKind::Icc21, &a.icc_2_1), (AgreementKind::Icc2k, &a.icc_2_k), (AgreementKind::KendallW, &a.kendall_w)]
        .into_iter()
        .map(|(kind, stat)| ReportAgreement {
            statistic: kind.label().to_string(),
            value: agreement_value(stat, '.'),
            reading: stat.reading.map(|x| x.key().to_string()),
            not_computable: stat.not_computable.map(|x| x.to_string()),
        })
        .collect();
    let tie_breaks = r
        .tie_breaks
        .iter()
        .map(|t| {
            let values: Vec<String> = t.values.iter().map(|(k, v)| format!("{} {}", f(k), two_decimals(*v, '.'))).collect();
            let outcome: Vec<String> =
                t.outcome.iter().map(|g| g.iter().map(|k| f(k)).collect::<Vec<_>>().join(" = ")).collect();
            format!(
                "{} tied at {}; broken by {} ({}): {}",
                t.finalists.iter().map(|k| f(k)).collect::<Vec<_>>().join(", "),
                two_decimals(t.score, '.'),
                rule_english(&t.rule_applied, names),
                values.join(", "),
                outcome.join(" > ")
            )
        })
        .collect();
    let robustness = r.robustness.as_ref().map(|rob| {
        let mut findings: Vec<Finding> = rob.findings().iter().map(|x| x.renamed(f, j)).collect();
        // Jurors by name, so the order does not depend on how keys sort.
        findings.sort_by(|x, y| match (x, y) {
            (Finding::WithoutJuror { juror: a, .. }, Finding::WithoutJuror { juror: b, .. }) => a.cmp(b),
            _ => std::cmp::Ordering::Equal,
        });
        ReportRobustness { robust: rob.robust, findings: findings.iter().map(finding_english).collect() }
    });
    CategoryReport {
        category: category.to_string(),
        jurors: r.jurors.iter().map(|x| j(&x.juror)).collect(),
        sheets,
        ranking,
        unscored: r.finalists.iter().filter(|x| x.score.is_none()).map(|x| f(&x.finalist)).collect(),
        winner: r.winner.as_deref().map(f),
        agreement,
        flagged_jurors: r
            .jurors
            .iter()
            .filter(|x| x.flagged)
            .map(|x| ReportFlag { juror: j(&x.juror), rho: two_decimals_opt(x.agreement_with_others, '.') })
            .collect(),
        tie_breaks,
        unresolved_ties: r.unresolved_ties.iter().map(|t| t.finalists.iter().map(|k| f(k)).collect()).collect(),
        robustness,
        warnings: r.warnings.iter().map(|w| w.renamed(f, j).to_string()).collect(),
    }
}

impl JuryWarning {
    /// The same warning with names instead of keys.
    pub fn renamed(&self, finalist: &dyn Fn(&str) -> String, juror: &dyn Fn(&str) -> String) -> JuryWarning {
        let all = |keys: &[String], name: &dyn Fn(&str) -> String| keys.iter().map(|k| name(k)).collect();
        match self {
            JuryWarning::FewFinalists { juror: k, scored } => JuryWarning::FewFinalists { juror: juror(k), scored: *scored },
            JuryWarning::NoSpread { juror: k } => JuryWarning::NoSpread { juror: juror(k) },
            JuryWarning::UnscoredFinalist { finalist: k } => JuryWarning::UnscoredFinalist { finalist: finalist(k) },
            JuryWarning::AgreementOnSubBlock { dropped_jurors, dropped_finalists } => JuryWarning::AgreementOnSubBlock {
                dropped_jurors: all(dropped_jurors, juror),
                dropped_finalists: all(dropped_finalists, finalist),
            },
            JuryWarning::JurorDisagrees { juror: k, rho } => JuryWarning::JurorDisagrees { juror: juror(k), rho: *rho },
            JuryWarning::OutlierCheckNotPossible { finalists } => {
                JuryWarning::OutlierCheckNotPossible { finalists: *finalists }
            }
        }
    }
}

//! The score file of `stempact jury-stats FILE.csv`: rows
//! `juror,finalist,criterion,score` under a header line, parsed with a
//! precise error per bad row, and turned into the same jury results the
//! server computes (equal criterion weights), summarised as one JSON object.

use super::results::{compute_validated, JuryResults};
use super::Criterion;
use super::{JuryError, JuryInput, Score, ScoreSheet, TieBreakRule, WeightCheck};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// The header line the file must start with (case and spaces ignored).
pub const CSV_HEADER: [&str; 4] = ["juror", "finalist", "criterion", "score"];

/// One score row of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvScore {
    /// 1-based line number in the file.
    pub line: usize,
    pub juror: String,
    pub finalist: String,
    pub criterion: String,
    pub score: Score,
}

/// A column of the score file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CsvField {
    Juror,
    Finalist,
    Criterion,
    Score,
}

impl CsvField {
    const ALL: [CsvField; 4] = [
        CsvField::Juror,
        CsvField::Finalist,
        CsvField::Criterion,
        CsvField::Score,
    ];
}

impl fmt::Display for CsvField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CsvField::Juror => "juror",
            CsvField::Finalist => "finalist",
            CsvField::Criterion => "criterion",
            CsvField::Score => "score",
        })
    }
}

/// What is wrong with one line of the score file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CsvProblem {
    #[error("the file is empty; it must start with the header juror,finalist,criterion,score")]
    Empty,
    #[error("the header must be juror,finalist,criterion,score; found {found}")]
    BadHeader { found: String },
    #[error("there are no score rows after the header")]
    NoRows,
    #[error("the {field} field is missing or empty")]
    MissingField { field: CsvField },
    #[error("the row has {count} fields; expected 4 (juror,finalist,criterion,score)")]
    TooManyFields { count: usize },
    #[error("a quoted field is not closed, or text follows its closing quote")]
    BadQuotes,
    #[error("score {value:?} is not a number")]
    ScoreNotANumber { value: String },
    #[error("score {value} is not a whole number; scores are 1 to 10")]
    ScoreNotWhole { value: String },
    #[error("score {value} is outside 1 to 10")]
    ScoreOutOfRange { value: String },
    #[error("juror {juror} already scored finalist {finalist} on criterion {criterion} on line {first_line}")]
    Duplicate {
        juror: String,
        finalist: String,
        criterion: String,
        first_line: usize,
    },
    #[error("juror {juror} scored finalist {finalist} but not on criterion {criterion}")]
    MissingCriterion {
        juror: String,
        finalist: String,
        criterion: String,
    },
    #[error("{0}")]
    Jury(String),
}

/// A bad line of the score file: its 1-based number and the problem. Line 0
/// means the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct CsvRowError {
    pub line: usize,
    pub problem: CsvProblem,
}

impl CsvRowError {
    fn new(line: usize, problem: CsvProblem) -> Self {
        Self { line, problem }
    }
}

/// Parse a score file. The first non-blank line is the header
/// `juror,finalist,criterion,score`; blank lines are skipped; fields are
/// trimmed and may be quoted (`"a, b"`, with `""` for a quote inside).
/// Every bad row is reported, with its line number.
pub fn parse_scores_csv(text: &str) -> Result<Vec<CsvScore>, Vec<CsvRowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((header_line, header)) = lines.next() else {
        return Err(vec![CsvRowError::new(1, CsvProblem::Empty)]);
    };
    let header_ok = split_fields(header).is_ok_and(|fields| {
        fields.len() == CSV_HEADER.len()
            && fields
                .iter()
                .zip(CSV_HEADER)
                .all(|(f, h)| f.eq_ignore_ascii_case(h))
    });
    if !header_ok {
        return Err(vec![CsvRowError::new(
            header_line,
            CsvProblem::BadHeader {
                found: header.trim().to_string(),
            },
        )]);
    }

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut first_seen: HashMap<(String, String, String), usize> = HashMap::new();
    for (line, text) in lines {
        match parse_row(line, text) {
            Ok(row) => {
                let key = (
                    row.juror.clone(),
                    row.finalist.clone(),
                    row.criterion.clone(),
                );
                if let Some(&first_line) = first_seen.get(&key) {
                    errors.push(CsvRowError::new(
                        line,
                        CsvProblem::Duplicate {
                            juror: key.0,
                            finalist: key.1,
                            criterion: key.2,
                            first_line,
                        },
                    ));
                } else {
                    first_seen.insert(key, line);
                    rows.push(row);
                }
            }
            Err(problem) => errors.push(CsvRowError::new(line, problem)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if rows.is_empty() {
        return Err(vec![CsvRowError::new(header_line, CsvProblem::NoRows)]);
    }
    Ok(rows)
}

fn parse_row(line: usize, text: &str) -> Result<CsvScore, CsvProblem> {
    let fields = split_fields(text)?;
    if fields.len() > CSV_HEADER.len() {
        return Err(CsvProblem::TooManyFields {
            count: fields.len(),
        });
    }
    for (i, field) in CsvField::ALL.into_iter().enumerate() {
        if fields.get(i).is_none_or(|f| f.is_empty()) {
            return Err(CsvProblem::MissingField { field });
        }
    }
    let [juror, finalist, criterion, raw] =
        [0, 1, 2, 3].map(|i| fields.get(i).cloned().unwrap_or_default());
    let score = parse_score(&raw)?;
    Ok(CsvScore {
        line,
        juror,
        finalist,
        criterion,
        score,
    })
}

fn parse_score(raw: &str) -> Result<Score, CsvProblem> {
    match raw.parse::<i64>() {
        Ok(n) => u8::try_from(n).ok().and_then(|n| Score::new(n).ok()).ok_or(
            CsvProblem::ScoreOutOfRange {
                value: raw.to_string(),
            },
        ),
        Err(_) => match raw.parse::<f64>() {
            Ok(x) if x.is_finite() => Err(CsvProblem::ScoreNotWhole {
                value: raw.to_string(),
            }),
            _ => Err(CsvProblem::ScoreNotANumber {
                value: raw.to_string(),
            }),
        },
    }
}

/// Split one line into trimmed fields; a field may be quoted.
fn split_fields(line: &str) -> Result<Vec<String>, CsvProblem> {
    let mut fields = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    None => return Err(CsvProblem::BadQuotes),
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(c) => field.push(c),
                }
            }
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            match chars.next() {
                None => {
                    fields.push(field.trim().to_string());
                    return Ok(fields);
                }
                Some(',') => fields.push(field.trim().to_string()),
                Some(_) => return Err(CsvProblem::BadQuotes),
            }
        } else {
            loop {
                match chars.next() {
                    None => {
                        fields.push(field.trim().to_string());
                        return Ok(fields);
                    }
                    Some(',') => break,
                    Some(c) => field.push(c),
                }
            }
            fields.push(field.trim().to_string());
        }
    }
}

/// The tie-break rules of the command line: it has no declared rules, so it
/// uses the median juror score, then first places, then leaves the tie to
/// the chair.
pub fn csv_tie_break_rules() -> Vec<TieBreakRule> {
    vec![
        TieBreakRule::HigherMedianJurorScore,
        TieBreakRule::MoreFirstPlaces,
        TieBreakRule::ChairDecision,
    ]
}

/// Build the jury input of a parsed score file: criteria, jurors and
/// finalists in order of first appearance, every criterion weight 1 (equal
/// weights), one sheet per juror and finalist. A juror/finalist pair that
/// lacks a criterion scored elsewhere in the file is an error on the first
/// line of that pair.
pub fn input_from_rows(rows: &[CsvScore]) -> Result<JuryInput, Vec<CsvRowError>> {
    fn push_new(list: &mut Vec<String>, key: &str) {
        if !list.iter().any(|k| k == key) {
            list.push(key.to_string());
        }
    }
    let (mut criteria, mut jurors, mut finalists) = (Vec::new(), Vec::new(), Vec::new());
    let mut sheets: Vec<(usize, ScoreSheet)> = Vec::new();
    let mut sheet_index: HashMap<(&str, &str), usize> = HashMap::new();
    for row in rows {
        push_new(&mut criteria, &row.criterion);
        push_new(&mut jurors, &row.juror);
        push_new(&mut finalists, &row.finalist);
        let k = *sheet_index
            .entry((row.juror.as_str(), row.finalist.as_str()))
            .or_insert_with(|| {
                sheets.push((
                    row.line,
                    ScoreSheet {
                        juror: row.juror.clone(),
                        finalist: row.finalist.clone(),
                        scores: BTreeMap::new(),
                    },
                ));
                sheets.len() - 1
            });
        sheets[k].1.scores.insert(row.criterion.clone(), row.score);
    }
    let mut errors = Vec::new();
    for (line, sheet) in &sheets {
        for c in criteria.iter().filter(|c| !sheet.scores.contains_key(*c)) {
            errors.push(CsvRowError::new(
                *line,
                CsvProblem::MissingCriterion {
                    juror: sheet.juror.clone(),
                    finalist: sheet.finalist.clone(),
                    criterion: c.clone(),
                },
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(JuryInput {
        criteria: criteria.into_iter().map(|k| Criterion::new(k, 1)).collect(),
        finalists,
        jurors,
        sheets: sheets.into_iter().map(|(_, s)| s).collect(),
        tie_break: csv_tie_break_rules(),
        chair_order: None,
    })
}

/// Parse a score file and compute the jury statistics, with the same code
/// as [`super::compute_results`] (equal criterion weights). The JSON object
/// has `icc_2_1`, `icc_2_k`, `kendall_w` (numbers or null), `readings` and
/// `not_computable` for them, `jurors` and `finalists` (counts),
/// `finalist_scores`, `normalized_scores`, `mean_ranks` (finalist → number),
/// `ranking`, `winner`, `tie_breaks`, `unresolved_ties`, `flagged_jurors`,
/// `agreement_block` and `warnings` (sentences).
pub fn jury_stats_from_csv(text: &str) -> Result<Value, Vec<CsvRowError>> {
    let rows = parse_scores_csv(text)?;
    let input = input_from_rows(&rows)?;
    input
        .validate_with(WeightCheck::AnyPositiveTotal)
        .map_err(|e: JuryError| vec![CsvRowError::new(0, CsvProblem::Jury(e.to_string()))])?;
    let results = compute_validated(&input);
    Ok(summary(&input, rows.len(), &results))
}

fn summary(input: &JuryInput, score_rows: usize, r: &JuryResults) -> Value {
    let per_finalist = |get: fn(&super::FinalistResult) -> Option<f64>| -> Value {
        let map: Map<String, Value> = r
            .finalists
            .iter()
            .map(|f| (f.finalist.clone(), json!(get(f))))
            .collect();
        Value::Object(map)
    };
    let a = &r.agreement;
    json!({
        "jurors": input.jurors.len(),
        "finalists": input.finalists.len(),
        "criteria": input.criteria.iter().map(|c| c.key.clone()).collect::<Vec<_>>(),
        "score_rows": score_rows,
        "icc_2_1": a.icc_2_1.value,
        "icc_2_k": a.icc_2_k.value,
        "kendall_w": a.kendall_w.value,
        "readings": {
            "icc_2_1": a.icc_2_1.reading.map(|x| x.key()),
            "icc_2_k": a.icc_2_k.reading.map(|x| x.key()),
            "kendall_w": a.kendall_w.reading.map(|x| x.key()),
        },
        "not_computable": {
            "icc_2_1": a.icc_2_1.not_computable.map(|x| x.to_string()),
            "icc_2_k": a.icc_2_k.not_computable.map(|x| x.to_string()),
            "kendall_w": a.kendall_w.not_computable.map(|x| x.to_string()),
        },
        "agreement_block": to_json(&a.block),
        "finalist_scores": per_finalist(|f| f.score),
        "normalized_scores": per_finalist(|f| f.normalized_score),
        "mean_ranks": per_finalist(|f| f.mean_rank),
        "ranking": to_json(&r.ranking),
        "winner": r.winner,
        "tie_break_rules": to_json(&input.tie_break),
        "tie_breaks": to_json(&r.tie_breaks),
        "unresolved_ties": to_json(&r.unresolved_ties),
        "chair_decision_needed": r.chair_decision_needed,
        "flagged_jurors": r.jurors.iter().filter(|j| j.flagged).map(|j| json!({
            "juror": j.juror,
            "rho": j.agreement_with_others,
        })).collect::<Vec<_>>(),
        "warnings": r.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
    })
}

/// Serialize a result part; our result types have string keys and finite
/// numbers only, so this cannot fail and null is only a defensive fallback.
fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(usize, CsvProblem)> {
        match parse_scores_csv(text) {
            Ok(rows) => panic!("expected errors, parsed {} rows", rows.len()),
            Err(errors) => errors.into_iter().map(|e| (e.line, e.problem)).collect(),
        }
    }

    #[test]
    fn parses_a_good_file() {
        let text = "\u{feff}Juror, Finalist ,criterion,SCORE\r\n\
                    ann,school-a,impact,8\r\n\
                    \r\n\
                    \"ann\", \"school, b\" ,impact, 6 \n\
                    \"bo \"\"the judge\"\"\",school-a,impact,10\n   \n";
        let rows = parse_scores_csv(text).expect("valid file");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].finalist, "school, b");
        assert_eq!(rows[1].score.get(), 6);
        assert_eq!(rows[2].juror, "bo \"the judge\"");
        assert_eq!(rows[2].score, Score::MAX);
    }

    #[test]
    fn reports_each_bad_row_with_its_line() {
        let text = "juror,finalist,criterion,score\n\
                    ann,a,impact,8\n\
                    ann,a\n\
                    ann,b,impact,\n\
                    ann,c,impact,high\n\
                    ann,d,impact,11\n\
                    ann,e,impact,0\n\
                    \n\
                    ann,a,impact,7\n\
                    ann,f,impact,7.5\n\
                    ann,g,impact,5,extra\n\
                    ,h,impact,5\n\
                    ann,\"i,impact,5\n";
        let got = problems(text);
        assert_eq!(
            got,
            vec![
                (
                    3,
                    CsvProblem::MissingField {
                        field: CsvField::Criterion
                    }
                ),
                (
                    4,
                    CsvProblem::MissingField {
                        field: CsvField::Score
                    }
                ),
                (
                    5,
                    CsvProblem::ScoreNotANumber {
                        value: "high".into()
                    }
                ),
                (6, CsvProblem::ScoreOutOfRange { value: "11".into() }),
                (7, CsvProblem::ScoreOutOfRange { value: "0".into() }),
                (
                    9,
                    CsvProblem::Duplicate {
                        juror: "ann".into(),
                        finalist: "a".into(),
                        criterion: "impact".into(),
                        first_line: 2
                    }
                ),
                (
                    10,
                    CsvProblem::ScoreNotWhole {
                        value: "7.5".into()
                    }
                ),
                (11, CsvProblem::TooManyFields { count: 5 }),
                (
                    12,
                    CsvProblem::MissingField {
                        field: CsvField::Juror
                    }
                ),
                (13, CsvProblem::BadQuotes),
            ]
        );
        let message =
            CsvRowError::new(6, CsvProblem::ScoreOutOfRange { value: "11".into() }).to_string();
        assert_eq!(message, "line 6: score 11 is outside 1 to 10");
    }

    #[test]
    fn header_and_empty_files_are_rejected() {
        assert_eq!(problems(""), vec![(1, CsvProblem::Empty)]);
        assert_eq!(problems("\n\n  \n"), vec![(1, CsvProblem::Empty)]);
        assert_eq!(
            problems("\njuror,finalist,score\nann,a,8\n"),
            vec![(
                2,
                CsvProblem::BadHeader {
                    found: "juror,finalist,score".into()
                }
            )]
        );
        assert_eq!(
            problems("juror,finalist,criterion,score\n\n"),
            vec![(1, CsvProblem::NoRows)]
        );
    }

    #[test]
    fn a_pair_missing_a_criterion_is_reported_on_its_first_line() {
        let text = "juror,finalist,criterion,score\n\
                    ann,a,impact,8\n\
                    ann,a,feasibility,6\n\
                    bo,a,impact,7\n";
        let errors = jury_stats_from_csv(text).expect_err("bo lacks feasibility");
        assert_eq!(
            errors,
            vec![CsvRowError::new(
                4,
                CsvProblem::MissingCriterion {
                    juror: "bo".into(),
                    finalist: "a".into(),
                    criterion: "feasibility".into()
                }
            )]
        );
    }

    #[test]
    fn stats_json_has_the_promised_fields() {
        // The Shrout & Fleiss (1979) Table 2 data as a score file: one
        // criterion, 4 jurors, 6 finalists.
        let table = super::super::tests::SHROUT_FLEISS;
        let mut text = String::from("juror,finalist,criterion,score\n");
        for (f, row) in table.iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                text.push_str(&format!("judge{},target{},overall,{}\n", j + 1, f + 1, v));
            }
        }
        let v = jury_stats_from_csv(&text).expect("valid file");
        assert_eq!(v["jurors"], 4);
        assert_eq!(v["finalists"], 6);
        let icc21 = v["icc_2_1"].as_f64().expect("number");
        let icc2k = v["icc_2_k"].as_f64().expect("number");
        assert_eq!((icc21 * 100.0).round() / 100.0, 0.29);
        assert_eq!((icc2k * 100.0).round() / 100.0, 0.62);
        assert!(v["kendall_w"].as_f64().is_some());
        assert_eq!(v["readings"]["icc_2_1"], "poor");
        assert_eq!(v["readings"]["icc_2_k"], "moderate");
        // Target 5 (10, 5, 6, 9) has the highest mean, 7.5.
        assert_eq!(v["finalist_scores"]["target5"], 7.5);
        assert_eq!(v["winner"], "target5");
        assert_eq!(v["ranking"].as_array().map(Vec::len), Some(6));
        assert_eq!(v["not_computable"]["kendall_w"], Value::Null);
    }

    #[test]
    fn stats_json_says_why_a_statistic_is_missing() {
        let text = "juror,finalist,criterion,score\nann,a,impact,8\nann,b,impact,6\n";
        let v = jury_stats_from_csv(text).expect("valid file");
        assert_eq!(v["icc_2_1"], Value::Null);
        assert_eq!(v["kendall_w"], Value::Null);
        assert_eq!(
            v["not_computable"]["icc_2_1"],
            "fewer than 2 jurors scored the same finalists"
        );
        assert_eq!(v["winner"], "a");
    }
}

//! The jury's CSV files: the score export the app writes (plain: comma, dot,
//! English headers; Flemish spreadsheet: semicolon, decimal comma, UTF-8
//! BOM, Dutch headers), the results export, and the reader behind
//! `stempact jury-stats FILE.csv`, which takes the app's own score export
//! (either variant) or a bare `juror,finalist,criterion,score` file and
//! computes the same results as the app, category by category.
//!
//! A score export starts with metadata records whose first field starts
//! with `#`: the format and edition, the tie-break rules, per category its
//! finalists and counted jurors in the app's order, and the chair's order.
//! Then the header and one row per juror, finalist and criterion. Every
//! field that a spreadsheet would run as a formula is neutralised with a
//! leading apostrophe, which the reader takes off again.

use super::events::NamedRule;
use super::report::{category_report, CategoryReport, Names};
use super::results::{compute_validated, JuryResults};
use super::views::CategoryResults;
use super::{Criterion, JuryError, JuryInput, Score, ScoreSheet, TieBreakRule, WeightCheck};
use crate::content::LocalizedText;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

// ----- Variants ---------------------------------------------------------------

/// Which CSV dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CsvVariant {
    /// Comma, dot decimals, English headers, no BOM: for scripts and tools.
    Plain,
    /// Semicolon, decimal comma, UTF-8 BOM, Dutch headers: opens split into
    /// columns in a spreadsheet set to Dutch (Belgium).
    Flemish,
}

impl CsvVariant {
    pub fn separator(self) -> char {
        match self {
            CsvVariant::Plain => ',',
            CsvVariant::Flemish => ';',
        }
    }

    pub fn decimal(self) -> char {
        match self {
            CsvVariant::Plain => '.',
            CsvVariant::Flemish => ',',
        }
    }

    fn dutch(self) -> bool {
        self == CsvVariant::Flemish
    }

    /// The variant named in a query (`plain` or `flemish`).
    pub fn from_key(key: &str) -> Option<CsvVariant> {
        match key {
            "plain" => Some(CsvVariant::Plain),
            "flemish" => Some(CsvVariant::Flemish),
            _ => None,
        }
    }

    /// A file name for an export: `jury-scores.csv` / `jury-scores-nl.csv`.
    pub fn file_name(self, stem: &str) -> String {
        match self {
            CsvVariant::Plain => format!("{stem}.csv"),
            CsvVariant::Flemish => format!("{stem}-nl.csv"),
        }
    }
}

// ----- Writing ------------------------------------------------------------------

/// Whether `text` is a number as written in `variant` (so a leading minus
/// is not a formula).
fn is_number(text: &str, variant: CsvVariant) -> bool {
    let t = if variant.dutch() { text.replace(',', ".") } else { text.to_string() };
    t.parse::<f64>().is_ok()
}

/// One CSV field: quoted when needed, and a leading `=`, `+`, `-`, `@`,
/// tab or carriage return neutralised with an apostrophe so a spreadsheet
/// does not run it as a formula (a juror's remark reaches the
/// coordinator's spreadsheet); a negative number stays a number.
pub fn field(text: &str, variant: CsvVariant) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(text, variant);
    let text = if formula { format!("'{text}") } else { text.to_string() };
    if text.contains([variant.separator(), '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Build a file record by record.
struct Writer {
    variant: CsvVariant,
    out: String,
}

impl Writer {
    fn new(variant: CsvVariant) -> Writer {
        let out = if variant == CsvVariant::Flemish { String::from("\u{feff}") } else { String::new() };
        Writer { variant, out }
    }

    fn record<S: AsRef<str>>(&mut self, fields: &[S]) {
        let sep = self.variant.separator().to_string();
        let line: Vec<String> = fields.iter().map(|f| field(f.as_ref(), self.variant)).collect();
        self.out.push_str(&line.join(&sep));
        self.out.push_str("\r\n");
    }
}

/// A column of the score file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Column {
    Category,
    Finalist,
    Juror,
    Criterion,
    Weight,
    Score,
    Remark,
    SheetRemark,
    Counted,
    /// The score as submitted before the sheet was reopened (empty when
    /// it did not change); read back but not used by the statistics.
    ScoreBeforeReopening,
    /// When a reopened sheet with this score changed was submitted again.
    ChangedAt,
}

impl Column {
    const EXPORT: [Column; 11] = [
        Column::Category,
        Column::Finalist,
        Column::Juror,
        Column::Criterion,
        Column::Weight,
        Column::Score,
        Column::Remark,
        Column::SheetRemark,
        Column::Counted,
        Column::ScoreBeforeReopening,
        Column::ChangedAt,
    ];
    const REQUIRED: [Column; 4] = [Column::Juror, Column::Finalist, Column::Criterion, Column::Score];

    fn english(self) -> &'static str {
        match self {
            Column::Category => "category",
            Column::Finalist => "finalist",
            Column::Juror => "juror",
            Column::Criterion => "criterion",
            Column::Weight => "weight",
            Column::Score => "score",
            Column::Remark => "remark",
            Column::SheetRemark => "sheet_remark",
            Column::Counted => "counted",
            Column::ScoreBeforeReopening => "score_before_reopening",
            Column::ChangedAt => "changed_at",
        }
    }

    fn dutch(self) -> &'static str {
        match self {
            Column::Category => "categorie",
            Column::Finalist => "finalist",
            Column::Juror => "jurylid",
            Column::Criterion => "criterium",
            Column::Weight => "gewicht",
            Column::Score => "score",
            Column::Remark => "opmerking",
            Column::SheetRemark => "algemene opmerking",
            Column::Counted => "telt mee",
            Column::ScoreBeforeReopening => "score voor heropenen",
            Column::ChangedAt => "gewijzigd op",
        }
    }

    fn header(self, variant: CsvVariant) -> &'static str {
        if variant.dutch() {
            self.dutch()
        } else {
            self.english()
        }
    }

    /// The column a header names, in English or Dutch.
    fn from_header(name: &str) -> Option<Column> {
        let n = name.trim().to_lowercase().replace(' ', "_");
        Column::EXPORT.into_iter().find(|c| c.english() == n || c.dutch().replace(' ', "_") == n)
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

/// The metadata keys, English and Dutch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meta {
    Format,
    TieBreak,
    Category,
    Jurors,
    ChairOrder,
}

impl Meta {
    const ALL: [Meta; 5] = [Meta::Format, Meta::TieBreak, Meta::Category, Meta::Jurors, Meta::ChairOrder];

    fn key(self, variant: CsvVariant) -> &'static str {
        match (self, variant.dutch()) {
            (Meta::Format, false) => "#stempact-jury-scores",
            (Meta::Format, true) => "#stempact-juryscores",
            (Meta::TieBreak, false) => "#tie-break",
            (Meta::TieBreak, true) => "#regel-gelijke-stand",
            (Meta::Category, false) => "#category",
            (Meta::Category, true) => "#categorie",
            (Meta::Jurors, false) => "#jurors",
            (Meta::Jurors, true) => "#juryleden",
            (Meta::ChairOrder, false) => "#chair-order",
            (Meta::ChairOrder, true) => "#volgorde-voorzitter",
        }
    }

    fn from_key(key: &str) -> Option<Meta> {
        let k = key.trim().to_lowercase();
        Meta::ALL
            .into_iter()
            .find(|m| m.key(CsvVariant::Plain) == k || m.key(CsvVariant::Flemish) == k)
    }
}

/// A tie-break rule as a token of the `#tie-break` record; a criterion rule
/// names the criterion as the rows do.
fn rule_token(rule: &NamedRule, variant: CsvVariant) -> String {
    let d = variant.dutch();
    match &rule.rule {
        TieBreakRule::HigherCriterion(key) => {
            let name = rule.criterion.as_ref().map_or(key.clone(), |n| if d { n.nl.clone() } else { n.en.clone() });
            format!("{}:{name}", if d { "criterium" } else { "criterion" })
        }
        TieBreakRule::HigherMedianJurorScore => (if d { "mediaan-jurylidscore" } else { "median-juror-score" }).into(),
        TieBreakRule::MoreFirstPlaces => (if d { "eerste-plaatsen" } else { "first-places" }).into(),
        TieBreakRule::ChairDecision => (if d { "beslissing-voorzitter" } else { "chair-decision" }).into(),
    }
}

/// A rule token read back (either language); criterion rules name the
/// criterion, which becomes its key.
fn parse_rule(token: &str) -> Option<TieBreakRule> {
    let t = token.trim();
    if let Some((kind, name)) = t.split_once(':') {
        return matches!(kind.trim(), "criterion" | "criterium")
            .then(|| TieBreakRule::HigherCriterion(name.trim().to_string()));
    }
    match t {
        "median-juror-score" | "mediaan-jurylidscore" => Some(TieBreakRule::HigherMedianJurorScore),
        "first-places" | "eerste-plaatsen" => Some(TieBreakRule::MoreFirstPlaces),
        "chair-decision" | "beslissing-voorzitter" => Some(TieBreakRule::ChairDecision),
        _ => None,
    }
}

/// One score row of the export: one juror's score of one finalist on one
/// criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    pub finalist: String,
    pub juror: String,
    pub criterion: LocalizedText,
    pub weight: u32,
    pub score: Score,
    pub remark: String,
    /// The sheet's overall remark: written on the sheet's first row only.
    pub sheet_remark: String,
    /// Whether the sheet counts (a current juror without a conflict).
    pub counted: bool,
    /// When a reopening changed this score: the score before and when the
    /// sheet was submitted again (UTC, as text).
    pub changed: Option<(Score, String)>,
}

/// One category of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportCategory {
    pub name: String,
    /// Every finalist, in the order of the results.
    pub finalists: Vec<String>,
    /// The jurors whose sheets count, in the order of the results.
    pub jurors: Vec<String>,
    /// The chair's order for ties no rule breaks (finalists, best first).
    pub chair_order: Vec<String>,
    /// Rows sheet by sheet, criteria in their order.
    pub rows: Vec<ExportRow>,
}

/// Everything the score export carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreExport {
    pub edition: String,
    pub tie_break: Vec<NamedRule>,
    pub categories: Vec<ExportCategory>,
}

/// The score export as CSV text.
pub fn write_scores_csv(export: &ScoreExport, variant: CsvVariant) -> String {
    let mut w = Writer::new(variant);
    let d = variant.dutch();
    w.record(&[Meta::Format.key(variant), export.edition.as_str()]);
    let mut rules = vec![Meta::TieBreak.key(variant).to_string()];
    rules.extend(export.tie_break.iter().map(|r| rule_token(r, variant)));
    w.record(&rules);
    for c in &export.categories {
        let mut line = vec![Meta::Category.key(variant).to_string(), c.name.clone()];
        line.extend(c.finalists.iter().cloned());
        w.record(&line);
        let mut line = vec![Meta::Jurors.key(variant).to_string(), c.name.clone()];
        line.extend(c.jurors.iter().cloned());
        w.record(&line);
        if !c.chair_order.is_empty() {
            let mut line = vec![Meta::ChairOrder.key(variant).to_string(), c.name.clone()];
            line.extend(c.chair_order.iter().cloned());
            w.record(&line);
        }
    }
    let header: Vec<&str> = Column::EXPORT.iter().map(|c| c.header(variant)).collect();
    w.record(&header);
    for c in &export.categories {
        let mut last_sheet: Option<(&str, &str)> = None;
        for r in &c.rows {
            let first_of_sheet = last_sheet != Some((r.finalist.as_str(), r.juror.as_str()));
            last_sheet = Some((r.finalist.as_str(), r.juror.as_str()));
            let counted = match (r.counted, d) {
                (true, false) => "yes",
                (true, true) => "ja",
                (false, false) => "no (conflict of interest or not on the jury)",
                (false, true) => "nee (belangenconflict of niet in de jury)",
            };
            let (weight, score) = (r.weight.to_string(), r.score.to_string());
            let (before, at) = r.changed.as_ref().map_or((String::new(), ""), |(b, at)| (b.to_string(), at.as_str()));
            w.record(&[
                c.name.as_str(),
                r.finalist.as_str(),
                r.juror.as_str(),
                if d { r.criterion.nl.as_str() } else { r.criterion.en.as_str() },
                weight.as_str(),
                score.as_str(),
                r.remark.as_str(),
                if first_of_sheet { r.sheet_remark.as_str() } else { "" },
                counted,
                before.as_str(),
                at,
            ]);
        }
    }
    w.out
}

/// The results export: per category every finalist in ranking order with
/// its scores (two decimals by [`super::display`]), the winner, whether a
/// tie-break placed it and whether the winner is robust.
pub fn write_results_csv(categories: &[CategoryResults], variant: CsvVariant) -> String {
    let mut w = Writer::new(variant);
    let d = variant.dutch();
    let header: &[&str] = if d {
        &["categorie", "plaats", "finalist", "gemeente", "score", "genormaliseerde score", "gemiddelde rang", "juryleden", "winnaar", "gelijke stand beslist", "winnaar robuust"]
    } else {
        &["category", "place", "finalist", "town", "score", "normalized_score", "mean_rank", "jurors", "winner", "tie_broken", "winner_robust"]
    };
    w.record(header);
    let yes = if d { "ja" } else { "yes" };
    let no = if d { "nee" } else { "no" };
    let num = |v: Option<f64>| super::display::two_decimals_opt(v, variant.decimal());
    for c in categories {
        let Some(r) = &c.results else { continue };
        for p in &r.ranking {
            let f = r.finalists.iter().find(|f| f.finalist == p.finalist);
            let broken = r.tie_breaks.iter().any(|t| t.finalists.contains(&p.finalist));
            let is_winner = r.winner.as_deref() == Some(p.finalist.as_str());
            let robust = match (&r.robustness, is_winner) {
                (Some(rob), true) => if rob.robust { yes } else { no },
                _ => "",
            };
            w.record(&[
                c.name.clone(),
                format!("{}{}", p.place, if p.tied { "=" } else { "" }),
                c.finalist_name(&p.finalist),
                c.finalists.iter().find(|n| n.key == p.finalist).map(|n| n.detail.clone()).unwrap_or_default(),
                num(Some(p.score)),
                num(f.and_then(|f| f.normalized_score)),
                num(f.and_then(|f| f.mean_rank)),
                f.map_or(0, |f| f.jurors).to_string(),
                if is_winner { yes } else { "" }.to_string(),
                if broken { yes } else { "" }.to_string(),
                robust.to_string(),
            ]);
        }
    }
    w.out
}

// ----- Reading -----------------------------------------------------------------

/// What is wrong with one line of a score file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CsvProblem {
    #[error("the file is empty; it must have a header naming the columns juror, finalist, criterion and score")]
    Empty,
    #[error("the header must name the columns juror, finalist, criterion and score (and may name category, weight, remark, sheet_remark, counted, in English or Dutch); found {found}")]
    BadHeader { found: String },
    #[error("there are no score rows after the header")]
    NoRows,
    #[error("the {field} field is missing or empty")]
    MissingField { field: Column },
    #[error("the row has {count} fields; the header has {expected}")]
    TooManyFields { count: usize, expected: usize },
    #[error("a quoted field is not closed, or text follows its closing quote")]
    BadQuotes,
    #[error("score {value:?} is not a number")]
    ScoreNotANumber { value: String },
    #[error("score {value} is not a whole number; scores are 1 to 10")]
    ScoreNotWhole { value: String },
    #[error("score {value} is outside 1 to 10")]
    ScoreOutOfRange { value: String },
    #[error("weight {value:?} is not a whole number from 0 to 100")]
    BadWeight { value: String },
    #[error("criterion {criterion} has weight {weight} here but {first_weight} on line {first_line}")]
    WeightMismatch { criterion: String, weight: u32, first_weight: u32, first_line: usize },
    #[error("counted must be yes or no (ja or nee); found {value:?}")]
    BadCounted { value: String },
    #[error("juror {juror} already scored finalist {finalist} on criterion {criterion} on line {first_line}")]
    Duplicate { juror: String, finalist: String, criterion: String, first_line: usize },
    #[error("juror {juror} scored finalist {finalist} but not on criterion {criterion}")]
    MissingCriterion { juror: String, finalist: String, criterion: String },
    #[error("unknown tie-break rule {token:?}; use criterion:NAME, median-juror-score, first-places or chair-decision")]
    UnknownRule { token: String },
    #[error("{finalist} is not a finalist of category {category} (see its #category line)")]
    UnknownFinalist { category: String, finalist: String },
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

/// One record of the file: its first line number and its fields (trimmed,
/// unquoted, neutralisation taken off).
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// Take off the apostrophe [`field`] put before a formula character.
fn unneutralise(text: String) -> String {
    let mut chars = text.chars();
    if chars.next() == Some('\'') && chars.next().is_some_and(|c| ['=', '+', '-', '@', '\t', '\r'].contains(&c)) {
        text[1..].to_string()
    } else {
        text
    }
}

/// Split the text into records; a quoted field may hold the separator, a
/// doubled quote and line breaks. Blank records are skipped.
fn records(text: &str, sep: char) -> Result<Vec<Record>, CsvRowError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    loop {
        let start = line;
        let mut fields: Vec<String> = Vec::new();
        let mut done_file = false;
        loop {
            // One field.
            while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                chars.next();
            }
            let mut value = String::new();
            let mut end_record = false;
            if chars.peek() == Some(&'"') {
                chars.next();
                loop {
                    match chars.next() {
                        None => return Err(CsvRowError::new(start, CsvProblem::BadQuotes)),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            value.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            if c == '\n' {
                                line += 1;
                            }
                            value.push(c);
                        }
                    }
                }
                while chars.peek().is_some_and(|c| *c == ' ' || *c == '\t') {
                    chars.next();
                }
                match chars.next() {
                    None => done_file = true,
                    Some(c) if c == sep => {}
                    Some('\r') if chars.peek() == Some(&'\n') => {
                        chars.next();
                        line += 1;
                        end_record = true;
                    }
                    Some('\n') => {
                        line += 1;
                        end_record = true;
                    }
                    Some(_) => return Err(CsvRowError::new(start, CsvProblem::BadQuotes)),
                }
            } else {
                loop {
                    match chars.next() {
                        None => {
                            done_file = true;
                            break;
                        }
                        Some(c) if c == sep => break,
                        Some('\n') => {
                            line += 1;
                            end_record = true;
                            break;
                        }
                        Some(c) => value.push(c),
                    }
                }
            }
            fields.push(unneutralise(value.trim().to_string()));
            if end_record || done_file {
                break;
            }
        }
        if !fields.iter().all(String::is_empty) {
            out.push(Record { line: start, fields });
        }
        if done_file || chars.peek().is_none() {
            return Ok(out);
        }
    }
}

/// The separator of a file: a semicolon if the first non-blank line has
/// one, else a comma.
fn separator_of(text: &str) -> char {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.contains(';') {
        ';'
    } else {
        ','
    }
}

fn parse_score(raw: &str) -> Result<Score, CsvProblem> {
    match raw.parse::<i64>() {
        Ok(n) => u8::try_from(n)
            .ok()
            .and_then(|n| Score::new(n).ok())
            .ok_or(CsvProblem::ScoreOutOfRange { value: raw.to_string() }),
        Err(_) => match raw.replace(',', ".").parse::<f64>() {
            Ok(x) if x.is_finite() => Err(CsvProblem::ScoreNotWhole { value: raw.to_string() }),
            _ => Err(CsvProblem::ScoreNotANumber { value: raw.to_string() }),
        },
    }
}

fn parse_counted(raw: &str) -> Result<bool, CsvProblem> {
    let v = raw.trim().to_lowercase();
    if v.is_empty() || v.starts_with("yes") || v.starts_with("ja") {
        Ok(true)
    } else if v.starts_with("no") || v.starts_with("nee") {
        Ok(false)
    } else {
        Err(CsvProblem::BadCounted { value: raw.to_string() })
    }
}

/// One category read from a file: its name, the input and how many sheets
/// count.
#[derive(Debug, Clone, PartialEq)]
pub struct FileCategory {
    pub name: String,
    pub input: JuryInput,
}

/// What the file says about one category before the rows are read.
#[derive(Default)]
struct CategoryMeta {
    finalists: Option<Vec<String>>,
    jurors: Vec<String>,
    chair_order: Vec<String>,
}

#[derive(Default)]
struct CategoryRows {
    finalists: Vec<String>,
    jurors: Vec<String>,
    sheets: Vec<(usize, ScoreSheet)>,
    index: HashMap<(String, String), usize>,
}

fn push_new(list: &mut Vec<String>, key: &str) {
    if !list.iter().any(|k| k == key) {
        list.push(key.to_string());
    }
}

/// Read a score file: the app's export (either variant) or a bare file with
/// the columns juror, finalist, criterion and score. Every bad row is
/// reported with its line. Rows of sheets that do not count are left out,
/// as the app leaves them out. Criterion weights come from the weight
/// column (relative to their total), or are equal without it; tie-break
/// rules from the `#tie-break` record, or median juror score, first places,
/// chair without it.
pub fn read_scores_csv(text: &str) -> Result<Vec<FileCategory>, Vec<CsvRowError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sep = separator_of(text);
    let all = records(text, sep).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut rules: Option<Vec<TieBreakRule>> = None;
    let mut meta: BTreeMap<String, CategoryMeta> = BTreeMap::new();
    let mut category_order: Vec<String> = Vec::new();
    let mut header: Option<(usize, Vec<Option<Column>>)> = None;
    let mut data: Vec<&Record> = Vec::new();
    for r in &all {
        let first = r.fields.first().map(String::as_str).unwrap_or("");
        if first.starts_with('#') {
            let rest: Vec<String> = r.fields[1..].iter().filter(|f| !f.is_empty()).cloned().collect();
            match Meta::from_key(first) {
                Some(Meta::TieBreak) => {
                    let mut parsed = Vec::new();
                    for token in &rest {
                        match parse_rule(token) {
                            Some(rule) => parsed.push(rule),
                            None => errors.push(CsvRowError::new(r.line, CsvProblem::UnknownRule { token: token.clone() })),
                        }
                    }
                    rules = Some(parsed);
                }
                Some(kind @ (Meta::Category | Meta::Jurors | Meta::ChairOrder)) => {
                    let Some((name, names)) = rest.split_first() else { continue };
                    push_new(&mut category_order, name);
                    let entry = meta.entry(name.clone()).or_default();
                    match kind {
                        Meta::Category => entry.finalists = Some(names.to_vec()),
                        Meta::Jurors => entry.jurors = names.to_vec(),
                        _ => entry.chair_order = names.to_vec(),
                    }
                }
                // The format record and comments.
                Some(Meta::Format) | None => {}
            }
            continue;
        }
        if header.is_none() {
            let columns: Vec<Option<Column>> = r.fields.iter().map(|f| Column::from_header(f)).collect();
            let known = columns.iter().all(Option::is_some);
            let complete = Column::REQUIRED.iter().all(|c| columns.contains(&Some(*c)));
            let unique = columns.iter().enumerate().all(|(i, c)| !columns[..i].contains(c));
            if !(known && complete && unique) {
                return Err(vec![CsvRowError::new(
                    r.line,
                    CsvProblem::BadHeader { found: r.fields.join(&sep.to_string()) },
                )]);
            }
            header = Some((r.line, columns));
            continue;
        }
        data.push(r);
    }
    let Some((header_line, columns)) = header else {
        return Err(vec![CsvRowError::new(1, CsvProblem::Empty)]);
    };
    if data.is_empty() {
        return Err(vec![CsvRowError::new(header_line, CsvProblem::NoRows)]);
    }
    let position = |c: Column| columns.iter().position(|x| *x == Some(c));

    let mut criteria: Vec<(String, u32, usize)> = Vec::new();
    let mut rows: BTreeMap<String, CategoryRows> = BTreeMap::new();
    let mut first_seen: HashMap<(String, String, String, String), usize> = HashMap::new();
    for r in data {
        if r.fields.len() > columns.len() {
            errors.push(CsvRowError::new(r.line, CsvProblem::TooManyFields { count: r.fields.len(), expected: columns.len() }));
            continue;
        }
        let get = |c: Column| position(c).and_then(|i| r.fields.get(i)).cloned().unwrap_or_default();
        if let Some(missing) = Column::REQUIRED.into_iter().find(|c| get(*c).is_empty()) {
            errors.push(CsvRowError::new(r.line, CsvProblem::MissingField { field: missing }));
            continue;
        }
        let score = match parse_score(&get(Column::Score)) {
            Ok(s) => s,
            Err(p) => {
                errors.push(CsvRowError::new(r.line, p));
                continue;
            }
        };
        match parse_counted(&get(Column::Counted)) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(p) => {
                errors.push(CsvRowError::new(r.line, p));
                continue;
            }
        }
        let (category, finalist, juror, criterion) =
            (get(Column::Category), get(Column::Finalist), get(Column::Juror), get(Column::Criterion));
        let weight = if position(Column::Weight).is_some() {
            match get(Column::Weight).parse::<u32>() {
                Ok(w) if w <= 100 => w,
                _ => {
                    errors.push(CsvRowError::new(r.line, CsvProblem::BadWeight { value: get(Column::Weight) }));
                    continue;
                }
            }
        } else {
            1
        };
        match criteria.iter().find(|(name, _, _)| *name == criterion) {
            Some((_, w, first_line)) if *w != weight => {
                errors.push(CsvRowError::new(
                    r.line,
                    CsvProblem::WeightMismatch { criterion: criterion.clone(), weight, first_weight: *w, first_line: *first_line },
                ));
                continue;
            }
            Some(_) => {}
            None => criteria.push((criterion.clone(), weight, r.line)),
        }
        let key = (category.clone(), juror.clone(), finalist.clone(), criterion.clone());
        if let Some(&first_line) = first_seen.get(&key) {
            errors.push(CsvRowError::new(r.line, CsvProblem::Duplicate { juror, finalist, criterion, first_line }));
            continue;
        }
        first_seen.insert(key, r.line);
        if let Some(list) = meta.get(&category).and_then(|m| m.finalists.as_ref()) {
            if !list.contains(&finalist) {
                errors.push(CsvRowError::new(r.line, CsvProblem::UnknownFinalist { category, finalist }));
                continue;
            }
        }
        push_new(&mut category_order, &category);
        let c = rows.entry(category).or_default();
        push_new(&mut c.finalists, &finalist);
        push_new(&mut c.jurors, &juror);
        let k = match c.index.get(&(juror.clone(), finalist.clone())) {
            Some(&k) => k,
            None => {
                c.sheets.push((r.line, ScoreSheet { juror: juror.clone(), finalist: finalist.clone(), scores: BTreeMap::new() }));
                c.index.insert((juror, finalist), c.sheets.len() - 1);
                c.sheets.len() - 1
            }
        };
        c.sheets[k].1.scores.insert(criterion, score);
    }
    // Every sheet scores every criterion.
    for c in rows.values() {
        for (line, sheet) in &c.sheets {
            for (name, _, _) in criteria.iter().filter(|(name, _, _)| !sheet.scores.contains_key(name)) {
                errors.push(CsvRowError::new(
                    *line,
                    CsvProblem::MissingCriterion {
                        juror: sheet.juror.clone(),
                        finalist: sheet.finalist.clone(),
                        criterion: name.clone(),
                    },
                ));
            }
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(errors);
    }
    let rules = rules.unwrap_or_else(csv_tie_break_rules);
    let mut out = Vec::new();
    for name in category_order {
        let m = meta.remove(&name).unwrap_or_default();
        let mut r = rows.remove(&name).unwrap_or_default();
        let mut finalists = m.finalists.unwrap_or_default();
        for f in std::mem::take(&mut r.finalists) {
            push_new(&mut finalists, &f);
        }
        let mut jurors: Vec<String> = m.jurors.into_iter().filter(|j| r.jurors.contains(j)).collect();
        for j in std::mem::take(&mut r.jurors) {
            push_new(&mut jurors, &j);
        }
        let chair_order = (rules.last() == Some(&TieBreakRule::ChairDecision) && !m.chair_order.is_empty())
            .then_some(m.chair_order);
        let input = JuryInput {
            criteria: criteria.iter().map(|(k, w, _)| Criterion::new(k.clone(), *w)).collect(),
            finalists,
            jurors,
            sheets: r.sheets.into_iter().map(|(_, s)| s).collect(),
            tie_break: rules.clone(),
            chair_order,
        };
        out.push(FileCategory { name, input });
    }
    Ok(out)
}

/// The tie-break rules of a file without a `#tie-break` record: the median
/// juror score, then first places, then the chair.
pub fn csv_tie_break_rules() -> Vec<TieBreakRule> {
    vec![TieBreakRule::HigherMedianJurorScore, TieBreakRule::MoreFirstPlaces, TieBreakRule::ChairDecision]
}

/// The report of one category computed from a file (names are the keys).
pub fn file_report(c: &FileCategory, results: &JuryResults) -> CategoryReport {
    let same = |k: &str| k.to_string();
    let criterion = |k: &str| Some(LocalizedText::new(k, k));
    let names = Names { finalist: &same, juror: &same, criterion: &criterion };
    category_report(&c.name, c.input.sheets.len(), results, &names)
}

/// Read a score file and compute every category with the same code as the
/// app: `{"categories": [CategoryReport, ...]}`.
pub fn jury_stats_from_csv(text: &str) -> Result<Value, Vec<CsvRowError>> {
    let categories = read_scores_csv(text)?;
    let mut reports = Vec::new();
    for c in &categories {
        c.input.validate_with(WeightCheck::AnyPositiveTotal).map_err(|e: JuryError| {
            let what = if c.name.is_empty() { String::new() } else { format!("{}: ", c.name) };
            vec![CsvRowError::new(0, CsvProblem::Jury(format!("{what}{e}")))]
        })?;
        let results = compute_validated(&c.input);
        reports.push(file_report(c, &results));
    }
    Ok(json!({ "categories": reports }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(usize, CsvProblem)> {
        match read_scores_csv(text) {
            Ok(c) => panic!("expected errors, read {} categories", c.len()),
            Err(errors) => errors.into_iter().map(|e| (e.line, e.problem)).collect(),
        }
    }

    #[test]
    fn csv_fields_never_start_a_formula() {
        let p = CsvVariant::Plain;
        assert_eq!(field("=1+1", p), "'=1+1");
        assert_eq!(field("-2+3+cmd|' /C calc'!A0", p), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(field("+31 9", p), "'+31 9");
        assert_eq!(field("@SUM(A1)", p), "'@SUM(A1)");
        assert_eq!(field("-1.250", p), "-1.250");
        assert_eq!(field("Goed, \"sterk\" plan", p), "\"Goed, \"\"sterk\"\" plan\"");
        assert_eq!(field("Gewoon", p), "Gewoon");
        let f = CsvVariant::Flemish;
        assert_eq!(field("-1,25", f), "-1,25");
        assert_eq!(field("-1,25x", f), "'-1,25x");
        assert_eq!(field("a;b", f), "\"a;b\"");
        assert_eq!(field("a,b", f), "a,b");
    }

    #[test]
    fn a_bare_file_still_reads() {
        let text = "\u{feff}Juror, Finalist ,criterion,SCORE\r\n\
                    ann,school-a,impact,8\r\n\
                    \r\n\
                    \"ann\", \"school, b\" ,impact, 6 \n\
                    \"bo \"\"the judge\"\"\",school-a,impact,10\n   \n";
        let cats = read_scores_csv(text).expect("valid file");
        assert_eq!(cats.len(), 1);
        let input = &cats[0].input;
        assert_eq!(input.finalists, ["school-a", "school, b"]);
        assert_eq!(input.jurors, ["ann", "bo \"the judge\""]);
        assert_eq!(input.criteria, vec![Criterion::new("impact", 1)]);
        assert_eq!(input.tie_break, csv_tie_break_rules());
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
                    ,h,impact,5\n";
        assert_eq!(
            problems(text),
            vec![
                (3, CsvProblem::MissingField { field: Column::Criterion }),
                (4, CsvProblem::MissingField { field: Column::Score }),
                (5, CsvProblem::ScoreNotANumber { value: "high".into() }),
                (6, CsvProblem::ScoreOutOfRange { value: "11".into() }),
                (7, CsvProblem::ScoreOutOfRange { value: "0".into() }),
                (9, CsvProblem::Duplicate { juror: "ann".into(), finalist: "a".into(), criterion: "impact".into(), first_line: 2 }),
                (10, CsvProblem::ScoreNotWhole { value: "7.5".into() }),
                (11, CsvProblem::TooManyFields { count: 5, expected: 4 }),
                (12, CsvProblem::MissingField { field: Column::Juror }),
            ]
        );
        assert_eq!(problems("juror,finalist,criterion,score\nann,\"i,impact,5\n"), vec![(2, CsvProblem::BadQuotes)]);
        let message = CsvRowError::new(6, CsvProblem::ScoreOutOfRange { value: "11".into() }).to_string();
        assert_eq!(message, "line 6: score 11 is outside 1 to 10");
    }

    #[test]
    fn header_and_empty_files_are_rejected() {
        assert_eq!(problems(""), vec![(1, CsvProblem::Empty)]);
        assert_eq!(problems("\n\n  \n"), vec![(1, CsvProblem::Empty)]);
        assert_eq!(
            problems("\njuror,finalist,score\nann,a,8\n"),
            vec![(2, CsvProblem::BadHeader { found: "juror,finalist,score".into() })]
        );
        assert_eq!(problems("juror,finalist,criterion,score\n\n"), vec![(1, CsvProblem::NoRows)]);
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
                CsvProblem::MissingCriterion { juror: "bo".into(), finalist: "a".into(), criterion: "feasibility".into() }
            )]
        );
    }

    fn export() -> ScoreExport {
        let crit = |nl: &str, en: &str| LocalizedText::new(nl, en);
        let row = |f: &str, j: &str, c: &LocalizedText, w: u32, s: u8, remark: &str, counted: bool| ExportRow {
            finalist: f.into(),
            juror: j.into(),
            criterion: c.clone(),
            weight: w,
            score: Score::new(s).unwrap(),
            remark: remark.into(),
            sheet_remark: "Sterk; goed onderbouwd".into(),
            counted,
            changed: None,
        };
        let (impact, plan) = (crit("Impact", "Impact"), crit("Haalbaarheid", "Feasibility"));
        let rows = vec![
            row("School A", "An", &impact, 60, 8, "=HYPERLINK(\"x\")", true),
            row("School A", "An", &plan, 40, 6, "regel 1\nregel 2", true),
            row("School B", "An", &impact, 60, 6, "", true),
            row("School B", "An", &plan, 40, 7, "", true),
            row("School A", "Bo", &impact, 60, 7, "", true),
            row("School A", "Bo", &plan, 40, 7, "", true),
            row("School B", "Bo", &impact, 60, 9, "", true),
            row("School B", "Bo", &plan, 40, 9, "", true),
            row("School B", "Cas", &impact, 60, 1, "", false),
            row("School B", "Cas", &plan, 40, 1, "", false),
        ];
        ScoreExport {
            edition: "STEMpact 2026".into(),
            tie_break: vec![
                NamedRule { rule: TieBreakRule::HigherCriterion("1".into()), criterion: Some(impact.clone()) },
                NamedRule { rule: TieBreakRule::ChairDecision, criterion: None },
            ],
            categories: vec![ExportCategory {
                name: "Award West".into(),
                finalists: vec!["School A".into(), "School B".into(), "School C".into()],
                jurors: vec!["Bo".into(), "An".into()],
                chair_order: vec!["School B".into(), "School A".into()],
                rows,
            }],
        }
    }

    #[test]
    fn the_export_reads_back_in_both_variants() {
        for variant in [CsvVariant::Plain, CsvVariant::Flemish] {
            let text = write_scores_csv(&export(), variant);
            assert_eq!(text.starts_with('\u{feff}'), variant == CsvVariant::Flemish);
            // The sheet remark only on a sheet's first row.
            assert_eq!(text.matches("Sterk; goed onderbouwd").count(), 5, "{text}");
            // The formula is neutralised.
            assert!(text.contains("'=HYPERLINK"), "{text}");
            let cats = read_scores_csv(&text).expect("reads back");
            assert_eq!(cats.len(), 1);
            let c = &cats[0];
            assert_eq!(c.name, "Award West");
            assert_eq!(c.input.finalists, ["School A", "School B", "School C"]);
            assert_eq!(c.input.jurors, ["Bo", "An"], "the app's order, and Cas does not count");
            assert_eq!(c.input.sheets.len(), 4);
            // The criterion rule names the criterion as the rows do ("Impact" in both languages).
            assert_eq!(c.input.tie_break, vec![TieBreakRule::HigherCriterion("Impact".into()), TieBreakRule::ChairDecision]);
            assert_eq!(c.input.chair_order, Some(vec!["School B".to_string(), "School A".to_string()]));
            let plan = if variant == CsvVariant::Plain { "Feasibility" } else { "Haalbaarheid" };
            assert_eq!(c.input.criteria, vec![Criterion::new("Impact", 60), Criterion::new(plan, 40)]);
        }
        let flemish = write_scores_csv(&export(), CsvVariant::Flemish);
        assert!(flemish.contains("categorie;finalist;jurylid;criterium;gewicht;score;opmerking;algemene opmerking;telt mee"));
        assert!(flemish.contains("#regel-gelijke-stand;criterium:Impact;beslissing-voorzitter"), "{flemish}");
        let plain = write_scores_csv(&export(), CsvVariant::Plain);
        assert!(plain.contains("category,finalist,juror,criterion,weight,score,remark,sheet_remark,counted,score_before_reopening,changed_at"));
    }

    #[test]
    fn the_stats_of_an_export_name_every_category() {
        let v = jury_stats_from_csv(&write_scores_csv(&export(), CsvVariant::Flemish)).expect("valid");
        let c = &v["categories"][0];
        assert_eq!(c["category"], "Award West");
        assert_eq!(c["unscored"], json!(["School C"]));
        assert_eq!(c["winner"], Value::Null);
        // An: A 7.2, B 6.4; Bo: A 7.0, B 9.0 → A 7.10, B 7.70.
        assert_eq!(c["ranking"][0]["finalist"], "School B");
        assert_eq!(c["ranking"][0]["score"], "7.70");
        assert_eq!(c["ranking"][1]["score"], "7.10");
    }

    #[test]
    fn stats_json_has_the_published_values() {
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
        let c = &v["categories"][0];
        assert_eq!(c["jurors"].as_array().map(Vec::len), Some(4));
        assert_eq!(c["agreement"][0]["value"], "0.29");
        assert_eq!(c["agreement"][0]["reading"], "poor");
        assert_eq!(c["agreement"][1]["value"], "0.62");
        assert_eq!(c["agreement"][1]["reading"], "moderate");
        // Target 5 (10, 5, 6, 9) has the highest mean, 7.5.
        assert_eq!(c["ranking"][0]["finalist"], "target5");
        assert_eq!(c["ranking"][0]["score"], "7.50");
        assert_eq!(c["winner"], "target5");
        assert_eq!(c["ranking"].as_array().map(Vec::len), Some(6));
    }

    #[test]
    fn stats_json_says_why_a_statistic_is_missing() {
        let text = "juror,finalist,criterion,score\nann,a,impact,8\nann,b,impact,6\n";
        let v = jury_stats_from_csv(text).expect("valid file");
        let c = &v["categories"][0];
        assert_eq!(c["agreement"][0]["value"], Value::Null);
        assert_eq!(c["agreement"][0]["not_computable"], "fewer than 2 jurors scored the same finalists");
        assert_eq!(c["winner"], "a");
    }

    #[test]
    fn inconsistent_weights_and_unknown_rules_are_reported() {
        let text = "#tie-break,coin-toss\ncategory,finalist,juror,criterion,weight,score\n\
                    West,A,An,Impact,60,8\nWest,A,An,Plan,40,8\nWest,B,An,Impact,50,8\n";
        assert_eq!(
            problems(text),
            vec![
                (1, CsvProblem::UnknownRule { token: "coin-toss".into() }),
                (5, CsvProblem::WeightMismatch { criterion: "Impact".into(), weight: 50, first_weight: 60, first_line: 3 }),
            ]
        );
    }
}

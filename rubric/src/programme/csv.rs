//! Importing schools and companies from a CSV file, as a spreadsheet saves
//! it: comma, semicolon (Excel in Belgium) or tab separated, optional
//! quotes, an optional byte-order mark, a header row naming the columns in
//! Dutch or English. Every row is checked with the same rules as the forms
//! and comes back with its own errors, so the coordinator sees a preview
//! before anything is saved.

use super::organisation::{validate_company, validate_school, CompanyInput, SchoolInput};
use super::{parse_tracks, Field, FieldError, ProgrammeError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Most rows one file may hold.
pub const MAX_IMPORT_ROWS: usize = 1000;

/// Why a whole file cannot be read. JSON externally tagged (`"empty"`,
/// `{"missing-column": {"column": .., "example": ..}}`), which decodes with
/// a far smaller deserializer in the web apps than an internally tagged one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CsvFileError {
    #[error("the file is empty")]
    Empty,
    #[error("the file has a header row but no rows below it")]
    NoRows,
    #[error("a quoted value that starts on line {line} is never closed")]
    UnclosedQuote { line: usize },
    #[error("the header row has no '{column}' column; the first row must name the columns, e.g. {example}")]
    MissingColumn { column: String, example: String },
    #[error("the column '{header}' appears twice in the header row")]
    DuplicateColumn { header: String },
    #[error("the file has {rows} rows; import at most {max} at a time")]
    TooManyRows { rows: usize, max: usize },
}

/// One row of an import: the line it starts on, what it says, and what is
/// wrong with it (nothing when it can be saved).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow<T> {
    pub line: usize,
    pub input: T,
    pub errors: Vec<FieldError>,
}

impl<T> ImportRow<T> {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

/// What the import endpoints answer: the rows with their errors (or why
/// the whole file cannot be read) and, after saving, how many were saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome<T> {
    pub file_error: Option<CsvFileError>,
    pub rows: Vec<ImportRow<T>>,
    /// Rows saved; 0 for a preview.
    pub saved: usize,
}

impl<T> ImportOutcome<T> {
    /// The outcome of parsing, before anything is saved.
    pub fn preview(parsed: Result<Vec<ImportRow<T>>, CsvFileError>) -> ImportOutcome<T> {
        match parsed {
            Ok(rows) => ImportOutcome { file_error: None, rows, saved: 0 },
            Err(e) => ImportOutcome { file_error: Some(e), rows: vec![], saved: 0 },
        }
    }

    /// Rows that can be saved.
    pub fn valid(&self) -> usize {
        self.rows.iter().filter(|r| r.is_valid()).count()
    }
}

/// Split CSV text into records of fields, each with the line it starts on.
/// Blank lines are skipped; quoted fields may hold separators, doubled
/// quotes and line breaks.
pub(crate) fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, CsvFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    let separator = [';', '\t', ',']
        .into_iter()
        .max_by_key(|s| first_line.matches(*s).count())
        .filter(|s| first_line.contains(*s))
        .unwrap_or(',');
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut in_quotes = false;
    let mut quote_line = 0;
    let mut chars = text.chars().peekable();
    let mut finish = |fields: &mut Vec<String>, field: &mut String, start_line: usize| {
        fields.push(std::mem::take(field));
        let record = std::mem::take(fields);
        if !(record.len() == 1 && record[0].trim().is_empty()) {
            out.push((start_line, record));
        }
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                in_quotes = true;
                quote_line = line;
            }
            c if c == separator => fields.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                finish(&mut fields, &mut field, start_line);
                line += 1;
                start_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(CsvFileError::UnclosedQuote { line: quote_line });
    }
    finish(&mut fields, &mut field, start_line);
    Ok(out)
}

/// A column the import understands: its field and the header names that
/// mean it (compared lowercased, without spaces, dashes or underscores).
struct Column {
    field: Field,
    names: &'static [&'static str],
    required: bool,
}

const SCHOOL_COLUMNS: &[Column] = &[
    Column { field: Field::Name, names: &["name", "naam", "school", "schoolnaam"], required: true },
    Column { field: Field::Town, names: &["town", "gemeente", "plaats", "stad", "city"], required: false },
    Column { field: Field::Region, names: &["region", "regio", "provincie", "province"], required: false },
    Column {
        field: Field::Tracks,
        names: &["tracks", "track", "finaliteit", "finaliteiten", "onderwijsvorm", "onderwijsvormen"],
        required: true,
    },
    Column { field: Field::ContactName, names: &["contact", "contactpersoon", "contactname", "contactnaam"], required: false },
    Column { field: Field::ContactEmail, names: &["email", "mail", "contactemail", "emailadres"], required: false },
];

const COMPANY_COLUMNS: &[Column] = &[
    Column { field: Field::Name, names: &["name", "naam", "company", "bedrijf", "bedrijfsnaam"], required: true },
    Column { field: Field::Town, names: &["town", "gemeente", "plaats", "stad", "city"], required: false },
    Column { field: Field::Sector, names: &["sector", "branche", "industry"], required: false },
    Column { field: Field::ContactName, names: &["contact", "contactpersoon", "contactname", "contactnaam"], required: false },
    Column { field: Field::ContactEmail, names: &["email", "mail", "contactemail", "emailadres"], required: false },
];

pub(crate) fn normalize_header(h: &str) -> String {
    crate::people::fold_case(h.trim()).chars().filter(|c| !matches!(c, ' ' | '-' | '_' | '.')).collect()
}

/// Which field each header cell names (`None`: a column we ignore).
fn header_fields(header: &[String], columns: &[Column], example: &str) -> Result<Vec<Option<Field>>, CsvFileError> {
    let mut seen: HashMap<Field, String> = HashMap::new();
    let mut out = Vec::with_capacity(header.len());
    for cell in header {
        let key = normalize_header(cell);
        let field = columns.iter().find(|c| c.names.contains(&key.as_str())).map(|c| c.field);
        if let Some(f) = field {
            if seen.insert(f, cell.clone()).is_some() {
                return Err(CsvFileError::DuplicateColumn { header: cell.trim().to_string() });
            }
        }
        out.push(field);
    }
    if let Some(missing) = columns.iter().find(|c| c.required && !seen.contains_key(&c.field)) {
        return Err(CsvFileError::MissingColumn { column: missing.names[0].to_string(), example: example.to_string() });
    }
    Ok(out)
}

/// The name by which duplicates are recognised: lowercase, single spaces.
pub fn name_key(name: &str) -> String {
    crate::people::fold_case(&name.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A row's line, its values by field and the errors found so far.
type RawRow = (usize, HashMap<Field, String>, Vec<FieldError>);

/// Read the file's rows into values per field; rows with a wrong number of
/// values get an error but are still shown.
fn rows_by_field(text: &str, columns: &[Column], example: &str) -> Result<Vec<RawRow>, CsvFileError> {
    let mut records = records(text)?.into_iter();
    let (_, header) = records.next().ok_or(CsvFileError::Empty)?;
    let fields = header_fields(&header, columns, example)?;
    let rows: Vec<(usize, Vec<String>)> = records.collect();
    if rows.is_empty() {
        return Err(CsvFileError::NoRows);
    }
    if rows.len() > MAX_IMPORT_ROWS {
        return Err(CsvFileError::TooManyRows { rows: rows.len(), max: MAX_IMPORT_ROWS });
    }
    Ok(rows
        .into_iter()
        .map(|(line, mut values)| {
            let mut errors = Vec::new();
            // Trailing empty cells (a spreadsheet's habit) are not an error.
            while values.len() > fields.len() && values.last().is_some_and(|v| v.trim().is_empty()) {
                values.pop();
            }
            if values.len() != fields.len() {
                errors.push(FieldError::new(
                    Field::Row,
                    ProgrammeError::WrongFieldCount { found: values.len(), expected: fields.len() },
                ));
            }
            let map = fields
                .iter()
                .zip(values)
                .filter_map(|(f, v)| f.map(|f| (f, v)))
                .collect::<HashMap<Field, String>>();
            (line, map, errors)
        })
        .collect())
}

/// Flag rows whose name appeared on an earlier row of the same file.
fn flag_duplicates<T>(rows: &mut [ImportRow<T>], name: impl Fn(&T) -> &str) {
    let mut first: HashMap<String, usize> = HashMap::new();
    for row in rows.iter_mut() {
        let key = name_key(name(&row.input));
        if key.is_empty() {
            continue;
        }
        match first.get(&key) {
            Some(&first_line) => row.errors.push(FieldError::new(
                Field::Name,
                ProgrammeError::DuplicateInFile { value: name(&row.input).trim().to_string(), first_line },
            )),
            None => {
                first.insert(key, row.line);
            }
        }
    }
}

/// Parse a CSV file of schools. Columns (Dutch or English header names, any
/// order): name, town, region, tracks (several separated by `/` or `+`),
/// contact, email. Each row is validated like the school form.
pub fn parse_schools_csv(text: &str) -> Result<Vec<ImportRow<SchoolInput>>, CsvFileError> {
    let example = "naam;gemeente;regio;finaliteit;contactpersoon;email";
    let mut rows: Vec<ImportRow<SchoolInput>> = rows_by_field(text, SCHOOL_COLUMNS, example)?
        .into_iter()
        .map(|(line, mut v, mut errors)| {
            let mut take = |f: Field| v.remove(&f).unwrap_or_default();
            let tracks_text = take(Field::Tracks);
            let tracks = match parse_tracks(&tracks_text) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(FieldError::new(Field::Tracks, e));
                    Vec::new()
                }
            };
            let input = SchoolInput {
                name: take(Field::Name),
                town: take(Field::Town),
                region: take(Field::Region),
                tracks,
                contact_name: take(Field::ContactName),
                contact_email: take(Field::ContactEmail),
            };
            let track_error = errors.iter().any(|e| e.field == Field::Tracks);
            if let Err(found) = validate_school(&input) {
                errors.extend(found.into_iter().filter(|e| !(track_error && e.field == Field::Tracks)));
            }
            ImportRow { line, input, errors }
        })
        .collect();
    flag_duplicates(&mut rows, |s| s.name.as_str());
    Ok(rows)
}

/// Parse a CSV file of companies. Columns: name, town, sector, contact, email.
pub fn parse_companies_csv(text: &str) -> Result<Vec<ImportRow<CompanyInput>>, CsvFileError> {
    let example = "naam;gemeente;sector;contactpersoon;email";
    let mut rows: Vec<ImportRow<CompanyInput>> = rows_by_field(text, COMPANY_COLUMNS, example)?
        .into_iter()
        .map(|(line, mut v, mut errors)| {
            let mut take = |f: Field| v.remove(&f).unwrap_or_default();
            let input = CompanyInput {
                name: take(Field::Name),
                town: take(Field::Town),
                sector: take(Field::Sector),
                contact_name: take(Field::ContactName),
                contact_email: take(Field::ContactEmail),
            };
            if let Err(found) = validate_company(&input) {
                errors.extend(found);
            }
            ImportRow { line, input, errors }
        })
        .collect();
    flag_duplicates(&mut rows, |c| c.name.as_str());
    Ok(rows)
}

/// Flag rows whose name already exists in the edition (`existing`: the
/// names there now, archived ones included).
pub fn mark_existing<T>(rows: &mut [ImportRow<T>], existing: &[String], name: impl Fn(&T) -> &str) {
    let known: std::collections::HashSet<String> = existing.iter().map(|n| name_key(n)).collect();
    for row in rows.iter_mut() {
        let n = name(&row.input);
        if known.contains(&name_key(n)) {
            row.errors.push(FieldError::new(Field::Name, ProgrammeError::AlreadyExists { value: n.trim().to_string() }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programme::Track;

    #[test]
    fn semicolon_files_with_quotes_and_a_bom_are_read() {
        let text = "\u{feff}Naam;Gemeente;Provincie;Finaliteit;Contactpersoon;E-mail\r\n\
                    Campus De Horizon;Lokeren;Oost-Vlaanderen;doorstroom/dubbel;Ilse Claes;ilse@horizon.example\r\n\
                    \"Atheneum \"\"Scheldeland\"\"; campus 2\";Temse;east flanders;arbeidsmarkt;;\r\n\r\n";
        let rows = parse_schools_csv(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows.iter().all(ImportRow::is_valid), "{rows:?}");
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].input.tracks, vec![Track::TransitionOriented, Track::Dual]);
        assert_eq!(rows[1].input.name, "Atheneum \"Scheldeland\"; campus 2");
        assert_eq!(rows[1].input.region, "east flanders");
        assert_eq!(rows[1].input.tracks, vec![Track::LabourMarketOriented]);
    }

    #[test]
    fn each_bad_row_gets_its_own_errors() {
        let text = "name,town,region,tracks,email\n\
                    Good School,Genk,Limburg,dual,\n\
                    ,Hasselt,Limburg,dual,\n\
                    Bad Track,Mol,Antwerpen,aso,\n\
                    Short Row,Mol\n\
                    good school,Genk,Limburg,dual,x@\n";
        let rows = parse_schools_csv(text).unwrap();
        assert_eq!(rows.len(), 5);
        assert!(rows[0].is_valid());
        assert_eq!(rows[1].errors[0].error, ProgrammeError::Required { field: Field::Name });
        assert_eq!(rows[2].errors.len(), 1, "only the unknown track, not also 'no track': {:?}", rows[2].errors);
        assert_eq!(rows[2].errors[0].error, ProgrammeError::UnknownTrack { value: "aso".into() });
        assert_eq!(rows[3].errors[0].error, ProgrammeError::WrongFieldCount { found: 2, expected: 5 });
        let dup: Vec<&ProgrammeError> = rows[4].errors.iter().map(|e| &e.error).collect();
        assert!(dup.contains(&&ProgrammeError::DuplicateInFile { value: "good school".into(), first_line: 2 }), "{dup:?}");
        assert!(dup.iter().any(|e| matches!(e, ProgrammeError::NotAnEmail { .. })));
        assert_eq!(rows[4].line, 6);
    }

    #[test]
    fn whole_file_problems_are_named() {
        assert_eq!(parse_schools_csv(""), Err(CsvFileError::Empty));
        assert_eq!(parse_schools_csv("naam;finaliteit\n"), Err(CsvFileError::NoRows));
        assert!(matches!(parse_schools_csv("naam;gemeente\nX;Y\n"), Err(CsvFileError::MissingColumn { column, .. }) if column == "tracks"));
        assert_eq!(
            parse_schools_csv("naam;naam;tracks\nX;Y;dual"),
            Err(CsvFileError::DuplicateColumn { header: "naam".into() })
        );
        assert_eq!(parse_schools_csv("naam;tracks\n\"X;dual\n"), Err(CsvFileError::UnclosedQuote { line: 2 }));
        let many = format!("naam;tracks\n{}", "X;dual\n".repeat(MAX_IMPORT_ROWS + 1));
        assert!(matches!(parse_schools_csv(&many), Err(CsvFileError::TooManyRows { .. })));
    }

    #[test]
    fn quoted_values_may_span_lines_and_extra_columns_are_ignored() {
        let text = "bedrijf,sector,opmerking\n\"Polymeer\nWaasland\",chemie,\"een, twee\"\nLaserwerk Kempen,metaal,\n";
        let rows = parse_companies_csv(text).unwrap();
        assert_eq!(rows[0].input.name, "Polymeer\nWaasland");
        assert_eq!(rows[0].errors[0].error, ProgrammeError::ControlCharacter { field: Field::Name });
        assert_eq!(rows[1].line, 4);
        assert!(rows[1].is_valid());
    }

    #[test]
    fn names_already_in_the_edition_are_flagged() {
        let mut rows = parse_companies_csv("naam\nLaserwerk  Kempen\nNieuw Bedrijf\n").unwrap();
        mark_existing(&mut rows, &["laserwerk kempen".to_string()], |c| c.name.as_str());
        assert_eq!(rows[0].errors[0].error, ProgrammeError::AlreadyExists { value: "Laserwerk  Kempen".into() });
        assert!(rows[1].is_valid());
    }

    #[test]
    fn tab_separated_files_are_read() {
        let rows = parse_companies_csv("name\tsector\nA\tB\n").unwrap();
        assert_eq!(rows[0].input.sector, "B");
    }
}

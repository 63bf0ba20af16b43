//! The region portrait: pupil numbers per school, track (profile) and
//! school year, read from a CSV file with every row's own errors; the
//! difference a re-import makes; progression figures (vmbo -> mbo,
//! secondary -> higher education); facilities and networks; the totals per
//! track and year with the expected development ([`project`]: the linear
//! trend of the last [`PROJECTION_BASE_YEARS`] years); and the aggregated
//! nulmeting profile with the cohort benchmark's min-5 rule.

use crate::assessment::Benchmark;
use crate::programme::csv::{normalize_header, records};
use crate::programme::csv::name_key;
use crate::programme::{CsvFileError, MAX_IMPORT_ROWS};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Longest track (profile) name, e.g. "Bouwen, wonen en interieur".
pub const MAX_TRACK_CHARS: usize = 60;
/// Most pupils one row may count (a sanity bound, not a rule of the field).
pub const MAX_PUPILS: u32 = 100_000;
/// Earliest and latest school year accepted (the year it starts).
pub const FIRST_YEAR: u16 = 1990;
pub const LAST_YEAR: u16 = 2100;
/// The projection's trend is fitted on at most this many latest years.
pub const PROJECTION_BASE_YEARS: usize = 4;
/// Years projected after the last known one.
pub const PROJECTION_YEARS: u16 = 3;

/// Pupils of one school in one track and school year (the year it starts:
/// 2024 is 2024-2025).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilCount {
    pub school_id: i64,
    pub track: String,
    pub year: u16,
    pub pupils: u32,
}

/// A row of the file as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PupilRowInput {
    pub school: String,
    pub track: String,
    pub year: String,
    pub pupils: String,
}

/// What is wrong with one row of a pupil numbers file. JSON externally
/// tagged (`"school-required"`, `{"unknown-school": {"name": ".."}}`): the
/// internally tagged form's deserializer was several times larger in the
/// region app.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PupilRowError {
    #[error("the row has {found} values where the header has {expected}")]
    WrongFieldCount { found: usize, expected: usize },
    #[error("the school is missing")]
    SchoolRequired,
    #[error("'{name}' is not a school of this region")]
    UnknownSchool { name: String },
    #[error("the track (profile) is missing")]
    TrackRequired,
    #[error("the track is {chars} characters long; at most {max} are allowed")]
    TrackTooLong { chars: usize, max: usize },
    #[error("'{value}' is not a school year: write 2024 or 2024-2025 (from {first} to {last})")]
    BadYear { value: String, first: u16, last: u16 },
    #[error("'{value}' is not a number of pupils")]
    BadCount { value: String },
    #[error("the number of pupils is negative ({value})")]
    NegativeCount { value: String },
    #[error("{value} pupils is more than one row may count ({max})")]
    TooManyPupils { value: String, max: u32 },
    #[error("the same school, track and year are already on line {first_line}")]
    Duplicate { first_line: usize },
}

/// One row of an import: its line, what it says, the count it gives when
/// valid, and its errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilRow {
    pub line: usize,
    pub input: PupilRowInput,
    pub count: Option<PupilCount>,
    pub errors: Vec<PupilRowError>,
}

impl PupilRow {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty() && self.count.is_some()
    }
}

/// What a re-import changes against the numbers saved before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PortraitDiff {
    /// School, track and year not saved before.
    pub added: usize,
    /// Saved before with another number.
    pub changed: usize,
    pub unchanged: usize,
    /// Saved before and not in the file: removed by the import.
    pub removed: usize,
}

/// The body of `POST /api/regions/{id}/pupils/import`: a CSV of pupil
/// numbers to preview (`save` false) or save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilCsv {
    pub csv: String,
    #[serde(default)]
    pub save: bool,
}

/// What the import endpoint answers: the rows with their errors (or why
/// the file cannot be read), the difference with what is saved, and how
/// many rows were saved (0 for a preview or a refused file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PupilImport {
    pub file_error: Option<CsvFileError>,
    pub rows: Vec<PupilRow>,
    pub diff: PortraitDiff,
    pub saved: usize,
}

impl PupilImport {
    /// Rows with errors.
    pub fn refused(&self) -> usize {
        self.rows.iter().filter(|r| !r.is_valid()).count()
    }

    /// Whether the file may be saved: readable, with rows, and every row
    /// valid. The import is all or nothing: a portrait with a school left
    /// out would show a wrong total, so one refused row refuses the file.
    pub fn can_save(&self) -> bool {
        self.file_error.is_none() && !self.rows.is_empty() && self.refused() == 0
    }

    /// The counts of the valid rows.
    pub fn counts(&self) -> Vec<PupilCount> {
        self.rows.iter().filter(|r| r.is_valid()).filter_map(|r| r.count.clone()).collect()
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    School,
    Track,
    Year,
    Pupils,
}

const COLUMNS: [(Column, &[&str]); 4] = [
    (Column::School, &["school", "schoolnaam", "naam", "name", "vestiging"]),
    (Column::Track, &["track", "profiel", "profile", "richting", "opleiding", "studierichting"]),
    (Column::Year, &["year", "jaar", "schooljaar", "schoolyear"]),
    (Column::Pupils, &["pupils", "leerlingen", "aantal", "aantalleerlingen", "count", "students"]),
];

/// An example header, for the missing-column message.
pub const EXAMPLE_HEADER: &str = "school;profiel;schooljaar;leerlingen";

/// A school year from "2024", "2024-2025", "2024-25" or "2024/2025".
pub fn parse_year(raw: &str) -> Option<u16> {
    let raw = raw.trim();
    let (first, second) = match raw.split_once(['-', '/']) {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (raw, None),
    };
    if first.len() != 4 || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: u16 = first.parse().ok()?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    match second {
        None => Some(year),
        Some(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            let next = year + 1;
            let ok = match s.len() {
                4 => s.parse::<u16>().ok() == Some(next),
                2 => s.parse::<u16>().ok() == Some(next % 100),
                _ => false,
            };
            ok.then_some(year)
        }
        Some(_) => None,
    }
}

/// The number of pupils, or why it is not one.
pub fn parse_pupils(raw: &str) -> Result<u32, PupilRowError> {
    let value = raw.trim();
    let digits = value.strip_prefix('-').unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PupilRowError::BadCount { value: value.to_string() });
    }
    if value.starts_with('-') {
        return if digits.bytes().all(|b| b == b'0') { Ok(0) } else { Err(PupilRowError::NegativeCount { value: value.to_string() }) };
    }
    match digits.parse::<u64>() {
        Ok(n) if n <= u64::from(MAX_PUPILS) => Ok(n as u32),
        _ => Err(PupilRowError::TooManyPupils { value: value.to_string(), max: MAX_PUPILS }),
    }
}

/// Read a CSV file of pupil numbers against the region's schools
/// (`schools`: id and name; matched on the name, case and spacing
/// ignored). Columns in any order, Dutch or English names: school,
/// profiel/track, schooljaar/year, leerlingen/pupils. Never panics: any
/// text gives rows with their errors, or a [`CsvFileError`].
pub fn parse_pupil_csv(text: &str, schools: &[(i64, String)]) -> Result<Vec<PupilRow>, CsvFileError> {
    let mut recs = records(text)?.into_iter();
    let (_, header) = recs.next().ok_or(CsvFileError::Empty)?;
    let mut seen: HashMap<Column, String> = HashMap::new();
    let mut fields = Vec::with_capacity(header.len());
    for cell in &header {
        let key = normalize_header(cell);
        let column = COLUMNS.iter().find(|(_, names)| names.contains(&key.as_str())).map(|(c, _)| *c);
        if let Some(c) = column {
            if seen.insert(c, cell.clone()).is_some() {
                return Err(CsvFileError::DuplicateColumn { header: cell.trim().to_string() });
            }
        }
        fields.push(column);
    }
    if let Some((_, names)) = COLUMNS.iter().find(|(c, _)| !seen.contains_key(c)) {
        return Err(CsvFileError::MissingColumn { column: names[0].to_string(), example: EXAMPLE_HEADER.to_string() });
    }
    let rest: Vec<(usize, Vec<String>)> = recs.collect();
    if rest.is_empty() {
        return Err(CsvFileError::NoRows);
    }
    if rest.len() > MAX_IMPORT_ROWS {
        return Err(CsvFileError::TooManyRows { rows: rest.len(), max: MAX_IMPORT_ROWS });
    }
    let by_name: HashMap<String, i64> = schools.iter().map(|(id, name)| (name_key(name), *id)).collect();
    let mut first_line: HashMap<(i64, String, u16), usize> = HashMap::new();
    Ok(rest
        .into_iter()
        .map(|(line, mut values)| {
            let mut errors = Vec::new();
            while values.len() > fields.len() && values.last().is_some_and(|v| v.trim().is_empty()) {
                values.pop();
            }
            if values.len() != fields.len() {
                errors.push(PupilRowError::WrongFieldCount { found: values.len(), expected: fields.len() });
            }
            let mut input = PupilRowInput::default();
            for (field, value) in fields.iter().zip(values) {
                match field {
                    Some(Column::School) => input.school = value.trim().to_string(),
                    Some(Column::Track) => input.track = value.trim().to_string(),
                    Some(Column::Year) => input.year = value.trim().to_string(),
                    Some(Column::Pupils) => input.pupils = value.trim().to_string(),
                    None => {}
                }
            }
            let school_id = if input.school.is_empty() {
                errors.push(PupilRowError::SchoolRequired);
                None
            } else {
                let id = by_name.get(&name_key(&input.school)).copied();
                if id.is_none() {
                    errors.push(PupilRowError::UnknownSchool { name: input.school.clone() });
                }
                id
            };
            let track_chars = input.track.chars().count();
            if input.track.is_empty() {
                errors.push(PupilRowError::TrackRequired);
            } else if track_chars > MAX_TRACK_CHARS {
                errors.push(PupilRowError::TrackTooLong { chars: track_chars, max: MAX_TRACK_CHARS });
            }
            let year = parse_year(&input.year);
            if year.is_none() {
                errors.push(PupilRowError::BadYear { value: input.year.clone(), first: FIRST_YEAR, last: LAST_YEAR });
            }
            let pupils = parse_pupils(&input.pupils).map_err(|e| errors.push(e)).ok();
            let count = match (school_id, year, pupils) {
                (Some(school_id), Some(year), Some(pupils)) if !input.track.is_empty() && track_chars <= MAX_TRACK_CHARS => {
                    Some(PupilCount { school_id, track: input.track.clone(), year, pupils })
                }
                _ => None,
            };
            if let Some(c) = &count {
                let key = (c.school_id, name_key(&c.track), c.year);
                match first_line.get(&key) {
                    Some(&first) => errors.push(PupilRowError::Duplicate { first_line: first }),
                    None => {
                        first_line.insert(key, line);
                    }
                }
            }
            PupilRow { line, input, count, errors }
        })
        .collect())
}

fn count_key(c: &PupilCount) -> (i64, String, u16) {
    (c.school_id, name_key(&c.track), c.year)
}

/// What replacing `current` by `new` changes.
pub fn diff(current: &[PupilCount], new: &[PupilCount]) -> PortraitDiff {
    let before: HashMap<_, u32> = current.iter().map(|c| (count_key(c), c.pupils)).collect();
    let after: HashMap<_, u32> = new.iter().map(|c| (count_key(c), c.pupils)).collect();
    let mut d = PortraitDiff::default();
    for (key, pupils) in &after {
        match before.get(key) {
            None => d.added += 1,
            Some(old) if old == pupils => d.unchanged += 1,
            Some(_) => d.changed += 1,
        }
    }
    d.removed = before.keys().filter(|k| !after.contains_key(*k)).count();
    d
}

/// The expected development of a series of (year, pupils): the least
/// squares line through the last [`PROJECTION_BASE_YEARS`] known years,
/// continued `ahead` years after the last one, rounded and never below
/// zero. One known year projects flat; none projects nothing. Years
/// missing inside the series are simply not fitted (the line uses the
/// real years as x).
pub fn project(series: &[(u16, u32)], ahead: u16) -> Vec<(u16, u32)> {
    let mut known: Vec<(u16, u32)> = series.to_vec();
    known.sort_by_key(|&(y, _)| y);
    known.dedup_by_key(|&mut (y, _)| y);
    let base = &known[known.len().saturating_sub(PROJECTION_BASE_YEARS)..];
    let Some(&(last_year, last_value)) = base.last() else {
        return vec![];
    };
    let n = base.len() as f64;
    let mean_x = base.iter().map(|&(y, _)| f64::from(y)).sum::<f64>() / n;
    let mean_y = base.iter().map(|&(_, v)| f64::from(v)).sum::<f64>() / n;
    let sxx: f64 = base.iter().map(|&(y, _)| (f64::from(y) - mean_x).powi(2)).sum();
    let sxy: f64 = base.iter().map(|&(y, v)| (f64::from(y) - mean_x) * (f64::from(v) - mean_y)).sum();
    let slope = if sxx > 0.0 { sxy / sxx } else { 0.0 };
    let level = if sxx > 0.0 { mean_y } else { f64::from(last_value) };
    let centre = if sxx > 0.0 { mean_x } else { f64::from(last_year) };
    (1..=ahead)
        .filter_map(|k| last_year.checked_add(k))
        .map(|year| {
            let v = level + slope * (f64::from(year) - centre);
            (year, v.max(0.0).round().min(f64::from(u32::MAX)) as u32)
        })
        .collect()
}

/// One line of the portrait's tables: known pupils per year (aligned with
/// [`PortraitSummary::years`], `None` where unknown) and the projection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    pub label: String,
    pub counts: Vec<Option<u32>>,
    pub projection: Vec<(u16, u32)>,
}

/// The portrait's numbers as tables and charts show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PortraitSummary {
    /// Every school year with a number, in order.
    pub years: Vec<u16>,
    /// The region's total per year, with its projection.
    pub total: Option<Series>,
    /// Per track (all schools), by name.
    pub tracks: Vec<Series>,
    /// Per school (all tracks), by name; no projection.
    pub schools: Vec<Series>,
}

fn series(label: String, years: &[u16], values: &BTreeMap<u16, u32>, with_projection: bool) -> Series {
    let counts = years.iter().map(|y| values.get(y).copied()).collect();
    let known: Vec<(u16, u32)> = values.iter().map(|(&y, &v)| (y, v)).collect();
    let projection = if with_projection { project(&known, PROJECTION_YEARS) } else { vec![] };
    Series { label, counts, projection }
}

/// Sum the counts per year: in total, per track and per school (named by
/// `school_names`; a count of a school not named there is left out).
pub fn summarize(counts: &[PupilCount], school_names: &[(i64, String)]) -> PortraitSummary {
    let names: HashMap<i64, &str> = school_names.iter().map(|(id, n)| (*id, n.as_str())).collect();
    let counts: Vec<&PupilCount> = counts.iter().filter(|c| names.contains_key(&c.school_id)).collect();
    if counts.is_empty() {
        return PortraitSummary::default();
    }
    let years: Vec<u16> = counts.iter().map(|c| c.year).collect::<BTreeSet<_>>().into_iter().collect();
    let mut total: BTreeMap<u16, u32> = BTreeMap::new();
    let mut tracks: BTreeMap<String, (String, BTreeMap<u16, u32>)> = BTreeMap::new();
    let mut schools: BTreeMap<(String, i64), BTreeMap<u16, u32>> = BTreeMap::new();
    for c in &counts {
        *total.entry(c.year).or_default() = total.get(&c.year).copied().unwrap_or(0).saturating_add(c.pupils);
        let track = tracks.entry(name_key(&c.track)).or_insert_with(|| (c.track.clone(), BTreeMap::new()));
        let t = track.1.entry(c.year).or_default();
        *t = t.saturating_add(c.pupils);
        let name = names.get(&c.school_id).copied().unwrap_or_default();
        let s = schools.entry((name_key(name), c.school_id)).or_default().entry(c.year).or_default();
        *s = s.saturating_add(c.pupils);
    }
    PortraitSummary {
        total: Some(series(String::new(), &years, &total, true)),
        tracks: tracks.into_values().map(|(label, v)| series(label, &years, &v, true)).collect(),
        schools: schools
            .into_iter()
            .map(|((_, id), v)| series(names.get(&id).copied().unwrap_or_default().to_string(), &years, &v, false))
            .collect(),
        years,
    }
}

/// The kind of a progression figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ProgressionKind {
    /// Vmbo pupils going on to mbo.
    #[default]
    VmboToMbo,
    /// Secondary pupils going on to higher education.
    SecondaryToHigher,
}

impl ProgressionKind {
    pub const ALL: [ProgressionKind; 2] = [ProgressionKind::VmboToMbo, ProgressionKind::SecondaryToHigher];

    pub fn key(self) -> &'static str {
        match self {
            ProgressionKind::VmboToMbo => "vmbo-to-mbo",
            ProgressionKind::SecondaryToHigher => "secondary-to-higher",
        }
    }

    pub fn from_key(key: &str) -> Option<ProgressionKind> {
        ProgressionKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A progression figure where known: of `leavers` pupils leaving in
/// `year`, `continued` went on (in technology, where the figure says so).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progression {
    pub id: i64,
    pub kind: ProgressionKind,
    pub year: u16,
    pub leavers: u32,
    pub continued: u32,
}

impl Progression {
    /// The share that went on, in whole percent (rounded half up).
    pub fn percent(&self) -> Option<u32> {
        (self.leavers > 0).then(|| ((u64::from(self.continued) * 200 + u64::from(self.leavers)) / (u64::from(self.leavers) * 2)) as u32)
    }
}

/// The progression form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ProgressionInput {
    #[serde(default)]
    pub kind: ProgressionKind,
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub leavers: String,
    #[serde(default)]
    pub continued: String,
}

/// What is wrong with a progression figure. JSON externally tagged (see
/// `RegionalPlanError`), sent whole with a refusal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProgressionError {
    #[error("'{value}' is not a school year: write 2024 or 2024-2025")]
    BadYear { value: String },
    #[error("{0}")]
    Count(PupilRowError),
    #[error("more pupils went on ({continued}) than left ({leavers})")]
    MoreContinuedThanLeavers { continued: u32, leavers: u32 },
}

/// A valid progression figure (without its id).
pub fn validate_progression(input: &ProgressionInput) -> Result<(ProgressionKind, u16, u32, u32), ProgressionError> {
    let year = parse_year(&input.year).ok_or_else(|| ProgressionError::BadYear { value: input.year.trim().to_string() })?;
    let leavers = parse_pupils(&input.leavers).map_err(ProgressionError::Count)?;
    let continued = parse_pupils(&input.continued).map_err(ProgressionError::Count)?;
    if continued > leavers {
        return Err(ProgressionError::MoreContinuedThanLeavers { continued, leavers });
    }
    Ok((input.kind, year, leavers, continued))
}

/// A facility or a network the region has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum FacilityKind {
    /// A shared facility: a workshop, a lab, a company's training centre.
    #[default]
    Facility,
    /// A network: a professional learning community, a platform.
    Network,
}

impl FacilityKind {
    pub const ALL: [FacilityKind; 2] = [FacilityKind::Facility, FacilityKind::Network];

    pub fn key(self) -> &'static str {
        match self {
            FacilityKind::Facility => "facility",
            FacilityKind::Network => "network",
        }
    }

    pub fn from_key(key: &str) -> Option<FacilityKind> {
        FacilityKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A facility or network of the region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facility {
    pub id: i64,
    pub kind: FacilityKind,
    pub name: String,
    pub note: String,
}

/// The facility form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct FacilityInput {
    #[serde(default)]
    pub kind: FacilityKind,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub note: String,
}

/// Longest facility note.
pub const MAX_NOTE_CHARS: usize = 500;

/// A valid facility: a name, a note of sane length.
pub fn validate_facility(input: &FacilityInput) -> Result<FacilityInput, super::RegionError> {
    let name = super::name(&input.name)?;
    let note = input.note.trim().to_string();
    let chars = note.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(super::RegionError::NameTooLong { chars, max: MAX_NOTE_CHARS });
    }
    Ok(FacilityInput { kind: input.kind, name, note })
}

/// The whole portrait of a region (`GET /api/regions/{id}/portrait`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Portrait {
    pub region_id: i64,
    pub counts: Vec<PupilCount>,
    pub summary: PortraitSummary,
    pub progression: Vec<Progression>,
    pub facilities: Vec<Facility>,
    /// The region's schools' nulmeting profiles pooled with the cohort
    /// benchmark's rule ([`crate::assessment::benchmark`]): per aspect the
    /// median, shown only when at least
    /// [`crate::assessment::BENCHMARK_MIN_SCHOOLS`] schools contributed;
    /// never names a school.
    pub profile: Benchmark,
}

#[cfg(test)]
mod tests;

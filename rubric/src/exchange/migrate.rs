//! Bringing an older export up to the current [`FORMAT_VERSION`], one
//! version at a time, on the raw JSON before it is read.
//!
//! Version 1 was the first layout, written while only the programme set-up
//! existed: no `format` marker, no nulmeting, plan or jury sections, the
//! edition's threshold called `cofinancing_threshold`, a school's tracks as
//! one comma-separated string and its sponsor as `sponsor_id`, and no
//! `version` counters on editions, schools, companies and sessions.
//! Version 2 is the current layout (see [`super::ExchangeDocument`]).

use super::{ExchangeError, FORMAT_NAME, FORMAT_VERSION};
use serde_json::{json, Map, Value};

/// Check the marker and version and migrate to the current version.
pub fn to_current(mut value: Value) -> Result<Value, ExchangeError> {
    let not_export = |reason: &str| ExchangeError::NotAnExport { reason: reason.to_string() };
    let Value::Object(map) = &value else {
        return Err(not_export("it is not a JSON object"));
    };
    match map.get("format") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s == FORMAT_NAME => {}
        Some(other) => {
            return Err(not_export(&format!("its format is {other}, not \"{FORMAT_NAME}\"")));
        }
    }
    let found = match map.get("format_version") {
        None => return Err(not_export("it has no format_version")),
        Some(v) => v.as_u64().ok_or_else(|| not_export(&format!("format_version {v} is not a whole number")))?,
    };
    if found > u64::from(FORMAT_VERSION) {
        return Err(ExchangeError::TooNew { found, supported: FORMAT_VERSION });
    }
    if found == 0 {
        return Err(ExchangeError::UnknownVersion { found });
    }
    let mut version = found as u32;
    while version < FORMAT_VERSION {
        let step = match version {
            1 => v1_to_v2,
            _ => return Err(ExchangeError::UnknownVersion { found }),
        };
        value = step(value).map_err(|reason| ExchangeError::Migration { from: version, to: version + 1, reason })?;
        version += 1;
    }
    Ok(value)
}

fn object<'a>(v: &'a mut Value, at: &str) -> Result<&'a mut Map<String, Value>, String> {
    v.as_object_mut().ok_or_else(|| format!("{at} is not an object"))
}

fn items<'a>(doc: &'a mut Map<String, Value>, key: &str) -> Result<&'a mut Vec<Value>, String> {
    doc.entry(key).or_insert_with(|| json!([])).as_array_mut().ok_or_else(|| format!("{key} is not a list"))
}

/// Version 1 to 2: see the module documentation.
pub fn v1_to_v2(mut value: Value) -> Result<Value, String> {
    let doc = object(&mut value, "the document")?;
    doc.insert("format".into(), json!(FORMAT_NAME));
    doc.insert("format_version".into(), json!(2));
    doc.entry("exported_at").or_insert(json!(0));
    doc.entry("app_version").or_insert(json!("unknown"));
    let edition = object(doc.get_mut("edition").ok_or("the edition is missing")?, "edition")?;
    if let Some(t) = edition.remove("cofinancing_threshold") {
        edition.insert("cofinancing_threshold_pct".into(), t);
    }
    edition.entry("version").or_insert(json!(1));
    for (i, school) in items(doc, "schools")?.iter_mut().enumerate() {
        let school = object(school, &format!("schools[{i}]"))?;
        let tracks: Vec<Value> = match school.remove("tracks") {
            Some(Value::String(s)) => s.split(',').map(str::trim).filter(|t| !t.is_empty()).map(|t| json!(t)).collect(),
            Some(Value::Null) | None => vec![],
            Some(other) => return Err(format!("schools[{i}].tracks is {other}, not a comma-separated text")),
        };
        school.insert("tracks".into(), Value::Array(tracks));
        let sponsor = school.remove("sponsor_id").unwrap_or(Value::Null);
        school.insert("company_id".into(), sponsor);
        school.entry("version").or_insert(json!(1));
    }
    for key in ["companies", "network_sessions"] {
        for (i, row) in items(doc, key)?.iter_mut().enumerate() {
            object(row, &format!("{key}[{i}]"))?.entry("version").or_insert(json!(1));
        }
    }
    for key in ["people", "networks", "attendance"] {
        items(doc, key)?;
    }
    for key in [
        "measurements",
        "responses",
        "answers",
        "consensus",
        "plans",
        "goals",
        "goal_targets",
        "actions",
        "plan_versions",
        "threads",
        "comments",
        "plan_reads",
        "award_categories",
        "criteria",
        "finalists",
        "jurors",
        "conflicts",
        "score_sheets",
        "scores",
    ] {
        doc.insert(key.into(), json!([]));
    }
    doc.insert("jury_settings".into(), Value::Null);
    Ok(value)
}

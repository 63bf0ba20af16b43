//! The request bodies of the programme set-up endpoints that are more than
//! one input type: an update with the version it is based on, a new
//! edition, an archive or restore, a CSV import, a school's sponsor, a
//! session's attendance. One definition for both sides: the server reads
//! them, the app writes them. What is in them is checked by the validators
//! of the input types, as before.

use serde::{Deserialize, Serialize};

/// An input with the row version it was based on: the input's fields and
/// `version` side by side (a school, a company, an edition, a session).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Versioned<T> {
    #[serde(flatten)]
    pub input: T,
    pub version: i64,
}

/// A new edition's fields, and whether it becomes the active one (the
/// first edition always is).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewEdition<T> {
    #[serde(flatten)]
    pub input: T,
    #[serde(default)]
    pub activate: bool,
}

/// The row version an archive or restore is based on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionOnly {
    pub version: i64,
}

/// A CSV file of schools or companies to preview (`save` false) or save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsvImport {
    pub csv: String,
    #[serde(default)]
    pub save: bool,
    /// Save the good rows and leave out the bad ones (otherwise any bad
    /// row refuses the whole file).
    #[serde(default)]
    pub skip_invalid: bool,
}

/// A school's sponsor company (none: `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sponsor {
    pub company_id: Option<i64>,
    pub version: i64,
}

/// Who attended a learning network's session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendance {
    #[serde(default)]
    pub school_ids: Vec<i64>,
    #[serde(default)]
    pub company_ids: Vec<i64>,
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Named {
        name: String,
    }

    #[test]
    fn a_versioned_input_is_its_fields_beside_the_version() {
        let body = Versioned { input: Named { name: "Sint-Jozef".into() }, version: 3 };
        let written = serde_json::to_value(&body).unwrap();
        assert_eq!(written, json!({"name": "Sint-Jozef", "version": 3}));
        let read: Versioned<Named> = serde_json::from_value(written).unwrap();
        assert_eq!(read, body);
    }

    #[test]
    fn left_out_flags_and_lists_read_as_off_and_empty() {
        let edition: NewEdition<Named> = serde_json::from_value(json!({"name": "2027"})).unwrap();
        assert!(!edition.activate);
        let csv: CsvImport = serde_json::from_value(json!({"csv": "naam"})).unwrap();
        assert!(!csv.save && !csv.skip_invalid);
        let attendance: Attendance = serde_json::from_value(json!({"version": 1})).unwrap();
        assert!(attendance.school_ids.is_empty() && attendance.company_ids.is_empty());
    }
}

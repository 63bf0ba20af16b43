//! The request bodies of the jury endpoints, one definition for both
//! sides: the server reads them, the app writes them, so a renamed field
//! cannot drift apart. The checks of what is in them (a name that is not
//! empty, weights adding up, a reason given) stay where they were: the
//! `rubric` validators, called by the server and, for the forms, the app.

use super::robustness::Finding;
use super::setup::{CriterionInput, JuryStatus};
use super::TieBreakRule;
use serde::{Deserialize, Serialize};

/// `POST /api/jury/categories`, `PUT /api/jury/categories/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryName {
    pub name: String,
}

/// `PUT /api/jury/criteria`: the whole list, based on the set-up's version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriteriaChange {
    pub version: i64,
    pub criteria: Vec<CriterionInput>,
}

/// `POST /api/jury/finalists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFinalist {
    pub category_id: i64,
    pub school_id: i64,
}

/// `PUT /api/jury/jurors/{person_id}`: the company a juror works for (a
/// conflict of interest with the schools it sponsors), or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct JurorCompany {
    pub company_id: Option<i64>,
}

/// `PUT /api/jury/tie-break`: the rules in order, and the chair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TieBreakChange {
    pub version: i64,
    pub rules: Vec<TieBreakRule>,
    #[serde(default)]
    pub chair_id: Option<i64>,
}

/// `PUT /api/jury/chair`: appoint the chair, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChairChange {
    pub version: i64,
    pub chair_id: Option<i64>,
}

/// `POST /api/jury/status`: open or close scoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub version: i64,
    pub status: JuryStatus,
}

/// `PUT /api/jury/chair-order`: the chair's own order of tied finalists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChairOrder {
    pub version: i64,
    pub order: Vec<i64>,
}

/// `POST /api/jury/acknowledgements`: the chair confirms a winner that is
/// not robust, with the findings seen (a mismatch means the results
/// changed meanwhile) and a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub category_id: i64,
    pub findings: Vec<Finding>,
    pub reason: String,
}

/// `POST /api/jury/{lock,unlock,publish}`: the results' version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsVersion {
    pub version: i64,
}

/// `POST /api/jury/my/conflicts`: a juror declares a conflict of interest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictDeclaration {
    pub finalist_id: i64,
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The JSON each body is written as: the names the API has always read.
    #[test]
    fn bodies_are_written_with_the_apis_field_names() {
        let cases = [
            (serde_json::to_value(CategoryName { name: "Oost".into() }).unwrap(), json!({"name": "Oost"})),
            (serde_json::to_value(NewFinalist { category_id: 1, school_id: 2 }).unwrap(), json!({"category_id": 1, "school_id": 2})),
            (serde_json::to_value(JurorCompany { company_id: None }).unwrap(), json!({"company_id": null})),
            (serde_json::to_value(ChairChange { version: 3, chair_id: Some(4) }).unwrap(), json!({"version": 3, "chair_id": 4})),
            (serde_json::to_value(StatusChange { version: 1, status: JuryStatus::Open }).unwrap(), json!({"version": 1, "status": "open"})),
            (serde_json::to_value(ChairOrder { version: 1, order: vec![5, 6] }).unwrap(), json!({"version": 1, "order": [5, 6]})),
            (serde_json::to_value(ResultsVersion { version: 7 }).unwrap(), json!({"version": 7})),
            (
                serde_json::to_value(ConflictDeclaration { finalist_id: 8, reason: "Mijn kind".into() }).unwrap(),
                json!({"finalist_id": 8, "reason": "Mijn kind"}),
            ),
            (
                serde_json::to_value(TieBreakChange { version: 2, rules: vec![], chair_id: None }).unwrap(),
                json!({"version": 2, "rules": [], "chair_id": null}),
            ),
        ];
        for (written, expected) in cases {
            assert_eq!(written, expected);
        }
    }

    #[test]
    fn a_tie_break_change_without_a_chair_reads_as_none() {
        let read: TieBreakChange = serde_json::from_value(json!({"version": 2, "rules": []})).unwrap();
        assert_eq!(read, TieBreakChange { version: 2, rules: vec![], chair_id: None });
    }
}

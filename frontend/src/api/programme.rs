//! The programme set-up endpoints: editions, schools, companies, matching,
//! learning networks, people and invitations, the dashboard, backup and
//! the demo edition.

//!
//! Every request goes through one non-generic JSON transport ([`call`]) and
//! is typed afterwards: one copy of the request code instead of one per
//! response type keeps the bundle small.

use super::client::{self, ApiError};
use rubric::evidence::{EvidenceLimits, LimitsInput};
use gloo_net::http::Method;
use rubric::programme::{
    ColleagueInput, Company, CompanyInput, Dashboard, Edition, EditionInput, Invitation, InviteInput, Matching,
    Network, Person, School, SchoolInput, SessionInput,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// One request with an optional JSON body; the answer as JSON.
async fn call(method: Method, path: String, body: Option<Value>) -> Result<Value, ApiError> {
    match body {
        None if method == Method::GET => client::get::<Value>(&path).await,
        None => client::delete::<Value>(&path).await,
        Some(b) => client::send::<Value, Value>(method, &path, &b).await,
    }
}

/// The answer as the type the caller expects.
fn typed<T: DeserializeOwned>(v: Result<Value, ApiError>) -> Result<T, ApiError> {
    serde_json::from_value(v?).map_err(|e| ApiError {
        status: 200,
        code: client::ErrorCode::BadResponse,
        message: e.to_string(),
        fields: vec![],
        current: None,
    })
}

fn body<T: Serialize>(b: &T) -> Option<Value> {
    Some(serde_json::to_value(b).unwrap_or(Value::Null))
}

/// An input with the version it was based on.
fn versioned<T: Serialize>(input: &T, version: i64) -> Option<Value> {
    let mut v = serde_json::to_value(input).unwrap_or(Value::Null);
    v["version"] = json!(version);
    Some(v)
}

async fn get<T: DeserializeOwned>(path: String) -> Result<T, ApiError> {
    typed(call(Method::GET, path, None).await)
}



/// What an import or the demo created.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImportSummary {
    pub edition_id: i64,
    pub name: String,
    pub schools: usize,
    pub companies: usize,
    pub people: usize,
}

/// How many rows a CSV import saved.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Saved {
    pub saved: usize,
}

pub async fn editions() -> Result<Vec<Edition>, ApiError> {
    get("/editions".into()).await
}

pub async fn create_edition(input: &EditionInput, activate: bool) -> Result<Edition, ApiError> {
    let mut b = serde_json::to_value(input).unwrap_or(Value::Null);
    b["activate"] = json!(activate);
    typed(call(Method::POST, "/editions".into(), Some(b)).await)
}

pub async fn update_edition(id: i64, input: &EditionInput, version: i64) -> Result<Edition, ApiError> {
    typed(call(Method::PUT, format!("/editions/{id}"), versioned(input, version)).await)
}

pub async fn activate_edition(id: i64) -> Result<Edition, ApiError> {
    typed(call(Method::POST, format!("/editions/{id}/activate"), Some(json!({}))).await)
}

pub async fn dashboard(edition: i64) -> Result<Dashboard, ApiError> {
    get(format!("/editions/{edition}/dashboard")).await
}

pub async fn schools(edition: i64, archived: bool) -> Result<Vec<School>, ApiError> {
    get(format!("/editions/{edition}/schools?archived={archived}")).await
}

pub async fn create_school(edition: i64, input: &SchoolInput) -> Result<School, ApiError> {
    typed(call(Method::POST, format!("/editions/{edition}/schools"), body(input)).await)
}

pub async fn update_school(id: i64, input: &SchoolInput, version: i64) -> Result<School, ApiError> {
    typed(call(Method::PUT, format!("/schools/{id}"), versioned(input, version)).await)
}

pub async fn companies(edition: i64, archived: bool) -> Result<Vec<Company>, ApiError> {
    get(format!("/editions/{edition}/companies?archived={archived}")).await
}

pub async fn create_company(edition: i64, input: &CompanyInput) -> Result<Company, ApiError> {
    typed(call(Method::POST, format!("/editions/{edition}/companies"), body(input)).await)
}

pub async fn update_company(id: i64, input: &CompanyInput, version: i64) -> Result<Company, ApiError> {
    typed(call(Method::PUT, format!("/companies/{id}"), versioned(input, version)).await)
}

/// Archive (`archive` true) or restore a school (`kind` "schools") or a
/// company ("companies"); the answer is the row's new name.
pub async fn set_archived(kind: &str, id: i64, version: i64, archive: bool) -> Result<String, ApiError> {
    let action = if archive { "archive" } else { "restore" };
    let row: Named = typed(call(Method::POST, format!("/{kind}/{id}/{action}"), Some(json!({ "version": version }))).await)?;
    Ok(row.name)
}

/// The part of an archived or restored row the page reads: its name.
#[derive(Deserialize)]
struct Named {
    name: String,
}

/// Save a CSV import of schools (`kind` "schools") or companies
/// ("companies"): the valid rows, all at once. The preview is made in the
/// browser with the same rules.
pub async fn import_csv(edition: i64, kind: &str, csv: &str) -> Result<Saved, ApiError> {
    let b = json!({ "csv": csv, "save": true, "skip_invalid": true });
    typed(call(Method::POST, format!("/editions/{edition}/{kind}/import"), Some(b)).await)
}

pub async fn matching(edition: i64) -> Result<Matching, ApiError> {
    get(format!("/editions/{edition}/matching")).await
}

pub async fn set_sponsor(school: i64, company: Option<i64>, version: i64) -> Result<(), ApiError> {
    call(Method::PUT, format!("/schools/{school}/sponsor"), Some(json!({ "company_id": company, "version": version })))
        .await
        .map(|_| ())
}

pub async fn networks(edition: i64) -> Result<Vec<Network>, ApiError> {
    get(format!("/editions/{edition}/networks")).await
}

pub async fn create_session(network: i64, input: &SessionInput) -> Result<(), ApiError> {
    call(Method::POST, format!("/networks/{network}/sessions"), body(input)).await.map(|_| ())
}

pub async fn update_session(id: i64, input: &SessionInput, version: i64) -> Result<(), ApiError> {
    call(Method::PUT, format!("/sessions/{id}"), versioned(input, version)).await.map(|_| ())
}

pub async fn delete_session(id: i64) -> Result<(), ApiError> {
    call(Method::DELETE, format!("/sessions/{id}"), None).await.map(|_| ())
}

pub async fn set_attendance(session: i64, school_ids: &[i64], company_ids: &[i64], version: i64) -> Result<(), ApiError> {
    let b = json!({ "school_ids": school_ids, "company_ids": company_ids, "version": version });
    call(Method::PUT, format!("/sessions/{session}/attendance"), Some(b)).await.map(|_| ())
}

pub async fn people(edition: i64) -> Result<Vec<Person>, ApiError> {
    get(format!("/editions/{edition}/people")).await
}

pub async fn invite(input: &InviteInput) -> Result<Invitation, ApiError> {
    typed(call(Method::POST, "/people".into(), body(input)).await)
}

/// A new sign-in link for a person (the unused old one stops working).
pub async fn new_link(id: i64) -> Result<Invitation, ApiError> {
    typed(call(Method::POST, format!("/people/{id}/link"), Some(json!({}))).await)
}

/// A person action: `revoke` (the open link), `archive` (remove access)
/// or `restore`.
pub async fn person_action(id: i64, action: &str) -> Result<(), ApiError> {
    call(Method::POST, format!("/people/{id}/{action}"), Some(json!({}))).await.map(|_| ())
}

pub async fn my_team() -> Result<Vec<Person>, ApiError> {
    get("/my-school/team".into()).await
}

pub async fn invite_colleague(input: &ColleagueInput) -> Result<Invitation, ApiError> {
    typed(call(Method::POST, "/my-school/team".into(), body(input)).await)
}

pub async fn colleague_link(id: i64) -> Result<Invitation, ApiError> {
    typed(call(Method::POST, format!("/my-school/team/{id}/link"), Some(json!({}))).await)
}

/// Import an exported file (already parsed as JSON).
pub async fn import_edition(document: Value) -> Result<ImportSummary, ApiError> {
    typed(call(Method::POST, "/import".into(), Some(document)).await)
}

pub async fn load_demo() -> Result<(), ApiError> {
    call(Method::POST, "/demo".into(), Some(json!({}))).await.map(|_| ())
}

/// An edition's limits on evidence files.
pub async fn evidence_limits(edition: i64) -> Result<EvidenceLimits, ApiError> {
    client::get(&format!("/editions/{edition}/evidence-limits")).await
}

pub async fn set_evidence_limits(edition: i64, input: &LimitsInput) -> Result<EvidenceLimits, ApiError> {
    client::put(&format!("/editions/{edition}/evidence-limits"), input).await
}

/// Where the browser downloads an edition's export.
pub fn export_url(edition: i64) -> String {
    format!("/api/editions/{edition}/export")
}

/// The edition with its evidence files, as a zip archive.
pub fn export_archive_url(edition: i64) -> String {
    format!("/api/editions/{edition}/export.zip")
}

//! The programme set-up endpoints: editions, schools, companies, matching,
//! learning networks, people and invitations, the dashboard, backup and
//! the demo edition.

//!
//! Each function sends its typed body and reads its typed answer through
//! [`client`]; a write whose answer the page does not read (it reloads what
//! changed) only checks success ([`client::write_unread`]). Bodies are the
//! types the server's handlers read (`rubric::programme::bodies`).

use super::client::{self, ApiError};
use rubric::evidence::{EvidenceLimits, LimitsInput};
use gloo_net::http::Method;
use rubric::programme::bodies::{Attendance, CsvImport, NewEdition, Sponsor, VersionOnly, Versioned};
use rubric::programme::{
    ColleagueInput, Company, CompanyInput, Dashboard, Edition, EditionInput, Invitation, InviteInput, Matching,
    Network, Person, School, SchoolInput, SessionInput,
};
use serde::{Deserialize, Serialize};

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
    client::get("/editions").await
}

pub async fn create_edition(input: &EditionInput, activate: bool) -> Result<Edition, ApiError> {
    client::post("/editions", &NewEdition { input, activate }).await
}

pub async fn update_edition(id: i64, input: &EditionInput, version: i64) -> Result<Edition, ApiError> {
    client::put(&format!("/editions/{id}"), &Versioned { input, version }).await
}

pub async fn activate_edition(id: i64) -> Result<Edition, ApiError> {
    client::post(&format!("/editions/{id}/activate"), &()).await
}

pub async fn dashboard(edition: i64) -> Result<Dashboard, ApiError> {
    client::get(&format!("/editions/{edition}/dashboard")).await
}

pub async fn schools(edition: i64, archived: bool) -> Result<Vec<School>, ApiError> {
    client::get(&format!("/editions/{edition}/schools?archived={archived}")).await
}

pub async fn create_school(edition: i64, input: &SchoolInput) -> Result<School, ApiError> {
    client::post(&format!("/editions/{edition}/schools"), input).await
}

pub async fn update_school(id: i64, input: &SchoolInput, version: i64) -> Result<School, ApiError> {
    client::put(&format!("/schools/{id}"), &Versioned { input, version }).await
}

pub async fn companies(edition: i64, archived: bool) -> Result<Vec<Company>, ApiError> {
    client::get(&format!("/editions/{edition}/companies?archived={archived}")).await
}

pub async fn create_company(edition: i64, input: &CompanyInput) -> Result<Company, ApiError> {
    client::post(&format!("/editions/{edition}/companies"), input).await
}

pub async fn update_company(id: i64, input: &CompanyInput, version: i64) -> Result<Company, ApiError> {
    client::put(&format!("/companies/{id}"), &Versioned { input, version }).await
}

/// Archive (`archive` true) or restore a school (`kind` "schools") or a
/// company ("companies"); the answer is the row's new name.
pub async fn set_archived(kind: &str, id: i64, version: i64, archive: bool) -> Result<String, ApiError> {
    let action = if archive { "archive" } else { "restore" };
    let row: Named = client::post(&format!("/{kind}/{id}/{action}"), &VersionOnly { version }).await?;
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
    client::post(&format!("/editions/{edition}/{kind}/import"), &CsvImport { csv: csv.to_string(), save: true, skip_invalid: true }).await
}

pub async fn matching(edition: i64) -> Result<Matching, ApiError> {
    client::get(&format!("/editions/{edition}/matching")).await
}

pub async fn set_sponsor(school: i64, company: Option<i64>, version: i64) -> Result<(), ApiError> {
    client::write_unread(Method::PUT, &format!("/schools/{school}/sponsor"), Some(&Sponsor { company_id: company, version })).await
}

pub async fn networks(edition: i64) -> Result<Vec<Network>, ApiError> {
    client::get(&format!("/editions/{edition}/networks")).await
}

pub async fn create_session(network: i64, input: &SessionInput) -> Result<(), ApiError> {
    client::write_unread(Method::POST, &format!("/networks/{network}/sessions"), Some(input)).await
}

pub async fn update_session(id: i64, input: &SessionInput, version: i64) -> Result<(), ApiError> {
    client::write_unread(Method::PUT, &format!("/sessions/{id}"), Some(&Versioned { input, version })).await
}

pub async fn delete_session(id: i64) -> Result<(), ApiError> {
    client::write_unread::<()>(Method::DELETE, &format!("/sessions/{id}"), None).await
}

pub async fn set_attendance(session: i64, school_ids: &[i64], company_ids: &[i64], version: i64) -> Result<(), ApiError> {
    client::write_unread(Method::PUT, &format!("/sessions/{session}/attendance"), Some(&Attendance { school_ids: school_ids.to_vec(), company_ids: company_ids.to_vec(), version })).await
}

pub async fn people(edition: i64) -> Result<Vec<Person>, ApiError> {
    client::get(&format!("/editions/{edition}/people")).await
}

pub async fn invite(input: &InviteInput) -> Result<Invitation, ApiError> {
    client::post("/people", input).await
}

/// A new sign-in link for a person (the unused old one stops working).
pub async fn new_link(id: i64) -> Result<Invitation, ApiError> {
    client::post(&format!("/people/{id}/link"), &()).await
}

/// A person action: `revoke` (the open link), `archive` (remove access)
/// or `restore`.
pub async fn person_action(id: i64, action: &str) -> Result<(), ApiError> {
    client::write_unread(Method::POST, &format!("/people/{id}/{action}"), Some(&())).await
}

pub async fn my_team() -> Result<Vec<Person>, ApiError> {
    client::get("/my-school/team").await
}

pub async fn invite_colleague(input: &ColleagueInput) -> Result<Invitation, ApiError> {
    client::post("/my-school/team", input).await
}

pub async fn colleague_link(id: i64) -> Result<Invitation, ApiError> {
    client::post(&format!("/my-school/team/{id}/link"), &()).await
}

/// Import an exported file (already parsed as JSON: the page checks it is
/// JSON first; the server reads the document itself).
pub async fn import_edition<D: Serialize>(document: &D) -> Result<ImportSummary, ApiError> {
    client::post("/import", document).await
}

pub async fn load_demo() -> Result<(), ApiError> {
    client::write_unread(Method::POST, "/demo", Some(&())).await
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

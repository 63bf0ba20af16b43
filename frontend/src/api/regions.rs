//! The region endpoints (issue 17): the regions one works on, a region
//! with its members, partners and coordinators, the portrait, the pupil
//! numbers import, progression figures and facilities; the programme
//! coordinator's set-up (regions, members, invitations).

use super::client::{self, ApiError};
use rubric::region::portrait::{FacilityInput, Portrait, ProgressionInput, PupilImport};
use rubric::region::{CoordinatorInput, EditionRef, InvitationLink, NamedRef, PartnerInput, Region, RegionDetail, RegionInput, RegionMembers};
use rubric::programme::bodies::Versioned;
use rubric::region::portrait::PupilCsv;

pub async fn mine() -> Result<Vec<Region>, ApiError> {
    client::get("/regions").await
}

pub async fn create(edition: i64, input: &RegionInput) -> Result<Region, ApiError> {
    client::post(&format!("/editions/{edition}/regions"), input).await
}

pub async fn detail(id: i64) -> Result<RegionDetail, ApiError> {
    client::get(&format!("/regions/{id}")).await
}

pub async fn set_members(id: i64, members: &RegionMembers, version: i64) -> Result<RegionDetail, ApiError> {
    client::put(&format!("/regions/{id}/members"), &Versioned { input: members, version }).await
}

/// The editions, as far as the region pages read them.
pub async fn editions() -> Result<Vec<EditionRef>, ApiError> {
    client::get("/editions").await
}

/// The edition's schools or (`companies`) companies that are not archived,
/// by id and name.
pub async fn edition_members(edition: i64, companies: bool) -> Result<Vec<NamedRef>, ApiError> {
    let kind = if companies { "companies" } else { "schools" };
    client::get(&format!("/editions/{edition}/{kind}?archived=false")).await
}

pub async fn invite(id: i64, input: &CoordinatorInput) -> Result<InvitationLink, ApiError> {
    client::post(&format!("/regions/{id}/coordinators"), input).await
}

pub async fn add_partner(id: i64, input: &PartnerInput) -> Result<RegionDetail, ApiError> {
    client::post(&format!("/regions/{id}/partners"), input).await
}

pub async fn remove_partner(id: i64, partner: i64) -> Result<RegionDetail, ApiError> {
    client::delete(&format!("/regions/{id}/partners/{partner}")).await
}

pub async fn portrait(id: i64) -> Result<Portrait, ApiError> {
    client::get(&format!("/regions/{id}/portrait")).await
}

pub async fn import_pupils(id: i64, csv: &str, save: bool) -> Result<PupilImport, ApiError> {
    client::post(&format!("/regions/{id}/pupils/import"), &PupilCsv { csv: csv.to_string(), save }).await
}

pub async fn add_progression(id: i64, input: &ProgressionInput) -> Result<Portrait, ApiError> {
    client::post(&format!("/regions/{id}/progression"), input).await
}

pub async fn remove_progression(id: i64, figure: i64) -> Result<Portrait, ApiError> {
    client::delete(&format!("/regions/{id}/progression/{figure}")).await
}

pub async fn add_facility(id: i64, input: &FacilityInput) -> Result<Portrait, ApiError> {
    client::post(&format!("/regions/{id}/facilities"), input).await
}

pub async fn remove_facility(id: i64, facility: i64) -> Result<Portrait, ApiError> {
    client::delete(&format!("/regions/{id}/facilities/{facility}")).await
}

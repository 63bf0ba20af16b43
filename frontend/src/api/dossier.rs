//! The award dossier's endpoints (`/api/schools/{id}/dossier`): each
//! answers the dossier page as the caller reads it (`rubric::dossier::DossierPage`).

use super::client::{self, ApiError};
use rubric::dossier::{CompanyPartWrite, DossierPage, SchoolPartWrite, SignWrite};
use rubric::submission::ReasonInput;

fn base(school: i64) -> String {
    format!("/schools/{school}/dossier")
}

pub async fn page(school: i64) -> Result<DossierPage, ApiError> {
    client::get(&base(school)).await
}

pub async fn save_school(school: i64, body: &SchoolPartWrite) -> Result<DossierPage, ApiError> {
    client::put(&format!("{}/school", base(school)), body).await
}

pub async fn save_company(school: i64, body: &CompanyPartWrite) -> Result<DossierPage, ApiError> {
    client::put(&format!("{}/company", base(school)), body).await
}

pub async fn sign(school: i64, revision: u32) -> Result<DossierPage, ApiError> {
    client::post(&format!("{}/sign", base(school)), &SignWrite { revision }).await
}

pub async fn reopen(school: i64, reason: String) -> Result<DossierPage, ApiError> {
    client::post(&format!("{}/reopen", base(school)), &ReasonInput { reason }).await
}

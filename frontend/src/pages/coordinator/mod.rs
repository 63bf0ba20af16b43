//! The coordinator's pages: dashboard, edition (with backup), schools,
//! companies, matching, learning networks and people. Each page but the
//! edition page sits in an [`frame::EditionFrame`] that shows the edition
//! picker (the active edition by default) and the first steps on an empty
//! installation.

pub mod dashboard;
pub mod edition;
pub mod empty;
pub mod frame;
pub mod matching;
pub mod networks;
pub mod organisations;
pub mod people;

use crate::api::ApiError;
use std::future::Future;

/// Load something of the chosen edition; nothing while there is none.
pub async fn for_edition<T, F, Fut>(edition: Option<i64>, load: F) -> Result<Option<T>, ApiError>
where
    F: FnOnce(i64) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    match edition {
        Some(id) => load(id).await.map(Some),
        None => Ok(None),
    }
}

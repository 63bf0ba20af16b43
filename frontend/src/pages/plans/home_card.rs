//! The plan card on a school member's start page: the summary of their
//! school's plan (goals, version, open and unread comments). The start
//! page fetches it with [`load_summary`] and shows it with
//! [`crate::components::plan_card::plan_card`] (no component of its own,
//! issue 13: each component type costs Yew's machinery again).

use crate::api::{self, ApiError};
use rubric::plan::view::PlanSummary;

/// The summary of `school`'s plan; nothing without a school.
pub async fn load_summary(school: Option<i64>) -> Result<Option<PlanSummary>, ApiError> {
    match school {
        Some(id) => api::plans::summary(id).await.map(Some),
        None => Ok(None),
    }
}

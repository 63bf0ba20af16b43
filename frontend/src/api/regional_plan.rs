//! The regional plan endpoints (issue 17): the plan page, goal and action
//! writes with their version, deletes, and the address of the budget CSV.

use super::client::{self, ApiError};
use gloo_net::http::Method;
use rubric::regional_plan::view::{RegionalActionWrite, RegionalGoalWrite, RegionalPlanPage};

fn base(region: i64) -> String {
    format!("/regions/{region}/plan")
}

pub async fn page(region: i64) -> Result<RegionalPlanPage, ApiError> {
    client::get(&base(region)).await
}

/// The budget CSV's address, for a download link.
pub fn budget_csv_href(region: i64) -> String {
    format!("/api{}/budget.csv", base(region))
}

/// Create a goal (`goal` is `None`) or update one. The answer (the row and
/// the new cofinancing) is not read: the page reloads the plan.
pub async fn save_goal(region: i64, goal: Option<i64>, body: &RegionalGoalWrite) -> Result<(), ApiError> {
    match goal {
        None => client::write_unread(Method::POST, &format!("{}/goals", base(region)), Some(body)).await,
        Some(id) => client::write_unread(Method::PUT, &format!("{}/goals/{id}", base(region)), Some(body)).await,
    }
}

/// Create an action under `goal` (`action` is `None`) or update one; not read.
pub async fn save_action(region: i64, goal: i64, action: Option<i64>, body: &RegionalActionWrite) -> Result<(), ApiError> {
    match action {
        None => client::write_unread(Method::POST, &format!("{}/goals/{goal}/actions", base(region)), Some(body)).await,
        Some(id) => client::write_unread(Method::PUT, &format!("{}/actions/{id}", base(region)), Some(body)).await,
    }
}

#[derive(serde::Serialize)]
struct Version {
    version: i64,
}

/// Delete a goal (`is_goal`) or an action at `version`; not read.
pub async fn delete(region: i64, is_goal: bool, id: i64, version: i64) -> Result<(), ApiError> {
    let kind = if is_goal { "goals" } else { "actions" };
    client::write_unread(Method::DELETE, &format!("{}/{kind}/{id}", base(region)), Some(&Version { version })).await
}

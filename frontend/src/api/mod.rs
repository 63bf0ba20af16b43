//! The HTTP client: `client` sends requests to `/api` and turns failures
//! into [`client::ApiError`]; one module per resource wraps the endpoints.

pub mod auth;
pub mod client;
pub mod dossier;
pub mod evidence;
pub mod jury;
pub mod nulmeting;
pub mod plans;
pub mod programme;
pub mod regional_plan;
pub mod regions;
pub mod rubric;

pub use client::{ApiError, ErrorCode, FieldCode, FieldError};

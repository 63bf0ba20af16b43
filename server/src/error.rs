//! The API's error type: one variant per HTTP status, rendered as JSON
//! `{code, message, fields}` with `code` one of `rubric::errors::ErrorCode`.
//! Database and internal errors are logged and answered with a generic 500
//! so no internals leak to the client. Also
//! [`json_errors`], which gives the router's own plain-text refusals the
//! same JSON shape.

use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rubric::errors::{ErrorCode, FieldCode};
use serde::Serialize;

pub type Result<T, E = AppError> = std::result::Result<T, E>;

/// A message at one field of a form or API body.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    /// The problem by name, for the ones the interface words itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<FieldCode>,
    /// The problem as the domain crate describes it (a validation error
    /// enum of `rubric`, externally tagged), for a page that words that
    /// enum in the reader's language and for other API clients; `message`
    /// is its English text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<serde_json::Value>,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl ToString) -> Self {
        Self { field: field.into(), message: message.to_string(), code: None, detail: None }
    }

    /// A domain validation error at `field`, with the error itself as
    /// [`FieldError::detail`].
    pub fn detailed<E: std::fmt::Display + Serialize>(field: impl Into<String>, error: &E) -> Self {
        Self { detail: serde_json::to_value(error).ok(), ..Self::new(field, error) }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the request is malformed (bad JSON, wrong types).
    #[error("{message}")]
    BadRequest { code: &'static str, message: String },
    /// 401: no valid session.
    #[error("sign in first")]
    Unauthorized,
    /// 403: signed in, but this person may not do this.
    #[error("you do not have access to this")]
    Forbidden,
    /// 403 with a reason the person can act on (e.g. "ask the programme
    /// coordinator"), where a bare refusal would leave them guessing.
    #[error("{message}")]
    Refused { code: &'static str, message: String },
    /// 404: no such thing (or not visible to this person).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// 409: the thing changed since the client read it; carries the current state.
    #[error("{message}")]
    Conflict { code: &'static str, message: String, current: Option<serde_json::Value> },
    /// 410: a sign-in link that was used or revoked.
    #[error("{message}")]
    Gone { code: &'static str, message: String },
    /// 413: the body is larger than the endpoint accepts.
    #[error("the request is too large")]
    PayloadTooLarge,
    /// 415: a body that is not JSON (`Content-Type: application/json`).
    #[error("send the body as JSON (Content-Type: application/json)")]
    UnsupportedMediaType,
    /// 422: the body is well-formed but a value is not acceptable.
    #[error("some fields are not valid")]
    Validation(Vec<FieldError>),
    /// 408: the request was not answered within the request timeout.
    #[error("the request took too long and was stopped; please try again")]
    TimedOut,
    /// 429: too many failed sign-ins from one address.
    #[error("too many failed sign-in attempts from this address; wait a moment and try again")]
    TooManyAttempts,
    /// 503: the write turn did not come in time (a very long write, e.g. a
    /// large import, is running); the client may try again.
    #[error("the server is busy; please try again in a moment")]
    Busy,
    /// 500: logged, never shown (503 when it only means "busy").
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    /// 500: logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        AppError::BadRequest { code, message: message.into() }
    }

    pub fn field(field: impl Into<String>, message: impl ToString) -> Self {
        AppError::Validation(vec![FieldError::new(field, message)])
    }

    /// A domain validation error at `field` ([`FieldError::detailed`]).
    pub fn field_detailed<E: std::fmt::Display + Serialize>(field: impl Into<String>, error: &E) -> Self {
        AppError::Validation(vec![FieldError::detailed(field, error)])
    }

    /// As [`AppError::field`], naming the problem with a [`FieldCode`].
    pub fn field_coded(field: impl Into<String>, code: FieldCode, message: impl ToString) -> Self {
        AppError::Validation(vec![FieldError { code: Some(code), ..FieldError::new(field, message) }])
    }

    /// A name that failed `rubric::people::validate_name`, at `field`.
    pub fn name(field: &str, e: rubric::people::NameError) -> Self {
        match e {
            rubric::people::NameError::Empty => AppError::field_coded(field, FieldCode::NameEmpty, e),
            other => AppError::field(field, other),
        }
    }

    pub fn refused(code: &'static str, message: impl Into<String>) -> Self {
        AppError::Refused { code, message: message.into() }
    }

    /// A refused step on a sheet (frozen, already requested, ...): 409 with
    /// the rule's code and message; one's own sheet is 403.
    pub fn submission(e: rubric::submission::SubmissionError) -> Self {
        match e {
            rubric::submission::SubmissionError::OwnSheet => AppError::refused(e.code(), e.to_string()),
            _ => AppError::conflict(e.code(), e.to_string(), None),
        }
    }

    pub fn conflict(code: &'static str, message: impl Into<String>, current: Option<serde_json::Value>) -> Self {
        AppError::Conflict { code, message: message.into(), current }
    }

    fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Refused { .. } => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict { .. } => StatusCode::CONFLICT,
            AppError::Gone { .. } => StatusCode::GONE,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TimedOut => StatusCode::REQUEST_TIMEOUT,
            AppError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Sqlx(e) if is_busy(e) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Sqlx(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The code the answer carries. Handlers name codes as strings; each is
    /// one of `rubric::errors::ErrorCode` (a test reads every handler's
    /// source to check), so the frontend reads them as that enum.
    fn code(&self) -> ErrorCode {
        match self {
            AppError::BadRequest { code, .. }
            | AppError::Conflict { code, .. }
            | AppError::Gone { code, .. }
            | AppError::Refused { code, .. } => ErrorCode::from_code(code),
            AppError::Unauthorized => ErrorCode::Unauthorized,
            AppError::Forbidden => ErrorCode::Forbidden,
            AppError::NotFound(_) => ErrorCode::NotFound,
            AppError::PayloadTooLarge => ErrorCode::TooLarge,
            AppError::UnsupportedMediaType => ErrorCode::NotJson,
            AppError::Validation(_) => ErrorCode::Validation,
            AppError::TimedOut => ErrorCode::TimedOut,
            AppError::TooManyAttempts => ErrorCode::TooManyAttempts,
            AppError::Busy => ErrorCode::Busy,
            AppError::Sqlx(e) if is_busy(e) => ErrorCode::Busy,
            AppError::Sqlx(_) | AppError::Internal(_) => ErrorCode::Internal,
        }
    }
}

/// A database error that only means "someone else holds the write lock for
/// too long": the writer's turn timed out, or SQLite's busy timeout ran out
/// (another process, such as the command line, was writing).
fn is_busy(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut => true,
        sqlx::Error::Database(d) => {
            d.code().and_then(|c| c.parse::<i64>().ok()).is_some_and(|c| matches!(c & 0xff, 5 | 6))
        }
        _ => false,
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: ErrorCode,
    message: String,
    #[serde(skip_serializing_if = "<[FieldError]>::is_empty")]
    fields: &'a [FieldError],
    #[serde(skip_serializing_if = "Option::is_none")]
    current: Option<&'a serde_json::Value>,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        let message = match &self {
            AppError::Sqlx(e) if is_busy(e) => {
                tracing::warn!("database busy: {e}");
                AppError::Busy.to_string()
            }
            AppError::Sqlx(e) => {
                tracing::error!("database error: {e}");
                "something went wrong on the server; please try again".to_string()
            }
            AppError::Internal(e) => {
                tracing::error!("internal error: {e}");
                "something went wrong on the server; please try again".to_string()
            }
            other => other.to_string(),
        };
        let fields: &[FieldError] = match &self {
            AppError::Validation(f) => f,
            _ => &[],
        };
        let current = match &self {
            AppError::Conflict { current, .. } => current.as_ref(),
            _ => None,
        };
        let mut response =
            (status, Json(ErrorBody { code: self.code(), message, fields, current })).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, axum::http::HeaderValue::from_static("2"));
        }
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert("www-authenticate", axum::http::HeaderValue::from_static("Cookie realm=\"stempact\""));
        }
        response
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => AppError::UnsupportedMediaType,
            _ => AppError::bad_request("bad_json", rejection.body_text()),
        }
    }
}

/// Middleware for the API: an error the router or an extractor answered
/// itself in plain text (a path or query that does not parse, a method the
/// path does not have, a body over the limit) becomes a JSON
/// `{code, message}` like every other error.
pub async fn json_errors(response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096).await.map(|b| String::from_utf8_lossy(&b).trim().to_string()).unwrap_or_default();
    let message = match status {
        StatusCode::METHOD_NOT_ALLOWED => "this endpoint does not take this method".to_string(),
        StatusCode::PAYLOAD_TOO_LARGE => AppError::PayloadTooLarge.to_string(),
        _ if !text.is_empty() => text,
        _ => status.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    let code = match status {
        StatusCode::BAD_REQUEST => ErrorCode::BadRequest,
        StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::TooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::NotJson,
        StatusCode::UNPROCESSABLE_ENTITY => ErrorCode::Unprocessable,
        s if s.is_server_error() => ErrorCode::Internal,
        _ => ErrorCode::Error,
    };
    let json = Json(ErrorBody { code, message, fields: &[], current: None }).into_response();
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    for (name, value) in json.headers() {
        parts.headers.insert(name, value.clone());
    }
    Response::from_parts(parts, json.into_body())
}

/// `Json` whose rejection is an [`AppError`], so malformed bodies get the
/// same JSON error shape as everything else.
#[derive(axum::extract::FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct AppJson<T>(pub T);

impl<T: Serialize> IntoResponse for AppJson<T> {
    fn into_response(self) -> Response {
        Json(self.0).into_response()
    }
}

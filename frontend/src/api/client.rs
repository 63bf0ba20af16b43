//! One way to talk to the server: relative `/api` paths, JSON in and out,
//! the session cookie sent automatically, and every failure (network, HTTP
//! status, bad JSON) mapped to an [`ApiError`] the pages can show.

use gloo_net::http::{Method, RequestBuilder};
pub use rubric::errors::{ErrorCode, FieldCode};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::pin::Pin;

/// A message at one field, as the server reports validation errors.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    /// The problem by name, when the interface words it itself.
    #[serde(default)]
    pub code: Option<FieldCode>,
    /// The problem as the domain crate's validation error, for a page
    /// that words it ([`FieldError::detail_as`]; the pupil file's).
    #[serde(default)]
    pub detail: Option<Current>,
}

impl FieldError {
    /// The domain error this field problem came with, read as `T`.
    pub fn detail_as<T: DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_str(self.detail.as_ref()?.0.get()).ok()
    }
}

/// A failed request. `status` 0 means the server was not reached.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct ApiError {
    #[serde(default)]
    pub status: u16,
    pub code: ErrorCode,
    pub message: String,
    #[serde(default)]
    pub fields: Vec<FieldError>,
    #[serde(default)]
    pub current: Option<Current>,
}

/// The state a refusal came with (a stale write's stored row), kept as the
/// JSON text it came as and read as its type only where it is used
/// ([`ApiError::current_as`]): no untyped JSON tree (`serde_json::Value`)
/// in any app.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Current(Box<serde_json::value::RawValue>);

impl PartialEq for Current {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl Eq for Current {}

impl ApiError {
    pub fn network() -> Self {
        ApiError { status: 0, code: ErrorCode::Network, message: String::new(), fields: vec![], current: None }
    }

    pub fn is_network(&self) -> bool {
        self.status == 0
    }

    /// The current state a refusal came with (a stale write's stored row),
    /// read as the type the endpoint answers with.
    pub fn current_as<T: DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_str(self.current.as_ref()?.0.get()).ok()
    }

    /// The server's problem at a field, if it flagged it.
    pub fn field_error(&self, name: &str) -> Option<&FieldError> {
        self.fields.iter().find(|f| f.field == name)
    }

    /// The message for a field, if the server flagged it.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|f| f.field == name).map(|f| f.message.as_str())
    }
}

/// What the server answered: status and body text, or the failure.
type Answer = Pin<Box<dyn Future<Output = Result<(u16, String), ApiError>>>>;

/// Send the request and read the whole answer as text; an error status
/// becomes the server's [`ApiError`]. Boxed: one copy of the network code
/// for every response type, where an inlined future would be one per type.
fn exchange(method: Method, path: &str, body: Option<String>) -> Answer {
    let url = format!("/api{path}");
    Box::pin(async move {
        let builder = RequestBuilder::new(&url).method(method).header("accept", "application/json");
        let request = match body {
            Some(json) => builder.header("content-type", "application/json").body(json),
            None => builder.build(),
        }
        .map_err(|_| ApiError::network())?;
        let response = request.send().await.map_err(|_| ApiError::network())?;
        let status = response.status();
        let text = response.text().await.map_err(|_| ApiError::network())?;
        if response.ok() {
            return Ok((status, text));
        }
        let mut error = serde_json::from_str::<ApiError>(&text).unwrap_or_else(|_| ApiError {
            status,
            code: ErrorCode::Http,
            message: format!("HTTP {status}"),
            fields: vec![],
            current: None,
        });
        error.status = status;
        Err(error)
    })
}

/// Read an answer as `T`.
fn decode<T: DeserializeOwned>((status, text): (u16, String)) -> Result<T, ApiError> {
    serde_json::from_str(&text).map_err(|e| bad_response(status, e))
}

/// An answer that is not the JSON expected. Not generic: one copy for
/// every response type.
#[inline(never)]
fn bad_response(status: u16, e: serde_json::Error) -> ApiError {
    ApiError { status, code: ErrorCode::BadResponse, message: e.to_string(), fields: vec![], current: None }
}

/// `GET /api{path}`.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode(exchange(Method::GET, path, None).await?)
}

/// A request with a JSON body.
pub async fn send<B: Serialize, T: DeserializeOwned>(method: Method, path: &str, body: &B) -> Result<T, ApiError> {
    let json = serde_json::to_string(body).map_err(|e| ApiError {
        status: 0,
        code: ErrorCode::Encode,
        message: e.to_string(),
        fields: vec![],
        current: None,
    })?;
    decode(exchange(method, path, Some(json)).await?)
}

pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    send(Method::POST, path, body).await
}

pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    send(Method::PUT, path, body).await
}

pub async fn delete<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode(exchange(Method::DELETE, path, None).await?)
}

/// A write whose answer the page does not read (it reloads what changed):
/// only success or the [`ApiError`] matters. `body` `None` sends no body.
pub async fn write_unread<B: Serialize>(method: Method, path: &str, body: Option<&B>) -> Result<(), ApiError> {
    match body {
        Some(b) => send::<B, serde::de::IgnoredAny>(method, path, b).await.map(|_| ()),
        None => decode::<serde::de::IgnoredAny>(exchange(method, path, None).await?).map(|_| ()),
    }
}

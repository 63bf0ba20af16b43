//! One way to talk to the server: relative `/api` paths, JSON in and out,
//! the session cookie sent automatically, and every failure (network, HTTP
//! status, bad JSON) mapped to an [`ApiError`] the pages can show.

use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A message at one field, as the server reports validation errors.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// A failed request. `status` 0 means the server was not reached.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct ApiError {
    #[serde(default)]
    pub status: u16,
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub fields: Vec<FieldError>,
    #[serde(default)]
    pub current: Option<serde_json::Value>,
}

impl ApiError {
    pub fn network() -> Self {
        ApiError { status: 0, code: "network".into(), message: String::new(), fields: vec![], current: None }
    }

    pub fn is_network(&self) -> bool {
        self.status == 0
    }

    /// The message for a field, if the server flagged it.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|f| f.field == name).map(|f| f.message.as_str())
    }
}

async fn send_raw(method: Method, path: &str, body: Option<String>) -> Result<gloo_net::http::Response, ApiError> {
    let url = format!("/api{path}");
    let builder = RequestBuilder::new(&url).method(method).header("accept", "application/json");
    let request = match body {
        Some(json) => builder.header("content-type", "application/json").body(json),
        None => builder.build(),
    }
    .map_err(|_| ApiError::network())?;
    let response = request.send().await.map_err(|_| ApiError::network())?;
    if response.ok() {
        return Ok(response);
    }
    let status = response.status();
    let mut error = response.json::<ApiError>().await.unwrap_or_else(|_| ApiError {
        status,
        code: "http".into(),
        message: format!("HTTP {status}"),
        fields: vec![],
        current: None,
    });
    error.status = status;
    Err(error)
}

async fn decode<T: DeserializeOwned>(response: gloo_net::http::Response) -> Result<T, ApiError> {
    let status = response.status();
    response.json::<T>().await.map_err(|e| ApiError {
        status,
        code: "bad_response".into(),
        message: e.to_string(),
        fields: vec![],
        current: None,
    })
}

/// `GET /api{path}`.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode(send_raw(Method::GET, path, None).await?).await
}

/// A request with a JSON body.
pub async fn send<B: Serialize, T: DeserializeOwned>(method: Method, path: &str, body: &B) -> Result<T, ApiError> {
    let json = serde_json::to_string(body).map_err(|e| ApiError {
        status: 0,
        code: "encode".into(),
        message: e.to_string(),
        fields: vec![],
        current: None,
    })?;
    decode(send_raw(method, path, Some(json)).await?).await
}

pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    send(Method::POST, path, body).await
}

pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    send(Method::PUT, path, body).await
}

pub async fn delete<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode(send_raw(Method::DELETE, path, None).await?).await
}

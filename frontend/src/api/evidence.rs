//! Evidence files: the list of a measurement or a plan, uploading one with
//! progress (an `XMLHttpRequest`, whose upload reports progress; `fetch`
//! does not in Chromium without a streaming body over HTTP/2), deleting
//! and restoring.

use super::client::{self, ApiError, ErrorCode};
use rubric::evidence::EvidenceListView;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{File, ProgressEvent, XmlHttpRequest};
use yew::Callback;

pub async fn list(path: String) -> Result<EvidenceListView, ApiError> {
    client::get(&path).await
}

/// Delete a file (`deleted` true) or restore a deleted one. One function
/// for both: one copy of the request in the app (issue 13).
pub async fn set_deleted(id: i64, deleted: bool) -> Result<(), ApiError> {
    let (method, path) = if deleted {
        (gloo_net::http::Method::DELETE, format!("/evidence/{id}"))
    } else {
        (gloo_net::http::Method::POST, format!("/evidence/{id}/restore"))
    };
    client::write_unread::<()>(method, &path, None).await
}

fn failed() -> ApiError {
    ApiError { status: 0, code: ErrorCode::Network, message: String::new(), fields: vec![], current: None }
}

/// POST the file's bytes to `/api{path}?name=`, without a `Content-Type`
/// (a blob sliced without a type): `progress` gets the percentage sent,
/// `done` the outcome.
pub fn upload(path: &str, file: &File, progress: Callback<u8>, done: Callback<Result<(), ApiError>>) {
    send_file(path, file, progress, done.reform(|r: Result<String, ApiError>| r.map(|_| ())));
}

/// As [`upload`], `done` getting the answer's text on success.
pub fn send_file(path: &str, file: &File, progress: Callback<u8>, done: Callback<Result<String, ApiError>>) {
    let refused = done.clone();
    let start = move || -> Result<(), wasm_bindgen::JsValue> {
        let xhr = XmlHttpRequest::new()?;
        let name = String::from(js_sys::encode_uri_component(&file.name()));
        xhr.open_with_async("POST", &format!("/api{path}?name={name}"), true)?;
        xhr.set_request_header("accept", "application/json")?;
        let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            if e.length_computable() && e.total() > 0.0 {
                progress.emit((e.loaded() / e.total() * 100.0).clamp(0.0, 100.0) as u8);
            }
        });
        xhr.upload()?.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        let finished = xhr.clone();
        // Called once, at the end (load or error): it drops the progress closure.
        let on_end = Closure::once_into_js(move || {
            drop(on_progress);
            let status = finished.status().unwrap_or(0);
            let text = finished.response_text().ok().flatten().unwrap_or_default();
            done.emit(match status {
                200..=299 => Ok(text),
                0 => Err(failed()),
                _ => Err(serde_json::from_str::<ApiError>(&text).map(|e| ApiError { status, ..e }).unwrap_or_else(|_| ApiError { status, ..failed() })),
            });
        });
        xhr.set_onloadend(Some(on_end.unchecked_ref()));
        xhr.send_with_opt_blob(Some(&file.slice()?))?;
        Ok(())
    };
    if start().is_err() {
        refused.emit(Err(failed()));
    }
}

//! Refuses writes a browser sends on another site's behalf. The session
//! cookie is SameSite=Strict, but a sibling subdomain counts as the same
//! site and a form or `no-cors` fetch can post without a preflight, so every
//! API write (POST, PUT, PATCH, DELETE) must also carry no body or a JSON
//! one (a form or `text/plain` post is refused with 415), and must not come
//! from another origin according to the browser's `Sec-Fetch-Site` or,
//! in browsers without it, `Origin` header (403).

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_TYPE, HOST, ORIGIN};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Middleware for the API router.
pub async fn refuse_cross_site(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if is_write(request.method()) {
        if let Err(e) = check(request.headers(), &state.config.public_url) {
            return e.into_response();
        }
    }
    next.run(request).await
}

fn is_write(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn header(headers: &HeaderMap, name: impl axum::http::header::AsHeaderName) -> Option<&str> {
    headers.get(name).map(|v| v.to_str().unwrap_or("\u{0}"))
}

/// `scheme://host[:port]` → `host[:port]`, lower case.
fn authority(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or("").to_ascii_lowercase()
}

fn check(headers: &HeaderMap, public_url: &str) -> Result<(), AppError> {
    if let Some(content_type) = header(headers, CONTENT_TYPE) {
        let mime = content_type.split(';').next().unwrap_or("").trim();
        if !mime.eq_ignore_ascii_case("application/json") {
            return Err(AppError::UnsupportedMediaType);
        }
    }
    let cross_site = || AppError::Forbidden;
    match header(headers, "sec-fetch-site") {
        Some("same-origin" | "none") => Ok(()),
        Some(_) => Err(cross_site()),
        None => match header(headers, ORIGIN) {
            None => Ok(()),
            Some(origin) => {
                let origin = authority(origin);
                let host = header(headers, HOST).map(str::to_ascii_lowercase);
                if Some(&origin) == host.as_ref() || origin == authority(public_url) {
                    Ok(())
                } else {
                    Err(cross_site())
                }
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn json_or_no_body_from_the_same_origin_passes() {
        let url = "https://stempact.example.org";
        assert!(check(&headers(&[]), url).is_ok());
        assert!(check(&headers(&[("content-type", "application/json")]), url).is_ok());
        assert!(check(&headers(&[("content-type", "Application/JSON; charset=utf-8")]), url).is_ok());
        assert!(check(&headers(&[("sec-fetch-site", "same-origin")]), url).is_ok());
        assert!(check(&headers(&[("origin", "https://stempact.example.org")]), url).is_ok());
        assert!(check(&headers(&[("origin", "http://localhost:8080"), ("host", "localhost:8080")]), url).is_ok());
    }

    #[test]
    fn forms_and_other_sites_are_refused() {
        let url = "https://stempact.example.org";
        for ct in ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/jsonp", ""] {
            let mut h = HeaderMap::new();
            h.insert("content-type", HeaderValue::from_str(ct).unwrap());
            assert!(matches!(check(&h, url), Err(AppError::UnsupportedMediaType)), "{ct}");
        }
        for site in ["same-site", "cross-site"] {
            let mut h = HeaderMap::new();
            h.insert("sec-fetch-site", HeaderValue::from_static(site));
            assert!(matches!(check(&h, url), Err(AppError::Forbidden)), "{site}");
        }
        assert!(check(&headers(&[("origin", "https://evil.example.org"), ("host", "stempact.example.org")]), url).is_err());
        assert!(check(&headers(&[("origin", "null")]), url).is_err());
    }
}

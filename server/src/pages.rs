//! The built web apps: the bundle files as they are (gzipped copies for
//! browsers that accept gzip), and for every other address the page of the
//! app that serves it (`rubric::apps::App`): `/coordinator/...` the
//! coordinator's app, `/schools/...` the school team's, and so on; `/`
//! the signed-in person's own app (the public one for visitors).

use crate::auth::MaybeAuthUser;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use rubric::apps::App;
use std::path::Path;
use tower_http::services::ServeDir;

/// Bundle files from `dist`, every other address answered with a page.
pub fn router(state: AppState) -> Router {
    let dist = state.config.dist_dir.clone();
    let page = axum::routing::get(app_page).with_state(state);
    let files = ServeDir::new(dist).precompressed_gzip().append_index_html_on_directories(false).fallback(page);
    Router::new().fallback_service(files)
}

/// The page file of `app` in `dist`: `NAME.html`, or `index.html` in a dist
/// that holds one app only (the benchmark pages).
fn page_file(dist: &Path, app: App) -> std::path::PathBuf {
    let own = dist.join(format!("{}.html", app.name()));
    if own.is_file() {
        own
    } else {
        dist.join("index.html")
    }
}

fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| coding.split(';').next().is_some_and(|c| c.trim() == "gzip"))
}

// GET any address that is not a file: the page of the app that serves it.
// Sent without a date or tag to revalidate against: the page at `/` depends
// on who asks, so a browser must never reuse one person's page for another.
async fn app_page(
    State(state): State<AppState>,
    user: Result<MaybeAuthUser, AppError>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let path = uri.path();
    // A file that is not there (an old hashed bundle) is a 404, never a page
    // the browser would cache as that file.
    if crate::headers::is_asset(path) {
        return (StatusCode::NOT_FOUND, [(header::CACHE_CONTROL, "no-store")], "not found").into_response();
    }
    let role = user.ok().and_then(|MaybeAuthUser(u)| u).map(|u| u.role());
    let app = if path == "/" { App::home_for(role) } else { App::for_path(path) };
    let file = page_file(&state.config.dist_dir, app);
    let gzip_file = file.with_extension("html.gz");
    let gzip = accepts_gzip(&headers) && gzip_file.is_file();
    let body = match tokio::fs::read(if gzip { &gzip_file } else { &file }).await {
        Ok(body) => body,
        Err(e) => {
            tracing::error!("cannot read the page {}: {e}", file.display());
            return (StatusCode::NOT_FOUND, "the web app is not built").into_response();
        }
    };
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding, cookie"));
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_accepted_by_name_only() {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("br, gzip;q=0.8"));
        assert!(accepts_gzip(&h));
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("x-gzipped, br"));
        assert!(!accepts_gzip(&h));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}

//! The built web apps: the bundle files as they are (gzipped copies for
//! browsers that accept gzip), and for every other address the page of the
//! app that serves it (`rubric::apps::App`): `/coordinator/...` the
//! coordinator's app, `/schools/...` the school team's, and so on; `/`
//! the signed-in person's own app (the public one for visitors).
//!
//! An app's page carries its first screen, rendered here by the app's own
//! components (`frontend::ssr`): the header as the person will see it and
//! the page's loading state, so the page paints before its wasm is in, and
//! the session the app starts from (no `GET /api/me` on a page load).

use crate::auth::MaybeAuthUser;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;
use rubric::apps::App;
use rubric::Lang;
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
    let me = user.ok().and_then(|MaybeAuthUser(u)| u).map(|u| u.0);
    let role = me.as_ref().map(|m| m.role);
    let app = if path == "/" { App::home_for(role) } else { App::for_path(path) };
    let file = page_file(&state.config.dist_dir, app);
    let page = match tokio::fs::read_to_string(&file).await {
        Ok(page) => page,
        Err(e) => {
            tracing::error!("cannot read the page {}: {e}", file.display());
            return (StatusCode::NOT_FOUND, "the web app is not built").into_response();
        }
    };
    let request = frontend::ssr::Request {
        app,
        path: path.to_string(),
        query: uri.query().unwrap_or_default().to_string(),
        lang: lang_of(&headers),
        me,
    };
    let body = with_first_screen(page, request).await.into_bytes();
    let gzipped = accepts_gzip(&headers).then(|| gzipped(&body)).flatten();
    let gzip = gzipped.is_some();
    let body = gzipped.unwrap_or(body);
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    // The page names the person it was sent to: never kept by a shared cache.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding, cookie"));
    if gzip {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

/// How long a first screen may take to render before the page goes
/// without it (the app then renders as before, only later).
const FIRST_SCREEN_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(500);

/// `page` (an app's built page) with the first screen of `request` at the
/// start of its body, its language on `<html>` and the session in a
/// `<meta>`. A page without the marker the apps' template puts on `<body>`
/// (the benchmark's pages, a build from before) is sent as it is.
async fn with_first_screen(page: String, request: frontend::ssr::Request) -> String {
    const BODY: &str = "<body data-first-screen>";
    let Some(at) = page.find(BODY) else { return page };
    let session = serde_json::to_string(&request.me).unwrap_or_else(|_| "null".into());
    let lang = request.lang;
    // In a task of its own: a component that panicked would end that task
    // (and the render's own wait), not this answer.
    let render = tokio::spawn(frontend::ssr::first_screen(request));
    let screen = match tokio::time::timeout(FIRST_SCREEN_TIMEOUT, render).await {
        Ok(Ok(screen)) => screen,
        Ok(Err(e)) => {
            tracing::error!("a first screen could not be rendered ({e}); the page goes without");
            return page;
        }
        Err(_) => {
            tracing::warn!("a first screen took longer than {FIRST_SCREEN_TIMEOUT:?}; the page goes without");
            return page;
        }
    };
    let (head, body) = page.split_at(at);
    let body = &body[BODY.len()..];
    let head = head.replacen("<html lang=nl>", &format!("<html lang={}>", lang.code()), 1);
    let meta = format!(
        "<meta name={} content=\"{}\">",
        frontend::boot::SESSION_META,
        escape_attribute(&session)
    );
    let head = match head.rfind("</head>") {
        Some(end) => format!("{}{meta}{}", &head[..end], &head[end..]),
        None => format!("{head}{meta}"),
    };
    format!("{head}{BODY}<div id={}>{screen}</div>{body}", frontend::boot::FIRST_SCREEN_ID)
}

/// `value` for a double-quoted HTML attribute.
fn escape_attribute(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 16);
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The language the page's person chose (`frontend::boot::LANG_COOKIE`,
/// set by the app), Dutch when none.
fn lang_of(headers: &HeaderMap) -> Lang {
    crate::auth::cookie(headers, frontend::boot::LANG_COOKIE).and_then(|value| Lang::from_code(value.trim())).unwrap_or_default()
}

/// `body` gzipped (fast: a page is a few kB and rendered per request).
/// `None` if it cannot be (the page then goes uncompressed).
fn gzipped(body: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 3), flate2::Compression::fast());
    encoder.write_all(body).and_then(|()| encoder.finish()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me(name: &str) -> rubric::people::Me {
        rubric::people::Me {
            id: 7,
            name: name.into(),
            role: rubric::people::Role::Juror,
            school_id: None,
            school_name: None,
            company_id: None,
            company_name: None,
            school_function: None,
        }
    }

    const PAGE: &str = "<!doctype html><html lang=nl><head><title>STEMpact</title></head><body data-first-screen><noscript>x</noscript></body></html>";

    /// The first screen is the app's header for the person, in their
    /// language, with the page's loading state; their name is escaped in
    /// the text and in the session the app starts from.
    #[tokio::test]
    async fn the_first_screen_shows_the_person_escaped_in_their_language() {
        let request = |lang, me| frontend::ssr::Request { app: App::Jury, path: "/jury".into(), query: String::new(), lang, me };
        let page = with_first_screen(PAGE.into(), request(Lang::En, Some(me("An <script>\"&'")))).await;
        assert!(page.starts_with("<!doctype html><html lang=en><head>"), "{page}");
        let (head, body) = page.split_once("<body data-first-screen>").expect("the body stays");
        assert!(head.contains(r#"<meta name=stempact-session content="{&quot;id&quot;:7,&quot;name&quot;:&quot;An &lt;script&gt;\&quot;&amp;&#39;&quot;"#), "{head}");
        assert!(body.starts_with("<div id=first-screen><header class=\"site-header\""), "{body}");
        assert!(body.contains("An &lt;script&gt;"), "{body}");
        assert!(!body.contains("<script>"), "{body}");
        assert!(body.contains("Loading"), "the page's loading state, in English: {body}");
        assert!(body.contains("href=\"/jury\""), "the juror's navigation: {body}");
        assert!(body.ends_with("</div><noscript>x</noscript></body></html>"), "{body}");

        let page = with_first_screen(PAGE.into(), request(Lang::Nl, None)).await;
        assert!(page.contains("<html lang=nl>") && page.contains("<meta name=stempact-session content=\"null\">"), "{page}");
        assert!(page.contains("Laden") && !page.contains("href=\"/jury\""), "signed out, in Dutch: {page}");
    }

    #[tokio::test]
    async fn a_page_without_the_marker_goes_as_it_is() {
        let page = PAGE.replace(" data-first-screen", "");
        let request = frontend::ssr::Request { app: App::Public, path: "/".into(), query: String::new(), lang: Lang::En, me: None };
        assert_eq!(with_first_screen(page.clone(), request).await, page);
    }

    #[test]
    fn the_language_comes_from_its_cookie() {
        let mut h = HeaderMap::new();
        assert_eq!(lang_of(&h), Lang::Nl);
        h.insert(header::COOKIE, HeaderValue::from_static("stempact_session=abc; stempact-lang=en"));
        assert_eq!(lang_of(&h), Lang::En);
        h.insert(header::COOKIE, HeaderValue::from_static("stempact-lang=xx"));
        assert_eq!(lang_of(&h), Lang::Nl);
    }

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

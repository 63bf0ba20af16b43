//! Handler tests without a network: the router answered with `oneshot`.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use rubric::people::Role;
use server::db::people::NewPerson;
use server::state::{AppState, Config};
use tower::ServiceExt;

async fn state() -> (AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config { dist_dir: dir.path().join("dist"), public_url: "http://test".into(), secure_cookies: false };
    let state = server::prepare(dir.path(), config).await.expect("database opens");
    (state, dir)
}

async fn call(state: &AppState, req: Request<Body>) -> (StatusCode, Option<String>, serde_json::Value) {
    let res = server::app(state.clone()).oneshot(req).await.expect("response");
    let status = res.status();
    let cookie = res.headers().get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).map(String::from);
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    (status, cookie, serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null))
}

fn post_json(uri: &str, body: serde_json::Value) -> Request<Body> {
    Request::post(uri).header(header::CONTENT_TYPE, "application/json").body(Body::from(body.to_string())).unwrap()
}

async fn invite(state: &AppState, role: Role) -> String {
    let p = NewPerson { name: "Test".into(), email: String::new(), role, school_id: None, company_id: None, school_function: None };
    server::invite::create(&state.writer, &p, None).await.expect("invite").1
}

#[tokio::test]
async fn health_reports_ok() {
    let (state, _dir) = state().await;
    let (status, _, body) = call(&state, Request::get("/api/health").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], true);
}

#[tokio::test]
async fn sign_in_sets_a_strict_http_only_cookie_once() {
    let (state, _dir) = state().await;
    let token = invite(&state, Role::Coordinator).await;
    let (status, cookie, body) = call(&state, post_json("/api/auth/signin", serde_json::json!({"token": token}))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["role"], "coordinator");
    let cookie = cookie.expect("a session cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    let session = cookie.split(';').next().unwrap().to_string();

    let me = Request::get("/api/me").header(header::COOKIE, &session).body(Body::empty()).unwrap();
    let (status, _, body) = call(&state, me).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["name"], "Test");

    let (status, _, body) = call(&state, post_json("/api/auth/signin", serde_json::json!({"token": token}))).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(body["code"], "link_used");
}

#[tokio::test]
async fn a_reissued_link_revokes_the_old_one() {
    let (state, _dir) = state().await;
    let p = NewPerson { name: "A".into(), email: String::new(), role: Role::Juror, school_id: None, company_id: None, school_function: None };
    let (id, old) = server::invite::create(&state.writer, &p, None).await.unwrap();
    let new = server::db::people::issue_invitation(&mut state.writer.pool().acquire().await.unwrap(), id, None).await.unwrap();
    let (status, _, body) = call(&state, post_json("/api/auth/signin", serde_json::json!({"token": old}))).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::GONE, Some("link_revoked")));
    let (status, _, _) = call(&state, post_json("/api/auth/signin", serde_json::json!({"token": new}))).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn bad_sign_in_bodies_get_clear_errors() {
    let (state, _dir) = state().await;
    let (status, _, body) = call(&state, post_json("/api/auth/signin", serde_json::json!({"token": "nope"}))).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_link")));
    let (status, _, body) = call(&state, post_json("/api/auth/signin", serde_json::json!({"token": "ab".repeat(32)}))).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::BAD_REQUEST, Some("invalid_link")));
    let req = Request::post("/api/auth/signin").header(header::CONTENT_TYPE, "application/json").body(Body::from("{")).unwrap();
    let (status, _, body) = call(&state, req).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::BAD_REQUEST, Some("bad_json")));
}

#[tokio::test]
async fn me_without_a_session_is_401() {
    let (state, _dir) = state().await;
    let (status, _, body) = call(&state, Request::get("/api/me").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "unauthorized");
    let req = Request::get("/api/me").header(header::COOKIE, "stempact_session=forged").body(Body::empty()).unwrap();
    assert_eq!(call(&state, req).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn unknown_api_paths_are_json_404() {
    let (state, _dir) = state().await;
    let (status, _, body) = call(&state, Request::get("/api/nothing-here").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["code"], "not_found");
}

#[tokio::test]
async fn the_rubric_is_public() {
    let (state, _dir) = state().await;
    let (status, _, body) = call(&state, Request::get("/api/rubric").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["aspects"].as_array().map(Vec::len), Some(7));
}

#[tokio::test]
async fn first_start_creates_one_coordinator_link() {
    let (state, _dir) = state().await;
    let link = server::bootstrap(&state.writer, "http://x").await.unwrap().expect("a link on first start");
    assert!(link.starts_with("http://x/signin#"));
    assert_eq!(server::bootstrap(&state.writer, "http://x").await.unwrap(), None);
}

#[tokio::test]
async fn assets_are_served_gzipped_and_cached_by_their_hash() {
    let (state, _dir) = state().await;
    let dist = &state.config.dist_dir;
    std::fs::create_dir_all(dist).expect("dist");
    std::fs::write(dist.join("school.html"), "<!DOCTYPE html><title>STEMpact</title>").expect("page");
    std::fs::write(dist.join("app-0123abcd_bg.wasm"), b"\0asm raw").expect("wasm");
    std::fs::write(dist.join("app-0123abcd_bg.wasm.gz"), b"gzipped wasm").expect("wasm.gz");
    let get = |uri: &str, gzip: bool| {
        let mut req = Request::get(uri);
        if gzip {
            req = req.header(header::ACCEPT_ENCODING, "gzip, br");
        }
        req.body(Body::empty()).unwrap()
    };
    let fetch = |req: Request<Body>| async {
        let res = server::app(state.clone()).oneshot(req).await.expect("response");
        let h = |name| res.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let (encoding, cache) = (h(header::CONTENT_ENCODING), h(header::CACHE_CONTROL));
        let body = res.into_body().collect().await.expect("body").to_bytes();
        (encoding, cache, body)
    };

    let (encoding, cache, body) = fetch(get("/app-0123abcd_bg.wasm", true)).await;
    assert_eq!((encoding.as_str(), &body[..]), ("gzip", &b"gzipped wasm"[..]));
    assert!(cache.contains("immutable"), "hashed asset: {cache}");

    let (encoding, _, body) = fetch(get("/app-0123abcd_bg.wasm", false)).await;
    assert_eq!((encoding.as_str(), &body[..]), ("", &b"\0asm raw"[..]), "a client without gzip gets the file itself");

    // An app's address gets the app's page (gzipped as it is sent: the
    // server writes the person's first screen into it), which no shared
    // cache keeps and a browser revalidates.
    let (encoding, cache, body) = fetch(get("/nulmeting", true)).await;
    let mut page = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&body[..]), &mut page).expect("a gzip stream");
    assert_eq!((encoding.as_str(), page.as_str()), ("gzip", "<!DOCTYPE html><title>STEMpact</title>"));
    assert_eq!(cache, "private, no-cache");
    let (encoding, _, body) = fetch(get("/nulmeting", false)).await;
    assert_eq!((encoding.as_str(), &body[..]), ("", &b"<!DOCTYPE html><title>STEMpact</title>"[..]));
}

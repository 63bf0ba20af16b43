//! The hardened server, tried over real sockets where it matters: a
//! half-sent request is closed, a slow upload times out, a full server
//! answers 503 instead of queueing for ever, failed sign-ins per address
//! end in 429 with `Retry-After`; and the headers: a strict content
//! security policy that still lets the app's own start-up script run,
//! HSTS and a `__Host-` cookie behind https, `no-store` on the API,
//! `Vary: Accept-Encoding` on files with a gzip copy, 404 for a missing
//! file instead of the app's page.

use crate::common::{Req, World};
use axum::http::{Method, StatusCode};
use serde_json::json;
use server::limits::Limits;
use server::state::{AppState, Config};
use sha2::Digest;
use std::io::Write;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const LOADER: &str = "\nimport init from '/app-1a2b3c.js';\nawait init('/app-1a2b3c_bg.wasm');\n";
/// The school app's page has a loader of its own (one page per role app).
const SCHOOL_LOADER: &str = "\nimport init from '/school-4d5e6f.js';\nawait init('/school-4d5e6f_bg.wasm');\n";

/// A built frontend as trunk writes it: an inline start-up script, hashed
/// files, and a gzip copy of each.
fn dist() -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("dist");
    let index = format!("<!DOCTYPE html><html><head><script type=\"module\">{LOADER}</script></head><body></body></html>");
    let school = format!("<!DOCTYPE html><html><head><script type=\"module\">{SCHOOL_LOADER}</script></head><body></body></html>");
    for (name, body) in [("index.html", index.as_str()), ("school.html", school.as_str()), ("app-1a2b3c.js", "export default function init() {}")] {
        std::fs::write(d.path().join(name), body).expect("file");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(body.as_bytes()).expect("gzip");
        std::fs::write(d.path().join(format!("{name}.gz")), gz.finish().expect("gzip")).expect("file");
    }
    d
}

/// A fresh installation serving `dist` at `public_url`.
async fn installation(dist: &std::path::Path, public_url: &str) -> (AppState, tempfile::TempDir) {
    let data = tempfile::tempdir().expect("data");
    let config = Config { dist_dir: dist.to_path_buf(), public_url: public_url.into(), secure_cookies: public_url.starts_with("https") };
    (server::prepare(data.path(), config).await.expect("database"), data)
}

/// Serve with `limits` on a loopback port; the address.
async fn serve(state: AppState, limits: Limits) -> (String, tokio::task::JoinHandle<()>) {
    let listener = server::bind(std::net::SocketAddr::from(([127, 0, 0, 1], 0))).await.expect("port");
    let addr = listener.local_addr().expect("address").to_string();
    let task = tokio::spawn(async move {
        let _ = server::serve_with(listener, state, limits, std::future::pending()).await;
    });
    (addr, task)
}

/// Read until the server closes the connection; how long that took (None: still open at `within`).
async fn closed_within(stream: &mut TcpStream, within: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    loop {
        match tokio::time::timeout(within.saturating_sub(started.elapsed()), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => {}
            Err(_) => return None,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_half_sent_request_is_closed_within_30_seconds_while_others_are_served() {
    let d = dist();
    let (state, _data) = installation(d.path(), "http://localhost").await;
    // The defaults `stempact serve` uses.
    let (addr, task) = serve(state, Limits::default()).await;
    let mut stalled = Vec::new();
    for _ in 0..50 {
        let mut s = TcpStream::connect(&addr).await.expect("connect");
        s.write_all(b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ").await.expect("half a header");
        stalled.push(s);
    }
    // Connections that send nothing at all hold no slot for ever either.
    for _ in 0..10 {
        stalled.push(TcpStream::connect(&addr).await.expect("connect"));
    }
    // Meanwhile a whole request is answered at once.
    let r = reqwest::get(format!("http://{addr}/api/health")).await.expect("health");
    assert_eq!(r.status(), 200);
    let waits = futures_all(stalled.iter_mut().map(|s| closed_within(s, Duration::from_secs(30)))).await;
    let open = waits.iter().filter(|w| w.is_none()).count();
    assert_eq!(open, 0, "{open} of 60 silent or half-sent connections still open after 30 s");
    task.abort();
}

/// Await all futures (no extra dependency for `join_all`).
async fn futures_all<F: std::future::Future>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
    let handles: Vec<_> = futures.collect();
    let mut out = Vec::with_capacity(handles.len());
    for f in handles {
        out.push(f.await);
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_upload_times_out_and_a_full_server_answers_503() {
    let d = dist();
    let (state, _data) = installation(d.path(), "http://localhost").await;
    let limits = Limits { request: Duration::from_millis(400), in_flight: 1, in_flight_wait: Duration::from_millis(100), ..Limits::default() };
    let (addr, task) = serve(state, limits).await;
    // A body announced but sent only in part holds the one slot ...
    let mut slow = TcpStream::connect(&addr).await.expect("connect");
    slow.write_all(b"POST /api/auth/signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"tok")
        .await
        .expect("part of a body");
    tokio::time::sleep(Duration::from_millis(50)).await;
    // ... so another request waits 100 ms for it, then gets 503 with Retry-After.
    let r = reqwest::get(format!("http://{addr}/api/health")).await.expect("health");
    assert_eq!(r.status(), 503);
    assert!(r.headers().contains_key("retry-after"));
    // The slow upload itself is answered 408 (JSON) when its time is up.
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), slow.read_to_end(&mut answer)).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"code\":\"timed_out\""), "{answer}");
    // The slot is free again.
    assert_eq!(reqwest::get(format!("http://{addr}/api/health")).await.expect("health").status(), 200);
    task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_sign_ins_per_address_end_in_429_with_retry_after() {
    let d = dist();
    let (state, _data) = installation(d.path(), "http://localhost").await;
    let (addr, task) = serve(state.clone(), Limits::default()).await;
    let p = server::db::people::NewPerson {
        name: "Els".into(),
        email: String::new(),
        role: rubric::people::Role::Coordinator,
        school_id: None,
        company_id: None,
        school_function: None,
    };
    let (_, token) = server::invite::create(&state.writer, &p, None).await.expect("invite");
    let http = reqwest::Client::new();
    // Behind a reverse proxy on this machine, the address is the one the proxy forwards.
    let attempt = |from: &'static str, token: String| {
        let http = http.clone();
        let addr = addr.clone();
        async move {
            http.post(format!("http://{addr}/api/auth/signin"))
                .header("x-forwarded-for", from)
                .json(&json!({ "token": token }))
                .send()
                .await
                .expect("sign in")
        }
    };
    let burst = Limits::default().sign_in_burst;
    for n in 0..burst {
        let r = attempt("203.0.113.7", format!("{n:064x}")).await;
        assert_eq!(r.status(), 400, "attempt {n}");
    }
    let r = attempt("203.0.113.7", format!("{:064x}", 99)).await;
    assert_eq!(r.status(), 429);
    let wait: u64 = r.headers()["retry-after"].to_str().expect("text").parse().expect("seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(r.json::<serde_json::Value>().await.expect("json")["code"], "too_many_attempts");
    // Even a good link waits from that address; another address signs in.
    assert_eq!(attempt("203.0.113.7", token.clone()).await.status(), 429);
    assert_eq!(attempt("198.51.100.2", token).await.status(), 200);
    task.abort();
}

/// The hash of an inline script as CSP writes it: standard base64 of its SHA-256.
fn csp_hash(script: &str) -> String {
    let digest = sha2::Sha256::digest(script.as_bytes());
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in digest.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            out.push(if i <= chunk.len() { char::from(alphabet[((n >> (18 - 6 * i)) & 63) as usize]) } else { '=' });
        }
    }
    out
}

fn h(r: &crate::common::Resp, name: &str) -> String {
    r.headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join(", ")
}

#[tokio::test]
async fn the_content_security_policy_allows_only_the_app_and_its_own_start_up_script() {
    let d = dist();
    let (state, _data) = installation(d.path(), "http://localhost").await;
    let w = World::with_state(state);
    let hash = csp_hash;
    for uri in ["/", "/api/health", "/schools/1/plan"] {
        let r = w.send(Req::new(Method::GET, uri)).await;
        let csp = h(&r, "content-security-policy");
        let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
        for expected in ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "style-src 'self'"] {
            assert!(directives.contains(&expected), "{uri}: {expected} in {csp}");
        }
        let script = directives.iter().find(|d| d.starts_with("script-src")).expect("script-src");
        let sources: Vec<&str> = script.split_whitespace().skip(1).collect();
        // Each app page's loader, and nothing else inline.
        let mut hashes = [format!("'sha256-{}'", hash(LOADER)), format!("'sha256-{}'", hash(SCHOOL_LOADER))];
        hashes.sort();
        assert_eq!(sources, ["'self'", "'wasm-unsafe-eval'", hashes[0].as_str(), hashes[1].as_str()], "{uri}");
        assert!(!csp.contains("unsafe-eval'") || csp.contains("'wasm-unsafe-eval'"));
        assert!(!script.contains("unsafe-inline"), "{csp}");
        assert_eq!(h(&r, "strict-transport-security"), "", "no HSTS on plain http");
    }
}

#[tokio::test]
async fn behind_https_hsts_is_sent_and_the_session_cookie_is_host_prefixed() {
    let d = dist();
    let (state, _data) = installation(d.path(), "https://stempact.example.org").await;
    let w = World::with_state(state);
    let r = w.send(Req::new(Method::GET, "/")).await;
    assert_eq!(h(&r, "strict-transport-security"), "max-age=31536000");
    let (_, cookie) = w.sign_up("Els", rubric::people::Role::Coordinator, None, None, None).await;
    let (name, token) = cookie.split_once('=').expect("name=value");
    assert_eq!(name, "__Host-stempact_session");
    assert_eq!(w.send(Req::new(Method::GET, "/api/me").cookie(Some(&cookie))).await.status, StatusCode::OK);
    // The cookie without the prefix (as a sibling subdomain could set it) does not count.
    let plain = format!("stempact_session={token}");
    assert_eq!(w.send(Req::new(Method::GET, "/api/me").cookie(Some(&plain))).await.status, StatusCode::UNAUTHORIZED);
    let r = w.send(Req::new(Method::POST, "/api/auth/signout").cookie(Some(&cookie)).json(&json!({}))).await;
    let cleared = h(&r, "set-cookie");
    for part in ["__Host-stempact_session=", "Secure", "Path=/", "Max-Age=0"] {
        assert!(cleared.split(';').map(str::trim).any(|a| a == part), "{part} in {cleared}");
    }
}

#[tokio::test]
async fn api_answers_are_never_cached_and_files_vary_on_encoding() {
    let d = dist();
    let (state, _data) = installation(d.path(), "http://localhost").await;
    let w = World::with_state(state);
    let (_, cookie) = w.sign_up("Els", rubric::people::Role::Coordinator, None, None, None).await;
    for (uri, status) in [("/api/health", 200), ("/api/me", 200), ("/api/editions", 200), ("/api/nothing-here", 404)] {
        let r = w.send(Req::new(Method::GET, uri).cookie(Some(&cookie))).await;
        assert_eq!(r.status.as_u16(), status, "{uri}");
        assert_eq!(h(&r, "cache-control"), "no-store", "{uri}");
    }
    let r = w.send(Req::new(Method::GET, "/api/me")).await;
    assert_eq!((r.status, h(&r, "cache-control").as_str()), (StatusCode::UNAUTHORIZED, "no-store"));
    // The one exception: the public rubric text (no one's data) may be cached a while.
    let r = w.send(Req::new(Method::GET, "/api/rubric")).await;
    assert_eq!(h(&r, "cache-control"), "public, max-age=300");
    // A hashed file: gzipped to a browser that takes it, for good, varying on the encoding.
    let gz = w.send(Req::new(Method::GET, "/app-1a2b3c.js").header("accept-encoding", "gzip")).await;
    assert_eq!(h(&gz, "content-encoding"), "gzip");
    assert_eq!(h(&gz, "cache-control"), "public, max-age=31536000, immutable");
    assert!(h(&gz, "vary").to_ascii_lowercase().contains("accept-encoding"), "{}", h(&gz, "vary"));
    let plain = w.send(Req::new(Method::GET, "/app-1a2b3c.js")).await;
    assert_eq!(h(&plain, "content-encoding"), "");
    assert!(h(&plain, "vary").to_ascii_lowercase().contains("accept-encoding"));
    // The app's page, for its own routes: revalidated each time, and
    // never kept by a shared cache (it names the person it was sent to).
    let page = w.send(Req::new(Method::GET, "/schools/4/plan").header("accept-encoding", "gzip")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(h(&page, "cache-control"), "private, no-cache");
    assert!(h(&page, "vary").to_ascii_lowercase().contains("accept-encoding"));
}

#[tokio::test]
async fn a_missing_file_is_404_not_the_app_page() {
    let d = dist();
    let (state, _data) = installation(d.path(), "http://localhost").await;
    let w = World::with_state(state);
    for uri in ["/app-ffffff_bg.wasm", "/app-000000.js", "/main-1.css", "/logo.png", "/deep/path/x.js"] {
        let r = w.send(Req::new(Method::GET, uri).header("accept-encoding", "gzip")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(!r.text.contains("<html"), "{uri} answered the app page");
        assert!(!h(&r, "cache-control").contains("immutable"), "{uri}");
    }
    for uri in ["/", "/signin", "/jury/my/finalists/3"] {
        let r = w.send(Req::new(Method::GET, uri)).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        assert!(r.text.contains("<script type=\"module\">"), "{uri}");
    }
}

#[tokio::test]
async fn the_policy_follows_a_rebuild_of_the_apps_without_a_restart() {
    let d = dist();
    let (state, _data) = installation(d.path(), "http://localhost").await;
    // One running application (not one per request), as `serve` has.
    let app = server::app(state);
    let policy = |app: axum::Router| async move {
        let req = axum::http::Request::get("/api/health").body(axum::body::Body::empty()).expect("request");
        let res = tower::ServiceExt::oneshot(app, req).await.expect("response");
        res.headers().get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string()
    };
    let before = policy(app.clone()).await;
    // The school app is built again: its page has a new loader.
    let rebuilt = "\nimport init from '/school-7a8b9c.js';\nawait init('/school-7a8b9c_bg.wasm');\n";
    let page = format!("<!DOCTYPE html><html><head><script type=\"module\">{rebuilt}</script></head><body></body></html>");
    std::fs::write(d.path().join("school.html"), page).expect("rebuilt page");
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let now = policy(app.clone()).await;
        if now != before {
            // The new loader's hash is there, the old school loader's is gone.
            assert!(now.contains(&format!("'sha256-{}'", csp_hash(rebuilt))), "{now}");
            assert!(!now.contains(&format!("'sha256-{}'", csp_hash(SCHOOL_LOADER))), "{now}");
            assert!(now.contains(&format!("'sha256-{}'", csp_hash(LOADER))), "{now}");
            break;
        }
        assert!(Instant::now() < deadline, "the policy did not follow the rebuilt page: {now}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

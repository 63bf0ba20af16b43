//! The STEMpact server: `app(AppState)` builds the router (JSON API under
//! `/api`, the built web apps everywhere else, see `pages`), `start` binds and serves,
//! `bootstrap` prepares a fresh installation.

pub mod auth;
pub mod csrf;
pub mod db;
pub mod demo;
pub mod error;
pub mod invite;
pub mod pages;
pub mod routes;
pub mod state;

use axum::http::{header, HeaderValue};
use axum::Router;
use sqlx::SqlitePool;
use state::{AppState, Config};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;

/// The whole application: API plus static frontend with SPA fallback.
pub fn app(state: AppState) -> Router {
    // `cargo xtask build` writes a `.gz` beside every asset: served to any
    // browser that accepts gzip (the wasm is about a third of its size).
    // Every other address gets the page of the web app that serves it.
    let spa = pages::router(state.clone()).layer(axum::middleware::from_fn(cache_policy));
    Router::new()
        .nest(
            "/api",
            routes::api_router()
                .layer(axum::middleware::from_fn_with_state(state.clone(), csrf::refuse_cross_site))
                .layer(axum::middleware::map_response(error::json_errors)),
        )
        .fallback_service(spa)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        // No other site may frame the app (clickjacking a coordinator's click).
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("frame-ancestors 'none'"),
        ))
        .with_state(state)
}

/// Trunk names the wasm, js and css after their content hash, so a browser
/// may keep them for good; the apps' pages (every address that is not a
/// file) are checked every time, so a new build is picked up on reload.
async fn cache_policy(req: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let hashed = {
        let path = req.uri().path();
        let name = path.rsplit('/').next().unwrap_or("");
        let ext = name.rsplit('.').next().unwrap_or("");
        matches!(ext, "wasm" | "js" | "css") && name.contains('-')
    };
    let mut res = next.run(req).await;
    if res.status().is_success() && !res.headers().contains_key(header::CACHE_CONTROL) {
        let value = if hashed { "public, max-age=31536000, immutable" } else { "no-cache" };
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Database(#[from] db::OpenError),
    #[error("port {port} is already in use; stop the other program or start with --port {suggestion}")]
    PortInUse { port: u16, suggestion: u16 },
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    #[error("the frontend is not built: {0} is missing; run `cargo xtask serve`, which builds it")]
    NoFrontend(PathBuf),
    #[error("database error while preparing the installation: {0}")]
    Bootstrap(#[from] sqlx::Error),
}

/// Bind the listener, turning "address in use" into a clear message.
pub async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, StartError> {
    tokio::net::TcpListener::bind(addr).await.map_err(|source| {
        if source.kind() == std::io::ErrorKind::AddrInUse {
            StartError::PortInUse { port: addr.port(), suggestion: addr.port().saturating_add(1) }
        } else {
            StartError::Bind { addr, source }
        }
    })
}

/// Open the database in `data_dir` and build the state.
pub async fn prepare(data_dir: &Path, config: Config) -> Result<AppState, StartError> {
    let db = db::open(data_dir).await?;
    Ok(AppState { db, config: Arc::new(config) })
}

/// On an installation without any coordinator, create one and return their
/// sign-in link, so the first start prints a way in.
pub async fn bootstrap(db: &SqlitePool, public_url: &str) -> Result<Option<String>, sqlx::Error> {
    db::set_setting(db, "public_url", public_url).await?;
    if db::people::count_coordinators(db).await? > 0 {
        return Ok(None);
    }
    let id = db::people::create_person(
        db,
        &db::people::NewPerson {
            name: "Coördinator".into(),
            email: String::new(),
            role: rubric::people::Role::Coordinator,
            school_id: None,
            company_id: None,
            school_function: None,
        },
    )
    .await?;
    let token = db::people::issue_invitation(db, id, None).await?;
    Ok(Some(sign_in_link(public_url, &token)))
}

/// The sign-in link for a token. The token travels in the fragment so it
/// never reaches server logs or a proxy.
pub fn sign_in_link(public_url: &str, token: &str) -> String {
    format!("{}/signin#{token}", public_url.trim_end_matches('/'))
}

/// Serve until Ctrl-C.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

//! The STEMpact server: `app(AppState)` builds the router (JSON API under
//! `/api`, the built frontend everywhere else), `start` binds and serves,
//! `bootstrap` prepares a fresh installation.

pub mod auth;
pub mod csrf;
pub mod db;
pub mod demo;
pub mod error;
pub mod invite;
pub mod routes;
pub mod state;

use axum::http::{header, HeaderValue};
use axum::Router;
use sqlx::SqlitePool;
use state::{AppState, Config};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// The whole application: API plus static frontend with SPA fallback.
pub fn app(state: AppState) -> Router {
    let dist = &state.config.dist_dir;
    let spa = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
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

//! The STEMpact server: `app(AppState)` builds the router (JSON API under
//! `/api`, the built web apps everywhere else, see `pages`), `start` binds and serves,
//! `bootstrap` prepares a fresh installation.

pub mod auth;
pub mod csrf;
pub mod db;
pub mod demo;
pub mod error;
pub mod files;
pub mod headers;
pub mod invite;
pub mod limits;
pub mod listen;
pub mod pages;
pub mod routes;
pub mod state;

use axum::http::{header, HeaderValue};
use axum::Router;
use limits::Limits;
use state::{AppState, Config};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;

/// The whole application: API plus static frontend with SPA fallback.
pub fn app(state: AppState) -> Router {
    app_with(state, Limits::default())
}

/// The application with the given request limits (timeout, in flight).
pub fn app_with(state: AppState, limits: Limits) -> Router {
    let csp = headers::Csp::new(&state.config.dist_dir);
    let hsts = headers::strict_transport_security(&state.config.public_url);
    let api = routes::api_router()
        .layer(axum::middleware::from_fn_with_state(state.clone(), csrf::refuse_cross_site))
        .layer(axum::middleware::map_response(error::json_errors))
        // Answers about people never sit in a browser's or a proxy's cache.
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")));
    Router::new()
        .nest("/api", api)
        .fallback_service(pages::router(state.clone()).layer(axum::middleware::from_fn(headers::cache_policy)))
        .layer(axum::middleware::from_fn_with_state(limits::Gate::new(limits), limits::gate))
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
        .layer(axum::middleware::from_fn_with_state(csp, headers::add_csp))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::STRICT_TRANSPORT_SECURITY, hsts))
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
    #[error("cannot prepare the evidence files in {path}: {source}")]
    Files { path: PathBuf, source: std::io::Error },
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
    let database = db::open(data_dir).await?;
    let sign_in = Arc::new(limits::SignInLimiter::new(&Limits::default()));
    let path = files::files_dir(data_dir);
    let files = files::FileStore::open(data_dir).map_err(|source| StartError::Files { path: path.clone(), source })?;
    // What a crash left (a half-written upload, bytes whose row never
    // committed) and what was deleted long ago goes now.
    files::purge_and_collect(&database.read, &database.writer, &files, db::now())
        .await
        .map_err(|e| StartError::Files { path, source: std::io::Error::other(e) })?;
    Ok(AppState { db: database.read, writer: database.writer, config: Arc::new(config), sign_in, files: Arc::new(files) })
}

/// On an installation without any coordinator, create one and return their
/// sign-in link, so the first start prints a way in.
pub async fn bootstrap(writer: &db::Writer, public_url: &str) -> Result<Option<String>, sqlx::Error> {
    let mut tx = writer.begin().await?;
    db::set_setting(&mut *tx, "public_url", public_url).await?;
    if db::people::count_coordinators(&mut *tx).await? > 0 {
        tx.commit().await?;
        return Ok(None);
    }
    let id = db::people::create_person(
        &mut *tx,
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
    let token = db::people::issue_invitation(&mut tx, id, None).await?;
    tx.commit().await?;
    Ok(Some(sign_in_link(public_url, &token)))
}

/// The sign-in link for a token. The token travels in the fragment so it
/// never reaches server logs or a proxy.
pub fn sign_in_link(public_url: &str, token: &str) -> String {
    format!("{}/signin#{token}", public_url.trim_end_matches('/'))
}

/// Serve until Ctrl-C (or SIGTERM), with the default [`Limits`].
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    serve_with(listener, state, Limits::default(), stop_signal()).await
}

/// Serve with the given limits until `shutdown` completes.
pub async fn serve_with(
    listener: tokio::net::TcpListener,
    state: AppState,
    limits: Limits,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    listen::serve(listener, app_with(state, limits), limits, shutdown).await
}

/// Ctrl-C, or SIGTERM from a service manager.
async fn stop_signal() {
    #[cfg(unix)]
    {
        let term = async {
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(mut s) => {
                    s.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            () = term => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

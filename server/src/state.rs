//! Shared state handed to every handler: the database pool and the
//! configuration the server was started with.

use sqlx::SqlitePool;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Config {
    /// Folder holding the built web apps (`cargo xtask build`'s `dist/`).
    pub dist_dir: PathBuf,
    /// Base of sign-in links, e.g. `http://localhost:8080`.
    pub public_url: String,
    /// Set the `Secure` flag on the session cookie (behind HTTPS).
    pub secure_cookies: bool,
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub db: SqlitePool,
    pub config: Arc<Config>,
}

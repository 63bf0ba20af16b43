//! Shared state handed to every handler: the database (read pool and the
//! one writer), the configuration the server was started with, and the
//! sign-in rate limiter.

use crate::db::{WriteTx, Writer};
use crate::limits::SignInLimiter;
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
    /// Read-only connections (`query_only`): every read.
    pub db: SqlitePool,
    /// The one path for writes: see [`Writer`].
    pub writer: Writer,
    pub config: Arc<Config>,
    /// Failed sign-ins per address.
    pub sign_in: Arc<SignInLimiter>,
    /// The evidence files' bytes in the data folder.
    pub files: Arc<crate::files::FileStore>,
}

impl AppState {
    /// Begin a write: waits for the write turn, then holds the write lock
    /// until commit (or rollback on drop).
    pub async fn write(&self) -> sqlx::Result<WriteTx> {
        self.writer.begin().await
    }
}

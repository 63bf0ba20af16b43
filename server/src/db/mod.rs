//! Opening the embedded SQLite database (one file in the data folder, WAL,
//! foreign keys on), running the migrations in `server/migrations`, and the
//! one write path ([`Writer`]): read-only connections for reads, one writer
//! connection whose transactions take the write lock first.
//! Each submodule owns the SQL of one resource.

pub mod companies;
pub mod dashboard;
pub mod directory;
pub mod dossiers;
pub mod editions;
pub mod evidence;
pub mod exchange;
pub mod jury;
pub mod jury_sheets;
pub mod networks;
pub mod nulmeting;
pub mod nulmeting_demo;
pub mod people;
pub mod plan_comments;
pub mod plans;
pub mod profile;
pub mod reopenings;
pub mod regional_plan;
pub mod regions;
pub mod schools;
pub mod sessions;
// Programme set-up (issue 4).

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("cannot create the data folder {path}: {source}")]
    CreateDir { path: PathBuf, source: std::io::Error },
    #[error("the data folder {path} is not writable: {source}")]
    NotWritable { path: PathBuf, source: std::io::Error },
    #[error("cannot open the database {path}: {source}")]
    Open { path: PathBuf, source: sqlx::Error },
    #[error("cannot bring the database {path} up to date: {source}")]
    Migrate { path: PathBuf, source: sqlx::migrate::MigrateError },
}

/// The database file inside a data folder.
pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join("stempact.sqlite3")
}

/// The database as the server uses it: a pool of read-only connections for
/// every read, and the one writer every write goes through.
#[derive(Debug, Clone)]
pub struct Database {
    pub read: SqlitePool,
    pub writer: Writer,
}

/// The one path for writes: a single connection, so writers queue for it in
/// order (not in SQLite's busy handler, whose growing sleeps made concurrent
/// autosaves several times slower), and every transaction on it starts with
/// `BEGIN IMMEDIATE`, so it holds the write lock before its first read and
/// can never fail to upgrade a read lock while another request writes
/// (SQLite's immediate `database is locked`, codes 5 and 517). The read pool
/// is `query_only`: a handler that writes outside this path fails loudly in
/// every test instead of racing in production.
#[derive(Debug, Clone)]
pub struct Writer {
    pool: SqlitePool,
    /// A connection of its own for WAL checkpoints, so the writer never
    /// waits for one (a checkpoint syncs the files to disk).
    checkpoints: SqlitePool,
    begun: Arc<AtomicU64>,
    /// A checkpoint is waiting for its quiet moment (one at a time).
    checkpoint_due: Arc<AtomicBool>,
}

/// Write transactions between two WAL checkpoints.
const CHECKPOINT_EVERY: u64 = 1000;
/// A checkpoint waits for this long without a write ...
const QUIET: Duration = Duration::from_millis(100);
/// ... but no longer than this.
const QUIET_WAIT: Duration = Duration::from_secs(10);

/// A write transaction: the write lock is held from its start; dropped
/// without `commit` it rolls back.
pub type WriteTx = sqlx::Transaction<'static, sqlx::Sqlite>;

/// How long a write waits for its turn before the request is answered 503
/// (busy, try again) rather than hanging.
pub const WRITE_WAIT: Duration = Duration::from_secs(20);

impl Writer {
    /// Wait for the write turn and begin a transaction that holds the write lock.
    /// Every [`CHECKPOINT_EVERY`] transactions, a passive checkpoint copies
    /// the WAL into the database file beside the writer, in the first quiet
    /// moment (no write for [`QUIET`], or after [`QUIET_WAIT`] anyway). The
    /// writer's own automatic checkpoints are off: they made every
    /// thousandth commit wait for two disk syncs while holding the lock, and
    /// a checkpoint's sync in the middle of a burst of writes stalls them.
    pub async fn begin(&self) -> sqlx::Result<WriteTx> {
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        let due = self.begun.fetch_add(1, Ordering::Relaxed) % CHECKPOINT_EVERY == CHECKPOINT_EVERY - 1;
        if due && !self.checkpoint_due.swap(true, Ordering::AcqRel) {
            let (checkpoints, begun, pending) = (self.checkpoints.clone(), self.begun.clone(), self.checkpoint_due.clone());
            tokio::spawn(async move {
                let deadline = tokio::time::Instant::now() + QUIET_WAIT;
                loop {
                    let before = begun.load(Ordering::Relaxed);
                    tokio::time::sleep(QUIET).await;
                    if begun.load(Ordering::Relaxed) == before || tokio::time::Instant::now() >= deadline {
                        break;
                    }
                }
                if let Err(e) = sqlx::query("pragma wal_checkpoint(passive)").execute(&checkpoints).await {
                    tracing::warn!("WAL checkpoint failed (the next one retries): {e}");
                }
                pending.store(false, Ordering::Release);
            });
        }
        Ok(tx)
    }

    /// The writer connection as a pool, for statements outside a request
    /// (start-up, the command line, test set-up): each is its own
    /// transaction and still waits for the write turn.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// Create the data folder if needed, check it is writable, open the database
/// and run pending migrations.
pub async fn open(data_dir: &Path) -> Result<Database, OpenError> {
    std::fs::create_dir_all(data_dir)
        .map_err(|source| OpenError::CreateDir { path: data_dir.to_path_buf(), source })?;
    let probe = data_dir.join(".write-test");
    std::fs::write(&probe, b"ok")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|source| OpenError::NotWritable { path: data_dir.to_path_buf(), source })?;
    let path = database_path(data_dir);
    let options = SqliteConnectOptions::from_str("sqlite://")
        .map_err(|source| OpenError::Open { path: path.clone(), source })?
        .filename(&path)
        .foreign_keys(true)
        // Another process (the command line beside a running server) may
        // hold the write lock for a moment.
        .busy_timeout(Duration::from_secs(5));
    let writer = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(1)
        .acquire_timeout(WRITE_WAIT)
        .test_before_acquire(false)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(
            options
                .clone()
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .pragma("wal_autocheckpoint", "0"),
        )
        .await
        .map_err(|source| OpenError::Open { path: path.clone(), source })?;
    MIGRATOR.run(&writer).await.map_err(|source| OpenError::Migrate { path: path.clone(), source })?;
    let checkpoints = SqlitePoolOptions::new()
        .max_connections(1)
        .min_connections(0)
        .connect_with(options.clone())
        .await
        .map_err(|source| OpenError::Open { path: path.clone(), source })?;
    let read = SqlitePoolOptions::new()
        .max_connections(8)
        .test_before_acquire(false)
        .connect_with(options.pragma("query_only", "ON"))
        .await
        .map_err(|source| OpenError::Open { path, source })?;
    Ok(Database { read, writer: Writer { pool: writer, checkpoints, begun: Arc::default(), checkpoint_due: Arc::default() } })
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// Read a setting.
pub async fn setting(db: &SqlitePool, key: &str) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("select value from settings where key = ?")
        .bind(key)
        .fetch_optional(db)
        .await
}

/// Write a setting.
pub async fn set_setting<'e, E: sqlx::SqliteExecutor<'e>>(db: E, key: &str, value: &str) -> sqlx::Result<()> {
    sqlx::query("insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(db)
        .await?;
    Ok(())
}

/// Append a jury event of an edition to the audit log: its action, its
/// English sentence as the detail, and the event itself as JSON for the app
/// to translate.
pub async fn audit_event<'e, E: sqlx::SqliteExecutor<'e>>(
    db: E,
    person_id: Option<i64>,
    edition_id: i64,
    event: &rubric::jury::events::JuryEvent,
) -> sqlx::Result<()> {
    sqlx::query("insert into audit_log (at, person_id, action, detail, data, edition_id) values (?, ?, ?, ?, ?, ?)")
        .bind(now())
        .bind(person_id)
        .bind(event.action())
        .bind(event.english())
        .bind(serde_json::to_string(event).ok())
        .bind(edition_id)
        .execute(db)
        .await?;
    Ok(())
}

/// Append to the audit log.
pub async fn audit<'e, E: sqlx::SqliteExecutor<'e>>(
    db: E,
    person_id: Option<i64>,
    action: &str,
    detail: &str,
) -> sqlx::Result<()> {
    sqlx::query("insert into audit_log (at, person_id, action, detail) values (?, ?, ?, ?)")
        .bind(now())
        .bind(person_id)
        .bind(action)
        .bind(detail)
        .execute(db)
        .await?;
    Ok(())
}

//! Opening the embedded SQLite database (one file in the data folder, WAL,
//! foreign keys on) and running the migrations in `server/migrations`.
//! Each submodule owns the SQL of one resource.

pub mod companies;
pub mod dashboard;
pub mod directory;
pub mod editions;
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
pub mod schools;
pub mod sessions;
// Programme set-up (issue 4).

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::{Path, PathBuf};
use std::str::FromStr;
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

/// Create the data folder if needed, check it is writable, open the database
/// and run pending migrations.
pub async fn open(data_dir: &Path) -> Result<SqlitePool, OpenError> {
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
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|source| OpenError::Open { path: path.clone(), source })?;
    MIGRATOR.run(&pool).await.map_err(|source| OpenError::Migrate { path, source })?;
    Ok(pool)
}

/// One write transaction at a time for the hot paths (answer autosave):
/// writers then queue here, in order, instead of in SQLite's busy handler,
/// which sleeps in growing steps and made concurrent autosaves several
/// times slower. Reads never take it (WAL lets them run alongside).
pub async fn write_turn() -> tokio::sync::MutexGuard<'static, ()> {
    static GATE: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    GATE.lock().await
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
pub async fn set_setting(db: &SqlitePool, key: &str, value: &str) -> sqlx::Result<()> {
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

//! The evidence files' bytes in the data folder (`files/`), one file per
//! content, named by its SHA-256 in hex. An upload streams into a temporary
//! file in the same folder (`*.part`), is synced to disk and then renamed
//! to its hash (atomic: a reader sees the whole file or none); the same
//! content twice is stored once. The database row that names the hash is
//! committed only after the rename, so a crash leaves at most a `.part`
//! file or a file no row names; [`purge_and_collect`] removes both (at
//! start-up, and after a purge). Uploads in progress hold [`FileStore::pin`]
//! so a collection never removes a file between its rename and its row.

use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;
use tokio::sync::{RwLock, RwLockReadGuard};

/// The folder of the files inside a data folder.
pub fn files_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("files")
}

#[derive(Debug)]
pub struct FileStore {
    dir: PathBuf,
    /// Uploads take it shared from the temporary file to the row's commit;
    /// a collection takes it alone.
    busy: RwLock<()>,
}

/// An upload being written: its temporary file, hash and length so far.
pub struct Upload {
    path: PathBuf,
    file: tokio::fs::File,
    hasher: Sha256,
    len: u64,
}

/// The content stored: its hash (hex) and length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub sha256: String,
    pub size: u64,
}

/// What a collection removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collected {
    pub partial: usize,
    pub unreferenced: usize,
}

fn is_hash(name: &str) -> bool {
    name.len() == 64 && name.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl FileStore {
    /// The store in `data_dir/files`, created if needed.
    pub fn open(data_dir: &Path) -> std::io::Result<FileStore> {
        let dir = files_dir(data_dir);
        std::fs::create_dir_all(&dir)?;
        Ok(FileStore { dir, busy: RwLock::new(()) })
    }

    /// Where the content of a hash is (None for what is not a hash).
    pub fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        is_hash(sha256).then(|| self.dir.join(sha256))
    }

    /// Keep collections away while an upload is between its temporary
    /// file and its committed row.
    pub async fn pin(&self) -> RwLockReadGuard<'_, ()> {
        self.busy.read().await
    }

    /// Start writing an upload into a new temporary file.
    pub async fn begin(&self) -> std::io::Result<Upload> {
        let name = format!("upload-{:016x}{:016x}.part", rand::random::<u64>(), rand::random::<u64>());
        let path = self.dir.join(name);
        let file = tokio::fs::OpenOptions::new().write(true).create_new(true).open(&path).await?;
        Ok(Upload { path, file, hasher: Sha256::new(), len: 0 })
    }

    /// Sync the upload to disk and move it to its hash's name (or drop it
    /// when that content is stored already), then sync the folder so the
    /// new name survives a crash.
    pub async fn finish(&self, mut upload: Upload) -> std::io::Result<Stored> {
        upload.file.flush().await?;
        upload.file.sync_all().await?;
        drop(upload.file);
        let sha256 = hex(&upload.hasher.finalize());
        let target = self.dir.join(&sha256);
        if tokio::fs::try_exists(&target).await? {
            tokio::fs::remove_file(&upload.path).await?;
        } else {
            tokio::fs::rename(&upload.path, &target).await?;
            let dir = self.dir.clone();
            tokio::task::spawn_blocking(move || std::fs::File::open(dir).and_then(|d| d.sync_all()))
                .await
                .map_err(std::io::Error::other)??;
        }
        Ok(Stored { sha256, size: upload.len })
    }

    /// Remove an upload that is refused.
    pub async fn abandon(&self, upload: Upload) {
        drop(upload.file);
        if let Err(e) = tokio::fs::remove_file(&upload.path).await {
            tracing::warn!("could not remove the refused upload {}: {e}", upload.path.display());
        }
    }

    /// Store whole bytes (the import of an archive): as an upload.
    pub async fn put(&self, bytes: &[u8]) -> std::io::Result<Stored> {
        let mut upload = self.begin().await?;
        upload.write(bytes).await?;
        self.finish(upload).await
    }

    /// Remove every temporary file and every stored content whose hash is
    /// not in `referenced` (the caller holds the store alone).
    async fn remove_unreferenced(&self, referenced: &HashSet<String>) -> std::io::Result<Collected> {
        let mut out = Collected::default();
        let mut entries = tokio::fs::read_dir(&self.dir).await?;
        while let Some(entry) = entries.next_entry().await? {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".part") {
                tokio::fs::remove_file(entry.path()).await?;
                out.partial += 1;
            } else if is_hash(&name) && !referenced.contains(&name) {
                tokio::fs::remove_file(entry.path()).await?;
                out.unreferenced += 1;
            }
        }
        Ok(out)
    }
}

impl Upload {
    /// Append a chunk.
    pub async fn write(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        self.file.write_all(chunk).await?;
        self.hasher.update(chunk);
        self.len += chunk.len() as u64;
        Ok(())
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of bytes, in hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Why a collection failed.
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Purge the attachments deleted more than
/// [`crate::db::evidence::PURGE_AFTER_SECONDS`] before `now`, then remove
/// the bytes no row names any more and every half-written upload. The
/// hashes are read after uploads in progress have committed (the store is
/// held alone), from the read pool, outside any write transaction.
pub async fn purge_and_collect(
    read: &sqlx::SqlitePool,
    writer: &crate::db::Writer,
    store: &FileStore,
    now: i64,
) -> Result<Collected, CollectError> {
    let mut tx = writer.begin().await?;
    crate::db::evidence::purge(&mut tx, now - crate::db::evidence::PURGE_AFTER_SECONDS).await?;
    tx.commit().await?;
    let _alone = store.busy.write().await;
    let referenced = crate::db::evidence::referenced(read).await?;
    Ok(store.remove_unreferenced(&referenced).await?)
}

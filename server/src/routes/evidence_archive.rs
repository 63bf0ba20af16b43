//! An edition with its evidence files as one zip (issue 16): export
//! (`manifest.json`, `edition.json`, `files/<sha256>`) and import, which
//! checks the manifest's limits before inflating anything, every file's
//! size and hash against the manifest, and the manifest against the
//! edition's evidence rows; the bytes are stored first, then the edition is
//! imported in one transaction (a refused import leaves only bytes no row
//! names, which the next collection removes). Coordinators only. The
//! format is `rubric::exchange::archive`.

use super::backup::{exchange_error, export_error, import_error};
use super::editions::{edition, today};
use crate::auth::AuthUser;
use crate::db;
use crate::db::exchange::ImportSummary;
use crate::error::{AppError, Result};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rubric::exchange::archive::{check_against, manifest_for, parse_manifest, ArchiveError, ArchiveLimits, ManifestFile, MANIFEST};
use rubric::exchange::{parse_document, ExchangeDocument};
use std::io::{Cursor, Read, Write};

/// The largest archive the import reads.
pub const MAX_ARCHIVE_BYTES: usize = 1024 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/editions/{id}/export.zip", get(export_archive))
        .route("/import/archive", post(import_archive).layer(DefaultBodyLimit::max(MAX_ARCHIVE_BYTES)))
}

fn archive_error(e: ArchiveError) -> AppError {
    let code = match e {
        ArchiveError::TooLarge(_) => "import_too_large",
        ArchiveError::Tampered(_) => "import_tampered",
        ArchiveError::TooNew { .. } => "import_too_new",
        _ => "import_malformed",
    };
    AppError::bad_request(code, e.to_string())
}

fn zip_error(e: zip::result::ZipError) -> AppError {
    AppError::Internal(format!("writing the archive: {e}"))
}

/// The zip of a document and the bytes of its files.
fn write_archive(doc: &ExchangeDocument, files: &Files) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;
    let manifest = manifest_for(doc);
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    // PDFs, photos and office files are compressed already.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored).large_file(true);
    zip.start_file(MANIFEST, deflated).map_err(zip_error)?;
    zip.write_all(&serde_json::to_vec_pretty(&manifest).map_err(|e| AppError::Internal(e.to_string()))?)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    zip.start_file(manifest.document.as_str(), deflated).map_err(zip_error)?;
    zip.write_all(doc.to_json().as_bytes()).map_err(|e| AppError::Internal(e.to_string()))?;
    for (file, bytes) in files {
        zip.start_file(file.entry(), stored).map_err(zip_error)?;
        zip.write_all(bytes).map_err(|e| AppError::Internal(e.to_string()))?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

// GET /api/editions/{id}/export.zip
async fn export_archive(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Response> {
    user.require_coordinator()?;
    let e = edition(&state.db, id).await?;
    let doc = db::exchange::export(&state.db, id, db::now()).await.map_err(export_error)?;
    let mut files = Vec::new();
    for f in manifest_for(&doc).files {
        let path = state.files.path_of(&f.sha256).ok_or_else(|| AppError::Internal("a stored hash is not a hash".into()))?;
        let bytes = tokio::fs::read(&path).await.map_err(|e| AppError::Internal(format!("evidence file {}: {e}", f.sha256)))?;
        files.push((f, bytes));
    }
    let zip = tokio::task::spawn_blocking(move || write_archive(&doc, &files)).await.map_err(|e| AppError::Internal(e.to_string()))??;
    let mut tx = state.write().await?;
    db::audit(&mut *tx, Some(user.id()), "export", &format!("edition {id} ({}) with its evidence files", e.name)).await?;
    tx.commit().await?;
    let slug: String = e.name.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let disposition = format!("attachment; filename=\"stempact-{}-{}.zip\"", slug.trim_matches('-'), today()?);
    Ok(([(CONTENT_TYPE, "application/zip".to_string()), (CONTENT_DISPOSITION, disposition)], zip).into_response())
}

/// Read an entry of at most `max` bytes; an entry whose header claims
/// less than it inflates to is cut at `max + 1` and refused.
fn read_entry(zip: &mut zip::ZipArchive<Cursor<Bytes>>, name: &str, max: u64) -> std::result::Result<Vec<u8>, ArchiveError> {
    let entry = zip.by_name(name).map_err(|_| ArchiveError::Missing(name.to_string()))?;
    if entry.size() > max {
        return Err(ArchiveError::TooLarge(format!("{name} is {} bytes, at most {max}", entry.size())));
    }
    let mut bytes = Vec::new();
    entry.take(max + 1).read_to_end(&mut bytes).map_err(|e| ArchiveError::Tampered(format!("{name} ({e})")))?;
    if bytes.len() as u64 > max {
        return Err(ArchiveError::TooLarge(format!("{name} inflates beyond {max} bytes")));
    }
    Ok(bytes)
}

/// The files of an archive: each manifest entry with its bytes.
type Files = Vec<(ManifestFile, Vec<u8>)>;

/// Everything of an archive, checked: the document and each file's bytes.
fn read_archive(body: Bytes, limits: ArchiveLimits) -> Result<(ExchangeDocument, Files)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(body)).map_err(|e| archive_error(ArchiveError::NotAnArchive(e.to_string())))?;
    let entries = zip.len();
    let manifest_bytes = read_entry(&mut zip, MANIFEST, limits.max_manifest_bytes).map_err(archive_error)?;
    let text = String::from_utf8(manifest_bytes).map_err(|_| archive_error(ArchiveError::BadManifest("not UTF-8".into())))?;
    let manifest = parse_manifest(&text, entries, limits).map_err(archive_error)?;
    let document = read_entry(&mut zip, &manifest.document, limits.max_document_bytes).map_err(archive_error)?;
    let document = String::from_utf8(document).map_err(|_| archive_error(ArchiveError::BadManifest("the edition is not UTF-8 text".into())))?;
    let doc = parse_document(&document).map_err(exchange_error)?;
    check_against(&manifest, &doc).map_err(archive_error)?;
    let mut files = Vec::new();
    for f in manifest.files {
        let bytes = read_entry(&mut zip, &f.entry(), f.size).map_err(archive_error)?;
        if bytes.len() as u64 != f.size || crate::files::sha256_hex(&bytes) != f.sha256 {
            return Err(archive_error(ArchiveError::Tampered(f.entry())));
        }
        files.push((f, bytes));
    }
    Ok((doc, files))
}

// POST /api/import/archive  (the body is the exported zip)
async fn import_archive(State(state): State<AppState>, user: AuthUser, body: Bytes) -> Result<Json<ImportSummary>> {
    user.require_coordinator()?;
    let (doc, files) = tokio::task::spawn_blocking(move || read_archive(body, ArchiveLimits::default()))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))??;
    // The bytes first, then the rows that name them, with collections kept away.
    let _pin = state.files.pin().await;
    for (_, bytes) in &files {
        state.files.put(bytes).await.map_err(|e| AppError::Internal(format!("storing an evidence file: {e}")))?;
    }
    Ok(Json(db::exchange::import(&state.writer, &doc, Some(user.id())).await.map_err(import_error)?))
}

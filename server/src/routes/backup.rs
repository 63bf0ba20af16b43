//! Backup and restore from the browser: download an edition as a versioned
//! JSON document, upload one to import it as a new edition (all or
//! nothing), and load the demo edition. Coordinators only.

use super::editions::{edition, today};
use crate::auth::AuthUser;
use crate::db;
use crate::db::exchange::{ExportError, ImportError, ImportSummary};
use crate::error::{AppError, Result};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rubric::exchange::{parse_document, ExchangeError};

/// Largest file the import accepts.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/editions/{id}/export", get(export))
        .route("/import", post(import).layer(DefaultBodyLimit::max(MAX_IMPORT_BYTES)))
        .route("/demo", post(demo))
}

pub(crate) fn export_error(e: ExportError) -> AppError {
    match e {
        ExportError::NoSuchEdition(_) => AppError::NotFound("edition"),
        ExportError::Db(e) => AppError::Sqlx(e),
        other => AppError::Internal(other.to_string()),
    }
}

/// An import refused for its content: a 400 whose code says which kind and
/// whose message names what is wrong.
pub(crate) fn exchange_error(e: ExchangeError) -> AppError {
    let code = match &e {
        ExchangeError::NotJson { .. } => "import_not_json",
        ExchangeError::NotAnExport { .. } => "import_not_export",
        ExchangeError::TooNew { .. } => "import_too_new",
        ExchangeError::UnknownVersion { .. } => "import_unknown_version",
        ExchangeError::Migration { .. } => "import_migration",
        ExchangeError::Malformed { .. } => "import_malformed",
        ExchangeError::Inconsistent { .. } => "import_inconsistent",
    };
    AppError::bad_request(code, e.to_string())
}

pub(crate) fn import_error(e: ImportError) -> AppError {
    match e {
        ImportError::Rejected(_) => AppError::bad_request("import_rejected", e.to_string()),
        ImportError::Db(e) => AppError::Sqlx(e),
    }
}

/// A file name for an edition's export: `stempact-<name>-<date>.json`.
fn file_name(name: &str, date: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("stempact-{}-{date}.json", if slug.is_empty() { "edition" } else { &slug })
}

// GET /api/editions/{id}/export
async fn export(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Response> {
    user.require_coordinator()?;
    let e = edition(&state.db, id).await?;
    let doc = db::exchange::export(&state.db, id, db::now()).await.map_err(export_error)?;
    let mut tx = state.write().await?;
    db::audit(&mut *tx, Some(user.id()), "export", &format!("edition {id} ({})", e.name)).await?;
    tx.commit().await?;
    let disposition = format!("attachment; filename=\"{}\"", file_name(&e.name, &today()?.to_string()));
    Ok(([(CONTENT_TYPE, "application/json".to_string()), (CONTENT_DISPOSITION, disposition)], doc.to_json()).into_response())
}

// POST /api/import  (the body is the exported file)
async fn import(State(state): State<AppState>, user: AuthUser, body: Bytes) -> Result<Json<ImportSummary>> {
    user.require_coordinator()?;
    let text = std::str::from_utf8(&body)
        .map_err(|_| AppError::bad_request("import_not_json", "the file is not text (UTF-8); is it a STEMpact export?"))?;
    let doc = parse_document(text).map_err(exchange_error)?;
    // Evidence files' bytes come only in the archive (`POST /api/import/archive`).
    if !doc.evidence_files.is_empty() {
        return Err(AppError::bad_request(
            "import_rejected",
            "this edition has evidence files: import its archive (.zip) instead of the JSON file, so the files come along",
        ));
    }
    Ok(Json(db::exchange::import(&state.writer, &doc, Some(user.id())).await.map_err(import_error)?))
}

// POST /api/demo
async fn demo(State(state): State<AppState>, user: AuthUser) -> Result<Json<ImportSummary>> {
    user.require_coordinator()?;
    let doc = crate::demo::document(today()?, db::now());
    Ok(Json(db::exchange::import(&state.writer, &doc, Some(user.id())).await.map_err(import_error)?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_are_safe() {
        assert_eq!(super::file_name("STEMpact 2026–2027 (Vlaanderen)", "2026-11-25"), "stempact-stempact-2026-2027-vlaanderen-2026-11-25.json");
        assert_eq!(super::file_name("ééé", "d"), "stempact-edition-d.json");
    }
}

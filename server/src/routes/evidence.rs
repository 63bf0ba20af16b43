//! Evidence files (issue 16): uploading a file to a respondent's answer,
//! the consensus of an indicator or a plan action (the body is the file's
//! bytes, its name in `?name=`), listing a measurement's or a plan's files,
//! downloading one, deleting and restoring it, and an edition's limits.
//!
//! An upload streams to a temporary file while it is counted, hashed and
//! its kind read from its bytes (`rubric::evidence::Sniffer`); it is
//! refused at the field `file` (422 with `file_too_large`, `file_type` or
//! `quota_full`) as soon as it is too large, and the bytes are renamed to
//! their hash before the row is committed (`crate::files`). Who may read
//! or attach: `rubric::access::may_read_evidence` / `may_change_evidence`,
//! after `Action::ReadEvidence` / `Action::AttachEvidence`.

use super::editions::edition;
use super::nulmeting::{load_school, may_see_answers, school_relation, viewer};
use crate::auth::AuthUser;
use crate::db;
use crate::db::evidence::{FileRow, NewFile};
use crate::db::nulmeting as nm;
use crate::error::{AppError, Result};
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use http_body_util::BodyExt;
use rubric::access::{may_change_evidence, may_read_evidence, may_see_consensus, Action, EvidenceAccess, EvidenceChange};
use rubric::assessment::api::{MeasurementInfo, MeasurementStatus};
use rubric::errors::FieldCode;
use rubric::evidence::{
    check_upload, content_disposition, display_name, validate_limits, EvidenceFile, EvidenceItem, EvidenceLimits, EvidenceList,
    LimitsInput, SizeError, Sniffer, MAX_FILE_MB, MB,
};
use rubric::submission::SheetStatus;
use serde::Deserialize;

/// The largest body an upload route reads at all, whatever an edition's
/// limit (which is at most this): the handler stops at the edition's.
pub const UPLOAD_CAP: usize = (MAX_FILE_MB.1 * MB) as usize + 64 * 1024;

pub fn router() -> Router<AppState> {
    let limit = || DefaultBodyLimit::max(UPLOAD_CAP);
    Router::new()
        .route("/measurements/{id}/evidence", get(measurement_files))
        .route("/measurements/{id}/answers/{indicator}/evidence", post(upload_answer).layer(limit()))
        .route("/measurements/{id}/consensus/{indicator}/evidence", post(upload_consensus).layer(limit()))
        .route("/schools/{id}/plan/evidence", get(plan_files))
        .route("/schools/{id}/plan/actions/{action_id}/evidence", post(upload_action).layer(limit()))
        .route("/evidence/{id}", get(download).delete(delete_file))
        .route("/evidence/{id}/restore", post(restore_file))
        .route("/editions/{id}/evidence-limits", get(get_limits).put(put_limits))
}

#[derive(Deserialize)]
struct NameQuery {
    #[serde(default)]
    name: String,
}

/// Where an upload goes and what must still hold when its row is written.
struct Target {
    edition_id: i64,
    school_id: i64,
    item: EvidenceItem,
    /// For a plan action: its plan.
    plan_id: Option<i64>,
}

fn size_error(e: SizeError) -> AppError {
    let code = match e {
        SizeError::TooLarge { .. } => FieldCode::FileTooLarge,
        SizeError::QuotaFull { .. } => FieldCode::QuotaFull,
    };
    AppError::field_coded("file", code, e)
}

fn closed() -> AppError {
    AppError::conflict("measurement_closed", "this measurement is closed: its evidence can no longer be changed", None)
}

/// The measurement and the caller's school relation, for a change on it.
async fn measurement_for_change(state: &AppState, user: &AuthUser, id: i64) -> Result<(MeasurementInfo, rubric::access::Relation)> {
    user.check_role(Action::AttachEvidence)?;
    let m = nm::measurement(&state.db, id).await?.ok_or(AppError::NotFound("measurement"))?;
    let school = load_school(state, m.school_id).await?;
    let relation = school_relation(user, &school);
    Ok((m, relation))
}

/// The caller's own sheet must be editable (draft or reopened) and the
/// measurement open: as an answer's write.
async fn own_sheet_editable(conn: &mut sqlx::SqliteConnection, measurement_id: i64, person_id: i64) -> Result<()> {
    let open: Option<String> = sqlx::query_scalar("select status from measurements where id = ?")
        .bind(measurement_id)
        .fetch_optional(&mut *conn)
        .await?;
    if open.as_deref() != Some("open") {
        return Err(closed());
    }
    let (_, status) = nm::sheet_status(conn, measurement_id, person_id).await?;
    if matches!(status, SheetStatus::Submitted | SheetStatus::ReopenRequested) {
        return Err(AppError::submission(rubric::submission::SubmissionError::Frozen));
    }
    Ok(())
}

// POST /api/measurements/{id}/answers/{indicator}/evidence?name=
async fn upload_answer(
    State(state): State<AppState>,
    user: AuthUser,
    Path((id, indicator)): Path<(i64, String)>,
    Query(q): Query<NameQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<EvidenceFile>> {
    let (m, relation) = measurement_for_change(&state, &user, id).await?;
    user.decided(may_change_evidence(user.role(), relation, EvidenceChange::Answer { own: true }), "measurement")?;
    known_indicator(&indicator, m.rubric_version)?;
    if m.status != MeasurementStatus::Open {
        return Err(closed());
    }
    // Refused before a byte is stored (checked again when the row is written).
    own_sheet_editable(&mut *state.db.acquire().await?, m.id, user.id()).await?;
    let item = EvidenceItem::Answer { measurement_id: m.id, indicator_id: indicator, person_id: user.id() };
    receive(&state, &user, Target { edition_id: m.edition_id, school_id: m.school_id, item, plan_id: None }, &q.name, &headers, body).await
}

// POST /api/measurements/{id}/consensus/{indicator}/evidence?name=
async fn upload_consensus(
    State(state): State<AppState>,
    user: AuthUser,
    Path((id, indicator)): Path<(i64, String)>,
    Query(q): Query<NameQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<EvidenceFile>> {
    let (m, relation) = measurement_for_change(&state, &user, id).await?;
    user.decided(may_change_evidence(user.role(), relation, EvidenceChange::Consensus), "measurement")?;
    consensus_writable(&state, &user, relation, &m).await?;
    known_indicator(&indicator, m.rubric_version)?;
    let item = EvidenceItem::Consensus { measurement_id: m.id, indicator_id: indicator };
    receive(&state, &user, Target { edition_id: m.edition_id, school_id: m.school_id, item, plan_id: None }, &q.name, &headers, body).await
}

/// A lead changes the consensus's evidence as its level: after submitting
/// their own answers, while the measurement is open.
async fn consensus_writable(state: &AppState, user: &AuthUser, relation: rubric::access::Relation, m: &MeasurementInfo) -> Result<()> {
    if m.status != MeasurementStatus::Open {
        return Err(closed());
    }
    if !may_see_answers(state, user, relation, m).await? {
        return Err(AppError::conflict("submit_first", "submit your own answers first before adding evidence to the team's consensus", None));
    }
    Ok(())
}

/// An indicator of the rubric version the measurement opened on.
fn known_indicator(indicator: &str, version: u32) -> Result<()> {
    let rubric = rubric::RubricVersion::from_number(version).map(rubric::content::rubric);
    if rubric.and_then(|r| r.indicator(indicator)).is_none() {
        return Err(AppError::NotFound("indicator"));
    }
    Ok(())
}

// POST /api/schools/{id}/plan/actions/{action_id}/evidence?name=
async fn upload_action(
    State(state): State<AppState>,
    user: AuthUser,
    Path((school_id, action_id)): Path<(i64, i64)>,
    Query(q): Query<NameQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<Json<EvidenceFile>> {
    let (scope, relation) = super::plans::scope(&state, &user, school_id).await?;
    user.decided(may_change_evidence(user.role(), relation, EvidenceChange::PlanAction), "school")?;
    let plan_id = db::plans::plan_id(&state.db, scope.edition_id, school_id).await?.ok_or(AppError::NotFound("action"))?;
    db::plans::action_row(&state.db, plan_id, action_id).await?.ok_or(AppError::NotFound("action"))?;
    let item = EvidenceItem::Action { action_id };
    receive(&state, &user, Target { edition_id: scope.edition_id, school_id, item, plan_id: Some(plan_id) }, &q.name, &headers, body).await
}

/// Stream the body into the store, then write the row: the shared part of
/// the three uploads.
async fn receive(state: &AppState, user: &AuthUser, target: Target, raw_name: &str, headers: &HeaderMap, body: Body) -> Result<Json<EvidenceFile>> {
    let limits = db::evidence::limits(&state.db, target.edition_id).await?;
    // A declared length over the limit is refused before a byte is read.
    let declared = headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if let Some(len) = declared {
        if len > limits.max_file_bytes {
            return Err(size_error(SizeError::TooLarge { max: limits.max_file_bytes }));
        }
    }
    let name = display_name(raw_name);
    let _pin = state.files.pin().await;
    let mut upload = state.files.begin().await.map_err(io_error)?;
    let mut sniffer = Sniffer::new();
    let mut body = body;
    let streamed: Result<()> = async {
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|e| AppError::bad_request("bad_request", format!("the upload broke off: {e}")))?;
            let Ok(chunk) = frame.into_data() else { continue };
            if upload.len() + chunk.len() as u64 > limits.max_file_bytes {
                return Err(size_error(SizeError::TooLarge { max: limits.max_file_bytes }));
            }
            sniffer.push(&chunk);
            upload.write(&chunk).await.map_err(io_error)?;
        }
        Ok(())
    }
    .await;
    let kind = streamed.and_then(|()| sniffer.kind().map_err(|e| AppError::field_coded("file", FieldCode::FileType, e)));
    let kind = match kind {
        Ok(kind) => kind,
        Err(e) => {
            state.files.abandon(upload).await;
            return Err(e);
        }
    };
    let stored = state.files.finish(upload).await.map_err(io_error)?;
    // The row, with the quota and the item checked again under the write lock.
    let mut tx = state.write().await?;
    let is_new = !db::evidence::school_has(&mut *tx, target.school_id, &stored.sha256).await?;
    let used = db::evidence::used_bytes(&mut *tx, target.school_id).await?;
    check_upload(stored.size, used, is_new, limits).map_err(size_error)?;
    match &target.item {
        EvidenceItem::Answer { measurement_id, person_id, .. } => own_sheet_editable(&mut tx, *measurement_id, *person_id).await?,
        EvidenceItem::Consensus { .. } => {}
        EvidenceItem::Action { action_id } => {
            let plan_id = target.plan_id.unwrap_or_default();
            db::plans::action_row(&mut *tx, plan_id, *action_id).await?.ok_or(AppError::NotFound("action"))?;
        }
    }
    let now = db::now();
    let new = NewFile {
        edition_id: target.edition_id,
        school_id: target.school_id,
        item: &target.item,
        name: &name,
        size: stored.size,
        kind,
        sha256: &stored.sha256,
        uploaded_by: Some(user.id()),
        uploaded_at: now,
    };
    let id = db::evidence::insert(&mut tx, &new).await?;
    db::audit(&mut *tx, Some(user.id()), "evidence-upload", &format!("file {id} ({name}, {} bytes) on {}", stored.size, target.item.kind_key())).await?;
    let row = db::evidence::file(&mut *tx, id).await?.ok_or(AppError::NotFound("file"))?;
    tx.commit().await?;
    row.to_dto().map(Json).ok_or_else(|| AppError::Internal("an evidence row this version cannot read".into()))
}

fn io_error(e: std::io::Error) -> AppError {
    AppError::Internal(format!("evidence file storage: {e}"))
}

/// May the caller read this row's file? 403/404 as `rubric::access` says.
async fn check_read(state: &AppState, user: &AuthUser, row: &FileRow) -> Result<()> {
    let school = load_school(state, row.school_id).await.map_err(|_| AppError::NotFound("file"))?;
    let relation = school_relation(user, &school);
    user.check(relation, Action::ReadEvidence, "file")?;
    let access = match row.item().ok_or(AppError::NotFound("file"))? {
        EvidenceItem::Answer { measurement_id, person_id, .. } => {
            let m = nm::measurement(&state.db, measurement_id).await?.ok_or(AppError::NotFound("file"))?;
            let own = person_id == user.id();
            EvidenceAccess::Answer { own, answers_visible: own || may_see_answers(state, user, relation, &m).await? }
        }
        EvidenceItem::Consensus { measurement_id, .. } => {
            let m = nm::measurement(&state.db, measurement_id).await?.ok_or(AppError::NotFound("file"))?;
            let v = viewer(state, user, relation, &m).await?;
            EvidenceAccess::Consensus { visible: may_see_consensus(v, m.status == MeasurementStatus::Closed) }
        }
        EvidenceItem::Action { .. } => EvidenceAccess::PlanAction,
    };
    user.decided(may_read_evidence(user.role(), relation, access), "file")
}

// GET /api/evidence/{id}
async fn download(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Response> {
    user.check_role(Action::ReadEvidence)?;
    let row = db::evidence::file(&state.db, id).await?.filter(|r| r.deleted_at.is_none()).ok_or(AppError::NotFound("file"))?;
    check_read(&state, &user, &row).await?;
    let kind = row.file_kind().ok_or(AppError::NotFound("file"))?;
    let path = state.files.path_of(&row.sha256).ok_or(AppError::NotFound("file"))?;
    let bytes = tokio::fs::read(&path).await.map_err(io_error)?;
    Ok((
        [
            (CONTENT_TYPE, kind.content_type().to_string()),
            (CONTENT_DISPOSITION, content_disposition(&row.name, kind)),
            // Never a page of the app's origin, whatever a browser makes of it.
            (CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".to_string()),
            (CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

/// The rows of a measurement the caller may read.
async fn readable(state: &AppState, user: &AuthUser, rows: Vec<FileRow>) -> Result<Vec<EvidenceFile>> {
    let mut out = Vec::new();
    for row in rows {
        if check_read(state, user, &row).await.is_ok() {
            out.extend(row.to_dto());
        }
    }
    Ok(out)
}

async fn list(state: &AppState, edition_id: i64, school_id: i64, files: Vec<EvidenceFile>) -> Result<Json<EvidenceList>> {
    let limits = db::evidence::limits(&state.db, edition_id).await?;
    let used_bytes = db::evidence::used_bytes(&state.db, school_id).await?;
    Ok(Json(EvidenceList { files, limits, used_bytes }))
}

// GET /api/measurements/{id}/evidence
async fn measurement_files(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<EvidenceList>> {
    user.check_role(Action::ReadEvidence)?;
    let m = nm::measurement(&state.db, id).await?.ok_or(AppError::NotFound("measurement"))?;
    let school = load_school(&state, m.school_id).await?;
    user.check(school_relation(&user, &school), Action::ReadEvidence, "measurement")?;
    let rows = db::evidence::of_measurement(&state.db, m.id).await?;
    let files = readable(&state, &user, rows).await?;
    list(&state, m.edition_id, m.school_id, files).await
}

// GET /api/schools/{id}/plan/evidence
async fn plan_files(State(state): State<AppState>, user: AuthUser, Path(school_id): Path<i64>) -> Result<Json<EvidenceList>> {
    let (scope, relation) = super::plans::scope(&state, &user, school_id).await?;
    user.check(relation, Action::ReadEvidence, "school")?;
    let files = match db::plans::plan_id(&state.db, scope.edition_id, school_id).await? {
        Some(plan_id) => db::evidence::of_plan(&state.db, plan_id).await?.iter().filter_map(FileRow::to_dto).collect(),
        None => Vec::new(),
    };
    list(&state, scope.edition_id, school_id, files).await
}

/// May the caller delete or restore this row's file? As attaching to its item.
async fn check_change(state: &AppState, user: &AuthUser, row: &FileRow) -> Result<()> {
    user.check_role(Action::AttachEvidence)?;
    let school = load_school(state, row.school_id).await.map_err(|_| AppError::NotFound("file"))?;
    let relation = school_relation(user, &school);
    // Who may not read it is not told it exists.
    check_read(state, user, row).await?;
    match row.item().ok_or(AppError::NotFound("file"))? {
        EvidenceItem::Answer { person_id, .. } => {
            user.decided(may_change_evidence(user.role(), relation, EvidenceChange::Answer { own: person_id == user.id() }), "file")
        }
        EvidenceItem::Consensus { measurement_id, .. } => {
            user.decided(may_change_evidence(user.role(), relation, EvidenceChange::Consensus), "file")?;
            let m = nm::measurement(&state.db, measurement_id).await?.ok_or(AppError::NotFound("file"))?;
            consensus_writable(state, user, relation, &m).await
        }
        EvidenceItem::Action { .. } => user.decided(may_change_evidence(user.role(), relation, EvidenceChange::PlanAction), "file"),
    }
}

async fn set_deleted(state: &AppState, user: &AuthUser, id: i64, delete: bool) -> Result<Json<EvidenceFile>> {
    let row = db::evidence::file(&state.db, id).await?.ok_or(AppError::NotFound("file"))?;
    check_change(state, user, &row).await?;
    let mut tx = state.write().await?;
    if let Some(EvidenceItem::Answer { measurement_id, person_id, .. }) = row.item() {
        own_sheet_editable(&mut tx, measurement_id, person_id).await?;
    }
    let changed = db::evidence::set_deleted(&mut tx, id, delete.then(|| (db::now(), user.id()))).await?;
    if changed {
        let (action, verb) = if delete { ("evidence-delete", "deleted") } else { ("evidence-restore", "restored") };
        db::audit(&mut *tx, Some(user.id()), action, &format!("file {id} ({}) {verb}", row.name)).await?;
    }
    let row = db::evidence::file(&mut *tx, id).await?.ok_or(AppError::NotFound("file"))?;
    tx.commit().await?;
    row.to_dto().map(Json).ok_or_else(|| AppError::Internal("an evidence row this version cannot read".into()))
}

// DELETE /api/evidence/{id}
async fn delete_file(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<EvidenceFile>> {
    set_deleted(&state, &user, id, true).await
}

// POST /api/evidence/{id}/restore
async fn restore_file(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<EvidenceFile>> {
    set_deleted(&state, &user, id, false).await
}

// GET /api/editions/{id}/evidence-limits
async fn get_limits(State(state): State<AppState>, user: AuthUser, Path(id): Path<i64>) -> Result<Json<EvidenceLimits>> {
    user.require_coordinator()?;
    edition(&state.db, id).await?;
    Ok(Json(db::evidence::limits(&state.db, id).await?))
}

// PUT /api/editions/{id}/evidence-limits
async fn put_limits(
    State(state): State<AppState>,
    user: AuthUser,
    Path(id): Path<i64>,
    crate::error::AppJson(input): crate::error::AppJson<LimitsInput>,
) -> Result<Json<EvidenceLimits>> {
    user.require_coordinator()?;
    let limits = validate_limits(input).map_err(|errors| {
        AppError::Validation(errors.into_iter().map(|e| crate::error::FieldError::new(e.field(), e)).collect())
    })?;
    edition(&state.db, id).await?;
    let mut tx = state.write().await?;
    db::evidence::set_limits(&mut tx, id, limits).await?;
    db::audit(
        &mut *tx,
        Some(user.id()),
        "evidence-limits",
        &format!("edition {id}: {} MB a file, {} MB a school", input.max_file_mb, input.school_quota_mb),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(limits))
}

//! The SQL of evidence files (issue 16): the attachment rows
//! (`evidence_files`), an edition's limits (`evidence_limits`), a school's
//! use of its quota, and which hashes are still referenced (for the
//! collection of the bytes, `crate::files`).

use rubric::evidence::{EvidenceFile, EvidenceItem, EvidenceLimits, FileKind};
use sqlx::{SqliteConnection, SqliteExecutor};
use std::collections::HashSet;

/// Soft-deleted attachments are purged (row and, when unreferenced, bytes)
/// this long after their deletion.
pub const PURGE_AFTER_SECONDS: i64 = 30 * 24 * 3600;

/// One attachment row with its uploader's name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FileRow {
    pub id: i64,
    pub edition_id: i64,
    pub school_id: i64,
    pub item_kind: String,
    pub measurement_id: Option<i64>,
    pub indicator_id: Option<String>,
    pub person_id: Option<i64>,
    pub action_id: Option<i64>,
    pub name: String,
    pub size: i64,
    pub kind: String,
    pub sha256: String,
    pub uploaded_by: Option<i64>,
    pub uploaded_by_name: Option<String>,
    pub uploaded_at: i64,
    pub deleted_at: Option<i64>,
}

impl FileRow {
    pub fn item(&self) -> Option<EvidenceItem> {
        Some(match self.item_kind.as_str() {
            "answer" => EvidenceItem::Answer {
                measurement_id: self.measurement_id?,
                indicator_id: self.indicator_id.clone()?,
                person_id: self.person_id?,
            },
            "consensus" => EvidenceItem::Consensus { measurement_id: self.measurement_id?, indicator_id: self.indicator_id.clone()? },
            "action" => EvidenceItem::Action { action_id: self.action_id? },
            _ => return None,
        })
    }

    pub fn file_kind(&self) -> Option<FileKind> {
        FileKind::from_key(&self.kind)
    }

    /// As the API lists it (None for a row this version cannot read).
    pub fn to_dto(&self) -> Option<EvidenceFile> {
        Some(EvidenceFile {
            id: self.id,
            item: self.item()?,
            name: self.name.clone(),
            size: u64::try_from(self.size).ok()?,
            kind: self.file_kind()?,
            uploaded_by: self.uploaded_by,
            uploaded_by_name: self.uploaded_by_name.clone().unwrap_or_default(),
            uploaded_at: self.uploaded_at,
            deleted_at: self.deleted_at,
        })
    }
}

const SELECT: &str = "select f.id, f.edition_id, f.school_id, f.item_kind, f.measurement_id, f.indicator_id, f.person_id, \
     f.action_id, f.name, f.size, f.kind, f.sha256, f.uploaded_by, p.name as uploaded_by_name, f.uploaded_at, f.deleted_at \
     from evidence_files f left join people p on p.id = f.uploaded_by";

/// One attachment, deleted or not.
pub async fn file<'e, E: SqliteExecutor<'e>>(db: E, id: i64) -> sqlx::Result<Option<FileRow>> {
    sqlx::query_as(&format!("{SELECT} where f.id = ?")).bind(id).fetch_optional(db).await
}

/// The attachments (not deleted) of a measurement: every respondent's and the consensus's.
pub async fn of_measurement<'e, E: SqliteExecutor<'e>>(db: E, measurement_id: i64) -> sqlx::Result<Vec<FileRow>> {
    sqlx::query_as(&format!("{SELECT} where f.measurement_id = ? and f.deleted_at is null order by f.uploaded_at, f.id"))
        .bind(measurement_id)
        .fetch_all(db)
        .await
}

/// The attachments (not deleted) of the actions of a plan.
pub async fn of_plan<'e, E: SqliteExecutor<'e>>(db: E, plan_id: i64) -> sqlx::Result<Vec<FileRow>> {
    sqlx::query_as(&format!(
        "{SELECT} join actions a on a.id = f.action_id join goals g on g.id = a.goal_id \
         where g.plan_id = ? and f.deleted_at is null order by f.uploaded_at, f.id"
    ))
    .bind(plan_id)
    .fetch_all(db)
    .await
}

/// The attachments (not deleted) of a school, of every item: for the
/// award dossier, which selects among them.
pub async fn of_school<'e, E: SqliteExecutor<'e>>(db: E, school_id: i64) -> sqlx::Result<Vec<FileRow>> {
    sqlx::query_as(&format!("{SELECT} where f.school_id = ? and f.deleted_at is null order by f.uploaded_at, f.id"))
        .bind(school_id)
        .fetch_all(db)
        .await
}

/// An edition's limits (the defaults without a row).
pub async fn limits<'e, E: SqliteExecutor<'e>>(db: E, edition_id: i64) -> sqlx::Result<EvidenceLimits> {
    let row: Option<(i64, i64)> =
        sqlx::query_as("select max_file_bytes, school_quota_bytes from evidence_limits where edition_id = ?")
            .bind(edition_id)
            .fetch_optional(db)
            .await?;
    Ok(match row {
        Some((file, quota)) => EvidenceLimits { max_file_bytes: file.max(0) as u64, school_quota_bytes: quota.max(0) as u64 },
        None => EvidenceLimits::default(),
    })
}

pub async fn set_limits(tx: &mut SqliteConnection, edition_id: i64, limits: EvidenceLimits) -> sqlx::Result<()> {
    sqlx::query(
        "insert into evidence_limits (edition_id, max_file_bytes, school_quota_bytes) values (?, ?, ?) \
         on conflict (edition_id) do update set max_file_bytes = excluded.max_file_bytes, \
         school_quota_bytes = excluded.school_quota_bytes, version = version + 1",
    )
    .bind(edition_id)
    .bind(limits.max_file_bytes as i64)
    .bind(limits.school_quota_bytes as i64)
    .execute(tx)
    .await?;
    Ok(())
}

/// Bytes of a school's quota in use: each content once, deleted attachments not counted.
pub async fn used_bytes<'e, E: SqliteExecutor<'e>>(db: E, school_id: i64) -> sqlx::Result<u64> {
    let used: i64 = sqlx::query_scalar(
        "select coalesce(sum(size), 0) from (select distinct sha256, size from evidence_files \
         where school_id = ? and deleted_at is null)",
    )
    .bind(school_id)
    .fetch_one(db)
    .await?;
    Ok(used.max(0) as u64)
}

/// Whether the school has this content already (not deleted): it then takes no more quota.
pub async fn school_has<'e, E: SqliteExecutor<'e>>(db: E, school_id: i64, sha256: &str) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("select count(*) from evidence_files where school_id = ? and sha256 = ? and deleted_at is null")
        .bind(school_id)
        .bind(sha256)
        .fetch_one(db)
        .await?;
    Ok(n > 0)
}

/// A new attachment.
#[derive(Debug, Clone)]
pub struct NewFile<'a> {
    pub edition_id: i64,
    pub school_id: i64,
    pub item: &'a EvidenceItem,
    pub name: &'a str,
    pub size: u64,
    pub kind: FileKind,
    pub sha256: &'a str,
    pub uploaded_by: Option<i64>,
    pub uploaded_at: i64,
}

pub async fn insert(tx: &mut SqliteConnection, f: &NewFile<'_>) -> sqlx::Result<i64> {
    let (measurement_id, indicator_id, person_id, action_id) = match f.item {
        EvidenceItem::Answer { measurement_id, indicator_id, person_id } => {
            (Some(*measurement_id), Some(indicator_id.as_str()), Some(*person_id), None)
        }
        EvidenceItem::Consensus { measurement_id, indicator_id } => (Some(*measurement_id), Some(indicator_id.as_str()), None, None),
        EvidenceItem::Action { action_id } => (None, None, None, Some(*action_id)),
    };
    sqlx::query_scalar(
        "insert into evidence_files (edition_id, school_id, item_kind, measurement_id, indicator_id, person_id, action_id, \
         name, size, kind, sha256, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
    )
    .bind(f.edition_id)
    .bind(f.school_id)
    .bind(f.item.kind_key())
    .bind(measurement_id)
    .bind(indicator_id)
    .bind(person_id)
    .bind(action_id)
    .bind(f.name)
    .bind(f.size as i64)
    .bind(f.kind.key())
    .bind(f.sha256)
    .bind(f.uploaded_by)
    .bind(f.uploaded_at)
    .fetch_one(tx)
    .await
}

/// Delete (`Some(now)`) or restore (`None`) an attachment; false when nothing changed.
pub async fn set_deleted(tx: &mut SqliteConnection, id: i64, deleted: Option<(i64, i64)>) -> sqlx::Result<bool> {
    let done = match deleted {
        Some((at, by)) => {
            sqlx::query("update evidence_files set deleted_at = ?, deleted_by = ? where id = ? and deleted_at is null")
                .bind(at)
                .bind(by)
                .bind(id)
                .execute(tx)
                .await?
        }
        None => {
            sqlx::query("update evidence_files set deleted_at = null, deleted_by = null where id = ? and deleted_at is not null")
                .bind(id)
                .execute(tx)
                .await?
        }
    };
    Ok(done.rows_affected() == 1)
}

/// Remove the rows deleted before `before` (Unix seconds); how many.
pub async fn purge(tx: &mut SqliteConnection, before: i64) -> sqlx::Result<u64> {
    Ok(sqlx::query("delete from evidence_files where deleted_at is not null and deleted_at < ?")
        .bind(before)
        .execute(tx)
        .await?
        .rows_affected())
}

/// Every hash a row names (deleted rows included: they can be restored).
pub async fn referenced<'e, E: SqliteExecutor<'e>>(db: E) -> sqlx::Result<HashSet<String>> {
    let hashes: Vec<String> = sqlx::query_scalar("select distinct sha256 from evidence_files").fetch_all(db).await?;
    Ok(hashes.into_iter().collect())
}

//! An edition with its evidence files (issue 16): a zip holding
//! `manifest.json` (this module's [`Manifest`]: format, version, the
//! document's entry and every file's hash and size), `edition.json` (the
//! exchange document) and `files/<sha256>` (one entry per content). The
//! server reads an archive only within [`ArchiveLimits`] (entries, sizes,
//! the total uncompressed, so a zip bomb is refused before it is inflated)
//! and checks every file's bytes against the manifest and the document.

use super::ExchangeDocument;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `format` marker of an archive.
pub const ARCHIVE_FORMAT: &str = "stempact-edition-archive";
/// The version this build writes and the newest it reads.
pub const ARCHIVE_VERSION: u32 = 1;
pub const MANIFEST: &str = "manifest.json";
pub const DOCUMENT: &str = "edition.json";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    /// The entry of the exchange document.
    pub document: String,
    pub files: Vec<ManifestFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    pub sha256: String,
    pub size: u64,
}

impl ManifestFile {
    /// The file's entry in the zip.
    pub fn entry(&self) -> String {
        format!("files/{}", self.sha256)
    }
}

/// What an archive may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArchiveLimits {
    pub max_entries: usize,
    pub max_manifest_bytes: u64,
    pub max_document_bytes: u64,
    pub max_file_bytes: u64,
    /// Everything uncompressed together.
    pub max_total_bytes: u64,
}

impl Default for ArchiveLimits {
    fn default() -> Self {
        ArchiveLimits {
            max_entries: 20_000,
            max_manifest_bytes: 4 * 1024 * 1024,
            max_document_bytes: 64 * 1024 * 1024,
            max_file_bytes: crate::evidence::MAX_FILE_MB.1 * crate::evidence::MB,
            max_total_bytes: 4 * 1024 * 1024 * 1024,
        }
    }
}

/// Why an archive is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArchiveError {
    #[error("the file is not a zip archive of a STEMpact edition: {0}")]
    NotAnArchive(String),
    #[error("the archive has no {0}")]
    Missing(String),
    #[error("the archive's manifest is not readable: {0}")]
    BadManifest(String),
    #[error("this archive was written by a newer STEMpact (archive version {found}, this one reads up to {supported}); update first")]
    TooNew { found: u32, supported: u32 },
    #[error("the archive is too large: {0}")]
    TooLarge(String),
    #[error("file {0} in the archive does not match its hash or size: the archive was changed or damaged")]
    Tampered(String),
    #[error("the archive's files and its edition do not agree: {0}")]
    Inconsistent(String),
}

pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The manifest for a document: each evidence content once.
pub fn manifest_for(doc: &ExchangeDocument) -> Manifest {
    let files: BTreeMap<&str, u64> = doc.evidence_files.iter().map(|f| (f.sha256.as_str(), f.size)).collect();
    Manifest {
        format: ARCHIVE_FORMAT.into(),
        format_version: ARCHIVE_VERSION,
        document: DOCUMENT.into(),
        files: files.into_iter().map(|(sha256, size)| ManifestFile { sha256: sha256.into(), size }).collect(),
    }
}

/// Read and check a manifest against the limits, before any file is read.
pub fn parse_manifest(text: &str, entries: usize, limits: ArchiveLimits) -> Result<Manifest, ArchiveError> {
    let m: Manifest = serde_json::from_str(text).map_err(|e| ArchiveError::BadManifest(e.to_string()))?;
    if m.format != ARCHIVE_FORMAT {
        return Err(ArchiveError::BadManifest(format!("format \"{}\" is not {ARCHIVE_FORMAT}", m.format)));
    }
    if m.format_version > ARCHIVE_VERSION {
        return Err(ArchiveError::TooNew { found: m.format_version, supported: ARCHIVE_VERSION });
    }
    if entries > limits.max_entries || m.files.len() + 2 > limits.max_entries {
        return Err(ArchiveError::TooLarge(format!("{entries} entries, at most {}", limits.max_entries)));
    }
    let mut total = 0u64;
    for f in &m.files {
        if !is_sha256(&f.sha256) {
            return Err(ArchiveError::BadManifest(format!("\"{}\" is not a SHA-256", f.sha256)));
        }
        if f.size == 0 || f.size > limits.max_file_bytes {
            return Err(ArchiveError::TooLarge(format!("file {} of {} bytes", f.sha256, f.size)));
        }
        total = total.saturating_add(f.size);
    }
    if total > limits.max_total_bytes {
        return Err(ArchiveError::TooLarge(format!("{total} bytes of files, at most {}", limits.max_total_bytes)));
    }
    Ok(m)
}

/// The document's evidence and the manifest name the same contents with
/// the same sizes.
pub fn check_against(manifest: &Manifest, doc: &ExchangeDocument) -> Result<(), ArchiveError> {
    let listed: BTreeMap<&str, u64> = manifest.files.iter().map(|f| (f.sha256.as_str(), f.size)).collect();
    for f in &doc.evidence_files {
        match listed.get(f.sha256.as_str()) {
            Some(size) if *size == f.size => {}
            Some(size) => {
                return Err(ArchiveError::Inconsistent(format!("\"{}\" is {} bytes in the edition, {size} in the manifest", f.name, f.size)))
            }
            None => return Err(ArchiveError::Inconsistent(format!("\"{}\" is not in the archive", f.name))),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_are_checked_before_anything_is_read() {
        let limits = ArchiveLimits { max_entries: 4, max_file_bytes: 100, max_total_bytes: 150, ..ArchiveLimits::default() };
        let file = |c: char, size: u64| ManifestFile { sha256: c.to_string().repeat(64), size };
        let m = |files: Vec<ManifestFile>| {
            serde_json::to_string(&Manifest { format: ARCHIVE_FORMAT.into(), format_version: 1, document: DOCUMENT.into(), files }).unwrap()
        };
        assert!(parse_manifest(&m(vec![file('a', 100)]), 3, limits).is_ok());
        assert!(matches!(parse_manifest(&m(vec![file('a', 101)]), 3, limits), Err(ArchiveError::TooLarge(_))));
        assert!(matches!(parse_manifest(&m(vec![file('a', 100), file('b', 100)]), 4, limits), Err(ArchiveError::TooLarge(_))));
        assert!(matches!(parse_manifest(&m(vec![file('a', 1)]), 5, limits), Err(ArchiveError::TooLarge(_))));
        assert!(matches!(parse_manifest(&m(vec![file('g', 1)]), 3, limits), Err(ArchiveError::BadManifest(_))));
        let newer = m(vec![]).replace("\"format_version\":1", "\"format_version\":2");
        assert_eq!(parse_manifest(&newer, 2, limits), Err(ArchiveError::TooNew { found: 2, supported: 1 }));
        assert!(matches!(parse_manifest("{}", 2, limits), Err(ArchiveError::BadManifest(_))));
    }
}

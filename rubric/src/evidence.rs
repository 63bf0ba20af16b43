//! Evidence files (issue 16): the rules of a file a school attaches to a
//! nulmeting answer, a consensus answer or a plan action. What kind of file
//! it is, read from its first and last bytes and never from its name
//! ([`Sniffer`], [`FileKind`]); the name as shown and as sent in a download
//! header ([`display_name`], [`content_disposition`]); the size limits of an
//! edition ([`EvidenceLimits`], [`check_upload`]); and the DTOs the server
//! sends. Who may read or attach a file is decided in `crate::access`
//! ([`crate::access::may_read_evidence`], [`crate::access::may_change_evidence`]).

use serde::{Deserialize, Serialize};

/// The kinds of file accepted as evidence: PDF, images and office documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
    /// Word (OOXML).
    Docx,
    /// Excel (OOXML).
    Xlsx,
    /// PowerPoint (OOXML).
    Pptx,
    /// OpenDocument text.
    Odt,
    /// OpenDocument spreadsheet.
    Ods,
    /// OpenDocument presentation.
    Odp,
}

impl FileKind {
    pub const ALL: [FileKind; 11] = [
        FileKind::Pdf,
        FileKind::Png,
        FileKind::Jpeg,
        FileKind::Gif,
        FileKind::Webp,
        FileKind::Docx,
        FileKind::Xlsx,
        FileKind::Pptx,
        FileKind::Odt,
        FileKind::Ods,
        FileKind::Odp,
    ];

    /// The `Content-Type` a download is sent with.
    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Gif => "image/gif",
            FileKind::Webp => "image/webp",
            FileKind::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Pptx => "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            FileKind::Odt => "application/vnd.oasis.opendocument.text",
            FileKind::Ods => "application/vnd.oasis.opendocument.spreadsheet",
            FileKind::Odp => "application/vnd.oasis.opendocument.presentation",
        }
    }

    /// The extensions a name of this kind may end in; the first is added
    /// to a download's name that ends in none of them.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["pdf"],
            FileKind::Png => &["png"],
            FileKind::Jpeg => &["jpg", "jpeg"],
            FileKind::Gif => &["gif"],
            FileKind::Webp => &["webp"],
            FileKind::Docx => &["docx"],
            FileKind::Xlsx => &["xlsx"],
            FileKind::Pptx => &["pptx"],
            FileKind::Odt => &["odt"],
            FileKind::Ods => &["ods"],
            FileKind::Odp => &["odp"],
        }
    }

    /// The database's and the exchange format's key.
    pub fn key(self) -> &'static str {
        self.extensions()[0]
    }

    pub fn from_key(key: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn is_image(self) -> bool {
        matches!(self, FileKind::Png | FileKind::Jpeg | FileKind::Gif | FileKind::Webp)
    }
}

/// Why a file is not accepted as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TypeError {
    #[error("the file is empty")]
    Empty,
    #[error("this file is {0}, not a document: only PDF, images (PNG, JPEG, GIF, WebP) and office documents (Word, Excel, PowerPoint, OpenDocument) are accepted")]
    Executable(&'static str),
    #[error("this office document contains macros (a program); save it without macros (.docx, .xlsx, .pptx) and try again")]
    Macros,
    #[error("this is an old Office file (.doc, .xls, .ppt); save it as .docx, .xlsx or .pptx (or PDF) and try again")]
    OldOffice,
    #[error("this zip file is not an office document; only PDF, images (PNG, JPEG, GIF, WebP) and office documents (Word, Excel, PowerPoint, OpenDocument) are accepted")]
    Archive,
    #[error("this type of file is not accepted: only PDF, images (PNG, JPEG, GIF, WebP) and office documents (Word, Excel, PowerPoint, OpenDocument) are accepted, recognised by their content")]
    Unknown,
}

/// Bytes kept of a file's start.
const HEAD: usize = 4096;
/// Bytes kept of a file's end: a zip's central directory (its list of
/// entries) is at the end; 64 KiB holds the list of any office document
/// of a few hundred parts.
const TAIL: usize = 64 * 1024;

/// Reads a file as it streams past (any chunk sizes) and keeps only its
/// first [`HEAD`] and last [`TAIL`] bytes, then tells its kind.
#[derive(Debug, Clone, Default)]
pub struct Sniffer {
    head: Vec<u8>,
    tail: Vec<u8>,
    len: u64,
}

impl Sniffer {
    pub fn new() -> Sniffer {
        Sniffer::default()
    }

    pub fn push(&mut self, chunk: &[u8]) {
        self.len += chunk.len() as u64;
        if self.head.len() < HEAD {
            let take = (HEAD - self.head.len()).min(chunk.len());
            self.head.extend_from_slice(&chunk[..take]);
        }
        if chunk.len() >= TAIL {
            self.tail.clear();
            self.tail.extend_from_slice(&chunk[chunk.len() - TAIL..]);
        } else {
            let overflow = (self.tail.len() + chunk.len()).saturating_sub(TAIL);
            self.tail.drain(..overflow);
            self.tail.extend_from_slice(chunk);
        }
    }

    /// The bytes seen so far.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn kind(&self) -> Result<FileKind, TypeError> {
        detect(&self.head, &self.tail, self.len)
    }
}

/// The kind of a whole file held in memory.
pub fn detect_bytes(bytes: &[u8]) -> Result<FileKind, TypeError> {
    let mut s = Sniffer::new();
    s.push(bytes);
    s.kind()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The kind from the start (`head`) and end (`tail`) of a file of `len` bytes.
fn detect(head: &[u8], tail: &[u8], len: u64) -> Result<FileKind, TypeError> {
    if len == 0 {
        return Err(TypeError::Empty);
    }
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"%PDF-") {
        return Ok(FileKind::Pdf);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(FileKind::Png);
    }
    if starts(b"\xFF\xD8\xFF") {
        return Ok(FileKind::Jpeg);
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Ok(FileKind::Gif);
    }
    if starts(b"RIFF") && head.len() >= 12 && &head[8..12] == b"WEBP" {
        return Ok(FileKind::Webp);
    }
    if starts(b"PK\x03\x04") {
        return zip_kind(head, tail);
    }
    if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(TypeError::OldOffice);
    }
    if starts(b"MZ") {
        return Err(TypeError::Executable("a Windows program"));
    }
    if starts(b"\x7FELF") {
        return Err(TypeError::Executable("a Linux program"));
    }
    if [b"\xFE\xED\xFA\xCE", b"\xFE\xED\xFA\xCF", b"\xCE\xFA\xED\xFE", b"\xCF\xFA\xED\xFE", b"\xCA\xFE\xBA\xBE"].iter().any(|m| starts(*m)) {
        return Err(TypeError::Executable("a macOS program"));
    }
    if starts(b"#!") {
        return Err(TypeError::Executable("a script"));
    }
    Err(TypeError::Unknown)
}

/// An OpenDocument names its type in a first, uncompressed entry
/// `mimetype`; an OOXML document lists `[Content_Types].xml` and its main
/// part among its entries (the central directory at the end).
fn zip_kind(head: &[u8], tail: &[u8]) -> Result<FileKind, TypeError> {
    if head.len() > 38 && &head[30..38] == b"mimetype" {
        let rest = &head[38..];
        for (mime, kind) in [
            (&b"application/vnd.oasis.opendocument.text"[..], FileKind::Odt),
            (b"application/vnd.oasis.opendocument.spreadsheet", FileKind::Ods),
            (b"application/vnd.oasis.opendocument.presentation", FileKind::Odp),
        ] {
            // "...text" must not match "...text-template" and the like.
            if rest.starts_with(mime) && rest[mime.len()..].first().is_none_or(|b| *b != b'-') {
                return Ok(kind);
            }
        }
        return Err(TypeError::Archive);
    }
    let has = |name: &[u8]| contains(tail, name) || contains(head, name);
    if !has(b"[Content_Types].xml") {
        return Err(TypeError::Archive);
    }
    if has(b"vbaProject.bin") {
        return Err(TypeError::Macros);
    }
    for (part, kind) in [
        (&b"word/document.xml"[..], FileKind::Docx),
        (b"xl/workbook.xml", FileKind::Xlsx),
        (b"ppt/presentation.xml", FileKind::Pptx),
    ] {
        if has(part) {
            return Ok(kind);
        }
    }
    Err(TypeError::Archive)
}

/// The longest name kept, in characters.
pub const NAME_MAX: usize = 120;

/// A file's name as given by the browser, made safe to show and store:
/// only the last path part, no control or direction-changing characters,
/// spaces collapsed, no leading or trailing dots or spaces, at most
/// [`NAME_MAX`] characters (keeping the extension); "file" if nothing is left.
pub fn display_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let mut out = String::new();
    let mut space = false;
    for c in last.chars() {
        let invisible = c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if invisible {
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    let trimmed = out.trim_matches(|c: char| c == '.' || c == ' ');
    let name: String = if trimmed.chars().count() > NAME_MAX {
        match trimmed.rsplit_once('.') {
            Some((stem, ext)) if ext.chars().count() <= 10 => {
                let keep = NAME_MAX - ext.chars().count() - 1;
                format!("{}.{ext}", stem.chars().take(keep).collect::<String>().trim_end())
            }
            _ => trimmed.chars().take(NAME_MAX).collect(),
        }
    } else {
        trimmed.to_string()
    };
    if name.is_empty() {
        "file".to_string()
    } else {
        name
    }
}

/// The name a download is saved under: the display name, with the kind's
/// extension added when it ends in another (a PNG named `report.pdf` is
/// saved as `report.pdf.png`, so no program opens it as what it is not).
pub fn download_name(name: &str, kind: FileKind) -> String {
    let name = display_name(name);
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if ext.is_some_and(|e| kind.extensions().contains(&e.as_str())) {
        name
    } else {
        format!("{name}.{}", kind.key())
    }
}

/// A plain ASCII version of a name for the `filename=` of old clients:
/// letters, digits and `-_.() ` kept, accented Latin letters without their
/// accent, anything else `_`.
pub fn ascii_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' | '(' | ')' | ' ' => c,
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'À' | 'Á' | 'Â' | 'Ä' => 'A',
            'È' | 'É' | 'Ê' | 'Ë' => 'E',
            'Ö' | 'Ó' => 'O',
            'Ü' | 'Ú' => 'U',
            _ => '_',
        })
        .collect();
    out.truncate(NAME_MAX * 4);
    out
}

/// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`: always
/// a download, with a name every client can read (RFC 6266 and 5987).
pub fn content_disposition(name: &str, kind: FileKind) -> String {
    let name = download_name(name, kind);
    let mut encoded = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(b as char);
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{}\"; filename*=UTF-8''{encoded}", ascii_name(&name))
}

/// An edition's limits on evidence files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceLimits {
    /// Largest file, in bytes.
    pub max_file_bytes: u64,
    /// All files of one school together (one copy of each content), in bytes.
    pub school_quota_bytes: u64,
}

pub const MB: u64 = 1024 * 1024;

impl Default for EvidenceLimits {
    fn default() -> Self {
        EvidenceLimits { max_file_bytes: 10 * MB, school_quota_bytes: 200 * MB }
    }
}

/// The limits as the coordinator sets them, in whole megabytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitsInput {
    pub max_file_mb: u64,
    pub school_quota_mb: u64,
}

/// Bounds of [`LimitsInput`].
pub const MAX_FILE_MB: (u64, u64) = (1, 50);
pub const SCHOOL_QUOTA_MB: (u64, u64) = (10, 5000);

/// Why limits are not accepted, with the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LimitsError {
    #[error("the largest file is between 1 and 50 MB")]
    MaxFile,
    #[error("the quota per school is between 10 and 5000 MB")]
    Quota,
    #[error("the quota per school must be at least the largest file")]
    QuotaBelowFile,
}

impl LimitsError {
    pub fn field(self) -> &'static str {
        match self {
            LimitsError::MaxFile => "max_file_mb",
            LimitsError::Quota | LimitsError::QuotaBelowFile => "school_quota_mb",
        }
    }
}

/// Check the coordinator's limits: every problem, each at its field.
pub fn validate_limits(input: LimitsInput) -> Result<EvidenceLimits, Vec<LimitsError>> {
    let mut errors = Vec::new();
    if !(MAX_FILE_MB.0..=MAX_FILE_MB.1).contains(&input.max_file_mb) {
        errors.push(LimitsError::MaxFile);
    }
    if !(SCHOOL_QUOTA_MB.0..=SCHOOL_QUOTA_MB.1).contains(&input.school_quota_mb) {
        errors.push(LimitsError::Quota);
    } else if input.school_quota_mb < input.max_file_mb {
        errors.push(LimitsError::QuotaBelowFile);
    }
    if errors.is_empty() {
        Ok(EvidenceLimits { max_file_bytes: input.max_file_mb * MB, school_quota_bytes: input.school_quota_mb * MB })
    } else {
        Err(errors)
    }
}

/// Why an upload does not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SizeError {
    #[error("the file is larger than {max} bytes, the largest file this edition accepts")]
    TooLarge { max: u64 },
    #[error("the school's space for evidence is full: {left} bytes are left of {quota}")]
    QuotaFull { left: u64, quota: u64 },
}

/// Does a file of `size` bytes fit, with `used` bytes of the school's
/// quota taken (`is_new`: its content is not stored for the school yet)?
pub fn check_upload(size: u64, used: u64, is_new: bool, limits: EvidenceLimits) -> Result<(), SizeError> {
    if size > limits.max_file_bytes {
        return Err(SizeError::TooLarge { max: limits.max_file_bytes });
    }
    if is_new && used.saturating_add(size) > limits.school_quota_bytes {
        return Err(SizeError::QuotaFull { left: limits.school_quota_bytes.saturating_sub(used), quota: limits.school_quota_bytes });
    }
    Ok(())
}

/// What an evidence file belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceItem {
    /// A respondent's answer (`person_id`'s sheet) to an indicator.
    Answer { measurement_id: i64, indicator_id: String, person_id: i64 },
    /// The team's consensus answer of an indicator.
    Consensus { measurement_id: i64, indicator_id: String },
    /// An action of the school's plan.
    Action { action_id: i64 },
}

impl EvidenceItem {
    /// The database's `item_kind`.
    pub fn kind_key(&self) -> &'static str {
        match self {
            EvidenceItem::Answer { .. } => "answer",
            EvidenceItem::Consensus { .. } => "consensus",
            EvidenceItem::Action { .. } => "action",
        }
    }
}

/// One evidence file as the API lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFile {
    pub id: i64,
    pub item: EvidenceItem,
    pub name: String,
    pub size: u64,
    pub kind: FileKind,
    pub uploaded_by: Option<i64>,
    pub uploaded_by_name: String,
    /// Unix seconds.
    pub uploaded_at: i64,
    /// Set for a file deleted (and restorable) in this answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<i64>,
}

/// The files of a measurement or a plan the caller may see, with the
/// school's limits and use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceList {
    pub files: Vec<EvidenceFile>,
    pub limits: EvidenceLimits,
    /// Bytes of the school's quota in use.
    pub used_bytes: u64,
}

/// What the evidence files component reads of an [`EvidenceList`]: the
/// same JSON, decoded without the fields the page does not show (the
/// file's kind, the uploader's id, `deleted_at`). Issue 13: every field
/// and every type costs the apps decoder bytes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EvidenceListView {
    pub files: Vec<EvidenceFileView>,
    pub limits: EvidenceLimits,
    pub used_bytes: u64,
}

/// One file of an [`EvidenceListView`] (a listed [`EvidenceFile`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct EvidenceFileView {
    pub id: i64,
    pub item: EvidenceItem,
    pub name: String,
    pub size: u64,
    pub uploaded_by_name: String,
    /// Unix seconds.
    pub uploaded_at: i64,
}

#[cfg(test)]
mod tests;

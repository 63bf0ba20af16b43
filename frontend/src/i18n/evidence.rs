//! Texts of evidence files (issue 16): the list of files of an answer, a
//! consensus or a plan action, adding one (pick or drop), its progress,
//! deleting with undo, and why a file is refused.

use super::{pick, Lang, Text};
use crate::api::ApiError;
use rubric::errors::FieldCode;
use rubric::evidence::EvidenceListView;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ev {
    Heading,
    Empty,
    Add,
    Hint,
    Uploading,
    Delete,
    Deleted,
    Undo,
    TooLarge,
    QuotaFull,
    FileType,
    Failed,
}

impl Text for Ev {
    fn texts(self) -> (&'static str, &'static str) {
        match self {
            Ev::Heading => ("Bewijsstukken", "Evidence files"),
            Ev::Empty => ("Nog geen bestanden.", "No files yet."),
            Ev::Add => ("Bestand toevoegen (kies of sleep hierheen)", "Add a file (choose or drop here)"),
            Ev::Hint => (
                "PDF, foto (PNG, JPEG, GIF, WebP) of Office-document, tot {max}. Nog {left} vrij voor je school.",
                "PDF, photo (PNG, JPEG, GIF, WebP) or office document, up to {max}. {left} left for your school.",
            ),
            Ev::Uploading => ("Bezig met opladen", "Uploading"),
            Ev::Delete => ("Verwijderen", "Delete"),
            Ev::Deleted => ("Bestand verwijderd.", "File deleted."),
            Ev::Undo => ("Ongedaan maken", "Undo"),
            Ev::TooLarge => ("Dit bestand is te groot: hoogstens {max} per bestand.", "This file is too large: at most {max} a file."),
            Ev::QuotaFull => (
                "De ruimte voor bewijsstukken van je school is vol: nog {left} vrij van {quota}. Verwijder eerst een bestand.",
                "Your school's space for evidence files is full: {left} left of {quota}. Delete a file first.",
            ),
            Ev::FileType => (
                "Dit soort bestand wordt niet aanvaard (we lezen de inhoud, niet de naam). Kies een PDF, een foto of een Office-document.",
                "This kind of file is not accepted (we read its content, not its name). Choose a PDF, a photo or an office document.",
            ),
            Ev::Failed => ("Opladen mislukt; probeer het opnieuw.", "The upload failed; please try again."),
        }
    }
}

/// A size in bytes as people read it: "850 kB", "1,5 MB".
pub fn file_size(lang: Lang, bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        format!("{} kB", bytes.div_ceil(1024))
    } else {
        // Tenths of a MB, rounded half up, in whole numbers: printing a
        // float links the float formatter (about 11 kB of wasm) into every
        // app that shows evidence files.
        let tenths = (bytes.saturating_mul(10).saturating_add(MB / 2)) / MB;
        format!("{}{}{} MB", tenths / 10, pick(lang, ",", "."), tenths % 10)
    }
}

/// The hint under the field: the largest file and what is left.
pub fn hint(lang: Lang, list: &EvidenceListView) -> String {
    let left = list.limits.school_quota_bytes.saturating_sub(list.used_bytes);
    Ev::Hint.t(lang).replace("{max}", &file_size(lang, list.limits.max_file_bytes)).replace("{left}", &file_size(lang, left))
}

/// Why a file was refused, in the reader's language.
pub fn refusal(lang: Lang, code: Option<FieldCode>, list: &EvidenceListView) -> String {
    let left = list.limits.school_quota_bytes.saturating_sub(list.used_bytes);
    match code {
        Some(FieldCode::FileTooLarge) => Ev::TooLarge.t(lang).replace("{max}", &file_size(lang, list.limits.max_file_bytes)),
        Some(FieldCode::QuotaFull) => Ev::QuotaFull
            .t(lang)
            .replace("{left}", &file_size(lang, left))
            .replace("{quota}", &file_size(lang, list.limits.school_quota_bytes)),
        Some(FieldCode::FileType) => Ev::FileType.t(lang).to_string(),
        _ => Ev::Failed.t(lang).to_string(),
    }
}

/// A refused upload's words: the field's code, else the server's message.
pub fn upload_error(lang: Lang, e: &ApiError, list: &EvidenceListView) -> String {
    match e.field_error("file").and_then(|f| f.code) {
        Some(code) => refusal(lang, Some(code), list),
        None if e.message.is_empty() => Ev::Failed.t(lang).to_string(),
        None => e.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_kilobytes_up_to_a_megabyte_then_in_tenths_of_one() {
        assert_eq!(file_size(Lang::Nl, 0), "0 kB");
        assert_eq!(file_size(Lang::Nl, 1), "1 kB");
        assert_eq!(file_size(Lang::En, 870_400), "850 kB");
        assert_eq!(file_size(Lang::Nl, 1024 * 1024), "1,0 MB");
        assert_eq!(file_size(Lang::En, 1024 * 1024), "1.0 MB");
        assert_eq!(file_size(Lang::Nl, 1_572_864), "1,5 MB");
        assert_eq!(file_size(Lang::Nl, 10 * 1024 * 1024 - 1), "10,0 MB");
        assert_eq!(file_size(Lang::En, 5000 * 1024 * 1024), "5000.0 MB");
        assert_eq!(file_size(Lang::En, 2_306_867), "2.2 MB");
    }
}

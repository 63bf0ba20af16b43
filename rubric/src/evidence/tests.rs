//! Type detection by content, names made safe, limits.

use super::*;
use proptest::prelude::*;

/// A minimal zip: one stored entry per name (local header + data), then
/// the central directory listing them, as office suites write it.
pub fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = out.len() as u32;
        out.extend_from_slice(b"PK\x03\x04");
        out.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(b"PK\x01\x02");
        central.extend_from_slice(&[0u8; 24]);
        central.extend_from_slice(&(name.len() as u16).to_le_bytes());
        central.extend_from_slice(&[0u8; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06");
    out.extend_from_slice(&[0u8; 18]);
    out
}

#[test]
fn kinds_are_read_from_the_content() {
    assert_eq!(detect_bytes(b"%PDF-1.7\n..."), Ok(FileKind::Pdf));
    assert_eq!(detect_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Ok(FileKind::Png));
    assert_eq!(detect_bytes(b"\xFF\xD8\xFF\xE0\0\x10JFIF"), Ok(FileKind::Jpeg));
    assert_eq!(detect_bytes(b"GIF89a...."), Ok(FileKind::Gif));
    assert_eq!(detect_bytes(b"RIFF\x10\0\0\0WEBPVP8 "), Ok(FileKind::Webp));
    assert_eq!(detect_bytes(b"RIFF\x10\0\0\0WAVEfmt "), Err(TypeError::Unknown));
    let docx = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("_rels/.rels", b""), ("word/document.xml", b"<w/>")]);
    assert_eq!(detect_bytes(&docx), Ok(FileKind::Docx));
    let xlsx = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<w/>")]);
    assert_eq!(detect_bytes(&xlsx), Ok(FileKind::Xlsx));
    let pptx = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("ppt/presentation.xml", b"<p/>")]);
    assert_eq!(detect_bytes(&pptx), Ok(FileKind::Pptx));
    let docm = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b""), ("word/vbaProject.bin", b"x")]);
    assert_eq!(detect_bytes(&docm), Err(TypeError::Macros));
    let odt = zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"")]);
    assert_eq!(detect_bytes(&odt), Ok(FileKind::Odt));
    let ods = zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.spreadsheet")]);
    assert_eq!(detect_bytes(&ods), Ok(FileKind::Ods));
    let odp = zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.presentation")]);
    assert_eq!(detect_bytes(&odp), Ok(FileKind::Odp));
    let ott = zip_of(&[("mimetype", b"application/vnd.oasis.opendocument.text-template")]);
    assert_eq!(detect_bytes(&ott), Err(TypeError::Archive));
    let plain_zip = zip_of(&[("evil.exe", b"MZ")]);
    assert_eq!(detect_bytes(&plain_zip), Err(TypeError::Archive));
}

#[test]
fn programs_and_scripts_are_refused_whatever_their_name() {
    assert_eq!(detect_bytes(b"MZ\x90\0\x03"), Err(TypeError::Executable("a Windows program")));
    assert_eq!(detect_bytes(b"\x7FELF\x02\x01\x01"), Err(TypeError::Executable("a Linux program")));
    assert_eq!(detect_bytes(b"\xCF\xFA\xED\xFE\x07"), Err(TypeError::Executable("a macOS program")));
    assert_eq!(detect_bytes(b"#!/bin/sh\nrm -rf /"), Err(TypeError::Executable("a script")));
    assert_eq!(detect_bytes(b"<html><script>alert(1)</script>"), Err(TypeError::Unknown));
    assert_eq!(detect_bytes(b"<svg onload=alert(1)>"), Err(TypeError::Unknown));
    assert_eq!(detect_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0"), Err(TypeError::OldOffice));
    assert_eq!(detect_bytes(b""), Err(TypeError::Empty));
    // A PDF signature later in the file is not a PDF (a polyglot).
    assert_eq!(detect_bytes(b"MZ....%PDF-1.4"), Err(TypeError::Executable("a Windows program")));
}

#[test]
fn a_large_office_file_is_recognised_by_its_end() {
    // The main part's name only in the central directory, after 1 MB of data.
    let big = vec![0u8; 1024 * 1024];
    let docx = zip_of(&[("[Content_Types].xml", b"<Types/>"), ("media/image1.png", &big), ("word/document.xml", b"")]);
    let mut s = Sniffer::new();
    for chunk in docx.chunks(7919) {
        s.push(chunk);
    }
    assert_eq!(s.len(), docx.len() as u64);
    assert_eq!(s.kind(), Ok(FileKind::Docx));
}

#[test]
fn names_are_made_safe() {
    assert_eq!(display_name("C:\\Users\\juf\\Verslag vakgroep.pdf"), "Verslag vakgroep.pdf");
    assert_eq!(display_name("../../etc/passwd"), "passwd");
    assert_eq!(display_name("  foto\t\tmaker\nspace .png "), "foto maker space .png");
    assert_eq!(display_name("rapport\u{202E}fdp.exe"), "rapportfdp.exe");
    assert_eq!(display_name("..."), "file");
    assert_eq!(display_name(""), "file");
    let long = format!("{}.pdf", "a".repeat(300));
    let short = display_name(&long);
    assert_eq!(short.chars().count(), NAME_MAX);
    assert!(short.ends_with(".pdf"));
    assert_eq!(download_name("foto.pdf", FileKind::Png), "foto.pdf.png");
    assert_eq!(download_name("foto.JPG", FileKind::Jpeg), "foto.JPG");
    assert_eq!(
        content_disposition("Verslag \"één\".pdf", FileKind::Pdf),
        "attachment; filename=\"Verslag _een_.pdf\"; filename*=UTF-8''Verslag%20%22%C3%A9%C3%A9n%22.pdf"
    );
}

#[test]
fn limits_are_checked() {
    let limits = EvidenceLimits::default();
    assert_eq!(check_upload(10 * MB, 0, true, limits), Ok(()));
    assert_eq!(check_upload(10 * MB + 1, 0, true, limits), Err(SizeError::TooLarge { max: 10 * MB }));
    assert_eq!(check_upload(MB, 199 * MB + 1, true, limits), Err(SizeError::QuotaFull { left: MB - 1, quota: 200 * MB }));
    // The same content again takes no more space.
    assert_eq!(check_upload(MB, 200 * MB, false, limits), Ok(()));
    assert_eq!(validate_limits(LimitsInput { max_file_mb: 10, school_quota_mb: 200 }), Ok(limits));
    assert_eq!(validate_limits(LimitsInput { max_file_mb: 0, school_quota_mb: 5 }), Err(vec![LimitsError::MaxFile, LimitsError::Quota]));
    assert_eq!(validate_limits(LimitsInput { max_file_mb: 50, school_quota_mb: 20 }), Err(vec![LimitsError::QuotaBelowFile]));
}

fn header_safe(value: &str) -> bool {
    value.bytes().all(|b| b == b'\t' || (0x20..0x7F).contains(&b))
}

proptest! {
    /// Any name gives a header value of visible ASCII, with no quote or
    /// backslash inside the quoted name and a `filename*` that decodes back
    /// to the name as saved.
    #[test]
    fn any_name_gives_a_safe_header(name in any::<String>(), kind in prop::sample::select(FileKind::ALL.to_vec())) {
        let header = content_disposition(&name, kind);
        prop_assert!(header_safe(&header), "{header:?}");
        let quoted = header.split('"').nth(1).unwrap_or("");
        prop_assert!(!quoted.contains('\\'));
        prop_assert_eq!(header.matches('"').count(), 2);
        let encoded = header.rsplit("UTF-8''").next().unwrap_or("");
        let mut bytes = Vec::new();
        let mut rest = encoded.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            if b == b'%' {
                let hex = std::str::from_utf8(&tail[..2]).unwrap_or("");
                bytes.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                rest = &tail[2..];
            } else {
                bytes.push(b);
                rest = tail;
            }
        }
        prop_assert_eq!(String::from_utf8(bytes).ok(), Some(download_name(&name, kind)));
    }

    /// A shown name is never empty, never a path, never longer than the
    /// limit, and has no control or direction characters.
    #[test]
    fn any_name_shows_safely(name in any::<String>()) {
        let shown = display_name(&name);
        prop_assert!(!shown.is_empty());
        prop_assert!(!shown.contains('/') && !shown.contains('\\'));
        prop_assert!(shown.chars().count() <= NAME_MAX);
        let bidi = '\u{202A}'..='\u{202E}';
        prop_assert!(!shown.chars().any(|c| c.is_control() || bidi.contains(&c)), "{:?}", shown);
        prop_assert_eq!(display_name(&shown), shown.clone());
    }

    /// Chunking never changes the kind.
    #[test]
    fn chunking_does_not_change_the_kind(data in prop::collection::vec(any::<u8>(), 0..3000), cut in 1usize..500) {
        let mut s = Sniffer::new();
        for chunk in data.chunks(cut) {
            s.push(chunk);
        }
        prop_assert_eq!(s.kind(), detect_bytes(&data));
    }
}

/// The apps read the server's list through the smaller view type: every
/// file, its target and the figures the page shows survive the trip.
#[test]
fn a_listed_file_reads_as_the_view_the_apps_decode() {
    let list = EvidenceList {
        files: vec![
            EvidenceFile {
                id: 7,
                item: EvidenceItem::Answer { measurement_id: 3, indicator_id: "1.2".into(), person_id: 9 },
                name: "verslag.pdf".into(),
                size: 123_456,
                kind: FileKind::Pdf,
                uploaded_by: Some(9),
                uploaded_by_name: "An Peeters".into(),
                uploaded_at: 1_700_000_000,
                deleted_at: Some(1_700_000_100),
            },
            EvidenceFile {
                id: 8,
                item: EvidenceItem::Action { action_id: 4 },
                name: "foto.png".into(),
                size: 99,
                kind: FileKind::Png,
                uploaded_by: None,
                uploaded_by_name: String::new(),
                uploaded_at: 1_700_000_200,
                deleted_at: None,
            },
        ],
        limits: EvidenceLimits { max_file_bytes: 5, school_quota_bytes: 50 },
        used_bytes: 42,
    };
    let json = serde_json::to_string(&list).expect("serialise");
    let view: EvidenceListView = serde_json::from_str(&json).expect("the view reads the list");
    assert_eq!((view.limits, view.used_bytes), (list.limits, 42));
    assert_eq!(view.files.len(), 2);
    for (v, f) in view.files.iter().zip(&list.files) {
        assert_eq!((v.id, &v.item, &v.name, v.size, &v.uploaded_by_name, v.uploaded_at), (f.id, &f.item, &f.name, f.size, &f.uploaded_by_name, f.uploaded_at));
    }
}

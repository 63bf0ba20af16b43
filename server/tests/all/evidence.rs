//! Evidence files through the router: uploads (stored once by content,
//! refused for a wrong kind, a too large file or a full quota, at the
//! field), downloads per role with their headers, delete and restore, the
//! purge and collection of bytes, and the edition's limits.

use crate::common::{self, Req, Resp, World, Who};
use axum::http::Method;
use serde_json::{json, Value};
use std::path::PathBuf;

pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
pub const ELF: &[u8] = b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3E\0";

pub async fn upload(w: &World, who: Who, uri: &str, name: &str, bytes: &[u8]) -> Resp {
    let mut req = Req::new(Method::POST, format!("{uri}?name={}", encode(name))).cookie(w.cookie(who));
    req.body = bytes.to_vec();
    w.send(req).await
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() || b == b'.' || b == b'-' { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

fn answer_uri(w: &World) -> String {
    format!("/api/measurements/{}/answers/curriculum.learning-lines/evidence", w.ids.measurement_a)
}

fn action_uri(w: &World) -> String {
    format!("/api/schools/{}/plan/actions/{}/evidence", w.ids.school_a, w.ids.action_a)
}

fn json_of(r: &Resp) -> Value {
    serde_json::from_str(&r.text).unwrap_or(Value::Null)
}

/// The files folder of the world's data folder, and what is in it.
fn files_in(w: &World) -> (PathBuf, Vec<String>) {
    let dir = w.state.files.path_of(&"0".repeat(64)).unwrap().parent().unwrap().to_path_buf();
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    (dir, names)
}

fn field_code(r: &Resp) -> String {
    json_of(r)["fields"][0]["code"].as_str().unwrap_or("").to_string()
}

#[tokio::test]
async fn the_same_content_is_stored_once_and_listed_for_each_item() {
    let w = common::world().await;
    let r = upload(&w, Who::TeacherA, &answer_uri(&w), "Verslag vakgroep.pdf", PDF).await;
    assert_eq!(r.status, 200, "{}", r.text);
    let file = json_of(&r);
    assert_eq!(file["kind"], "pdf");
    assert_eq!(file["name"], "Verslag vakgroep.pdf");
    assert_eq!(file["size"], PDF.len());
    let r = upload(&w, Who::StemA, &action_uri(&w), "C:\\docs\\zelfde.pdf", PDF).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(json_of(&r)["name"], "zelfde.pdf");
    let (_, names) = files_in(&w);
    assert_eq!(names.len(), 1, "one copy of one content: {names:?}");
    assert_eq!(w.scalar("select count(*) from evidence_files").await, 2);
    // The quota counts the content once.
    let plan = w.ok(Who::StemA, Method::GET, &format!("/api/schools/{}/plan/evidence", w.ids.school_a), None).await;
    assert_eq!(plan["used_bytes"], PDF.len());
    assert_eq!(plan["files"].as_array().unwrap().len(), 1);
    assert_eq!(plan["limits"]["max_file_bytes"], 10 * 1024 * 1024);
    // The teacher lists their own file; the company sees none of the answers'.
    let m = format!("/api/measurements/{}/evidence", w.ids.measurement_a);
    let own = w.ok(Who::TeacherA, Method::GET, &m, None).await;
    assert_eq!(own["files"].as_array().unwrap().len(), 1);
    let company = w.ok(Who::CompX, Method::GET, &m, None).await;
    assert_eq!(company["files"].as_array().unwrap().len(), 0);
    // A's STEM coordinator submitted: the team's files are visible to them.
    let lead = w.ok(Who::StemA, Method::GET, &m, None).await;
    assert_eq!(lead["files"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_program_renamed_pdf_is_refused_at_the_field_and_leaves_nothing() {
    let w = common::world().await;
    for (bytes, name) in [(ELF, "rapport.pdf"), (&b"MZ\x90\0"[..], "foto.png"), (&b"<html><script>alert(1)</script>"[..], "a.pdf"), (&b""[..], "leeg.pdf")] {
        let r = upload(&w, Who::TeacherA, &answer_uri(&w), name, bytes).await;
        assert_eq!(r.status, 422, "{name}: {}", r.text);
        assert_eq!(field_code(&r), "file_type", "{}", r.text);
        assert_eq!(json_of(&r)["fields"][0]["field"], "file");
    }
    let r = upload(&w, Who::TeacherA, &answer_uri(&w), "rapport.pdf", ELF).await;
    assert!(r.text.contains("a Linux program"), "{}", r.text);
    assert_eq!(files_in(&w).1, Vec::<String>::new(), "no half-written or refused file stays");
    assert_eq!(w.scalar("select count(*) from evidence_files").await, 0);
}

#[tokio::test]
async fn too_large_files_and_a_full_quota_are_refused() {
    let w = common::world().await;
    let limits = format!("/api/editions/{}/evidence-limits", w.ids.edition);
    // The coordinator's limits are validated at the field.
    let r = w.call(Who::Coord, Method::PUT, &limits, Some(&json!({"max_file_mb": 0, "school_quota_mb": 20}))).await;
    assert_eq!(r.status, 422, "{}", r.text);
    assert_eq!(json_of(&r)["fields"][0]["field"], "max_file_mb");
    let r = w.call(Who::Coord, Method::PUT, &limits, Some(&json!({"max_file_mb": 30, "school_quota_mb": 20}))).await;
    assert_eq!(json_of(&r)["fields"][0]["field"], "school_quota_mb");
    let set = w.ok(Who::Coord, Method::PUT, &limits, Some(&json!({"max_file_mb": 1, "school_quota_mb": 10}))).await;
    assert_eq!(set["max_file_bytes"], 1024 * 1024);
    assert_eq!(w.ok(Who::Coord, Method::GET, &limits, None).await, set);
    let mut big = PDF.to_vec();
    big.resize(1024 * 1024 + 1, b' ');
    let r = upload(&w, Who::TeacherA, &answer_uri(&w), "groot.pdf", &big).await;
    assert_eq!(r.status, 422, "{}", r.text);
    assert_eq!(field_code(&r), "file_too_large");
    big.truncate(1024 * 1024);
    let r = upload(&w, Who::TeacherA, &answer_uri(&w), "net.pdf", &big).await;
    assert_eq!(r.status, 200, "exactly the limit fits: {}", r.text);
    // Fill the quota with rows of 9.5 MB, then a new content does not fit ...
    sqlx::query(
        "insert into evidence_files (edition_id, school_id, item_kind, action_id, name, size, kind, sha256, uploaded_at) \
         values (?, ?, 'action', ?, 'vol.pdf', ?, 'pdf', ?, 0)",
    )
    .bind(w.ids.edition)
    .bind(w.ids.school_a)
    .bind(w.ids.action_a)
    .bind(9 * 1024 * 1024 + 512 * 1024)
    .bind("f".repeat(64))
    .execute(w.state.writer.pool())
    .await
    .unwrap();
    let mut other = PDF.to_vec();
    other.extend_from_slice(b"% another content\n");
    let r = upload(&w, Who::StemA, &action_uri(&w), "nog een.pdf", &other).await;
    assert_eq!(r.status, 422, "{}", r.text);
    assert_eq!(field_code(&r), "quota_full");
    // ... but the same content again takes no space, and another school has its own quota.
    let r = upload(&w, Who::StemA, &action_uri(&w), "opnieuw.pdf", &big).await;
    assert_eq!(r.status, 200, "{}", r.text);
    let b = format!("/api/schools/{}/plan/actions/{}/evidence", w.ids.school_b, w.ids.action_b);
    assert_eq!(upload(&w, Who::StemB, &b, "b.pdf", &other).await.status, 200);
    assert!(files_in(&w).1.iter().all(|n| !n.ends_with(".part")));
}

#[tokio::test]
async fn downloads_follow_the_item_and_are_never_a_page() {
    let w = common::world().await;
    let answer = json_of(&upload(&w, Who::TeacherA, &answer_uri(&w), "Één \"bewijs\".pdf", PDF).await)["id"].as_i64().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR....";
    let action = json_of(&upload(&w, Who::StemA, &action_uri(&w), "foto.pdf", png).await)["id"].as_i64().unwrap();
    let consensus_uri = format!("/api/measurements/{}/consensus/curriculum.learning-lines/evidence", w.ids.measurement_a);
    let r = upload(&w, Who::TeacherA, &consensus_uri, "x.pdf", PDF).await;
    assert_eq!(r.status, 403, "only a lead records the consensus's evidence: {}", r.text);
    let consensus = json_of(&upload(&w, Who::StemA, &consensus_uri, "consensus.pdf", PDF).await)["id"].as_i64().unwrap();
    let get = |who: Who, id: i64| {
        let w = &w;
        async move { w.call(who, Method::GET, &format!("/api/evidence/{id}"), None).await }
    };
    let r = get(Who::TeacherA, answer).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.text.as_bytes(), PDF);
    let h = |name: &str| r.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    assert_eq!(h("content-type"), "application/pdf");
    assert_eq!(h("content-disposition"), "attachment; filename=\"Een _bewijs_.pdf\"; filename*=UTF-8''%C3%89%C3%A9n%20%22bewijs%22.pdf");
    assert_eq!(h("x-content-type-options"), "nosniff");
    assert_eq!(h("content-security-policy"), "default-src 'none'; sandbox");
    assert!(h("cache-control").contains("no-store"));
    let r = get(Who::StemA, action).await;
    assert_eq!(r.headers.get("content-type").unwrap(), "image/png");
    assert!(r.headers.get("content-disposition").unwrap().to_str().unwrap().contains("foto.pdf.png"));
    // Who sees what: (who, file, status).
    let cases = [
        (Who::Anon, answer, 401),
        (Who::Coord, answer, 200),
        (Who::StemA, answer, 200),
        (Who::StemB, answer, 403),
        (Who::CompX, answer, 403),
        (Who::CompY, answer, 403),
        (Who::JurorFree, answer, 403),
        (Who::CompX, action, 200),
        (Who::TeacherA, action, 200),
        (Who::CompY, action, 403),
        (Who::StemB, action, 403),
        (Who::CompX, consensus, 200),
        (Who::TeacherA, consensus, 403),
        (Who::CompY, consensus, 403),
    ];
    for (who, id, status) in cases {
        let r = get(who, id).await;
        assert_eq!(r.status, status, "{who:?} file {id}: {}", r.text);
        if status != 200 {
            assert!(!r.text.contains("%PDF"), "{who:?} got bytes");
        }
    }
    assert_eq!(get(Who::Coord, 999_999).await.status, 404);
}

#[tokio::test]
async fn deleted_files_are_restored_or_purged_and_their_bytes_collected() {
    let w = common::world().await;
    let a = json_of(&upload(&w, Who::TeacherA, &answer_uri(&w), "a.pdf", PDF).await)["id"].as_i64().unwrap();
    let b = json_of(&upload(&w, Who::StemA, &action_uri(&w), "b.pdf", PDF).await)["id"].as_i64().unwrap();
    // Only who may attach deletes: not the company, not another teacher's sheet.
    assert_eq!(w.call(Who::CompX, Method::DELETE, &format!("/api/evidence/{b}"), None).await.status, 403);
    assert_eq!(w.call(Who::StemA, Method::DELETE, &format!("/api/evidence/{a}"), None).await.status, 403);
    let deleted = w.ok(Who::TeacherA, Method::DELETE, &format!("/api/evidence/{a}"), None).await;
    assert!(deleted["deleted_at"].is_i64());
    assert_eq!(w.call(Who::TeacherA, Method::GET, &format!("/api/evidence/{a}"), None).await.status, 404);
    let restored = w.ok(Who::TeacherA, Method::POST, &format!("/api/evidence/{a}/restore"), Some(&json!({}))).await;
    assert!(restored["deleted_at"].is_null());
    assert_eq!(w.call(Who::TeacherA, Method::GET, &format!("/api/evidence/{a}"), None).await.status, 200);
    w.ok(Who::TeacherA, Method::DELETE, &format!("/api/evidence/{a}"), None).await;
    w.ok(Who::StemA, Method::DELETE, &format!("/api/evidence/{b}"), None).await;
    // Deleted, not purged: the bytes stay (undo); a collection now keeps them.
    let hash: String = sqlx::query_scalar("select sha256 from evidence_files where id = ?").bind(a).fetch_one(&w.state.db).await.unwrap();
    let path = w.state.files.path_of(&hash).unwrap();
    server::files::purge_and_collect(&w.state.db, &w.state.writer, &w.state.files, server::db::now()).await.unwrap();
    assert!(path.exists());
    assert_eq!(w.scalar("select count(*) from evidence_files").await, 2);
    // A crash's leftovers: a half-written upload and bytes no row names.
    let (dir, _) = files_in(&w);
    std::fs::write(dir.join("upload-dead.part"), b"half").unwrap();
    std::fs::write(dir.join("e".repeat(64)), b"orphan").unwrap();
    // 31 days later the purge removes the rows, then the bytes.
    let later = server::db::now() + 31 * 24 * 3600;
    let collected = server::files::purge_and_collect(&w.state.db, &w.state.writer, &w.state.files, later).await.unwrap();
    assert_eq!(collected, server::files::Collected { partial: 1, unreferenced: 2 });
    assert!(!path.exists());
    assert_eq!(files_in(&w).1, Vec::<String>::new());
    assert_eq!(w.scalar("select count(*) from evidence_files").await, 0);
}

#[tokio::test]
async fn a_submitted_sheet_takes_no_evidence_and_a_closed_measurement_neither() {
    let w = common::world().await;
    // A's STEM coordinator submitted their sheet: frozen.
    let r = upload(&w, Who::StemA, &answer_uri(&w), "laat.pdf", PDF).await;
    assert_eq!(r.status, 409, "{}", r.text);
    assert_eq!(json_of(&r)["code"], "sheet_submitted");
    assert_eq!(files_in(&w).1, Vec::<String>::new(), "refused before a byte is stored");
    // Unknown indicator, another school's action.
    let bad = format!("/api/measurements/{}/answers/nope/evidence", w.ids.measurement_a);
    assert_eq!(upload(&w, Who::TeacherA, &bad, "a.pdf", PDF).await.status, 404);
    let other = format!("/api/schools/{}/plan/actions/{}/evidence", w.ids.school_a, w.ids.action_b);
    assert_eq!(upload(&w, Who::StemA, &other, "a.pdf", PDF).await.status, 404);
}

/// The server's time for a 10 MB upload (streamed, hashed, typed, synced,
/// renamed, its row written) against writing and syncing the same bytes
/// to a file: printed for the closing note, and bounded so a regression
/// to, say, reading the body twice or syncing per chunk shows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_10_mb_upload_is_close_to_a_plain_disk_write() {
    let w = common::world().await;
    let mut big = PDF.to_vec();
    big.resize(10 * 1024 * 1024, b'x');
    let (dir, _) = files_in(&w);
    let plain = |bytes: &[u8]| {
        let t = std::time::Instant::now();
        let path = dir.join("plain.bin");
        std::fs::write(&path, bytes).unwrap();
        std::fs::File::open(&path).unwrap().sync_all().unwrap();
        std::fs::remove_file(&path).unwrap();
        t.elapsed()
    };
    let mut uploads = Vec::new();
    let mut plains = Vec::new();
    for round in 0..3u8 {
        big[20] = b'a' + round;
        plains.push(plain(&big));
        let t = std::time::Instant::now();
        let r = upload(&w, Who::StemA, &action_uri(&w), "groot.pdf", &big).await;
        uploads.push(t.elapsed());
        assert_eq!(r.status, 200, "{}", r.text);
    }
    uploads.sort();
    plains.sort();
    let (u, p) = (uploads[1].as_secs_f64(), plains[1].as_secs_f64());
    println!("evidence throughput: 10 MB upload {:.0} ms ({:.0} MB/s), plain write+fsync {:.0} ms ({:.0} MB/s), ratio {:.2}", u * 1000.0, 10.0 / u, p * 1000.0, 10.0 / p, u / p);
    assert!(u < 5.0, "a 10 MB upload took {u:.2} s");
}

/// Build a zip by hand (stored entries), for archives the server never writes.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn entries_of(archive: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(archive)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().to_string(), bytes)
        })
        .collect()
}

async fn import_archive(w: &World, bytes: Vec<u8>) -> Resp {
    let mut req = Req::new(Method::POST, "/api/import/archive").cookie(w.cookie(Who::Coord));
    req.body = bytes;
    w.send(req).await
}

#[tokio::test]
async fn an_edition_travels_with_its_files_and_a_tampered_archive_is_refused() {
    let w = common::world().await;
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR-makerspace";
    assert_eq!(upload(&w, Who::TeacherA, &answer_uri(&w), "verslag.pdf", PDF).await.status, 200);
    assert_eq!(upload(&w, Who::StemA, &action_uri(&w), "makerspace.png", png).await.status, 200);
    assert_eq!(upload(&w, Who::StemA, &action_uri(&w), "zelfde.pdf", PDF).await.status, 200);
    let r = w.call(Who::Coord, Method::GET, &format!("/api/editions/{}/export.zip", w.ids.edition), None).await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert_eq!(r.headers.get("content-type").unwrap(), "application/zip");
    let archive = r.bytes.clone();
    let entries = entries_of(&archive);
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), 4, "manifest, edition and two contents: {names:?}");
    let manifest: Value = serde_json::from_slice(&entries[0].1).unwrap();
    assert_eq!(manifest["format"], "stempact-edition-archive");
    assert_eq!(manifest["format_version"], 1);
    // The plain JSON of such an edition is refused: its files would be missing.
    let doc: Value = serde_json::from_slice(&entries[1].1).unwrap();
    assert_eq!(doc["evidence_files"].as_array().unwrap().len(), 3);
    let r = w.call(Who::Coord, Method::POST, "/api/import", Some(&doc)).await;
    assert_eq!(r.status, 400);
    assert!(r.text.contains("archive"), "{}", r.text);
    // Round trip: a new edition with the three attachments, downloadable.
    let before = w.scalar("select count(*) from evidence_files").await;
    let r = import_archive(&w, archive.clone()).await;
    assert_eq!(r.status, 200, "{}", r.text);
    let edition = json_of(&r)["edition_id"].as_i64().unwrap();
    assert_eq!(w.scalar(&format!("select count(*) from evidence_files where edition_id = {edition}")).await, 3);
    assert_eq!(w.scalar("select count(*) from evidence_files").await, before + 3);
    let again = w.call(Who::Coord, Method::GET, &format!("/api/editions/{edition}/export.zip"), None).await.bytes;
    let again: Vec<Vec<u8>> = entries_of(&again).into_iter().filter(|(n, _)| n.starts_with("files/")).map(|(_, b)| b).collect();
    let first: Vec<Vec<u8>> = entries.iter().filter(|(n, _)| n.starts_with("files/")).map(|(_, b)| b.clone()).collect();
    assert_eq!(again, first, "the files came along byte for byte");
    // Tampered: one byte of a file changed.
    let counted = w.scalar("select count(*) from editions").await;
    let mut changed = entries.clone();
    let last = changed.len() - 1;
    changed[last].1[9] ^= 1;
    let refs: Vec<(&str, &[u8])> = changed.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let r = import_archive(&w, zip_of(&refs)).await;
    assert_eq!(r.status, 400, "{}", r.text);
    assert_eq!(json_of(&r)["code"], "import_tampered", "{}", r.text);
    // A file missing from the archive.
    let r = import_archive(&w, zip_of(&refs[..3])).await;
    assert_eq!(json_of(&r)["code"], "import_malformed", "{}", r.text);
    // A bomb: an entry that inflates far beyond what the manifest says.
    let mut bomb = entries.clone();
    bomb[last].1 = vec![0u8; 30 * 1024 * 1024];
    let refs: Vec<(&str, &[u8])> = bomb.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let packed = zip_of(&refs);
    assert!(packed.len() < 200 * 1024, "the bomb is small: {}", packed.len());
    let r = import_archive(&w, packed).await;
    assert_eq!(r.status, 400, "{}", r.text);
    assert_eq!(json_of(&r)["code"], "import_too_large", "{}", r.text);
    // A manifest that claims too many or too large files is refused before anything is read.
    let mut big: Value = manifest.clone();
    big["files"][0]["size"] = json!(60u64 * 1024 * 1024 * 1024);
    let text = serde_json::to_vec(&big).unwrap();
    let mut lying = entries.clone();
    lying[0].1 = text;
    let refs: Vec<(&str, &[u8])> = lying.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    assert_eq!(json_of(&import_archive(&w, zip_of(&refs)).await)["code"], "import_too_large");
    let r = import_archive(&w, b"not a zip at all".to_vec()).await;
    assert_eq!(json_of(&r)["code"], "import_malformed");
    // Nothing half-imported.
    assert_eq!(w.scalar("select count(*) from editions").await, counted);
    assert_eq!(w.scalar("select count(*) from evidence_files").await, before + 3);
    // Only the coordinator.
    assert_eq!(w.call(Who::StemA, Method::GET, &format!("/api/editions/{edition}/export.zip"), None).await.status, 403);
}

/// Bytes that do not compress (a photo's or a PDF's body), after a magic.
fn incompressible(magic: &[u8], size: usize, seed: u64) -> Vec<u8> {
    let mut out = magic.to_vec();
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    while out.len() < size {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(size);
    out
}

/// The demo edition with a few evidence files, exported as JSON and as
/// the archive: printed for the closing note; the archive holds the JSON
/// (deflated) and each content once.
#[tokio::test]
async fn the_demo_edition_with_evidence_exports_as_one_archive() {
    let w = common::world().await;
    let summary = w.ok(Who::Coord, Method::POST, "/api/demo", Some(&json!({}))).await;
    let edition = summary["edition_id"].as_i64().unwrap();
    let (school, action): (i64, i64) = sqlx::query_as(
        "select p.school_id, a.id from actions a join goals g on g.id = a.goal_id join plans p on p.id = g.plan_id \
         where p.edition_id = ? order by a.id limit 1",
    )
    .bind(edition)
    .fetch_one(&w.state.db)
    .await
    .unwrap();
    let files = [
        ("Vakgroepverslag STEM.pdf", incompressible(b"%PDF-1.7\n", 420 * 1024, 1), "pdf"),
        ("Makerspace.jpg", incompressible(b"\xFF\xD8\xFF\xE0", 1_800 * 1024, 2), "jpg"),
        ("Projectbeschrijving.pdf", incompressible(b"%PDF-1.7\n", 260 * 1024, 3), "pdf"),
        ("Makerspace kopie.jpg", incompressible(b"\xFF\xD8\xFF\xE0", 1_800 * 1024, 2), "jpg"),
    ];
    for (name, bytes, kind) in &files {
        let stored = w.state.files.put(bytes).await.unwrap();
        sqlx::query(
            "insert into evidence_files (edition_id, school_id, item_kind, action_id, name, size, kind, sha256, uploaded_at) \
             values (?, ?, 'action', ?, ?, ?, ?, ?, 0)",
        )
        .bind(edition)
        .bind(school)
        .bind(action)
        .bind(name)
        .bind(bytes.len() as i64)
        .bind(kind)
        .bind(&stored.sha256)
        .execute(w.state.writer.pool())
        .await
        .unwrap();
    }
    let json = w.call(Who::Coord, Method::GET, &format!("/api/editions/{edition}/export"), None).await;
    assert_eq!(json.status, 200);
    let zip = w.call(Who::Coord, Method::GET, &format!("/api/editions/{edition}/export.zip"), None).await;
    assert_eq!(zip.status, 200, "{}", zip.text);
    let contents: usize = files[..3].iter().map(|(_, b, _)| b.len()).sum();
    let entries = entries_of(&zip.bytes);
    assert_eq!(entries.len(), 2 + 3, "each content once");
    println!(
        "demo export: JSON {} kB; archive {} kB with 4 attachments of 3 contents ({} kB of files)",
        json.bytes.len() / 1024,
        zip.bytes.len() / 1024,
        contents / 1024
    );
    assert!(zip.bytes.len() < contents + json.bytes.len(), "the JSON is deflated in the archive");
}

//! A crash in the middle of uploads: the real `stempact` binary takes
//! evidence files from several teachers at once and is killed with SIGKILL
//! mid-way; started again on the same data folder, it has no half-written
//! file left, every stored file's bytes match its hash, no file is without
//! a row, and every upload it had acknowledged downloads byte for byte.

use crate::crash::{start, write_then_kill, Crash};
use serde_json::Value;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The teachers of `crash::prepare`, each uploading.
const UPLOADERS: usize = 6;
/// Each upload's size: large enough that a kill lands mid-write.
const SIZE: usize = 384 * 1024;

/// A PDF of [`SIZE`] bytes, different for every (uploader, round).
fn pdf(uploader: usize, round: usize) -> Vec<u8> {
    let mut bytes = format!("%PDF-1.4\n% uploader {uploader} round {round}\n").into_bytes();
    bytes.resize(SIZE, b'0' + (round % 10) as u8);
    bytes
}

/// Acknowledged uploads: (file id, SHA-256 hex).
async fn upload_loop(http: reqwest::Client, base: String, cookie: String, measurement: i64, n: usize, acks: Arc<AtomicUsize>) -> Vec<(i64, String)> {
    let indicators: Vec<String> = rubric::current_rubric().indicators().map(|(_, i)| i.id.clone()).collect();
    let mut acked = Vec::new();
    for round in 0.. {
        let bytes = pdf(n, round);
        let hash = server::files::sha256_hex(&bytes);
        let indicator = &indicators[round % indicators.len()];
        let url = format!("{base}/api/measurements/{measurement}/answers/{indicator}/evidence?name=bewijs-{n}-{round}.pdf");
        let Ok(r) = http.post(url).header("cookie", &cookie).body(bytes).send().await else { break };
        if !r.status().is_success() {
            break;
        }
        let Ok(saved) = r.json::<Value>().await else { break };
        acked.push((saved["id"].as_i64().expect("id"), hash));
        acks.fetch_add(1, Ordering::Relaxed);
    }
    acked
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_half_written_file_and_every_acknowledged_upload_after_a_kill_9() {
    let (crash, acked) = write_then_kill(40, Duration::from_secs(30), upload_loop).await;
    let Crash { data, dist, http, people, .. } = &crash;
    let total: usize = acked.iter().map(Vec::len).sum();
    assert!(total >= 40, "uploads got through before the kill: {total}");
    let files = server::files::files_dir(data.path());
    let before: Vec<String> = std::fs::read_dir(&files).expect("files").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
    let partial_at_kill = before.iter().filter(|n| n.ends_with(".part")).count();

    // Start again: the start-up collection has run.
    let running = start(data.path(), dist.path()).await;
    let mut stored = 0;
    for entry in std::fs::read_dir(&files).expect("files") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(!name.ends_with(".part"), "a half-written upload survived the restart: {name}");
        let bytes = std::fs::read(entry.path()).expect("read");
        assert_eq!(server::files::sha256_hex(&bytes), name, "a stored file does not match its hash");
        stored += 1;
    }
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(server::db::database_path(data.path()));
    let mut conn = sqlx::ConnectOptions::connect(&options).await.expect("open");
    let rows: Vec<String> = sqlx::query_scalar("select distinct sha256 from evidence_files").fetch_all(&mut conn).await.expect("rows");
    assert_eq!(rows.len(), stored, "every stored file has its row and every row its file");
    let check: String = sqlx::query_scalar("pragma integrity_check").fetch_one(&mut conn).await.expect("check");
    assert_eq!(check, "ok");
    // Every acknowledged upload downloads byte for byte, for its uploader.
    for ((cookie, _), acked) in people.iter().zip(&acked) {
        for (id, hash) in acked {
            let r = http.get(format!("{}/api/evidence/{id}", running.base)).header("cookie", cookie).send().await.expect("download");
            assert!(r.status().is_success(), "acknowledged upload {id} is gone: {}", r.status());
            let bytes = r.bytes().await.expect("bytes");
            assert_eq!(&server::files::sha256_hex(&bytes), hash, "file {id} changed");
        }
    }
    println!(
        "evidence crash: killed after {} acknowledged uploads of {} kB by {UPLOADERS} teachers; {partial_at_kill} half-written at the kill, none after restart; {stored} files, all acknowledged ones intact",
        total,
        SIZE / 1024
    );
}

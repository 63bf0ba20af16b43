//! `cargo xtask bench`: measures the release build against the budgets.
//! Bundle size: gzip of every wasm, js and css file in `dist/`. First render:
//! the rubric page against an empty Yew page built the same way, both timed
//! in headless Chromium in the same run (the measuring lives in the e2e
//! crate's `bench` binary, which reuses the browser harness). Server load:
//! autosaves of 40 respondents and score sheets of 12 jurors at once, with
//! writes/s, errors and the server's p50/p99 (`e2e::load`).

use crate::{build_frontend, root, run, setup, tool_path, Result, TaskError};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Budget for wasm + js + css, gzip.
const BUNDLE_BUDGET_BYTES: u64 = 250 * 1000;

fn gzip_len(bytes: &[u8]) -> Result<u64> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(bytes).map_err(|e| TaskError(format!("gzip: {e}")))?;
    Ok(enc.finish().map_err(|e| TaskError(format!("gzip: {e}")))?.len() as u64)
}

/// (raw, gzip) sizes of the bundle files in a dist folder, printed per file.
fn bundle_size(dist: &Path) -> Result<(u64, u64)> {
    let entries = std::fs::read_dir(dist).map_err(|e| TaskError(format!("cannot read {}: {e}", dist.display())))?;
    let (mut raw, mut gz) = (0, 0);
    let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "wasm" | "js" | "css") {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| TaskError(format!("cannot read {}: {e}", path.display())))?;
        let g = gzip_len(&bytes)?;
        println!(
            "    {:<48} {:>9} B  {:>8} B gzip",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
            bytes.len(),
            g
        );
        raw += bytes.len() as u64;
        gz += g;
    }
    Ok((raw, gz))
}

pub fn bench() -> Result {
    setup::setup()?;
    build_frontend()?;
    println!("==> building the empty Yew page the same way (benches/empty-page)");
    run(
        Command::new("trunk")
            .args(["build", "--release", "--offline", "--dist", "dist-bench", "benches/empty-page/index.html"])
            .env("PATH", tool_path()),
        "building the empty page",
    )?;
    crate::precompress(&root().join("dist-bench"))?;
    println!("==> building the aggregation page (benches/aggregate-page)");
    run(
        Command::new("trunk")
            .args(["build", "--release", "--offline", "--dist", "dist-bench-aggregate", "benches/aggregate-page/index.html"])
            .env("PATH", tool_path()),
        "building the aggregation page",
    )?;
    crate::precompress(&root().join("dist-bench-aggregate"))?;
    println!("==> bundle size (release, wasm-opt z)");
    let (raw, gz) = bundle_size(&root().join("dist"))?;
    let verdict = if gz <= BUNDLE_BUDGET_BYTES { "within" } else { "OVER" };
    println!(
        "    app total: {raw} B raw, {gz} B gzip = {:.1} kB gzip ({verdict} the 250 kB budget)",
        gz as f64 / 1000.0
    );
    let (_, empty_gz) = bundle_size(&root().join("dist-bench"))?;
    println!("    empty Yew page: {:.1} kB gzip", empty_gz as f64 / 1000.0);
    println!("==> browser timings (headless Chromium, same run), then the server under load");
    run(
        Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--profile", "server", "-p", "e2e", "--bin", "bench", "--"])
            .args(["dist", "dist-bench", "dist-bench-aggregate"])
            .env("PATH", tool_path()),
        "the browser benchmark",
    )
}

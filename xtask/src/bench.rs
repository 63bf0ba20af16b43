//! `cargo xtask bench`: measures the release build against the budgets.
//! Here: the build time and each web app's files (wasm, js and the shared
//! css, gzip). In headless Chromium, in one run (the e2e crate's `bench`
//! binary, which reuses the browser harness): per role the bytes fetched
//! before the first page, first paint against an empty Yew page built the
//! same way, input to paint, the team table; then the server under load:
//! autosaves of 40 respondents and score sheets of 12 jurors at once, with
//! writes/s, errors and the server's p50/p99 (`e2e::load`). It fails when
//! a budget is missed, and so does this task.

use crate::{build_frontend, root, run, setup, tool_path, Result, TaskError};
use std::path::Path;
use std::process::Command;

/// Budget for wasm + js + css of one app, gzip.
const BUNDLE_BUDGET_BYTES: u64 = 250 * 1000;

/// The size of `bytes` gzipped as the server sends them ([`crate::gzip`]).
fn gzip_len(bytes: &[u8]) -> Result<u64> {
    Ok(crate::gzip(bytes).map_err(|e| TaskError(format!("gzip: {e}")))?.len() as u64)
}

/// (raw, gzip) sizes of the bundle files in a dist folder whose name
/// passes `keep`, printed per file.
fn bundle_size(dist: &Path, keep: impl Fn(&str) -> bool) -> Result<(u64, u64)> {
    let entries = std::fs::read_dir(dist).map_err(|e| TaskError(format!("cannot read {}: {e}", dist.display())))?;
    let (mut raw, mut gz) = (0, 0);
    let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "wasm" | "js" | "css") || !keep(name) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| TaskError(format!("cannot read {}: {e}", path.display())))?;
        let g = gzip_len(&bytes)?;
        println!("    {name:<48} {:>9} B  {g:>8} B gzip", bytes.len());
        raw += bytes.len() as u64;
        gz += g;
    }
    Ok((raw, gz))
}

/// Each app's files (its own wasm and js, the shared css) and their total.
fn app_sizes(dist: &Path) -> Result {
    for app in rubric::apps::App::ALL {
        let prefix = format!("{}-", app.name());
        // A split app's second part (`.rest.wasm`) comes after the first
        // paint: shown, not counted in what comes before the first page.
        let first = |name: &str| (name.starts_with(&prefix) || name.ends_with(".css")) && !name.ends_with(".rest.wasm");
        let (raw, gz) = bundle_size(dist, first)?;
        let verdict = if gz <= BUNDLE_BUDGET_BYTES { "within" } else { "OVER" };
        println!(
            "    {} app: {raw} B raw, {gz} B gzip = {:.1} kB gzip before the first page ({verdict} the {} kB budget)",
            app.name(),
            gz as f64 / 1000.0,
            BUNDLE_BUDGET_BYTES / 1000
        );
        let (rest_raw, rest_gz) = bundle_size(dist, |name| name.starts_with(&prefix) && name.ends_with(".rest.wasm"))?;
        if rest_raw > 0 {
            println!("    {} app, the rest after the first paint: {rest_raw} B raw, {:.1} kB gzip", app.name(), rest_gz as f64 / 1000.0);
        }
    }
    Ok(())
}

pub fn bench() -> Result {
    setup::setup()?;
    let started = std::time::Instant::now();
    build_frontend()?;
    let build_time = started.elapsed();
    bench_pages()?;
    println!("==> bundle size per app (release, wasm-opt z; the browser's own count follows)");
    println!("    the apps built in {:.0} s", build_time.as_secs_f64());
    app_sizes(&root().join("dist"))?;
    let (_, empty_gz) = bundle_size(&root().join("dist-bench"), |_| true)?;
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

/// Build the benchmark's own pages (the empty Yew page, the aggregation
/// page) into `dist-bench` and `dist-bench-aggregate`, gzipped like the
/// apps: `cargo xtask bench-pages`, for a `bench --roles` run of its own.
pub fn bench_pages() -> Result {
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
    crate::precompress(&root().join("dist-bench-aggregate"))
}

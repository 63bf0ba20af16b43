//! Project tasks behind the README's two commands.
//!
//! - `cargo xtask setup`  installs what is missing, pinned and idempotent
//! - `cargo xtask serve`  setup, build the frontend, run the server
//! - `cargo xtask test`   setup, build the frontend, run every test
//! - `cargo xtask bench`  bytes per role, first paint, input to paint (release)
//! - `cargo xtask build`  setup, build the frontend only
//! - `cargo xtask split-profile`  which functions the split apps' first pages run

mod bench;
mod build;
mod setup;
mod split;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The workspace root (the folder above `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."))
}

/// A task failure, printed as one line.
#[derive(Debug)]
pub struct TaskError(pub String);

impl std::fmt::Display for TaskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub type Result<T = ()> = std::result::Result<T, TaskError>;

/// Run a command in the workspace root, failing with its description.
pub fn run(cmd: &mut Command, what: &str) -> Result {
    cmd.current_dir(root());
    let status = cmd.status().map_err(|e| TaskError(format!("{what}: cannot start {:?}: {e}", cmd.get_program())))?;
    if status.success() {
        Ok(())
    } else {
        Err(TaskError(format!("{what} failed ({status})")))
    }
}

/// PATH with the project's tools folder (wasm-opt) and cargo's bin in front.
pub fn tool_path() -> String {
    let mut parts = vec![setup::tools_bin().display().to_string()];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        parts.push(Path::new(&home).join("bin").display().to_string());
    } else if let Some(home) = std::env::var_os("HOME") {
        parts.push(Path::new(&home).join(".cargo/bin").display().to_string());
    }
    if let Some(path) = std::env::var_os("PATH") {
        parts.push(path.to_string_lossy().into_owned());
    }
    parts.join(":")
}

/// Build the frontend into `dist/`: the web apps (release, offline,
/// wasm-opt), with a gzipped copy of every asset for the server to send as is.
pub fn build_frontend() -> Result {
    build::build_apps(&root().join("dist"))
}

/// Gzip `bytes` as small as we can: zopfli (ordinary gzip that every
/// browser reads, some 5% smaller than zlib's best level).
pub fn gzip(bytes: &[u8]) -> std::result::Result<Vec<u8>, std::io::Error> {
    let options = zopfli::Options { iteration_count: std::num::NonZeroU64::new(5).unwrap_or(std::num::NonZeroU64::MIN), ..Default::default() };
    let mut out = Vec::new();
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out)?;
    Ok(out)
}

/// The subresource-integrity value of `bytes` as trunk writes it.
pub fn integrity(bytes: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(sha2::Sha384::digest(bytes)))
}

/// Minify each JavaScript file of a built dist folder with esbuild (the
/// wasm-bindgen glue: 47 kB raw, about 1.9 kB less gzip per app) and put
/// its new integrity value where the pages name the old one.
fn minify_js(dist: &Path) -> Result {
    let fail = |what: &str, path: &Path, e: std::io::Error| TaskError(format!("{what} {}: {e}", path.display()));
    let entries: Vec<PathBuf> = std::fs::read_dir(dist).map_err(|e| fail("cannot read", dist, e))?.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    let mut integrities = Vec::new();
    for js in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "js")) {
        let before = std::fs::read(js).map_err(|e| fail("cannot read", js, e))?;
        run(
            Command::new(setup::esbuild()).arg(js).args(["--minify", "--log-level=warning", "--allow-overwrite"]).arg(format!("--outfile={}", js.display())),
            &format!("minifying {} (esbuild; `cargo xtask setup` installs it)", js.display()),
        )?;
        let after = std::fs::read(js).map_err(|e| fail("cannot read", js, e))?;
        integrities.push((integrity(&before), integrity(&after)));
    }
    for page in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "html")) {
        let html = std::fs::read_to_string(page).map_err(|e| fail("cannot read", page, e))?;
        let updated = integrities.iter().fold(html.clone(), |html, (old, new)| html.replace(old, new));
        if updated != html {
            std::fs::write(page, updated).map_err(|e| fail("cannot write", page, e))?;
        }
    }
    Ok(())
}

/// Write `NAME.gz` (zopfli, [`gzip`]) beside each js, css and wasm file
/// of a built dist folder; the server's static files prefer it. Not for
/// the pages: the server writes the person's first screen into a page and
/// gzips it as it sends it (`server/src/pages.rs`). The
/// files are compressed on as many threads as there are cores. The
/// JavaScript is minified first ([`minify_js`]).
pub fn precompress(dist: &Path) -> Result {
    minify_js(dist)?;
    let fail = |what: &str, path: &Path, e: std::io::Error| TaskError(format!("{what} {}: {e}", path.display()));
    let entries = std::fs::read_dir(dist).map_err(|e| fail("cannot read", dist, e))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()).unwrap_or(""), "js" | "css" | "wasm"))
        .collect();
    // Smallest first in the list: the threads pop the biggest first, so they finish together.
    paths.sort_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0));
    let queue = std::sync::Mutex::new(paths);
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    let one = |path: &Path| -> Result {
        let bytes = std::fs::read(path).map_err(|e| fail("cannot read", path, e))?;
        let gz = gzip(&bytes).map_err(|e| fail("cannot gzip", path, e))?;
        let mut out = path.to_path_buf().into_os_string();
        out.push(".gz");
        let out = PathBuf::from(out);
        std::fs::write(&out, gz).map_err(|e| fail("cannot write", &out, e))
    };
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| -> Result {
                    loop {
                        let next = queue.lock().map_err(|_| TaskError("precompress: a thread failed".into()))?.pop();
                        match next {
                            Some(path) => one(&path)?,
                            None => return Ok(()),
                        }
                    }
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| w.join().map_err(|_| TaskError("precompress: a thread panicked".into()))?)
    })
}

fn serve(args: &[String]) -> Result {
    setup::setup()?;
    build_frontend()?;
    println!("==> starting the server");
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["run", "--quiet", "--profile", "server", "-p", "server", "--bin", "stempact", "--", "serve"]).args(args);
    run(&mut cmd, "the server")
}

fn test(args: &[String]) -> Result {
    setup::setup()?;
    build_frontend()?;
    println!("==> running every test (unit, server, browser journeys)");
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["test", "--workspace", "--exclude", "frontend"]).args(args).env("PATH", tool_path());
    run(&mut cmd, "the tests")?;
    println!("==> frontend unit tests (native)");
    run(Command::new(env!("CARGO")).args(["test", "-p", "frontend", "--lib"]), "the frontend unit tests")?;
    println!("==> all tests passed");
    Ok(())
}

/// Write each split app's profile anew (`frontend/split/APP.txt`): build
/// those apps instrumented into `dist-profile/`, open their first pages on
/// the demo edition in headless Chromium (the bench's `--split-profile`),
/// and keep the names of the functions that ran. Run it after changing what
/// a split app's first page does; to split another app, create its empty
/// profile file first.
fn split_profile() -> Result {
    setup::setup()?;
    let names = build::build_instrumented(&root().join("dist-profile"))?;
    if names.is_empty() {
        return Err(TaskError("no app has a profile: create an empty frontend/split/APP.txt for the app to split".into()));
    }
    let out = "target/split-profile.json";
    run(
        Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--profile", "server", "-p", "e2e", "--bin", "bench", "--", "--split-profile", "dist-profile", out])
            .arg(names.iter().map(|(app, _)| app.name()).collect::<Vec<_>>().join(","))
            .env("PATH", tool_path()),
        "opening the apps' first pages",
    )?;
    let seen = std::fs::read(root().join(out)).map_err(|e| TaskError(format!("cannot read {out}: {e}")))?;
    let seen: std::collections::BTreeMap<String, Vec<usize>> =
        serde_json::from_slice(&seen).map_err(|e| TaskError(format!("cannot read {out}: {e}")))?;
    for (app, names) in names {
        let numbers = seen.get(app.name()).map(Vec::as_slice).unwrap_or_default();
        let kept: std::collections::BTreeSet<&str> = numbers.iter().filter_map(|&n| names.get(n)).map(String::as_str).collect();
        let path = split::profile_path(app.name());
        let text: String = kept.iter().map(|name| format!("{name}\n")).collect();
        std::fs::write(&path, text).map_err(|e| TaskError(format!("cannot write {}: {e}", path.display())))?;
        println!("    {}: {} of {} functions ran on the first pages ({} names)", app.name(), numbers.len(), names.len(), kept.len());
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((t, r)) => (t.as_str(), r),
        None => ("help", &[][..]),
    };
    let result = match task {
        "setup" => setup::setup(),
        "build" => setup::setup().and_then(|()| build_frontend()),
        "serve" => serve(rest),
        "test" => test(rest),
        "bench" => bench::bench(),
        "bench-pages" => setup::setup().and_then(|()| bench::bench_pages()),
        "split-profile" => split_profile(),
        // Split one app's trunk output folder again (for debugging a split
        // with STEMPACT_SPLIT_NAMES=1): `split APP DIR`.
        "split" => match rest {
            [app, dir] => split::split_app(app, Path::new(dir), &split::profile_path(app)).map(|_| ()),
            _ => Err(TaskError("usage: cargo xtask split APP DIR".into())),
        },
        _ => {
            eprintln!("usage: cargo xtask setup | serve [--port N] [--data-dir D] | test | bench | bench-pages | build | split-profile");
            return if task == "help" { ExitCode::SUCCESS } else { ExitCode::FAILURE };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {task}: {e}");
            ExitCode::FAILURE
        }
    }
}

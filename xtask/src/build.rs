//! Building the web apps (`rubric::apps::App`) into one `dist/`.
//!
//! One `cargo build` compiles the shared `frontend` library once and links
//! the entry points (their link-time optimisation runs side by side on
//! the cores there are). Then trunk turns each app into its page and hashed
//! bundle (wasm-bindgen, wasm-opt, the stylesheet) from `index.html` with the
//! app's binary filled in; cargo has nothing left to compile by then. The
//! pages land as `dist/NAME.html`, the bundle files beside them (their names
//! start with the app's name; the stylesheet is the same file for all, so a
//! browser crossing from one app to another has it already).

use crate::{root, run, split, tool_path, Result, TaskError};
use rubric::apps::App;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The `data-bin` in `index.html` that each app's page replaces.
const TEMPLATE_BIN: &str = "data-bin=\"public\"";

fn io_error(what: &str, path: &Path, e: std::io::Error) -> TaskError {
    TaskError(format!("{what} {}: {e}", path.display()))
}

/// Compile every app's wasm in one cargo invocation (release, wasm32).
fn compile_apps() -> Result {
    run(
        Command::new(env!("CARGO"))
            .args(["build", "--release", "--target", "wasm32-unknown-unknown", "-p", "frontend", "--bins"])
            .env("PATH", tool_path()),
        "compiling the web apps",
    )
}

/// `index.html` with the app's binary instead of the public one, written
/// beside it (trunk resolves the page's links from the page's folder).
fn write_page_source(app: App, profiling: bool) -> Result<PathBuf> {
    let template_path = root().join("index.html");
    let template = std::fs::read_to_string(&template_path).map_err(|e| io_error("cannot read", &template_path, e))?;
    if template.matches(TEMPLATE_BIN).count() != 1 {
        return Err(TaskError(format!("index.html must name its binary once as {TEMPLATE_BIN}")));
    }
    let path = root().join(format!("app-{}.html", app.name()));
    // An app that is split keeps its function names through wasm-opt; the
    // split reads them and the final wasm-opt drops them.
    let names = if split::profile_path(app.name()).is_file() || profiling { " data-wasm-opt-params=\"-g\"" } else { "" };
    let page = template.replace(TEMPLATE_BIN, &format!("data-bin=\"{}\"{names}", app.name()));
    std::fs::write(&path, page).map_err(|e| io_error("cannot write", &path, e))?;
    Ok(path)
}

/// Trunk one app into `staging/NAME/` (no compiling: cargo is up to date).
fn trunk_app(app: App, staging: &Path, profiling: bool) -> Result<PathBuf> {
    let source = write_page_source(app, profiling)?;
    let out = staging.join(app.name());
    let result = run(
        Command::new("trunk")
            .args(["build", "--release", "--offline", "--dist"])
            .arg(&out)
            .arg(&source)
            .env("PATH", tool_path())
            .env_remove("CARGO_TARGET_DIR_WASM"),
        &format!("building the {} app", app.name()),
    );
    let _ = std::fs::remove_file(&source);
    result.map(|()| out)
}

/// Move one app's trunk output into `dist`: its page as `NAME.html`, the
/// bundle files as they are.
fn collect(app: App, from: &Path, dist: &Path) -> Result {
    let entries = std::fs::read_dir(from).map_err(|e| io_error("cannot read", from, e))?;
    for path in entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let target = if name == "index.html" { dist.join(format!("{}.html", app.name())) } else { dist.join(name) };
        std::fs::copy(&path, &target).map_err(|e| io_error("cannot copy", &path, e))?;
    }
    Ok(())
}

/// Build every app into `dist/` (emptied first, so no stale bundle
/// stays), with a gzipped copy of every file for the server. An app with a
/// profile (`frontend/split/NAME.txt`) is split in two ([`split`]).
pub fn build_apps(dist: &Path) -> Result {
    build_into(dist, None)
}

/// Build only the apps that have a profile, instrumented to record which
/// functions run ([`split::instrument_app`]), into `dist`; returns each
/// app's function names by number.
pub fn build_instrumented(dist: &Path) -> Result<Vec<(App, Vec<String>)>> {
    let mut names = Vec::new();
    build_into(dist, Some(&mut names))?;
    Ok(names)
}

fn build_into(dist: &Path, mut profiling: Option<&mut Vec<(App, Vec<String>)>>) -> Result {
    println!("==> compiling the web apps (one cargo build, release, wasm32)");
    compile_apps()?;
    let staging = root().join("target/trunk-apps");
    if dist.exists() {
        std::fs::remove_dir_all(dist).map_err(|e| io_error("cannot empty", dist, e))?;
    }
    std::fs::create_dir_all(dist).map_err(|e| io_error("cannot create", dist, e))?;
    for app in App::ALL {
        let profile = split::profile_path(app.name());
        let split_app = profile.is_file();
        // A profile needs the split apps and the public app (the server's
        // fallback page), nothing else.
        if profiling.is_some() && !split_app && app != App::Public {
            continue;
        }
        println!("==> bundling the {} app (trunk build --release --offline)", app.name());
        let out = trunk_app(app, &staging, profiling.is_some() && split_app)?;
        match profiling.as_deref_mut() {
            Some(names) if split_app => names.push((app, split::instrument_app(app.name(), &out)?)),
            Some(_) => {}
            None if split_app => {
                let r = split::split_app(app.name(), &out, &profile)?;
                println!(
                    "    split by {}: {} functions deferred ({} stubs); first load {} kB wasm, the rest {} kB",
                    profile.strip_prefix(root()).unwrap_or(&profile).display(),
                    r.deferred,
                    r.stubs,
                    r.primary_bytes / 1000,
                    r.secondary_bytes / 1000
                );
            }
            None => {}
        }
        collect(app, &out, dist)?;
    }
    crate::precompress(dist)
}

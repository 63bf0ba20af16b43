//! `cargo xtask setup`: install what is missing, skip what is present, pin
//! every version. wasm32 target, trunk, wasm-bindgen-cli (same version as in
//! Cargo.lock), wasm-opt from npm's binaryen, esbuild (minifies the apps'
//! JavaScript glue) and the axe-core accessibility
//! checker the browser journeys inject (both in the git-ignored `.tools/`),
//! Chromium and ChromeDriver from apt, and poppler-utils (pdfinfo,
//! pdftotext) for the journey that prints the jury's results sheet.

use crate::{root, run, Result, TaskError};
use std::path::PathBuf;
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
pub const BINARYEN_VERSION: &str = "132";
/// esbuild, from npm: minifies wasm-bindgen's JavaScript glue after trunk
/// (trunk's own minifier stops at its `export default`).
pub const ESBUILD_VERSION: &str = "0.24.2";
/// axe-core, injected into pages by the browser journeys (`Browser::axe_check`).
pub const AXE_CORE_VERSION: &str = "4.14.1";

/// Folder of the project's own tools.
pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// Folder with the `wasm-opt` binary.
pub fn tools_bin() -> PathBuf {
    tools_dir().join("node_modules/.bin")
}

/// First line of `program --version`, if it runs.
fn version_of(program: &str) -> Option<String> {
    let out = Command::new(program).arg("--version").env("PATH", crate::tool_path()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or("").to_string())
}

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .env("PATH", crate::tool_path())
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// The `wasm-bindgen` version Cargo.lock resolved.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| TaskError(format!("cannot read Cargo.lock: {e}")))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err(TaskError("Cargo.lock has no wasm-bindgen entry; run `cargo generate-lockfile`".into()))
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

/// `apt-get install` the packages, with sudo when not root.
fn apt_install(packages: &[&str]) -> Result {
    let sudo: &[&str] = if is_root() { &[] } else { &["sudo", "-n"] };
    let mut update: Vec<&str> = sudo.to_vec();
    update.extend(["apt-get", "update", "-qq"]);
    let mut install: Vec<&str> = sudo.to_vec();
    install.extend(["apt-get", "install", "-y", "-qq", "--no-install-recommends"]);
    install.extend(packages);
    let hint = format!("install them yourself: apt-get install {}", packages.join(" "));
    run(Command::new(update[0]).args(&update[1..]).env("DEBIAN_FRONTEND", "noninteractive"), "apt-get update")
        .map_err(|e| TaskError(format!("{e}; {hint}")))?;
    run(Command::new(install[0]).args(&install[1..]).env("DEBIAN_FRONTEND", "noninteractive"), "apt-get install")
        .map_err(|e| TaskError(format!("{e}; {hint}")))
}

fn ensure_wasm_target() -> Result {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| TaskError(format!("rustup is needed to add the wasm32 target: {e}")))?;
    if String::from_utf8_lossy(&out.stdout).lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        println!("    wasm32-unknown-unknown target: present");
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]), "adding the wasm32 target")
}

fn ensure_cargo_tool(program: &str, krate: &str, version: &str, locked: bool) -> Result {
    if let Some(v) = version_of(program) {
        if v.split_whitespace().any(|w| w.trim_start_matches('v') == version) {
            println!("    {program} {version}: present");
            return Ok(());
        }
        println!("    {program}: found '{v}', installing {version}");
    } else {
        println!("    {program}: installing {version} (takes a few minutes, once)");
    }
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["install", krate, "--version", version, "--force"]);
    if locked {
        cmd.arg("--locked");
    }
    run(&mut cmd, &format!("cargo install {krate}@{version}"))
}

/// `npm install PACKAGE@VERSION` into `.tools/` (npm, and the folder's
/// package.json, created when missing).
fn npm_install_tool(package: &str, version: &str) -> Result {
    if !have("npm") {
        println!("    npm: missing, installing nodejs and npm from apt");
        apt_install(&["nodejs", "npm"])?;
    }
    std::fs::create_dir_all(tools_dir()).map_err(|e| TaskError(format!("cannot create .tools: {e}")))?;
    let package_json = tools_dir().join("package.json");
    if !package_json.is_file() {
        std::fs::write(&package_json, "{\"name\":\"stempact-tools\",\"private\":true}\n")
            .map_err(|e| TaskError(format!("cannot write .tools/package.json: {e}")))?;
    }
    println!("    {package}: installing {package}@{version} from npm into .tools/");
    run(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--save-exact", "--prefix"])
            .arg(tools_dir())
            .arg(format!("{package}@{version}")),
        &format!("npm install {package}"),
    )
}

fn ensure_wasm_opt() -> Result {
    let wasm_opt = tools_bin().join("wasm-opt");
    if wasm_opt.is_file() {
        let out = Command::new(&wasm_opt).arg("--version").output();
        if let Ok(out) = out {
            if String::from_utf8_lossy(&out.stdout).contains(&format!("version_{BINARYEN_VERSION}")) {
                println!("    wasm-opt (binaryen {BINARYEN_VERSION}): present");
                return Ok(());
            }
        }
    }
    npm_install_tool("binaryen", BINARYEN_VERSION)
}

/// The esbuild binary in `.tools/`.
pub fn esbuild() -> PathBuf {
    tools_bin().join("esbuild")
}

fn ensure_esbuild() -> Result {
    if let Ok(out) = Command::new(esbuild()).arg("--version").output() {
        if String::from_utf8_lossy(&out.stdout).trim() == ESBUILD_VERSION {
            println!("    esbuild {ESBUILD_VERSION}: present");
            return Ok(());
        }
    }
    npm_install_tool("esbuild", ESBUILD_VERSION)
}

/// The axe-core script the journeys inject (`tests/src/lib.rs` looks here).
pub fn axe_core_js() -> PathBuf {
    tools_dir().join("node_modules/axe-core/axe.min.js")
}

/// The installed axe-core version, from its package.json.
fn axe_core_installed() -> Option<String> {
    let text = std::fs::read_to_string(tools_dir().join("node_modules/axe-core/package.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json.get("version")?.as_str().map(String::from)
}

fn ensure_axe_core() -> Result {
    if axe_core_js().is_file() && axe_core_installed().as_deref() == Some(AXE_CORE_VERSION) {
        println!("    axe-core {AXE_CORE_VERSION}: present");
        return Ok(());
    }
    npm_install_tool("axe-core", AXE_CORE_VERSION)
}

fn ensure_chromium() -> Result {
    if have("chromium") && have("chromedriver") {
        println!("    chromium and chromedriver: present");
        return Ok(());
    }
    println!("    chromium/chromedriver: installing from apt");
    apt_install(&["chromium", "chromium-driver"])
}

/// pdfinfo and pdftotext (poppler-utils): the journey that prints the jury's
/// results sheet counts its pages and reads its text.
fn ensure_poppler() -> Result {
    if have("pdfinfo") && have("pdftotext") {
        println!("    pdfinfo and pdftotext: present");
        return Ok(());
    }
    println!("    pdfinfo/pdftotext: installing poppler-utils from apt");
    apt_install(&["poppler-utils"])
}

/// Install everything the build and the tests need.
pub fn setup() -> Result {
    println!("==> setup: checking tools");
    ensure_wasm_target()?;
    ensure_cargo_tool("trunk", "trunk", TRUNK_VERSION, true)?;
    // wasm-bindgen-cli must match the crate version exactly; `--locked`
    // fails for it on this registry, so it is installed unlocked.
    ensure_cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &locked_wasm_bindgen()?, false)?;
    ensure_wasm_opt()?;
    ensure_esbuild()?;
    ensure_axe_core()?;
    ensure_chromium()?;
    ensure_poppler()?;
    Ok(())
}

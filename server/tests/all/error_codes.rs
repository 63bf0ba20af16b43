//! Every error code a handler sends is one of `rubric::errors::ErrorCode`,
//! the enum the frontend reads: a code it does not know would reach a
//! person as "unknown". Read from the server's sources, like the endpoint
//! list of `authz`.

use rubric::errors::ErrorCode;
use std::path::Path;

/// Each string literal that follows one of the ways a handler names a code.
fn codes_in(source: &str) -> Vec<String> {
    let mut codes = Vec::new();
    for marker in ["AppError::conflict(", "AppError::bad_request(", "AppError::refused(", "code: \"", "=> \"import_"] {
        let mut rest = source;
        while let Some(at) = rest.find(marker) {
            let after = &rest[at + marker.len()..];
            // The code is the first literal after the marker (the marker
            // may end inside it).
            let literal = if marker.contains('"') {
                Some(format!("{}{}", marker.rsplit('"').next().unwrap_or_default(), after))
            } else {
                after.trim_start().strip_prefix('"').map(str::to_string)
            };
            if let Some(code) = literal.and_then(|l| l.split('"').next().map(str::to_string)) {
                if code.chars().all(|c| c.is_ascii_lowercase() || c == '_') && !code.is_empty() {
                    codes.push(code);
                }
            }
            rest = after;
        }
    }
    codes
}

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("server sources").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).expect("source")));
        }
    }
}

#[test]
fn every_code_the_server_sends_is_in_the_shared_enum() {
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut seen = 0;
    for (file, source) in &files {
        for code in codes_in(source) {
            seen += 1;
            assert_ne!(ErrorCode::from_code(&code), ErrorCode::Unknown, "{file}: the code \"{code}\" is not in rubric::errors::ErrorCode");
        }
    }
    assert!(seen >= 30, "found only {seen} codes: has the way handlers name them changed?");
}

#[test]
fn the_scan_finds_codes_where_handlers_write_them() {
    let source = r#"AppError::conflict(
            "stale", "x", None); AppError::bad_request("bad_kind", m); Gone { code: "link_used", message };
            ExchangeError::TooNew { .. } => "import_too_new","#;
    assert_eq!(codes_in(source), ["stale", "bad_kind", "link_used", "import_too_new"]);
}

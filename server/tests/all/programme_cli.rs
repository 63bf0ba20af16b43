//! The backup commands: `stempact demo`, `stempact export --edition ID`
//! and `stempact import FILE`, with their messages for bad input.

use std::process::{Command, Output};

fn stempact(args: &[&str], data: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stempact")).args(args).arg("--data-dir").arg(data).output().expect("runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn demo_export_import_round_trips_through_files() {
    let a = tempfile::tempdir().unwrap();
    let out = stempact(&["demo"], a.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("Imported edition 1") && said.contains("20 schools"), "{said}");
    assert!(said.contains("/signin#"), "a fresh installation prints the coordinator's link: {said}");

    let out = stempact(&["export", "--edition", "1"], a.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let file = a.path().join("backup.json");
    std::fs::write(&file, &out.stdout).unwrap();
    let exported: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(exported["format_version"], 2);

    let b = tempfile::tempdir().unwrap();
    let out = stempact(&["import", file.to_str().unwrap()], b.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("/signin#"));
    let out = stempact(&["export", "--edition", "1"], b.path());
    let mut again: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut original = exported.clone();
    again["exported_at"] = 0.into();
    original["exported_at"] = 0.into();
    assert_eq!(again, original);

    // A second import into the same installation is a second edition, not active.
    let out = stempact(&["import", file.to_str().unwrap()], b.path());
    let said = text(&out.stdout);
    assert!(said.contains("Imported edition 2") && said.contains("not active"), "{said}");
    assert!(!said.contains("/signin#"), "no new coordinator link when one exists: {said}");
}

#[test]
fn bad_files_and_ids_are_reported_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = stempact(&["export", "--edition", "7"], dir.path());
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("there is no edition 7"), "{}", text(&out.stderr));

    let newer = dir.path().join("newer.json");
    std::fs::write(&newer, r#"{"format": "stempact-edition", "format_version": 3}"#).unwrap();
    let out = stempact(&["import", newer.to_str().unwrap()], dir.path());
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("format_version 3") && err.contains("nothing was imported"), "{err}");

    let out = stempact(&["import", "/nonexistent/file.json"], dir.path());
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("cannot read /nonexistent/file.json"));
}

//! The `stempact` binary's startup errors: a busy port, a data folder that
//! cannot be created, a missing frontend, a bad role.

use std::process::Command;

fn stempact() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stempact"))
}

fn dist() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("public.html"), "<html></html>").unwrap();
    d
}

#[test]
fn a_busy_port_is_reported_clearly() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let (data, dist) = (tempfile::tempdir().unwrap(), dist());
    let out = stempact()
        .args(["serve", "--port", &port.to_string()])
        .arg("--data-dir").arg(data.path())
        .arg("--dist-dir").arg(dist.path())
        .output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("port {port} is already in use")), "{err}");
}

#[test]
fn an_unusable_data_dir_is_reported_clearly() {
    let file = tempfile::NamedTempFile::new().unwrap();
    let dist = dist();
    let out = stempact()
        .args(["serve", "--port", "0"])
        .arg("--data-dir").arg(file.path().join("sub"))
        .arg("--dist-dir").arg(dist.path())
        .output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot create the data folder"), "{err}");
}

#[test]
fn a_missing_frontend_says_how_to_build_it() {
    let data = tempfile::tempdir().unwrap();
    let out = stempact().args(["serve", "--port", "0", "--dist-dir", "/nonexistent"]).arg("--data-dir").arg(data.path()).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cargo xtask serve"));
}

#[test]
fn invite_prints_a_link_and_rejects_a_bad_role() {
    let data = tempfile::tempdir().unwrap();
    let out = stempact().args(["invite", "--role", "coordinator", "--name", "Els"]).arg("--data-dir").arg(data.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let link = String::from_utf8_lossy(&out.stdout);
    assert!(link.trim().starts_with("http://localhost:8080/signin#"), "{link}");
    let out = stempact().args(["invite", "--role", "king", "--name", "Els"]).arg("--data-dir").arg(data.path()).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown role 'king'"));
    let out = stempact().args(["invite", "--role", "school-member", "--name", "Els"]).arg("--data-dir").arg(data.path()).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a school"));
}

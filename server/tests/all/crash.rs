//! A crash in the middle of autosaving: the real `stempact` binary serves
//! a school team whose members save answers as fast as they can; it is
//! killed with SIGKILL mid-way, started again on the same data folder, and
//! every answer it had acknowledged must be there (the one write in flight
//! at the kill may or may not be). The database must pass SQLite's
//! integrity check and take new writes.

use rubric::people::{Role, SchoolFunction};
use serde_json::{json, Value};
use server::db::people::NewPerson;
use server::state::Config;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const RESPONDENTS: usize = 6;

/// The binary, killed (SIGKILL) when dropped so a failed assert leaves nothing running.
pub(crate) struct Running {
    pub(crate) child: Child,
    pub(crate) base: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("a port").local_addr().expect("address").port()
}

/// Start `stempact serve` and wait until it answers.
pub(crate) async fn start(data: &Path, dist: &Path) -> Running {
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_stempact"))
        .args(["serve", "--port", &port.to_string()])
        .arg("--data-dir")
        .arg(data)
        .arg("--dist-dir")
        .arg(dist)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("stempact starts");
    let running = Running { child, base: format!("http://127.0.0.1:{port}") };
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(r) = reqwest::get(format!("{}/api/health", running.base)).await {
            if r.status().is_success() {
                return running;
            }
        }
        assert!(Instant::now() < deadline, "stempact did not answer within 20 s");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// An edition with an open nulmeting, a school and its respondents; their sign-in tokens.
pub(crate) async fn prepare(data: &Path, dist: &Path) -> Vec<String> {
    let config = Config { dist_dir: dist.to_path_buf(), public_url: "http://localhost".into(), secure_cookies: false };
    let state = server::prepare(data, config).await.expect("database");
    let db = state.writer.pool();
    let edition: i64 = sqlx::query_scalar(
        "insert into editions (name, school_year, nulmeting_deadline, plan_deadline, active, created_at) \
         values ('Crash', '2025-2026', '2999-12-31', '2999-12-31', 1, 0) returning id",
    )
    .fetch_one(db)
    .await
    .expect("edition");
    let school: i64 = sqlx::query_scalar(
        "insert into schools (edition_id, name, town, region, tracks, created_at) values (?, 'Crashschool', 'Gent', '', 'transition', 0) returning id",
    )
    .bind(edition)
    .fetch_one(db)
    .await
    .expect("school");
    let mut tokens = Vec::new();
    for n in 0..RESPONDENTS {
        let p = NewPerson {
            name: format!("Respondent {n}"),
            email: String::new(),
            role: Role::SchoolMember,
            school_id: Some(school),
            company_id: None,
            school_function: Some(SchoolFunction::Teacher),
        };
        tokens.push(server::invite::create(&state.writer, &p, None).await.expect("invite").1);
    }
    state.db.close().await;
    state.writer.pool().close().await;
    tokens
}

/// Sign in; the cookie and the measurement to answer in.
pub(crate) async fn sign_in(http: &reqwest::Client, base: &str, token: &str) -> (String, i64) {
    let r = http.post(format!("{base}/api/auth/signin")).json(&json!({ "token": token })).send().await.expect("sign in");
    assert!(r.status().is_success(), "sign in: {}", r.status());
    let cookie = r.headers()["set-cookie"].to_str().expect("cookie").split(';').next().expect("cookie").to_string();
    let sheet: Value =
        http.get(format!("{base}/api/my/measurement")).header("cookie", &cookie).send().await.expect("sheet").json().await.expect("json");
    (cookie, sheet["measurement"]["id"].as_i64().expect("a measurement"))
}

/// Acknowledged answers: indicator → (version, level, comment).
type Acked = BTreeMap<String, (i64, i64, String)>;

async fn autosave(http: reqwest::Client, base: String, cookie: String, measurement: i64, offset: usize, acks: Arc<AtomicUsize>) -> Acked {
    let indicators: Vec<String> = rubric::current_rubric().indicators().map(|(_, i)| i.id.clone()).collect();
    let mut acked = Acked::new();
    for round in 0.. {
        let indicator = &indicators[(offset + round) % indicators.len()];
        let version = acked.get(indicator).map_or(0, |a| a.0);
        let (level, comment) = (1 + (round % 4) as i64, format!("ronde {round}"));
        let body = json!({"answer": level, "comment": comment, "version": version});
        let url = format!("{base}/api/measurements/{measurement}/answers/{indicator}");
        let Ok(r) = http.put(url).header("cookie", &cookie).json(&body).send().await else { break };
        if !r.status().is_success() {
            break;
        }
        let Ok(saved) = r.json::<Value>().await else { break };
        acked.insert(indicator.clone(), (saved["version"].as_i64().expect("version"), level, comment));
        acks.fetch_add(1, Ordering::Relaxed);
    }
    acked
}

/// A data folder with the prepared people, the binary running on it, its
/// people signed in (cookie, measurement), and the client they use.
pub(crate) struct Crash {
    pub(crate) data: tempfile::TempDir,
    pub(crate) dist: tempfile::TempDir,
    pub(crate) http: reqwest::Client,
    pub(crate) people: Vec<(String, i64)>,
    /// Writes acknowledged before the kill, by all writers.
    pub(crate) acks: usize,
}

/// Prepare a data folder, start the binary, sign everyone in, run `writer`
/// for each person at once (`n` numbers them; each counts its
/// acknowledged writes in `acks`), and kill the binary with SIGKILL once
/// `min_acks` writes were acknowledged (or after `within`), while all keep
/// writing. Returns what each writer had acknowledged, in order of people.
pub(crate) async fn write_then_kill<T, F, Fut>(min_acks: usize, within: Duration, writer: F) -> (Crash, Vec<T>)
where
    T: Send + 'static,
    F: Fn(reqwest::Client, String, String, i64, usize, Arc<AtomicUsize>) -> Fut,
    Fut: std::future::Future<Output = T> + Send + 'static,
{
    let (data, dist) = (tempfile::tempdir().expect("data"), tempfile::tempdir().expect("dist"));
    std::fs::write(dist.path().join("public.html"), "<html></html>").expect("index");
    let tokens = prepare(data.path(), dist.path()).await;
    let http = reqwest::Client::new();
    let mut running = start(data.path(), dist.path()).await;
    let mut people = Vec::new();
    for token in &tokens {
        people.push(sign_in(&http, &running.base, token).await);
    }
    let acks = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = people
        .iter()
        .enumerate()
        .map(|(n, (cookie, m))| tokio::spawn(writer(http.clone(), running.base.clone(), cookie.clone(), *m, n, acks.clone())))
        .collect();
    let deadline = Instant::now() + within;
    while acks.load(Ordering::Relaxed) < min_acks && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    running.child.kill().expect("SIGKILL");
    running.child.wait().expect("gone");
    let mut acked = Vec::new();
    for task in tasks {
        acked.push(task.await.expect("writer"));
    }
    let acks = acks.load(Ordering::Relaxed);
    (Crash { data, dist, http, people, acks }, acked)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_answer_survives_a_kill_9_during_autosave() {
    // Kill mid-way: once a few hundred answers are in, while all keep writing.
    let (crash, acked) = write_then_kill(300, Duration::from_secs(20), |http, base, cookie, m, n, acks| autosave(http, base, cookie, m, n * 5, acks)).await;
    let Crash { data, dist, http, people, acks } = &crash;
    let total: usize = acked.iter().map(BTreeMap::len).sum();
    assert!(*acks >= 300 && total > 0, "the writers got answers through before the kill");

    // Start again on the same folder: every acknowledged answer is there.
    let running = start(data.path(), dist.path()).await;
    let (cookie, measurement) = &people[0];
    for ((cookie, _), acked) in people.iter().zip(&acked) {
        let sheet: Value = http
            .get(format!("{}/api/my/measurement", running.base))
            .header("cookie", cookie)
            .send()
            .await
            .expect("sheet")
            .json()
            .await
            .expect("json");
        let stored: BTreeMap<String, (i64, Value, String)> = sheet["answers"]
            .as_array()
            .expect("answers")
            .iter()
            .map(|a| {
                let key = a["indicator_id"].as_str().expect("id").to_string();
                (key, (a["version"].as_i64().expect("v"), a["answer"].clone(), a["comment"].as_str().unwrap_or("").to_string()))
            })
            .collect();
        for (indicator, (version, level, comment)) in acked {
            let (v, answer, c) = stored.get(indicator).unwrap_or_else(|| panic!("acknowledged answer {indicator} lost"));
            // The write in flight at the kill may have landed (one version later).
            assert!(*v == *version || *v == version + 1, "{indicator}: version {v}, acknowledged {version}");
            if v == version {
                assert_eq!((answer, c), (&json!(level), comment), "{indicator}");
            }
        }
    }
    // The database is whole and takes new writes.
    let indicator = rubric::current_rubric().indicators().map(|(_, i)| i.id.clone()).next().expect("indicator");
    let current = acked[0].get(&indicator).map_or(0, |a| a.0);
    let url = format!("{}/api/measurements/{measurement}/answers/{indicator}", running.base);
    let r = http.put(&url).header("cookie", cookie).json(&json!({"answer": 2, "comment": "na de crash", "version": current})).send().await.expect("write");
    // 409 when the write in flight at the kill landed: the version moved on.
    assert!(r.status().is_success() || r.status() == 409, "write after restart: {}", r.status());
    drop(running);
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(server::db::database_path(data.path()));
    let mut conn = sqlx::ConnectOptions::connect(&options).await.expect("open");
    let check: String = sqlx::query_scalar("pragma integrity_check").fetch_one(&mut conn).await.expect("check");
    assert_eq!(check, "ok");
    println!(
        "crash: killed after {} acknowledged saves by {RESPONDENTS} respondents; the last acknowledged version of all {total} answers present after restart",
        acks
    );
}

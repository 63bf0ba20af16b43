//! The server under load, for `cargo xtask bench`: 40 respondents of 10
//! schools autosaving answers at once, and 12 jurors saving score sheets at
//! once, each as fast as the server answers, through the real HTTP API into
//! SQLite. Reports writes per second, errors (any answer that is not a
//! success), and latency as the server measured it (`Server-Timing`:
//! from the request's arrival to its answer, waiting for the write turn
//! included) beside the client's round trip, against the budgets.

use crate::{fixtures, ApiClient, TestResult, TestServer};
use rubric::people::Role;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

pub const SCHOOLS: usize = 10;
pub const RESPONDENTS_PER_SCHOOL: usize = 4;
pub const JURORS: usize = 12;
const FINALISTS: usize = 6;
/// Answer saves per respondent, sheet saves per juror.
const ANSWER_SAVES: usize = 150;
/// Saves per respondent at the budget rate: 12 s, long enough to include
/// a WAL checkpoint (the server defers one for a quiet moment, at most 10 s).
const PACED_SAVES: usize = 600;
const SHEET_SAVES: usize = 60;

/// Budgets: writes per second, and the server's p99 in milliseconds.
pub const WRITES_PER_SECOND: f64 = 2000.0;
pub const SERVER_P99_MS: f64 = 10.0;

/// One load run.
#[derive(Debug, Default)]
pub struct Run {
    pub writes: usize,
    pub errors: usize,
    pub seconds: f64,
    /// Milliseconds per write, as the server timed it and as the client saw it.
    pub server_ms: Vec<f64>,
    pub client_ms: Vec<f64>,
}

impl Run {
    pub fn rate(&self) -> f64 {
        self.writes as f64 / self.seconds.max(f64::EPSILON)
    }

    /// Count one write; the version it saved when the server said 200.
    fn record(&mut self, (status, saved, server, client): (u16, Value, f64, f64)) -> Option<i64> {
        self.writes += 1;
        self.server_ms.push(server);
        self.client_ms.push(client);
        if status != 200 {
            self.errors += 1;
            return None;
        }
        saved["version"].as_i64()
    }

    fn merge(&mut self, other: Run) {
        self.writes += other.writes;
        self.errors += other.errors;
        self.server_ms.extend(other.server_ms);
        self.client_ms.extend(other.client_ms);
    }
}

/// The `q` quantile (0..=1) of some samples; NaN for none.
pub fn quantile(samples: &[f64], q: f64) -> f64 {
    let mut v = samples.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    if v.is_empty() {
        return f64::NAN;
    }
    let rank = ((v.len() as f64 * q).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

/// PUT a JSON body; (status, body, server ms, client ms).
async fn put(api: &ApiClient, path: &str, body: &Value) -> TestResult<(u16, Value, f64, f64)> {
    let started = Instant::now();
    let r = api.http.put(format!("{}{path}", api.base)).json(body).send().await?;
    let status = r.status().as_u16();
    let server = r
        .headers()
        .get("server-timing")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split("dur=").nth(1))
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(f64::NAN);
    let json = r.json().await.unwrap_or(Value::Null);
    Ok((status, json, server, started.elapsed().as_secs_f64() * 1000.0))
}

/// An edition with an open nulmeting and `SCHOOLS` schools, the first
/// `FINALISTS` of them with a submitted plan. (edition, schools)
async fn edition(app: &TestServer) -> TestResult<(i64, Vec<i64>)> {
    let db = app.state.writer.pool();
    let edition = fixtures::edition(db, "Belasting").await?;
    fixtures::nulmeting_deadline(db, edition, "2099-12-31").await?;
    let mut schools = Vec::new();
    for n in 0..SCHOOLS {
        let school = fixtures::school(db, edition, &format!("Belastingschool {n}"), "Gent").await?;
        if n < FINALISTS {
            fixtures::submitted_plan(db, edition, school, &fixtures::sample_plan(&format!("Plan {n}"))).await?;
        }
        schools.push(school);
    }
    Ok((edition, schools))
}

/// Wait for every writer and add up their runs.
async fn gather(tasks: Vec<tokio::task::JoinHandle<TestResult<Run>>>, started: Instant, who: &str) -> TestResult<Run> {
    let mut total = Run::default();
    for t in tasks {
        total.merge(t.await.map_err(|e| format!("{who} stopped: {e}"))??);
    }
    total.seconds = started.elapsed().as_secs_f64();
    Ok(total)
}

/// The 40 respondents, signed in: (client, measurement).
async fn respondents(app: &TestServer, schools: &[i64]) -> TestResult<Vec<(ApiClient, i64)>> {
    let mut writers = Vec::new();
    for (s, school) in schools.iter().enumerate() {
        for n in 0..RESPONDENTS_PER_SCHOOL {
            let link = app.invite_scoped(Role::SchoolMember, &format!("Respondent {s}-{n}"), Some(*school), None).await?;
            let api = app.api();
            api.sign_in(&link).await?;
            let (_, sheet) = api.get("/my/measurement").await?;
            let m = sheet["measurement"]["id"].as_i64().ok_or_else(|| format!("no measurement: {sheet}"))?;
            writers.push((api, m));
        }
    }
    Ok(writers)
}

/// The respondents autosave answers at once, round the indicators, each
/// write based on the version the last one returned (as the answer sheet
/// does): as fast as the server answers, or each at most once per `pace`.
pub async fn autosave(writers: &[(ApiClient, i64)], saves: usize, pace: Option<Duration>) -> TestResult<Run> {
    let indicators: Vec<String> = rubric::current_rubric().indicators().map(|(_, i)| i.id.clone()).collect();
    let people = writers.len().max(1);
    let started = Instant::now();
    let tasks: Vec<_> = writers
        .iter()
        .enumerate()
        .map(|(n, (api, m))| {
            let (api, m) = (ApiClient { base: api.base.clone(), http: api.http.clone() }, *m);
            let indicators = indicators.clone();
            tokio::spawn(async move {
                let mut run = Run::default();
                // Start from what is stored, as the answer sheet does on opening.
                let (_, sheet) = api.get("/my/measurement").await?;
                let mut versions: BTreeMap<String, i64> = sheet["answers"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|a| Some((a["indicator_id"].as_str()?.to_string(), a["version"].as_i64()?)))
                    .collect();
                // Spread over the period (not 40 saves in the same instant).
                let mut ticks = pace.map(|p| {
                    let offset = p.mul_f64(n as f64 / people as f64);
                    let mut t = tokio::time::interval_at(tokio::time::Instant::now() + offset, p);
                    t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                    t
                });
                for w in 0..saves {
                    if let Some(t) = ticks.as_mut() {
                        t.tick().await;
                    }
                    let indicator = &indicators[(n + w) % indicators.len()];
                    let version = versions.get(indicator).copied().unwrap_or(0);
                    let body = json!({"answer": 1 + (w % 4), "comment": format!("ronde {w}"), "version": version});
                    let answer = put(&api, &format!("/measurements/{m}/answers/{indicator}"), &body).await?;
                    if let Some(v) = run.record(answer) {
                        versions.insert(indicator.clone(), v);
                    }
                }
                TestResult::Ok(run)
            })
        })
        .collect();
    gather(tasks, started, "a respondent").await
}

/// 12 jurors save score sheets at once, round the finalists, each save
/// based on the version the last one returned (as the score sheet does).
pub async fn jury(app: &TestServer, finalist_schools: &[i64]) -> TestResult<Run> {
    let coord = app.api();
    coord.sign_in(&app.invite(Role::Coordinator, "Belastingcoördinator").await?).await?;
    let call = |method: reqwest::Method, path: &'static str, body: Value| {
        let coord = &coord;
        async move {
            let (status, body) = coord.send(method, path, &body).await?;
            if status.is_success() { Ok(body) } else { Err(format!("{path}: {status} {body}").into()) }
        }
    };
    let setup: TestResult<Value> = call(reqwest::Method::POST, "/jury/categories", json!({"name": "Belasting"})).await;
    let category = setup?["categories"][0]["id"].as_i64().ok_or("no category")?;
    for school in finalist_schools {
        let (status, body) = coord.send(reqwest::Method::POST, "/jury/finalists", &json!({"category_id": category, "school_id": school})).await?;
        if !status.is_success() {
            return Err(format!("finalist: {status} {body}").into());
        }
    }
    let mut jurors = Vec::new();
    for n in 0..JURORS {
        let added = call(reqwest::Method::POST, "/jury/jurors", json!({"name": format!("Jurylid {n}")})).await?;
        let link = added["sign_in_link"].as_str().ok_or("no link")?.to_string();
        let api = app.api();
        api.sign_in(&link).await?;
        jurors.push(api);
    }
    let (_, setup) = coord.get("/jury/setup").await?;
    let criteria: Vec<i64> = setup["criteria"].as_array().ok_or("no criteria")?.iter().filter_map(|c| c["id"].as_i64()).collect();
    let finalists: Vec<i64> = setup["categories"][0]["finalists"].as_array().ok_or("no finalists")?.iter().filter_map(|f| f["id"].as_i64()).collect();
    let version = setup["settings"]["version"].as_i64().ok_or("no version")?;
    let setup = call(reqwest::Method::PUT, "/jury/tie-break", json!({"version": version, "rules": ["higher-median-juror-score"]})).await?;
    let version = setup["settings"]["version"].as_i64().ok_or("no version")?;
    call(reqwest::Method::POST, "/jury/status", json!({"version": version, "status": "open"})).await?;

    let started = Instant::now();
    let tasks: Vec<_> = jurors
        .into_iter()
        .enumerate()
        .map(|(n, api)| {
            let (criteria, finalists) = (criteria.clone(), finalists.clone());
            tokio::spawn(async move {
                let mut run = Run::default();
                let mut versions: BTreeMap<i64, i64> = BTreeMap::new();
                for w in 0..SHEET_SAVES {
                    let finalist = finalists[(n + w) % finalists.len()];
                    let version = versions.get(&finalist).copied().unwrap_or(0);
                    let scores: BTreeMap<String, usize> = criteria.iter().enumerate().map(|(i, c)| (c.to_string(), 1 + (w + i) % 10)).collect();
                    let body = json!({"version": version, "scores": scores, "remarks": {}, "remark": format!("ronde {w}")});
                    let answer = put(&api, &format!("/jury/my/finalists/{finalist}/sheet"), &body).await?;
                    if let Some(v) = run.record(answer) {
                        versions.insert(finalist, v);
                    }
                }
                TestResult::Ok(run)
            })
        })
        .collect();
    gather(tasks, started, "a juror").await
}

/// Which budget a run is held to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Judged {
    Nothing,
    /// As fast as the server answers: writes per second.
    Rate,
    /// The budget rate offered: the server's p99.
    Latency,
}

/// One run in words, against its budget.
fn line(what: &str, run: &Run, judged: Judged) -> String {
    let (s50, s90, s99) = (quantile(&run.server_ms, 0.5), quantile(&run.server_ms, 0.9), quantile(&run.server_ms, 0.99));
    let (c50, c99) = (quantile(&run.client_ms, 0.5), quantile(&run.client_ms, 0.99));
    let rate = run.rate();
    let rate_verdict = match judged {
        Judged::Rate => format!(" ({} the {WRITES_PER_SECOND:.0}/s budget)", if rate >= WRITES_PER_SECOND { "meets" } else { "BELOW" }),
        _ => String::new(),
    };
    let p99_verdict = match judged {
        Judged::Latency => format!(" ({} the {SERVER_P99_MS:.0} ms budget)", if s99 <= SERVER_P99_MS { "within" } else { "OVER" }),
        _ => String::new(),
    };
    format!(
        "    {what}: {} writes in {:.2} s = {rate:.0} writes/s{rate_verdict}, {} errors\n      \
         server time p50 {s50:.2} ms, p90 {s90:.2} ms, p99 {s99:.2} ms{p99_verdict}; client round trip p50 {c50:.2} ms, p99 {c99:.2} ms",
        run.writes, run.seconds, run.errors,
    )
}

/// Run both loads on a fresh edition of `app` and print the figures;
/// returns the budgets missed (the rate of writes as fast as answered, the
/// server's p99 at the budget rate), each in words, for the caller to fail on.
pub async fn report(app: &TestServer) -> TestResult<Vec<String>> {
    let (_, schools) = edition(app).await?;
    let writers = respondents(app, &schools).await?;
    let people = writers.len();
    let alone = autosave(&writers[..1], ANSWER_SAVES * 2, None).await?;
    println!("{}", line("autosave, one respondent alone (the cost of one write, no waiting)", &alone, Judged::Nothing));
    let answers = autosave(&writers, ANSWER_SAVES, None).await?;
    println!("{}", line(&format!("autosave, {people} respondents of {SCHOOLS} schools at once, as fast as answered"), &answers, Judged::Rate));
    // The budget rate offered, not more: 40 respondents each saving every 20 ms.
    let pace = Duration::from_secs_f64(people as f64 / WRITES_PER_SECOND);
    let paced = autosave(&writers, PACED_SAVES, Some(pace)).await?;
    println!("{}", line(&format!("autosave, {people} respondents offering {WRITES_PER_SECOND:.0} writes/s together"), &paced, Judged::Latency));
    let sheets = jury(app, &schools[..FINALISTS]).await?;
    println!("{}", line(&format!("score sheets, {JURORS} jurors at once, as fast as answered (budget: no errors)"), &sheets, Judged::Nothing));
    let errors = alone.errors + answers.errors + paced.errors + sheets.errors;
    if errors > 0 {
        return Err(format!("{errors} writes failed under load").into());
    }
    let mut missed = Vec::new();
    if answers.rate() < WRITES_PER_SECOND {
        missed.push(format!("autosave writes/s, {people} respondents at once: {:.0} (budget at least {WRITES_PER_SECOND:.0})", answers.rate()));
    }
    let p99 = quantile(&paced.server_ms, 0.99);
    if p99 > SERVER_P99_MS {
        missed.push(format!("autosave server p99 at {WRITES_PER_SECOND:.0} writes/s offered: {p99:.1} ms (budget {SERVER_P99_MS:.0} ms)"));
    }
    Ok(missed)
}

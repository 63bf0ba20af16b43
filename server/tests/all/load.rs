//! Many people at once, against the real server over loopback: twelve
//! jurors saving score sheets while reading their pages, school members
//! autosaving answers, a coordinator editing and reading results, all at the
//! same time for a few seconds. No answer may be a 5xx, and every write the
//! server acknowledged must be in the database afterwards.

use crate::common::{self, Who};
use axum::http::Method;
use rubric::people::{Role, SchoolFunction};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// The real server on a loopback port, stopped on drop.
pub struct Served {
    pub base: String,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Served {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Serve the state's app over loopback, as `stempact serve` does.
pub async fn serve(state: server::state::AppState) -> Served {
    let listener = server::bind(std::net::SocketAddr::from(([127, 0, 0, 1], 0))).await.expect("a free port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let task = tokio::spawn(async move {
        let _ = server::serve(listener, state).await;
    });
    Served { base, task }
}

/// One signed-in person's HTTP client.
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    cookie: String,
    tally: Arc<Mutex<Tally>>,
}

/// What every request answered.
#[derive(Default, Debug)]
pub struct Tally {
    pub requests: usize,
    pub by_status: BTreeMap<u16, usize>,
    /// Per endpoint (ids as `{id}`): requests and 5xx answers.
    pub by_endpoint: BTreeMap<String, (usize, usize)>,
    /// The first few 5xx answers, for the failure message.
    pub server_errors: Vec<String>,
}

impl Tally {
    pub fn five_xx(&self) -> usize {
        self.by_status.iter().filter(|(s, _)| **s >= 500).map(|(_, n)| n).sum()
    }
}

impl Client {
    pub fn new(base: &str, cookie: &str, tally: Arc<Mutex<Tally>>) -> Client {
        Client { http: reqwest::Client::new(), base: base.to_string(), cookie: cookie.to_string(), tally }
    }

    /// A call; the status and the JSON body (Null when none).
    pub async fn call(&self, method: Method, path: &str, body: Option<&Value>) -> (u16, Value) {
        let method = reqwest::Method::from_bytes(method.as_str().as_bytes()).expect("method");
        let mut req = self.http.request(method.clone(), format!("{}{path}", self.base)).header("cookie", &self.cookie);
        if let Some(b) = body {
            req = req.json(b);
        }
        let (status, json) = match req.send().await {
            Ok(res) => {
                let status = res.status().as_u16();
                (status, res.json().await.unwrap_or(Value::Null))
            }
            // A refused or dropped connection counts as a server failure.
            Err(e) => (599, json!({ "transport": e.to_string() })),
        };
        let mut t = self.tally.lock().await;
        t.requests += 1;
        *t.by_status.entry(status).or_default() += 1;
        let mut endpoint: Vec<&str> = Vec::new();
        for part in path.split('/') {
            let is_id = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
            endpoint.push(if is_id { "{id}" } else if endpoint.last() == Some(&"answers") { "{indicator}" } else { part });
        }
        let e = t.by_endpoint.entry(format!("{method} {}", endpoint.join("/"))).or_default();
        e.0 += 1;
        e.1 += usize::from(status >= 500);
        if status >= 500 && t.server_errors.len() < 5 {
            t.server_errors.push(format!("{method} {path}: {status} {json}"));
        }
        (status, json)
    }
}

/// A juror's acknowledged sheets: finalist → (version, criterion → score).
type Sheets = BTreeMap<i64, (i64, BTreeMap<i64, i64>)>;
/// A respondent's acknowledged answers: indicator → (version, level, comment).
type Answers = BTreeMap<String, (i64, i64, String)>;

async fn juror_loop(c: Client, finalists: Vec<i64>, criteria: Vec<i64>, until: Instant) -> Sheets {
    let mut acked = Sheets::new();
    let mut round = 0i64;
    while Instant::now() < until {
        let finalist = finalists[(round as usize) % finalists.len()];
        let version = acked.get(&finalist).map_or(0, |(v, _)| *v);
        let scores: BTreeMap<i64, i64> = criteria.iter().enumerate().map(|(i, c)| (*c, 1 + (round + i as i64) % 10)).collect();
        let body = json!({"version": version, "scores": scores, "remarks": {}, "remark": format!("ronde {round}")});
        let (status, sheet) = c.call(Method::PUT, &format!("/api/jury/my/finalists/{finalist}/sheet"), Some(&body)).await;
        if status == 200 {
            acked.insert(finalist, (sheet["version"].as_i64().expect("a version"), scores));
        }
        c.call(Method::GET, "/api/jury/my", None).await;
        if round % 3 == 0 {
            c.call(Method::GET, &format!("/api/jury/my/finalists/{finalist}"), None).await;
        }
        round += 1;
    }
    acked
}

async fn respondent_loop(c: Client, measurement: i64, offset: usize, until: Instant) -> Answers {
    let indicators: Vec<String> = rubric::current_rubric().indicators().map(|(_, i)| i.id.clone()).collect();
    let mut acked = Answers::new();
    let mut round = 0usize;
    while Instant::now() < until {
        let indicator = &indicators[(offset + round) % indicators.len()];
        let version = acked.get(indicator).map_or(0, |(v, _, _)| *v);
        let level = 1 + (round % 4) as i64;
        let comment = format!("ronde {round}");
        let body = json!({"answer": level, "comment": comment, "version": version});
        let (status, saved) = c.call(Method::PUT, &format!("/api/measurements/{measurement}/answers/{indicator}"), Some(&body)).await;
        if status == 200 {
            acked.insert(indicator.clone(), (saved["version"].as_i64().expect("a version"), level, comment));
        }
        if round.is_multiple_of(10) {
            c.call(Method::GET, "/api/my/measurement", None).await;
        }
        round += 1;
    }
    acked
}

/// The coordinator edits a network session and reads the jury's results,
/// set-up and the dashboard; returns the session's last acknowledged version and place.
async fn coordinator_loop(c: Client, edition: i64, session: i64, until: Instant) -> Option<(i64, String)> {
    let mut acked: Option<(i64, String)> = None;
    let mut version = c.call(Method::GET, &format!("/api/editions/{edition}/networks"), None).await.1.as_array()
        .into_iter()
        .flatten()
        .flat_map(|n| n["sessions"].as_array().cloned().unwrap_or_default())
        .find(|s| s["id"] == session)
        .and_then(|s| s["version"].as_i64())
        .expect("the session's version");
    let mut round = 0;
    while Instant::now() < until {
        let place = format!("Gent zaal {round}");
        let body = json!({"date": "2026-02-02", "place": place, "topic": "Samen", "version": version});
        let (status, saved) = c.call(Method::PUT, &format!("/api/sessions/{session}"), Some(&body)).await;
        if status == 200 {
            version = saved["version"].as_i64().expect("a version");
            acked = Some((version, place));
        }
        c.call(Method::GET, "/api/jury/results", None).await;
        c.call(Method::GET, "/api/jury/setup", None).await;
        c.call(Method::GET, &format!("/api/editions/{edition}/dashboard"), None).await;
        round += 1;
    }
    acked
}

/// How long the load runs (`STEMPACT_LOAD_SECS`, default 3).
fn duration() -> Duration {
    let secs = std::env::var("STEMPACT_LOAD_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    Duration::from_secs_f64(secs)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]

async fn jurors_respondents_and_a_coordinator_at_once_get_no_5xx_and_lose_no_acknowledged_write() {
    let w = common::world().await;
    let ids = w.ids.clone();
    let coord = w.cookie(Who::Coord).expect("coordinator").to_string();

    // Twelve jurors: the world's two and ten more; scoring opens.
    let mut jurors = vec![(ids.juror_x, w.cookie(Who::JurorX).expect("juror").to_string())];
    jurors.push((ids.juror_free, w.cookie(Who::JurorFree).expect("juror").to_string()));
    for n in 0..10 {
        let (id, cookie) = w.sign_up(&format!("Jurylid {n}"), Role::Juror, None, None, None).await;
        w.ok(Who::Coord, Method::POST, "/api/jury/jurors", Some(&json!({"person_id": id}))).await;
        jurors.push((id, cookie));
    }
    let setup = w.ok(Who::Coord, Method::GET, "/api/jury/setup", None).await;
    let criteria: Vec<i64> = setup["criteria"].as_array().expect("criteria").iter().map(|c| c["id"].as_i64().expect("id")).collect();
    let version = setup["settings"]["version"].as_i64().expect("version");
    w.ok(Who::Coord, Method::POST, "/api/jury/status", Some(&json!({"version": version, "status": "open"}))).await;

    // Eight respondents who have not submitted: four in each school.
    let mut respondents = Vec::new();
    for (school, measurement) in [(ids.school_a, ids.measurement_a), (ids.school_b, ids.measurement_b)] {
        for n in 0..4 {
            let name = format!("Leraar {school}-{n}");
            let (id, cookie) = w.sign_up(&name, Role::SchoolMember, Some(school), None, Some(SchoolFunction::Teacher)).await;
            respondents.push((id, measurement, cookie));
        }
    }

    let served = serve(w.state.clone()).await;
    let tally = Arc::new(Mutex::new(Tally::default()));
    let until = Instant::now() + duration();
    let mut juror_tasks = Vec::new();
    for (id, cookie) in &jurors {
        // Juror X works for A's sponsor: only B is theirs to score.
        let finalists = if *id == ids.juror_x { vec![ids.finalist_b] } else { vec![ids.finalist_a, ids.finalist_b] };
        let c = Client::new(&served.base, cookie, tally.clone());
        juror_tasks.push((*id, tokio::spawn(juror_loop(c, finalists, criteria.clone(), until))));
    }
    let mut respondent_tasks = Vec::new();
    for (n, (id, measurement, cookie)) in respondents.iter().enumerate() {
        let c = Client::new(&served.base, cookie, tally.clone());
        respondent_tasks.push((*id, *measurement, tokio::spawn(respondent_loop(c, *measurement, n * 3, until))));
    }
    let c = Client::new(&served.base, &coord, tally.clone());
    let coordinator = tokio::spawn(coordinator_loop(c, ids.edition, ids.session, until));

    let mut sheets = Vec::new();
    for (id, task) in juror_tasks {
        sheets.push((id, task.await.expect("a juror's task")));
    }
    let mut answers = Vec::new();
    for (id, measurement, task) in respondent_tasks {
        answers.push((id, measurement, task.await.expect("a respondent's task")));
    }
    let session = coordinator.await.expect("the coordinator's task");

    let tally = tally.lock().await;
    println!("load: {} requests in {:?}: {:?}", tally.requests, duration(), tally.by_status);
    for (endpoint, (n, failed)) in &tally.by_endpoint {
        println!("load:   {endpoint}: {n} requests, {failed} 5xx");
    }
    assert_eq!(tally.five_xx(), 0, "server errors under concurrent use ({:?}); first: {:#?}", tally.by_status, tally.server_errors);

    // Every acknowledged write is in the database.
    let db = &w.state.db;
    let mut checked = 0;
    for (person, measurement, acked) in &answers {
        for (indicator, (version, level, comment)) in acked {
            let row: (i64, Option<i64>, String) = sqlx::query_as(
                "select a.version, a.level, a.comment from answers a join responses r on r.id = a.response_id \
                 where r.measurement_id = ? and r.person_id = ? and a.indicator_id = ?",
            )
            .bind(measurement)
            .bind(person)
            .bind(indicator)
            .fetch_one(db)
            .await
            .expect("the acknowledged answer");
            assert_eq!(row, (*version, Some(*level), comment.clone()), "person {person}, {indicator}");
            checked += 1;
        }
    }
    for (person, acked) in &sheets {
        for (finalist, (version, scores)) in acked {
            let stored: i64 = sqlx::query_scalar("select version from score_sheets where person_id = ? and finalist_id = ?")
                .bind(person)
                .bind(finalist)
                .fetch_one(db)
                .await
                .expect("the acknowledged sheet");
            let rows: Vec<(i64, i64)> = sqlx::query_as(
                "select s.criterion_id, s.score from scores s join score_sheets h on h.id = s.sheet_id \
                 where h.person_id = ? and h.finalist_id = ? order by s.criterion_id",
            )
            .bind(person)
            .bind(finalist)
            .fetch_all(db)
            .await
            .expect("scores");
            assert_eq!(stored, *version, "juror {person}, finalist {finalist}");
            assert_eq!(rows.into_iter().collect::<BTreeMap<_, _>>(), *scores, "juror {person}, finalist {finalist}");
            checked += 1;
        }
    }
    if let Some((version, place)) = &session {
        let row: (i64, String) = sqlx::query_as("select version, place from network_sessions where id = ?")
            .bind(ids.session)
            .fetch_one(db)
            .await
            .expect("the session");
        assert_eq!(row, (*version, place.clone()));
        checked += 1;
    }
    let jurors_saved = sheets.iter().filter(|(_, s)| !s.is_empty()).count();
    let respondents_saved = answers.iter().filter(|(_, _, a)| !a.is_empty()).count();
    println!("load: {checked} acknowledged rows read back; {jurors_saved} jurors and {respondents_saved} respondents saved");
    assert!(jurors_saved == jurors.len() && respondents_saved == respondents.len() && session.is_some(), "everyone got some writes through");
}

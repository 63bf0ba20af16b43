//! The nulmeting API through the router (`oneshot`): who may answer, see the
//! team and record consensus; stale writes (409), bad input (422), closed
//! measurements; the report's scope and benchmark; the coordinator's controls.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use rubric::people::{Role, SchoolFunction};
use serde_json::{json, Value};
use server::db::people::NewPerson;
use server::state::{AppState, Config};
use sqlx::SqlitePool;
use tower::ServiceExt;

async fn state() -> (AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config { dist_dir: dir.path().join("dist"), public_url: "http://test".into(), secure_cookies: false };
    let state = server::prepare(dir.path(), config).await.expect("database opens");
    (state, dir)
}

/// A signed-in person: their session cookie.
#[derive(Clone)]
struct Who(String);

async fn call(state: &AppState, who: &Who, method: Method, uri: &str, body: Option<Value>) -> (StatusCode, Value) {
    let builder = Request::builder().method(method).uri(uri).header(header::COOKIE, &who.0);
    let req = match body {
        Some(b) => builder.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())),
        None => builder.body(Body::empty()),
    }
    .expect("request");
    let res = server::app(state.clone()).oneshot(req).await.expect("response");
    let status = res.status();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

async fn get(state: &AppState, who: &Who, uri: &str) -> (StatusCode, Value) {
    call(state, who, Method::GET, uri, None).await
}

async fn put(state: &AppState, who: &Who, uri: &str, body: Value) -> (StatusCode, Value) {
    call(state, who, Method::PUT, uri, Some(body)).await
}

async fn post(state: &AppState, who: &Who, uri: &str, body: Value) -> (StatusCode, Value) {
    call(state, who, Method::POST, uri, Some(body)).await
}

async fn person(
    state: &AppState,
    name: &str,
    role: Role,
    school_id: Option<i64>,
    company_id: Option<i64>,
    function: Option<SchoolFunction>,
) -> Who {
    let p = NewPerson { name: name.into(), email: String::new(), role, school_id, company_id, school_function: function };
    let (_, token) = server::invite::create(&state.writer, &p, None).await.expect("invite");
    let req = Request::post("/api/auth/signin")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(json!({ "token": token }).to_string()))
        .expect("request");
    let res = server::app(state.clone()).oneshot(req).await.expect("response");
    assert_eq!(res.status(), StatusCode::OK, "sign-in of {name}");
    let cookie = res.headers().get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).expect("cookie");
    Who(cookie.split(';').next().unwrap_or_default().to_string())
}

async fn edition(db: &SqlitePool, deadline: &str) -> i64 {
    sqlx::query_scalar(
        "insert into editions (name, school_year, nulmeting_deadline, active, created_at) values ('Editie 2025-2026', '2025-2026', ?, 1, 0) returning id",
    )
    .bind(deadline)
    .fetch_one(db)
    .await
    .expect("edition")
}

async fn school(db: &SqlitePool, edition_id: i64, name: &str) -> i64 {
    sqlx::query_scalar("insert into schools (edition_id, name, town, created_at) values (?, ?, 'Gent', 0) returning id")
        .bind(edition_id)
        .bind(name)
        .fetch_one(db)
        .await
        .expect("school")
}

async fn company(db: &SqlitePool, edition_id: i64, name: &str) -> i64 {
    sqlx::query_scalar("insert into companies (edition_id, name, created_at) values (?, ?, 0) returning id")
        .bind(edition_id)
        .bind(name)
        .fetch_one(db)
        .await
        .expect("company")
}

async fn sponsor(db: &SqlitePool, school_id: i64, company_id: i64) {
    sqlx::query("update schools set company_id = ? where id = ?").bind(company_id).bind(school_id).execute(db).await.expect("sponsor");
}

const FIRST: &str = "curriculum.learning-lines";

fn indicator_ids() -> Vec<String> {
    rubric::current_rubric().indicators().map(|(_, i)| i.id.clone()).collect()
}

fn answer_uri(measurement: i64, indicator: &str) -> String {
    format!("/api/measurements/{measurement}/answers/{indicator}")
}

/// Open the person's sheet and return the measurement id.
async fn measurement_of(state: &AppState, who: &Who) -> i64 {
    let (status, body) = get(state, who, "/api/my/measurement").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["measurement"]["id"].as_i64().expect("a measurement")
}

/// Answer every indicator with `level` (the first one with `first`) and submit.
async fn answer_all(state: &AppState, who: &Who, m: i64, first: i64, level: i64) {
    for (i, id) in indicator_ids().iter().enumerate() {
        let l = if i == 0 { first } else { level };
        let (status, body) = put(state, who, &answer_uri(m, id), json!({"answer": l, "version": 0})).await;
        assert_eq!(status, StatusCode::OK, "{id}: {body}");
    }
    let (status, body) = post(state, who, &format!("/api/measurements/{m}/submit"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

struct World {
    state: AppState,
    _dir: tempfile::TempDir,
    school_a: i64,
    school_b: i64,
    coordinator: Who,
    teacher_a: Who,
    teacher_a2: Who,
    lead_a: Who,
    teacher_b: Who,
    company_a: Who,
    company_b: Who,
}

async fn world() -> World {
    let (state, dir) = state().await;
    let db = state.writer.pool();
    let e = edition(db, "2999-12-31").await;
    let school_a = school(db, e, "Sint-Jozefscollege").await;
    let school_b = school(db, e, "Atheneum Zottegem").await;
    let ca = company(db, e, "Chemco").await;
    let cb = company(db, e, "Metaalbouw").await;
    sponsor(db, school_a, ca).await;
    sponsor(db, school_b, cb).await;
    World {
        coordinator: person(&state, "Coördinator", Role::Coordinator, None, None, None).await,
        teacher_a: person(&state, "An", Role::SchoolMember, Some(school_a), None, Some(SchoolFunction::Teacher)).await,
        teacher_a2: person(&state, "Bart", Role::SchoolMember, Some(school_a), None, Some(SchoolFunction::Teacher)).await,
        lead_a: person(&state, "Chris", Role::SchoolMember, Some(school_a), None, Some(SchoolFunction::StemCoordinator)).await,
        teacher_b: person(&state, "Dirk", Role::SchoolMember, Some(school_b), None, Some(SchoolFunction::Teacher)).await,
        company_a: person(&state, "Eva", Role::CompanyMember, None, Some(ca), None).await,
        company_b: person(&state, "Fien", Role::CompanyMember, None, Some(cb), None).await,
        state,
        _dir: dir,
        school_a,
        school_b,
    }
}

#[tokio::test]
async fn the_baseline_opens_on_first_use_and_a_respondent_edits_only_their_own_answers() {
    let w = world().await;
    let s = &w.state;
    let (status, sheet) = get(s, &w.teacher_a, "/api/my/measurement").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(sheet["measurement"]["kind"], "baseline");
    assert_eq!(sheet["measurement"]["status"], "open");
    assert_eq!(sheet["measurement"]["school_id"], w.school_a);
    assert_eq!(sheet["answers"], json!([]));
    assert_eq!(sheet["may_see_team"], false);
    let m = sheet["measurement"]["id"].as_i64().expect("id");
    // The second respondent of the school gets the same measurement.
    assert_eq!(measurement_of(s, &w.teacher_a2).await, m);

    let (status, a) = put(s, &w.teacher_a, &answer_uri(m, FIRST), json!({"answer": 3, "comment": " lijnen ", "version": 0})).await;
    assert_eq!(status, StatusCode::OK, "{a}");
    assert_eq!((a["answer"].clone(), a["version"].clone(), a["comment"].clone()), (json!(3), json!(1), json!("lijnen")));
    let (status, a) = put(s, &w.teacher_a, &answer_uri(m, FIRST), json!({"answer": "na", "version": 1})).await;
    assert_eq!((status, a["answer"].clone(), a["version"].clone()), (StatusCode::OK, json!("na"), json!(2)));

    // Each respondent has their own answers.
    let (_, other) = get(s, &w.teacher_a2, "/api/my/measurement").await;
    assert_eq!(other["answers"], json!([]));
    let (status, a2) = put(s, &w.teacher_a2, &answer_uri(m, FIRST), json!({"answer": 1, "version": 0})).await;
    assert_eq!((status, a2["version"].clone()), (StatusCode::OK, json!(1)));
    let (_, mine) = get(s, &w.teacher_a, "/api/my/measurement").await;
    assert_eq!(mine["answers"][0]["answer"], "na");

    // Someone from another school, the coordinator and a company cannot write here.
    let (status, _) = put(s, &w.teacher_b, &answer_uri(m, FIRST), json!({"answer": 2, "version": 0})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = put(s, &w.coordinator, &answer_uri(m, FIRST), json!({"answer": 2, "version": 0})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = put(s, &w.company_a, &answer_uri(m, FIRST), json!({"answer": 2, "version": 0})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(s, &w.company_a, "/api/my/measurement").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // The other school's teacher has their own measurement.
    assert_ne!(measurement_of(s, &w.teacher_b).await, m);
}

#[tokio::test]
async fn a_stale_write_gets_409_with_the_current_answer() {
    let w = world().await;
    let s = &w.state;
    let m = measurement_of(s, &w.teacher_a).await;
    let uri = answer_uri(m, FIRST);
    assert_eq!(put(s, &w.teacher_a, &uri, json!({"answer": 2, "version": 0})).await.0, StatusCode::OK);
    assert_eq!(put(s, &w.teacher_a, &uri, json!({"answer": 4, "comment": "laptop", "version": 1})).await.0, StatusCode::OK);
    // A second tab still on version 1.
    let (status, body) = put(s, &w.teacher_a, &uri, json!({"answer": 1, "version": 1})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "stale");
    assert_eq!(body["current"]["answer"], 4);
    assert_eq!(body["current"]["comment"], "laptop");
    assert_eq!(body["current"]["version"], 2);
    // A "new" answer where one exists is stale too.
    let (status, body) = put(s, &w.teacher_a, &uri, json!({"answer": 1, "version": 0})).await;
    assert_eq!((status, body["current"]["version"].clone()), (StatusCode::CONFLICT, json!(2)));
    // A version that never existed, on an indicator without an answer: stale, current null.
    let (status, body) = put(s, &w.teacher_a, &answer_uri(m, "pedagogy.co-teaching"), json!({"answer": 1, "version": 3})).await;
    assert_eq!((status, body["current"].clone()), (StatusCode::CONFLICT, Value::Null));
    let (_, sheet) = get(s, &w.teacher_a, "/api/my/measurement").await;
    assert_eq!(sheet["answers"].as_array().map(Vec::len), Some(1), "nothing half-saved: {sheet}");
    assert_eq!(sheet["answers"][0]["answer"], 4);
}

#[tokio::test]
async fn bad_answers_get_422_at_the_field_and_nothing_is_saved() {
    let w = world().await;
    let s = &w.state;
    let m = measurement_of(s, &w.teacher_a).await;
    let cases = [
        ("curriculum.nope", json!({"answer": 2, "version": 0}), "indicator_id", "no indicator"),
        (FIRST, json!({"answer": 7, "version": 0}), "answer", "out of range"),
        (FIRST, json!({"answer": 0, "version": 0}), "answer", "out of range"),
        (FIRST, json!({"answer": 2.5, "version": 0}), "answer", "not an answer"),
        (FIRST, json!({"answer": "drie", "version": 0}), "answer", "not an answer"),
        (FIRST, json!({"answer": 2, "evidence_url": "intranet/stem", "version": 0}), "evidence_url", "http"),
        (FIRST, json!({"answer": 2, "comment": "x".repeat(2001), "version": 0}), "comment", "2001"),
    ];
    for (indicator, body, field, needle) in cases {
        let (status, err) = put(s, &w.teacher_a, &answer_uri(m, indicator), body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {err}");
        assert_eq!(err["code"], "validation");
        let f = err["fields"].as_array().and_then(|f| f.iter().find(|f| f["field"] == field)).cloned();
        let message = f.map(|f| f["message"].as_str().unwrap_or_default().to_string()).unwrap_or_default();
        assert!(message.contains(needle), "{body}: field {field} says {err}");
    }
    // Both a bad level and a bad link are reported at once.
    let (status, err) =
        put(s, &w.teacher_a, &answer_uri(m, FIRST), json!({"answer": 9, "evidence_url": "ftp://x", "version": 0})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(err["fields"].as_array().map(Vec::len), Some(2), "{err}");
    // A missing version is a malformed body.
    let (status, err) = put(s, &w.teacher_a, &answer_uri(m, FIRST), json!({"answer": 2})).await;
    assert_eq!((status, err["code"].clone()), (StatusCode::BAD_REQUEST, json!("bad_json")));
    let (_, sheet) = get(s, &w.teacher_a, "/api/my/measurement").await;
    assert_eq!(sheet["answers"], json!([]));
    let sheets: i64 = sqlx::query_scalar("select count(*) from responses").fetch_one(s.writer.pool()).await.expect("count");
    assert_eq!(sheets, 0, "no empty sheet left behind");
}

#[tokio::test]
async fn a_closed_measurement_refuses_answers_until_reopened() {
    let w = world().await;
    let s = &w.state;
    let m = measurement_of(s, &w.teacher_a).await;
    let uri = answer_uri(m, FIRST);
    assert_eq!(put(s, &w.teacher_a, &uri, json!({"answer": 2, "version": 0})).await.0, StatusCode::OK);
    // Only the coordinator closes.
    let close = format!("/api/schools/{}/measurements/baseline/close", w.school_a);
    assert_eq!(post(s, &w.lead_a, &close, json!({})).await.0, StatusCode::FORBIDDEN);
    let (status, info) = post(s, &w.coordinator, &close, json!({})).await;
    assert_eq!((status, info["status"].clone()), (StatusCode::OK, json!("closed")));
    let (status, err) = put(s, &w.teacher_a, &uri, json!({"answer": 3, "version": 1})).await;
    assert_eq!((status, err["code"].clone()), (StatusCode::CONFLICT, json!("measurement_closed")));
    assert!(err["message"].as_str().unwrap_or_default().contains("closed"));
    let (status, _) = post(s, &w.teacher_a, &format!("/api/measurements/{m}/submit"), json!({})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, sheet) = get(s, &w.teacher_a, "/api/my/measurement").await;
    assert_eq!((sheet["answers"][0]["answer"].clone(), sheet["measurement"]["status"].clone()), (json!(2), json!("closed")));
    // Closed: the team may now be seen by everyone who took part.
    assert_eq!(sheet["may_see_team"], true);
    let open = format!("/api/schools/{}/measurements/baseline/open", w.school_a);
    assert_eq!(post(s, &w.coordinator, &open, json!({})).await.0, StatusCode::OK);
    assert_eq!(put(s, &w.teacher_a, &uri, json!({"answer": 3, "version": 1})).await.0, StatusCode::OK);
}

#[tokio::test]
async fn submitting_needs_every_indicator_and_unlocks_the_team() {
    let w = world().await;
    let s = &w.state;
    let m = measurement_of(s, &w.teacher_a).await;
    assert_eq!(put(s, &w.teacher_a, &answer_uri(m, FIRST), json!({"answer": 2, "version": 0})).await.0, StatusCode::OK);
    let (status, err) = post(s, &w.teacher_a, &format!("/api/measurements/{m}/submit"), json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let missing = indicator_ids().len() - 1;
    assert!(err["fields"][0]["message"].as_str().unwrap_or_default().starts_with(&format!("{missing} of")), "{err}");
    // Before submitting, a teacher cannot see the team.
    assert_eq!(get(s, &w.teacher_a, &format!("/api/schools/{}/team", w.school_a)).await.0, StatusCode::FORBIDDEN);
    let m2 = measurement_of(s, &w.teacher_a2).await;
    answer_all(s, &w.teacher_a2, m2, 1, 3).await;
    let (status, team) = get(s, &w.teacher_a2, &format!("/api/schools/{}/team", w.school_a)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((team["answers_visible"].clone(), team["can_decide"].clone()), (json!(true), json!(false)));
    let mine = team["answers"].as_array().map(|a| a.iter().filter(|x| x["indicator_id"] == FIRST).count());
    assert_eq!(mine, Some(1), "the submitted answer on the first indicator is visible, the other's draft is not");
    // Still not for the one who did not submit.
    assert_eq!(get(s, &w.teacher_a, &format!("/api/schools/{}/team", w.school_a)).await.0, StatusCode::FORBIDDEN);
    let (_, sheet) = get(s, &w.teacher_a2, "/api/my/measurement").await;
    assert!(sheet["submitted_at"].as_i64().is_some());
    assert_eq!(sheet["may_see_team"], true);
    // A submitted sheet is frozen (reopening it: see `integrity`).
    let (status, err) = put(s, &w.teacher_a2, &answer_uri(m2, FIRST), json!({"answer": 2, "version": 1})).await;
    assert_eq!((status, err["code"].clone()), (StatusCode::CONFLICT, json!("sheet_submitted")));
}

#[tokio::test]
async fn the_team_view_is_for_the_schools_lead_and_the_coordinator() {
    let w = world().await;
    let s = &w.state;
    let team_a = format!("/api/schools/{}/team", w.school_a);
    let m = measurement_of(s, &w.teacher_a).await;
    answer_all(s, &w.teacher_a, m, 1, 3).await;
    let m2 = measurement_of(s, &w.teacher_a2).await;
    answer_all(s, &w.teacher_a2, m2, 4, 3).await;

    // The STEM coordinator who has not submitted sees who responded, not what.
    let (status, team) = get(s, &w.lead_a, &team_a).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(team["answers_visible"], false);
    assert_eq!(team["answers"], json!([]));
    let members = team["members"].as_array().cloned().unwrap_or_default();
    assert_eq!(members.len(), 3, "{team}");
    let an = members.iter().find(|p| p["name"] == "An").cloned().unwrap_or_default();
    assert_eq!(an["answered"].as_u64(), Some(indicator_ids().len() as u64));
    assert!(an["submitted_at"].as_i64().is_some());
    let consensus = format!("/api/measurements/{m}/consensus/{FIRST}");
    let (status, err) = put(s, &w.lead_a, &consensus, json!({"level": 2, "rationale": "", "version": 0})).await;
    assert_eq!((status, err["code"].clone()), (StatusCode::CONFLICT, json!("submit_first")));

    // Other roles: company, other school, teacher who submitted (read only).
    assert_eq!(get(s, &w.company_a, &team_a).await.0, StatusCode::FORBIDDEN);
    assert_eq!(get(s, &w.company_b, &team_a).await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(s, &w.teacher_b, &team_a).await.0, StatusCode::NOT_FOUND);
    assert_eq!(put(s, &w.teacher_a, &consensus, json!({"level": 2, "version": 0})).await.0, StatusCode::FORBIDDEN);
    assert_eq!(put(s, &w.teacher_b, &consensus, json!({"level": 2, "version": 0})).await.0, StatusCode::NOT_FOUND);
    assert_eq!(put(s, &w.company_a, &consensus, json!({"level": 2, "version": 0})).await.0, StatusCode::FORBIDDEN);

    // The coordinator sees everything and decides.
    let (status, team) = get(s, &w.coordinator, &team_a).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((team["answers_visible"].clone(), team["can_decide"].clone()), (json!(true), json!(true)));
    let (status, c) = put(s, &w.coordinator, &consensus, json!({"level": 2, "rationale": " besproken ", "version": 0})).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!((c["level"].clone(), c["rationale"].clone(), c["version"].clone()), (json!(2), json!("besproken"), json!(1)));
    assert_eq!(c["decided_by"], "Coördinator");

    // Once the lead submits, they decide too; a stale decision is refused.
    let m3 = measurement_of(s, &w.lead_a).await;
    answer_all(s, &w.lead_a, m3, 2, 3).await;
    let (status, team) = get(s, &w.lead_a, &team_a).await;
    assert_eq!((status, team["can_decide"].clone()), (StatusCode::OK, json!(true)));
    let (status, err) = put(s, &w.lead_a, &consensus, json!({"level": 3, "version": 0})).await;
    assert_eq!((status, err["current"]["level"].clone()), (StatusCode::CONFLICT, json!(2)));
    let (status, c) = put(s, &w.lead_a, &consensus, json!({"level": "na", "version": 1})).await;
    assert_eq!((status, c["level"].clone(), c["decided_by"].clone()), (StatusCode::OK, Value::Null, json!("Chris")));

    // Bad consensus input.
    for (body, field) in [
        (json!({"level": 5, "version": 2}), "level"),
        (json!({"level": null, "version": 2}), "level"),
        (json!({"level": 2, "rationale": "x".repeat(1001), "version": 2}), "rationale"),
    ] {
        let (status, err) = put(s, &w.lead_a, &consensus, body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(err["fields"][0]["field"], field, "{err}");
    }
    let (status, err) = put(s, &w.lead_a, &format!("/api/measurements/{m}/consensus/x.y"), json!({"level": 2, "version": 0})).await;
    assert_eq!((status, err["fields"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("indicator_id")));

    // Accepting the agreed proposals fills every indicator without a decision
    // where the team agrees, and leaves the discussion point alone.
    let (status, body) = post(s, &w.lead_a, &format!("/api/measurements/{m}/consensus/accept-proposals"), json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["recorded"].as_u64(), Some(indicator_ids().len() as u64 - 1));
    let first = body["consensus"].as_array().and_then(|c| c.iter().find(|c| c["indicator_id"] == FIRST)).cloned();
    assert_eq!(first.map(|c| c["level"].clone()), Some(Value::Null), "the recorded decision stays");
}

async fn decide_all(s: &AppState, who: &Who, m: i64, level: i64) {
    for id in indicator_ids() {
        let (status, body) =
            put(s, who, &format!("/api/measurements/{m}/consensus/{id}"), json!({"level": level, "version": 0})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
}

#[tokio::test]
async fn the_report_is_for_the_school_the_coordinator_and_the_matched_company_only() {
    let w = world().await;
    let s = &w.state;
    let m = measurement_of(s, &w.teacher_a).await;
    answer_all(s, &w.teacher_a, m, 1, 3).await;
    let m2 = measurement_of(s, &w.teacher_a2).await;
    answer_all(s, &w.teacher_a2, m2, 4, 3).await;
    decide_all(s, &w.coordinator, m, 3).await;

    let report_a = format!("/api/schools/{}/report", w.school_a);
    let report_b = format!("/api/schools/{}/report", w.school_b);
    let (status, r) = get(s, &w.company_a, &report_a).await;
    assert_eq!(status, StatusCode::OK, "{r}");
    assert_eq!(r["school_name"], "Sint-Jozefscollege");
    assert_eq!(r["company_name"], "Chemco");
    let consensus = r["baseline"]["consensus"].as_array().cloned().unwrap_or_default();
    assert_eq!(consensus.len(), indicator_ids().len());
    assert!(consensus.iter().all(|c| c["level"] == 3), "{r}");
    assert_eq!(consensus[0]["indicator_id"], FIRST, "in rubric order");
    assert_eq!(r["baseline"]["respondents"], 2);
    assert_eq!(r["baseline"]["discussion_points"][0]["indicator_id"], FIRST);
    assert!(!r.to_string().contains("\"An\""), "no respondent names in the report");
    // The other company, the other school: nothing.
    let (status, body) = get(s, &w.company_b, &report_a).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(body.get("baseline").is_none());
    assert_eq!(get(s, &w.teacher_b, &report_a).await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(s, &w.company_a, &report_b).await.0, StatusCode::NOT_FOUND);
    // The school's own members (also without submitting) and the coordinator.
    assert_eq!(get(s, &w.lead_a, &report_a).await.0, StatusCode::OK);
    assert_eq!(get(s, &w.coordinator, &report_a).await.0, StatusCode::OK);
    let (status, r) = get(s, &w.teacher_b, &report_b).await;
    assert_eq!((status, r["baseline"].clone()), (StatusCode::OK, Value::Null), "not started yet");
    // The lead has not submitted and the measurement is open: no team statistics.
    let (_, r) = get(s, &w.lead_a, &report_a).await;
    assert_eq!(r["baseline"]["discussion_points"], json!([]));
    assert_eq!(get(s, &w.lead_a, "/api/schools/999/report").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_benchmark_shows_from_five_schools_and_names_none() {
    let w = world().await;
    let s = &w.state;
    let edition: i64 = sqlx::query_scalar("select id from editions where active = 1").fetch_one(s.writer.pool()).await.expect("edition");
    let mut schools = vec![w.school_a, w.school_b];
    for name in ["Campus Drie", "Campus Vier", "Campus Vijf"] {
        schools.push(school(s.writer.pool(), edition, name).await);
    }
    let report_a = format!("/api/schools/{}/report", w.school_a);
    for (i, school_id) in schools.iter().enumerate() {
        let open = format!("/api/schools/{school_id}/measurements/baseline/open");
        let (status, info) = post(s, &w.coordinator, &open, json!({})).await;
        assert_eq!(status, StatusCode::OK);
        let m = info["id"].as_i64().expect("id");
        decide_all(s, &w.coordinator, m, if i % 2 == 0 { 2 } else { 4 }).await;
        let (_, r) = get(s, &w.company_a, &report_a).await;
        assert_eq!(r["benchmark_schools"].as_u64(), Some(i as u64 + 1));
        assert_eq!(r["benchmark"].as_array().map(Vec::len), Some(7));
        if i + 1 < rubric::assessment::BENCHMARK_MIN_SCHOOLS {
            assert_eq!(r["benchmark"], json!([null, null, null, null, null, null, null]), "{r}");
        } else {
            assert_eq!(r["benchmark"][0], 2.0, "2, 4, 2, 4, 2: {r}");
        }
        let text = r["benchmark"].to_string();
        assert!(!text.contains("Campus") && !text.contains("Atheneum"), "{text}");
    }
}

#[tokio::test]
async fn the_eindmeting_opens_for_the_coordinator_and_the_report_shows_growth() {
    let w = world().await;
    let s = &w.state;
    let m = measurement_of(s, &w.teacher_a).await;
    answer_all(s, &w.teacher_a, m, 2, 2).await;
    decide_all(s, &w.coordinator, m, 2).await;
    let open_final = format!("/api/schools/{}/measurements/final/open", w.school_a);
    assert_eq!(post(s, &w.lead_a, &open_final, json!({})).await.0, StatusCode::FORBIDDEN);
    let (status, info) = post(s, &w.coordinator, &open_final, json!({})).await;
    assert_eq!((status, info["kind"].clone(), info["status"].clone()), (StatusCode::OK, json!("final"), json!("open")));
    let f = info["id"].as_i64().expect("id");
    // The respondent's sheet is now the eindmeting, the baseline still readable.
    let (_, sheet) = get(s, &w.teacher_a, "/api/my/measurement").await;
    assert_eq!(sheet["measurement"]["id"].as_i64(), Some(f));
    assert_eq!(sheet["kinds"], json!(["baseline", "final"]));
    assert_eq!(sheet["answers"], json!([]));
    let (_, old) = get(s, &w.teacher_a, "/api/my/measurement?kind=baseline").await;
    assert_eq!(old["measurement"]["id"].as_i64(), Some(m));
    assert_eq!(get(s, &w.teacher_a, "/api/my/measurement?kind=middle").await.0, StatusCode::BAD_REQUEST);
    answer_all(s, &w.teacher_a, f, 3, 3).await;
    decide_all(s, &w.coordinator, f, 3).await;
    let (_, r) = get(s, &w.company_a, &format!("/api/schools/{}/report", w.school_a)).await;
    assert_eq!(r["final"]["measurement"]["kind"], "final");
    // The report carries both consensus sets; growth is the rubric's own computation.
    let report: rubric::assessment::api::SchoolReport = serde_json::from_value(r).expect("a report");
    let rubric = rubric::current_rubric();
    let profile = |m: &Option<rubric::assessment::api::MeasurementReport>| {
        rubric::assessment::SchoolProfile::from_consensus(rubric, &m.as_ref().expect("measurement").consensus)
    };
    let g = rubric::assessment::growth(&profile(&report.baseline), &profile(&report.final_measurement));
    assert_eq!(g.overall, Some(1.0));
    assert_eq!(g.aspect_delta(rubric::AspectId::Curriculum), Some(1.0));
    assert_eq!(g.indicator_delta(FIRST), Some(1));
}

#[tokio::test]
async fn the_overview_counts_respondents_and_consensus_for_the_coordinator_only() {
    let w = world().await;
    let s = &w.state;
    let m = measurement_of(s, &w.teacher_a).await;
    answer_all(s, &w.teacher_a, m, 2, 2).await;
    let m2 = measurement_of(s, &w.teacher_a2).await;
    assert_eq!(put(s, &w.teacher_a2, &answer_uri(m2, FIRST), json!({"answer": 2, "version": 0})).await.0, StatusCode::OK);
    let (status, _) =
        put(s, &w.coordinator, &format!("/api/measurements/{m}/consensus/{FIRST}"), json!({"level": 2, "version": 0})).await;
    assert_eq!(status, StatusCode::OK);
    for who in [&w.lead_a, &w.company_a, &w.teacher_b] {
        assert_eq!(get(s, who, "/api/measurements").await.0, StatusCode::FORBIDDEN);
    }
    let (status, o) = get(s, &w.coordinator, "/api/measurements").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(o["edition"]["nulmeting_open"], true);
    let schools = o["schools"].as_array().cloned().unwrap_or_default();
    assert_eq!(schools.len(), 2);
    let a = schools.iter().find(|x| x["school_id"] == w.school_a).cloned().unwrap_or_default();
    assert_eq!(a["members"], 3);
    assert_eq!(a["baseline"]["respondents"], 2);
    assert_eq!(a["baseline"]["submitted"], 1);
    assert_eq!(a["baseline"]["decided"], 1);
    let n = indicator_ids().len() as f64;
    let completion = a["baseline"]["completion"].as_f64().unwrap_or_default();
    assert!((completion - (1.0 + 1.0 / n) / 2.0).abs() < 1e-9, "{completion}");
    assert_eq!(a["final"], Value::Null);
    let b = schools.iter().find(|x| x["school_id"] == w.school_b).cloned().unwrap_or_default();
    assert_eq!(b["baseline"], Value::Null, "not opened until first use");

    // Open the eindmeting for every school at once, then close it again.
    assert_eq!(post(s, &w.lead_a, "/api/measurements/bulk", json!({"kind": "final", "status": "open"})).await.0, StatusCode::FORBIDDEN);
    let (status, r) = post(s, &w.coordinator, "/api/measurements/bulk", json!({"kind": "final", "status": "open"})).await;
    assert_eq!((status, r["changed"].clone()), (StatusCode::OK, json!(2)));
    let (_, o) = get(s, &w.coordinator, "/api/measurements").await;
    assert!(o["schools"].as_array().is_some_and(|v| v.iter().all(|x| x["final"]["status"] == "open")), "{o}");
    let (_, r) = post(s, &w.coordinator, "/api/measurements/bulk", json!({"kind": "final", "status": "closed"})).await;
    assert_eq!(r["changed"], 2);
    let (status, _) = post(s, &w.coordinator, "/api/measurements/bulk", json!({"kind": "middle", "status": "open"})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn after_the_deadline_the_baseline_waits_for_the_coordinator() {
    let (state, _dir) = state().await;
    let s = &state;
    let e = edition(s.writer.pool(), "2020-01-31").await;
    let school_id = school(s.writer.pool(), e, "Sint-Lucas").await;
    let teacher = person(s, "Gert", Role::SchoolMember, Some(school_id), None, None).await;
    let coordinator = person(s, "Coördinator", Role::Coordinator, None, None, None).await;
    let (status, sheet) = get(s, &teacher, "/api/my/measurement").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((sheet["measurement"].clone(), sheet["unavailable"].clone()), (Value::Null, json!("deadline-passed")));
    let (_, o) = get(s, &coordinator, "/api/measurements").await;
    assert_eq!(o["edition"]["nulmeting_open"], false);
    let open = format!("/api/schools/{school_id}/measurements/baseline/open");
    assert_eq!(post(s, &coordinator, &open, json!({})).await.0, StatusCode::OK);
    let (_, sheet) = get(s, &teacher, "/api/my/measurement").await;
    assert_eq!(sheet["measurement"]["status"], "open");
    // No active edition at all.
    sqlx::query("update editions set active = 0").execute(s.writer.pool()).await.expect("deactivate");
    let other = school(s.writer.pool(), e, "Sint-Rita").await;
    let teacher2 = person(s, "Hanne", Role::SchoolMember, Some(other), None, None).await;
    let (_, sheet) = get(s, &teacher2, "/api/my/measurement").await;
    assert_eq!(sheet["unavailable"], "no-active-edition");
}

#[tokio::test]
async fn a_school_added_after_the_deadline_starts_open_with_its_own_deadline() {
    let (state, _dir) = state().await;
    let s = &state;
    let e = edition(s.writer.pool(), "2020-01-31").await;
    let late = school(s.writer.pool(), e, "Laatkomer").await;
    sqlx::query("update schools set created_at = ? where id = ?").bind(server::db::now()).bind(late).execute(s.writer.pool()).await.expect("added today");
    let teacher = person(s, "Lien", Role::SchoolMember, Some(late), None, None).await;
    let (status, sheet) = get(s, &teacher, "/api/my/measurement").await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    assert_eq!(sheet["measurement"]["status"], "open", "{sheet}");
    // Its deadline is four weeks from the day it was added, not the edition's past one.
    let today = rubric::Date::from_unix_seconds(server::db::now()).expect("today");
    let own = rubric::Date::from_days(today.to_days() + rubric::programme::LATE_SCHOOL_NULMETING_DAYS).expect("date");
    assert_eq!(sheet["measurement"]["deadline"], json!(own.to_string()));
    // The coordinator's dashboard does not call it late against the edition's past deadline.
    let coordinator = person(s, "Coördinator", Role::Coordinator, None, None, None).await;
    let (status, dashboard) = get(s, &coordinator, &format!("/api/editions/{e}/dashboard")).await;
    assert_eq!(status, StatusCode::OK, "{dashboard}");
    let d: rubric::programme::Dashboard = serde_json::from_value(dashboard).expect("a dashboard");
    let row = d.schools.iter().find(|r| r.school_id == late).expect("the late school");
    assert_eq!(row.added_on, Some(today));
    assert!(!row.nulmeting_overdue(&d.edition, d.today), "not overdue before its own deadline");
    assert_eq!(d.timeline[0].schools_behind, 0, "{:?}", d.timeline[0]);
}

#[tokio::test]
async fn the_demo_fills_in_a_complete_nulmeting_for_every_school() {
    let (state, _dir) = state().await;
    let s = &state;
    let e = edition(s.writer.pool(), "2999-12-31").await;
    let mut schools = Vec::new();
    for name in ["Campus Een", "Campus Twee", "Campus Drie", "Campus Vier", "Campus Vijf"] {
        schools.push(school(s.writer.pool(), e, name).await);
    }
    let coordinator = person(s, "Coördinator", Role::Coordinator, None, None, None).await;
    let summary = server::db::nulmeting_demo::seed(&s.writer, e).await.expect("seed");
    let n = indicator_ids().len() as u32;
    assert_eq!(summary.schools, 5);
    assert!(summary.respondents >= 15, "{summary:?}");
    assert_eq!(summary.consensus, 5 * n);
    assert_eq!(summary.answers, summary.respondents * n);
    // Seeding again changes nothing.
    assert_eq!(server::db::nulmeting_demo::seed(&s.writer, e).await.expect("seed").schools, 0);
    let (_, o) = get(s, &coordinator, "/api/measurements").await;
    for x in o["schools"].as_array().cloned().unwrap_or_default() {
        assert_eq!(x["baseline"]["status"], "closed", "{x}");
        assert_eq!(x["baseline"]["decided"].as_u64(), Some(u64::from(n)));
        assert_eq!(x["baseline"]["submitted"], x["baseline"]["respondents"]);
        assert!((x["baseline"]["completion"].as_f64().unwrap_or_default() - 1.0).abs() < 1e-9);
    }
    let (_, r) = get(s, &coordinator, &format!("/api/schools/{}/report", schools[0])).await;
    assert!(r["benchmark"].as_array().is_some_and(|b| b.iter().all(|m| m.is_number())), "shown from five schools: {r}");
    let (_, team) = get(s, &coordinator, &format!("/api/schools/{}/team", schools[0])).await;
    assert!(team["members"].as_array().is_some_and(|m| m.iter().any(|p| p["function"] == "stem-coordinator")));
}

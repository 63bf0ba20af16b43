//! Action plan API: who may read, edit, comment and submit (two schools,
//! two companies, a coordinator and a juror), stale writes (409 with the
//! current row), bad input (422 at the field), submitting freezes a
//! version, deleting and dropping can be undone, and the comment counts.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use rubric::people::{Role, SchoolFunction};
use serde_json::{json, Value};
use server::db::people::NewPerson;
use server::state::{AppState, Config};
use tower::ServiceExt;

struct World {
    state: AppState,
    _dir: tempfile::TempDir,
    school_a: i64,
    school_b: i64,
    school_a_member: String,
    school_b_member: String,
    company_a_member: String,
    company_b_member: String,
    coordinator: String,
    juror: String,
}

async fn person(state: &AppState, role: Role, school_id: Option<i64>, company_id: Option<i64>, name: &str) -> String {
    let p = NewPerson {
        name: name.into(),
        email: String::new(),
        role,
        school_id,
        company_id,
        school_function: school_id.map(|_| SchoolFunction::StemCoordinator),
    };
    let id = server::db::people::create_person(state.writer.pool(), &p).await.expect("person");
    let token = server::db::sessions::create(state.writer.pool(), id).await.expect("session");
    format!("stempact_session={token}")
}

async fn world() -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config { dist_dir: dir.path().join("dist"), public_url: "http://test".into(), secure_cookies: false };
    let state = server::prepare(dir.path(), config).await.expect("database opens");
    let db = state.writer.pool();
    let edition: i64 = sqlx::query_scalar(
        "insert into editions (name, school_year, cofinancing_threshold_pct, active, created_at) values ('STEMpact 2025-2026', '2025-2026', 10, 1, 0) returning id",
    )
    .fetch_one(db)
    .await
    .unwrap();
    let company = |name: &'static str| {
        sqlx::query_scalar::<_, i64>("insert into companies (edition_id, name, created_at) values (?, ?, 0) returning id")
            .bind(edition)
            .bind(name)
            .fetch_one(db)
    };
    let company_a = company("Chemie Noord").await.unwrap();
    let company_b = company("Staal Zuid").await.unwrap();
    let school = |name: &'static str, company: i64| {
        sqlx::query_scalar::<_, i64>(
            "insert into schools (edition_id, name, town, company_id, created_at) values (?, ?, 'Gent', ?, 0) returning id",
        )
        .bind(edition)
        .bind(name)
        .bind(company)
        .fetch_one(db)
    };
    let school_a = school("Atheneum A", company_a).await.unwrap();
    let school_b = school("College B", company_b).await.unwrap();
    // School A has a nulmeting consensus: learning lines at 1, co-teaching at 2.
    // The nulmeting is closed, so every member sees the team's result.
    let m: i64 = sqlx::query_scalar(
        "insert into measurements (edition_id, school_id, kind, rubric_version, status, opened_at, closed_at) \
         values (?, ?, 'baseline', 1, 'closed', 0, 0) returning id",
    )
    .bind(edition)
    .bind(school_a)
    .fetch_one(db)
    .await
    .unwrap();
    for (indicator, level) in [("curriculum.learning-lines", 1), ("pedagogy.co-teaching", 2), ("evaluation.feedback", 3)] {
        sqlx::query("insert into consensus (measurement_id, indicator_id, level, decided_at) values (?, ?, ?, 0)")
            .bind(m)
            .bind(indicator)
            .bind(level)
            .execute(db)
            .await
            .unwrap();
    }
    World {
        school_a_member: person(&state, Role::SchoolMember, Some(school_a), None, "An School-A").await,
        school_b_member: person(&state, Role::SchoolMember, Some(school_b), None, "Bart School-B").await,
        company_a_member: person(&state, Role::CompanyMember, None, Some(company_a), "Carla Company-A").await,
        company_b_member: person(&state, Role::CompanyMember, None, Some(company_b), "Dirk Company-B").await,
        coordinator: person(&state, Role::Coordinator, None, None, "Els Coordinator").await,
        juror: person(&state, Role::Juror, None, None, "Frank Juror").await,
        state,
        _dir: dir,
        school_a,
        school_b,
    }
}

impl World {
    async fn call(&self, method: Method, uri: &str, cookie: Option<&str>, body: Option<Value>) -> (StatusCode, Value) {
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        let req = match body {
            Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())),
            None => req.body(Body::empty()),
        }
        .unwrap();
        let res = server::app(self.state.clone()).oneshot(req).await.expect("response");
        let status = res.status();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    }

    async fn get(&self, uri: &str, cookie: &str) -> (StatusCode, Value) {
        self.call(Method::GET, uri, Some(cookie), None).await
    }

    async fn post(&self, uri: &str, cookie: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, uri, Some(cookie), Some(body)).await
    }

    async fn put(&self, uri: &str, cookie: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::PUT, uri, Some(cookie), Some(body)).await
    }

    fn plan(&self, school: i64) -> String {
        format!("/api/schools/{school}/plan")
    }

    /// School A makes a goal on learning lines with one action; returns
    /// (goal id, action id).
    async fn goal_with_action(&self) -> (i64, i64) {
        let (status, goal) = self.post(&format!("{}/goals", self.plan(self.school_a)), &self.school_a_member, goal_body("Leerlijnen uitbouwen")).await;
        assert_eq!(status, StatusCode::CREATED, "{goal}");
        let goal_id = goal["goal"]["id"].as_i64().unwrap();
        let (status, action) = self
            .post(&format!("{}/goals/{goal_id}/actions", self.plan(self.school_a)), &self.school_a_member, action_body("Leerlijn graad 1 schrijven"))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{action}");
        (goal_id, action["action"]["id"].as_i64().unwrap())
    }
}

fn goal_body(title: &str) -> Value {
    json!({"goal": {"title": title, "description": "", "indicator_targets": [
        {"indicator_id": "curriculum.learning-lines", "current_level": 1, "target_level": 3}
    ]}})
}

fn action_body(description: &str) -> Value {
    json!({"action": {
        "description": description, "owner": "An", "start": "2026-01-05", "deadline": "2026-03-27",
        "budget_cents": 200000,
        "company_contribution": {"kind": "in-kind", "value_cents": 50000, "description": "Twee ingenieurs, één dag"},
        "success_criterion": "Leerlijn goedgekeurd door de vakgroep", "status": "planned", "evidence_url": ""
    }})
}

#[tokio::test]
async fn reading_a_plan_is_for_the_school_its_sponsor_and_the_coordinator() {
    let w = world().await;
    let (goal_id, _) = w.goal_with_action().await;
    let a = w.plan(w.school_a);
    for (who, expected) in [
        (&w.school_a_member, StatusCode::OK),
        (&w.company_a_member, StatusCode::OK),
        (&w.coordinator, StatusCode::OK),
        (&w.school_b_member, StatusCode::FORBIDDEN),
        (&w.company_b_member, StatusCode::FORBIDDEN),
        (&w.juror, StatusCode::FORBIDDEN),
    ] {
        let (status, body) = w.get(&a, who).await;
        assert_eq!(status, expected, "GET plan as {who}: {body}");
        if status == StatusCode::OK {
            assert_eq!(body["plan"]["goals"][0]["id"], goal_id);
        } else {
            assert!(body.get("plan").is_none(), "no data in a refusal: {body}");
        }
        assert_eq!(w.get(&format!("{a}/summary"), who).await.0, expected, "summary as {who}");
        assert_eq!(w.get(&format!("{a}/versions/1"), who).await.0, if expected == StatusCode::OK { StatusCode::NOT_FOUND } else { expected });
        assert_eq!(w.post(&format!("{a}/read"), who, json!({})).await.0, expected, "read as {who}");
    }
    assert_eq!(w.call(Method::GET, &a, None, None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(w.get("/api/schools/9999/plan", &w.coordinator).await.0, StatusCode::NOT_FOUND);
    // What each may do, as the page is told.
    let access = |body: &Value| (body["access"]["edit"].as_bool(), body["access"]["start_threads"].as_bool());
    assert_eq!(access(&w.get(&a, &w.school_a_member).await.1), (Some(true), Some(false)));
    assert_eq!(access(&w.get(&a, &w.company_a_member).await.1), (Some(false), Some(true)));
    assert_eq!(access(&w.get(&a, &w.coordinator).await.1), (Some(false), Some(true)));
    // School B's own (empty) plan is theirs to read.
    let (status, body) = w.get(&w.plan(w.school_b), &w.school_b_member).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["plan"]["goals"], json!([]));
    assert_eq!(body["profile"], Value::Null);
}

#[tokio::test]
async fn only_the_school_itself_edits_and_submits() {
    let w = world().await;
    let (goal_id, action_id) = w.goal_with_action().await;
    let a = w.plan(w.school_a);
    let others = [&w.company_a_member, &w.coordinator, &w.school_b_member, &w.company_b_member, &w.juror];
    for who in others {
        let checks: Vec<(Method, String, Option<Value>)> = vec![
            (Method::POST, format!("{a}/goals"), Some(goal_body("Niet van jou"))),
            (Method::PUT, format!("{a}/goals/{goal_id}"), Some(json!({"version": 1, "goal": {"title": "x"}}))),
            (Method::DELETE, format!("{a}/goals/{goal_id}"), None),
            (Method::POST, format!("{a}/goals/{goal_id}/restore"), Some(json!({}))),
            (Method::POST, format!("{a}/goals/{goal_id}/move"), Some(json!({"direction": "up"}))),
            (Method::POST, format!("{a}/goals/{goal_id}/actions"), Some(action_body("Niet van jou"))),
            (Method::PUT, format!("{a}/actions/{action_id}"), Some(json!({"version": 1, "action": {"description": "x"}}))),
            (Method::POST, format!("{a}/actions/{action_id}/status"), Some(json!({"version": 1, "status": "dropped"}))),
            (Method::POST, format!("{a}/actions/{action_id}/move"), Some(json!({"direction": "down"}))),
            (Method::POST, format!("{a}/submit"), Some(json!({}))),
        ];
        for (method, uri, body) in checks {
            let (status, reply) = w.call(method.clone(), &uri, Some(who), body).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri} as {who}: {reply}");
        }
    }
    // Nothing changed through those refusals.
    let (_, page) = w.get(&a, &w.school_a_member).await;
    assert_eq!(page["plan"]["goals"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["plan"]["actions"][0]["status"], "planned");
    assert_eq!(page["history"], json!([]));
    // School B cannot reach school A's goal through its own plan either.
    let b = w.plan(w.school_b);
    let (status, _) = w.post(&format!("{b}/goals"), &w.school_b_member, goal_body("Eigen doel")).await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, _) = w.put(&format!("{b}/goals/{goal_id}"), &w.school_b_member, json!({"version": 1, "goal": {"title": "x"}})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = w.post(&format!("{b}/goals/{goal_id}/actions"), &w.school_b_member, action_body("x")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = w.put(&format!("{b}/actions/{action_id}"), &w.school_b_member, action_body("x")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(w.call(Method::DELETE, &format!("{b}/goals/{goal_id}"), Some(&w.school_b_member), None).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn comments_are_for_the_matched_company_the_coordinator_and_the_school() {
    let w = world().await;
    let (goal_id, action_id) = w.goal_with_action().await;
    let a = w.plan(w.school_a);
    let threads = format!("{a}/threads");
    // Starting a thread: the matched company and the coordinator only.
    for who in [&w.school_a_member, &w.school_b_member, &w.company_b_member, &w.juror] {
        let (status, _) = w.post(&threads, who, json!({"target": {"kind": "goal", "id": goal_id}, "body": "Vraag"})).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "start thread as {who}");
    }
    let (status, t1) = w.post(&threads, &w.company_a_member, json!({"target": {"kind": "goal", "id": goal_id}, "body": "Kunnen we een stage aanbieden?"})).await;
    assert_eq!(status, StatusCode::CREATED, "{t1}");
    let t1 = t1["thread_id"].as_i64().unwrap();
    let (status, t2) = w.post(&threads, &w.coordinator, json!({"target": {"kind": "action", "id": action_id}, "body": "Is de deadline haalbaar?"})).await;
    assert_eq!(status, StatusCode::CREATED);
    let t2 = t2["thread_id"].as_i64().unwrap();
    // A thread on something not in this plan: 404.
    let (status, _) = w.post(&threads, &w.coordinator, json!({"target": {"kind": "action", "id": 9999}, "body": "?"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Replies, resolve, reopen: every participant, nobody else.
    for who in [&w.school_b_member, &w.company_b_member, &w.juror] {
        assert_eq!(w.post(&format!("{threads}/{t1}/comments"), who, json!({"body": "Ik ook"})).await.0, StatusCode::FORBIDDEN);
        assert_eq!(w.post(&format!("{threads}/{t1}/resolve"), who, json!({})).await.0, StatusCode::FORBIDDEN);
        assert_eq!(w.post(&format!("{threads}/{t1}/reopen"), who, json!({})).await.0, StatusCode::FORBIDDEN);
    }
    for who in [&w.school_a_member, &w.company_a_member, &w.coordinator] {
        assert_eq!(w.post(&format!("{threads}/{t1}/comments"), who, json!({"body": "Antwoord"})).await.0, StatusCode::CREATED);
    }
    // School B's plan URL with school A's thread: 404.
    w.post(&format!("{}/goals", w.plan(w.school_b)), &w.school_b_member, goal_body("B")).await;
    let (status, _) = w.post(&format!("{}/threads/{t1}/comments", w.plan(w.school_b)), &w.school_b_member, json!({"body": "x"})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Counts for the school, which never opened the comments: all unread.
    let (_, summary) = w.get(&format!("{a}/summary"), &w.school_a_member).await;
    assert_eq!(summary["counts"], json!({"open": 2, "resolved": 0, "unread": 4}), "{summary}");
    w.post(&format!("{a}/read"), &w.school_a_member, json!({})).await;
    let (_, summary) = w.get(&format!("{a}/summary"), &w.school_a_member).await;
    assert_eq!(summary["counts"]["unread"], 0);
    // The school resolves one; the company reopens... and resolves again.
    assert_eq!(w.post(&format!("{threads}/{t1}/resolve"), &w.school_a_member, json!({})).await.0, StatusCode::OK);
    let (_, page) = w.get(&a, &w.company_a_member).await;
    assert_eq!(page["counts"]["open"], 1);
    assert_eq!(page["counts"]["resolved"], 1);
    assert_eq!(page["threads"][0]["comments"].as_array().map(Vec::len), Some(4));
    assert_eq!(page["threads"][0]["comments"][1]["author_role"], "school-member");
    assert_eq!(w.post(&format!("{threads}/{t1}/reopen"), &w.company_a_member, json!({})).await.0, StatusCode::OK);
    assert_eq!(w.get(&a, &w.company_a_member).await.1["counts"]["open"], 2);
    assert_eq!(w.post(&format!("{threads}/{t2}/resolve"), &w.coordinator, json!({})).await.0, StatusCode::OK);
    // The company's start page: only its own school.
    let (status, list) = w.get("/api/company/schools", &w.company_a_member).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["school_id"], w.school_a);
    assert_eq!(list[0]["counts"]["open"], 1);
    let (_, list) = w.get("/api/company/schools", &w.company_b_member).await;
    assert_eq!(list[0]["school_id"], w.school_b);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    for who in [&w.school_a_member, &w.coordinator, &w.juror] {
        assert_eq!(w.get("/api/company/schools", who).await.0, StatusCode::FORBIDDEN);
    }
    // Bad comment bodies: 422 at the field.
    let (status, body) = w.post(&format!("{threads}/{t1}/comments"), &w.school_a_member, json!({"body": "   "})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "body");
    let (status, body) = w.post(&format!("{threads}/{t1}/comments"), &w.school_a_member, json!({"body": "x".repeat(4001)})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"][0]["message"].as_str().unwrap().contains("4001"), "{body}");
}

#[tokio::test]
async fn a_stale_write_is_409_with_the_current_row() {
    let w = world().await;
    let (goal_id, action_id) = w.goal_with_action().await;
    let a = w.plan(w.school_a);
    let mut mine = action_body("Mijn versie");
    mine["version"] = json!(1);
    let mut theirs = action_body("Hun versie");
    theirs["version"] = json!(1);
    let (status, first) = w.put(&format!("{a}/actions/{action_id}"), &w.school_a_member, theirs).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["version"], 2);
    let (status, body) = w.put(&format!("{a}/actions/{action_id}"), &w.school_a_member, mine.clone()).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "stale");
    assert_eq!(body["current"]["version"], 2);
    assert_eq!(body["current"]["action"]["description"], "Hun versie");
    // Nothing of mine was written; choosing mine means sending it on version 2.
    mine["version"] = json!(2);
    let (status, body) = w.put(&format!("{a}/actions/{action_id}"), &w.school_a_member, mine).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["action"]["description"], "Mijn versie");
    // A status change on an old version is refused the same way.
    let (status, body) = w.post(&format!("{a}/actions/{action_id}/status"), &w.school_a_member, json!({"version": 1, "status": "dropped"})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["current"]["action"]["status"], "planned");
    // Goals too.
    let g = format!("{a}/goals/{goal_id}");
    let mut edit = goal_body("Titel van de ene");
    edit["version"] = json!(1);
    assert_eq!(w.put(&g, &w.school_a_member, edit.clone()).await.0, StatusCode::OK);
    edit["goal"]["title"] = json!("Titel van de andere");
    let (status, body) = w.put(&g, &w.school_a_member, edit).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["current"]["goal"]["title"], "Titel van de ene");
    assert_eq!(body["current"]["version"], 2);
}

#[tokio::test]
async fn bad_input_is_422_at_the_field_and_nothing_is_saved() {
    let w = world().await;
    let (goal_id, action_id) = w.goal_with_action().await;
    let a = w.plan(w.school_a);
    let field_of = |body: &Value| body["fields"][0]["field"].as_str().map(String::from);
    // Dates in the wrong order.
    let mut bad = action_body("Omgekeerde data");
    bad["action"]["start"] = json!("2026-04-01");
    bad["action"]["deadline"] = json!("2026-03-01");
    let (status, body) = w.post(&format!("{a}/goals/{goal_id}/actions"), &w.school_a_member, bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_of(&body).as_deref(), Some("deadline"));
    assert!(body["fields"][0]["message"].as_str().unwrap().contains("before the start"), "{body}");
    // A negative amount.
    let mut bad = action_body("Negatief");
    bad["action"]["budget_cents"] = json!(-500);
    let (status, body) = w.post(&format!("{a}/goals/{goal_id}/actions"), &w.school_a_member, bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"].as_array().unwrap().iter().any(|f| f["field"] == "budget_cents"), "{body}");
    // Text over the limit, and an impossible date, at once.
    let mut bad = action_body(&"x".repeat(2001));
    bad["action"]["deadline"] = json!("2026-02-30");
    bad["version"] = json!(1);
    let (status, body) = w.put(&format!("{a}/actions/{action_id}"), &w.school_a_member, bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = body["fields"].as_array().unwrap().iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, vec!["description", "deadline"]);
    // Goals: a title too long, a target level out of range, an unknown indicator.
    let bad = json!({"goal": {"title": "t".repeat(201), "indicator_targets": [
        {"indicator_id": "pedagogy.co-teaching", "target_level": 5},
        {"indicator_id": "nope.nope", "target_level": 3}
    ]}});
    let (status, body) = w.post(&format!("{a}/goals"), &w.school_a_member, bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = body["fields"].as_array().unwrap().iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, vec!["title", "indicator_targets[0].target_level", "indicator_targets[1].indicator_id"]);
    // The consensus is the current level, whatever the client says: target 2
    // on co-teaching (consensus 2) is not above it.
    let bad = json!({"goal": {"title": "Co-teaching", "indicator_targets": [
        {"indicator_id": "pedagogy.co-teaching", "current_level": 1, "target_level": 2}
    ]}});
    let (status, body) = w.post(&format!("{a}/goals"), &w.school_a_member, bad).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(field_of(&body).as_deref(), Some("indicator_targets[0].target_level"));
    // Malformed JSON: 400.
    let req = Request::post(format!("{a}/goals")).header(header::CONTENT_TYPE, "application/json").header(header::COOKIE, &w.school_a_member).body(Body::from("{")).unwrap();
    let res = server::app(w.state.clone()).oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    // Nothing of that was saved.
    let (_, page) = w.get(&a, &w.school_a_member).await;
    assert_eq!(page["plan"]["goals"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["plan"]["actions"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["plan"]["actions"][0]["description"], "Leerlijn graad 1 schrijven");
    assert_eq!(page["row_versions"]["actions"][action_id.to_string()], 1);
}

#[tokio::test]
async fn submitting_freezes_a_numbered_version() {
    let w = world().await;
    let a = w.plan(w.school_a);
    // An empty plan cannot be submitted.
    let (status, body) = w.post(&format!("{a}/submit"), &w.school_a_member, json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "plan");
    assert_eq!(body["fields"][0]["code"], "plan_has_no_goals", "{body}");
    let (_, action_id) = w.goal_with_action().await;
    let (status, body) = w.post(&format!("{a}/submit"), &w.school_a_member, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["number"], 1);
    // Submitting again without changes is refused.
    let (status, body) = w.post(&format!("{a}/submit"), &w.school_a_member, json!({})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body["fields"][0]["message"].as_str().unwrap().contains("version 1"), "{body}");
    assert_eq!(body["fields"][0]["code"], "nothing_new_to_submit", "{body}");
    // Later edits change the draft, not version 1.
    let mut edit = action_body("Leerlijn graad 1 en 2 schrijven");
    edit["version"] = json!(1);
    assert_eq!(w.put(&format!("{a}/actions/{action_id}"), &w.school_a_member, edit).await.0, StatusCode::OK);
    let (status, v1) = w.get(&format!("{a}/versions/1"), &w.company_a_member).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(v1["number"], 1);
    assert_eq!(v1["plan"]["actions"][0]["description"], "Leerlijn graad 1 schrijven");
    let (_, page) = w.get(&a, &w.school_a_member).await;
    assert_eq!(page["history"][0]["number"], 1);
    assert_eq!(page["history"][0]["submitted_by"], "An School-A");
    assert_eq!(page["history"][0]["changes"][0]["change"], "goal-added");
    assert_eq!(page["draft_changes"], json!([{"change": "action-changed", "name": "Leerlijn graad 1 en 2 schrijven", "fields": ["description"]}]));
    let (_, body) = w.post(&format!("{a}/submit"), &w.school_a_member, json!({})).await;
    assert_eq!(body["number"], 2);
    let (_, page) = w.get(&a, &w.company_a_member).await;
    let numbers: Vec<i64> = page["history"].as_array().unwrap().iter().filter_map(|v| v["number"].as_i64()).collect();
    assert_eq!(numbers, vec![2, 1]);
    assert_eq!(page["history"][0]["changes"][0]["fields"], json!(["description"]));
    assert_eq!(page["draft_changes"], json!([]));
    assert_eq!(w.get(&format!("{a}/versions/1"), &w.school_a_member).await.1, v1);
    let audit: i64 = sqlx::query_scalar("select count(*) from audit_log where action = 'plan-submit'").fetch_one(w.state.writer.pool()).await.unwrap();
    assert_eq!(audit, 2);
}

#[tokio::test]
async fn deleting_a_goal_and_dropping_an_action_can_be_undone() {
    let w = world().await;
    let a = w.plan(w.school_a);
    let (goal_1, action_1) = w.goal_with_action().await;
    let (_, g2) = w.post(&format!("{a}/goals"), &w.school_a_member, json!({"goal": {"title": "Zonder tekort"}})).await;
    let goal_2 = g2["goal"]["id"].as_i64().unwrap();
    assert_eq!(g2["goal"]["position"], 1);
    let (_, second) = w.post(&format!("{a}/goals/{goal_1}/actions"), &w.school_a_member, action_body("Tweede actie")).await;
    let action_2 = second["action"]["id"].as_i64().unwrap();
    // Reorder: goal 2 up, action 2 up; moving the first up again is refused at the field.
    assert_eq!(w.post(&format!("{a}/goals/{goal_2}/move"), &w.school_a_member, json!({"direction": "up"})).await.0, StatusCode::OK);
    assert_eq!(w.post(&format!("{a}/actions/{action_2}/move"), &w.school_a_member, json!({"direction": "up"})).await.0, StatusCode::OK);
    let (status, body) = w.post(&format!("{a}/goals/{goal_2}/move"), &w.school_a_member, json!({"direction": "up"})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("direction")));
    let (_, page) = w.get(&a, &w.school_a_member).await;
    let goal_order: Vec<i64> = page["plan"]["goals"].as_array().unwrap().iter().filter_map(|g| g["id"].as_i64()).collect();
    assert_eq!(goal_order, vec![goal_2, goal_1]);
    let action_order: Vec<i64> = page["plan"]["actions"].as_array().unwrap().iter().filter_map(|g| g["id"].as_i64()).collect();
    assert_eq!(action_order, vec![action_2, action_1]);
    // Drop an action and undo it.
    let (status, body) = w.post(&format!("{a}/actions/{action_1}/status"), &w.school_a_member, json!({"version": 1, "status": "dropped"})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["action"]["status"], "dropped");
    let (_, body) = w.post(&format!("{a}/actions/{action_1}/status"), &w.school_a_member, json!({"version": 2, "status": "planned"})).await;
    assert_eq!(body["action"]["status"], "planned");
    // Delete a goal with a company thread on it: it and its thread disappear, and come back.
    w.post(&format!("{a}/threads"), &w.company_a_member, json!({"target": {"kind": "goal", "id": goal_1}, "body": "Mooi doel"})).await;
    let (status, _) = w.call(Method::DELETE, &format!("{a}/goals/{goal_1}"), Some(&w.school_a_member), None).await;
    assert_eq!(status, StatusCode::OK);
    let (_, page) = w.get(&a, &w.company_a_member).await;
    assert_eq!(page["plan"]["goals"].as_array().map(Vec::len), Some(1));
    assert_eq!(page["plan"]["actions"], json!([]));
    assert_eq!(page["threads"], json!([]));
    assert_eq!(w.put(&format!("{a}/goals/{goal_1}"), &w.school_a_member, goal_body("x")).await.0, StatusCode::NOT_FOUND);
    let (status, body) = w.post(&format!("{a}/goals/{goal_1}/restore"), &w.school_a_member, json!({})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, page) = w.get(&a, &w.company_a_member).await;
    assert_eq!(page["plan"]["goals"].as_array().map(Vec::len), Some(2));
    assert_eq!(page["plan"]["actions"].as_array().map(Vec::len), Some(2));
    assert_eq!(page["threads"].as_array().map(Vec::len), Some(1));
    // Restoring what is not deleted: 404.
    assert_eq!(w.post(&format!("{a}/goals/{goal_1}/restore"), &w.school_a_member, json!({})).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_plan_page_carries_the_profile_and_the_edition_threshold() {
    let w = world().await;
    sqlx::query("update editions set cofinancing_threshold_pct = 15").execute(w.state.writer.pool()).await.unwrap();
    let (_, _) = w.goal_with_action().await;
    let (_, page) = w.get(&w.plan(w.school_a), &w.school_a_member).await;
    assert_eq!(page["edition"]["cofinancing_threshold_percent"], 15);
    assert_eq!(page["school"]["company_name"], "Chemie Noord");
    let profile: rubric::assessment::SchoolProfile = serde_json::from_value(page["profile"].clone()).unwrap();
    assert_eq!(profile.weakest(1)[0].indicator_id, "curriculum.learning-lines");
    let plan: rubric::plan::ActionPlan = serde_json::from_value(page["plan"].clone()).unwrap();
    assert_eq!(plan.goals[0].indicator_targets[0].current_level, rubric::Level::new(1).ok());
    // The same checks the page shows: 25 % cofinancing meets 15 %.
    let maps = rubric::plan::view::ProfileMaps::new(Some(&profile));
    let checks = rubric::plan::check_plan(&plan, &maps.context(rubric::Date::new(2026, 1, 10).unwrap(), 15, rubric::current_rubric()));
    assert_eq!(checks.cofinancing.met(), Some(true));
    assert!(checks.goals_without_actions.is_empty());
}

//! The jury API without a network (`oneshot`): who may set up, score, see
//! and publish what. Coordinator-only set-up, juror-only scoring, conflicts
//! of interest (automatic and declared) enforced on every finalist endpoint,
//! blind until submit, scoring only while open, lock before publish.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use rubric::people::{Role, SchoolFunction};
use serde_json::{json, Value};
use server::db::people::NewPerson;
use server::state::{AppState, Config};
use tower::ServiceExt;

pub(crate) struct World {
    pub(crate) state: AppState,
    _dir: tempfile::TempDir,
    edition: i64,
}

/// The demo edition (`stempact demo`) as the only, active edition.
pub(crate) async fn demo_world() -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config { dist_dir: dir.path().join("dist"), public_url: "http://test".into(), secure_cookies: false };
    let state = server::prepare(dir.path(), config).await.expect("database opens");
    let today = rubric::Date::new(2027, 3, 1).unwrap();
    let doc = server::demo::document(today, 1_803_283_200);
    let summary = server::db::exchange::import(&state.writer, &doc, None).await.expect("the demo imports");
    assert!(summary.active);
    World { state, _dir: dir, edition: summary.edition_id }
}

async fn world() -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config { dist_dir: dir.path().join("dist"), public_url: "http://test".into(), secure_cookies: false };
    let state = server::prepare(dir.path(), config).await.expect("database opens");
    let edition = sqlx::query_scalar(
        "insert into editions (name, school_year, active, created_at) values ('STEMpact 2025-2026', '2025-2026', 1, 0) returning id",
    )
    .fetch_one(state.writer.pool())
    .await
    .unwrap();
    World { state, _dir: dir, edition }
}

impl World {
    /// A session for an existing person: the cookie.
    pub(crate) async fn session_of(&self, person_id: i64) -> String {
        let token = server::db::sessions::create(self.state.writer.pool(), person_id).await.expect("session");
        format!("{}={token}", server::auth::SESSION_COOKIE)
    }

    /// The raw answer of a GET: status and body text.
    pub(crate) async fn get_text(&self, uri: &str, cookie: &str) -> (StatusCode, String) {
        let req = Request::get(uri).header(header::COOKIE, cookie).body(Body::empty()).unwrap();
        let res = server::app(self.state.clone()).oneshot(req).await.expect("response");
        let status = res.status();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    pub(crate) async fn call(&self, method: Method, uri: &str, cookie: Option<&str>, body: Option<Value>) -> (StatusCode, Value) {
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
        let value = serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
        (status, value)
    }

    pub(crate) async fn get(&self, uri: &str, cookie: &str) -> (StatusCode, Value) {
        self.call(Method::GET, uri, Some(cookie), None).await
    }

    pub(crate) async fn post(&self, uri: &str, cookie: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, uri, Some(cookie), Some(body)).await
    }

    pub(crate) async fn put(&self, uri: &str, cookie: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::PUT, uri, Some(cookie), Some(body)).await
    }

    pub(crate) async fn delete(&self, uri: &str, cookie: &str) -> (StatusCode, Value) {
        self.call(Method::DELETE, uri, Some(cookie), None).await
    }

    /// A signed-in person: (id, cookie).
    pub(crate) async fn person(&self, role: Role, name: &str, school_id: Option<i64>, company_id: Option<i64>) -> (i64, String) {
        let p = NewPerson {
            name: name.into(),
            email: String::new(),
            role,
            school_id,
            company_id,
            school_function: school_id.map(|_| SchoolFunction::Teacher),
        };
        let (id, token) = server::invite::create(&self.state.writer, &p, None).await.unwrap();
        let req = Request::post("/api/auth/signin")
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(json!({"token": token}).to_string()))
            .unwrap();
        let res = server::app(self.state.clone()).oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let cookie = res.headers().get(header::SET_COOKIE).unwrap().to_str().unwrap().split(';').next().unwrap().to_string();
        (id, cookie)
    }

    pub(crate) async fn company(&self, name: &str) -> i64 {
        sqlx::query_scalar("insert into companies (edition_id, name, created_at) values (?, ?, 0) returning id")
            .bind(self.edition)
            .bind(name)
            .fetch_one(self.state.writer.pool())
            .await
            .unwrap()
    }

    pub(crate) async fn school(&self, name: &str, sponsor: Option<i64>) -> i64 {
        sqlx::query_scalar("insert into schools (edition_id, name, town, company_id, created_at) values (?, ?, 'Gent', ?, 0) returning id")
            .bind(self.edition)
            .bind(name)
            .bind(sponsor)
            .fetch_one(self.state.writer.pool())
            .await
            .unwrap()
    }

    /// A submitted plan version with one goal and one action.
    async fn submitted_plan(&self, school: i64, goal: &str) -> i64 {
        let plan: i64 = sqlx::query_scalar(
            "insert into plans (edition_id, school_id, created_at, updated_at) values (?, ?, 0, 0) returning id",
        )
        .bind(self.edition)
        .bind(school)
        .fetch_one(self.state.writer.pool())
        .await
        .unwrap();
        let snapshot = json!({
            "goals": [{"id": 1, "title": goal, "description": "", "indicator_targets": [], "position": 0}],
            "actions": [{"id": 1, "goal_id": 1, "description": "Workshop", "owner": "An", "start": null, "deadline": null,
                "budget_cents": 100000, "company_contribution": {"kind": "money", "value_cents": 20000, "description": ""},
                "success_criterion": "", "status": "planned", "evidence_url": null, "position": 0}]
        });
        sqlx::query_scalar(
            "insert into plan_versions (plan_id, number, submitted_at, snapshot) values (?, 1, 1767225600, ?) returning id",
        )
        .bind(plan)
        .bind(snapshot.to_string())
        .fetch_one(self.state.writer.pool())
        .await
        .unwrap()
    }
}

/// A jury ready to open: a category with two finalists (the first sponsored
/// by `Acme`), the default criteria, a tie-break rule, and three jurors of
/// whom the first works for Acme and the second (Kim) chairs the jury.
struct Jury {
    coord: String,
    jurors: Vec<(i64, String)>,
    finalists: Vec<i64>,
    schools: Vec<i64>,
    criteria: Vec<i64>,
    version: i64,
}

async fn jury(w: &World) -> Jury {
    let (_, coord) = w.person(Role::Coordinator, "Griet", None, None).await;
    let acme = w.company("Acme").await;
    let school_a = w.school("Atheneum Noord", Some(acme)).await;
    let school_b = w.school("College Zuid", None).await;
    w.submitted_plan(school_a, "Doel A").await;
    w.submitted_plan(school_b, "Doel B").await;
    let (status, setup) = w.post("/api/jury/categories", &coord, json!({"name": "Oost-Vlaanderen"})).await;
    assert_eq!(status, StatusCode::OK, "{setup}");
    let category = setup["categories"][0]["id"].as_i64().unwrap();
    let mut finalists = vec![];
    for school in [school_a, school_b] {
        let (status, setup) =
            w.post("/api/jury/finalists", &coord, json!({"category_id": category, "school_id": school})).await;
        assert_eq!(status, StatusCode::OK, "{setup}");
        finalists = setup["categories"][0]["finalists"].as_array().unwrap().iter().map(|f| f["id"].as_i64().unwrap()).collect();
    }
    // Finalists are listed by school name: Atheneum Noord first.
    let mut jurors = vec![];
    for (name, company) in [("Jan (Acme)", Some(acme)), ("Kim", None), ("Lotte", None)] {
        let (id, cookie) = w.person(Role::Juror, name, None, None).await;
        let (status, body) = w.post("/api/jury/jurors", &coord, json!({"person_id": id, "company_id": company})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        jurors.push((id, cookie));
    }
    let (_, setup) = w.get("/api/jury/setup", &coord).await;
    let criteria: Vec<i64> = setup["criteria"].as_array().unwrap().iter().map(|c| c["id"].as_i64().unwrap()).collect();
    let version = setup["settings"]["version"].as_i64().unwrap();
    let rules = json!([{"higher-criterion": criteria[0].to_string()}, "higher-median-juror-score", "chair-decision"]);
    // A rule that ends with the chair's decision needs a chair.
    let (status, body) = w.put("/api/jury/tie-break", &coord, json!({"version": version, "rules": rules})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("chair_id")), "{body}");
    let chair = jurors[1].0;
    let (status, setup) = w.put("/api/jury/tie-break", &coord, json!({"version": version, "rules": rules, "chair_id": chair})).await;
    assert_eq!(status, StatusCode::OK, "{setup}");
    let version = setup["settings"]["version"].as_i64().unwrap();
    Jury { coord, jurors, finalists, schools: vec![school_a, school_b], criteria, version }
}

impl Jury {
    async fn set_status(&mut self, w: &World, status: &str) -> (StatusCode, Value) {
        let (code, body) = w.post("/api/jury/status", &self.coord, json!({"version": self.version, "status": status})).await;
        if code == StatusCode::OK {
            self.version = body["settings"]["version"].as_i64().unwrap();
        }
        (code, body)
    }

    /// The chair (Kim) confirms the winner of category `index` with `reason`,
    /// with the findings the results show now.
    async fn acknowledge(&self, w: &World, index: usize, reason: &str) {
        let chair = &self.jurors[1].1;
        let (status, view) = w.get("/api/jury/results", chair).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        let c = &view["categories"][index];
        let rob: rubric::jury::Robustness = serde_json::from_value(c["results"]["robustness"].clone()).expect("robustness");
        assert!(!rob.robust);
        let body = json!({"category_id": c["category_id"], "findings": rob.findings(), "reason": "  "});
        let (status, body) = w.post("/api/jury/acknowledgements", chair, body).await;
        assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("reason")));
        // The problem by name, so the interface words it in its own language.
        assert_eq!(body["fields"][0]["code"], "reason_missing");
        let body = json!({"category_id": c["category_id"], "findings": rob.findings(), "reason": reason});
        assert_eq!(w.post("/api/jury/acknowledgements", &self.coord, body.clone()).await.0, StatusCode::FORBIDDEN);
        let (status, view) = w.post("/api/jury/acknowledgements", chair, body).await;
        assert_eq!(status, StatusCode::OK, "{view}");
        assert_eq!(view["categories"][index]["acknowledgement"]["reason"], reason);
    }

    fn sheet(&self, scores: &[i64], version: i64) -> Value {
        let scores: serde_json::Map<String, Value> =
            self.criteria.iter().zip(scores).map(|(c, s)| (c.to_string(), json!(s))).collect();
        json!({"version": version, "scores": scores, "remarks": {}, "remark": ""})
    }
}

#[tokio::test]
async fn set_up_is_for_coordinators_only() {
    let w = world().await;
    let j = jury(&w).await;
    // Lotte is a juror who does not chair the jury.
    let (_, juror) = &j.jurors[2];
    let school = w.person(Role::SchoolMember, "Sofie", Some(j.schools[1]), None).await.1;
    for cookie in [juror.as_str(), school.as_str()] {
        let calls: Vec<(Method, &str, Option<Value>)> = vec![
            (Method::GET, "/api/jury/setup", None),
            (Method::POST, "/api/jury/categories", Some(json!({"name": "West"}))),
            (Method::PUT, "/api/jury/criteria", Some(json!({"version": 1, "criteria": []}))),
            (Method::POST, "/api/jury/finalists", Some(json!({"category_id": 1, "school_id": 1}))),
            (Method::POST, "/api/jury/jurors", Some(json!({"name": "X"}))),
            (Method::PUT, "/api/jury/tie-break", Some(json!({"version": 1, "rules": ["chair-decision"]}))),
            (Method::POST, "/api/jury/conflicts/1/dismiss", Some(json!({"reason": "x"}))),
            (Method::POST, "/api/jury/status", Some(json!({"version": 1, "status": "open"}))),
            (Method::GET, "/api/jury/results", None),
            (Method::PUT, "/api/jury/chair-order", Some(json!({"version": 1, "order": []}))),
            (Method::POST, "/api/jury/acknowledgements", Some(json!({"category_id": 1, "findings": [], "reason": "x"}))),
            (Method::PUT, "/api/jury/chair", Some(json!({"version": 1, "chair_id": null}))),
            (Method::POST, "/api/jury/lock", Some(json!({"version": 1}))),
            (Method::POST, "/api/jury/unlock", Some(json!({"version": 1}))),
            (Method::POST, "/api/jury/publish", Some(json!({"version": 1}))),
            (Method::GET, "/api/jury/audit", None),
            (Method::GET, "/api/jury/export/scores.csv", None),
            (Method::GET, "/api/jury/export/results.csv", None),
        ];
        for (method, uri, body) in calls {
            let (status, _) = w.call(method.clone(), uri, Some(cookie), body).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri}");
        }
    }
    let (status, _) = w.call(Method::GET, "/api/jury/setup", None, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // Scoring is for jurors: the coordinator and a school member are refused.
    for cookie in [j.coord.as_str(), school.as_str()] {
        assert_eq!(w.get("/api/jury/my", cookie).await.0, StatusCode::FORBIDDEN);
        let uri = format!("/api/jury/my/finalists/{}", j.finalists[1]);
        assert_eq!(w.get(&uri, cookie).await.0, StatusCode::FORBIDDEN);
        let uri = format!("/api/jury/my/finalists/{}/sheet", j.finalists[1]);
        assert_eq!(w.put(&uri, cookie, j.sheet(&[5], 0)).await.0, StatusCode::FORBIDDEN);
    }
    // A person with the juror role who is not on this jury is refused too.
    let outsider = w.person(Role::Juror, "Nog niet gekozen", None, None).await.1;
    assert_eq!(w.get("/api/jury/my", &outsider).await.0, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn new_editions_get_the_default_criteria_and_bad_criteria_are_refused_at_the_field() {
    let w = world().await;
    let (_, coord) = w.person(Role::Coordinator, "Griet", None, None).await;
    let (status, setup) = w.get("/api/jury/setup", &coord).await;
    assert_eq!(status, StatusCode::OK);
    let criteria = setup["criteria"].as_array().unwrap();
    assert_eq!(criteria.len(), 5);
    assert_eq!(criteria.iter().map(|c| c["weight"].as_u64().unwrap()).sum::<u64>(), 100);
    assert_eq!(criteria[0]["anchors"].as_array().unwrap().len(), 5);
    assert_eq!(criteria[2]["name"]["en"], "Feasibility");
    let version = setup["settings"]["version"].as_i64().unwrap();

    let mut edited: Vec<Value> = criteria.clone();
    edited[0]["weight"] = json!(15); // sum 90
    edited[1]["name"]["nl"] = json!("");
    let (status, body) = w.put("/api/jury/criteria", &coord, json!({"version": version, "criteria": edited})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<&str> = body["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["criteria.1.name_nl", "criteria.weights"]);

    // A valid edit: drop the last criterion, give its weight to the first,
    // add a new one without English (filled from Dutch).
    let mut edited: Vec<Value> = criteria[..4].to_vec();
    edited[0]["weight"] = json!(30);
    let mut new = criteria[4].clone();
    new["id"] = Value::Null;
    new["name"] = json!({"nl": "Creativiteit", "en": ""});
    new["weight"] = json!(10);
    edited.push(new);
    let (status, body) = w.put("/api/jury/criteria", &coord, json!({"version": version, "criteria": edited})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["criteria"][4]["name"]["en"], "Creativiteit");
    assert_eq!(body["criteria"].as_array().unwrap().len(), 5);
    assert_eq!(body["criteria"][0]["weight"], 30);
    assert!(!body.to_string().contains(criteria[4]["name"]["nl"].as_str().unwrap()));
    // The same edit based on the old version is stale.
    let (status, body) = w.put("/api/jury/criteria", &coord, json!({"version": version, "criteria": edited})).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("stale")));
}

#[tokio::test]
async fn finalists_need_a_submitted_plan_and_scoring_opens_only_when_ready() {
    let w = world().await;
    let (_, coord) = w.person(Role::Coordinator, "Griet", None, None).await;
    let (_, setup) = w.get("/api/jury/setup", &coord).await;
    let version = setup["settings"]["version"].as_i64().unwrap();
    let (status, body) = w.post("/api/jury/status", &coord, json!({"version": version, "status": "open"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let messages: Vec<&str> = body["fields"].as_array().unwrap().iter().map(|f| f["message"].as_str().unwrap()).collect();
    assert_eq!(messages, ["add at least one award category", "choose the tie-break rule", "add at least one juror"]);
    assert!(body["fields"][0].get("code").is_none(), "no code where the message is shown as sent: {body}");

    let (_, setup) = w.post("/api/jury/categories", &coord, json!({"name": "West"})).await;
    let category = setup["categories"][0]["id"].as_i64().unwrap();
    let (status, body) = w.post("/api/jury/categories", &coord, json!({"name": "west"})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("name")));
    assert_eq!(body["fields"][0]["code"], "category_taken");
    let no_plan = w.school("Zonder Plan", None).await;
    let (status, body) = w.post("/api/jury/finalists", &coord, json!({"category_id": category, "school_id": no_plan})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["message"], "this school has not submitted an action plan yet");
    assert_eq!(body["fields"][0]["code"], "no_submitted_plan");
    let with_plan = w.school("Met Plan", None).await;
    w.submitted_plan(with_plan, "Doel").await;
    let (status, setup) = w.post("/api/jury/finalists", &coord, json!({"category_id": category, "school_id": with_plan})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(setup["categories"][0]["finalists"][0]["plan_version_number"], 1);
    assert_eq!(setup["candidates"][0]["category_id"], category);
    let (status, _) = w.post("/api/jury/finalists", &coord, json!({"category_id": category, "school_id": with_plan})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // A school from another edition is not a school of this one.
    let (status, body) = w.post("/api/jury/finalists", &coord, json!({"category_id": category, "school_id": 999})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("school_id")));
}

#[tokio::test]
async fn an_automatic_conflict_keeps_the_juror_away_until_dismissed_with_a_reason() {
    let w = world().await;
    let mut j = jury(&w).await;
    assert_eq!(j.set_status(&w, "open").await.0, StatusCode::OK);
    let (jan, jan_cookie) = &j.jurors[0];
    let sponsored = j.finalists[0];
    let (_, setup) = w.get("/api/jury/setup", &j.coord).await;
    let conflict = &setup["conflicts"][0];
    assert_eq!((conflict["kind"].as_str(), conflict["person_id"].as_i64()), (Some("automatic"), Some(*jan)));
    assert_eq!(conflict["finalist_id"], sponsored);
    let conflict_id = conflict["id"].as_i64().unwrap();

    // Jan's list: the sponsored school only as a conflict, never to score.
    let (_, home) = w.get("/api/jury/my", jan_cookie).await;
    let listed: Vec<i64> = home["categories"][0]["finalists"].as_array().unwrap().iter().map(|f| f["id"].as_i64().unwrap()).collect();
    assert_eq!(listed, [j.finalists[1]]);
    assert_eq!(home["conflicts"][0]["finalist_id"], sponsored);
    assert!(!home.to_string().contains("Doel A"));
    // Every finalist endpoint refuses, and no plan data leaks.
    let base = format!("/api/jury/my/finalists/{sponsored}");
    let (status, body) = w.get(&base, jan_cookie).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!body.to_string().contains("Doel A"));
    assert_eq!(w.put(&format!("{base}/sheet"), jan_cookie, j.sheet(&[5, 5, 5, 5, 5], 0)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(w.post(&format!("{base}/submit"), jan_cookie, j.sheet(&[5, 5, 5, 5, 5], 0)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(w.get(&format!("{base}/others"), jan_cookie).await.0, StatusCode::FORBIDDEN);
    // The other juror sees the plan.
    let (status, body) = w.get(&base, &j.jurors[1].1).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["plan"]["plan"]["goals"][0]["title"], "Doel A");
    assert_eq!(body["cofinancing"]["share"]["share_tenths_percent"], 200);

    // Dismissing needs a reason; a juror may not dismiss.
    let uri = format!("/api/jury/conflicts/{conflict_id}/dismiss");
    let (status, body) = w.post(&uri, &j.coord, json!({"reason": "  "})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("reason")));
    assert_eq!(w.post(&uri, jan_cookie, json!({"reason": "ik mag"})).await.0, StatusCode::FORBIDDEN);
    let (status, _) = w.post(&uri, &j.coord, json!({"reason": "Jan werkt bij een andere vestiging"})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(w.get(&base, jan_cookie).await.0, StatusCode::OK);
    let (status, _) = w.post(&uri, &j.coord, json!({"reason": "nogmaals"})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Restoring the flag closes the door again.
    let (status, _) = w.post(&format!("/api/jury/conflicts/{conflict_id}/restore"), &j.coord, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(w.get(&base, jan_cookie).await.0, StatusCode::FORBIDDEN);

    let (_, log) = w.get("/api/jury/audit", &j.coord).await;
    let actions: Vec<&str> = log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for action in ["jury.conflict.automatic", "jury.conflict.dismissed", "jury.conflict.restored", "jury.status"] {
        assert!(actions.contains(&action), "{action} missing from {actions:?}");
    }
    let dismissed = log.as_array().unwrap().iter().find(|e| e["action"] == "jury.conflict.dismissed").unwrap();
    assert!(dismissed["detail"].as_str().unwrap().contains("andere vestiging"));
}

#[tokio::test]
async fn a_declared_conflict_is_enforced_until_withdrawn_and_its_scores_do_not_count() {
    let w = world().await;
    let mut j = jury(&w).await;
    j.set_status(&w, "open").await;
    let (_, kim) = &j.jurors[1];
    let f = j.finalists[1];
    let (status, _) = w.post(&format!("/api/jury/my/finalists/{f}/submit"), kim, j.sheet(&[8, 8, 8, 8, 8], 0)).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = w.post("/api/jury/my/conflicts", kim, json!({"finalist_id": f, "reason": ""})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("reason")));
    let (status, home) = w.post("/api/jury/my/conflicts", kim, json!({"finalist_id": f, "reason": "mijn nicht zit in die school"})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(home["conflicts"][0]["kind"], "declared");
    assert_eq!(w.get(&format!("/api/jury/my/finalists/{f}"), kim).await.0, StatusCode::FORBIDDEN);
    // The coordinator cannot dismiss a declared conflict.
    let (_, setup) = w.get("/api/jury/setup", &j.coord).await;
    let declared = setup["conflicts"].as_array().unwrap().iter().find(|c| c["kind"] == "declared").unwrap()["id"].as_i64().unwrap();
    let (status, _) = w.post(&format!("/api/jury/conflicts/{declared}/dismiss"), &j.coord, json!({"reason": "nee"})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // Kim's submitted sheet no longer counts.
    let (_, results) = w.get("/api/jury/results", &j.coord).await;
    assert_eq!(results["categories"][0]["submitted_sheets"], 0);
    // Withdrawn: Kim is back, and so is the sheet.
    let (status, _) = w.delete(&format!("/api/jury/my/conflicts/{f}"), kim).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(w.get(&format!("/api/jury/my/finalists/{f}"), kim).await.0, StatusCode::OK);
    let (_, results) = w.get("/api/jury/results", &j.coord).await;
    assert_eq!(results["categories"][0]["submitted_sheets"], 1);
    assert_eq!(w.delete(&format!("/api/jury/my/conflicts/{f}"), kim).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn scores_change_only_while_scoring_is_open() {
    let w = world().await;
    let mut j = jury(&w).await;
    let kim = &j.jurors[1].1.clone();
    let uri = format!("/api/jury/my/finalists/{}/sheet", j.finalists[0]);
    let (status, body) = w.put(&uri, kim, j.sheet(&[6], 0)).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("scoring_closed")));
    assert_eq!(j.set_status(&w, "open").await.0, StatusCode::OK);
    // Set-up is frozen while scoring is open.
    let (status, body) = w.post("/api/jury/categories", &j.coord, json!({"name": "West"})).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("jury_not_in_setup")));
    // A partial draft saves; a bad score is refused at its field.
    let (status, sheet) = w.put(&uri, kim, j.sheet(&[6], 0)).await;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    assert_eq!(sheet["version"], 1);
    assert_eq!(sheet["submitted_at"], Value::Null);
    let (status, body) = w.put(&uri, kim, j.sheet(&[11], 1)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], format!("scores.{}", j.criteria[0]));
    // A save based on an old version is stale and carries the current sheet.
    let (status, body) = w.put(&uri, kim, j.sheet(&[7], 0)).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("stale")));
    assert_eq!(body["current"]["version"], 1);
    // Submitting needs every criterion.
    let submit = format!("/api/jury/my/finalists/{}/submit", j.finalists[0]);
    let (status, body) = w.post(&submit, kim, j.sheet(&[7], 1)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"].as_array().unwrap().len(), 4);
    let (status, sheet) = w.post(&submit, kim, j.sheet(&[7, 7, 7, 7, 7], 1)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(sheet["submitted_at"].is_i64());
    // Going back to set-up is refused once scores exist.
    let (status, body) = j.set_status(&w, "setup").await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("has_scores")));
    // Closed: no more changes, but the juror may still read.
    assert_eq!(j.set_status(&w, "closed").await.0, StatusCode::OK);
    let (status, body) = w.put(&uri, kim, j.sheet(&[9, 9, 9, 9, 9], 2)).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("scoring_closed")));
    assert_eq!(w.get(&format!("/api/jury/my/finalists/{}", j.finalists[0]), kim).await.0, StatusCode::OK);
}

#[tokio::test]
async fn others_scores_stay_hidden_until_the_jurors_own_sheet_is_submitted() {
    let w = world().await;
    let mut j = jury(&w).await;
    j.set_status(&w, "open").await;
    let f = j.finalists[1];
    let (kim, lotte, jan) = (&j.jurors[1].1, &j.jurors[2].1, &j.jurors[0].1);
    let others = format!("/api/jury/my/finalists/{f}/others");
    let (status, _) = w.post(&format!("/api/jury/my/finalists/{f}/submit"), kim, j.sheet(&[8, 6, 7, 9, 5], 0)).await;
    assert_eq!(status, StatusCode::OK);
    // Lotte has only a draft: refused.
    w.put(&format!("/api/jury/my/finalists/{f}/sheet"), lotte, j.sheet(&[3], 0)).await;
    let (status, body) = w.get(&others, lotte).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!body.to_string().contains("\"8\""));
    // Jan has nothing yet: refused.
    assert_eq!(w.get(&others, jan).await.0, StatusCode::FORBIDDEN);
    // Kim sees the submitted sheets, not Lotte's draft.
    let (status, body) = w.get(&others, kim).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["sheets"].as_array().unwrap().len(), 1);
    assert_eq!(body["sheets"][0]["is_me"], true);
    // Weighted mean with the default weights 25/20/20/20/15.
    let expected = (8.0 * 25.0 + 6.0 * 20.0 + 7.0 * 20.0 + 9.0 * 20.0 + 5.0 * 15.0) / 100.0;
    assert!((body["mean"].as_f64().unwrap() - expected).abs() < 1e-9);
    // Lotte submits and then sees both.
    let (status, _) = w.post(&format!("/api/jury/my/finalists/{f}/submit"), lotte, j.sheet(&[3, 3, 3, 3, 3], 1)).await;
    assert_eq!(status, StatusCode::OK);
    let (_, body) = w.get(&others, lotte).await;
    let names: Vec<&str> = body["sheets"].as_array().unwrap().iter().map(|s| s["juror_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Kim", "Lotte"]);
    // A submitted sheet is frozen (reopening it: see `integrity`).
    let (status, body) = w.put(&format!("/api/jury/my/finalists/{f}/sheet"), lotte, j.sheet(&[4, 4, 4, 4, 4], 2)).await;
    assert_eq!((status, body["code"].clone()), (StatusCode::CONFLICT, json!("sheet_submitted")));
    let (_, log) = w.get("/api/jury/audit", &j.coord).await;
    assert!(log.as_array().unwrap().iter().any(|e| e["action"] == "jury.sheet.submitted"), "{log}");
}

#[tokio::test]
async fn results_lock_before_they_publish_and_ties_are_logged() {
    let w = world().await;
    let mut j = jury(&w).await;
    // Jan may score the sponsored school after all (a false flag).
    let (_, setup) = w.get("/api/jury/setup", &j.coord).await;
    let conflict = setup["conflicts"][0]["id"].as_i64().unwrap();
    w.post(&format!("/api/jury/conflicts/{conflict}/dismiss"), &j.coord, json!({"reason": "andere vestiging"})).await;
    j.set_status(&w, "open").await;
    // Each juror gives A and B the same weighted mean (weights 25/20/20/20/15);
    // A wins on the first criterion (the first tie-break rule).
    let a = [[8, 6, 6, 6, 6], [6, 7, 7, 7, 7], [7, 6, 6, 6, 7]];
    let b = [[6, 7, 7, 8, 4], [5, 8, 8, 7, 6], [6, 8, 8, 7, 2]];
    for (i, (_, cookie)) in j.jurors.iter().enumerate() {
        for (f, scores) in [(j.finalists[0], a[i]), (j.finalists[1], b[i])] {
            let (status, body) = w.post(&format!("/api/jury/my/finalists/{f}/submit"), cookie, j.sheet(&scores, 0)).await;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
    }
    let (_, results) = w.get("/api/jury/results", &j.coord).await;
    let r = &results["categories"][0]["results"];
    let score_a = r["finalists"][0]["score"].as_f64().unwrap();
    let score_b = r["finalists"][1]["score"].as_f64().unwrap();
    assert!((score_a - score_b).abs() < 1e-9, "{score_a} {score_b}");
    assert_eq!(r["tie_breaks"][0]["rule_applied"]["higher-criterion"], j.criteria[0].to_string());
    assert_eq!(r["winner"], j.finalists[0].to_string());

    // Publish before lock, lock while open: refused.
    let (status, body) = w.post("/api/jury/publish", &j.coord, json!({"version": j.version})).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("not_locked")));
    let (status, body) = w.post("/api/jury/lock", &j.coord, json!({"version": j.version})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["message"], "close scoring first");
    // Nothing is published yet for jurors.
    let (status, body) = w.get("/api/jury/published", &j.jurors[1].1).await;
    assert_eq!((status, body["published_at"].clone()), (StatusCode::OK, Value::Null));

    j.set_status(&w, "closed").await;
    // A winner decided by a tie-break rule is not confirmed by the other
    // checks (the normalized score and the mean rank tie too): the chair
    // confirms it with a reason before the results lock.
    let (status, body) = w.post("/api/jury/lock", &j.coord, json!({"version": j.version})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        body["fields"][0]["message"],
        "the winner of Oost-Vlaanderen is not robust; the jury chair must confirm it with a reason"
    );
    j.acknowledge(&w, 0, "Gelijke score; de regel bij gelijke stand besliste, zoals vooraf afgesproken").await;
    let (status, view) = w.post("/api/jury/lock", &j.coord, json!({"version": j.version})).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["frozen"], true);
    j.version = view["settings"]["version"].as_i64().unwrap();
    // Locked: reopening scoring and dismissing flags are refused.
    assert_eq!(j.set_status(&w, "open").await.0, StatusCode::CONFLICT);
    let (_, log) = w.get("/api/jury/audit", &j.coord).await;
    let tie = log.as_array().unwrap().iter().find(|e| e["action"] == "jury.tie-break").expect("a logged tie-break");
    let detail = tie["detail"].as_str().unwrap();
    assert!(detail.contains("Atheneum Noord") && detail.contains("Impact on pupils' STEM learning"), "{detail}");
    assert_eq!(tie["event"]["tie-broken"]["rule"]["criterion"]["nl"], "Impact op het STEM-leren van leerlingen");

    // Lock and publish; then jurors and finalist schools read the ranking.
    let (status, view) = w.post("/api/jury/publish", &j.coord, json!({"version": j.version})).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    j.version = view["settings"]["version"].as_i64().unwrap();
    let (status, _) = w.post("/api/jury/unlock", &j.coord, json!({"version": j.version})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (status, body) = w.get("/api/jury/published", &j.jurors[0].1).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["categories"][0]["places"][0]["school_name"], "Atheneum Noord");
    assert_eq!(body["categories"][0]["places"][0]["winner"], true);
    // Equal scores, different places: the published ranking says why.
    let note = &body["categories"][0]["places"][0]["note"];
    assert_eq!(note["kind"], "tie-break", "{body}");
    assert_eq!(note["tied_with"], json!(["College Zuid"]));
    assert_eq!(note["rule"]["criterion"]["nl"], "Impact op het STEM-leren van leerlingen");
    // Everyone of the edition reads the published results: finalist and
    // other schools, and companies (the winner's sponsor too).
    let finalist_school = w.person(Role::SchoolMember, "Sofie", Some(j.schools[1]), None).await.1;
    assert_eq!(w.get("/api/jury/published", &finalist_school).await.0, StatusCode::OK);
    let other = w.school("Geen Finalist", None).await;
    let other_school = w.person(Role::SchoolMember, "Tom", Some(other), None).await.1;
    assert_eq!(w.get("/api/jury/published", &other_school).await.0, StatusCode::OK);
    let company = w.company("Beta").await;
    let company_member = w.person(Role::CompanyMember, "Ward", None, Some(company)).await.1;
    assert_eq!(w.get("/api/jury/published", &company_member).await.0, StatusCode::OK);
    let acme = sqlx::query_scalar::<_, i64>("select company_id from schools where id = ?").bind(j.schools[0]).fetch_one(&w.state.db).await.unwrap();
    let sponsor = w.person(Role::CompanyMember, "Acme-contact", None, Some(acme)).await.1;
    assert_eq!(w.get("/api/jury/published", &sponsor).await.0, StatusCode::OK);
    // A juror of no jury of this edition is refused.
    let outsider = w.person(Role::Juror, "Buiten de jury", None, None).await.1;
    assert_eq!(w.get("/api/jury/published", &outsider).await.0, StatusCode::FORBIDDEN);
    // The published view carries no juror's scores.
    let (_, body) = w.get("/api/jury/published", &finalist_school).await;
    assert!(!body.to_string().contains("Kim"), "{body}");
}

#[tokio::test]
async fn unlocking_before_publication_and_the_chair_decides_ties_no_rule_breaks() {
    let w = world().await;
    let mut j = jury(&w).await;
    // Only the chair's decision as a rule.
    let (_, setup) = w.get("/api/jury/setup", &j.coord).await;
    let version = setup["settings"]["version"].as_i64().unwrap();
    let chair = j.jurors[1].0;
    let (status, setup) =
        w.put("/api/jury/tie-break", &j.coord, json!({"version": version, "rules": ["chair-decision"], "chair_id": chair})).await;
    assert_eq!(status, StatusCode::OK, "{setup}");
    j.version = setup["settings"]["version"].as_i64().unwrap();
    j.set_status(&w, "open").await;
    for (_, cookie) in &j.jurors[1..] {
        for f in &j.finalists {
            w.post(&format!("/api/jury/my/finalists/{f}/submit"), cookie, j.sheet(&[7, 7, 7, 7, 7], 0)).await;
        }
    }
    j.set_status(&w, "closed").await;
    let (status, body) = w.post("/api/jury/lock", &j.coord, json!({"version": j.version})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["message"], "in Oost-Vlaanderen a tie is left for the chair to decide");
    // The chair decides, not the coordinator.
    let order = json!([j.finalists[1], j.finalists[0]]);
    let (status, _) = w.put("/api/jury/chair-order", &j.coord, json!({"version": j.version, "order": order})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let chair = j.jurors[1].1.clone();
    let (status, view) = w.put("/api/jury/chair-order", &chair, json!({"version": j.version, "order": order})).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["categories"][0]["results"]["winner"], j.finalists[1].to_string());
    j.version = view["settings"]["version"].as_i64().unwrap();
    // Every juror scored alike, so nothing but the chair confirms the
    // winner: the chair confirms it too.
    j.acknowledge(&w, 0, "Beslist door de voorzitter na overleg").await;
    let (status, view) = w.post("/api/jury/lock", &j.coord, json!({"version": j.version})).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    j.version = view["settings"]["version"].as_i64().unwrap();
    let (status, view) = w.post("/api/jury/unlock", &j.coord, json!({"version": j.version})).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(view["frozen"], false);
    let (_, log) = w.get("/api/jury/audit", &j.coord).await;
    let actions: Vec<&str> = log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    for action in ["jury.chair-decision", "jury.tie-break", "jury.robustness-acknowledged", "jury.locked", "jury.unlocked"] {
        assert!(actions.contains(&action), "{action} missing from {actions:?}");
    }
    // Entries carry their event, for the app to show in Dutch or English.
    let decision = log.as_array().unwrap().iter().find(|e| e["action"] == "jury.chair-decision").unwrap();
    assert_eq!(decision["event"]["chair-decision"]["order"], json!(["College Zuid", "Atheneum Noord"]));
    assert_eq!(decision["event"]["chair-decision"]["chair"], "Kim");
}

#[tokio::test]
async fn exports_are_csv_with_every_submitted_score() {
    let w = world().await;
    let mut j = jury(&w).await;
    j.set_status(&w, "open").await;
    let f = j.finalists[1];
    w.post(&format!("/api/jury/my/finalists/{f}/submit"), &j.jurors[1].1, j.sheet(&[8, 6, 7, 9, 5], 0)).await;
    w.put(&format!("/api/jury/my/finalists/{f}/sheet"), &j.jurors[2].1, j.sheet(&[2], 0)).await;
    let req = Request::get("/api/jury/export/scores.csv").header(header::COOKIE, &j.coord).body(Body::empty()).unwrap();
    let res = server::app(w.state.clone()).oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let text = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(!text.starts_with('\u{feff}'), "the plain variant has no byte order mark");
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines[0], "category,finalist,juror,criterion,weight,score,remark,sheet_remark,counted,score_before_reopening,changed_at");
    assert_eq!(lines.len(), 1 + 5, "{text}");
    assert!(lines[1].starts_with("Oost-Vlaanderen,College Zuid,Kim,Impact on pupils' STEM learning,25,8,"), "{}", lines[1]);
    assert!(text.contains("#tie-break,criterion:Impact on pupils' STEM learning,median-juror-score,chair-decision"), "{text}");
    assert!(text.contains("#category,Oost-Vlaanderen,Atheneum Noord,College Zuid"), "{text}");
    let (status, text) = w.get("/api/jury/export/results.csv", &j.coord).await;
    assert_eq!(status, StatusCode::OK);
    let text = text.as_str().unwrap();
    assert!(text.contains("category,place,finalist,town,score"), "{text}");
    // 8·0.25 + 6·0.2 + 7·0.2 + 9·0.2 + 5·0.15 = 7.15, two decimals as on screen.
    assert!(text.contains("College Zuid,Gent,7.15,"), "{text}");
    // The Flemish spreadsheet variant: BOM, semicolons, decimal commas, Dutch headers.
    let (status, text) = w.get("/api/jury/export/results.csv?variant=flemish", &j.coord).await;
    assert_eq!(status, StatusCode::OK);
    let text = text.as_str().unwrap();
    assert!(text.starts_with("\u{feff}categorie;plaats;finalist;gemeente;score;"), "{text}");
    assert!(text.contains("College Zuid;Gent;7,15;"), "{text}");
    let (status, text) = w.get("/api/jury/export/scores.csv?variant=flemish", &j.coord).await;
    assert_eq!(status, StatusCode::OK);
    assert!(text.as_str().unwrap().contains("categorie;finalist;jurylid;criterium;gewicht;score;opmerking;algemene opmerking;telt mee"));
    let (status, body) = w.get("/api/jury/export/scores.csv?variant=excel", &j.coord).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("variant")));
}

#[tokio::test]
async fn a_sheet_dropped_by_a_late_conflict_is_not_counted_and_its_juror_is_told() {
    let w = world().await;
    let mut j = jury(&w).await;
    j.set_status(&w, "open").await;
    let (lotte_id, lotte) = j.jurors[2].clone();
    for f in &j.finalists {
        let (status, _) = w.post(&format!("/api/jury/my/finalists/{f}/submit"), &lotte, j.sheet(&[7, 7, 7, 7, 7], 0)).await;
        assert_eq!(status, StatusCode::OK);
    }
    // Lotte declares a conflict with a finalist she already scored.
    let f = j.finalists[1];
    let (status, home) = w.post("/api/jury/my/conflicts", &lotte, json!({"finalist_id": f, "reason": "mijn broer geeft er les"})).await;
    assert_eq!(status, StatusCode::OK, "{home}");
    assert_eq!(home["conflicts"][0]["sheet_dropped"], true, "{home}");
    // Her progress and the set-up's count only sheets that count: 1 of 1.
    let (_, setup) = w.get("/api/jury/setup", &j.coord).await;
    let lotte_row = setup["jurors"].as_array().unwrap().iter().find(|r| r["person_id"] == lotte_id).unwrap().clone();
    assert_eq!((lotte_row["submitted"].as_u64(), lotte_row["assigned"].as_u64()), (Some(1), Some(1)), "{lotte_row}");
    let finalist = setup["categories"][0]["finalists"].as_array().unwrap().iter().find(|x| x["id"] == f).unwrap().clone();
    assert_eq!(finalist["sheets_submitted"], 0);
    let (_, results) = w.get("/api/jury/results", &j.coord).await;
    let c = &results["categories"][0];
    assert!(c["submitted_sheets"].as_u64() <= c["expected_sheets"].as_u64(), "{c}");
    assert_eq!(c["submitted_sheets"], 1);
}

#[tokio::test]
async fn the_chair_reads_results_and_log_while_scoring_is_open_and_nobody_else_does() {
    let w = world().await;
    let mut j = jury(&w).await;
    j.set_status(&w, "open").await;
    let (kim, lotte) = (j.jurors[1].1.clone(), j.jurors[2].1.clone());
    let (status, view) = w.get("/api/jury/results", &kim).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["settings"]["status"], "open");
    let (status, log) = w.get("/api/jury/audit", &kim).await;
    assert_eq!(status, StatusCode::OK);
    // The set-up's events are there, in data and in English.
    let rule = log.as_array().unwrap().iter().find(|e| e["action"] == "jury.tie-break-rule").expect("the rule is logged");
    assert_eq!(rule["event"]["tie-break-rule-set"]["chair"], "Kim");
    assert!(rule["detail"].as_str().unwrap().starts_with("tie-break rule: higher mean score on Impact on pupils' STEM learning"));
    assert_eq!(w.get("/api/jury/results", &lotte).await.0, StatusCode::FORBIDDEN);
    assert_eq!(w.get("/api/jury/audit", &lotte).await.0, StatusCode::FORBIDDEN);
    // The chair acts as the chair only after scoring closed.
    let body = json!({"category_id": 1, "findings": [], "reason": "x"});
    let (status, body) = w.post("/api/jury/acknowledgements", &kim, body).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("jury_not_closed")));
    // The coordinator appoints another chair until the results lock; Kim is
    // then an ordinary juror.
    let (status, setup) = w.put("/api/jury/chair", &j.coord, json!({"version": j.version, "chair_id": j.jurors[2].0})).await;
    assert_eq!(status, StatusCode::OK, "{setup}");
    j.version = setup["settings"]["version"].as_i64().unwrap();
    assert_eq!(w.get("/api/jury/results", &kim).await.0, StatusCode::FORBIDDEN);
    assert_eq!(w.get("/api/jury/results", &lotte).await.0, StatusCode::OK);
    // The rule ends with the chair's decision: the jury cannot be left without a chair.
    let (status, body) = w.put("/api/jury/chair", &j.coord, json!({"version": j.version, "chair_id": null})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("chair_id")));
}

#[tokio::test]
async fn a_juror_can_be_invited_from_the_jury_set_up() {
    let w = world().await;
    let (_, coord) = w.person(Role::Coordinator, "Griet", None, None).await;
    let (status, body) = w.post("/api/jury/jurors", &coord, json!({"name": " ", "email": ""})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("name")));
    let (status, body) = w.post("/api/jury/jurors", &coord, json!({"name": "Nora", "email": "geen-adres"})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("email")));
    let (status, body) = w.post("/api/jury/jurors", &coord, json!({"name": "Nora", "company_id": 12345})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("company_id")));
    let (status, body) = w.post("/api/jury/jurors", &coord, json!({"name": "Nora", "email": "nora@example.be"})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["sign_in_link"].as_str().unwrap().starts_with("http://test/signin#"));
    let (_, setup) = w.get("/api/jury/setup", &coord).await;
    assert_eq!(setup["jurors"][0]["name"], "Nora");
    let id = body["person_id"].as_i64().unwrap();
    let (status, body) = w.post("/api/jury/jurors", &coord, json!({"person_id": id})).await;
    assert_eq!((status, body["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("person_id")));
    let (status, body) = w.post(&format!("/api/jury/jurors/{id}/link"), &coord, json!({})).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body["sign_in_link"].is_string());
    let (status, setup) = w.delete(&format!("/api/jury/jurors/{id}"), &coord).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(setup["jurors"].as_array().unwrap().len(), 0);
    assert_eq!(setup["available_jurors"][0]["name"], "Nora");
}

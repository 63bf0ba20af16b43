//! Shared by the security tests (`authz`, `bad_input`, `sessions`): one
//! database with two editions, two schools matched to two companies, their
//! members, two jurors (one working for a sponsor), a coordinator and the
//! anonymous client; raw requests through the router; a fingerprint of the
//! whole database to prove a refused call changed nothing; and the list of
//! endpoints read from the routers' sources.

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use http_body_util::BodyExt;
use rubric::people::{Role, SchoolFunction};
use serde_json::{json, Value};
use server::db::people::NewPerson;
use server::state::{AppState, Config};
use std::collections::BTreeSet;
use tower::ServiceExt;

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Who {
    Anon,
    Coord,
    /// School A's STEM coordinator.
    StemA,
    /// A teacher of school A.
    TeacherA,
    /// School B's STEM coordinator.
    StemB,
    /// A member of company X, A's sponsor.
    CompX,
    /// A member of company Y, B's sponsor.
    CompY,
    /// A juror who works for X (conflicted on finalist A).
    JurorX,
    /// A juror without conflicts.
    JurorFree,
}

impl Who {
    pub const ALL: [Who; 9] =
        [Who::Anon, Who::Coord, Who::StemA, Who::TeacherA, Who::StemB, Who::CompX, Who::CompY, Who::JurorX, Who::JurorFree];
}

/// Names in the database, unique enough to grep for in a response body.
pub mod names {
    pub const EDITION: &str = "Editie Eenentwintig";
    pub const OTHER_EDITION: &str = "Editie Elders Negentien";
    pub const SCHOOL_A: &str = "Atheneum Alfaweg";
    pub const SCHOOL_B: &str = "Bisschoppelijk College Betaplein";
    pub const SCHOOL_C: &str = "Campus Charliedreef";
    pub const SPARE_SCHOOL: &str = "Spaarschool Sigmalaan";
    pub const COMPANY_X: &str = "Xenonrobotica";
    pub const COMPANY_Y: &str = "Yieldchemie";
    pub const COMPANY_Z: &str = "Zetaverpakking";
    pub const SPARE_COMPANY: &str = "Wolframwerken";
    pub const COORD: &str = "Cora Coordinatrix";
    pub const STEM_A: &str = "Anna Alfastem";
    pub const TEACHER_A: &str = "Arne Alfaleraar";
    pub const STEM_B: &str = "Bram Betastem";
    pub const COMP_X: &str = "Xavier Xenonman";
    pub const COMP_Y: &str = "Yasmine Yieldvrouw";
    pub const JUROR_X: &str = "Jules Xenonjurylid";
    pub const JUROR_FREE: &str = "Kaat Vrijjurylid";
    pub const MEMBER_C: &str = "Carla Charlielid";
    pub const GOAL_A: &str = "Doel Alfa leerlijnen";
    pub const GOAL_B: &str = "Doel Beta labo";
    pub const GOAL_C: &str = "Doel Charlie maakplaats";
    pub const ACTION_A: &str = "Actie Alfa workshop";
    pub const ACTION_B: &str = "Actie Beta robotkit";
    pub const THREAD_A: &str = "Vraag van Xenon over stages";
    pub const THREAD_B: &str = "Vraag van Yield over budget";
}

/// A response as the tests read it.
#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub text: String,
    pub json: Value,
    /// The body as sent (a download, a zip).
    pub bytes: Vec<u8>,
}

impl Resp {
    /// Panics unless the body is a JSON error `{code, message}`.
    pub fn assert_json_error(&self, context: &str) {
        assert!(
            self.json["code"].is_string() && self.json["message"].is_string(),
            "{context}: {} must answer a JSON {{code, message}}, got {:?}",
            self.status,
            self.text.chars().take(300).collect::<String>()
        );
        let content_type = self.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        assert!(content_type.starts_with("application/json"), "{context}: error content type {content_type:?}");
    }
}

/// One request, every part of it chosen by the test.
pub struct Req {
    pub method: Method,
    pub uri: String,
    pub cookie: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    pub headers: Vec<(String, String)>,
}

impl Req {
    pub fn new(method: Method, uri: impl Into<String>) -> Req {
        Req { method, uri: uri.into(), cookie: None, content_type: None, body: Vec::new(), headers: Vec::new() }
    }

    pub fn json(mut self, body: &Value) -> Req {
        self.content_type = Some("application/json".into());
        self.body = body.to_string().into_bytes();
        self
    }

    pub fn raw(mut self, content_type: &str, body: impl Into<Vec<u8>>) -> Req {
        self.content_type = Some(content_type.into());
        self.body = body.into();
        self
    }

    pub fn cookie(mut self, cookie: Option<&str>) -> Req {
        self.cookie = cookie.map(String::from);
        self
    }

    pub fn header(mut self, name: &str, value: &str) -> Req {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// Ids of the rows the scenario made.
#[derive(Debug, Clone, Default)]
pub struct Ids {
    pub edition: i64,
    pub other_edition: i64,
    pub school_a: i64,
    pub school_b: i64,
    pub school_c: i64,
    pub spare_school: i64,
    pub company_x: i64,
    pub company_y: i64,
    pub company_z: i64,
    pub spare_company: i64,
    pub stem_a: i64,
    pub teacher_a: i64,
    pub stem_b: i64,
    pub comp_x: i64,
    pub comp_y: i64,
    pub juror_x: i64,
    pub juror_free: i64,
    pub coord: i64,
    pub member_c: i64,
    pub measurement_a: i64,
    pub measurement_b: i64,
    pub goal_a: i64,
    pub goal_b: i64,
    pub goal_c: i64,
    pub action_a: i64,
    pub action_b: i64,
    pub thread_a: i64,
    pub thread_b: i64,
    pub category: i64,
    pub finalist_a: i64,
    pub finalist_b: i64,
    pub other_category: i64,
    pub other_finalist: i64,
    pub conflict_x_a: i64,
    pub network: i64,
    pub session: i64,
    pub other_network: i64,
    pub other_session: i64,
}

pub struct World {
    pub state: AppState,
    _dir: tempfile::TempDir,
    pub cookies: Vec<(Who, String)>,
    pub ids: Ids,
    dump_sql: std::sync::OnceLock<String>,
}

pub const JSON: &str = "application/json";

impl World {
    /// An empty installation.
    pub async fn empty() -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        let config = Config { dist_dir: dir.path().join("dist"), public_url: "http://test".into(), secure_cookies: false };
        let state = server::prepare(dir.path(), config).await.expect("database opens");
        World { state, _dir: dir, cookies: Vec::new(), ids: Ids::default(), dump_sql: std::sync::OnceLock::new() }
    }

    /// An installation prepared by the caller (its data folder is theirs to keep).
    pub fn with_state(state: AppState) -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        World { state, _dir: dir, cookies: Vec::new(), ids: Ids::default(), dump_sql: std::sync::OnceLock::new() }
    }

    pub async fn send(&self, req: Req) -> Resp {
        let mut builder = Request::builder().method(req.method).uri(&req.uri);
        if let Some(c) = &req.cookie {
            builder = builder.header(header::COOKIE, c);
        }
        if let Some(t) = &req.content_type {
            builder = builder.header(header::CONTENT_TYPE, t);
        }
        for (k, v) in &req.headers {
            builder = builder.header(k.as_str(), v.as_str());
        }
        let request = builder.body(Body::from(req.body)).expect("request");
        let res = server::app(self.state.clone()).oneshot(request).await.expect("response");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Resp { status, headers, text, json, bytes: bytes.to_vec() }
    }

    pub fn cookie(&self, who: Who) -> Option<&str> {
        self.cookies.iter().find(|(w, _)| *w == who).map(|(_, c)| c.as_str())
    }

    /// A JSON call as someone; `None` body sends nothing (and no content type).
    pub async fn call(&self, who: Who, method: Method, uri: &str, body: Option<&Value>) -> Resp {
        let mut req = Req::new(method, uri).cookie(self.cookie(who));
        if let Some(b) = body {
            req = req.json(b);
        }
        self.send(req).await
    }

    /// A call that must succeed; returns the JSON.
    pub async fn ok(&self, who: Who, method: Method, uri: &str, body: Option<&Value>) -> Value {
        let r = self.call(who, method.clone(), uri, body).await;
        assert!(r.status.is_success(), "{method} {uri} as {who:?}: {} {}", r.status, r.text);
        r.json
    }

    pub async fn scalar(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(self.state.writer.pool()).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// As [`World::scalar`], for a query built at run time.
    pub async fn scalar_owned(&self, sql: String) -> i64 {
        sqlx::query_scalar(&sql).fetch_one(self.state.writer.pool()).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Create a person and sign them in through the API; (id, cookie).
    pub async fn sign_up(
        &self,
        name: &str,
        role: Role,
        school_id: Option<i64>,
        company_id: Option<i64>,
        function: Option<SchoolFunction>,
    ) -> (i64, String) {
        let p = NewPerson { name: name.into(), email: String::new(), role, school_id, company_id, school_function: function };
        let (id, token) = server::invite::create(&self.state.writer, &p, None).await.expect("invite");
        (id, self.sign_in(&token).await)
    }

    /// Redeem a token; the `name=value` of the session cookie.
    pub async fn sign_in(&self, token: &str) -> String {
        let r = self.send(Req::new(Method::POST, "/api/auth/signin").json(&json!({ "token": token }))).await;
        assert_eq!(r.status, StatusCode::OK, "sign in: {}", r.text);
        r.headers
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .expect("a session cookie")
            .to_string()
    }

    /// A second session for the same person (so signing out does not end the first).
    pub async fn extra_session(&self, person_id: i64) -> String {
        let token = server::db::sessions::create(self.state.writer.pool(), person_id).await.expect("session");
        format!("{}={token}", server::auth::SESSION_COOKIE)
    }

    /// Everything in the database as text: equal before and after a call
    /// means the call wrote nothing.
    pub async fn fingerprint(&self) -> String {
        if self.dump_sql.get().is_none() {
            let tables: Vec<String> = sqlx::query_scalar(
                "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_sqlx%' order by name",
            )
            .fetch_all(self.state.writer.pool())
            .await
            .expect("tables");
            let mut parts = Vec::new();
            for table in tables {
                let columns: Vec<String> = sqlx::query_scalar(&format!("select name from pragma_table_info('{table}')"))
                    .fetch_all(self.state.writer.pool())
                    .await
                    .expect("columns");
                let row = columns.iter().map(|c| format!("quote(\"{c}\")")).collect::<Vec<_>>().join(" || ',' || ");
                parts.push(format!(
                    "select '## {table}' || char(10) || coalesce((select group_concat(r, char(10)) from (select {row} as r from \"{table}\" order by rowid)), '') as t"
                ));
            }
            let _ = self.dump_sql.set(format!("select group_concat(t, char(10)) from ({})", parts.join(" union all ")));
        }
        let sql = self.dump_sql.get().expect("dump query");
        let dump: Option<String> = sqlx::query_scalar(sql).fetch_one(self.state.writer.pool()).await.expect("dump");
        dump.unwrap_or_default()
    }

    /// The row counts per table, for messages.
    pub async fn counts(&self) -> String {
        let tables: Vec<String> = sqlx::query_scalar(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_sqlx%' order by name",
        )
        .fetch_all(self.state.writer.pool())
        .await
        .expect("tables");
        let mut out = Vec::new();
        for t in tables {
            let n: i64 = sqlx::query_scalar(&format!("select count(*) from \"{t}\"")).fetch_one(self.state.writer.pool()).await.expect("count");
            out.push(format!("{t}={n}"));
        }
        out.join(" ")
    }
}

/// Every string of the scenario that identifies one scope.
pub fn all_names() -> Vec<&'static str> {
    use names::*;
    vec![
        EDITION, OTHER_EDITION, SCHOOL_A, SCHOOL_B, SCHOOL_C, SPARE_SCHOOL, COMPANY_X, COMPANY_Y, COMPANY_Z, SPARE_COMPANY, COORD, STEM_A,
        TEACHER_A, STEM_B, COMP_X, COMP_Y, JUROR_X, JUROR_FREE, MEMBER_C, GOAL_A, GOAL_B, GOAL_C, ACTION_A, ACTION_B, THREAD_A, THREAD_B,
    ]
}

/// What a caller of one scope must never receive of the other scopes.
pub fn foreign_names(who: Who) -> Vec<&'static str> {
    use names::*;
    let b_side = vec![SCHOOL_B, STEM_B, COMPANY_Y, COMP_Y, GOAL_B, ACTION_B, THREAD_B, SCHOOL_C, COMPANY_Z, GOAL_C, MEMBER_C];
    let a_side = vec![SCHOOL_A, STEM_A, TEACHER_A, COMPANY_X, COMP_X, GOAL_A, ACTION_A, THREAD_A, SCHOOL_C, COMPANY_Z, GOAL_C, MEMBER_C];
    match who {
        Who::StemA | Who::TeacherA | Who::CompX => b_side,
        Who::StemB | Who::CompY => a_side,
        Who::JurorX | Who::JurorFree => vec![GOAL_C, SCHOOL_C, MEMBER_C, THREAD_A, THREAD_B, STEM_A, STEM_B, TEACHER_A, COMP_X, COMP_Y],
        Who::Anon | Who::Coord => vec![],
    }
}

/// `{"goal": ...}` for a goal on one indicator.
pub fn goal_body(title: &str) -> Value {
    json!({"goal": {"title": title, "description": "", "indicator_targets": [
        {"indicator_id": "curriculum.learning-lines", "current_level": 1, "target_level": 3}
    ]}})
}

/// `{"action": ...}` with every field filled in.
pub fn action_body(description: &str) -> Value {
    json!({"action": {
        "description": description, "owner": "An", "start": "2026-01-05", "deadline": "2026-03-27",
        "budget_cents": 200000,
        "company_contribution": {"kind": "in-kind", "value_cents": 50000, "description": "Twee ingenieurs"},
        "success_criterion": "Leerlijn goedgekeurd", "status": "planned", "evidence_url": ""
    }})
}

pub fn edition_body(name: &str) -> Value {
    json!({
        "name": name, "school_year": "2026-2027", "nulmeting_deadline": "2098-12-18",
        "plan_deadline": "2099-03-26", "final_date": "2099-05-28", "final_place": "Gent",
        "cofinancing_threshold_pct": 10
    })
}

/// Answer every indicator of a measurement as someone.
pub async fn answer_all(w: &World, who: Who, measurement: i64, level: i64) {
    for (_, indicator) in rubric::current_rubric().indicators() {
        let body = json!({"answer": level, "comment": "", "evidence_url": "", "version": 0});
        w.ok(who, Method::PUT, &format!("/api/measurements/{measurement}/answers/{}", indicator.id), Some(&body)).await;
    }
}

/// The scenario every security test starts from.
pub async fn world() -> World {
    use names::*;
    let mut w = World::empty().await;
    let db = w.state.writer.pool().clone();
    let insert = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql);
    let edition = insert(
        "insert into editions (name, school_year, nulmeting_deadline, plan_deadline, active, created_at) \
         values (?, '2025-2026', '2099-12-31', '2099-12-31', 1, 0) returning id",
    )
    .bind(EDITION)
    .fetch_one(&db)
    .await
    .unwrap();
    let other_edition = insert("insert into editions (name, school_year, active, created_at) values (?, '2019-2020', 0, 0) returning id")
        .bind(OTHER_EDITION)
        .fetch_one(&db)
        .await
        .unwrap();
    let company = |edition: i64, name: &'static str| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, i64>("insert into companies (edition_id, name, created_at) values (?, ?, 0) returning id")
                .bind(edition)
                .bind(name)
                .fetch_one(&db)
                .await
                .unwrap()
        }
    };
    let company_x = company(edition, COMPANY_X).await;
    let company_y = company(edition, COMPANY_Y).await;
    let spare_company = company(edition, SPARE_COMPANY).await;
    let company_z = company(other_edition, COMPANY_Z).await;
    let school = |edition: i64, name: &'static str, sponsor: Option<i64>| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "insert into schools (edition_id, name, town, tracks, company_id, created_at) values (?, ?, 'Gent', 'dual', ?, 0) returning id",
            )
            .bind(edition)
            .bind(name)
            .bind(sponsor)
            .fetch_one(&db)
            .await
            .unwrap()
        }
    };
    let school_a = school(edition, SCHOOL_A, Some(company_x)).await;
    let school_b = school(edition, SCHOOL_B, Some(company_y)).await;
    let spare_school = school(edition, SPARE_SCHOOL, None).await;
    let school_c = school(other_edition, SCHOOL_C, Some(company_z)).await;

    let (coord, c) = w.sign_up(COORD, Role::Coordinator, None, None, None).await;
    w.cookies.push((Who::Coord, c));
    let (stem_a, c) = w.sign_up(STEM_A, Role::SchoolMember, Some(school_a), None, Some(SchoolFunction::StemCoordinator)).await;
    w.cookies.push((Who::StemA, c));
    let (teacher_a, c) = w.sign_up(TEACHER_A, Role::SchoolMember, Some(school_a), None, Some(SchoolFunction::Teacher)).await;
    w.cookies.push((Who::TeacherA, c));
    let (stem_b, c) = w.sign_up(STEM_B, Role::SchoolMember, Some(school_b), None, Some(SchoolFunction::StemCoordinator)).await;
    w.cookies.push((Who::StemB, c));
    let (comp_x, c) = w.sign_up(COMP_X, Role::CompanyMember, None, Some(company_x), None).await;
    w.cookies.push((Who::CompX, c));
    let (comp_y, c) = w.sign_up(COMP_Y, Role::CompanyMember, None, Some(company_y), None).await;
    w.cookies.push((Who::CompY, c));
    let (juror_x, c) = w.sign_up(JUROR_X, Role::Juror, None, None, None).await;
    w.cookies.push((Who::JurorX, c));
    let (juror_free, c) = w.sign_up(JUROR_FREE, Role::Juror, None, None, None).await;
    w.cookies.push((Who::JurorFree, c));
    let member_c = server::db::people::create_person(
        &db,
        &NewPerson {
            name: MEMBER_C.into(),
            email: String::new(),
            role: Role::SchoolMember,
            school_id: Some(school_c),
            company_id: None,
            school_function: Some(SchoolFunction::StemCoordinator),
        },
    )
    .await
    .unwrap();

    // Nulmeting: A's STEM coordinator and B's answer everything and submit;
    // A's teacher answers everything but does not submit yet.
    let measurement_a = w.ok(Who::StemA, Method::GET, "/api/my/measurement", None).await["measurement"]["id"].as_i64().unwrap();
    let measurement_b = w.ok(Who::StemB, Method::GET, "/api/my/measurement", None).await["measurement"]["id"].as_i64().unwrap();
    answer_all(&w, Who::StemA, measurement_a, 2).await;
    answer_all(&w, Who::TeacherA, measurement_a, 3).await;
    answer_all(&w, Who::StemB, measurement_b, 1).await;
    w.ok(Who::StemA, Method::POST, &format!("/api/measurements/{measurement_a}/submit"), Some(&json!({}))).await;
    w.ok(Who::StemB, Method::POST, &format!("/api/measurements/{measurement_b}/submit"), Some(&json!({}))).await;

    // Plans: a goal with an action each, submitted; a company thread each.
    let plan = |s: i64| format!("/api/schools/{s}/plan");
    let goal_a = w.ok(Who::StemA, Method::POST, &format!("{}/goals", plan(school_a)), Some(&goal_body(GOAL_A))).await["goal"]["id"]
        .as_i64()
        .unwrap();
    let action_a = w
        .ok(Who::StemA, Method::POST, &format!("{}/goals/{goal_a}/actions", plan(school_a)), Some(&action_body(ACTION_A)))
        .await["action"]["id"]
        .as_i64()
        .unwrap();
    let goal_b = w.ok(Who::StemB, Method::POST, &format!("{}/goals", plan(school_b)), Some(&goal_body(GOAL_B))).await["goal"]["id"]
        .as_i64()
        .unwrap();
    let action_b = w
        .ok(Who::StemB, Method::POST, &format!("{}/goals/{goal_b}/actions", plan(school_b)), Some(&action_body(ACTION_B)))
        .await["action"]["id"]
        .as_i64()
        .unwrap();
    w.ok(Who::StemA, Method::POST, &format!("{}/submit", plan(school_a)), Some(&json!({}))).await;
    w.ok(Who::StemB, Method::POST, &format!("{}/submit", plan(school_b)), Some(&json!({}))).await;
    let thread = |target: i64, body: &str| json!({"target": {"kind": "goal", "id": target}, "body": body});
    let thread_a = w.ok(Who::CompX, Method::POST, &format!("{}/threads", plan(school_a)), Some(&thread(goal_a, THREAD_A))).await
        ["thread_id"]
        .as_i64()
        .unwrap();
    let thread_b = w.ok(Who::CompY, Method::POST, &format!("{}/threads", plan(school_b)), Some(&thread(goal_b, THREAD_B))).await
        ["thread_id"]
        .as_i64()
        .unwrap();

    // The other edition: school C with a submitted plan, a finalist of its
    // own jury, a network session.
    let plan_c = insert("insert into plans (edition_id, school_id, created_at, updated_at) values (?, ?, 0, 0) returning id")
        .bind(other_edition)
        .bind(school_c)
        .fetch_one(&db)
        .await
        .unwrap();
    let goal_c = insert("insert into goals (plan_id, title, created_at, updated_at) values (?, ?, 0, 0) returning id")
        .bind(plan_c)
        .bind(GOAL_C)
        .fetch_one(&db)
        .await
        .unwrap();
    let snapshot = json!({"goals": [{"id": goal_c, "title": GOAL_C, "description": "", "indicator_targets": [], "position": 0}], "actions": []});
    let version_c = insert("insert into plan_versions (plan_id, number, submitted_at, snapshot) values (?, 1, 0, ?) returning id")
        .bind(plan_c)
        .bind(snapshot.to_string())
        .fetch_one(&db)
        .await
        .unwrap();
    let other_category = insert("insert into award_categories (edition_id, name) values (?, 'Categorie Elders') returning id")
        .bind(other_edition)
        .fetch_one(&db)
        .await
        .unwrap();
    let other_finalist = insert("insert into finalists (category_id, school_id, plan_version_id) values (?, ?, ?) returning id")
        .bind(other_category)
        .bind(school_c)
        .bind(version_c)
        .fetch_one(&db)
        .await
        .unwrap();
    let other_network = insert("insert into networks (edition_id, kind, name) values (?, 'professionalisation', 'Elders') returning id")
        .bind(other_edition)
        .fetch_one(&db)
        .await
        .unwrap();
    let other_session = insert("insert into network_sessions (network_id, date, created_at) values (?, '2019-10-10', 0) returning id")
        .bind(other_network)
        .fetch_one(&db)
        .await
        .unwrap();

    // A network session in the active edition.
    let networks = w.ok(Who::Coord, Method::GET, &format!("/api/editions/{edition}/networks"), None).await;
    let network = networks[0]["id"].as_i64().unwrap();
    let session = w
        .ok(Who::Coord, Method::POST, &format!("/api/networks/{network}/sessions"), Some(&json!({"date": "2026-02-02", "place": "Gent"})))
        .await["id"]
        .as_i64()
        .unwrap();

    // The jury: one category with A and B, juror X works for X (so an
    // automatic conflict on A), a tie-break rule ending with the chair.
    let setup = w.ok(Who::Coord, Method::POST, "/api/jury/categories", Some(&json!({"name": "Categorie Oost"}))).await;
    let category = setup["categories"][0]["id"].as_i64().unwrap();
    for s in [school_a, school_b] {
        w.ok(Who::Coord, Method::POST, "/api/jury/finalists", Some(&json!({"category_id": category, "school_id": s}))).await;
    }
    w.ok(Who::Coord, Method::POST, "/api/jury/jurors", Some(&json!({"person_id": juror_x, "company_id": company_x}))).await;
    w.ok(Who::Coord, Method::POST, "/api/jury/jurors", Some(&json!({"person_id": juror_free}))).await;
    let setup = w.ok(Who::Coord, Method::GET, "/api/jury/setup", None).await;
    let version = setup["settings"]["version"].as_i64().unwrap();
    let rules = json!(["higher-median-juror-score", "chair-decision"]);
    w.ok(Who::Coord, Method::PUT, "/api/jury/tie-break", Some(&json!({"version": version, "rules": rules, "chair_id": juror_free})))
        .await;
    let finalist_of = |s: i64| format!("select f.id from finalists f where f.school_id = {s} and f.category_id = {category}");
    let finalist_a = w.scalar(&finalist_of(school_a)).await;
    let finalist_b = w.scalar(&finalist_of(school_b)).await;
    let conflict_x_a =
        w.scalar(&format!("select id from conflicts where person_id = {juror_x} and finalist_id = {finalist_a} and kind = 'automatic'")).await;

    w.ids = Ids {
        edition,
        other_edition,
        school_a,
        school_b,
        school_c,
        spare_school,
        company_x,
        company_y,
        company_z,
        spare_company,
        stem_a,
        teacher_a,
        stem_b,
        comp_x,
        comp_y,
        juror_x,
        juror_free,
        coord,
        member_c,
        measurement_a,
        measurement_b,
        goal_a,
        goal_b,
        goal_c,
        action_a,
        action_b,
        thread_a,
        thread_b,
        category,
        finalist_a,
        finalist_b,
        other_category,
        other_finalist,
        conflict_x_a,
        network,
        session,
        other_network,
        other_session,
    };
    w
}

/// Every endpoint the routers declare, as (`METHOD`, `/api/path`), read from
/// `server/src/routes/*.rs`; and how many `.route(` calls were seen.
pub fn declared_endpoints() -> (BTreeSet<(String, String)>, usize) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/routes");
    let mut out = BTreeSet::new();
    let mut routes = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("routes dir").filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for file in files {
        let source = std::fs::read_to_string(&file).expect("source");
        let mut rest = source.as_str();
        while let Some(at) = rest.find(".route(\"") {
            routes += 1;
            rest = &rest[at + 8..];
            let end = rest.find('"').expect("end of path");
            let path = format!("/api{}", &rest[..end]);
            // The method router: up to the closing parenthesis of `.route(`.
            let mut depth = 1;
            let mut close = end;
            for (i, ch) in rest[end..].char_indices() {
                match ch {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            close = end + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let methods = &rest[end + 1..close];
            let mut found = 0;
            for (name, method) in [("get", "GET"), ("post", "POST"), ("put", "PUT"), ("delete", "DELETE"), ("patch", "PATCH")] {
                let bytes = methods.as_bytes();
                let mut from = 0;
                while let Some(i) = methods[from..].find(&format!("{name}(")) {
                    let i = from + i;
                    let before = if i == 0 { b' ' } else { bytes[i - 1] };
                    if before == b' ' || before == b'.' {
                        out.insert((method.to_string(), path.clone()));
                        found += 1;
                    }
                    from = i + name.len();
                }
            }
            assert!(found > 0, "no method found for {path} in {}", file.display());
            rest = &rest[close..];
        }
    }
    (out, routes)
}

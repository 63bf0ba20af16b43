//! Regional plan API (issue 17): who may read and write a region's plan
//! (two regions with their regional coordinators, the programme
//! coordinator, a school member), validation at the field (learning routes,
//! owners, companies, contributions above the budget), stale writes (409
//! with the current row), the cofinancing crossing the threshold, the
//! budget CSV, and two regional coordinators' writers at once against the
//! real server (no 5xx, no acknowledged write lost).

use crate::load::serve;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use server::state::{AppState, Config};
use tower::ServiceExt;

struct World {
    state: AppState,
    _dir: tempfile::TempDir,
    edition: i64,
    region_a: i64,
    region_b: i64,
    vmbo: i64,
    mbo: i64,
    school_b: i64,
    metaal: i64,
    installatie: i64,
    company_b: i64,
    rtc: i64,
    school_goal_a: i64,
    coordinator_a: String,
    coordinator_a2: String,
    coordinator_b: String,
    programme: String,
    teacher: String,
}

async fn insert(state: &AppState, sql: &str, binds: Vec<Value>) -> i64 {
    let mut q = sqlx::query_scalar::<_, i64>(sql);
    for b in binds {
        q = match b {
            Value::Number(n) => q.bind(n.as_i64().expect("an integer")),
            Value::String(s) => q.bind(s.clone()),
            _ => q.bind(None::<i64>),
        };
    }
    q.fetch_one(state.writer.pool()).await.unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn session(state: &AppState, person: i64) -> String {
    let token = server::db::sessions::create(state.writer.pool(), person).await.expect("session");
    format!("stempact_session={token}")
}

async fn world() -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config { dist_dir: dir.path().join("dist"), public_url: "http://test".into(), secure_cookies: false };
    let state = server::prepare(dir.path(), config).await.expect("database opens");
    let s = &state;
    let edition = insert(s, "insert into editions (name, school_year, cofinancing_threshold_pct, active, created_at) values ('STO 2026', '2026-2027', 10, 1, 0) returning id", vec![]).await;
    let region = |name: &'static str| insert(s, "insert into regions (edition_id, name, created_at) values (?, ?, 0) returning id", vec![json!(edition), json!(name)]);
    let region_a = region("Noordoost-Brabant").await;
    let region_b = region("Twente").await;
    let school = |name: &'static str| insert(s, "insert into schools (edition_id, name, town, created_at) values (?, ?, 'Oss', 0) returning id", vec![json!(edition), json!(name)]);
    let vmbo = school("Vmbo Het Hooghuis").await;
    let mbo = school("Koning Willem I College").await;
    let school_b = school("ROC van Twente").await;
    for (school, region, level) in [(vmbo, region_a, "vmbo"), (mbo, region_a, "mbo"), (school_b, region_b, "mbo")] {
        insert(s, "insert into region_schools (school_id, region_id, level) values (?, ?, ?) returning school_id", vec![json!(school), json!(region), json!(level)]).await;
    }
    let company = |name: &'static str| insert(s, "insert into companies (edition_id, name, created_at) values (?, ?, 0) returning id", vec![json!(edition), json!(name)]);
    let metaal = company("=Metaalunie Oss").await;
    let installatie = company("Installatiebedrijf Van Dijk").await;
    let company_b = company("Twentse Staal").await;
    for (company, region) in [(metaal, region_a), (installatie, region_a), (company_b, region_b)] {
        insert(s, "insert into region_companies (company_id, region_id) values (?, ?) returning company_id", vec![json!(company), json!(region)]).await;
    }
    let rtc = insert(s, "insert into region_partners (region_id, name, kind, created_at) values (?, 'RTC Noordoost', 'rtc', 0) returning id", vec![json!(region_a)]).await;
    // The vmbo school's own plan has a goal the region can link to.
    let plan = insert(s, "insert into plans (edition_id, school_id, created_at, updated_at) values (?, ?, 0, 0) returning id", vec![json!(edition), json!(vmbo)]).await;
    let school_goal_a = insert(s, "insert into goals (plan_id, title, created_at, updated_at) values (?, 'Techniek in de onderbouw', 0, 0) returning id", vec![json!(plan)]).await;
    let regional = |name: &'static str, region: i64| insert(s, "insert into people (name, role, region_id, created_at) values (?, 'regional-coordinator', ?, 0) returning id", vec![json!(name), json!(region)]);
    let a = regional("Anja Regio-A", region_a).await;
    let a2 = regional("Arno Regio-A", region_a).await;
    let b = regional("Bram Regio-B", region_b).await;
    let programme = insert(s, "insert into people (name, role, created_at) values ('Els Programma', 'coordinator', 0) returning id", vec![]).await;
    let teacher = insert(s, "insert into people (name, role, school_id, created_at) values ('Tom Leraar', 'school-member', ?, 0) returning id", vec![json!(vmbo)]).await;
    World {
        coordinator_a: session(s, a).await,
        coordinator_a2: session(s, a2).await,
        coordinator_b: session(s, b).await,
        programme: session(s, programme).await,
        teacher: session(s, teacher).await,
        state,
        _dir: dir,
        edition,
        region_a,
        region_b,
        vmbo,
        mbo,
        school_b,
        metaal,
        installatie,
        company_b,
        rtc,
        school_goal_a,
    }
}

struct Answer {
    status: StatusCode,
    json: Value,
    text: String,
    headers: axum::http::HeaderMap,
}

impl World {
    async fn call(&self, method: Method, uri: &str, cookie: Option<&str>, body: Option<Value>) -> Answer {
        let mut req = Request::builder().method(method).uri(uri);
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        let req = match body {
            Some(b) => req.header(header::CONTENT_TYPE, "application/json").body(Body::from(b.to_string())),
            None => req.body(Body::empty()),
        }
        .expect("request");
        let res = server::app(self.state.clone()).oneshot(req).await.expect("response");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        let text = String::from_utf8_lossy(&bytes).to_string();
        Answer { status, json: serde_json::from_slice(&bytes).unwrap_or(Value::Null), text, headers }
    }

    fn plan(&self, region: i64) -> String {
        format!("/api/regions/{region}/plan")
    }

    async fn goal(&self, cookie: &str, body: Value) -> Answer {
        self.call(Method::POST, &format!("{}/goals", self.plan(self.region_a)), Some(cookie), Some(json!({"goal": body}))).await
    }

    async fn action(&self, cookie: &str, goal: i64, body: Value) -> Answer {
        self.call(Method::POST, &format!("{}/goals/{goal}/actions", self.plan(self.region_a)), Some(cookie), Some(json!({"action": body}))).await
    }
}

fn field_of(a: &Answer) -> Vec<String> {
    a.json["fields"].as_array().map(|f| f.iter().map(|x| x["field"].as_str().unwrap_or_default().to_string()).collect()).unwrap_or_default()
}

#[tokio::test]
async fn a_regional_coordinator_reads_and_writes_only_their_region() {
    let w = world().await;
    // Own region: read and write.
    let page = w.call(Method::GET, &w.plan(w.region_a), Some(&w.coordinator_a), None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text);
    assert_eq!(page.json["may_edit"], true);
    assert_eq!(page.json["region_name"], "Noordoost-Brabant");
    assert_eq!(page.json["threshold_percent"], 10);
    assert_eq!(page.json["directory"]["schools"].as_object().map(|o| o.len()), Some(2));
    assert_eq!(page.json["school_goals"][0]["id"], w.school_goal_a);
    let created = w.goal(&w.coordinator_a, json!({"title": "Doorlopende leerroute metaal"})).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    // Another region's coordinator: 403 for reading, writing and the CSV.
    assert_eq!(w.call(Method::GET, &w.plan(w.region_a), Some(&w.coordinator_b), None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(w.call(Method::GET, &format!("{}/budget.csv", w.plan(w.region_a)), Some(&w.coordinator_b), None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(w.goal(&w.coordinator_b, json!({"title": "Inbraak"})).await.status, StatusCode::FORBIDDEN);
    let goal_id = created.json["row"]["id"].as_i64().expect("goal id");
    let put = w.call(Method::PUT, &format!("{}/goals/{goal_id}", w.plan(w.region_a)), Some(&w.coordinator_b), Some(json!({"version": 1, "goal": {"title": "Overgenomen"}}))).await;
    assert_eq!(put.status, StatusCode::FORBIDDEN);
    // A goal id of region A under region B's address is not found there.
    let cross = w.call(Method::PUT, &format!("{}/goals/{goal_id}", w.plan(w.region_b)), Some(&w.coordinator_b), Some(json!({"version": 1, "goal": {"title": "Overgenomen"}}))).await;
    assert_eq!(cross.status, StatusCode::NOT_FOUND);
    // The programme coordinator reads every region but does not write.
    for region in [w.region_a, w.region_b] {
        let p = w.call(Method::GET, &w.plan(region), Some(&w.programme), None).await;
        assert_eq!(p.status, StatusCode::OK);
        assert_eq!(p.json["may_edit"], false);
    }
    assert_eq!(w.goal(&w.programme, json!({"title": "Van bovenaf"})).await.status, StatusCode::FORBIDDEN);
    // A school member, nobody signed in, an unknown region.
    assert_eq!(w.call(Method::GET, &w.plan(w.region_a), Some(&w.teacher), None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(w.call(Method::GET, &w.plan(w.region_a), None, None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(w.call(Method::GET, &w.plan(9999), Some(&w.programme), None).await.status, StatusCode::NOT_FOUND);
    // Nothing of the refused writes landed.
    let titles: Vec<String> = sqlx::query_scalar("select title from regional_goals").fetch_all(&w.state.db).await.expect("titles");
    assert_eq!(titles, vec!["Doorlopende leerroute metaal".to_string()]);
}

#[tokio::test]
async fn bad_input_is_refused_at_its_field() {
    let w = world().await;
    let c = &w.coordinator_a;
    let other_region = w.goal(c, json!({"title": "Leerroute", "route": {"sending_school_id": w.vmbo, "receiving_school_id": w.school_b}})).await;
    assert_eq!(other_region.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_of(&other_region), vec!["route.receiving_school_id"]);
    assert!(other_region.text.contains("not a school of this region"), "{}", other_region.text);
    // The domain error comes along, for the page to word in its language.
    assert_eq!(other_region.json["fields"][0]["detail"], json!({"school-not-in-region": {"field": "receiving-school"}}), "{}", other_region.text);
    assert_eq!(other_region.json["fields"][0]["code"], "not_in_region", "the page words it by its code: {}", other_region.text);
    let same = w.goal(c, json!({"title": "Leerroute", "route": {"sending_school_id": w.vmbo, "receiving_school_id": w.vmbo}})).await;
    assert_eq!(field_of(&same), vec!["route.receiving_school_id"]);
    let no_title = w.goal(c, json!({"title": "  ", "linked_school_goal_ids": [w.school_goal_a + 1000]})).await;
    assert_eq!(field_of(&no_title), vec!["title", "linked_school_goal_ids[0]"]);
    let route = w.goal(c, json!({"title": "Vmbo naar mbo", "route": {"sending_school_id": w.vmbo, "receiving_school_id": w.mbo}, "linked_school_goal_ids": [w.school_goal_a]})).await;
    assert_eq!(route.status, StatusCode::CREATED, "{}", route.text);
    assert_eq!(route.json["row"]["route"]["receiving_school_id"], w.mbo);
    assert_eq!(route.json["row"]["linked_school_goal_ids"], json!([w.school_goal_a]));
    let goal = route.json["row"]["id"].as_i64().expect("id");
    let bad = w
        .action(c, goal, json!({
            "description": "Gezamenlijke lasopleiding",
            "owner": {"kind": "company", "id": w.company_b},
            "budget_cents": 100_000,
            "contributions": [
                {"company_id": w.company_b, "money_cents": 1000},
                {"company_id": w.metaal, "money_cents": 90_000, "in_kind_cents": 20_000},
            ],
        }))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_of(&bad), vec!["owner", "contributions[0].company_id", "contributions[1].in_kind_description"]);
    let above = w
        .action(c, goal, json!({
            "description": "Gezamenlijke lasopleiding",
            "owner": {"kind": "partner", "id": w.rtc},
            "budget_cents": 100_000,
            "contributions": [{"company_id": w.metaal, "money_cents": 90_000, "in_kind_cents": 20_000, "in_kind_description": "Lasapparaten"}],
        }))
        .await;
    assert_eq!(field_of(&above), vec!["budget_cents"]);
    assert!(above.text.contains("€1,100.00"), "{}", above.text);
    let missing_goal = w.action(c, 987_654, json!({"description": "x", "owner": {"kind": "school", "id": w.vmbo}})).await;
    assert_eq!(missing_goal.status, StatusCode::NOT_FOUND);
    let malformed = w.call(Method::POST, &format!("{}/goals", w.plan(w.region_a)), Some(c), Some(json!({"goal": {"title": 5}}))).await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    let n: i64 = sqlx::query_scalar("select count(*) from regional_actions").fetch_one(&w.state.db).await.expect("count");
    assert_eq!(n, 0, "no refused action was saved");
}

#[tokio::test]
async fn the_cofinancing_crosses_the_threshold_with_the_second_company() {
    let w = world().await;
    let c = &w.coordinator_a;
    let goal = w.goal(c, json!({"title": "Praktijkroute"})).await.json["row"]["id"].as_i64().expect("goal");
    let first = w
        .action(c, goal, json!({
            "description": "Praktijklokaal",
            "owner": {"kind": "school", "id": w.vmbo},
            "budget_cents": 1_000_000,
            "contributions": [{"company_id": w.metaal, "money_cents": 60_000}],
        }))
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    assert_eq!(first.json["cofinancing"]["total"]["share"], json!({"status": "computed", "share_tenths_percent": 60, "met": false}));
    assert_eq!(first.json["cofinancing"]["missing_cents"], 40_000);
    let action = first.json["row"]["id"].as_i64().expect("action");
    let second = w
        .call(Method::PUT, &format!("{}/actions/{action}", w.plan(w.region_a)), Some(c), Some(json!({"version": 1, "action": {
            "description": "Praktijklokaal",
            "owner": {"kind": "school", "id": w.vmbo},
            "budget_cents": 1_000_000,
            "contributions": [
                {"company_id": w.metaal, "money_cents": 60_000},
                {"company_id": w.installatie, "in_kind_cents": 40_000, "in_kind_description": "Montage door leerlingen begeleid"},
            ],
        }})))
        .await;
    assert_eq!(second.status, StatusCode::OK, "{}", second.text);
    assert_eq!(second.json["cofinancing"]["total"]["share"]["met"], true);
    assert_eq!(second.json["cofinancing"]["per_company"].as_array().map(Vec::len), Some(2));
    let page = w.call(Method::GET, &w.plan(w.region_a), Some(c), None).await;
    assert_eq!(page.json["cofinancing"]["total"]["contribution_cents"], 100_000);
    assert_eq!(page.json["plan"]["actions"][0]["contributions"][1]["in_kind_description"], "Montage door leerlingen begeleid");
    // Every change was logged with who made it.
    let audits: i64 = sqlx::query_scalar("select count(*) from audit_log where action like 'regional-plan.%'").fetch_one(&w.state.db).await.expect("audit");
    assert_eq!(audits, 3);
}

#[tokio::test]
async fn a_stale_write_answers_409_with_the_current_row_and_changes_nothing() {
    let w = world().await;
    let goal = w.goal(&w.coordinator_a, json!({"title": "Eerste versie"})).await.json["row"]["id"].as_i64().expect("goal");
    let uri = format!("{}/goals/{goal}", w.plan(w.region_a));
    let mine = w.call(Method::PUT, &uri, Some(&w.coordinator_a), Some(json!({"version": 1, "goal": {"title": "Versie van Anja"}}))).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert_eq!(mine.json["row"]["version"], 2);
    let theirs = w.call(Method::PUT, &uri, Some(&w.coordinator_a2), Some(json!({"version": 1, "goal": {"title": "Versie van Arno"}}))).await;
    assert_eq!(theirs.status, StatusCode::CONFLICT);
    assert_eq!(theirs.json["code"], "stale");
    assert_eq!(theirs.json["current"]["title"], "Versie van Anja");
    assert_eq!(theirs.json["current"]["version"], 2);
    // Deleting what someone else changed is refused too.
    let delete = w.call(Method::DELETE, &uri, Some(&w.coordinator_a2), Some(json!({"version": 1}))).await;
    assert_eq!(delete.status, StatusCode::CONFLICT);
    assert_eq!(delete.json["current"]["title"], "Versie van Anja");
    // With the current version the delete goes through, actions and all.
    let action = w.action(&w.coordinator_a, goal, json!({"description": "Open dag", "owner": {"kind": "partner", "id": w.rtc}, "budget_cents": 500})).await;
    assert_eq!(action.status, StatusCode::CREATED, "{}", action.text);
    let deleted = w.call(Method::DELETE, &uri, Some(&w.coordinator_a2), Some(json!({"version": 2}))).await;
    assert_eq!(deleted.status, StatusCode::OK, "{}", deleted.text);
    let left: i64 = sqlx::query_scalar("select count(*) from regional_actions").fetch_one(&w.state.db).await.expect("count");
    assert_eq!(left, 0);
    assert_eq!(w.call(Method::DELETE, &uri, Some(&w.coordinator_a2), Some(json!({"version": 2}))).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_budget_csv_opens_in_dutch_excel_and_guards_formulas() {
    let w = world().await;
    let c = &w.coordinator_a;
    let goal = w.goal(c, json!({"title": "=HYPERLINK(\"http://x\")", "route": {"sending_school_id": w.vmbo, "receiving_school_id": w.mbo}})).await.json["row"]["id"].as_i64().expect("goal");
    let a = w
        .action(c, goal, json!({
            "description": "Docentstage; twee dagen",
            "owner": {"kind": "company", "id": w.installatie},
            "budget_cents": 250_050,
            "contributions": [{"company_id": w.metaal, "money_cents": 25_005}],
        }))
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.text);
    let csv = w.call(Method::GET, &format!("{}/budget.csv", w.plan(w.region_a)), Some(&w.programme), None).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert_eq!(csv.headers[header::CONTENT_DISPOSITION], "attachment; filename=\"begroting-noordoost-brabant.csv\"");
    assert!(csv.text.starts_with('\u{feff}'), "a UTF-8 byte order mark first");
    let lines: Vec<&str> = csv.text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], "Doel;Leerroute;Actie;Eigenaar;Begroting (EUR);'=Metaalunie Oss: geld (EUR);'=Metaalunie Oss: in natura (EUR);Bijdragen bedrijven (EUR)");
    assert_eq!(
        lines[1],
        "\"'=HYPERLINK(\"\"http://x\"\")\";Vmbo Het Hooghuis -> Koning Willem I College;\"Docentstage; twee dagen\";Installatiebedrijf Van Dijk;2500,50;250,05;0,00;250,05"
    );
    assert_eq!(lines[2], "Totaal;;;;2500,50;250,05;0,00;250,05");
    assert!(csv.text.contains("\r\nCofinanciering bedrijfsleven;10,0 %\r\nDrempel;10 %\r\nDrempel gehaald;ja\r\n"), "{}", csv.text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_regional_coordinators_editing_at_once_get_no_5xx_and_lose_no_acknowledged_write() {
    let w = world().await;
    let served = serve(w.state.clone()).await;
    let base = format!("{}/api/regions/{}/plan", served.base, w.region_a);
    let http = reqwest::Client::new();
    // One shared goal both edit, and each adds actions under it.
    let goal = w.goal(&w.coordinator_a, json!({"title": "Gedeeld doel"})).await.json["row"]["id"].as_i64().expect("goal");
    let writer = |cookie: String, name: &'static str, company: i64| {
        let (http, base) = (http.clone(), base.clone());
        let owner = json!({"kind": "company", "id": company});
        tokio::spawn(async move {
            let mut acknowledged = Vec::new();
            let mut statuses = Vec::new();
            for i in 0..12 {
                let body = json!({"action": {"description": format!("{name} {i}"), "owner": owner, "budget_cents": 10_000,
                    "contributions": [{"company_id": company, "money_cents": 1_000 + i}]}});
                let r = http.post(format!("{base}/goals/{goal}/actions")).header("cookie", &cookie).json(&body).send().await.expect("http");
                statuses.push(r.status().as_u16());
                if r.status().as_u16() == 201 {
                    acknowledged.push(format!("{name} {i}"));
                }
                // Both also rename the shared goal from what they last read.
                let page: Value = http.get(&base).header("cookie", &cookie).send().await.expect("http").json().await.expect("json");
                let version = page["plan"]["goals"][0]["version"].as_i64().unwrap_or(0);
                let r = http
                    .put(format!("{base}/goals/{goal}"))
                    .header("cookie", &cookie)
                    .json(&json!({"version": version, "goal": {"title": format!("Doel van {name} {i}")}}))
                    .send()
                    .await
                    .expect("http");
                statuses.push(r.status().as_u16());
                if r.status().as_u16() == 200 {
                    acknowledged.push(format!("Doel van {name} {i}"));
                }
            }
            (statuses, acknowledged)
        })
    };
    let a = writer(w.coordinator_a.clone(), "Anja", w.metaal);
    let b = writer(w.coordinator_a2.clone(), "Arno", w.installatie);
    let (sa, ka) = a.await.expect("task a");
    let (sb, kb) = b.await.expect("task b");
    let all: Vec<u16> = sa.iter().chain(sb.iter()).copied().collect();
    assert!(all.iter().all(|s| *s < 500), "a 5xx answer: {all:?}");
    assert!(all.iter().all(|s| matches!(s, 200 | 201 | 409)), "unexpected answers: {all:?}");
    // Every acknowledged action is there; the goal carries the last
    // acknowledged title of one of them.
    let page: Value = http.get(&base).header("cookie", &w.coordinator_a).send().await.expect("http").json().await.expect("json");
    let descriptions: Vec<String> = page["plan"]["actions"].as_array().expect("actions").iter().map(|a| a["description"].as_str().unwrap_or_default().to_string()).collect();
    for k in ka.iter().chain(kb.iter()).filter(|k| !k.starts_with("Doel van")) {
        assert!(descriptions.contains(k), "acknowledged action {k} was lost");
    }
    assert_eq!(descriptions.len(), 24);
    let title = page["plan"]["goals"][0]["title"].as_str().expect("title").to_string();
    let last_a = ka.iter().rev().find(|k| k.starts_with("Doel van"));
    let last_b = kb.iter().rev().find(|k| k.starts_with("Doel van"));
    assert!(Some(&title) == last_a || Some(&title) == last_b, "the goal's title {title} is no one's last acknowledged write ({last_a:?}, {last_b:?})");
    // The cofinancing adds up every acknowledged contribution.
    let expected: i64 = (0..12).map(|i| 2 * (1_000 + i)).sum();
    assert_eq!(page["cofinancing"]["total"]["contribution_cents"], expected);
}

#[tokio::test]
async fn the_regions_and_their_plans_travel_with_the_edition() {
    let w = world().await;
    let c = &w.coordinator_a;
    sqlx::query("insert into region_pupils (region_id, school_id, track, year, pupils) values (?, ?, 'BWI', 2025, 48)").bind(w.region_a).bind(w.vmbo).execute(w.state.writer.pool()).await.expect("pupils");
    sqlx::query("insert into region_progression (region_id, kind, year, leavers, continued) values (?, 'vmbo-to-mbo', 2025, 100, 64)").bind(w.region_a).execute(w.state.writer.pool()).await.expect("progression");
    sqlx::query("insert into region_facilities (region_id, kind, name, note) values (?, 'network', 'PLG metaal', 'vmbo en mbo')").bind(w.region_a).execute(w.state.writer.pool()).await.expect("facility");
    let goal = w.goal(c, json!({"title": "Leerroute", "route": {"sending_school_id": w.vmbo, "receiving_school_id": w.mbo}, "linked_school_goal_ids": [w.school_goal_a]})).await;
    let goal = goal.json["row"]["id"].as_i64().expect("goal");
    let action = w
        .action(c, goal, json!({
            "description": "Open lesdag",
            "owner": {"kind": "partner", "id": w.rtc},
            "budget_cents": 50_000,
            "contributions": [{"company_id": w.metaal, "money_cents": 2_500, "in_kind_cents": 2_500, "in_kind_description": "Materiaal"}],
        }))
        .await;
    assert_eq!(action.status, StatusCode::CREATED, "{}", action.text);

    let mut doc = server::db::exchange::export(&w.state.db, w.edition, 0).await.expect("export");
    assert_eq!(doc.regions.len(), 2);
    assert_eq!(doc.regions[0].partners.len(), 1);
    assert_eq!(doc.regions[0].pupils.len(), 1);
    assert_eq!(doc.regional_goals.len(), 1);
    assert_eq!(doc.regional_goals[0].linked_goal_ids.len(), 1);
    assert_eq!(doc.regional_actions[0].owner, rubric::regional_plan::Organisation::Partner(1));
    assert_eq!(rubric::exchange::check_document(&doc), Ok(()));
    let parsed = rubric::exchange::parse_document(&doc.to_json()).expect("parse");
    assert_eq!(parsed, doc);

    // Into an empty installation and out again: the same document.
    let fresh = world().await;
    let summary = server::db::exchange::import(&fresh.state.writer, &parsed, None).await.expect("import");
    let mut again = server::db::exchange::export(&fresh.state.db, summary.edition_id, 0).await.expect("export again");
    doc.exported_at = 0;
    again.exported_at = 0;
    assert_eq!(again.regions, doc.regions);
    assert_eq!(again.regional_goals, doc.regional_goals);
    assert_eq!(again.regional_actions, doc.regional_actions);

    // A file whose action names a company of no region is refused by name.
    let mut bad = doc.clone();
    bad.regional_actions[0].contributions[0].company_id = 99;
    let problems = rubric::exchange::check_document(&bad).expect_err("refused");
    assert!(problems.iter().any(|p| p.starts_with("regional_actions[0].contributions[0]")), "{problems:?}");
    // A file without the regions' sections (older) still reads, with no regions.
    let mut old: Value = serde_json::from_str(&doc.to_json()).expect("json");
    for key in ["regions", "regional_goals", "regional_actions"] {
        old.as_object_mut().expect("object").remove(key);
    }
    let read = rubric::exchange::parse_document(&old.to_string()).expect("an older file");
    assert!(read.regions.is_empty() && read.regional_actions.is_empty());
}

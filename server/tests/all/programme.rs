//! Handler tests of the programme set-up: who may call each endpoint (only
//! coordinators; the school's STEM coordinator for their colleagues),
//! editions, schools and companies with the CSV import, matching, learning
//! networks, invitations, the dashboard, and export/import.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use rubric::people::{Role, SchoolFunction};
use serde_json::{json, Value};
use server::db::people::NewPerson;
use server::state::{AppState, Config};
use tower::ServiceExt;

struct Env {
    state: AppState,
    _dir: tempfile::TempDir,
}

async fn env() -> Env {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config { dist_dir: dir.path().join("dist"), public_url: "http://test".into(), secure_cookies: false };
    let state = server::prepare(dir.path(), config).await.expect("database opens");
    Env { state, _dir: dir }
}

impl Env {
    /// A person signed in; returns their session cookie.
    async fn session(&self, role: Role, school: Option<i64>, company: Option<i64>, function: Option<SchoolFunction>) -> String {
        let p = NewPerson { name: format!("{role:?}"), email: String::new(), role, school_id: school, company_id: company, school_function: function };
        let (_, token) = server::invite::create(&self.state.writer, &p, None).await.expect("invite");
        let (status, cookie, _) = self.raw(Method::POST, "/api/auth/signin", None, Some(json!({ "token": token }))).await;
        assert_eq!(status, StatusCode::OK);
        cookie.expect("cookie").split(';').next().unwrap_or_default().to_string()
    }

    async fn raw(&self, method: Method, uri: &str, cookie: Option<&str>, body: Option<Value>) -> (StatusCode, Option<String>, Value) {
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
        let cookie = res.headers().get(header::SET_COOKIE).and_then(|v| v.to_str().ok()).map(String::from);
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        (status, cookie, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    }

    async fn call(&self, method: Method, uri: &str, cookie: &str, body: Option<Value>) -> (StatusCode, Value) {
        let (s, _, v) = self.raw(method, uri, Some(cookie), body).await;
        (s, v)
    }

    async fn get(&self, uri: &str, cookie: &str) -> Value {
        let (s, v) = self.call(Method::GET, uri, cookie, None).await;
        assert_eq!(s, StatusCode::OK, "GET {uri}: {v}");
        v
    }

    async fn ok(&self, method: Method, uri: &str, cookie: &str, body: Value) -> Value {
        let (s, v) = self.call(method.clone(), uri, cookie, Some(body)).await;
        assert_eq!(s, StatusCode::OK, "{method} {uri}: {v}");
        v
    }

    async fn raw_text(&self, method: Method, uri: &str, cookie: &str, text: String) -> (StatusCode, Value) {
        let req = Request::builder().method(method).uri(uri).header(header::COOKIE, cookie).body(Body::from(text)).unwrap();
        let res = server::app(self.state.clone()).oneshot(req).await.expect("response");
        let status = res.status();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    }
}

fn edition_body(name: &str) -> Value {
    json!({
        "name": name, "school_year": "2026-2027", "nulmeting_deadline": "2026-12-18",
        "plan_deadline": "2027-03-26", "final_date": "2027-05-28", "final_place": "Sint-Niklaas",
        "cofinancing_threshold_pct": 10
    })
}

fn school_body(name: &str) -> Value {
    json!({ "name": name, "town": "Lokeren", "region": "Oost-Vlaanderen", "tracks": ["dual"] })
}

/// An edition with one school, one company and one session; returns their ids.
async fn setup(e: &Env, coordinator: &str) -> (i64, i64, i64, i64) {
    let edition = e.ok(Method::POST, "/api/editions", coordinator, edition_body("STEMpact 2026-2027")).await;
    let edition_id = edition["id"].as_i64().unwrap();
    let school = e.ok(Method::POST, &format!("/api/editions/{edition_id}/schools"), coordinator, school_body("Campus De Horizon")).await;
    let company = e
        .ok(Method::POST, &format!("/api/editions/{edition_id}/companies"), coordinator, json!({ "name": "Polymeer Waasland", "town": "Lokeren" }))
        .await;
    let networks = e.get(&format!("/api/editions/{edition_id}/networks"), coordinator).await;
    let network_id = networks[0]["id"].as_i64().unwrap();
    let session = e
        .ok(Method::POST, &format!("/api/networks/{network_id}/sessions"), coordinator, json!({ "date": "2027-01-28", "place": "Genk" }))
        .await;
    (edition_id, school["id"].as_i64().unwrap(), company["id"].as_i64().unwrap(), session["id"].as_i64().unwrap())
}

#[tokio::test]
async fn every_endpoint_is_for_coordinators_only() {
    let e = env().await;
    let coordinator = e.session(Role::Coordinator, None, None, None).await;
    let (edition, school, company, session) = setup(&e, &coordinator).await;
    let person = e.get(&format!("/api/editions/{edition}/people"), &coordinator).await[0]["id"].as_i64().unwrap();
    let others = [
        ("teacher", e.session(Role::SchoolMember, Some(school), None, Some(SchoolFunction::Teacher)).await),
        ("STEM coordinator", e.session(Role::SchoolMember, Some(school), None, Some(SchoolFunction::StemCoordinator)).await),
        ("company member", e.session(Role::CompanyMember, None, Some(company), None).await),
        ("juror", e.session(Role::Juror, None, None, None).await),
    ];
    let v = json!({ "version": 1 });
    let endpoints: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, "/api/editions".into(), None),
        (Method::POST, "/api/editions".into(), Some(edition_body("X"))),
        (Method::GET, format!("/api/editions/{edition}"), None),
        (Method::PUT, format!("/api/editions/{edition}"), Some(json!({ "name": "X", "school_year": "2026-2027", "version": 1 }))),
        (Method::POST, format!("/api/editions/{edition}/activate"), None),
        (Method::GET, format!("/api/editions/{edition}/schools"), None),
        (Method::POST, format!("/api/editions/{edition}/schools"), Some(school_body("X"))),
        (Method::POST, format!("/api/editions/{edition}/schools/import"), Some(json!({ "csv": "naam;finaliteit\nX;dual" }))),
        (Method::PUT, format!("/api/schools/{school}"), Some(json!({ "name": "X", "tracks": ["dual"], "version": 1 }))),
        (Method::POST, format!("/api/schools/{school}/archive"), Some(v.clone())),
        (Method::POST, format!("/api/schools/{school}/restore"), Some(v.clone())),
        (Method::GET, format!("/api/editions/{edition}/companies"), None),
        (Method::POST, format!("/api/editions/{edition}/companies"), Some(json!({ "name": "X" }))),
        (Method::POST, format!("/api/editions/{edition}/companies/import"), Some(json!({ "csv": "naam\nX" }))),
        (Method::PUT, format!("/api/companies/{company}"), Some(json!({ "name": "X", "version": 1 }))),
        (Method::POST, format!("/api/companies/{company}/archive"), Some(v.clone())),
        (Method::POST, format!("/api/companies/{company}/restore"), Some(v.clone())),
        (Method::GET, format!("/api/editions/{edition}/matching"), None),
        (Method::PUT, format!("/api/schools/{school}/sponsor"), Some(json!({ "company_id": company, "version": 1 }))),
        (Method::GET, format!("/api/editions/{edition}/networks"), None),
        (Method::POST, "/api/networks/1/sessions".into(), Some(json!({ "date": "2027-02-01" }))),
        (Method::PUT, format!("/api/sessions/{session}"), Some(json!({ "date": "2027-02-01", "version": 1 }))),
        (Method::DELETE, format!("/api/sessions/{session}"), None),
        (Method::PUT, format!("/api/sessions/{session}/attendance"), Some(json!({ "school_ids": [school], "version": 1 }))),
        (Method::GET, format!("/api/editions/{edition}/people"), None),
        (Method::POST, "/api/people".into(), Some(json!({ "name": "X", "role": "juror" }))),
        (Method::POST, format!("/api/people/{person}/link"), None),
        (Method::POST, format!("/api/people/{person}/revoke"), None),
        (Method::POST, format!("/api/people/{person}/archive"), None),
        (Method::POST, format!("/api/people/{person}/restore"), None),
        (Method::GET, format!("/api/editions/{edition}/dashboard"), None),
        (Method::GET, format!("/api/editions/{edition}/export"), None),
        (Method::POST, "/api/import".into(), Some(json!({}))),
        (Method::POST, "/api/demo".into(), None),
    ];
    for (method, uri, body) in &endpoints {
        let (status, _, _) = e.raw(method.clone(), uri, None, body.clone()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {uri} without a session");
        for (who, cookie) in &others {
            let (status, v) = e.call(method.clone(), uri, cookie, body.clone()).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri} as {who}: {v}");
        }
    }
    // Nothing changed for all those attempts.
    let schools = e.get(&format!("/api/editions/{edition}/schools"), &coordinator).await;
    assert_eq!(schools.as_array().map(Vec::len), Some(1));
    assert_eq!(schools[0]["name"], "Campus De Horizon");
    assert_eq!(e.get("/api/editions", &coordinator).await.as_array().map(Vec::len), Some(1));
    // The colleagues endpoints are for the school's STEM coordinator only.
    for (method, uri, body) in [
        (Method::GET, "/api/my-school/team".to_string(), None),
        (Method::POST, "/api/my-school/team".to_string(), Some(json!({ "name": "X" }))),
        (Method::POST, format!("/api/my-school/team/{person}/link"), None),
    ] {
        for (who, cookie) in [("coordinator", &coordinator), ("teacher", &others[0].1), ("company member", &others[2].1), ("juror", &others[3].1)] {
            let (status, v) = e.call(method.clone(), &uri, cookie, body.clone()).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{method} {uri} as {who}: {v}");
        }
    }
}

#[tokio::test]
async fn editions_are_validated_versioned_and_one_is_active() {
    let e = env().await;
    let c = e.session(Role::Coordinator, None, None, None).await;
    let (status, v) = e
        .call(Method::POST, "/api/editions", &c, Some(json!({ "name": "", "school_year": "2026", "plan_deadline": "2026-11-01", "nulmeting_deadline": "2026-12-01" })))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = v["fields"].as_array().unwrap().iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, vec!["name", "school_year", "plan_deadline"]);
    let first = e.ok(Method::POST, "/api/editions", &c, edition_body("Eerste")).await;
    assert_eq!(first["active"], true, "the first edition is active");
    assert_eq!(first["school_year"], "2026-2027");
    let second = e.ok(Method::POST, "/api/editions", &c, edition_body("Tweede")).await;
    assert_eq!(second["active"], false);
    let id = second["id"].as_i64().unwrap();
    // Three networks were seeded.
    let networks = e.get(&format!("/api/editions/{id}/networks"), &c).await;
    let kinds: Vec<&str> = networks.as_array().unwrap().iter().filter_map(|n| n["kind"].as_str()).collect();
    assert_eq!(kinds, vec!["team-stem-project", "professionalisation", "local-ecosystem"]);
    // Update with the right version, then a stale write gets 409 with the current row.
    let mut body = edition_body("Tweede editie");
    body["version"] = json!(1);
    body["cofinancing_threshold_pct"] = json!(15);
    let updated = e.ok(Method::PUT, &format!("/api/editions/{id}"), &c, body.clone()).await;
    assert_eq!((updated["version"].as_i64(), updated["cofinancing_threshold_pct"].as_i64()), (Some(2), Some(15)));
    let (status, v) = e.call(Method::PUT, &format!("/api/editions/{id}"), &c, Some(body)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(v["current"]["name"], "Tweede editie");
    // Activating the second deactivates the first, which stays readable.
    e.ok(Method::POST, &format!("/api/editions/{id}/activate"), &c, json!({})).await;
    let all = e.get("/api/editions", &c).await;
    let active: Vec<&str> = all.as_array().unwrap().iter().filter(|x| x["active"] == true).filter_map(|x| x["name"].as_str()).collect();
    assert_eq!(active, vec!["Tweede editie"]);
    assert_eq!(e.get(&format!("/api/editions/{}", first["id"]), &c).await["name"], "Eerste");
    let (status, _) = e.call(Method::GET, "/api/editions/999", &c, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn schools_and_companies_are_edited_archived_and_restored() {
    let e = env().await;
    let c = e.session(Role::Coordinator, None, None, None).await;
    let (edition, school, company, _) = setup(&e, &c).await;
    let (status, v) = e.call(Method::POST, &format!("/api/editions/{edition}/schools"), &c, Some(json!({ "name": "X", "tracks": [], "contact_email": "nope" }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = v["fields"].as_array().unwrap().iter().filter_map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, vec!["tracks", "contact_email"]);
    let mut body = school_body("Campus De Horizon Lokeren");
    body["version"] = json!(1);
    body["tracks"] = json!(["dual", "transition-oriented"]);
    let s = e.ok(Method::PUT, &format!("/api/schools/{school}"), &c, body).await;
    assert_eq!(s["tracks"], json!(["transition-oriented", "dual"]));
    e.ok(Method::POST, &format!("/api/schools/{school}/archive"), &c, json!({ "version": 2 })).await;
    assert_eq!(e.get(&format!("/api/editions/{edition}/schools"), &c).await, json!([]));
    let all = e.get(&format!("/api/editions/{edition}/schools?archived=true"), &c).await;
    assert_eq!(all[0]["archived"], true);
    let s = e.ok(Method::POST, &format!("/api/schools/{school}/restore"), &c, json!({ "version": 3 })).await;
    assert_eq!(s["archived"], false);
    // A company that sponsors a school cannot be archived.
    e.ok(Method::PUT, &format!("/api/schools/{school}/sponsor"), &c, json!({ "company_id": company, "version": 4 })).await;
    let (status, v) = e.call(Method::POST, &format!("/api/companies/{company}/archive"), &c, Some(json!({ "version": 1 }))).await;
    assert_eq!((status, v["code"].as_str()), (StatusCode::CONFLICT, Some("company_sponsors_schools")));
    e.ok(Method::PUT, &format!("/api/schools/{school}/sponsor"), &c, json!({ "company_id": null, "version": 5 })).await;
    e.ok(Method::POST, &format!("/api/companies/{company}/archive"), &c, json!({ "version": 1 })).await;
    // An archived company cannot become a sponsor until restored.
    let (status, v) = e.call(Method::PUT, &format!("/api/schools/{school}/sponsor"), &c, Some(json!({ "company_id": company, "version": 6 }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (status, _) = e.call(Method::PUT, "/api/schools/999", &c, Some(json!({ "name": "X", "tracks": ["dual"], "version": 1 }))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_csv_import_previews_each_row_and_saves_all_or_only_the_good_ones() {
    let e = env().await;
    let c = e.session(Role::Coordinator, None, None, None).await;
    let (edition, _, _, _) = setup(&e, &c).await;
    let csv = "Naam;Gemeente;Provincie;Finaliteit\nAtheneum Scheldeland;Temse;Oost-Vlaanderen;doorstroom/dubbel\nKempenlab;Geel;Antwerpen;aso\ncampus de horizon;Lokeren;Oost-Vlaanderen;dual\nVakschool Noord;Eeklo;Oost-Vlaanderen;arbeidsmarkt\n";
    let uri = format!("/api/editions/{edition}/schools/import");
    let preview = e.ok(Method::POST, &uri, &c, json!({ "csv": csv })).await;
    let rows = preview["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(preview["saved"], 0);
    assert_eq!(rows[1]["line"], 3);
    assert_eq!(rows[1]["errors"][0]["error"]["code"], "unknown-track");
    assert_eq!(rows[2]["errors"][0]["error"]["code"], "already-exists");
    assert_eq!(e.get(&format!("/api/editions/{edition}/schools"), &c).await.as_array().map(Vec::len), Some(1), "a preview saves nothing");
    let (status, v) = e.call(Method::POST, &uri, &c, Some(json!({ "csv": csv, "save": true }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(e.get(&format!("/api/editions/{edition}/schools"), &c).await.as_array().map(Vec::len), Some(1), "bad rows refuse the file");
    let saved = e.ok(Method::POST, &uri, &c, json!({ "csv": csv, "save": true, "skip_invalid": true })).await;
    assert_eq!(saved["saved"], 2);
    let names: Vec<String> = e.get(&format!("/api/editions/{edition}/schools"), &c).await.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap_or_default().to_string()).collect();
    assert_eq!(names, vec!["Atheneum Scheldeland", "Campus De Horizon", "Vakschool Noord"]);
    // A file the import cannot read says why.
    let preview = e.ok(Method::POST, &uri, &c, json!({ "csv": "gemeente\nGenk" })).await;
    assert!(preview["file_error"]["missing-column"].is_object(), "{preview}");
    // Companies the same way.
    let uri = format!("/api/editions/{edition}/companies/import");
    let saved = e.ok(Method::POST, &uri, &c, json!({ "csv": "bedrijf,sector\nLaserwerk Kempen,metaal\nDijle Robotics,automatisering\n", "save": true })).await;
    assert_eq!(saved["saved"], 2);
    assert_eq!(e.get(&format!("/api/editions/{edition}/companies"), &c).await.as_array().map(Vec::len), Some(3));
}

#[tokio::test]
async fn matching_shows_the_profile_once_there_is_a_consensus() {
    let e = env().await;
    let c = e.session(Role::Coordinator, None, None, None).await;
    let (edition, school, company, _) = setup(&e, &c).await;
    let m = e.get(&format!("/api/editions/{edition}/matching"), &c).await;
    assert_eq!(m["schools"][0]["profile"], Value::Null);
    assert_eq!(m["companies"][0]["schools"], 0);
    // A consensus on one indicator, written as the nulmeting feature would.
    let mid: i64 = sqlx::query_scalar("insert into measurements (edition_id, school_id, kind, rubric_version, opened_at) values (?, ?, 'baseline', 1, 0) returning id")
        .bind(edition)
        .bind(school)
        .fetch_one(e.state.writer.pool())
        .await
        .unwrap();
    sqlx::query("insert into consensus (measurement_id, indicator_id, level, decided_at) values (?, 'curriculum.learning-lines', 3, 0)")
        .bind(mid)
        .execute(e.state.writer.pool())
        .await
        .unwrap();
    e.ok(Method::PUT, &format!("/api/schools/{school}/sponsor"), &c, json!({ "company_id": company, "version": 1 })).await;
    let m = e.get(&format!("/api/editions/{edition}/matching"), &c).await;
    let curriculum = &m["schools"][0]["profile"][0];
    assert_eq!((curriculum["aspect"].as_str(), curriculum["score"].as_f64()), (Some("curriculum"), Some(3.0)));
    assert_eq!(m["schools"][0]["school"]["company_id"], company);
    assert_eq!(m["companies"][0]["schools"], 1);
    // A company of another edition is refused; a stale version too.
    let other = e.ok(Method::POST, "/api/editions", &c, edition_body("Andere")).await["id"].as_i64().unwrap();
    let foreign = e.ok(Method::POST, &format!("/api/editions/{other}/companies"), &c, json!({ "name": "Elders" })).await["id"].as_i64().unwrap();
    let (status, v) = e.call(Method::PUT, &format!("/api/schools/{school}/sponsor"), &c, Some(json!({ "company_id": foreign, "version": 2 }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["fields"][0]["code"], "not_in_edition", "the page words it by its code: {v}");
    let (status, _) = e.call(Method::PUT, &format!("/api/schools/{school}/sponsor"), &c, Some(json!({ "company_id": null, "version": 1 }))).await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn sessions_record_attendance_and_keep_what_has_data() {
    let e = env().await;
    let c = e.session(Role::Coordinator, None, None, None).await;
    let (edition, school, company, session) = setup(&e, &c).await;
    let (status, v) = e.call(Method::POST, "/api/networks/1/sessions", &c, Some(json!({ "date": "2027-02-30" }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["fields"][0]["field"], "date");
    let s = e
        .ok(Method::PUT, &format!("/api/sessions/{session}/attendance"), &c, json!({ "school_ids": [school, school], "company_ids": [company], "version": 1 }))
        .await;
    assert_eq!((s["school_ids"].clone(), s["company_ids"].clone(), s["version"].as_i64()), (json!([school]), json!([company]), Some(2)));
    let networks = e.get(&format!("/api/editions/{edition}/networks"), &c).await;
    assert_eq!(networks[0]["sessions"][0]["school_ids"], json!([school]));
    // Someone else's edition's school is refused; so is a stale version.
    let other = e.ok(Method::POST, "/api/editions", &c, edition_body("Andere")).await["id"].as_i64().unwrap();
    let foreign = e.ok(Method::POST, &format!("/api/editions/{other}/schools"), &c, school_body("Elders")).await["id"].as_i64().unwrap();
    let (status, _) = e.call(Method::PUT, &format!("/api/sessions/{session}/attendance"), &c, Some(json!({ "school_ids": [foreign], "version": 2 }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = e.call(Method::PUT, &format!("/api/sessions/{session}/attendance"), &c, Some(json!({ "school_ids": [], "version": 1 }))).await;
    assert_eq!(status, StatusCode::CONFLICT);
    // A session with attendance is not deleted; once cleared, it is.
    let (status, v) = e.call(Method::DELETE, &format!("/api/sessions/{session}"), &c, None).await;
    assert_eq!((status, v["code"].as_str()), (StatusCode::CONFLICT, Some("session_has_attendance")));
    e.ok(Method::PUT, &format!("/api/sessions/{session}/attendance"), &c, json!({ "version": 2 })).await;
    e.ok(Method::DELETE, &format!("/api/sessions/{session}"), &c, json!(null)).await;
    let (status, _) = e.call(Method::DELETE, &format!("/api/sessions/{session}"), &c, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn invitations_give_links_that_can_be_reissued_revoked_and_withdrawn() {
    let e = env().await;
    let c = e.session(Role::Coordinator, None, None, None).await;
    let (edition, school, _, _) = setup(&e, &c).await;
    let (status, v) = e.call(Method::POST, "/api/people", &c, Some(json!({ "name": "An", "role": "school-member" }))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["fields"][0]["field"], "school_id");
    let (status, v) = e.call(Method::POST, "/api/people", &c, Some(json!({ "name": "An", "role": "school-member", "school_id": 999 }))).await;
    assert_eq!((status, v["fields"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("school_id")));
    let inv = e
        .ok(Method::POST, "/api/people", &c, json!({ "name": "Ilse Claes", "email": "ilse@horizon.example", "role": "school-member", "school_id": school, "school_function": "stem-coordinator" }))
        .await;
    let link = inv["link"].as_str().unwrap().to_string();
    assert!(link.starts_with("http://test/signin#"), "{link}");
    assert_eq!(inv["person"]["link"], "open");
    let id = inv["person"]["id"].as_i64().unwrap();
    // A new link revokes the old one; the new one signs in.
    let again = e.ok(Method::POST, &format!("/api/people/{id}/link"), &c, json!({})).await;
    let token = |l: &str| l.rsplit('#').next().unwrap_or_default().to_string();
    let (status, _, _) = e.raw(Method::POST, "/api/auth/signin", None, Some(json!({ "token": token(&link) }))).await;
    assert_eq!(status, StatusCode::GONE);
    let (status, cookie, me) = e.raw(Method::POST, "/api/auth/signin", None, Some(json!({ "token": token(again["link"].as_str().unwrap()) }))).await;
    assert_eq!((status, me["school_function"].as_str()), (StatusCode::OK, Some("stem-coordinator")));
    let stem = cookie.unwrap().split(';').next().unwrap().to_string();
    let people = e.get(&format!("/api/editions/{edition}/people"), &c).await;
    let ilse = people.as_array().unwrap().iter().find(|p| p["id"] == id).unwrap();
    assert_eq!(ilse["link"], "used");
    // The school's STEM coordinator invites a colleague of their own school.
    let colleague = e.ok(Method::POST, "/api/my-school/team", &stem, json!({ "name": "Tom Maes", "school_function": "teacher" })).await;
    assert_eq!((colleague["person"]["school_id"].as_i64(), colleague["person"]["role"].as_str()), (Some(school), Some("school-member")));
    let colleague_id = colleague["person"]["id"].as_i64().unwrap();
    let team = e.get("/api/my-school/team", &stem).await;
    assert_eq!(team.as_array().map(Vec::len), Some(2));
    e.ok(Method::POST, &format!("/api/my-school/team/{colleague_id}/link"), &stem, json!({})).await;
    // ...but not someone of another school.
    let other_school = e.ok(Method::POST, &format!("/api/editions/{edition}/schools"), &c, school_body("Andere school")).await["id"].as_i64().unwrap();
    let outsider = e.ok(Method::POST, "/api/people", &c, json!({ "name": "Els", "role": "school-member", "school_id": other_school })).await["person"]["id"].as_i64().unwrap();
    let (status, _) = e.call(Method::POST, &format!("/api/my-school/team/{outsider}/link"), &stem, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Revoking makes the open link unusable.
    let revoked = e.ok(Method::POST, &format!("/api/people/{outsider}/revoke"), &c, json!({})).await;
    assert_eq!(revoked["link"], "revoked");
    // Withdrawing access ends the session; a new link needs the access back.
    e.ok(Method::POST, &format!("/api/people/{id}/archive"), &c, json!({})).await;
    let (status, _) = e.call(Method::GET, "/api/me", &stem, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, v) = e.call(Method::POST, &format!("/api/people/{id}/link"), &c, None).await;
    assert_eq!((status, v["code"].as_str()), (StatusCode::CONFLICT, Some("person_archived")));
    e.ok(Method::POST, &format!("/api/people/{id}/restore"), &c, json!({})).await;
    e.ok(Method::POST, &format!("/api/people/{id}/link"), &c, json!({})).await;
    // A coordinator cannot lock themselves out.
    let me = e.get("/api/me", &c).await["id"].as_i64().unwrap();
    let (status, _) = e.call(Method::POST, &format!("/api/people/{me}/archive"), &c, None).await;
    assert_eq!(status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_dashboard_counts_each_step_of_the_demo() {
    let e = env().await;
    let c = e.session(Role::Coordinator, None, None, None).await;
    let summary = e.ok(Method::POST, "/api/demo", &c, json!(null)).await;
    assert_eq!((summary["schools"].as_u64(), summary["active"].as_bool()), (Some(20), Some(true)));
    let id = summary["edition_id"].as_i64().unwrap();
    let d = e.get(&format!("/api/editions/{id}/dashboard"), &c).await;
    let schools = d["schools"].as_array().unwrap();
    assert_eq!(schools.len(), 20);
    let count = |f: &dyn Fn(&Value) -> bool| schools.iter().filter(|s| f(s)).count();
    assert_eq!(count(&|s| s["respondents"] == 0), 2, "two schools have not started");
    assert_eq!(count(&|s| s["plan_versions"].as_u64() > Some(0)), 13);
    assert!(count(&|s| s["open_comments"].as_u64() > Some(0)) > 3);
    assert_eq!(count(&|s| s["company_id"].is_null()), 2);
    let horizon = schools.iter().find(|s| s["name"] == "Campus De Horizon").unwrap();
    assert_eq!((horizon["company_name"].as_str(), horizon["indicators"].as_u64()), (Some("Brabo Bouwtechniek"), Some(28)));
    let overdue: Vec<&str> = d["timeline"].as_array().unwrap().iter().filter(|m| m["state"] == "overdue").filter_map(|m| m["kind"]["kind"].as_str()).collect();
    assert_eq!(overdue, vec!["nulmeting-deadline", "plan-deadline"]);
    assert_eq!(d["companies"], 16);
}

#[tokio::test]
async fn export_then_import_gives_the_same_edition_and_dashboard() {
    let e = env().await;
    let c = e.session(Role::Coordinator, None, None, None).await;
    let id = e.ok(Method::POST, "/api/demo", &c, json!(null)).await["edition_id"].as_i64().unwrap();
    let req = Request::get(format!("/api/editions/{id}/export")).header(header::COOKIE, &c).body(Body::empty()).unwrap();
    let res = server::app(e.state.clone()).oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let disposition = res.headers().get(header::CONTENT_DISPOSITION).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(disposition.starts_with("attachment; filename=\"stempact-stempact-"), "{disposition}");
    let file = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();

    // Into an empty installation.
    let fresh = env().await;
    let c2 = fresh.session(Role::Coordinator, None, None, None).await;
    let (status, summary) = fresh.raw_text(Method::POST, "/api/import", &c2, file.clone()).await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    let new_id = summary["edition_id"].as_i64().unwrap();
    let strip = |mut d: Value| {
        d["edition"]["id"] = Value::Null;
        for s in d["schools"].as_array_mut().unwrap() {
            s["school_id"] = Value::Null;
            s["company_id"] = Value::Null;
        }
        d
    };
    let before = strip(e.get(&format!("/api/editions/{id}/dashboard"), &c).await);
    let after = strip(fresh.get(&format!("/api/editions/{new_id}/dashboard"), &c2).await);
    assert_eq!(before, after);
    let again = server::db::exchange::export(fresh.state.writer.pool(), new_id, 0).await.unwrap();
    let mut original = rubric::exchange::parse_document(&file).unwrap();
    original.exported_at = 0;
    assert_eq!(again, original);

    // Into the same installation: a second, inactive edition.
    let (status, summary) = e.raw_text(Method::POST, "/api/import", &c, file).await;
    assert_eq!((status, summary["active"].as_bool()), (StatusCode::OK, Some(false)), "{summary}");
    assert_eq!(e.get("/api/editions", &c).await.as_array().map(Vec::len), Some(2));
}

#[tokio::test]
async fn bad_files_are_refused_by_name_and_nothing_is_half_imported() {
    let e = env().await;
    let c = e.session(Role::Coordinator, None, None, None).await;
    let mut doc = serde_json::to_value(server::demo::document(rubric::Date::new(2027, 3, 1).unwrap(), 0)).unwrap();
    doc["format_version"] = json!(99);
    let (status, v) = e.raw_text(Method::POST, "/api/import", &c, doc.to_string()).await;
    assert_eq!((status, v["code"].as_str()), (StatusCode::BAD_REQUEST, Some("import_too_new")));
    assert!(v["message"].as_str().unwrap().contains("format_version 99"), "{v}");
    doc["format_version"] = json!(2);
    doc["schools"][3]["tracks"] = json!("dual");
    let (status, v) = e.raw_text(Method::POST, "/api/import", &c, doc.to_string()).await;
    assert_eq!((status, v["code"].as_str()), (StatusCode::BAD_REQUEST, Some("import_malformed")));
    assert!(v["message"].as_str().unwrap().starts_with("schools[3]:"), "{v}");
    let (status, v) = e.raw_text(Method::POST, "/api/import", &c, "not json".into()).await;
    assert_eq!((status, v["code"].as_str()), (StatusCode::BAD_REQUEST, Some("import_not_json")));
    // A database failure late in the import (here: a trigger on the last
    // table) leaves nothing behind.
    sqlx::query("create trigger fail_scores before insert on scores begin select raise(abort, 'scores are locked'); end")
        .execute(e.state.writer.pool())
        .await
        .unwrap();
    let good = server::demo::document(rubric::Date::new(2027, 3, 1).unwrap(), 0).to_json();
    let (status, v) = e.raw_text(Method::POST, "/api/import", &c, good).await;
    assert_eq!((status, v["code"].as_str()), (StatusCode::BAD_REQUEST, Some("import_rejected")), "{v}");
    assert!(v["message"].as_str().unwrap().contains("scores are locked"), "{v}");
    for table in ["editions", "schools", "companies", "measurements", "answers", "plans", "criteria", "score_sheets"] {
        let n: i64 = sqlx::query_scalar(&format!("select count(*) from {table}")).fetch_one(e.state.writer.pool()).await.unwrap();
        assert_eq!(n, 0, "{table} after a failed import");
    }
}

#[test]
fn generated_editions_survive_export_import_export() {
    use proptest::prelude::*;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let config = ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() };
    proptest!(config, |(seed in any::<u64>())| {
        let doc = rubric::exchange::generate::document(seed);
        let result = runtime.block_on(async {
            let e = env().await;
            let summary = server::db::exchange::import(&e.state.writer, &doc, None).await.map_err(|x| x.to_string())?;
            server::db::exchange::export(e.state.writer.pool(), summary.edition_id, doc.exported_at).await.map_err(|x| x.to_string())
        });
        let again = result.map_err(TestCaseError::fail)?;
        prop_assert_eq!(again.to_json(), doc.to_json());
    });
}

//! Bad input on every write endpoint, as an attacker would send it:
//! malformed JSON, wrong types, missing fields, 1 MB strings, negative and
//! huge numbers, unknown ids and ids of another edition, in the body and in
//! the path. The server must answer 4xx with a JSON `{code, message}`, never
//! 5xx or a panic, and a refused call saves nothing (the whole database is
//! compared before and after). Bodies over the limit get 413.



use axum::http::Method;
use crate::common::{self, action_body, edition_body, goal_body, names, Req, Resp, World, Who, JSON};
use serde_json::{json, Value};

const MB: usize = 1 << 20;

/// One step into a JSON value.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every value inside a body (objects' fields, the first item of arrays),
/// with its path.
fn paths(v: &Value, at: Vec<Step>, out: &mut Vec<Vec<Step>>) {
    if !at.is_empty() {
        out.push(at.clone());
    }
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let mut p = at.clone();
                p.push(Step::Key(k.clone()));
                paths(child, p, out);
            }
        }
        Value::Array(items) => {
            if let Some(first) = items.first() {
                let mut p = at.clone();
                p.push(Step::Index(0));
                paths(first, p, out);
            }
        }
        _ => {}
    }
}

fn get_mut<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index(i) => v.get_mut(*i),
    })
}

fn remove(v: &mut Value, path: &[Step]) {
    let Some((last, parent)) = path.split_last() else { return };
    if let (Some(Value::Object(map)), Step::Key(k)) = (get_mut(v, parent), last) {
        map.remove(k);
    }
}

fn label(path: &[Step]) -> String {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => k.clone(),
            Step::Index(i) => i.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Whether a path names an id (so an unknown value must be refused).
fn is_id(path: &[Step]) -> bool {
    fn key(s: &Step) -> Option<&str> {
        match s {
            Step::Key(k) => Some(k.as_str()),
            Step::Index(_) => None,
        }
    }
    match path {
        [.., parent, Step::Index(_)] => key(parent).is_some_and(|k| k.ends_with("_ids") || k == "order"),
        [.., last] => key(last).is_some_and(|k| k == "id" || k.ends_with("_id")),
        [] => false,
    }
}

/// A write endpoint with a valid body.
struct Spec {
    method: Method,
    uri: String,
    who: Who,
    body: Value,
    /// SQL giving the current `version` to put in the body before each call.
    version_sql: Option<String>,
    /// The status the valid body gets, when not 2xx (a sign-in with a token
    /// nobody was given).
    valid_status: Option<u16>,
}

fn spec(method: Method, uri: impl Into<String>, who: Who, body: Value) -> Spec {
    Spec { method, uri: uri.into(), who, body, version_sql: None, valid_status: None }
}

impl Spec {
    fn versioned(mut self, sql: impl Into<String>) -> Spec {
        self.version_sql = Some(sql.into());
        self
    }
}

/// What a mutated call may answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// 4xx only.
    Refused,
    /// 4xx, or 2xx without storing anything big.
    Small,
    /// Anything but 5xx.
    NoCrash,
}

struct Fuzz {
    w: World,
    calls: usize,
    accepted: Vec<String>,
}

impl Fuzz {
    async fn check(&mut self, context: &str, req: Req, expect: Expect) -> Resp {
        self.calls += 1;
        let before = self.w.fingerprint().await;
        let r = self.w.send(req).await;
        assert!(!r.status.is_server_error(), "{context}: {} {}", r.status, r.text.chars().take(300).collect::<String>());
        if r.status.is_client_error() {
            r.assert_json_error(context);
            let after = self.w.fingerprint().await;
            if before != after {
                panic!("{context} was refused ({}) but changed the database: {}", r.status, self.w.counts().await);
            }
        } else {
            assert!(r.status.is_success(), "{context}: {}", r.status);
            match expect {
                Expect::Refused => panic!("{context} was accepted: {} {}", r.status, r.text.chars().take(300).collect::<String>()),
                Expect::Small => {
                    let grown = self.w.fingerprint().await.len().saturating_sub(before.len());
                    assert!(grown < 100_000, "{context} stored {grown} bytes");
                }
                Expect::NoCrash => {}
            }
            self.accepted.push(context.to_string());
        }
        r
    }

    async fn body_of(&self, s: &Spec) -> Value {
        let mut body = s.body.clone();
        if let Some(sql) = &s.version_sql {
            body["version"] = json!(self.w.scalar(sql).await);
        }
        body
    }

    fn req(&self, s: &Spec, uri: &str) -> Req {
        Req::new(s.method.clone(), uri).cookie(self.w.cookie(s.who))
    }

    /// Every mutation of one endpoint's body and path.
    async fn endpoint(&mut self, s: &Spec) {
        let name = format!("{} {} as {:?}", s.method, s.uri, s.who);
        // The valid body is accepted (proves the spec is right).
        let body = self.body_of(s).await;
        let r = self.w.send(self.req(s, &s.uri).json(&body)).await;
        let fine = match s.valid_status {
            Some(status) => r.status.as_u16() == status,
            None => r.status.is_success() || r.status.as_u16() == 409,
        };
        assert!(fine, "{name} with its valid body: {} {}", r.status, r.text);
        // Not JSON at all, or JSON of the wrong shape.
        for raw in ["{", "{\"version\": 1,", "[]", "\"x\"", "null", "42", "{\"a\": 1e999999", "\u{feff}{}", ""] {
            let req = self.req(s, &s.uri).raw(JSON, raw);
            self.check(&format!("{name} body {raw:?}"), req, Expect::Refused).await;
        }
        // Unknown fields are ignored, whatever they hold.
        let req = self.req(s, &s.uri).raw(JSON, "{\"a\": \"\\ud800\", \"b\": 1e999}");
        self.check(&format!("{name} with unknown fields"), req, Expect::NoCrash).await;
        let req = self.req(s, &s.uri).raw(JSON, vec![0xff, 0xfe, b'{', b'}']);
        self.check(&format!("{name} invalid UTF-8"), req, Expect::Refused).await;
        let req = self.req(s, &s.uri).json(&json!({}));
        self.check(&format!("{name} body {{}}"), req, Expect::NoCrash).await;
        // Each value: removed, null, of the wrong type, huge, out of range.
        let mut all = Vec::new();
        paths(&s.body, vec![], &mut all);
        for path in all {
            let at = label(&path);
            let base = self.body_of(s).await;
            let original = get_mut(&mut base.clone(), &path).cloned().unwrap_or(Value::Null);
            let mut mutations: Vec<(String, Option<Value>, Expect)> = vec![
                ("removed".into(), None, Expect::NoCrash),
                ("null".into(), Some(Value::Null), Expect::NoCrash),
                ("1 MB string".into(), Some(json!("x".repeat(MB))), Expect::Small),
                ("64 kB of digits".into(), Some(json!("9".repeat(64 * 1024))), Expect::Small),
            ];
            let wrong = match &original {
                Value::String(_) => json!(12345),
                Value::Number(_) => json!("abc"),
                Value::Bool(_) => json!("abc"),
                Value::Array(_) => json!({"x": 1}),
                Value::Object(_) => json!("abc"),
                Value::Null => json!({"x": 1}),
            };
            let wrong_expect = if at == "answer" || at == "level" { Expect::Refused } else { Expect::Small };
            mutations.push(("wrong type".into(), Some(wrong), wrong_expect));
            mutations.push(("array".into(), Some(json!([original.clone(), original.clone()])), Expect::NoCrash));
            if original.is_number() || is_id(&path) {
                let id_expect = if is_id(&path) { Expect::Refused } else { Expect::NoCrash };
                for n in [json!(-1), json!(999_999), json!(i64::MAX), json!(i64::MIN)] {
                    mutations.push((format!("{n}"), Some(n), id_expect));
                }
                for n in [json!(0), json!(u64::MAX), json!(1e300), json!(-0.5)] {
                    mutations.push((format!("{n}"), Some(n), Expect::NoCrash));
                }
            }
            if at == "version" {
                for n in [json!(-1), json!(i64::MAX), json!(i64::MIN)] {
                    mutations.push((format!("{n}"), Some(n), Expect::Refused));
                }
            }
            for (what, replacement, expect) in mutations {
                let mut body = self.body_of(s).await;
                match replacement {
                    None => remove(&mut body, &path),
                    Some(v) => {
                        if let Some(slot) = get_mut(&mut body, &path) {
                            *slot = v;
                        }
                    }
                }
                let req = self.req(s, &s.uri).json(&body);
                self.check(&format!("{name} with {at} {what}"), req, expect).await;
            }
        }
        self.path_mutations(s).await;
    }

    /// Each number in the path: not a number, too big, unknown, negative.
    async fn path_mutations(&mut self, s: &Spec) {
        let segments: Vec<&str> = s.uri.split('/').collect();
        for (i, seg) in segments.iter().enumerate() {
            if seg.is_empty() || !seg.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            for (bad, expect) in [("abc", 400), ("99999999999999999999", 400), ("1.5", 400), ("999999", 404), ("-1", 404), ("0", 404)] {
                let mut parts = segments.clone();
                parts[i] = bad;
                let uri = parts.join("/");
                let body = self.body_of(s).await;
                let context = format!("{} {uri} as {:?}", s.method, s.who);
                let r = self.check(&context, self.req(s, &uri).json(&body), Expect::Refused).await;
                if expect == 400 {
                    assert_eq!(r.status.as_u16(), 400, "{context}: {}", r.text);
                } else {
                    assert!(matches!(r.status.as_u16(), 403 | 404 | 409 | 422), "{context}: {} {}", r.status, r.text);
                }
            }
        }
    }

    /// Reads that must keep working whatever was accepted.
    async fn probe(&mut self) {
        let ids = &self.w.ids;
        let (e, a) = (ids.edition, ids.school_a);
        let reads = [
            (Who::Coord, "/api/editions".to_string()),
            (Who::Coord, format!("/api/editions/{e}/dashboard")),
            (Who::Coord, format!("/api/editions/{e}/matching")),
            (Who::Coord, format!("/api/editions/{e}/networks")),
            (Who::Coord, format!("/api/editions/{e}/people")),
            (Who::Coord, format!("/api/editions/{e}/schools?archived=true")),
            (Who::Coord, format!("/api/editions/{e}/companies?archived=true")),
            (Who::Coord, format!("/api/editions/{e}/export")),
            (Who::Coord, "/api/measurements".to_string()),
            (Who::Coord, format!("/api/schools/{a}/plan")),
            (Who::Coord, format!("/api/schools/{a}/report")),
            (Who::Coord, format!("/api/schools/{a}/team")),
            (Who::Coord, "/api/jury/setup".to_string()),
            (Who::Coord, "/api/jury/results".to_string()),
            (Who::Coord, "/api/jury/export/scores.csv".to_string()),
            (Who::Coord, "/api/jury/export/results.csv".to_string()),
            (Who::StemA, "/api/my/measurement".to_string()),
            (Who::StemA, format!("/api/schools/{a}/plan/summary")),
            (Who::CompX, "/api/company/schools".to_string()),
            (Who::JurorFree, "/api/jury/my".to_string()),
        ];
        for (who, uri) in reads {
            let r = self.w.call(who, Method::GET, &uri, None).await;
            assert!(
                r.status.is_success(),
                "GET {uri} as {who:?} after accepting {:?}: {} {}",
                self.accepted,
                r.status,
                r.text.chars().take(300).collect::<String>()
            );
        }
    }
}

async fn fuzz() -> Fuzz {
    Fuzz { w: common::world().await, calls: 0, accepted: Vec::new() }
}

#[tokio::test]
async fn programme_writes_refuse_bad_bodies_cleanly() {
    let mut f = fuzz().await;
    let ids = f.w.ids.clone();
    let (e, s, wc, session) = (ids.other_edition, ids.spare_school, ids.spare_company, ids.session);
    let specs = vec![
        Spec { valid_status: Some(400), ..spec(Method::POST, "/api/auth/signin", Who::Anon, json!({"token": "ab".repeat(32)})) },
        spec(Method::POST, "/api/editions", Who::Coord, {
            let mut b = edition_body("Editie Proef");
            b["activate"] = json!(false);
            b
        }),
        spec(Method::PUT, format!("/api/editions/{e}"), Who::Coord, edition_body(names::OTHER_EDITION))
            .versioned(format!("select version from editions where id = {e}")),
        spec(Method::POST, format!("/api/editions/{e}/schools"), Who::Coord, json!({"name": "Proefschool", "town": "Gent", "region": "", "tracks": ["dual"], "contact_name": "An", "contact_email": "an@school.example"})),
        spec(Method::PUT, format!("/api/schools/{s}"), Who::Coord, json!({"name": names::SPARE_SCHOOL, "town": "Gent", "region": "", "tracks": ["dual"], "contact_name": "", "contact_email": ""}))
            .versioned(format!("select version from schools where id = {s}")),
        spec(Method::POST, format!("/api/schools/{s}/archive"), Who::Coord, json!({})).versioned(format!("select version from schools where id = {s}")),
        spec(Method::POST, format!("/api/schools/{s}/restore"), Who::Coord, json!({})).versioned(format!("select version from schools where id = {s}")),
        spec(Method::POST, format!("/api/editions/{e}/schools/import"), Who::Coord, json!({"csv": "naam;finaliteit\nX;dual", "save": false, "skip_invalid": false})),
        spec(Method::POST, format!("/api/editions/{e}/companies"), Who::Coord, json!({"name": "Proefbedrijf", "town": "Gent", "sector": "chemie", "contact_name": "", "contact_email": ""})),
        spec(Method::PUT, format!("/api/companies/{wc}"), Who::Coord, json!({"name": names::SPARE_COMPANY, "town": "", "sector": "", "contact_name": "", "contact_email": ""}))
            .versioned(format!("select version from companies where id = {wc}")),
        spec(Method::POST, format!("/api/companies/{wc}/archive"), Who::Coord, json!({})).versioned(format!("select version from companies where id = {wc}")),
        spec(Method::POST, format!("/api/companies/{wc}/restore"), Who::Coord, json!({})).versioned(format!("select version from companies where id = {wc}")),
        spec(Method::POST, format!("/api/editions/{e}/companies/import"), Who::Coord, json!({"csv": "naam\nY", "save": false, "skip_invalid": false})),
        spec(Method::PUT, format!("/api/schools/{s}/sponsor"), Who::Coord, json!({"company_id": wc})).versioned(format!("select version from schools where id = {s}")),
        spec(Method::POST, format!("/api/networks/{}/sessions", ids.network), Who::Coord, json!({"date": "2026-05-05", "place": "Gent", "topic": "Proef"})),
        spec(Method::PUT, format!("/api/sessions/{session}"), Who::Coord, json!({"date": "2026-02-02", "place": "Gent", "topic": ""}))
            .versioned(format!("select version from network_sessions where id = {session}")),
        spec(Method::PUT, format!("/api/sessions/{session}/attendance"), Who::Coord, json!({"school_ids": [ids.school_a], "company_ids": [ids.company_x]}))
            .versioned(format!("select version from network_sessions where id = {session}")),
        spec(Method::POST, "/api/people", Who::Coord, json!({"name": "Proefpersoon", "email": "p@x.example", "role": "school-member", "school_id": ids.school_a, "school_function": "teacher"})),
        spec(Method::POST, "/api/my-school/team", Who::StemA, json!({"name": "Proefcollega", "email": "", "school_function": "teacher"})),
        spec(Method::POST, "/api/measurements/bulk", Who::Coord, json!({"kind": "final", "status": "closed"})),
    ];
    for s in &specs {
        f.endpoint(s).await;
        f.probe().await;
    }
    assert!(f.calls > 500, "{} calls", f.calls);
}

#[tokio::test]
async fn nulmeting_and_plan_writes_refuse_bad_bodies_cleanly() {
    let mut f = fuzz().await;
    let ids = f.w.ids.clone();
    let (a, ma) = (ids.school_a, ids.measurement_a);
    let plan = format!("/api/schools/{a}/plan");
    let indicator = "curriculum.learning-lines";
    let specs = vec![
        spec(Method::PUT, format!("/api/measurements/{ma}/answers/{indicator}"), Who::TeacherA, json!({"answer": 3, "comment": "c", "evidence_url": "https://x.example"}))
            .versioned(format!(
                "select a.version from answers a join responses r on r.id = a.response_id where r.person_id = {} and r.measurement_id = {ma} and a.indicator_id = '{indicator}'",
                ids.teacher_a
            )),
        spec(Method::PUT, format!("/api/measurements/{ma}/consensus/{indicator}"), Who::StemA, json!({"level": 2, "rationale": "r"}))
            .versioned(format!("select coalesce((select version from consensus where measurement_id = {ma} and indicator_id = '{indicator}'), 0)")),
        spec(Method::POST, format!("{plan}/goals"), Who::StemA, goal_body("Proefdoel")),
        spec(Method::PUT, format!("{plan}/goals/{}", ids.goal_a), Who::StemA, goal_body(names::GOAL_A))
            .versioned(format!("select version from goals where id = {}", ids.goal_a)),
        spec(Method::POST, format!("{plan}/goals/{}/move", ids.goal_a), Who::StemA, json!({"direction": "down"})),
        spec(Method::POST, format!("{plan}/goals/{}/actions", ids.goal_a), Who::StemA, action_body("Proefactie")),
        spec(Method::PUT, format!("{plan}/actions/{}", ids.action_a), Who::StemA, action_body(names::ACTION_A))
            .versioned(format!("select version from actions where id = {}", ids.action_a)),
        spec(Method::POST, format!("{plan}/actions/{}/status", ids.action_a), Who::StemA, json!({"status": "in-progress"}))
            .versioned(format!("select version from actions where id = {}", ids.action_a)),
        spec(Method::POST, format!("{plan}/actions/{}/move", ids.action_a), Who::StemA, json!({"direction": "down"})),
        spec(Method::POST, format!("{plan}/threads"), Who::CompX, json!({"target": {"kind": "action", "id": ids.action_a}, "body": "Vraag"})),
        spec(Method::POST, format!("{plan}/threads/{}/comments", ids.thread_a), Who::StemA, json!({"body": "Antwoord"})),
    ];
    for s in &specs {
        f.endpoint(s).await;
        f.probe().await;
    }
}

#[tokio::test]
async fn jury_writes_refuse_bad_bodies_cleanly() {
    let mut f = fuzz().await;
    let ids = f.w.ids.clone();
    let version = format!("select version from jury_settings where edition_id = {}", ids.edition);
    let setup = f.w.ok(Who::Coord, Method::GET, "/api/jury/setup", None).await;
    let criteria: Vec<Value> = setup["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!({"id": c["id"], "name": c["name"], "description": c["description"], "weight": c["weight"], "anchors": c["anchors"]}))
        .collect();
    // Set-up, while the jury is being set up. B leaves the finalists so the
    // first call can add it back.
    f.w.ok(Who::Coord, Method::DELETE, &format!("/api/jury/finalists/{}", ids.finalist_b), None).await;
    let specs = vec![
        spec(Method::POST, "/api/jury/categories", Who::Coord, json!({"name": "Proefcategorie"})),
        spec(Method::PUT, format!("/api/jury/categories/{}", ids.category), Who::Coord, json!({"name": "Categorie Oost"})),
        spec(Method::PUT, "/api/jury/criteria", Who::Coord, json!({"criteria": criteria})).versioned(&version),
        spec(Method::POST, "/api/jury/jurors", Who::Coord, json!({"name": "Proefjurylid", "email": "j@x.example", "company_id": ids.company_y})),
        spec(Method::POST, format!("/api/jury/conflicts/{}/dismiss", ids.conflict_x_a), Who::Coord, json!({"reason": "Andere afdeling"})),
        spec(Method::PUT, format!("/api/jury/jurors/{}", ids.juror_x), Who::Coord, json!({"company_id": ids.company_x})),
        spec(Method::PUT, "/api/jury/tie-break", Who::Coord, json!({"rules": ["higher-median-juror-score", "chair-decision"], "chair_id": ids.juror_free}))
            .versioned(&version),
        spec(Method::PUT, "/api/jury/chair", Who::Coord, json!({"chair_id": ids.juror_free})).versioned(&version),
        spec(Method::POST, "/api/jury/finalists", Who::Coord, json!({"category_id": ids.category, "school_id": ids.school_b})),
    ];
    for s in &specs {
        f.endpoint(s).await;
        f.probe().await;
    }
    // Scoring, while open (the categories the fuzzing added go first).
    let setup = f.w.ok(Who::Coord, Method::GET, "/api/jury/setup", None).await;
    for c in setup["categories"].as_array().unwrap() {
        if c["id"].as_i64() != Some(ids.category) {
            f.w.ok(Who::Coord, Method::DELETE, &format!("/api/jury/categories/{}", c["id"]), None).await;
        }
    }
    let v = f.w.scalar(&version).await;
    f.w.ok(Who::Coord, Method::POST, "/api/jury/status", Some(&json!({"version": v, "status": "open"}))).await;
    let fb = f.w.scalar(&format!("select id from finalists where school_id = {} and category_id = {}", ids.school_b, ids.category)).await;
    let criterion_ids: Vec<i64> = sqlx::query_scalar(&format!("select id from criteria where edition_id = {}", ids.edition))
        .fetch_all(f.w.state.writer.pool())
        .await
        .unwrap();
    let scores: serde_json::Map<String, Value> = criterion_ids.iter().map(|c| (c.to_string(), json!(7))).collect();
    let remarks: serde_json::Map<String, Value> = criterion_ids.iter().take(1).map(|c| (c.to_string(), json!("Sterk"))).collect();
    let sheet = json!({"scores": scores, "remarks": remarks, "remark": "Goed plan"});
    let sheet_version = format!("select coalesce((select version from score_sheets where person_id = {} and finalist_id = {fb}), 0)", ids.juror_free);
    let specs = vec![
        spec(Method::PUT, format!("/api/jury/my/finalists/{fb}/sheet"), Who::JurorFree, sheet.clone()).versioned(&sheet_version),
        spec(Method::POST, "/api/jury/my/conflicts", Who::JurorFree, json!({"finalist_id": ids.finalist_a, "reason": "Familie"})),
        spec(Method::POST, format!("/api/jury/my/finalists/{fb}/submit"), Who::JurorFree, sheet.clone()).versioned(&sheet_version),
        spec(Method::POST, "/api/jury/status", Who::Coord, json!({"status": "open"})).versioned(&version),
    ];
    for s in &specs {
        f.endpoint(s).await;
        f.probe().await;
    }
    // Results, once closed, with a score for each finalist.
    f.w.call(Who::JurorFree, Method::DELETE, &format!("/api/jury/my/conflicts/{}", ids.finalist_a), None).await;
    let mut body = sheet.clone();
    body["version"] = json!(0);
    f.w.ok(Who::JurorFree, Method::POST, &format!("/api/jury/my/finalists/{}/submit", ids.finalist_a), Some(&body)).await;
    let v = f.w.scalar(&version).await;
    f.w.ok(Who::Coord, Method::POST, "/api/jury/status", Some(&json!({"version": v, "status": "closed"}))).await;
    // The chair (JurorFree) decides the tie, then confirms the winner (the
    // jurors scored both finalists alike, so no other check confirms it).
    let chair_order = spec(Method::PUT, "/api/jury/chair-order", Who::JurorFree, json!({"order": [ids.finalist_a, fb]})).versioned(&version);
    f.endpoint(&chair_order).await;
    f.probe().await;
    let view = f.w.ok(Who::Coord, Method::GET, "/api/jury/results", None).await;
    let rob: rubric::jury::Robustness = serde_json::from_value(view["categories"][0]["results"]["robustness"].clone()).expect("a winner");
    let ack = json!({"category_id": ids.category, "findings": rob.findings(), "reason": "Besproken in de jury"});
    let specs = vec![
        spec(Method::POST, "/api/jury/acknowledgements", Who::JurorFree, ack),
        spec(Method::POST, "/api/jury/lock", Who::Coord, json!({})).versioned(&version),
        spec(Method::POST, "/api/jury/unlock", Who::Coord, json!({})).versioned(&version),
    ];
    for s in &specs {
        f.endpoint(s).await;
        f.probe().await;
    }
}

/// Request bodies naming rows of another edition (or of another kind) are refused.
#[tokio::test]
async fn ids_of_another_edition_are_refused() {
    let mut f = fuzz().await;
    let ids = f.w.ids.clone();
    let (a, c, z) = (ids.school_a, ids.school_c, ids.company_z);
    let other_criterion: i64 = sqlx::query_scalar(
        "insert into criteria (edition_id, name_nl, name_en, weight) values (?, 'Elders', 'Elsewhere', 100) returning id",
    )
    .bind(ids.other_edition)
    .fetch_one(f.w.state.writer.pool())
    .await
    .unwrap();
    let school_version = f.w.scalar(&format!("select version from schools where id = {a}")).await;
    let session_version = f.w.scalar(&format!("select version from network_sessions where id = {}", ids.session)).await;
    let jury_version = f.w.scalar(&format!("select version from jury_settings where edition_id = {}", ids.edition)).await;
    let criterion = json!({"id": other_criterion, "name": {"nl": "Impact", "en": "Impact"}, "weight": 100, "anchors": []});
    let cases: Vec<(Method, String, Who, Value)> = vec![
        (Method::PUT, format!("/api/schools/{a}/sponsor"), Who::Coord, json!({"company_id": z, "version": school_version})),
        (Method::PUT, format!("/api/sessions/{}/attendance", ids.session), Who::Coord, json!({"school_ids": [c], "version": session_version})),
        (Method::PUT, format!("/api/sessions/{}/attendance", ids.session), Who::Coord, json!({"company_ids": [z], "version": session_version})),
        (Method::POST, "/api/jury/finalists".into(), Who::Coord, json!({"category_id": ids.category, "school_id": c})),
        (Method::POST, "/api/jury/finalists".into(), Who::Coord, json!({"category_id": ids.other_category, "school_id": a})),
        (Method::PUT, format!("/api/jury/jurors/{}", ids.juror_x), Who::Coord, json!({"company_id": z})),
        (Method::POST, "/api/jury/jurors".into(), Who::Coord, json!({"person_id": ids.member_c})),
        (Method::POST, "/api/jury/jurors".into(), Who::Coord, json!({"name": "Nieuw", "company_id": z})),
        (Method::PUT, format!("/api/jury/categories/{}", ids.other_category), Who::Coord, json!({"name": "Elders"})),
        (Method::DELETE, format!("/api/jury/categories/{}", ids.other_category), Who::Coord, Value::Null),
        (Method::DELETE, format!("/api/jury/finalists/{}", ids.other_finalist), Who::Coord, Value::Null),
        (Method::POST, format!("/api/jury/finalists/{}/refreeze", ids.other_finalist), Who::Coord, json!({})),
        (Method::PUT, "/api/jury/tie-break".into(), Who::Coord, json!({"version": jury_version, "rules": ["chair-decision"], "chair_id": ids.stem_a})),
        (Method::PUT, "/api/jury/criteria".into(), Who::Coord, json!({"version": jury_version, "criteria": [criterion]})),
        (Method::PUT, "/api/jury/chair-order".into(), Who::JurorFree, json!({"version": jury_version, "order": [ids.other_finalist]})),
        (Method::POST, "/api/jury/acknowledgements".into(), Who::JurorFree, json!({"category_id": ids.other_category, "findings": [], "reason": "x"})),
        (Method::PUT, "/api/jury/chair".into(), Who::Coord, json!({"version": jury_version, "chair_id": ids.member_c})),
        (Method::POST, "/api/jury/my/conflicts".into(), Who::JurorFree, json!({"finalist_id": ids.other_finalist, "reason": "x"})),
        (Method::GET, format!("/api/jury/my/finalists/{}", ids.other_finalist), Who::JurorFree, Value::Null),
        (Method::PUT, format!("/api/schools/{a}/plan/goals/{}", ids.goal_c), Who::StemA, json!({"version": 1, "goal": {"title": "x"}})),
        (Method::DELETE, format!("/api/schools/{a}/plan/goals/{}", ids.goal_c), Who::StemA, Value::Null),
        (Method::POST, format!("/api/schools/{a}/plan/goals/{}/actions", ids.goal_c), Who::StemA, action_body("x")),
        (Method::POST, format!("/api/schools/{a}/plan/threads"), Who::CompX, json!({"target": {"kind": "goal", "id": ids.goal_c}, "body": "x"})),
        (Method::POST, format!("/api/schools/{a}/plan/threads/{}/comments", ids.thread_b), Who::StemA, json!({"body": "x"})),
        (Method::POST, format!("/api/networks/{}/sessions", 999_999), Who::Coord, json!({"date": "2026-01-01"})),
        (Method::PUT, format!("/api/sessions/{}", 999_999), Who::Coord, json!({"date": "2026-01-01", "version": 1})),
        (Method::POST, "/api/people".into(), Who::Coord, json!({"name": "X", "role": "company-member", "company_id": 999_999})),
        (Method::POST, "/api/people".into(), Who::Coord, json!({"name": "X", "role": "juror", "school_id": a})),
    ];
    for (method, uri, who, body) in cases {
        let mut req = Req::new(method.clone(), &uri).cookie(f.w.cookie(who));
        if !body.is_null() {
            req = req.json(&body);
        }
        let context = format!("{method} {uri} as {who:?} with {body}");
        let r = f.check(&context, req, Expect::Refused).await;
        assert!(matches!(r.status.as_u16(), 404 | 409 | 422), "{context}: {} {}", r.status, r.text);
        // A school, company, jury category or person outside the edition is
        // named by its code, for the page to say so in the reader's language.
        let jury_choice = uri == "/api/jury/finalists" || uri.starts_with("/api/jury/jurors") || uri == "/api/jury/my/conflicts";
        if uri.contains("/sponsor") || uri.contains("/attendance") || uri == "/api/people" && body["company_id"] == 999_999 || jury_choice {
            assert_eq!(r.json["fields"][0]["code"], "not_in_edition", "{context}: {}", r.text);
        }
    }
}

/// Errors of the router itself (a path or query that does not parse, a
/// method the path does not have) are JSON like every other error.
#[tokio::test]
async fn path_query_and_method_errors_are_json() {
    let f = fuzz().await;
    let e = f.w.ids.edition;
    let cases: Vec<(Method, String, u16)> = vec![
        (Method::GET, "/api/schools/abc/plan".into(), 400),
        (Method::GET, "/api/schools/99999999999999999999/report".into(), 400),
        (Method::GET, "/api/schools/1/plan/versions/-1".into(), 400),
        (Method::GET, format!("/api/editions/{e}/schools?archived=maybe"), 400),
        (Method::GET, "/api/my/measurement?kind=middle".into(), 400),
        (Method::DELETE, "/api/editions".into(), 405),
        (Method::PATCH, format!("/api/schools/{}", f.w.ids.school_a), 405),
        (Method::GET, "/api/no/such/thing".into(), 404),
    ];
    for (method, uri, status) in cases {
        let who = if uri.contains("my/measurement") { Who::StemA } else { Who::Coord };
        let r = f.w.call(who, method.clone(), &uri, None).await;
        let context = format!("{method} {uri}");
        assert_eq!(r.status.as_u16(), status, "{context}: {}", r.text);
        r.assert_json_error(&context);
    }
}

/// Bodies over the limit are refused with 413 before anything is read into
/// a handler: 2 MB for JSON, 64 MB for an import; nothing is buffered for
/// someone who is not signed in.
#[tokio::test]
async fn absurdly_large_bodies_get_413() {
    let mut f = fuzz().await;
    let big = |n: usize| format!("{{\"name\": \"{}\"}}", "x".repeat(n));
    let e = f.w.ids.edition;
    // Just under 2 MB: a normal validation error.
    let req = Req::new(Method::POST, format!("/api/editions/{e}/companies")).cookie(f.w.cookie(Who::Coord)).raw(JSON, big(2 * MB - 100));
    let r = f.check("2 MB company", req, Expect::Refused).await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.text);
    for (who, uri) in [(Who::Coord, format!("/api/editions/{e}/companies")), (Who::StemA, format!("/api/schools/{}/plan/goals", f.w.ids.school_a))] {
        let req = Req::new(Method::POST, &uri).cookie(f.w.cookie(who)).raw(JSON, big(3 * MB));
        let r = f.check(&format!("3 MB to {uri}"), req, Expect::Refused).await;
        assert_eq!(r.status.as_u16(), 413, "{uri}: {}", r.text);
    }
    // The import takes a large file, but not an absurd one.
    let req = Req::new(Method::POST, "/api/import").cookie(f.w.cookie(Who::Coord)).raw(JSON, big(3 * MB));
    let r = f.check("3 MB import", req, Expect::Refused).await;
    assert_eq!(r.status.as_u16(), 400, "a 3 MB import is read (and refused for its content): {}", r.text);
    let req = Req::new(Method::POST, "/api/import").cookie(f.w.cookie(Who::Coord)).raw(JSON, big(65 * MB));
    let r = f.check("65 MB import", req, Expect::Refused).await;
    assert_eq!(r.status.as_u16(), 413, "{}", r.text.chars().take(200).collect::<String>());
    let req = Req::new(Method::POST, "/api/import").raw(JSON, big(65 * MB));
    let r = f.check("65 MB import without a session", req, Expect::Refused).await;
    assert_eq!(r.status.as_u16(), 401);
    // Sign-in is open to everyone: its limit holds too.
    let req = Req::new(Method::POST, "/api/auth/signin").raw(JSON, format!("{{\"token\": \"{}\"}}", "a".repeat(3 * MB)));
    let r = f.check("3 MB sign-in", req, Expect::Refused).await;
    assert_eq!(r.status.as_u16(), 413, "{}", r.text);
}

/// An import that is not an export, or an export with absurd content, is
/// refused whole: no edition appears.
#[tokio::test]
async fn the_import_refuses_garbage_without_saving() {
    let mut f = fuzz().await;
    let export = f.w.ok(Who::Coord, Method::GET, &format!("/api/editions/{}/export", f.w.ids.edition), None).await;
    let mut cases: Vec<(String, Vec<u8>)> = vec![
        ("empty".into(), vec![]),
        ("not JSON".into(), b"{".to_vec()),
        ("an array".into(), b"[]".to_vec()),
        ("invalid UTF-8".into(), vec![0xff, 0xfe]),
        ("no version".into(), json!({"edition": {}}).to_string().into_bytes()),
        ("a future version".into(), json!({"format_version": 999_999}).to_string().into_bytes()),
        ("a negative version".into(), json!({"format_version": -1}).to_string().into_bytes()),
    ];
    let mut mutate = |what: &str, f: &dyn Fn(&mut Value)| {
        let mut doc = export.clone();
        f(&mut doc);
        cases.push((what.to_string(), doc.to_string().into_bytes()));
    };
    mutate("a school without a name", &|d| d["schools"][0]["name"] = json!(""));
    mutate("a 1 MB school name", &|d| d["schools"][0]["name"] = json!("x".repeat(MB)));
    mutate("a 1 MB goal title in a submitted plan", &|d| d["plan_versions"][0]["snapshot"]["goals"][0]["title"] = json!("x".repeat(MB)));
    mutate("a javascript: evidence link on an answer", &|d| d["answers"][0]["evidence_url"] = json!("javascript:fetch('/api/people')"));
    mutate("a javascript: evidence link on an action", &|d| d["actions"][0]["evidence_url"] = json!("javascript:alert(1)"));
    mutate("a data: evidence link in a submitted plan", &|d| {
        d["plan_versions"][0]["snapshot"]["actions"][0]["evidence_url"] = json!("data:text/html,<script>alert(1)</script>")
    });
    mutate("a school of an unknown company", &|d| d["schools"][0]["company_id"] = json!(999_999));
    mutate("a person of an unknown school", &|d| d["people"][0]["school_id"] = json!(999_999));
    mutate("a goal of an unknown plan", &|d| d["goals"][0]["plan_id"] = json!(999_999));
    mutate("a negative budget", &|d| d["actions"][0]["budget_cents"] = json!(-5));
    mutate("a huge budget", &|d| d["actions"][0]["budget_cents"] = json!(i64::MAX));
    mutate("an answer level 9", &|d| d["answers"][0]["level"] = json!(9));
    mutate("a criterion weight 1000", &|d| d["criteria"][0]["weight"] = json!(1000));
    mutate("criteria that are not a list", &|d| d["criteria"] = json!("nope"));
    mutate("a huge version", &|d| d["schools"][0]["version"] = json!(i64::MAX));
    mutate("a negative version", &|d| d["goals"][0]["version"] = json!(-3));
    mutate("a huge plan version number", &|d| d["plan_versions"][0]["number"] = json!(i64::MAX));
    mutate("a duplicate school id", &|d| {
        let first = d["schools"][0].clone();
        if let Some(list) = d["schools"].as_array_mut() {
            list.push(first);
        }
    });
    for (what, body) in cases {
        let req = Req::new(Method::POST, "/api/import").cookie(f.w.cookie(Who::Coord)).raw(JSON, body);
        let r = f.check(&format!("import with {what}"), req, Expect::Refused).await;
        assert_eq!(r.status.as_u16(), 400, "import with {what}: {}", r.text.chars().take(300).collect::<String>());
    }
    // The export itself imports (and is read back below).
    f.w.ok(Who::Coord, Method::POST, "/api/import", Some(&export)).await;
    f.probe().await;
    // Whatever was accepted can be read, exported again and edited.
    let editions = f.w.ok(Who::Coord, Method::GET, "/api/editions", None).await;
    for e in editions.as_array().unwrap() {
        let id = e["id"].as_i64().unwrap();
        for uri in ["export", "dashboard", "matching", "networks", "people", "schools"] {
            f.w.ok(Who::Coord, Method::GET, &format!("/api/editions/{id}/{uri}"), None).await;
        }
        let schools: Vec<(i64, i64, String)> =
            sqlx::query_as(&format!("select id, version, name from schools where edition_id = {id} and archived_at is null"))
                .fetch_all(f.w.state.writer.pool())
                .await
                .unwrap();
        for (school, version, name) in schools {
            for uri in ["plan", "plan/summary", "report", "team"] {
                f.w.ok(Who::Coord, Method::GET, &format!("/api/schools/{school}/{uri}"), None).await;
            }
            let body = json!({"name": name.chars().take(100).collect::<String>(), "tracks": ["dual"], "version": version});
            let r = f.w.call(Who::Coord, Method::PUT, &format!("/api/schools/{school}"), Some(&body)).await;
            assert!(!r.status.is_server_error(), "editing imported school {school}: {} {}", r.status, r.text);
        }
    }
}

//! The award dossier through the router (`routes::dossiers`): each side
//! edits only its own part, stale writes answer 409 with the current
//! dossier, a change after a sign-off withdraws both, the second sign-off
//! submits and freezes it, the coordinator reopens it with a reason, a
//! juror reads it with the finalist under the conflict rules, the
//! dashboard shows its status; and the school and its company editing at
//! once against the real server (no 5xx, no acknowledged write lost).

use crate::common::{self, Req, Who, World};
use crate::load::{serve, Client, Tally};
use axum::http::Method;
use rubric::people::{Role, SchoolFunction};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

fn uri(school: i64, rest: &str) -> String {
    format!("/api/schools/{school}/dossier{rest}")
}

fn school_part(version: i64, text: &str) -> Value {
    json!({"version": version, "plan_version": 1, "text": text, "summary": "Een maaklab voor alle leerlingen", "evidence": []})
}

fn company_part(version: i64, text: &str) -> Value {
    json!({"version": version, "text": text})
}

/// Both parts filled in by their own side; the dossier as the company reads it.
async fn prepared(w: &World, a: i64) -> Value {
    w.ok(Who::StemA, Method::PUT, &uri(a, "/school"), Some(&school_part(0, "Onze school bouwt een maaklab"))).await;
    w.ok(Who::CompX, Method::PUT, &uri(a, "/company"), Some(&company_part(0, "Wij leveren twee coaches"))).await
}

fn revision(page: &Value) -> Value {
    json!({"revision": page["dossier"]["revision"]})
}

#[tokio::test]
async fn each_side_edits_only_its_own_part_and_reads_the_other() {
    let w = common::world().await;
    let (a, b) = (w.ids.school_a, w.ids.school_b);
    let page = prepared(&w, a).await;
    assert_eq!(page["side"], "company");
    assert_eq!(page["can_edit_company"], true);
    assert_eq!(page["can_edit_school"], false);
    // The company reads the school's part; the school reads the company's.
    assert_eq!(page["dossier"]["school"]["text"], "Onze school bouwt een maaklab");
    let school_view = w.ok(Who::StemA, Method::GET, &uri(a, ""), None).await;
    assert_eq!(school_view["dossier"]["company"]["text"], "Wij leveren twee coaches");
    assert_eq!(school_view["status"], "in-progress");
    // A teacher reads but does not edit; nobody writes the other side's part.
    let teacher = w.ok(Who::TeacherA, Method::GET, &uri(a, ""), None).await;
    assert_eq!(teacher["can_edit_school"], false);
    let refusals = [
        (Who::TeacherA, uri(a, "/school"), school_part(1, "x")),
        (Who::CompX, uri(a, "/school"), school_part(1, "x")),
        (Who::StemA, uri(a, "/company"), company_part(1, "x")),
        (Who::CompY, uri(a, "/company"), company_part(1, "x")),
        (Who::Coord, uri(a, "/company"), company_part(1, "x")),
    ];
    for (who, path, body) in refusals {
        let r = w.call(who, Method::PUT, &path, Some(&body)).await;
        assert_eq!(r.status.as_u16(), 403, "{who:?} {path}: {}", r.text);
    }
    // The company of another school: 403, and nothing of A's dossier.
    let r = w.call(Who::CompY, Method::GET, &uri(a, ""), None).await;
    assert_eq!(r.status.as_u16(), 403);
    assert!(!r.text.contains("maaklab"), "{}", r.text);
    let r = w.call(Who::CompX, Method::GET, &uri(b, ""), None).await;
    assert_eq!(r.status.as_u16(), 403);
    let after = w.ok(Who::Coord, Method::GET, &uri(a, ""), None).await;
    assert_eq!(after["dossier"]["company"]["text"], "Wij leveren twee coaches");
}

#[tokio::test]
async fn a_stale_write_answers_409_with_the_current_dossier() {
    let w = common::world().await;
    let a = w.ids.school_a;
    w.ok(Who::StemA, Method::PUT, &uri(a, "/school"), Some(&school_part(0, "Eerste versie"))).await;
    // A second editor still on version 0.
    let r = w.call(Who::StemA, Method::PUT, &uri(a, "/school"), Some(&school_part(0, "Tweede versie"))).await;
    assert_eq!(r.status.as_u16(), 409, "{}", r.text);
    assert_eq!(r.json["code"], "stale");
    assert_eq!(r.json["current"]["dossier"]["school"]["text"], "Eerste versie");
    assert_eq!(r.json["current"]["dossier"]["school_version"], 1);
    // The company's part has its own version: the school's save did not make it stale.
    w.ok(Who::CompX, Method::PUT, &uri(a, "/company"), Some(&company_part(0, "Onze inbreng"))).await;
}

#[tokio::test]
async fn the_parts_are_validated_with_a_message_at_the_field() {
    let w = common::world().await;
    let a = w.ids.school_a;
    let mut body = school_part(0, &"a".repeat(rubric::dossier::MAX_TEXT_CHARS + 1));
    body["plan_version"] = json!(99);
    body["summary"] = json!("s".repeat(rubric::dossier::MAX_SUMMARY_CHARS + 1));
    let r = w.call(Who::StemA, Method::PUT, &uri(a, "/school"), Some(&body)).await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.text);
    let fields: Vec<&str> = r.json["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["text", "summary", "plan_version"]);
    assert!(r.json["fields"][2]["message"].as_str().unwrap().contains("plan version 99 was never submitted"), "{}", r.text);
    // Nothing was saved.
    assert_eq!(w.ok(Who::StemA, Method::GET, &uri(a, ""), None).await["status"], "not-started");
}

#[tokio::test]
async fn a_change_after_a_sign_off_withdraws_both_and_tells_both_sides() {
    let w = common::world().await;
    let a = w.ids.school_a;
    let page = prepared(&w, a).await;
    let signed = w.ok(Who::StemA, Method::POST, &uri(a, "/sign"), Some(&revision(&page))).await;
    assert_eq!(signed["status"], "signed-by-school");
    let company_view = w.ok(Who::CompX, Method::GET, &uri(a, ""), None).await;
    assert_eq!(company_view["status"], "signed-by-school");
    let changed = w.ok(Who::CompX, Method::PUT, &uri(a, "/company"), Some(&company_part(1, "Wij leveren drie coaches"))).await;
    assert_eq!(changed["status"], "in-progress");
    assert!(changed["dossier"]["school_signoff"].is_null());
    assert_eq!(changed["dossier"]["withdrawal"]["by"], "company");
    let school_view = w.ok(Who::StemA, Method::GET, &uri(a, ""), None).await;
    assert_eq!(school_view["dossier"]["withdrawal"]["by"], "company", "the school sees why its sign-off went");
    let audit = w.scalar("select count(*) from audit_log where action = 'dossier-withdraw'").await;
    assert_eq!(audit, 1);
    // A sign-off on the revision read before the change is stale.
    let r = w.call(Who::StemA, Method::POST, &uri(a, "/sign"), Some(&revision(&page))).await;
    assert_eq!(r.status.as_u16(), 409);
    assert_eq!(r.json["code"], "stale");
}

#[tokio::test]
async fn it_is_submitted_only_when_both_signed_then_frozen_until_reopened() {
    let w = common::world().await;
    let a = w.ids.school_a;
    // Incomplete: the company has not written yet.
    let page = w.ok(Who::StemA, Method::PUT, &uri(a, "/school"), Some(&school_part(0, "Onze school"))).await;
    let r = w.call(Who::StemA, Method::POST, &uri(a, "/sign"), Some(&revision(&page))).await;
    assert_eq!((r.status.as_u16(), r.json["code"].as_str()), (409, Some("dossier_incomplete")), "{}", r.text);
    assert!(r.json["message"].as_str().unwrap().contains("the company's text is empty"), "{}", r.text);
    let page = w.ok(Who::CompX, Method::PUT, &uri(a, "/company"), Some(&company_part(0, "Onze inbreng"))).await;
    let one = w.ok(Who::CompX, Method::POST, &uri(a, "/sign"), Some(&revision(&page))).await;
    assert_eq!(one["status"], "signed-by-company");
    assert!(one["dossier"]["submitted_at"].is_null());
    let r = w.call(Who::CompX, Method::POST, &uri(a, "/sign"), Some(&revision(&page))).await;
    assert_eq!(r.json["code"], "already_signed");
    let both = w.ok(Who::StemA, Method::POST, &uri(a, "/sign"), Some(&revision(&page))).await;
    assert_eq!(both["status"], "submitted");
    assert_eq!(both["can_edit_school"], false);
    // Frozen.
    let r = w.call(Who::StemA, Method::PUT, &uri(a, "/school"), Some(&school_part(1, "Later"))).await;
    assert_eq!((r.status.as_u16(), r.json["code"].as_str()), (409, Some("dossier_submitted")));
    // The coordinator reopens with a reason (required), audited.
    let r = w.call(Who::Coord, Method::POST, &uri(a, "/reopen"), Some(&json!({"reason": " "}))).await;
    assert_eq!(r.status.as_u16(), 422);
    let reopened = w.ok(Who::Coord, Method::POST, &uri(a, "/reopen"), Some(&json!({"reason": "Verkeerde planversie"}))).await;
    assert_eq!(reopened["status"], "in-progress");
    assert_eq!(w.scalar("select count(*) from audit_log where action = 'dossier-reopen' and detail like '%Verkeerde planversie%'").await, 1);
    w.ok(Who::StemA, Method::PUT, &uri(a, "/school"), Some(&school_part(1, "Later"))).await;
    let r = w.call(Who::Coord, Method::POST, &uri(a, "/reopen"), Some(&json!({"reason": "Nogmaals"}))).await;
    assert_eq!(r.json["code"], "not_submitted");
}

#[tokio::test]
async fn a_school_without_a_submitted_plan_is_no_candidate_yet() {
    let w = common::world().await;
    let s = w.ids.spare_school;
    let (_, cookie) = w.sign_up("Coordinator Reserve", Role::SchoolMember, Some(s), None, Some(SchoolFunction::StemCoordinator)).await;
    let r = w.send(Req::new(Method::GET, uri(s, "")).cookie(Some(&cookie))).await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.text);
    assert_eq!(r.json["plan_versions"], json!([]));
    assert_eq!(r.json["can_edit_school"], false);
    let r = w.send(Req::new(Method::PUT, uri(s, "/school")).cookie(Some(&cookie)).json(&school_part(0, "Te vroeg"))).await;
    assert_eq!((r.status.as_u16(), r.json["code"].as_str()), (409, Some("not_candidate")), "{}", r.text);
}

#[tokio::test]
async fn jurors_read_the_submitted_dossier_under_the_conflict_rules_and_the_dashboard_shows_its_status() {
    let w = common::world().await;
    let ids = w.ids.clone();
    let a = ids.school_a;
    let fin = format!("/api/jury/my/finalists/{}", ids.finalist_a);
    let before = w.ok(Who::JurorFree, Method::GET, &fin, None).await;
    assert!(before["dossier"].is_null(), "not submitted yet: {}", before["dossier"]);
    let status_of = |d: &Value, school: i64| {
        d["schools"].as_array().unwrap().iter().find(|s| s["school_id"] == school).unwrap()["dossier"].clone()
    };
    let dashboard = format!("/api/editions/{}/dashboard", ids.edition);
    assert_eq!(status_of(&w.ok(Who::Coord, Method::GET, &dashboard, None).await, a), "not-started");
    let page = prepared(&w, a).await;
    w.ok(Who::StemA, Method::POST, &uri(a, "/sign"), Some(&revision(&page))).await;
    assert_eq!(status_of(&w.ok(Who::Coord, Method::GET, &dashboard, None).await, a), "signed-by-school");
    w.ok(Who::CompX, Method::POST, &uri(a, "/sign"), Some(&revision(&page))).await;
    let d = w.ok(Who::Coord, Method::GET, &dashboard, None).await;
    assert_eq!(status_of(&d, a), "submitted");
    assert_eq!(status_of(&d, ids.school_b), "not-started");

    let seen = w.ok(Who::JurorFree, Method::GET, &fin, None).await;
    assert_eq!(seen["dossier"]["school_text"], "Onze school bouwt een maaklab");
    assert_eq!(seen["dossier"]["company_text"], "Wij leveren twee coaches");
    assert_eq!(seen["dossier"]["plan"]["number"], 1);
    assert_eq!(seen["plan"]["number"], 1, "the score sheet shows the dossier's plan version");
    // Juror X works for A's sponsor: refused, and nothing of the dossier.
    let r = w.call(Who::JurorX, Method::GET, &fin, None).await;
    assert_eq!(r.status.as_u16(), 403);
    assert!(!r.text.contains("maaklab"));
    // Jurors do not open the school's own dossier page.
    let r = w.call(Who::JurorFree, Method::GET, &uri(a, ""), None).await;
    assert_eq!(r.status.as_u16(), 403);
}

/// The school and its company save their parts (and try to sign off) at
/// the same time over real HTTP: never a 5xx, every acknowledged save is
/// what the database holds at the end (the last one of each side).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn school_and_company_editing_at_once_get_no_5xx_and_lose_no_acknowledged_write() {
    let w = common::world().await;
    let a = w.ids.school_a;
    let served = serve(w.state.clone()).await;
    let tally = Arc::new(Mutex::new(Tally::default()));
    let until = Instant::now() + Duration::from_secs_f64(2.0);
    let side = |who: Who, path: &'static str| {
        let c = Client::new(&served.base, w.cookie(who).expect("cookie"), tally.clone());
        tokio::spawn(async move {
            let mut version = 0i64;
            let mut last_acked: Option<String> = None;
            let mut n = 0;
            while Instant::now() < until {
                n += 1;
                let text = format!("{path} tekst {n}");
                let body = if path == "/school" { school_part(version, &text) } else { company_part(version, &text) };
                let (status, page) = c.call(Method::PUT, &uri(a, path), Some(&body)).await;
                let key = if path == "/school" { "school_version" } else { "company_version" };
                match status {
                    200 => {
                        version = page["dossier"][key].as_i64().expect("version");
                        last_acked = Some(text);
                    }
                    409 => version = page["current"]["dossier"][key].as_i64().unwrap_or(version),
                    other => panic!("{path}: {other} {page}"),
                }
                if n % 3 == 0 {
                    let (_, current) = c.call(Method::GET, &uri(a, ""), None).await;
                    let (status, _) = c.call(Method::POST, &uri(a, "/sign"), Some(&revision(&current))).await;
                    assert!(matches!(status, 200 | 409), "sign: {status}");
                }
            }
            last_acked
        })
    };
    let school = side(Who::StemA, "/school");
    let company = side(Who::CompX, "/company");
    let (school, company) = (school.await.expect("school task"), company.await.expect("company task"));
    let tally = tally.lock().await;
    assert_eq!(tally.five_xx(), 0, "{:?}: {:#?}", tally.by_status, tally.server_errors);
    assert!(tally.requests > 10, "{tally:?}");
    let end = w.ok(Who::Coord, Method::GET, &uri(a, ""), None).await;
    let status = end["status"].as_str().unwrap_or_default().to_string();
    // A sign-off by both may have submitted (and frozen) it: then the last
    // acknowledged texts are still the stored ones.
    assert_eq!(end["dossier"]["school"]["text"].as_str(), school.as_deref(), "status {status}");
    assert_eq!(end["dossier"]["company"]["text"].as_str(), company.as_deref(), "status {status}");
}

#[tokio::test]
async fn dossiers_survive_export_and_import() {
    let w = common::world().await;
    let ids = w.ids.clone();
    let page = prepared(&w, ids.school_a).await;
    w.ok(Who::StemA, Method::POST, &uri(ids.school_a, "/sign"), Some(&revision(&page))).await;
    w.ok(Who::CompX, Method::POST, &uri(ids.school_a, "/sign"), Some(&revision(&page))).await;
    w.ok(Who::StemB, Method::PUT, &uri(ids.school_b, "/school"), Some(&school_part(0, "School B schrijft"))).await;
    let mut doc = server::db::exchange::export(&w.state.db, ids.edition, 0).await.expect("export");
    assert_eq!(doc.dossiers.len(), 2);
    let parsed = rubric::exchange::parse_document(&doc.to_json()).expect("parse");
    assert_eq!(parsed, doc);
    let fresh = World::empty().await;
    let summary = server::db::exchange::import(&fresh.state.writer, &parsed, None).await.expect("import");
    let mut again = server::db::exchange::export(&fresh.state.db, summary.edition_id, 0).await.expect("export again");
    doc.exported_at = 0;
    again.exported_at = 0;
    assert_eq!(again.dossiers, doc.dossiers);
    // The imported dossier is still submitted, signed by the imported people.
    let school: i64 = sqlx::query_scalar("select id from schools where name = ? and edition_id = ?")
        .bind(common::names::SCHOOL_A)
        .bind(summary.edition_id)
        .fetch_one(&fresh.state.db)
        .await
        .unwrap();
    let d = server::db::dossiers::load(&fresh.state.db, summary.edition_id, school).await.unwrap();
    assert_eq!(d.status(), rubric::dossier::DossierStatus::Submitted);
    let signer: String = sqlx::query_scalar("select name from people where id = ?")
        .bind(d.school_signoff.as_ref().unwrap().person_id)
        .fetch_one(&fresh.state.db)
        .await
        .unwrap();
    assert_eq!(signer, d.school_signoff.unwrap().name);
}

/// An evidence row of school A straight in the database (bytes in the store).
async fn evidence_file(w: &World, kind: &str, name: &str) -> i64 {
    let ids = &w.ids;
    let bytes = format!("%PDF-1.4\n%{name}\n").into_bytes();
    let hash = w.state.files.put(&bytes).await.unwrap().sha256;
    let (measurement, indicator, person, action) = match kind {
        "answer" => (Some(ids.measurement_a), Some("curriculum.learning-lines"), Some(ids.teacher_a), None),
        "consensus" => (Some(ids.measurement_a), Some("curriculum.learning-lines"), None, None),
        _ => (None, None, None, Some(ids.action_a)),
    };
    sqlx::query_scalar(
        "insert into evidence_files (edition_id, school_id, item_kind, measurement_id, indicator_id, person_id, action_id, \
         name, size, kind, sha256, uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pdf', ?, ?, 0) returning id",
    )
    .bind(ids.edition)
    .bind(ids.school_a)
    .bind(kind)
    .bind(measurement)
    .bind(indicator)
    .bind(person)
    .bind(action)
    .bind(name)
    .bind(bytes.len() as i64)
    .bind(hash)
    .bind(ids.stem_a)
    .fetch_one(w.state.writer.pool())
    .await
    .unwrap()
}

#[tokio::test]
async fn the_school_selects_evidence_and_the_juror_downloads_only_what_was_selected() {
    let w = common::world().await;
    let ids = w.ids.clone();
    let a = ids.school_a;
    let answer = evidence_file(&w, "answer", "mijn-antwoord.pdf").await;
    let consensus = evidence_file(&w, "consensus", "vakgroepverslag.pdf").await;
    let action = evidence_file(&w, "action", "projectbeschrijving.pdf").await;
    let page = w.ok(Who::CompX, Method::GET, &uri(a, ""), None).await;
    let offered: Vec<i64> = page["evidence_files"].as_array().unwrap().iter().map(|f| f["id"].as_i64().unwrap()).collect();
    assert_eq!(offered, vec![consensus, action], "a respondent's own answer file is not offered");
    // A respondent's file cannot be selected.
    let mut body = school_part(0, "Onze school");
    body["evidence"] = json!([answer]);
    let r = w.call(Who::StemA, Method::PUT, &uri(a, "/school"), Some(&body)).await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.text);
    assert_eq!(r.json["fields"][0]["field"], "evidence");
    body["evidence"] = json!([action, consensus]);
    let page = w.ok(Who::StemA, Method::PUT, &uri(a, "/school"), Some(&body)).await;
    assert_eq!(page["dossier"]["school"]["evidence"], json!([action, consensus]));
    let page = w.ok(Who::CompX, Method::PUT, &uri(a, "/company"), Some(&company_part(0, "Onze inbreng"))).await;
    w.ok(Who::CompX, Method::POST, &uri(a, "/sign"), Some(&revision(&page))).await;
    w.ok(Who::StemA, Method::POST, &uri(a, "/sign"), Some(&revision(&page))).await;

    let fin = format!("/api/jury/my/finalists/{}", ids.finalist_a);
    let seen = w.ok(Who::JurorFree, Method::GET, &fin, None).await;
    let names: Vec<&str> = seen["dossier"]["evidence"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec!["projectbeschrijving.pdf", "vakgroepverslag.pdf"]);
    let r = w.call(Who::JurorFree, Method::GET, &format!("{fin}/evidence/{action}"), None).await;
    assert_eq!(r.status.as_u16(), 200);
    assert!(r.text.starts_with("%PDF"), "{}", r.text);
    let disposition = r.headers.get("content-disposition").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(r.headers.get("content-security-policy").is_some());
    // Not selected: not found; with a conflict: refused.
    assert_eq!(w.call(Who::JurorFree, Method::GET, &format!("{fin}/evidence/{answer}"), None).await.status.as_u16(), 404);
    assert_eq!(w.call(Who::JurorX, Method::GET, &format!("{fin}/evidence/{action}"), None).await.status.as_u16(), 403);
}

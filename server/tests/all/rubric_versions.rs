//! Issue 15 through the router: the rubric version an edition measures with
//! (chosen at creation, refused to change while answers are open), answers
//! validated by their measurement's version, "weet ik niet" stored apart
//! from "n.v.t.", growth from a v1 baseline to a v2 final in the report,
//! the public rubric and next-steps files, and the exchange round trip.

use crate::common::{edition_body, world, Who, World};
use axum::http::{Method, StatusCode};
use rubric::{rubric_versions, RubricVersion};
use serde_json::{json, Value};

fn ids(version: RubricVersion) -> Vec<String> {
    rubric::content::rubric(version).indicators().map(|(_, i)| i.id.clone()).collect()
}

/// An id of `a` that `b` does not have.
fn only_in(a: RubricVersion, b: RubricVersion) -> String {
    let other = ids(b);
    ids(a).into_iter().find(|id| !other.contains(id)).expect("the versions differ in an indicator")
}

async fn edition_version(w: &World) -> Value {
    w.ok(Who::Coord, Method::GET, &format!("/api/editions/{}", w.ids.edition), None).await
}

async fn set_version(w: &World, version: u32) -> crate::common::Resp {
    let current = edition_version(w).await;
    let mut body = edition_body("Editie 2025-2026");
    body["version"] = current["version"].clone();
    body["rubric_version"] = json!(version);
    w.call(Who::Coord, Method::PUT, &format!("/api/editions/{}", w.ids.edition), Some(&body)).await
}

async fn close_baselines(w: &World) {
    for school in [w.ids.school_a, w.ids.school_b, w.ids.spare_school] {
        let r = w.call(Who::Coord, Method::POST, &format!("/api/schools/{school}/measurements/baseline/close"), Some(&json!({}))).await;
        assert!(r.status.is_success() || r.status == StatusCode::NOT_FOUND, "{}", r.text);
    }
}

#[tokio::test]
async fn a_new_edition_measures_with_v2_unless_the_coordinator_chooses_and_unknown_versions_are_refused() {
    let w = world().await;
    let created = w.ok(Who::Coord, Method::POST, "/api/editions", Some(&edition_body("STEMpact 2027"))).await;
    assert_eq!(created["rubric_version"], json!(rubric_versions::default_for_new_edition()));
    assert_eq!(created["rubric_version"], json!(2));
    let mut body = edition_body("STEMpact 2027 op v1");
    body["rubric_version"] = json!(1);
    assert_eq!(w.ok(Who::Coord, Method::POST, "/api/editions", Some(&body)).await["rubric_version"], json!(1));
    body["rubric_version"] = json!(7);
    let r = w.call(Who::Coord, Method::POST, "/api/editions", Some(&body)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.json["fields"][0]["field"], "rubric_version", "{}", r.text);
    assert!(r.text.contains("no rubric version 7"), "{}", r.text);
    // The editions from before the choice measured with v1.
    assert_eq!(edition_version(&w).await["rubric_version"], json!(1));
}

#[tokio::test]
async fn the_version_cannot_change_while_an_open_measurement_holds_answers() {
    let w = world().await;
    let r = set_version(&w, 2).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.json["fields"][0]["field"], "rubric_version");
    assert!(r.text.contains("already given on version 1"), "{}", r.text);
    assert_eq!(r.json["fields"][0]["code"], "rubric_version_in_use", "the form words it by its code: {}", r.text);
    assert_eq!(edition_version(&w).await["rubric_version"], json!(1), "nothing changed");
    // Keeping the version while editing the rest is fine.
    assert_eq!(set_version(&w, 1).await.status, StatusCode::OK);
    // Once the baselines are closed the eindmeting may use v2; the closed
    // baselines keep v1.
    close_baselines(&w).await;
    let r = set_version(&w, 2).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert_eq!(r.json["rubric_version"], json!(2));
    let baseline = w.scalar_owned(format!("select rubric_version from measurements where id = {}", w.ids.measurement_a)).await;
    assert_eq!(baseline, 1);
}

#[tokio::test]
async fn answers_are_validated_by_their_measurements_version() {
    let w = world().await;
    close_baselines(&w).await;
    assert_eq!(set_version(&w, 2).await.status, StatusCode::OK);
    w.ok(Who::Coord, Method::POST, &format!("/api/schools/{}/measurements/final/open", w.ids.school_a), Some(&json!({}))).await;
    let sheet = w.ok(Who::StemA, Method::GET, "/api/my/measurement?kind=final", None).await;
    assert_eq!(sheet["measurement"]["rubric_version"], json!(2), "{sheet}");
    let m = sheet["measurement"]["id"].as_i64().expect("final id");
    let v1_only = only_in(RubricVersion::V1, RubricVersion::V2);
    let v2_only = only_in(RubricVersion::V2, RubricVersion::V1);
    let write = |id: &str| format!("/api/measurements/{m}/answers/{id}");
    let r = w.call(Who::StemA, Method::PUT, &write(&v1_only), Some(&json!({"answer": 2, "version": 0}))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a v1 indicator in a v2 measurement: {}", r.text);
    assert_eq!(r.json["fields"][0]["field"], "indicator_id");
    let r = w.call(Who::StemA, Method::PUT, &write(&v2_only), Some(&json!({"answer": 3, "version": 0}))).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    // And the v1 baseline still refuses a v2-only indicator (it is closed, but
    // the check of the indicator comes first).
    let r = w
        .call(Who::TeacherA, Method::PUT, &format!("/api/measurements/{}/answers/{v2_only}", w.ids.measurement_a), Some(&json!({"answer": 3, "version": 0})))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
}

#[tokio::test]
async fn dont_know_is_stored_apart_from_not_applicable_and_is_never_the_teams_result() {
    let w = world().await;
    let m = w.ids.measurement_a;
    let v1 = ids(RubricVersion::V1);
    let (first, second) = (&v1[0], &v1[1]);
    let uri = |id: &str| format!("/api/measurements/{m}/answers/{id}");
    let a = w.ok(Who::TeacherA, Method::PUT, &uri(first), Some(&json!({"answer": "dk", "version": 1}))).await;
    assert_eq!(a["answer"], "dk");
    let a = w.ok(Who::TeacherA, Method::PUT, &uri(second), Some(&json!({"answer": "na", "version": 1}))).await;
    assert_eq!(a["answer"], "na");
    let r = w.call(Who::TeacherA, Method::PUT, &uri(second), Some(&json!({"answer": "nk", "version": 2}))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text.contains("\\\"dk\\\" (don't know)"), "{}", r.text);
    let stored = w
        .scalar_owned(format!(
            "select count(*) from answers a join responses r on r.id = a.response_id where r.measurement_id = {m} \
             and a.indicator_id = '{first}' and a.dont_know = 1 and a.not_applicable = 0 and a.level is null"
        ))
        .await;
    assert_eq!(stored, 1);
    let mine = w.ok(Who::TeacherA, Method::GET, "/api/my/measurement", None).await;
    let answer_of = |id: &str| mine["answers"].as_array().and_then(|a| a.iter().find(|x| x["indicator_id"] == id).cloned()).unwrap_or_default();
    assert_eq!((answer_of(first)["answer"].clone(), answer_of(second)["answer"].clone()), (json!("dk"), json!("na")));
    w.ok(Who::TeacherA, Method::POST, &format!("/api/measurements/{m}/submit"), Some(&json!({}))).await;
    // The team view carries both; aggregated they are counted apart.
    let team = w.ok(Who::StemA, Method::GET, &format!("/api/schools/{}/team", w.ids.school_a), None).await;
    let view: rubric::assessment::api::TeamView = serde_json::from_value(team).expect("a team view");
    let respondents = {
        let mut by: std::collections::BTreeMap<i64, rubric::assessment::RespondentAnswers> = Default::default();
        for a in &view.answers {
            by.entry(a.person_id).or_insert_with(|| rubric::assessment::RespondentAnswers::new(a.person_id.to_string())).answers.insert(a.indicator_id.clone(), a.answer);
        }
        by.into_values().collect::<Vec<_>>()
    };
    let agg = rubric::assessment::aggregate(rubric::current_rubric(), &respondents);
    let s = agg.indicator(first).expect("first");
    assert_eq!((s.dont_know_count, s.na_count, s.count), (1, 0, 1));
    let s = agg.indicator(second).expect("second");
    assert_eq!((s.dont_know_count, s.na_count, s.count), (0, 1, 1));
    // "weet ik niet" is one respondent's answer, not the team's result.
    let r = w
        .call(Who::StemA, Method::PUT, &format!("/api/measurements/{m}/consensus/{first}"), Some(&json!({"level": "dk", "rationale": "", "version": 0})))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text);
    assert_eq!(r.json["fields"][0]["field"], "level");

    // The exchange format carries both answers and the edition's version.
    let doc = server::db::exchange::export(&w.state.db, w.ids.edition, 0).await.expect("export");
    assert_eq!(doc.edition.rubric_version, 1);
    assert!(doc.answers.iter().any(|a| a.dont_know && !a.not_applicable && a.level.is_none()));
    assert!(doc.answers.iter().any(|a| a.not_applicable && !a.dont_know));
    let parsed = rubric::exchange::parse_document(&doc.to_json()).expect("parse");
    let fresh = World::empty().await;
    let summary = server::db::exchange::import(&fresh.state.writer, &parsed, None).await.expect("import");
    let again = server::db::exchange::export(&fresh.state.db, summary.edition_id, 0).await.expect("export again");
    assert_eq!(again, doc);
}

#[tokio::test]
async fn a_v2_edition_round_trips_through_the_exchange_format() {
    let w = world().await;
    close_baselines(&w).await;
    assert_eq!(set_version(&w, 2).await.status, StatusCode::OK);
    let doc = server::db::exchange::export(&w.state.db, w.ids.edition, 0).await.expect("export");
    assert_eq!(doc.edition.rubric_version, 2);
    let fresh = World::empty().await;
    let summary = server::db::exchange::import(&fresh.state.writer, &doc, None).await.expect("import");
    let again = server::db::exchange::export(&fresh.state.db, summary.edition_id, 0).await.expect("export again");
    assert_eq!(again.edition.rubric_version, 2);
    assert_eq!(again, doc);
}

#[tokio::test]
async fn the_report_shows_growth_from_a_v1_baseline_to_a_v2_final_where_the_mapping_allows() {
    let w = world().await;
    let a = w.ids.school_a;
    // The baseline's consensus (the team's proposals, all agreed), then closed.
    w.ok(Who::TeacherA, Method::POST, &format!("/api/measurements/{}/submit", w.ids.measurement_a), Some(&json!({}))).await;
    w.ok(Who::StemA, Method::POST, &format!("/api/measurements/{}/consensus/accept-proposals", w.ids.measurement_a), Some(&json!({}))).await;
    close_baselines(&w).await;
    assert_eq!(set_version(&w, 2).await.status, StatusCode::OK);
    w.ok(Who::Coord, Method::POST, &format!("/api/schools/{a}/measurements/final/open"), Some(&json!({}))).await;
    let f = w.ok(Who::StemA, Method::GET, "/api/my/measurement?kind=final", None).await["measurement"]["id"].as_i64().expect("final");
    for id in ids(RubricVersion::V2) {
        w.ok(Who::StemA, Method::PUT, &format!("/api/measurements/{f}/answers/{id}"), Some(&json!({"answer": 4, "version": 0}))).await;
    }
    w.ok(Who::StemA, Method::POST, &format!("/api/measurements/{f}/submit"), Some(&json!({}))).await;
    w.ok(Who::StemA, Method::POST, &format!("/api/measurements/{f}/consensus/accept-proposals"), Some(&json!({}))).await;
    let report = w.ok(Who::StemA, Method::GET, &format!("/api/schools/{a}/report"), None).await;
    assert_eq!(report["baseline"]["measurement"]["rubric_version"], json!(1));
    assert_eq!(report["final"]["measurement"]["rubric_version"], json!(2));
    let growth = report["growth_across"].as_array().cloned().unwrap_or_default();
    assert_eq!(growth.len(), ids(RubricVersion::V2).len(), "{report}");
    let comparable: Vec<&Value> = growth.iter().filter(|g| g["comparability"] == "comparable").collect();
    assert!(!comparable.is_empty());
    // A baseline of 2 or 3 (the team's median) to 4.
    assert!(comparable.iter().all(|g| g["final"] == 4 && g["delta"].as_i64().is_some_and(|d| (1..=2).contains(&d))), "{comparable:?}");
    let new_id = &rubric::mapping::v1_to_v2().new[0].id;
    let new = growth.iter().find(|g| &g["indicator_id"] == new_id).expect("the new indicator is listed");
    assert_eq!((new["comparability"].clone(), new["delta"].clone(), new["from_indicator"].clone()), (json!("not-comparable"), Value::Null, Value::Null));
    // Another school's member sees none of it.
    let r = w.call(Who::StemB, Method::GET, &format!("/api/schools/{a}/report"), None).await;
    assert!(r.status == StatusCode::FORBIDDEN || r.status == StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_rubric_of_each_version_and_the_next_steps_are_public_and_cacheable() {
    let w = world().await;
    for (path, version) in [("/api/rubric/1", 1), ("/api/rubric/v2", 2), ("/api/rubric/2", 2)] {
        let r = w.call(Who::Anon, Method::GET, path, None).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.json["version"], json!(version), "{path}");
        assert!(r.headers.get("cache-control").and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("public")));
    }
    assert_eq!(w.call(Who::Anon, Method::GET, "/api/rubric/9", None).await.status, StatusCode::NOT_FOUND);
    assert_eq!(w.call(Who::Anon, Method::GET, "/api/rubric", None).await.json["version"], json!(1));
    let versions = w.call(Who::Anon, Method::GET, "/api/rubric-versions", None).await.json;
    assert_eq!(versions, json!({"versions": [1, 2], "default_for_new_edition": 2}));
    let steps = w.call(Who::Anon, Method::GET, "/api/next-steps", None).await;
    assert_eq!(steps.status, StatusCode::OK);
    assert!(rubric::next_steps::NextSteps::from_json(&steps.text).is_ok());
}

/// A JSON object anywhere in `v` with this `id` and an `indicators` count.
fn summary_of(v: &Value, id: i64) -> Option<&Value> {
    match v {
        Value::Object(m) if m.get("id") == Some(&json!(id)) && m.contains_key("indicators") => Some(v),
        Value::Object(m) => m.values().find_map(|x| summary_of(x, id)),
        Value::Array(a) => a.iter().find_map(|x| summary_of(x, id)),
        _ => None,
    }
}

#[tokio::test]
async fn a_v2_measurement_counts_and_takes_evidence_by_its_own_rubric() {
    let w = world().await;
    close_baselines(&w).await;
    assert_eq!(set_version(&w, 2).await.status, StatusCode::OK);
    w.ok(Who::Coord, Method::POST, &format!("/api/schools/{}/measurements/final/open", w.ids.school_a), Some(&json!({}))).await;
    let sheet = w.ok(Who::StemA, Method::GET, "/api/my/measurement?kind=final", None).await;
    let m = sheet["measurement"]["id"].as_i64().expect("final id");
    // The coordinator's overview counts the v2 final against its 31
    // indicators and the v1 baseline against its 28.
    let overview = w.ok(Who::Coord, Method::GET, "/api/measurements", None).await;
    assert_eq!(summary_of(&overview, m).map(|s| s["indicators"].clone()), Some(json!(31)), "{overview}");
    assert_eq!(summary_of(&overview, w.ids.measurement_a).map(|s| s["indicators"].clone()), Some(json!(28)), "{overview}");
    // Evidence on a v2 answer is taken; on an indicator v2 lacks, not found.
    let pdf = b"%PDF-1.4\n%v2 evidence\n";
    let v2_only = only_in(RubricVersion::V2, RubricVersion::V1);
    let r = crate::evidence::upload(&w, Who::StemA, &format!("/api/measurements/{m}/answers/{v2_only}/evidence"), "bewijs.pdf", pdf).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let v1_only = only_in(RubricVersion::V1, RubricVersion::V2);
    let r = crate::evidence::upload(&w, Who::StemA, &format!("/api/measurements/{m}/answers/{v1_only}/evidence"), "bewijs.pdf", pdf).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.text);
}

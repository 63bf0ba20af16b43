//! Results a chair can sign, on the demo edition (`stempact demo`): Award
//! West's winner depends on one juror and locking waits for the chair's
//! reason; the app's score export, plain and Flemish, reproduces the app's
//! results through `stempact jury-stats`, field by field.

use crate::jury::{demo_world, World};
use axum::http::StatusCode;
use rubric::jury::report::{category_report, CategoryReport, Names};
use rubric::jury::views::ResultsView;
use rubric::jury::Robustness;
use rubric::people::Role;
use rubric::LocalizedText;
use serde_json::{json, Value};
use std::process::Command;

/// The demo with a signed-in coordinator and the jury's chair.
async fn demo() -> (World, String, String) {
    let w = demo_world().await;
    let (_, coord) = w.person(Role::Coordinator, "Griet", None, None).await;
    let chair: i64 = sqlx::query_scalar("select chair_id from jury_settings").fetch_one(&w.state.db).await.unwrap();
    let chair = w.session_of(chair).await;
    (w, coord, chair)
}

fn category<'a>(view: &'a Value, prefix: &str) -> &'a Value {
    view["categories"].as_array().unwrap().iter().find(|c| c["name"].as_str().unwrap().starts_with(prefix)).expect(prefix)
}

fn name_of(c: &Value, list: &str, key: &str) -> String {
    c[list].as_array().unwrap().iter().find(|n| n["key"] == key).map(|n| n["name"].as_str().unwrap().to_string()).unwrap()
}

#[tokio::test]
async fn on_the_demo_award_west_depends_on_one_juror_and_locking_waits_for_the_chairs_reason() {
    let (w, coord, chair) = demo().await;
    let (status, view) = w.get("/api/jury/results", &coord).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let west = category(&view, "Award West");
    let r = &west["results"];
    assert_eq!(name_of(west, "finalists", r["winner"].as_str().unwrap()), "Atheneum Scheldeland");
    let rob: Robustness = serde_json::from_value(r["robustness"].clone()).unwrap();
    assert!(!rob.robust);
    let leiebocht = |k: &str| name_of(west, "finalists", k) == "Campus Leiebocht";
    assert!(matches!(&rob.normalized, rubric::jury::Check::Other { finalist } if leiebocht(finalist)), "{rob:?}");
    assert!(matches!(&rob.mean_rank, rubric::jury::Check::Other { finalist } if leiebocht(finalist)), "{rob:?}");
    let deciding: Vec<String> = rob.deciding_jurors().iter().map(|k| name_of(west, "jurors", k)).collect();
    assert_eq!(deciding, ["Nadia Wouters"]);
    // The same juror is the one flagged for discussion.
    let flagged: Vec<&Value> = r["jurors"].as_array().unwrap().iter().filter(|j| j["flagged"] == true).collect();
    assert_eq!(flagged.len(), 1);
    assert_eq!(name_of(west, "jurors", flagged[0]["juror"].as_str().unwrap()), "Nadia Wouters");
    // The jurors disagree: ICC(2,k) reads below zero, not "not computable".
    assert_eq!(r["agreement"]["icc_2_k"]["reading"], "below-zero");
    assert_eq!(r["agreement"]["icc_2_k"]["not_computable"], Value::Null);
    // Award Oost's winner holds on every check.
    assert_eq!(category(&view, "Award Oost")["results"]["robustness"]["robust"], true);

    // Closed scoring: the lock waits for the chair, for Award West only.
    let version = view["settings"]["version"].as_i64().unwrap();
    let (status, setup) = w.post("/api/jury/status", &coord, json!({"version": version, "status": "closed"})).await;
    assert_eq!(status, StatusCode::OK, "{setup}");
    let version = setup["settings"]["version"].as_i64().unwrap();
    let (status, body) = w.post("/api/jury/lock", &coord, json!({"version": version})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let messages: Vec<&str> = body["fields"].as_array().unwrap().iter().map(|f| f["message"].as_str().unwrap()).collect();
    assert_eq!(messages, ["the winner of Award West (Oost- en West-Vlaanderen) is not robust; the jury chair must confirm it with a reason"]);

    // The chair confirms; findings the chair did not see are refused as stale.
    let id = west["category_id"].clone();
    let (status, body) = w.post("/api/jury/acknowledgements", &chair, json!({"category_id": id, "findings": [], "reason": "ok"})).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("stale")), "{body}");
    let reason = "Besproken in de jury: Nadia Wouters licht haar scores toe; de jury houdt de ruwe score aan.";
    let body = json!({"category_id": id, "findings": rob.findings(), "reason": reason});
    let (status, view) = w.post("/api/jury/acknowledgements", &chair, body).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    // Award Oost needs nothing: confirming it is refused.
    let oost = category(&view, "Award Oost")["category_id"].clone();
    let (status, body) = w.post("/api/jury/acknowledgements", &chair, json!({"category_id": oost, "findings": [], "reason": "x"})).await;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("robust")));

    let (status, view) = w.post("/api/jury/lock", &coord, json!({"version": version})).await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let west = category(&view, "Award West");
    assert_eq!(west["acknowledgement"]["reason"], reason);
    assert_eq!(west["changed_after_reveal"], json!([]));
    // The log says who confirmed what and why, in data and in English.
    let (_, log) = w.get("/api/jury/audit", &chair).await;
    let ack = log.as_array().unwrap().iter().find(|e| e["action"] == "jury.robustness-acknowledged").expect("logged");
    assert_eq!(ack["event"]["robustness-acknowledged"]["reason"], reason);
    assert_eq!(ack["event"]["robustness-acknowledged"]["winner"], "Atheneum Scheldeland");
    let detail = ack["detail"].as_str().unwrap();
    assert!(detail.contains("without Nadia Wouters Campus Leiebocht wins"), "{detail}");
}

/// The app's results of every category as `stempact jury-stats` prints
/// them; `dutch` names criteria in Dutch (the Flemish export does).
fn app_reports(view: &ResultsView, dutch: bool) -> Vec<CategoryReport> {
    view.categories
        .iter()
        .map(|c| {
            let finalist = |k: &str| c.finalist_name(k);
            let juror = |k: &str| c.juror_name(k);
            let criterion = |k: &str| {
                view.criteria.iter().find(|x| x.key() == k).map(|x| {
                    let name = if dutch { &x.name.nl } else { &x.name.en };
                    LocalizedText::new(name.clone(), name.clone())
                })
            };
            let names = Names { finalist: &finalist, juror: &juror, criterion: &criterion };
            category_report(&c.name, c.submitted_sheets as usize, c.results.as_ref().expect("results"), &names)
        })
        .collect()
}

#[tokio::test]
async fn the_score_export_of_the_demo_reproduces_the_apps_results_through_jury_stats() {
    let (w, coord, _) = demo().await;
    let (status, view) = w.get("/api/jury/results", &coord).await;
    assert_eq!(status, StatusCode::OK);
    let view: ResultsView = serde_json::from_value(view).expect("a results view");
    let dir = tempfile::tempdir().unwrap();
    for (variant, dutch) in [("plain", false), ("flemish", true)] {
        let (status, text) = w.get_text(&format!("/api/jury/export/scores.csv?variant={variant}"), &coord).await;
        assert_eq!(status, StatusCode::OK);
        let path = dir.path().join(format!("{variant}.csv"));
        std::fs::write(&path, &text).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_stempact")).arg("jury-stats").arg(&path).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let cli: Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
        let expected = serde_json::to_value(app_reports(&view, dutch)).unwrap();
        assert_eq!(cli["categories"], expected, "{variant}: the CLI differs from the app");
        // And what it says is the demo's story.
        let west = &cli["categories"][1];
        assert_eq!(west["winner"], "Atheneum Scheldeland");
        assert_eq!(west["ranking"][0]["score"], "7.53");
        assert_eq!(west["ranking"][1]["score"], "7.48");
        assert_eq!(west["robustness"]["robust"], false);
    }
}

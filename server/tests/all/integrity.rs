//! Submitted means submitted, and nobody signs in as someone else (issue
//! 11): the holes found by trying the app as its users would, each
//! reproduced on the shared security world first (these tests failed on
//! the code before the fix), then the reopen workflow for the nulmeting
//! and the jury, with the changes shown as before → after.

use crate::common::{self, names, Who, World};
use axum::http::{Method, StatusCode};
use rubric::people::{Role, SchoolFunction};
use serde_json::{json, Value};

const FIRST: &str = "curriculum.learning-lines";

fn answer_uri(measurement: i64, indicator: &str) -> String {
    format!("/api/measurements/{measurement}/answers/{indicator}")
}

fn indicator_ids() -> Vec<String> {
    rubric::current_rubric().indicators().map(|(_, i)| i.id.clone()).collect()
}

/// A raw JSON call with a cookie.
async fn call(w: &World, cookie: &str, method: Method, uri: &str, body: Option<Value>) -> common::Resp {
    let mut req = common::Req::new(method, uri).cookie(Some(cookie));
    if let Some(b) = body {
        req = req.json(&b);
    }
    w.send(req).await
}

/// A new teacher of school A, signed in: (id, cookie).
async fn new_teacher(w: &World, name: &str) -> (i64, String) {
    w.sign_up(name, Role::SchoolMember, Some(w.ids.school_a), None, Some(SchoolFunction::Teacher)).await
}

/// Answer every indicator with the same answer (version 0) and submit.
async fn answer_and_submit(w: &World, cookie: &str, m: i64, answer: Value) {
    for id in indicator_ids() {
        let r = call(w, cookie, Method::PUT, &answer_uri(m, &id), Some(json!({"answer": answer, "version": 0}))).await;
        assert_eq!(r.status, StatusCode::OK, "{id}: {}", r.text);
    }
    let r = call(w, cookie, Method::POST, &format!("/api/measurements/{m}/submit"), Some(json!({}))).await;
    assert_eq!(r.status, StatusCode::OK, "submit: {}", r.text);
}

async fn answer_version(w: &World, person: i64, m: i64, indicator: &str) -> i64 {
    w.scalar(&format!(
        "select a.version from answers a join responses r on r.id = a.response_id \
         where r.person_id = {person} and r.measurement_id = {m} and a.indicator_id = '{indicator}'"
    ))
    .await
}

// Reproduced holes ----------------------------------------------------------------

/// "A school member answers everything n.v.t., submits, reads the team's
/// answers, then changes their own answers: 200, no trace."
#[tokio::test]
async fn a_submitted_nulmeting_sheet_cannot_change_silently() {
    let w = common::world().await;
    let m = w.ids.measurement_a;
    let (teacher, cookie) = new_teacher(&w, "Nele Nvtleraar").await;
    answer_and_submit(&w, &cookie, m, json!("na")).await;
    let team = call(&w, &cookie, Method::GET, &format!("/api/schools/{}/team", w.ids.school_a), None).await;
    assert_eq!(team.status, StatusCode::OK, "{}", team.text);
    let version = answer_version(&w, teacher, m, FIRST).await;
    let r = call(&w, &cookie, Method::PUT, &answer_uri(m, FIRST), Some(json!({"answer": 4, "version": version}))).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text);
    assert_eq!(r.json["code"], "sheet_submitted", "{}", r.text);
    assert!(r.json["message"].as_str().unwrap_or_default().contains("reopen"), "{}", r.text);
    let stored = answer_version(&w, teacher, m, FIRST).await;
    assert_eq!(stored, version, "the answer did not change");
    // Submitting again is refused as well.
    let r = call(&w, &cookie, Method::POST, &format!("/api/measurements/{m}/submit"), Some(json!({}))).await;
    assert_eq!((r.status, r.json["code"].clone()), (StatusCode::CONFLICT, json!("already_submitted")), "{}", r.text);
}

/// "After submitting, a member also sees colleagues' unsubmitted drafts."
/// In the world, A's teacher answered everything but did not submit.
#[tokio::test]
async fn the_team_view_shows_submitted_answers_only() {
    let w = common::world().await;
    let ids = &w.ids;
    for who in [Who::StemA, Who::Coord] {
        let team = w.ok(who, Method::GET, &format!("/api/schools/{}/team", ids.school_a), None).await;
        let answers = team["answers"].as_array().cloned().unwrap_or_default();
        assert!(!answers.is_empty(), "{who:?} sees the submitted answers: {team}");
        assert!(
            answers.iter().all(|a| a["person_id"] != json!(ids.teacher_a)),
            "{who:?} sees the teacher's draft: {team}"
        );
        // Who answered how much stays visible (progress, not the answers).
        let teacher = team["members"].as_array().and_then(|m| m.iter().find(|p| p["person_id"] == json!(ids.teacher_a)).cloned());
        assert_eq!(teacher.map(|t| t["answered"].clone()), Some(json!(indicator_ids().len())));
    }
    // The report's statistics count submitted sheets only.
    let report = w.ok(Who::Coord, Method::GET, &format!("/api/schools/{}/report", ids.school_a), None).await;
    assert_eq!(report["baseline"]["respondents"], 1, "{report}");
}

/// "A member who has not answered can read the consensus in the report and
/// on the plan page."
#[tokio::test]
async fn the_consensus_follows_the_blind_rule_in_the_report_and_the_plan() {
    let w = common::world().await;
    let ids = &w.ids;
    let m = ids.measurement_a;
    let decision = json!({"level": 2, "rationale": "Besproken", "version": 0});
    w.ok(Who::StemA, Method::PUT, &format!("/api/measurements/{m}/consensus/{FIRST}"), Some(&decision)).await;
    let report_uri = format!("/api/schools/{}/report", ids.school_a);
    let plan_uri = format!("/api/schools/{}/plan", ids.school_a);

    // A's teacher has not submitted: no consensus, but the reason why.
    let report = w.ok(Who::TeacherA, Method::GET, &report_uri, None).await;
    assert_eq!(report["baseline"]["consensus"], json!([]), "{report}");
    assert_eq!(report["baseline"]["blind"], true, "{report}");
    let plan = w.ok(Who::TeacherA, Method::GET, &plan_uri, None).await;
    assert_eq!(plan["profile"], Value::Null, "{plan}");
    assert_eq!(plan["profile_hidden"], true, "{plan}");
    // A member who never answered: the same.
    let (_, cookie) = new_teacher(&w, "Nog Nietbegonnen").await;
    let r = call(&w, &cookie, Method::GET, &report_uri, None).await;
    assert_eq!(r.json["baseline"]["consensus"], json!([]), "{}", r.text);

    // The STEM coordinator submitted, the coordinator and the sponsor see it.
    for who in [Who::StemA, Who::Coord, Who::CompX] {
        let report = w.ok(who, Method::GET, &report_uri, None).await;
        assert_eq!(report["baseline"]["consensus"][0]["level"], 2, "{who:?}: {report}");
        assert_eq!(report["baseline"]["blind"], false, "{who:?}");
        let plan = w.ok(who, Method::GET, &plan_uri, None).await;
        assert!(plan["profile"].is_object(), "{who:?}: {plan}");
    }
    // Once the teacher submits, the teacher sees it too.
    w.ok(Who::TeacherA, Method::POST, &format!("/api/measurements/{m}/submit"), Some(&json!({}))).await;
    let report = w.ok(Who::TeacherA, Method::GET, &report_uri, None).await;
    assert_eq!(report["baseline"]["consensus"][0]["level"], 2, "{report}");
    assert!(w.ok(Who::TeacherA, Method::GET, &plan_uri, None).await["profile"].is_object());
}

/// Open scoring in the world's jury; the criteria ids.
async fn open_scoring(w: &World) -> Vec<i64> {
    let version = w.scalar(&format!("select version from jury_settings where edition_id = {}", w.ids.edition)).await;
    w.ok(Who::Coord, Method::POST, "/api/jury/status", Some(&json!({"version": version, "status": "open"}))).await;
    sqlx::query_scalar(&format!("select id from criteria where edition_id = {} order by position, id", w.ids.edition))
        .fetch_all(&w.state.db)
        .await
        .expect("criteria")
}

fn sheet(criteria: &[i64], scores: &[i64], version: i64) -> Value {
    let scores: serde_json::Map<String, Value> =
        criteria.iter().zip(scores.iter().cycle()).map(|(c, s)| (c.to_string(), json!(s))).collect();
    json!({"version": version, "scores": scores, "remarks": {}, "remark": ""})
}

/// "A juror submits, reads the other jurors' sheets, rewrites their scores:
/// 200; only an audit line the chair cannot read."
#[tokio::test]
async fn a_submitted_score_sheet_cannot_change() {
    let w = common::world().await;
    let criteria = open_scoring(&w).await;
    let f = w.ids.finalist_b;
    let base = format!("/api/jury/my/finalists/{f}");
    w.ok(Who::JurorX, Method::POST, &format!("{base}/submit"), Some(&sheet(&criteria, &[5], 0))).await;
    let submitted = w.ok(Who::JurorFree, Method::POST, &format!("{base}/submit"), Some(&sheet(&criteria, &[7], 0))).await;
    let version = submitted["version"].as_i64().unwrap_or_default();
    w.ok(Who::JurorFree, Method::GET, &format!("{base}/others"), None).await;
    for uri in [format!("{base}/sheet"), format!("{base}/submit")] {
        let method = if uri.ends_with("sheet") { Method::PUT } else { Method::POST };
        let r = w.call(Who::JurorFree, method, &uri, Some(&sheet(&criteria, &[9], version))).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{uri}: {}", r.text);
        assert!(matches!(r.json["code"].as_str(), Some("sheet_submitted" | "already_submitted")), "{}", r.text);
    }
    let mine = w.ok(Who::JurorFree, Method::GET, &base, None).await;
    assert!(mine["sheet"]["scores"].as_object().unwrap().values().all(|s| s == 7), "{mine}");
}

/// "A STEM coordinator can become a colleague: 'Nieuwe link' next to a
/// colleague who already signed in gives a working link; the colleague is
/// not told and their session stays valid."
#[tokio::test]
async fn a_stem_coordinator_cannot_reissue_a_link_for_a_colleague_who_signed_in() {
    let w = common::world().await;
    let ids = &w.ids;
    let r = w.call(Who::StemA, Method::POST, &format!("/api/my-school/team/{}/link", ids.teacher_a), Some(&json!({}))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text);
    assert_eq!(r.json["code"], "colleague_signed_in", "{}", r.text);
    assert!(r.json["message"].as_str().unwrap_or_default().contains("programme coordinator"), "{}", r.text);
    assert!(r.json.get("link").is_none());
    assert_eq!(w.call(Who::TeacherA, Method::GET, "/api/me", None).await.status, StatusCode::OK, "the teacher is still signed in");
    assert_eq!(w.scalar(&format!("select count(*) from invitations where person_id = {}", ids.teacher_a)).await, 1, "no new link");
    // The team list says who signed in, so the page can say why.
    let team = w.ok(Who::StemA, Method::GET, "/api/my-school/team", None).await;
    let teacher = team.as_array().and_then(|t| t.iter().find(|p| p["name"] == names::TEACHER_A).cloned()).unwrap_or_default();
    assert_eq!(teacher["ever_signed_in"], true, "{team}");
}

/// The programme coordinator may re-issue it: the person's sessions end
/// (every device), the old link stops working, and the audit log says so.
#[tokio::test]
async fn the_coordinators_reissue_ends_every_session_and_is_logged() {
    let w = common::world().await;
    let ids = &w.ids;
    let second = w.extra_session(ids.teacher_a).await;
    let new = w.ok(Who::Coord, Method::POST, &format!("/api/people/{}/link", ids.teacher_a), Some(&json!({}))).await;
    assert!(new["link"].as_str().unwrap_or_default().contains("/signin#"), "{new}");
    assert_eq!(w.call(Who::TeacherA, Method::GET, "/api/me", None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(call(&w, &second, Method::GET, "/api/me", None).await.status, StatusCode::UNAUTHORIZED);
    let logged = w
        .scalar(&format!(
            "select count(*) from audit_log where action = 'link-reissue' and person_id = {} and detail like '%sessions ended%'",
            ids.coord
        ))
        .await;
    assert_eq!(logged, 1);
    // The new link signs the teacher in again.
    let token = new["link"].as_str().unwrap_or_default().rsplit('#').next().unwrap_or_default().to_string();
    let cookie = w.sign_in(&token).await;
    assert_eq!(call(&w, &cookie, Method::GET, "/api/me", None).await.json["name"], names::TEACHER_A);
    // The juror link re-issue ends the juror's sessions too.
    w.ok(Who::Coord, Method::POST, &format!("/api/jury/jurors/{}/link", ids.juror_free), Some(&json!({}))).await;
    assert_eq!(w.call(Who::JurorFree, Method::GET, "/api/me", None).await.status, StatusCode::UNAUTHORIZED);
    // Not one's own link: that would end one's own session.
    let r = w.call(Who::Coord, Method::POST, &format!("/api/people/{}/link", ids.coord), Some(&json!({}))).await;
    assert_eq!((r.status, r.json["code"].clone()), (StatusCode::CONFLICT, json!("own_link")), "{}", r.text);
}

/// A colleague who never signed in still gets a new link from the STEM
/// coordinator (the reason the feature exists).
#[tokio::test]
async fn a_stem_coordinator_still_resends_a_link_to_a_colleague_who_never_signed_in() {
    let w = common::world().await;
    let invited = w.ok(Who::StemA, Method::POST, "/api/my-school/team", Some(&json!({"name": "Nieuwe Collega"}))).await;
    let id = invited["person"]["id"].as_i64().unwrap_or_default();
    assert_eq!(invited["person"]["ever_signed_in"], false, "{invited}");
    let again = w.ok(Who::StemA, Method::POST, &format!("/api/my-school/team/{id}/link"), Some(&json!({}))).await;
    assert!(again["link"].as_str().unwrap_or_default().contains("/signin#"));
    assert_eq!(w.scalar(&format!("select count(*) from invitations where person_id = {id} and revoked_at is null")).await, 1);
}

// The reopen workflow ---------------------------------------------------------------

/// A member asks to reopen; the lead reopens; the member changes an answer
/// and submits again; the team view, the report and the audit log show the
/// change (before → after, when, by whom). While reopened, the member is
/// blind again and the team sees the version submitted before.
#[tokio::test]
async fn a_reopened_nulmeting_sheet_changes_in_the_open() {
    let w = common::world().await;
    let ids = &w.ids;
    let m = ids.measurement_a;
    let team_uri = format!("/api/schools/{}/team", ids.school_a);
    let sheet = |p: i64| format!("/api/measurements/{m}/sheets/{p}");
    // A request needs a submitted sheet: the teacher's is a draft.
    let r = w.call(Who::TeacherA, Method::POST, &format!("/api/measurements/{m}/reopen-request"), Some(&json!({"reason": ""}))).await;
    assert_eq!((r.status, r.json["code"].clone()), (StatusCode::CONFLICT, json!("not_submitted")), "{}", r.text);
    w.ok(Who::TeacherA, Method::POST, &format!("/api/measurements/{m}/submit"), Some(&json!({}))).await;
    // Nothing to decide yet.
    let r = w.call(Who::StemA, Method::POST, &format!("{}/reopen", sheet(ids.teacher_a)), Some(&json!({}))).await;
    assert_eq!((r.status, r.json["code"].clone()), (StatusCode::CONFLICT, json!("no_reopen_request")), "{}", r.text);

    let asked = w
        .ok(Who::TeacherA, Method::POST, &format!("/api/measurements/{m}/reopen-request"), Some(&json!({"reason": " 1.1 verkeerd gelezen "})))
        .await;
    assert_eq!(asked["status"], "reopen-requested");
    assert_eq!(asked["reopen"]["reason"], "1.1 verkeerd gelezen");
    let r = w.call(Who::TeacherA, Method::POST, &format!("/api/measurements/{m}/reopen-request"), Some(&json!({}))).await;
    assert_eq!(r.json["code"], "reopen_already_requested", "{}", r.text);
    // Still frozen while requested; the member still sees the team.
    let version = answer_version(&w, ids.teacher_a, m, FIRST).await;
    let r = w.call(Who::TeacherA, Method::PUT, &answer_uri(m, FIRST), Some(&json!({"answer": 1, "version": version}))).await;
    assert_eq!(r.json["code"], "sheet_submitted");
    assert_eq!(w.ok(Who::TeacherA, Method::GET, "/api/my/measurement", None).await["may_see_team"], true);
    // The lead sees the request.
    let team = w.ok(Who::StemA, Method::GET, &team_uri, None).await;
    let teacher = team["members"].as_array().and_then(|a| a.iter().find(|p| p["person_id"] == json!(ids.teacher_a)).cloned()).unwrap_or_default();
    assert_eq!((teacher["status"].clone(), teacher["reopen"]["state"].clone()), (json!("reopen-requested"), json!("requested")), "{team}");

    // Who decides: not the teacher, not another school, not the company; the lead does.
    for who in [Who::TeacherA, Who::CompX] {
        assert_eq!(w.call(who, Method::POST, &format!("{}/reopen", sheet(ids.teacher_a)), Some(&json!({}))).await.status, StatusCode::FORBIDDEN, "{who:?}");
    }
    assert_eq!(w.call(Who::StemB, Method::POST, &format!("{}/reopen", sheet(ids.teacher_a)), Some(&json!({}))).await.status, StatusCode::NOT_FOUND);
    let reopened = w.ok(Who::StemA, Method::POST, &format!("{}/reopen", sheet(ids.teacher_a)), Some(&json!({}))).await;
    assert_eq!((reopened["status"].clone(), reopened["reopen"]["decided_by"].clone()), (json!("reopened"), json!(names::STEM_A)));

    // Reopened: the teacher is blind again (the team view and the report's consensus).
    let mine = w.ok(Who::TeacherA, Method::GET, "/api/my/measurement", None).await;
    assert_eq!((mine["status"].clone(), mine["may_see_team"].clone()), (json!("reopened"), json!(false)));
    assert_eq!(w.call(Who::TeacherA, Method::GET, &team_uri, None).await.status, StatusCode::FORBIDDEN);
    // The teacher changes one answer; the team still sees the submitted 3.
    let w1 = w.ok(Who::TeacherA, Method::PUT, &answer_uri(m, FIRST), Some(&json!({"answer": 1, "version": version}))).await;
    let seen = |team: &Value| {
        team["answers"].as_array().and_then(|a| a.iter().find(|x| x["person_id"] == json!(ids.teacher_a) && x["indicator_id"] == FIRST).cloned())
    };
    let team = w.ok(Who::StemA, Method::GET, &team_uri, None).await;
    assert_eq!(seen(&team).map(|a| a["answer"].clone()), Some(json!(3)), "the version submitted before: {team}");
    // Changed back and forth, then submitted again: one change, 3 → 2.
    w.ok(Who::TeacherA, Method::PUT, &answer_uri(m, FIRST), Some(&json!({"answer": 2, "version": w1["version"]}))).await;
    let done = w.ok(Who::TeacherA, Method::POST, &format!("/api/measurements/{m}/submit"), Some(&json!({}))).await;
    assert_eq!(done["changes"], 1, "{done}");
    let mine = w.ok(Who::TeacherA, Method::GET, "/api/my/measurement", None).await;
    assert_eq!((mine["status"].clone(), mine["reopen"]["state"].clone()), (json!("submitted"), json!("resubmitted")));

    for who in [Who::StemA, Who::Coord, Who::TeacherA] {
        let team = w.ok(who, Method::GET, &team_uri, None).await;
        assert_eq!(seen(&team).map(|a| a["answer"].clone()), Some(json!(2)), "{who:?}");
        let changes = team["changes"].as_array().cloned().unwrap_or_default();
        assert_eq!(changes.len(), 1, "{who:?}: {team}");
        let c = &changes[0];
        assert_eq!((c["indicator_id"].clone(), c["before"].clone(), c["after"].clone()), (json!(FIRST), json!(3), json!(2)));
        assert_eq!((c["person_name"].clone(), c["reopened_by"].clone()), (json!(names::TEACHER_A), json!(names::STEM_A)));
        assert!(c["changed_at"].as_i64().unwrap_or_default() > 0);
    }
    let report = w.ok(Who::StemA, Method::GET, &format!("/api/schools/{}/report", ids.school_a), None).await;
    assert_eq!(report["baseline"]["changes"][0]["after"], 2, "{report}");
    // The company sees the result, not who changed what.
    let report = w.ok(Who::CompX, Method::GET, &format!("/api/schools/{}/report", ids.school_a), None).await;
    assert_eq!(report["baseline"]["changes"], json!([]));
    assert!(!report.to_string().contains(names::TEACHER_A));
    // Frozen again.
    let r = w.call(Who::TeacherA, Method::PUT, &answer_uri(m, FIRST), Some(&json!({"answer": 4, "version": 3}))).await;
    assert_eq!(r.json["code"], "sheet_submitted");
    let logged = w.scalar("select count(*) from audit_log where action = 'nulmeting-submit' and detail like '%1 changed: curriculum.learning-lines 3 → 2%'").await;
    assert_eq!(logged, 1);
}

/// A lead cannot reopen their own sheet (the programme coordinator does);
/// a request can be declined, with a note the member sees; nothing is
/// reopened once the measurement is closed.
#[tokio::test]
async fn own_sheets_declined_requests_and_closed_measurements() {
    let w = common::world().await;
    let ids = &w.ids;
    let m = ids.measurement_a;
    let own = format!("/api/measurements/{m}/sheets/{}", ids.stem_a);
    w.ok(Who::StemA, Method::POST, &format!("/api/measurements/{m}/reopen-request"), Some(&json!({"reason": "Typfout"}))).await;
    let r = w.call(Who::StemA, Method::POST, &format!("{own}/reopen"), Some(&json!({}))).await;
    assert_eq!((r.status, r.json["code"].clone()), (StatusCode::FORBIDDEN, json!("own_sheet")), "{}", r.text);
    // The programme coordinator's overview shows the request waiting.
    let overview = w.ok(Who::Coord, Method::GET, "/api/measurements", None).await;
    let a = overview["schools"].as_array().and_then(|s| s.iter().find(|x| x["school_id"] == json!(ids.school_a)).cloned()).unwrap_or_default();
    assert_eq!(a["baseline"]["reopen_requests"], 1, "{overview}");
    assert!(r.json["message"].as_str().unwrap_or_default().contains("programme coordinator"));
    // Declined, with a note that must stay short.
    let r = w.call(Who::Coord, Method::POST, &format!("{own}/decline"), Some(&json!({"reason": "x".repeat(1001)}))).await;
    assert_eq!((r.status, r.json["fields"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("reason")));
    let declined = w.ok(Who::Coord, Method::POST, &format!("{own}/decline"), Some(&json!({"reason": "Bespreek het in het team"}))).await;
    assert_eq!((declined["status"].clone(), declined["reopen"]["state"].clone()), (json!("submitted"), json!("declined")));
    let mine = w.ok(Who::StemA, Method::GET, "/api/my/measurement", None).await;
    assert_eq!(mine["reopen"]["note"], "Bespreek het in het team");
    // Asked again, and the measurement closes: nothing is reopened any more.
    w.ok(Who::StemA, Method::POST, &format!("/api/measurements/{m}/reopen-request"), Some(&json!({}))).await;
    w.ok(Who::Coord, Method::POST, &format!("/api/schools/{}/measurements/baseline/close", ids.school_a), Some(&json!({}))).await;
    let r = w.call(Who::Coord, Method::POST, &format!("{own}/reopen"), Some(&json!({}))).await;
    assert_eq!((r.status, r.json["code"].clone()), (StatusCode::CONFLICT, json!("measurement_closed")));
}

/// A juror asks (with a reason) to reopen a submitted sheet; the chair
/// cannot decide on their own sheet, the coordinator or the chair reopen;
/// while reopened the juror no longer reads the others' sheets and the
/// results keep the scores submitted before; submitted again, the change
/// shows in the results, the score export and the audit log.
#[tokio::test]
async fn a_reopened_score_sheet_shows_its_changes_in_the_results() {
    let w = common::world().await;
    let ids = &w.ids;
    let criteria = open_scoring(&w).await;
    let f = ids.finalist_b;
    let base = format!("/api/jury/my/finalists/{f}");
    let decide = |p: i64, what: &str| format!("/api/jury/finalists/{f}/sheets/{p}/{what}");
    w.ok(Who::JurorX, Method::POST, &format!("{base}/submit"), Some(&sheet(&criteria, &[5], 0))).await;
    w.ok(Who::JurorFree, Method::POST, &format!("{base}/submit"), Some(&sheet(&criteria, &[7], 0))).await;

    // A reason is required.
    let r = w.call(Who::JurorX, Method::POST, &format!("{base}/reopen-request"), Some(&json!({"reason": " "}))).await;
    assert_eq!((r.status, r.json["fields"][0]["field"].clone()), (StatusCode::UNPROCESSABLE_ENTITY, json!("reason")));
    let asked = w.ok(Who::JurorX, Method::POST, &format!("{base}/reopen-request"), Some(&json!({"reason": "Criterium 1 verkeerd gelezen"}))).await;
    assert_eq!(asked["status"], "reopen-requested");
    // The chair (the free juror) sees it on their home page.
    let home = w.ok(Who::JurorFree, Method::GET, "/api/jury/my", None).await;
    assert_eq!(home["is_chair"], true);
    assert_eq!(home["reopen_requests"][0]["juror_id"], json!(ids.juror_x), "{home}");
    assert_eq!(w.ok(Who::JurorX, Method::GET, "/api/jury/my", None).await["reopen_requests"], json!([]));
    // The juror cannot decide on their own request, nor can a non-chair juror or a school.
    assert_eq!(w.call(Who::JurorX, Method::POST, &decide(ids.juror_x, "reopen"), Some(&json!({}))).await.status, StatusCode::FORBIDDEN);
    assert_eq!(w.call(Who::StemA, Method::POST, &decide(ids.juror_x, "reopen"), Some(&json!({}))).await.status, StatusCode::FORBIDDEN);
    let reopened = w.ok(Who::JurorFree, Method::POST, &decide(ids.juror_x, "reopen"), Some(&json!({}))).await;
    assert_eq!(reopened["status"], "reopened");

    // Reopened: blind again, the results keep the 5s.
    assert_eq!(w.call(Who::JurorX, Method::GET, &format!("{base}/others"), None).await.status, StatusCode::FORBIDDEN);
    let mine = w.ok(Who::JurorX, Method::GET, &base, None).await;
    assert_eq!(mine["sheet"]["status"], "reopened");
    let version = mine["sheet"]["version"].as_i64().unwrap_or_default();
    let saved = w.ok(Who::JurorX, Method::PUT, &format!("{base}/sheet"), Some(&sheet(&criteria, &[6, 5, 5, 5, 5], version))).await;
    let results = w.ok(Who::Coord, Method::GET, "/api/jury/results", None).await;
    assert_eq!(results["reopen_requests"][0]["status"], "reopened", "{results}");
    let others = w.ok(Who::JurorFree, Method::GET, &format!("{base}/others"), None).await;
    let x = others["sheets"].as_array().and_then(|s| s.iter().find(|s| s["juror_name"] == names::JUROR_X).cloned()).unwrap_or_default();
    assert!(x["scores"].as_object().unwrap().values().all(|s| s == 5), "the scores submitted before: {others}");

    // Submitted again: one criterion changed 5 → 6.
    let again = w.ok(Who::JurorX, Method::POST, &format!("{base}/submit"), Some(&sheet(&criteria, &[6, 5, 5, 5, 5], saved["version"].as_i64().unwrap_or_default()))).await;
    assert_eq!((again["status"].clone(), again["reopen"]["state"].clone()), (json!("submitted"), json!("resubmitted")));
    assert_eq!(w.call(Who::JurorX, Method::GET, &format!("{base}/others"), None).await.status, StatusCode::OK);
    let results = w.ok(Who::Coord, Method::GET, "/api/jury/results", None).await;
    assert_eq!(results["reopen_requests"], json!([]));
    let changes = results["score_changes"].as_array().cloned().unwrap_or_default();
    assert_eq!(changes.len(), 1, "{results}");
    // The signed results sheet lists the changed sheet in its category.
    let changed: Vec<Value> = results["categories"].as_array().into_iter().flatten().flat_map(|k| k["changed_after_reveal"].as_array().cloned().unwrap_or_default()).collect();
    assert_eq!(changed.len(), 1, "{results}");
    assert_eq!((changed[0]["juror_name"].clone(), changed[0]["changes"][0]["before"].clone(), changed[0]["changes"][0]["after"].clone()), (json!(names::JUROR_X), json!(5), json!(6)));
    let c = &changes[0];
    assert_eq!((c["criterion_id"].clone(), c["before"].clone(), c["after"].clone()), (json!(criteria[0]), json!(5), json!(6)));
    assert_eq!((c["juror_name"].clone(), c["reopened_by"].clone()), (json!(names::JUROR_X), json!(names::JUROR_FREE)));
    let csv = w.call(Who::Coord, Method::GET, "/api/jury/export/scores.csv", None).await.text;
    let header = csv.lines().find(|l| !l.starts_with('#')).unwrap_or_default();
    assert!(header.ends_with("score_before_reopening,changed_at"), "{csv}");
    let changed_rows: Vec<&str> = csv.lines().filter(|l| l.contains(names::JUROR_X) && l.contains(" UTC")).collect();
    assert_eq!(changed_rows.len(), 1, "{csv}");
    assert!(changed_rows[0].contains(",6,") && changed_rows[0].contains(",5,"), "{}", changed_rows[0]);
    let logged = w.scalar("select count(*) from audit_log where action = 'jury.sheet.resubmitted' and detail like '%1 changed%5 → 6%' and data is not null").await;
    assert_eq!(logged, 1);

    // The chair's own sheet is the coordinator's to reopen.
    w.ok(Who::JurorFree, Method::POST, &format!("{base}/reopen-request"), Some(&json!({"reason": "Typfout"}))).await;
    let r = w.call(Who::JurorFree, Method::POST, &decide(ids.juror_free, "reopen"), Some(&json!({}))).await;
    assert_eq!((r.status, r.json["code"].clone()), (StatusCode::FORBIDDEN, json!("own_sheet")));
    let declined = w.ok(Who::Coord, Method::POST, &decide(ids.juror_free, "decline"), Some(&json!({"reason": "Niet nodig"}))).await;
    assert_eq!(declined["status"], "submitted");
    // Once scoring closes, nothing is asked or reopened any more.
    let version = w.scalar(&format!("select version from jury_settings where edition_id = {}", ids.edition)).await;
    w.ok(Who::Coord, Method::POST, "/api/jury/status", Some(&json!({"version": version, "status": "closed"}))).await;
    let r = w.call(Who::JurorFree, Method::POST, &format!("{base}/reopen-request"), Some(&json!({"reason": "Nog eens"}))).await;
    assert_eq!((r.status, r.json["code"].clone()), (StatusCode::CONFLICT, json!("scoring_closed")));
}

/// An edition exported while one nulmeting sheet is reopened, one jury
/// sheet was submitted again and another's request waits, imports into an
/// empty installation with the same reopenings (snapshot, changes, who and
/// why), and exports again to the same document.
#[tokio::test]
async fn reopenings_survive_export_and_import() {
    let w = common::world().await;
    let ids = &w.ids;
    let m = ids.measurement_a;
    w.ok(Who::TeacherA, Method::POST, &format!("/api/measurements/{m}/submit"), Some(&json!({}))).await;
    w.ok(Who::TeacherA, Method::POST, &format!("/api/measurements/{m}/reopen-request"), Some(&json!({"reason": "Typfout"}))).await;
    w.ok(Who::StemA, Method::POST, &format!("/api/measurements/{m}/sheets/{}/reopen", ids.teacher_a), Some(&json!({}))).await;
    let criteria = open_scoring(&w).await;
    let base = format!("/api/jury/my/finalists/{}", ids.finalist_b);
    w.ok(Who::JurorX, Method::POST, &format!("{base}/submit"), Some(&sheet(&criteria, &[5], 0))).await;
    w.ok(Who::JurorFree, Method::POST, &format!("{base}/submit"), Some(&sheet(&criteria, &[7], 0))).await;
    w.ok(Who::JurorX, Method::POST, &format!("{base}/reopen-request"), Some(&json!({"reason": "Verkeerd gelezen"}))).await;
    w.ok(Who::Coord, Method::POST, &format!("/api/jury/finalists/{}/sheets/{}/reopen", ids.finalist_b, ids.juror_x), Some(&json!({}))).await;
    let version = w.ok(Who::JurorX, Method::GET, &base, None).await["sheet"]["version"].as_i64().unwrap_or_default();
    w.ok(Who::JurorX, Method::POST, &format!("{base}/submit"), Some(&sheet(&criteria, &[6, 5, 5, 5, 5], version))).await;
    w.ok(Who::JurorFree, Method::POST, &format!("{base}/reopen-request"), Some(&json!({"reason": "Nog eens kijken"}))).await;

    let mut doc = server::db::exchange::export(&w.state.db, ids.edition, 0).await.expect("export");
    assert_eq!(doc.response_reopenings.len(), 1);
    assert!(doc.response_reopenings[0].fields.snapshot.is_some());
    assert_eq!(doc.sheet_reopenings.len(), 2);
    assert!(doc.sheet_reopenings[0].fields.changes.is_some());
    // Through the file format and into an empty installation.
    let parsed = rubric::exchange::parse_document(&doc.to_json()).expect("parse");
    assert_eq!(parsed, doc);
    let fresh = World::empty().await;
    let summary = server::db::exchange::import(&fresh.state.writer, &parsed, None).await.expect("import");
    let mut again = server::db::exchange::export(&fresh.state.db, summary.edition_id, 0).await.expect("export again");
    doc.exported_at = 0;
    again.exported_at = 0;
    assert_eq!(again.response_reopenings, doc.response_reopenings);
    assert_eq!(again.sheet_reopenings, doc.sheet_reopenings);
    assert_eq!(again, doc);
    // The imported team view shows the teacher's sheet as reopened, with the answers submitted before.
    let (_, cookie) = fresh.sign_up("Nieuwe Coordinator", Role::Coordinator, None, None, None).await;
    let school: i64 = sqlx::query_scalar("select id from schools where name = ?").bind(names::SCHOOL_A).fetch_one(&fresh.state.db).await.unwrap();
    let team = call(&fresh, &cookie, Method::GET, &format!("/api/schools/{school}/team"), None).await.json;
    let teacher = team["members"].as_array().and_then(|a| a.iter().find(|p| p["name"] == names::TEACHER_A).cloned()).unwrap_or_default();
    assert_eq!((teacher["status"].clone(), teacher["reopen"]["reason"].clone()), (json!("reopened"), json!("Typfout")), "{team}");
    // A criterion the file does not have is refused by name.
    let mut bad = doc.clone();
    if let Some(changes) = bad.sheet_reopenings[0].fields.changes.as_mut().and_then(|c| c.as_array_mut()) {
        changes[0]["key"] = json!(999);
    }
    let err = rubric::exchange::parse_document(&bad.to_json()).unwrap_err().to_string();
    assert!(err.contains("there is no criterion 999"), "{err}");
}

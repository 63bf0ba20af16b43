//! Submitted means submitted, and nobody signs in as someone else (issue
//! 11), in headless Chromium: a teacher submits the nulmeting, finds it
//! read-only, asks to reopen it, the STEM coordinator reopens it, the
//! teacher changes an answer and submits again, and the team view shows
//! the change (before → after). A juror submits, asks (with a reason) to
//! reopen, the coordinator reopens, the juror changes a score and the
//! results and the printed sheet show it. A STEM coordinator gets no new
//! link for a colleague who signed in; the programme coordinator does, and
//! the colleague's old session ends.
//!
//! Set `STEMPACT_SHOTS=/some/dir` to save screenshots of the states.

use e2e::{fixtures, ApiClient, Browser, TestResult, TestServer};
use reqwest::{Method, StatusCode};
use rubric::people::Role;
use serde_json::{json, Value};

const FIRST: &str = "curriculum.learning-lines";

/// A full-height screenshot when `STEMPACT_SHOTS` names a folder.
async fn look(browser: &Browser, name: &str) -> TestResult {
    let Some(dir) = std::env::var_os("STEMPACT_SHOTS") else { return Ok(()) };
    let height = browser.js("return document.documentElement.scrollHeight").await?.as_u64().unwrap_or(900);
    let height = if name.ends_with("-top") { 1000 } else { height.clamp(900, 5000) };
    browser.client.set_window_size(1280, height as u32).await?;
    std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), browser.client.screenshot().await?)?;
    browser.client.set_window_size(1280, 900).await?;
    Ok(())
}

/// Confirmation dialogs say yes.
async fn say_yes(browser: &Browser) -> TestResult {
    browser.js("window.confirm = () => true; return true").await?;
    Ok(())
}

/// Sign the browser in as a person, with a link of its own.
async fn sign_in_as(browser: &Browser, server: &TestServer, name: &str) -> TestResult {
    browser.goto(&link(server, name).await?).await?;
    browser.wait_for_text("[data-testid=who-name]", name).await?;
    Ok(())
}

/// A sign-in link for an existing person, issued directly (the API's
/// re-issue would end their sessions).
async fn link(server: &TestServer, name: &str) -> TestResult<String> {
    let id = fixtures::person_id(&server.state.db, name).await?;
    let token = server::db::people::issue_invitation(&mut *server.state.writer.pool().acquire().await?, id, None).await?;
    Ok(server::sign_in_link(&server.url, &token))
}

async fn api(server: &TestServer, name: &str) -> TestResult<ApiClient> {
    let api = server.api();
    assert_eq!(api.sign_in(&link(server, name).await?).await?, StatusCode::OK, "{name} signs in");
    Ok(api)
}

/// Scroll an element into the middle of the window and click it.
async fn press(browser: &Browser, css: &str) -> TestResult {
    let el = browser.wait_for(css).await?;
    browser.client.execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&el)?]).await?;
    el.click().await?;
    Ok(())
}

/// Answer every indicator with `level` through the API; submit if asked.
async fn answer_all(api: &ApiClient, level: i64, submit: bool) -> TestResult<i64> {
    let (status, sheet) = api.get("/my/measurement").await?;
    assert_eq!(status, StatusCode::OK, "{sheet}");
    let m = sheet["measurement"]["id"].as_i64().ok_or("no measurement")?;
    for (_, i) in rubric::current_rubric().indicators() {
        let body = json!({"answer": level, "version": 0});
        let (status, body) = api.send(Method::PUT, &format!("/measurements/{m}/answers/{}", i.id), &body).await?;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    if submit {
        let (status, body) = api.send(Method::POST, &format!("/measurements/{m}/submit"), &json!({})).await?;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    Ok(m)
}

async fn stored_level(server: &TestServer, person: &str, indicator: &str) -> TestResult<Option<i64>> {
    Ok(sqlx::query_scalar(
        "select a.level from answers a join responses r on r.id = a.response_id join people p on p.id = r.person_id \
         where p.name = ? and a.indicator_id = ?",
    )
    .bind(person)
    .bind(indicator)
    .fetch_optional(&server.state.db)
    .await?
    .flatten())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_submitted_nulmeting_is_reopened_on_request_and_the_team_sees_the_change() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    fixtures::nulmeting_deadline(db, edition, "2999-12-19").await?;
    let school = fixtures::school(db, edition, "Sint-Jozefscollege", "Aalst").await?;
    server.invite_scoped(Role::SchoolMember, "An Peeters", Some(school), None).await?;
    server.invite_scoped(Role::SchoolMember, "Chris Maes", Some(school), None).await?;
    fixtures::school_function(db, "Chris Maes", "stem-coordinator").await?;
    answer_all(&api(&server, "Chris Maes").await?, 3, true).await?;
    answer_all(&api(&server, "An Peeters").await?, 3, false).await?;
    let an = fixtures::person_id(db, "An Peeters").await?;

    // An submits in the app; the sheet is then read-only.
    let browser = Browser::start().await?;
    sign_in_as(&browser, &server, "An Peeters").await?;
    browser.goto(&format!("{}/nulmeting", server.url)).await?;
    browser.wait_for_text("[data-testid=overall-progress]", "28 van 28").await?;
    browser
        .eventually("the submit button to be enabled", || async {
            Ok(browser.wait_for("[data-testid=submit]").await?.attr("disabled").await?.is_none().then_some(()))
        })
        .await?;
    press(&browser, "[data-testid=submit]").await?;
    browser.wait_for_text("[data-testid=submitted]", "Ingediend op").await?;
    browser.wait_for("[data-testid=save-status][data-state=frozen]").await?;
    browser.reload().await?;
    browser.wait_for_text("[data-testid=frozen-notice][data-status=submitted]", "ligt vast").await?;
    look(&browser, "nulmeting-frozen").await?;
    let disabled = browser.js(&format!(r#"return document.querySelector('[data-indicator="{FIRST}"] input[value="2"]').disabled"#)).await?;
    assert_eq!(disabled, Value::Bool(true), "the answers cannot be changed");
    // Trying anyway (the API, as a stale tab would) is refused with a clear message.
    let an_api = api(&server, "An Peeters").await?;
    let m: i64 = sqlx::query_scalar("select id from measurements where school_id = ?").bind(school).fetch_one(db).await?;
    let (status, body) = an_api.send(Method::PUT, &format!("/measurements/{m}/answers/{FIRST}"), &json!({"answer": 2, "version": 1})).await?;
    assert_eq!((status, body["code"].as_str()), (StatusCode::CONFLICT, Some("sheet_submitted")));
    assert_eq!(stored_level(&server, "An Peeters", FIRST).await?, Some(3));

    // An asks to reopen (from the notice at the top), with a reason.
    press(&browser, "[data-testid=ask-reopen-top]").await?;
    browser.fill("#reopen-reason", "Bij 1.1 de vraag verkeerd gelezen").await?;
    press(&browser, "[data-testid=send-reopen-request]").await?;
    browser.wait_for_text("[data-testid=frozen-notice][data-status=reopen-requested]", "Je vroeg op").await?;
    look(&browser, "nulmeting-requested").await?;
    assert!(browser.all("[data-testid=ask-reopen]").await?.is_empty());

    // Chris, the STEM coordinator, sees the request on the team page and reopens.
    sign_in_as(&browser, &server, "Chris Maes").await?;
    browser.goto(&format!("{}/schools/{school}/team", server.url)).await?;
    let row = format!("[data-testid=reopen-requests] [data-testid=reopen-row][data-person='{an}']");
    browser.wait_for_text(&row, "Bij 1.1 de vraag verkeerd gelezen").await?;
    browser.wait_for(&format!("[data-testid=members] tr[data-person='{an}'] [data-status=reopen-requested]")).await?;
    look(&browser, "team-request-top").await?;
    say_yes(&browser).await?;
    press(&browser, &format!("{row} [data-testid=reopen]")).await?;
    browser.wait_for(&format!("{row}[data-status=reopened] [data-testid=reopen-waiting]")).await?;

    // An changes the first answer and submits again.
    sign_in_as(&browser, &server, "An Peeters").await?;
    browser.goto(&format!("{}/nulmeting", server.url)).await?;
    browser.wait_for_text("[data-testid=reopened-notice]", "Chris Maes").await?;
    look(&browser, "nulmeting-reopened").await?;
    press(&browser, &format!(r#"[data-indicator="{FIRST}"] label[data-answer="2"]"#)).await?;
    browser.wait_for(&format!(r#"article[data-indicator="{FIRST}"][data-state="saved"]"#)).await?;
    browser.wait_for_text("[data-testid=submit]", "Opnieuw indienen").await?;
    browser
        .eventually("the submit button to be enabled", || async {
            Ok(browser.wait_for("[data-testid=submit]").await?.attr("disabled").await?.is_none().then_some(()))
        })
        .await?;
    press(&browser, "[data-testid=submit]").await?;
    browser.wait_for_text("[data-testid=changes-recorded]", "1 gewijzigd").await?;
    assert_eq!(stored_level(&server, "An Peeters", FIRST).await?, Some(2));

    // The team view shows the change, before → after, with who and why.
    sign_in_as(&browser, &server, "Chris Maes").await?;
    browser.goto(&format!("{}/schools/{school}/team", server.url)).await?;
    let change = format!("[data-testid=answer-changes] [data-testid=answer-change][data-indicator='{FIRST}']");
    let text = browser.wait_for_text(&change, "An Peeters").await?;
    assert!(text.contains("3 · ") && text.contains("→ 2 · "), "{text}");
    assert!(text.contains("Chris Maes") && text.contains("verkeerd gelezen"), "{text}");
    look(&browser, "team-changes-top").await?;
    assert!(browser.all("[data-testid=reopen-requests]").await?.is_empty(), "nothing left to decide");
    // Chris records the team's consensus; the report lists the change too.
    press(&browser, "[data-testid=accept-proposals]").await?;
    browser.wait_for_text("[data-testid=decided-count]", "28/28").await?;
    browser.goto(&format!("{}/schools/{school}/report", server.url)).await?;
    browser.wait_for_text("[data-testid=answer-changes]", "An Peeters").await?;
    look(&browser, "report-changes").await?;
    browser.close().await
}

/// An edition with two finalist schools (submitted plans, nulmeting
/// profiles), a coordinator, jurors Kim and Lotte; scoring open.
async fn open_jury(server: &TestServer) -> TestResult<(Vec<i64>, Vec<i64>)> {
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    let mut schools = vec![];
    for (i, name) in ["Atheneum Noord", "College Zuid"].into_iter().enumerate() {
        let s = fixtures::school(db, edition, name, "Gent").await?;
        fixtures::submitted_plan(db, edition, s, &fixtures::sample_plan(&format!("Plan {name}"))).await?;
        fixtures::consensus_profile(db, edition, s, "baseline", |k| ((k + i) % 3 + 1) as i64).await?;
        schools.push(s);
    }
    server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let coord = api(server, "Griet Van Damme").await?;
    let (_, setup) = coord.send(Method::POST, "/jury/categories", &json!({"name": "Oost-Vlaanderen"})).await?;
    let category = setup["categories"][0]["id"].as_i64().ok_or("category")?;
    for s in &schools {
        let (status, body) = coord.send(Method::POST, "/jury/finalists", &json!({"category_id": category, "school_id": s})).await?;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    for name in ["Kim Verhoeven", "Lotte Claes"] {
        let id = fixtures::juror_person(db, name).await?;
        let (status, body) = coord.send(Method::POST, "/jury/jurors", &json!({"person_id": id})).await?;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (_, setup) = coord.get("/jury/setup").await?;
    let criteria: Vec<i64> = setup["criteria"].as_array().ok_or("criteria")?.iter().filter_map(|c| c["id"].as_i64()).collect();
    let version = setup["settings"]["version"].as_i64().ok_or("version")?;
    let (status, setup) =
        coord.send(Method::PUT, "/jury/tie-break", &json!({"version": version, "rules": ["higher-median-juror-score"]})).await?;
    assert_eq!(status, StatusCode::OK, "{setup}");
    let version = setup["settings"]["version"].as_i64().ok_or("version")?;
    let (status, body) = coord.send(Method::POST, "/jury/status", &json!({"version": version, "status": "open"})).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mut finalists = vec![];
    for s in &schools {
        finalists.push(sqlx::query_scalar("select id from finalists where school_id = ?").bind(s).fetch_one(db).await?);
    }
    Ok((finalists, criteria))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_juror_asks_to_reopen_a_submitted_sheet_and_the_results_show_the_change() -> TestResult {
    let server = TestServer::start().await?;
    let (finalists, criteria) = open_jury(&server).await?;
    let f = finalists[0];
    let c0 = criteria[0];
    let browser = Browser::start().await?;

    // Kim scores and submits; the sheet is then frozen.
    sign_in_as(&browser, &server, "Kim Verhoeven").await?;
    browser.goto(&format!("{}/jury/finalists/{f}", server.url)).await?;
    browser.wait_for("[data-testid=score-sheet]").await?;
    for c in &criteria {
        press(&browser, &format!("label[for='score-{c}-7']")).await?;
    }
    press(&browser, "[data-testid=submit-sheet]").await?;
    browser.wait_for("[data-testid=submitted-notice][data-status=submitted]").await?;
    browser.wait_for("[data-testid=others-scores]").await?;
    browser.reload().await?;
    browser.wait_for_text("[data-testid=submitted-notice]", "liggen vast").await?;
    look(&browser, "jury-frozen").await?;
    assert_eq!(browser.js(&format!("return document.getElementById('score-{c0}-9').disabled")).await?, Value::Bool(true));
    assert!(browser.all("[data-testid=submit-sheet]").await?.is_empty());

    // Asking to reopen needs a reason.
    press(&browser, "[data-testid=ask-reopen]").await?;
    press(&browser, "[data-testid=send-reopen-request]").await?;
    browser.wait_for_text("#reopen-reason-error", "waarom").await?;
    browser.fill("#reopen-reason", "Impact te laag ingeschat").await?;
    press(&browser, "[data-testid=send-reopen-request]").await?;
    browser.wait_for_text("[data-testid=reopen-requested]", "Je vroeg op").await?;
    look(&browser, "jury-requested").await?;

    // The coordinator reopens it from the results page.
    sign_in_as(&browser, &server, "Griet Van Damme").await?;
    browser.goto(&format!("{}/coordinator/jury/results", server.url)).await?;
    let row = "[data-testid=reopen-requests] [data-testid=reopen-row]";
    browser.wait_for_text(row, "Impact te laag ingeschat").await?;
    look(&browser, "jury-results-request").await?;
    say_yes(&browser).await?;
    press(&browser, &format!("{row} [data-testid=reopen]")).await?;
    browser.wait_for(&format!("{row}[data-status=reopened]")).await?;

    // Kim changes one score and submits again; meanwhile the others' scores are hidden.
    sign_in_as(&browser, &server, "Kim Verhoeven").await?;
    browser.goto(&format!("{}/jury/finalists/{f}", server.url)).await?;
    browser.wait_for_text("[data-testid=reopened-notice]", "Griet Van Damme").await?;
    assert!(browser.all("[data-testid=others-scores]").await?.is_empty());
    press(&browser, &format!("label[for='score-{c0}-9']")).await?;
    browser.wait_for_text("[data-testid=save-status]", "Bewaard").await?;
    browser.wait_for_text("[data-testid=submit-sheet]", "Opnieuw indienen").await?;
    press(&browser, "[data-testid=submit-sheet]").await?;
    browser.wait_for("[data-testid=submitted-notice][data-status=submitted]").await?;
    browser.wait_for("[data-testid=others-scores]").await?;

    // The coordinator's results and the printed sheet show 7 → 9.
    sign_in_as(&browser, &server, "Griet Van Damme").await?;
    browser.goto(&format!("{}/coordinator/jury/results", server.url)).await?;
    let text = browser.wait_for_text("[data-testid=score-changes] [data-testid=score-change]", "Kim Verhoeven").await?;
    assert!(text.contains("7 → 9") && text.contains("Atheneum Noord") && text.contains("Impact te laag"), "{text}");
    look(&browser, "jury-results-changes").await?;
    assert!(browser.all("[data-testid=reopen-requests]").await?.is_empty());
    browser.goto(&format!("{}/coordinator/jury/results/print", server.url)).await?;
    browser.wait_for_text("[data-testid=results-sheet] [data-testid=sheet-changed]", "7 → 9").await?;
    look(&browser, "jury-print").await?;
    // And the score export.
    let coord = api(&server, "Griet Van Damme").await?;
    let export = coord.http.get(format!("{}/jury/export/scores.csv", coord.base)).send().await?.text().await?;
    assert!(export.lines().any(|l| l.contains("Kim Verhoeven") && l.contains(",9,") && l.contains(",7,") && l.contains(" UTC")), "{export}");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_programme_coordinator_reissues_a_link_for_someone_who_signed_in() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    let school = fixtures::school(db, edition, "Sint-Jozefscollege", "Aalst").await?;
    server.invite_scoped(Role::SchoolMember, "Ilse Stem", Some(school), None).await?;
    fixtures::school_function(db, "Ilse Stem", "stem-coordinator").await?;
    server.invite_scoped(Role::SchoolMember, "Tom Leraar", Some(school), None).await?;
    server.invite_scoped(Role::SchoolMember, "Nina Nieuw", Some(school), None).await?;
    server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let tom_session = api(&server, "Tom Leraar").await?;
    let tom = fixtures::person_id(db, "Tom Leraar").await?;

    // Ilse's colleagues page: a new link for Nina (never signed in), not for Tom.
    let browser = Browser::start().await?;
    sign_in_as(&browser, &server, "Ilse Stem").await?;
    browser.goto(&format!("{}/colleagues", server.url)).await?;
    browser.wait_for_text("[data-testid=colleagues] tr[data-person='Tom Leraar'] [data-testid=signed-in-note]", "programmacoördinator").await?;
    assert!(browser.all("[data-testid=colleagues] tr[data-person='Tom Leraar'] [data-testid=new-link]").await?.is_empty());
    look(&browser, "colleagues").await?;
    press(&browser, "[data-testid=colleagues] tr[data-person='Nina Nieuw'] [data-testid=new-link]").await?;
    let nina_link = browser.wait_for("[data-testid=invite-link]").await?.prop("value").await?.unwrap_or_default();
    assert!(nina_link.contains("/signin#"), "{nina_link}");
    // The server refuses too, whatever the page shows.
    let ilse = api(&server, "Ilse Stem").await?;
    let (status, body) = ilse.send(Method::POST, &format!("/my-school/team/{tom}/link"), &json!({})).await?;
    assert_eq!((status, body["code"].as_str()), (StatusCode::FORBIDDEN, Some("colleague_signed_in")), "{body}");
    assert!(body.get("link").is_none());
    assert_eq!(tom_session.get("/me").await?.0, StatusCode::OK, "Tom is still signed in");

    // The programme coordinator can, after a warning; Tom's session ends.
    sign_in_as(&browser, &server, "Griet Van Damme").await?;
    browser.goto(&format!("{}/coordinator/people", server.url)).await?;
    let row = "[data-testid=people] tr[data-person='Tom Leraar']";
    browser.wait_for(row).await?;
    browser.js("window.asked = ''; window.confirm = (q) => { window.asked = q; return true; }; return true").await?;
    press(&browser, &format!("{row} [data-testid=new-link]")).await?;
    let new_link = browser.wait_for("[data-testid=invite-link]").await?.prop("value").await?.unwrap_or_default();
    let asked = browser.js("return window.asked").await?;
    assert!(asked.as_str().unwrap_or_default().contains("beëindigt"), "the coordinator was warned: {asked}");
    assert_eq!(tom_session.get("/me").await?.0, StatusCode::UNAUTHORIZED, "Tom's old session ended");
    let fresh = server.api();
    assert_eq!(fresh.sign_in(&new_link).await?, StatusCode::OK, "the new link works");
    let logged: i64 = sqlx::query_scalar("select count(*) from audit_log where action = 'link-reissue' and detail like '%Tom Leraar%sessions ended%'")
        .fetch_one(db)
        .await?;
    assert_eq!(logged, 1);
    browser.close().await
}

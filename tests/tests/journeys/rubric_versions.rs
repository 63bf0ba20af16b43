//! Issue 15 journeys in headless Chromium: a school answers its nulmeting on
//! rubric v1 (one respondent says "weet ik niet", another "n.v.t." and the
//! team view counts them apart), the coordinator moves the edition to v2
//! for the eindmeting, and the report shows growth where the mapping says
//! both versions measure the same thing and "niet vergelijkbaar" where not;
//! the coordinator creates an edition on v2; the public rubric page
//! switches between the versions.

use e2e::fixtures;
use crate::nulmeting::{api_as, fresh_link};
use e2e::{ApiClient, Browser, TestResult, TestServer};
use rubric::mapping::{v1_to_v2, Comparability};
use rubric::people::Role;
use rubric::RubricVersion;
use serde_json::json;

fn ids(version: RubricVersion) -> Vec<String> {
    rubric::content::rubric(version).indicators().map(|(_, i)| i.id.clone()).collect()
}

/// Scroll an element into the middle of the window and click it.
async fn press(browser: &Browser, css: &str) -> TestResult {
    let el = browser.wait_for(css).await?;
    browser.client.execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&el)?]).await?;
    el.click().await?;
    Ok(())
}

/// The coordinator (signed in afresh) opens the 2025-2026 edition's form,
/// chooses rubric version 2 and saves.
async fn save_version_2_as_coordinator(browser: &Browser, server: &TestServer) -> TestResult {
    browser.goto(&fresh_link(server, "Griet Van Damme").await?).await?;
    browser.wait_for_text("[data-testid=who-name]", "Griet Van Damme").await?;
    browser.goto(&format!("{}/coordinator/edition", server.url)).await?;
    press(browser, r#"tr[data-edition="STEMpact 2025-2026"] button.link-button"#).await?;
    browser.wait_for("[data-testid=rubric-version]").await?;
    browser.js(r#"const s = document.querySelector('[data-testid=rubric-version]'); s.value = '2'; s.dispatchEvent(new Event('change', {bubbles: true}));"#).await?;
    press(browser, "[data-testid=save-edition]").await
}

/// Answer every indicator of the person's open measurement of `kind` not
/// answered yet with `level`, then submit. Returns the measurement id.
async fn answer_rest(api: &ApiClient, kind: &str, level: i64, version: RubricVersion) -> TestResult<i64> {
    let (status, sheet) = api.get(&format!("/my/measurement?kind={kind}")).await?;
    assert_eq!(status, 200, "{sheet}");
    let m = sheet["measurement"]["id"].as_i64().ok_or("no measurement")?;
    let empty = Vec::new();
    let stored = sheet["answers"].as_array().unwrap_or(&empty);
    for id in ids(version) {
        if stored.iter().any(|a| a["indicator_id"] == id.as_str() && !a["answer"].is_null()) {
            continue;
        }
        let (status, body) = api.send(reqwest::Method::PUT, &format!("/measurements/{m}/answers/{id}"), &json!({"answer": level, "version": 0})).await?;
        assert_eq!(status, 200, "{id}: {body}");
    }
    let (status, body) = api.send(reqwest::Method::POST, &format!("/measurements/{m}/submit"), &json!({})).await?;
    assert_eq!(status, 200, "{body}");
    Ok(m)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_v1_nulmeting_with_dont_know_then_a_v2_eindmeting_shows_growth_where_comparable() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    fixtures::nulmeting_deadline(db, edition, "2999-12-19").await?;
    let school = fixtures::school(db, edition, "Sint-Jozefscollege", "Aalst").await?;
    let an_link = server.invite_scoped(Role::SchoolMember, "An Peeters", Some(school), None).await?;
    server.invite_scoped(Role::SchoolMember, "Chris Maes", Some(school), None).await?;
    fixtures::school_function(db, "Chris Maes", "stem-coordinator").await?;
    server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let v1 = ids(RubricVersion::V1);
    let (first, second) = (v1[0].clone(), v1[1].clone());

    // An answers "weet ik niet" and "n.v.t." in the browser: two choices.
    let browser = Browser::start().await?;
    browser.goto(&an_link).await?;
    browser.wait_for_text("[data-testid=who-name]", "An Peeters").await?;
    browser.goto(&format!("{}/nulmeting", server.url)).await?;
    for (id, answer) in [(&first, "dk"), (&second, "na")] {
        press(&browser, &format!(r#"[data-indicator="{id}"] label[data-answer="{answer}"]"#)).await?;
        browser.wait_for(&format!(r#"article[data-indicator="{id}"][data-state="saved"]"#)).await?;
    }
    let stored: Vec<(String, i64, i64)> = sqlx::query_as(
        "select a.indicator_id, a.not_applicable, a.dont_know from answers a join responses r on r.id = a.response_id order by a.indicator_id",
    )
    .fetch_all(db)
    .await?;
    assert!(stored.contains(&(first.clone(), 0, 1)), "{stored:?}");
    assert!(stored.contains(&(second.clone(), 1, 0)), "{stored:?}");
    // Nothing lost on reload: the choice is still checked.
    browser.reload().await?;
    browser.wait_for(&format!(r#"[data-indicator="{first}"] input[value="dk"]:checked"#)).await?;
    let an = api_as(&server, "An Peeters").await?;
    let baseline = answer_rest(&an, "baseline", 2, RubricVersion::V1).await?;
    let chris = api_as(&server, "Chris Maes").await?;
    answer_rest(&chris, "baseline", 2, RubricVersion::V1).await?;

    // The STEM coordinator's team view counts them apart.
    browser.goto(&fresh_link(&server, "Chris Maes").await?).await?;
    browser.wait_for_text("[data-testid=who-name]", "Chris Maes").await?;
    browser.goto(&format!("{}/schools/{school}/team", server.url)).await?;
    let card = |id: &str, what: &str| format!(r#"article.consensus-card[data-indicator="{id}"] [data-testid={what}]"#);
    assert_eq!(browser.wait_for_text(&card(&first, "dk-count"), "1").await?, "1");
    assert_eq!(browser.text(&card(&first, "na-count")).await?, "0");
    assert_eq!(browser.text(&card(&second, "na-count")).await?, "1");
    assert_eq!(browser.text(&card(&second, "dk-count")).await?, "0");
    let (status, _) = chris.send(reqwest::Method::POST, &format!("/measurements/{baseline}/consensus/accept-proposals"), &json!({})).await?;
    assert_eq!(status, 200);

    // While the nulmeting is open with answers, the form refuses a change of
    // version at its field, in Dutch, and nothing changes.
    // (The nulmeting period is over: its deadline before the plan's again;
    // the measurement itself stays open.)
    fixtures::nulmeting_deadline(db, edition, "2025-12-19").await?;
    save_version_2_as_coordinator(&browser, &server).await?;
    let refused = browser.wait_for_text(r#"[data-field=rubric_version] .field-error"#, "Sluit die meting eerst").await?;
    assert!(refused.contains("kan nu niet wijzigen"), "{refused}");
    let version: i64 = sqlx::query_scalar("select rubric_version from editions where id = ?").bind(edition).fetch_one(db).await?;
    assert_eq!(version, 1, "nothing changed");

    // The coordinator closes the nulmeting and moves the edition to v2 in the form.
    let coordinator = api_as(&server, "Griet Van Damme").await?;
    let (status, body) = coordinator.send(reqwest::Method::POST, &format!("/schools/{school}/measurements/baseline/close"), &json!({})).await?;
    assert_eq!(status, 200, "{body}");
    save_version_2_as_coordinator(&browser, &server).await?;
    browser.wait_for_text(r#"tr[data-edition="STEMpact 2025-2026"] [data-testid=edition-rubric-version]"#, "2").await?;
    let version: i64 = sqlx::query_scalar("select rubric_version from editions where id = ?").bind(edition).fetch_one(db).await?;
    assert_eq!(version, 2);

    // The eindmeting on v2, better everywhere.
    let (status, body) = coordinator.send(reqwest::Method::POST, &format!("/schools/{school}/measurements/final/open"), &json!({})).await?;
    assert_eq!(status, 200, "{body}");
    let finale = answer_rest(&an, "final", 3, RubricVersion::V2).await?;
    answer_rest(&chris, "final", 3, RubricVersion::V2).await?;
    let (status, _) = chris.send(reqwest::Method::POST, &format!("/measurements/{finale}/consensus/accept-proposals"), &json!({})).await?;
    assert_eq!(status, 200);

    // The report: growth per comparable indicator, a mark on the new ones.
    browser.goto(&fresh_link(&server, "Chris Maes").await?).await?;
    browser.wait_for_text("[data-testid=who-name]", "Chris Maes").await?;
    browser.goto(&format!("{}/schools/{school}/report", server.url)).await?;
    browser.wait_for("[data-testid=growth-across]").await?;
    let mapping = v1_to_v2();
    let comparable = ids(RubricVersion::V2)
        .into_iter()
        .find(|id| mapping.comparable_source(id).is_some())
        .ok_or("some indicator stays comparable")?;
    let row = |id: &str| format!(r#"[data-testid=growth-across] tr[data-indicator="{id}"]"#);
    assert_eq!(browser.text(&format!("{} [data-testid=growth-mark]", row(&comparable))).await?, "+1");
    let new = &mapping.new.first().ok_or("v2 has a new indicator")?.id;
    assert_eq!(mapping.comparability("-", new), Comparability::NotComparable);
    let mark = browser.text(&format!("{} [data-testid=growth-mark]", row(new))).await?;
    assert!(mark.contains("niet vergelijkbaar"), "{mark}");
    let kind = browser.wait_for(&row(new)).await?.attr("data-comparability").await?;
    assert_eq!(kind.as_deref(), Some("not-comparable"));
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_creates_an_edition_on_v2_and_the_public_page_switches_versions() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    fixtures::edition(db, "STEMpact 2025-2026").await?;
    let coordinator_link = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let browser = Browser::start().await?;
    browser.goto(&coordinator_link).await?;
    browser.wait_for_text("[data-testid=who-name]", "Griet Van Damme").await?;
    browser.goto(&format!("{}/coordinator/edition", server.url)).await?;
    press(&browser, "[data-testid=new-edition]").await?;
    // Version 2 is offered first and chosen unless the coordinator picks v1.
    let chosen = browser.js("return document.querySelector('[data-testid=rubric-version]').value;").await?;
    assert_eq!(chosen, json!("2"));
    browser.fill("#name", "STEMpact 2026-2027").await?;
    browser.fill("#school_year", "2026-2027").await?;
    press(&browser, "[data-testid=save-edition]").await?;
    browser.wait_for_text(r#"tr[data-edition="STEMpact 2026-2027"] [data-testid=edition-rubric-version]"#, "2").await?;
    let version: i64 = sqlx::query_scalar("select rubric_version from editions where name = 'STEMpact 2026-2027'").fetch_one(db).await?;
    assert_eq!(version, 2);

    // The public page: v2 with what changed, the partial-fit rule and both answers; then v1.
    browser.goto(&format!("{}/rubric", server.url)).await?;
    browser.wait_for("[data-testid=rubric-page] .indicator").await?;
    browser.wait_for("[data-testid=what-changed] li").await?;
    browser.wait_for("[data-testid=partial-fit]").await?;
    let answers = browser.text("[data-testid=two-answers]").await?;
    assert!(answers.contains("Niet van toepassing") && answers.contains("Weet ik niet"), "{answers}");
    let v2_only = ids(RubricVersion::V2).into_iter().find(|id| !ids(RubricVersion::V1).contains(id)).ok_or("v2 differs")?;
    browser.wait_for(&format!(r#"article.indicator[data-indicator="{v2_only}"]"#)).await?;
    press(&browser, r#"[data-testid=version-switch] button[data-version="1"]"#).await?;
    browser.wait_for(&format!(r#"article.indicator[data-indicator="{}"]"#, ids(RubricVersion::V1)[0])).await?;
    browser.wait_gone("[data-testid=what-changed]").await?;
    assert!(browser.all(&format!(r#"article.indicator[data-indicator="{v2_only}"]"#)).await?.is_empty());
    // The choice survives a reload (it is in the address).
    browser.reload().await?;
    browser.wait_for(r#"[data-testid=version-switch] button[data-version="1"][aria-pressed="true"]"#).await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_next_step_becomes_a_drafted_action_that_survives_a_reload() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    let school = fixtures::school(db, edition, "Sint-Jozefsinstituut", "Aalst").await?;
    let weakest = "curriculum.learning-lines";
    fixtures::full_baseline(db, edition, school, &[(weakest, 1)], 3).await?;
    let link = server.invite_scoped(Role::SchoolMember, "An Peeters", Some(school), None).await?;
    let level = rubric::Level::new(1).map_err(|e| e.to_string())?;
    let step = rubric::next_steps::for_level(RubricVersion::V1, weakest, level).first().ok_or("the indicator has steps")?.text.nl.clone();

    let browser = Browser::start().await?;
    browser.goto(&link).await?;
    browser.wait_for_text("[data-testid=who-name]", "An Peeters").await?;
    // The report lists the steps at the school's level.
    browser.goto(&format!("{}/schools/{school}/report", server.url)).await?;
    browser.wait_for_text("[data-testid=report-next-steps]", &step[..30]).await?;

    // In the plan's Groeikansen: no goal on it yet, so one click makes the
    // goal (the indicator's name) and opens the action under it.
    browser.goto(&format!("{}/schools/{school}/plan", server.url)).await?;
    let gap = format!(r#"[data-testid=gap][data-indicator="{weakest}"]"#);
    browser.wait_for_text(&format!("{gap} [data-testid=next-steps]"), &step[..30]).await?;
    press(&browser, &format!("{gap} [data-testid=step-to-action]")).await?;
    browser.wait_for("[data-testid=action-form]").await?;
    browser.wait_for("[data-testid=goal]").await?;
    let goals: Vec<(String, String)> =
        sqlx::query_as("select g.title, t.indicator_id from goals g join goal_targets t on t.goal_id = g.id").fetch_all(db).await?;
    assert_eq!(goals.len(), 1, "{goals:?}");
    assert_eq!(goals[0].1, weakest, "the goal targets the indicator");
    let typed = "return document.querySelector('#action-description').value;";
    let drafted = browser.js(typed).await?;
    assert!(drafted.as_str().is_some_and(|d| d.starts_with(&step) && d.contains("Hulp van")), "{drafted}");
    // Nothing lost on reload: the draft is still there.
    browser.reload().await?;
    browser.wait_for("[data-testid=action-form]").await?;
    assert_eq!(browser.js(typed).await?, drafted);
    // Undo: cancelling drops the draft, and it stays dropped.
    press(&browser, "[data-testid=action-form] button.secondary").await?;
    browser.wait_gone("[data-testid=action-form]").await?;
    browser.reload().await?;
    browser.wait_for(&format!("{gap} [data-testid=step-to-action]")).await?;
    assert!(browser.all("[data-testid=action-form]").await?.is_empty());
    let actions: i64 = sqlx::query_scalar("select count(*) from actions").fetch_one(db).await?;
    assert_eq!(actions, 0, "a draft is not saved until the school saves it");
    browser.close().await
}

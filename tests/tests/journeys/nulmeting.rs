//! Nulmeting journeys in headless Chromium: a school team fills in the
//! rubric (reloads and a dropped network lose nothing), one member disagrees
//! strongly, the STEM coordinator discusses and records the consensus, the
//! report draws the radar and the numbers; the sponsor company sees only its
//! own school. Also: a stale write shows the newer answer, and the
//! coordinator closes, reopens and opens the eindmeting, after which the
//! report shows the growth.

use e2e::fixtures;
use e2e::{ApiClient, Browser, TestResult, TestServer};
use fantoccini::Locator;
use rubric::assessment::{Consensus, SchoolProfile};
use rubric::people::Role;
use rubric::{AspectId, Level};
use serde_json::json;

const FIRST: &str = "curriculum.learning-lines";

/// The indicators of an aspect, in order.
fn indicators_of(aspect: AspectId) -> Vec<String> {
    let rubric = rubric::current_rubric();
    rubric.aspect(aspect).map(|a| a.indicators.iter().map(|i| i.id.clone()).collect()).unwrap_or_default()
}

fn all_indicators() -> Vec<String> {
    rubric::current_rubric().indicators().map(|(_, i)| i.id.clone()).collect()
}

/// Scroll an element to the middle of the window (clear of the sticky
/// header, as a person would) and click it.
async fn press(browser: &Browser, css: &str) -> TestResult {
    let el = browser.wait_for(css).await?;
    browser.client.execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&el)?]).await?;
    el.click().await?;
    Ok(())
}

/// Click the level card of an indicator on the open aspect and wait until
/// the server confirmed it.
async fn choose(browser: &Browser, indicator: &str, answer: &str) -> TestResult {
    press(browser, &format!(r#"[data-indicator="{indicator}"] label[data-answer="{answer}"]"#)).await?;
    browser.wait_for(&format!(r#"article[data-indicator="{indicator}"][data-state="saved"]"#)).await?;
    Ok(())
}

async fn open_aspect(browser: &Browser, aspect: AspectId) -> TestResult {
    press(browser, &format!(r#"button.aspect-link[data-aspect="{}"]"#, aspect.key())).await?;
    browser.wait_for(&format!(r#"section.aspect-sheet[data-aspect="{}"]"#, aspect.key())).await?;
    Ok(())
}

async fn is_checked(browser: &Browser, indicator: &str, answer: &str) -> TestResult<bool> {
    let script = format!(
        r#"const i = document.querySelector('[data-indicator="{indicator}"] input[value="{answer}"]'); return !!(i && i.checked);"#
    );
    Ok(browser.js(&script).await?.as_bool().unwrap_or(false))
}

/// The levels a person has stored (level or "na"), by indicator.
async fn stored_answers(server: &TestServer, person: &str) -> TestResult<Vec<(String, Option<i64>, i64)>> {
    Ok(sqlx::query_as(
        "select a.indicator_id, a.level, a.not_applicable from answers a join responses r on r.id = a.response_id \
         join people p on p.id = r.person_id where p.name = ? order by a.indicator_id",
    )
    .bind(person)
    .fetch_all(server.state.writer.pool())
    .await?)
}

/// One stored answer of a person: `(level, comment, evidence_url, version)`.
async fn answer_of(server: &TestServer, person: &str, indicator: &str) -> TestResult<Option<(Option<i64>, String, String, i64)>> {
    Ok(sqlx::query_as(
        "select a.level, a.comment, a.evidence_url, a.version from answers a join responses r on r.id = a.response_id \
         join people p on p.id = r.person_id where p.name = ? and a.indicator_id = ?",
    )
    .bind(person)
    .bind(indicator)
    .fetch_optional(server.state.writer.pool())
    .await?)
}

/// A fresh sign-in link for the person (an unused earlier one is revoked).
pub(crate) async fn fresh_link(server: &TestServer, name: &str) -> TestResult<String> {
    server.link_for(fixtures::person_id(server.state.writer.pool(), name).await?).await
}

/// An API client signed in as the person, with a freshly issued link.
pub(crate) async fn api_as(server: &TestServer, name: &str) -> TestResult<ApiClient> {
    let api = server.api();
    assert_eq!(api.sign_in(&fresh_link(server, name).await?).await?, 200, "{name} signs in");
    Ok(api)
}

/// Answer every indicator through the API: `level` everywhere, `first` on the first one.
async fn answer_by_api(api: &ApiClient, first: i64, level: i64) -> TestResult<i64> {
    let (status, sheet) = api.get("/my/measurement").await?;
    assert_eq!(status, 200, "{sheet}");
    let m = sheet["measurement"]["id"].as_i64().ok_or("no measurement")?;
    let empty = Vec::new();
    let stored = sheet["answers"].as_array().unwrap_or(&empty);
    for id in all_indicators() {
        let l = if id == FIRST { first } else { level };
        let version = stored.iter().find(|a| a["indicator_id"] == id.as_str()).and_then(|a| a["version"].as_i64()).unwrap_or(0);
        let (status, body) =
            api.send(reqwest::Method::PUT, &format!("/measurements/{m}/answers/{id}"), &json!({"answer": l, "version": version})).await?;
        assert_eq!(status, 200, "{id}: {body}");
    }
    let (status, body) = api.send(reqwest::Method::POST, &format!("/measurements/{m}/submit"), &json!({})).await?;
    assert_eq!(status, 200, "{body}");
    Ok(m)
}

/// The school's consensus profile as the rubric crate computes it from the database.
async fn profile_from_db(server: &TestServer, school: i64, kind: &str) -> TestResult<SchoolProfile> {
    let rows: Vec<(String, Option<i64>)> = sqlx::query_as(
        "select c.indicator_id, c.level from consensus c join measurements m on m.id = c.measurement_id \
         where m.school_id = ? and m.kind = ?",
    )
    .bind(school)
    .bind(kind)
    .fetch_all(server.state.writer.pool())
    .await?;
    let consensus: Vec<Consensus> = rows
        .into_iter()
        .map(|(indicator_id, level)| Consensus {
            indicator_id,
            level: level.and_then(|l| Level::new(l as u8).ok()),
            rationale: String::new(),
        })
        .collect();
    Ok(SchoolProfile::from_consensus(rubric::current_rubric(), &consensus))
}

/// "2,8": one decimal with a comma, as the Dutch report writes it.
fn dutch(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    format!("{},{}", tenths / 10, tenths % 10)
}

struct Team {
    server: TestServer,
    school: i64,
    other_school: i64,
}

/// An edition with five schools that already have a consensus (so the
/// benchmark shows), Sint-Jozefscollege sponsored by Chemco, and another
/// school sponsored by Metaalbouw; a team of three at Sint-Jozefscollege.
async fn team() -> TestResult<(Team, Vec<String>)> {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    fixtures::nulmeting_deadline(db, edition, "2999-12-19").await?;
    for (name, town) in [("Campus Een", "Gent"), ("Campus Twee", "Aalst"), ("Campus Drie", "Brugge"), ("Campus Vier", "Lier"), ("Campus Vijf", "Tielt")] {
        fixtures::school(db, edition, name, town).await?;
    }
    fixtures::nulmeting_demo(&server.state.writer, edition).await?;
    let school = fixtures::school(db, edition, "Sint-Jozefscollege", "Aalst").await?;
    let other_school = fixtures::school(db, edition, "Atheneum Zottegem", "Zottegem").await?;
    let chemco = fixtures::company(db, edition, "Chemco", "Zelzate").await?;
    let metaal = fixtures::company(db, edition, "Metaalbouw", "Kortrijk").await?;
    fixtures::sponsor(db, school, chemco).await?;
    fixtures::sponsor(db, other_school, metaal).await?;
    let links = vec![
        server.invite_scoped(Role::SchoolMember, "An Peeters", Some(school), None).await?,
        server.invite_scoped(Role::SchoolMember, "Bart Claes", Some(school), None).await?,
        server.invite_scoped(Role::SchoolMember, "Chris Maes", Some(school), None).await?,
        server.invite_scoped(Role::CompanyMember, "Eva Jacobs", None, Some(chemco)).await?,
        server.invite_scoped(Role::CompanyMember, "Fien Wouters", None, Some(metaal)).await?,
        server.invite(Role::Coordinator, "Griet Van Damme").await?,
    ];
    fixtures::school_function(db, "Chris Maes", "stem-coordinator").await?;
    Ok((Team { server, school, other_school }, links))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_team_fills_in_discusses_and_gets_its_stem_profile() -> TestResult {
    let (t, links) = team().await?;
    let server = &t.server;
    let browser = Browser::start().await?;

    // An starts from the card on her start page.
    browser.goto(&links[0]).await?;
    browser.wait_for_text("[data-testid=nulmeting-card]", "0 van 28").await?;
    press(&browser, "[data-testid=nulmeting-card] a.button").await?;
    browser.wait_for(r#"section.aspect-sheet[data-aspect="curriculum"]"#).await?;
    // The four level descriptors are shown in full.
    let card = browser.text(&format!(r#"[data-indicator="{FIRST}"] label[data-answer="4"]"#)).await?;
    let descriptor = rubric::current_rubric().indicator(FIRST).and_then(|(_, i)| i.levels.get(3)).map(|l| l.nl.clone()).unwrap_or_default();
    assert!(card.contains(&descriptor), "{card}");
    for id in indicators_of(AspectId::Curriculum) {
        choose(&browser, &id, "3").await?;
    }
    // A comment, typed and kept.
    press(&browser, &format!(r#"[data-indicator="{FIRST}"] details.notes summary"#)).await?;
    browser.fill(&format!(r#"[id="comment-{FIRST}"]"#), "Leerlijn staat op papier voor de tweede graad").await?;
    browser.wait_for(&format!(r#"article[data-indicator="{FIRST}"][data-state="saved"]"#)).await?;
    browser
        .eventually("the comment on the server", || async {
            let a = answer_of(server, "An Peeters", FIRST).await?;
            Ok(a.filter(|(_, c, _, _)| c.contains("tweede graad")))
        })
        .await?;
    // Keyboard: the arrow keys move within an indicator's cards.
    press(&browser, "[data-testid=next-aspect]").await?;
    browser.wait_for(r#"section.aspect-sheet[data-aspect="pedagogy"]"#).await?;
    let pedagogy = indicators_of(AspectId::Pedagogy);
    choose(&browser, &pedagogy[0], "2").await?;
    let radio = browser.wait_for(&format!(r#"[data-indicator="{}"] input[value="2"]"#, pedagogy[0])).await?;
    radio.send_keys("\u{E014}").await?; // ArrowRight
    browser.wait_for(&format!(r#"article[data-indicator="{}"][data-state="saved"]"#, pedagogy[0])).await?;
    assert!(is_checked(&browser, &pedagogy[0], "3").await?, "ArrowRight moved to level 3");
    browser
        .eventually("the keyboard choice on the server", || async {
            let a = answer_of(server, "An Peeters", &pedagogy[0]).await?;
            Ok(a.filter(|(l, _, _, _)| *l == Some(3)))
        })
        .await?;
    choose(&browser, &pedagogy[1], "3").await?;

    // Reload mid-way: nothing is lost, and we are back on the same aspect.
    browser.reload().await?;
    browser.wait_for(r#"section.aspect-sheet[data-aspect="pedagogy"]"#).await?;
    assert!(is_checked(&browser, &pedagogy[1], "3").await?);
    assert_eq!(browser.text(r#"button.aspect-link[data-aspect="curriculum"] [data-testid=aspect-progress]"#).await?.split_whitespace().next(), Some("4/4"));
    open_aspect(&browser, AspectId::Curriculum).await?;
    assert!(is_checked(&browser, FIRST, "3").await?);
    let comment = browser.wait_for(&format!(r#"[id="comment-{FIRST}"]"#)).await?.prop("value").await?;
    assert_eq!(comment.as_deref(), Some("Leerlijn staat op papier voor de tweede graad"));

    // The network drops: the answer is kept on this device, and survives a reload.
    open_aspect(&browser, AspectId::Pedagogy).await?;
    browser.js("window.fetch = () => Promise.reject(new TypeError('Failed to fetch')); return true;").await?;
    press(&browser, &format!(r#"[data-indicator="{}"] label[data-answer="4"]"#, pedagogy[2])).await?;
    browser.wait_for("[data-testid=save-status][data-state=offline]").await?;
    browser.wait_for_text("[data-testid=save-status]", "op dit toestel").await?;
    assert_eq!(stored_answers(server, "An Peeters").await?.len(), 6, "not on the server while offline");
    browser.reload().await?;
    browser.wait_for(&format!(r#"article[data-indicator="{}"][data-state="saved"]"#, pedagogy[2])).await?;
    assert!(is_checked(&browser, &pedagogy[2], "4").await?);
    browser.wait_for("[data-testid=save-status][data-state=saved]").await?;
    let stored = stored_answers(server, "An Peeters").await?;
    assert!(stored.iter().any(|(id, l, _)| *id == pedagogy[2] && *l == Some(4)), "synced after the reload: {stored:?}");

    // The rest, then submit; the submit button waits for every indicator.
    assert!(browser.wait_for("[data-testid=submit]").await?.attr("disabled").await?.is_some());
    choose(&browser, &pedagogy[3], "na").await?;
    for aspect in AspectId::ALL.into_iter().skip(2) {
        open_aspect(&browser, aspect).await?;
        for id in indicators_of(aspect) {
            choose(&browser, &id, "3").await?;
        }
    }
    browser.wait_for_text("[data-testid=overall-progress]", "28 van 28").await?;
    browser.eventually("the submit button to be enabled", || async {
        Ok(browser.wait_for("[data-testid=submit]").await?.attr("disabled").await?.is_none().then_some(()))
    })
    .await?;
    press(&browser, "[data-testid=submit]").await?;
    browser.wait_for_text("[data-testid=submitted]", "Ingediend op").await?;

    // Bart disagrees strongly on the first indicator; Chris, the STEM coordinator, answers too.
    answer_by_api(&api_as(server, "Bart Claes").await?, 1, 3).await?;
    answer_by_api(&api_as(server, "Chris Maes").await?, 4, 3).await?;

    // An, having submitted, sees the team's answers, read-only.
    press(&browser, "[data-testid=submitted] ~ a.button").await?;
    browser.wait_for("[data-testid=discussion-points] .consensus-card").await?;
    assert!(browser.all("[data-testid=save-consensus]").await?.is_empty(), "a teacher does not decide");

    // Chris opens the team view from the navigation: the discussion point comes first.
    browser.goto(&fresh_link(server, "Chris Maes").await?).await?;
    browser.wait_for_text("[data-testid=who-name]", "Chris Maes").await?;
    press(&browser, &format!(r#"nav.main-nav a[href="/schools/{}/team"]"#, t.school)).await?;
    browser.wait_for_text("[data-testid=members]", "Bart Claes").await?;
    let first_point = browser.wait_for("[data-testid=discussion-points] .consensus-card").await?;
    assert_eq!(first_point.attr("data-indicator").await?.as_deref(), Some(FIRST));
    let point = format!(r#"[data-testid=discussion-points] [data-indicator="{FIRST}"]"#);
    assert!(browser.text(&format!("{point} [data-testid=discussion-badge]")).await?.contains("3 niveaus"));
    assert_eq!(browser.text(&format!("{point} [data-testid=range]")).await?, "1–4");
    assert_eq!(browser.text(&format!("{point} [data-testid=median]")).await?, "3");
    assert_eq!(browser.text(&format!("{point} [data-testid=count]")).await?, "3");
    assert_eq!(browser.all("[data-testid=discussion-points] .consensus-card").await?.len(), 1);
    // Record the consensus after the discussion.
    press(&browser, &format!(r#"{point} .chip[data-answer="2"]"#)).await?;
    browser.fill(&format!(r#"[id="rationale-{FIRST}"]"#), "Alleen in de tweede graad uitgewerkt").await?;
    press(&browser, &format!("{point} [data-testid=save-consensus]")).await?;
    browser.wait_for_text(&format!("{point} [data-testid=consensus-badge]"), "2 · In ontwikkeling").await?;
    // Everything else: the team agrees, so the median is proposed.
    browser.wait_for_text("[data-testid=accept-proposals]", "(27)").await?;
    press(&browser, "[data-testid=accept-proposals]").await?;
    browser.wait_for_text("[data-testid=decided-count]", "28/28").await?;
    let rationale: Option<String> = sqlx::query_scalar("select rationale from consensus c join measurements m on m.id = c.measurement_id where m.school_id = ? and c.indicator_id = ?")
        .bind(t.school)
        .bind(FIRST)
        .fetch_optional(server.state.writer.pool())
        .await?;
    assert_eq!(rationale.as_deref(), Some("Alleen in de tweede graad uitgewerkt"));

    // The report: the radar is drawn, the numbers are in the table.
    press(&browser, &format!(r#"a[href="/schools/{}/report"].button"#, t.school)).await?;
    browser.wait_for(r#"[data-testid=radar][data-drawn="true"]"#).await?;
    let pixels = browser
        .js(
            "const c = document.querySelector('[data-testid=radar]'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; \
             let ink = 0, teal = 0; for (let i = 0; i < d.length; i += 4) { \
               if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) ink++; \
               if (Math.abs(d[i] - 11) < 30 && Math.abs(d[i + 1] - 93) < 30 && Math.abs(d[i + 2] - 107) < 30) teal++; } \
             return [c.width, c.clientWidth, ink, teal];",
        )
        .await?;
    let nums: Vec<i64> = pixels.as_array().map(|a| a.iter().filter_map(|v| v.as_i64()).collect()).unwrap_or_default();
    assert_eq!(nums.len(), 4, "{pixels}");
    assert!(nums[0] >= 2 * nums[1] - 1 && nums[1] > 100, "canvas scaled for sharp lines: {pixels}");
    assert!(nums[2] > 5_000 && nums[3] > 200, "the radar was drawn in the school's colour: {pixels}");
    let profile = profile_from_db(server, t.school, "baseline").await?;
    let curriculum = profile.aspect_score(AspectId::Curriculum).ok_or("no curriculum score")?;
    assert_eq!(dutch(curriculum), "2,8", "(2 + 3 + 3 + 3) / 4");
    let row = |aspect: AspectId, cell: &str| format!(r#"[data-testid=aspect-table] tr[data-aspect="{}"] [data-testid={cell}]"#, aspect.key());
    assert_eq!(browser.text(&row(AspectId::Curriculum, "baseline-score")).await?, dutch(curriculum));
    // Pedagogy: 3, 3, n.v.t. (not counted) and 3 from the proposals... An's 4 and 2 lost to the team's 3.
    let pedagogy_score = profile.aspect_score(AspectId::Pedagogy).ok_or("no pedagogy score")?;
    assert_eq!(browser.text(&row(AspectId::Pedagogy, "baseline-score")).await?, dutch(pedagogy_score));
    let bench = browser.text(&row(AspectId::Curriculum, "benchmark")).await?;
    assert!(bench.contains(','), "benchmark shown with six schools: {bench}");
    browser.wait_for_text("[data-testid=benchmark-note]", "6 scholen").await?;
    browser.wait_for_text("[data-testid=report-discussion]", "Alleen in de tweede graad uitgewerkt").await?;
    browser.wait_for_text("[data-testid=weakest]", &rubric::current_rubric().indicator(FIRST).map(|(_, i)| i.title.nl.clone()).unwrap_or_default()).await?;

    // The sponsor company sees its own school's profile, and nothing of another school.
    browser.goto(&links[3]).await?;
    browser.wait_for_text("[data-testid=who-name]", "Eva Jacobs").await?;
    browser.goto(&format!("{}/schools/{}/report", server.url, t.school)).await?;
    browser.wait_for_text("[data-testid=report-school]", "Sint-Jozefscollege").await?;
    browser.wait_for(r#"[data-testid=radar][data-drawn="true"]"#).await?;
    assert_eq!(browser.text(&row(AspectId::Curriculum, "baseline-score")).await?, dutch(curriculum));
    browser.goto(&format!("{}/schools/{}/report", server.url, t.other_school)).await?;
    browser.wait_for("[data-testid=report-unavailable]").await?;
    assert!(browser.all("[data-testid=aspect-table]").await?.is_empty());
    assert!(!browser.text("main").await?.contains("Atheneum Zottegem"));
    browser.goto(&format!("{}/schools/{}/team", server.url, t.school)).await?;
    browser.wait_for("[data-testid=team-forbidden]").await?;
    let eva = api_as(server, "Eva Jacobs").await?;
    let (status, body) = eva.get(&format!("/schools/{}/report", t.other_school)).await?;
    assert_eq!(status, 404, "{body}");
    assert!(body.get("baseline").is_none());
    let (status, _) = eva.get(&format!("/schools/{}/report", t.school)).await?;
    assert_eq!(status, 200);
    browser.close().await
}

/// The school app is split in two (issue 13): its start page and the
/// nulmeting sheet show on the first part alone, the rest comes after the
/// first paint. With the rest refused, both pages still show; with the
/// network back, a choice is saved and kept after a reload.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_school_app_shows_its_first_pages_before_the_rest_of_its_code() -> TestResult {
    let (t, links) = team().await?;
    let browser = Browser::start().await?;
    browser.cdp("Network.enable", json!({})).await?;
    browser.cdp("Network.setBlockedURLs", json!({ "urls": ["*.rest.wasm"] })).await?;
    let stale = |e: Box<dyn std::error::Error + Send + Sync>| {
        format!(
            "{e}: the school app needs the rest of its code before this page can show, so frontend/split/school.txt \
             is behind the code; run `cargo xtask split-profile`"
        )
    };
    browser.goto(&links[0]).await?;
    browser.wait_for_text("[data-testid=nulmeting-card]", "0 van 28").await.map_err(stale)?;
    press(&browser, "[data-testid=nulmeting-card] a.button").await?;
    browser.wait_for(&format!(r#"[data-indicator="{FIRST}"] label[data-answer="4"]"#)).await.map_err(stale)?;
    browser.goto(&format!("{}/nulmeting", t.server.url)).await?;
    browser.wait_for(&format!(r#"[data-indicator="{FIRST}"] label[data-answer="4"]"#)).await.map_err(stale)?;

    // With the network back: the rest comes after the first paint, and a
    // choice is saved and still there after a reload.
    browser.cdp("Network.setBlockedURLs", json!({ "urls": [] })).await?;
    browser.reload().await?;
    choose(&browser, FIRST, "3").await?;
    let (files, fcp) = browser
        .eventually("the rest of the school app, fetched", || async {
            let (files, fcp) = browser.wasm_timing("school").await?;
            Ok(files.iter().any(|(p, _, done)| p.ends_with(".rest.wasm") && *done).then_some((files, fcp)))
        })
        .await?;
    let paint = fcp.ok_or("no first contentful paint")?;
    let first = files.iter().find(|(p, _, _)| p.ends_with("_bg.wasm")).ok_or("the school app's wasm was not fetched")?;
    let rest = files.iter().find(|(p, _, _)| p.ends_with(".rest.wasm")).ok_or("the rest was not fetched")?;
    assert!(first.1 < paint, "the first part is fetched before the first paint ({files:?}, paint at {paint} ms)");
    assert!(rest.1 >= paint, "the rest is fetched after the first paint, not before ({files:?}, paint at {paint} ms)");
    browser.reload().await?;
    browser.wait_for(&format!(r#"[data-indicator="{FIRST}"] input[value="3"]"#)).await?;
    assert!(is_checked(&browser, FIRST, "3").await?, "the choice is kept after a reload");
    let stored = answer_of(&t.server, "An Peeters", FIRST).await?;
    assert_eq!(stored.and_then(|(level, ..)| level), Some(3));
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_changed_elsewhere_shows_the_newer_value() -> TestResult {
    let (t, links) = team().await?;
    let server = &t.server;
    let browser = Browser::start().await?;
    browser.goto(&links[0]).await?;
    browser.wait_for_text("[data-testid=who-name]", "An Peeters").await?;
    browser.goto(&format!("{}/nulmeting", server.url)).await?;
    choose(&browser, FIRST, "3").await?;
    // The same person changes it on another device.
    let other_device = api_as(server, "An Peeters").await?;
    let (_, sheet) = other_device.get("/my/measurement").await?;
    let m = sheet["measurement"]["id"].as_i64().ok_or("measurement")?;
    let (status, _) = other_device
        .send(reqwest::Method::PUT, &format!("/measurements/{m}/answers/{FIRST}"), &json!({"answer": 4, "comment": "Op het andere toestel", "version": 1}))
        .await?;
    assert_eq!(status, 200);
    // This page still thinks version 1: its change is refused and the newer answer shown.
    press(&browser, &format!(r#"[data-indicator="{FIRST}"] label[data-answer="2"]"#)).await?;
    browser.wait_for(&format!(r#"article[data-indicator="{FIRST}"][data-state="conflict"]"#)).await?;
    browser.wait_for_text("[data-testid=conflict]", "intussen elders gewijzigd").await?;
    browser.wait_for_text("[data-testid=conflict]", "2 · In ontwikkeling").await?;
    assert!(is_checked(&browser, FIRST, "4").await?, "the newer answer is shown");
    let comment = browser.wait_for(&format!(r#"[id="comment-{FIRST}"]"#)).await?.prop("value").await?;
    assert_eq!(comment.as_deref(), Some("Op het andere toestel"));
    // Choosing mine after all saves it on top of the newer version.
    press(&browser, "[data-testid=conflict] button.button").await?;
    browser.wait_for(&format!(r#"article[data-indicator="{FIRST}"][data-state="saved"]"#)).await?;
    assert!(is_checked(&browser, FIRST, "2").await?);
    let stored = stored_answers(server, "An Peeters").await?;
    assert_eq!(stored, vec![(FIRST.to_string(), Some(2), 0)]);
    assert_eq!(answer_of(server, "An Peeters", FIRST).await?.map(|a| a.3), Some(3));
    // A bad evidence link is flagged at the field and not sent.
    let notes_open = browser.js(&format!(r#"return document.querySelector('[data-indicator="{FIRST}"] details.notes').open;"#)).await?;
    if notes_open != serde_json::Value::Bool(true) {
        press(&browser, &format!(r#"[data-indicator="{FIRST}"] details.notes summary"#)).await?;
    }
    browser.fill(&format!(r#"[id="evidence-{FIRST}"]"#), "intranet/stem").await?;
    browser.wait_for_text(&format!(r#"[id="evidence-{FIRST}-error"]"#), "http://").await?;
    browser.wait_for("[data-testid=save-status][data-state=problem]").await?;
    assert_eq!(answer_of(server, "An Peeters", FIRST).await?.map(|a| a.2), Some(String::new()));
    browser.fill(&format!(r#"[id="evidence-{FIRST}"]"#), "https://school.example/stem").await?;
    browser.wait_for("[data-testid=save-status][data-state=saved]").await?;
    browser
        .eventually("the link on the server", || async {
            Ok(answer_of(server, "An Peeters", FIRST).await?.filter(|a| a.2 == "https://school.example/stem"))
        })
        .await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_closes_reopens_and_opens_the_eindmeting_and_the_report_shows_growth() -> TestResult {
    let (t, links) = team().await?;
    let server = &t.server;
    let an = api_as(server, "An Peeters").await?;
    let baseline = answer_by_api(&an, 2, 2).await?;
    let browser = Browser::start().await?;
    browser.goto(&links[5]).await?;
    browser.wait_for_text("[data-testid=who-name]", "Griet Van Damme").await?;
    press(&browser, r#"nav.main-nav a[href="/coordinator/measurements"]"#).await?;
    let row = format!(r#"tr[data-school="{}"]"#, t.school);
    browser.wait_for_text(&format!("{row} [data-testid=respondents]"), "1/3").await?;
    assert_eq!(browser.text(&format!("{row} [data-testid=submitted]")).await?, "1");
    assert_eq!(browser.text(&format!("{row} [data-testid=decided]")).await?, "0/28");
    // The other school has not started: its baseline opens on first use.
    assert!(browser.text(&format!(r#"tr[data-school="{}"] [data-testid=not-opened]"#, t.other_school)).await?.contains("Nog niet"));
    // Close: answers are refused; reopen: accepted again.
    press(&browser, &format!(r#"{row} td[data-kind="baseline"] [data-testid=close]"#)).await?;
    browser.wait_for_text(&format!("{row} [data-testid=status]"), "Afgesloten").await?;
    let (status, body) = an
        .send(reqwest::Method::PUT, &format!("/measurements/{baseline}/answers/{FIRST}"), &json!({"answer": 4, "version": 1}))
        .await?;
    assert_eq!((status.as_u16(), body["code"].as_str()), (409, Some("measurement_closed")));
    press(&browser, &format!(r#"{row} td[data-kind="baseline"] [data-testid=reopen]"#)).await?;
    browser.wait_for_text(&format!("{row} [data-testid=status]"), "Open").await?;

    // The team records its consensus (through the API here), then the eindmeting opens for everyone.
    let chris = api_as(server, "Chris Maes").await?;
    answer_by_api(&chris, 2, 2).await?;
    let (status, _) = chris.send(reqwest::Method::POST, &format!("/measurements/{baseline}/consensus/accept-proposals"), &json!({})).await?;
    assert_eq!(status, 200);
    browser.reload().await?;
    browser.wait_for_text(&format!("{row} [data-testid=decided]"), "28/28").await?;
    press(&browser, "[data-testid=open-final-all]").await?;
    browser.wait_for_text("[data-testid=confirm]", "alle 7 scholen").await?;
    press(&browser, "[data-testid=confirm-yes]").await?;
    browser.wait_for(&format!(r#"{row} td[data-kind="final"] [data-testid=close]"#)).await?;

    // The eindmeting: better on curriculum.
    let finale = answer_by_api(&an, 3, 3).await?;
    assert_ne!(finale, baseline);
    answer_by_api(&chris, 3, 3).await?;
    let (status, _) = chris.send(reqwest::Method::POST, &format!("/measurements/{finale}/consensus/accept-proposals"), &json!({})).await?;
    assert_eq!(status, 200);

    browser.goto(&format!("{}/schools/{}/report", server.url, t.school)).await?;
    browser.wait_for(r#"[data-testid=radar][data-drawn="true"]"#).await?;
    let cell = |aspect: AspectId, c: &str| format!(r#"tr[data-aspect="{}"] [data-testid={c}]"#, aspect.key());
    assert_eq!(browser.text(&cell(AspectId::Curriculum, "baseline-score")).await?, "2,0");
    assert_eq!(browser.text(&cell(AspectId::Curriculum, "final-score")).await?, "3,0");
    assert_eq!(browser.text(&cell(AspectId::Curriculum, "growth")).await?, "+1,0");
    assert_eq!(browser.text("[data-testid=overall-growth]").await?, "+1,0");
    let bars = browser.client.find_all(Locator::Css(&format!(r#"[data-testid=indicator-bars] [data-indicator="{FIRST}"] .delta"#))).await?;
    assert_eq!(bars.len(), 1);
    assert_eq!(bars[0].text().await?, "+1");
    browser.close().await
}

/// Not a check: screenshots of the nulmeting pages for a person to look at.
/// `STEMPACT_SHOTS=/tmp/shots cargo test -p e2e --test nulmeting -- --ignored look`
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn look_at_the_nulmeting_pages() -> TestResult {
    let dir = std::path::PathBuf::from(std::env::var("STEMPACT_SHOTS").unwrap_or_else(|_| "/tmp/stempact-shots".into()));
    std::fs::create_dir_all(&dir)?;
    let (t, links) = team().await?;
    let server = &t.server;
    let browser = Browser::start().await?;
    let shot = |name: &'static str| {
        let path = dir.join(format!("{name}.png"));
        let client = browser.client.clone();
        async move {
            let png = client.screenshot().await?;
            std::fs::write(&path, png)?;
            println!("wrote {}", path.display());
            TestResult::Ok(())
        }
    };
    let full_height = || async {
        let h = browser.js("return document.documentElement.scrollHeight").await?.as_i64().unwrap_or(900);
        browser.client.set_window_size(1280, h.clamp(900, 6000) as u32).await?;
        TestResult::Ok(())
    };
    // An, part-way through.
    browser.goto(&links[0]).await?;
    browser.wait_for_text("[data-testid=nulmeting-card]", "0 van 28").await?;
    shot("01-home-card").await?;
    browser.goto(&format!("{}/nulmeting", server.url)).await?;
    for (i, id) in indicators_of(AspectId::Curriculum).iter().enumerate().take(3) {
        choose(&browser, id, if i == 1 { "na" } else { "2" }).await?;
    }
    press(&browser, &format!(r#"[data-indicator="{FIRST}"] details.notes summary"#)).await?;
    browser.fill(&format!(r#"[id="comment-{FIRST}"]"#), "Leerlijn staat op papier voor de tweede graad").await?;
    browser.wait_for("[data-testid=save-status][data-state=saved]").await?;
    browser.js("window.scrollTo(0, 0); return 1;").await?;
    shot("02-fill").await?;
    full_height().await?;
    shot("03-fill-full").await?;
    browser.client.set_window_size(1280, 900).await?;
    // The team answers, Chris decides.
    answer_by_api(&api_as(server, "An Peeters").await?, 3, 3).await?;
    answer_by_api(&api_as(server, "Bart Claes").await?, 1, 2).await?;
    let chris = api_as(server, "Chris Maes").await?;
    let m = answer_by_api(&chris, 4, 3).await?;
    browser.goto(&fresh_link(server, "Chris Maes").await?).await?;
    browser.wait_for_text("[data-testid=who-name]", "Chris Maes").await?;
    browser.goto(&format!("{}/schools/{}/team", server.url, t.school)).await?;
    browser.wait_for("[data-testid=discussion-points] .consensus-card").await?;
    browser.client.set_window_size(1280, 1300).await?;
    shot("04-team").await?;
    browser.js("document.querySelector('[data-testid=other-indicators]').scrollIntoView(); return 1;").await?;
    shot("04-team-others").await?;
    browser.client.set_window_size(1280, 900).await?;
    chris.send(reqwest::Method::PUT, &format!("/measurements/{m}/consensus/{FIRST}"), &json!({"level": 2, "rationale": "Alleen in de tweede graad uitgewerkt", "version": 0})).await?;
    chris.send(reqwest::Method::POST, &format!("/measurements/{m}/consensus/accept-proposals"), &json!({})).await?;
    browser.goto(&format!("{}/schools/{}/report", server.url, t.school)).await?;
    browser.wait_for(r#"[data-testid=radar][data-drawn="true"]"#).await?;
    browser.client.set_window_size(1280, 1400).await?;
    shot("05-report").await?;
    browser.js("document.querySelector('[data-testid=indicator-bars]').scrollIntoView(); return 1;").await?;
    shot("05-report-bars").await?;
    let pdf = browser.client.print(fantoccini::wd::PrintConfiguration::default()).await?;
    std::fs::write(dir.join("06-report.pdf"), pdf)?;
    browser.client.set_window_size(1280, 900).await?;
    press(&browser, "button[data-lang=en]").await?;
    browser.wait_for_text("[data-testid=aspect-table]", "Curriculum").await?;
    full_height().await?;
    shot("07-report-en").await?;
    browser.client.set_window_size(1280, 900).await?;
    press(&browser, "button[data-lang=nl]").await?;
    browser.goto(&links[5]).await?;
    browser.wait_for_text("[data-testid=who-name]", "Griet Van Damme").await?;
    browser.goto(&format!("{}/coordinator/measurements", server.url)).await?;
    browser.wait_for("[data-testid=measurements-page] table").await?;
    full_height().await?;
    shot("08-measurements").await?;
    browser.close().await
}

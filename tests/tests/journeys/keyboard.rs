//! Keyboard only (issue 14): a teacher fills in the whole nulmeting and a
//! juror scores a finalist without touching a mouse: Tab to move, Space to
//! choose, arrow keys within a group of options, Enter to press a button.
//! Every stop shows a visible focus ring. A phone's on-screen keyboard or
//! a switch device drives the same way.

use e2e::{fixtures, Browser, TestResult, TestServer};
use rubric::people::Role;

const TAB: &str = "\u{E004}";
const SHIFT_TAB: &str = "\u{E008}\u{E004}\u{E008}";
const ENTER: &str = "\u{E007}";
const SPACE: &str = " ";
const RIGHT: &str = "\u{E014}";

/// Send keys to whatever has the focus.
async fn keys(browser: &Browser, keys: &str) -> TestResult {
    // Key presses to whatever has the focus, as a person types: sending
    // text to the focused element instead would, on a file field (the
    // evidence files), name a file to upload.
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let mut actions = KeyActions::new("keyboard".to_string());
    for value in keys.chars() {
        actions = actions.then(KeyAction::Down { value }).then(KeyAction::Up { value });
    }
    browser.client.perform_actions(actions).await?;
    Ok(())
}

/// The focused element, described for messages and checks.
async fn focused(browser: &Browser) -> TestResult<serde_json::Value> {
    browser
        .js(
            "const e = document.activeElement; const t = (e.type === 'radio' && (e.closest('label') || e.nextElementSibling)) || e; \
             const s = getComputedStyle(t); \
             return { tag: e.tagName.toLowerCase(), id: e.id, type: e.type || '', name: e.name || '', value: e.value || '', \
                      testid: e.dataset.testid || '', text: (e.innerText || '').slice(0, 40), \
                      ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };",
        )
        .await
}

/// Press Tab (or Shift+Tab) until `wanted` holds for the focused element;
/// every stop on the way must show its focus. Fails after `max` stops.
async fn tab_to(browser: &Browser, what: &str, max: usize, wanted: impl Fn(&serde_json::Value) -> bool) -> TestResult<serde_json::Value> {
    tab_to_with(browser, TAB, what, max, wanted).await
}

async fn tab_to_with(
    browser: &Browser,
    key: &str,
    what: &str,
    max: usize,
    wanted: impl Fn(&serde_json::Value) -> bool,
) -> TestResult<serde_json::Value> {
    for _ in 0..max {
        keys(browser, key).await?;
        let f = focused(browser).await?;
        if f["tag"] != "body" && f["tag"] != "main" && f["ring"] != true {
            return Err(format!("no visible focus on {f}").into());
        }
        if wanted(&f) {
            return Ok(f);
        }
    }
    Err(format!("{what}: not reached in {max} presses of Tab (at {})", focused(browser).await?).into())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_teacher_fills_in_and_submits_the_whole_nulmeting_by_keyboard() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    fixtures::nulmeting_deadline(db, edition, "2999-12-31").await?;
    let school = fixtures::school(db, edition, "Sint-Jozefsinstituut", "Aalst").await?;
    let link = server.invite_scoped(Role::SchoolMember, "Tom Toetsenbord", Some(school), None).await?;
    let browser = Browser::start().await?;
    browser.goto(&link).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    browser.goto(&format!("{}/nulmeting", server.url)).await?;
    browser.wait_for("section.aspect-sheet").await?;
    browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);").await?;

    // The skip link comes first and jumps to the content.
    let first = tab_to(&browser, "the skip link", 2, |f| f["text"].as_str().unwrap_or_default().contains("Naar de inhoud")).await?;
    assert_eq!(first["tag"], "a");
    let rubric = rubric::current_rubric();
    let total = rubric.indicator_count();
    for (a, aspect) in rubric.aspects.iter().enumerate() {
        for (i, indicator) in aspect.indicators.iter().enumerate() {
            // Into the indicator's options: Space chooses the first, an arrow the next.
            let id = indicator.id.clone();
            tab_to(&browser, &id, 40, |f| f["type"] == "radio" && f["name"] == id.as_str()).await?;
            keys(&browser, SPACE).await?;
            let level = 1 + (a + i) % 4;
            for _ in 1..level {
                keys(&browser, RIGHT).await?;
            }
            let checked = format!("[data-indicator='{id}'] input[value='{level}']:checked");
            browser.wait_for(&checked).await?;
            if a == 0 && i == 0 {
                // The notes: Enter opens them, the comment is typed, the link checked at the field.
                let summary = tab_to(&browser, "the notes", 3, |f| f["tag"] == "summary").await?;
                assert_eq!(summary["tag"], "summary");
                keys(&browser, ENTER).await?;
                tab_to(&browser, "the comment", 3, |f| f["tag"] == "textarea").await?;
                keys(&browser, "Met de vakgroep besproken").await?;
            }
        }
        // The next aspect by its button; its heading takes the focus.
        if a + 1 < rubric.aspects.len() {
            tab_to(&browser, "the next aspect", 12, |f| f["testid"] == "next-aspect").await?;
            keys(&browser, ENTER).await?;
            let next = rubric.aspects[a + 1].id.key();
            browser.wait_for(&format!("section.aspect-sheet[data-aspect='{next}']")).await?;
            browser.eventually("the focus on the new aspect's heading", || async { Ok((focused(&browser).await?["tag"] == "h2").then_some(())) }).await?;
        }
    }
    browser.wait_for_text("[data-testid=overall-progress]", &format!("{total} van {total}")).await?;
    browser.wait_for("[data-testid=save-status][data-state=saved]").await?;
    tab_to(&browser, "the submit button", 12, |f| f["testid"] == "submit").await?;
    keys(&browser, ENTER).await?;
    browser.wait_for("[data-testid=submitted]").await?;
    let answers: i64 = sqlx::query_scalar(
        "select count(*) from answers a join responses r on r.id = a.response_id join people p on p.id = r.person_id where p.name = 'Tom Toetsenbord'",
    )
    .fetch_one(db)
    .await?;
    assert_eq!(answers, total as i64);
    let comment: String = sqlx::query_scalar("select comment from answers where indicator_id = ?")
        .bind(&rubric.aspects[0].indicators[0].id)
        .fetch_one(db)
        .await?;
    assert_eq!(comment, "Met de vakgroep besproken");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_juror_scores_and_submits_a_sheet_by_keyboard() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    fixtures::demo_edition(&server.state.writer).await?;
    // A juror and a finalist they have no sheet for and no conflict with.
    let (juror, finalist): (i64, i64) = sqlx::query_as(
        "select j.person_id, f.id from jurors j join award_categories c on c.edition_id = j.edition_id \
         join finalists f on f.category_id = c.id join schools s on s.id = f.school_id \
         where (j.company_id is null or s.company_id is null or s.company_id <> j.company_id) \
         and not exists (select 1 from score_sheets ss where ss.finalist_id = f.id and ss.person_id = j.person_id) \
         and not exists (select 1 from conflicts x where x.finalist_id = f.id and x.person_id = j.person_id) \
         order by j.person_id, f.id limit 1",
    )
    .fetch_one(db)
    .await?;
    let browser = server.browser_for(juror).await?;
    browser.goto(&format!("{}/jury/finalists/{finalist}", server.url)).await?;
    browser.wait_for("[data-testid=score-sheet] .criterion-score").await?;
    let criteria: Vec<String> = serde_json::from_value(
        browser.js("return [...document.querySelectorAll('[data-testid=score-sheet] .criterion-score')].map(f => f.dataset.criterion)").await?,
    )?;
    assert!(!criteria.is_empty());
    browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);").await?;
    for (k, c) in criteria.iter().enumerate() {
        let name = format!("score-{c}");
        tab_to(&browser, &name, 80, |f| f["type"] == "radio" && f["name"] == name.as_str()).await?;
        keys(&browser, SPACE).await?;
        for _ in 0..(5 + k % 4) {
            keys(&browser, RIGHT).await?;
        }
        let score = 6 + k % 4;
        browser.wait_for(&format!("#score-{c}-{score}:checked")).await?;
        if k == 0 {
            tab_to(&browser, "the remark", 3, |f| f["id"] == format!("remark-{c}")).await?;
            keys(&browser, "Sterk uitgewerkt").await?;
        }
    }
    browser.wait_for_text("[data-testid=save-status]", "Bewaard").await?;
    let submit = tab_to(&browser, "the submit button", 20, |f| f["testid"] == "submit-sheet").await?;
    assert_eq!(submit["tag"], "button");
    keys(&browser, ENTER).await?;
    browser.wait_for("[data-testid=submitted-notice]").await?;
    let remark: String = sqlx::query_scalar(
        "select sc.remark from scores sc join score_sheets ss on ss.id = sc.sheet_id where ss.finalist_id = ? and ss.person_id = ? and sc.criterion_id = ?",
    )
    .bind(finalist)
    .bind(juror)
    .bind(criteria[0].parse::<i64>()?)
    .fetch_one(db)
    .await?;
    assert_eq!(remark, "Sterk uitgewerkt");
    // Submitted means submitted: no score can be chosen any more, and
    // Shift+Tab goes back up the page to the brand (the focus never gets stuck).
    let open: i64 = serde_json::from_value(browser.js("return document.querySelectorAll('[data-testid=score-sheet] input[type=radio]:not(:disabled)').length").await?)?;
    assert_eq!(open, 0, "a submitted sheet offers no score to change");
    tab_to_with(&browser, SHIFT_TAB, "back to the top", 40, |f| f["tag"] == "a" && f["text"].as_str().is_some_and(|t| t.contains("STEMpact"))).await?;
    browser.close().await
}

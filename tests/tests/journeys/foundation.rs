//! Foundation journeys: the app loads, the language choice survives a
//! reload, an invitation link signs in once and is refused the second time,
//! sign-out ends the session, and the rubric page shows the whole rubric.

use e2e::{Browser, TestResult, TestServer};
use rubric::people::Role;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_loads_in_dutch_by_default() -> TestResult {
    let server = TestServer::start().await?;
    let browser = Browser::start().await?;
    browser.goto(&server.url).await?;
    browser.wait_for_text("[data-testid=landing] h1", "Samen naar sterker STEM-onderwijs").await?;
    assert_eq!(browser.js("return document.documentElement.lang").await?, "nl");
    assert_eq!(browser.text(".who").await?, "Niet aangemeld");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_switch_survives_a_reload() -> TestResult {
    let server = TestServer::start().await?;
    let browser = Browser::start().await?;
    browser.goto(&format!("{}/rubric", server.url)).await?;
    browser.wait_for_text("#aspect-curriculum h2", "Leerplan").await?;
    browser.click("button[data-lang=en]").await?;
    browser.wait_for_text("#aspect-curriculum h2", "Curriculum").await?;
    browser.reload().await?;
    browser.wait_for_text("#aspect-curriculum h2", "Curriculum").await?;
    assert_eq!(browser.js("return document.documentElement.lang").await?, "en");
    assert_eq!(browser.wait_for("button[data-lang=en]").await?.attr("aria-pressed").await?.as_deref(), Some("true"));
    browser.click("button[data-lang=nl]").await?;
    browser.wait_for_text("#aspect-curriculum h2", "Leerplan").await?;
    browser.reload().await?;
    browser.wait_for_text("#aspect-curriculum h2", "Leerplan").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_link_signs_in_once_and_is_refused_after() -> TestResult {
    let server = TestServer::start().await?;
    let link = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let browser = Browser::start().await?;
    browser.goto(&link).await?;
    browser.wait_for_text("[data-testid=who-name]", "Griet Van Damme").await?;
    // A coordinator starts on the dashboard (issue 14).
    browser.wait_for_text("[data-testid=start-page] [data-testid=dashboard] h1", "Overzicht").await?;
    // The token is gone from the address bar.
    let url = browser.client.current_url().await?;
    assert!(!url.as_str().contains('#'), "token left in the address: {url}");
    // Still signed in after a reload (the session cookie, not the link).
    browser.reload().await?;
    browser.wait_for_text("[data-testid=who-name]", "Griet Van Damme").await?;
    // Signing out ends the session, also after a reload.
    browser.click("[data-testid=sign-out]").await?;
    browser.wait_for_text(".who", "Niet aangemeld").await?;
    browser.reload().await?;
    browser.wait_for_text(".who", "Niet aangemeld").await?;
    // The same link a second time is refused with a clear message.
    browser.goto(&link).await?;
    browser.wait_for_text("[data-testid=sign-in-page] .error-box", "al gebruikt").await?;
    assert_eq!(browser.text(".who").await?, "Niet aangemeld");
    browser.close().await?;
    // And through the API: 410 Gone.
    let api = server.api();
    assert_eq!(api.sign_in(&link).await?, reqwest::StatusCode::GONE);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_link_explains_itself() -> TestResult {
    let server = TestServer::start().await?;
    let browser = Browser::start().await?;
    browser.goto(&format!("{}/signin#{}", server.url, "ab".repeat(32))).await?;
    browser.wait_for_text("[data-testid=sign-in-page] .error-box", "niet geldig").await?;
    browser.goto(&format!("{}/signin", server.url)).await?;
    browser.wait_for_text("[data-testid=sign-in-page] .notice", "persoonlijke link").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_rubric_page_lists_every_aspect_and_indicator() -> TestResult {
    let server = TestServer::start().await?;
    let browser = Browser::start().await?;
    browser.goto(&format!("{}/rubric", server.url)).await?;
    browser.wait_for("[data-testid=rubric-page] .indicator").await?;
    // The public page shows the newest version unless another is asked.
    let rubric = rubric::content::rubric(rubric::RubricVersion::LATEST);
    let aspects = browser
        .eventually("seven aspects", || async {
            let all = browser.all("section.aspect").await?;
            Ok((all.len() >= 7).then_some(all))
        })
        .await?;
    assert_eq!(aspects.len(), 7);
    for (section, aspect) in aspects.iter().zip(&rubric.aspects) {
        assert_eq!(section.attr("data-aspect").await?.as_deref(), Some(aspect.id.key()));
        let heading = section.find(fantoccini::Locator::Css("h2")).await?.text().await?;
        assert!(heading.contains(&aspect.name.nl), "{heading} lacks {}", aspect.name.nl);
        let indicators = section.find_all(fantoccini::Locator::Css(".indicator")).await?;
        assert_eq!(indicators.len(), aspect.indicators.len(), "indicators of {}", aspect.id);
        for (el, ind) in indicators.iter().zip(&aspect.indicators) {
            assert_eq!(el.attr("data-indicator").await?.as_deref(), Some(ind.id.as_str()));
            let levels = el.find_all(fantoccini::Locator::Css(".levels li")).await?;
            assert_eq!(levels.len(), 4, "levels of {}", ind.id);
            let text = levels[3].text().await?;
            assert!(text.contains(&ind.levels[3].nl[..20]), "level 4 of {} shows {text}", ind.id);
        }
    }
    browser.close().await
}

//! Journeys across the role apps (issue 13): each kind of person gets their
//! own small app at `/`, and a link into another app's page is a real page
//! load that arrives whole: the coordinator opens the measurements overview
//! and a school's report (the report app) and comes back by the menu;
//! a school member reads the public rubric and goes home again. Every
//! page paints the server's first screen before its app is in.

use e2e::fixtures;
use e2e::{Browser, TestResult, TestServer};
use rubric::people::Role;

/// The app whose bundle the current page runs (`public`, `school`, ...),
/// read from the script the page loaded.
async fn app_of_page(browser: &Browser) -> TestResult<String> {
    let v = browser
        .js(
            "const s = performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
                 .find(p => p.endsWith('_bg.wasm'));
             return s ? s.slice(1, s.indexOf('-')) : null;",
        )
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// Wait until the page runs `app`'s bundle (after a real page load).
async fn wait_for_app(browser: &Browser, app: &str) -> TestResult {
    browser
        .eventually(&format!("the {app} app"), || async {
            let now = app_of_page(browser).await?;
            Ok((now == app).then_some(()))
        })
        .await
}

/// The page's own navigation count: it goes up only with a real page load.
async fn page_loads(browser: &Browser) -> TestResult<i64> {
    let v = browser.js("return history.length;").await?;
    Ok(v.as_i64().unwrap_or(0))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_opens_a_schools_report_in_the_report_app_and_comes_back() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    let school = fixtures::school(db, edition, "Atheneum Brugge", "Brugge").await?;
    fixtures::consensus_profile(db, edition, school, "baseline", |k| (k % 4 + 1) as i64).await?;
    let link = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let browser = Browser::start().await?;

    // Signing in lands on the coordinator's own start page (the edition's
    // dashboard), in their app, signed in by name.
    browser.goto(&link).await?;
    browser.wait_for("[data-testid=start-page] [data-testid=stats]").await?;
    browser.wait_for_text("[data-testid=who-name]", "Griet Van Damme").await?;
    wait_for_app(&browser, "coordinator").await?;

    // The measurements overview is an app of its own: a real page load
    // that arrives whole, still signed in as the coordinator.
    browser.click("nav.main-nav a[href='/coordinator/measurements']").await?;
    browser.wait_for(&format!("tr[data-school='{school}']")).await?;
    wait_for_app(&browser, "measurements").await?;
    assert_eq!(browser.text("[data-testid=who-name]").await?, "Griet Van Damme", "still signed in as the coordinator");

    // The school's report is the report app's: another page load, and the
    // report app accepts the coordinator.
    browser.click(&format!("tr[data-school='{school}'] a[href='/schools/{school}/report']")).await?;
    browser.wait_for_text("[data-testid=report-school]", "Atheneum Brugge").await?;
    browser.wait_for(r#"[data-testid=radar][data-drawn="true"]"#).await?;
    wait_for_app(&browser, "report").await?;
    assert_eq!(browser.text("[data-testid=who-name]").await?, "Griet Van Damme", "still signed in as the coordinator");
    let url = browser.client.current_url().await?;
    assert_eq!(url.path(), format!("/schools/{school}/report"));

    // Back to the dashboard by the menu: the coordinator app again.
    browser.click("nav.main-nav a[href='/coordinator']").await?;
    browser.wait_for("[data-testid=school-status]").await?;
    wait_for_app(&browser, "coordinator").await?;

    // And the browser's back button returns to the report, whole.
    browser.client.back().await?;
    browser.wait_for_text("[data-testid=report-school]", "Atheneum Brugge").await?;
    wait_for_app(&browser, "report").await?;

    // Within one app the router navigates without a page load: the
    // edition page and the people page are both the people app's.
    browser.goto(&format!("{}/coordinator/edition", server.url)).await?;
    browser.wait_for("[data-testid=edition-page]").await?;
    wait_for_app(&browser, "people").await?;
    browser.js("window.stayedInApp = true; return null;").await?;
    browser.click("nav.main-nav a[href='/coordinator/people']").await?;
    browser.wait_for("[data-testid=people]").await?;
    assert_eq!(browser.js("return window.stayedInApp === true;").await?, serde_json::json!(true), "no page load within the app");
    browser.client.back().await?;
    browser.wait_for("[data-testid=edition-page]").await?;
    assert_eq!(browser.js("return window.stayedInApp === true;").await?, serde_json::json!(true), "back within the app is no page load either");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_school_member_reads_the_public_rubric_and_goes_home_to_the_school_app() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    let school = fixtures::school(db, edition, "Campus Zuid", "Kortrijk").await?;
    let link = server.invite_scoped(Role::SchoolMember, "Ann Peeters", Some(school), None).await?;
    let browser = Browser::start().await?;

    browser.goto(&link).await?;
    browser.wait_for_text("[data-testid=start-page] h1", "Ann Peeters").await?;
    browser.wait_for("[data-testid=nulmeting-card]").await?;
    wait_for_app(&browser, "school").await?;
    let before = page_loads(&browser).await?;

    // The rubric is public: its page loads the public app, still signed in.
    browser.click("nav.main-nav a[href='/rubric']").await?;
    browser.wait_for("[data-testid=rubric-page] .indicator").await?;
    wait_for_app(&browser, "public").await?;
    assert_eq!(browser.text("[data-testid=who-name]").await?, "Ann Peeters");
    assert!(page_loads(&browser).await? > before, "a new entry in the history, not a replaced one");

    // Home is the school app's start page again, not the public landing.
    browser.click("a.brand").await?;
    browser.wait_for_text("[data-testid=start-page] h1", "Ann Peeters").await?;
    wait_for_app(&browser, "school").await?;
    assert!(browser.all("[data-testid=landing]").await?.is_empty());

    // Signing out ends on the public landing page.
    browser.click("[data-testid=sign-out]").await?;
    browser.wait_for("[data-testid=landing]").await?;
    wait_for_app(&browser, "public").await?;
    browser.close().await
}

/// The plan is its own app (the teachers filling in the nulmeting do not
/// load the plan editor): the school member's menu link to the plan is a
/// real page load into the plan app, and the menu brings them back to the
/// nulmeting in the school app; the printable version is the plan print
/// app's (a page load there and back); the sponsor company opens the same
/// plan from its list.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_opens_in_its_own_app_from_the_school_app_and_the_companys_list() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    let school = fixtures::school(db, edition, "Campus Zuid", "Kortrijk").await?;
    let company = fixtures::company(db, edition, "Chemie Noord", "Gent").await?;
    fixtures::sponsor(db, school, company).await?;
    let link = server.invite_scoped(Role::SchoolMember, "Ann Peeters", Some(school), None).await?;
    let browser = Browser::start().await?;

    browser.goto(&link).await?;
    browser.wait_for_text("[data-testid=start-page] h1", "Ann Peeters").await?;
    wait_for_app(&browser, "school").await?;

    browser.click(&format!("nav.main-nav a[href='/schools/{school}/plan']")).await?;
    browser.wait_for("[data-testid=plan-page]").await?;
    wait_for_app(&browser, "plan").await?;
    assert_eq!(browser.text("[data-testid=who-name]").await?, "Ann Peeters", "still signed in");
    assert_eq!(browser.client.current_url().await?.path(), format!("/schools/{school}/plan"));

    // The printable version is the plan print app's: there and back are page loads.
    browser.click(&format!("[data-testid=plan-page] a.button[href='/schools/{school}/plan/print']")).await?;
    browser.wait_for("[data-testid=print-budget]").await?;
    wait_for_app(&browser, "planprint").await?;
    assert_eq!(browser.text("[data-testid=who-name]").await?, "Ann Peeters", "still signed in");
    browser.click(&format!("[data-testid=plan-print] a.button[href='/schools/{school}/plan']")).await?;
    browser.wait_for("[data-testid=plan-page]").await?;
    wait_for_app(&browser, "plan").await?;

    browser.click("nav.main-nav a[href='/nulmeting']").await?;
    browser.wait_for(".level-choice").await?;
    wait_for_app(&browser, "school").await?;
    browser.close().await?;

    // The company contact: from their list (the company app) to the plan.
    let link = server.invite_scoped(Role::CompanyMember, "Dirk Janssens", None, Some(company)).await?;
    let browser = Browser::start().await?;
    browser.goto(&link).await?;
    browser.wait_for("[data-testid=plan-card]").await?;
    wait_for_app(&browser, "company").await?;
    browser.click(&format!("[data-testid=plan-card] a.button[href='/schools/{school}/plan']")).await?;
    browser.wait_for("[data-testid=plan-page]").await?;
    wait_for_app(&browser, "plan").await?;
    browser.close().await
}

/// The jury set-up is the award app's, the results (and the chair's page)
/// the judging app's: the coordinator's menu link and the set-up's link to
/// the results are real page loads, and so is the way back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_opens_the_jury_set_up_and_results_in_their_apps_and_comes_back() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    fixtures::school(db, edition, "Atheneum Brugge", "Brugge").await?;
    let link = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let browser = Browser::start().await?;

    browser.goto(&link).await?;
    browser.wait_for("[data-testid=start-page] [data-testid=stats]").await?;
    wait_for_app(&browser, "coordinator").await?;

    browser.click("nav.main-nav a[href='/coordinator/jury']").await?;
    browser.wait_for("[data-testid=jury-setup]").await?;
    wait_for_app(&browser, "award").await?;
    assert_eq!(browser.text("[data-testid=who-name]").await?, "Griet Van Damme", "still signed in");

    browser.click("[data-testid=jury-setup] a[href='/coordinator/jury/results']").await?;
    browser.wait_for("[data-testid=jury-results]").await?;
    wait_for_app(&browser, "judging").await?;
    assert_eq!(browser.client.current_url().await?.path(), "/coordinator/jury/results");

    browser.click("nav.main-nav a[href='/coordinator']").await?;
    browser.wait_for("[data-testid=school-status]").await?;
    wait_for_app(&browser, "coordinator").await?;
    assert_eq!(browser.client.current_url().await?.path(), "/coordinator");
    browser.close().await
}

/// Whether the page asked `GET /api/me` since it loaded.
async fn asked_for_session(browser: &Browser) -> TestResult<bool> {
    let v = browser.js("return performance.getEntriesByType('resource').some(e => new URL(e.name).pathname === '/api/me');").await?;
    Ok(v.as_bool().unwrap_or(false))
}

/// A page paints its first screen before its app is in: the server renders
/// the app's header for the person (their name, their menu, their
/// language) and the page's loading state; the app then takes its place,
/// once, and starts from the session the page came with (no `GET
/// /api/me`). Blocking the wasm shows what paints before it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_paints_its_first_screen_before_its_app_is_in() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    fixtures::edition(db, "STEMpact 2025-2026").await?;
    let link = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let browser = Browser::start().await?;
    browser.goto(&link).await?;
    browser.wait_for("[data-testid=start-page] [data-testid=stats]").await?;
    let schools = format!("{}/coordinator/schools", server.url);

    // Without its wasm the schools page shows the coordinator's header and
    // menu and that the page is loading, in Dutch; not the page itself.
    browser.cdp("Network.enable", serde_json::json!({})).await?;
    browser.cdp("Network.setBlockedURLs", serde_json::json!({ "urls": ["*.wasm"] })).await?;
    browser.goto(&schools).await?;
    browser.wait_for_text("#first-screen [data-testid=who-name]", "Griet Van Damme").await?;
    assert_eq!(browser.all("#first-screen nav.main-nav a[href='/coordinator/matching']").await?.len(), 1, "the coordinator's menu");
    browser.wait_for("#first-screen nav.main-nav a[href='/coordinator/schools'][aria-current=page]").await?;
    assert_eq!(browser.text("#first-screen .loading").await?, "Laden…");
    assert!(browser.all("[data-testid=add]").await?.is_empty(), "the page itself needs its app");
    assert_eq!(browser.js("return document.documentElement.lang;").await?, serde_json::json!("nl"));

    // With it, the app takes the first screen's place: one header, the
    // page whole, and the session was not asked again.
    browser.cdp("Network.setBlockedURLs", serde_json::json!({ "urls": [] })).await?;
    browser.goto(&schools).await?;
    browser.wait_for("[data-testid=add]").await?;
    browser.wait_gone("#first-screen").await?;
    assert_eq!(browser.all("header.site-header").await?.len(), 1, "one header");
    assert_eq!(browser.text("[data-testid=who-name]").await?, "Griet Van Damme");
    assert!(!asked_for_session(&browser).await?, "the app starts from the session the page came with");

    // The language chosen in the app is the first screen's on the next load.
    browser.click("button[data-lang=en]").await?;
    browser.wait_for_text("#main-nav", "Schools").await?;
    browser.cdp("Network.setBlockedURLs", serde_json::json!({ "urls": ["*.wasm"] })).await?;
    browser.goto(&schools).await?;
    browser.wait_for_text("#first-screen .loading", "Loading").await?;
    assert_eq!(browser.js("return document.documentElement.lang;").await?, serde_json::json!("en"));
    browser.cdp("Network.setBlockedURLs", serde_json::json!({ "urls": [] })).await?;

    // Signed out, the first screen says so (and the app agrees without asking).
    browser.goto(&schools).await?;
    browser.wait_for("[data-testid=add]").await?;
    browser.click("[data-testid=sign-out]").await?;
    browser.wait_for("[data-testid=landing]").await?;
    browser.cdp("Network.setBlockedURLs", serde_json::json!({ "urls": ["*.wasm"] })).await?;
    browser.goto(&format!("{}/rubric", server.url)).await?;
    browser.wait_for_text("#first-screen #who", "Not signed in").await?;
    assert!(browser.all("#first-screen [data-testid=who-name]").await?.is_empty());
    browser.cdp("Network.setBlockedURLs", serde_json::json!({ "urls": [] })).await?;
    browser.goto(&format!("{}/rubric", server.url)).await?;
    browser.wait_for("[data-testid=rubric-page] .indicator").await?;
    browser.wait_for_text("#who", "Not signed in").await?;
    assert!(!asked_for_session(&browser).await?, "signed out, as the page said");
    browser.close().await
}

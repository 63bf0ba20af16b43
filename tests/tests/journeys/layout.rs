//! Every role's main pages at phone, tablet and desktop width (issue 14):
//! the page never scrolls sideways, no card pokes out of the box it sits
//! in, and axe-core finds no serious or
//! critical violation. Runs on the demo edition, so the pages carry
//! realistic amounts of text. Each page's axe-core counts are printed
//! (`--nocapture`) so a change can be measured.

use e2e::{fixtures, Browser, TestResult, TestServer};
use rubric::people::Role;

/// A phone (iPhone 12-15), a tablet in portrait, a laptop.
pub const PHONE: u32 = 390;
pub const TABLET: u32 = 768;
pub const DESKTOP: u32 = 1280;

/// Open each path at each width and collect every problem (no early stop,
/// so one run lists them all); fail at the end when there was any.
async fn sweep(browser: Browser, server: &TestServer, who: &str, paths: &[String], widths: &[u32]) -> TestResult {
    let mut problems = Vec::new();
    for &width in widths {
        browser.set_viewport(width, 900).await?;
        for path in paths {
            let label = format!("{who} {path} @{width}");
            browser.goto(&format!("{}{path}", server.url)).await?;
            browser.wait_for("main h1").await?;
            browser.wait_gone("main .loading").await?;
            check_page(&browser, &label, width, &mut problems).await?;
        }
    }
    browser.close().await?;
    verdict(problems)
}

/// The page as it stands: it does not scroll sideways, no box pokes out of
/// its parent, controls are big enough for a finger up to tablet width,
/// and axe-core finds nothing serious. What fails is added to `problems`.
async fn check_page(browser: &Browser, label: &str, width: u32, problems: &mut Vec<String>) -> TestResult {
    if let Err(e) = browser.no_horizontal_scroll(label).await {
        problems.push(e.to_string());
    }
    if let Err(e) = browser.boxes_inside(label).await {
        problems.push(e.to_string());
    }
    if width <= TABLET {
        if let Err(e) = browser.touch_targets(label).await {
            problems.push(e.to_string());
        }
    }
    let report = browser.axe().await?;
    println!("axe {label}: serious+critical {}, all {}", report.serious(), report.total());
    if report.total() > report.serious() {
        println!("{}", report.describe(false));
    }
    if report.serious() > 0 {
        problems.push(format!("axe-core on {label}:\n{}", report.describe(true)));
    }
    Ok(())
}

/// Fail with every problem found, or pass when there is none.
fn verdict(problems: Vec<String>) -> TestResult {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{} problem(s):\n{}", problems.len(), problems.join("\n")).into())
    }
}

/// The demo edition and a signed-in browser for the person `person_sql`
/// finds (its first column: the person id).
async fn signed_in(server: &TestServer, person_sql: &str) -> TestResult<Browser> {
    let person: i64 = sqlx::query_scalar(person_sql).fetch_one(&server.state.db).await?;
    server.browser_for(person).await
}

/// A demo school that has a sponsor, a plan and a baseline.
const SCHOOL_SQL: &str = "select s.id from schools s join plans p on p.school_id = s.id \
    where s.company_id is not null order by s.id limit 1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn visitor_pages_fit_phone_and_desktop_and_pass_axe() -> TestResult {
    let server = TestServer::start().await?;
    let browser = Browser::start().await?;
    let paths = ["/".to_string(), "/rubric".into(), "/signin".into(), "/no-such-page".into()];
    sweep(browser, &server, "visitor", &paths, &[PHONE, TABLET, DESKTOP]).await
}

/// A server with the demo edition, its school with a sponsor, a plan and a
/// baseline, and a browser signed in as that school's STEM coordinator.
async fn school_coordinator() -> TestResult<(TestServer, i64, Browser)> {
    let server = TestServer::start().await?;
    fixtures::demo_edition(&server.state.writer).await?;
    let school: i64 = sqlx::query_scalar(SCHOOL_SQL).fetch_one(&server.state.db).await?;
    let browser = signed_in(
        &server,
        &format!("select id from people where school_id = {school} and school_function = 'stem-coordinator' limit 1"),
    )
    .await?;
    Ok((server, school, browser))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn school_team_pages_fit_phone_and_desktop_and_pass_axe() -> TestResult {
    let (server, school, browser) = school_coordinator().await?;
    let paths: Vec<String> = ["/", "/nulmeting", "/colleagues", "/award"]
        .iter()
        .map(|p| p.to_string())
        .chain(["team", "report", "plan", "plan/print"].iter().map(|p| format!("/schools/{school}/{p}")))
        .chain([format!("/dossier/{school}")])
        .collect();
    sweep(browser, &server, "school", &paths, &[PHONE, TABLET, DESKTOP]).await
}

/// The plan's open goal form and action form on a phone and a tablet: the
/// forms are where a phone user types the most.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plans_goal_and_action_forms_fit_a_phone() -> TestResult {
    let (server, school, browser) = school_coordinator().await?;
    let mut problems = Vec::new();
    for width in [PHONE, TABLET] {
        browser.set_viewport(width, 900).await?;
        browser.goto(&format!("{}/schools/{school}/plan", server.url)).await?;
        browser.wait_for("[data-testid=plan-page]").await?;
        browser.click("[data-testid=new-goal]").await?;
        browser.wait_for("[data-testid=goal-form]").await?;
        check_page(&browser, &format!("the new goal form @{width}"), width, &mut problems).await?;
        browser.click("[data-testid=goal-form] .form-buttons button.secondary").await?;
        browser.wait_gone("[data-testid=goal-form]").await?;
        browser.click("[data-testid=add-action]").await?;
        browser.wait_for("[data-testid=action-form]").await?;
        check_page(&browser, &format!("the new action form @{width}"), width, &mut problems).await?;
        browser.click("[data-testid=action-form] .form-buttons button.secondary").await?;
        browser.wait_gone("[data-testid=action-form]").await?;
    }
    browser.close().await?;
    verdict(problems)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn company_pages_fit_phone_and_desktop_and_pass_axe() -> TestResult {
    let server = TestServer::start().await?;
    fixtures::demo_edition(&server.state.writer).await?;
    let school: i64 = sqlx::query_scalar(SCHOOL_SQL).fetch_one(&server.state.db).await?;
    let browser = signed_in(
        &server,
        &format!(
            "select p.id from people p join schools s on s.company_id = p.company_id \
             where s.id = {school} and p.role = 'company-member' limit 1"
        ),
    )
    .await?;
    let paths = ["/".to_string(), "/company".into(), format!("/schools/{school}/plan"), format!("/schools/{school}/report"), format!("/dossier/{school}")];
    sweep(browser, &server, "company", &paths, &[PHONE, TABLET, DESKTOP]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coordinator_pages_fit_phone_and_desktop_and_pass_axe() -> TestResult {
    let server = TestServer::start().await?;
    fixtures::demo_edition(&server.state.writer).await?;
    let link = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let browser = Browser::start().await?;
    browser.goto(&link).await?;
    browser.wait_for("[data-testid=who-name]").await?;
    let paths: Vec<String> = [
        "/",
        "/coordinator",
        "/coordinator/edition",
        "/coordinator/schools",
        "/coordinator/companies",
        "/coordinator/matching",
        "/coordinator/networks",
        "/coordinator/people",
        "/coordinator/measurements",
        "/coordinator/jury",
        "/coordinator/jury/results",
        "/coordinator/jury/results/print",
    ]
    .iter()
    .map(|p| p.to_string())
    .collect();
    sweep(browser, &server, "coordinator", &paths, &[PHONE, TABLET, DESKTOP]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn juror_pages_fit_phone_and_desktop_and_pass_axe() -> TestResult {
    let server = TestServer::start().await?;
    fixtures::demo_edition(&server.state.writer).await?;
    let (juror, finalist): (i64, i64) = sqlx::query_as(
        "select j.person_id, f.id from jurors j join award_categories c on c.edition_id = j.edition_id \
         join finalists f on f.category_id = c.id join schools s on s.id = f.school_id \
         where j.company_id is null or s.company_id is null or s.company_id <> j.company_id \
         order by j.person_id, f.id limit 1",
    )
    .fetch_one(&server.state.db)
    .await?;
    let browser = server.browser_for(juror).await?;
    let paths = ["/".to_string(), "/jury".into(), format!("/jury/finalists/{finalist}"), "/award".into()];
    sweep(browser, &server, "juror", &paths, &[PHONE, TABLET, DESKTOP]).await?;
    // The demo's chair reads the whole results on their own page.
    let browser = signed_in(&server, "select chair_id from jury_settings where chair_id is not null limit 1").await?;
    sweep(browser, &server, "chair", &["/jury/chair".to_string()], &[PHONE, DESKTOP]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_a_phone_the_header_is_one_row_and_its_menu_unfolds() -> TestResult {
    let server = TestServer::start().await?;
    let link = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let browser = Browser::start().await?;
    browser.set_viewport(PHONE, 800).await?;
    browser.goto(&link).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    // Folded: the links and the name are hidden; brand, menu button and language switch fit.
    let toggle = browser.wait_for("[data-testid=nav-toggle]").await?;
    assert_eq!(toggle.attr("aria-expanded").await?.as_deref(), Some("false"));
    assert!(!browser.wait_for(".main-nav").await?.is_displayed().await?);
    let right = browser.js("return document.querySelector('button[data-lang=en]').getBoundingClientRect().right").await?;
    let width = browser.js("return document.documentElement.clientWidth").await?;
    assert!(right.as_f64() <= width.as_f64(), "the EN button ends at {right} in a {width} px page");
    let header = browser.js("return document.querySelector('.site-header').getBoundingClientRect().height").await?;
    assert!(header.as_f64().unwrap_or(999.0) < 90.0, "the folded header is one row, not {header} px");
    // The language switch works from a phone.
    browser.click("button[data-lang=en]").await?;
    browser.wait_for_text("[data-testid=nav-toggle]", "Menu").await?;
    browser.wait_for_text("[data-testid=dashboard] h1", "Dashboard").await?;
    // Unfolded: every link and who is signed in, each link at least 44 px tall.
    browser.click("[data-testid=nav-toggle]").await?;
    browser.wait_for("[data-testid=nav-toggle][aria-expanded=true]").await?;
    assert!(browser.wait_for(".main-nav").await?.is_displayed().await?);
    assert!(browser.wait_for("[data-testid=who-name]").await?.is_displayed().await?);
    browser.touch_targets("the unfolded menu").await?;
    // Following a link folds the menu again and marks the page as current.
    browser.click(".main-nav a[href='/coordinator/people']").await?;
    browser.wait_for("[data-testid=nav-toggle][aria-expanded=false]").await?;
    browser.wait_for("[data-testid=people-page]").await?;
    assert_eq!(browser.wait_for(".main-nav a[href='/coordinator/people']").await?.attr("aria-current").await?.as_deref(), Some("page"));
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_role_lands_on_what_to_do_next() -> TestResult {
    let server = TestServer::start().await?;
    fixtures::demo_edition(&server.state.writer).await?;
    let school: i64 = sqlx::query_scalar(SCHOOL_SQL).fetch_one(&server.state.db).await?;
    let db = server.state.writer.pool();

    // The company contact: its schools, each plan's status, open and unread comments linking to the plan.
    let browser = signed_in(
        &server,
        &format!(
            "select p.id from people p join schools s on s.company_id = p.company_id \
             where s.id = {school} and p.role = 'company-member' limit 1"
        ),
    )
    .await?;
    browser.goto(&server.url).await?;
    let names: Vec<String> = sqlx::query_scalar(&format!(
        "select name from schools where company_id = (select company_id from schools where id = {school}) order by name"
    ))
    .fetch_all(db)
    .await?;
    browser.wait_for("[data-testid=start-page] [data-testid=company-home]").await?;
    browser.eventually("a plan card per school", || async { Ok((browser.all("[data-testid=plan-card]").await?.len() == names.len()).then_some(())) }).await?;
    for name in &names {
        browser.wait_for_text("[data-testid=start-page]", name).await?;
    }
    browser.wait_for_text(&format!("[data-testid=plan-card][data-school-id='{school}']"), "ingediend op").await?;
    let open = browser.wait_for(&format!("[data-testid=plan-card][data-school-id='{school}'] a.count")).await?;
    assert_eq!(open.attr("href").await?.as_deref(), Some(format!("/schools/{school}/plan").as_str()));
    browser.close().await?;

    // The coordinator: the edition's progress at a glance.
    let link = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let browser = Browser::start().await?;
    browser.goto(&link).await?;
    browser.wait_for("[data-testid=start-page] [data-testid=dashboard]").await?;
    browser.wait_for_text("[data-testid=start-page] [data-testid=stat-plan]", "/ 20").await?;
    browser.wait_for("[data-testid=start-page] [data-testid=timeline]").await?;
    browser.close().await?;

    // A juror: what is left to score.
    let juror: i64 = sqlx::query_scalar("select person_id from jurors order by person_id limit 1").fetch_one(db).await?;
    let browser = server.browser_for(juror).await?;
    browser.goto(&server.url).await?;
    browser.wait_for_text("[data-testid=start-page] [data-testid=jury-progress]", "/").await?;
    assert!(!browser.all("[data-testid=start-page] .finalist-list a").await?.is_empty());
    browser.close().await?;

    // A school that is not a finalist: no refused request on its start page.
    let member: i64 = sqlx::query_scalar(
        "select p.id from people p where p.role = 'school-member' and p.school_id not in \
         (select school_id from finalists) order by p.id limit 1",
    )
    .fetch_one(db)
    .await?;
    let browser = server.browser_for(member).await?;
    browser.goto(&server.url).await?;
    browser.wait_for("[data-testid=start-page] [data-testid=nulmeting-card]").await?;
    browser.wait_for("[data-testid=start-page] [data-testid=plan-card]").await?;
    let refused = browser
        .eventually("the award check to have answered", || async {
            let js = "const e = performance.getEntriesByType('resource').filter(r => r.name.endsWith('/api/jury/published')); \
                      return e.length ? e.map(r => r.responseStatus) : null;";
            Ok(browser.js(js).await?.as_array().cloned())
        })
        .await?;
    assert!(refused.iter().all(|s| s.as_u64() == Some(200)), "/api/jury/published answered {refused:?}");
    browser.close().await
}

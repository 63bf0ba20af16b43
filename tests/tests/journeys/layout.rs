//! Every role's main pages at phone, tablet and desktop width (issue 14):
//! the page never scrolls sideways and axe-core finds no serious or
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
            if let Err(e) = browser.no_horizontal_scroll(&label).await {
                problems.push(e.to_string());
            }
            if width <= TABLET {
                if let Err(e) = browser.touch_targets(&label).await {
                    problems.push(e.to_string());
                }
            }
            let report = browser.axe().await?;
            println!("axe {label}: serious+critical {}, all {}", report.serious(), report.total());
            if report.serious() > 0 {
                problems.push(format!("axe-core on {label}:\n{}", report.describe(true)));
            }
        }
    }
    browser.close().await?;
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
    let token = fixtures::token_for(&server.state.db, person).await?;
    let browser = Browser::start().await?;
    browser.goto(&server::sign_in_link(&server.url, &token)).await?;
    browser.wait_for("[data-testid=who-name]").await?;
    Ok(browser)
}

/// A demo school that has a sponsor, a plan and a baseline.
const SCHOOL_SQL: &str = "select s.id from schools s join plans p on p.school_id = s.id \
    where s.company_id is not null order by s.id limit 1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn visitor_pages_fit_phone_and_desktop_and_pass_axe() -> TestResult {
    let server = TestServer::start().await?;
    let browser = Browser::start().await?;
    let paths = ["/".to_string(), "/rubric".into(), "/signin".into()];
    sweep(browser, &server, "visitor", &paths, &[PHONE, TABLET, DESKTOP]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn school_team_pages_fit_phone_and_desktop_and_pass_axe() -> TestResult {
    let server = TestServer::start().await?;
    fixtures::demo_edition(&server.state.db).await?;
    let school: i64 = sqlx::query_scalar(SCHOOL_SQL).fetch_one(&server.state.db).await?;
    let browser = signed_in(
        &server,
        &format!("select id from people where school_id = {school} and school_function = 'stem-coordinator' limit 1"),
    )
    .await?;
    let paths: Vec<String> = ["/", "/nulmeting", "/colleagues", "/award"]
        .iter()
        .map(|p| p.to_string())
        .chain(["team", "report", "plan", "plan/print"].iter().map(|p| format!("/schools/{school}/{p}")))
        .collect();
    sweep(browser, &server, "school", &paths, &[PHONE, TABLET, DESKTOP]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn company_pages_fit_phone_and_desktop_and_pass_axe() -> TestResult {
    let server = TestServer::start().await?;
    fixtures::demo_edition(&server.state.db).await?;
    let school: i64 = sqlx::query_scalar(SCHOOL_SQL).fetch_one(&server.state.db).await?;
    let browser = signed_in(
        &server,
        &format!(
            "select p.id from people p join schools s on s.company_id = p.company_id \
             where s.id = {school} and p.role = 'company-member' limit 1"
        ),
    )
    .await?;
    let paths = ["/".to_string(), "/company".into(), format!("/schools/{school}/plan"), format!("/schools/{school}/report")];
    sweep(browser, &server, "company", &paths, &[PHONE, TABLET, DESKTOP]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn coordinator_pages_fit_phone_and_desktop_and_pass_axe() -> TestResult {
    let server = TestServer::start().await?;
    fixtures::demo_edition(&server.state.db).await?;
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
    ]
    .iter()
    .map(|p| p.to_string())
    .collect();
    sweep(browser, &server, "coordinator", &paths, &[PHONE, TABLET, DESKTOP]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn juror_pages_fit_phone_and_desktop_and_pass_axe() -> TestResult {
    let server = TestServer::start().await?;
    fixtures::demo_edition(&server.state.db).await?;
    let (juror, finalist): (i64, i64) = sqlx::query_as(
        "select j.person_id, f.id from jurors j join award_categories c on c.edition_id = j.edition_id \
         join finalists f on f.category_id = c.id join schools s on s.id = f.school_id \
         where j.company_id is null or s.company_id is null or s.company_id <> j.company_id \
         order by j.person_id, f.id limit 1",
    )
    .fetch_one(&server.state.db)
    .await?;
    let browser = signed_in(&server, &format!("select {juror}")).await?;
    let paths = ["/".to_string(), "/jury".into(), format!("/jury/finalists/{finalist}"), "/award".into()];
    sweep(browser, &server, "juror", &paths, &[PHONE, TABLET, DESKTOP]).await
}

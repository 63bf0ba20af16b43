//! Regional plan journey (issue 17): a regional coordinator builds the
//! region's plan with a learning route (a wrong route refused at the field)
//! and an action owned by the vmbo school with two partner companies,
//! watches the cofinancing panel cross 10 % while typing the second
//! company's contribution, finds everything again after a reload, prints
//! the subsidy dossier (portrait, plan, budget with cofinancing, partners)
//! and downloads the budget CSV; the coordinator of another region gets
//! 403 and the refusal on the page.

use e2e::{pdf_pages, Browser, TestResult, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

struct World {
    server: TestServer,
    region: i64,
    vmbo: i64,
    mbo: i64,
    metaal: i64,
    installatie: i64,
    coordinator: i64,
    other_coordinator: i64,
}

async fn insert(server: &TestServer, sql: &str, binds: Vec<Value>) -> TestResult<i64> {
    let mut q = sqlx::query_scalar::<_, i64>(sql);
    for b in binds {
        q = match b {
            Value::Number(n) => q.bind(n.as_i64().unwrap_or_default()),
            Value::String(s) => q.bind(s.clone()),
            _ => q.bind(None::<i64>),
        };
    }
    Ok(q.fetch_one(server.state.writer.pool()).await?)
}

async fn world() -> TestResult<World> {
    let server = TestServer::start().await?;
    let s = &server;
    let edition = e2e::fixtures::edition(s.state.writer.pool(), "STO 2026-2027").await?;
    let region = e2e::fixtures::region(s.state.writer.pool(), edition, "Noordoost-Brabant").await?;
    let other = e2e::fixtures::region(s.state.writer.pool(), edition, "Twente").await?;
    let vmbo = e2e::fixtures::school(s.state.writer.pool(), edition, "Vmbo Het Hooghuis", "Oss").await?;
    let mbo = e2e::fixtures::school(s.state.writer.pool(), edition, "Koning Willem I College", "Den Bosch").await?;
    for (school, level) in [(vmbo, "vmbo"), (mbo, "mbo")] {
        insert(s, "insert into region_schools (school_id, region_id, level) values (?, ?, ?) returning school_id", vec![json!(school), json!(region), json!(level)]).await?;
    }
    let metaal = e2e::fixtures::company(s.state.writer.pool(), edition, "Metaalunie Oss", "Oss").await?;
    let installatie = e2e::fixtures::company(s.state.writer.pool(), edition, "Installatiebedrijf Van Dijk", "Uden").await?;
    for company in [metaal, installatie] {
        insert(s, "insert into region_companies (company_id, region_id) values (?, ?) returning company_id", vec![json!(company), json!(region)]).await?;
    }
    insert(s, "insert into region_partners (region_id, name, kind, created_at) values (?, 'RTC Noordoost-Brabant', 'rtc', 0) returning id", vec![json!(region)]).await?;
    insert(s, "insert into region_facilities (region_id, kind, name, note) values (?, 'facility', 'Techniekhuis Oss', 'Gedeelde werkplaats') returning id", vec![json!(region)]).await?;
    let coordinator = e2e::fixtures::regional_coordinator(s.state.writer.pool(), region, "Anja Regio").await?;
    let other_coordinator = e2e::fixtures::regional_coordinator(s.state.writer.pool(), other, "Bram Twente").await?;
    Ok(World { server, region, vmbo, mbo, metaal, installatie, coordinator, other_coordinator })
}

impl World {
    fn url(&self, path: &str) -> String {
        format!("{}/region/{}/{path}", self.server.url, self.region)
    }

    /// An API client signed in as `person`.
    async fn api_as(&self, person: i64) -> TestResult<e2e::ApiClient> {
        let api = self.server.api();
        api.sign_in(&self.server.link_for(person).await?).await?;
        Ok(api)
    }
}

async fn share(browser: &Browser) -> TestResult<(String, String)> {
    let panel = browser.wait_for("[data-testid=cofinancing]").await?;
    let met = panel.attr("data-met").await?.unwrap_or_default();
    let text = browser.text("[data-testid=cofinancing]").await?;
    Ok((met, text))
}

async fn wait_share(browser: &Browser, met: &str, text: &str) -> TestResult<String> {
    browser
        .eventually(&format!("cofinancing {met} {text}"), || async {
            let (m, t) = share(browser).await?;
            Ok((m == met && t.contains(text)).then_some(t))
        })
        .await
}

#[tokio::test]
async fn a_regional_coordinator_builds_a_plan_with_two_companies_crosses_ten_percent_and_prints_the_dossier() -> TestResult {
    let w = world().await?;
    let browser = w.server.browser_for(w.coordinator).await?;
    browser.goto(&w.url("plan")).await?;
    browser.wait_for("[data-testid=no-regional-goals]").await?;

    // A learning route from the vmbo school to itself is refused at the field.
    browser.press("[data-testid=new-learning-route]").await?;
    browser.fill("[data-testid=goal-title]", "Doorlopende leerroute metaal vmbo-mbo").await?;
    browser.set_value("[data-testid=goal-sending-school-id]", &w.vmbo.to_string(), "change").await?;
    browser.set_value("[data-testid=goal-receiving-school-id]", &w.vmbo.to_string(), "change").await?;
    browser.press("[data-testid=save-goal]").await?;
    browser.wait_for_text("[data-testid=error-goal-receiving-school-id]", "twee verschillende scholen").await?;
    browser.set_value("[data-testid=goal-receiving-school-id]", &w.mbo.to_string(), "change").await?;
    browser.press("[data-testid=save-goal]").await?;
    let route = browser.wait_for_text("[class=route-badge]", "Koning Willem I College").await?;
    assert!(route.contains("Vmbo Het Hooghuis → Koning Willem I College"), "{route}");
    let goal_id: i64 = sqlx::query_scalar("select id from regional_goals").fetch_one(&w.server.state.db).await?;

    // An action owned by the vmbo school, € 10.000, Metaalunie gives € 600.
    browser.press(&format!("[data-testid=new-action-{goal_id}]")).await?;
    browser.fill("[data-testid=action-description]", "Gezamenlijk praktijklokaal metaal").await?;
    browser.set_value("[data-testid=action-owner]", &format!("school:{}", w.vmbo), "change").await?;
    browser.fill("[data-testid=action-budget]", "10.000").await?;
    browser.press("[data-testid=add-contribution]").await?;
    browser.set_value("[data-testid=contribution-0-company]", &w.metaal.to_string(), "change").await?;
    browser.fill("[data-testid=contribution-0-money]", "600").await?;
    wait_share(&browser, "false", "6,0 %").await?;
    browser.press("[data-testid=save-action]").await?;
    browser.wait_gone("[data-testid=regional-action-form]").await?;
    let below = wait_share(&browser, "false", "6,0 %").await?;
    assert!(below.contains("Onder de drempel"), "{below}");
    assert!(browser.text("[data-testid=cofinancing-missing]").await?.contains("€ 400,00"));

    // The second company's contribution in kind: the panel crosses 10 % while typing.
    let action_id: i64 = sqlx::query_scalar("select id from regional_actions").fetch_one(&w.server.state.db).await?;
    browser.press(&format!("[data-testid=edit-action-{action_id}]")).await?;
    browser.press("[data-testid=add-contribution]").await?;
    browser.set_value("[data-testid=contribution-1-company]", &w.installatie.to_string(), "change").await?;
    browser.fill("[data-testid=contribution-1-in-kind]", "399,99").await?;
    wait_share(&browser, "false", "9,9 %").await?;
    browser.fill("[data-testid=contribution-1-in-kind]", "400").await?;
    let crossed = wait_share(&browser, "true", "10,0 %").await?;
    assert!(crossed.contains("Drempel gehaald"), "{crossed}");
    browser.wait_for("[data-testid=cofinancing-preview]").await?;
    // In kind needs to say what it is.
    browser.press("[data-testid=save-action]").await?;
    browser.wait_for_text("[data-testid=error-contribution-1-what]", "in natura").await?;
    browser.fill("[data-testid=contribution-1-what]", "Lasapparatuur en begeleiding").await?;
    browser.press("[data-testid=save-action]").await?;
    browser.wait_gone("[data-testid=regional-action-form]").await?;
    wait_share(&browser, "true", "10,0 %").await?;
    let shares = browser.text("[data-testid=company-shares]").await?;
    assert!(shares.contains("Metaalunie Oss") && shares.contains("Installatiebedrijf Van Dijk"), "{shares}");

    // An action being typed survives a reload, open as it was left; cancelling ends it.
    browser.press(&format!("[data-testid=new-action-{goal_id}]")).await?;
    browser.fill("[data-testid=action-description]", "Gastlessen lassen door Metaalunie").await?;
    browser.fill("[data-testid=action-budget]", "1.250").await?;
    browser.eventually("the typed action kept on the device", || async {
        Ok(browser.js("return Object.keys(localStorage).filter(k => k.startsWith('stempact.regional-plan.')).length").await?.as_u64().filter(|&n| n == 1))
    }).await?;
    browser.reload().await?;
    browser.wait_for("[data-testid=regional-action-form]").await?;
    let typed = browser.js("return [document.querySelector('[data-testid=action-description]').value, document.querySelector('[data-testid=action-budget]').value]").await?;
    assert_eq!(typed, serde_json::json!(["Gastlessen lassen door Metaalunie", "1.250"]), "the form comes back as typed");
    browser.press("[data-testid=regional-action-form] .form-buttons .button.secondary").await?;
    browser.wait_gone("[data-testid=regional-action-form]").await?;
    browser.reload().await?;
    wait_share(&browser, "true", "10,0 %").await?;
    assert!(browser.all("[data-testid=regional-action-form]").await?.is_empty(), "a cancelled form does not come back");
    let kept = browser.js("return Object.keys(localStorage).filter(k => k.startsWith('stempact.regional-plan.')).length").await?;
    assert_eq!(kept, serde_json::json!(0), "nothing kept after cancelling");
    let actions: i64 = sqlx::query_scalar("select count(*) from regional_actions").fetch_one(&w.server.state.db).await?;
    assert_eq!(actions, 1, "the draft was never saved");

    // Nothing is lost on reload.
    browser.reload().await?;
    wait_share(&browser, "true", "10,0 %").await?;
    browser.wait_for_text(&format!("[data-testid=regional-action-{action_id}]"), "Lasapparatuur en begeleiding").await?;
    // Usable on a phone: no sideways scroll at 390 px, big enough targets, no serious axe finding.
    browser.set_viewport(390, 844).await?;
    browser.no_horizontal_scroll("regional plan at 390 px").await?;
    browser.touch_targets("regional plan at 390 px").await?;
    browser.axe_check("regional plan").await?;
    browser.set_viewport(1280, 900).await?;

    // The dossier: portrait, plan, budget with cofinancing, partners; A4.
    browser.press("a[href$='/dossier']").await?;
    browser.wait_for("[data-testid=region-dossier]").await?;
    let portrait = browser.text("[data-testid=dossier-portrait]").await?;
    assert!(portrait.contains("Regioportret") && portrait.contains("Vmbo Het Hooghuis") && portrait.contains("vmbo") && portrait.contains("Techniekhuis Oss"), "{portrait}");
    let plan = browser.text("[data-testid=dossier-plan]").await?;
    assert!(plan.contains("Doorlopende leerroute metaal vmbo-mbo") && plan.contains("Vmbo Het Hooghuis → Koning Willem I College"), "{plan}");
    assert!(plan.contains("Gezamenlijk praktijklokaal metaal"), "{plan}");
    let budget = browser.text("[data-testid=dossier-budget]").await?;
    assert!(budget.contains("€ 10.000,00") && budget.contains("€ 1.000,00"), "{budget}");
    let verdict = browser.text("[data-testid=dossier-share]").await?;
    assert!(verdict.contains("10,0 %") && verdict.contains("Drempel gehaald"), "{verdict}");
    let partners = browser.text("[data-testid=dossier-partners]").await?;
    assert!(partners.contains("Metaalunie Oss") && partners.contains("Installatiebedrijf Van Dijk") && partners.contains("RTC Noordoost-Brabant"), "{partners}");
    let pdf = browser.pdf().await?;
    assert!(pdf_pages(&pdf) >= 1, "the dossier prints");
    // On a phone its tables scroll sideways in their own boxes, reachable by keyboard.
    browser.set_viewport(390, 844).await?;
    browser.no_horizontal_scroll("regional dossier at 390 px").await?;
    let boxes = browser.js("return [...document.querySelectorAll('[data-testid=region-dossier] .table-scroll')].map(b => [b.tabIndex, b.getAttribute('role'), !!b.getAttribute('aria-label'), b.scrollWidth > b.clientWidth])").await?;
    let boxes = boxes.as_array().cloned().unwrap_or_default();
    let tables = browser.js("return document.querySelectorAll('[data-testid=region-dossier] table').length").await?;
    assert!(boxes.len() >= 3 && tables == serde_json::json!(boxes.len()), "every table of the dossier in a scroll box: {tables} tables, {boxes:?}");
    assert!(boxes.iter().all(|b| b[0] == 0 && b[1] == "region" && b[2] == true), "{boxes:?}");
    assert!(boxes.iter().any(|b| b[3] == true), "a wide table scrolls in its box at 390 px: {boxes:?}");
    browser.axe_check("regional dossier at 390 px").await?;
    browser.set_viewport(1280, 900).await?;

    // The budget CSV as the coordinator downloads it.
    let href = browser.wait_for("[data-testid=region-dossier] a[download]").await?.attr("href").await?.unwrap_or_default();
    assert!(href.ends_with("/plan/budget.csv"), "{href}");
    let api = w.api_as(w.coordinator).await?;
    let csv = api.http.get(format!("{}{href}", w.server.url)).send().await?;
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await?;
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("Gezamenlijk praktijklokaal metaal;Vmbo Het Hooghuis;10000,00;600,00;0,00;0,00;400,00;1000,00"), "{text}");
    assert!(text.contains("Drempel gehaald;ja"), "{text}");
    browser.close().await?;

    // The coordinator of another region: 403 from the API, the refusal on the page.
    let other = w.api_as(w.other_coordinator).await?;
    let (status, _) = other.get(&format!("/regions/{}/plan", w.region)).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let browser = w.server.browser_for(w.other_coordinator).await?;
    browser.goto(&w.url("plan")).await?;
    browser.wait_for("[data-testid=regional-plan-refused]").await?;
    browser.close().await?;
    Ok(())
}

//! Regions (issue 17) in headless Chromium: the programme coordinator
//! creates a region in the region app, chooses its schools with their
//! level and invites a regional coordinator; that coordinator signs in
//! (their `/` is the region app), imports pupil numbers whose bad row is
//! refused with its reason and nothing saved, fixes the file, and sees the
//! portrait's table and chart, also after a reload. A coordinator of
//! another region gets 403 on it, through the API and in the browser.

use e2e::{fixtures, Browser, TestResult, TestServer};
use fantoccini::Locator;
use reqwest::{Method, StatusCode};
use rubric::people::Role;
use serde_json::json;

async fn sign_in(b: &Browser, link: &str, name: &str) -> TestResult {
    b.goto(link).await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        if let Ok(el) = b.client.find(Locator::Css("[data-testid=who-name]")).await {
            if el.text().await.is_ok_and(|t| t.contains(name)) {
                return Ok(());
            }
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("{name} was not signed in after a minute").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Save a screenshot when `STEMPACT_SHOTS` names a folder.
async fn shot(b: &Browser, name: &str) -> TestResult {
    if let Some(dir) = std::env::var_os("STEMPACT_SHOTS") {
        let png = b.client.screenshot().await?;
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png)?;
    }
    Ok(())
}

/// Set a field's value and fire its input event, as typing would.
async fn type_into(b: &Browser, css: &str, value: &str) -> TestResult {
    b.wait_for(css).await?;
    let script = format!("const el = document.querySelector({css:?}); el.value = {value:?}; el.dispatchEvent(new Event('input', {{ bubbles: true }}));");
    b.js(&script).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_regional_coordinator_imports_pupil_numbers_and_sees_the_portrait() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool().clone();
    let edition = fixtures::edition(&db, "Editie Sterk Techniek").await?;
    for (name, town) in [("Vechtdal College", "Hardenberg"), ("Techniek Campus", "Almelo"), ("ROC Twente", "Hengelo"), ("Zuiderschool", "Breda")] {
        fixtures::school(&db, edition, name, town).await?;
    }
    let link = server.invite(Role::Coordinator, "Lotte Verbruggen").await?;
    let coord = Browser::start().await?;
    sign_in(&coord, &link, "Lotte Verbruggen").await?;

    // The coordinator opens the region app (a real page load) and creates a region.
    coord.goto(&format!("{}/region", server.url)).await?;
    if coord.wait_for("[data-testid=no-regions]").await.is_err() {
        let page = coord.js("return location.href + ' | ' + document.body.innerText").await?;
        return Err(format!("the region app did not show its empty state: {page}").into());
    }
    type_into(&coord, "#region-name", "Twente Noordoost").await?;
    coord.click("form.panel button[type=submit]").await?;
    coord.wait_for_text("[data-testid=regions]", "Twente Noordoost").await?;
    coord.click("[data-testid=regions] a").await?;
    coord.wait_for("[data-testid=region-page]").await?;
    // Three schools, with their level.
    coord.click("[data-testid=edit-members]").await?;
    coord.wait_for("[data-testid=members-editor] input[type=checkbox]").await?;
    // The edition has no companies yet: the editor says so.
    coord.wait_for_text("[data-testid=members-editor]", "Deze editie heeft nog geen bedrijven.").await?;
    for name in ["Vechtdal College", "Techniek Campus", "ROC Twente"] {
        let script = format!("for (const l of document.querySelectorAll('[data-testid=members-editor] label')) {{ if (l.textContent.includes({name:?})) l.querySelector('input').click(); }}");
        coord.js(&script).await?;
    }
    coord.eventually("three level choices", || async {
        let n = coord.all("[data-testid=members-editor] select").await?.len();
        Ok((n == 3).then_some(()))
    }).await?;
    coord.wait_for("[data-testid=members-editor] select[aria-label*='ROC Twente']").await?.select_by_value("mbo").await?;
    // Meanwhile another coordinator archives one of the schools: the save
    // is refused, and the page says why in Dutch at the members.
    sqlx::query("update schools set archived_at = '2026-12-05T09:00:00Z' where name = 'ROC Twente'").execute(&db).await?;
    coord.click("[data-testid=members-editor] button[type=submit]").await?;
    let refused = coord.wait_for_text("[data-testid=members-error]", "hoort niet (meer) bij deze editie").await?;
    assert!(!refused.contains("edition"), "no English: {refused}");
    if std::env::var_os("STEMPACT_SHOTS").is_some() {
        coord.js("document.querySelector('[data-testid=members-error]').scrollIntoView({block: 'center'}); return true;").await?;
        shot(&coord, "members-refused").await?;
    }
    assert!(coord.all("[data-testid=region-schools] table").await?.is_empty(), "nothing saved");
    sqlx::query("update schools set archived_at = null where name = 'ROC Twente'").execute(&db).await?;
    coord.click("[data-testid=members-editor] button[type=submit]").await?;
    coord.wait_for_text("[data-testid=region-schools] table", "ROC Twente").await?;
    assert!(coord.all("[data-testid=members-error]").await?.is_empty(), "the refusal goes once saved");
    let schools = coord.text("[data-testid=region-schools] table").await?;
    assert!(schools.contains("mbo") && !schools.contains("Zuiderschool"), "{schools}");
    // Invites the regional coordinator: the link is shown once.
    type_into(&coord, "#rc-name", "Rein Noord").await?;
    coord.click("[data-testid=region-coordinators] button[type=submit]").await?;
    let shown = coord.wait_for_text("[data-testid=invite-link]", "/signin#").await?;
    let rc_link = shown.split_whitespace().last().unwrap_or_default().to_string();
    // The region's id, from the address of the page the coordinator is on.
    let url = coord.client.current_url().await?;
    let region_id: i64 = url.path().rsplit('/').next().unwrap_or_default().parse()?;

    // A second region with its own coordinator, through the API.
    let admin = server.api();
    let coord_link = server.invite(Role::Coordinator, "Tweede Coordinator").await?;
    admin.sign_in(&coord_link).await?;
    let (_, other) = admin.send(Method::POST, &format!("/editions/{edition}/regions"), &json!({"name": "West-Brabant"})).await?;
    let other_id = other["id"].as_i64().unwrap_or_default();
    let (_, inv) = admin.send(Method::POST, &format!("/regions/{other_id}/coordinators"), &json!({"name": "Zara Zuid"})).await?;
    let zara_link = inv["link"].as_str().unwrap_or_default().to_string();
    let zara_id = inv["person"]["id"].as_i64().unwrap_or_default();

    // The regional coordinator signs in: their start page is the region app.
    let rc = Browser::start().await?;
    sign_in(&rc, &rc_link, "Rein Noord").await?;
    rc.wait_for_text("[data-testid=regions]", "Twente Noordoost").await?;
    rc.click("[data-testid=regions] a").await?;
    rc.wait_for("[data-testid=region-page]").await?;
    rc.click("[data-testid=region-page] a.button").await?;
    rc.wait_for("[data-testid=pupil-import]").await?;
    rc.wait_for("[data-testid=no-pupils]").await?;

    // A file with a bad row: refused with its reason, nothing saved.
    let bad = "school;profiel;schooljaar;leerlingen\nVechtdal College;BWI;2022-2023;110\nVechtdal College;BWI;2023-2024;-5\nTechniek Campus;PIE;2023-2024;80\n";
    type_into(&rc, "#pupils-csv", bad).await?;
    rc.click("[data-testid=import]").await?;
    rc.wait_for("[data-testid=nothing-saved]").await?;
    let refused = rc.text("[data-testid=import-rows] tr[data-line='3'] [data-testid=row-status]").await?;
    assert!(refused.contains("negatief"), "the bad row says why: {refused}");
    assert_eq!(rc.text("[data-testid=rows-refused]").await?, "1 rijen geweigerd");
    assert!(rc.all("[data-testid=table-tracks]").await?.is_empty(), "nothing was saved");
    let saved: i64 = sqlx::query_scalar("select count(*) from region_pupils").fetch_one(&db).await?;
    assert_eq!(saved, 0);

    // The corrected file: imported, the portrait shows the table and the chart.
    let good = "school;profiel;schooljaar;leerlingen\nVechtdal College;BWI;2022-2023;110\nVechtdal College;BWI;2023-2024;100\nTechniek Campus;PIE;2023-2024;80\nROC Twente;BWI;2023-2024;40\n";
    type_into(&rc, "#pupils-csv", good).await?;
    rc.click("[data-testid=import]").await?;
    rc.wait_for("[data-testid=import-saved]").await?;
    let table = rc.wait_for_text("[data-testid=table-tracks]", "Totaal").await?;
    assert!(table.contains("110") && table.contains("220") && table.contains("verwacht"), "{table}");
    rc.wait_for("[data-testid=trend-chart][data-drawn=true]").await?;
    rc.reload().await?;
    let again = rc.wait_for_text("[data-testid=table-tracks]", "Totaal").await?;
    assert!(again.contains("220"), "the numbers survive a reload: {again}");
    let schools = rc.text("[data-testid=table-schools]").await?;
    assert!(schools.contains("ROC Twente") && schools.contains("40"), "{schools}");
    rc.js("document.querySelector('[data-testid=trend-chart]').scrollIntoView()").await?;
    shot(&rc, "region-chart-1280").await?;
    shot(&rc, "region-portrait-1280").await?;
    // On a phone: nothing sticks out sideways (wide tables scroll in their box).
    rc.set_viewport(390, 844).await?;
    rc.wait_for("[data-testid=trend-chart][data-drawn=true]").await?;
    rc.no_horizontal_scroll("the region portrait at 390 px").await?;
    shot(&rc, "region-portrait-390").await?;
    rc.set_viewport(1280, 900).await?;

    // A progression figure that cannot be (more went on than left) and a
    // facility without a name: each refused at its field, in Dutch, and
    // nothing sent; the corrected figure is saved.
    type_into(&rc, "#fig-year", "2023-2024").await?;
    type_into(&rc, "#fig-leavers", "80").await?;
    type_into(&rc, "#fig-continued", "90").await?;
    rc.click("[data-testid=progression] button[type=submit]").await?;
    let said = rc.wait_for_text("[data-testid=error-fig-continued]", "meer leerlingen verder").await?;
    assert!(said.contains("(90)") && said.contains("(80)"), "{said}");
    assert_eq!(rc.wait_for("#fig-continued").await?.attr("aria-invalid").await?.as_deref(), Some("true"));
    rc.click("[data-testid=facilities] button[type=submit]").await?;
    rc.wait_for_text("[data-testid=error-fac-name]", "Vul een naam in").await?;
    assert!(rc.text("[data-testid=error-fig-continued]").await?.contains("meer leerlingen verder"), "each form keeps its own message");
    rc.js("document.querySelector('[data-testid=progression]').scrollIntoView()").await?;
    shot(&rc, "region-field-errors").await?;
    let figures: i64 = sqlx::query_scalar("select count(*) from region_progression").fetch_one(&db).await?;
    let facilities: i64 = sqlx::query_scalar("select count(*) from region_facilities").fetch_one(&db).await?;
    assert_eq!((figures, facilities), (0, 0), "nothing was sent");
    type_into(&rc, "#fig-continued", "60").await?;
    rc.click("[data-testid=progression] button[type=submit]").await?;
    rc.wait_for_text("[data-testid=progression] table", "75 %").await?;
    assert!(rc.all("[data-testid=error-fig-continued]").await?.is_empty(), "the message is gone once the figure is right");

    // A coordinator of another region: 403 from the API and in the browser.
    let zara = server.api();
    zara.sign_in(&zara_link).await?;
    let (status, _) = zara.get(&format!("/regions/{region_id}/portrait")).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = zara.send(Method::POST, &format!("/regions/{region_id}/pupils/import"), &json!({"csv": good, "save": true})).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // (her link is used; the browser gets a fresh one)
    let zb = server.browser_for(zara_id).await?;
    zb.goto(&format!("{}/region/{region_id}/portrait", server.url)).await?;
    let shown = zb.wait_for(".error-box").await?.text().await?;
    assert!(!shown.contains("Vechtdal"), "{shown}");
    assert!(zb.all("[data-testid=table-tracks]").await?.is_empty());
    for b in [coord, rc, zb] {
        b.close().await?;
    }
    Ok(())
}

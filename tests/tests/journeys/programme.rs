//! Programme set-up journeys in headless Chromium: the coordinator creates
//! an edition, adds schools and companies (a batch by CSV, with its bad row
//! shown before anything is saved), matches them, records attendance and
//! invites a school's STEM coordinator whose link works and who invites a
//! colleague; the demo edition is exported and imported into an empty
//! installation and gives the same dashboard; a bad file is refused.
//!
//! Set `STEMPACT_SHOTS=/some/dir` to save screenshots of the main steps.

use e2e::{Browser, TestResult, TestServer};
use fantoccini::Locator;
use rubric::people::Role;

/// Save a screenshot when `STEMPACT_SHOTS` names a folder.
async fn shot(b: &Browser, name: &str) -> TestResult {
    if let Some(dir) = std::env::var_os("STEMPACT_SHOTS") {
        let png = b.client.screenshot().await?;
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png)?;
    }
    Ok(())
}

/// Open a sign-in link and wait until the header shows who signed in. The
/// first page load compiles the app, which on a busy machine can take
/// longer than the harness's usual patience, so this waits up to a minute.
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
            let page = b.js("return location.href + ' | ' + document.body.innerText").await.unwrap_or_default();
            return Err(format!("{name} was not signed in after a minute; the page shows: {page}").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Set an input's value as a person would (date inputs differ per locale
/// when typed, so this sets the value and fires the input event).
async fn set_value(b: &Browser, css: &str, value: &str) -> TestResult {
    b.wait_for(css).await?;
    let script = format!(
        "const el = document.querySelector({css:?}); el.value = {value:?}; el.dispatchEvent(new Event('input', {{ bubbles: true }}));"
    );
    b.js(&script).await?;
    Ok(())
}

async fn select(b: &Browser, css: &str, value: &str) -> TestResult {
    b.wait_for(css).await?.select_by_value(value).await?;
    Ok(())
}

/// The visible text of every row of a table body.
async fn rows(b: &Browser, css: &str) -> TestResult<Vec<String>> {
    let mut out = Vec::new();
    for row in b.all(&format!("{css} tbody tr")).await? {
        out.push(row.text().await?);
    }
    Ok(out)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_coordinator_sets_up_an_edition_from_scratch() -> TestResult {
    let server = TestServer::start().await?;
    let link = server.invite(Role::Coordinator, "Lotte Verbruggen").await?;
    let b = Browser::start().await?;
    sign_in(&b, &link, "Lotte Verbruggen").await?;

    // An empty installation offers the first steps.
    b.goto(&format!("{}/coordinator", server.url)).await?;
    b.wait_for("[data-testid=first-steps]").await?;
    b.click("[data-testid=first-steps] a.button").await?;
    b.wait_for("[data-testid=edition-page]").await?;
    b.click("[data-testid=new-edition]").await?;

    // The edition form checks at the field, in Dutch.
    b.fill("#name", "STEMpact 2026-2027").await?;
    b.fill("#school_year", "2026").await?;
    set_value(&b, "#nulmeting_deadline", "2026-12-18").await?;
    set_value(&b, "#plan_deadline", "2026-11-01").await?;
    b.click("[data-testid=save-edition]").await?;
    b.wait_for_text("[data-field=school_year] .field-error", "geen schooljaar").await?;
    b.wait_for_text("[data-field=plan_deadline] .field-error", "moet na deadline nulmeting komen").await?;
    let described = b.wait_for("#school_year").await?.attr("aria-describedby").await?;
    assert_eq!(described.as_deref(), Some("school_year-error"));
    b.fill("#school_year", "2026-2027").await?;
    set_value(&b, "#plan_deadline", "2027-03-26").await?;
    set_value(&b, "#final_date", "2027-05-28").await?;
    b.fill("#final_place", "Sint-Niklaas").await?;
    b.click("[data-testid=save-edition]").await?;
    b.wait_for_text("[data-testid=editions] tbody", "STEMpact 2026-2027").await?;
    b.wait_for_text("[data-testid=editions] tbody", "actief").await?;
    b.wait_for_text("[data-testid=editions] tbody", "26 maart 2027").await?;

    // One school by hand: without a track it is refused at the field.
    b.goto(&format!("{}/coordinator/schools", server.url)).await?;
    b.click("[data-testid=add]").await?;
    b.fill("#name", "Campus De Horizon").await?;
    b.fill("#town", "Lokeren").await?;
    select(&b, "#region", "Oost-Vlaanderen").await?;
    b.click("[data-testid=save-school]").await?;
    b.wait_for_text("[data-field=tracks] .field-error", "minstens één finaliteit").await?;
    b.click("input[data-track=dual]").await?;
    b.click("input[data-track=transition-oriented]").await?;
    b.click("[data-testid=save-school]").await?;
    b.wait_for_text("[data-testid=schools] tbody", "Campus De Horizon").await?;
    b.wait_for_text("[data-testid=schools] tbody", "Doorstroomfinaliteit, Dubbele finaliteit").await?;

    // A batch by CSV: the preview shows the bad row with its problem.
    b.click("[data-testid=import-csv]").await?;
    let csv = "naam;gemeente;regio;finaliteit\nAtheneum Scheldeland;Temse;Oost-Vlaanderen;doorstroom/dubbel\nKempenlab Secundair;Geel;Antwerpen;aso\nVakschool Meetjesland-Noord;Eeklo;Oost-Vlaanderen;arbeidsmarkt\n";
    set_value(&b, "[data-testid=csv-text]", csv).await?;
    b.click("[data-testid=csv-preview-button]").await?;
    b.wait_for("[data-testid=csv-preview]").await?;
    let bad = b.text("[data-testid=csv-preview] tr[data-valid=false]").await?;
    assert!(bad.contains("Kempenlab Secundair") && bad.contains("'aso' is geen finaliteit"), "{bad}");
    assert_eq!(b.all("[data-testid=csv-preview] tr[data-valid=true]").await?.len(), 2);
    assert_eq!(b.text("[data-testid=csv-preview] tr[data-valid=false] td.num").await?, "3");
    shot(&b, "csv-preview").await?;
    // Nothing was saved by the preview.
    assert_eq!(b.all("[data-testid=schools] tbody tr").await?.len(), 1);
    b.wait_for_text("[data-testid=csv-import]", "2 geldige rijen importeren").await?;
    b.click("button[data-testid=csv-import]").await?;
    b.wait_for_text("[data-testid=notice]", "2 rijen geïmporteerd").await?;
    b.wait_for_text("[data-testid=schools] tbody", "Vakschool Meetjesland-Noord").await?;
    assert_eq!(b.all("[data-testid=schools] tbody tr").await?.len(), 3);
    assert!(!b.text("[data-testid=schools] tbody").await?.contains("Kempenlab"));

    // Two companies.
    b.goto(&format!("{}/coordinator/companies", server.url)).await?;
    for (name, town) in [("Polymeer Waasland", "Temse"), ("Laserwerk Kempen", "Geel")] {
        b.click("[data-testid=add]").await?;
        b.fill("#name", name).await?;
        b.fill("#town", town).await?;
        b.click("[data-testid=save-company]").await?;
        b.wait_for_text("[data-testid=companies] tbody", name).await?;
    }

    // Matching: the school in Temse sees the company in Temse first.
    b.goto(&format!("{}/coordinator/matching", server.url)).await?;
    b.click("button[data-school='Atheneum Scheldeland']").await?;
    b.wait_for_text("[data-testid=match-detail] h2", "Atheneum Scheldeland").await?;
    b.wait_for("[data-testid=no-profile]").await?;
    let first = b.wait_for("[data-testid=candidates] li").await?.attr("data-company").await?;
    assert_eq!(first.as_deref(), Some("Polymeer Waasland"));
    // Meanwhile another coordinator archives the company: choosing it is
    // refused, said in Dutch (not "some fields are not valid"), nothing saved.
    let choose = "[data-testid=candidates] li[data-company='Polymeer Waasland'] [data-testid=choose-sponsor]";
    let pool = server.state.writer.pool();
    sqlx::query("update companies set archived_at = 1 where name = 'Polymeer Waasland'").execute(pool).await?;
    b.click(choose).await?;
    b.wait_for_text("[data-testid=match-detail] .error-box", "hoort niet (meer) bij deze editie, of is gearchiveerd").await?;
    let sponsor: Option<i64> = sqlx::query_scalar("select company_id from schools where name = 'Atheneum Scheldeland'").fetch_one(pool).await?;
    assert_eq!(sponsor, None, "nothing saved");
    sqlx::query("update companies set archived_at = null where name = 'Polymeer Waasland'").execute(pool).await?;
    b.click(choose).await?;
    b.wait_for_text("button[data-school='Atheneum Scheldeland']", "Polymeer Waasland").await?;
    b.wait_for_text("[data-testid=candidates] li.current", "Polymeer Waasland").await?;
    shot(&b, "matching").await?;

    // Learning networks: a session with attendance that survives a reload.
    b.goto(&format!("{}/coordinator/networks", server.url)).await?;
    let team = "[data-network=team-stem-project]";
    b.click(&format!("{team} [data-testid=add-session]")).await?;
    set_value(&b, &format!("{team} input[type=date]"), "2027-01-28").await?;
    b.fill(&format!("{team} [data-field$='-place'] input"), "Genk").await?;
    b.fill(&format!("{team} [data-field$='-topic'] input"), "Samen een STEM-project ontwerpen").await?;
    b.click(&format!("{team} [data-testid=save-session]")).await?;
    b.wait_for_text(&format!("{team} .session"), "28 januari 2027").await?;
    b.click(&format!("{team} [data-testid=edit-attendance]")).await?;
    let scheldeland = b
        .all("[data-testid=attendance-editor] label.check")
        .await?;
    let mut ticked = 0;
    for label in scheldeland {
        let text = label.text().await?;
        if text.contains("Atheneum Scheldeland") || text.contains("Polymeer Waasland") {
            label.find(Locator::Css("input")).await?.click().await?;
            ticked += 1;
        }
    }
    assert_eq!(ticked, 2);
    b.click("[data-testid=save-attendance]").await?;
    b.wait_for_text(&format!("{team} [data-testid=present]"), "1 school en 1 bedrijf aanwezig").await?;
    b.reload().await?;
    b.wait_for_text(&format!("{team} [data-testid=present]"), "1 school en 1 bedrijf aanwezig").await?;
    b.click(&format!("{team} [data-testid=edit-attendance]")).await?;
    let checked = b.js("return [...document.querySelectorAll('[data-testid=attendance-editor] input:checked')].map(i => i.dataset.attendee)").await?;
    assert_eq!(checked.as_array().map(Vec::len), Some(2), "{checked}");
    // The session moves to another place.
    b.click(&format!("{team} [data-testid=edit-session]")).await?;
    b.fill(&format!("{team} [data-field$='-place'] input"), "Hasselt").await?;
    b.click(&format!("{team} [data-testid=save-session]")).await?;
    b.wait_for_text(&format!("{team} .session"), "Hasselt").await?;
    assert!(b.text(&format!("{team} [data-testid=present]")).await?.contains("1 school en 1 bedrijf"));

    // Invite the school's STEM coordinator; a missing school is refused first.
    b.goto(&format!("{}/coordinator/people", server.url)).await?;
    b.fill("#name", "Ilse Claes").await?;
    b.fill("#email", "ilse.claes@scheldeland.example").await?;
    b.click("[data-testid=send-invite]").await?;
    b.wait_for_text("[data-field=school_id] .field-error", "Kies een school").await?;
    let school_id: i64 = sqlx::query_scalar("select id from schools where name = 'Atheneum Scheldeland'").fetch_one(server.state.writer.pool()).await?;
    select(&b, "#school_id", &school_id.to_string()).await?;
    select(&b, "#school_function", "stem-coordinator").await?;
    b.click("[data-testid=send-invite]").await?;
    b.wait_for("[data-testid=link-box]").await?;
    let invite = b.wait_for("[data-testid=invite-link]").await?.prop("value").await?.unwrap_or_default();
    assert!(invite.contains("/signin#"), "{invite}");
    b.wait_for_text("[data-testid=people] tr[data-person='Ilse Claes']", "link nog niet gebruikt").await?;
    shot(&b, "people-invited").await?;
    b.close().await?;

    // The link works: Ilse signs in, sees her colleagues page, invites a colleague.
    let ilse = Browser::start().await?;
    sign_in(&ilse, &invite, "Ilse Claes").await?;
    ilse.wait_for_text(".who-role", "Atheneum Scheldeland").await?;
    ilse.click(".main-nav a[href='/colleagues']").await?;
    ilse.wait_for("[data-testid=colleagues-page]").await?;
    ilse.fill("#name", "Tom Maes").await?;
    ilse.click("[data-testid=send-invite]").await?;
    let colleague = ilse.wait_for("[data-testid=invite-link]").await?.prop("value").await?.unwrap_or_default();
    assert!(colleague.contains("/signin#"));
    ilse.wait_for_text("[data-testid=colleagues]", "Tom Maes").await?;
    // She is no coordinator: the coordinator's pages refuse her.
    ilse.goto(&format!("{}/coordinator/schools", server.url)).await?;
    ilse.wait_for_text(".error-box", "geen toegang").await?;
    ilse.close().await?;

    // Back as coordinator: Ilse's link shows as used.
    let api = server.api();
    let second = server.invite(Role::Coordinator, "Tweede coördinator").await?;
    api.sign_in(&second).await?;
    let (_, people) = api.get("/editions/1/people").await?;
    let ilse_row = people.as_array().and_then(|p| p.iter().find(|x| x["name"] == "Ilse Claes")).cloned().unwrap_or_default();
    assert_eq!(ilse_row["link"], "used");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_exports_and_imports_into_an_empty_installation_with_the_same_dashboard() -> TestResult {
    let server = TestServer::start().await?;
    let link = server.invite(Role::Coordinator, "Lotte Verbruggen").await?;
    let b = Browser::start().await?;
    sign_in(&b, &link, "Lotte Verbruggen").await?;
    b.goto(&format!("{}/coordinator", server.url)).await?;
    b.click("[data-testid=load-demo]").await?;
    b.wait_for("[data-testid=school-status]").await?;
    let before = rows(&b, "[data-testid=school-status]").await?;
    assert_eq!(before.len(), 20);
    let stats = b.text("[data-testid=stats]").await?;
    shot(&b, "dashboard").await?;

    // Filters: plans not submitted, then a region, then a search.
    select(&b, "[data-testid=filter-step]", "plan-not-submitted").await?;
    b.wait_for_text("[data-testid=shown-count]", "7 van 20 scholen").await?;
    let shown = rows(&b, "[data-testid=school-status]").await?;
    assert!(shown.iter().any(|r| r.contains("Atheneum Rupelpoort")) && !shown.iter().any(|r| r.contains("Campus De Horizon")), "{shown:?}");
    select(&b, "[data-testid=filter-step]", "all").await?;
    select(&b, "[data-testid=filter-region]", "Limburg").await?;
    b.wait_for_text("[data-testid=shown-count]", "4 van 20 scholen").await?;
    select(&b, "[data-testid=filter-region]", "").await?;
    b.fill("[data-testid=filter-search]", "brabo").await?;
    b.wait_for_text("[data-testid=shown-count]", "1 van 20 scholen").await?;
    b.wait_for_text("[data-testid=school-status] tbody", "Campus De Horizon").await?;
    // The timeline says what is overdue.
    let overdue = b.all("[data-testid=timeline] li[data-state=overdue]").await?;
    assert_eq!(overdue.len(), 2);
    assert!(overdue[0].text().await?.contains("nog niet klaar"));

    // The match screen shows a school's nulmeting profile next to the candidates.
    b.goto(&format!("{}/coordinator/matching", server.url)).await?;
    b.click("button[data-school='Campus De Horizon']").await?;
    b.wait_for_text("[data-testid=match-detail] h2", "Campus De Horizon").await?;
    let aspects = b.all("[data-testid=profile] tbody tr").await?;
    assert_eq!(aspects.len(), 7);
    assert!(aspects[0].text().await?.contains("Leerplan"));
    b.wait_for_text("[data-testid=candidates] li.current", "Brabo Bouwtechniek").await?;
    shot(&b, "matching-profile").await?;

    // Export through the API (as the browser's download link does).
    let api = server.api();
    let second = server.invite(Role::Coordinator, "Back-up").await?;
    api.sign_in(&second).await?;
    let response = api.http.get(format!("{}/editions/1/export", api.base)).send().await?;
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    let file = tempfile::NamedTempFile::with_suffix(".json")?;
    std::fs::write(file.path(), response.bytes().await?)?;
    b.close().await?;

    // An empty installation imports the file from the edition page.
    let fresh = TestServer::start().await?;
    let link = fresh.invite(Role::Coordinator, "Nieuwe coördinator").await?;
    let b = Browser::start().await?;
    sign_in(&b, &link, "Nieuwe coördinator").await?;
    b.goto(&format!("{}/coordinator/edition", fresh.url)).await?;
    b.wait_for("[data-testid=import-file]").await?.send_keys(&file.path().display().to_string()).await?;
    b.wait_for_text("[data-testid=import-result]", "20 scholen").await?;
    b.wait_for_text("[data-testid=editions] tbody", "(demo)").await?;
    b.goto(&format!("{}/coordinator", fresh.url)).await?;
    b.wait_for("[data-testid=school-status]").await?;
    assert_eq!(rows(&b, "[data-testid=school-status]").await?, before);
    assert_eq!(b.text("[data-testid=stats]").await?, stats);

    // A file from a newer STEMpact is refused with a clear message, and nothing is added.
    let mut doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file.path())?)?;
    doc["format_version"] = 99.into();
    let newer = tempfile::NamedTempFile::with_suffix(".json")?;
    std::fs::write(newer.path(), doc.to_string())?;
    b.goto(&format!("{}/coordinator/edition", fresh.url)).await?;
    b.wait_for("[data-testid=import-file]").await?.send_keys(&newer.path().display().to_string()).await?;
    b.wait_for_text("[data-testid=import-error]", "nieuwere versie van STEMpact").await?;
    b.wait_for_text("[data-testid=import-error]", "format_version 99").await?;
    shot(&b, "import-refused").await?;
    assert_eq!(b.all("[data-testid=editions] tbody tr").await?.len(), 1);
    b.close().await
}

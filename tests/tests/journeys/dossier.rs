//! Award dossier journeys (issue 16): a school's STEM coordinator and its
//! sponsor company prepare the dossier in the dossier app, each writing
//! their own part and reading the other's, and co-sign it (with a
//! confirmation); the juror without a conflict reads it beside the score
//! sheet, the conflicted one gets nothing; the coordinator's dashboard
//! shows its status; a change after a sign-off withdraws both approvals
//! and both sides are told.

use crate::jury::{api_as, link_for, open_jury, programme, shot, sign_out, Programme};
use e2e::{fixtures, Browser, TestResult, TestServer};
use reqwest::{Method, StatusCode};
use rubric::people::Role;
use serde_json::json;

const STEM: &str = "Sofie Wouters";
const CONTACT: &str = "Koen Acme";
const SUMMARY: &str = "Een maaklab voor alle leerlingen van de eerste graad.";
const SCHOOL_TEXT: &str = "Onze school bouwde met het actieplan een maaklab.";
const COMPANY_TEXT: &str = "Acme levert twee ingenieurs als coach en het materiaal.";

/// The programme with a STEM coordinator of the first school and a
/// contact of its sponsor Acme; their person ids.
async fn people(server: &TestServer, p: &Programme) -> TestResult<(i64, i64)> {
    let db = server.state.writer.pool();
    server.invite_scoped(Role::SchoolMember, STEM, Some(p.schools[0]), None).await?;
    fixtures::school_function(db, STEM, "stem-coordinator").await?;
    server.invite_scoped(Role::CompanyMember, CONTACT, None, Some(p.acme)).await?;
    Ok((fixtures::person_id(db, STEM).await?, fixtures::person_id(db, CONTACT).await?))
}

/// A PDF on the school's baseline consensus (an evidence file the dossier
/// may select), straight into the store and the database; its id.
async fn consensus_file(server: &TestServer, edition: i64, school: i64, name: &str) -> TestResult<i64> {
    let db = server.state.writer.pool();
    let hash = server.state.files.put(b"%PDF-1.4\n%dossier\n").await?.sha256;
    let measurement: i64 = sqlx::query_scalar("select id from measurements where school_id = ? and kind = 'baseline'").bind(school).fetch_one(db).await?;
    Ok(sqlx::query_scalar(
        "insert into evidence_files (edition_id, school_id, item_kind, measurement_id, indicator_id, name, size, kind, sha256, uploaded_at) \
         values (?, ?, 'consensus', ?, 'curriculum.learning-lines', ?, 18, 'pdf', ?, 0) returning id",
    )
    .bind(edition)
    .bind(school)
    .bind(measurement)
    .bind(name)
    .bind(hash)
    .fetch_one(db)
    .await?)
}

/// Sign in with a fresh link (a link works once).
async fn sign_in(browser: &Browser, server: &TestServer, person: i64, name: &str) -> TestResult {
    browser.goto(&link_for(server, person).await?).await?;
    browser.wait_for_text("[data-testid=who-name]", name).await?;
    Ok(())
}

async fn open_dossier(browser: &Browser, server: &TestServer, school: i64) -> TestResult {
    browser.goto(&format!("{}/dossier/{school}", server.url)).await?;
    browser.wait_for("[data-testid=dossier-page]").await?;
    Ok(())
}

/// Approve for one's side: the button, then the confirmation.
async fn approve(browser: &Browser) -> TestResult {
    browser.press("[data-testid=dossier-sign]").await?;
    browser.wait_for("[data-testid=dossier-sign-confirm]").await?;
    browser.press("[data-testid=dossier-sign-yes]").await?;
    Ok(())
}

#[tokio::test]
async fn school_and_company_prepare_and_co_sign_the_dossier_the_juror_reads_it_and_the_dashboard_shows_it() -> TestResult {
    let server = TestServer::start().await?;
    let p = programme(&server).await?;
    let jury = open_jury(&server, &p).await?;
    let (stem, contact) = people(&server, &p).await?;
    let school = p.schools[0];
    let report = consensus_file(&server, p.edition, school, "vakgroepverslag.pdf").await?;
    let browser = Browser::start().await?;

    // The school writes its part; the company's part is there to read.
    sign_in(&browser, &server, stem, STEM).await?;
    open_dossier(&browser, &server, school).await?;
    browser.wait_for_text("[data-testid=dossier-status]", "Niet gestart").await?;
    browser.wait_for("[data-testid=dossier-company-text-read]").await?;
    browser.click("[data-testid=dossier-plan-version] option[value='1']").await?;
    browser.set_value("[data-testid=dossier-summary]", SUMMARY, "input").await?;
    browser.set_value("[data-testid=dossier-school-text]", SCHOOL_TEXT, "input").await?;
    browser.press(&format!("[data-testid=dossier-evidence-{report}]")).await?;
    browser.press("[data-testid=dossier-save-school]").await?;
    browser.wait_for_text("[data-testid=dossier-status]", "In opmaak").await?;
    // Not complete yet: the company's text is still missing, and it says so.
    browser.wait_for_text("[data-testid=dossier-missing]", "de tekst van het bedrijf").await?;
    assert!(browser.all("[data-testid=dossier-sign]").await?.is_empty(), "no approval before the dossier is complete");
    // Saved means saved: a reload shows it.
    browser.reload().await?;
    browser.wait_for("[data-testid=dossier-page]").await?;
    assert_eq!(browser.js("return document.querySelector('[data-testid=dossier-school-text]').value").await?, json!(SCHOOL_TEXT));
    sign_out(&browser).await?;

    // The company reads the school's part, writes its own and approves.
    sign_in(&browser, &server, contact, CONTACT).await?;
    open_dossier(&browser, &server, school).await?;
    browser.wait_for_text("[data-testid=dossier-school-text-read]", SCHOOL_TEXT).await?;
    browser.wait_for_text("[data-testid=dossier-summary-read]", SUMMARY).await?;
    assert!(browser.all("[data-testid=dossier-school-text]").await?.is_empty(), "the company cannot edit the school's text");
    browser.set_value("[data-testid=dossier-company-text]", COMPANY_TEXT, "input").await?;
    browser.press("[data-testid=dossier-save-company]").await?;
    browser.wait_gone("[data-testid=dossier-missing]").await?;
    approve(&browser).await?;
    browser.wait_for_text("[data-testid=dossier-status]", "Goedgekeurd door het bedrijf").await?;
    browser.wait_for_text("[data-testid=signoff-company]", CONTACT).await?;
    shot(&browser, "dossier-company-signed").await?;
    sign_out(&browser).await?;

    // The school approves too: submitted, frozen.
    sign_in(&browser, &server, stem, STEM).await?;
    open_dossier(&browser, &server, school).await?;
    browser.wait_for_text("[data-testid=dossier-company-text-read]", COMPANY_TEXT).await?;
    approve(&browser).await?;
    browser.wait_for("[data-testid=dossier-submitted]").await?;
    browser.wait_for_text("[data-testid=dossier-status]", "Ingediend").await?;
    assert!(browser.all("[data-testid=dossier-save-school]").await?.is_empty(), "a submitted dossier is frozen");
    browser.axe_check("the submitted dossier").await?;
    sign_out(&browser).await?;

    // The juror without a conflict reads it beside the score sheet.
    let lotte = server.browser_for(jury.lotte).await?;
    lotte.goto(&format!("{}/jury/finalists/{}", server.url, jury.finalists[0])).await?;
    lotte.wait_for_text("[data-testid=juror-dossier-summary]", SUMMARY).await?;
    lotte.wait_for_text("[data-testid=juror-dossier-company]", COMPANY_TEXT).await?;
    lotte.wait_for("[data-testid=score-sheet]").await?;
    // Its evidence downloads through the finalist.
    lotte.wait_for_text("[data-testid=juror-dossier] [data-testid=dossier-evidence-list]", "vakgroepverslag.pdf").await?;
    let href = lotte.js("return document.querySelector('[data-testid=dossier-evidence-list] a').getAttribute('href')").await?;
    assert_eq!(href, json!(format!("/api/jury/my/finalists/{}/evidence/{report}", jury.finalists[0])));
    shot(&lotte, "dossier-juror").await?;
    lotte.close().await?;
    // The juror who works for Acme gets nothing of it.
    let jan = api_as(&server, jury.jan).await?;
    let (status, body) = jan.get(&format!("/jury/my/finalists/{}", jury.finalists[0])).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!body.to_string().contains("maaklab"), "{body}");

    // The coordinator's dashboard shows where each dossier stands.
    sign_in(&browser, &server, p.coordinator, "Griet Van Damme").await?;
    browser.goto(&format!("{}/coordinator", server.url)).await?;
    browser.wait_for_text("tr[data-school='Atheneum Noord'] [data-testid=dossier-status]", "Ingediend").await?;
    browser.wait_for_text("tr[data-school='College Zuid'] [data-testid=dossier-status]", "Niet gestart").await?;
    browser.close().await?;
    Ok(())
}

#[tokio::test]
async fn a_change_after_a_sign_off_withdraws_both_approvals_and_both_sides_are_told() -> TestResult {
    let server = TestServer::start().await?;
    let p = programme(&server).await?;
    let (stem, contact) = people(&server, &p).await?;
    let school = p.schools[0];
    // Both parts written and the school approved, through the API.
    let school_api = api_as(&server, stem).await?;
    let part = json!({"version": 0, "plan_version": 1, "text": SCHOOL_TEXT, "summary": SUMMARY, "evidence": []});
    let (status, _) = school_api.send(Method::PUT, &format!("/schools/{school}/dossier/school"), &part).await?;
    assert_eq!(status, StatusCode::OK);
    let company_api = api_as(&server, contact).await?;
    let (status, page) =
        company_api.send(Method::PUT, &format!("/schools/{school}/dossier/company"), &json!({"version": 0, "text": COMPANY_TEXT})).await?;
    assert_eq!(status, StatusCode::OK);
    let revision = json!({"revision": page["dossier"]["revision"]});
    let (status, _) = school_api.send(Method::POST, &format!("/schools/{school}/dossier/sign"), &revision).await?;
    assert_eq!(status, StatusCode::OK);

    // The company sees the school's approval, then changes its text.
    let browser = Browser::start().await?;
    sign_in(&browser, &server, contact, CONTACT).await?;
    open_dossier(&browser, &server, school).await?;
    browser.wait_for_text("[data-testid=dossier-status]", "Goedgekeurd door de school").await?;
    browser.wait_for_text("[data-testid=signoff-school]", STEM).await?;
    browser.set_value("[data-testid=dossier-company-text]", "Acme levert drie coaches.", "input").await?;
    browser.press("[data-testid=dossier-save-company]").await?;
    browser.wait_for_text("[data-testid=dossier-withdrawn]", "De goedkeuringen zijn ingetrokken").await?;
    browser.wait_for_text("[data-testid=dossier-status]", "In opmaak").await?;
    browser.wait_for_text("[data-testid=signoff-school]", "nog niet goedgekeurd").await?;
    sign_out(&browser).await?;

    // The school is told who changed it, and approves again.
    sign_in(&browser, &server, stem, STEM).await?;
    open_dossier(&browser, &server, school).await?;
    browser.wait_for_text("[data-testid=dossier-withdrawn]", CONTACT).await?;
    browser.wait_for_text("[data-testid=dossier-company-text-read]", "drie coaches").await?;
    shot(&browser, "dossier-withdrawn").await?;
    approve(&browser).await?;
    browser.wait_for_text("[data-testid=dossier-status]", "Goedgekeurd door de school").await?;
    browser.wait_gone("[data-testid=dossier-withdrawn]").await?;
    browser.close().await?;
    Ok(())
}

/// What a side typed and did not save comes back after a reload, with a
/// notice; written on a part someone else saved since, it comes back beside
/// the newer text; discarding shows the saved text again; saving ends the draft.
#[tokio::test]
async fn unsaved_dossier_text_survives_a_reload_and_can_be_discarded() -> TestResult {
    let server = TestServer::start().await?;
    let p = programme(&server).await?;
    let (stem, _contact) = people(&server, &p).await?;
    let school = p.schools[0];
    let browser = Browser::start().await?;
    sign_in(&browser, &server, stem, STEM).await?;
    open_dossier(&browser, &server, school).await?;
    assert!(browser.all("[data-testid=dossier-draft-restored]").await?.is_empty(), "no draft yet");

    // Typed, not saved, the page reloaded: the text is back, and it says so.
    browser.set_value("[data-testid=dossier-summary]", SUMMARY, "input").await?;
    browser.reload().await?;
    browser.wait_for("[data-testid=dossier-draft-restored]").await?;
    assert_eq!(browser.js("return document.querySelector('[data-testid=dossier-summary]').value").await?, json!(SUMMARY));
    assert!(browser.all("[data-testid=dossier-school-stale]").await?.is_empty(), "nobody saved in between");

    // A colleague saves the school's part meanwhile: after a reload the
    // draft is still in the box and the newer saved text is shown beside it.
    let colleague = api_as(&server, stem).await?;
    let (status, body) = colleague
        .send(Method::PUT, &format!("/schools/{school}/dossier/school"), &json!({ "version": 0, "plan_version": null, "text": SCHOOL_TEXT, "summary": "Hun samenvatting.", "evidence": [] }))
        .await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    browser.reload().await?;
    browser.wait_for_text("[data-testid=dossier-school-stale]", "Hun samenvatting.").await?;
    assert_eq!(browser.js("return document.querySelector('[data-testid=dossier-summary]').value").await?, json!(SUMMARY));

    // Discarding shows the saved part again, and a reload keeps it that way.
    browser.press("[data-testid=dossier-discard-draft]").await?;
    browser.wait_gone("[data-testid=dossier-draft-restored]").await?;
    assert_eq!(browser.js("return document.querySelector('[data-testid=dossier-summary]').value").await?, json!("Hun samenvatting."));
    browser.reload().await?;
    browser.wait_for("[data-testid=dossier-page]").await?;
    assert_eq!(browser.js("return document.querySelector('[data-testid=dossier-summary]').value").await?, json!("Hun samenvatting."));
    assert!(browser.all("[data-testid=dossier-draft-restored]").await?.is_empty(), "the discarded draft is gone");

    // Typed and saved: no draft after a reload.
    browser.set_value("[data-testid=dossier-summary]", SUMMARY, "input").await?;
    let key = format!("stempact.dossier.{school}.school");
    let draft_kept = format!("return localStorage.getItem('{key}') !== null");
    assert_eq!(browser.js(&draft_kept).await?, json!(true), "typing keeps a draft");
    browser.press("[data-testid=dossier-save-school]").await?;
    browser
        .eventually("the draft removed once saved", || async { Ok((browser.js(&draft_kept).await? == json!(false)).then_some(())) })
        .await?;
    browser.reload().await?;
    browser.wait_for("[data-testid=dossier-page]").await?;
    assert_eq!(browser.js("return document.querySelector('[data-testid=dossier-summary]').value").await?, json!(SUMMARY));
    assert!(browser.all("[data-testid=dossier-draft-restored]").await?.is_empty(), "a saved part leaves no draft");
    browser.axe_check("the dossier after a restored draft").await?;
    browser.close().await?;
    Ok(())
}

//! Evidence journeys in headless Chromium (issue 16): a teacher attaches a
//! PDF to an answer (it stays after a reload and downloads), and a company
//! contact of another school gets 403 on its download (so does the
//! school's own sponsor: a respondent's file follows the blind rule); a
//! program renamed `.pdf` and dropped on the field is refused there, and
//! nothing is stored; the school attaches a file to a plan action, the
//! sponsor company downloads it, and a delete is undone.

use e2e::{fixtures, Browser, TestResult, TestServer};
use rubric::people::Role;

const FIRST: &str = "curriculum.learning-lines";
const PDF: &str = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

/// Scroll an element to the middle of the window and click it.
async fn press(browser: &Browser, css: &str) -> TestResult {
    let el = browser.wait_for(css).await?;
    browser.client.execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&el)?]).await?;
    el.click().await?;
    Ok(())
}

/// Two schools with their sponsors; A has an open nulmeting and a teacher.
struct Scene {
    server: TestServer,
    school_a: i64,
    teacher: String,
    company_a: String,
    company_b: String,
}

async fn scene() -> TestResult<Scene> {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    fixtures::nulmeting_deadline(db, edition, "2999-12-19").await?;
    let school_a = fixtures::school(db, edition, "Sint-Jozefscollege", "Aalst").await?;
    let school_b = fixtures::school(db, edition, "Atheneum Brugge", "Brugge").await?;
    let x = fixtures::company(db, edition, "Xylos Techniek", "Aalst").await?;
    let y = fixtures::company(db, edition, "Yzer Bouw", "Brugge").await?;
    fixtures::sponsor(db, school_a, x).await?;
    fixtures::sponsor(db, school_b, y).await?;
    let teacher = server.invite_scoped(Role::SchoolMember, "An Peeters", Some(school_a), None).await?;
    let company_a = server.invite_scoped(Role::CompanyMember, "Xavier Xylos", None, Some(x)).await?;
    let company_b = server.invite_scoped(Role::CompanyMember, "Yana Yzer", None, Some(y)).await?;
    Ok(Scene { server, school_a, teacher, company_a, company_b })
}

/// Put a file (text bytes, or `elf` for a Linux program) on an evidence
/// field: chosen in the file input, or dropped on the field (`drop`).
async fn attach(browser: &Browser, scope: &str, name: &str, elf: bool, drop: bool) -> TestResult {
    let bytes = if elf { "new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0])".to_string() } else { format!("new TextEncoder().encode({PDF:?})") };
    attach_bytes(browser, scope, name, &bytes, drop).await
}

/// [`attach`] with the file's bytes as a JavaScript expression.
async fn attach_bytes(browser: &Browser, scope: &str, name: &str, bytes: &str, drop: bool) -> TestResult {
    let script = format!(
        r#"const scope = document.querySelector('{scope}');
        const bytes = {bytes};
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], {name:?}, {{type: 'application/pdf'}}));
        if ({drop}) {{
            scope.querySelector('.evidence-drop').dispatchEvent(new DragEvent('drop', {{dataTransfer: dt, bubbles: true, cancelable: true}}));
        }} else {{
            const input = scope.querySelector('[data-testid=evidence-input]');
            input.files = dt.files;
            input.dispatchEvent(new Event('change', {{bubbles: true}}));
        }}
        return true;"#
    );
    browser.js(&script).await?;
    Ok(())
}

/// `fetch` a path from the page (with the browser's session): status and
/// the body's first bytes as text.
async fn download(browser: &Browser, path: &str) -> TestResult<(i64, String)> {
    let script = format!(
        r#"const done = arguments[arguments.length - 1];
        fetch('{path}').then(r => r.text().then(t => done([r.status, t.slice(0, 8)]))).catch(e => done([0, String(e)]));"#
    );
    let v = browser.client.execute_async(&script, vec![]).await?;
    Ok((v[0].as_i64().unwrap_or(0), v[1].as_str().unwrap_or("").to_string()))
}

async fn open_notes(browser: &Browser) -> TestResult {
    let open = browser.js(&format!(r#"return document.querySelector('[data-indicator="{FIRST}"] details.notes').open"#)).await?;
    if open.as_bool() != Some(true) {
        press(browser, &format!(r#"[data-indicator="{FIRST}"] details.notes summary"#)).await?;
    }
    browser.wait_for(&format!(r#"[data-indicator="{FIRST}"] [data-testid=evidence-input]"#)).await?;
    Ok(())
}

async fn open_sheet(browser: &Browser, link: &str) -> TestResult {
    browser.goto(link).await?;
    browser.wait_for_text("[data-testid=who-name]", "An Peeters").await?;
    press(browser, "[data-testid=nulmeting-card] a.button").await?;
    browser.wait_for(r#"section.aspect-sheet[data-aspect="curriculum"]"#).await?;
    open_notes(browser).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_teacher_attaches_a_pdf_and_another_schools_company_is_refused_its_download() -> TestResult {
    let s = scene().await?;
    let browser = Browser::start().await?;
    open_sheet(&browser, &s.teacher).await?;
    let card = format!(r#"[data-indicator="{FIRST}"]"#);
    browser.wait_for_text(&format!("{card} [data-testid=evidence]"), "Nog geen bestanden").await?;
    attach(&browser, &card, "Verslag vakgroep.pdf", false, false).await?;
    browser.wait_for_text(&format!("{card} [data-testid=evidence-file]"), "Verslag vakgroep.pdf").await?;
    browser.wait_for_text(&format!("{card} [data-testid=evidence-file]"), "An Peeters").await?;
    // Nothing lost on reload; the link downloads the bytes.
    browser.reload().await?;
    browser.wait_for(r#"section.aspect-sheet[data-aspect="curriculum"]"#).await?;
    open_notes(&browser).await?;
    let link = browser.wait_for(&format!("{card} [data-testid=evidence-file] a")).await?;
    let href = link.attr("href").await?.unwrap_or_default();
    assert!(href.starts_with("/api/evidence/"), "{href}");
    assert_eq!(download(&browser, &href).await?, (200, "%PDF-1.4".to_string()));
    browser.close().await?;
    // A company contact of another school: 403, no bytes.
    let other = Browser::start().await?;
    other.goto(&s.company_b).await?;
    other.wait_for_text("[data-testid=who-name]", "Yana Yzer").await?;
    let (status, body) = download(&other, &href).await?;
    assert_eq!(status, 403, "{body}");
    assert!(!body.contains("%PDF"));
    other.close().await?;
    // The school's own sponsor neither: a respondent's file is not the school's result.
    let sponsor = Browser::start().await?;
    sponsor.goto(&s.company_a).await?;
    sponsor.wait_for_text("[data-testid=who-name]", "Xavier Xylos").await?;
    assert_eq!(download(&sponsor, &href).await?.0, 403);
    sponsor.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_program_renamed_pdf_is_refused_at_the_field() -> TestResult {
    let s = scene().await?;
    let browser = Browser::start().await?;
    open_sheet(&browser, &s.teacher).await?;
    let card = format!(r#"[data-indicator="{FIRST}"]"#);
    attach(&browser, &card, "rapport.pdf", true, true).await?;
    let error = browser.wait_for_text(&format!("{card} [data-testid=evidence-error]"), "niet aanvaard").await?;
    assert!(error.contains("inhoud"), "{error}");
    let invalid = browser.js(&format!(r#"return document.querySelector('{card} [data-testid=evidence-input]').getAttribute('aria-invalid')"#)).await?;
    assert_eq!(invalid.as_str(), Some("true"));
    assert!(browser.all(&format!("{card} [data-testid=evidence-file]")).await?.is_empty());
    let stored: i64 = sqlx::query_scalar("select count(*) from evidence_files").fetch_one(s.server.state.writer.pool()).await?;
    assert_eq!(stored, 0);
    // A real PDF dropped next is taken, and the message goes.
    attach(&browser, &card, "Echt verslag.pdf", false, true).await?;
    browser.wait_for_text(&format!("{card} [data-testid=evidence-file]"), "Echt verslag.pdf").await?;
    browser.wait_gone(&format!("{card} [data-testid=evidence-error]")).await?;
    browser.close().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_actions_file_is_shared_with_the_sponsor_and_a_delete_is_undone() -> TestResult {
    let s = scene().await?;
    // A colleague writes a goal with an action through the API.
    let colleague = s.server.invite_scoped(Role::SchoolMember, "Bert Claes", Some(s.school_a), None).await?;
    let api = s.server.api();
    api.sign_in(&colleague).await?;
    let goal = serde_json::json!({"goal": {"title": "Leerlijn STEM", "description": "", "indicator_targets": [
        {"indicator_id": FIRST, "current_level": 1, "target_level": 3}]}});
    let (status, _) = api.send(reqwest::Method::POST, &format!("/schools/{}/plan/goals", s.school_a), &goal).await?;
    assert!(status.is_success(), "{status}");
    let goal_id: i64 = sqlx::query_scalar("select id from goals").fetch_one(s.server.state.writer.pool()).await?;
    let action = serde_json::json!({"action": {"description": "Makerspace inrichten", "owner": "Bert", "start": "2026-01-05",
        "deadline": "2026-03-27", "budget_cents": 0, "company_contribution": {"kind": "none", "value_cents": 0, "description": ""},
        "success_criterion": "", "status": "planned", "evidence_url": ""}});
    let (status, body) = api.send(reqwest::Method::POST, &format!("/schools/{}/plan/goals/{goal_id}/actions", s.school_a), &action).await?;
    assert!(status.is_success(), "{status} {body}");
    let action_id: i64 = sqlx::query_scalar("select id from actions").fetch_one(s.server.state.writer.pool()).await?;
    let item = format!(r#"[data-action-id="{action_id}"]"#);
    let plan = format!("{}/schools/{}/plan", s.server.url, s.school_a);

    let browser = Browser::start().await?;
    browser.goto(&s.teacher).await?;
    browser.wait_for_text("[data-testid=who-name]", "An Peeters").await?;
    browser.goto(&plan).await?;
    browser.wait_for(&format!("{item} [data-testid=evidence-input]")).await?;
    attach(&browser, &item, "Foto makerspace.pdf", false, false).await?;
    browser.wait_for_text(&format!("{item} [data-testid=evidence-file]"), "Foto makerspace.pdf").await?;
    // Delete, then undo.
    press(&browser, &format!("{item} [data-testid=evidence-delete]")).await?;
    browser.wait_for(&format!("{item} [data-testid=evidence-undo]")).await?;
    browser.wait_gone(&format!("{item} [data-testid=evidence-file]")).await?;
    press(&browser, &format!("{item} [data-testid=evidence-undo]")).await?;
    browser.wait_for_text(&format!("{item} [data-testid=evidence-file]"), "Foto makerspace.pdf").await?;
    let deleted: Option<i64> = sqlx::query_scalar("select deleted_at from evidence_files").fetch_one(s.server.state.writer.pool()).await?;
    assert_eq!(deleted, None);
    let href = browser.wait_for(&format!("{item} [data-testid=evidence-file] a")).await?.attr("href").await?.unwrap_or_default();
    browser.close().await?;

    // The sponsor reads the plan with the file, without the tools to change it.
    let sponsor = Browser::start().await?;
    sponsor.goto(&s.company_a).await?;
    sponsor.wait_for_text("[data-testid=who-name]", "Xavier Xylos").await?;
    sponsor.goto(&plan).await?;
    sponsor.wait_for_text(&format!("{item} [data-testid=evidence-file]"), "Foto makerspace.pdf").await?;
    assert!(sponsor.all(&format!("{item} [data-testid=evidence-input]")).await?.is_empty());
    assert!(sponsor.all(&format!("{item} [data-testid=evidence-delete]")).await?.is_empty());
    assert_eq!(download(&sponsor, &href).await?, (200, "%PDF-1.4".to_string()));
    sponsor.close().await?;
    // Another school's company: 403.
    let other = Browser::start().await?;
    other.goto(&s.company_b).await?;
    other.wait_for_text("[data-testid=who-name]", "Yana Yzer").await?;
    assert_eq!(download(&other, &href).await?.0, 403);
    other.close().await?;
    Ok(())
}

/// The coordinator carries an edition with its evidence files to another
/// installation from the edition page: the archive link is offered, and the
/// `.zip` chosen in the import field arrives with its files.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_moves_an_edition_with_its_evidence_files_through_the_edition_page() -> TestResult {
    let s = scene().await?;
    let browser = Browser::start().await?;
    open_sheet(&browser, &s.teacher).await?;
    let card = format!(r#"[data-indicator="{FIRST}"]"#);
    attach(&browser, &card, "Verslag vakgroep.pdf", false, false).await?;
    browser.wait_for_text(&format!("{card} [data-testid=evidence-file]"), "Verslag vakgroep.pdf").await?;
    browser.close().await?;

    // The edition page offers the archive beside the plain file.
    let coordinator = s.server.invite(Role::Coordinator, "Coördinator").await?;
    let b = Browser::start().await?;
    b.goto(&coordinator).await?;
    b.wait_for_text("[data-testid=who-name]", "Coördinator").await?;
    b.goto(&format!("{}/coordinator/edition", s.server.url)).await?;
    let href = b.wait_for("[data-testid=export-archive]").await?.attr("href").await?.unwrap_or_default();
    assert!(href.ends_with("/export.zip"), "{href}");
    b.close().await?;
    // Downloaded as the link does.
    let api = s.server.api();
    api.sign_in(&s.server.invite(Role::Coordinator, "Back-up").await?).await?;
    let response = api.http.get(format!("{}{}", s.server.url, href)).send().await?;
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    let file = tempfile::NamedTempFile::with_suffix(".zip")?;
    std::fs::write(file.path(), response.bytes().await?)?;

    // Another installation imports the archive from its edition page.
    let fresh = TestServer::start().await?;
    let b = Browser::start().await?;
    b.goto(&fresh.invite(Role::Coordinator, "Nieuwe coördinator").await?).await?;
    b.wait_for_text("[data-testid=who-name]", "Nieuwe coördinator").await?;
    b.goto(&format!("{}/coordinator/edition", fresh.url)).await?;
    b.wait_for("[data-testid=import-file]").await?.send_keys(&file.path().display().to_string()).await?;
    b.wait_for_text("[data-testid=import-result]", "2 scholen").await?;
    let files: i64 = sqlx::query_scalar("select count(*) from evidence_files").fetch_one(fresh.state.writer.pool()).await?;
    assert_eq!(files, 1, "the evidence file arrived with the edition");
    b.close().await
}

/// The coordinator sets the edition's limits on evidence files on the
/// edition page: a value out of range is refused at its field in Dutch,
/// the saved limits survive a reload, and a teacher's file over the new
/// largest size is refused at the answer's field with that size.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_sets_the_evidence_limits_and_a_larger_file_is_refused() -> TestResult {
    let s = scene().await?;
    let coordinator = s.server.invite(Role::Coordinator, "Coördinator").await?;
    let b = Browser::start().await?;
    b.goto(&coordinator).await?;
    b.wait_for_text("[data-testid=who-name]", "Coördinator").await?;
    b.goto(&format!("{}/coordinator/edition", s.server.url)).await?;
    press(&b, "[data-edition='STEMpact 2025-2026'] .actions button").await?;
    b.wait_for("[data-testid=evidence-limits] #max_file_mb").await?;
    assert_eq!(b.js("return document.querySelector('#max_file_mb').value").await?, serde_json::json!("10"), "the default: 10 MB a file");
    assert_eq!(b.js("return document.querySelector('#school_quota_mb').value").await?, serde_json::json!("200"));

    // Out of range and below the file size: refused at the fields, nothing sent.
    b.set_value("#max_file_mb", "0", "input").await?;
    b.set_value("#school_quota_mb", "5", "input").await?;
    press(&b, "[data-testid=save-evidence-limits]").await?;
    b.wait_for_text("[data-field=max_file_mb] .field-error", "tussen 1 en 50 MB").await?;
    b.wait_for_text("[data-field=school_quota_mb] .field-error", "tussen 10 en 5000 MB").await?;
    crate::jury::shot(&b, "evidence-limits-refused").await?;
    assert_eq!(b.js("return document.querySelector('#max_file_mb').getAttribute('aria-invalid')").await?, serde_json::json!("true"));
    let edition: i64 = sqlx::query_scalar("select id from editions").fetch_one(s.server.state.writer.pool()).await?;
    let api = s.server.api();
    api.sign_in(&s.server.invite(Role::Coordinator, "Controle").await?).await?;
    let (_, limits) = api.get(&format!("/editions/{edition}/evidence-limits")).await?;
    assert_eq!(limits["max_file_bytes"], serde_json::json!(10 * 1024 * 1024), "nothing was saved");

    // Valid: saved, and a reload shows them.
    b.set_value("#max_file_mb", "1", "input").await?;
    b.set_value("#school_quota_mb", "20", "input").await?;
    press(&b, "[data-testid=save-evidence-limits]").await?;
    b.wait_for("[data-testid=evidence-limits-saved]").await?;
    b.reload().await?;
    press(&b, "[data-edition='STEMpact 2025-2026'] .actions button").await?;
    b.wait_for("[data-testid=evidence-limits] #max_file_mb").await?;
    b.eventually("the saved limits shown", || async {
        Ok((b.js("return document.querySelector('#max_file_mb').value + '/' + document.querySelector('#school_quota_mb').value").await?
            == serde_json::json!("1/20"))
        .then_some(()))
    })
    .await?;
    b.axe_check("the edition page with its evidence limits").await?;
    b.close().await?;

    // A teacher's 2 MB PDF is now refused at the field, with the new size.
    let browser = Browser::start().await?;
    open_sheet(&browser, &s.teacher).await?;
    let card = format!(r#"[data-indicator="{FIRST}"]"#);
    attach_bytes(&browser, &card, "groot.pdf", r"new TextEncoder().encode('%PDF-1.4\n' + 'x'.repeat(2 * 1024 * 1024) + '\n%%EOF\n')", false).await?;
    browser.wait_for_text(&format!("{card} [data-testid=evidence-error]"), "hoogstens 1,0 MB").await?;
    let stored: i64 = sqlx::query_scalar("select count(*) from evidence_files").fetch_one(s.server.state.writer.pool()).await?;
    assert_eq!(stored, 0);
    browser.close().await?;
    Ok(())
}

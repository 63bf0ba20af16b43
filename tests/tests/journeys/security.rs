//! Security journeys in headless Chromium: the app starts and works under
//! its strict content security policy (its own start-up script and wasm
//! run, inline style attributes apply, an injected script does not), and
//! signing out on a shared school computer erases the local drafts, after
//! asking when some were never saved.

use e2e::{fixtures, Browser, TestResult, TestServer};
use rubric::people::Role;

const FIRST: &str = "curriculum.learning-lines";

/// Scroll an element to the middle of the window and click it.
async fn press(browser: &Browser, css: &str) -> TestResult {
    let el = browser.wait_for(css).await?;
    browser.client.execute("arguments[0].scrollIntoView({block: 'center'});", vec![serde_json::to_value(&el)?]).await?;
    el.click().await?;
    Ok(())
}

/// A school with an open nulmeting and two teachers; their sign-in links.
async fn school() -> TestResult<(TestServer, String, String)> {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    fixtures::nulmeting_deadline(db, edition, "2999-12-19").await?;
    let school = fixtures::school(db, edition, "Sint-Jozefscollege", "Aalst").await?;
    let an = server.invite_scoped(Role::SchoolMember, "An Peeters", Some(school), None).await?;
    let bart = server.invite_scoped(Role::SchoolMember, "Bart Claes", Some(school), None).await?;
    Ok((server, an, bart))
}

/// Sign in with a link and open one's own nulmeting sheet.
async fn open_sheet(browser: &Browser, link: &str, name: &str) -> TestResult {
    browser.goto(link).await?;
    browser.wait_for_text("[data-testid=who-name]", name).await?;
    press(browser, "[data-testid=nulmeting-card] a.button").await?;
    browser.wait_for(r#"section.aspect-sheet[data-aspect="curriculum"]"#).await?;
    Ok(())
}

/// Every content security policy violation the page reported so far
/// (buffered reports included), as "directive blocked-url".
async fn violations(browser: &Browser) -> TestResult<Vec<String>> {
    let script = r#"const done = arguments[arguments.length - 1];
        const seen = [];
        const keep = (reports) => { for (const r of reports) seen.push(r.body.effectiveDirective + ' ' + r.body.blockedURL); };
        const o = new ReportingObserver(keep, { types: ['csp-violation'], buffered: true });
        o.observe();
        setTimeout(() => { keep(o.takeRecords()); o.disconnect(); done(seen); }, 300);"#;
    let v = browser.client.execute_async(script, vec![]).await?;
    Ok(v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect()).unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_app_runs_under_its_strict_content_security_policy() -> TestResult {
    let (server, an, _) = school().await?;
    let page = reqwest::get(&server.url).await?;
    let csp = page.headers().get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(csp.contains("default-src 'self'") && csp.contains("'sha256-"), "{csp}");

    let browser = Browser::start().await?;
    open_sheet(&browser, &an, "An Peeters").await?;
    press(&browser, &format!(r#"[data-indicator="{FIRST}"] label[data-answer="3"]"#)).await?;
    browser.wait_for(&format!(r#"article[data-indicator="{FIRST}"][data-state="saved"]"#)).await?;
    // The progress bar's width is an inline style attribute: applied.
    let bar = "[data-testid=submit-panel] .progress-bar span";
    browser
        .eventually("the progress bar to show one answer", || async {
            let width = browser.js(&format!("return document.querySelector('{bar}').getBoundingClientRect().width")).await?;
            Ok(width.as_f64().filter(|w| *w > 0.0))
        })
        .await?;
    assert_eq!(browser.js(&format!("return document.querySelector('{bar}').style.width")).await?, "3%");
    // Nothing the app does is refused ...
    assert_eq!(violations(&browser).await?, Vec::<String>::new());
    // ... while a script slipped into the page is.
    browser.js("const s = document.createElement('script'); s.textContent = 'window.injected = true'; document.body.append(s); return true;").await?;
    assert_eq!(browser.js("return window.injected === true").await?, false);
    let seen = violations(&browser).await?;
    assert!(seen.iter().any(|v| v.starts_with("script-src")), "{seen:?}");
    browser.close().await
}

/// The keys of local drafts in this browser.
async fn draft_keys(browser: &Browser) -> TestResult<Vec<String>> {
    let v = browser
        .js("return Object.keys(localStorage).filter(k => ['stempact.nulmeting.', 'stempact.plan-draft.', 'stempact.jury.'].some(p => k.startsWith(p)))")
        .await?;
    Ok(v.as_array().map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect()).unwrap_or_default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_on_a_shared_computer_erases_the_local_drafts() -> TestResult {
    let (server, an, bart) = school().await?;
    let browser = Browser::start().await?;
    open_sheet(&browser, &an, "An Peeters").await?;
    browser.click("button[data-lang=en]").await?;
    browser.click("button[data-lang=nl]").await?;
    // Saving fails (the school's network drops): the answer stays on this computer.
    browser
        .js("const f = window.fetch; window.fetch = (input, init) => (((init && init.method) || (input && input.method) || 'GET').toUpperCase() === 'PUT' ? Promise.reject(new TypeError('Failed to fetch')) : f(input, init)); return true;")
        .await?;
    press(&browser, &format!(r#"[data-indicator="{FIRST}"] label[data-answer="2"]"#)).await?;
    browser.wait_for("[data-testid=save-status][data-state=offline]").await?;
    assert_eq!(draft_keys(&browser).await?.len(), 1, "the unsaved answer is kept on this device");

    // Signing out asks first; "cancel" keeps the session and the draft.
    browser.click("[data-testid=sign-out]").await?;
    let question = browser.client.get_alert_text().await?;
    assert!(question.contains("niet op de server bewaard"), "{question}");
    browser.client.dismiss_alert().await?;
    assert_eq!(browser.text("[data-testid=who-name]").await?, "An Peeters");
    assert_eq!(draft_keys(&browser).await?.len(), 1);
    // Confirmed: signed out, and nothing of An's answers stays behind.
    browser.click("[data-testid=sign-out]").await?;
    browser.client.accept_alert().await?;
    browser.wait_for_text(".who", "Niet aangemeld").await?;
    assert_eq!(draft_keys(&browser).await?, Vec::<String>::new());
    assert_eq!(browser.js("return localStorage.getItem('stempact.lang')").await?, "nl", "the language choice stays");
    browser.reload().await?;
    browser.wait_for_text(".who", "Niet aangemeld").await?;
    assert_eq!(draft_keys(&browser).await?, Vec::<String>::new());

    // The next teacher on this computer starts clean.
    open_sheet(&browser, &bart, "Bart Claes").await?;
    let checked = browser.js(&format!(r#"return document.querySelectorAll('[data-indicator="{FIRST}"] input:checked').length"#)).await?;
    assert_eq!(checked, 0);
    // Without drafts, signing out does not ask.
    browser.click("[data-testid=sign-out]").await?;
    browser.wait_for_text(".who", "Niet aangemeld").await?;
    assert!(browser.client.get_alert_text().await.is_err(), "no question without drafts");
    drop(server);
    browser.close().await
}

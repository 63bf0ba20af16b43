//! Results a chair can sign, in headless Chromium on the demo edition
//! (`stempact demo`): Award West shows that its winner depends on one
//! juror; the lock waits for the chair, who confirms the winner with a
//! reason on their own page; the coordinator locks; the printed results
//! sheet is one signed page per category (PDF pages counted and read); the
//! score export goes through `stempact jury-stats` and gives what the screen
//! shows; a juror whose sheet a late conflict drops is told, and after
//! locking is not told to unlock.
//!
//! Set `STEMPACT_SHOTS=/some/dir` to save screenshots and the PDF's pages
//! as PNG along the way.

use super::jury::{api_as, auto_confirm, link_for, open_jury, programme, sheet, shot, sign_out, B};
use e2e::{Browser, TestResult, TestServer};
use fantoccini::wd::PrintConfiguration;
use reqwest::{Method, StatusCode};
use rubric::people::Role;
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

/// The demo edition, loaded as `stempact demo` loads it.
async fn demo(server: &TestServer) -> TestResult {
    let today = rubric::Date::from_unix_seconds(server::db::now()).ok_or("clock")?;
    let doc = server::demo::document(today, server::db::now());
    server::db::exchange::import(&server.state.writer, &doc, None).await?;
    Ok(())
}

async fn scalar(server: &TestServer, sql: &str) -> TestResult<i64> {
    Ok(sqlx::query_scalar(sql).fetch_one(&server.state.db).await?)
}

/// Run a command and return its standard output; fail with its stderr.
fn run(cmd: &mut Command) -> TestResult<String> {
    let out = cmd.output().map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_the_demo_award_west_waits_for_the_chairs_reason_then_prints_one_signed_page_per_category() -> TestResult {
    let server = TestServer::start().await?;
    demo(&server).await?;
    let west = scalar(&server, "select id from award_categories where name like 'Award West%'").await?;
    let oost = scalar(&server, "select id from award_categories where name like 'Award Oost%'").await?;
    let chair = scalar(&server, "select chair_id from jury_settings").await?;
    let coordinator = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let browser = Browser::start().await?;
    browser.goto(&coordinator).await?;
    browser.wait_for("[data-testid=start-page]").await?;

    // The warning next to the winner, in plain language.
    browser.goto(&format!("{}/coordinator/jury/results", server.url)).await?;
    let west_css = format!("section.category-results[data-category='{west}']");
    browser.wait_for_text(&format!("{west_css} [data-testid=winner]"), "Atheneum Scheldeland").await?;
    browser
        .wait_for_text(
            &format!("{west_css} [data-testid=robustness]"),
            "De winnaar hangt af van één jurylid: zonder Nadia Wouters wint Campus Leiebocht.",
        )
        .await?;
    let note = browser.text(&format!("{west_css} [data-testid=robustness]")).await?;
    assert!(note.contains("Met genormaliseerde scores wint Campus Leiebocht."), "{note}");
    assert!(note.contains("Op gemiddelde rang wint Campus Leiebocht."), "{note}");
    browser.wait_for_text(&format!("section.category-results[data-category='{oost}'] [data-testid=robustness]"), "Robuust").await?;
    // The juror who decides it is the one flagged, and the jurors' ICC reads below zero.
    browser.wait_for_text(&format!("{west_css} [data-testid=juror-table]"), "Bespreken").await?;
    browser.wait_for_text(&format!("{west_css} [data-stat=icc_2_k]"), "geen (onder nul)").await?;
    let ranking = browser.text(&format!("{west_css} [data-testid=ranking]")).await?;
    assert!(ranking.contains("7,53") && ranking.contains("7,48"), "{ranking}");
    shot(&browser, "signoff-results-open").await?;
    // The automatic conflict names the sponsor once, in Dutch.
    browser.goto(&format!("{}/coordinator/jury", server.url)).await?;
    let conflicts = browser.wait_for_text("[data-testid=conflicts]", "Automatisch: werkt voor het peterbedrijf").await?;
    assert!(!conflicts.contains("works for"), "{conflicts}");
    assert_eq!(conflicts.matches("peterbedrijf").count(), 1, "{conflicts}");
    browser.goto(&format!("{}/coordinator/jury/results", server.url)).await?;

    // Scoring closes; the lock waits for the chair's reason, for West only.
    let coord = server.api();
    coord.sign_in(&server.invite(Role::Coordinator, "Tweede coördinator").await?).await?;
    let (_, view) = coord.get("/jury/results").await?;
    let version = view["settings"]["version"].as_i64().ok_or("version")?;
    let (status, body) = coord.send(Method::POST, "/jury/status", &json!({"version": version, "status": "closed"})).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    browser.reload().await?;
    let problems = browser.wait_for_text("[data-testid=lock-problems]", "de voorzitter moet hem bevestigen met een reden in Award West").await?;
    // The log, in the interface language.
    let entry = browser.wait_for_text("[data-testid=audit-log] li[data-action='jury.status']", "Beoordelen gesloten").await?;
    assert!(entry.contains("stand van het beoordelen: Beoordelen open → Beoordelen gesloten"), "{entry}");
    assert!(!problems.contains("Award Oost"), "{problems}");
    assert!(browser.wait_for("[data-testid=lock]").await?.attr("disabled").await?.is_some());
    browser.wait_for("[data-testid=waits-for-chair]").await?;
    sign_out(&browser).await?;

    // The chair, from their own start page, confirms with a reason.
    browser.goto(&link_for(&server, chair).await?).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    browser.goto(&format!("{}/jury", server.url)).await?;
    browser.click("a[href='/jury/chair']").await?;
    browser.wait_for_text(&format!("{west_css} [data-testid=needs-confirmation]"), "De voorzitter moet deze winnaar bevestigen").await?;
    let form = format!("[data-testid=acknowledge-form][data-category='{west}']");
    assert!(browser.all(&format!("[data-testid=acknowledge-form][data-category='{oost}']")).await?.is_empty());
    // No reason, no confirmation.
    assert!(browser.wait_for(&format!("{form} [data-testid=acknowledge]")).await?.attr("disabled").await?.is_some());
    let reason = "Besproken op de jurydag: Nadia Wouters lichtte haar scores toe; de jury houdt de ruwe score aan.";
    browser.fill(&format!("{form} textarea"), reason).await?;
    auto_confirm(&browser).await?;
    browser.click(&format!("{form} [data-testid=acknowledge]")).await?;
    browser.wait_for_text(&format!("{west_css} [data-testid=acknowledged]"), "de jury houdt de ruwe score aan").await?;
    browser.wait_for("[data-testid=nothing-to-confirm]").await?;
    // It holds after a reload, and the log says it in Dutch.
    browser.reload().await?;
    browser.wait_for_text(&format!("{west_css} [data-testid=acknowledged]"), "Bevestigd door").await?;
    browser
        .wait_for_text("[data-testid=audit-log] li[data-action='jury.robustness-acknowledged']", "de voorzitter bevestigt Atheneum Scheldeland als winnaar")
        .await?;
    shot(&browser, "signoff-chair").await?;
    // The chair's way back is to their own finalists.
    browser.wait_for_text("[data-testid=jury-chair] .page-head a[href='/jury']", "Terug naar mijn finalisten").await?;
    sign_out(&browser).await?;

    // The coordinator locks.
    browser.goto(&server.invite(Role::Coordinator, "Derde coördinator").await?).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    browser.goto(&format!("{}/coordinator/jury/results", server.url)).await?;
    browser.wait_gone("[data-testid=lock-problems]").await?;
    auto_confirm(&browser).await?;
    browser.click("[data-testid=lock]").await?;
    browser.wait_for_text("[data-testid=lock-state]", "Vergrendeld").await?;
    // The coordinator on the chair's page is no juror: the way back is to
    // the jury results, not to "my finalists".
    browser.goto(&format!("{}/jury/chair", server.url)).await?;
    browser.wait_for_text("[data-testid=jury-chair] .page-head a[href='/coordinator/jury/results']", "Terug naar de juryresultaten").await?;
    assert!(browser.all("[data-testid=jury-chair] a[href='/jury']").await?.is_empty());

    // The printed sheet: one page per category, no blank page, everything
    // a chair signs for, in Dutch.
    browser.goto(&format!("{}/coordinator/jury/results/print", server.url)).await?;
    browser.wait_for("[data-testid=sheet-signatures]").await?;
    assert_eq!(browser.all("[data-testid=sheet-page]").await?.len(), 2);
    shot(&browser, "signoff-sheet").await?;
    let pdf = browser.client.print(PrintConfiguration::default()).await?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("results.pdf");
    std::fs::write(&path, &pdf)?;
    let info = run(Command::new("pdfinfo").arg(&path))?;
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).ok_or("pdfinfo has no page count")?.trim().parse()?;
    assert_eq!(pages, 2, "one page per category: {info}");
    let page = |n: usize| run(Command::new("pdftotext").args(["-layout", "-f", &n.to_string(), "-l", &n.to_string()]).arg(&path).arg("-"));
    let (first, second) = (page(1)?, page(2)?);
    assert!(first.contains("Award Oost") && !first.contains("Award West"), "{first}");
    assert!(second.contains("Award West") && !second.contains("Award Oost"), "{second}");
    for text in [&first, &second] {
        for expected in ["STEMpact award: uitslag", "Vergrendeld op", "ICC(2,1)", "ICC(2,k)", "Kendall's W", "Handtekening", "Voorzitter van de jury", "Coördinator", "Scorebladen gewijzigd na inzage"] {
            assert!(text.contains(expected), "{expected:?} missing from a page:\n{text}");
        }
        assert_eq!(text.matches("Handtekening").count(), 2, "{text}");
    }
    for expected in ["Atheneum Scheldeland", "7,53", "7,48", "De winnaar hangt af van één jurylid", "Nadia Wouters", "Bevestigd door", "geen (onder nul)", "Afwijkende juryleden"] {
        assert!(second.contains(expected), "{expected:?} missing from the West page:\n{second}");
    }
    assert!(first.contains("Robuust"), "{first}");
    if let Some(shots) = std::env::var_os("STEMPACT_SHOTS") {
        run(Command::new("pdftoppm").args(["-png", "-r", "60"]).arg(&path).arg(Path::new(&shots).join("signoff-sheet-pdf")))?;
    }
    // The same sheet in English, with English decimals.
    browser.click("button[data-lang=en]").await?;
    browser.wait_for_text("[data-testid=results-sheet]", "The winner depends on one juror: without Nadia Wouters Campus Leiebocht wins.").await?;
    let english = browser.text("[data-testid=results-sheet]").await?;
    for expected in ["STEMpact award: results", "Locked on", "Signature", "Chair of the jury", "7.53", "none (below zero)", "Score sheets changed after seeing the others"] {
        assert!(english.contains(expected), "{expected:?} missing from the English sheet");
    }
    browser.click("button[data-lang=nl]").await?;
    browser.wait_for_text("[data-testid=results-sheet]", "STEMpact award: uitslag").await?;

    // A juror after locking: told it is final, not to unlock.
    sign_out(&browser).await?;
    let tom = scalar(&server, "select id from people where name = 'Tom Janssens'").await?;
    browser.goto(&link_for(&server, tom).await?).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    browser.goto(&format!("{}/jury", server.url)).await?;
    let locked = browser.wait_for_text("[data-testid=jury-locked]", "De resultaten zijn vergrendeld").await?;
    assert!(!locked.contains("ontgrendel"), "{locked}");
    assert!(browser.all("[data-testid=declare-conflict]").await?.is_empty());
    browser.close().await
}

/// The ranking of a category as the screen shows it: per row the place,
/// the finalist and the three numbers.
async fn screen_ranking(browser: &Browser, category: i64) -> TestResult<Vec<Vec<String>>> {
    let js = format!(
        "return [...document.querySelectorAll(\"section.category-results[data-category='{category}'] [data-testid=ranking] tbody tr\")]\
         .map(r => [...r.cells].slice(0, 5).map(c => c.textContent.trim()))"
    );
    Ok(serde_json::from_value(browser.js(&js).await?)?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_score_export_goes_through_jury_stats_and_gives_what_the_screen_shows() -> TestResult {
    let server = TestServer::start().await?;
    demo(&server).await?;
    // Beside this test binary's `deps/` folder, in whatever target folder cargo uses.
    let profile_dir = std::env::current_exe()?.parent().and_then(|deps| deps.parent()).map(std::path::Path::to_path_buf).ok_or("no target folder")?;
    let cli = profile_dir.join("stempact");
    assert!(cli.is_file(), "{} is missing: build it with `cargo build -p server`", cli.display());
    let link = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let browser = Browser::start().await?;
    browser.goto(&link).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    browser.goto(&format!("{}/coordinator/jury/results", server.url)).await?;
    browser.wait_for("[data-testid=robustness]").await?;
    let coord = server.api();
    coord.sign_in(&server.invite(Role::Coordinator, "Tweede coördinator").await?).await?;
    let dir = tempfile::tempdir()?;
    for (testid, decimal) in [("export-scores", "."), ("export-scores-flemish", ",")] {
        // The file behind the page's own link.
        let href = browser.wait_for(&format!("[data-testid={testid}]")).await?.attr("href").await?.ok_or("href")?;
        let r = coord.http.get(format!("{}{href}", server.url)).send().await?;
        assert_eq!(r.status(), StatusCode::OK);
        let path = dir.path().join(format!("{testid}.csv"));
        std::fs::write(&path, r.bytes().await?)?;
        let out: Value = serde_json::from_str(&run(Command::new(&cli).arg("jury-stats").arg(&path))?)?;
        let categories = out["categories"].as_array().ok_or("categories")?;
        assert_eq!(categories.len(), 2);
        for c in categories {
            let name = c["category"].as_str().ok_or("name")?;
            let id = scalar(&server, &format!("select id from award_categories where name = '{}'", name.replace('\'', "''"))).await?;
            let css = format!("section.category-results[data-category='{id}']");
            // Winner, ranking and numbers: the same on screen (Dutch decimal comma).
            browser.wait_for_text(&format!("{css} [data-testid=winner]"), c["winner"].as_str().ok_or("winner")?).await?;
            let dutch = |v: &Value| v.as_str().unwrap_or("–").replace('.', ",");
            let expected: Vec<Vec<String>> = c["ranking"]
                .as_array()
                .ok_or("ranking")?
                .iter()
                .map(|p| {
                    vec![
                        p["place"].to_string(),
                        p["finalist"].as_str().unwrap_or_default().to_string(),
                        dutch(&p["score"]),
                        dutch(&p["normalized_score"]),
                        dutch(&p["mean_rank"]),
                    ]
                })
                .collect();
            assert_eq!(screen_ranking(&browser, id).await?, expected, "{testid} ({decimal}): {name}");
            // Agreement: the same values and readings.
            for (k, stat) in ["icc_2_1", "icc_2_k", "kendall_w"].iter().enumerate() {
                let shown = browser.text(&format!("{css} [data-stat={stat}] .stat-value")).await?;
                match c["agreement"][k]["value"].as_str() {
                    Some(v) => assert!(shown.contains(&v.replace('.', ",")), "{name} {stat}: {shown} vs {v}"),
                    None => assert!(shown.contains("Niet berekenbaar"), "{name} {stat}: {shown}"),
                }
            }
            let robust = c["robustness"]["robust"].as_bool().ok_or("robust")?;
            let shown = browser.wait_for(&format!("{css} [data-testid=robustness]")).await?.attr("data-robust").await?;
            assert_eq!(shown.as_deref(), Some(if robust { "true" } else { "false" }), "{name}");
        }
    }
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_juror_whose_sheet_a_late_conflict_drops_is_told_and_progress_counts_only_what_counts() -> TestResult {
    let server = TestServer::start().await?;
    let p = programme(&server).await?;
    let jury = open_jury(&server, &p).await?;
    let fb = jury.finalists[1];
    // Lotte submits College Zuid, then learns her sister teaches there.
    let lotte = api_as(&server, jury.lotte).await?;
    let (status, body) = lotte.send(Method::POST, &format!("/jury/my/finalists/{fb}/submit"), &sheet(&jury.criteria, &B, 0)).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let browser = Browser::start().await?;
    browser.goto(&link_for(&server, jury.lotte).await?).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    browser.goto(&format!("{}/jury", server.url)).await?;
    browser.wait_for_text("[data-testid=jury-progress]", "1 / 3").await?;
    super::jury::choose(&browser, "#conflict-finalist", &fb.to_string()).await?;
    browser.fill("#conflict-reason", "Mijn zus geeft er les").await?;
    browser.click("[data-testid=declare-conflict] button").await?;
    browser.wait_for_text(&format!("[data-testid=my-conflicts] li[data-conflict-finalist='{fb}'] [data-testid=sheet-dropped]"), "telt dat scoreblad niet mee").await?;
    browser.wait_for_text("[data-testid=jury-progress]", "0 / 2").await?;
    browser.reload().await?;
    browser.wait_for("[data-testid=sheet-dropped]").await?;
    shot(&browser, "signoff-dropped-sheet").await?;
    // The coordinator's counts: nothing above what is expected.
    let (_, setup) = api_as(&server, p.coordinator).await?.get("/jury/setup").await?;
    let row = setup["jurors"].as_array().ok_or("jurors")?.iter().find(|j| j["person_id"] == jury.lotte).cloned().ok_or("lotte")?;
    assert_eq!((row["submitted"].as_u64(), row["assigned"].as_u64()), (Some(0), Some(2)), "{row}");
    browser.close().await
}

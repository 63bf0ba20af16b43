//! Jury journeys in headless Chromium: the coordinator sets up the jury
//! (categories, finalists, jurors, tie-break rule, conflicts) and opens
//! scoring; three jurors score three finalists, one of them with an
//! automatic conflict who never sees that finalist (UI and API); a juror
//! cannot read the others' scores before submitting (UI and API); the
//! coordinator sees results, agreement and a logged tie-break, locks and
//! publishes, and jurors and the finalist school read the outcome.
//!
//! Set `STEMPACT_SHOTS=/some/dir` to save screenshots along the way.

use e2e::{fixtures, ApiClient, Browser, TestResult, TestServer};
use reqwest::{Method, StatusCode};
use rubric::people::Role;
use serde_json::{json, Value};

pub(crate) async fn shot(browser: &Browser, name: &str) -> TestResult {
    if let Some(dir) = std::env::var_os("STEMPACT_SHOTS") {
        let height = browser.js("return document.documentElement.scrollHeight").await?.as_u64().unwrap_or(900);
        browser.client.set_window_size(1280, height.clamp(900, 6000) as u32).await?;
        let png = browser.client.screenshot().await?;
        browser.client.set_window_size(1280, 900).await?;
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png)?;
    }
    Ok(())
}

/// Confirmation dialogs say yes in these journeys.
pub(crate) async fn auto_confirm(browser: &Browser) -> TestResult {
    browser.js("window.confirm = () => true; return true").await?;
    Ok(())
}

/// Sign out and wait until it is done, so the next sign-in is not undone
/// by a late sign-out answer.
pub(crate) async fn sign_out(browser: &Browser) -> TestResult {
    browser.click("[data-testid=sign-out]").await?;
    browser.wait_for_text(".who", "Niet aangemeld").await?;
    Ok(())
}

/// Pick an option of a `<select>` by its value.
pub(crate) async fn choose(browser: &Browser, select: &str, value: &str) -> TestResult {
    browser.click(&format!("{select} option[value='{value}']")).await
}

/// A fresh sign-in link for an existing person.
pub(crate) async fn link_for(server: &TestServer, person: i64) -> TestResult<String> {
    server.link_for(person).await
}

/// An API client signed in as `person` (with a link of its own).
pub(crate) async fn api_as(server: &TestServer, person: i64) -> TestResult<ApiClient> {
    let api = server.api();
    assert_eq!(api.sign_in(&link_for(server, person).await?).await?, StatusCode::OK);
    Ok(api)
}

/// The programme: an edition, two companies, three schools with submitted
/// plans (the first sponsored by Acme), nulmeting profiles, a final
/// measurement for the first school, and a coordinator.
pub(crate) struct Programme {
    pub(crate) edition: i64,
    pub(crate) acme: i64,
    pub(crate) schools: [i64; 3],
    pub(crate) coordinator: i64,
}

pub(crate) const SCHOOLS: [&str; 3] = ["Atheneum Noord", "College Zuid", "Technisch Instituut West"];

pub(crate) async fn programme(server: &TestServer) -> TestResult<Programme> {
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    let acme = fixtures::company(db, edition, "Acme Chemicals", "Gent").await?;
    fixtures::company(db, edition, "Beta Bouw", "Aalst").await?;
    let mut schools = [0; 3];
    for (i, name) in SCHOOLS.iter().enumerate() {
        schools[i] = fixtures::school(db, edition, name, ["Gent", "Lokeren", "Eeklo"][i]).await?;
        fixtures::submitted_plan(db, edition, schools[i], &fixtures::sample_plan(&format!("Plan {name}"))).await?;
        fixtures::consensus_profile(db, edition, schools[i], "baseline", |k| ((k + i) % 3 + 1) as i64).await?;
    }
    fixtures::sponsor(db, schools[0], acme).await?;
    fixtures::consensus_profile(db, edition, schools[0], "final", |k| ((k % 3) + 2) as i64).await?;
    let coordinator = sqlx::query_scalar(
        "insert into people (name, role, created_at) values ('Griet Van Damme', 'coordinator', 0) returning id",
    )
    .fetch_one(db)
    .await?;
    Ok(Programme { edition, acme, schools, coordinator })
}

/// The jury, set up through the API: one category with the three schools,
/// the default criteria, the suggested tie-break rule, jurors Jan (works for
/// Acme, so flagged for the first school), Kim (the chair) and Lotte;
/// scoring open.
pub(crate) struct Jury {
    pub(crate) finalists: [i64; 3],
    pub(crate) criteria: Vec<i64>,
    pub(crate) jan: i64,
    pub(crate) kim: i64,
    pub(crate) lotte: i64,
}

pub(crate) async fn open_jury(server: &TestServer, p: &Programme) -> TestResult<Jury> {
    let coord = api_as(server, p.coordinator).await?;
    let (status, setup) = coord.send(Method::POST, "/jury/categories", &json!({"name": "Oost-Vlaanderen"})).await?;
    assert_eq!(status, StatusCode::OK, "{setup}");
    let category = setup["categories"][0]["id"].as_i64().ok_or("category id")?;
    for school in p.schools {
        let body = json!({"category_id": category, "school_id": school});
        let (status, body) = coord.send(Method::POST, "/jury/finalists", &body).await?;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let mut ids = vec![];
    for (name, company) in [("Jan Acme", Some(p.acme)), ("Kim Verhoeven", None), ("Lotte Claes", None)] {
        let id = fixtures::juror_person(server.state.writer.pool(), name).await?;
        let (status, body) =
            coord.send(Method::POST, "/jury/jurors", &json!({"person_id": id, "company_id": company})).await?;
        assert_eq!(status, StatusCode::OK, "{body}");
        ids.push(id);
    }
    let (_, setup) = coord.get("/jury/setup").await?;
    let criteria: Vec<i64> = setup["criteria"].as_array().ok_or("criteria")?.iter().filter_map(|c| c["id"].as_i64()).collect();
    let mut version = setup["settings"]["version"].as_i64().ok_or("version")?;
    let rules = json!([{"higher-criterion": criteria[0].to_string()}, "higher-median-juror-score", "chair-decision"]);
    let body = json!({"version": version, "rules": rules, "chair_id": ids[1]});
    let (status, setup) = coord.send(Method::PUT, "/jury/tie-break", &body).await?;
    assert_eq!(status, StatusCode::OK, "{setup}");
    version = setup["settings"]["version"].as_i64().ok_or("version")?;
    let (status, body) = coord.send(Method::POST, "/jury/status", &json!({"version": version, "status": "open"})).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    let mut finalists = [0; 3];
    for (i, school) in p.schools.iter().enumerate() {
        finalists[i] = sqlx::query_scalar("select id from finalists where school_id = ?")
            .bind(school)
            .fetch_one(server.state.writer.pool())
            .await?;
    }
    Ok(Jury { finalists, criteria, jan: ids[0], kim: ids[1], lotte: ids[2] })
}

pub(crate) fn sheet(criteria: &[i64], scores: &[u8], version: i64) -> Value {
    let scores: serde_json::Map<String, Value> = criteria.iter().zip(scores).map(|(c, s)| (c.to_string(), json!(s))).collect();
    json!({"version": version, "scores": scores, "remarks": {}, "remark": ""})
}

/// Score a finalist through the score page and submit.
async fn score_in_ui(browser: &Browser, server: &TestServer, jury: &Jury, finalist: i64, scores: &[u8]) -> TestResult {
    browser.goto(&format!("{}/jury/finalists/{finalist}", server.url)).await?;
    browser.wait_for("[data-testid=score-sheet]").await?;
    for (c, n) in jury.criteria.iter().zip(scores) {
        browser.click(&format!("label[for='score-{c}-{n}']")).await?;
    }
    browser.click("[data-testid=submit-sheet]").await?;
    browser.wait_for("[data-testid=submitted-notice]").await?;
    browser.wait_for("[data-testid=others-scores]").await?;
    Ok(())
}

// Weighted means with the default weights 25/20/20/20/15: A and B both 6.5
// for every juror (A higher on the first criterion), C 5.0.
pub(crate) const A: [u8; 5] = [8, 6, 6, 6, 6];
pub(crate) const B: [u8; 5] = [6, 7, 7, 8, 4];
pub(crate) const C: [u8; 5] = [5, 5, 5, 5, 5];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_sets_up_the_jury_and_opens_scoring() -> TestResult {
    let server = TestServer::start().await?;
    let p = programme(&server).await?;
    let existing = fixtures::juror_person(server.state.writer.pool(), "Jan Acme").await?;
    let browser = Browser::start().await?;
    browser.goto(&link_for(&server, p.coordinator).await?).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    browser.goto(&format!("{}/coordinator/jury", server.url)).await?;
    browser.wait_for_text("[data-testid=jury-status]", "In voorbereiding").await?;
    auto_confirm(&browser).await?;
    // The default criteria, weights summing to 100.
    browser.wait_for_text("[data-testid=weight-sum]", "100 / 100").await?;
    assert_eq!(browser.all("[data-testid=criteria-editor] fieldset.criterion-card").await?.len(), 5);
    let open_problems = browser.text("[data-testid=open-problems]").await?;
    assert!(open_problems.contains("awardcategorie") && open_problems.contains("jurylid"), "{open_problems}");
    // A weight typo is caught at once, at the field, and cannot be saved.
    browser.fill("#crit-0-weight", "30").await?;
    browser.wait_for_text("[data-testid=criteria-error]", "nu is het 105").await?;
    assert!(browser.wait_for("[data-testid=save-criteria]").await?.attr("disabled").await?.is_some());
    browser.fill("#crit-0-weight", "25").await?;
    browser.wait_for_text("[data-testid=weight-sum]", "100 / 100").await?;

    // A category with the three schools as finalists.
    browser.fill("#new-category", "Oost-Vlaanderen").await?;
    browser.click("[data-testid=add-category] button[type=submit]").await?;
    browser.wait_for_text("[data-testid=categories] h3", "Oost-Vlaanderen").await?;
    // The same name again is refused at the field, in Dutch (the server names the problem, the page words it).
    browser.fill("#new-category", "oost-vlaanderen").await?;
    browser.click("[data-testid=add-category] button[type=submit]").await?;
    browser.wait_for_text("#new-category-error", "Er bestaat al een categorie met deze naam.").await?;
    let category: i64 = sqlx::query_scalar("select id from award_categories").fetch_one(server.state.writer.pool()).await?;
    // A colleague archives the school chosen meanwhile: the refusal says so
    // in Dutch at the finalists, nothing is added, and it goes once a
    // finalist is added.
    let db = server.state.writer.pool();
    choose(&browser, &format!("#add-finalist-{category}"), &p.schools[0].to_string()).await?;
    sqlx::query("update schools set archived_at = 1767225600, version = version + 1 where id = ?").bind(p.schools[0]).execute(db).await?;
    browser.click(&format!("section[data-category='{category}'] .inline-form button")).await?;
    browser.wait_for_text("[data-testid=categories] .field-error", "Wat je koos hoort niet (meer) bij deze editie").await?;
    let added: i64 = sqlx::query_scalar("select count(*) from finalists").fetch_one(db).await?;
    assert_eq!(added, 0, "nothing added for an archived school");
    sqlx::query("update schools set archived_at = null, version = version + 1 where id = ?").bind(p.schools[0]).execute(db).await?;
    for school in p.schools {
        choose(&browser, &format!("#add-finalist-{category}"), &school.to_string()).await?;
        browser.click(&format!("section[data-category='{category}'] .inline-form button")).await?;
        browser
            .eventually("the finalist to be listed", || async {
                let n: i64 = sqlx::query_scalar("select count(*) from finalists where school_id = ?")
                    .bind(school)
                    .fetch_one(server.state.writer.pool())
                    .await?;
                Ok((n == 1).then_some(()))
            })
            .await?;
    }
    browser.wait_for_text(&format!("section[data-category='{category}']"), SCHOOLS[2]).await?;
    browser.wait_for_text(&format!("section[data-category='{category}']"), "peterbedrijf Acme Chemicals").await?;
    browser.wait_gone("[data-testid=categories] .field-error").await?;

    // Jurors: an existing person who works for Acme, and a new one with a link.
    browser.click("[data-testid=add-juror] .radio-row label:nth-child(2) input").await?;
    choose(&browser, "#juror-person", &existing.to_string()).await?;
    choose(&browser, "#juror-company", &p.acme.to_string()).await?;
    browser.click("[data-testid=add-juror] button[type=submit]").await?;
    browser.wait_for_text("[data-testid=jurors] table", "Jan Acme").await?;
    // Nobody else has the juror role: the form is back to inviting a new person.
    assert!(browser.all("[data-testid=add-juror] .radio-row").await?.is_empty());
    browser.fill("#juror-name", "Kim Verhoeven").await?;
    browser.fill("#juror-email", "kim@example.be").await?;
    browser.click("[data-testid=add-juror] button[type=submit]").await?;
    browser.wait_for_text("[data-testid=jurors] table", "Kim Verhoeven").await?;
    let link = browser.wait_for("[data-testid=sign-in-link] input").await?.prop("value").await?.unwrap_or_default();
    assert!(link.starts_with(&format!("{}/signin#", server.url)), "{link}");

    // The automatic flag: Jan works for the sponsor of Atheneum Noord.
    browser.wait_for_text("[data-testid=conflicts]", "Jan Acme").await?;
    let conflicts = browser.text("[data-testid=conflicts]").await?;
    assert!(conflicts.contains(SCHOOLS[0]) && conflicts.contains("Automatisch"), "{conflicts}");
    // Dismissing needs a reason; restoring undoes it.
    browser.click("[data-testid=dismiss]").await?;
    assert!(browser.wait_for("[data-testid=dismiss-form] button[type=submit]").await?.attr("disabled").await?.is_some());
    browser.fill("[data-testid=dismiss-form] input", "Jan werkt in een andere divisie").await?;
    browser.click("[data-testid=dismiss-form] button[type=submit]").await?;
    browser.wait_for_text("[data-testid=conflicts]", "Opgeheven").await?;
    browser.wait_for_text("[data-testid=conflicts]", "andere divisie").await?;
    browser.click("[data-testid=conflicts] tr[data-conflict] .link-button").await?;
    browser.wait_for_text("[data-testid=conflicts]", "Actief").await?;

    // The tie-break rule: the suggestion ends with the chair's decision, so
    // it saves only once the jury has a chair.
    browser.wait_for_text("[data-testid=tie-break-editor]", "Hogere gemiddelde score op Impact").await?;
    browser.wait_for_text("[data-testid=chair-error]", "kies de voorzitter").await?;
    assert!(browser.wait_for("[data-testid=save-tie-break]").await?.attr("disabled").await?.is_some());
    choose(&browser, "#chair", &existing.to_string()).await?;
    browser.wait_gone("[data-testid=chair-error]").await?;
    browser.click("[data-testid=save-tie-break]").await?;
    browser.wait_gone("[data-testid=open-problems]").await?;
    shot(&browser, "jury-setup").await?;

    // Everything survives a reload; then scoring opens.
    browser.reload().await?;
    browser.wait_for_text(&format!("section[data-category='{category}']"), SCHOOLS[1]).await?;
    browser.wait_for_text("[data-testid=jurors] table", "Kim Verhoeven").await?;
    auto_confirm(&browser).await?;
    browser.click("[data-testid=open-scoring]").await?;
    browser.wait_for_text("[data-testid=status-text]", "Beoordelen open").await?;
    // Set-up is frozen now: no category form.
    assert!(browser.all("[data-testid=add-category]").await?.is_empty());
    let (_, log) = api_as(&server, p.coordinator).await?.get("/jury/audit").await?;
    let actions: Vec<&str> = log.as_array().ok_or("log")?.iter().filter_map(|e| e["action"].as_str()).collect();
    for action in ["jury.category", "jury.finalist", "jury.juror", "jury.conflict.automatic", "jury.conflict.dismissed", "jury.conflict.restored", "jury.tie-break-rule", "jury.status"] {
        assert!(actions.contains(&action), "{action} missing from {actions:?}");
    }
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_jurors_score_blind_until_submit_and_a_conflicted_juror_never_sees_the_finalist() -> TestResult {
    let server = TestServer::start().await?;
    let p = programme(&server).await?;
    let jury = open_jury(&server, &p).await?;
    let [fa, fb, fc] = jury.finalists;
    let browser = Browser::start().await?;

    // Jan works for Acme: Atheneum Noord is not on his list, only as a conflict.
    browser.goto(&link_for(&server, jury.jan).await?).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    browser.goto(&format!("{}/jury", server.url)).await?;
    browser.wait_for_text("[data-testid=jury-progress]", "0 / 2").await?;
    let listed: Vec<String> = {
        let mut out = vec![];
        for el in browser.all(".finalist-list li").await? {
            out.push(el.attr("data-finalist").await?.unwrap_or_default());
        }
        out
    };
    assert_eq!(listed, [fb.to_string(), fc.to_string()]);
    browser.wait_for_text(&format!("[data-testid=my-conflicts] li[data-conflict-finalist='{fa}']"), "Acme Chemicals").await?;
    shot(&browser, "jury-home-conflicted").await?;
    // The page of that finalist refuses and shows nothing of its plan.
    browser.goto(&format!("{}/jury/finalists/{fa}", server.url)).await?;
    browser.wait_for("[data-testid=finalist-refused]").await?;
    let page = browser.text("main").await?;
    assert!(!page.contains("Plan Atheneum Noord"), "{page}");
    // And the API never sends it.
    let jan = api_as(&server, jury.jan).await?;
    for path in [format!("/jury/my/finalists/{fa}"), format!("/jury/my/finalists/{fa}/others")] {
        let (status, body) = jan.get(&path).await?;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        assert!(!body.to_string().contains("Plan Atheneum"), "{body}");
    }
    let (status, _) = jan.send(Method::PUT, &format!("/jury/my/finalists/{fa}/sheet"), &sheet(&jury.criteria, &A, 0)).await?;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, home) = jan.get("/jury/my").await?;
    assert!(!home.to_string().contains("Plan Atheneum"), "{home}");

    // Jan scores College Zuid: the plan, the nulmeting and the anchors side by side.
    browser.goto(&format!("{}/jury/finalists/{fb}", server.url)).await?;
    browser.wait_for_text("[data-testid=frozen-plan]", "Plan College Zuid").await?;
    browser.wait_for_text("[data-testid=profile]", "Nulmeting").await?;
    browser.wait_for_text("[data-testid=score-sheet] .criterion-score", "Impact").await?;
    assert!(browser.all("[data-testid=others-scores]").await?.is_empty());
    // Drafts autosave and survive a reload.
    let c0 = jury.criteria[0];
    browser.click(&format!("label[for='score-{c0}-6']")).await?;
    browser.fill(&format!("#remark-{c0}"), "Sterke leerlijn").await?;
    browser.wait_for_text("[data-testid=save-status]", "Bewaard").await?;
    browser.reload().await?;
    browser.wait_for("[data-testid=score-sheet]").await?;
    assert_eq!(browser.js(&format!("return document.getElementById('score-{c0}-6').checked")).await?, true);
    assert_eq!(browser.wait_for(&format!("#remark-{c0}")).await?.prop("value").await?.as_deref(), Some("Sterke leerlijn"));
    // Submitting an incomplete sheet is refused at the fields.
    browser.click("[data-testid=submit-sheet]").await?;
    browser.wait_for_text(&format!("fieldset[data-criterion='{}'] .field-error", jury.criteria[1]), "Geef een score").await?;
    shot(&browser, "jury-score-draft").await?;
    score_in_ui(&browser, &server, &jury, fb, &B).await?;
    score_in_ui(&browser, &server, &jury, fc, &C).await?;
    browser.goto(&format!("{}/jury", server.url)).await?;
    browser.wait_for_text("[data-testid=jury-progress]", "2 / 2").await?;
    sign_out(&browser).await?;

    // Kim: blind until her own sheet is submitted, in the UI and the API.
    browser.goto(&link_for(&server, jury.kim).await?).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    let kim = api_as(&server, jury.kim).await?;
    let (status, _) = kim.get(&format!("/jury/my/finalists/{fb}/others")).await?;
    assert_eq!(status, StatusCode::FORBIDDEN, "no sheet yet");
    browser.goto(&format!("{}/jury/finalists/{fb}", server.url)).await?;
    browser.wait_for("[data-testid=score-sheet]").await?;
    browser.click(&format!("label[for='score-{c0}-6']")).await?;
    browser.wait_for_text("[data-testid=save-status]", "Bewaard").await?;
    let (status, body) = kim.get(&format!("/jury/my/finalists/{fb}/others")).await?;
    assert_eq!(status, StatusCode::FORBIDDEN, "a draft is not a submission: {body}");
    assert!(browser.all("[data-testid=others-scores]").await?.is_empty());
    assert!(!browser.text("main").await?.contains("Jan Acme"));
    score_in_ui(&browser, &server, &jury, fb, &B).await?;
    // Now she sees Jan's scores too.
    browser.wait_for_text("[data-testid=others-scores]", "Jan Acme").await?;
    shot(&browser, "jury-score-submitted").await?;
    let (status, others) = kim.get(&format!("/jury/my/finalists/{fb}/others")).await?;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(others["sheets"].as_array().map(Vec::len), Some(2));
    score_in_ui(&browser, &server, &jury, fa, &A).await?;
    score_in_ui(&browser, &server, &jury, fc, &C).await?;
    browser.goto(&format!("{}/jury", server.url)).await?;
    browser.wait_for_text("[data-testid=jury-progress]", "3 / 3").await?;
    sign_out(&browser).await?;

    // Lotte scores all three.
    browser.goto(&link_for(&server, jury.lotte).await?).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    for (f, scores) in [(fa, A), (fb, B), (fc, C)] {
        score_in_ui(&browser, &server, &jury, f, &scores).await?;
    }
    browser.goto(&format!("{}/jury", server.url)).await?;
    browser.wait_for_text("[data-testid=jury-progress]", "3 / 3").await?;

    // Eight sheets count: Jan's two, Kim's three, Lotte's three.
    let (_, results) = api_as(&server, p.coordinator).await?.get("/jury/results").await?;
    assert_eq!(results["categories"][0]["submitted_sheets"], 8);
    assert_eq!(results["categories"][0]["expected_sheets"], 8);
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_sees_results_agreement_and_a_logged_tie_break_then_locks_and_publishes() -> TestResult {
    let server = TestServer::start().await?;
    let p = programme(&server).await?;
    let jury = open_jury(&server, &p).await?;
    let [fa, fb, fc] = jury.finalists;
    assert!(p.edition > 0);
    for (juror, sheets) in [
        (jury.jan, vec![(fb, B), (fc, C)]),
        (jury.kim, vec![(fa, A), (fb, B), (fc, C)]),
        (jury.lotte, vec![(fa, A), (fb, B), (fc, [6, 4, 5, 5, 4])]),
    ] {
        let api = api_as(&server, juror).await?;
        for (f, scores) in sheets {
            let (status, body) =
                api.send(Method::POST, &format!("/jury/my/finalists/{f}/submit"), &sheet(&jury.criteria, &scores, 0)).await?;
            assert_eq!(status, StatusCode::OK, "{body}");
        }
    }
    let browser = Browser::start().await?;
    browser.goto(&link_for(&server, p.coordinator).await?).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    browser.goto(&format!("{}/coordinator/jury/results", server.url)).await?;
    // Results while scoring is open: the tie is broken by the declared rule.
    browser.wait_for_text("[data-testid=winner]", SCHOOLS[0]).await?;
    browser.wait_for_text("[data-testid=tie-breaks]", "Hogere gemiddelde score op Impact").await?;
    browser.wait_for_text("[data-testid=tie-breaks]", "wordt gelogd bij vergrendelen").await?;
    browser.wait_for_text("[data-testid=lock-problems]", "Sluit eerst het beoordelen").await?;
    assert!(browser.wait_for("[data-testid=lock]").await?.attr("disabled").await?.is_some());
    // Agreement with a plain-language reading or the reason it has none.
    for stat in ["icc_2_1", "icc_2_k", "kendall_w"] {
        let text = browser.text(&format!("[data-testid=agreement] [data-stat={stat}] .reading-text")).await?;
        assert!(text.len() > 20, "{stat}: {text}");
    }
    let ranking = browser.text("[data-testid=ranking]").await?;
    assert!(ranking.contains("6,50") && ranking.contains(SCHOOLS[2]), "{ranking}");

    // Close scoring. A winner decided by the tie-break rule is not
    // confirmed by the other checks: the lock waits for the chair (Kim),
    // who confirms it with a reason; then the tie-break goes to the log.
    let coord = api_as(&server, p.coordinator).await?;
    let (_, setup) = coord.get("/jury/setup").await?;
    let version = setup["settings"]["version"].as_i64().ok_or("version")?;
    let (status, _) = coord.send(Method::POST, "/jury/status", &json!({"version": version, "status": "closed"})).await?;
    assert_eq!(status, StatusCode::OK);
    browser.reload().await?;
    browser.wait_for_text("[data-testid=lock-problems]", "de voorzitter moet hem bevestigen").await?;
    browser.wait_for("[data-testid=waits-for-chair]").await?;
    let kim = api_as(&server, jury.kim).await?;
    let (_, view) = kim.get("/jury/results").await?;
    let rob: rubric::jury::Robustness = serde_json::from_value(view["categories"][0]["results"]["robustness"].clone())?;
    let body = json!({"category_id": view["categories"][0]["category_id"], "findings": rob.findings(), "reason": "Regel bij gelijke stand, vooraf afgesproken"});
    let (status, body) = kim.send(Method::POST, "/jury/acknowledgements", &body).await?;
    assert_eq!(status, StatusCode::OK, "{body}");
    browser.reload().await?;
    auto_confirm(&browser).await?;
    browser.wait_gone("[data-testid=lock-problems]").await?;
    browser.wait_for_text("[data-testid=acknowledged]", "Regel bij gelijke stand").await?;
    shot(&browser, "jury-results").await?;
    browser.click("[data-testid=lock]").await?;
    browser.wait_for_text("[data-testid=lock-state]", "Vergrendeld").await?;
    browser.wait_for_text("[data-testid=tie-breaks]", "gelogd").await?;
    browser.wait_for_text("[data-testid=audit-log] li[data-action='jury.tie-break']", "Atheneum Noord").await?;
    browser.wait_for_text("[data-testid=audit-log] li[data-action='jury.tie-break']", "Gelijke stand beslist").await?;
    // Not published yet: a juror reads "not yet".
    let (_, published) = kim.get("/jury/published").await?;
    assert_eq!(published["published_at"], Value::Null);

    // The printable sheet names the winner.
    browser.click("a[href='/coordinator/jury/results/print']").await?;
    browser.wait_for_text("[data-testid=sheet-winner]", SCHOOLS[0]).await?;
    shot(&browser, "jury-results-sheet").await?;
    browser.client.back().await?;
    auto_confirm(&browser).await?;
    browser.click("[data-testid=publish]").await?;
    browser.wait_for_text("[data-testid=lock-state]", "Gepubliceerd").await?;
    browser.wait_for("[data-testid=published-notice]").await?;
    sign_out(&browser).await?;

    // A juror and the finalist school see the outcome.
    browser.goto(&link_for(&server, jury.lotte).await?).await?;
    browser.wait_for("[data-testid=award-notice]").await?;
    browser.goto(&format!("{}/award", server.url)).await?;
    browser.wait_for_text("[data-testid=published-winner]", SCHOOLS[0]).await?;
    sign_out(&browser).await?;
    let school_member = server.invite_scoped(Role::SchoolMember, "Sofie Maes", Some(p.schools[1]), None).await?;
    browser.goto(&school_member).await?;
    browser.wait_for("[data-testid=award-notice]").await?;
    browser.goto(&format!("{}/award", server.url)).await?;
    browser.wait_for_text("[data-testid=award-results]", SCHOOLS[1]).await?;
    // Equal scores, different places: the page says why.
    browser.wait_for_text("[data-testid=place-note]", "Gelijke score met").await?;
    browser.wait_for_text("[data-testid=place-note]", "beslist met hogere gemiddelde score op Impact op het STEM-leren").await?;
    shot(&browser, "jury-published").await?;
    sign_out(&browser).await?;
    // The winner's sponsor company reads it too (it was refused before).
    let sponsor = server.invite_scoped(Role::CompanyMember, "Ward Acme", None, Some(p.acme)).await?;
    browser.goto(&sponsor).await?;
    browser.wait_for("[data-testid=award-notice]").await?;
    browser.goto(&format!("{}/award", server.url)).await?;
    browser.wait_for_text("[data-testid=published-winner]", SCHOOLS[0]).await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_exports_are_served_as_csv() -> TestResult {
    let server = TestServer::start().await?;
    let p = programme(&server).await?;
    let jury = open_jury(&server, &p).await?;
    let kim = api_as(&server, jury.kim).await?;
    let (status, _) = kim
        .send(Method::POST, &format!("/jury/my/finalists/{}/submit", jury.finalists[1]), &sheet(&jury.criteria, &B, 0))
        .await?;
    assert_eq!(status, StatusCode::OK);
    let coord = api_as(&server, p.coordinator).await?;
    for (path, header) in [
        ("scores.csv", "category,finalist,juror,criterion"),
        ("results.csv", "category,place,finalist"),
        ("scores.csv?variant=flemish", "categorie;finalist;jurylid;criterium"),
        ("results.csv?variant=flemish", "categorie;plaats;finalist"),
    ] {
        let r = coord.http.get(format!("{}/jury/export/{path}", coord.base)).send().await?;
        assert_eq!(r.status(), StatusCode::OK);
        let text = r.text().await?;
        let first_row = text.trim_start_matches('\u{feff}').lines().find(|l| !l.starts_with('#')).unwrap_or_default();
        assert!(first_row.starts_with(header), "{path}: {text}");
        assert!(text.contains(SCHOOLS[1]), "{text}");
    }
    // A juror may not export.
    let r = kim.http.get(format!("{}/jury/export/scores.csv", kim.base)).send().await?;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_juror_declares_a_conflict_and_withdraws_it() -> TestResult {
    let server = TestServer::start().await?;
    let p = programme(&server).await?;
    let jury = open_jury(&server, &p).await?;
    let fc = jury.finalists[2];
    let browser = Browser::start().await?;
    browser.goto(&link_for(&server, jury.lotte).await?).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    browser.goto(&format!("{}/jury", server.url)).await?;
    browser.wait_for_text("[data-testid=jury-progress]", "0 / 3").await?;
    // The button stays off until a finalist and a reason are given.
    assert!(browser.wait_for("[data-testid=declare-conflict] button").await?.attr("disabled").await?.is_some());
    // A finalist gone meanwhile while the page still lists it (its option
    // made to name one that is no more): the refusal says so in Dutch at
    // the form, and nothing is declared.
    browser.js("document.querySelector('#conflict-finalist option:nth-child(2)').value = '999999'; return null;").await?;
    choose(&browser, "#conflict-finalist", "999999").await?;
    browser.fill("#conflict-reason", "Oud-leerling").await?;
    browser.click("[data-testid=declare-conflict] button").await?;
    browser.wait_for_text("#conflict-error", "Wat je koos hoort niet (meer) bij deze editie").await?;
    assert!(browser.all("[data-testid=my-conflicts] li").await?.is_empty(), "nothing declared");
    choose(&browser, "#conflict-finalist", &fc.to_string()).await?;
    browser.fill("#conflict-reason", "Mijn zus geeft er les").await?;
    browser.click("[data-testid=declare-conflict] button").await?;
    browser.wait_for_text(&format!("[data-testid=my-conflicts] li[data-conflict-finalist='{fc}']"), "Mijn zus geeft er les").await?;
    browser.wait_gone("#conflict-error").await?;
    browser.wait_for_text("[data-testid=jury-progress]", "0 / 2").await?;
    assert!(browser.all(&format!(".finalist-list li[data-finalist='{fc}']")).await?.is_empty());
    // Still so after a reload, and the API refuses the finalist.
    browser.reload().await?;
    browser.wait_for_text("[data-testid=jury-progress]", "0 / 2").await?;
    let lotte = api_as(&server, jury.lotte).await?;
    assert_eq!(lotte.get(&format!("/jury/my/finalists/{fc}")).await?.0, StatusCode::FORBIDDEN);
    // Withdrawn (after confirming): the finalist is back on the list.
    auto_confirm(&browser).await?;
    browser.click(&format!("[data-testid=my-conflicts] li[data-conflict-finalist='{fc}'] button")).await?;
    browser.wait_for(&format!(".finalist-list li[data-finalist='{fc}']")).await?;
    browser.wait_for_text("[data-testid=jury-progress]", "0 / 3").await?;
    assert_eq!(lotte.get(&format!("/jury/my/finalists/{fc}")).await?.0, StatusCode::OK);
    let (_, log) = api_as(&server, p.coordinator).await?.get("/jury/audit").await?;
    let actions: Vec<&str> = log.as_array().ok_or("log")?.iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"jury.conflict.declared") && actions.contains(&"jury.conflict.withdrawn"), "{actions:?}");
    browser.close().await
}

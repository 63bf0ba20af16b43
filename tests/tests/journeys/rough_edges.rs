//! The rough edges a school team, a company contact and a coordinator met
//! (issue 14), each as it should be now: singular counts, one rounding rule
//! for level scores, long words that wrap, a goal form that comes into
//! view, a submit dialog that says what the checks still flag, clickable
//! links in comments, dates in the interface language, a bad evidence link
//! that holds back nothing else, a multi-line consensus rationale, a plan
//! print that knows its version, a late school that starts open, and the
//! focus after opening a measurement.

use crate::layout::{DESKTOP, PHONE};
use e2e::{fixtures, Browser, TestResult, TestServer};
use rubric::people::Role;

/// An edition with a school (sponsored, with a baseline where learning
/// lines are at level 1 and the four evaluation indicators at 2, 2, 2 and
/// 3: the evaluation aspect scores exactly 2.25) and its company.
struct World {
    server: TestServer,
    edition: i64,
    school: i64,
    company: i64,
}

async fn world() -> TestResult<World> {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    let school = fixtures::school(db, edition, "Sint-Jozefsinstituut", "Aalst").await?;
    let company = fixtures::company(db, edition, "Chemie Noord", "Gent").await?;
    fixtures::sponsor(db, school, company).await?;
    let evaluation: Vec<String> = rubric::current_rubric()
        .aspect(rubric::AspectId::Evaluation)
        .map(|a| a.indicators.iter().map(|i| i.id.clone()).collect())
        .unwrap_or_default();
    assert_eq!(evaluation.len(), 4, "the test expects four evaluation indicators");
    let low: Vec<(&str, u8)> = evaluation
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), if i == 3 { 3 } else { 2 }))
        .chain([("curriculum.learning-lines", 1)])
        .collect();
    fixtures::full_baseline(db, edition, school, &low, 3).await?;
    Ok(World { server, edition, school, company })
}

impl World {
    async fn school_member(&self, name: &str) -> TestResult<Browser> {
        let link = self.server.invite_scoped(Role::SchoolMember, name, Some(self.school), None).await?;
        fixtures::school_function(self.server.state.writer.pool(), name, "stem-coordinator").await?;
        sign_in(&link).await
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url)
    }
}

async fn sign_in(link: &str) -> TestResult<Browser> {
    let browser = Browser::start().await?;
    browser.goto(link).await?;
    browser.wait_for("[data-testid=start-page]").await?;
    Ok(browser)
}

async fn active_id(browser: &Browser) -> TestResult<String> {
    Ok(browser.js("return document.activeElement ? document.activeElement.id : ''").await?.as_str().unwrap_or_default().to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_on_a_phone_wraps_long_words_counts_in_the_singular_and_warns_before_submitting() -> TestResult {
    let w = world().await?;
    let browser = w.school_member("An Peeters").await?;
    browser.set_viewport(PHONE, 800).await?;
    browser.goto(&w.url(&format!("/schools/{}/plan", w.school))).await?;
    browser.wait_for("[data-testid=gap-picker]").await?;

    // "Maak hier een doel van" far down the page: the form comes into view with the cursor in its title.
    browser.press("[data-indicator='curriculum.learning-lines'] [data-testid=make-goal]").await?;
    browser.eventually("the cursor in the goal title", || async { Ok((active_id(&browser).await? == "goal-title").then_some(())) }).await?;
    let in_view = browser.js("const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight").await?;
    assert_eq!(in_view, true, "the title field is on screen");

    // The title takes 200 characters, not more; a 200-character word wraps.
    assert_eq!(browser.wait_for("#goal-title").await?.attr("maxlength").await?.as_deref(), Some("200"));
    let long = "Leerlijn".repeat(25);
    assert_eq!(long.chars().count(), 200);
    browser.fill("#goal-title", &long).await?;
    browser.press("[data-testid=save-goal]").await?;
    browser.wait_for_text("[data-testid=goal] h3", "LeerlijnLeerlijn").await?;
    browser.no_horizontal_scroll("a 200-character title on a phone").await?;
    // On a laptop too, and the checks column stays in view beside it.
    browser.set_viewport(DESKTOP, 900).await?;
    browser.no_horizontal_scroll("a 200-character title at 1280 px").await?;
    let checks = browser.js("return document.querySelector('[data-testid=plan-checks]').getBoundingClientRect().right").await?;
    assert!(checks.as_f64().unwrap_or(9999.0) <= 1280.0, "the checks column ends at {checks}");
    browser.set_viewport(PHONE, 800).await?;

    // A goal without an indicator and without actions.
    browser.press("[data-testid=new-goal]").await?;
    browser.eventually("the cursor in the goal title", || async { Ok((active_id(&browser).await? == "goal-title").then_some(())) }).await?;
    browser.fill("#goal-title", "Ouders betrekken").await?;
    browser.press("[data-testid=save-goal]").await?;
    browser.eventually("two goals", || async { Ok((browser.all("[data-testid=goal]").await?.len() == 2).then_some(())) }).await?;

    // Submitting: the dialog takes the focus and says what the checks still flag.
    browser.press("[data-testid=submit-plan]").await?;
    browser.wait_for("[data-testid=submit-warnings]").await?;
    browser.eventually("the focus in the dialog", || async { Ok((active_id(&browser).await? == "confirm-submit").then_some(())) }).await?;
    let flagged = browser.js("return [...document.querySelectorAll('[data-testid=submit-warnings] [data-check]')].map(e => e.dataset.check)").await?;
    let flagged: Vec<String> = serde_json::from_value(flagged)?;
    assert_eq!(flagged.iter().filter(|k| *k == "no-actions").count(), 2, "{flagged:?}");
    assert!(flagged.iter().any(|k| k == "no-gap"), "the goal without an indicator is named: {flagged:?}");
    browser.wait_for_text("[data-testid=submit-warnings]", "Ouders betrekken").await?;
    browser.press("[data-testid=confirm-submit-yes]").await?;
    browser.wait_for_text("[data-testid=plan-status]", "Versie 1").await?;

    // The print version right after submitting: version 1, not "Concept".
    browser.goto(&w.url(&format!("/schools/{}/plan/print", w.school))).await?;
    browser.wait_for_text("[data-testid=print-state]", "Versie 1").await?;
    assert!(!browser.text("[data-testid=print-state]").await?.contains("Concept"));
    browser.no_horizontal_scroll("the print version on a phone").await?;
    browser.set_viewport(DESKTOP, 900).await?;
    let pdf = browser.pdf().await?;
    assert!(e2e::pdf_pages(&pdf) >= 1);

    // The start page: one of everything in the singular.
    browser.goto(&w.server.url).await?;
    browser.wait_for_text("[data-testid=plan-card]", "2 doelen · 0 acties").await?;
    browser.wait_for_text("[data-testid=plan-card] [data-testid=open-count]", "0 open opmerkingen").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_goal_one_action_one_comment_read_in_the_singular_with_clickable_links_and_dates_in_words() -> TestResult {
    let w = world().await?;
    let db = w.server.state.writer.pool();
    let browser = w.school_member("An Peeters").await?;
    browser.goto(&w.url(&format!("/schools/{}/plan", w.school))).await?;
    browser.press("[data-indicator='curriculum.learning-lines'] [data-testid=make-goal]").await?;
    browser.fill("#goal-title", "Leerlijnen STEM").await?;
    browser.press("[data-testid=save-goal]").await?;
    browser.wait_for("[data-testid=goal]").await?;
    browser.press("[data-testid=goal] [data-testid=add-action]").await?;
    browser.eventually("the cursor in the action", || async { Ok((active_id(&browser).await? == "action-description").then_some(())) }).await?;
    browser.fill("#action-description", "Leerlijn uitschrijven").await?;
    browser.fill("#action-owner", "An Peeters").await?;
    // A date field says its date in words in the interface language, whatever the browser's locale.
    browser.set_value("#action-start", "2026-01-12", "input").await?;
    browser.wait_for_text("[data-testid=action-start-in-words]", "12 januari 2026").await?;
    let described = browser.wait_for("#action-start").await?.attr("aria-describedby").await?.unwrap_or_default();
    assert!(described.contains("action-start-in-words"), "{described}");
    browser.click("button[data-lang=en]").await?;
    browser.wait_for_text("[data-testid=action-start-in-words]", "12 January 2026").await?;
    browser.click("button[data-lang=nl]").await?;
    browser.set_value("#action-deadline", "2026-05-29", "input").await?;
    browser.fill("#action-budget", "500").await?;
    browser.press("[data-testid=save-action]").await?;
    browser.wait_gone("[data-testid=action-form]").await?;

    // The company comments with a link; it is clickable and opens in a new tab.
    let company_link = w.server.invite_scoped(Role::CompanyMember, "Carla De Smet", None, Some(w.company)).await?;
    let company = sign_in(&company_link).await?;
    company.goto(&w.url(&format!("/schools/{}/plan", w.school))).await?;
    let goal: i64 = sqlx::query_scalar("select id from goals order by id limit 1").fetch_one(db).await?;
    company.press(&format!("#goal-{goal} [data-testid=start-thread]")).await?;
    company.fill(&format!("#new-g{goal}"), "Zie ons aanbod op https://chemienoord.example/scholen.").await?;
    company.press(&format!("#goal-{goal} [data-testid=send-comment]")).await?;
    let link = company.wait_for(&format!("#goal-{goal} [data-testid=comment] a")).await?;
    assert_eq!(link.attr("href").await?.as_deref(), Some("https://chemienoord.example/scholen"));
    assert_eq!(link.attr("target").await?.as_deref(), Some("_blank"));
    assert!(link.attr("rel").await?.unwrap_or_default().contains("noopener"));
    company.wait_for_text("[data-testid=plan-open-count]", "1 open opmerking").await?;
    assert!(!company.text("[data-testid=plan-open-count]").await?.contains("opmerkingen"));
    company.close().await?;

    // The school: 1 goal, 1 action, 1 open and 1 unread comment, in Dutch and English.
    browser.goto(&w.server.url).await?;
    browser.wait_for_text("[data-testid=plan-card]", "1 doel · 1 actie").await?;
    browser.wait_for_text("[data-testid=plan-card] [data-testid=open-count]", "1 open opmerking").await?;
    browser.wait_for_text("[data-testid=plan-card] [data-testid=unread-count]", "1 ongelezen opmerking").await?;
    browser.click("button[data-lang=en]").await?;
    browser.wait_for_text("[data-testid=plan-card]", "1 goal · 1 action").await?;
    browser.wait_for_text("[data-testid=plan-card] [data-testid=open-count]", "1 open comment").await?;
    assert!(!browser.text("[data-testid=plan-card]").await?.contains("1 goals"));
    browser.click("button[data-lang=nl]").await?;
    // Resolved: "1 afgehandelde opmerking".
    browser.goto(&w.url(&format!("/schools/{}/plan", w.school))).await?;
    browser.press("[data-testid=thread] [data-testid=toggle-resolved]").await?;
    browser.wait_for_text("[data-testid=plan-resolved-count]", "1 afgehandelde opmerking").await?;
    assert!(!browser.text("[data-testid=plan-resolved-count]").await?.contains("opmerkingen"));
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_level_score_of_2_25_reads_2_3_on_the_report_the_plan_and_the_matching_profile() -> TestResult {
    let w = world().await?;
    let browser = w.school_member("An Peeters").await?;
    let evaluation = "[data-aspect=evaluation] [data-testid=baseline-score]";
    browser.goto(&w.url(&format!("/schools/{}/report", w.school))).await?;
    browser.wait_for_text(evaluation, "2,3").await?;
    // The radar's text alternative carries the same numbers.
    let described = browser.wait_for("[data-testid=radar]").await?.attr("aria-describedby").await?.unwrap_or_default();
    let text = browser.js(&format!("return document.getElementById({described:?}).textContent")).await?;
    assert!(text.as_str().unwrap_or_default().contains("Evaluatie: Nulmeting 2,3"), "{text}");
    browser.goto(&w.url(&format!("/schools/{}/plan/print", w.school))).await?;
    browser.wait_for_text("[data-testid=print-profile]", "2,3").await?;
    assert!(!browser.text("[data-testid=print-profile]").await?.contains("2,2"));
    browser.close().await?;

    let link = w.server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let coordinator = sign_in(&link).await?;
    coordinator.goto(&w.url("/coordinator/matching")).await?;
    coordinator.press("button.pick").await?;
    coordinator.wait_for_text("[data-testid=profile]", "2,3").await?;
    assert!(!coordinator.text("[data-testid=profile]").await?.contains("2,2"), "the matching profile rounds like the report");
    let _ = w.edition;
    coordinator.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_school_added_after_the_deadline_starts_open_and_opening_moves_the_focus_to_the_status() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    let edition = fixtures::edition(db, "STEMpact 2025-2026").await?;
    fixtures::nulmeting_deadline(db, edition, "2020-01-31").await?;
    // Added today, long after the deadline: its own deadline, four weeks on.
    let late = fixtures::school(db, edition, "Laatkomer", "Lier").await?;
    let link = server.invite_scoped(Role::SchoolMember, "Lien Laat", Some(late), None).await?;
    let browser = sign_in(&link).await?;
    browser.goto(&format!("{}/nulmeting", server.url)).await?;
    browser.wait_for("section.aspect-sheet").await?;
    let today = rubric::Date::from_unix_seconds(server::db::now()).ok_or("clock")?;
    let own = rubric::Date::from_days(today.to_days() + rubric::programme::LATE_SCHOOL_NULMETING_DAYS).ok_or("date")?;
    let words = {
        let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
        format!("{} {} {}", own.day(), months[usize::from(own.month()) - 1], own.year())
    };
    browser.wait_for_text("[data-testid=nulmeting-page]", &words).await?;
    browser.close().await?;

    // The coordinator opens an older school's baseline: the focus goes to its new status, not to "Afsluiten".
    let older = fixtures::school(db, edition, "Vroeger Instituut", "Mol").await?;
    sqlx::query("update schools set created_at = 0 where id = ?").bind(older).execute(db).await?;
    let link = server.invite(Role::Coordinator, "Griet Van Damme").await?;
    let coordinator = sign_in(&link).await?;
    coordinator.goto(&format!("{}/coordinator/measurements", server.url)).await?;
    let open = format!("tr[data-school='{older}'] [data-testid=open-baseline]");
    coordinator.press(&open).await?;
    coordinator.wait_for_text(&format!("tr[data-school='{older}'] [data-testid=status]"), "Open").await?;
    coordinator
        .eventually("the focus on the new status", || async { Ok((active_id(&coordinator).await? == format!("status-baseline-{older}")).then_some(())) })
        .await?;
    coordinator.wait_for_text("[data-testid=measurements-message]", "Vroeger Instituut").await?;
    // Enter again does nothing: the focus is not on a button.
    coordinator.client.active_element().await?.send_keys("\u{E007}").await?;
    coordinator.wait_for_text(&format!("tr[data-school='{older}'] [data-testid=status]"), "Open").await?;
    let status: String = sqlx::query_scalar("select status from measurements where school_id = ?").bind(older).fetch_one(db).await?;
    assert_eq!(status, "open");
    coordinator.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_school_report_prints_on_two_full_pages() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    fixtures::demo_edition(&server.state.writer).await?;
    let school: i64 = sqlx::query_scalar("select s.id from schools s join plans p on p.school_id = s.id where s.company_id is not null order by s.id limit 1")
        .fetch_one(db)
        .await?;
    let member: i64 = sqlx::query_scalar("select id from people where school_id = ? and school_function = 'stem-coordinator' limit 1")
        .bind(school)
        .fetch_one(db)
        .await?;
    let browser = server.browser_for(member).await?;
    browser.goto(&format!("{}/schools/{school}/report", server.url)).await?;
    browser.wait_for("[data-testid=radar][data-drawn=true]").await?;
    // The third page held only the discussion points; now everything fits on two.
    let pages = e2e::pdf_pages(&browser.pdf().await?);
    assert_eq!(pages, 2, "the report printed on {pages} pages");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_evidence_link_holds_back_neither_the_level_nor_the_comment() -> TestResult {
    let w = world().await?;
    let db = w.server.state.writer.pool();
    fixtures::nulmeting_deadline(db, w.edition, "2999-12-31").await?;
    // Another school: this one has no baseline yet, so it opens on first use.
    let school = fixtures::school(db, w.edition, "Atheneum Brugge", "Brugge").await?;
    let link = w.server.invite_scoped(Role::SchoolMember, "Bert Bewijs", Some(school), None).await?;
    let browser = sign_in(&link).await?;
    browser.goto(&w.url("/nulmeting")).await?;
    let first = "curriculum.learning-lines";
    let card = format!("article[data-indicator='{first}']");
    browser.press(&format!("{card} label[data-answer='2']")).await?;
    browser.wait_for(&format!("{card}[data-state=saved]")).await?;
    browser.press(&format!("{card} .notes summary")).await?;
    browser.fill(&format!("[id='comment-{first}']"), "Besproken in de vakgroep").await?;
    browser.fill(&format!("[id='evidence-{first}']"), "geen link").await?;
    // The level and the comment are saved; only the link waits, flagged at its field.
    browser.wait_for_text(&format!("{card} [data-testid=entry-state]"), "Bewaard, behalve de link").await?;
    browser.wait_for(&format!("[id='evidence-{first}-error']")).await?;
    let stored = || async {
        let row: Option<(Option<i64>, String, String)> = sqlx::query_as(
            "select a.level, a.comment, a.evidence_url from answers a join responses r on r.id = a.response_id \
             join people p on p.id = r.person_id where p.name = 'Bert Bewijs' and a.indicator_id = ?",
        )
        .bind(first)
        .fetch_optional(db)
        .await?;
        Ok::<_, Box<dyn std::error::Error + Send + Sync>>(row)
    };
    browser
        .eventually("the comment saved", || async { Ok(stored().await?.filter(|r| r.1 == "Besproken in de vakgroep").map(|_| ())) })
        .await?;
    assert_eq!(stored().await?, Some((Some(2), "Besproken in de vakgroep".into(), String::new())));
    // After a reload the typed link is still there to fix; fixed, it is saved.
    browser.reload().await?;
    browser.wait_for(&format!("[id='evidence-{first}-error']")).await?;
    assert_eq!(browser.wait_for(&format!("[id='evidence-{first}']")).await?.prop("value").await?.as_deref(), Some("geen link"));
    browser.fill(&format!("[id='evidence-{first}']"), "https://school.example/leerlijn").await?;
    browser.wait_for(&format!("{card}[data-state=saved]")).await?;
    browser
        .eventually("the link saved", || async { Ok(stored().await?.filter(|r| r.2 == "https://school.example/leerlijn").map(|_| ())) })
        .await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_consensus_rationale_takes_several_lines() -> TestResult {
    let server = TestServer::start().await?;
    let db = server.state.writer.pool();
    fixtures::demo_edition(&server.state.writer).await?;
    let (school, member): (i64, i64) = sqlx::query_as(
        "select p.school_id, p.id from people p join measurements m on m.school_id = p.school_id \
         where p.school_function = 'stem-coordinator' and m.kind = 'baseline' order by p.id limit 1",
    )
    .fetch_one(db)
    .await?;
    let browser = server.browser_for(member).await?;
    browser.goto(&format!("{}/schools/{school}/team", server.url)).await?;
    let field = browser.wait_for("textarea[id^=rationale-]").await?;
    let id = field.attr("id").await?.ok_or("id")?;
    let indicator = id.trim_start_matches("rationale-").to_string();
    let css = format!("#{}", id.replace('.', "\\."));
    browser.fill(&css, "Eerste graad: al uitgewerkt.\nTweede graad: nog niet.").await?;
    browser.press(&format!("article[data-indicator='{indicator}'] [data-testid=save-consensus]")).await?;
    browser
        .eventually("the rationale saved with its line break", || async {
            let r: Option<String> = sqlx::query_scalar(
                "select c.rationale from consensus c join measurements m on m.id = c.measurement_id \
                 where m.school_id = ? and m.kind = 'baseline' and c.indicator_id = ?",
            )
            .bind(school)
            .bind(&indicator)
            .fetch_optional(db)
            .await?;
            Ok(r.filter(|r| r == "Eerste graad: al uitgewerkt.\nTweede graad: nog niet.").map(|_| ()))
        })
        .await?;
    browser.close().await
}

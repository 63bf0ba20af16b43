//! Browser timings for `cargo xtask bench`, all in one run so the ratios
//! compare like with like, on the demo edition:
//! - per app (every one in `rubric::apps`, each on a first page of its own):
//!   the bytes of wasm, js and css the browser fetched before the page
//!   showed (encoded, as sent, from its resource timing; a fresh browser
//!   with an empty cache each), and that page's first contentful paint
//!   against an empty Yew page built the same way (each page carries its
//!   first screen as the server renders it, and the app replaces it with
//!   its own render: `frontend::ssr`, `benches/empty-page`; trimmed means
//!   of 60 loads each, in pairs), beside the first render of each in the
//!   DOM by its wasm;
//! - input to paint: a click on the language switch, on a nulmeting level
//!   and on a jury score until the new state is in the DOM and laid out, and
//!   until the next animation frame; the 200-row team table re-rendered;
//! - aggregation of 1,000 schools x 10 respondents inside wasm;
//! - the server under load (`e2e::load`): answer autosaves of 40
//!   respondents of 10 schools at once, and score-sheet saves of 12 jurors
//!   at once, through the real HTTP API into SQLite: writes per second,
//!   errors, and p50/p99 latency measured by the server itself
//!   (`Server-Timing`) beside the client's round trip (budgets: 2,000
//!   writes/s, p99 10 ms on the server).
//!
//! Every figure with a budget is checked: the run fails (exit code 1) when
//! one is missed, after printing them all.
//!
//! - the region portrait (issue 17) of 50 schools x 6 years: its re-render
//!   and its chart against one frame.
//!
//! Usage: bench APP_DIST EMPTY_DIST [AGGREGATE_DIST], or `bench --server`
//! for the server load alone (no browser needed), `bench --portrait` for
//! the region portrait alone, or `bench --roles [APP,APP... [DIST]]` for the
//! bytes and first paint of every app (or the apps named; `all` for every
//! one) alone, of `dist` or the folder given.
//!
//! To take a first paint apart: `STEMPACT_BENCH_MARKS=1` prints, per app
//! and for the empty page, the median time of each resource's start and
//! end, of each performance mark and of first paint over 20 more loads
//! (add marks to a copy of the built glue to time its steps), and
//! `STEMPACT_CHROME_ARGS` passes more flags to Chromium (e.g.
//! `--js-flags=--no-wasm-lazy-compilation`). `STEMPACT_BENCH_RAW=1` prints
//! every paired load's render and paint times.

use e2e::{fixtures, Browser, TestResult, TestServer};
use rubric::apps::App;
use std::path::PathBuf;

/// Warm loads per app for its first paint: FCP comes in steps of about
/// 4 ms, and one load of the same page takes anywhere from 40 to 100 ms on
/// a busy machine. With 20 loads one build's ratio moved by ±0.1x from run
/// to run; with 60, by about ±0.04x (session 9).
const LOADS: usize = 60;

/// The mean without the fastest and the slowest fifth.
fn trimmed_mean(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let cut = v.len() / 5;
    let kept = &v[cut..v.len() - cut];
    kept.iter().sum::<f64>() / kept.len() as f64
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// A page load's times in ms from navigation: its first contentful paint,
/// and the first render in the DOM (the `stempact-rendered` mark the app's
/// shell and the empty page set after their first render; not rounded to
/// frames as paint is).
#[derive(Clone, Copy)]
struct Load {
    paint: f64,
    rendered: f64,
}

/// The render times of some loads.
fn rendered(loads: &[Load]) -> Vec<f64> {
    loads.iter().map(|l| l.rendered).collect()
}

/// Load `url` and return its times, once `css` shows.
async fn first_paint(browser: &Browser, url: &str, css: &str) -> TestResult<Load> {
    browser.goto(url).await?;
    browser.wait_for(css).await?;
    let times = browser
        .eventually("a first-contentful-paint entry and the rendered mark", || async {
            let v = browser
                .js("const p = performance.getEntriesByName('first-contentful-paint'); \
                     const r = performance.getEntriesByName('stempact-rendered'); \
                     return p.length && r.length ? [p[0].startTime, r[0].startTime] : null;")
                .await?;
            Ok(v.as_array().and_then(|a| Some(Load { paint: a.first()?.as_f64()?, rendered: a.get(1)?.as_f64()? })))
        })
        .await?;
    Ok(times)
}

/// Milliseconds from a click on the language switch to the new text being
/// in the DOM and laid out, and to the next animation frame after that.
async fn click_to_paint(browser: &Browser, url: &str) -> TestResult<(f64, f64, f64)> {
    browser.goto(url).await?;
    browser.wait_for("#aspect-curriculum h2").await?;
    let mut dom = Vec::new();
    let mut layout = Vec::new();
    let mut frame = Vec::new();
    for round in 0..10 {
        let (target, expect) = if round % 2 == 0 { ("en", "Curriculum") } else { ("nl", "Leerplan") };
        let script = format!(
            r#"const done = arguments[arguments.length - 1];
               const h = document.querySelector('#aspect-curriculum h2');
               const b = document.querySelector('button[data-lang={target}]');
               const t0 = performance.now();
               b.click();
               const check = () => {{
                   if (h.isConnected && h.textContent.includes('{expect}')) {{
                       const td = performance.now();
                       void document.body.offsetHeight;
                       const t1 = performance.now();
                       requestAnimationFrame(() => done([td - t0, t1 - t0, performance.now() - t0]));
                   }} else {{ queueMicrotask(check); }}
               }};
               Promise.resolve().then(check);"#
        );
        let v = browser.client.execute_async(&script, vec![]).await?;
        let pair = v.as_array().cloned().unwrap_or_default();
        let at = |i: usize| pair.get(i).and_then(|x| x.as_f64()).unwrap_or(f64::NAN);
        dom.push(at(0));
        layout.push(at(1));
        frame.push(at(2));
    }
    Ok((median(dom), median(layout), median(frame)))
}

// Per role: bytes before the first page, first paint, input to paint ------------

/// Budgets: bytes of wasm + js + css before a role's first page (gzip, as
/// sent), first paint against the empty page, input to paint, the team
/// table's re-render.
const BYTES_BUDGET: f64 = 250_000.0;
const FIRST_PAINT_BUDGET: f64 = 1.3;
const INPUT_BUDGET_MS: f64 = 16.0;
const TABLE_BUDGET_MS: f64 = 10.0;
/// Members in the school of the team table benchmark.
const TEAM_SIZE: usize = 200;

/// The figures with a budget, for the summary and the exit code.
#[derive(Default)]
struct Budgets {
    missed: Vec<String>,
}

impl Budgets {
    /// Print what was missed and end the run: exit code 1 when anything was.
    fn finish(&self) -> TestResult {
        if self.missed.is_empty() {
            println!("    every budget met");
            return Ok(());
        }
        println!("    budgets missed:");
        for m in &self.missed {
            println!("      {m}");
        }
        std::process::exit(1);
    }

    /// Record `value` against `budget` (lower is better) and say how it went.
    fn check(&mut self, what: &str, value: f64, budget: f64) -> &'static str {
        if value.is_finite() && value <= budget {
            "within"
        } else {
            self.missed.push(format!("{what}: {value:.2} (budget {budget})"));
            "OVER"
        }
    }
}

/// A role's first page: who opens it and what shows once it is there.
struct RolePage {
    app: App,
    person: Option<i64>,
    path: String,
    ready: &'static str,
}

/// The people and pages of the demo edition the benchmarks open: the demo
/// imported, its nulmeting reopened (deadline far ahead) so a teacher can
/// answer, and a school with a team of [`TEAM_SIZE`] for the team table.
struct Demo {
    pages: Vec<RolePage>,
    /// A juror's open score sheet.
    score_path: String,
    /// The team view of the big school, and its STEM coordinator.
    team_path: String,
    team_lead: i64,
    /// More first pages of the split apps for their profiles: (app,
    /// person, path, what shows when it is ready).
    profile_views: Vec<(App, i64, String, &'static str)>,
}

async fn scalar(db: &sqlx::SqlitePool, sql: &str) -> TestResult<i64> {
    Ok(sqlx::query_scalar(sql).fetch_one(db).await?)
}

async fn demo(app: &TestServer) -> TestResult<Demo> {
    let db = app.state.writer.pool();
    let today = rubric::Date::from_unix_seconds(server::db::now()).ok_or("today")?;
    server::db::exchange::import(&app.state.writer, &server::demo::document(today, server::db::now()), None)
        .await
        .map_err(|e| format!("importing the demo edition: {e:?}"))?;
    let edition = scalar(db, "select id from editions where active = 1").await?;
    fixtures::nulmeting_deadline(db, edition, "2099-12-31").await?;
    let coordinator = sqlx::query_scalar("insert into people (name, role, created_at) values ('Bench Coördinator', 'coordinator', 0) returning id")
        .fetch_one(db)
        .await?;
    // A teacher of a school that is still answering, and their sheet.
    let teacher = scalar(
        db,
        "select p.id from people p join responses r on r.person_id = p.id where p.role = 'school-member' \
         and p.school_function = 'teacher' and r.submitted_at is null order by p.id limit 1",
    )
    .await?;
    let company = scalar(db, "select p.id from people p join schools s on s.company_id = p.company_id where p.role = 'company-member' order by p.id limit 1").await?;
    // That company's school whose plan it opens (the plan app's first page).
    let company_school: i64 = sqlx::query_scalar("select s.id from schools s join people p on p.company_id = s.company_id where p.id = ? order by s.id limit 1")
        .bind(company)
        .fetch_one(db)
        .await?;
    // A juror and a finalist of theirs whose sheet is still open.
    let jurors: Vec<i64> = sqlx::query_scalar("select person_id from jurors order by person_id").fetch_all(db).await?;
    let mut open = None;
    for juror in jurors {
        let api = app.api();
        api.sign_in(&link_for(app, juror).await?).await?;
        let (_, home) = api.get("/jury/my").await?;
        let finalist = home["categories"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|c| c["finalists"].as_array().cloned().unwrap_or_default())
            .find(|f| f["state"] != "submitted")
            .and_then(|f| f["id"].as_i64());
        if let Some(finalist) = finalist {
            open = Some((juror, finalist));
            break;
        }
    }
    let (juror, finalist) = open.ok_or("no juror of the demo has an open score sheet")?;
    let score_path = format!("/jury/finalists/{finalist}");

    // The big school: its STEM coordinator opens the nulmeting (which
    // creates it) but has not submitted, so the team view is the table.
    let school = fixtures::school(db, edition, "Bench Scholengemeenschap", "Gent").await?;
    let mut team_lead = 0;
    for n in 0..TEAM_SIZE {
        let function = if n == 0 { "stem-coordinator" } else { "teacher" };
        let id: i64 = sqlx::query_scalar(
            "insert into people (name, role, school_id, school_function, created_at) values (?, 'school-member', ?, ?, 0) returning id",
        )
        .bind(format!("Teamlid {n:03}"))
        .bind(school)
        .bind(function)
        .fetch_one(db)
        .await?;
        if n == 0 {
            team_lead = id;
        }
    }
    let lead = app.api();
    lead.sign_in(&link_for(app, team_lead).await?).await?;
    let (status, sheet) = lead.get("/my/measurement").await?;
    if !status.is_success() {
        return Err(format!("the team's measurement: {status} {sheet}").into());
    }

    // The award dossier of the company's school, opened by its STEM
    // coordinator; the demo's region (its schools, portrait figures and
    // regional plan) and a coordinator of it.
    let company_lead: i64 = sqlx::query_scalar(
        "select id from people where role = 'school-member' and school_id = ? order by school_function = 'stem-coordinator' desc, id limit 1",
    )
    .bind(company_school)
    .fetch_one(db)
    .await?;
    let region: i64 = sqlx::query_scalar("select id from regions where edition_id = ? order by id limit 1").bind(edition).fetch_one(db).await?;
    let regional = fixtures::regional_coordinator(db, region, "Bench Regio Demo Coördinator").await?;

    let pages = vec![
        RolePage { app: App::Public, person: None, path: "/rubric".into(), ready: "[data-testid=rubric-page] .indicator" },
        RolePage { app: App::School, person: Some(teacher), path: "/nulmeting".into(), ready: ".level-choice" },
        RolePage { app: App::Company, person: Some(company), path: "/company".into(), ready: "[data-testid=plan-card]" },
        RolePage { app: App::Jury, person: Some(juror), path: score_path.clone(), ready: ".criterion-score" },
        RolePage { app: App::Coordinator, person: Some(coordinator), path: "/coordinator".into(), ready: "[data-testid=school-status] tbody tr" },
        RolePage { app: App::Plan, person: Some(company), path: format!("/schools/{company_school}/plan"), ready: "[data-testid=plan-page]" },
        RolePage { app: App::Judging, person: Some(coordinator), path: "/coordinator/jury/results".into(), ready: "[data-testid=lock-state]" },
        RolePage { app: App::Measurements, person: Some(coordinator), path: "/coordinator/measurements".into(), ready: "tr[data-school]" },
        RolePage { app: App::Report, person: Some(company), path: format!("/schools/{company_school}/report"), ready: "[data-testid=report-page]" },
        RolePage { app: App::Team, person: Some(team_lead), path: format!("/schools/{school}/team"), ready: "[data-testid=team-page]" },
        RolePage { app: App::Programme, person: Some(coordinator), path: "/coordinator/schools".into(), ready: "[data-testid=add]" },
        RolePage { app: App::Matching, person: Some(coordinator), path: "/coordinator/matching".into(), ready: "[data-testid=match-schools]" },
        RolePage { app: App::People, person: Some(coordinator), path: "/coordinator/people".into(), ready: "[data-testid=link-status]" },
        RolePage { app: App::Dossier, person: Some(company_lead), path: format!("/dossier/{company_school}"), ready: "[data-testid=dossier-page]" },
        RolePage { app: App::Region, person: Some(regional), path: format!("/region/{region}"), ready: "[data-testid=region-schools]" },
        RolePage { app: App::RegionPlan, person: Some(regional), path: format!("/region/{region}/plan"), ready: "[data-testid=regional-plan]" },
        RolePage { app: App::Award, person: Some(coordinator), path: "/coordinator/jury".into(), ready: "[data-testid=jury-setup]" },
        RolePage { app: App::PlanPrint, person: Some(company), path: format!("/schools/{company_school}/plan/print"), ready: "[data-testid=print-budget]" },
    ];
    // The plan as its school writes it, as the coordinator reads it, and a
    // school's plan without goals yet, as its STEM coordinator sees it.
    let empty_plan_lead = scalar(
        db,
        "select p.id from people p where p.role = 'school-member' and not exists (select 1 from plans pl join goals g on g.plan_id = pl.id \
         where pl.school_id = p.school_id) order by p.school_function = 'stem-coordinator' desc, p.id limit 1",
    )
    .await?;
    let empty_plan_school = scalar(db, &format!("select school_id from people where id = {empty_plan_lead}")).await?;
    let chair = scalar(db, &format!("select chair_id from jury_settings where edition_id = {edition} and chair_id is not null")).await?;
    let mut profile_views = vec![
        (App::Plan, company_lead, format!("/schools/{company_school}/plan"), "[data-testid=plan-page]"),
        (App::Plan, coordinator, format!("/schools/{company_school}/plan"), "[data-testid=plan-page]"),
        (App::Plan, empty_plan_lead, format!("/schools/{empty_plan_school}/plan"), "[data-testid=plan-page]"),
        (App::Judging, coordinator, "/coordinator/jury/results/print".into(), "#main .page"),
        (App::Judging, chair, "/jury/chair".into(), "[data-testid=jury-chair]"),
        (App::RegionPlan, regional, format!("/region/{region}/dossier"), "[data-testid=region-dossier]"),
        (App::Report, company_lead, format!("/schools/{company_school}/report"), "[data-testid=report-page]"),
        (App::Report, coordinator, format!("/schools/{company_school}/report"), "[data-testid=report-page]"),
        (App::PlanPrint, company_lead, format!("/schools/{company_school}/plan/print"), "[data-testid=print-budget]"),
        (App::Team, company_lead, format!("/schools/{company_school}/team"), "[data-testid=team-page]"),
        (App::Team, coordinator, format!("/schools/{school}/team"), "[data-testid=team-page]"),
        (App::Company, company, "/".into(), "[data-testid=plan-card]"),
        (App::School, teacher, "/".into(), ".start-cards"),
        (App::School, company_lead, "/".into(), ".start-cards"),
    ];
    // A school member whose sheet is submitted (the sheet read-only).
    let submitted: Option<i64> = sqlx::query_scalar(
        "select p.id from people p join responses r on r.person_id = p.id where p.role = 'school-member' \
         and r.submitted_at is not null order by p.id limit 1",
    )
    .fetch_optional(db)
    .await?;
    if let Some(submitted) = submitted {
        profile_views.push((App::School, submitted, "/nulmeting".into(), "[data-testid=submitted]"));
    }
    // A company without a school yet (its empty start page), if the demo has one.
    let unmatched: Option<i64> = sqlx::query_scalar(
        "select p.id from people p where p.role = 'company-member' \
         and not exists (select 1 from schools s where s.company_id = p.company_id) order by p.id limit 1",
    )
    .fetch_optional(db)
    .await?;
    if let Some(unmatched) = unmatched {
        profile_views.push((App::Company, unmatched, "/company".into(), "#main .page"));
    }
    Ok(Demo { pages, score_path, team_path: format!("/schools/{school}/team"), team_lead, profile_views })
}

/// Loads of each page for a split app's profile (one cold, the rest warm).
const PROFILE_LOADS: usize = 3;

/// Per app, the numbers of the functions its first pages ran: the union
/// over the demo's page of that app and its other first pages (the plan as
/// its school, its company and the coordinator see it, an empty plan; the
/// chair's page; the report and team view as the school and the
/// coordinator see them; the company's and the school's start pages; a
/// submitted sheet), each loaded [`PROFILE_LOADS`] times.
async fn split_profile(app: &TestServer, demo: &Demo) -> TestResult<std::collections::BTreeMap<String, std::collections::BTreeSet<u64>>> {
    let mut pages: Vec<(App, Option<i64>, String, &str)> =
        demo.pages.iter().map(|p| (p.app, p.person, p.path.clone(), p.ready)).collect();
    for (app_kind, person, path, ready) in &demo.profile_views {
        pages.push((*app_kind, Some(*person), path.clone(), ready));
    }
    let mut seen: std::collections::BTreeMap<String, std::collections::BTreeSet<u64>> = Default::default();
    for (app_kind, person, path, ready) in pages {
        let browser = browser_as(app, person).await?;
        // A cold load and two warm ones: the page's requests answer in
        // another order from one load to the next, and each order may run
        // code of its own before the first paint.
        let mut ran = std::collections::BTreeSet::new();
        for _ in 0..PROFILE_LOADS {
            browser.goto(&format!("{}{}", app.url, path)).await?;
            browser.wait_for(ready).await?;
            // What runs once the data is in: wait for the page to go quiet.
            browser.js("return new Promise((done) => setTimeout(done, 1000));").await?;
            let numbers = browser.js("return [...(globalThis.__splitSeen || [])];").await?;
            ran.extend(numbers.as_array().into_iter().flatten().filter_map(|n| n.as_u64()));
        }
        println!("    {:<12} {path}: {} functions ran", app_kind.name(), ran.len());
        seen.entry(app_kind.name().to_string()).or_default().extend(ran);
        browser.close().await?;
    }
    Ok(seen)
}

async fn link_for(app: &TestServer, person: i64) -> TestResult<String> {
    let token = server::db::people::issue_invitation(&mut *app.state.writer.pool().acquire().await?, person, None).await?;
    Ok(server::sign_in_link(&app.url, &token))
}

/// A fresh browser (empty cache), signed in as `person` by the sign-in
/// endpoint called from a JSON page, so nothing of the apps is loaded yet.
async fn browser_as(app: &TestServer, person: Option<i64>) -> TestResult<Browser> {
    let browser = Browser::start().await?;
    browser.goto(&format!("{}/api/health", app.url)).await?;
    if let Some(person) = person {
        let token = server::db::people::issue_invitation(&mut *app.state.writer.pool().acquire().await?, person, None).await?;
        let script = format!(
            r#"const done = arguments[arguments.length - 1];
               fetch('/api/auth/signin', {{ method: 'POST', headers: {{ 'content-type': 'application/json' }}, body: JSON.stringify({{ token: {token:?} }}) }})
                   .then(r => done(r.status), e => done(String(e)));"#
        );
        let status = browser.client.execute_async(&script, vec![]).await?;
        if status != 200 {
            return Err(format!("signing in the browser answered {status}").into());
        }
    }
    Ok(browser)
}

/// The wasm, js and css this page fetched: (encoded bytes as sent before
/// its first contentful paint, files, bytes fetched after it, whether the
/// rest of a split app was fetched before it). A split app
/// ([`rest_expected`]) fetches the rest of its wasm after the first paint:
/// that is waited for (5 s at most) and counted apart, not in the budget.
async fn bundle_bytes(browser: &Browser, rest_expected: bool) -> TestResult<(f64, Vec<String>, f64, bool)> {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         const rest = () => performance.getEntriesByType('resource').some((e) => e.name.endsWith('.rest.wasm') && e.responseEnd > 0);
         const started = performance.now();
         const report = () => {{
             const paint = performance.getEntriesByName('first-contentful-paint')[0];
             const fcp = paint ? paint.startTime : Infinity;
             const seen = new Map();
             for (const e of performance.getEntriesByType('resource')) {{
                 const path = new URL(e.name).pathname;
                 if (/\\.(wasm|js|css)$/.test(path)) {{
                     const [bytes, start] = seen.get(path) || [0, Infinity];
                     seen.set(path, [Math.max(bytes, e.encodedBodySize), Math.min(start, e.startTime)]);
                 }}
             }}
             done([...seen.entries()].map(([path, [bytes, start]]) => [path, bytes, start < fcp]));
         }};
         const wait = () => (!{rest_expected} || rest() || performance.now() - started > 5000 ? report() : setTimeout(wait, 20));
         wait();"
    );
    let v = browser.client.execute_async(&script, vec![]).await?;
    let (mut before, mut after) = (0.0, 0.0);
    let mut files = Vec::new();
    let mut rest_early = false;
    for entry in v.as_array().into_iter().flatten() {
        let bytes = entry[1].as_f64().unwrap_or(f64::NAN);
        let early = entry[2].as_bool().unwrap_or(true);
        if early {
            before += bytes;
            rest_early |= entry[0].as_str().is_some_and(|p| p.ends_with(".rest.wasm"));
        } else {
            after += bytes;
        }
        let when = if early { "" } else { " after the first paint" };
        files.push(format!("{} {:.1} kB{when}", entry[0].as_str().unwrap_or("?"), bytes / 1000.0));
    }
    Ok((before, files, after, rest_early))
}

/// Whether `app` was built split in `dist` (a `NAME-HASH.rest.wasm` beside it).
fn rest_expected(dist: &std::path::Path, app: App) -> bool {
    let prefix = format!("{}-", app.name());
    std::fs::read_dir(dist).into_iter().flatten().filter_map(|e| e.ok()).any(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        name.starts_with(&prefix) && name.ends_with(".rest.wasm") && !name[prefix.len()..].contains('_')
    })
}

/// `STEMPACT_BENCH_MARKS=1`: over [`LOADS`] more loads each of the app's
/// page and the empty page, the median time of each resource's start and
/// end, each performance mark and the first paint, in order.
async fn print_marks(browser: &Browser, name: &str, url: &str, ready: &str, empty_url: &str) -> TestResult {
    let mut marks: std::collections::BTreeMap<(bool, String), Vec<f64>> = Default::default();
    for _ in 0..LOADS {
        for (real, u, css) in [(true, url, ready), (false, empty_url, "#empty-rendered")] {
            first_paint(browser, u, css).await?;
            let v = browser
                .js("const r = {}; r.html = performance.getEntriesByType('navigation')[0].responseEnd; \
                     for (const e of performance.getEntriesByType('resource')) { \
                         const file = e.name.split('/').pop().replace(/-[0-9a-f]{12,}/, '').slice(0, 24); \
                         r['start ' + file] = e.startTime; r['end ' + file] = e.responseEnd; } \
                     for (const m of performance.getEntriesByType('mark')) r[m.name] = m.startTime; \
                     r.fcp = performance.getEntriesByName('first-contentful-paint')[0].startTime; return r;")
                .await?;
            for (k, t) in v.as_object().into_iter().flatten() {
                marks.entry((real, k.clone())).or_default().push(t.as_f64().unwrap_or(f64::NAN));
            }
        }
    }
    for real in [true, false] {
        let mut row: Vec<(f64, String)> = marks.iter().filter(|((r, _), _)| *r == real).map(|((_, k), v)| (median(v.clone()), k.clone())).collect();
        row.sort_by(|a, b| a.0.total_cmp(&b.0));
        println!("      {}: {}", if real { name } else { "empty" }, row.iter().map(|(t, k)| format!("{k}={t:.1}")).collect::<Vec<_>>().join("  "));
    }
    Ok(())
}

/// Per role: the bytes before its first page (cold cache), then the first
/// paint of that page against the empty Yew page (warm, alternating).
async fn roles(app: &TestServer, dist: &std::path::Path, empty: &TestServer, demo: &Demo, budgets: &mut Budgets) -> TestResult {
    println!(
        "    {:<12} {:>10} {:>10} {:>10} {:>7} {:>7} {:>9} {:>9} {:>7}",
        "app", "kB gzip", "paint ms", "empty ms", "ratio", "best", "render ms", "empty ms", "ratio"
    );
    let mut later_notes = Vec::new();
    let mut notes = Vec::new();
    for page in &demo.pages {
        let name = page.app.name();
        let browser = browser_as(app, page.person).await?;
        let url = format!("{}{}", app.url, page.path);
        browser.goto(&url).await?;
        browser.wait_for(page.ready).await?;
        let (bytes, files, later, rest_early) = bundle_bytes(&browser, rest_expected(dist, page.app)).await?;
        // A split app's first page must run on its first part alone: the
        // rest fetched before the first paint means the page called a
        // function its profile left out (and waited for the rest).
        if rest_early {
            budgets.missed.push(format!(
                "{name} app: its first page needed the rest before its first paint (run `cargo xtask split-profile`)"
            ));
        }
        first_paint(&browser, &empty.url, "#empty-rendered").await?;
        let (mut real, mut base) = (Vec::new(), Vec::new());
        for _ in 0..LOADS {
            real.push(first_paint(&browser, &url, page.ready).await?);
            base.push(first_paint(&browser, &empty.url, "#empty-rendered").await?);
        }
        // Every load's own times, to see the spread behind a ratio.
        if std::env::var_os("STEMPACT_BENCH_RAW").is_some() {
            let show = |v: &[Load]| v.iter().map(|l| format!("{:.0}/{:.0}", l.rendered, l.paint)).collect::<Vec<_>>().join(" ");
            println!("      {name} loads (render/paint ms): {}\n      empty loads: {}", show(&real), show(&base));
        }
        if std::env::var_os("STEMPACT_BENCH_MARKS").is_some() {
            print_marks(&browser, name, &url, page.ready, &empty.url).await?;
        }
        browser.close().await?;
        // Each load of the app is paired with the empty page's load right
        // after it, so a burst of load from elsewhere on the machine slows
        // both of a pair. First paint comes in whole frames (4 ms steps in
        // headless Chromium, a tenth of the empty page's time), so a median
        // of either side is one step or the other; the ratio judged is of
        // the trimmed means (the fastest and slowest fifth of each side
        // left out), which average the steps out.
        // The first render in the DOM (the shell's mark) is not rounded to
        // frames: shown beside paint, to tell an app's own start from the
        // frame it lands in.
        let render_ratio = trimmed_mean(&rendered(&real)) / trimmed_mean(&rendered(&base));
        let (render_real, render_base) = (median(rendered(&real)), median(rendered(&base)));
        let (real, base): (Vec<f64>, Vec<f64>) = (real.iter().map(|l| l.paint).collect(), base.iter().map(|l| l.paint).collect());
        let ratio = trimmed_mean(&real) / trimmed_mean(&base);
        let best = real.iter().copied().fold(f64::INFINITY, f64::min) / base.iter().copied().fold(f64::INFINITY, f64::min);
        let (real, base) = (median(real), median(base));
        let bytes_verdict = budgets.check(&format!("{name} app bytes before its first page"), bytes, BYTES_BUDGET);
        let paint_verdict = budgets.check(&format!("{name} app first paint / empty page"), ratio, FIRST_PAINT_BUDGET);
        println!(
            "    {name:<12} {:>10.1} {real:>10.1} {base:>10.1} {ratio:>6.2}x {best:>6.2}x {render_real:>9.1} {render_base:>9.1} {render_ratio:>6.2}x   bytes {bytes_verdict}, paint {paint_verdict}   ({})",
            bytes / 1000.0,
            page.path
        );
        notes.push(format!("      {name}: {}", files.join(", ")));
        if later > 0.0 {
            later_notes.push(format!("{name} {:.1} kB", later / 1000.0));
        }
    }
    println!(
        "    budgets: {:.0} kB gzip of wasm + js + css, first paint {FIRST_PAINT_BUDGET}x the empty page (ratio: trimmed means of {LOADS} loads each, in pairs of app then empty page; paint and empty ms: medians; best: fastest app load / fastest empty load; render: the first render in the DOM, the same way, not a budget)",
        BYTES_BUDGET / 1000.0
    );
    if !later_notes.is_empty() {
        println!("    fetched after the first paint (the rest of a split app, not in the budget): {}", later_notes.join(", "));
    }
    for n in notes {
        println!("{n}");
    }
    Ok(())
}

/// Click what `click` finds inside the first `scope`, until `done` (a JS
/// expression, `scope` in reach) holds: milliseconds to the DOM, with layout,
/// and to the next animation frame. Rounds alternate between the pairs.
async fn time_clicks(browser: &Browser, scope: &str, pairs: &[(&str, &str)], rounds: usize) -> TestResult<(f64, f64, f64)> {
    let (mut dom, mut layout, mut frame) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (click, done) = pairs[round % pairs.len()];
        let script = format!(
            r#"const finish = arguments[arguments.length - 1];
               const scope = document.querySelector({scope:?});
               const target = scope && scope.querySelector({click:?});
               if (!target) {{ finish(null); return; }}
               const t0 = performance.now();
               target.click();
               let spins = 0;
               const check = () => {{
                   if ({done}) {{
                       const td = performance.now();
                       void document.body.offsetHeight;
                       const t1 = performance.now();
                       requestAnimationFrame(() => finish([td - t0, t1 - t0, performance.now() - t0]));
                   }} else if (++spins < 100000) {{ queueMicrotask(check); }} else {{ spins = 0; setTimeout(check, 0); }}
               }};
               Promise.resolve().then(check);"#
        );
        let v = browser.client.execute_async(&script, vec![]).await?;
        let at = |i: usize| v.get(i).and_then(|x| x.as_f64()).unwrap_or(f64::NAN);
        if v.is_null() {
            return Err(format!("nothing to click: `{click}` in `{scope}`").into());
        }
        dom.push(at(0));
        layout.push(at(1));
        frame.push(at(2));
    }
    Ok((median(dom), median(layout), median(frame)))
}

/// Clicks on one page, timed against the input budget.
struct ClickTest<'a> {
    what: &'a str,
    person: Option<i64>,
    path: &'a str,
    /// What to wait for, and where the clicks go.
    scope: &'a str,
    pairs: &'a [(&'a str, &'a str)],
}

impl ClickTest<'_> {
    async fn run(&self, app: &TestServer, budgets: &mut Budgets) -> TestResult {
        let browser = browser_as(app, self.person).await?;
        browser.goto(&format!("{}{}", app.url, self.path)).await?;
        browser.wait_for(self.scope).await?;
        let (dom, layout, frame) = time_clicks(&browser, self.scope, self.pairs, 10).await?;
        let verdict = budgets.check(&format!("click to paint, {}", self.what), layout, INPUT_BUDGET_MS);
        println!(
            "    click to paint, {} (median of 10): {dom:.1} ms to the DOM, {layout:.1} ms with layout, {frame:.1} ms to the next frame ({verdict} {INPUT_BUDGET_MS} ms)",
            self.what
        );
        browser.close().await
    }
}

/// Input to paint on the pages people type on: a level of the nulmeting
/// and a score on a juror's sheet; and the 200-row team table re-rendered
/// by the language switch.
async fn inputs(app: &TestServer, demo: &Demo, budgets: &mut Budgets) -> TestResult {
    let school = demo.pages.iter().find(|p| p.app == App::School).ok_or("no school page")?;
    let selected = |n: &str| format!("scope.querySelector(\"label.selected[data-answer='{n}']\")");
    let (two, three) = (selected("2"), selected("3"));
    let pairs = [("input[value='2']", two.as_str()), ("input[value='3']", three.as_str())];
    let level = ClickTest { what: "nulmeting level", person: school.person, path: &school.path, scope: ".level-choice", pairs: &pairs };
    level.run(app, budgets).await?;

    let juror = demo.pages.iter().find(|p| p.app == App::Jury).ok_or("no jury page")?;
    let active = |n: &str| format!("scope.querySelector(\"input[value='{n}']\").closest('.cs-band').classList.contains('active')");
    let (three, eight) = (active("3"), active("8"));
    let pairs = [("input[value='3']", three.as_str()), ("input[value='8']", eight.as_str())];
    let score = ClickTest { what: "jury score", person: juror.person, path: &demo.score_path, scope: ".criterion-score", pairs: &pairs };
    score.run(app, budgets).await?;

    let browser = browser_as(app, Some(demo.team_lead)).await?;
    browser.goto(&format!("{}{}", app.url, demo.team_path)).await?;
    browser.wait_for("[data-testid=members] tbody tr").await?;
    let rows = browser.all("[data-testid=members] tbody tr").await?.len();
    // The switch is in the header; done when the table's last row shows the
    // function in the other language.
    let last = "document.querySelector('[data-testid=members] tbody tr:last-child td').textContent";
    let (en, nl) = (format!("{last}.includes('Teacher')"), format!("{last}.includes('Leerkracht')"));
    let pairs = [("button[data-lang=en]", en.as_str()), ("button[data-lang=nl]", nl.as_str())];
    let (dom, layout, frame) = time_clicks(&browser, "body", &pairs, 10).await?;
    // The re-render is Yew's part: from the click until the last row is in
    // the DOM in the other language; the browser's layout and the frame
    // after it are printed beside it.
    let verdict = budgets.check("team table re-render", dom, TABLE_BUDGET_MS);
    println!("    team table of {rows} rows re-rendered (language switch, median of 10): {dom:.1} ms to the DOM ({verdict} {TABLE_BUDGET_MS} ms), {layout:.1} ms with layout, {frame:.1} ms to the next frame");
    browser.close().await
}

/// One frame at 60 Hz: the region portrait's budget (issue 17).
const FRAME_MS: f64 = 16.7;
/// The region portrait's size in the benchmark (issue 17).
const PORTRAIT_SCHOOLS: usize = 50;
const PORTRAIT_YEARS: u16 = 6;
const PORTRAIT_TRACKS: [&str; 3] = ["BWI", "PIE", "M&T"];
/// Fresh browsers the portrait's chart is drawn in (the median is checked).
const PORTRAIT_DRAWS: usize = 5;

/// The region portrait (issue 17) with 50 schools x 6 years x 3 profiles:
/// its re-render (language switch: every table, the profile; the chart's
/// data does not change) and the chart's drawing (median of the first draw
/// in [`PORTRAIT_DRAWS`] fresh browsers, each part printed), against one
/// frame.
async fn portrait(app: &TestServer, budgets: &mut Budgets) -> TestResult {
    let db = app.state.writer.pool();
    let edition = scalar(db, "select id from editions where active = 1").await?;
    let region = fixtures::region(db, edition, "Bench Regio").await?;
    for n in 0..PORTRAIT_SCHOOLS {
        let school = fixtures::school(db, edition, &format!("Regioschool {n:02}"), "Almelo").await?;
        sqlx::query("insert into region_schools (school_id, region_id, level) values (?, ?, 'vmbo')").bind(school).bind(region).execute(db).await?;
        for year in 0..PORTRAIT_YEARS {
            for (t, track) in PORTRAIT_TRACKS.iter().enumerate() {
                let pupils = 40 + (n * 7 + t * 13 + usize::from(year) * 3) % 60;
                sqlx::query("insert into region_pupils (region_id, school_id, track, year, pupils) values (?, ?, ?, ?, ?)")
                    .bind(region)
                    .bind(school)
                    .bind(track)
                    .bind(2019 + i64::from(year))
                    .bind(pupils as i64)
                    .execute(db)
                    .await?;
            }
        }
    }
    let person = fixtures::regional_coordinator(db, region, "Bench Regiocoördinator").await?;
    // The chart's drawing, first page load in a fresh browser each time
    // (an empty cache, no canvas or font used yet in that browser): the
    // whole draw, from reading the canvas's size to its last line.
    let url = format!("{}/region/{region}/portrait", app.url);
    let (mut draws, mut parts) = (Vec::new(), Vec::new());
    for _ in 0..PORTRAIT_DRAWS {
        let browser = browser_as(app, Some(person)).await?;
        browser.goto(&url).await?;
        let chart = browser.wait_for("[data-testid=trend-chart][data-drawn=true]").await?;
        let ms: f64 = chart.attr("data-draw-ms").await?.and_then(|v| v.parse().ok()).unwrap_or(f64::NAN);
        draws.push(ms);
        parts.push((ms, chart.attr("data-draw-parts").await?.unwrap_or_default()));
        browser.close().await?;
    }
    let draw_ms = median(draws.clone());
    let draw_verdict = budgets.check("region portrait chart drawing", draw_ms, FRAME_MS);
    let each: Vec<String> = draws.iter().map(|ms| format!("{ms:.1}")).collect();
    println!(
        "    region portrait chart, drawn on the first load in {PORTRAIT_DRAWS} fresh browsers: median {draw_ms:.1} ms = {:.2}x one frame ({draw_verdict} {FRAME_MS} ms); each: {} ms",
        draw_ms / FRAME_MS,
        each.join(", ")
    );
    for (ms, p) in &parts {
        println!("      {ms:.1} ms: {p}");
    }

    let browser = browser_as(app, Some(person)).await?;
    browser.goto(&url).await?;
    browser.wait_for("[data-testid=table-schools] tbody tr").await?;
    let rows = browser.all("[data-testid=table-schools] tbody tr").await?.len();
    // Done when the first table and the page's last section show the other language.
    let first = "document.querySelector('[data-testid=table-tracks] thead th').textContent";
    let last = "document.querySelector('[data-testid=profile-hidden]').textContent";
    let (en, nl) = (format!("{first} == 'Profile' && {last}.startsWith('Hidden')"), format!("{first} == 'Profiel' && {last}.startsWith('Verborgen')"));
    let pairs = [("button[data-lang=en]", en.as_str()), ("button[data-lang=nl]", nl.as_str())];
    let (dom, layout, frame) = time_clicks(&browser, "body", &pairs, 10).await?;
    let verdict = budgets.check("region portrait re-render", layout, FRAME_MS);
    println!(
        "    region portrait, {PORTRAIT_SCHOOLS} schools x {PORTRAIT_YEARS} years x {} profiles ({rows} school rows), re-rendered (language switch, median of 10): {dom:.1} ms to the DOM, {layout:.1} ms with layout = {:.2}x one frame ({verdict} {FRAME_MS} ms), {frame:.1} ms to the next frame",
        PORTRAIT_TRACKS.len(),
        layout / FRAME_MS,
    );
    browser.close().await
}

#[tokio::main]
async fn main() -> TestResult {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let root = e2e::workspace_root();
    if args.first().is_some_and(|a| a.as_os_str() == "--server") {
        let app = TestServer::start_with(root.join("dist"), tempfile::tempdir()?).await?;
        return Budgets { missed: e2e::load::report(&app).await? }.finish();
    }
    if args.first().is_some_and(|a| a.as_os_str() == "--roles") {
        // Bytes and first paint alone, of every app or of the apps named
        // (`--roles school,jury`), against `dist` and `dist-bench`.
        let only: Vec<String> = args.get(1).and_then(|a| a.to_str()).map(|a| a.split(',').map(str::to_string).collect()).unwrap_or_default();
        let dist = root.join(args.get(2).cloned().unwrap_or_else(|| "dist".into()));
        let app = TestServer::start_with(dist.clone(), tempfile::tempdir()?).await?;
        let empty = TestServer::start_with(root.join("dist-bench"), tempfile::tempdir()?).await?;
        let mut budgets = Budgets::default();
        let mut demo = demo(&app).await?;
        demo.pages.retain(|p| only.is_empty() || only.iter().any(|o| o == "all" || o == p.app.name()));
        roles(&app, &dist, &empty, &demo, &mut budgets).await?;
        return budgets.finish();
    }
    if args.first().is_some_and(|a| a.as_os_str() == "--split-profile") {
        // Which functions each app's first pages run, from a build whose
        // split apps are instrumented (`cargo xtask split-profile`).
        let (Some(dist), Some(out), Some(apps)) = (args.get(1), args.get(2), args.get(3).and_then(|a| a.to_str())) else {
            return Err("usage: bench --split-profile DIST OUT.json APP,APP...".into());
        };
        let app = TestServer::start_with(root.join(dist), tempfile::tempdir()?).await?;
        let mut demo = demo(&app).await?;
        demo.pages.retain(|p| apps.split(',').any(|a| a == p.app.name()));
        demo.profile_views.retain(|v| apps.split(',').any(|a| a == v.0.name()));
        let seen = split_profile(&app, &demo).await?;
        std::fs::write(root.join(out), serde_json::to_string(&seen)?)?;
        return Ok(());
    }
    if args.first().is_some_and(|a| a.as_os_str() == "--portrait") {
        // The region portrait alone (issue 17), on an edition of its own.
        let app = TestServer::start_with(root.join("dist"), tempfile::tempdir()?).await?;
        fixtures::edition(app.state.writer.pool(), "Bench Editie").await?;
        let mut budgets = Budgets::default();
        portrait(&app, &mut budgets).await?;
        return budgets.finish();
    }
    let app_dist = root.join(args.first().cloned().unwrap_or_else(|| "dist".into()));
    let empty_dist = root.join(args.get(1).cloned().unwrap_or_else(|| "dist-bench".into()));
    let app = TestServer::start_with(app_dist.clone(), tempfile::tempdir()?).await?;
    let empty = TestServer::start_with(empty_dist, tempfile::tempdir()?).await?;
    let mut budgets = Budgets::default();
    let demo = demo(&app).await?;
    println!("    per role app, on the demo edition: bytes before the first page (cold cache), first paint (warm)");
    roles(&app, &app_dist, &empty, &demo, &mut budgets).await?;
    inputs(&app, &demo, &mut budgets).await?;
    portrait(&app, &mut budgets).await?;

    let browser = Browser::start().await?;
    let rubric_url = format!("{}/rubric", app.url);
    let (dom, layout, frame) = click_to_paint(&browser, &rubric_url).await?;
    let verdict = budgets.check("click to paint, language switch on the rubric", layout, INPUT_BUDGET_MS);
    println!(
        "    click to paint (language switch, whole rubric re-rendered, median of 10): {dom:.1} ms to the DOM, {layout:.1} ms with layout, {frame:.1} ms to the next frame ({verdict} {INPUT_BUDGET_MS} ms)"
    );

    if let Some(agg) = args.get(2) {
        let agg = TestServer::start_with(root.join(agg), tempfile::tempdir()?).await?;
        browser.goto(&agg.url).await?;
        let text = browser.text("#aggregate-result").await?;
        let v: serde_json::Value = serde_json::from_str(&text)?;
        let verdict = budgets.check("aggregation in wasm, ms", v["median_ms"].as_f64().unwrap_or(f64::NAN), 50.0);
        println!(
            "    aggregation in wasm, {} schools x {} respondents: median {} ms, best {} ms ({verdict} 50 ms); rubric parse {} ms",
            v["schools"], v["respondents"], v["median_ms"], v["best_ms"], v["rubric_parse_ms"]
        );
    }
    browser.close().await?;

    let load_missed = e2e::load::report(&app).await?;
    budgets.missed.extend(load_missed);
    budgets.finish()
}

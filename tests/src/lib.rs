//! The end-to-end harness: [`TestServer`] runs the real server (the same
//! router, real SQLite in a temporary data folder, the built `dist/`) on a
//! free port; [`Browser`] drives headless Chromium through ChromeDriver and
//! waits for what a person would see. Everything is stopped on drop, so a
//! failed assertion leaves nothing running. [`Browser::axe`] runs the
//! axe-core accessibility checker in the page and [`Browser::layout_check`]
//! the phone/tablet/desktop layout checks (issue 14).

pub mod fixtures;
pub mod load;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use rubric::people::{Role, SchoolFunction};
use server::db::people::NewPerson;
use server::state::{AppState, Config};
use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr, TcpListener as StdListener};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// How long to wait for something to appear before failing.
pub const PATIENCE: Duration = Duration::from_secs(15);

pub type TestResult<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().map(PathBuf::from).unwrap_or_default()
}

/// The built frontend; the README test command builds it first.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("STEMPACT_DIST").map(PathBuf::from).unwrap_or_else(|| workspace_root().join("dist"))
}

fn free_port() -> TestResult<u16> {
    Ok(StdListener::bind((Ipv4Addr::LOCALHOST, 0))?.local_addr()?.port())
}

/// The real server on a free port with a fresh data folder.
pub struct TestServer {
    pub url: String,
    pub state: AppState,
    pub data_dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
}

impl TestServer {
    /// Start with the app's `dist/`.
    pub async fn start() -> TestResult<TestServer> {
        Self::start_with(dist_dir(), tempfile::tempdir()?).await
    }

    /// Start serving `dist` with the database in `data_dir`.
    pub async fn start_with(dist: PathBuf, data_dir: tempfile::TempDir) -> TestResult<TestServer> {
        let page = ["public.html", "index.html"].map(|p| dist.join(p)).into_iter().find(|p| p.is_file());
        if page.is_none() {
            return Err(format!(
                "{} is missing: build the frontend first (cargo xtask test does)",
                dist.join("public.html").display()
            )
            .into());
        }
        let listener = server::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await?;
        let url = format!("http://127.0.0.1:{}", listener.local_addr()?.port());
        let config = Config { dist_dir: dist, public_url: url.clone(), secure_cookies: false };
        let state = server::prepare(data_dir.path(), config).await?;
        let serving = state.clone();
        let task = tokio::spawn(async move {
            let _ = server::serve(listener, serving).await;
        });
        Ok(TestServer { url, state, data_dir, task })
    }

    /// Create a person and return their sign-in link.
    pub async fn invite(&self, role: Role, name: &str) -> TestResult<String> {
        self.invite_scoped(role, name, None, None).await
    }

    /// Create a person with a school or company and return their link.
    pub async fn invite_scoped(
        &self,
        role: Role,
        name: &str,
        school_id: Option<i64>,
        company_id: Option<i64>,
    ) -> TestResult<String> {
        let person = NewPerson {
            name: name.into(),
            email: String::new(),
            role,
            school_id,
            company_id,
            school_function: school_id.map(|_| SchoolFunction::Teacher),
        };
        let (_, token) = server::invite::create(&self.state.writer, &person, None).await?;
        Ok(server::sign_in_link(&self.url, &token))
    }

    /// A browser signed in as a person who already exists (from a fixture
    /// or the demo), on their start page.
    pub async fn browser_for(&self, person_id: i64) -> TestResult<Browser> {
        let link = self.link_for(person_id).await?;
        let browser = Browser::start().await?;
        browser.goto(&link).await?;
        browser.wait_for("[data-testid=who-name]").await?;
        Ok(browser)
    }

    /// A fresh one-time sign-in link for a person (an unused earlier one is
    /// revoked).
    pub async fn link_for(&self, person_id: i64) -> TestResult<String> {
        let token = server::db::people::issue_invitation(&mut *self.state.writer.pool().acquire().await?, person_id, None).await?;
        Ok(server::sign_in_link(&self.url, &token))
    }

    /// An HTTP client with its own cookie jar, for API-level checks.
    pub fn api(&self) -> ApiClient {
        ApiClient {
            base: format!("{}/api", self.url),
            http: reqwest::Client::builder().cookie_store(true).build().unwrap_or_default(),
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A JSON client for the API, signed in or not.
pub struct ApiClient {
    pub base: String,
    pub http: reqwest::Client,
}

impl ApiClient {
    /// Sign in with the token from a sign-in link.
    pub async fn sign_in(&self, link: &str) -> TestResult<reqwest::StatusCode> {
        let token = link.rsplit('#').next().unwrap_or_default();
        let r = self.http.post(format!("{}/auth/signin", self.base)).json(&serde_json::json!({"token": token})).send().await?;
        Ok(r.status())
    }

    pub async fn get(&self, path: &str) -> TestResult<(reqwest::StatusCode, serde_json::Value)> {
        let r = self.http.get(format!("{}{path}", self.base)).send().await?;
        let status = r.status();
        Ok((status, r.json().await.unwrap_or(serde_json::Value::Null)))
    }

    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &serde_json::Value,
    ) -> TestResult<(reqwest::StatusCode, serde_json::Value)> {
        let r = self.http.request(method, format!("{}{path}", self.base)).json(body).send().await?;
        let status = r.status();
        Ok((status, r.json().await.unwrap_or(serde_json::Value::Null)))
    }
}

/// ChromeDriver plus one headless Chromium session.
pub struct Browser {
    pub client: Client,
    /// ChromeDriver's address, for the calls WebDriver has no command for ([`Browser::cdp`]).
    driver_url: String,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Start ChromeDriver on a free port and open a fresh Chromium.
    pub async fn start() -> TestResult<Browser> {
        let port = free_port()?;
        let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let mut driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {driver_bin}: {e}; run `cargo xtask setup`"))?;
        let profile = tempfile::tempdir()?;
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let args: Vec<String> = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,900",
        ]
        .into_iter()
        .map(String::from)
        .chain([format!("--user-data-dir={}", profile.path().display())])
        // More flags for an experiment (space-separated), e.g. V8's.
        .chain(std::env::var("STEMPACT_CHROME_ARGS").unwrap_or_default().split_whitespace().map(String::from))
        .collect::<Vec<_>>();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium,
                "args": args
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            match ClientBuilder::rustls()?.capabilities(caps.clone()).connect(&url).await {
                Ok(c) => break c,
                Err(e) => {
                    if Instant::now() > deadline {
                        let _ = driver.kill();
                        return Err(format!("chromedriver did not accept a session: {e}").into());
                    }
                    if let Ok(Some(status)) = driver.try_wait() {
                        return Err(format!("chromedriver exited ({status})").into());
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        };
        Ok(Browser { client, driver_url: url, driver, _profile: profile })
    }

    /// The wasm files of `app` (`plan`, `school`, ...) as the page fetched
    /// them: (path, start ms, whether the fetch had ended), and the first
    /// contentful paint in ms (for a split app: its first part before the
    /// paint, its rest after).
    pub async fn wasm_timing(&self, app: &str) -> TestResult<(Vec<(String, f64, bool)>, Option<f64>)> {
        let script = format!(
            "return [performance.getEntriesByType('resource')
                         .map((e) => [new URL(e.name).pathname, e.startTime, e.responseEnd > 0])
                         .filter(([p]) => p.startsWith('/{app}-') && p.endsWith('.wasm')),
                     (performance.getEntriesByName('first-contentful-paint')[0] || {{}}).startTime ?? null];"
        );
        let v = self.js(&script).await?;
        let files = v[0]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| (e[0].as_str().unwrap_or_default().to_string(), e[1].as_f64().unwrap_or(f64::NAN), e[2].as_bool().unwrap_or(false)))
            .collect();
        Ok((files, v[1].as_f64()))
    }

    /// Send a Chrome DevTools Protocol command through ChromeDriver (for
    /// what WebDriver cannot do, such as refusing a file to the page:
    /// `Network.setBlockedURLs`).
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> TestResult<serde_json::Value> {
        let session = self.client.session_id().await?.ok_or("the browser has no session")?;
        let url = format!("{}/session/{session}/goog/cdp/execute", self.driver_url);
        let answer = reqwest::Client::new().post(url).json(&serde_json::json!({ "cmd": cmd, "params": params })).send().await?;
        let status = answer.status();
        let body: serde_json::Value = answer.json().await?;
        if !status.is_success() {
            return Err(format!("{cmd}: ChromeDriver answered {status}: {body}").into());
        }
        Ok(body["value"].clone())
    }

    pub async fn goto(&self, url: &str) -> TestResult {
        self.client.goto(url).await?;
        Ok(())
    }

    /// Wait until `css` matches an element and return it.
    pub async fn wait_for(&self, css: &str) -> TestResult<Element> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.client.wait().at_most(left).for_element(Locator::Css(css)).await {
                Ok(found) => return Ok(found),
                // A page of another role's app loads in the middle of the
                // search (a real page load): search again in the new page.
                Err(e) if e.to_string().contains("aborted by navigation") && !left.is_zero() => {
                    tokio::time::sleep(Duration::from_millis(40)).await;
                }
                Err(e) => return Err(format!("waited {PATIENCE:?} for `{css}`: {e}").into()),
            }
        }
    }

    /// Poll `check` until it returns `Some`, or fail after [`PATIENCE`]
    /// with `what` in the message.
    pub async fn eventually<T, F, Fut>(&self, what: &str, mut check: F) -> TestResult<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = TestResult<Option<T>>>,
    {
        let deadline = Instant::now() + PATIENCE;
        let mut last_error = String::new();
        loop {
            match check().await {
                Ok(Some(v)) => return Ok(v),
                Ok(None) => {}
                Err(e) => last_error = e.to_string(),
            }
            if Instant::now() > deadline {
                return Err(format!("waited {PATIENCE:?} for {what} {last_error}").into());
            }
            tokio::time::sleep(Duration::from_millis(40)).await;
        }
    }

    /// The visible text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> TestResult<String> {
        Ok(self.wait_for(css).await?.text().await?)
    }

    /// Wait until the element matching `css` contains `needle`.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> TestResult<String> {
        let what = format!("`{css}` to contain {needle:?}");
        self.eventually(&what, || async {
            match self.client.find(Locator::Css(css)).await {
                Ok(el) => {
                    let t = el.text().await?;
                    Ok(t.contains(needle).then_some(t))
                }
                Err(_) => Ok(None),
            }
        })
        .await
    }

    /// Wait until nothing matches `css`.
    pub async fn wait_gone(&self, css: &str) -> TestResult {
        let what = format!("`{css}` to disappear");
        self.eventually(&what, || async { Ok(self.client.find_all(Locator::Css(css)).await?.is_empty().then_some(())) })
            .await
    }

    /// All elements matching `css` (no waiting).
    pub async fn all(&self, css: &str) -> TestResult<Vec<Element>> {
        Ok(self.client.find_all(Locator::Css(css)).await?)
    }

    pub async fn click(&self, css: &str) -> TestResult {
        self.wait_for(css).await?.click().await?;
        Ok(())
    }

    /// Clear a field and type into it.
    pub async fn fill(&self, css: &str, text: &str) -> TestResult {
        let el = self.wait_for(css).await?;
        el.clear().await?;
        el.send_keys(text).await?;
        Ok(())
    }

    /// Set a control's value as a person would and fire the event the app
    /// listens to (`input` for text and dates, `change` for selects).
    pub async fn set_value(&self, css: &str, value: &str, event: &str) -> TestResult {
        self.wait_for(css).await?;
        let script = format!(
            "const el = document.querySelector({css:?}); el.value = {value:?}; el.dispatchEvent(new Event({event:?}, {{ bubbles: true }}));"
        );
        self.js(&script).await?;
        Ok(())
    }

    /// Click like a person: scrolled to the middle of the window first.
    pub async fn press(&self, css: &str) -> TestResult {
        self.wait_for(css).await?;
        self.js(&format!("document.querySelector({css:?}).scrollIntoView({{ block: 'center' }});")).await?;
        self.click(css).await
    }

    /// Reload the page.
    pub async fn reload(&self) -> TestResult {
        self.client.refresh().await?;
        Ok(())
    }

    /// Run JavaScript and return its value.
    pub async fn js(&self, script: &str) -> TestResult<serde_json::Value> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// Resize the window so the page's viewport is `width` x `height` CSS
    /// pixels (headless Chromium has no browser chrome: window = viewport),
    /// and wait until the page sees the new width.
    pub async fn set_viewport(&self, width: u32, height: u32) -> TestResult {
        self.client.set_window_size(width, height).await?;
        let what = format!("the viewport to be {width} px wide");
        self.eventually(&what, || async {
            let w = self.js("return window.innerWidth").await?.as_u64().unwrap_or_default();
            Ok((w == u64::from(width)).then_some(()))
        })
        .await
    }

    /// Run axe-core (WCAG 2.0/2.1 A and AA rules and best practices) on the
    /// current page; the script is injected first when the page lacks it.
    pub async fn axe(&self) -> TestResult<AxeReport> {
        let loaded = self.js("return typeof window.axe === 'object'").await?;
        if loaded != serde_json::Value::Bool(true) {
            self.client.execute(axe_source()?, vec![]).await?;
        }
        let script = r#"
            const done = arguments[arguments.length - 1];
            window.axe.run(document, { resultTypes: ['violations'] })
                .then(r => done({ ok: r.violations.map(v => ({
                    id: v.id, impact: v.impact || '', help: v.help,
                    targets: v.nodes.map(n => n.target.join(' ')) })) }))
                .catch(e => done({ error: String(e) }));
        "#;
        let out = self.client.execute_async(script, vec![]).await?;
        if let Some(e) = out.get("error") {
            return Err(format!("axe-core failed: {e}").into());
        }
        let violations: Vec<AxeViolation> = serde_json::from_value(out.get("ok").cloned().unwrap_or_default())?;
        Ok(AxeReport { violations })
    }

    /// Fail with a readable list (rule, impact, elements) when axe-core
    /// finds a serious or critical violation on the current page.
    pub async fn axe_check(&self, label: &str) -> TestResult<AxeReport> {
        let report = self.axe().await?;
        if report.serious() > 0 {
            return Err(format!("axe-core on {label}:\n{}", report.describe(true)).into());
        }
        Ok(report)
    }

    /// The page fits the viewport: nothing makes it scroll sideways.
    /// On failure, names the elements that stick out on the right.
    pub async fn no_horizontal_scroll(&self, label: &str) -> TestResult {
        let out = self.js(OVERFLOW_SCRIPT).await?;
        let scroll = out.get("scroll").and_then(|v| v.as_u64()).unwrap_or_default();
        let inner = out.get("inner").and_then(|v| v.as_u64()).unwrap_or_default();
        if scroll > inner {
            return Err(format!("{label}: the page is {scroll} px wide in a {inner} px viewport; sticking out: {}", out["culprits"]).into());
        }
        Ok(())
    }

    /// No card, panel or list item pokes out past the right edge of the box
    /// it sits in (an overflow the page's own width does not show: a plan
    /// action wider than its goal card on a phone, issue 14). Boxes in a
    /// scroll box are exempt: scrolling inside it is what it is for.
    pub async fn boxes_inside(&self, label: &str) -> TestResult {
        listed(label, "box(es) wider than what holds them", self.js(BOXES_SCRIPT).await?)
    }

    /// Every visible control (buttons, button-like links, fields, menus,
    /// the navigation, summaries, the labels of hidden radio buttons) is at
    /// least 44 px tall and wide: a finger can hit it (issue 14). Links
    /// inside running text are exempt, as WCAG's target-size rule allows.
    pub async fn touch_targets(&self, label: &str) -> TestResult {
        listed(label, "control(s) smaller than 44 px", self.js(TOUCH_SCRIPT).await?)
    }

    /// The current page printed to PDF (A4, backgrounds on), as Chromium's
    /// print dialog would make it.
    pub async fn pdf(&self) -> TestResult<Vec<u8>> {
        let config = fantoccini::wd::PrintConfiguration::builder().background(true).build().map_err(|e| format!("print settings: {e:?}"))?;
        Ok(self.client.print(config).await?)
    }

    /// Close the session and stop ChromeDriver.
    pub async fn close(mut self) -> TestResult {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        Ok(())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Finds how wide the page is (against the viewport without its scroll
/// bar) and, when too wide, the elements that reach past the right edge
/// while their parent does not, and absolutely placed ones (which escape a
/// scroll box that is not their containing block).
const OVERFLOW_SCRIPT: &str = r#"
    const inner = document.documentElement.clientWidth;
    const culprits = [];
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
        (e.getAttribute('data-testid') ? '[data-testid=' + e.getAttribute('data-testid') + ']' : '') +
        (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '');
    if (document.documentElement.scrollWidth > inner) {
        for (const e of document.body.querySelectorAll('*')) {
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.right <= inner + 0.5) continue;
            const parent = e.parentElement.getBoundingClientRect();
            const position = getComputedStyle(e).position;
            if (parent.right <= inner + 0.5 || position === 'absolute' || position === 'fixed') {
                culprits.push(name(e) + ' (right ' + Math.round(r.right) + (position === 'absolute' ? ', absolute' : '') + ')');
            }
            if (culprits.length > 8) break;
        }
    }
    return { scroll: document.documentElement.scrollWidth, inner, culprits: culprits.join(', ') };
"#;

/// A page check's findings (a list of names from a script) as a failure
/// naming them, or none.
fn listed(label: &str, what: &str, found: serde_json::Value) -> TestResult {
    let names: Vec<&str> = found.as_array().map(|l| l.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
    if names.is_empty() {
        return Ok(());
    }
    Err(format!("{label}: {} {what}: {}", names.len(), names.join(", ")).into())
}

/// Lists the cards, panels and list items (at most a dozen) whose right
/// edge is past their parent's inner right edge, outside scroll boxes.
const BOXES_SCRIPT: &str = r#"
    const out = [];
    const boxes = document.querySelectorAll(
        'main .card, main .panel, main .goal-card, main .plan-action, main .gap-picker, main .version-history, main .comment, ' +
        'main .evidence-files, main .aspect-sheet, main .notice, main li, main fieldset');
    for (const e of boxes) {
        const parent = e.parentElement;
        if (!parent || e.getBoundingClientRect().width === 0) continue;
        if (e.closest('.table-scroll, [role=region][tabindex]')) continue;
        const style = getComputedStyle(parent);
        const inner = parent.getBoundingClientRect().right - parseFloat(style.borderRightWidth);
        const right = e.getBoundingClientRect().right;
        if (right > inner + 1) {
            out.push(e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '') +
                ' (' + Math.round(right - inner) + ' px past its ' + parent.tagName.toLowerCase() + ')');
        }
        if (out.length >= 12) break;
    }
    return out;
"#;

/// The number of pages of a PDF Chromium printed (its page objects).
pub fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page").filter(|(i, _)| !text[i + 11..].starts_with('s')).count()
}

/// Lists the visible controls smaller than 44 x 44 px (at most a dozen).
const TOUCH_SCRIPT: &str = r#"
    const small = [];
    const controls = document.querySelectorAll(
        'button, .button, a.tab, .main-nav a, input:not([type=hidden]), select, textarea, summary, label.level-card, label.chip');
    for (const control of controls) {
        // A checkbox or radio button is hit through its label.
        const e = (control.type === 'checkbox' || control.type === 'radio') && control.closest('label') || control;
        const style = getComputedStyle(e);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const r = e.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.width <= 2 && r.height <= 2) continue; // a visually hidden input; its label counts
        if (r.height < 43.5 || r.width < 43.5) {
            const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30);
            small.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : '') +
                ' "' + text + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
        }
        if (small.length >= 12) break;
    }
    return small;
"#;

/// The axe-core script `cargo xtask setup` installed (or `AXE_CORE_JS`).
fn axe_source() -> TestResult<&'static str> {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    let source = SOURCE.get_or_init(|| {
        let path = std::env::var_os("AXE_CORE_JS")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace_root().join(".tools/node_modules/axe-core/axe.min.js"));
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}; run `cargo xtask setup`", path.display()))
    });
    match source {
        Ok(s) => Ok(s.as_str()),
        Err(e) => Err(e.clone().into()),
    }
}

/// One axe-core rule that failed, with the elements it failed on.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct AxeViolation {
    pub id: String,
    pub impact: String,
    pub help: String,
    pub targets: Vec<String>,
}

/// What axe-core found on one page.
#[derive(Debug, Clone, Default)]
pub struct AxeReport {
    pub violations: Vec<AxeViolation>,
}

impl AxeReport {
    fn is_serious(v: &AxeViolation) -> bool {
        matches!(v.impact.as_str(), "serious" | "critical")
    }

    /// Serious and critical violations (rules, not elements).
    pub fn serious(&self) -> usize {
        self.violations.iter().filter(|v| Self::is_serious(v)).count()
    }

    /// All violations (rules, not elements).
    pub fn total(&self) -> usize {
        self.violations.len()
    }

    /// One line per rule: id, impact, help and up to five elements.
    pub fn describe(&self, serious_only: bool) -> String {
        self.violations
            .iter()
            .filter(|v| !serious_only || Self::is_serious(v))
            .map(|v| {
                let more = v.targets.len().saturating_sub(5);
                let targets = v.targets.iter().take(5).cloned().collect::<Vec<_>>().join(" | ");
                let more = if more > 0 { format!(" (+{more} more)") } else { String::new() };
                format!("  - {} [{}] {}: {targets}{more}", v.id, v.impact, v.help)
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

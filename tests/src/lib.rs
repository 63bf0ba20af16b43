//! The end-to-end harness: [`TestServer`] runs the real server (the same
//! router, real SQLite in a temporary data folder, the built `dist/`) on a
//! free port; [`Browser`] drives headless Chromium through ChromeDriver and
//! waits for what a person would see. Everything is stopped on drop, so a
//! failed assertion leaves nothing running.

pub mod fixtures;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use rubric::people::{Role, SchoolFunction};
use server::db::people::NewPerson;
use server::state::{AppState, Config};
use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr, TcpListener as StdListener};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
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
        let (_, token) = server::invite::create(&self.state.db, &person, None).await?;
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
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
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
        Ok(Browser { client, driver, _profile: profile })
    }

    pub async fn goto(&self, url: &str) -> TestResult {
        self.client.goto(url).await?;
        Ok(())
    }

    /// Wait until `css` matches an element and return it.
    pub async fn wait_for(&self, css: &str) -> TestResult<Element> {
        let found = self.client.wait().at_most(PATIENCE).for_element(Locator::Css(css)).await;
        found.map_err(|e| format!("waited {PATIENCE:?} for `{css}`: {e}").into())
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

    /// Reload the page.
    pub async fn reload(&self) -> TestResult {
        self.client.refresh().await?;
        Ok(())
    }

    /// Run JavaScript and return its value.
    pub async fn js(&self, script: &str) -> TestResult<serde_json::Value> {
        Ok(self.client.execute(script, vec![]).await?)
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

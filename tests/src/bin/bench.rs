//! Browser timings for `cargo xtask bench`, all in one run so the ratios
//! compare like with like:
//! - first render: first contentful paint of the rubric page against an
//!   empty Yew page built the same way (median of several loads each);
//! - input to paint: a click on the language switch until the new text is
//!   in the DOM and laid out, and until the next animation frame;
//! - aggregation of 1,000 schools x 10 respondents inside wasm;
//! - the server under load (`e2e::load`): answer autosaves of 40
//!   respondents of 10 schools at once, and score-sheet saves of 12 jurors
//!   at once, through the real HTTP API into SQLite: writes per second,
//!   errors, and p50/p99 latency measured by the server itself
//!   (`Server-Timing`) beside the client's round trip (budgets: 2,000
//!   writes/s, p99 10 ms on the server).
//!
//! Usage: bench APP_DIST EMPTY_DIST [AGGREGATE_DIST], or `bench --server`
//! for the server load alone (no browser needed).

use e2e::{Browser, TestResult, TestServer};
use std::path::PathBuf;

const LOADS: usize = 9;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Load `url` and return its first contentful paint in ms, once `css` shows.
async fn first_paint(browser: &Browser, url: &str, css: &str) -> TestResult<f64> {
    browser.goto(url).await?;
    browser.wait_for(css).await?;
    let fcp = browser
        .eventually("a first-contentful-paint entry", || async {
            let v = browser
                .js("const e = performance.getEntriesByName('first-contentful-paint'); return e.length ? e[0].startTime : null;")
                .await?;
            Ok(v.as_f64())
        })
        .await?;
    Ok(fcp)
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

#[tokio::main]
async fn main() -> TestResult {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let root = e2e::workspace_root();
    if args.first().is_some_and(|a| a.as_os_str() == "--server") {
        let app = TestServer::start_with(root.join("dist"), tempfile::tempdir()?).await?;
        return e2e::load::report(&app).await;
    }
    let app_dist = root.join(args.first().cloned().unwrap_or_else(|| "dist".into()));
    let empty_dist = root.join(args.get(1).cloned().unwrap_or_else(|| "dist-bench".into()));
    let app = TestServer::start_with(app_dist, tempfile::tempdir()?).await?;
    let empty = TestServer::start_with(empty_dist, tempfile::tempdir()?).await?;
    let browser = Browser::start().await?;

    // Warm up both (first compile of each wasm), then alternate.
    let rubric_url = format!("{}/rubric", app.url);
    first_paint(&browser, &rubric_url, "[data-testid=rubric-page] .indicator").await?;
    first_paint(&browser, &empty.url, "#empty-rendered").await?;
    let (mut real, mut base) = (Vec::new(), Vec::new());
    for _ in 0..LOADS {
        real.push(first_paint(&browser, &rubric_url, "[data-testid=rubric-page] .indicator").await?);
        base.push(first_paint(&browser, &empty.url, "#empty-rendered").await?);
    }
    let (real, base) = (median(real), median(base));
    println!(
        "    first render (FCP, median of {LOADS}): rubric page {real:.1} ms, empty Yew page {base:.1} ms, ratio {:.2}x (budget 1.3x)",
        real / base
    );

    let (dom, layout, frame) = click_to_paint(&browser, &rubric_url).await?;
    println!(
        "    click to paint (language switch, whole rubric re-rendered, median of 10): {dom:.1} ms to the DOM, {layout:.1} ms with layout, {frame:.1} ms to the next frame (budget 16 ms)"
    );

    if let Some(agg) = args.get(2) {
        let agg = TestServer::start_with(root.join(agg), tempfile::tempdir()?).await?;
        browser.goto(&agg.url).await?;
        let text = browser.text("#aggregate-result").await?;
        let v: serde_json::Value = serde_json::from_str(&text)?;
        println!(
            "    aggregation in wasm, {} schools x {} respondents: median {} ms, best {} ms (budget 50 ms); rubric parse {} ms",
            v["schools"], v["respondents"], v["median_ms"], v["best_ms"], v["rubric_parse_ms"]
        );
    }
    browser.close().await?;

    e2e::load::report(&app).await
}

//! Screenshots of signed-in pages, to look at what was built:
//! `look SIGN_IN_LINK OUT_DIR [--width W] PATH...` signs in with the link in
//! headless Chromium, then saves `OUT_DIR/<n>-<path>-<W>.png` for every path
//! (full page height, W px wide, 1280 by default; `--width 390` is a phone).
//! Paths are relative to the link's origin. With `--pdf` it prints each
//! page to `OUT_DIR/<n>-<path>.pdf` instead (A4, as the print dialog would).

use e2e::{Browser, TestResult};
use std::time::Duration;

#[tokio::main]
async fn main() -> TestResult {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut width = 1280u32;
    let pdf = args.iter().any(|a| a == "--pdf");
    args.retain(|a| a != "--pdf");
    if let Some(i) = args.iter().position(|a| a == "--width") {
        width = args.get(i + 1).and_then(|w| w.parse().ok()).ok_or("--width needs a number of pixels")?;
        args.drain(i..i + 2);
    }
    let (Some(link), Some(out)) = (args.first(), args.get(1)) else {
        return Err("usage: look SIGN_IN_LINK OUT_DIR [--width W] PATH...".into());
    };
    let origin = link.split("/signin").next().unwrap_or_default().to_string();
    std::fs::create_dir_all(out)?;
    let browser = Browser::start().await?;
    browser.set_viewport(width, 900).await?;
    browser.goto(link).await?;
    browser.wait_for("[data-testid=who-name]").await?;
    for (n, path) in args.iter().skip(2).enumerate() {
        browser.goto(&format!("{origin}{path}")).await?;
        // Let fetches settle: wait until no loading indicator is left.
        let _ = browser.wait_gone(".loading").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let name = path.trim_matches('/').replace(['/', '?', '='], "_");
        let name = if name.is_empty() { "home".to_string() } else { name };
        if pdf {
            let file = format!("{out}/{n:02}-{name}.pdf");
            let bytes = browser.pdf().await?;
            println!("wrote {file} ({} pages)", e2e::pdf_pages(&bytes));
            std::fs::write(&file, bytes)?;
            continue;
        }
        let height = browser.js("return Math.min(document.documentElement.scrollHeight, 6000)").await?.as_i64().unwrap_or(900);
        browser.client.set_window_size(width, u32::try_from(height).unwrap_or(900).max(600)).await?;
        let png = browser.client.screenshot().await?;
        let file = format!("{out}/{n:02}-{name}-{width}.png");
        std::fs::write(&file, png)?;
        println!("wrote {file}");
        browser.client.set_window_size(width, 900).await?;
    }
    browser.close().await
}

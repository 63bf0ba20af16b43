//! The headers every answer carries and the static frontend: the content
//! security policy (scripts only from the app itself, plus the inline
//! start-up script trunk writes into `index.html`, allowed by its hash, and
//! the wasm it starts), HSTS behind https, `no-store` on the API, and the
//! cache policy of the built files (hashed assets for good, `index.html`
//! revalidated, `Vary: Accept-Encoding` where a gzip copy exists, 404 for a
//! missing asset instead of the app's page).

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The content security policy for a built frontend: `'self'` for
/// everything, `'wasm-unsafe-eval'` so the app's WebAssembly may be
/// compiled, and the hash of each inline script of `index.html` (trunk's
/// loader), read from the built file so a rebuild needs no change here.
/// Inline style attributes are allowed (bars and charts set their width),
/// style sheets and elements only from the app. Nothing may frame the app,
/// embed plugins, change the base URL or post forms elsewhere.
pub fn content_security_policy(dist: &Path) -> String {
    // Every app's page (`public.html`, `school.html`, ... and `index.html`)
    // has its own loader script; each one's hash is allowed, once.
    let pages: Vec<String> = app_pages(dist).into_iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let mut hashes: Vec<String> = pages
        .iter()
        .flat_map(|page| inline_scripts(page).into_iter().map(|s| format!(" 'sha256-{}'", base64(&Sha256::digest(s.as_bytes())))).collect::<Vec<_>>())
        .collect();
    hashes.sort();
    hashes.dedup();
    let hashes = hashes.concat();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; style-src-attr 'unsafe-inline'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

/// The content security policy of a `dist` folder, computed again when its
/// pages change: a rebuild of the apps in place (new loader scripts, new
/// hashes) is picked up without a restart, instead of every app being
/// refused its own start-up script. The pages' modification times are
/// looked at no more than once a second.
#[derive(Clone)]
pub struct Csp {
    dist: std::path::PathBuf,
    cached: std::sync::Arc<std::sync::Mutex<CspCache>>,
}

struct CspCache {
    checked: std::time::Instant,
    stamp: Vec<(std::path::PathBuf, Option<std::time::SystemTime>)>,
    value: HeaderValue,
}

/// The apps' pages in `dist` (every `.html` file), sorted.
fn app_pages(dist: &Path) -> Vec<std::path::PathBuf> {
    let mut pages: Vec<_> = std::fs::read_dir(dist)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "html")).collect())
        .unwrap_or_default();
    pages.sort();
    pages
}

/// The pages of `dist` with their modification times, sorted.
fn pages_stamp(dist: &Path) -> Vec<(std::path::PathBuf, Option<std::time::SystemTime>)> {
    app_pages(dist)
        .into_iter()
        .map(|p| {
            let modified = std::fs::metadata(&p).and_then(|m| m.modified()).ok();
            (p, modified)
        })
        .collect()
}

fn csp_value(dist: &Path) -> HeaderValue {
    HeaderValue::from_str(&content_security_policy(dist)).unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
}

impl Csp {
    pub fn new(dist: &Path) -> Csp {
        let cache = CspCache { checked: std::time::Instant::now(), stamp: pages_stamp(dist), value: csp_value(dist) };
        Csp { dist: dist.to_path_buf(), cached: std::sync::Arc::new(std::sync::Mutex::new(cache)) }
    }

    /// The current policy.
    pub fn value(&self) -> HeaderValue {
        let Ok(mut cache) = self.cached.lock() else { return csp_value(&self.dist) };
        if cache.checked.elapsed() >= std::time::Duration::from_secs(1) {
            cache.checked = std::time::Instant::now();
            let stamp = pages_stamp(&self.dist);
            if stamp != cache.stamp {
                cache.value = csp_value(&self.dist);
                cache.stamp = stamp;
            }
        }
        cache.value.clone()
    }
}

/// Adds the current content security policy to every answer that has none.
pub async fn add_csp(axum::extract::State(csp): axum::extract::State<Csp>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    if !res.headers().contains_key(header::CONTENT_SECURITY_POLICY) {
        res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, csp.value());
    }
    res
}

/// The text of every `<script>` without a `src` in an HTML page.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else { break };
        let tag = &rest[..open_end];
        let body_start = open_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else { break };
        if !tag.contains(" src=") {
            out.push(&rest[body_start..body_start + close]);
        }
        rest = &rest[body_start + close..];
    }
    out
}

/// Standard base64 with padding (for CSP hashes; no dependency for 20 lines).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// HSTS for a public URL on https: browsers then never try plain http.
pub fn strict_transport_security(public_url: &str) -> Option<HeaderValue> {
    public_url.starts_with("https://").then(|| HeaderValue::from_static("max-age=31536000"))
}

/// Whether a path names a file (`/x/app-1a2b.wasm`, `/favicon.png`) rather
/// than a page of the app (`/schools/4/plan`).
pub fn is_asset(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && (1..=5).contains(&ext.len()) && ext.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

/// Trunk names the wasm, js and css after their content hash, so a browser
/// may keep them for good; the apps' pages (and the app routes answered
/// with them) are checked every time, so a new build is picked up on reload.
/// Every file may come gzipped or not, so caches must key on
/// `Accept-Encoding`.
pub async fn cache_policy(req: Request, next: Next) -> Response {
    let hashed = {
        let path = req.uri().path();
        let name = path.rsplit('/').next().unwrap_or("");
        let ext = name.rsplit('.').next().unwrap_or("");
        matches!(ext, "wasm" | "js" | "css") && name.contains('-')
    };
    let mut res = next.run(req).await;
    let status = res.status();
    if status.is_success() || status == StatusCode::NOT_MODIFIED {
        let headers = res.headers_mut();
        if !headers.contains_key(header::CACHE_CONTROL) {
            let value = if hashed { "public, max-age=31536000, immutable" } else { "no-cache" };
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
        }
        let varies = headers.get_all(header::VARY).iter().any(|v| v.to_str().is_ok_and(|v| v.to_ascii_lowercase().contains("accept-encoding")));
        if !varies {
            headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        // sha256("") as CSP writes it.
        assert_eq!(base64(&Sha256::digest(b"")), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    #[test]
    fn inline_scripts_are_found_and_src_scripts_skipped() {
        let html = "<head><script src=\"/a.js\"></script>\n<script type=\"module\">\nimport x from '/x.js';\n</script></head>";
        assert_eq!(inline_scripts(html), vec!["\nimport x from '/x.js';\n"]);
        assert!(inline_scripts("<p>no scripts</p>").is_empty());
    }

    #[test]
    fn files_and_pages_are_told_apart() {
        for asset in ["/stempact-app-1a2b_bg.wasm", "/main-9f.css", "/favicon.png", "/x/y.js", "/robots.txt"] {
            assert!(is_asset(asset), "{asset}");
        }
        for page in ["/", "/schools/4/plan", "/signin", "/jury/my", "/.hidden", "/a.verylongext"] {
            assert!(!is_asset(page), "{page}");
        }
    }
}

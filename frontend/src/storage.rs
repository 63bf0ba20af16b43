//! The browser's localStorage, for the language choice and local drafts.
//! Every failure (private mode, quota) degrades to "nothing stored".
//! Drafts (answers, plan forms, scores) are erased on sign-out, so the next
//! person on a shared school computer finds nothing of them. A draft is
//! JSON: [`load`] reads one back, [`keep`] writes or removes it.

use serde::de::DeserializeOwned;
use serde::Serialize;

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok()?
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = local() {
        let _ = s.remove_item(key);
    }
}

/// The value kept as JSON under `key`, when there is one this build can
/// read (a draft written by an older build is not read back).
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_str(&get(key)?).ok()
}

/// Keep `value` as JSON under `key`, or remove the key when there is
/// nothing to keep (`is_empty`: a draft equal to what the server has).
pub fn keep<T: Serialize + ?Sized>(key: &str, value: &T, is_empty: bool) {
    if is_empty {
        remove(key);
    } else if let Ok(json) = serde_json::to_string(value) {
        set(key, &json);
    }
}

/// The key prefixes of local drafts: nulmeting answers, plan forms and
/// comments, jury scores, award dossier texts.
const DRAFT_PREFIXES: [&str; 5] = ["stempact.nulmeting.", "stempact.plan-draft.", "stempact.jury.", "stempact.dossier.", "stempact.regional-plan."];

fn draft_keys() -> Vec<String> {
    let Some(s) = local() else { return Vec::new() };
    let len = s.length().unwrap_or(0);
    (0..len).filter_map(|i| s.key(i).ok().flatten()).filter(|k| DRAFT_PREFIXES.iter().any(|p| k.starts_with(p))).collect()
}

/// Whether this browser holds drafts not yet saved on the server.
pub fn has_drafts() -> bool {
    !draft_keys().is_empty()
}

/// Erase every local draft (on sign-out).
pub fn clear_drafts() {
    for key in draft_keys() {
        remove(&key);
    }
}

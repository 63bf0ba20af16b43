//! What a page starts from: the language, who is signed in and the
//! address. In the browser these come from the page itself (the stored
//! language, the session the server wrote into the page, the window's
//! address); on the server, which renders a page's first screen before any
//! wasm is in (`crate::ssr`), from the request.

use crate::router::Location;
use rubric::people::Me;
use rubric::Lang;
use std::rc::Rc;

/// Name of the `<meta>` element in which the server gives the page the
/// person it was sent to: `Me` as JSON, or `null` for nobody signed in.
/// The server escapes it as any attribute value (`server::pages`).
pub const SESSION_META: &str = "stempact-session";

/// Name of the cookie that tells the server the page's language, so the
/// first screen it renders is in the language the app will show.
pub const LANG_COOKIE: &str = "stempact-lang";

/// Id of the element that holds the server's first screen; the app removes
/// it as it renders its own, in the same task (nothing paints between).
pub const FIRST_SCREEN_ID: &str = "first-screen";

/// Who the page was sent to, when the page says.
#[derive(Clone, Debug, PartialEq)]
pub enum KnownSession {
    SignedIn(Rc<Me>),
    SignedOut,
}

/// Where a page starts. `None` fields are read from the browser.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Boot {
    pub lang: Option<Lang>,
    pub session: Option<KnownSession>,
    pub location: Option<Location>,
}

impl Boot {
    /// The session the server wrote into the page (`SESSION_META`), if it
    /// did: a page built without it asks `GET /api/me` as before.
    pub fn from_page() -> Boot {
        let meta = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&format!("meta[name=\"{SESSION_META}\"]")).ok().flatten())
            .and_then(|m| m.get_attribute("content"));
        let session = meta.and_then(|json| session_from_json(&json));
        Boot { lang: None, session, location: None }
    }
}

/// The session the meta element's content says: `null` for nobody, a
/// person, or nothing known when it cannot be read.
pub fn session_from_json(json: &str) -> Option<KnownSession> {
    match serde_json::from_str::<Option<Me>>(json) {
        Ok(Some(me)) => Some(KnownSession::SignedIn(Rc::new(me))),
        Ok(None) => Some(KnownSession::SignedOut),
        Err(_) => None,
    }
}

/// Remember the language in the cookie the server reads (a year; the
/// whole site; sent on page loads from the site only).
pub fn remember_lang_for_server(lang: Lang) {
    use wasm_bindgen::JsCast;
    let document = web_sys::window().and_then(|w| w.document()).and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok());
    if let Some(d) = document {
        let _ = d.set_cookie(&format!("{LANG_COOKIE}={}; path=/; max-age=31536000; samesite=lax", lang.code()));
    }
}

/// Remove the server's first screen (the app's own render takes its place).
pub fn remove_first_screen() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(FIRST_SCREEN_ID)) {
        el.remove();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_meta_reads_a_person_nobody_or_nothing() {
        assert_eq!(session_from_json("null"), Some(KnownSession::SignedOut));
        let me = r#"{"id":3,"name":"An <b>","role":"juror","school_id":null,"school_name":null,"company_id":null,"company_name":null,"school_function":null}"#;
        match session_from_json(me) {
            Some(KnownSession::SignedIn(m)) => assert_eq!(m.name, "An <b>"),
            other => panic!("expected a person, got {other:?}"),
        }
        assert_eq!(session_from_json(""), None);
        assert_eq!(session_from_json("{\"id\":1}"), None);
    }
}

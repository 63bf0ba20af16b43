//! Who is asking: random tokens and their hashes, the session cookie, and the
//! `AuthUser` extractor every protected handler takes. Who may do what is
//! `rubric::access`'s: handlers load the facts (a school's sponsor, the
//! jury's chair, conflicts), build the relation and ask [`AuthUser::check`],
//! which turns the decision into 403 or 404.

use crate::db;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use rand::RngCore;
use rubric::access::{may, may_in_some_relation, relation_to_programme, Action, Decision, Relation};
use rubric::people::{Me, Role};
use sha2::{Digest, Sha256};

/// Name of the session cookie on plain http (a local installation).
pub const SESSION_COOKIE: &str = "stempact_session";

/// Name of the session cookie behind https: the `__Host-` prefix makes the
/// browser refuse it unless it is `Secure`, for `Path=/` and without a
/// `Domain`, so a sibling subdomain can neither set nor overwrite it.
pub const SECURE_SESSION_COOKIE: &str = "__Host-stempact_session";

/// The session cookie's name for an installation with or without https.
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// A fresh 256-bit random token, hex encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// The SHA-256 of a token, hex encoded: what the database stores.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The `Set-Cookie` value that starts a session.
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    let max_age = db::sessions::SESSION_DAYS * 86_400;
    let name = cookie_name(secure);
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{name}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The `Set-Cookie` value that ends a session.
pub fn clear_cookie(secure: bool) -> HeaderValue {
    if secure {
        HeaderValue::from_static("__Host-stempact_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure")
    } else {
        HeaderValue::from_static("stempact_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0")
    }
}

/// The session token from the request's cookies, if any (only the cookie
/// name this installation uses counts).
pub fn session_token(headers: &HeaderMap, secure: bool) -> Option<String> {
    cookie(headers, cookie_name(secure)).map(str::to_string).filter(|v| !v.is_empty())
}

/// The value of the request's cookie `name`, if it sent one.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The signed-in person. Rejects with 401 when there is no live session.
#[derive(Debug, Clone)]
pub struct AuthUser(pub Me);

impl AuthUser {
    pub fn id(&self) -> i64 {
        self.0.id
    }

    pub fn role(&self) -> Role {
        self.0.role
    }

    /// Ok when `rubric::access::may` allows `action` to this person in
    /// `relation` to the thing; else 403, or 404 naming `what` where the
    /// rule hides that the thing exists.
    pub fn check(&self, relation: Relation, action: Action, what: &'static str) -> Result<(), AppError> {
        self.decided(may(self.0.role, relation, action), what)
    }

    /// Ok for an allowed decision of a `rubric::access` rule; else 403, or
    /// 404 naming `what`.
    pub fn decided(&self, decision: Decision, what: &'static str) -> Result<(), AppError> {
        match decision {
            Decision::Allowed => Ok(()),
            Decision::Forbidden => Err(AppError::Forbidden),
            Decision::NotFound => Err(AppError::NotFound(what)),
        }
    }

    /// 403 unless the person's role may do `action` in some relation: the
    /// check before any fact is loaded (or any body validated).
    pub fn check_role(&self, action: Action) -> Result<(), AppError> {
        if may_in_some_relation(self.0.role, action) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// 403 unless the person is a coordinator (`Action::Administer`).
    pub fn require_coordinator(&self) -> Result<(), AppError> {
        self.check(relation_to_programme(&self.0), Action::Administer, "")
    }

    /// Whether the person is the programme coordinator (who sees every
    /// row where others see their own).
    pub fn is_coordinator(&self) -> bool {
        relation_to_programme(&self.0) == Relation::Coordinator
    }

    /// The school of a school member.
    pub fn school_id(&self) -> Option<i64> {
        match self.0.role {
            Role::SchoolMember => self.0.school_id,
            _ => None,
        }
    }

    /// The company of a company member.
    pub fn company_id(&self) -> Option<i64> {
        match self.0.role {
            Role::CompanyMember => self.0.company_id,
            _ => None,
        }
    }
}

impl<S> FromRequestParts<S> for AuthUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        let token = session_token(&parts.headers, state.config.secure_cookies).ok_or(AppError::Unauthorized)?;
        // One query: a live session of a person with access. The members of
        // an archived school or company have none until it is restored
        // (their sessions are kept for that).
        let me = db::people::signed_in(&state.db, &token).await?.ok_or(AppError::Unauthorized)?;
        Ok(AuthUser(me))
    }
}

/// The signed-in person, if any: for endpoints open to everyone.
#[derive(Debug, Clone)]
pub struct MaybeAuthUser(pub Option<AuthUser>);

impl<S> FromRequestParts<S> for MaybeAuthUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match AuthUser::from_request_parts(parts, state).await {
            Ok(user) => Ok(MaybeAuthUser(Some(user))),
            Err(AppError::Unauthorized) => Ok(MaybeAuthUser(None)),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        let a = new_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, new_token());
        assert_eq!(hash_token("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}

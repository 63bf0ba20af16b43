//! Signing in with an invitation link (failed attempts logged and limited
//! per address), signing out, and `GET /api/me`.

use crate::auth::{clear_cookie, session_cookie, session_token, AuthUser};
use crate::db;
use crate::db::people::RedeemError;
use crate::error::{AppError, AppJson, Result};
use crate::limits::{too_many, ClientAddr};
use crate::state::AppState;
use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use rubric::people::Me;
use serde::Deserialize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/signin", post(sign_in))
        .route("/auth/signout", post(sign_out))
        .route("/me", get(me))
}

#[derive(Deserialize)]
struct SignInBody {
    token: String,
}

fn invalid_link() -> AppError {
    AppError::bad_request("invalid_link", "this sign-in link is not valid; check that you copied all of it")
}

/// Log a refused sign-in (never the token) and spend one of the address's
/// failed attempts.
fn refused(state: &AppState, addr: ClientAddr, why: &str, error: AppError) -> AppError {
    let from = addr.0.map_or_else(|| "an unknown address".to_string(), |a| a.to_string());
    tracing::warn!("sign-in refused from {from}: {why}");
    state.sign_in.failed(addr.0);
    error
}

// POST /api/auth/signin
async fn sign_in(State(state): State<AppState>, addr: ClientAddr, AppJson(body): AppJson<SignInBody>) -> Result<Response> {
    if let Err(wait) = state.sign_in.check(addr.0) {
        tracing::warn!("sign-in from {:?} refused: too many failed attempts", addr.0);
        return Ok(too_many(wait));
    }
    let token = body.token.trim();
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(refused(&state, addr, "malformed link", invalid_link()));
    }
    // An unknown link is refused without waiting for the write turn.
    if !db::people::invitation_known(&state.db, token).await? {
        return Err(refused(&state, addr, "unknown link", invalid_link()));
    }
    // Redeeming the link and starting the session are one transaction: a
    // link is never used up without a session, nor a session started on a
    // link someone else redeemed at the same moment.
    let mut tx = state.write().await?;
    let person_id = match db::people::redeem_invitation(&mut tx, token).await? {
        Ok(id) => id,
        Err(RedeemError::Unknown) => return Err(refused(&state, addr, "unknown link", invalid_link())),
        Err(RedeemError::Used) => {
            let gone = AppError::Gone {
                code: "link_used",
                message: "this sign-in link has already been used; ask your coordinator for a new one".into(),
            };
            return Err(refused(&state, addr, "link already used", gone));
        }
        Err(RedeemError::Revoked) => {
            let gone = AppError::Gone {
                code: "link_revoked",
                message: "this sign-in link was withdrawn; ask your coordinator for a new one".into(),
            };
            return Err(refused(&state, addr, "link withdrawn", gone));
        }
    };
    let me = db::people::get_me(&mut *tx, person_id).await?.ok_or(AppError::NotFound("person"))?;
    let session = db::sessions::create(&mut *tx, person_id).await?;
    tx.commit().await?;
    Ok(([(SET_COOKIE, session_cookie(&session, state.config.secure_cookies))], Json(me)).into_response())
}

// POST /api/auth/signout
async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Result<Response> {
    let secure = state.config.secure_cookies;
    if let Some(token) = session_token(&headers, secure) {
        let mut tx = state.write().await?;
        db::sessions::delete(&mut *tx, &token).await?;
        tx.commit().await?;
    }
    Ok(([(SET_COOKIE, clear_cookie(secure))], Json(rubric::people::SignedOut { signed_out: true })).into_response())
}

// GET /api/me
async fn me(user: AuthUser) -> Json<Me> {
    Json(user.0)
}

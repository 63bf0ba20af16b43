//! Sign-in, sign-out and the signed-in person.

use super::client::{self, ApiError};
use rubric::people::{Me, SignedOut};
use serde::Serialize;

#[derive(Serialize)]
struct SignIn<'a> {
    token: &'a str,
}

pub async fn sign_in(token: &str) -> Result<Me, ApiError> {
    client::post("/auth/signin", &SignIn { token }).await
}

pub async fn sign_out() -> Result<SignedOut, ApiError> {
    client::post("/auth/signout", &()).await
}

/// The signed-in person; `Ok(None)` when nobody is signed in.
pub async fn me() -> Result<Option<Me>, ApiError> {
    match client::get::<Me>("/me").await {
        Ok(me) => Ok(Some(me)),
        Err(e) if e.status == 401 => Ok(None),
        Err(e) => Err(e),
    }
}

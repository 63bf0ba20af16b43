//! Deciding requests to reopen a submitted sheet from a page: the reopen
//! and decline callbacks for `ReopenDecisions`, whether a decision is on its
//! way, the error if it failed, and `done` (the page reloads) once it is in.

use crate::api::ApiError;
use rubric::submission::ReopenOutcome;
use std::future::Future;
use yew::prelude::*;

/// What a page hands to `ReopenDecisions`.
pub struct Decider {
    pub busy: bool,
    pub error: Option<ApiError>,
    pub on_reopen: Callback<(i64, i64)>,
    pub on_decline: Callback<((i64, i64), String)>,
}

/// `send(key, note)` reopens (`note` `None`) or declines the sheet of `key`.
#[hook]
pub fn use_reopen_decider<F, Fut>(send: F, done: Callback<()>) -> Decider
where
    F: Fn((i64, i64), Option<String>) -> Fut + Clone + 'static,
    Fut: Future<Output = Result<ReopenOutcome, ApiError>> + 'static,
{
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let decide = {
        let (busy, error) = (busy.clone(), error.clone());
        move |key: (i64, i64), note: Option<String>| {
            let (busy, error, done, request) = (busy.clone(), error.clone(), done.clone(), send(key, note));
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match request.await {
                    Ok(_) => {
                        error.set(None);
                        done.emit(());
                    }
                    Err(e) => error.set(Some(e)),
                }
                busy.set(false);
            });
        }
    };
    let on_reopen = {
        let decide = decide.clone();
        Callback::from(move |key| decide(key, None))
    };
    let on_decline = Callback::from(move |(key, note): ((i64, i64), String)| decide(key, Some(note)));
    Decider { busy: *busy, error: (*error).clone(), on_reopen, on_decline }
}

//! The jury results as the coordinator's and the chair's pages hold them:
//! loaded once, replaced by the answer of each action (lock, confirm, ...)
//! or by the current results a stale action comes back with, with a busy
//! flag, the last error, and the audit log, reloaded after each action.

use crate::api::{self, ApiError};
use crate::hooks::fetch::FetchHandle;
use crate::hooks::{use_fetch, Fetch};
use rubric::jury::views::{AuditLine, ResultsView};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::prelude::*;

/// An action on the results, answered with the new results.
pub type Pending = Pin<Box<dyn Future<Output = Result<ResultsView, ApiError>>>>;

pub struct JuryResults {
    pub data: FetchHandle<ResultsView>,
    pub audit: FetchHandle<Vec<AuditLine>>,
    /// Results newer than the loaded ones (after an action).
    pub updated: UseStateHandle<Option<Rc<ResultsView>>>,
    pub error: UseStateHandle<Option<ApiError>>,
    pub busy: UseStateHandle<bool>,
    /// Run an action and show its answer.
    pub apply: Callback<Pending>,
}

impl JuryResults {
    /// The results to show, once there are any.
    pub fn view(&self) -> Option<Rc<ResultsView>> {
        match (&*self.updated, &self.data.state) {
            (Some(v), _) => Some(v.clone()),
            (None, Fetch::Ready(v)) => Some(v.clone()),
            _ => None,
        }
    }
}

#[hook]
pub fn use_jury_results() -> JuryResults {
    let data = use_fetch((), |()| api::jury::results());
    let audit = use_fetch((), |()| api::jury::audit());
    let updated = use_state(|| None::<Rc<ResultsView>>);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let apply = {
        let (updated, error, busy, reload_audit) = (updated.clone(), error.clone(), busy.clone(), audit.reload.clone());
        Callback::from(move |fut: Pending| {
            let (updated, error, busy, reload_audit) = (updated.clone(), error.clone(), busy.clone(), reload_audit.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match fut.await {
                    Ok(v) => {
                        updated.set(Some(Rc::new(v)));
                        error.set(None);
                    }
                    Err(e) => {
                        // A stale action comes back with the current results: show them.
                        if let Some(v) = e.current_as::<ResultsView>() {
                            updated.set(Some(Rc::new(v)));
                        }
                        error.set(Some(e));
                    }
                }
                busy.set(false);
                reload_audit.emit(());
            });
        })
    };
    JuryResults { data, audit, updated, error, busy, apply }
}

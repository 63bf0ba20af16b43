//! The region app's pages (issue 17): the regions one works on, a region
//! (members, partners, coordinators) and its portrait.

pub mod home;
pub mod overview;
pub mod portrait;

use crate::api::ApiError;
use std::future::Future;
use std::pin::Pin;
use yew::prelude::*;

/// A change the page sends: the error (if any) is shown, the page reloads.
pub type Change = Pin<Box<dyn Future<Output = Result<(), ApiError>>>>;

/// Run `change`, then reload on success or keep its error.
pub fn run_change(change: Change, busy: UseStateHandle<bool>, error: UseStateHandle<Option<ApiError>>, reload: Callback<()>) {
    busy.set(true);
    wasm_bindgen_futures::spawn_local(async move {
        match change.await {
            Ok(()) => {
                error.set(None);
                reload.emit(());
            }
            Err(e) => error.set(Some(e)),
        }
        busy.set(false);
    });
}

//! Loading data for a page: `use_fetch(deps, loader)` runs the loader when
//! `deps` change and gives loading, data or error, plus a reload callback.
//! A response that arrives after newer deps is dropped.

use crate::api::ApiError;
use std::future::Future;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, PartialEq)]
pub enum Fetch<T> {
    Loading,
    Ready(Rc<T>),
    Failed(ApiError),
}

// Manual, so `T` itself need not be `Clone`: the data sits behind an `Rc`.
impl<T> Clone for Fetch<T> {
    fn clone(&self) -> Self {
        match self {
            Fetch::Loading => Fetch::Loading,
            Fetch::Ready(d) => Fetch::Ready(Rc::clone(d)),
            Fetch::Failed(e) => Fetch::Failed(e.clone()),
        }
    }
}

#[derive(PartialEq)]
pub struct FetchHandle<T> {
    pub state: Fetch<T>,
    pub reload: Callback<()>,
}

impl<T> Clone for FetchHandle<T> {
    fn clone(&self) -> Self {
        FetchHandle { state: self.state.clone(), reload: self.reload.clone() }
    }
}

impl<T> FetchHandle<T> {
    pub fn data(&self) -> Option<&Rc<T>> {
        match &self.state {
            Fetch::Ready(d) => Some(d),
            _ => None,
        }
    }
}

#[hook]
pub fn use_fetch<T, D, F, Fut>(deps: D, loader: F) -> FetchHandle<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_state(|| Fetch::Loading);
    let generation = use_mut_ref(|| 0u64);
    let tick = use_state(|| 0u32);
    {
        let state = state.clone();
        let generation = generation.clone();
        use_effect_with((deps, *tick), move |(deps, _)| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let fut = loader(deps.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = fut.await;
                if *generation.borrow() == mine {
                    state.set(match result {
                        Ok(d) => Fetch::Ready(Rc::new(d)),
                        Err(e) => Fetch::Failed(e),
                    });
                }
            });
        });
    }
    let reload = {
        let tick = tick.clone();
        Callback::from(move |()| tick.set(tick.wrapping_add(1)))
    };
    FetchHandle { state: (*state).clone(), reload }
}

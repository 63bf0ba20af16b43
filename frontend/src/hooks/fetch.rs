//! Loading data for a page: `use_fetch(deps, loader)` runs the loader when
//! `deps` change and gives loading, data or error, plus a reload callback.
//! A response that arrives after newer deps is dropped.

use crate::api::ApiError;
use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, PartialEq)]
pub enum Fetch<T: ?Sized> {
    Loading,
    Ready(Rc<T>),
    Failed(ApiError),
}

// Manual, so `T` itself need not be `Clone`: the data sits behind an `Rc`.
impl<T: ?Sized> Clone for Fetch<T> {
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

/// What the loader gave, with its type erased: the hook's state machine,
/// effect and task exist once in the bundle instead of once per page.
type Loaded = Result<Rc<dyn Any>, ApiError>;
type Load = Box<dyn FnOnce() -> Pin<Box<dyn Future<Output = Loaded>>>>;

#[hook]
pub fn use_fetch<T, D, F, Fut>(deps: D, loader: F) -> FetchHandle<T>
where
    T: 'static,
    D: PartialEq + Clone + 'static,
    F: Fn(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    // The deps as a number that changes when they do: all the shared part
    // needs to know.
    let seen = use_mut_ref(|| (deps.clone(), 0u64));
    let epoch = {
        let mut seen = seen.borrow_mut();
        if seen.0 != deps {
            *seen = (deps.clone(), seen.1 + 1);
        }
        seen.1
    };
    let load: Load = Box::new(move || {
        let fut = loader(deps);
        Box::pin(async move { fut.await.map(|d| Rc::new(d) as Rc<dyn Any>) })
    });
    let (state, reload) = use_loaded(epoch, load);
    let state = match state {
        Fetch::Loading => Fetch::Loading,
        Fetch::Ready(any) => any.downcast::<T>().map(Fetch::Ready).unwrap_or(Fetch::Loading),
        Fetch::Failed(e) => Fetch::Failed(e),
    };
    FetchHandle { state, reload }
}

/// Run `load` when `epoch` changes or on reload; a result that arrives
/// after a newer request is dropped.
#[hook]
fn use_loaded(epoch: u64, load: Load) -> (Fetch<dyn Any>, Callback<()>) {
    let state = use_state(|| Fetch::<dyn Any>::Loading);
    let generation = use_mut_ref(|| 0u64);
    let tick = use_state(|| 0u32);
    {
        let state = state.clone();
        let generation = generation.clone();
        use_effect_with((epoch, *tick), move |_| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let fut = load();
            wasm_bindgen_futures::spawn_local(async move {
                let result = fut.await;
                if *generation.borrow() == mine {
                    state.set(match result {
                        Ok(d) => Fetch::Ready(d),
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
    ((*state).clone(), reload)
}

//! The rubric of a version, loaded once from the server and shared: a
//! [`RubricGate`] loads the version a page needs (showing loading and error
//! states) and provides it to everything inside; components read it with
//! [`use_rubric`]. Each version is fetched at most once per page load and
//! kept for the rest of it (a rubric is a few hundred kB parsed, two
//! versions exist), so it can be lent out as `&'static`. The next steps per
//! level are fetched the same way ([`use_next_steps`]).

use crate::api::{self, ApiError};
use crate::components::error_box::ErrorBox;
use crate::hooks::use_lang;
use crate::i18n::rubric_versions::R;
use crate::i18n::Text;
use rubric::next_steps::NextSteps;
use rubric::Rubric;
use std::cell::RefCell;
use std::rc::Rc;
use std::collections::BTreeMap;
use yew::prelude::*;

thread_local! {
    static LOADED: RefCell<BTreeMap<u32, &'static Rubric>> = const { RefCell::new(BTreeMap::new()) };
    static STEPS: RefCell<Option<Rc<NextSteps>>> = const { RefCell::new(None) };
}

/// The rubric of `version` if this page already loaded it.
pub fn loaded(version: u32) -> Option<&'static Rubric> {
    LOADED.with(|l| l.borrow().get(&version).copied())
}

fn keep(version: u32, rubric: Rubric) -> &'static Rubric {
    if let Some(r) = loaded(version) {
        return r;
    }
    let kept: &'static Rubric = Box::leak(Box::new(rubric));
    LOADED.with(|l| l.borrow_mut().insert(version, kept));
    kept
}

/// The loaded rubric as a context value (compared by address: one per version).
#[derive(Clone, Copy)]
pub struct RubricRef(pub &'static Rubric);

impl PartialEq for RubricRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

/// The rubric the surrounding [`RubricGate`] loaded; `None` outside one.
#[hook]
pub fn use_rubric() -> Option<&'static Rubric> {
    use_context::<RubricRef>().map(|r| r.0)
}

/// Where loading a version stands.
#[derive(Clone, PartialEq)]
pub enum RubricLoad {
    Loading,
    Ready(RubricRef),
    Failed(ApiError),
}

/// Load the rubric of `version` (once per page load), with a retry;
/// `None` while the page does not know the version yet (it stays loading).
#[hook]
pub fn use_rubric_version(version: Option<u32>) -> (RubricLoad, Callback<()>) {
    let state = use_state(|| version.and_then(loaded).map_or(RubricLoad::Loading, |r| RubricLoad::Ready(RubricRef(r))));
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((version, *attempt), move |&(version, _)| {
            let Some(version) = version else { return };
            if let Some(r) = loaded(version) {
                state.set(RubricLoad::Ready(RubricRef(r)));
            } else {
                state.set(RubricLoad::Loading);
                wasm_bindgen_futures::spawn_local(async move {
                    state.set(match api::rubric::rubric(version).await {
                        Ok(r) => RubricLoad::Ready(RubricRef(keep(version, r))),
                        Err(e) => RubricLoad::Failed(e),
                    });
                });
            }
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}

#[derive(Properties, PartialEq)]
pub struct RubricGateProps {
    pub version: u32,
    #[prop_or_default]
    pub children: Html,
}

/// Its children once the rubric of `version` is loaded, with that rubric
/// as their context; a loading line or the error with a retry before.
#[component]
pub fn RubricGate(props: &RubricGateProps) -> Html {
    let lang = use_lang();
    let (load, retry) = use_rubric_version(Some(props.version));
    match (rubric_pending(lang, &load, &retry), load) {
        (_, RubricLoad::Ready(r)) => html! {
            <ContextProvider<RubricRef> context={r}>{ props.children.clone() }</ContextProvider<RubricRef>>
        },
        (pending, _) => pending.unwrap_or_default(),
    }
}

/// The loading line or the error with a retry, for a page that loads the
/// rubric itself with [`use_rubric_version`]; `None` once it is ready.
pub fn rubric_pending(lang: rubric::Lang, load: &RubricLoad, retry: &Callback<()>) -> Option<Html> {
    match load {
        RubricLoad::Ready(_) => None,
        RubricLoad::Loading => Some(html! { <p class="loading" role="status" aria-live="polite" data-testid="rubric-loading">{ R::RubricLoading.t(lang) }</p> }),
        RubricLoad::Failed(e) => Some(html! {
            <div data-testid="rubric-failed">
                <p>{ R::RubricFailed.t(lang) }</p>
                <ErrorBox error={e.clone()} on_retry={retry.clone()} />
            </div>
        }),
    }
}

/// The next steps per indicator and level, fetched once per page load;
/// `None` while loading or when they could not be loaded (they are an aid
/// beside the result, so the page shows without them).
#[hook]
pub fn use_next_steps() -> Option<Rc<NextSteps>> {
    let steps = use_state(|| STEPS.with(|s| s.borrow().clone()));
    {
        let steps = steps.clone();
        use_effect_with((), move |()| {
            if steps.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(loaded) = api::rubric::next_steps().await {
                        let loaded = Rc::new(loaded);
                        STEPS.with(|s| *s.borrow_mut() = Some(loaded.clone()));
                        steps.set(Some(loaded));
                    }
                });
            }
        });
    }
    (*steps).clone()
}

//! Who is signed in: a context loaded from `GET /api/me` when the app
//! starts, updated on sign-in and sign-out.

use crate::api::{self, ApiError};
use rubric::people::Me;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    Loading,
    SignedOut,
    SignedIn(Rc<Me>),
    /// The server could not be reached to ask.
    Unknown(ApiError),
}

impl SessionState {
    pub fn me(&self) -> Option<&Me> {
        match self {
            SessionState::SignedIn(me) => Some(me),
            _ => None,
        }
    }
}

#[derive(Clone, PartialEq)]
pub struct SessionContext {
    pub state: SessionState,
    /// Replace the session after signing in or out.
    pub set: Callback<SessionState>,
    /// Ask the server again.
    pub reload: Callback<()>,
}

#[derive(Properties, PartialEq)]
pub struct SessionProviderProps {
    pub children: Html,
}

#[component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let state = use_state(|| SessionState::Loading);
    let generation = use_state(|| 0u32);
    // Bumped whenever the session is set or asked for again: an answer to an
    // older `GET /api/me` (e.g. the one sent at start, still on its way while
    // the sign-in page signs in) must not overwrite a newer state.
    let epoch = use_mut_ref(|| 0u64);
    {
        let (state, epoch) = (state.clone(), epoch.clone());
        use_effect_with(*generation, move |_| {
            *epoch.borrow_mut() += 1;
            let mine = *epoch.borrow();
            wasm_bindgen_futures::spawn_local(async move {
                let next = match api::auth::me().await {
                    Ok(Some(me)) => SessionState::SignedIn(Rc::new(me)),
                    Ok(None) => SessionState::SignedOut,
                    Err(e) => SessionState::Unknown(e),
                };
                if *epoch.borrow() == mine {
                    state.set(next);
                }
            });
        });
    }
    let set = {
        let (state, epoch) = (state.clone(), epoch.clone());
        Callback::from(move |s: SessionState| {
            *epoch.borrow_mut() += 1;
            state.set(s)
        })
    };
    let reload = {
        let generation = generation.clone();
        Callback::from(move |()| generation.set(generation.wrapping_add(1)))
    };
    let ctx = SessionContext { state: (*state).clone(), set, reload };
    html! {
        <ContextProvider<SessionContext> context={ctx}>{ props.children.clone() }</ContextProvider<SessionContext>>
    }
}

/// The session context; a missing provider is a programming error.
#[hook]
pub fn use_session() -> SessionContext {
    use_context::<SessionContext>().expect("SessionProvider missing above this component")
}

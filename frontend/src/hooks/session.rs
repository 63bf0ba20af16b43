//! Who is signed in: a context that starts from the session the server
//! wrote into the page (`crate::boot`), or is loaded from `GET /api/me`
//! when the page has none; updated on sign-in and sign-out.

use crate::api::{self, ApiError};
use crate::boot::KnownSession;
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
    /// Who the page was sent to, when the server said (`crate::boot`): the
    /// provider then starts there without asking `GET /api/me`.
    #[prop_or_default]
    pub start: Option<KnownSession>,
}

#[component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let known = props.start.clone();
    let asked_already = known.is_some();
    let state = use_state(move || match known {
        Some(KnownSession::SignedIn(me)) => SessionState::SignedIn(me),
        Some(KnownSession::SignedOut) => SessionState::SignedOut,
        None => SessionState::Loading,
    });
    let generation = use_state(|| 0u32);
    // Bumped by every explicit change, so a `/api/me` answer that was on its
    // way while someone signed in (or out) cannot overwrite the newer state.
    let changes = use_mut_ref(|| 0u32);
    {
        let state = state.clone();
        let changes = changes.clone();
        use_effect_with(*generation, move |generation| {
            // The page came with the session: no need to ask on the first render.
            if *generation == 0 && asked_already {
                return;
            }
            let asked_at = *changes.borrow();
            wasm_bindgen_futures::spawn_local(async move {
                let answer = match api::auth::me().await {
                    Ok(Some(me)) => SessionState::SignedIn(Rc::new(me)),
                    Ok(None) => SessionState::SignedOut,
                    Err(e) => SessionState::Unknown(e),
                };
                if *changes.borrow() == asked_at {
                    state.set(answer);
                }
            });
        });
    }
    let set = {
        let state = state.clone();
        Callback::from(move |s: SessionState| {
            *changes.borrow_mut() += 1;
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

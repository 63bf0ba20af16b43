//! The site header: brand, main navigation for the signed-in role, who is
//! signed in, sign-out (which erases local drafts, after asking when there
//! are any) and the language switch.

use crate::api;
use crate::app::Route;
use crate::components::lang_switch::LangSwitch;
use crate::components::programme::confirm;
use crate::components::nav::MainNav;
use crate::hooks::session::{use_session, SessionState};
use crate::hooks::use_lang;
use crate::i18n::common::{role_name, C};
use crate::i18n::Text;
use crate::storage;
use yew::prelude::*;
use yew_router::prelude::*;

#[component]
pub fn Header() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let sign_out = {
        let set = session.set.clone();
        Callback::from(move |_: MouseEvent| {
            // Unsaved drafts are erased with the session (a shared school
            // computer): ask first.
            if storage::has_drafts() && !confirm(C::SignOutLosesDrafts.t(lang)) {
                return;
            }
            let set = set.clone();
            let navigator = navigator.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if api::auth::sign_out().await.is_ok() {
                    storage::clear_drafts();
                    set.emit(SessionState::SignedOut);
                    if let Some(n) = navigator {
                        n.push(&Route::Home);
                    }
                }
            });
        })
    };
    let who = match &session.state {
        SessionState::SignedIn(me) => {
            let scope = me.school_name.clone().or_else(|| me.company_name.clone());
            html! {
                <div class="who">
                    <span class="visually-hidden">{ C::SignedInAs.t(lang) }</span>
                    <span class="who-name" data-testid="who-name">{ &me.name }</span>
                    <span class="who-role">
                        { role_name(me.role).t(lang) }
                        if let Some(scope) = scope { { " · " }{ scope } }
                    </span>
                    <button type="button" class="link-button" data-testid="sign-out" onclick={sign_out}>
                        { C::SignOut.t(lang) }
                    </button>
                </div>
            }
        }
        SessionState::SignedOut => html! { <div class="who muted">{ C::NotSignedIn.t(lang) }</div> },
        _ => html! { <div class="who" /> },
    };
    html! {
        <header class="site-header">
            <a class="skip-link" href="#main">{ C::SkipToContent.t(lang) }</a>
            <div class="header-inner">
                <Link<Route> to={Route::Home} classes="brand">
                    <span class="brand-mark" aria-hidden="true">{ "S" }</span>
                    <span class="brand-name">{ C::AppName.t(lang) }</span>
                </Link<Route>>
                <MainNav />
                { who }
                <LangSwitch />
            </div>
        </header>
    }
}

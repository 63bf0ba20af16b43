//! The site header: brand, main navigation for the signed-in role, who is
//! signed in, sign-out (which erases local drafts, after asking when there
//! are any) and the language switch. On a phone it is one row
//! (brand, a menu button, the language switch); the menu button
//! (`aria-expanded`) unfolds the navigation and who is signed in below it,
//! and following a link folds it again. From tablet width up everything
//! shows and the menu button is hidden.

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
use crate::router::*;

#[component]
pub fn Header() -> Html {
    let lang = use_lang();
    let session = use_session();
    let navigator = use_navigator();
    let route = use_route();
    let menu_open = use_state(|| false);
    {
        let menu_open = menu_open.clone();
        use_effect_with(route, move |_| menu_open.set(false));
    }
    let toggle = {
        let menu_open = menu_open.clone();
        Callback::from(move |_: MouseEvent| menu_open.set(!*menu_open))
    };
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
                <div class="who" id="who">
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
        SessionState::SignedOut => html! { <div class="who muted" id="who">{ C::NotSignedIn.t(lang) }</div> },
        _ => html! { <div class="who" id="who" /> },
    };
    html! {
        <header class={classes!("site-header", menu_open.then_some("menu-open"))}>
            <a class="skip-link" href="#main">{ C::SkipToContent.t(lang) }</a>
            <div class="header-inner">
                <Link to={Route::Home} classes="brand">
                    <span class="brand-mark" aria-hidden="true">{ "S" }</span>
                    <span class="brand-name">{ C::AppName.t(lang) }</span>
                </Link>
                <button type="button" class="nav-toggle" aria-expanded={menu_open.to_string()} aria-controls="main-nav who"
                    data-testid="nav-toggle" onclick={toggle}>
                    <span class="nav-toggle-icon" aria-hidden="true" />
                    { C::Menu.t(lang) }
                </button>
                <MainNav />
                { who }
                <LangSwitch />
            </div>
        </header>
    }
}

//! Every address of the interface (`Route`) and the shell each role app
//! mounts: the language and session providers, the header, and the app's own
//! `switch` from route to page. Each app (`crate::apps`) switches only its
//! own routes, so its bundle holds only its own pages; any other route is a
//! page of another app and loads it with a real page load ([`Elsewhere`]).

use crate::boot::Boot;
use crate::components::header::Header;
use crate::components::loading::Loading;
use crate::hooks::lang::LangProvider;
use crate::hooks::session::SessionProvider;
pub use crate::route::Route;
use rubric::apps::App;
use yew::prelude::*;
use crate::router::*;

/// The root of every app: which app this is (a context for [`Elsewhere`]
/// and the start page), and its switch.
#[derive(Properties)]
pub struct ShellProps {
    pub app: App,
    pub switch: fn(Route) -> Html,
    /// Where the page starts: its language, session and address.
    pub boot: Boot,
}

impl PartialEq for ShellProps {
    /// The switch belongs to the app: one app, one switch.
    fn eq(&self, other: &Self) -> bool {
        self.app == other.app && self.boot == other.boot
    }
}

/// The performance mark set once the shell's first render is in the DOM:
/// `cargo xtask bench` reads it beside first paint (the empty page sets
/// the same mark), a time that does not come in whole frames.
pub const RENDERED_MARK: &str = "stempact-rendered";

#[component]
pub fn Shell(props: &ShellProps) -> Html {
    let switch = props.switch;
    let boot = &props.boot;
    use_effect_with((), |_| {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(RENDERED_MARK);
        }
    });
    html! {
        <ContextProvider<App> context={props.app}>
            <LangProvider start={boot.lang}>
                <SessionProvider start={boot.session.clone()}>
                    <Router start={boot.location.clone()}>
                        <Header />
                        <main id="main" tabindex="-1">
                            <Page {switch} />
                        </main>
                    </Router>
                </SessionProvider>
            </LangProvider>
        </ContextProvider<App>>
    }
}

/// Mount `app` with its switch on the page's body.
#[derive(Properties)]
struct PageProps {
    switch: fn(Route) -> Html,
}

impl PartialEq for PageProps {
    fn eq(&self, _: &Self) -> bool {
        // One app, one switch.
        true
    }
}

/// The page of the current route, as the app's switch renders it.
#[component]
fn Page(props: &PageProps) -> Html {
    let route = use_route().unwrap_or(Route::NotFound);
    (props.switch)(route)
}

/// Start `app` on the page: with the session the server wrote into it,
/// in place of the first screen the server rendered (removed here; the
/// first render follows in a microtask of the same task, so nothing paints
/// between the two).
pub fn run(app: App, switch: fn(Route) -> Html) {
    let boot = Boot::from_page();
    crate::boot::remove_first_screen();
    yew::Renderer::<Shell>::with_props(ShellProps { app, switch, boot }).render();
}

/// The app this bundle is (the public one outside a [`Shell`]).
#[hook]
pub fn use_app() -> App {
    use_context::<App>().unwrap_or(App::Public)
}

/// Load `path` from the server, which serves it with the app it belongs
/// to. Refuses when this same app asked for the same address a moment ago
/// (the server answered with this app again): two apps that disagree about
/// an address cannot bounce the browser between them for ever.
pub fn load_from_server(app: App, path: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    const KEY: &str = "stempact.page-load";
    // Whole milliseconds: parsing an integer keeps float parsing (and its
    // tables) out of the bundle.
    let now = js_sys::Date::now() as u64;
    let asked = format!("{} {path}", app.name());
    let storage = window.session_storage().ok().flatten();
    let last = storage.as_ref().and_then(|s| s.get_item(KEY).ok().flatten());
    let bounced = last
        .as_deref()
        .and_then(|l| l.split_once(' '))
        .is_some_and(|(at, what)| what == asked && at.parse::<u64>().is_ok_and(|at| now.saturating_sub(at) < 3000));
    if bounced {
        return false;
    }
    if let Some(s) = storage {
        let _ = s.set_item(KEY, &format!("{now} {asked}"));
    }
    window.location().replace(path).is_ok()
}

/// The page for a route this app does not have: a page of another app,
/// loaded from the server (a link from the coordinator's overview to a
/// school's report opens the school app); an address of this app that
/// matches no page is not found.
#[component]
pub fn Elsewhere() -> Html {
    let app = use_app();
    let location = web_sys::window().map(|w| w.location());
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let here = App::for_path(&path) == app && path != "/";
    let loading = use_state(|| true);
    {
        let loading = loading.clone();
        use_effect_with(path.clone(), move |path| {
            if !here {
                let search = location.and_then(|l| l.search().ok()).unwrap_or_default();
                if !load_from_server(app, &format!("{path}{search}")) {
                    loading.set(false);
                }
            }
        });
    }
    if here || !*loading {
        html! { <crate::pages::not_found::NotFoundPage /> }
    } else {
        html! { <section class="page"><Loading /></section> }
    }
}

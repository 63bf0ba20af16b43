//! The apps' own router: the address as a [`Route`] in a context, links
//! that navigate without a page load, the browser's back and forward
//! through the History API. It replaced yew-router and gloo-history
//! (issue 13), which every app paid for with about 8 kB gzip for what the
//! apps use of them: one history kind, links, a navigator, the route and
//! the query. A route of another app is still a page load
//! ([`crate::app::Elsewhere`]).

use crate::route::Route;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Where the browser is: the route of its path and the query, without `?`.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub route: Route,
    pub query: String,
}

impl Location {
    /// The address `path` with its query (`a=1&b=2`, without `?`).
    pub fn at(path: &str, query: &str) -> Location {
        Location { route: Route::recognize(path), query: query.trim_start_matches('?').to_string() }
    }

    /// The browser's address now.
    fn current() -> Location {
        let location = web_sys::window().map(|w| w.location());
        let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
        let search = location.as_ref().and_then(|l| l.search().ok()).unwrap_or_default();
        Location { route: Route::recognize(&path), query: search.trim_start_matches('?').to_string() }
    }

    /// The value of the query parameter `name` as it is written (`?version=2`).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query.split('&').find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
    }
}

/// Goes to a route inside the app.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    /// The path, and whether it replaces the current history entry.
    go: Callback<(String, bool)>,
}

impl Navigator {
    /// A new entry in the browser's history (back returns here).
    pub fn push(&self, route: &Route) {
        self.go.emit((route.to_path(), false));
    }

    /// In place of the current entry (e.g. the sign-in address, which
    /// must not come back).
    pub fn replace(&self, route: &Route) {
        self.go.emit((route.to_path(), true));
    }
}

#[derive(Clone, PartialEq)]
struct RouterContext {
    location: Location,
    navigator: Navigator,
}

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    pub children: Html,
    /// Where to start (the server's request); the window's address when not given.
    #[prop_or_default]
    pub start: Option<Location>,
}

/// Holds the current address for everything below it and follows the
/// browser's back and forward buttons.
#[component]
pub fn Router(props: &RouterProps) -> Html {
    let location = {
        let start = props.start.clone();
        use_state(move || start.unwrap_or_else(Location::current))
    };
    {
        let location = location.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn()>::new(move || location.set(Location::current()));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    let go = {
        let location = location.clone();
        use_callback((), move |(path, replace): (String, bool), _| {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let _ = if replace {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&path))
                } else {
                    history.push_state_with_url(&JsValue::NULL, "", Some(&path))
                };
            }
            location.set(Location::current());
        })
    };
    let context = RouterContext { location: (*location).clone(), navigator: Navigator { go } };
    html! {
        <ContextProvider<RouterContext> context={context}>{ props.children.clone() }</ContextProvider<RouterContext>>
    }
}

/// The route of the current address, inside a [`Router`].
#[hook]
pub fn use_route() -> Option<Route> {
    use_context::<RouterContext>().map(|c| c.location.route)
}

/// The current address with its query, inside a [`Router`].
#[hook]
pub fn use_location() -> Option<Location> {
    use_context::<RouterContext>().map(|c| c.location)
}

/// Navigation inside the app, inside a [`Router`].
#[hook]
pub fn use_navigator() -> Option<Navigator> {
    use_context::<RouterContext>().map(|c| c.navigator)
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link to a route: an ordinary `<a href>` (a new tab, a copied address,
/// a link without the app all work), which a plain click follows inside
/// the app without a page load.
#[component]
pub fn Link(props: &LinkProps) -> Html {
    let navigator = use_navigator();
    let href = props.to.to_path();
    let onclick = {
        let href = href.clone();
        Callback::from(move |e: MouseEvent| {
            // Another button or a modifier (a new tab or window) is the browser's.
            if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
                return;
            }
            if let Some(n) = &navigator {
                e.prevent_default();
                n.go.emit((href.clone(), false));
            }
        })
    };
    html! { <a class={props.classes.clone()} {href} {onclick}>{ props.children.clone() }</a> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_parameter_is_read_by_its_whole_name() {
        let at = |query: &str| Location { route: Route::Home, query: query.into() };
        assert_eq!(at("version=2").param("version"), Some("2"));
        assert_eq!(at("v=1&version=3").param("version"), Some("3"));
        assert_eq!(at("versions=4").param("version"), None);
        assert_eq!(at("").param("version"), None);
    }
}

//! The smallest Yew page: one element, rendered once. `cargo xtask bench`
//! compares the app's first render against this one. Built the way the
//! apps are: its page carries its first screen as Yew's server renderer
//! writes it (`index.html`; the test below keeps the two the same), which
//! the page removes as it renders its own, as the apps do with the first
//! screen the server renders for them.

use yew::prelude::*;

#[component]
fn Empty() -> Html {
    // The mark the app's shell sets after its first render (`cargo xtask
    // bench` compares the two).
    use_effect_with((), |_| {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark("stempact-rendered");
        }
    });
    html! { <main id="empty-rendered">{ "STEMpact" }</main> }
}

fn main() {
    if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("first-screen")) {
        el.remove();
    }
    yew::Renderer::<Empty>::new().render();
}

#[cfg(test)]
mod tests {
    /// The first screen in `index.html` is what Yew's server renderer
    /// gives for the page.
    #[test]
    fn the_pages_first_screen_is_the_server_renderers() {
        let rendered = futures::executor::block_on(yew::LocalServerRenderer::<super::Empty>::new().hydratable(false).render());
        let page = include_str!("../index.html");
        assert!(page.contains(&format!("<body><div id=\"first-screen\">{rendered}</div></body>")), "{rendered}");
    }
}

//! The smallest Yew page: one element, rendered once. `cargo xtask bench`
//! compares the app's first render against this one.

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
    yew::Renderer::<Empty>::new().render();
}

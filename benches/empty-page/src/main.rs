//! The smallest Yew page: one element, rendered once. `cargo xtask bench`
//! compares the app's first render against this one.

use yew::prelude::*;

#[component]
fn Empty() -> Html {
    html! { <main id="empty-rendered">{ "STEMpact" }</main> }
}

fn main() {
    yew::Renderer::<Empty>::new().render();
}

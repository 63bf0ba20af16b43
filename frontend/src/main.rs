//! Entry point: mounts the app. Nothing else lives here.

fn main() {
    yew::Renderer::<frontend::app::App>::new().render();
}

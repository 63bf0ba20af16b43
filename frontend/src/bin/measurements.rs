//! Entry point of the measurements app (`frontend::apps::measurements`).

fn main() {
    frontend::apps::measurements::run();
}

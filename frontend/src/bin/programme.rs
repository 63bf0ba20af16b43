//! Entry point of the programme app (`frontend::apps::programme`).

fn main() {
    frontend::apps::programme::run();
}

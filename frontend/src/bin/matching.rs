//! Entry point of the matching app (`frontend::apps::matching`).

fn main() {
    frontend::apps::matching::run();
}

//! Entry point of the region plan app (`frontend::apps::regionplan`).

fn main() {
    frontend::apps::regionplan::run();
}

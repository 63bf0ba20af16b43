//! Entry point of the region app (`frontend::apps::region`).

fn main() {
    frontend::apps::region::run();
}

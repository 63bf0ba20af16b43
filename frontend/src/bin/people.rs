//! Entry point of the people app (`frontend::apps::people`).

fn main() {
    frontend::apps::people::run();
}

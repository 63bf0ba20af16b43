//! Entry point of the report app (`frontend::apps::report`).

fn main() {
    frontend::apps::report::run();
}

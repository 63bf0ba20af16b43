//! Entry point of the plan app (`frontend::apps::plan`).

fn main() {
    frontend::apps::plan::run();
}

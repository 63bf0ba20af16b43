//! Entry point of the plan print app (`frontend::apps::planprint`).

fn main() {
    frontend::apps::planprint::run();
}

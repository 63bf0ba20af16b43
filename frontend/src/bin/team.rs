//! Entry point of the team app (`frontend::apps::team`).

fn main() {
    frontend::apps::team::run();
}

//! Entry point of the coordinator app (`frontend::apps::coordinator`).

fn main() {
    frontend::apps::coordinator::run();
}

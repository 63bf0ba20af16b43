//! Entry point of the company app (`frontend::apps::company`).

fn main() {
    frontend::apps::company::run();
}

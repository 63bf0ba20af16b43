//! Entry point of the school app (`frontend::apps::school`).

fn main() {
    frontend::apps::school::run();
}

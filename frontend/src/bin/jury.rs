//! Entry point of the jury app (`frontend::apps::jury`).

fn main() {
    frontend::apps::jury::run();
}

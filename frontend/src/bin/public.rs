//! Entry point of the public app (`frontend::apps::public`).

fn main() {
    frontend::apps::public::run();
}

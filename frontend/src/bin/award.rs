//! Entry point of the award app (`frontend::apps::award`).

fn main() {
    frontend::apps::award::run();
}

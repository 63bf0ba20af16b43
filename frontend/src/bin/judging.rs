//! Entry point of the judging app (`frontend::apps::judging`).

fn main() {
    frontend::apps::judging::run();
}

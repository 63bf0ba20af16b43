//! Entry point of the award dossier app (`frontend::apps::dossier`).

fn main() {
    frontend::apps::dossier::run();
}

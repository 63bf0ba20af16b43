//! The regional plan's pages (issue 17), in the region app: the editor
//! (`/region/:id/plan`) and the printable subsidy dossier
//! (`/region/:id/dossier`).

pub mod dossier;
pub mod editor;

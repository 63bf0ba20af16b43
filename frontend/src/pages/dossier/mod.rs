//! The award dossier's pages (the dossier app): the page that loads a
//! school's dossier and the editor of both parts with the sign-off.

pub mod editor;
pub mod page;

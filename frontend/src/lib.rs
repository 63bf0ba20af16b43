//! The STEMpact web apps, one per kind of person (`apps`, entry points in
//! `src/bin/`), sharing everything else. `app` holds the routes and the shell
//! (`router` the app's own router),
//! `pages` one component per route, `components` the reusable pieces,
//! `hooks` state and data loading, `api` the thin HTTP client, `i18n` every
//! text of the interface in Dutch and English.

pub mod api;
pub mod app;
pub mod apps;
pub mod boot;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod tree;
pub mod pages;
pub mod route;
pub mod router;
#[cfg(not(target_arch = "wasm32"))]
pub mod ssr;
pub mod storage;

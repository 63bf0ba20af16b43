//! Which edition the coordinator works in: the editions loaded from the
//! server and the one chosen (kept in localStorage; the active edition by
//! default), for every coordinator page.

use crate::api;
use crate::hooks::fetch::{use_fetch, FetchHandle};
use crate::storage;
use rubric::programme::Edition;
use yew::prelude::*;

/// localStorage key of the edition the coordinator works in.
pub const EDITION_KEY: &str = "stempact.coordinator.edition";

#[derive(Clone, PartialEq)]
pub struct EditionChoice {
    pub editions: FetchHandle<Vec<Edition>>,
    /// The edition to show, once the editions are loaded and there is one.
    pub chosen: Option<Edition>,
    /// Choose another edition by id.
    pub choose: Callback<i64>,
}

/// The edition to show: the one chosen before if it still exists, else the
/// active one, else the newest.
pub fn chosen_edition(editions: &[Edition], stored: Option<i64>) -> Option<&Edition> {
    stored
        .and_then(|id| editions.iter().find(|e| e.id == id))
        .or_else(|| editions.iter().find(|e| e.active))
        .or_else(|| editions.first())
}

#[hook]
pub fn use_edition_choice() -> EditionChoice {
    let editions = use_fetch((), |()| api::programme::editions());
    let stored = use_state(|| storage::get(EDITION_KEY).and_then(|s| s.parse::<i64>().ok()));
    let chosen = editions.data().and_then(|list| chosen_edition(list, *stored).cloned());
    let choose = {
        let stored = stored.clone();
        Callback::from(move |id: i64| {
            storage::set(EDITION_KEY, &id.to_string());
            stored.set(Some(id));
        })
    };
    EditionChoice { editions, chosen, choose }
}

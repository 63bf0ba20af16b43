//! The evidence files of the page's measurement or plan, shared with every
//! [`crate::components::evidence_files::EvidenceFiles`] below it through a
//! context: one request for the whole page, reloaded after a change.

use crate::api;
use crate::hooks::use_fetch;
use rubric::evidence::EvidenceListView;
use std::rc::Rc;
use yew::prelude::*;

/// What the files of one page are: their list, how to reload it, and the
/// ids the upload paths need.
#[derive(Clone, PartialEq)]
pub struct EvidenceScope {
    pub list: Rc<EvidenceListView>,
    pub reload: Callback<()>,
    /// The signed-in person (their own answers' files).
    pub me: i64,
    pub measurement_id: i64,
    pub school_id: i64,
}

/// Load `/api{path}` (a measurement's or a plan's files); `None` until
/// there is a path and the list has come.
#[hook]
pub fn use_evidence(path: Option<String>, me: i64, measurement_id: i64, school_id: i64) -> Option<EvidenceScope> {
    let fetch = use_fetch(path, |path: Option<String>| async move {
        match path {
            Some(p) => api::evidence::list(p).await.map(Some),
            None => Ok(None),
        }
    });
    let list = fetch.data().and_then(|d| d.as_ref().clone())?;
    Some(EvidenceScope { list: Rc::new(list), reload: fetch.reload.clone(), me, measurement_id, school_id })
}

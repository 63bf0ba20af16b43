//! The jury pages: the coordinator's set-up, results and printable sheet;
//! the juror's list and scoring page (with its score sheet); the published
//! award results and the notice that points to them.

pub mod award_notice;
pub mod home;
pub mod print;
pub mod published;
pub mod results;
pub mod score;
pub mod score_sheet;
pub mod setup;

use crate::api::ApiError;
use crate::components::error_box::ErrorBox;
use crate::i18n::{jury::jury_error, Lang, Text};
use yew::prelude::*;

/// A failed jury request: the jury's own error codes in the interface
/// language, everything else through the shared error box.
pub(crate) fn error_view(lang: Lang, e: &ApiError) -> Html {
    match jury_error(e.code) {
        Some(text) => html! { <div class="error-box" role="alert"><p>{ text.t(lang) }</p></div> },
        None => html! { <ErrorBox error={e.clone()} /> },
    }
}

/// Whether [`error_view`] has a jury text for this error.
pub(crate) fn jury_error_known(e: &ApiError) -> bool {
    jury_error(e.code).is_some()
}

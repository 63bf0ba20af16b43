//! The jury pages: the coordinator's set-up, results and printable sheet;
//! the juror's list and scoring page (with its score sheet); the chair's
//! results page; the published award results and the notice that points to
//! them.

pub mod award_notice;
pub mod chair;
pub mod home;
pub mod print;
pub mod published;
pub mod results;
pub mod score;
pub mod score_sheet;
pub mod setup;

use rubric::errors::ErrorCode;
use crate::api::ApiError;
use crate::components::audit_entries::audit_entries;
use crate::components::category_results::category_results;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::fetch::FetchHandle;
use crate::hooks::Fetch;
use crate::i18n::jury::J;
use crate::tree::Tree;
use rubric::jury::views::{AuditLine, ResultsView};
use crate::i18n::jury_results::R;
use crate::i18n::{jury::jury_error, Lang, Text};
use yew::prelude::*;

/// A failed jury request: the jury's own error codes in the interface
/// language, everything else through the shared error box.
pub(crate) fn error_view(lang: Lang, e: &ApiError) -> Html {
    match jury_error(lang, e.code) {
        Some(text) => html! { <div class="error-box" role="alert"><p>{ text }</p></div> },
        None => html! { <ErrorBox error={e.clone()} /> },
    }
}

/// As [`error_view`], for a juror: locked results are final for them (they
/// cannot unlock, so they are not told to).
pub(crate) fn juror_error_view(lang: Lang, e: &ApiError) -> Html {
    if e.code == ErrorCode::JuryLocked {
        return html! { <div class="error-box" role="alert"><p>{ R::LockedForJurors.t(lang) }</p></div> };
    }
    error_view(lang, e)
}

/// The results of every category and the jury's audit log, as the
/// coordinator's and the chair's pages show them.
pub(crate) fn results_and_log(lang: Lang, view: &ResultsView, audit: &FetchHandle<Vec<AuditLine>>) -> Html {
    let mut m = Tree::new();
    for c in &view.categories {
        category_results(&mut m, lang, c, &view.criteria, view.frozen);
    }
    crate::components::score_changes::score_changes(&mut m, lang, &view.score_changes, &view.criteria);
    html! {
        <>
            { m.html() }
            <section class="audit-log" data-testid="audit-log">
                <h2>{ J::AuditLog.t(lang) }</h2>
                { match &audit.state {
                    Fetch::Ready(entries) => audit_entries(lang, entries),
                    Fetch::Loading => html! { <Loading /> },
                    Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={audit.reload.clone()} /> },
                } }
            </section>
        </>
    }
}

/// Whether [`error_view`] has a jury text for this error.
pub(crate) fn jury_error_known(e: &ApiError) -> bool {
    jury_error(Lang::Nl, e.code).is_some()
}

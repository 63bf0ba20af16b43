//! The line that says where the answers stand: all saved, saving, offline
//! (kept on this device), a problem to fix, closed, or submitted (frozen). Announced politely.
//! A view function, not a component: the sheet is its only user, and each
//! component type costs Yew's machinery again in the app (issue 13).

use crate::hooks::answer_sheet::SaveStatus;
use crate::i18n::nulmeting::N;
use crate::i18n::submission::S;
use crate::i18n::Text;
use yew::prelude::*;

pub fn save_status_line(lang: rubric::Lang, status: SaveStatus) -> Html {
    let (key, text) = match status {
        SaveStatus::Saved => ("saved", N::StatusSaved.t(lang)),
        SaveStatus::Saving => ("saving", N::StatusSaving.t(lang)),
        SaveStatus::Offline => ("offline", N::StatusOffline.t(lang)),
        SaveStatus::Problem => ("problem", N::StatusProblem.t(lang)),
        SaveStatus::Closed => ("closed", N::StatusClosed.t(lang)),
        SaveStatus::Frozen => ("frozen", S::StatusFrozen.t(lang)),
    };
    html! {
        <p class={classes!("save-status", key)} role="status" aria-live="polite" data-testid="save-status" data-state={key}>
            <span class="dot" aria-hidden="true"></span>{ text }
        </p>
    }
}

//! The line that says where the answers stand: all saved, saving, offline
//! (kept on this device), a problem to fix, closed, or submitted (frozen). Announced politely.

use crate::hooks::answer_sheet::SaveStatus;
use crate::hooks::use_lang;
use crate::i18n::nulmeting::N;
use crate::i18n::submission::S;
use crate::i18n::Text;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SaveStatusLineProps {
    pub status: SaveStatus,
}

#[component]
pub fn SaveStatusLine(props: &SaveStatusLineProps) -> Html {
    let lang = use_lang();
    let (key, text) = match props.status {
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

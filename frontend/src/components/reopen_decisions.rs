//! The requests to reopen submitted sheets, for whoever decides (a school's
//! lead, the programme coordinator, the jury's chair): who asks, about what,
//! why and when, with "reopen" (after a confirmation) and "decline" (with an
//! optional note); a reopened sheet waiting to be submitted again is listed
//! too. Props in, callbacks out.

use crate::api::ApiError;
use crate::components::error_box::ErrorBox;
use crate::hooks::use_lang;
use crate::i18n::nulmeting::unix_date;
use crate::i18n::submission::S;
use crate::i18n::Text;
use rubric::submission::{ReopenInfo, SheetReopen, SheetStatus};
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// One sheet with an open reopening.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionRow {
    /// What the callbacks get back: (finalist or measurement id, person id).
    pub key: (i64, i64),
    pub who: String,
    /// What the sheet is about, when the list mixes several (a finalist).
    pub subject: Option<String>,
    pub status: SheetStatus,
    pub reopen: ReopenInfo,
    /// Whether the viewer may decide (not on their own sheet).
    pub can_decide: bool,
}

impl From<&SheetReopen> for DecisionRow {
    /// A jury sheet, keyed by (finalist, juror).
    fn from(r: &SheetReopen) -> Self {
        DecisionRow {
            key: (r.finalist_id, r.juror_id),
            who: r.juror_name.clone(),
            subject: Some(r.finalist_name.clone()),
            status: r.status,
            reopen: r.reopen.clone(),
            can_decide: true,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ReopenDecisionsProps {
    pub rows: Vec<DecisionRow>,
    pub busy: bool,
    /// A decision that failed.
    #[prop_or_default]
    pub error: Option<ApiError>,
    pub on_reopen: Callback<(i64, i64)>,
    /// The key and the note.
    pub on_decline: Callback<((i64, i64), String)>,
}

fn confirm(text: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(text).ok()).unwrap_or(false)
}

#[component]
pub fn ReopenDecisions(props: &ReopenDecisionsProps) -> Html {
    let lang = use_lang();
    let declining = use_state(|| None::<(i64, i64)>);
    let note = use_state(String::new);
    if props.rows.is_empty() {
        return html! {};
    }
    let row = |r: &DecisionRow| {
        let key = r.key;
        let reopen = {
            let cb = props.on_reopen.clone();
            Callback::from(move |_: MouseEvent| {
                if confirm(S::ConfirmReopen.t(lang)) {
                    cb.emit(key);
                }
            })
        };
        let start_decline = {
            let (declining, note) = (declining.clone(), note.clone());
            Callback::from(move |_: MouseEvent| {
                note.set(String::new());
                declining.set(Some(key));
            })
        };
        let on_note = {
            let note = note.clone();
            Callback::from(move |e: InputEvent| note.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
        };
        let send_decline = {
            let (cb, note, declining) = (props.on_decline.clone(), note.clone(), declining.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                cb.emit((key, (*note).clone()));
                declining.set(None);
            })
        };
        let cancel = {
            let declining = declining.clone();
            Callback::from(move |_: MouseEvent| declining.set(None))
        };
        let note_id = format!("decline-note-{}-{}", key.0, key.1);
        let reason = if r.reopen.reason.is_empty() { S::NoReason.t(lang).to_string() } else { format!("“{}”", r.reopen.reason) };
        html! {
            <li class="reopen-row" data-testid="reopen-row" data-person={key.1.to_string()} data-status={r.status.key()}>
                <p>
                    <strong>{ &r.who }</strong>
                    if let Some(s) = &r.subject { { " · " }{ s } }
                    <span class="muted small">{ format!(" · {} {}", S::AskedOn.t(lang), unix_date(lang, r.reopen.requested_at)) }</span>
                </p>
                <p class="reopen-reason">{ reason }</p>
                if r.status == SheetStatus::Reopened {
                    <p class="badge progress" data-testid="reopen-waiting">{ S::ReopenedWaiting.t(lang) }</p>
                } else if !r.can_decide {
                    <p class="muted small">{ S::OwnRequestElsewhere.t(lang) }</p>
                } else if *declining == Some(key) {
                    <form class="decline-form" onsubmit={send_decline}>
                        <label for={note_id.clone()}>{ S::DeclineNoteLabel.t(lang) }</label>
                        <textarea id={note_id} rows="2" value={(*note).clone()} oninput={on_note} />
                        <div class="form-actions">
                            <button type="submit" class="button secondary" data-testid="confirm-decline" disabled={props.busy}>{ S::ConfirmDecline.t(lang) }</button>
                            <button type="button" class="link-button" onclick={cancel}>{ S::Cancel.t(lang) }</button>
                        </div>
                    </form>
                } else {
                    <div class="form-actions">
                        <button type="button" class="button" data-testid="reopen" disabled={props.busy} onclick={reopen}>{ S::Reopen.t(lang) }</button>
                        <button type="button" class="button secondary" data-testid="decline" disabled={props.busy} onclick={start_decline}>{ S::Decline.t(lang) }</button>
                    </div>
                }
            </li>
        }
    };
    html! {
        <section class="card reopen-decisions" data-testid="reopen-requests">
            <h2>{ S::RequestsTitle.t(lang) }</h2>
            <p class="muted small">{ S::RequestsExplain.t(lang) }</p>
            <ul class="plain-list">{ for props.rows.iter().map(row) }</ul>
            if let Some(e) = props.error.clone() { <ErrorBox error={e} /> }
        </section>
    }
}

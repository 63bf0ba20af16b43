//! The plan's version history: unsubmitted changes in the draft, then each
//! submitted version (newest first) with who submitted it when and what
//! changed since the version before.

use crate::hooks::use_lang;
use crate::i18n::plans::{change_text, P};
use crate::i18n::{format, Text};
use rubric::plan::view::{ChangeLine, VersionSummary};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VersionHistoryProps {
    /// For the link to print each version.
    pub school_id: i64,
    pub history: Vec<VersionSummary>,
    pub draft_changes: Vec<ChangeLine>,
}

#[component]
pub fn VersionHistory(props: &VersionHistoryProps) -> Html {
    let lang = use_lang();
    let changes = |list: &[ChangeLine]| html! {
        <ul class="changes">{ for list.iter().map(|c| html! { <li>{ change_text(c, lang) }</li> }) }</ul>
    };
    html! {
        <section class="version-history" aria-labelledby="history-title" data-testid="version-history">
            <h2 id="history-title">{ P::History.t(lang) }</h2>
            if let Some(latest) = props.history.first() {
                if !props.draft_changes.is_empty() {
                    <div class="version draft" data-testid="draft-changes">
                        <h3>{ format!("{} {}", P::ChangesSince.t(lang), latest.number) }</h3>
                        { changes(&props.draft_changes) }
                    </div>
                }
            } else {
                <p class="muted">{ P::NoVersions.t(lang) }</p>
            }
            { for props.history.iter().map(|v| {
                let day = rubric::Date::from_unix_seconds(v.submitted_at).map(|d| format::date(lang, d)).unwrap_or_default();
                html! {
                    <details class="version" key={v.number} data-testid="version" open={v.number == props.history[0].number}>
                        <summary>
                            <strong>{ format!("{} {}", P::Version.t(lang), v.number) }</strong>
                            { format!(" · {} {day} {} {}", P::SubmittedOn.t(lang), P::By.t(lang), v.submitted_by) }
                            <span class="muted small">{ format!(" · {} {} · {} {}", v.goals, P::GoalsCount.t(lang), v.actions, P::ActionsCount.t(lang)) }</span>
                        </summary>
                        if v.changes.is_empty() { <p class="muted">{ P::NoChanges.t(lang) }</p> } else { { changes(&v.changes) } }
                        <a class="small" href={format!("/schools/{}/plan/print?version={}", props.school_id, v.number)} data-testid="print-version">
                            { format!("{} {} — {}", P::Version.t(lang), v.number, P::PrintableVersion.t(lang).to_lowercase()) }
                        </a>
                    </details>
                }
            }) }
        </section>
    }
}

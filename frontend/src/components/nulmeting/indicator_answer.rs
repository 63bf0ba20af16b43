//! One indicator on the answer sheet: the question, the level cards, an
//! optional comment and evidence link, where its answer stands with the
//! server, and the notice when it was changed elsewhere in the meantime.
//! A view function, not a component: the sheet is its only user and gave it
//! new callbacks on every render anyway (issue 13: each component type
//! costs Yew's machinery again). Keyed by the indicator.

use crate::components::evidence_files::{EvidenceFiles, Target};
use crate::components::nulmeting::level_choice::{level_choice, LevelChoice};
use crate::hooks::answer_sheet::{Change, Entry, Field, SyncState};
use crate::hooks::evidence::EvidenceScope;
use crate::i18n::nulmeting::{answer_error_text, answer_label, N};
use crate::i18n::Text;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// One indicator's answer and what changing it does.
pub struct IndicatorAnswer {
    pub indicator_id: AttrValue,
    /// "2.3": aspect and indicator number.
    pub number: String,
    pub entry: Entry,
    pub disabled: bool,
    pub on_change: Callback<Change>,
    pub on_keep_mine: Callback<()>,
    pub on_dismiss_conflict: Callback<()>,
    /// The sheet's evidence files.
    pub evidence: Option<EvidenceScope>,
}

pub fn indicator_answer(lang: rubric::Lang, rubric: &rubric::Rubric, props: IndicatorAnswer) -> Html {
    let Some((_, indicator)) = rubric.indicator(&props.indicator_id) else { return html! {} };
    let id = props.indicator_id.to_string();
    let value = props.entry.value();
    let local = props.entry.local_error();
    let server_error = match &props.entry.sync {
        SyncState::Rejected(e) => Some(e.clone()),
        _ => None,
    };
    let field_error = |field: Field, key: &str| -> Option<String> {
        match &local {
            Some((f, e)) if *f == field => Some(answer_error_text(lang, e)),
            _ => server_error.as_ref().and_then(|e| e.field(key)).map(String::from),
        }
    };
    let comment_error = field_error(Field::Comment, "comment");
    let url_error = field_error(Field::EvidenceUrl, "evidence_url");
    let other_error = server_error.as_ref().filter(|e| e.field("comment").is_none() && e.field("evidence_url").is_none());
    let (state, state_text) = if props.entry.conflict.is_some() {
        ("conflict", N::StateConflict)
    } else if props.entry.saved_but_refused_field() {
        // The level and the valid field are saved; only the flagged field waits.
        match &local {
            Some((Field::EvidenceUrl, _)) => ("partly-saved", N::StateSavedExceptLink),
            _ => ("partly-saved", N::StateSavedExceptComment),
        }
    } else if local.is_some() || server_error.is_some() {
        ("problem", N::StateProblem)
    } else {
        match (&props.entry.sync, props.entry.draft.is_some()) {
            (SyncState::Offline, _) => ("offline", N::StateOffline),
            (SyncState::Saving(_), _) | (_, true) => ("saving", N::StateSaving),
            _ if props.entry.saved.is_some() => ("saved", N::StateSaved),
            _ => ("empty", N::StateEmpty),
        }
    };
    let on_choose = {
        let cb = props.on_change.clone();
        Callback::from(move |a| cb.emit(Change::Answer(a)))
    };
    let on_comment = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                cb.emit(Change::Comment(t.value()));
            }
        })
    };
    let on_url = {
        let cb = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<HtmlInputElement>() {
                cb.emit(Change::EvidenceUrl(t.value()));
            }
        })
    };
    let has_notes = !value.comment.is_empty() || !value.evidence_url.is_empty() || comment_error.is_some() || url_error.is_some();
    let comment_id = format!("comment-{id}");
    let url_id = format!("evidence-{id}");
    html! {
        <article key={id.clone()} class={classes!("answer-card", (!props.entry.answered()).then_some("unanswered"))} id={format!("ind-{id}")} data-indicator={id.clone()} data-state={state}>
            <header class="answer-head">
                <h3><span class="indicator-number">{ props.number }</span>{ indicator.title.get(lang) }</h3>
                <span class={classes!("entry-state", state)} data-testid="entry-state">{ state_text.t(lang) }</span>
            </header>
            <p class="question">{ indicator.question.get(lang) }</p>
            if let Some(mine) = &props.entry.conflict {
                <div class="conflict-notice" role="alert" data-testid="conflict">
                    <p>
                        { N::ConflictBody.t(lang) }{ " " }
                        <strong>{ N::ConflictYours.t(lang) }{ " " }{ answer_label(lang, mine.answer) }</strong>
                    </p>
                    <div class="button-row">
                        <button type="button" class="button secondary" onclick={props.on_keep_mine.reform(|_: MouseEvent| ())}>{ N::ConflictKeepMine.t(lang) }</button>
                        <button type="button" class="link-button" onclick={props.on_dismiss_conflict.reform(|_: MouseEvent| ())}>{ N::ConflictKeepNewer.t(lang) }</button>
                    </div>
                </div>
            }
            { level_choice(lang, rubric, indicator, LevelChoice {
                indicator_id: &props.indicator_id,
                label: indicator.title.get(lang),
                value: value.answer,
                disabled: props.disabled,
                on_choose: &on_choose,
            }) }
            if let Some(e) = other_error {
                <p class="field-error" role="alert">{ e.field("answer").or(e.field("indicator_id")).map(String::from).unwrap_or_else(|| e.message.clone()) }</p>
            }
            <details class="notes" open={has_notes}>
                <summary>{ N::NotesSummary.t(lang) }</summary>
                <p class="evidence small"><strong>{ N::EvidenceHint.t(lang) }{ " " }</strong>{ indicator.evidence.get(lang) }</p>
                <label for={comment_id.clone()}>{ N::CommentLabel.t(lang) }</label>
                <textarea
                    id={comment_id.clone()}
                    rows="2"
                    value={value.comment.clone()}
                    disabled={props.disabled}
                    oninput={on_comment}
                    aria-invalid={comment_error.is_some().to_string()}
                    aria-describedby={comment_error.is_some().then(|| format!("{comment_id}-error"))}
                />
                if let Some(msg) = comment_error {
                    <p class="field-error" id={format!("{comment_id}-error")}>{ msg }</p>
                }
                <label for={url_id.clone()}>{ N::EvidenceLabel.t(lang) }</label>
                <input
                    id={url_id.clone()}
                    type="url"
                    inputmode="url"
                    placeholder="https://"
                    value={value.evidence_url.clone()}
                    disabled={props.disabled}
                    oninput={on_url}
                    aria-invalid={url_error.is_some().to_string()}
                    aria-describedby={url_error.is_some().then(|| format!("{url_id}-error"))}
                />
                if let Some(msg) = url_error {
                    <p class="field-error" id={format!("{url_id}-error")}>{ msg }</p>
                }
                <EvidenceFiles target={Target::Answer(props.indicator_id.clone())} editable={!props.disabled} scope={props.evidence} />
            </details>
        </article>
    }
}

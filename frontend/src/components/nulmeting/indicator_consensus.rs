//! One indicator in the team view: the spread of answers, who said what
//! (with comments), and the consensus level with a short rationale. The form
//! starts from the recorded consensus, or from the median where the team agrees.

use crate::api::ApiError;
use crate::components::evidence_files::{EvidenceFiles, Target};
use crate::components::nulmeting::distribution::Distribution;
use crate::hooks::use_lang;
use crate::i18n::nulmeting::{answer_label, N};
use crate::i18n::Text;
use rubric::assessment::api::StoredConsensus;
use rubric::assessment::{Answer, IndicatorStats, MAX_RATIONALE_CHARS};
use rubric::Level;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// One team member's answer as the card lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedAnswer {
    pub name: String,
    pub answer: Answer,
    pub comment: String,
    pub evidence_url: String,
}

#[derive(Properties, PartialEq)]
pub struct IndicatorConsensusProps {
    pub indicator_id: AttrValue,
    pub number: AttrValue,
    pub stats: IndicatorStats,
    pub answers: Vec<NamedAnswer>,
    pub consensus: Option<StoredConsensus>,
    /// The median where the team agrees.
    pub proposal: Option<Answer>,
    pub can_decide: bool,
    #[prop_or_default]
    pub saving: bool,
    #[prop_or_default]
    pub error: Option<ApiError>,
    /// Shown above the form, e.g. when someone else decided meanwhile.
    #[prop_or_default]
    pub notice: Option<AttrValue>,
    pub on_save: Callback<(Answer, String)>,
}

fn consensus_answer(c: &StoredConsensus) -> Answer {
    c.level.map_or(Answer::NotApplicable, Answer::Level)
}

#[component]
pub fn IndicatorConsensus(props: &IndicatorConsensusProps) -> Html {
    let lang = use_lang();
    let Some(rubric) = crate::hooks::rubric::use_rubric() else { return html! {} };
    let initial = props.consensus.as_ref().map(consensus_answer).or(props.proposal);
    let choice = use_state(|| initial);
    let rationale = use_state(|| props.consensus.as_ref().map(|c| c.rationale.clone()).unwrap_or_default());
    {
        // A newer decision (saved here or elsewhere) resets the form.
        let choice = choice.clone();
        let rationale = rationale.clone();
        let proposal = props.proposal;
        use_effect_with(props.consensus.clone(), move |c| {
            choice.set(c.as_ref().map(consensus_answer).or(proposal));
            rationale.set(c.as_ref().map(|c| c.rationale.clone()).unwrap_or_default());
        });
    }
    let Some((_, indicator)) = rubric.indicator(&props.indicator_id) else { return html! {} };
    let id = props.indicator_id.to_string();
    let s = &props.stats;
    let too_long = rationale.chars().count() > MAX_RATIONALE_CHARS;
    let changed = match &props.consensus {
        Some(c) => Some(consensus_answer(c)) != *choice || c.rationale != *rationale,
        None => choice.is_some(),
    };
    let on_save = {
        let cb = props.on_save.clone();
        let choice = choice.clone();
        let rationale = rationale.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(a) = *choice {
                cb.emit((a, (*rationale).clone()));
            }
        })
    };
    let on_rationale = {
        let rationale = rationale.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e.target_dyn_into::<HtmlTextAreaElement>() {
                rationale.set(t.value());
            }
        })
    };
    // A choice that is not recorded yet looks different from a recorded one.
    let unsaved = changed;
    let option = |answer: Answer, label: String| {
        let choice = choice.clone();
        let checked = *choice == Some(answer);
        let value = answer.to_string();
        html! {
            <label class={classes!("chip", checked.then_some("selected"), (checked && unsaved).then_some("unsaved"))} data-answer={answer.to_string()}>
                <input type="radio" name={format!("consensus-{id}")} value={value} checked={checked}
                    disabled={props.saving}
                    onchange={Callback::from(move |_: Event| choice.set(Some(answer)))} />
                { label }
            </label>
        }
    };
    let field_error = props.error.as_ref().and_then(|e| e.field("rationale").or(e.field("level")).map(String::from));
    let rationale_id = format!("rationale-{id}");
    html! {
        <article class={classes!("consensus-card", s.disagreement.then_some("discussion"))}
            data-indicator={id.clone()} data-decided={props.consensus.is_some().to_string()}>
            <header class="answer-head">
                <h3><span class="indicator-number">{ props.number.clone() }</span>{ indicator.title.get(lang) }</h3>
                if s.disagreement {
                    <span class="badge warn" data-testid="discussion-badge">
                        { N::SpreadBadge.t(lang).replace("{n}", &s.spread.to_string()) }
                    </span>
                }
                if let Some(c) = &props.consensus {
                    <span class="badge good" data-testid="consensus-badge">
                        { N::ConsensusIs.t(lang) }{ " " }{ answer_label(lang, Some(consensus_answer(c))) }
                    </span>
                }
            </header>
            <div class="consensus-body">
            <div class="consensus-facts">
            <Distribution stats={s.clone()} />
            if !props.answers.is_empty() {
                <details class="team-answers" open={s.disagreement}>
                    <summary>{ N::TeamAnswers.t(lang).replace("{n}", &props.answers.len().to_string()) }</summary>
                    <ul>
                        { for props.answers.iter().map(|a| html! {
                            <li>
                                <strong>{ a.name.clone() }</strong>{ ": " }{ answer_label(lang, Some(a.answer)) }
                                if !a.comment.is_empty() { <span class="muted">{ " — " }{ a.comment.clone() }</span> }
                                if !a.evidence_url.is_empty() {
                                    { " " }<a href={a.evidence_url.clone()} target="_blank" rel="noopener noreferrer">{ N::EvidenceLink.t(lang) }</a>
                                }
                            </li>
                        }) }
                    </ul>
                </details>
            }
            </div>
            <div class="consensus-decision">
            if let Some(n) = &props.notice { <p class="conflict-notice" role="alert">{ n.clone() }</p> }
            if props.can_decide {
                <form class="consensus-form" onsubmit={on_save}>
                    <fieldset>
                        <legend>{ N::ConsensusLegend.t(lang) }</legend>
                        <div class="chips">
                            { for Level::ALL.iter().map(|&l| option(Answer::Level(l), format!("{l} · {}", rubric.level_name(l).get(lang)))) }
                            { option(Answer::NotApplicable, N::NaShort.t(lang).to_string()) }
                        </div>
                    </fieldset>
                    if props.consensus.is_none() {
                        if let Some(p) = props.proposal {
                            <p class="hint small">{ N::ProposalHint.t(lang) }{ " " }{ answer_label(lang, Some(p)) }</p>
                        }
                    }
                    <label for={rationale_id.clone()}>{ N::RationaleLabel.t(lang) }</label>
                    // Several lines: the team writes down why (issue 14).
                    <div class="rationale-row">
                        <textarea id={rationale_id.clone()} rows="3" value={(*rationale).clone()} oninput={on_rationale}
                            placeholder={N::RationalePlaceholder.t(lang)} maxlength={MAX_RATIONALE_CHARS.to_string()}
                            aria-invalid={(too_long || field_error.is_some()).to_string()}
                            aria-describedby={(too_long || field_error.is_some()).then(|| format!("{rationale_id}-error"))} />
                        <button type="submit" class="button" data-testid="save-consensus"
                            disabled={props.saving || choice.is_none() || too_long || !changed}>
                            { if props.saving { N::Saving.t(lang) } else { N::SaveConsensus.t(lang) } }
                        </button>
                    </div>
                    if too_long {
                        <p class="field-error" id={format!("{rationale_id}-error")}>
                            { N::RationaleTooLong.t(lang).replace("{max}", &MAX_RATIONALE_CHARS.to_string()) }
                        </p>
                    } else if let Some(msg) = field_error {
                        <p class="field-error" id={format!("{rationale_id}-error")}>{ msg }</p>
                    } else if let Some(e) = &props.error {
                        <p class="field-error" role="alert">{ e.message.clone() }</p>
                    }
                </form>
            } else if let Some(c) = &props.consensus {
                if !c.rationale.is_empty() { <p class="rationale">{ c.rationale.clone() }</p> }
            } else {
                <p class="muted small">{ N::NoConsensusYet.t(lang) }</p>
            }
            if props.can_decide {
                if let Some(c) = &props.consensus {
                    <p class="muted small" data-testid="decided-by">
                        { N::DecidedBy.t(lang) }{ " " }{ c.decided_by.clone().unwrap_or_default() }
                    </p>
                }
            }
            <EvidenceFiles target={Target::Consensus(props.indicator_id.clone())} editable={props.can_decide} />
            </div>
            </div>
        </article>
    }
}

//! The team's answers on one measurement, aggregated here with the rubric
//! crate's own code: discussion points (a spread of two levels or more)
//! first, then every other indicator per aspect, each with its consensus.
//! Records decisions one by one, or all agreed proposals at once.

use crate::api::{self, ApiError, ErrorCode};
use crate::components::error_box::ErrorBox;
use crate::components::nulmeting::indicator_consensus::{IndicatorConsensus, NamedAnswer};
use crate::hooks::use_lang;
use crate::i18n::plural::{plural, Count};
use crate::i18n::nulmeting::{discussion_points_label, N};
use crate::i18n::Text;
use rubric::assessment::api::{ConsensusWrite, StoredConsensus, TeamView};
use rubric::assessment::{aggregate, Answer, IndicatorStats, RespondentAnswers};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Debug, Clone, Default, PartialEq)]
struct Decisions {
    /// Decisions recorded (or learned from a 409) since the page loaded.
    saved: Vec<StoredConsensus>,
    saving: Vec<String>,
    errors: Vec<(String, ApiError)>,
    /// Indicators where someone else decided in the meantime.
    overtaken: Vec<String>,
    accepting: bool,
    accept_error: Option<ApiError>,
    accepted: Option<u32>,
}

enum Act {
    Saving(String),
    Saved(StoredConsensus),
    Overtaken(String, Option<StoredConsensus>),
    Failed(String, ApiError),
    Accepting,
    Accepted(u32, Vec<StoredConsensus>),
    AcceptFailed(ApiError),
}

impl Decisions {
    fn keep(&mut self, c: StoredConsensus) {
        self.saved.retain(|s| s.indicator_id != c.indicator_id);
        self.saved.push(c);
    }

    fn clear(&mut self, id: &str) {
        self.saving.retain(|s| s != id);
        self.errors.retain(|(s, _)| s != id);
        self.overtaken.retain(|s| s != id);
    }
}

impl Reducible for Decisions {
    type Action = Act;

    fn reduce(self: Rc<Self>, action: Act) -> Rc<Self> {
        let mut d = (*self).clone();
        match action {
            Act::Saving(id) => {
                d.clear(&id);
                d.saving.push(id);
            }
            Act::Saved(c) => {
                d.clear(&c.indicator_id);
                d.keep(c);
            }
            Act::Overtaken(id, current) => {
                d.clear(&id);
                if let Some(c) = current {
                    d.keep(c);
                }
                d.overtaken.push(id);
            }
            Act::Failed(id, e) => {
                d.clear(&id);
                d.errors.push((id, e));
            }
            Act::Accepting => {
                d.accepting = true;
                d.accept_error = None;
            }
            Act::Accepted(n, all) => {
                d.accepting = false;
                d.accepted = Some(n);
                for c in all {
                    d.keep(c);
                }
            }
            Act::AcceptFailed(e) => {
                d.accepting = false;
                d.accept_error = Some(e);
            }
        }
        Rc::new(d)
    }
}

#[derive(Properties, PartialEq)]
pub struct TeamBoardProps {
    pub view: Rc<TeamView>,
}

#[component]
pub fn TeamBoard(props: &TeamBoardProps) -> Html {
    let lang = use_lang();
    let decisions = use_reducer(Decisions::default);
    let Some(rubric) = crate::hooks::rubric::use_rubric() else { return html! {} };
    let view = &props.view;
    let Some(m) = view.measurement.as_ref() else { return html! {} };
    let measurement_id = m.id;

    // The team's answers, aggregated with the same code as on the server.
    let mut respondents: Vec<RespondentAnswers> = Vec::new();
    for a in &view.answers {
        let key = a.person_id.to_string();
        match respondents.iter_mut().find(|r| r.respondent == key) {
            Some(r) => {
                r.answers.insert(a.indicator_id.clone(), a.answer);
            }
            None => respondents.push(RespondentAnswers::new(key).with(a.indicator_id.clone(), a.answer)),
        }
    }
    let agg = aggregate(rubric, &respondents);
    let name_of = |person: i64| view.members.iter().find(|p| p.person_id == person).map(|p| p.name.clone()).unwrap_or_default();
    // The decisions made here win over those loaded with the page.
    let consensus_of = |id: &str| {
        decisions
            .saved
            .iter()
            .find(|c| c.indicator_id == id)
            .or_else(|| view.consensus.iter().find(|c| c.indicator_id == id))
            .cloned()
    };
    let number_of = |id: &str| {
        rubric.aspects.iter().enumerate().find_map(|(a, aspect)| {
            aspect.indicators.iter().position(|i| i.id == id).map(|i| format!("{}.{}", a + 1, i + 1))
        })
    };
    let open_proposals = agg
        .indicators
        .iter()
        .filter(|s| consensus_of(&s.indicator_id).is_none() && s.proposed_outcome().is_some())
        .count();
    let points = agg.discussion_points();

    let card = |s: &IndicatorStats| {
        let id = s.indicator_id.clone();
        let answers: Vec<NamedAnswer> = view
            .answers
            .iter()
            .filter(|a| a.indicator_id == id)
            .map(|a| NamedAnswer {
                name: name_of(a.person_id),
                answer: a.answer,
                comment: a.comment.clone(),
                evidence_url: a.evidence_url.clone(),
            })
            .collect();
        let on_save = {
            let id = id.clone();
            let dispatcher = decisions.dispatcher();
            let version = consensus_of(&id).map_or(0, |c| c.version);
            Callback::from(move |(level, rationale): (Answer, String)| {
                let id = id.clone();
                let d = dispatcher.clone();
                d.dispatch(Act::Saving(id.clone()));
                wasm_bindgen_futures::spawn_local(async move {
                    let write = ConsensusWrite { level, rationale, version };
                    match api::nulmeting::save_consensus(measurement_id, &id, &write).await {
                        Ok(c) => d.dispatch(Act::Saved(c)),
                        Err(e) if e.code == ErrorCode::Stale => {
                            let current = e.current_as::<Option<StoredConsensus>>().flatten();
                            d.dispatch(Act::Overtaken(id, current));
                        }
                        Err(e) => d.dispatch(Act::Failed(id, e)),
                    }
                });
            })
        };
        html! {
            <IndicatorConsensus
                key={id.clone()}
                indicator_id={id.clone()}
                number={number_of(&id).unwrap_or_default()}
                stats={s.clone()}
                answers={answers}
                consensus={consensus_of(&id)}
                proposal={s.proposed_outcome()}
                can_decide={view.can_decide}
                saving={decisions.saving.contains(&id)}
                error={decisions.errors.iter().find(|(i, _)| *i == id).map(|(_, e)| e.clone())}
                notice={decisions.overtaken.contains(&id).then(|| AttrValue::from(N::ConsensusOvertaken.t(lang)))}
                on_save={on_save}
            />
        }
    };

    let accept = {
        let dispatcher = decisions.dispatcher();
        Callback::from(move |_: MouseEvent| {
            let d = dispatcher.clone();
            d.dispatch(Act::Accepting);
            wasm_bindgen_futures::spawn_local(async move {
                match api::nulmeting::accept_proposals(measurement_id).await {
                    Ok(r) => d.dispatch(Act::Accepted(r.recorded, r.consensus)),
                    Err(e) => d.dispatch(Act::AcceptFailed(e)),
                }
            });
        })
    };
    let decided = agg.indicators.iter().filter(|s| consensus_of(&s.indicator_id).is_some()).count();

    html! {
        <>
            <section class="card summary-strip" data-testid="team-summary">
                <div class="summary-figures">
                    <p><strong data-testid="discussion-count">{ points.len() }</strong>{ " " }{ discussion_points_label(points.len()).t(lang) }</p>
                    <p><strong data-testid="decided-count">{ format!("{decided}/{}", agg.indicators.len()) }</strong>{ " " }{ N::DecidedShort.t(lang) }</p>
                </div>
                if view.can_decide && open_proposals > 0 {
                    <div>
                        <button type="button" class="button secondary" data-testid="accept-proposals" disabled={decisions.accepting} onclick={accept}>
                            { N::AcceptProposals.t(lang).replace("{n}", &open_proposals.to_string()) }
                        </button>
                        <p class="muted small">{ N::AcceptProposalsHint.t(lang) }</p>
                    </div>
                }
                if let Some(n) = decisions.accepted {
                    <p class="success" role="status">{ plural(lang, n as usize, Count::IndicatorsRecorded) }</p>
                }
                if let Some(e) = decisions.accept_error.clone() { <ErrorBox error={e} /> }
            </section>
            <section class="team-section" data-testid="discussion-points">
                <h2>{ N::DiscussionPoints.t(lang) }</h2>
                <p class="muted">{ N::DiscussionPointsExplain.t(lang) }</p>
                if points.is_empty() {
                    <p class="notice" data-testid="no-discussion">{ N::NoDiscussionPoints.t(lang) }</p>
                }
                { for points.iter().copied().map(&card) }
            </section>
            <section class="team-section" data-testid="other-indicators">
                <h2>{ N::OtherIndicators.t(lang) }</h2>
                { for rubric.aspects.iter().enumerate().map(|(i, aspect)| {
                    let rest: Vec<&IndicatorStats> = agg.indicators.iter()
                        .filter(|s| s.aspect == aspect.id && !s.disagreement)
                        .collect();
                    html! {
                        if !rest.is_empty() {
                            <div class="aspect-group" data-aspect={aspect.id.key()}>
                                <h3 class="aspect-title"><span class="aspect-number">{ i + 1 }</span>{ aspect.name.get(lang) }</h3>
                                { for rest.into_iter().map(&card) }
                            </div>
                        }
                    }
                }) }
            </section>
        </>
    }
}

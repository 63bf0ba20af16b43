//! The coordinator's dashboard: for the chosen edition, per school the
//! status of each step (nulmeting respondents and completion, consensus,
//! plan submitted, open company comments) with filters, and the timeline
//! with what is overdue.

use super::for_edition;
use super::frame::edition_frame;
use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::programme::input_value;
use crate::components::programme::step_badge::step_badge;
use crate::components::programme::timeline::timeline;
use crate::hooks::edition_choice::use_edition_choice;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::dossier::{status as dossier_status, DossierLink};
use crate::i18n::programme::{track_name, P};
use crate::app::Route;
use crate::router::Link;
use crate::i18n::{pick, Text};
use rubric::programme::{filter_schools, Dashboard, SchoolFilter, SchoolProgress, StepStatus, Track, REGIONS};
use rubric::Lang;
use yew::prelude::*;

fn filter_name(f: SchoolFilter) -> P {
    match f {
        SchoolFilter::All => P::FilterAll,
        SchoolFilter::NulmetingOpen => P::FilterNulmetingOpen,
        SchoolFilter::ConsensusOpen => P::FilterConsensusOpen,
        SchoolFilter::PlanNotSubmitted => P::FilterPlanNotSubmitted,
        SchoolFilter::OpenComments => P::FilterOpenComments,
        SchoolFilter::NoSponsor => P::FilterNoSponsor,
    }
}

/// The school's award dossier: its status, a link to it once it was started.
fn dossier_cell(lang: Lang, s: &SchoolProgress) -> Html {
    use rubric::dossier::DossierStatus as DS;
    let class = match s.dossier {
        DS::NotStarted => "muted",
        DS::Submitted => "badge done",
        _ => "badge progress",
    };
    let label = html! { <span class={class} data-testid="dossier-status">{ dossier_status(lang, s.dossier) }</span> };
    if s.dossier == DS::NotStarted {
        label
    } else {
        html! { <Link to={Route::Dossier { id: s.school_id }}>{ label }</Link> }
    }
}

fn row(lang: Lang, d: &Dashboard, s: &SchoolProgress) -> Html {
    let completion = s.completion().map(|c| format!("{} %", (c * 100.0).round() as i64));
    let respondents = format!("{}/{} {}", s.submitted, s.respondents, P::Submitted.t(lang));
    html! {
        <tr data-school={s.name.clone()}>
            <th scope="row">
                <span class="school-name">{ &s.name }</span>
                <span class="muted small">{ [s.town.as_str(), s.region.as_str()].iter().filter(|x| !x.is_empty()).copied().collect::<Vec<_>>().join(" · ") }</span>
            </th>
            <td data-label={P::Sponsor.t(lang)}>{ s.company_name.clone().unwrap_or_else(|| P::NoSponsor.t(lang).to_string()) }</td>
            <td data-step="nulmeting" data-label={P::StepNulmeting.t(lang)}>
                { step_badge(lang, s.nulmeting(), s.nulmeting_overdue(&d.edition, d.today), None) }
                <span class="small muted step-detail">{ respondents }{ completion.map(|c| format!(" · {c}")).unwrap_or_default() }</span>
            </td>
            <td data-step="consensus" data-label={P::StepConsensus.t(lang)}>
                { step_badge(lang, s.consensus_status(), s.nulmeting_overdue(&d.edition, d.today),
                    (s.consensus_status() == StepStatus::InProgress).then(|| format!("{}/{}", s.consensus, s.indicators))) }
            </td>
            <td data-step="plan" data-label={P::StepPlan.t(lang)}>
                { step_badge(lang, s.plan(), s.plan_overdue(&d.edition, d.today), (s.plan_versions > 1).then(|| format!("v{}", s.plan_versions))) }
            </td>
            <td class="num" data-step="comments" data-label={P::StepComments.t(lang)}>
                if s.open_comments > 0 { <span class="badge progress">{ s.open_comments }</span> } else { <span class="muted">{ "–" }</span> }
            </td>
            <td data-step="dossier" data-label={DossierLink::Column.t(lang)}>
                { dossier_cell(lang, s) }
            </td>
        </tr>
    }
}

#[component]
pub fn DashboardPage() -> Html {
    let lang = use_lang();
    let choice = use_edition_choice();
    let id = choice.chosen.as_ref().map(|e| e.id);
    let data = use_fetch(id, |id| for_edition(id, api::programme::dashboard));
    let step = use_state(SchoolFilter::default);
    let region = use_state(String::new);
    let track = use_state(|| None::<Track>);
    let query = use_state(String::new);
    let body = match &data.state {
        Fetch::Loading => html! { <Loading /> },
        Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={data.reload.clone()} /> },
        Fetch::Ready(d) => match d.as_ref() {
            None => html! {},
            Some(d) => {
                let shown = filter_schools(&d.schools, *step, &region, *track, &query);
                let count = |f: &dyn Fn(&SchoolProgress) -> bool| d.schools.iter().filter(|s| f(s)).count();
                let card = |n: usize, of: usize, label: P, testid: &'static str| html! {
                    <div class="stat" data-testid={testid}><span class="stat-number">{ n }</span><span class="muted small">{ format!("/ {of}") }</span><span class="stat-label">{ label.t(lang) }</span></div>
                };
                let total = d.schools.len();
                let set_step = { let s = step.clone(); Callback::from(move |e: Event| s.set(SchoolFilter::from_key(&input_value(&e)).unwrap_or_default())) };
                let set_region = { let s = region.clone(); Callback::from(move |e: Event| s.set(input_value(&e))) };
                let set_track = { let s = track.clone(); Callback::from(move |e: Event| s.set(Track::from_key(&input_value(&e)))) };
                let set_query = { let s = query.clone(); Callback::from(move |e: InputEvent| s.set(input_value(&e.into()))) };
                html! {
                    <>
                    <div class="stats" data-testid="stats">
                        { card(total - count(&|s| s.company_id.is_none()), total, P::Sponsor, "stat-sponsor") }
                        { card(count(&|s| s.nulmeting() == StepStatus::Done), total, P::StepNulmeting, "stat-nulmeting") }
                        { card(count(&|s| s.consensus_status() == StepStatus::Done), total, P::StepConsensus, "stat-consensus") }
                        { card(count(&|s| s.plan() == StepStatus::Done), total, P::StepPlan, "stat-plan") }
                        <div class="stat"><span class="stat-number" data-testid="stat-comments">{ d.schools.iter().map(|s| s.open_comments).sum::<u32>() }</span><span class="stat-label">{ P::StepComments.t(lang) }</span></div>
                    </div>
                    <section class="panel">
                        <h2>{ P::Timeline.t(lang) }</h2>
                        { timeline(lang, &d.timeline) }
                    </section>
                    <section class="panel">
                            <h2>{ P::Schools.t(lang) }</h2>
                            <div class="filters" role="search">
                                <label>{ P::FilterStep.t(lang) }
                                    <select onchange={set_step} data-testid="filter-step">
                                        { for SchoolFilter::ALL.iter().map(|f| html! { <option value={f.key()} selected={*step == *f}>{ filter_name(*f).t(lang) }</option> }) }
                                    </select>
                                </label>
                                <label>{ P::Region.t(lang) }
                                    <select onchange={set_region} data-testid="filter-region">
                                        <option value="" selected={region.is_empty()}>{ P::AnyRegion.t(lang) }</option>
                                        { for REGIONS.iter().map(|r| html! { <option value={*r} selected={*region == *r}>{ *r }</option> }) }
                                    </select>
                                </label>
                                <label>{ P::Tracks.t(lang) }
                                    <select onchange={set_track} data-testid="filter-track">
                                        <option value="" selected={track.is_none()}>{ P::AnyTrack.t(lang) }</option>
                                        { for Track::ALL.iter().map(|t| html! { <option value={t.key()} selected={*track == Some(*t)}>{ track_name(*t).t(lang) }</option> }) }
                                    </select>
                                </label>
                                <label class="grow">{ P::Search.t(lang) }
                                    <input type="search" value={(*query).clone()} oninput={set_query} data-testid="filter-search" />
                                </label>
                            </div>
                            if shown.is_empty() {
                                <p class="notice">{ if total == 0 { P::NoSchools.t(lang) } else { P::NoMatches.t(lang) } }</p>
                            } else {
                                <div class="table-scroll">
                                <table class="table cards-on-phone" data-testid="school-status">
                                    <thead><tr>
                                        <th scope="col">{ P::School.t(lang) }</th>
                                        <th scope="col">{ P::Sponsor.t(lang) }</th>
                                        <th scope="col">{ P::StepNulmeting.t(lang) }</th>
                                        <th scope="col">{ P::StepConsensus.t(lang) }</th>
                                        <th scope="col">{ P::StepPlan.t(lang) }</th>
                                        <th scope="col">{ P::StepComments.t(lang) }</th>
                                        <th scope="col">{ DossierLink::Column.t(lang) }</th>
                                    </tr></thead>
                                    <tbody>{ for shown.iter().map(|s| row(lang, d, s)) }</tbody>
                                </table>
                                </div>
                            }
                            <p class="small muted" data-testid="shown-count">{ pick(lang, format!("{} van {total} scholen", shown.len()), format!("{} of {total} schools", shown.len())) }</p>
                        </section>
                    </>
                }
            }
        },
    };
    edition_frame(lang, P::DashboardTitle, "dashboard", None, &choice, body)
}

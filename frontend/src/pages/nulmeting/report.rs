//! `/schools/{id}/report`: the school's STEM profile from its consensus, as a
//! director would print it for a staff meeting: the radar of the seven
//! aspects, scores per aspect with the edition benchmark and the growth,
//! strongest and weakest indicators, a bar per indicator and the discussion
//! points. For the school's team, the coordinator and the sponsor company.

use crate::api;
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::nulmeting::indicator_bars::{BarRow, IndicatorBars};
use crate::components::nulmeting::radar_chart::{RadarChart, RadarSeries};
use crate::hooks::session::use_session;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::nulmeting::{answer_label, discussion_points_label, kind_name, unix_date, N};
use crate::i18n::submission::S;
use crate::components::answer_changes::answer_changes;
use crate::i18n::{format, Text};
use rubric::assessment::api::MeasurementReport;
use rubric::assessment::{growth, IndicatorResult, MeasurementKind, SchoolProfile};
use rubric::mapping::Comparability;
use crate::components::nulmeting::growth_across::{growth_across, GrowthAcross};
use crate::hooks::rubric::{rubric_pending, use_rubric_version, RubricLoad, RubricRef};
use crate::components::next_steps_list::{next_steps_list, NextStepsList};
use crate::i18n::rubric_versions::R;
use rubric::access;
use rubric::{AspectId, Lang};
use yew::prelude::*;
use crate::router::*;

#[derive(Properties, PartialEq)]
pub struct SchoolReportPageProps {
    pub school_id: i64,
}

fn score(lang: Lang, v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |v| format::level_score(lang, v))
}

fn signed(lang: Lang, v: Option<f64>) -> String {
    match v {
        Some(d) if d > 0.0 => format!("+{}", format::level_score(lang, d)),
        Some(d) => format::level_score(lang, d),
        None => "–".to_string(),
    }
}

/// The profile of a measurement with a consensus, computed by the rubric
/// crate on the rubric the measurement was answered on.
fn profile_of(m: Option<&MeasurementReport>, rubric: Option<&rubric::Rubric>) -> Option<SchoolProfile> {
    m.filter(|m| !m.consensus.is_empty()).zip(rubric).map(|(m, rubric)| SchoolProfile::from_consensus(rubric, &m.consensus))
}

fn ranked_list(lang: Lang, rubric: &rubric::Rubric, items: &[&IndicatorResult], testid: &'static str) -> Html {
    html! {
        <ol class="ranked" data-testid={testid}>
            { for items.iter().map(|r| {
                let title = rubric.indicator(&r.indicator_id).map(|(_, i)| i.title.get(lang).to_string()).unwrap_or_default();
                let aspect = rubric.aspect(r.aspect).map(|a| a.name.get(lang).to_string()).unwrap_or_default();
                html! {
                    <li data-indicator={r.indicator_id.clone()}>
                        <span class="ranked-text">
                            <span class="ranked-title">{ title }</span>
                            <span class="muted small">{ aspect }</span>
                        </span>
                        <span class="ranked-level">{ answer_label(lang, r.outcome) }</span>
                    </li>
                }
            }) }
        </ol>
    }
}

#[component]
pub fn SchoolReportPage(props: &SchoolReportPageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let fetch = use_fetch(props.school_id, api::nulmeting::report);
    // The rubric of each measurement, fetched (a v1 baseline and a v2 final
    // need both).
    let version = |f: fn(&rubric::assessment::api::SchoolReport) -> Option<&MeasurementReport>| {
        fetch.data().and_then(|r| f(r)).map(|m| m.measurement.rubric_version)
    };
    let (baseline_load, baseline_retry) = use_rubric_version(version(|r| r.baseline.as_ref()));
    let (final_load, final_retry) = use_rubric_version(version(|r| r.final_measurement.as_ref()));
    let next_steps = crate::hooks::rubric::use_next_steps();
    let report = match &fetch.state {
        Fetch::Loading => return html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => {
            return html! {
                <section class="page" data-testid="report-page">
                    <h1>{ N::ReportTitle.t(lang) }</h1>
                    if e.status == 404 || e.status == 403 {
                        <p class="notice" data-testid="report-unavailable">{ N::ReportNotYours.t(lang) }</p>
                    } else {
                        <ErrorBox error={e.clone()} on_retry={fetch.reload.clone()} />
                    }
                </section>
            }
        }
        Fetch::Ready(r) => r.clone(),
    };
    let leads_or_coordinator = session.state.me().is_some_and(|me| {
        let relation = access::relation_to_school(me, props.school_id, None);
        access::may(me.role, relation, access::Action::LeadNulmeting).is_allowed()
    });
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let baseline = report.baseline.as_ref();
    let ready = |load: &RubricLoad| match load {
        RubricLoad::Ready(r) => Some(r.0),
        _ => None,
    };
    let pending = [(baseline.is_some(), &baseline_load, &baseline_retry), (report.final_measurement.is_some(), &final_load, &final_retry)]
        .into_iter()
        .filter(|(needed, ..)| *needed)
        .find_map(|(_, load, retry)| rubric_pending(lang, load, retry));
    if let Some(pending) = pending {
        return html! { <section class="page" data-testid="report-page">{ pending }</section> };
    }
    let baseline_rubric = ready(&baseline_load);
    let final_rubric = ready(&final_load);
    let baseline_profile = profile_of(baseline, baseline_rubric);
    let final_profile = profile_of(report.final_measurement.as_ref(), final_rubric);
    // The rubric the page shows: the final's once it has a result.
    let Some(rubric) = (if final_profile.is_some() { final_rubric } else { baseline_rubric.or(final_rubric) }) else {
        return html! { <section class="page" data-testid="report-page"><p class="notice" data-testid="no-profile">{ N::NoProfileYet.t(lang) }</p></section> };
    };
    // Growth within one version here; across versions the server's, through the mapping.
    let growth = baseline_profile
        .as_ref()
        .zip(final_profile.as_ref())
        .filter(|(b, f)| b.rubric_version == f.rubric_version)
        .map(|(b, f)| growth(b, f));
    let across = &report.growth_across;
    let head = html! {
        <header class="report-head">
            <div>
                <p class="eyebrow">{ N::ReportEyebrow.t(lang) }{ " · " }{ report.edition_name.clone() }</p>
                <h1 data-testid="report-school">{ report.school_name.clone() }</h1>
                <p class="muted">
                    { report.town.clone() }
                    if let Some(c) = &report.company_name { { " · " }{ N::Sponsor.t(lang) }{ " " }{ c.clone() } }
                </p>
            </div>
            <div class="report-actions no-print">
                if leads_or_coordinator {
                    <Link to={Route::SchoolTeam { id: report.school_id }} classes="button secondary">{ N::ToTeam.t(lang) }</Link>
                }
                <button type="button" class="button secondary" onclick={print} data-testid="print">{ N::Print.t(lang) }</button>
            </div>
        </header>
    };
    // The blind rule: a member who has not submitted their own sheet sees
    // no team result, and is told why.
    if baseline.is_some_and(|b| b.blind) && final_profile.is_none() {
        return html! {
            <article class="page report-page" data-testid="report-page">
                { head }
                <p class="notice" data-testid="report-blind">
                    { S::BlindReport.t(lang) }{ " " }
                    <Link to={Route::Nulmeting}>{ S::ToMySheet.t(lang) }</Link>
                </p>
            </article>
        };
    }
    let main_part = if final_profile.is_some() { report.final_measurement.as_ref() } else { baseline };
    let Some((main, profile)) = main_part.zip(final_profile.as_ref().or(baseline_profile.as_ref())) else {
        return html! {
            <article class="page report-page" data-testid="report-page">
                { head }
                <p class="notice" data-testid="no-profile">
                    { N::NoProfileYet.t(lang) }
                    if let Some(b) = baseline { { " " }{ N::DecidedSoFar.t(lang).replace("{n}", &b.consensus.len().to_string()).replace("{total}", &rubric.indicator_count().to_string()) } }
                </p>
            </article>
        };
    };
    let baseline_profile = baseline_profile.as_ref();
    let final_profile = final_profile.as_ref();
    let bench = |i: usize| report.benchmark.get(i).copied().flatten();
    let bench_shown = report.benchmark.iter().any(Option::is_some);

    // Radar: the nulmeting, the eindmeting, the edition's median.
    let axes: Vec<String> = rubric.aspects.iter().map(|a| a.name.get(lang).to_string()).collect();
    let values = |p: &SchoolProfile| AspectId::ALL.iter().map(|&a| p.aspect_score(a)).collect::<Vec<_>>();
    let mut series = Vec::new();
    if bench_shown {
        series.push(RadarSeries {
            label: N::BenchmarkLegend.t(lang).to_string(),
            values: (0..AspectId::ALL.len()).map(bench).collect(),
            color: (120, 130, 140),
            filled: false,
            dashed: true,
        });
    }
    if let Some(p) = baseline_profile {
        series.push(RadarSeries {
            label: kind_name(MeasurementKind::Baseline).t(lang).to_string(),
            values: values(p),
            color: (11, 93, 107),
            filled: true,
            dashed: false,
        });
    }
    if let Some(p) = final_profile {
        series.push(RadarSeries {
            label: kind_name(MeasurementKind::Final).t(lang).to_string(),
            values: values(p),
            color: (214, 120, 0),
            filled: true,
            dashed: false,
        });
    }
    let legend = series.clone();

    let strongest = profile.strongest(3);
    // Growth opportunities only where the level is below the strongest ones.
    let top = strongest.first().and_then(|s| s.level());
    let weakest: Vec<&IndicatorResult> = profile
        .weakest(6)
        .into_iter()
        .filter(|w| !strongest.iter().any(|s| s.indicator_id == w.indicator_id) && w.level() < top)
        .take(3)
        .collect();
    let rows: Vec<BarRow> = rubric
        .indicators()
        .map(|(_, ind)| {
            let find = |p: Option<&SchoolProfile>| {
                p.and_then(|p| p.indicators.iter().find(|r| r.indicator_id == ind.id)).and_then(|r| r.outcome)
            };
            let crossed = across.iter().find(|g| g.indicator_id == ind.id);
            BarRow {
                indicator_id: ind.id.clone(),
                baseline: match crossed {
                    Some(g) if g.comparability == Comparability::Comparable => g.baseline.map(rubric::assessment::Answer::Level),
                    Some(_) => None,
                    None => find(baseline_profile),
                },
                final_outcome: find(final_profile),
                delta: match crossed {
                    Some(g) => g.delta,
                    None => growth.as_ref().and_then(|g| g.indicator_delta(&ind.id)),
                },
            }
        })
        .collect();
    let points_of: &MeasurementReport = main;
    let rationale = |id: &str| {
        points_of.consensus.iter().find(|c| c.indicator_id == id).map(|c| (c.level, c.rationale.clone()))
    };

    html! {
        <article class="page report-page" data-testid="report-page">
            { head }
            <section class="report-figures" data-testid="report-figures">
                <div class="figure">
                    <span class="figure-value" data-testid="overall">{ score(lang, profile.overall) }</span>
                    <span class="figure-label">{ N::OverallScore.t(lang) }</span>
                </div>
                <div class="figure">
                    <span class="figure-value">{ format!("{}/{}", main.consensus.len(), rubric.indicator_count()) }</span>
                    <span class="figure-label">{ N::IndicatorsDecided.t(lang) }</span>
                </div>
                <div class="figure">
                    <span class="figure-value">{ main.respondents }</span>
                    <span class="figure-label">{ N::Respondents.t(lang) }</span>
                </div>
                <div class="figure">
                    <span class="figure-value">{ main.discussion_points.len() }</span>
                    <span class="figure-label">{ discussion_points_label(main.discussion_points.len()).t(lang) }</span>
                </div>
                if let Some(g) = growth.as_ref().and_then(|g| g.overall) {
                    <div class="figure">
                        <span class="figure-value" data-testid="overall-growth">{ signed(lang, Some(g)) }</span>
                        <span class="figure-label">{ N::Growth.t(lang) }</span>
                    </div>
                }
            </section>
            <div class="report-grid">
                <figure class="radar-figure">
                    <RadarChart axes={axes} series={series} label={N::RadarLabel.t(lang)} />
                    <figcaption class="legend">
                        { for legend.iter().map(|s| html! {
                            <span class="legend-item">
                                <span class={classes!("swatch", s.dashed.then_some("dashed"))}
                                    style={format!("border-color:rgb({},{},{});background:{}", s.color.0, s.color.1, s.color.2,
                                        if s.filled { format!("rgba({},{},{},.25)", s.color.0, s.color.1, s.color.2) } else { "transparent".into() })}></span>
                                { s.label.clone() }
                            </span>
                        }) }
                    </figcaption>
                </figure>
                <div class="aspect-table-wrap">
                    <table class="data-table aspect-table cards-on-phone" data-testid="aspect-table">
                        <thead>
                            <tr>
                                <th scope="col">{ N::Aspect.t(lang) }</th>
                                <th scope="col" class="num">{ kind_name(MeasurementKind::Baseline).t(lang) }</th>
                                if final_profile.is_some() {
                                    <th scope="col" class="num">{ kind_name(MeasurementKind::Final).t(lang) }</th>
                                    <th scope="col" class="num">{ N::Growth.t(lang) }</th>
                                }
                                <th scope="col" class="num">{ N::BenchmarkColumn.t(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for rubric.aspects.iter().enumerate().map(|(i, a)| html! {
                                <tr data-aspect={a.id.key()}>
                                    <th scope="row">{ a.name.get(lang) }</th>
                                    <td class="num" data-testid="baseline-score" data-label={kind_name(MeasurementKind::Baseline).t(lang)}>{ score(lang, baseline_profile.and_then(|p| p.aspect_score(a.id))) }</td>
                                    if let Some(f) = final_profile {
                                        <td class="num" data-testid="final-score" data-label={kind_name(MeasurementKind::Final).t(lang)}>{ score(lang, f.aspect_score(a.id)) }</td>
                                        <td class="num delta-cell" data-testid="growth" data-label={N::Growth.t(lang)}>{ signed(lang, growth.as_ref().and_then(|g| g.aspect_delta(a.id))) }</td>
                                    }
                                    <td class="num" data-testid="benchmark" data-label={N::BenchmarkColumn.t(lang)}>{ score(lang, bench(i)) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    <p class="muted small" data-testid="benchmark-note">
                        if bench_shown {
                            { N::BenchmarkShown.t(lang).replace("{n}", &report.benchmark_schools.to_string()) }
                        } else {
                            { N::BenchmarkHidden.t(lang).replace("{min}", &rubric::assessment::BENCHMARK_MIN_SCHOOLS.to_string()).replace("{n}", &report.benchmark_schools.to_string()) }
                        }
                    </p>
                    <p class="muted small">{ N::ScoreExplain.t(lang) }</p>
                </div>
            </div>
            <div class="two-columns">
                <section>
                    <h2>{ N::Strongest.t(lang) }</h2>
                    { ranked_list(lang, rubric, &strongest, "strongest") }
                </section>
                <section>
                    <h2>{ N::Weakest.t(lang) }</h2>
                    if weakest.is_empty() {
                        <p class="muted" data-testid="weakest">{ N::AllEven.t(lang) }</p>
                    } else {
                        { ranked_list(lang, rubric, &weakest, "weakest") }
                    }
                </section>
            </div>
            if let Some(steps) = next_steps.filter(|_| !weakest.is_empty()) {
                <section class="report-section no-print" data-testid="report-next-steps">
                    <h2>{ R::StepsTitle.t(lang) }</h2>
                    <p class="muted">{ R::StepsLead.t(lang) }</p>
                    { for weakest.iter().filter_map(|w| w.level().map(|l| (w, l))).map(|(w, level)| html! {
                        <div class="next-steps-block">
                            <h3>{ rubric::names::indicator_label(&w.indicator_id, lang) }{ " · " }{ answer_label(lang, w.outcome) }</h3>
                            { next_steps_list(lang, NextStepsList { steps: steps.clone(), version: profile.rubric_version, indicator_id: w.indicator_id.clone().into(), level, on_draft: None }) }
                        </div>
                    }) }
                </section>
            }
            <section class="report-section indicators-section">
                <h2>{ N::PerIndicator.t(lang) }</h2>
                <ContextProvider<RubricRef> context={RubricRef(rubric)}>
                    <IndicatorBars rows={rows} with_final={final_profile.is_some()} />
                </ContextProvider<RubricRef>>
            </section>
            if !across.is_empty() {
                { growth_across(lang, GrowthAcross {
                    rows: across,
                    from: baseline_profile.map_or(0, |p| p.rubric_version),
                    to: final_profile.map_or(0, |p| p.rubric_version),
                }) }
            }
            <section class="report-section" data-testid="report-discussion">
                <h2>{ N::DiscussionPoints.t(lang) }{ " · " }{ kind_name(main.measurement.kind).t(lang) }</h2>
                if main.discussion_points.is_empty() {
                    <p class="muted">{ N::NoDiscussionPointsReport.t(lang) }</p>
                } else {
                    <table class="data-table cards-on-phone discussion-table">
                        <thead>
                            <tr>
                                <th scope="col">{ N::Indicator.t(lang) }</th>
                                <th scope="col" class="num">{ N::Range.t(lang) }</th>
                                <th scope="col" class="num">{ N::Median.t(lang) }</th>
                                <th scope="col">{ N::ConsensusColumn.t(lang) }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for main.discussion_points.iter().map(|s| {
                                let title = rubric.indicator(&s.indicator_id).map(|(_, i)| i.title.get(lang).to_string()).unwrap_or_default();
                                let decided = rationale(&s.indicator_id);
                                html! {
                                    <tr data-indicator={s.indicator_id.clone()}>
                                        <th scope="row">{ title }</th>
                                        <td class="num" data-label={N::Range.t(lang)}>{ match (s.min, s.max) { (Some(lo), Some(hi)) => format!("{lo}–{hi}"), _ => "–".into() } }</td>
                                        <td class="num" data-label={N::Median.t(lang)}>{ score(lang, s.median) }</td>
                                        <td data-label={N::ConsensusColumn.t(lang)}>
                                            if let Some((level, why)) = decided {
                                                <span><strong>{ answer_label(lang, Some(level.map_or(rubric::assessment::Answer::NotApplicable, rubric::assessment::Answer::Level))) }</strong>
                                                if !why.is_empty() { <span class="muted">{ " — " }{ why }</span> }</span>
                                            } else {
                                                <span class="muted">{ N::NoConsensusYet.t(lang) }</span>
                                            }
                                        </td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                }
            </section>
            { answer_changes(lang, &main.changes) }
            <footer class="report-foot muted small">
                { N::ReportFooter.t(lang).replace("{version}", &profile.rubric_version.to_string()) }
                { " · " }{ kind_name(main.measurement.kind).t(lang) }{ " " }{ unix_date(lang, main.measurement.opened_at) }
            </footer>
        </article>
    }
}

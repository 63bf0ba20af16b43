//! `/region/:id/portrait`: the region portrait. Pupil numbers (imported
//! from CSV with a preview), as tables and a chart with the expected
//! development; progression figures; facilities and networks; the region's
//! nulmeting profile (min-5 rule: no school named, nothing under 5).

use super::run_change;
use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::form::event_value;
use crate::components::loading::Loading;
use crate::components::region::portrait_tables::PortraitTables;
use crate::components::region::pupil_import::PupilImportForm;
use crate::components::region::trend_chart::TrendChart;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::regions::{facility_name, first_field_error, progression_error, progression_name, region_error, school_year, R};
use crate::i18n::{format, Text};
use rubric::assessment::AspectBenchmark;
use rubric::region::portrait::{parse_pupils, validate_facility, validate_progression, FacilityInput, FacilityKind, Portrait, ProgressionError, ProgressionInput, ProgressionKind};
use rubric::region::{validate_region, RegionInput};
use crate::components::region::markup::{cell, col, text_field, TextField};
use yew::prelude::*;
use crate::router::*;

#[derive(Properties, PartialEq)]
pub struct PortraitPageProps {
    pub id: i64,
}

#[component]
pub fn PortraitPage(props: &PortraitPageProps) -> Html {
    let lang = use_lang();
    let id = props.id;
    let fetch = use_fetch(id, api::regions::portrait);
    let busy = use_state(|| false);
    let error = use_state(|| None::<ApiError>);
    let figure = use_state(ProgressionInput::default);
    let facility = use_state(FacilityInput::default);
    // Each form's own check before sending, in the reader's language at
    // the field it is about: (the field's id, the message).
    let figure_local = use_state(|| None::<(&'static str, String)>);
    let facility_local = use_state(|| None::<(&'static str, String)>);
    let run = {
        let (busy, error, reload) = (busy.clone(), error.clone(), fetch.reload.clone());
        move |change: super::Change| run_change(change, busy.clone(), error.clone(), reload.clone())
    };
    let p: std::rc::Rc<Portrait> = match &fetch.state {
        Fetch::Loading => return html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => return html! { <section class="page"><ErrorBox error={e.clone()} on_retry={fetch.reload.clone()} /></section> },
        Fetch::Ready(p) => p.clone(),
    };
    let add_figure = {
        let (run, figure, local) = (run.clone(), figure.clone(), figure_local.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (input, figure) = ((*figure).clone(), figure.clone());
            if let Err(e) = validate_progression(&input) {
                let field = match &e {
                    ProgressionError::BadYear { .. } => "fig-year",
                    ProgressionError::Count(_) if parse_pupils(&input.leavers).is_err() => "fig-leavers",
                    ProgressionError::Count(_) | ProgressionError::MoreContinuedThanLeavers { .. } => "fig-continued",
                };
                local.set(Some((field, progression_error(lang, &e))));
                return;
            }
            local.set(None);
            run(Box::pin(async move {
                api::regions::add_progression(id, &input).await?;
                figure.set(ProgressionInput::default());
                Ok(())
            }));
        })
    };
    let add_facility = {
        let (run, facility, local) = (run.clone(), facility.clone(), facility_local.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (input, facility) = ((*facility).clone(), facility.clone());
            if let Err(e) = validate_facility(&input) {
                let name_ok = validate_region(&RegionInput { name: input.name.clone() }).is_ok();
                local.set(Some((if name_ok { "fac-note" } else { "fac-name" }, region_error(lang, &e))));
                return;
            }
            local.set(None);
            run(Box::pin(async move {
                api::regions::add_facility(id, &input).await?;
                facility.set(FacilityInput::default());
                Ok(())
            }));
        })
    };
    let remove = |what: bool, item: i64| {
        let run = run.clone();
        Callback::from(move |_: MouseEvent| {
            if crate::components::programme::confirm(R::ConfirmRemove.t(lang)) {
                run(Box::pin(async move {
                    if what { api::regions::remove_progression(id, item).await.map(|_| ()) } else { api::regions::remove_facility(id, item).await.map(|_| ()) }
                }));
            }
        })
    };
    let text_input = |state: &UseStateHandle<ProgressionInput>, set: fn(&mut ProgressionInput, String)| {
        let state = state.clone();
        move |e: InputEvent| {
            let mut next = (*state).clone();
            set(&mut next, event_value(&e.into()));
            state.set(next);
        }
    };
    let at = |id: &str| {
        [&figure_local, &facility_local].into_iter().find_map(|l| (**l).as_ref().filter(|(field, _)| *field == id).map(|(_, m)| m.clone()))
    };
    let (year_error, leavers_error, continued_error) = (at("fig-year"), at("fig-leavers"), at("fig-continued"));
    let (fac_name_error, fac_note_error) = (at("fac-name"), at("fac-note"));
    // The server's refusal: a field problem in the reader's words, any
    // other refusal as the error box words it (by its code).
    let field_problem = (*error).as_ref().and_then(|e| first_field_error(lang, e));
    html! {
        <section class="page" data-testid="portrait-page">
            <p><Link to={Route::Region { id }}>{ R::BackToRegion.t(lang) }</Link></p>
            <h1>{ R::Portrait.t(lang) }</h1>
            <PupilImportForm region={id} on_saved={fetch.reload.clone()} />
            <section class="panel" data-testid="portrait-numbers">
                <h2>{ R::PupilNumbers.t(lang) }</h2>
                <TrendChart summary={p.summary.clone()} />
                <PortraitTables summary={p.summary.clone()} />
            </section>
            if let Some(m) = field_problem {
                <p class="error-box" role="alert" data-testid="portrait-error">{ m }</p>
            } else if let Some(e) = (*error).as_ref() {
                <div data-testid="portrait-error"><ErrorBox error={e.clone()} /></div>
            }
            <section class="panel" data-testid="progression">
                <h2>{ R::Progression.t(lang) }</h2>
                if p.progression.is_empty() {
                    <p class="muted">{ R::NoProgression.t(lang) }</p>
                } else {
                    <table class="cards-on-phone">
                        <thead><tr>{ col(R::Kind.t(lang)) }{ col(R::Year.t(lang)) }{ col(R::Leavers.t(lang)) }
                            { col(R::Continued.t(lang)) }{ col(R::Share.t(lang)) }<th scope="col"><span class="visually-hidden">{ R::Remove.t(lang) }</span></th></tr></thead>
                        <tbody>
                            { for p.progression.iter().map(|f| html! {
                                <tr key={f.id}>
                                    { cell(R::Kind.t(lang), html! { { progression_name(lang, f.kind) } }) }
                                    { cell(R::Year.t(lang), html! { { school_year(f.year) } }) }
                                    { cell(R::Leavers.t(lang), html! { { f.leavers } }) }
                                    { cell(R::Continued.t(lang), html! { { f.continued } }) }
                                    { cell(R::Share.t(lang), html! { { f.percent().map(|p| format!("{p} %")).unwrap_or_else(|| "–".into()) } }) }
                                    <td><button type="button" class="link-button" onclick={remove(true, f.id)} disabled={*busy}>{ R::Remove.t(lang) }</button></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
                <form class="inline-form" onsubmit={add_figure}>
                    <label for="fig-kind">{ R::Kind.t(lang) }</label>
                    <select id="fig-kind" onchange={ let s = figure.clone(); move |e: Event| {
                        s.set(ProgressionInput { kind: ProgressionKind::from_key(&event_value(&e)).unwrap_or_default(), ..(*s).clone() });
                    } }>
                        { for ProgressionKind::ALL.iter().map(|k| html! { <option value={k.key()} selected={figure.kind == *k}>{ progression_name(lang, *k) }</option> }) }
                    </select>
                    { text_field(TextField { id: "fig-year", label: R::Year.t(lang), value: figure.year.clone(), error: year_error, numeric: true, placeholder: "2024-2025", ..Default::default() },
                        Callback::from(text_input(&figure, |f, v| f.year = v))) }
                    { text_field(TextField { id: "fig-leavers", label: R::Leavers.t(lang), value: figure.leavers.clone(), error: leavers_error, numeric: true, ..Default::default() },
                        Callback::from(text_input(&figure, |f, v| f.leavers = v))) }
                    { text_field(TextField { id: "fig-continued", label: R::Continued.t(lang), value: figure.continued.clone(), error: continued_error, numeric: true, ..Default::default() },
                        Callback::from(text_input(&figure, |f, v| f.continued = v))) }
                    <button type="submit" class="button secondary" disabled={*busy}>{ R::AddFigure.t(lang) }</button>
                </form>
            </section>
            <section class="panel" data-testid="facilities">
                <h2>{ R::Facilities.t(lang) }</h2>
                if p.facilities.is_empty() {
                    <p class="muted">{ R::NoFacilities.t(lang) }</p>
                } else {
                    <ul>
                        { for p.facilities.iter().map(|f| html! {
                            <li key={f.id}>{ format!("{} ({})", f.name, facility_name(lang, f.kind)) }
                                if !f.note.is_empty() { { format!(": {}", f.note) } }
                                { " " }<button type="button" class="link-button" onclick={remove(false, f.id)} disabled={*busy}
                                    aria-label={format!("{} {}", R::Remove.t(lang), f.name)}>{ R::Remove.t(lang) }</button>
                            </li>
                        }) }
                    </ul>
                }
                <form class="inline-form" onsubmit={add_facility}>
                    <label for="fac-kind">{ R::Kind.t(lang) }</label>
                    <select id="fac-kind" onchange={ let s = facility.clone(); move |e: Event| {
                        s.set(FacilityInput { kind: FacilityKind::from_key(&event_value(&e)).unwrap_or_default(), ..(*s).clone() });
                    } }>
                        { for FacilityKind::ALL.iter().map(|k| html! { <option value={k.key()} selected={facility.kind == *k}>{ facility_name(lang, *k) }</option> }) }
                    </select>
                    { text_field(TextField { id: "fac-name", label: R::Name.t(lang), value: facility.name.clone(), error: fac_name_error, max: "120", ..Default::default() },
                        { let s = facility.clone(); Callback::from(move |e: InputEvent| s.set(FacilityInput { name: event_value(&e.into()), ..(*s).clone() })) }) }
                    { text_field(TextField { id: "fac-note", label: R::Note.t(lang), value: facility.note.clone(), error: fac_note_error, max: "500", ..Default::default() },
                        { let s = facility.clone(); Callback::from(move |e: InputEvent| s.set(FacilityInput { note: event_value(&e.into()), ..(*s).clone() })) }) }
                    <button type="submit" class="button secondary" disabled={*busy}>{ R::AddFacility.t(lang) }</button>
                </form>
            </section>
            <section class="panel" data-testid="region-profile">
                <h2>{ R::Profile.t(lang) }</h2>
                <table class="cards-on-phone">
                    <thead><tr>{ col(R::Aspect.t(lang)) }{ col(R::Median.t(lang)) }</tr></thead>
                    <tbody>
                        { for p.profile.aspects.iter().map(|a| html! {
                            <tr>
                                { cell(R::Aspect.t(lang), html! { { rubric::names::aspect_name(a.aspect(), lang) } }) }
                                { cell(R::Median.t(lang), html! { { match a {
                                    AspectBenchmark::Shown { median, schools, .. } => format!("{} ({schools} {})", format::level_score(lang, *median), R::SchoolsCounted.t(lang)),
                                    AspectBenchmark::Hidden { .. } => "–".to_string(),
                                } } }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
                if p.profile.aspects.iter().any(|a| a.median().is_none()) {
                    <p class="small muted" data-testid="profile-hidden">{ R::ProfileHidden.t(lang) }</p>
                }
            </section>
        </section>
    }
}

//! `/region/:id/plan`: the regional coordinator writes the region's plan:
//! goals (a learning route names its sending and receiving school) and
//! actions under them with their owner organisation, budget and the
//! companies' contributions; the live cofinancing panel shows the share
//! against the threshold while an action is typed. The programme
//! coordinator reads. Every write sends the version it was based on; a
//! stale write shows the other version with "keep mine" / "take theirs".
//! An open goal or action form is kept on the device as typed, so a reload
//! (or a closed tab) brings it back open; saving or cancelling ends it.

use crate::api;
use crate::api::{ApiError, ErrorCode, FieldCode};
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::regional_plan::action_form::RegionalActionForm;
use crate::components::regional_plan::cofinancing_panel::CofinancingPanel;
use crate::components::regional_plan::goal_form::RegionalGoalForm;
use crate::hooks::regional_draft::{check_action, check_goal, preview, ActionDraft, Errors};
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::regional_plan::RP;
use crate::i18n::{Lang, Text};
use rubric::plan::money::format_euro;
use rubric::regional_plan::view::{RegionalActionWrite, RegionalGoalWrite, RegionalPlanPage};
use rubric::regional_plan::{RegionalAction, RegionalGoal, RegionalGoalInput, RouteInput};
use std::rc::Rc;
use yew::prelude::*;
use crate::router::*;

/// What is open on the page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
enum Open {
    Goal { id: Option<i64>, version: i64, input: RegionalGoalInput },
    Action { goal_id: i64, id: Option<i64>, version: i64, draft: ActionDraft },
    Delete { is_goal: bool, id: i64, version: i64 },
}

/// The other person's version after a stale write, in words.
#[derive(Debug, Clone, PartialEq)]
struct Stale {
    version: i64,
    summary: String,
    theirs: Open,
}

#[derive(Properties, PartialEq)]
pub struct RegionalPlanProps {
    pub id: i64,
}

#[component]
pub fn RegionalPlanRoute(props: &RegionalPlanProps) -> Html {
    let fetch = use_fetch(props.id, api::regional_plan::page);
    // The reader names the form kept on the device: the editor waits for
    // the session, so a reload finds the right one whichever answer comes
    // first.
    let me = crate::hooks::session::use_session().state.me().map(|m| (m.id, m.role));
    match &fetch.state {
        Fetch::Loading => html! { <section class="page"><Loading /></section> },
        Fetch::Failed(e) => html! {
            <section class="page narrow" data-testid="regional-plan-refused">
                <ErrorBox error={e.clone()} on_retry={(e.status == 0).then(|| fetch.reload.clone())} />
            </section>
        },
        Fetch::Ready(page) => match me {
            Some((reader, role)) => html! { <RegionalPlanEditor page={page.clone()} reload={fetch.reload.clone()} {reader} {role} /> },
            None => html! { <section class="page"><Loading /></section> },
        },
    }
}

/// Where this reader's open form for this region is kept on the device.
fn draft_key(reader: i64, region: i64) -> String {
    format!("stempact.regional-plan.{reader}.{region}")
}

/// The form left open here, if any (a delete question is not kept).
fn stored_form(key: &str) -> Option<Open> {
    crate::storage::load::<Open>(key).filter(|o| !matches!(o, Open::Delete { .. }))
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub page: Rc<RegionalPlanPage>,
    pub reload: Callback<()>,
    /// Who reads: their open form is kept under their id.
    pub reader: i64,
    pub role: rubric::people::Role,
}

fn owner_name(page: &RegionalPlanPage, a: &RegionalAction) -> String {
    page.directory.name(a.owner).map(str::to_string).unwrap_or_else(|| format!("{} {}", a.owner.kind_key(), a.owner.id()))
}

fn route_text(page: &RegionalPlanPage, g: &RegionalGoal) -> Option<String> {
    let name = |id: i64| page.directory.schools.get(&id).cloned().unwrap_or_else(|| id.to_string());
    g.route.map(|r| format!("{} → {}", name(r.sending_school_id), name(r.receiving_school_id)))
}

fn goal_summary(page: &RegionalPlanPage, g: &RegionalGoal, lang: Lang) -> String {
    match route_text(page, g) {
        Some(route) => format!("{} ({}: {route})", g.title, RP::RouteLabel.t(lang)),
        None => g.title.clone(),
    }
}

fn action_summary(page: &RegionalPlanPage, a: &RegionalAction, lang: Lang) -> String {
    format!("{} · {} · {} {}", a.description, owner_name(page, a), RP::Budget.t(lang), format_euro(a.budget_cents, lang))
}

#[component]
pub fn RegionalPlanEditor(props: &EditorProps) -> Html {
    let lang = use_lang();
    // A school's plan opens for the programme coordinator; a regional
    // coordinator may not read it (403), so they see the name only.
    let opens_plans = props.role == rubric::people::Role::Coordinator;
    let page = props.page.clone();
    let key = draft_key(props.reader, page.region_id);
    let open = {
        let (key, may_edit) = (key.clone(), page.may_edit);
        use_state(move || if may_edit { stored_form(&key) } else { None })
    };
    // The open form as typed stays on the device until it is saved or
    // cancelled.
    use_effect_with((*open).clone(), move |o| {
        crate::storage::keep(&key, o, !matches!(o, Some(Open::Goal { .. } | Open::Action { .. })))
    });
    let errors = use_state(Errors::new);
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let stale = use_state(|| None::<Stale>);
    let notice = use_state(|| None::<RP>);
    let region = page.region_id;
    let may_edit = page.may_edit;

    let set_open = {
        let (open, errors, stale, failure) = (open.clone(), errors.clone(), stale.clone(), failure.clone());
        Callback::from(move |o: Option<Open>| {
            open.set(o);
            errors.set(Errors::new());
            stale.set(None);
            failure.set(None);
        })
    };
    let done = {
        let (set_open, busy, notice, reload) = (set_open.clone(), busy.clone(), notice.clone(), props.reload.clone());
        move |what: RP| {
            busy.set(false);
            set_open.emit(None);
            notice.set(Some(what));
            reload.emit(());
        }
    };
    let failed = {
        let (busy, errors, failure, stale, page) = (busy.clone(), errors.clone(), failure.clone(), stale.clone(), page.clone());
        move |e: ApiError, current: &Open| {
            busy.set(false);
            if e.code == ErrorCode::Stale {
                let theirs = match current {
                    Open::Goal { id, .. } => e.current_as::<RegionalGoal>().map(|g| Stale {
                        version: g.version,
                        summary: goal_summary(&page, &g, lang),
                        theirs: Open::Goal { id: *id, version: g.version, input: RegionalGoalInput::from(&g) },
                    }),
                    Open::Action { goal_id, id, .. } => e.current_as::<RegionalAction>().map(|a| Stale {
                        version: a.version,
                        summary: action_summary(&page, &a, lang),
                        theirs: Open::Action { goal_id: *goal_id, id: *id, version: a.version, draft: ActionDraft::of(&a, lang) },
                    }),
                    Open::Delete { is_goal, id, .. } => {
                        let v = if *is_goal { e.current_as::<RegionalGoal>().map(|g| (g.version, goal_summary(&page, &g, lang))) } else { e.current_as::<RegionalAction>().map(|a| (a.version, action_summary(&page, &a, lang))) };
                        v.map(|(version, summary)| Stale { version, summary, theirs: Open::Delete { is_goal: *is_goal, id: *id, version } })
                    }
                };
                stale.set(theirs);
            } else if !e.fields.is_empty() {
                // The server's check at each field: what only it can see
                // (something no longer of the region) by its code; the
                // rest the form checked before sending, with the same rules.
                let worded = |f: &crate::api::FieldError| match f.code {
                    Some(FieldCode::NotInRegion) => RP::NotInRegion.t(lang).to_string(),
                    _ => f.message.clone(),
                };
                errors.set(e.fields.iter().map(|f| (f.field.clone(), worded(f))).collect());
            } else {
                failure.set(Some(e));
            }
        }
    };
    let save = {
        let (open, errors, busy, page) = (open.clone(), errors.clone(), busy.clone(), page.clone());
        let (done, failed) = (done.clone(), failed.clone());
        Callback::from(move |()| {
            let Some(current) = (*open).clone() else { return };
            if *busy {
                return;
            }
            let (done, failed) = (done.clone(), failed.clone());
            match current.clone() {
                Open::Goal { id, version, input } => {
                    if let Err(e) = check_goal(&input, &page.directory, lang) {
                        errors.set(e);
                        return;
                    }
                    busy.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        match api::regional_plan::save_goal(region, id, &RegionalGoalWrite { version, goal: input }).await {
                            Ok(()) => done(RP::Saved),
                            Err(e) => failed(e, &current),
                        }
                    });
                }
                Open::Action { goal_id, id, version, draft } => {
                    let input = match check_action(&draft, &page.directory, lang) {
                        Ok(input) => input,
                        Err(e) => {
                            errors.set(e);
                            return;
                        }
                    };
                    busy.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        match api::regional_plan::save_action(region, goal_id, id, &RegionalActionWrite { version, action: input }).await {
                            Ok(()) => done(RP::Saved),
                            Err(e) => failed(e, &current),
                        }
                    });
                }
                Open::Delete { is_goal, id, version } => {
                    busy.set(true);
                    wasm_bindgen_futures::spawn_local(async move {
                        match api::regional_plan::delete(region, is_goal, id, version).await {
                            Ok(()) => done(RP::Deleted),
                            Err(e) => failed(e, &current),
                        }
                    });
                }
            }
        })
    };
    let cancel = set_open.reform(|()| None);
    let opener = |o: Open| set_open.reform(move |_: MouseEvent| Some(o.clone()));

    // The open form, in place.
    let form = |o: &Open| -> Html {
        match o.clone() {
            Open::Goal { id, version, input } => {
                let open = open.clone();
                let on_change = Callback::from(move |input: RegionalGoalInput| open.set(Some(Open::Goal { id, version, input })));
                html! { <RegionalGoalForm value={input} directory={page.directory.clone()} school_goals={page.school_goals.clone()}
                    errors={(*errors).clone()} busy={*busy} on_change={on_change} on_save={save.clone()} on_cancel={cancel.clone()} /> }
            }
            Open::Action { goal_id, id, version, draft } => {
                let open = open.clone();
                let on_change = Callback::from(move |draft: ActionDraft| open.set(Some(Open::Action { goal_id, id, version, draft })));
                html! { <RegionalActionForm value={draft} directory={page.directory.clone()} school_actions={page.school_actions.clone()}
                    errors={(*errors).clone()} busy={*busy} on_change={on_change} on_save={save.clone()} on_cancel={cancel.clone()} /> }
            }
            Open::Delete { is_goal, .. } => html! {
                <div class="confirm" role="alertdialog" aria-labelledby="delete-question" data-testid="delete-confirm">
                    <p id="delete-question"><strong>{ if is_goal { RP::DeleteGoalConfirm.t(lang) } else { RP::DeleteActionConfirm.t(lang) } }</strong></p>
                    <div class="form-buttons">
                        <button type="button" class="button danger" data-testid="confirm-delete" disabled={*busy} onclick={save.reform(|_: MouseEvent| ())}>{ RP::YesDelete.t(lang) }</button>
                        <button type="button" class="button secondary" onclick={cancel.reform(|_: MouseEvent| ())}>{ RP::Cancel.t(lang) }</button>
                    </div>
                </div>
            },
        }
    };
    let stale_box = (*stale).clone().map(|s| {
        let keep = {
            let (open, stale2) = (open.clone(), stale.clone());
            let version = s.version;
            Callback::from(move |_: MouseEvent| {
                if let Some(o) = (*open).clone() {
                    open.set(Some(match o {
                        Open::Goal { id, input, .. } => Open::Goal { id, version, input },
                        Open::Action { goal_id, id, draft, .. } => Open::Action { goal_id, id, version, draft },
                        Open::Delete { is_goal, id, .. } => Open::Delete { is_goal, id, version },
                    }));
                }
                stale2.set(None);
            })
        };
        let take = {
            let (open, stale3, theirs) = (open.clone(), stale.clone(), s.theirs.clone());
            Callback::from(move |_: MouseEvent| {
                open.set(Some(theirs.clone()));
                stale3.set(None);
            })
        };
        html! {
            <div class="notice stale" role="alert" data-testid="stale">
                <p>{ RP::StaleTitle.t(lang) }</p>
                <p data-testid="stale-theirs"><strong>{ s.summary }</strong></p>
                <div class="form-buttons">
                    <button type="button" class="button" data-testid="stale-keep-mine" onclick={keep}>{ RP::StaleKeepMine.t(lang) }</button>
                    <button type="button" class="button secondary" data-testid="stale-take-theirs" onclick={take}>{ RP::StaleTakeTheirs.t(lang) }</button>
                </div>
            </div>
        }
    });
    let is_open = |what: &dyn Fn(&Open) -> bool| (*open).as_ref().is_some_and(what);
    let open_here = |what: &dyn Fn(&Open) -> bool| -> Html {
        match (*open).as_ref().filter(|o| what(o)) {
            Some(o) => html! { <div class="editing-box">{ stale_box.clone().unwrap_or_default() }{ form(o) }</div> },
            None => html! {},
        }
    };
    // The live panel: with the action being typed, if any.
    let (cofinancing, previewing) = match (*open).as_ref() {
        Some(Open::Action { goal_id, id, draft, .. }) => match preview(&page.plan, page.threshold_percent, *goal_id, *id, draft, lang) {
            Some(c) => (c, true),
            None => (page.cofinancing.clone(), false),
        },
        _ => (page.cofinancing.clone(), false),
    };
    let goals = page.plan.goals_in_order();
    let money = |c: i64| format_euro(c, lang);
    let item_link = |items: &[rubric::regional_plan::view::SchoolPlanItem], id: i64| {
        items.iter().find(|i| i.id == id).map(|i| html! {
            <li>
                if opens_plans {
                    <Link to={Route::SchoolPlan { id: i.school_id }}>{ format!("{}: {}", i.school_name, i.title) }</Link>
                } else {
                    { format!("{}: {}", i.school_name, i.title) }
                }
            </li>
        }).unwrap_or_default()
    };
    html! {
        <div class="page plan-page regional-plan" data-testid="regional-plan">
            <div class="page-head">
                <div>
                    <h1>{ format!("{} · {}", RP::PlanTitle.t(lang), page.region_name) }</h1>
                    <p class="muted">{ format!("{} {}", RP::Edition.t(lang), page.edition_name) }</p>
                </div>
                <div class="page-actions">
                    <Link to={Route::RegionDossier { id: region }} classes="button secondary">{ RP::Dossier.t(lang) }</Link>
                    <a class="button secondary" href={api::regional_plan::budget_csv_href(region)} download="" data-testid="budget-csv">{ RP::BudgetCsv.t(lang) }</a>
                </div>
            </div>
            if !may_edit { <p class="notice">{ RP::ReadOnly.t(lang) }</p> }
            if let Some(e) = (*failure).clone() { <ErrorBox error={e} /> }
            if let Some(n) = *notice { <p class="visually-hidden" role="status" data-testid="regional-notice">{ n.t(lang) }</p> }
            <div class="plan-layout">
                <div class="plan-main">
                    <section class="goals" aria-labelledby="goals-title">
                        <div class="section-head">
                            <h2 id="goals-title">{ RP::Goals.t(lang) }</h2>
                            if may_edit {
                                <div class="item-tools">
                                    <button type="button" class="button secondary small" data-testid="new-regional-goal"
                                        onclick={opener(Open::Goal { id: None, version: 0, input: RegionalGoalInput::default() })}>{ format!("+ {}", RP::NewGoal.t(lang)) }</button>
                                    <button type="button" class="button secondary small" data-testid="new-learning-route"
                                        onclick={opener(Open::Goal { id: None, version: 0, input: RegionalGoalInput { route: Some(RouteInput::default()), ..Default::default() } })}>{ format!("+ {}", RP::NewRoute.t(lang)) }</button>
                                </div>
                            }
                        </div>
                        { open_here(&|o| matches!(o, Open::Goal { id: None, .. })) }
                        if goals.is_empty() && !is_open(&|o| matches!(o, Open::Goal { id: None, .. })) { <p class="muted" data-testid="no-regional-goals">{ RP::NoGoals.t(lang) }</p> }
                        { for goals.iter().map(|g| {
                            let gid = g.id;
                            let actions = page.plan.actions_of(gid);
                            html! {
                                <article class="goal-card" data-testid={format!("regional-goal-{gid}")} key={gid}>
                                    <div class="goal-head">
                                        <h3>{ g.title.clone() }</h3>
                                        if may_edit {
                                            <span class="item-tools">
                                                <button type="button" class="tool" data-testid={format!("edit-goal-{gid}")}
                                                    onclick={opener(Open::Goal { id: Some(gid), version: g.version, input: RegionalGoalInput::from(*g) })}>{ RP::Edit.t(lang) }</button>
                                                <button type="button" class="tool" data-testid={format!("delete-goal-{gid}")}
                                                    onclick={opener(Open::Delete { is_goal: true, id: gid, version: g.version })}>{ RP::Delete.t(lang) }</button>
                                            </span>
                                        }
                                    </div>
                                    if let Some(route) = route_text(&page, g) {
                                        <p class="route-badge" data-testid={format!("route-{gid}")}><strong>{ format!("{}: ", RP::RouteLabel.t(lang)) }</strong>{ route }</p>
                                    }
                                    if !g.description.is_empty() { <p class="goal-description">{ g.description.clone() }</p> }
                                    if !g.linked_school_goal_ids.is_empty() {
                                        <p class="small"><strong>{ RP::LinkedGoals.t(lang) }</strong></p>
                                        <ul class="small links">{ for g.linked_school_goal_ids.iter().map(|id| item_link(&page.school_goals, *id)) }</ul>
                                    }
                                    { open_here(&|o| matches!(o, Open::Goal { id: Some(x), .. } | Open::Delete { is_goal: true, id: x, .. } if *x == gid)) }
                                    <h4 class="small">{ RP::Actions.t(lang) }</h4>
                                    if actions.is_empty() { <p class="muted small">{ RP::NoActions.t(lang) }</p> }
                                    <ul class="plan-actions">
                                        { for actions.iter().map(|a| {
                                            let aid = a.id;
                                            html! {
                                                <li class="plan-action" data-testid={format!("regional-action-{aid}")} key={aid}>
                                                    <div class="action-head">
                                                        <span class="action-what">{ a.description.clone() }</span>
                                                        if may_edit {
                                                            <span class="item-tools">
                                                                <button type="button" class="tool" data-testid={format!("edit-action-{aid}")}
                                                                    onclick={opener(Open::Action { goal_id: gid, id: Some(aid), version: a.version, draft: ActionDraft::of(a, lang) })}>{ RP::Edit.t(lang) }</button>
                                                                <button type="button" class="tool" data-testid={format!("delete-action-{aid}")}
                                                                    onclick={opener(Open::Delete { is_goal: false, id: aid, version: a.version })}>{ RP::Delete.t(lang) }</button>
                                                            </span>
                                                        }
                                                    </div>
                                                    <dl class="action-facts">
                                                        <dt>{ RP::Owner.t(lang) }</dt><dd>{ owner_name(&page, a) }</dd>
                                                        <dt>{ RP::Budget.t(lang) }</dt><dd>{ money(a.budget_cents) }</dd>
                                                        { for a.contributions.iter().map(|c| html! { <>
                                                            <dt>{ page.directory.companies.get(&c.company_id).cloned().unwrap_or_default() }</dt>
                                                            <dd>{ format!("{} {} · {} {}", RP::Money.t(lang), money(c.money_cents), RP::InKind.t(lang), money(c.in_kind_cents)) }
                                                                if !c.in_kind_description.is_empty() { { format!(" ({})", c.in_kind_description) } }</dd>
                                                        </> }) }
                                                    </dl>
                                                    if !a.linked_school_action_ids.is_empty() {
                                                        <ul class="small links">{ for a.linked_school_action_ids.iter().map(|id| item_link(&page.school_actions, *id)) }</ul>
                                                    }
                                                    { open_here(&|o| matches!(o, Open::Action { id: Some(x), .. } | Open::Delete { is_goal: false, id: x, .. } if *x == aid)) }
                                                </li>
                                            }
                                        }) }
                                    </ul>
                                    { open_here(&|o| matches!(o, Open::Action { id: None, goal_id, .. } if *goal_id == gid)) }
                                    if may_edit && !is_open(&|o| matches!(o, Open::Action { id: None, goal_id, .. } if *goal_id == gid)) {
                                        <button type="button" class="button secondary small" data-testid={format!("new-action-{gid}")}
                                            onclick={opener(Open::Action { goal_id: gid, id: None, version: 0, draft: ActionDraft::default() })}>{ format!("+ {}", RP::NewAction.t(lang)) }</button>
                                    }
                                </article>
                            }
                        }) }
                    </section>
                </div>
                <CofinancingPanel cofinancing={cofinancing} directory={page.directory.clone()} preview={previewing} />
            </div>
        </div>
    }
}

//! Where a plan starts: the school's weakest indicators from the baseline
//! consensus, each with its current level and the full descriptor of the
//! next level, to turn into a goal or add to the goal being edited.

use super::next_steps_list::{next_steps_list, NextStepsList};
use super::plan_view::{indicator_label, level_badge, level_label};
use crate::tree::Tree;
use crate::hooks::use_lang;
use crate::i18n::plans::P;
use crate::i18n::Text;
use rubric::assessment::SchoolProfile;
use rubric::plan::ActionPlan;
use rubric::Level;
use std::rc::Rc;
use yew::prelude::*;

/// How many indicators show before "show all".
const WEAKEST: usize = 5;

#[derive(Properties, PartialEq)]
pub struct GapPickerProps {
    pub profile: Rc<SchoolProfile>,
    pub plan: Rc<ActionPlan>,
    /// A goal is being edited, so an indicator can be added to it.
    pub goal_open: bool,
    pub on_make_goal: Callback<String>,
    pub on_add_to_goal: Callback<String>,
    /// The next steps per level, once loaded.
    #[prop_or_default]
    pub next_steps: Option<Rc<rubric::next_steps::NextSteps>>,
    /// Draft an action from a step: (indicator, text).
    #[prop_or_default]
    pub on_step: Option<Callback<(String, String)>>,
}

#[component]
pub fn GapPicker(props: &GapPickerProps) -> Html {
    let lang = use_lang();
    let show_all = use_state(|| false);
    let Some(rubric) = crate::hooks::rubric::use_rubric() else { return html! {} };
    let gaps: Vec<_> = props
        .profile
        .weakest(rubric.indicator_count())
        .into_iter()
        .filter(|i| i.level().is_some_and(|l| l < Level::MAX))
        .collect();
    let total = gaps.len();
    let shown = if *show_all { total } else { total.min(WEAKEST) };
    let targeted = |id: &str| props.plan.goals.iter().any(|g| g.indicator_targets.iter().any(|t| t.indicator_id == id));
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
    };
    html! {
        <section class="gap-picker" id="gaps" aria-labelledby="gaps-title" data-testid="gap-picker">
            <h2 id="gaps-title">{ P::GapsTitle.t(lang) }</h2>
            <p class="muted">{ P::GapsLead.t(lang) }</p>
            <ol class="gaps">
                { for gaps.into_iter().take(shown).map(|g| {
                    let id = g.indicator_id.clone();
                    let current = g.level();
                    let next = current.and_then(Level::next);
                    let descriptor = next
                        .and_then(|n| rubric.indicator(&id).and_then(|(_, ind)| ind.descriptor(n)))
                        .map(|d| d.get(lang).to_string())
                        .unwrap_or_default();
                    let make = { let cb = props.on_make_goal.clone(); let id = id.clone(); Callback::from(move |_: MouseEvent| cb.emit(id.clone())) };
                    let add = { let cb = props.on_add_to_goal.clone(); let id = id.clone(); Callback::from(move |_: MouseEvent| cb.emit(id.clone())) };
                    let mut m = Tree::new();
                    m.open("div", "").open("div", "gap-head").el("strong", "", &indicator_label(&id, lang)).text(" ");
                    m.el("span", "small muted", &format!("{}: ", P::Now.t(lang)));
                    level_badge(&mut m, current, lang);
                    if targeted(&id) {
                        m.el("span", "small muted", &format!(" · {}", P::AlreadyInGoal.t(lang)));
                    }
                    m.close();
                    if let Some(n) = next {
                        m.open("p", "gap-next").el("span", "gap-next-label", &format!("{} — {}: ", P::NextStep.t(lang), level_label(n, lang)));
                        m.text(&descriptor).close();
                    }
                    html! {
                        <li class="gap" key={id.clone()} data-testid="gap" data-indicator={id.clone()}>
                            { m.html() }
                            if let (Some(steps), Some(level)) = (props.next_steps.clone(), current) {
                                { next_steps_list(lang, NextStepsList {
                                    steps,
                                    version: props.profile.rubric_version,
                                    indicator_id: id.clone().into(),
                                    level,
                                    on_draft: props.on_step.clone().map(|cb| { let id = id.clone(); cb.reform(move |text: String| (id.clone(), text)) }),
                                }) }
                            }
                            <div class="gap-buttons">
                                <button type="button" class="button secondary small" data-testid="make-goal" onclick={make}>{ P::MakeGoal.t(lang) }</button>
                                if props.goal_open {
                                    <button type="button" class="button secondary small" data-testid="add-to-goal" onclick={add}>{ P::AddToOpenGoal.t(lang) }</button>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ol>
            if total > WEAKEST {
                <button type="button" class="link-button" onclick={toggle}>
                    { if *show_all { P::ShowWeakest.t(lang) } else { P::ShowAll.t(lang) } }
                </button>
            }
        </section>
    }
}

//! The next steps for one indicator at a level: two or three concrete
//! steps, each with the kind of partner that helps, and (in the plan) a
//! button that drafts an action from a step.
//! A view function, not a component (issue 13: each component type costs
//! Yew's machinery again in the app).

use crate::i18n::rubric_versions::R;
use crate::i18n::Text;
use rubric::next_steps::NextSteps;
use rubric::{Level, RubricVersion};
use std::rc::Rc;
use yew::prelude::*;

pub struct NextStepsList {
    pub steps: Rc<NextSteps>,
    /// The rubric version of the indicator.
    pub version: u32,
    pub indicator_id: AttrValue,
    pub level: Level,
    /// Draft an action from a step's text (the plan); none in the report.
        pub on_draft: Option<Callback<String>>,
}

pub fn next_steps_list(lang: rubric::Lang, props: NextStepsList) -> Html {
    let Some(version) = RubricVersion::from_number(props.version) else { return html! {} };
    let steps = props.steps.for_level(version, &props.indicator_id, props.level);
    if steps.is_empty() {
        return html! {};
    }
    html! {
        <ul class="next-steps" data-testid="next-steps" data-indicator={props.indicator_id.clone()}>
            { for steps.iter().map(|step| {
                let text = step.text.get(lang).to_string();
                let partner = step.partner.name(lang);
                let draft = props.on_draft.clone().map(|cb| {
                    let noted = format!("{text} ({}: {partner})", R::PartnerLabel.t(lang));
                    Callback::from(move |_: MouseEvent| cb.emit(noted.clone()))
                });
                html! {
                    <li class="next-step" data-partner={step.partner.key()}>
                        <span class="next-step-text">{ text }</span>
                        <span class="badge">{ R::PartnerLabel.t(lang) }{ ": " }{ partner }</span>
                        if let Some(draft) = draft {
                            <button type="button" class="button secondary small" data-testid="step-to-action"
                                title={R::StepToActionHint.t(lang)} onclick={draft}>{ R::StepToAction.t(lang) }</button>
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

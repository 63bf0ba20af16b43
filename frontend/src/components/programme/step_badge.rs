//! A small coloured label for how far a school is with a step; overdue
//! steps are marked as such (in text, not only colour).

use crate::i18n::programme::{status_name, P};
use crate::i18n::Text;
use rubric::programme::StepStatus;
use rubric::Lang;
use yew::prelude::*;

pub fn step_badge(lang: Lang, status: StepStatus, overdue: bool, detail: Option<String>) -> Html {
    let class = match (status, overdue) {
        (StepStatus::Done, _) => "done",
        (_, true) => "overdue",
        (StepStatus::InProgress, _) => "progress",
        (StepStatus::NotStarted, _) => "todo",
    };
    let label = if overdue && status != StepStatus::Done { P::Overdue } else { status_name(status) };
    html! {
        <span class={classes!("badge", class)}>
            { label.t(lang) }
            if let Some(d) = detail { <span class="badge-detail">{ " · " }{ d }</span> }
        </span>
    }
}

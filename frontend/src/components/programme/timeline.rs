//! The edition's timeline: deadlines, network sessions and the final
//! event in date order, each marked done, upcoming or overdue (with how
//! many schools are behind).

use crate::i18n::plural::{plural, Count};
use crate::i18n::programme::{network_name, P};
use crate::i18n::{format, Text};
use rubric::programme::{Milestone, MilestoneKind, MilestoneState};
use rubric::Lang;
use yew::prelude::*;

pub fn timeline(lang: Lang, milestones: &[Milestone]) -> Html {
    let item = |m: &Milestone| {
        let title = match m.kind {
            MilestoneKind::NulmetingDeadline => P::MilestoneNulmeting,
            MilestoneKind::PlanDeadline => P::MilestonePlan,
            MilestoneKind::NetworkSession(k) => network_name(k),
            MilestoneKind::FinalEvent => P::MilestoneFinal,
        };
        let (class, state) = match m.state {
            MilestoneState::Done => ("done", P::Held),
            MilestoneState::Upcoming => ("upcoming", P::Upcoming),
            MilestoneState::Overdue => ("overdue", P::Overdue),
        };
        let state = if m.state == MilestoneState::Done && matches!(m.kind, MilestoneKind::NulmetingDeadline | MilestoneKind::PlanDeadline) {
            P::Done
        } else {
            state
        };
        let days = m.days_from_today;
        let when = match days {
            0 => P::Today.t(lang).to_string(),
            d if d > 0 => plural(lang, d.unsigned_abs() as usize, Count::InDays),
            d => plural(lang, d.unsigned_abs() as usize, Count::DaysAgo),
        };
        let behind = (m.schools_behind > 0).then(|| {
            plural(lang, m.schools_behind as usize, Count::SchoolsNotThrough)
        });
        html! {
            <li class={classes!("milestone", class)} data-state={class}>
                <span class="milestone-date">{ format::date(lang, m.date) }<span class="muted small">{ " · " }{ when }</span></span>
                <span class="milestone-title">{ title.t(lang) }</span>
                if !m.detail.is_empty() { <span class="muted small">{ &m.detail }</span> }
                <span class={classes!("badge", class)}>{ state.t(lang) }</span>
                if let Some(b) = behind { <span class="small milestone-behind">{ b }</span> }
            </li>
        }
    };
    html! {
        <ol class="timeline" data-testid="timeline">{ for milestones.iter().map(item) }</ol>
    }
}

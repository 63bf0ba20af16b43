//! A plan at a glance for start pages: goals and actions, the latest
//! submitted version, open and unread comments, and links to the plan
//! (and, for companies, the school's baseline report). A view function,
//! not a component (issue 13: each component type costs Yew's machinery
//! again in the app); keyed by the school, for lists.

use crate::app::Route;
use crate::i18n::plans::P;
use crate::i18n::plural::{plural, Count};
use crate::i18n::{format, Text};
use rubric::plan::view::PlanSummary;
use yew::prelude::*;
use crate::router::*;

/// A count of comments; when there are any, a link to the plan where they are.
fn count_chip(school_id: i64, n: usize, testid: &'static str, class: &'static str, text: String) -> Html {
    if n == 0 {
        return html! { <span class="count" data-testid={testid}>{ text }</span> };
    }
    html! {
        <Link to={Route::SchoolPlan { id: school_id }} classes={classes!("count", class)}>
            <span data-testid={testid}>{ text }</span>
        </Link>
    }
}

/// The card of one plan; `for_company`: with the school's name and the
/// report link (the company's view).
pub fn plan_card(lang: rubric::Lang, s: &PlanSummary, for_company: bool) -> Html {
    let status = match (s.latest_version, s.submitted_at.and_then(rubric::Date::from_unix_seconds)) {
        (Some(n), Some(day)) => format!("{} {n} {} {}", P::Version.t(lang), P::SubmittedOn.t(lang), format::date(lang, day)),
        _ => P::StatusDraftOnly.t(lang).to_string(),
    };
    let title = if for_company { format!("{} · {}", s.school_name, s.school_town) } else { P::PlanTitle.t(lang).to_string() };
    html! {
        <article key={s.school_id} class="card plan-card" data-testid="plan-card" data-school-id={s.school_id.to_string()}>
            <h2>{ title }</h2>
            if s.goals == 0 {
                <p class="muted">{ P::NoPlanYet.t(lang) }</p>
            } else {
                <p>{ format!("{} · {}", plural(lang, s.goals, Count::Goals), plural(lang, s.actions, Count::Actions)) }</p>
            }
            <p class="small">
                { status }
                if s.draft_changed && s.latest_version.is_some() { { " · " }{ P::DraftChanged.t(lang) } }
            </p>
            <p class="counts">
                { count_chip(s.school_id, s.counts.open, "open-count", "has-open", plural(lang, s.counts.open, Count::OpenComments)) }
                { count_chip(s.school_id, s.counts.unread, "unread-count", "has-unread", plural(lang, s.counts.unread, Count::UnreadComments)) }
            </p>
            <div class="card-links">
                <Link to={Route::SchoolPlan { id: s.school_id }} classes="button small">{ P::ToPlan.t(lang) }</Link>
                if for_company {
                    <Link to={Route::SchoolReport { id: s.school_id }} classes="button secondary small">{ P::OpenReport.t(lang) }</Link>
                }
                if s.latest_version.is_some() {
                    <Link to={Route::Dossier { id: s.school_id }} classes="button secondary small">{ crate::i18n::dossier::DossierLink::Open.t(lang) }</Link>
                }
            </div>
        </article>
    }
}

//! The nulmeting card on a school team member's start page: how far they
//! got, whether they submitted, and the way in (plus the team view and the
//! report for the school's STEM coordinator or direction). Renders nothing
//! for other roles. A view function over the start page's fetch (issue 13:
//! each component type costs Yew's machinery again).

use crate::api;
use crate::app::Route;
use crate::api::ApiError;
use rubric::people::Me;
use crate::hooks::Fetch;
use crate::i18n::nulmeting::{kind_name, unix_date, N};
use crate::i18n::Text;
use rubric::assessment::api::{MeasurementStatus, MySheet, Unavailable};
use yew::prelude::*;
use crate::router::*;

/// Whether `me` fills in the nulmeting (the card shows only for them).
pub fn is_member(me: Option<&Me>) -> bool {
    me.is_some_and(|me| rubric::access::may_in_some_relation(me.role, rubric::access::Action::AnswerNulmeting))
}

/// The card's data: the member's own sheet; nothing for others.
pub async fn load_sheet(member: bool) -> Result<Option<MySheet>, ApiError> {
    if member {
        api::nulmeting::my_sheet(None).await.map(Some)
    } else {
        Ok(None)
    }
}

/// The card for `me` (`None`: not a member, no card) from the start page's
/// [`load_sheet`] fetch.
pub fn nulmeting_card(lang: rubric::Lang, me: Option<&Me>, state: &Fetch<Option<MySheet>>) -> Html {
    let Some(me) = me else { return html! {} };
    let school = me.school_id.unwrap_or_default();
    let body = match state {
        Fetch::Loading => html! { <p class="muted">{ crate::i18n::common::C::Loading.t(lang) }</p> },
        Fetch::Failed(_) => html! { <p class="muted">{ N::CardUnavailable.t(lang) }</p> },
        Fetch::Ready(sheet) => match sheet.as_ref().as_ref() {
            None => html! {},
            Some(sheet) => match &sheet.measurement {
                None => html! {
                    <p class="muted">{ match sheet.unavailable {
                        Some(Unavailable::NoActiveEdition) => N::NoActiveEdition.t(lang),
                        Some(Unavailable::NotInEdition) => N::NotInEdition.t(lang),
                        _ => N::DeadlinePassed.t(lang),
                    } }</p>
                },
                Some(m) => {
                    let total = rubric::rubric_versions::indicator_count(m.rubric_version);
                    let answered = sheet.answers.iter().filter(|a| a.answer.is_some()).count();
                    let pct = (answered * 100).checked_div(total).unwrap_or(0);
                    let (state, cta) = match (m.status, sheet.submitted_at) {
                        (MeasurementStatus::Closed, _) => (N::CardClosed.t(lang).to_string(), N::CardView),
                        (_, Some(at)) => (format!("{} {}", N::SubmittedOn.t(lang), unix_date(lang, at)), N::CardView),
                        (_, None) if answered == 0 => (N::CardNotStarted.t(lang).to_string(), N::CardStart),
                        (_, None) => (N::CardBusy.t(lang).to_string(), N::CardContinue),
                    };
                    html! {
                        <>
                            <p class="card-kicker">{ kind_name(m.kind).t(lang) }{ " · " }{ m.edition_name.clone() }</p>
                            <p data-testid="card-progress">
                                { N::AnsweredOf.t(lang).replace("{n}", &answered.to_string()).replace("{total}", &total.to_string()) }
                            </p>
                            <div class="progress-bar large" aria-hidden="true"><span style={format!("width:{pct}%")}></span></div>
                            <p class="muted" data-testid="card-state">{ state }</p>
                            <div class="button-row">
                                <Link to={Route::Nulmeting} classes="button">{ cta.t(lang) }</Link>
                                if sheet.leads {
                                    <Link to={Route::SchoolTeam { id: school }} classes="button secondary">{ N::TeamLink.t(lang) }</Link>
                                }
                                <Link to={Route::SchoolReport { id: school }} classes="button secondary">{ N::ReportLink.t(lang) }</Link>
                            </div>
                        </>
                    }
                }
            },
        },
    };
    html! {
        <article class="card nulmeting-card" data-testid="nulmeting-card">
            <h2>{ N::CardTitle.t(lang) }</h2>
            { body }
        </article>
    }
}

//! Who in the school team has responded: per person their function, how
//! many indicators they answered, whether they submitted, and whether a
//! reopening of their sheet is asked for or running.

use crate::hooks::use_lang;
use crate::i18n::nulmeting::{function_name, unix_date, N};
use crate::i18n::submission::{status_name, S};
use crate::i18n::Text;
use rubric::assessment::api::TeamMember;
use rubric::submission::SheetStatus;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MemberTableProps {
    pub members: Vec<TeamMember>,
}

#[component]
pub fn MemberTable(props: &MemberTableProps) -> Html {
    let lang = use_lang();
    if props.members.is_empty() {
        return html! { <p class="muted">{ N::NoMembers.t(lang) }</p> };
    }
    html! {
        <table class="data-table members cards-on-phone" data-testid="members">
            <thead>
                <tr>
                    <th scope="col">{ N::Name.t(lang) }</th>
                    <th scope="col">{ N::Function.t(lang) }</th>
                    <th scope="col">{ N::Progress.t(lang) }</th>
                    <th scope="col">{ N::Submitted.t(lang) }</th>
                </tr>
            </thead>
            <tbody>
                { for props.members.iter().map(|m| {
                    let pct = (m.answered * 100).checked_div(m.total).unwrap_or(0);
                    html! {
                        <tr data-person={m.person_id.to_string()}>
                            <th scope="row">{ m.name.clone() }</th>
                            <td data-label={N::Function.t(lang)}>{ m.function.map(|f| function_name(f).t(lang)).unwrap_or("–") }</td>
                            <td data-label={N::Progress.t(lang)}>
                                <span class="member-progress">
                                    <span class="progress-bar inline" aria-hidden="true"><span style={format!("width:{pct}%")}></span></span>
                                    { format!(" {}/{}", m.answered, m.total) }
                                </span>
                            </td>
                            <td data-label={N::Submitted.t(lang)}>
                                if let (Some(at), SheetStatus::ReopenRequested | SheetStatus::Reopened) = (m.submitted_at, m.status) {
                                    <span><span class="badge progress" data-testid="member-status" data-status={m.status.key()}>{ status_name(m.status).t(lang) }</span>
                                    { " " }<span class="muted small">{ format!("{} {}", S::StatusSubmitted.t(lang), unix_date(lang, at)) }</span></span>
                                } else if let Some(at) = m.submitted_at {
                                    <span><span class="badge good" data-testid="member-status" data-status="submitted">{ N::Yes.t(lang) }</span>{ " " }<span class="muted small">{ unix_date(lang, at) }</span></span>
                                } else if m.answered > 0 {
                                    <span class="badge">{ N::Busy.t(lang) }</span>
                                } else {
                                    <span class="muted">{ N::NotStarted.t(lang) }</span>
                                }
                            </td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

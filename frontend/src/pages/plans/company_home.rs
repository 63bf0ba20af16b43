//! `/company`: the sponsor company's start page: the schools matched to it,
//! each with its plan at a glance (version, open and unread comments) and
//! links to the plan and the school's baseline report.

use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::components::plan_card::plan_card;
use crate::hooks::session::use_session;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::plans::P;
use crate::i18n::Text;
use yew::prelude::*;

#[component]
pub fn CompanyHomePage() -> Html {
    let lang = use_lang();
    let session = use_session();
    let fetch = use_fetch((), |()| api::plans::company_schools());
    let company = session.state.me().and_then(|m| m.company_name.clone()).unwrap_or_default();
    html! {
        <section class="page" data-testid="company-home">
            <h1>{ P::MySchools.t(lang) }{ if company.is_empty() { String::new() } else { format!(" · {company}") } }</h1>
            <p class="lead">{ P::MySchoolsLead.t(lang) }</p>
            {
                match &fetch.state {
                    Fetch::Loading => html! { <Loading /> },
                    Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={fetch.reload.clone()} /> },
                    Fetch::Ready(list) if list.is_empty() => html! { <p class="notice" data-testid="no-schools">{ P::NoSchools.t(lang) }</p> },
                    Fetch::Ready(list) => html! {
                        <div class="card-grid">
                            { for list.iter().map(|s| plan_card(lang, s, true)) }
                        </div>
                    },
                }
            }
        </section>
    }
}

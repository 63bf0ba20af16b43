//! `/jury/finalists/:id`: a juror scores one finalist, with the frozen plan
//! and the school's nulmeting profile (and growth) beside the criteria and
//! their anchors. A finalist the juror has a conflict with is refused by the
//! server; the page says why instead of showing anything of it.

use super::score_sheet::ScoreSheetForm;
use crate::api;
use crate::app::Route;
use crate::components::error_box::ErrorBox;
use crate::components::frozen_plan::FrozenPlan;
use crate::components::loading::Loading;
use crate::components::profile_summary::profile_summary;
use crate::hooks::session::use_session;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::jury::J;
use crate::i18n::Text;
use crate::tree::Tree;
use yew::prelude::*;
use crate::router::*;

#[derive(Properties, PartialEq)]
pub struct JuryScorePageProps {
    pub id: i64,
}

#[component]
pub fn JuryScorePage(props: &JuryScorePageProps) -> Html {
    let lang = use_lang();
    let session = use_session();
    let person_id = session.state.me().map_or(0, |m| m.id);
    let data = use_fetch(props.id, api::jury::my_finalist);
    let back = html! { <Link to={Route::JuryHome} classes="back-link">{ J::BackToMyFinalists.t(lang) }</Link> };
    let body = match &data.state {
        Fetch::Loading => html! { <Loading /> },
        Fetch::Failed(e) if e.status == 403 => html! {
            <p class="notice" data-testid="finalist-refused">{ J::FinalistRefused.t(lang) }</p>
        },
        Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={data.reload.clone()} /> },
        Fetch::Ready(f) => html! {
            <>
                <div class="page-head">
                    <div>
                        <h1 data-testid="finalist-name">{ &f.school_name }</h1>
                        <p class="muted">{ format!("{} · {}", f.town, f.category_name) }</p>
                    </div>
                </div>
                <div class="score-grid">
                    <div class="score-dossier">
                        if f.dossier.is_some() {
                            <crate::components::dossier_view::DossierView finalist={f.clone()} />
                        }
                        if f.plan.is_some() {
                            <FrozenPlan finalist={f.clone()} />
                        } else {
                            <p class="notice">{ J::NoFrozenPlan.t(lang) }</p>
                        }
                        { {
                            let mut m = Tree::new();
                            profile_summary(&mut m, lang, f.profile.as_ref());
                            m.html()
                        } }
                    </div>
                    <div class="score-form-column">
                        <ScoreSheetForm finalist={f.clone()} person_id={person_id} />
                    </div>
                </div>
            </>
        },
    };
    html! {
        <section class="page wide jury-score" data-testid="jury-score-page">
            { back }
            { body }
        </section>
    }
}

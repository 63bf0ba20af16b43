//! The submitted award dossier as a juror reads it beside the score
//! sheet: the summary first, then the school's and the company's texts.
//! The plan version it stands on is the plan the score page shows; its
//! evidence files download through the finalist.

use crate::components::dossier_evidence::DossierEvidence;
use crate::hooks::use_lang;
use crate::i18n::dossier::{submitted_on, D};
use crate::i18n::{format, Text};
use rubric::jury::views::ScoreFinalist;
use std::rc::Rc;
use yew::prelude::*;

/// The finalist whose dossier it shows (`dossier` is `Some`); its address
/// serves the dossier's files to the juror.
#[derive(Properties)]
pub struct DossierViewProps {
    pub finalist: Rc<ScoreFinalist>,
}

impl PartialEq for DossierViewProps {
    /// The same answer from the server (a reload brings a new one).
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.finalist, &other.finalist)
    }
}

#[component]
pub fn DossierView(props: &DossierViewProps) -> Html {
    let lang = use_lang();
    let Some(d) = &props.finalist.dossier else { return Html::default() };
    let finalist = props.finalist.id;
    let company = d.company_name.clone().map(|c| format!(" · {c}")).unwrap_or_default();
    html! {
        <section class="card juror-dossier" aria-labelledby="juror-dossier-title" data-testid="juror-dossier">
            <h2 id="juror-dossier-title">{ D::JurorTitle.t(lang) }</h2>
            <p class="muted small">{ submitted_on(lang, &format::shown_date(lang, d.submitted_at)) }{ company }</p>
            <p class="muted small">{ D::JurorLead.t(lang) }</p>
            <h3>{ D::Summary.t(lang) }</h3>
            <p class="pre" data-testid="juror-dossier-summary">{ &d.summary }</p>
            <h3>{ D::SchoolText.t(lang) }</h3>
            <p class="pre" data-testid="juror-dossier-school">{ &d.school_text }</p>
            <h3>{ D::CompanyText.t(lang) }</h3>
            <p class="pre" data-testid="juror-dossier-company">{ &d.company_text }</p>
            <DossierEvidence files={d.evidence.clone()} selected={Vec::<i64>::new()} editable=false
                href={Callback::from(move |id: i64| format!("/api/jury/my/finalists/{finalist}/evidence/{id}"))} />
        </section>
    }
}

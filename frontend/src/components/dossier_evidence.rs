//! The evidence files of the award dossier: for the school's leads a
//! checkbox per file of the school (its consensus answers and plan
//! actions) to select it; for everyone else the selected files. Each file
//! downloads through `href` (the evidence endpoint, or the juror's own).

use crate::hooks::use_lang;
use crate::i18n::dossier::{size, D};
use crate::i18n::Text;
use rubric::dossier::EvidenceRef;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DossierEvidenceProps {
    /// The files to show: the school's selectable ones when `editable`,
    /// else the selected ones.
    pub files: Vec<EvidenceRef>,
    pub selected: Vec<i64>,
    pub editable: bool,
    /// The download address of a file id.
    pub href: Callback<i64, String>,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub on_toggle: Callback<i64>,
}

#[component]
pub fn DossierEvidence(props: &DossierEvidenceProps) -> Html {
    let lang = use_lang();
    let link = |f: &EvidenceRef| {
        html! { <a href={props.href.emit(f.id)} download="">{ &f.name }</a> }
    };
    let body = if props.files.is_empty() {
        html! { <p class="muted" data-testid="dossier-no-evidence">{ if props.editable { D::NoEvidenceYet.t(lang) } else { D::NoEvidence.t(lang) } }</p> }
    } else if props.editable {
        html! {
            <ul class="plain evidence-choices">
                { for props.files.iter().map(|f| {
                    let id = format!("dossier-evidence-{}", f.id);
                    let toggle = props.on_toggle.reform({ let file = f.id; move |_: Event| file });
                    html! {
                        <li>
                            <input type="checkbox" id={id.clone()} data-testid={id.clone()} checked={props.selected.contains(&f.id)} onchange={toggle} />
                            <label for={id}>{ format!("{} ({})", f.name, size(lang, f.size)) }</label>
                            { " · " }{ link(f) }
                        </li>
                    }
                }) }
            </ul>
        }
    } else {
        html! {
            <ul class="plain" data-testid="dossier-evidence-list">
                { for props.files.iter().map(|f| html! { <li>{ link(f) }{ format!(" ({})", size(lang, f.size)) }</li> }) }
            </ul>
        }
    };
    html! {
        <fieldset class="dossier-evidence" data-testid="dossier-evidence">
            <legend>{ D::Evidence.t(lang) }</legend>
            if props.editable { <p class="hint">{ D::EvidenceHint.t(lang) }</p> }
            { body }
            if let Some(e) = &props.error { <p class="field-error" role="alert">{ e.clone() }</p> }
        </fieldset>
    }
}

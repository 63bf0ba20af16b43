//! The sign-off of the award dossier: each side's approval (who, when),
//! what is still missing, and the reader's own approval behind a
//! confirmation that says what approving means.

use crate::hooks::use_lang;
use crate::i18n::dossier::{missing, side, signed, D};
use crate::i18n::{format, Text};
use rubric::dossier::{DossierPage, Side};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SignOffProps {
    pub page: Rc<DossierPage>,
    pub busy: bool,
    pub on_sign: Callback<()>,
}

#[component]
pub fn SignOffPanel(props: &SignOffProps) -> Html {
    let lang = use_lang();
    let confirming = use_state(|| false);
    let p = &props.page;
    let d = &p.dossier;
    let mine = p.side.filter(|s| match s {
        Side::School => p.can_edit_school,
        Side::Company => p.can_edit_company,
    });
    let may_sign = mine.is_some_and(|s| d.signoff(s).is_none()) && p.missing.is_empty();
    let line = |s: Side| {
        let text = match d.signoff(s) {
            Some(so) => signed(lang, &so.name, &format::shown_date(lang, so.at)),
            None => D::NotSignedYet.t(lang).to_string(),
        };
        html! {
            <li data-testid={format!("signoff-{}", s.key())} class={classes!(d.signoff(s).is_some().then_some("signed"))}>
                <strong>{ side(lang, s) }</strong>{ ": " }{ text }
            </li>
        }
    };
    let open = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let yes = {
        let confirming = confirming.clone();
        let on_sign = props.on_sign.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            on_sign.emit(());
        })
    };
    html! {
        <section class="card dossier-signoff" aria-labelledby="signoff-title" data-testid="dossier-signoff">
            <h2 id="signoff-title">{ D::SignOffTitle.t(lang) }</h2>
            <ul class="plain">{ line(Side::School) }{ line(Side::Company) }</ul>
            if !p.missing.is_empty() && d.submitted_at.is_none() && !p.plan_versions.is_empty() {
                <div class="notice" data-testid="dossier-missing">
                    <p>{ D::MissingTitle.t(lang) }</p>
                    <ul>{ for p.missing.iter().map(|m| html! { <li>{ missing(lang, *m) }</li> }) }</ul>
                </div>
            }
            if may_sign && !*confirming {
                <button type="button" class="button" data-testid="dossier-sign" disabled={props.busy} onclick={open}>{ D::SignOff.t(lang) }</button>
            }
            if may_sign && *confirming {
                <div class="confirm" role="alertdialog" aria-labelledby="sign-confirm-title" data-testid="dossier-sign-confirm">
                    <p id="sign-confirm-title"><strong>{ D::SignOff.t(lang) }</strong></p>
                    <p>{ D::SignOffConfirm.t(lang) }</p>
                    <div class="form-buttons">
                        <button type="button" class="button" data-testid="dossier-sign-yes" disabled={props.busy} onclick={yes}>{ D::SignOffYes.t(lang) }</button>
                        <button type="button" class="button secondary" onclick={cancel}>{ D::Cancel.t(lang) }</button>
                    </div>
                </div>
            }
        </section>
    }
}

//! The conflicts of interest of the jury: who, which finalist, declared or
//! automatic (works for the sponsor), active or dismissed and why. An
//! automatic flag can be dismissed with a reason, and restored.

use crate::hooks::use_lang;
use crate::i18n::jury_results::R;
use crate::i18n::jury::J;
use crate::i18n::Text;
use rubric::jury::setup::ConflictKind;
use rubric::jury::views::ConflictInfo;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConflictsTableProps {
    pub conflicts: Rc<Vec<ConflictInfo>>,
    pub editable: bool,
    #[prop_or_default]
    pub error: Option<String>,
    /// (conflict id, reason)
    pub on_dismiss: Callback<(i64, String)>,
    pub on_restore: Callback<i64>,
}

#[component]
pub fn ConflictsTable(props: &ConflictsTableProps) -> Html {
    let lang = use_lang();
    let open_form = use_state(|| None::<i64>);
    let reason = use_state(String::new);
    if props.conflicts.is_empty() {
        return html! { <p class="muted" data-testid="conflicts">{ J::NoConflictsInJury.t(lang) }</p> };
    }
    html! {
        <div class="table-scroll">
            <table class="data-table cards-on-phone" data-testid="conflicts">
                <thead><tr>
                    <th scope="col">{ J::Juror.t(lang) }</th>
                    <th scope="col">{ J::Finalist.t(lang) }</th>
                    <th scope="col">{ J::Kind.t(lang) }</th>
                    <th scope="col">{ J::Status.t(lang) }</th>
                    <th scope="col"><span class="visually-hidden">{ J::Actions.t(lang) }</span></th>
                </tr></thead>
                <tbody>
                    { for props.conflicts.iter().map(|c| {
                        let kind = match c.kind {
                            ConflictKind::Automatic => format!("{} {}", J::AutomaticBecause.t(lang), c.reason),
                            ConflictKind::Declared => format!("{}: {}", J::Declared.t(lang), c.reason),
                        };
                        let status = match (&c.dismissed_at, &c.dismissed_by) {
                            (None, _) => html! { <span class="badge warn">{ J::ConflictActive.t(lang) }</span> },
                            (Some(_), _) if c.kind == ConflictKind::Declared => html! { <span>{ R::WithdrawnByJuror.t(lang) }</span> },
                            (Some(_), by) => html! {
                                <span>{ format!("{} ({}): {}", J::Dismissed.t(lang), by.clone().unwrap_or_default(), c.dismiss_reason) }</span>
                            },
                        };
                        let id = c.id;
                        let action = if !props.editable || c.kind != ConflictKind::Automatic {
                            html! {}
                        } else if c.active() && *open_form == Some(id) {
                            let submit = {
                                let (reason, open_form, cb) = (reason.clone(), open_form.clone(), props.on_dismiss.clone());
                                Callback::from(move |e: SubmitEvent| {
                                    e.prevent_default();
                                    cb.emit((id, (*reason).clone()));
                                    reason.set(String::new());
                                    open_form.set(None);
                                })
                            };
                            html! {
                                <form class="inline-form" onsubmit={submit} data-testid="dismiss-form">
                                    <label for={format!("dismiss-{id}")}>{ J::DismissReason.t(lang) }</label>
                                    <input id={format!("dismiss-{id}")} type="text" maxlength="500" value={(*reason).clone()}
                                        oninput={{ let r = reason.clone(); move |e: InputEvent| r.set(e.target_unchecked_into::<HtmlInputElement>().value()) }} />
                                    <button type="submit" class="button secondary" disabled={reason.trim().is_empty()}>{ J::Dismiss.t(lang) }</button>
                                    <button type="button" class="link-button" onclick={{ let o = open_form.clone(); move |_| o.set(None) }}>{ J::Cancel.t(lang) }</button>
                                </form>
                            }
                        } else if c.active() {
                            let o = open_form.clone();
                            html! { <button type="button" class="link-button" data-testid="dismiss" onclick={move |_| o.set(Some(id))}>{ J::DismissFlag.t(lang) }</button> }
                        } else {
                            let cb = props.on_restore.clone();
                            html! { <button type="button" class="link-button" onclick={move |_| cb.emit(id)}>{ J::RestoreFlag.t(lang) }</button> }
                        };
                        html! {
                            <tr data-conflict={id.to_string()}>
                                <th scope="row">{ &c.juror_name }</th>
                                <td data-label={J::Finalist.t(lang)}>{ &c.school_name }</td>
                                <td data-label={J::Kind.t(lang)}>{ kind }</td>
                                <td data-label={J::Status.t(lang)}>{ status }</td>
                                <td>{ action }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            if let Some(e) = &props.error { <p class="field-error">{ e }</p> }
        </div>
    }
}

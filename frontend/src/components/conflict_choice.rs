//! Two versions of the same goal or action side by side after a stale
//! save (409): the reader's and the one now stored, differing fields
//! marked, with a choice of which stays. Nothing is lost until they choose.
//! A view function, not a component (issue 13: each component type costs
//! Yew's machinery again in the app).

use crate::i18n::plans::P;
use crate::i18n::Text;
use yew::prelude::*;

/// One field: its label, the reader's value and the stored value.
#[derive(Debug, Clone, PartialEq)]
pub struct ConflictRow {
    pub label: String,
    pub mine: String,
    pub theirs: String,
}

pub struct ConflictChoice {
    pub rows: Vec<ConflictRow>,
    pub busy: bool,
    pub on_keep_mine: Callback<()>,
    pub on_take_theirs: Callback<()>,
    pub on_edit: Callback<()>,
}

pub fn conflict_choice(lang: rubric::Lang, props: ConflictChoice) -> Html {
    let button = |label: P, testid: &'static str, cb: &Callback<()>, class: &'static str| {
        let cb = cb.clone();
        html! {
            <button type="button" class={classes!("button", class)} disabled={props.busy} data-testid={testid}
                onclick={move |_| cb.emit(())}>{ label.t(lang) }</button>
        }
    };
    html! {
        <section class="conflict" role="alert" data-testid="conflict">
            <h3>{ P::ConflictTitle.t(lang) }</h3>
            <p>{ P::ConflictLead.t(lang) }</p>
            <table class="conflict-table">
                <thead><tr><th scope="col">{ P::Field.t(lang) }</th><th scope="col">{ P::Yours.t(lang) }</th><th scope="col">{ P::Theirs.t(lang) }</th></tr></thead>
                <tbody>
                    { for props.rows.iter().map(|r| html! {
                        <tr class={classes!((r.mine != r.theirs).then_some("differs"))}>
                            <th scope="row">{ r.label.clone() }</th>
                            <td data-testid="mine">{ r.mine.clone() }</td>
                            <td data-testid="theirs">{ r.theirs.clone() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <div class="form-buttons">
                { button(P::KeepMine, "keep-mine", &props.on_keep_mine, "") }
                { button(P::TakeTheirs, "take-theirs", &props.on_take_theirs, "secondary") }
                { button(P::EditFurther, "edit-mine", &props.on_edit, "secondary") }
            </div>
        </section>
    }
}

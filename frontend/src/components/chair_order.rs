//! The chair's decision for ties no rule breaks: each group of tied
//! finalists in an order the coordinator sets with up/down buttons, saved
//! as one list (best first).

use crate::hooks::use_lang;
use crate::i18n::jury::J;
use crate::i18n::Text;
use yew::prelude::*;

/// One unresolved tie: its label and the tied finalists (id, name).
#[derive(Clone, PartialEq)]
pub struct TieGroup {
    pub label: String,
    pub finalists: Vec<(i64, String)>,
}

#[derive(Properties, PartialEq)]
pub struct ChairOrderProps {
    pub groups: Vec<TieGroup>,
    pub chair_name: Option<String>,
    pub on_save: Callback<Vec<i64>>,
}

#[component]
pub fn ChairOrder(props: &ChairOrderProps) -> Html {
    let lang = use_lang();
    let groups = use_state(|| props.groups.clone());
    let swap = |g: usize, i: usize, j: usize| {
        let groups = groups.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*groups).clone();
            if let Some(list) = next.get_mut(g) {
                if j < list.finalists.len() {
                    list.finalists.swap(i, j);
                    groups.set(next);
                }
            }
        })
    };
    let save = {
        let (groups, on_save) = (groups.clone(), props.on_save.clone());
        Callback::from(move |_: MouseEvent| {
            on_save.emit(groups.iter().flat_map(|g| g.finalists.iter().map(|(id, _)| *id)).collect());
        })
    };
    html! {
        <section class="chair-order" data-testid="chair-order">
            <h3>{ J::ChairDecision.t(lang) }</h3>
            <p class="small muted">
                { J::ChairDecisionHelp.t(lang) }
                if let Some(n) = &props.chair_name { { format!(" ({}: {n})", J::Chair.t(lang)) } }
            </p>
            { for groups.iter().enumerate().map(|(g, group)| html! {
                <div class="tie-group">
                    <p><strong>{ &group.label }</strong></p>
                    <ol>
                        { for group.finalists.iter().enumerate().map(|(i, (id, name))| html! {
                            <li data-finalist={id.to_string()}>
                                { name }{ " " }
                                <button type="button" class="link-button" disabled={i == 0}
                                    aria-label={format!("{} {name}", J::MoveUp.t(lang))}
                                    onclick={swap(g, i, i.saturating_sub(1))}>{ "↑" }</button>
                                { " " }
                                <button type="button" class="link-button" disabled={i + 1 == group.finalists.len()}
                                    aria-label={format!("{} {name}", J::MoveDown.t(lang))}
                                    onclick={swap(g, i, i + 1)}>{ "↓" }</button>
                            </li>
                        }) }
                    </ol>
                </div>
            }) }
            <button type="button" class="button" data-testid="save-chair-order" onclick={save}>{ J::SaveChairDecision.t(lang) }</button>
        </section>
    }
}

//! The seven aspects as a list to jump between while filling in, each with
//! how many of its indicators are answered. A view function, not a
//! component: the sheet is its only user (issue 13: each component type
//! costs Yew's machinery again).

use crate::i18n::nulmeting::N;
use crate::i18n::Text;
use rubric::AspectId;
use yew::prelude::*;

/// Progress of one aspect.
#[derive(Debug, Clone, PartialEq)]
pub struct AspectProgress {
    pub aspect: AspectId,
    pub answered: usize,
    pub total: usize,
}

pub fn aspect_nav(lang: rubric::Lang, rubric: &rubric::Rubric, current: AspectId, progress: &[AspectProgress], on_select: &Callback<AspectId>) -> Html {
    html! {
        <nav class="sidebar aspect-nav no-print" aria-label={N::AspectsNav.t(lang)}>
            <h2 class="sidebar-title">{ N::AspectsNav.t(lang) }</h2>
            <ol>
                { for progress.iter().enumerate().map(|(i, p)| {
                    let name = rubric.aspect(p.aspect).map(|a| a.name.get(lang).to_string()).unwrap_or_default();
                    let current = p.aspect == current;
                    let done = p.total > 0 && p.answered >= p.total;
                    let pct = (p.answered * 100).checked_div(p.total).unwrap_or(0);
                    let on_select = on_select.clone();
                    let aspect = p.aspect;
                    html! {
                        <li>
                            <button
                                type="button"
                                class={classes!("aspect-link", current.then_some("current"), done.then_some("done"))}
                                aria-current={current.then_some("step")}
                                data-aspect={p.aspect.key()}
                                onclick={Callback::from(move |_: MouseEvent| on_select.emit(aspect))}
                            >
                                <span class="aspect-link-name">{ format!("{}.\u{a0}{name}", i + 1) }</span>
                                <span class="aspect-link-count" data-testid="aspect-progress">
                                    { format!("{}/{}", p.answered, p.total) }
                                    <span class="visually-hidden">{ " " }{ N::Answered.t(lang) }</span>
                                </span>
                                <span class="progress-bar" aria-hidden="true"><span style={format!("width:{pct}%")}></span></span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

//! `/award`: the published jury results, for everyone of the edition
//! (schools, companies, jurors, the coordinator): per award category the
//! ranking with scores and the winner, and why equal scores got different
//! places (the tie-break rule, or a lead below the rounding). Before
//! publication it says so.

use crate::api;
use crate::components::error_box::ErrorBox;
use crate::components::loading::Loading;
use crate::hooks::{use_fetch, use_lang, Fetch};
use crate::i18n::format::{date, score};
use crate::i18n::jury::J;
use crate::i18n::jury_results::place_note_text;
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::jury::views::PublishedResults;
use rubric::Lang;
use yew::prelude::*;

fn ranking(lang: Lang, p: &PublishedResults, at: i64) -> Html {
    let mut m = Tree::new();
    let day = rubric::Date::from_unix_seconds(at).map(|d| date(lang, d)).unwrap_or_default();
    m.el("p", "muted", &format!("{} · {} {day}", p.edition_name, J::PublishedOn.t(lang)));
    for c in &p.categories {
        m.open("section", "award-category").el("h2", "", &c.name);
        if let Some(w) = c.places.iter().find(|p| p.winner) {
            m.open("p", "winner").attr("data-testid", "published-winner").text(&format!("{}: {}", J::Winner.t(lang), w.school_name)).close();
        }
        m.open("ol", "award-ranking");
        for p in &c.places {
            m.open("li", if p.winner { "is-winner" } else { "" })
                .el("span", "place", &p.place.to_string())
                .open("span", "who")
                .text(&p.school_name)
                .el("span", "muted", &format!(" · {}", p.town));
            if let Some(note) = &p.note {
                m.open("span", "place-note small").attr("data-testid", "place-note").text(&place_note_text(lang, note)).close();
            }
            m.close().el("span", "num", &score(lang, p.score)).close();
        }
        m.close().close();
    }
    m.html()
}

#[component]
pub fn AwardResultsPage() -> Html {
    let lang = use_lang();
    let data = use_fetch((), |()| api::jury::published());
    let body = match &data.state {
        Fetch::Loading => html! { <Loading /> },
        Fetch::Failed(e) => html! { <ErrorBox error={e.clone()} on_retry={data.reload.clone()} /> },
        Fetch::Ready(p) => match p.published_at {
            None => html! { <p class="notice" data-testid="not-published">{ J::NotPublishedYet.t(lang) }</p> },
            Some(at) => ranking(lang, p, at),
        },
    };
    html! {
        <section class="page narrow" data-testid="award-results">
            <h1>{ J::AwardResults.t(lang) }</h1>
            { body }
        </section>
    }
}

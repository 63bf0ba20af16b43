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
use crate::markup::Markup;
use rubric::jury::views::PublishedResults;
use rubric::Lang;
use yew::prelude::*;

fn ranking(lang: Lang, p: &PublishedResults, at: i64) -> Html {
    let mut m = Markup::new();
    let day = rubric::Date::from_unix_seconds(at).map(|d| date(lang, d)).unwrap_or_default();
    m.el("<p class=\"muted\">", &format!("{} · {} {day}", p.edition_name, J::PublishedOn.t(lang)), "</p>");
    for c in &p.categories {
        m.raw("<section class=\"award-category\">").el("<h2>", &c.name, "</h2>");
        if let Some(w) = c.places.iter().find(|p| p.winner) {
            m.el("<p class=\"winner\" data-testid=\"published-winner\">", &format!("{}: {}", J::Winner.t(lang), w.school_name), "</p>");
        }
        m.raw("<ol class=\"award-ranking\">");
        for p in &c.places {
            m.raw(if p.winner { "<li class=\"is-winner\">" } else { "<li>" })
                .el("<span class=\"place\">", &p.place.to_string(), "</span>")
                .el("<span class=\"who\">", &p.school_name, "")
                .el("<span class=\"muted\"> · ", &p.town, "</span>");
            if let Some(note) = &p.note {
                m.el("<span class=\"place-note small\" data-testid=\"place-note\">", &place_note_text(lang, note), "</span>");
            }
            m.raw("</span>").el("<span class=\"num\">", &score(lang, p.score), "</span></li>");
        }
        m.raw("</ol></section>");
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

//! The plan's version history: unsubmitted changes in the draft, then each
//! submitted version (newest first) with who submitted it when, what
//! changed since the version before, and a link to print it. Read-only, so
//! built as escaped markup.

use crate::hooks::use_lang;
use crate::i18n::plural::{plural, Count};
use crate::i18n::plans::{change_text, P};
use crate::i18n::{format, Lang, Text};
use crate::markup::Markup;
use rubric::plan::view::{ChangeLine, VersionSummary};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VersionHistoryProps {
    /// For the link to print each version.
    pub school_id: i64,
    pub history: Vec<VersionSummary>,
    pub draft_changes: Vec<ChangeLine>,
}

fn changes(m: &mut Markup, list: &[ChangeLine], lang: Lang) {
    m.raw("<ul class=\"changes\">");
    for c in list {
        m.el("<li>", &change_text(c, lang), "</li>");
    }
    m.raw("</ul>");
}

#[component]
pub fn VersionHistory(props: &VersionHistoryProps) -> Html {
    let lang = use_lang();
    let mut m = Markup::new();
    m.raw("<section class=\"version-history\" aria-labelledby=\"history-title\" data-testid=\"version-history\">");
    m.el("<h2 id=\"history-title\">", P::History.t(lang), "</h2>");
    match props.history.first() {
        None => {
            m.el("<p class=\"muted\">", P::NoVersions.t(lang), "</p>");
        }
        Some(latest) if !props.draft_changes.is_empty() => {
            m.raw("<div class=\"version draft\" data-testid=\"draft-changes\">");
            m.el("<h3>", &format!("{} {}", P::ChangesSince.t(lang), latest.number), "</h3>");
            changes(&mut m, &props.draft_changes, lang);
            m.raw("</div>");
        }
        Some(_) => {}
    }
    for (i, v) in props.history.iter().enumerate() {
        let day = rubric::Date::from_unix_seconds(v.submitted_at).map(|d| format::date(lang, d)).unwrap_or_default();
        m.raw(if i == 0 { "<details class=\"version\" data-testid=\"version\" open>" } else { "<details class=\"version\" data-testid=\"version\">" });
        m.el("<summary><strong>", &format!("{} {}", P::Version.t(lang), v.number), "</strong>");
        m.text(&format!(" · {} {day} {} {}", P::SubmittedOn.t(lang), P::By.t(lang), v.submitted_by));
        let counts = format!(" · {} · {}", plural(lang, v.goals, Count::Goals), plural(lang, v.actions, Count::Actions));
        m.el("<span class=\"muted small\">", &counts, "</span></summary>");
        if v.changes.is_empty() {
            m.el("<p class=\"muted\">", P::NoChanges.t(lang), "</p>");
        } else {
            changes(&mut m, &v.changes, lang);
        }
        m.raw("<a class=\"small\" data-testid=\"print-version\" href=\"")
            .text(&format!("/schools/{}/plan/print?version={}", props.school_id, v.number))
            .raw("\">")
            .text(&format!("{} {} — {}", P::Version.t(lang), v.number, rubric::people::fold_case(P::PrintableVersion.t(lang))))
            .raw("</a></details>");
    }
    m.raw("</section>");
    m.html()
}

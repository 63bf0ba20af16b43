//! The plan's version history: unsubmitted changes in the draft, then each
//! submitted version (newest first) with who submitted it when, what
//! changed since the version before, and a link to print it. Read-only, so
//! built with [`Tree`].

use crate::i18n::plural::{plural, Count};
use crate::i18n::plans::{change_text, P};
use crate::i18n::{format, Lang, Text};
use crate::tree::Tree;
use rubric::plan::view::{ChangeLine, VersionSummary};
use yew::prelude::*;

fn changes(m: &mut Tree, list: &[ChangeLine], lang: Lang) {
    m.open("ul", "changes");
    for c in list {
        m.el("li", "", &change_text(c, lang));
    }
    m.close();
}

/// The history section (a view function: it has no state of its own);
/// `school_id` is for the link to print each version.
pub fn version_history(school_id: i64, history: &[VersionSummary], draft_changes: &[ChangeLine], lang: Lang) -> Html {
    let mut m = Tree::new();
    m.open("section", "version-history").attr("aria-labelledby", "history-title").attr("data-testid", "version-history");
    m.open("h2", "").attr("id", "history-title").text(P::History.t(lang)).close();
    match history.first() {
        None => {
            m.el("p", "muted", P::NoVersions.t(lang));
        }
        Some(latest) if !draft_changes.is_empty() => {
            m.open("div", "version draft").attr("data-testid", "draft-changes");
            m.el("h3", "", &format!("{} {}", P::ChangesSince.t(lang), latest.number));
            changes(&mut m, draft_changes, lang);
            m.close();
        }
        Some(_) => {}
    }
    for (i, v) in history.iter().enumerate() {
        let day = rubric::Date::from_unix_seconds(v.submitted_at).map(|d| format::date(lang, d)).unwrap_or_default();
        m.open("details", "version").attr("data-testid", "version");
        if i == 0 {
            m.attr("open", "");
        }
        m.open("summary", "").el("strong", "", &format!("{} {}", P::Version.t(lang), v.number));
        m.text(&format!(" · {} {day} {} {}", P::SubmittedOn.t(lang), P::By.t(lang), v.submitted_by));
        let counts = format!(" · {} · {}", plural(lang, v.goals, Count::Goals), plural(lang, v.actions, Count::Actions));
        m.el("span", "muted small", &counts).close();
        if v.changes.is_empty() {
            m.el("p", "muted", P::NoChanges.t(lang));
        } else {
            changes(&mut m, &v.changes, lang);
        }
        m.open("a", "small").attr("data-testid", "print-version")
            .attr_value("href", &format!("/schools/{}/plan/print?version={}", school_id, v.number))
            .text(&format!("{} {} — {}", P::Version.t(lang), v.number, rubric::people::fold_case(P::PrintableVersion.t(lang))))
            .close();
        m.close();
    }
    m.close();
    m.html()
}

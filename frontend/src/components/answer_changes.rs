//! The nulmeting answers changed after their sheet was reopened: who, which
//! indicator, before → after, when it was submitted again, who reopened it
//! and why. Read-only, built with [`Tree`], for the team view and the school report.

use crate::i18n::nulmeting::{answer_label, unix_date};
use crate::i18n::submission::S;
use crate::i18n::Text;
use crate::tree::Tree;
use yew::Html;
use rubric::submission::AnswerChange;
use rubric::Lang;

/// "Aspect · Title" for an indicator of any rubric version (the built-in
/// name tables: the rubric text itself is not in the app).
fn indicator_label(lang: Lang, id: &str) -> String {
    rubric::names::indicator_label(id, lang)
}

/// The changes as a view (nothing when there are none).
pub fn answer_changes(lang: Lang, changes: &[AnswerChange]) -> Html {
    if changes.is_empty() {
        return Html::default();
    }
    let mut m = Tree::new();
    m.open("section", "card reopen-changes").attr("data-testid", "answer-changes")
        .el("h2", "", S::ChangesTitle.t(lang))
        .el("p", "muted small", S::ChangesExplain.t(lang))
        .open("div", "table-scroll").open("table", "data-table").open("thead", "").open("tr", "");
    for col in [S::ColWho, S::ColIndicator, S::ColBeforeAfter, S::ColWhen, S::ColReopenedBy, S::ColReason] {
        m.open("th", "").attr("scope", "col").text(col.t(lang)).close();
    }
    m.close().close().open("tbody", "");
    for c in changes {
        m.open("tr", "").attr("data-testid", "answer-change").attr_value("data-indicator", &c.indicator_id);
        m.el("td", "", &c.person_name)
            .el("td", "", &indicator_label(lang, &c.indicator_id))
            .el("td", "before-after", &format!("{} → {}", answer_label(lang, c.before), answer_label(lang, c.after)))
            .el("td", "", &unix_date(lang, c.changed_at))
            .el("td", "", c.reopened_by.as_deref().unwrap_or("–"))
            .el("td", "", if c.reason.is_empty() { "–" } else { &c.reason })
            .close();
    }
    m.html()
}

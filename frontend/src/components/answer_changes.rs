//! The nulmeting answers changed after their sheet was reopened: who, which
//! indicator, before → after, when it was submitted again, who reopened it
//! and why. Read-only markup, for the team view and the school report.

use crate::i18n::nulmeting::{answer_label, unix_date};
use crate::i18n::submission::S;
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::submission::AnswerChange;
use rubric::Lang;

/// "Aspect · Title" for an indicator of any rubric version (the built-in
/// name tables: the rubric text itself is not in the app).
fn indicator_label(lang: Lang, id: &str) -> String {
    rubric::names::indicator_label(id, lang)
}

pub fn answer_changes(m: &mut Markup, lang: Lang, changes: &[AnswerChange]) {
    if changes.is_empty() {
        return;
    }
    m.raw("<section class=\"card reopen-changes\" data-testid=\"answer-changes\">")
        .el("<h2>", S::ChangesTitle.t(lang), "</h2>")
        .el("<p class=\"muted small\">", S::ChangesExplain.t(lang), "</p>")
        .raw("<div class=\"table-scroll\"><table class=\"data-table\"><thead><tr>");
    for col in [S::ColWho, S::ColIndicator, S::ColBeforeAfter, S::ColWhen, S::ColReopenedBy, S::ColReason] {
        m.el("<th scope=\"col\">", col.t(lang), "</th>");
    }
    m.raw("</tr></thead><tbody>");
    for c in changes {
        m.raw("<tr data-testid=\"answer-change\" data-indicator=\"").text(&c.indicator_id).raw("\">");
        m.el("<td>", &c.person_name, "</td>")
            .el("<td>", &indicator_label(lang, &c.indicator_id), "</td>")
            .el("<td class=\"before-after\">", &format!("{} → {}", answer_label(lang, c.before), answer_label(lang, c.after)), "</td>")
            .el("<td>", &unix_date(lang, c.changed_at), "</td>")
            .el("<td>", c.reopened_by.as_deref().unwrap_or("–"), "</td>")
            .el("<td>", if c.reason.is_empty() { "–" } else { &c.reason }, "</td></tr>");
    }
    m.raw("</tbody></table></div></section>");
}

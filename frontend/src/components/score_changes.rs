//! The jury scores changed after their sheet was reopened: finalist, juror,
//! criterion, before → after, when it was submitted again, who reopened it
//! and why. Read-only markup, for the results page and the printed results.

use crate::i18n::jury::audit_time;
use crate::i18n::submission::S;
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::jury::setup::CriterionDef;
use rubric::submission::ScoreChange;
use rubric::Lang;

pub fn score_changes(m: &mut Markup, lang: Lang, changes: &[ScoreChange], criteria: &[CriterionDef]) {
    if changes.is_empty() {
        return;
    }
    let score = |s: Option<rubric::jury::Score>| s.map_or_else(|| "–".to_string(), |s| s.to_string());
    m.raw("<section class=\"reopen-changes\" data-testid=\"score-changes\">")
        .el("<h2>", S::ChangesTitle.t(lang), "</h2>")
        .el("<p class=\"muted small\">", S::ScoreChangesExplain.t(lang), "</p>")
        .raw("<div class=\"table-scroll\"><table class=\"data-table\"><thead><tr>");
    for col in [S::ColFinalist, S::ColWho, S::ColCriterion, S::ColBeforeAfter, S::ColWhen, S::ColReopenedBy, S::ColReason] {
        m.el("<th scope=\"col\">", col.t(lang), "</th>");
    }
    m.raw("</tr></thead><tbody>");
    for c in changes {
        let criterion = criteria.iter().find(|d| d.id == c.criterion_id).map_or(c.criterion_name.as_str(), |d| d.name.get(lang));
        m.raw("<tr data-testid=\"score-change\">")
            .el("<td>", &c.finalist_name, "</td>")
            .el("<td>", &c.juror_name, "</td>")
            .el("<td>", criterion, "</td>")
            .el("<td class=\"before-after\">", &format!("{} → {}", score(c.before), score(c.after)), "</td>")
            .el("<td>", &audit_time(lang, c.changed_at), "</td>")
            .el("<td>", c.reopened_by.as_deref().unwrap_or("–"), "</td>")
            .el("<td>", if c.reason.is_empty() { "–" } else { &c.reason }, "</td></tr>");
    }
    m.raw("</tbody></table></div></section>");
}

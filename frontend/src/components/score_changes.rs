//! The jury scores changed after their sheet was reopened: finalist, juror,
//! criterion, before → after, when it was submitted again, who reopened it
//! and why. Read-only (a [`Tree`]), for the results page and the printed results.

use crate::i18n::jury::audit_time;
use crate::i18n::submission::S;
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::jury::setup::CriterionDef;
use rubric::submission::ScoreChange;
use rubric::Lang;

pub fn score_changes(m: &mut Tree, lang: Lang, changes: &[ScoreChange], criteria: &[CriterionDef]) {
    if changes.is_empty() {
        return;
    }
    let score = |s: Option<rubric::jury::Score>| s.map_or_else(|| "–".to_string(), |s| s.to_string());
    m.open("section", "reopen-changes")
        .attr("data-testid", "score-changes")
        .el("h2", "", S::ChangesTitle.t(lang))
        .el("p", "muted small", S::ScoreChangesExplain.t(lang))
        .open("div", "table-scroll")
        .open("table", "data-table")
        .open("thead", "")
        .open("tr", "");
    let cols = [
        S::ColFinalist.t(lang),
        S::ColWho.t(lang),
        S::ColCriterion.t(lang),
        S::ColBeforeAfter.t(lang),
        S::ColWhen.t(lang),
        S::ColReopenedBy.t(lang),
        S::ColReason.t(lang),
    ];
    for col in cols {
        m.open("th", "").attr("scope", "col").text(col).close();
    }
    m.close().close().open("tbody", "");
    for c in changes {
        let criterion = criteria.iter().find(|d| d.id == c.criterion_id).map_or(c.criterion_name.as_str(), |d| d.name.get(lang));
        m.open("tr", "")
            .attr("data-testid", "score-change")
            .el("td", "", &c.finalist_name)
            .el("td", "", &c.juror_name)
            .el("td", "", criterion)
            .el("td", "before-after", &format!("{} → {}", score(c.before), score(c.after)))
            .el("td", "", &audit_time(lang, c.changed_at))
            .el("td", "", c.reopened_by.as_deref().unwrap_or("–"))
            .el("td", "", if c.reason.is_empty() { "–" } else { &c.reason })
            .close();
    }
    // tbody, table, the scrolling box, the section
    m.close().close().close().close();
}

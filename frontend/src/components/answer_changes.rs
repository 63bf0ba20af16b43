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

#[cfg(test)]
mod tests {
    use super::*;
    use rubric::assessment::Answer;
    use yew::virtual_dom::VNode;

    /// Each element as "tag attr=value ..." in document order, and the text.
    fn walk(node: &VNode, elements: &mut Vec<String>, text: &mut String) {
        match node {
            VNode::VText(t) => text.push_str(&t.text),
            VNode::VList(list) => list.iter().for_each(|n| walk(n, elements, text)),
            VNode::VTag(tag) => {
                let attrs: String = tag.attributes.iter().map(|(k, v)| format!(" {k}={v}")).collect();
                elements.push(format!("{}{attrs}", tag.tag()));
                if let Some(children) = tag.children() {
                    walk(children, elements, text);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn each_change_is_a_row_of_six_cells_and_its_values_stay_text() {
        let change = AnswerChange {
            person_id: 1,
            person_name: "An <b>Peeters</b>".into(),
            indicator_id: "x\"y".into(),
            before: None,
            after: Some(Answer::NotApplicable),
            changed_at: 1_767_225_600,
            reopened_by: None,
            reason: String::new(),
        };
        let (mut elements, mut text) = (Vec::new(), String::new());
        walk(&answer_changes(Lang::En, &[change]), &mut elements, &mut text);
        assert_eq!(elements[0], "section class=card reopen-changes data-testid=answer-changes");
        assert!(elements.contains(&"div class=table-scroll".to_string()) && elements.contains(&"table class=data-table".to_string()));
        assert_eq!(elements.iter().filter(|e| *e == "th scope=col").count(), 6);
        let row = elements.iter().position(|e| e == "tr data-testid=answer-change data-indicator=x\"y").expect("the change's row");
        assert_eq!(&elements[row + 1..], ["td", "td", "td class=before-after", "td", "td", "td"]);
        assert!(text.contains("An <b>Peeters</b>"), "the name is one text, not markup: {text}");
        assert!(text.contains("– → "), "not answered before: {text}");
        assert!(!elements.iter().any(|e| e == "b"));
    }

    #[test]
    fn no_changes_show_nothing() {
        let (mut elements, mut text) = (Vec::new(), String::new());
        walk(&answer_changes(Lang::Nl, &[]), &mut elements, &mut text);
        assert!(elements.is_empty() && text.is_empty());
    }
}

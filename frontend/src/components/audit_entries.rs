//! The jury's audit log as a list, newest first: when, who, what, each
//! entry in the reader's language as the server words its event (entries
//! from before events were recorded show their stored sentence). Read-only, built with [`Tree`].

use crate::i18n::jury::{audit_action, audit_time, J};
use crate::i18n::Text;
use crate::tree::Tree;
use rubric::jury::views::AuditLine;
use rubric::Lang;
use yew::Html;

pub fn audit_entries(lang: Lang, entries: &[AuditLine]) -> Html {
    let mut m = Tree::new();
    if entries.is_empty() {
        m.el("p", "muted", J::AuditEmpty.t(lang));
        return m.html();
    }
    m.open("ol", "audit-entries");
    for e in entries {
        m.open("li", "").attr_value("data-action", &e.action);
        m.el("span", "muted small", &audit_time(lang, e.at)).text(" ");
        m.el("strong", "", audit_action(lang, &e.action));
        let who = e.person_name.clone().unwrap_or_else(|| J::System.t(lang).to_string());
        let what = e.text.as_ref().map_or(e.detail.as_str(), |t| t.get(lang));
        m.text(&format!(" · {who} · {what}")).close();
    }
    m.close();
    m.html()
}

//! The jury's audit log as a list, newest first: when, who, what, each
//! entry in the reader's language as the server words its event (entries
//! from before events were recorded show their stored sentence). Read-only markup.

use crate::i18n::jury::{audit_action, audit_time, J};
use crate::i18n::Text;
use crate::markup::Markup;
use rubric::jury::views::AuditLine;
use rubric::Lang;
use yew::Html;

pub fn audit_entries(lang: Lang, entries: &[AuditLine]) -> Html {
    let mut m = Markup::new();
    if entries.is_empty() {
        m.el("<p class=\"muted\">", J::AuditEmpty.t(lang), "</p>");
        return m.html();
    }
    m.raw("<ol class=\"audit-entries\">");
    for e in entries {
        m.raw("<li data-action=\"").text(&e.action).raw("\">");
        m.el("<span class=\"muted small\">", &audit_time(lang, e.at), "</span> ");
        m.el("<strong>", audit_action(&e.action).t(lang), "</strong>");
        let who = e.person_name.clone().unwrap_or_else(|| J::System.t(lang).to_string());
        let what = e.text.as_ref().map_or(e.detail.as_str(), |t| t.get(lang));
        m.text(&format!(" · {who} · {what}")).raw("</li>");
    }
    m.raw("</ol>");
    m.html()
}

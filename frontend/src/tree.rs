//! Large read-only views (a frozen plan, result tables, the results sheet,
//! histories) built as Yew's own virtual DOM by plain calls: open an
//! element, add text, close it. Every value is a text node or an attribute
//! value Yew sets through the DOM, never parsed as HTML, so no value can
//! become markup. The calls are small non-generic functions, one copy in
//! the bundle, where each `html!` element would be code of its own: that
//! keeps the big views light without building HTML as a string (issue 13).
//! Interactive parts stay in `html!` and go in with [`Tree::node`].

use yew::virtual_dom::{VList, VNode, VTag, VText};
use yew::{AttrValue, Html};

/// A read-only view under construction: the elements still open (the last
/// is where what follows goes) and what is finished at the top level.
#[derive(Default)]
pub struct Tree {
    open: Vec<VTag>,
    done: Vec<VNode>,
}

impl Tree {
    pub fn new() -> Self {
        Tree { open: Vec::with_capacity(8), done: Vec::new() }
    }

    /// Opens `tag` (with `class` unless it is empty): what follows goes in
    /// it until [`Tree::close`].
    #[inline(never)]
    pub fn open(&mut self, tag: &'static str, class: &'static str) -> &mut Self {
        let mut el = VTag::new(tag);
        if !class.is_empty() {
            el.add_attribute("class", class);
        }
        self.open.push(el);
        self
    }

    /// An attribute of the element last opened, with a value of ours.
    #[inline(never)]
    pub fn attr(&mut self, name: &'static str, value: &'static str) -> &mut Self {
        if let Some(el) = self.open.last_mut() {
            el.add_attribute(name, value);
        }
        self
    }

    /// An attribute of the element last opened, with a value from data (a
    /// link's address, a title): set as an attribute, never markup.
    #[inline(never)]
    pub fn attr_value(&mut self, name: &'static str, value: &str) -> &mut Self {
        if let Some(el) = self.open.last_mut() {
            el.add_attribute(name, AttrValue::from(value.to_string()));
        }
        self
    }

    /// Closes the element last opened.
    #[inline(never)]
    pub fn close(&mut self) -> &mut Self {
        if let Some(el) = self.open.pop() {
            self.push(el.into());
        }
        self
    }

    /// A value as a text node.
    #[inline(never)]
    pub fn text(&mut self, value: &str) -> &mut Self {
        if !value.is_empty() {
            self.push(VText::new(AttrValue::from(value.to_string())).into());
        }
        self
    }

    /// A whole element around a value: `<tag class>value</tag>`.
    #[inline(never)]
    pub fn el(&mut self, tag: &'static str, class: &'static str, value: &str) -> &mut Self {
        self.open(tag, class).text(value).close()
    }

    /// An `html!` part (a button, a link of the router, a component).
    #[inline(never)]
    pub fn node(&mut self, node: Html) -> &mut Self {
        self.push(node);
        self
    }

    /// A value whose web addresses (`http://`, `https://`) become links
    /// that open in a new tab; the rest is text. For comments people type
    /// (issue 14).
    pub fn linked_text(&mut self, value: &str) -> &mut Self {
        for (is_link, part) in split_links(value) {
            if is_link {
                self.open("a", "").attr_value("href", part).attr("target", "_blank").attr("rel", "noopener noreferrer nofollow").text(part).close();
            } else {
                self.text(part);
            }
        }
        self
    }

    fn push(&mut self, node: VNode) {
        match self.open.last_mut() {
            Some(parent) => parent.add_child(node),
            None => self.done.push(node),
        }
    }

    /// The view: what is still open is closed first.
    #[inline(never)]
    pub fn html(mut self) -> Html {
        while !self.open.is_empty() {
            self.close();
        }
        match self.done.len() {
            1 => self.done.pop().unwrap_or_default(),
            _ => VList::with_children(self.done, None).into(),
        }
    }
}

/// `text` cut into plain parts and web addresses (`true`). An address
/// runs to the next space; closing punctuation at its end (a full stop, a
/// comma, a closing bracket without an opening one in the address) stays
/// text, so "zie https://x.be/a." links "https://x.be/a".
pub fn split_links(text: &str) -> Vec<(bool, &str)> {
    let mut parts = Vec::new();
    // `plain` marks where the current run of plain text began.
    let (mut plain, mut at) = (0, 0);
    while let Some(found) = find_link_start(&text[at..]) {
        let start = at + found;
        let tail = &text[start..];
        let mut end = tail.find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"').unwrap_or(tail.len());
        while let Some(last) = tail[..end].chars().last() {
            let unbalanced_close = last == ')' && tail[..end].matches('(').count() < tail[..end].matches(')').count();
            if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'') || unbalanced_close {
                end -= last.len_utf8();
            } else {
                break;
            }
        }
        if tail[..end].trim_end_matches('/').ends_with(':') {
            // Only a scheme ("https://"): text.
            at = start + end.max(1);
            continue;
        }
        if start > plain {
            parts.push((false, &text[plain..start]));
        }
        parts.push((true, &tail[..end]));
        (plain, at) = (start + end, start + end);
    }
    if plain < text.len() {
        parts.push((false, &text[plain..]));
    }
    parts
}

/// Where the next `http://` or `https://` starts (case-insensitive).
fn find_link_start(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    [lower.find("https://"), lower.find("http://")].into_iter().flatten().min()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as HTML text, escaped as a browser would show it, so a
    /// test can read it. Only for tests: the app never builds HTML text.
    fn written(node: &VNode) -> String {
        fn escape(s: &str) -> String {
            s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
        }
        match node {
            VNode::VText(t) => escape(&t.text),
            VNode::VList(list) => list.iter().map(written).collect(),
            VNode::VTag(tag) => {
                let attrs: String = tag.attributes.iter().map(|(k, v)| format!(" {k}=\"{}\"", escape(v))).collect();
                let inner = tag.children().map(written).unwrap_or_default();
                format!("<{}{attrs}>{inner}</{}>", tag.tag(), tag.tag())
            }
            _ => String::from("?"),
        }
    }

    #[test]
    fn web_addresses_become_links_and_the_rest_stays_text() {
        assert_eq!(split_links("zie https://school.be/plan."), vec![(false, "zie "), (true, "https://school.be/plan"), (false, ".")]);
        assert_eq!(split_links("(http://a.be/x_(y)) en meer"), vec![(false, "("), (true, "http://a.be/x_(y)"), (false, ") en meer")]);
        assert_eq!(split_links("geen link hier"), vec![(false, "geen link hier")]);
        assert_eq!(split_links("https:// leeg"), vec![(false, "https:// leeg")]);
        assert_eq!(split_links("a HTTPS://X.BE b"), vec![(false, "a "), (true, "HTTPS://X.BE"), (false, " b")]);
        let mut m = Tree::new();
        m.open("p", "").linked_text("kijk: https://x.be/?a=1&b=\"2\" <b>");
        assert_eq!(
            written(&m.html()),
            "<p>kijk: <a href=\"https://x.be/?a=1&amp;b=\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">https://x.be/?a=1&amp;b=</a>&quot;2&quot; &lt;b&gt;</p>"
        );
    }

    #[test]
    fn javascript_and_other_schemes_are_never_links() {
        assert_eq!(split_links("javascript:alert(1)"), vec![(false, "javascript:alert(1)")]);
        assert!(split_links("data:text/html,<b>x</b> mailto:a@b.be").iter().all(|(link, _)| !link));
    }

    #[test]
    fn values_are_text_nodes_and_attribute_values_never_elements() {
        let mut m = Tree::new();
        m.open("td", "").attr_value("data-x", "a\"b").text("<script>&'").close();
        let node = m.html();
        let VNode::VTag(td) = &node else { panic!("one element expected") };
        assert_eq!(td.tag(), "td");
        let Some(VNode::VList(children)) = td.children() else { panic!("children expected") };
        assert!(matches!(&children[0], VNode::VText(t) if &*t.text == "<script>&'"));
        assert_eq!(written(&node), "<td data-x=\"a&quot;b\">&lt;script&gt;&amp;'</td>");
    }

    #[test]
    fn elements_nest_until_closed_and_what_is_left_open_is_closed() {
        let mut m = Tree::new();
        m.open("section", "box").attr("data-testid", "s").el("h2", "", "Titel").open("ul", "changes");
        for item in ["één", "twee"] {
            m.el("li", "", item);
        }
        m.close().el("p", "muted", "Tom & Jerry");
        m.text("");
        assert_eq!(
            written(&m.html()),
            "<section class=\"box\" data-testid=\"s\"><h2>Titel</h2><ul class=\"changes\"><li>één</li><li>twee</li></ul><p class=\"muted\">Tom &amp; Jerry</p></section>"
        );
        let mut two = Tree::new();
        two.el("p", "", "a").el("p", "", "b");
        assert_eq!(written(&two.html()), "<p>a</p><p>b</p>");
    }
}

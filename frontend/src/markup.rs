//! Escaped HTML for large read-only views (a frozen plan, result tables, the
//! results sheet). Building a string costs far less code in the bundle than
//! the equivalent `html!` tree, which matters for the bundle budget. Only
//! static markup goes in raw; every value goes through [`Markup::text`],
//! which escapes it. Interactive parts stay in `html!`.

use yew::{AttrValue, Html};

/// A piece of HTML under construction.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Self {
        Markup(String::with_capacity(2048))
    }

    /// Static markup written by us, never a value.
    pub fn raw(&mut self, html: &'static str) -> &mut Self {
        self.0.push_str(html);
        self
    }

    /// A value, escaped for text and attribute content.
    pub fn text(&mut self, value: &str) -> &mut Self {
        for c in value.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// `open` + escaped `value` + `close`: a whole element around a value.
    pub fn el(&mut self, open: &'static str, value: &str, close: &'static str) -> &mut Self {
        self.raw(open).text(value).raw(close)
    }

    /// A value whose web addresses (`http://`, `https://`) become links
    /// that open in a new tab; everything is escaped, nothing else is
    /// markup. For comments people type (issue 14).
    pub fn linked_text(&mut self, value: &str) -> &mut Self {
        for (is_link, part) in split_links(value) {
            if is_link {
                self.raw("<a href=\"").text(part).raw("\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">").text(part).raw("</a>");
            } else {
                self.text(part);
            }
        }
        self
    }

    /// The HTML so far (for tests).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Into a node Yew renders as-is.
    pub fn html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
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

    #[test]
    fn web_addresses_become_links_and_the_rest_stays_text() {
        assert_eq!(split_links("zie https://school.be/plan."), vec![(false, "zie "), (true, "https://school.be/plan"), (false, ".")]);
        assert_eq!(split_links("(http://a.be/x_(y)) en meer"), vec![(false, "("), (true, "http://a.be/x_(y)"), (false, ") en meer")]);
        assert_eq!(split_links("geen link hier"), vec![(false, "geen link hier")]);
        assert_eq!(split_links("https:// leeg"), vec![(false, "https:// leeg")]);
        assert_eq!(split_links("a HTTPS://X.BE b"), vec![(false, "a "), (true, "HTTPS://X.BE"), (false, " b")]);
        let mut m = Markup::new();
        m.linked_text("kijk: https://x.be/?a=1&b=\"2\" <b>");
        assert_eq!(
            m.as_str(),
            "kijk: <a href=\"https://x.be/?a=1&amp;b=\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">https://x.be/?a=1&amp;b=</a>&quot;2&quot; &lt;b&gt;"
        );
    }

    #[test]
    fn javascript_and_other_schemes_are_never_links() {
        assert_eq!(split_links("javascript:alert(1)"), vec![(false, "javascript:alert(1)")]);
        assert!(split_links("data:text/html,<b>x</b> mailto:a@b.be").iter().all(|(link, _)| !link));
    }

    #[test]
    fn values_are_escaped_and_static_markup_is_not() {
        let mut m = Markup::new();
        m.raw("<td data-x=\"").text("a\"b").raw("\">").text("<script>&'").raw("</td>");
        assert_eq!(m.as_str(), "<td data-x=\"a&quot;b\">&lt;script&gt;&amp;&#39;</td>");
        let mut m = Markup::new();
        m.el("<p>", "Tom & Jerry", "</p>");
        assert_eq!(m.as_str(), "<p>Tom &amp; Jerry</p>");
    }
}

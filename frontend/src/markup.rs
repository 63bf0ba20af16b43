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

    /// The HTML so far (for tests).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Into a node Yew renders as-is.
    pub fn html(self) -> Html {
        Html::from_html_unchecked(AttrValue::from(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

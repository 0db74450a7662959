//! Small facts about HTML elements and text that every pass needs: which tags break a
//! paragraph, which never hold article text, whether an element is hidden, and whitespace
//! collapsing.
//!
//! Every walk in this crate is iterative (ego-tree's `traverse`), so a page nested 10,000 deep
//! costs memory in the arena, never stack.

use scraper::node::Element;

/// Tags whose content is never article text: code, embedded objects and form controls.
pub(crate) fn is_dropped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "select"
            | "option"
            | "button"
            | "input"
            | "textarea"
            | "label"
            | "dialog"
    )
}

/// Tags that start and end a paragraph of text (everything else flows inline).
pub(crate) fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Whether the tag is a heading.
pub(crate) fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether the element is hidden from readers by markup (`hidden`, `display:none`, …).
pub(crate) fn is_hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el.attr("aria-hidden") == Some("true") && el.name() != "body" {
        return true;
    }
    match el.attr("style") {
        Some(style) => {
            let compact: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect();
            compact.contains("display:none") || compact.contains("visibility:hidden")
        }
        None => false,
    }
}

/// The element's `class` and `id` joined and lowercased, for hint matching.
pub(crate) fn class_and_id(el: &Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(c);
    }
    if let Some(i) = el.attr("id") {
        s.push(' ');
        s.push_str(i);
    }
    s.to_lowercase()
}

/// Appends `text` to `out`, collapsing runs of whitespace to one space.
///
/// `out` is expected to be built only by this function, so a trailing space in `out` means
/// the previous run ended in whitespace.
pub(crate) fn push_collapsed(out: &mut String, text: &str) -> usize {
    let mut added = 0;
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
                added += 1;
            }
        } else {
            out.push(c);
            added += 1;
        }
    }
    added
}

/// Number of characters, the unit all length thresholds use (bytes would favour non-Latin
/// scripts).
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Cuts `s` to at most `max` bytes, backing up to a char boundary.
pub(crate) fn truncate_at_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_whitespace_runs() {
        let cases = [
            ("plain", "a b", "a b"),
            ("newlines_and_tabs", "a\n\t b", "a b"),
            ("leading_space_dropped", "  a", "a"),
            ("nbsp_is_whitespace", "a\u{a0}\u{a0}b", "a b"),
        ];
        for (name, input, want) in cases {
            let mut out = String::new();
            push_collapsed(&mut out, input);
            assert_eq!(out, want, "{name}");
        }
    }

    #[test]
    fn truncates_only_at_char_boundaries() {
        let cases = [
            ("ascii", "abcdef", 3, "abc"),
            ("inside_multibyte", "a\u{201c}b", 2, "a"),
            ("longer_than_input", "ab", 10, "ab"),
        ];
        for (name, input, max, want) in cases {
            assert_eq!(truncate_at_boundary(input, max), want, "{name}");
        }
    }
}

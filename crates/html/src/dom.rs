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

/// The attributes every pass asks about, read in one sweep over the element's attributes:
/// scraper's `Element::attr` interns its argument on every call, which cost more than the
/// whole classification of an element.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Attrs<'a> {
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    pub role: Option<&'a str>,
    pub itemprop: Option<&'a str>,
    pub style: Option<&'a str>,
    pub aria_hidden: Option<&'a str>,
    pub hidden: bool,
}

impl<'a> Attrs<'a> {
    /// Reads the attributes of `el` (only those without a namespace, as `Element::attr` does).
    pub(crate) fn of(el: &'a Element) -> Attrs<'a> {
        let mut out = Attrs::default();
        for (name, value) in el.attrs.iter() {
            if !name.ns.is_empty() {
                continue;
            }
            let value: &str = value;
            match &*name.local {
                "class" => out.class = Some(value),
                "id" => out.id = Some(value),
                "role" => out.role = Some(value),
                "itemprop" => out.itemprop = Some(value),
                "style" => out.style = Some(value),
                "aria-hidden" => out.aria_hidden = Some(value),
                "hidden" => out.hidden = true,
                _ => {}
            }
        }
        out
    }

    /// Whether the element is hidden from readers by markup (`hidden`, `display:none`, …).
    pub(crate) fn is_hidden(&self, tag: &str) -> bool {
        if self.hidden {
            return true;
        }
        if self.aria_hidden == Some("true") && tag != "body" {
            return true;
        }
        match self.style {
            Some(style) => {
                // Whitespace is ignored and case folded, so `DISPLAY: none` counts too.
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

    /// The element's `class` and `id` joined and lowercased into `out`, for hint matching.
    pub(crate) fn class_and_id(&self, out: &mut String) {
        out.clear();
        if let Some(c) = self.class {
            push_lowercase(out, c);
        }
        if let Some(i) = self.id {
            out.push(' ');
            push_lowercase(out, i);
        }
    }
}

/// Appends `s` lowercased, as `str::to_lowercase` would, without allocating for ASCII.
fn push_lowercase(out: &mut String, s: &str) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&s.to_lowercase());
    }
}

/// Appends `text` to `out`, collapsing runs of whitespace to one space, and returns the number
/// of characters added.
///
/// `out` is expected to be built only by this function, so a trailing space in `out` means
/// the previous run ended in whitespace.
pub(crate) fn push_collapsed(out: &mut String, text: &str) -> usize {
    let mut added = 0;
    // Runs of non-space text are copied whole, counting their chars on the way; ASCII bytes are
    // classified without decoding.
    let bytes = text.as_bytes();
    let (mut run_start, mut run_chars) = (0, 0);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let width = if b < 0x80 {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                run_chars += 1;
                i += 1;
                continue;
            }
            1
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                // Not at a char boundary: cannot happen for a `str`; stop rather than loop.
                break;
            };
            if !c.is_whitespace() {
                run_chars += 1;
                i += c.len_utf8();
                continue;
            }
            c.len_utf8()
        };
        if run_chars > 0 {
            out.push_str(text.get(run_start..i).unwrap_or(""));
            added += run_chars;
            run_chars = 0;
        }
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
            added += 1;
        }
        i += width;
        run_start = i;
    }
    if run_chars > 0 {
        out.push_str(text.get(run_start..).unwrap_or(""));
        added += run_chars;
    }
    added
}

/// Number of characters, the unit all length thresholds use (bytes would favour non-Latin
/// scripts).
pub(crate) fn char_len(s: &str) -> usize {
    // UTF-8 continuation bytes start with 0b10; every other byte starts a char.
    s.bytes().filter(|b| (b & 0xC0) != 0x80).count()
}

/// A hasher for arena node ids: they are small distinct integers, so one multiplication
/// spreads them well, and SipHash's defence against chosen keys buys nothing here.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A map keyed by arena node id.
pub(crate) type NodeMap<V> =
    std::collections::HashMap<ego_tree::NodeId, V, std::hash::BuildHasherDefault<IdHasher>>;

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
            (
                "ideographic_space",
                "\u{5e02}\u{3000}\u{5e02}",
                "\u{5e02} \u{5e02}",
            ),
            ("vertical_tab", "a\u{b}b", "a b"),
            (
                "curly_quotes_kept",
                "\u{201c}Yes,\u{201d} she said",
                "\u{201c}Yes,\u{201d} she said",
            ),
            ("only_space", " \n\t ", ""),
        ];
        for (name, input, want) in cases {
            let mut out = String::new();
            let added = push_collapsed(&mut out, input);
            assert_eq!(out, want, "{name}");
            // The count is in chars, the unit of every length threshold.
            assert_eq!(added, out.chars().count(), "{name}: count");
        }
    }

    #[test]
    fn appending_continues_a_collapsed_run() {
        let mut out = String::new();
        push_collapsed(&mut out, "The ferry ");
        let added = push_collapsed(&mut out, "  ran late");
        assert_eq!(out, "The ferry ran late");
        assert_eq!(added, "ran late".len());
    }

    #[test]
    fn counts_chars_not_bytes() {
        let cases = [
            ("ascii", "abc", 3),
            ("accents", "caf\u{e9}", 4),
            ("cjk", "\u{5e02}\u{5834}", 2),
            ("empty", "", 0),
        ];
        for (name, input, want) in cases {
            assert_eq!(char_len(input), want, "{name}");
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

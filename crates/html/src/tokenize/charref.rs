//! Character references (`&amp;`, `&#8217;`, `&#x2014;`, legacy `&copy` without `;`) as the
//! HTML tokenizer decodes them in text, RCDATA and attribute values.
//!
//! The rules are html5ever's, which are the standard's: the longest name in the named-reference
//! table wins (so `&notit;` is `¬` followed by `it;`); a name without `;` inside an attribute
//! value stays literal when `=` or a letter or digit follows it (so `?a=1&copy=2` in a URL keeps
//! its `&copy`); a numeric reference maps 0, surrogates and values past U+10FFFF to U+FFFD and
//! the C1 range to the Windows-1252 characters. The name table is html5ever's own, which also
//! holds every prefix of every name (mapped to zero) so that matching can go char by char.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// What one reference decodes to: one or two chars, and whether html5ever reports a parse error
/// for it (a missing `;`, a code point the standard flags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Decoded {
    pub first: char,
    pub second: Option<char>,
    pub error: bool,
}

/// Decodes the reference whose `&` is at `amp`; returns the chars and the offset just past the
/// reference, or `None` when it is not a reference (the `&` is then text, and the tokenizer goes
/// on at the byte after it, as html5ever does by pushing the consumed bytes back).
pub(super) fn decode(s: &str, amp: usize, in_attribute: bool) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    match *b.get(amp + 1)? {
        b'#' => numeric(b, amp + 2),
        c if c.is_ascii_alphanumeric() => named(s, amp + 1, in_attribute),
        _ => None,
    }
}

/// `&#…` with the digits starting at `start` (after an optional `x`).
fn numeric(b: &[u8], start: usize) -> Option<(Decoded, usize)> {
    let (base, mut i) = match b.get(start) {
        Some(b'x' | b'X') => (16u32, start + 1),
        _ => (10u32, start),
    };
    let digits_start = i;
    // Saturates: anything past U+10FFFF is U+FFFD however large.
    let mut value: u32 = 0;
    while let Some(d) = b.get(i).and_then(|&c| char::from(c).to_digit(base)) {
        value = value.saturating_mul(base).saturating_add(d).min(0x11_0000);
        i += 1;
    }
    if i == digits_start {
        return None;
    }
    let terminated = b.get(i) == Some(&b';');
    if terminated {
        i += 1;
    }
    let flagged = matches!(
        value,
        0 | 0x01..=0x08 | 0x0B | 0x0D..=0x1F | 0x7F..=0x9F | 0xD800..=0xDFFF | 0xFDD0..=0xFDEF
    ) || value > 0x10_FFFF
        || (value & 0xFFFE) == 0xFFFE;
    let c = match value {
        0 | 0xD800..=0xDFFF | 0x11_0000.. => '\u{fffd}',
        0x80..=0x9F => C1_REPLACEMENTS
            .get((value - 0x80) as usize)
            .copied()
            .flatten()
            .or_else(|| char::from_u32(value))
            .unwrap_or('\u{fffd}'),
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    };
    Some((
        Decoded {
            first: c,
            second: None,
            error: flagged || !terminated,
        },
        i,
    ))
}

/// A named reference whose name starts at `start`.
fn named(s: &str, start: usize, in_attribute: bool) -> Option<(Decoded, usize)> {
    let b = s.as_bytes();
    // Names are ASCII: the first other byte ends the match (its lookup would fail anyway).
    let mut end = start;
    let mut best: Option<((u32, u32), usize)> = None;
    while let Some(&c) = b.get(end) {
        if !c.is_ascii() {
            break;
        }
        let Some(&m) = s.get(start..=end).and_then(|name| NAMED_ENTITIES.get(name)) else {
            break;
        };
        end += 1;
        if m.0 != 0 {
            best = Some((m, end));
        }
    }
    let ((c1, c2), end) = best?;
    let ends_in_semicolon = b.get(end - 1) == Some(&b';');
    if !ends_in_semicolon && in_attribute {
        if let Some(&next) = b.get(end) {
            if next == b'=' || next.is_ascii_alphanumeric() {
                return None;
            }
        }
    }
    let first = char::from_u32(c1)?;
    let second = match c2 {
        0 => None,
        n => Some(char::from_u32(n)?),
    };
    Some((
        Decoded {
            first,
            second,
            error: !ends_in_semicolon,
        },
        end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, in_attribute: bool) -> Option<(String, usize)> {
        decode(s, 0, in_attribute).map(|(d, end)| {
            let mut out = String::from(d.first);
            out.extend(d.second);
            (out, end)
        })
    }

    /// (name, input from its `&`, inside an attribute value, decoded text and length)
    type Case = (
        &'static str,
        &'static str,
        bool,
        Option<(&'static str, usize)>,
    );

    #[test]
    fn flags_the_references_html5ever_reports() {
        // (name, input from its `&`, whether html5ever reports a parse error)
        let cases = [
            ("terminated_named", "&amp;", false),
            ("unterminated_named", "&amp ", true),
            ("terminated_numeric", "&#10;", false),
            ("unterminated_numeric", "&#10 ", true),
            ("c1_value", "&#150;", true),
            ("noncharacter", "&#xFFFE;", true),
            ("zero", "&#0;", true),
            ("ordinary_value", "&#x2014;", false),
        ];
        for (name, input, want) in cases {
            let got = decode(input, 0, false).map(|(d, _)| d.error);
            assert_eq!(got, Some(want), "{name}");
        }
    }

    #[test]
    fn decodes_like_the_standard() {
        let cases: &[Case] = &[
            ("named_with_semicolon", "&amp; x", false, Some(("&", 5))),
            ("named_without_semicolon", "&amp x", false, Some(("&", 4))),
            (
                "longest_legacy_prefix",
                "&notit;",
                false,
                Some(("\u{ac}", 4)),
            ),
            (
                "full_name_beats_prefix",
                "&notin;",
                false,
                Some(("\u{2209}", 7)),
            ),
            (
                "two_char_reference",
                "&NotEqualTilde;",
                false,
                Some(("\u{2242}\u{338}", 15)),
            ),
            ("unknown_name", "&zzz;", false, None),
            ("name_needs_semicolon", "&hellip x", false, None),
            ("bare_ampersand", "& x", false, None),
            ("attribute_letter_after", "&copy2", true, None),
            ("attribute_equals_after", "&amp=1", true, None),
            ("attribute_with_semicolon", "&amp;=1", true, Some(("&", 5))),
            ("attribute_space_after", "&amp x", true, Some(("&", 4))),
            ("text_letter_after", "&copy2", false, Some(("\u{a9}", 5))),
            ("decimal", "&#8217;", false, Some(("\u{2019}", 7))),
            (
                "decimal_no_semicolon",
                "&#8217x",
                false,
                Some(("\u{2019}", 6)),
            ),
            ("hex_upper_x", "&#X2014;", false, Some(("\u{2014}", 8))),
            ("hex_lower_digits", "&#x2f;", false, Some(("/", 6))),
            ("no_digits", "&#;", false, None),
            ("hex_no_digits", "&#xg;", false, None),
            ("zero", "&#0;", false, Some(("\u{fffd}", 4))),
            ("surrogate", "&#xD800;", false, Some(("\u{fffd}", 8))),
            (
                "too_large",
                "&#99999999999999;",
                false,
                Some(("\u{fffd}", 17)),
            ),
            ("c1_windows_quote", "&#146;", false, Some(("\u{2019}", 6))),
            ("c1_unmapped", "&#129;", false, Some(("\u{81}", 6))),
            ("carriage_return", "&#13;", false, Some(("\r", 5))),
            ("non_ascii_after_name", "&amp\u{e9}", false, Some(("&", 4))),
            ("at_end", "&", false, None),
        ];
        for &(name, input, attr, want) in cases {
            let got = text(input, attr);
            let want = want.map(|(t, n)| (t.to_string(), n));
            assert_eq!(got, want, "{name}");
        }
    }
}

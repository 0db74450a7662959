//! Markdown inside a line: links keep their words and lose their markup; images go entirely.
//!
//! Text converted from HTML often keeps link syntax around single words (`opening [remarks](#)`),
//! which would otherwise split words from punctuation and pollute quotes. Square brackets that
//! are not followed by `(` are editorial insertions (`[the soldiers]`) and stay.

use parallax_model::{Removed, RemovedKind};

use super::lines::Line;

/// Longest link text considered, in bytes; longer bracketed spans are left alone. Scans also
/// stop at the next `[`, so each byte is looked at a bounded number of times.
const MAX_LINK_TEXT: usize = 400;
/// Longest link target considered, in bytes.
const MAX_LINK_URL: usize = 2048;

/// A Markdown link or image found at some position.
struct Link {
    /// Offset of `[` (or `!` for an image).
    start: usize,
    /// The link text, inside the brackets.
    text: (usize, usize),
    /// One past the closing `)`.
    end: usize,
    image: bool,
}

/// The ranges of `line` to keep, in order, after link and image markup is taken out; what is
/// taken out is appended to `removed`.
pub(crate) fn render(src: &str, line: Line, removed: &mut Vec<Removed>) -> Vec<(usize, usize)> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut cursor = line.start;
    let mut i = line.start;
    while i < line.end {
        if bytes.get(i) != Some(&b'[') {
            i += 1;
            continue;
        }
        let Some(link) = link_at(src, line, i) else {
            i += 1;
            continue;
        };
        let start = link.start.max(cursor);
        if start > cursor {
            out.push((cursor, start));
        }
        let whole = src.get(start..link.end).unwrap_or("").to_string();
        if link.image {
            removed.push(Removed {
                kind: RemovedKind::Markup,
                text: whole,
                source_start: Some(start),
            });
        } else {
            removed.push(Removed {
                kind: RemovedKind::LinkResidue,
                text: whole,
                source_start: Some(start),
            });
            if link.text.1 > link.text.0 {
                out.push(link.text);
            }
        }
        cursor = link.end;
        i = link.end;
    }
    if cursor < line.end {
        out.push((cursor, line.end));
    }
    out
}

/// Parses a link whose `[` is at `open`.
fn link_at(src: &str, line: Line, open: usize) -> Option<Link> {
    let bytes = src.as_bytes();
    let image = open > line.start && bytes.get(open - 1) == Some(&b'!');
    let text_limit = line.end.min(open + 1 + MAX_LINK_TEXT);
    let mut close = None;
    for j in open + 1..text_limit {
        match bytes.get(j) {
            Some(b']') => {
                close = Some(j);
                break;
            }
            Some(b'[') => return None,
            _ => {}
        }
    }
    let close = close?;
    if bytes.get(close + 1) != Some(&b'(') {
        return None;
    }
    let url_start = close + 2;
    let url_limit = line.end.min(url_start + MAX_LINK_URL);
    let mut depth = 0usize;
    let mut url_end = None;
    for j in url_start..url_limit {
        match bytes.get(j) {
            Some(b'(') => depth += 1,
            Some(b')') if depth == 0 => {
                url_end = Some(j);
                break;
            }
            Some(b')') => depth -= 1,
            // Brackets never occur raw in a target; stopping at them keeps the scan linear.
            Some(b'[' | b']') => return None,
            _ => {}
        }
    }
    let url_end = url_end?;
    let url = src.get(url_start..url_end)?.trim();
    // A target is one token, optionally followed by a quoted title: `(url "title")`.
    if let Some((_, after)) = url.split_once(char::is_whitespace) {
        if !after.trim_start().starts_with(['"', '\'']) {
            return None;
        }
    }
    Some(Link {
        start: if image { open - 1 } else { open },
        text: (open + 1, close),
        end: url_end + 1,
        image,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str) -> (String, Vec<(RemovedKind, String)>) {
        let mut removed = Vec::new();
        let line = Line {
            start: 0,
            end: src.len(),
        };
        let kept: String = render(src, line, &mut removed)
            .into_iter()
            .map(|(a, b)| &src[a..b])
            .collect();
        (
            kept,
            removed.into_iter().map(|r| (r.kind, r.text)).collect(),
        )
    }

    macro_rules! case {
        ($name:ident, $src:expr, $kept:expr, [$(($kind:ident, $text:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                let (kept, removed) = run($src);
                assert_eq!(kept, $kept);
                let want: Vec<(RemovedKind, String)> = vec![$((RemovedKind::$kind, $text.to_string())),*];
                assert_eq!(removed, want);
            }
        };
    }

    case!(
        hash_link_keeps_word,
        "the mayor's [statement](#) was brief",
        "the mayor's statement was brief",
        [(LinkResidue, "[statement](#)")]
    );
    case!(
        http_link_keeps_words,
        "as [the ministry said](https://example.org/a?b=1), rain",
        "as the ministry said, rain",
        [(
            LinkResidue,
            "[the ministry said](https://example.org/a?b=1)"
        )]
    );
    case!(
        link_with_title,
        "see [map](/m.png \"Map\") here",
        "see map here",
        [(LinkResidue, "[map](/m.png \"Map\")")]
    );
    case!(
        parens_inside_url,
        "[lake](https://x.org/Lake_(Tarn)).",
        "lake.",
        [(LinkResidue, "[lake](https://x.org/Lake_(Tarn))")]
    );
    case!(
        image_goes_entirely,
        "Before ![a ferry at dawn](img/ferry.jpg) after",
        "Before  after",
        [(Markup, "![a ferry at dawn](img/ferry.jpg)")]
    );
    case!(
        editorial_brackets_stay,
        "he said [the soldiers] are heroes (really)",
        "he said [the soldiers] are heroes (really)",
        []
    );
    case!(
        brackets_then_spaced_parens_stay,
        "the [draft] (first version)",
        "the [draft] (first version)",
        []
    );
    case!(unclosed_bracket_stays, "a [b](c d", "a [b](c d", []);
    case!(
        prose_in_parens_is_not_a_url,
        "[Note](this is prose) end",
        "[Note](this is prose) end",
        []
    );
    case!(
        non_latin_words_kept,
        "глава [заявил](#) «да»",
        "глава заявил «да»",
        [(LinkResidue, "[заявил](#)")]
    );
    case!(
        empty_link_text_removed,
        "x [](#) y",
        "x  y",
        [(LinkResidue, "[](#)")]
    );
}

//! Footer metadata: `Original url: <…>`, `Source: <url>`, `Read more at <url>`, copyright
//! lines. The address of the article itself (an "original url" or a "source" URL) is lifted
//! into `Article::url`.

/// Longest line considered a footer line, in characters.
const MAX_FOOTER_CHARS: usize = 250;

/// Labels after which the article's own address follows, on the same or a later line.
const URL_LABELS: &[&str] = &[
    "original url",
    "original article",
    "original link",
    "source url",
    "canonical url",
    "article url",
    "source",
];

/// Openings of footer lines that carry no address of the article itself.
const FOOTER_OPENINGS: &[&str] = &[
    "read more at",
    "read the full article at",
    "read the full story at",
    "read the original article at",
    "read the original at",
    "continue reading at",
    "this article was originally published",
    "this story was originally published",
    "originally published at",
    "originally published on",
    "originally published in",
    "copyright",
    "©",
    "(c) ",
];

/// What a footer line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Footer {
    /// A label naming the article's address; the URL starts at or after this byte offset of
    /// the line (on the same line or a following one).
    Url { after: usize },
    /// Any other footer line.
    Plain,
}

/// Classifies a trimmed line as footer metadata.
pub(crate) fn footer_line(line: &str) -> Option<Footer> {
    // An address label is anchored at the start, and the text glued after the address may be
    // long, so the length cap only applies to the other footer lines.
    for label in URL_LABELS {
        // Labels are ASCII: compare bytes of the line itself so offsets stay exact.
        if !line
            .get(..label.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(label))
        {
            continue;
        }
        let rest = line.get(label.len()..).unwrap_or("");
        let Some(after_colon) = rest.trim_start().strip_prefix(':') else {
            continue;
        };
        // "Source: Reuters" is a footer; "Source: officials said …" is prose.
        if *label == "source"
            && after_colon.split_whitespace().count() > 6
            && find_url(after_colon).is_none()
        {
            return None;
        }
        return Some(Footer::Url {
            after: line.len() - after_colon.len(),
        });
    }
    if line.len() > MAX_FOOTER_CHARS * 4 || line.chars().count() > MAX_FOOTER_CHARS {
        return None;
    }
    let lower = line.to_lowercase();
    if FOOTER_OPENINGS.iter().any(|o| lower.starts_with(o)) || lower.contains("all rights reserved")
    {
        return Some(Footer::Plain);
    }
    None
}

/// A URL in `s`: `(start, end, url_start, url_end)` where `start..end` includes angle
/// brackets around it. The URL ends at `>` or whitespace, so text glued after `>` is not taken.
pub(crate) fn find_url(s: &str) -> Option<(usize, usize, usize, usize)> {
    let lower = s.to_ascii_lowercase();
    let url_start = ["https://", "http://", "www."]
        .iter()
        .filter_map(|p| lower.find(p))
        .min()?;
    let bracketed = url_start > 0 && s.as_bytes().get(url_start - 1) == Some(&b'<');
    let tail = s.get(url_start..)?;
    let len = tail
        .find(|c: char| c.is_whitespace() || c == '>')
        .unwrap_or(tail.len());
    let url_end = url_start + len;
    let closed = bracketed && s.as_bytes().get(url_end) == Some(&b'>');
    let start = if bracketed { url_start - 1 } else { url_start };
    let end = if closed { url_end + 1 } else { url_end };
    Some((start, end, url_start, url_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($name:ident, $line:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(footer_line($line), $want, "{:?}", $line);
            }
        };
    }

    case!(
        original_url_alone,
        "Original url:",
        Some(Footer::Url { after: 13 })
    );
    case!(
        original_url_with_address,
        "Original URL: https://example.org/a",
        Some(Footer::Url { after: 13 })
    );
    case!(
        source_with_url,
        "Source: <https://example.org/a>",
        Some(Footer::Url { after: 7 })
    );
    case!(
        source_agency,
        "Source: Harbour Wire",
        Some(Footer::Url { after: 7 })
    );
    case!(
        source_in_prose,
        "Source: officials in the port city said on Friday that the ferry was late",
        None
    );
    case!(
        read_more_at,
        "Read more at https://example.org/b",
        Some(Footer::Plain)
    );
    case!(
        copyright,
        "Copyright 2021 Harbour Media Group",
        Some(Footer::Plain)
    );
    case!(copyright_sign, "© 2021 Harbour Media", Some(Footer::Plain));
    case!(
        rights_reserved,
        "Harbour Media. All rights reserved.",
        Some(Footer::Plain)
    );
    case!(
        sentence_about_sources,
        "Sources said the ferry was late.",
        None
    );
    case!(
        sentence_about_copyright_law,
        "The court ruled on the copyright case on Friday.",
        None
    );

    #[test]
    fn url_stops_at_angle_bracket_or_space() {
        let s = "x <https://example.org/a-b>Next words";
        let (start, end, us, ue) = find_url(s).unwrap_or_default();
        assert_eq!(&s[start..end], "<https://example.org/a-b>");
        assert_eq!(&s[us..ue], "https://example.org/a-b");
        let s = "https://example.org/a more";
        let (_, end, _, _) = find_url(s).unwrap_or_default();
        assert_eq!(&s[..end], "https://example.org/a");
        assert_eq!(find_url("no address here"), None);
    }
}

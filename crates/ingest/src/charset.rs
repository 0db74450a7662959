//! Bytes of a web document to text, honouring its character encoding.
//!
//! Web pages and archived responses come in many encodings (windows-1251, Latin-1, Shift_JIS…).
//! The encoding is chosen in the order browsers use: a byte-order mark, then the charset of the
//! HTTP `Content-Type`, then a `<meta charset>` / `<meta http-equiv>` or XML declaration near the
//! start of the document, then sniffing (valid UTF-8 is UTF-8, anything else windows-1252, the
//! web's default). Decoding is done by `encoding_rs`.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::decode::is_binary;
use crate::error::{IngestError, Warning};

/// How far into a document a `<meta charset>` or XML declaration is looked for. HTML says 1024
/// bytes; real pages put long scripts first, so a little more is read (still constant time).
const PRESCAN_BYTES: usize = 4096;

/// Decodes `bytes` of `input`. `content_type` is the HTTP header, when there was one. Lossy
/// decoding adds a warning; empty and binary bodies are errors.
pub(crate) fn decode_web(
    input: &str,
    bytes: &[u8],
    content_type: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Result<String, IngestError> {
    let (encoding, bom_len) = match Encoding::for_bom(bytes) {
        Some((enc, len)) => (enc, len),
        None => (choose(bytes, content_type), 0),
    };
    // UTF-16 text is full of NUL bytes; only a BOM can announce it, so only then is the binary
    // check skipped.
    let utf16 = bom_len > 0 && encoding != UTF_8;
    if bytes.is_empty() {
        return Err(IngestError::Empty {
            input: input.to_string(),
        });
    }
    if !utf16 && is_binary(bytes) {
        return Err(IngestError::Binary {
            input: input.to_string(),
        });
    }
    let body = bytes.get(bom_len..).unwrap_or_default();
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let replaced = text
            .chars()
            .filter(|&c| c == char::REPLACEMENT_CHARACTER)
            .count();
        warnings.push(Warning::new(
            input,
            format!(
                "invalid {}; decoded with {replaced} replacement character(s)",
                encoding.name()
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            input: input.to_string(),
        });
    }
    Ok(text.into_owned())
}

/// The encoding of a document without a byte-order mark.
pub(crate) fn choose(bytes: &[u8], content_type: Option<&str>) -> &'static Encoding {
    if let Some(enc) = content_type.and_then(from_content_type) {
        return enc;
    }
    let head = bytes.get(..PRESCAN_BYTES).unwrap_or(bytes);
    if let Some(enc) = declared_in_document(head) {
        return enc;
    }
    // A multi-byte character may be cut at the end of the sample, so only the full body decides.
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// The `charset` parameter of a `Content-Type` value (`text/html; charset="windows-1251"`).
pub(crate) fn from_content_type(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(['"', '\'']);
        Encoding::for_label(value.as_bytes())
    })
}

/// A charset declared inside the document: `<meta charset=…>`, `<meta http-equiv=content-type
/// content="…; charset=…">` or `<?xml … encoding="…"?>`. A document cannot honestly declare
/// UTF-16 in ASCII bytes, so such a declaration means UTF-8 (as browsers do).
fn declared_in_document(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>", 0).unwrap_or(lower.len());
        let decl = lower.get(..end)?;
        if let Some(enc) = attribute_value(decl, b"encoding").and_then(Encoding::for_label) {
            return Some(enc.output_encoding());
        }
    }
    let mut from = 0;
    while let Some(at) = find(&lower, b"<meta", from) {
        let end = find(&lower, b">", at).unwrap_or(lower.len());
        let tag = lower.get(at..end)?;
        from = end;
        let label = attribute_value(tag, b"charset").or_else(|| {
            let content = attribute_value(tag, b"content")?;
            let at = find(content, b"charset=", 0)?;
            content.get(at + b"charset=".len()..)
        });
        if let Some(enc) = label.and_then(|l| Encoding::for_label(trim_label(l))) {
            return Some(enc.output_encoding());
        }
    }
    None
}

/// The value after `name=` in a tag, unquoted; `None` when the attribute is absent.
fn attribute_value<'a>(tag: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let mut from = 0;
    while let Some(at) = find(tag, name, from) {
        from = at + name.len();
        // The name must stand alone: `http-equiv` must not match inside `data-charset`.
        let before_ok = at == 0
            || tag
                .get(at - 1)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'?');
        let rest = tag.get(from..)?;
        let rest = trim_start(rest);
        if !before_ok || rest.first() != Some(&b'=') {
            continue;
        }
        let rest = trim_start(rest.get(1..)?);
        return Some(match rest.first() {
            Some(&q @ (b'"' | b'\'')) => {
                let inner = rest.get(1..)?;
                let end = inner.iter().position(|&b| b == q).unwrap_or(inner.len());
                inner.get(..end)?
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
                    .unwrap_or(rest.len());
                rest.get(..end)?
            }
        });
    }
    None
}

fn trim_label(label: &[u8]) -> &[u8] {
    let end = label
        .iter()
        .position(|&b| b == b';' || b == b'"' || b == b'\'' || b.is_ascii_whitespace())
        .unwrap_or(label.len());
    label.get(..end).unwrap_or(label)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let hay = haystack.get(from..)?;
    hay.windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($name:ident, $bytes:expr, $content_type:expr, $want:expr) => {
            #[test]
            fn $name() {
                let mut warnings = Vec::new();
                let got = decode_web("page", $bytes, $content_type, &mut warnings);
                assert_eq!(got.ok().as_deref(), Some($want));
            }
        };
    }

    case!(
        utf8_by_sniffing,
        "<p>Caf\u{e9}</p>".as_bytes(),
        None,
        "<p>Caf\u{e9}</p>"
    );
    case!(
        latin1_by_fallback,
        b"<p>Caf\xe9</p>",
        None,
        "<p>Caf\u{e9}</p>"
    );
    case!(
        header_charset_wins,
        b"<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>",
        Some("text/html; charset=\"windows-1251\""),
        "<p>\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}</p>"
    );
    case!(
        meta_charset,
        b"<html><head><meta charset=windows-1251></head><p>\xcf\xf0\xe8</p>",
        Some("text/html"),
        "<html><head><meta charset=windows-1251></head><p>\u{41f}\u{440}\u{438}</p>"
    );
    case!(
        meta_http_equiv,
        b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xf0</p>",
        None,
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\u{41f}</p>"
    );
    case!(
        xml_declaration,
        b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>\xe9</rss>",
        None,
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>\u{e9}</rss>"
    );
    case!(
        bom_beats_header,
        b"\xef\xbb\xbf<p>\xc3\xa9</p>",
        Some("text/html; charset=windows-1251"),
        "<p>\u{e9}</p>"
    );
    case!(
        utf16_bom_is_not_binary,
        b"\xff\xfe<\x00p\x00>\x00",
        None,
        "<p>"
    );
    case!(
        meta_utf16_means_utf8,
        "<meta charset=utf-16><p>\u{e9}</p>".as_bytes(),
        None,
        "<meta charset=utf-16><p>\u{e9}</p>"
    );

    #[test]
    fn unknown_label_falls_back_to_sniffing() {
        assert_eq!(choose(b"abc", Some("text/html; charset=klingon")), UTF_8);
        assert_eq!(from_content_type("text/html"), None);
    }

    #[test]
    fn binary_and_empty_bodies_are_errors() {
        let mut w = Vec::new();
        assert!(matches!(
            decode_web("x", b"\x89PNG\r\n\x1a\n\0\0", None, &mut w),
            Err(IngestError::Binary { .. })
        ));
        assert!(matches!(
            decode_web("x", b"  \n", None, &mut w),
            Err(IngestError::Empty { .. })
        ));
    }

    #[test]
    fn malformed_bytes_warn() {
        let mut w = Vec::new();
        let got = decode_web(
            "x",
            b"ok \xff\xfe then",
            Some("text/plain; charset=utf-8"),
            &mut w,
        );
        assert!(got.is_ok());
        assert_eq!(w.len(), 1, "{w:?}");
    }
}

//! Bytes to text: the size cap, binary detection and UTF-8 decoding.
//!
//! Documents must reach extraction as valid UTF-8 (see `RawDocument::body`). Text that is
//! almost UTF-8 (a stray Latin-1 byte) is decoded lossily and a warning says so; bytes that are
//! plainly not text are refused, because "cleaning" a JPEG only produces noise.

use crate::error::{IngestError, Warning};

/// The largest single input read, in bytes.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// How many leading bytes decide whether an input is binary; a few kilobytes are representative
/// and the check stays constant-time on huge files (NUL bytes are searched in all of it).
const SNIFF_BYTES: usize = 64 * 1024;

/// Share of control characters above which a sample is taken for binary.
const MAX_CONTROL_SHARE: f64 = 0.10;

/// Decodes the bytes of `input` into text, or explains why not. A UTF-8 byte-order mark is
/// dropped. Lossy decoding appends a warning to `warnings`.
pub(crate) fn decode(
    input: &str,
    bytes: Vec<u8>,
    warnings: &mut Vec<Warning>,
) -> Result<String, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty {
            input: input.to_string(),
        });
    }
    // UTF-16 text (Windows editors save it with a byte-order mark) is full of NUL bytes, so it
    // must be recognised before the binary check.
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
            if had_errors {
                warnings.push(Warning::new(
                    input,
                    format!(
                        "invalid {}; decoded with replacement characters",
                        encoding.name()
                    ),
                ));
            }
            if text.trim().is_empty() {
                return Err(IngestError::Empty {
                    input: input.to_string(),
                });
            }
            return Ok(text.into_owned());
        }
    }
    if is_binary(&bytes) {
        return Err(IngestError::Binary {
            input: input.to_string(),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let bytes = err.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let replaced = text
                .chars()
                .filter(|&c| c == char::REPLACEMENT_CHARACTER)
                .count();
            warnings.push(Warning::new(
                input,
                format!("invalid UTF-8; decoded with {replaced} replacement character(s)"),
            ));
            text
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            input: input.to_string(),
        });
    }
    Ok(text)
}

/// True for bytes that are not text: any NUL byte, or a sample made mostly of control bytes.
pub(crate) fn is_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let sample = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    if sample.is_empty() {
        return false;
    }
    // Tab, line feed, form feed, carriage return and escape occur in real text files.
    let controls = sample
        .iter()
        .filter(|&&b| {
            (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | 0x1b)) || b == 0x7f
        })
        .count();
    controls as f64 / sample.len() as f64 > MAX_CONTROL_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($name:ident, $bytes:expr, $want:pat $(if $guard:expr)?) => {
            #[test]
            fn $name() {
                let mut warnings = Vec::new();
                let got = decode("in.txt", $bytes.to_vec(), &mut warnings);
                assert!(matches!(got, $want $(if $guard)?), "{got:?}");
            }
        };
    }

    case!(plain_text_decodes, b"Plain words.", Ok(ref text) if !text.is_empty());
    case!(empty_is_an_error, b"", Err(IngestError::Empty { .. }));
    case!(
        whitespace_only_is_empty,
        b" \n\t\n",
        Err(IngestError::Empty { .. })
    );
    case!(
        nul_byte_is_binary,
        b"abc\0def",
        Err(IngestError::Binary { .. })
    );
    case!(
        control_soup_is_binary,
        b"\x01\x02\x03\x04abc\x05\x06\x07",
        Err(IngestError::Binary { .. })
    );
    case!(
        escape_sequences_are_text,
        b"\x1b[1mBold\x1b[0m words in a log.",
        Ok(ref text) if !text.is_empty()
    );

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let mut warnings = Vec::new();
        let got = decode("in.txt", b"caf\xe9 au lait".to_vec(), &mut warnings);
        assert_eq!(got.ok().as_deref(), Some("caf\u{fffd} au lait"));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].to_string().starts_with("in.txt: invalid UTF-8"));
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let mut warnings = Vec::new();
        let got = decode("in.txt", "\u{feff}Title".as_bytes().to_vec(), &mut warnings);
        assert_eq!(got.ok().as_deref(), Some("Title"));
        assert!(warnings.is_empty());
    }
}

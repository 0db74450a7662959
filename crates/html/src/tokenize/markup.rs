//! Comments, bogus comments (`<?…>`, `<!…>`, `</ …>`) and the doctype.
//!
//! Only the forms real pages use are read here; a doctype the standard calls bogus, or markup
//! cut off by the end of input, is a [`Bail`] and the page goes to html5ever whole.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::Doctype;

use super::{is_space, Bail, Source};

/// A comment whose `<!--` ends just before `start`: its text and the offset past its end.
///
/// The comment states of the standard end a comment at the first `--` followed by `>` or `!>`
/// (longer runs of dashes keep all but the last two as text), and `<!-->` and `<!--->` are
/// empty comments; what a `<!--` inside the comment does changes nothing in the token.
pub(super) fn comment(src: &Source<'_>, start: usize) -> Result<(StrTendril, usize), Bail> {
    let b = src.text.as_bytes();
    match b.get(start) {
        Some(b'>') => return Ok((StrTendril::new(), start + 1)),
        Some(b'-') if b.get(start + 1) == Some(&b'>') => {
            return Ok((StrTendril::new(), start + 2));
        }
        _ => {}
    }
    let finder = memchr::memmem::Finder::new(b"--");
    let mut from = start;
    loop {
        let q = from
            + finder
                .find(b.get(from..).ok_or(Bail::END)?)
                .ok_or(Bail::END)?;
        let end = match (b.get(q + 2), b.get(q + 3)) {
            (Some(b'>'), _) => Some(q + 3),
            (Some(b'!'), Some(b'>')) => Some(q + 4),
            _ => None,
        };
        if let Some(end) = end {
            return Ok((src.slice(start, q)?, end));
        }
        from = q + 1;
    }
}

/// A bogus comment: its text runs from `start` to the next `>`.
pub(super) fn bogus_comment(src: &Source<'_>, start: usize) -> Result<(StrTendril, usize), Bail> {
    let b = src.text.as_bytes();
    let gt = start + memchr::memchr(b'>', b.get(start..).ok_or(Bail::END)?).ok_or(Bail::END)?;
    Ok((src.slice(start, gt)?, gt + 1))
}

/// A doctype whose `<!DOCTYPE` keyword ends just before `start`: the token and the offset past
/// its `>`.
pub(super) fn doctype(src: &Source<'_>, start: usize) -> Result<(Doctype, usize), Bail> {
    let b = src.text.as_bytes();
    let mut d = Doctype::default();
    let mut i = skip_space(b, start);
    // `<!DOCTYPE>`: no name, quirks mode.
    if b.get(i) == Some(&b'>') {
        d.force_quirks = true;
        return Ok((d, i + 1));
    }
    let name_start = i;
    while b.get(i).is_some_and(|&c| !is_space(c) && c != b'>') {
        i += 1;
    }
    if i >= b.len() {
        return Err(Bail::END);
    }
    let name = src.text.get(name_start..i).ok_or(Bail::END)?;
    d.name = Some(StrTendril::from_slice(&name.to_ascii_lowercase()));
    i = skip_space(b, i);
    if b.get(i) == Some(&b'>') {
        return Ok((d, i + 1));
    }
    let keyword = b.get(i..i + 6).ok_or(Bail::END)?;
    let public = if keyword.eq_ignore_ascii_case(b"public") {
        true
    } else if keyword.eq_ignore_ascii_case(b"system") {
        false
    } else {
        return Err(Bail::DOCTYPE);
    };
    i = skip_space(b, i + 6);
    if b.get(i) == Some(&b'>') {
        d.force_quirks = true;
        return Ok((d, i + 1));
    }
    let (id, next) = identifier(src, i, &mut d.force_quirks)?;
    i = next;
    if d.force_quirks {
        // A `>` inside the identifier ended the doctype.
        if public {
            d.public_id = Some(id);
        } else {
            d.system_id = Some(id);
        }
        return Ok((d, i));
    }
    i = skip_space(b, i);
    if public {
        d.public_id = Some(id);
        // A system identifier may follow the public one.
        if matches!(b.get(i), Some(b'"' | b'\'')) {
            let (id, next) = identifier(src, i, &mut d.force_quirks)?;
            d.system_id = Some(id);
            if d.force_quirks {
                return Ok((d, next));
            }
            i = skip_space(b, next);
        }
    } else {
        d.system_id = Some(id);
    }
    match b.get(i) {
        Some(b'>') => Ok((d, i + 1)),
        None => Err(Bail::END),
        _ => Err(Bail::DOCTYPE),
    }
}

/// A quoted doctype identifier at `i`; a `>` before the closing quote ends the doctype in quirks
/// mode (the offset returned is then past that `>`).
fn identifier(
    src: &Source<'_>,
    i: usize,
    force_quirks: &mut bool,
) -> Result<(StrTendril, usize), Bail> {
    let b = src.text.as_bytes();
    let quote = match b.get(i) {
        Some(&q @ (b'"' | b'\'')) => q,
        None => return Err(Bail::END),
        _ => return Err(Bail::DOCTYPE),
    };
    let start = i + 1;
    let end =
        start + memchr::memchr2(quote, b'>', b.get(start..).ok_or(Bail::END)?).ok_or(Bail::END)?;
    let id = StrTendril::from_slice(src.text.get(start..end).ok_or(Bail::END)?);
    if b.get(end) == Some(&b'>') {
        *force_quirks = true;
    }
    Ok((id, end + 1))
}

fn skip_space(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| is_space(c)) {
        i += 1;
    }
    i
}

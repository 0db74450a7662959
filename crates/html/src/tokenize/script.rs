//! Where script data ends, through the escaped states old pages still use
//! (`<script><!-- … //--></script>`).
//!
//! All of a script's text is text whatever the state; the states only decide which `</script>`
//! ends it. After `<!--` the script is escaped: a `</script>` still ends it, but a `<script>`
//! opens a double-escaped stretch in which `</script>` only returns to escaped; `-->` ends the
//! escape from either.

use super::is_space;

/// The escape state and the run of dashes just read (`-->` needs two or more).
#[derive(Clone, Copy)]
enum State {
    Plain,
    Escaped { dashes: u8 },
    DoubleEscaped { dashes: u8 },
}

/// The offset of the `<` of the end tag that ends the script data starting at `from` (`name` is
/// the element's name, `script`), or `None` when the page ends first (all of it is text).
pub(super) fn end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut state = State::Plain;
    let mut i = from;
    loop {
        match state {
            State::Plain => {
                let p = i + memchr::memchr(b'<', b.get(i..)?)?;
                if is_end_tag(b, p, name) {
                    return Some(p);
                }
                if b.get(p + 1..p + 4) == Some(b"!--") {
                    // `<!--` leaves the tokenizer escaped with two dashes read, so `<!-->` is
                    // escaped and unescaped at once.
                    state = State::Escaped { dashes: 2 };
                    i = p + 4;
                } else {
                    i = p + 1;
                }
            }
            State::Escaped { dashes } | State::DoubleEscaped { dashes } => {
                let double = matches!(state, State::DoubleEscaped { .. });
                let c = *b.get(i)?;
                let with = |dashes| match double {
                    true => State::DoubleEscaped { dashes },
                    false => State::Escaped { dashes },
                };
                match c {
                    b'-' => {
                        state = with(dashes.saturating_add(1));
                        i += 1;
                    }
                    b'>' if dashes >= 2 => {
                        state = State::Plain;
                        i += 1;
                    }
                    b'<' if !double && b.get(i + 1) == Some(&b'/') => {
                        if is_end_tag(b, i, name) {
                            return Some(i);
                        }
                        state = with(0);
                        i += 1;
                    }
                    b'<' if !double && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                        // `<script` followed by a space, `/` or `>` opens the double escape.
                        let (word, next) = letters(b, i + 1)?;
                        state = match (delimits(b, next), is_script(b, word, next)) {
                            (true, true) => State::DoubleEscaped { dashes: 0 },
                            _ => State::Escaped { dashes: 0 },
                        };
                        i = if delimits(b, next) { next + 1 } else { next };
                    }
                    b'<' if double && b.get(i + 1) == Some(&b'/') => {
                        // `</script` followed by a space, `/` or `>` returns to escaped.
                        let (word, next) = letters(b, i + 2)?;
                        state = match (delimits(b, next), is_script(b, word, next)) {
                            (true, true) => State::Escaped { dashes: 0 },
                            _ => State::DoubleEscaped { dashes: 0 },
                        };
                        i = if delimits(b, next) { next + 1 } else { next };
                    }
                    _ => {
                        state = with(0);
                        // Plain text up to the next dash or `<` changes nothing.
                        i = match memchr::memchr2(b'-', b'<', b.get(i + 1..)?) {
                            Some(p) => i + 1 + p,
                            None => return None,
                        };
                    }
                }
            }
        }
    }
}

/// Whether `</name` followed by a space, `/` or `>` starts at `lt`.
pub(super) fn is_end_tag(b: &[u8], lt: usize, name: &[u8]) -> bool {
    let name_end = lt + 2 + name.len();
    b.get(lt + 1) == Some(&b'/')
        && b.get(lt + 2..name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && delimits(b, name_end)
}

fn delimits(b: &[u8], i: usize) -> bool {
    b.get(i)
        .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// The run of ASCII letters from `start`, and where it ends; `None` when the page ends in it.
fn letters(b: &[u8], start: usize) -> Option<(usize, usize)> {
    let mut i = start;
    while b.get(i)?.is_ascii_alphabetic() {
        i += 1;
    }
    Some((start, i))
}

fn is_script(b: &[u8], start: usize, end: usize) -> bool {
    b.get(start..end)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"script"))
}

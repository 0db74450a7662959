//! The pieces of the HTML tokenizer the scan needs: tags with their attributes, comments and
//! other `<!…>` markup, and where raw text, escapable raw text and script data end.

/// A start or end tag as the tokenizer reads it.
pub(super) struct Tag {
    pub name_start: usize,
    pub name_end: usize,
    /// Offset just past the closing `>`.
    pub end: usize,
    /// Ends with `/>`.
    pub self_closing: bool,
}

impl Tag {
    pub(super) fn name_is(&self, b: &[u8], name: &str) -> bool {
        b.get(self.name_start..self.name_end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
    }
}

pub(super) fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Reads a tag whose name starts at `start`, through its attributes (quoted values may hold
/// `>`), to its `>`; `None` if the input ends first (the tokenizer then drops the tag).
///
/// A shortcut of the tokenizer's attribute states: a quote opens a value only right after `=`
/// (spaces allowed between), anywhere else it is part of a name or an unquoted value. Odd
/// markup where the two disagree (`a=b="c>"`) is caught by the check after parsing.
pub(super) fn parse_tag(
    b: &[u8],
    start: usize,
    mut values: Option<&mut Vec<(usize, usize, usize, usize)>>,
) -> Option<Tag> {
    let mut i = start;
    while b
        .get(i)
        .is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>')
    {
        i += 1;
    }
    let name_end = i;
    loop {
        let p = i + memchr::memchr3(b'>', b'"', b'\'', b.get(i..)?)?;
        let c = *b.get(p)?;
        if c == b'>' {
            return Some(Tag {
                name_start: start,
                name_end,
                end: p + 1,
                self_closing: p > name_end && b.get(p - 1) == Some(&b'/'),
            });
        }
        let mut k = p;
        while k > name_end && b.get(k - 1).is_some_and(|&c| is_space(c)) {
            k -= 1;
        }
        i = if k > name_end && b.get(k - 1) == Some(&b'=') {
            let close = find_byte(b, p + 1, c)?;
            if let Some(values) = values.as_deref_mut() {
                // The name runs back from the `=` to a space, a quote or the tag name.
                let mut ne = k - 1;
                while ne > name_end && b.get(ne - 1).is_some_and(|&c| is_space(c)) {
                    ne -= 1;
                }
                let mut ns = ne;
                while ns > name_end
                    && b.get(ns - 1)
                        .is_some_and(|&c| !is_space(c) && !matches!(c, b'"' | b'\'' | b'/'))
                {
                    ns -= 1;
                }
                values.push((ns, ne, p + 1, close));
            }
            close + 1
        } else {
            p + 1
        };
    }
}

/// End of `<!…>` markup starting at `lt`: a comment, a doctype, CDATA (in foreign content) or a
/// bogus comment. Offset past its `>`, or `None` if the input ends inside it.
pub(super) fn declaration_end(b: &[u8], lt: usize, foreign: bool) -> Option<usize> {
    let rest = b.get(lt..)?;
    if rest.starts_with(b"<!--") {
        let s = lt + 4;
        // `<!-->` and `<!--->` are complete (empty) comments.
        if b.get(s) == Some(&b'>') {
            return Some(s + 1);
        }
        if b.get(s..s + 2) == Some(b"->") {
            return Some(s + 2);
        }
        let mut i = s;
        loop {
            let d = find_pair(b, i, b'-', b'-')?;
            match (b.get(d + 2), b.get(d + 3)) {
                (Some(b'>'), _) => return Some(d + 3),
                (Some(b'!'), Some(b'>')) => return Some(d + 4),
                _ => i = d + 1,
            }
        }
    }
    if foreign && rest.starts_with(b"<![CDATA[") {
        let mut i = lt + 9;
        loop {
            let d = find_pair(b, i, b']', b']')?;
            if b.get(d + 2) == Some(&b'>') {
                return Some(d + 3);
            }
            i = d + 1;
        }
    }
    // Doctypes and bogus comments end at the first `>`.
    find_byte(b, lt, b'>').map(|p| p + 1)
}

/// Whether an end tag of `name` (`</name` then space, `/` or `>`) starts at `at`.
fn end_tag_at(b: &[u8], at: usize, name: &[u8]) -> bool {
    b.get(at..at + 2) == Some(b"</")
        && b.get(at + 2..at + 2 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && b.get(at + 2 + name.len())
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Start of the end tag closing raw text (or escapable raw text) that begins at `from`.
pub(super) fn raw_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        let lt = find_pair(b, i, b'<', b'/')?;
        if end_tag_at(b, lt, name) {
            return Some(lt);
        }
        i = lt + 1;
    }
}

/// Start of the `</script` closing script data that begins at `from`, and whether the body
/// entered the escaped states (`<!--`), where a nested `<script>` hides the next `</script>`.
pub(super) fn script_end(b: &[u8], from: usize) -> Option<(usize, bool)> {
    #[derive(Clone, Copy, PartialEq)]
    enum S {
        Data,
        Escaped { dashes: u8 },
        Double { dashes: u8 },
    }
    let mut state = S::Data;
    let mut escaped = false;
    let mut i = from;
    loop {
        match state {
            S::Data => {
                // Only `</` and `<!` matter here.
                let lt = find_byte(b, i, b'<')?;
                if end_tag_at(b, lt, b"script") {
                    return Some((lt, escaped));
                }
                if b.get(lt..lt + 4) == Some(b"<!--") {
                    escaped = true;
                    state = S::Escaped { dashes: 2 };
                    i = lt + 4;
                } else {
                    i = lt + 1;
                }
            }
            S::Escaped { dashes } | S::Double { dashes } => {
                let double = matches!(state, S::Double { .. });
                let c = *b.get(i)?;
                let with = |dashes: u8| {
                    if double {
                        S::Double { dashes }
                    } else {
                        S::Escaped { dashes }
                    }
                };
                match c {
                    b'-' => {
                        state = with(dashes.saturating_add(1).min(2));
                        i += 1;
                    }
                    b'>' if dashes >= 2 => {
                        state = S::Data;
                        i += 1;
                    }
                    b'<' => {
                        if end_tag_at(b, i, b"script") {
                            if !double {
                                return Some((i, escaped));
                            }
                            state = S::Escaped { dashes: 0 };
                            i += "</script".len() + 1;
                        } else if !double && script_open_at(b, i) {
                            state = S::Double { dashes: 0 };
                            i += "<script".len() + 1;
                        } else {
                            state = with(0);
                            i += 1;
                        }
                    }
                    _ => {
                        state = with(0);
                        i += 1;
                    }
                }
            }
        }
    }
}

/// Whether `<script` then space, `/` or `>` starts at `at`.
fn script_open_at(b: &[u8], at: usize) -> bool {
    b.get(at) == Some(&b'<')
        && b.get(at + 1..at + 7)
            .is_some_and(|n| n.eq_ignore_ascii_case(b"script"))
        && b.get(at + 7)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

pub(super) fn find_byte(b: &[u8], from: usize, needle: u8) -> Option<usize> {
    memchr::memchr(needle, b.get(from..)?).map(|p| p + from)
}

/// Offset of the first `x` followed by `y` at or after `from`.
fn find_pair(b: &[u8], from: usize, x: u8, y: u8) -> Option<usize> {
    memchr::memmem::find(b.get(from..)?, &[x, y]).map(|p| p + from)
}

pub(super) fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

//! Lines of the original document as byte ranges, the unit every line rule judges.

/// One line of the original, without its terminator (`\n`, `\r\n` or a lone `\r`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character (before the terminator).
    pub end: usize,
}

impl Line {
    /// The line's text.
    pub fn text(self, src: &str) -> &str {
        src.get(self.start..self.end).unwrap_or("")
    }

    /// The line with surrounding whitespace removed, as a range.
    pub fn trimmed(self, src: &str) -> Line {
        let t = self.text(src);
        let lead = t.len() - t.trim_start().len();
        let body = t.trim();
        Line {
            start: self.start + lead,
            end: self.start + lead + body.len(),
        }
    }

    /// True when the line holds only whitespace.
    pub fn is_blank(self, src: &str) -> bool {
        self.text(src).trim().is_empty()
    }

    /// The part of the line from `at` (clamped into the line).
    pub fn from(self, at: usize) -> Line {
        Line {
            start: at.clamp(self.start, self.end),
            end: self.end,
        }
    }
}

/// Splits `src` into lines; a final line without terminator is kept.
pub(crate) fn split_lines(src: &str) -> Vec<Line> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes.get(i) {
            Some(b'\n') => {
                out.push(Line { start, end: i });
                start = i + 1;
            }
            Some(b'\r') => {
                out.push(Line { start, end: i });
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(Line {
            start,
            end: bytes.len(),
        });
    }
    out
}

/// Number of whitespace-separated words in `s`.
pub(crate) fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<&str> {
        split_lines(src).into_iter().map(|l| l.text(src)).collect()
    }

    #[test]
    fn splits_on_every_line_ending() {
        assert_eq!(texts("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(texts("a\n\nb\n"), ["a", "", "b"]);
        assert_eq!(texts(""), Vec::<&str>::new());
    }

    #[test]
    fn trimmed_keeps_offsets() {
        let src = "x\n  two words \t\n";
        let l = split_lines(src)[1].trimmed(src);
        assert_eq!(l.text(src), "two words");
        assert_eq!(&src[l.start..l.end], "two words");
    }
}

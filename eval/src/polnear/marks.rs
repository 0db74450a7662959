//! Regions of text between quotation marks. They define which gold contents count as direct
//! quotations, and they are the naive baseline's predictions.
//!
//! Rules, per paragraph (a line of the text):
//! - Double marks: `“` (or `„`, `«`) opens and `”` (or `»`) closes; a straight `"` opens when
//!   nothing is open and closes otherwise. Inside a straight pair, `“…”` is a nested quotation.
//!   A curly mark typed the wrong way round is read by its position: `”` before a word with
//!   nothing open opens, `“` after a word and before a space closes. Any other stray `”` is
//!   ignored.
//! - A double mark left open at the end of a paragraph runs to the end of the paragraph when
//!   the next paragraph opens with a double mark: the news convention for a quotation that
//!   continues over paragraphs. Left open otherwise, it is dropped as unbalanced.
//! - Single marks (`‘’`, `'`) count only outside double marks (inside they are nested quotes,
//!   already covered): one opens after a non-alphanumeric character and before a
//!   non-space, closes after a non-space and before a non-alphanumeric character, so
//!   apostrophes in "don’t" or "Clinton’s" never pair. Single marks never continue across
//!   paragraphs.

/// One quoted region, as byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Offset of the opening mark.
    pub open: usize,
    /// First byte after the opening mark.
    pub inner_start: usize,
    /// End of the quoted words: the closing mark's offset, or the end of the paragraph.
    pub inner_end: usize,
    /// One past the closing mark (equal to `inner_end` for a region that continues).
    pub close_end: usize,
}

fn is_double_open(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’')
}

/// Quoted regions of `text`, in text order. Linear in the length of the text.
pub fn quoted_regions(text: &str) -> Vec<Region> {
    let paras = parallax_text::paragraphs(text);
    let mut out = Vec::new();
    for (i, &(ps, pe)) in paras.iter().enumerate() {
        let next_opens = paras
            .get(i + 1)
            .and_then(|&(ns, ne)| text.get(ns..ne))
            .is_some_and(|p| {
                p.starts_with("''")
                    || p.starts_with("``")
                    || p.chars()
                        .next()
                        .is_some_and(|c| c == '"' || is_double_open(c))
            });
        scan_paragraph(text, ps, pe, next_opens, &mut out);
    }
    out
}

/// How the open double quotation began, which decides what may close it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `"`: closed by `"`, or by `”` when no nested `“` is pending.
    Straight,
    /// `“`, `„`, `«`: closed by `”`, `»`, `"`, or a `“` typed in closing position.
    Curly,
}

fn scan_paragraph(text: &str, ps: usize, pe: usize, continues: bool, out: &mut Vec<Region>) {
    let Some(para) = text.get(ps..pe) else { return };
    let mut double: Option<(usize, usize, Style)> = None;
    let mut nested = 0usize;
    let mut single: Option<(usize, usize)> = None;
    let mut prev = ' ';
    let mut chars = para.char_indices().peekable();
    while let Some((i, mut c)) = chars.next() {
        let mut next = chars.peek().map_or(' ', |&(_, n)| n);
        let at = ps + i;
        let mut after = at + c.len_utf8();
        // '' and `` stand for double marks in ASCII-only copy (newswire archives).
        if matches!(c, '\'' | '`') && next == c {
            chars.next();
            after += 1;
            c = if c == '`' { '“' } else { '"' };
            next = chars.peek().map_or(' ', |&(_, n)| n);
        }
        // Flanking decides direction when a writer typed the wrong curly mark.
        let left_flank =
            !next.is_whitespace() && (prev.is_whitespace() || "([{—–-/".contains(prev));
        let right_flank =
            !prev.is_whitespace() && (next.is_whitespace() || !next.is_alphanumeric());
        if let Some((open, inner, style)) = double {
            let closes = match (style, c) {
                (Style::Straight, '"') => true,
                (Style::Straight, '“') => {
                    nested += 1;
                    false
                }
                (Style::Straight, '”') if nested > 0 => {
                    nested -= 1;
                    false
                }
                (Style::Straight, '”') => true,
                (Style::Curly, '”' | '»' | '"') => true,
                (Style::Curly, '“') => right_flank && !left_flank,
                _ => false,
            };
            if closes {
                out.push(Region {
                    open,
                    inner_start: inner,
                    inner_end: at,
                    close_end: after,
                });
                double = None;
                nested = 0;
            }
        } else if c == '"' {
            double = Some((at, after, Style::Straight));
            single = None;
        } else if is_double_open(c) || (c == '”' && left_flank && !right_flank) {
            double = Some((at, after, Style::Curly));
            single = None;
        } else if is_single(c) {
            let closes = c != '‘' && !prev.is_whitespace() && !next.is_alphanumeric();
            let opens = c != '’' && !prev.is_alphanumeric() && !next.is_whitespace();
            match single {
                Some((open, inner)) if closes => {
                    out.push(Region {
                        open,
                        inner_start: inner,
                        inner_end: at,
                        close_end: after,
                    });
                    single = None;
                }
                None if opens => single = Some((at, after)),
                _ => {}
            }
        }
        prev = c;
    }
    if let (Some((open, inner, _)), true) = (double, continues) {
        out.push(Region {
            open,
            inner_start: inner,
            inner_end: pe,
            close_end: pe,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted words of every region.
    fn inner(text: &str) -> Vec<&str> {
        quoted_regions(text)
            .iter()
            .map(|r| &text[r.inner_start..r.inner_end])
            .collect()
    }

    macro_rules! case {
        ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<&str> = vec![$($want),*];
                assert_eq!(inner($text), want);
            }
        };
    }

    case!(
        curly_pair,
        "Ruiz said: “The dam holds.”",
        ["The dam holds."]
    );
    case!(
        straight_pair,
        "Ruiz said: \"The dam holds.\" Then left.",
        ["The dam holds."]
    );
    case!(
        split_quote,
        "“The dam,” Ruiz said, “holds.”",
        ["The dam,", "holds."]
    );
    case!(
        nested_single_is_inside_double,
        "“He called it ‘a wall’ again,” she said.",
        ["He called it ‘a wall’ again,"]
    );
    case!(
        single_pair_outside_double,
        "Ruiz: ‘The dam holds’ for now",
        ["The dam holds"]
    );
    case!(
        apostrophes_do_not_pair,
        "Ruiz’s dam and the voters’ choice don’t matter",
        []
    );
    case!(
        straight_apostrophes_do_not_pair,
        "Ruiz's dam, the 'old' one, isn't safe",
        ["old"]
    );
    case!(stray_close_is_ignored, "a ” b “c” d", ["c"]);
    case!(
        unbalanced_open_is_dropped,
        "He said “the dam holds.\n\nNext paragraph.",
        []
    );
    case!(
        continues_over_paragraphs,
        "“First part.\n\n“Second part,” she said.",
        ["First part.", "Second part,"]
    );
    case!(
        closing_mark_typed_as_opener,
        "Voters: ”We want jobs.” Then",
        ["We want jobs."]
    );
    case!(
        opening_mark_typed_as_closer,
        "He said “we want jobs.“ Then",
        ["we want jobs."]
    );
    case!(
        curly_open_straight_close,
        "there was “no evidence\" yet",
        ["no evidence"]
    );
    case!(
        curly_nested_in_straight,
        "\"It was a “rant,” she wrote.\" Then",
        ["It was a “rant,” she wrote."]
    );
    case!(german_marks, "Er sagte „Hallo“ laut", ["Hallo"]);
    case!(
        doubled_apostrophes_are_double_marks,
        "''The dam holds,'' Ruiz said of the town's ''old'' wall.",
        ["The dam holds,", "old"]
    );
    case!(
        backticks_open_a_double_mark,
        "Ruiz said ``the dam holds'' today.",
        ["the dam holds"]
    );
    case!(
        non_latin_text,
        "Он сказал: «Плотина держится».",
        ["Плотина держится"]
    );

    #[test]
    fn region_offsets_cover_the_marks() {
        let t = "x “ab” y";
        let r = quoted_regions(t)[0];
        assert_eq!(&t[r.open..r.close_end], "“ab”");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "\"",
            "'",
            "“",
            "”",
            "‘’",
            "\"\n\n\"",
            "a\u{0}\"b",
            "»«",
            "\n\n\n“",
        ] {
            for r in quoted_regions(t) {
                assert!(r.open <= r.inner_start && r.inner_start <= r.inner_end);
                assert!(r.inner_end <= r.close_end && r.close_end <= t.len());
            }
        }
    }
}

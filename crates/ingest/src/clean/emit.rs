//! The writer of cleaned text: copies runs of the original, normalises whitespace on the way,
//! and records every copied run in the [`SourceMap`].
//!
//! Invariant: every segment of the map covers bytes of `text` identical to the bytes of the
//! original it points at. The only bytes the writer invents are the `"\n\n"` between paragraphs
//! and a `' '` where it joins lines or replaces a run of whitespace that does not start with a
//! plain space.

use parallax_model::SourceMap;

/// A pending run of whitespace, written only if more text follows in the same paragraph.
#[derive(Debug, Clone, Copy)]
enum Gap {
    /// Whitespace in the original: where it starts, its first character, how many characters.
    Source {
        at: usize,
        first: char,
        count: usize,
    },
    /// A join between lines: a space that is not in the original.
    Join,
}

/// Builds cleaned text and its source map.
#[derive(Debug)]
pub(crate) struct Emitter<'a> {
    src: &'a str,
    text: String,
    map: SourceMap,
    gap: Option<Gap>,
    /// True until the current paragraph gets its first byte.
    para_empty: bool,
}

impl<'a> Emitter<'a> {
    pub fn new(src: &'a str) -> Self {
        Emitter {
            src,
            text: String::new(),
            map: SourceMap::default(),
            gap: None,
            para_empty: true,
        }
    }

    /// Starts a new paragraph; the separator is written lazily, so empty paragraphs vanish.
    pub fn paragraph(&mut self) {
        self.gap = None;
        self.para_empty = true;
    }

    /// Joins the next copied text to the current paragraph with one space.
    pub fn join_with_space(&mut self) {
        if self.gap.is_none() {
            self.gap = Some(Gap::Join);
        }
    }

    /// Joins the next copied text directly (after a hyphen that broke a word over two lines).
    pub fn join_tight(&mut self) {
        self.gap = None;
    }

    /// Copies `src[start..end]`, collapsing whitespace runs to one space and dropping
    /// whitespace at the edges of paragraphs.
    pub fn copy(&mut self, start: usize, end: usize) {
        let Some(piece) = self.src.get(start..end) else {
            return;
        };
        let mut run: Option<usize> = None;
        for (i, c) in piece.char_indices() {
            let at = start + i;
            if c.is_whitespace() {
                if let Some(r) = run.take() {
                    self.put(r, at);
                }
                self.gap = Some(match self.gap {
                    None | Some(Gap::Join) => Gap::Source {
                        at,
                        first: c,
                        count: 1,
                    },
                    Some(Gap::Source { at, first, count }) => Gap::Source {
                        at,
                        first,
                        count: count + 1,
                    },
                });
            } else if run.is_none() {
                run = Some(at);
            }
        }
        if let Some(r) = run {
            self.put(r, end);
        }
    }

    /// Writes the non-whitespace run `src[start..end]`, preceded by whatever separator is due.
    fn put(&mut self, start: usize, end: usize) {
        let Some(piece) = self.src.get(start..end) else {
            return;
        };
        if self.para_empty {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.para_empty = false;
        } else if let Some(gap) = self.gap {
            match gap {
                // A lone non-tab whitespace character (a no-break space, a thin space) is kept
                // exactly; a run, or a tab, becomes one space.
                Gap::Source { at, first, count }
                    if first == ' ' || (count == 1 && first != '\t') =>
                {
                    let len = if count == 1 { first.len_utf8() } else { 1 };
                    self.map.push(self.text.len(), at, len);
                    self.text
                        .push_str(self.src.get(at..at + len).unwrap_or(" "));
                }
                _ => self.text.push(' '),
            }
        }
        self.gap = None;
        self.map.push(self.text.len(), start, end - start);
        self.text.push_str(piece);
    }

    pub fn finish(self) -> (String, SourceMap) {
        (self.text, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(src: &str, text: &str, map: &SourceMap) {
        for s in &map.segments {
            assert_eq!(
                text.get(s.text..s.text + s.len),
                src.get(s.source..s.source + s.len),
                "{s:?}"
            );
        }
    }

    #[test]
    fn collapses_runs_and_trims_edges() {
        let src = "  one \t two   three\u{a0} ";
        let mut e = Emitter::new(src);
        e.copy(0, src.len());
        let (text, map) = e.finish();
        assert_eq!(text, "one two three");
        check_map(src, &text, &map);
    }

    #[test]
    fn keeps_a_lone_no_break_space_inside() {
        let src = "10\u{a0}km away";
        let mut e = Emitter::new(src);
        e.copy(0, src.len());
        let (text, map) = e.finish();
        assert_eq!(text, src);
        assert_eq!(map.segments.len(), 1);
    }

    #[test]
    fn paragraphs_and_joins() {
        let src = "alpha\nbeta\n\ngam-\nma";
        let mut e = Emitter::new(src);
        e.copy(0, 5);
        e.join_with_space();
        e.copy(6, 10);
        e.paragraph();
        e.paragraph(); // an empty paragraph leaves no trace
        e.copy(12, 16);
        e.join_tight();
        e.copy(17, 19);
        let (text, map) = e.finish();
        assert_eq!(text, "alpha beta\n\ngam-ma");
        check_map(src, &text, &map);
        assert_eq!(map.to_source(text.find("beta").unwrap_or(0)), 6);
    }
}

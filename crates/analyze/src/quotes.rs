//! Quotation marks → quotations.
//!
//! News uses every convention at once: curly and straight marks mixed in one quote, single
//! quotes for partial quotes in British style, „…“ and «…» in other languages, the
//! multi-paragraph convention (a paragraph that opens a quote without closing it, continued by a
//! paragraph that opens with a mark again), and quotes split by an attribution
//! (“…,” he said. “…”). Marks are first classified as opening or closing from what stands on
//! either side (glyphs lie: writers type ” for “ and " for both), then paired per paragraph.

use parallax_model::Span;

/// Families of marks that pair with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    Corner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    family: Family,
    role: Role,
    /// „ opens a quote that “ closes (German, Czech, Polish …).
    low: bool,
    /// A closing single quote that may instead be a plural possessive ("soldiers’ mothers").
    possessive: bool,
}

/// A quotation found by its marks, before speakers are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedQuote {
    /// Spans of the quoted words (inside the marks), one per paragraph or split part.
    pub parts: Vec<Span>,
    /// Spans including the marks, parallel to `parts`.
    pub outer: Vec<Span>,
    /// The quote is still open at the end of its last part (no closing mark found).
    pub unclosed: bool,
}

impl MarkedQuote {
    /// Start of the quoted words.
    pub fn start(&self) -> usize {
        self.parts.first().map_or(0, |p| p.0)
    }
    /// End of the quoted words.
    pub fn end(&self) -> usize {
        self.parts.last().map_or(0, |p| p.1)
    }
    /// The quoted words, parts joined with a space.
    pub fn text(&self, text: &str) -> String {
        let mut out = String::new();
        for p in &self.parts {
            let piece = p.of(text).trim();
            if piece.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(piece);
        }
        out
    }
}

fn family_of(c: char) -> Option<(Family, Option<Role>, bool)> {
    Some(match c {
        '“' => (Family::Double, Some(Role::Open), false),
        '”' => (Family::Double, Some(Role::Close), false),
        '„' => (Family::Double, Some(Role::Open), true),
        '"' => (Family::Double, None, false),
        '‘' => (Family::Single, Some(Role::Open), false),
        '’' => (Family::Single, Some(Role::Close), false),
        '‚' => (Family::Single, Some(Role::Open), true),
        '«' => (Family::Guillemet, Some(Role::Open), false),
        '»' => (Family::Guillemet, Some(Role::Close), false),
        '「' | '『' => (Family::Corner, Some(Role::Open), false),
        '」' | '』' => (Family::Corner, Some(Role::Close), false),
        _ => return None,
    })
}

fn opens_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':'),
    }
}

fn closes_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–' | '-' | '…'
                )
        }
    }
}

/// Classifies every quotation mark of `para` (a paragraph of `text` starting at `base`).
fn marks(para: &str, base: usize) -> Vec<Mark> {
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut out = Vec::new();
    let mut skip_next = false;
    for (i, &(at, c)) in chars.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        // Two apostrophes ('') or backticks (``) stand for a double mark in text that went
        // through ASCII-only systems (newswire archives, TeX-style copy).
        let doubled = matches!(c, '\'' | '`') && chars.get(i + 1).is_some_and(|&(_, n)| n == c);
        let (family, glyph_role, low) = if doubled {
            skip_next = true;
            let role = (c == '`').then_some(Role::Open);
            (Family::Double, role, false)
        } else {
            let Some(f) = family_of(c) else {
                continue;
            };
            f
        };
        let len = if doubled { 2 } else { c.len_utf8() };
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + if doubled { 2 } else { 1 }).map(|&(_, n)| n);
        let can_open = opens_after(prev) && next.is_some_and(|n| !n.is_whitespace());
        let can_close = closes_before(next) && prev.is_some_and(|p| !p.is_whitespace());
        let role = match family {
            // An apostrophe inside a word ("Russia’s", "don't") or after a plural ("soldiers’
            // mothers") is not a mark; a single quote only closes before a non-letter.
            Family::Single => {
                let letter_next = next.is_some_and(char::is_alphanumeric);
                let letter_prev = prev.is_some_and(char::is_alphanumeric);
                if letter_prev && letter_next {
                    continue;
                }
                if c == '\'' {
                    continue;
                }
                if can_open && glyph_role != Some(Role::Close) {
                    Role::Open
                } else if can_close {
                    Role::Close
                } else {
                    continue;
                }
            }
            _ => match (can_open, can_close) {
                (true, false) => Role::Open,
                (false, true) => Role::Close,
                // “… say, 'Well done,' " said Russo”: a space between a nested single close and
                // the double close.
                (false, false)
                    if c == '"'
                        && prev.is_some_and(char::is_whitespace)
                        && i.checked_sub(2)
                            .and_then(|j| chars.get(j))
                            .is_some_and(|&(_, pp)| matches!(pp, '\'' | '’')) =>
                {
                    Role::Close
                }
                _ => match glyph_role {
                    Some(r) => r,
                    // A lone straight mark between spaces or glued on both sides: skip it.
                    None => continue,
                },
            },
        };
        let possessive = family == Family::Single
            && role == Role::Close
            && prev == Some('s')
            && next == Some(' ')
            && chars.get(i + 2).is_some_and(|&(_, c)| c.is_lowercase());
        out.push(Mark {
            at: base + at,
            len,
            family,
            role,
            low,
            possessive,
        });
    }
    out
}

/// Pairs the marks of one paragraph. Returns quotes (outer and inner spans) and, when the
/// paragraph leaves a double quote open, the open mark.
fn pair(text: &str, marks: &[Mark]) -> (Vec<(Span, Span)>, Option<Mark>) {
    // Whether a closing single quote follows each mark, computed once: checking by rescanning
    // the rest of the paragraph per mark was quadratic in long paragraphs.
    let mut close_after = vec![false; marks.len() + 1];
    for k in (0..marks.len()).rev() {
        let m = marks[k];
        close_after[k] =
            close_after[k + 1] || (m.family == Family::Single && m.role == Role::Close);
    }
    let mut quotes = Vec::new();
    let mut open: Option<Mark> = None;
    // Single and corner quotes nested inside a double quote are part of its words.
    let mut inner_open: Option<Mark> = None;
    for (k, m) in marks.iter().enumerate() {
        match (open, m.role) {
            (None, Role::Open) => {
                if m.family == Family::Single && !close_after[k + 1] {
                    continue;
                }
                open = Some(*m);
            }
            (None, Role::Close) => {}
            (Some(o), role) => {
                let closes_it = m.family == o.family
                    || (o.low && m.family == Family::Double && o.family == Family::Double);
                if m.possessive && close_after[k + 1] {
                    continue;
                }
                if !closes_it {
                    // A nested quote of another family: track so its close does not confuse us.
                    if role == Role::Open {
                        inner_open = Some(*m);
                    } else if inner_open.is_some_and(|i| i.family == m.family) {
                        inner_open = None;
                    }
                    continue;
                }
                // „ is closed by “ or ”; any glyph of the family may close a quote.
                let is_close = role == Role::Close || (o.low && text[m.at..].starts_with('“'));
                if is_close || m.family == Family::Double {
                    if role == Role::Open && !is_close {
                        // Two openings in a row: the writer forgot a closing mark. Close the
                        // first quote before the new opening and start again.
                        let inner = Span(o.at + o.len, m.at);
                        quotes.push((Span(o.at, m.at), trim_span(text, inner)));
                        open = Some(*m);
                        continue;
                    }
                    let inner = Span(o.at + o.len, m.at);
                    quotes.push((Span(o.at, m.at + m.len), trim_span(text, inner)));
                    open = None;
                    inner_open = None;
                } else if role == Role::Open {
                    open = Some(*m);
                }
            }
        }
    }
    (quotes, open)
}

fn trim_span(text: &str, s: Span) -> Span {
    let piece = s.of(text);
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    Span(s.0 + lead, s.0 + lead + trimmed.len())
}

/// Finds the quotations of `text`, given its paragraph spans, in text order.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<MarkedQuote> {
    let mut out: Vec<MarkedQuote> = Vec::new();
    // A quote left open by the previous paragraph, waiting for the multi-paragraph convention.
    let mut carried: Option<MarkedQuote> = None;
    for p in paragraphs {
        let para = p.of(text);
        let ms = marks(para, p.0);
        let mut ms_slice: &[Mark] = &ms;
        if let Some(mut c) = carried.take() {
            // The convention: the continuing paragraph opens with a mark.
            if let Some(first) = ms.first().filter(|m| m.at == p.0 && m.role == Role::Open) {
                let rest = &ms[1..];
                let close = rest.iter().position(|m| {
                    m.family == first.family
                        && (m.role == Role::Close || m.family == Family::Double)
                });
                match close {
                    Some(ci) => {
                        let m = rest[ci];
                        c.parts
                            .push(trim_span(text, Span(first.at + first.len, m.at)));
                        c.outer.push(Span(first.at, m.at + m.len));
                        c.unclosed = false;
                        out.push(c);
                        ms_slice = &rest[ci + 1..];
                    }
                    None => {
                        c.parts
                            .push(trim_span(text, Span(first.at + first.len, p.1)));
                        c.outer.push(Span(first.at, p.1));
                        carried = Some(c);
                        continue;
                    }
                }
            } else {
                out.push(c);
            }
        }
        let (pairs, open) = pair(text, ms_slice);
        for (outer, inner) in pairs {
            if inner.0 < inner.1 {
                out.push(MarkedQuote {
                    parts: vec![inner],
                    outer: vec![outer],
                    unclosed: false,
                });
            }
        }
        if let Some(o) = open {
            if matches!(
                o.family,
                Family::Double | Family::Guillemet | Family::Corner
            ) {
                let inner = trim_span(text, Span(o.at + o.len, p.1));
                if inner.0 < inner.1 {
                    carried = Some(MarkedQuote {
                        parts: vec![inner],
                        outer: vec![Span(o.at, p.1)],
                        unclosed: true,
                    });
                }
            }
        }
    }
    if let Some(c) = carried {
        out.push(c);
    }
    out.sort_by_key(|q| q.start());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<String> {
        let paras: Vec<Span> = parallax_text::paragraphs(text)
            .into_iter()
            .map(|(a, b)| Span(a, b))
            .collect();
        find_quotes(text, &paras)
            .iter()
            .map(|q| q.text(text))
            .collect()
    }

    macro_rules! case {
        ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                let want: Vec<&str> = vec![$($want),*];
                assert_eq!(quotes($text), want);
            }
        };
    }

    case!(
        curly_quote_with_cue,
        "“We will rebuild,” she said.",
        ["We will rebuild,"]
    );
    case!(
        straight_quotes,
        "He said: \"Not today.\" Then he left.",
        ["Not today."]
    );
    case!(
        mixed_straight_open_curly_close,
        "\"It was a good day,” he said.",
        ["It was a good day,"]
    );
    case!(
        curly_glyph_typed_backwards,
        "”Wrong glyph,” he said.",
        ["Wrong glyph,"]
    );
    case!(
        apostrophes_are_not_quotes,
        "Russia’s soldiers’ mothers don't agree.",
        []
    );
    case!(
        single_quotes_partial,
        "He said he ‘shares this pain’ with them.",
        ["shares this pain"]
    );
    case!(
        single_quote_after_plural_possessive,
        "The ‘soldiers’ mothers’ group, she said.",
        ["soldiers’ mothers"]
    );
    case!(
        nested_single_inside_double,
        "“He called it ‘a disgrace’ today,” she said.",
        ["He called it ‘a disgrace’ today,"]
    );
    case!(
        german_low_high,
        "Er sagte: „Wir schaffen das“ und ging.",
        ["Wir schaffen das"]
    );
    case!(
        french_guillemets,
        "Il a dit : « Nous gagnerons » hier.",
        ["Nous gagnerons"]
    );
    case!(
        japanese_corners,
        "彼は「明日来ます」と言った。",
        ["明日来ます"]
    );
    case!(
        split_by_attribution_gives_two_marked_quotes,
        "“First part,” he said. “Second part.”",
        ["First part,", "Second part."]
    );
    case!(
        multi_paragraph_convention,
        "“First paragraph of speech.\n\n“Second paragraph,” she said.",
        ["First paragraph of speech. Second paragraph,"]
    );
    case!(
        unclosed_quote_runs_to_paragraph_end,
        "“Never closed\n\nNarration follows.",
        ["Never closed"]
    );
    case!(
        missing_close_before_new_open,
        "“One “Two,” he said.",
        ["One", "Two,"]
    );
    case!(
        doubled_apostrophes_stand_for_double_marks,
        "''We will rebuild,'' she said of the town's ''old'' pier.",
        ["We will rebuild,", "old"]
    );
    case!(
        backticks_and_apostrophes,
        "He said ``not today'' and left.",
        ["not today"]
    );
    case!(
        doubled_apostrophes_over_paragraphs,
        "''First paragraph of speech.\n\n''Second paragraph,'' she said.",
        ["First paragraph of speech. Second paragraph,"]
    );
    case!(
        inch_marks_alone_are_skipped,
        "A 12\" pipe and a 3\" nail.",
        []
    );
    case!(empty_quotes_skipped, "An empty “” pair.", []);

    #[test]
    fn multi_paragraph_quote_has_one_part_per_paragraph() {
        let t = "“One.\n\n“Two.”";
        let paras: Vec<Span> = parallax_text::paragraphs(t)
            .into_iter()
            .map(|(a, b)| Span(a, b))
            .collect();
        let q = find_quotes(t, &paras);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].parts.len(), 2);
        assert_eq!(q[0].parts[1].of(t), "Two.");
    }
}

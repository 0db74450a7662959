//! Numbers that are not figures: dates and years (found by the date rules), times, list
//! numbering, phone numbers, identifiers ("Flight 17", "Pier 4", "No. 5") and numbers glued to
//! symbols ("11/25", "17:30", "#5").

use crate::figure_number::word;
use crate::figure_phrase::{gap_after, joined, Tok};
use crate::figures::QUALIFIERS;
use crate::numbers::month_number;

/// Words before a number that make it a name or an identifier ("Flight 17", "Article 5").
pub(crate) const IDENTIFIER_WORDS: &[&str] = &[
    "article",
    "chapter",
    "channel",
    "clause",
    "flight",
    "gate",
    "no",
    "number",
    "page",
    "paragraph",
    "platform",
    "resolution",
    "room",
    "route",
    "section",
    "version",
];

/// Time-of-day words after a number.
pub(crate) const TIME_WORDS: &[&str] = &[
    "am", "bst", "cet", "cest", "edt", "est", "gmt", "hrs", "msk", "o'clock", "pdt", "pm", "pst",
    "utc",
];

/// How a word before a number makes it a name.
#[derive(PartialEq)]
pub(crate) enum Identifier {
    /// "Flight 17", "No. 5".
    Word,
    /// A capitalised word inside a sentence ("Pier 4"); unless a plural noun follows ("invaded
    /// Ukraine 9 months ago").
    Name,
}

/// True when `[start, end)` overlaps any of the sorted, disjoint `spans`.
pub(crate) fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|s| s.1 <= start);
    spans.get(i).is_some_and(|s| s.0 < end)
}

/// Numbers glued to "/", ":" or "#" are dates, times, scores, ratios or identifiers.
pub(crate) fn glued_to_symbol(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let mut after = text.get(end..).map(str::chars).into_iter().flatten();
    let a0 = after.next();
    let a1 = after.next();
    matches!(before, Some('/' | '#' | ':' | '+' | '_' | '@'))
        || matches!(a0, Some('/'))
        || (matches!(a0, Some(':' | '.')) && a1.is_some_and(|c| c.is_ascii_digit()))
}

/// "1. First item" or "2) Second item" at the start of a line.
pub(crate) fn is_list_number(text: &str, start: usize, end: usize) -> bool {
    // Only blanks may stand between the line start and the number: walk back over them
    // (searching for the line start itself was quadratic on text without line breaks).
    let lead_blank = text.get(..start).is_some_and(|s| {
        let rest = s.trim_end_matches([' ', '\t']);
        rest.is_empty() || rest.ends_with('\n') || rest.ends_with('\r')
    });
    let mark = text.get(end..).and_then(|s| s.chars().next());
    lead_blank && matches!(mark, Some('.' | ')'))
}

/// The last token of a run of numbers joined by "and", "or" or commas ("Piers 3, 4 and 5").
pub(crate) fn number_run_end(text: &str, toks: &[Tok<'_>], i: usize) -> usize {
    let digits = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.low.starts_with(|c: char| c.is_ascii_digit()))
    };
    let mut last = i;
    loop {
        let gap = gap_after(text, toks, last);
        if gap.trim() == "," && digits(last + 1) {
            last += 1;
        } else if joined(text, toks, last)
            && toks
                .get(last + 1)
                .is_some_and(|t| t.low == "and" || t.low == "or")
            && joined(text, toks, last + 1)
            && digits(last + 2)
        {
            last += 2;
        } else {
            return last;
        }
    }
}

/// Identifier words ("Flight 17", "No. 5") and mid-sentence capitalised names ("Pier 4").
pub(crate) fn identifier_before(
    text: &str,
    toks: &[Tok<'_>],
    before: Option<usize>,
) -> Option<Identifier> {
    let b = before?;
    let t = toks.get(b)?;
    let next = toks.get(b + 1)?;
    let gap = text.get(t.end..next.start).unwrap_or("");
    if gap.contains('\n') || gap.trim().len() > 1 {
        return None;
    }
    if IDENTIFIER_WORDS.contains(&t.low.as_str())
        && (t.text.starts_with(char::is_uppercase) || gap.trim() == ".")
    {
        return Some(Identifier::Word);
    }
    // A capitalised word names a thing the number belongs to.
    let capital = t.text.starts_with(char::is_uppercase) && t.text.chars().any(char::is_lowercase);
    let opens_sentence = b == 0
        || text
            .get(..t.start)
            .and_then(|s| s.trim_end().chars().next_back())
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | '"' | '“' | '”' | ':' | '\n'));
    let calendar_word = month_number(t.text).is_some() || t.text.parse::<chrono::Weekday>().is_ok();
    // At the start of a sentence only a content word can be a name: "Pier 4 will reopen", but
    // "Only 12 boats", "All 300 passengers".
    let function_word = parallax_text::is_stopword(&t.low)
        || matches!(
            t.low.as_str(),
            "all"
                | "another"
                | "both"
                | "each"
                | "every"
                | "exactly"
                | "just"
                | "only"
                | "these"
                | "those"
        );
    let qualifier = QUALIFIERS.iter().any(|(w, _)| w.contains(&t.low.as_str()));
    let possessive = t.low.ends_with("'s");
    let excused = (opens_sentence && function_word) || calendar_word || possessive || qualifier;
    (capital && !excused && gap.trim().is_empty()).then_some(Identifier::Name)
}

/// Three or more groups of digits joined by spaces, dashes, dots or brackets: a phone number.
pub(crate) fn is_phone(text: &str, toks: &[Tok<'_>], first: usize, last: usize) -> bool {
    let groups = |t: &Tok<'_>| {
        t.low
            .split('-')
            .filter(|g| g.bytes().all(|b| b.is_ascii_digit()) && !g.is_empty())
            .count()
    };
    let is_digits = |t: &Tok<'_>| t.low.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    let phone_gap = |k: usize| {
        let g = gap_after(text, toks, k);
        !g.is_empty() && g.len() <= 3 && g.chars().all(|c| matches!(c, ' ' | '-' | '(' | ')' | '.'))
    };
    let mut count: usize = toks
        .get(first..=last)
        .map_or(0, |s| s.iter().map(groups).sum());
    let mut k = first;
    while k > 0 && phone_gap(k - 1) && toks.get(k - 1).is_some_and(is_digits) {
        k -= 1;
        count += toks.get(k).map_or(0, groups);
    }
    let mut k = last;
    while phone_gap(k) && toks.get(k + 1).is_some_and(is_digits) {
        k += 1;
        count += toks.get(k).map_or(0, groups);
    }
    count >= 3
}

/// "5 p.m.", "17:30", "9am", "10 GMT".
pub(crate) fn is_time(text: &str, toks: &[Tok<'_>], last: usize) -> bool {
    let Some(next) = word(text, toks, last + 1) else {
        return false;
    };
    if TIME_WORDS.contains(&next) {
        return true;
    }
    // "a.m." splits into "a" "m".
    matches!(next, "a" | "p")
        && toks.get(last + 1).is_some_and(|t| {
            text.get(t.end..)
                .is_some_and(|r| r.starts_with(".m") || r.starts_with(". m"))
        })
}

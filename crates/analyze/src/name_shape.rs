//! The shape of a capitalised name: what makes it a place, a date word or an organisation's
//! possessive, and the speech cue that follows it. Helpers of `entities.rs`, kept apart so
//! each file holds one concept.

use parallax_text::Word;

use crate::lexicon::Lexicon;

/// True when the word starts with a capital letter.
pub(crate) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The word without a trailing possessive "’s".
pub(crate) fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

/// Weekdays and months: capitalised, but never names ("May" is handled apart: it is also a
/// surname).
const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Words before "May" that make it the month ("in May", "since May").
const MONTH_LEADS: &[&str] = &[
    "in", "of", "since", "until", "by", "early", "late", "last", "next", "mid", "from", "through",
];

/// First or last words that make an unknown name a place ("Port Ellery", "Net Lane").
const PLACE_HEADS: &[&str] = &["Port", "Fort", "Mount", "Lake", "Cape", "Saint", "St"];
const PLACE_TAILS: &[&str] = &[
    "Street",
    "Road",
    "Avenue",
    "Lane",
    "Row",
    "Square",
    "Boulevard",
    "Bridge",
    "Harbour",
    "Harbor",
    "Bay",
    "River",
    "Island",
    "Islands",
    "County",
    "Province",
    "Valley",
    "Quay",
    "Pier",
    "Park",
    "Hill",
    "Heights",
];

/// A town, street or landmark by its shape: "Port Ellery", "Net Lane", "Chandlers Row".
pub(crate) fn is_place_shaped(name: &[Word]) -> bool {
    name.len() >= 2
        && (name.first().is_some_and(|w| PLACE_HEADS.contains(&w.text))
            || name
                .last()
                .is_some_and(|w| PLACE_TAILS.contains(&strip_possessive(w.text))))
}

/// A weekday or a month, never a name. "May" is the month alone and after a word that leads a
/// date ("in May"); else it may be a surname.
pub(crate) fn is_calendar(text: &str, w: &Word) -> bool {
    CALENDAR.contains(&strip_possessive(w.text))
        || w.text == "May" && word_before(text, w.start).is_some_and(|b| MONTH_LEADS.contains(&b))
}

/// The cue after an apposition that follows a name: "Nell Carraway, who chairs the Port
/// Ellery Fishers’ Cooperative, said" / "Ruiz, the harbour master, told". Looks no further
/// than the sentence and a short clause.
pub(crate) fn cue_after_apposition(text: &str, at: usize) -> Option<&str> {
    let tail = text.get(at..)?.strip_prefix(", ")?;
    let mut end = tail.len().min(160);
    while !tail.is_char_boundary(end) {
        end -= 1;
    }
    let window = tail.get(..end)?;
    let comma = window.find(", ")?;
    let clause = &window[..comma];
    if clause.contains(['.', '\n', '“', '"', ';', ':', '(']) {
        return None;
    }
    let lex = Lexicon::get();
    let w = word_after(text, at + 2 + comma + 1)?;
    lex.cue(w).is_some().then_some(w)
}

/// The lower-case word right before `at` (one space apart), if any.
pub(crate) fn word_before(text: &str, at: usize) -> Option<&str> {
    let head = text.get(..at)?;
    let head = head.strip_suffix(' ')?;
    let start = head
        .rfind(|c: char| !c.is_alphanumeric() && c != '-')
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let w = &head[start..];
    (!w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-')).then_some(w)
}

/// The lower-case word right after `at` (one space apart), if any.
pub(crate) fn word_after(text: &str, at: usize) -> Option<&str> {
    let tail = text.get(at..)?;
    let tail = tail.strip_prefix(' ')?;
    let end = tail
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(tail.len());
    let w = &tail[..end];
    (!w.is_empty() && w.chars().all(char::is_lowercase)).then_some(w)
}

/// True when the capitalised words from `ws[j]` on (one space apart) hold an organisation word.
pub(crate) fn org_word_follows(text: &str, ws: &[Word], j: usize) -> bool {
    let lex = Lexicon::get();
    let mut k = j;
    while let Some(w) = ws.get(k) {
        if !is_cap(w.text) {
            return false;
        }
        if lex.org_words.contains(strip_possessive(w.text)) {
            return true;
        }
        match ws.get(k + 1) {
            Some(n) if text.get(w.end..n.start) == Some(" ") => k += 1,
            _ => return false,
        }
    }
    false
}

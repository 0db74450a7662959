//! What a figure counts: the noun phrase after a number ("300,000 *reservists*"), the
//! participle phrase that says what happened to them ("soldiers *killed or wounded*"), and, when
//! no noun follows, the noun before ("the *death toll* rose to 146").
//!
//! No part-of-speech model: news prose puts the counted noun right after the number, so a short
//! run of content words that stops at function words, auxiliaries and participles finds the
//! head noun in the great majority of cases. Each helper looks at a handful of words, so the
//! whole pass stays linear in the text.

use parallax_text::{fold_word, is_stopword};

use crate::numbers::{cardinal_word, month_number, scale_word, vague_plural};

/// A word of the text with its byte span and its folded (lower-case) form.
pub(crate) struct Tok<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The word as written.
    pub text: &'a str,
    /// Lower-cased, with typographic apostrophes folded.
    pub low: String,
}

/// The words of `text` as [`Tok`]s.
pub(crate) fn tokens(text: &str) -> Vec<Tok<'_>> {
    parallax_text::words(text)
        .into_iter()
        .map(|w| Tok {
            start: w.start,
            end: w.end,
            text: w.text,
            low: fold_word(w.text),
        })
        .collect()
}

/// The text between token `i` and token `i + 1` (empty when either is missing).
pub(crate) fn gap_after<'t>(text: &'t str, toks: &[Tok<'_>], i: usize) -> &'t str {
    match (toks.get(i), toks.get(i + 1)) {
        (Some(a), Some(b)) => text.get(a.end..b.start).unwrap_or(""),
        _ => "",
    }
}

/// True when tokens `i` and `i + 1` are separated by spaces only, inside one line: a phrase
/// never runs across punctuation or a line break.
pub(crate) fn joined(text: &str, toks: &[Tok<'_>], i: usize) -> bool {
    i + 1 < toks.len()
        && gap_after(text, toks, i)
            .chars()
            .all(|c| c == ' ' || c == '\u{a0}' || c == '\t')
}

/// Words that end a noun phrase or never start one, beyond the shared stop words.
const FUNCTION: &[&str] = &[
    "aboard",
    "above",
    "according",
    "across",
    "after",
    "against",
    "ago",
    "all",
    "along",
    "alongside",
    "already",
    "amid",
    "among",
    "another",
    "any",
    "around",
    "before",
    "behind",
    "below",
    "beside",
    "between",
    "beyond",
    "both",
    "but",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "ever",
    "every",
    "except",
    "here",
    "how",
    "if",
    "including",
    "inside",
    "is",
    "just",
    "last",
    "later",
    "least",
    "less",
    "like",
    "many",
    "may",
    "might",
    "more",
    "most",
    "must",
    "near",
    "neither",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "off",
    "only",
    "onto",
    "other",
    "out",
    "outside",
    "over",
    "past",
    "per",
    "percent",
    "said",
    "say",
    "says",
    "shall",
    "should",
    "since",
    "some",
    "still",
    "such",
    "than",
    "through",
    "throughout",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "unlike",
    "until",
    "up",
    "upon",
    "very",
    "via",
    "where",
    "whether",
    "while",
    "why",
    "will",
    "within",
    "without",
    "would",
    "yet",
];

/// Common irregular past-tense verbs: the clause goes on after the counted noun ("17 engines
/// *came*").
const PAST_VERBS: &[&str] = &[
    "ate", "became", "began", "came", "fled", "flew", "gave", "got", "grew", "knew", "led", "met",
    "ran", "rose", "sat", "saw", "spoke", "stood", "swam", "took", "went", "woke", "wore", "wrote",
];

/// Auxiliaries and relative words between a noun and its participle ("reservists *who were*
/// called up").
const AUX: &[&str] = &[
    "allegedly",
    "already",
    "also",
    "are",
    "be",
    "been",
    "being",
    "had",
    "has",
    "have",
    "is",
    "later",
    "now",
    "reportedly",
    "since",
    "that",
    "were",
    "was",
    "which",
    "who",
    "would",
];

/// Irregular participles and predicate adjectives that say what happened to what was counted.
const PARTICIPLES: &[&str] = &[
    "alive", "beaten", "born", "brought", "built", "caught", "chosen", "dead", "driven", "fought",
    "found", "given", "held", "hidden", "hit", "hurt", "kept", "known", "left", "lost", "made",
    "missing", "paid", "put", "seen", "sent", "shot", "slain", "sold", "spent", "stolen", "struck",
    "taken", "thrown", "told", "won",
];

/// "-ed" words that are not participles.
const NOT_PARTICIPLES: &[&str] = &[
    "breed", "exceed", "greed", "hundred", "indeed", "need", "proceed", "seed", "speed", "succeed",
];

/// Particles that belong to a phrasal participle ("called *up*", "wiped *out*").
const PARTICLES: &[&str] = &["away", "back", "down", "in", "off", "out", "up"];

/// Words that may stand between a noun and the number it is given ("the death toll *rose to*
/// 146", "a turnout *of* 46 percent").
const LINKS: &[&str] = &[
    "at",
    "from",
    "worth",
    "been",
    "climbed",
    "doubled",
    "dropped",
    "fell",
    "grew",
    "had",
    "has",
    "have",
    "hit",
    "increased",
    "is",
    "jumped",
    "now",
    "numbered",
    "of",
    "reached",
    "rose",
    "stands",
    "stood",
    "to",
    "totaled",
    "totalled",
    "was",
    "were",
];

/// Determiners that may follow "of" before the counted noun ("100,000 *of their* soldiers").
const OF_DETERMINERS: &[&str] = &["his", "her", "its", "our", "the", "their", "these", "those"];

/// True for a past participle or a predicate such as "dead" or "missing".
pub(crate) fn is_participle(low: &str) -> bool {
    PARTICIPLES.contains(&low)
        || (low.len() >= 5
            && low.ends_with("ed")
            && !NOT_PARTICIPLES.contains(&low)
            && is_alpha(low))
}

fn is_alpha(low: &str) -> bool {
    low.chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && low.chars().next().is_some_and(char::is_alphabetic)
}

/// Could this word be part of a counted noun phrase?
fn is_np_word(t: &Tok<'_>) -> bool {
    let w = t.low.as_str();
    is_alpha(w)
        && !is_stopword(w)
        && !FUNCTION.contains(&w)
        && cardinal_word(w).is_none()
        && scale_word(w).is_none()
        && vague_plural(w).is_none()
        && month_number(t.text).is_none_or(|_| t.text.starts_with(char::is_lowercase))
        && !w.ends_with("'s")
        && !w.ends_with("ly")
        && !PAST_VERBS.contains(&w)
}

/// Looks like a plural noun: "boats", "engines"; not "yes", "glass", "bus", "analysis".
pub(crate) fn is_plural(low: &str) -> bool {
    low.len() > 3 && low.ends_with('s') && !["ss", "us", "is"].iter().any(|e| low.ends_with(e))
}

/// Adjectives that may be joined by "and" inside a noun phrase ("well-trained and
/// well-equipped men"): hyphenated words and common adjective endings.
fn is_adjective_like(low: &str) -> bool {
    low.contains('-')
        || ["ed", "al", "ic", "ian", "ese", "ish", "ive", "ful", "ous"]
            .iter()
            .any(|s| low.ends_with(s))
}

/// A noun phrase, known by its head (the last word).
pub(crate) struct NounPhrase {
    /// Head noun: the last word.
    pub head: usize,
}

/// The noun phrase starting at token `j`, if there is one; `of_allowed` lets it open with "of"
/// plus a determiner ("of their soldiers") or a bare "of" ("thousands of soldiers").
pub(crate) fn noun_phrase(
    text: &str,
    toks: &[Tok<'_>],
    j: usize,
    of_allowed: bool,
) -> Option<NounPhrase> {
    let mut k = j;
    if of_allowed && toks.get(k)?.low == "of" && joined(text, toks, k) {
        k += 1;
        if toks
            .get(k)
            .is_some_and(|t| OF_DETERMINERS.contains(&t.low.as_str()))
            && joined(text, toks, k)
        {
            k += 1;
        }
    }
    let mut words: Vec<usize> = Vec::new();
    while words.len() < 4 {
        let Some(t) = toks.get(k) else { break };
        if let Some(&prev) = words.last() {
            if !joined(text, toks, prev) {
                break;
            }
        }
        let w = t.low.as_str();
        if (w == "and" || w == "or") && !words.is_empty() {
            let prev_adj = words
                .last()
                .and_then(|&p| toks.get(p))
                .is_some_and(|p| is_adjective_like(&p.low));
            let next_ok = joined(text, toks, k) && toks.get(k + 1).is_some_and(is_np_word);
            if prev_adj && next_ok {
                k += 1;
                continue;
            }
            break;
        }
        if !is_np_word(t) {
            break;
        }
        // A participle after a noun starts the verb phrase ("reservists called up"), unless a
        // noun follows it ("killed soldiers" is rare; "armed men" is not).
        let verbal = is_participle(w) || w.ends_with("ing");
        // Only among leading modifiers ("well-trained and well-equipped men"); after a noun a
        // participle always starts the verb phrase ("members voted yes").
        let after_modifiers = words.iter().all(|&m| {
            toks.get(m).is_some_and(|t| {
                is_participle(&t.low) || t.low.ends_with("ing") || is_adjective_like(&t.low)
            })
        });
        if verbal && !words.is_empty() && !after_modifiers {
            break;
        }
        if verbal && !words.is_empty() {
            let next_is_noun = joined(text, toks, k)
                && toks
                    .get(k + 1)
                    .is_some_and(|n| is_np_word(n) && !is_participle(&n.low));
            if !next_is_noun {
                break;
            }
        }
        words.push(k);
        k += 1;
    }
    // Drop trailing participles: "300 injured" counts the injured, the unit is unknown.
    while words
        .last()
        .and_then(|&h| toks.get(h))
        .is_some_and(|h| is_participle(&h.low))
    {
        words.pop();
    }
    // Without a tagger a verb can slip in after the noun ("17 fire engines came"): when an
    // earlier word is plural and the last is not, the plural word is the head.
    let plural = |k: &usize| toks.get(*k).is_some_and(|t| is_plural(&t.low));
    if words.len() > 1 && !words.last().is_some_and(plural) {
        if let Some(p) = words.iter().rposition(plural) {
            words.truncate(p + 1);
        }
    }
    let head = *words.last()?;
    Some(NounPhrase { head })
}

/// The participle phrase after token `after` (exclusive), skipping auxiliaries: "called up",
/// "killed or wounded", as folded words joined by spaces.
pub(crate) fn verb_phrase(text: &str, toks: &[Tok<'_>], after: usize) -> Option<String> {
    let mut k = after + 1;
    let mut skipped = 0;
    if !joined(text, toks, after) {
        return None;
    }
    while skipped < 4 && toks.get(k).is_some_and(|t| AUX.contains(&t.low.as_str())) {
        if !joined(text, toks, k) {
            return None;
        }
        k += 1;
        skipped += 1;
    }
    let first = toks.get(k).filter(|t| is_participle(&t.low))?;
    let mut words = vec![first.low.clone()];
    let mut last = k;
    let take_particle = |last: &mut usize, words: &mut Vec<String>| {
        if let Some(p) = toks
            .get(*last + 1)
            .filter(|p| PARTICLES.contains(&p.low.as_str()))
        {
            if joined(text, toks, *last) {
                words.push(p.low.clone());
                *last += 1;
            }
        }
    };
    take_particle(&mut last, &mut words);
    // "killed or wounded", "killed and injured".
    if let (Some(c), Some(v)) = (toks.get(last + 1), toks.get(last + 2)) {
        if (c.low == "or" || c.low == "and")
            && is_participle(&v.low)
            && joined(text, toks, last)
            && joined(text, toks, last + 1)
        {
            words.push(c.low.clone());
            words.push(v.low.clone());
            last += 2;
            take_particle(&mut last, &mut words);
        }
    }
    Some(words.join(" "))
}

/// The noun that a number is given for when the noun comes first ("the death toll rose to
/// 146" → "death toll"): skips up to three linking words before byte `start`, where the
/// figure phrase begins, and takes up to two lower-case content words.
pub(crate) fn subject_before(text: &str, toks: &[Tok<'_>], start: usize) -> Option<String> {
    let mut k = toks.partition_point(|t| t.end <= start);
    if k == 0 || !spaces_before(text, toks, k, start) {
        return None;
    }
    let mut links = 0;
    while links < 3
        && k > 0
        && (links == 0 || joined(text, toks, k - 1))
        && toks
            .get(k - 1)
            .is_some_and(|t| LINKS.contains(&t.low.as_str()))
    {
        k -= 1;
        links += 1;
    }
    // An apposition may put a comma before the link: "the fund, worth €210 million".
    let comma = links > 0 && k > 0 && gap_after(text, toks, k - 1) == ", ";
    let mut words = Vec::new();
    let mut first = true;
    while words.len() < 2
        && k > 0
        && ((first && links == 0) || joined(text, toks, k - 1) || (comma && words.is_empty()))
    {
        first = false;
        let Some(t) = toks.get(k - 1) else { break };
        let lower_case = t.text.starts_with(char::is_lowercase);
        if !lower_case || !is_np_word(t) || is_participle(&t.low) || t.low.ends_with("ing") {
            break;
        }
        words.push(t.low.clone());
        k -= 1;
    }
    if words.is_empty() {
        return None;
    }
    words.reverse();
    Some(words.join(" "))
}

/// A participle right before the figure phrase, which begins at byte `start`: "the blast
/// *killed* 12 people" → "killed".
pub(crate) fn participle_before(text: &str, toks: &[Tok<'_>], start: usize) -> Option<String> {
    let k = toks.partition_point(|t| t.end <= start);
    let t = toks.get(k.checked_sub(1)?)?;
    (spaces_before(text, toks, k, start) && t.low.ends_with("ed") && is_participle(&t.low))
        .then(|| t.low.clone())
}

/// Time units that make "a day", "a year" a rate ("300 barrels a day").
const RATE_UNITS: &[&str] = &["day", "hour", "minute", "month", "second", "week", "year"];

/// A distributive phrase after token `last`: "from each country", "per second", "a day",
/// "apiece", also after what the unit measures ("cubic metres of water per second"). Returns
/// the noun (or "each") and the phrase's last token. "Every" needs a preposition: "stations
/// every day" tells when, not how many per day.
pub(crate) fn per_phrase(text: &str, toks: &[Tok<'_>], last: usize) -> Option<(String, usize)> {
    let mut k = last + 1;
    let w = |k: usize| {
        (k > 0 && joined(text, toks, k - 1))
            .then(|| toks.get(k).map(|t| t.low.as_str()))
            .flatten()
    };
    if matches!(w(k)?, "apiece" | "each") && w(k + 1).is_none_or(|n| !is_np_word_str(n)) {
        return Some(("each".to_string(), k));
    }
    if w(k) == Some("of") {
        let material = (k + 1..k + 3)
            .take_while(|&m| w(m).is_some_and(is_np_word_str))
            .count();
        if material > 0 && w(k + 1 + material) == Some("per") {
            k += 1 + material;
        }
    }
    let preposition = matches!(w(k)?, "from" | "in" | "for" | "to");
    if preposition {
        k += 1;
    }
    match w(k)? {
        "each" | "per" => {
            let noun = w(k + 1).filter(|n| is_np_word_str(n))?;
            Some((noun.to_string(), k + 1))
        }
        "every" if preposition => {
            let noun = w(k + 1).filter(|n| is_np_word_str(n))?;
            Some((noun.to_string(), k + 1))
        }
        "a" | "an" if !preposition => {
            let unit = w(k + 1).filter(|u| RATE_UNITS.contains(u))?;
            Some((unit.to_string(), k + 1))
        }
        _ => None,
    }
}

fn is_np_word_str(w: &str) -> bool {
    is_alpha(w) && !is_stopword(w) && !FUNCTION.contains(&w)
}

/// True when only spaces stand between token `k - 1` and byte `start`.
fn spaces_before(text: &str, toks: &[Tok<'_>], k: usize, start: usize) -> bool {
    k.checked_sub(1)
        .and_then(|p| toks.get(p))
        .and_then(|t| text.get(t.end..start))
        .is_some_and(|g| g.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn np(text: &str, from_word: usize) -> Option<String> {
        let toks = tokens(text);
        noun_phrase(text, &toks, from_word, true).map(|p| toks[p.head].low.clone())
    }

    #[test]
    fn noun_phrase_heads() {
        let cases = [
            (
                "head_is_plain_noun",
                "300 reservists who were called up",
                Some("reservists"),
            ),
            (
                "of_their_is_skipped",
                "100 of their soldiers killed",
                Some("soldiers"),
            ),
            (
                "adjectives_joined_by_and",
                "5 well-trained and well-equipped men would",
                Some("men"),
            ),
            (
                "participle_ends_phrase",
                "40 villagers displaced by floods",
                Some("villagers"),
            ),
            (
                "bare_participle_is_no_unit",
                "12 injured in the blast",
                None,
            ),
            ("punctuation_ends_phrase", "12 armed, soldiers", None),
            ("function_word_is_no_unit", "12 than", None),
        ];
        for (name, text, want) in cases {
            assert_eq!(np(text, 1).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn verb_phrases() {
        let cases = [
            (
                "after_auxiliaries",
                "reservists who were called up as",
                Some("called up"),
            ),
            (
                "coordinated",
                "soldiers killed or wounded.",
                Some("killed or wounded"),
            ),
            ("none", "soldiers in the field", None),
        ];
        for (name, text, want) in cases {
            let toks = tokens(text);
            assert_eq!(verb_phrase(text, &toks, 0).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn subjects_before() {
        let text = "The death toll rose to 146";
        let toks = tokens(text);
        assert_eq!(
            subject_before(text, &toks, toks[5].start).as_deref(),
            Some("death toll")
        );
        let text = "The fund, worth €210 million";
        let toks = tokens(text);
        assert_eq!(
            subject_before(text, &toks, text.find('€').unwrap_or(0)).as_deref(),
            Some("fund")
        );
        let text = "Putin said 17";
        let toks = tokens(text);
        assert_eq!(subject_before(text, &toks, toks[2].start), None);
    }
}

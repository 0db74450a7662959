//! Speaker phrases next to a cue: names, pronouns, role nouns and plain noun phrases, before
//! or after the cue, and the sentence subject when no cue is near.

use super::*;
use crate::name_shape::is_calendar;
pub(crate) use crate::name_shape::is_cap;

/// Words that may stand between a speaker and the cue ("Putin later said", "has said").
pub(crate) const SKIPPABLE: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "separately",
    "previously",
    "once",
    "recently",
    "earlier",
    "further",
    "has",
    "had",
    "have",
    "was",
    "is",
    "would",
    "will",
    "could",
    "did",
    "does",
    "to",
    "reportedly",
    "publicly",
    "repeatedly",
    "privately",
    "simply",
    "just",
    "only",
    "even",
    "first",
    "had",
    "who",
    "quickly",
    "angrily",
    "flatly",
    "often",
    "told",
];

pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "one", "another", "two",
    "several", "some",
];

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// A noun phrase that names a speaker.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub(crate) span: Span,
    pub(crate) kind: MentionKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    Name,
    Pronoun,
    /// Head noun of the role phrase, lower-case.
    Role,
}

/// The speaker phrase that ends right before word `k` of `ws`.
pub(crate) fn np_before(text: &str, ws: &[Word], k: usize, lex: &Lexicon) -> Option<Mention> {
    let mut j = k;
    // Skip adverbs, auxiliaries and a short verb chain between speaker and cue ("was forced
    // to concede", "has repeatedly said").
    let mut skipped = 0;
    while j > 0 && skipped < 4 {
        let p = ws[j - 1];
        let l = p.text.to_lowercase();
        let plain_gap = text
            .get(p.end..ws.get(j).map_or(p.end, |w| w.start))
            .is_some_and(|g| g.trim().is_empty());
        let verbish = l.ends_with("ed") && ws.get(j).is_some_and(|n| n.text == "to");
        if plain_gap && (SKIPPABLE.contains(&l.as_str()) || verbish) {
            j -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    if j == 0 {
        return None;
    }
    // An apposition: "Ruiz, the harbour master, said" — jump over it to the name.
    let gap = &text[ws[j - 1].end..ws.get(j).map_or(ws[j - 1].end, |w| w.start)];
    if gap.contains(',') && j >= 2 {
        let mut a = j - 1;
        // Appositions run long ("Melanne Verveer, a close friend of … who was her chief of
        // staff, said").
        let limit = j.saturating_sub(24);
        while a > limit {
            let g = &text[ws[a - 1].end..ws[a].start];
            if g.contains(',') {
                if let Some(m) = np_ending_at(text, ws, a - 1, lex) {
                    return Some(m);
                }
                break;
            }
            a -= 1;
        }
    }
    let gap_ok = !gap.contains(['"', '“', '”', '(', ':', ';']);
    if !gap_ok {
        return None;
    }
    np_ending_at(text, ws, j - 1, lex)
}

/// A speaker phrase whose last word is `ws[j]`.
pub(crate) fn np_ending_at(text: &str, ws: &[Word], j: usize, lex: &Lexicon) -> Option<Mention> {
    let w = ws[j];
    let lower = w.text.to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) {
        return Some(Mention {
            span: Span(w.start, w.end),
            kind: MentionKind::Pronoun,
        });
    }
    if is_cap(w.text) {
        let mut i = j;
        while i > 0 {
            let p = ws[i - 1];
            let gap = &text[p.end..ws[i].start];
            let initial = p.text.chars().count() == 1 && gap == ". ";
            // "on Sunday Mayor Ana Ruiz announced": a day or month is not part of the name.
            if (gap == " " || initial || gap == ". " && lex.titles.contains(p.text))
                && is_cap(p.text)
                && !is_calendar(text, &p)
            {
                i -= 1;
            } else {
                break;
            }
        }
        return name_mention(text, ws, i, j);
    }
    let head = lower.trim_end_matches("’s").trim_end_matches("'s");
    if lex.roles.contains(head) {
        let mut i = j;
        let mut steps = 0;
        while i > 0 && steps < 5 {
            let p = ws[i - 1];
            if text[p.end..ws[i].start] != *" " {
                break;
            }
            let pl = p.text.to_lowercase();
            i -= 1;
            steps += 1;
            if DETERMINERS.contains(&pl.as_str()) || pl.ends_with("’s") || pl.ends_with("'s") {
                break;
            }
        }
        return Some(Mention {
            span: Span(ws[i].start, w.end),
            kind: MentionKind::Role,
        });
    }
    None
}

/// Capitalised words `ws[i..=j]` as a name mention, unless they are a capitalised function
/// word ("But, said Ruiz") or a day or month ("Monday saying …"): those name nobody.
fn name_mention(text: &str, ws: &[Word], i: usize, j: usize) -> Option<Mention> {
    let (first, last) = (ws.get(i)?, ws.get(j)?);
    let lower = first.text.to_lowercase();
    let lone_stopword =
        i == j && (parallax_text::is_stopword(&lower) || NOT_NAMES.contains(&lower.as_str()));
    let calendar = |w: &Word| is_calendar(text, w) || DAY_WORDS.contains(&w.text);
    if lone_stopword || calendar(first) || calendar(last) {
        return None;
    }
    Some(Mention {
        span: Span(first.start, last.end),
        kind: MentionKind::Name,
    })
}

/// Words that open sentences capitalised without naming anyone: prepositions, adverbs,
/// conjunctions and verbs ("Early in his campaign, Trump …", "Asked whether …").
const NOT_NAMES: &[&str] = &[
    "during",
    "following",
    "despite",
    "amid",
    "under",
    "since",
    "unlike",
    "like",
    "including",
    "regarding",
    "given",
    "meanwhile",
    "still",
    "instead",
    "earlier",
    "later",
    "yet",
    "early",
    "late",
    "back",
    "asked",
    "told",
    "said",
    "another",
    "also",
    "even",
    "just",
    "only",
    "once",
    "again",
    "however",
    "indeed",
    "perhaps",
    "maybe",
    "already",
    "soon",
    "today",
    "now",
    "here",
    "there",
    "thus",
    "hence",
    "besides",
    "overall",
    "finally",
    "first",
    "last",
    "next",
    "separately",
    "similarly",
    "likewise",
    "speaking",
    "according",
    "citing",
    "pressed",
    "reached",
    "contacted",
    "interviewed",
    "responding",
    "writing",
    "if",
    "while",
    "whether",
    "although",
    "though",
    "because",
    "as",
    "when",
    "where",
    "after",
    "before",
    "unless",
    "until",
    "preceded",
    "appearing",
    "meh",
    "it",
    "i'm",
    "i’m",
];

/// Day words, capitalised, that name nobody (weekdays and months are `name_shape::is_calendar`).
const DAY_WORDS: &[&str] = &["Today", "Tonight", "Yesterday", "Tomorrow"];

/// The speaker phrase that starts at word `k` ("said Ana Ruiz", "said the mayor").
pub(crate) fn np_after(text: &str, ws: &[Word], k: usize, lex: &Lexicon) -> Option<Mention> {
    let w = *ws.get(k)?;
    let lower = w.text.to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) {
        return Some(Mention {
            span: Span(w.start, w.end),
            kind: MentionKind::Pronoun,
        });
    }
    if is_cap(w.text) {
        let mut e = k;
        while let Some(n) = ws.get(e + 1) {
            let gap = &text[ws[e].end..n.start];
            let initial = ws[e].text.chars().count() == 1 && gap == ". ";
            if is_cap(n.text)
                && (gap == " " || initial || gap == ". " && lex.titles.contains(ws[e].text))
            {
                e += 1;
            } else {
                break;
            }
        }
        return name_mention(text, ws, k, e);
    }
    // Lower-case descriptors before a name: "said harbour master Lena Okafor", "said retired
    // general Lloyd Newton".
    for e in k + 1..(k + 4).min(ws.len()) {
        // Descriptors are content words: "said on Monday" names nobody.
        if text[ws[e - 1].end..ws[e].start] != *" " || parallax_text::is_stopword(ws[e - 1].text) {
            break;
        }
        if is_cap(ws[e].text) {
            return np_after(text, ws, e, lex);
        }
        if !ws[e].text.chars().all(char::is_lowercase) {
            break;
        }
    }
    // Determiner, up to four modifiers, a role noun.
    for e in k..(k + 6).min(ws.len()) {
        if e > k && text[ws[e - 1].end..ws[e].start] != *" " {
            break;
        }
        let l = ws[e].text.to_lowercase();
        if lex.roles.contains(l.as_str()) && e > k {
            return Some(Mention {
                span: Span(w.start, ws[e].end),
                kind: MentionKind::Role,
            });
        }
        if lex.roles.contains(l.as_str()) && DETERMINERS.contains(&lower.as_str()) {
            return Some(Mention {
                span: Span(w.start, ws[e].end),
                kind: MentionKind::Role,
            });
        }
    }
    None
}

/// Determiners that open a plain noun phrase naming a speaker ("the ruling", "my father").
pub(crate) const PLAIN_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "one", "some", "many",
    "several", "two", "three", "few", "another", "other", "both",
];

pub(crate) fn is_plain_word(w: &str) -> bool {
    w.chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '’' || c == '\'')
}

/// "the book", "the New York businessman", "my father": a determiner, at most three more words
/// and a lower-case head noun ending right before word `k` (adverbs skipped).
pub(crate) fn det_np_before(text: &str, ws: &[Word], k: usize) -> Option<Mention> {
    let mut j = k;
    while j > 0 && SKIPPABLE.contains(&ws[j - 1].text.to_lowercase().as_str()) {
        j -= 1;
    }
    let head = *ws.get(j.checked_sub(1)?)?;
    let h = head.text.to_lowercase();
    if is_cap(head.text) || !is_plain_word(head.text) || parallax_text::is_stopword(&h) {
        return None;
    }
    let mut i = j - 1;
    while i > 0 && j - i <= 4 {
        if text.get(ws[i - 1].end..ws[i].start) != Some(" ") || !is_plain_word(ws[i - 1].text) {
            return None;
        }
        i -= 1;
        let l = ws[i].text.to_lowercase();
        // A possessive determines the phrase too: "Obama's former campaign strategist".
        if PLAIN_DETERMINERS.contains(&l.as_str()) || l.ends_with("'s") || l.ends_with("’s") {
            return Some(Mention {
                span: Span(ws[i].start, head.end),
                kind: MentionKind::Role,
            });
        }
        if parallax_text::is_stopword(&l) {
            return None;
        }
    }
    None
}

/// "said the ruling", "wrote the union": a determiner at word `k`, then at most three words up
/// to a lower-case head noun where the phrase ends (punctuation or the end of the frame).
pub(crate) fn det_np_after(text: &str, ws: &[Word], k: usize) -> Option<Mention> {
    let det = *ws.get(k)?;
    if !PLAIN_DETERMINERS.contains(&det.text.to_lowercase().as_str()) {
        return None;
    }
    let mut e = k;
    while e - k < 4 {
        let Some(n) = ws.get(e + 1) else { break };
        let l = n.text.to_lowercase();
        if text.get(ws[e].end..n.start) != Some(" ")
            || !is_plain_word(n.text)
            || parallax_text::is_stopword(&l)
        {
            break;
        }
        e += 1;
    }
    let head = ws[e];
    let ends = ws
        .get(e + 1)
        .is_none_or(|n| text.get(head.end..n.start) != Some(" "));
    (e > k && ends && !is_cap(head.text)).then_some(Mention {
        span: Span(det.start, head.end),
        kind: MentionKind::Role,
    })
}

/// “…” ― Ana Ruiz: a dash right after the quote, then a name that ends its line or is
/// followed only by an apposition or a full stop.
pub(crate) fn dash_attribution(
    text: &str,
    all_words: &[Word],
    outer_end: usize,
) -> Option<Mention> {
    let rest = text.get(outer_end..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\t']);
    let after_dash = trimmed
        .strip_prefix(['―', '—', '–'])
        .or_else(|| trimmed.strip_prefix("--"))?;
    let name_at = text.len() - after_dash.trim_start_matches([' ', '\u{a0}']).len();
    let i = all_words.partition_point(|w| w.start < name_at);
    let first = all_words.get(i).filter(|w| w.start == name_at)?;
    if !is_cap(first.text) {
        return None;
    }
    let mut e = i;
    while e - i < 5 {
        let Some(n) = all_words.get(e + 1) else { break };
        let gap = text.get(all_words[e].end..n.start).unwrap_or("");
        let initial = all_words[e].text.chars().count() == 1 && gap == ". ";
        if is_cap(n.text) && (gap == " " || initial) {
            e += 1;
        } else {
            break;
        }
    }
    let end = all_words[e].end;
    let tail = text.get(end..)?.trim_start_matches([' ', '\u{a0}']);
    let closes = tail.is_empty() || tail.starts_with(['\n', '\r', '.', ',', '(']);
    closes.then_some(Mention {
        span: Span(first.start, end),
        kind: MentionKind::Name,
    })
}

/// The subject opening the frame `ws` when the frame starts its sentence (at `s_start`): a
/// pronoun, a name the article knows, or a determiner and role noun. Returns the mention and
/// the index of its last word.
pub(crate) fn sentence_subject(
    text: &str,
    ws: &[Word],
    s_start: usize,
    ents: &Entities,
    lex: &Lexicon,
) -> Option<(Mention, usize)> {
    let first = ws.first()?;
    // Only quotation marks or spaces may stand between the sentence start and the subject.
    if !text.get(s_start..first.start).is_some_and(|g| {
        g.chars()
            .all(|c| c.is_whitespace() || "\"“”‘’(".contains(c))
    }) {
        return None;
    }
    let m = np_after(text, ws, 0, lex)?;
    let known = match m.kind {
        MentionKind::Pronoun => matches!(
            first.text.to_lowercase().as_str(),
            "he" | "she" | "they" | "i" | "we"
        ),
        // "With Ruiz gone, …" opens with a preposition, not a subject.
        MentionKind::Name => {
            !parallax_text::is_stopword(&first.text.to_lowercase())
                && ents
                    .at(m.span)
                    .and_then(|i| ents.list.get(i))
                    .is_some_and(|e| matches!(e.kind, EntityKind::Person | EntityKind::Org))
        }
        MentionKind::Role => true,
    };
    let last = ws.iter().rposition(|w| w.end <= m.span.1)?;
    known.then_some((m, last))
}

/// The subject of the main clause in `ws`: the first speaker phrase (name, pronoun or role)
/// that opens the frame or follows a comma or dash and is followed by a lower-case word (its
/// verb).
pub(crate) fn clause_subject(text: &str, ws: &[Word], lex: &Lexicon) -> Option<Mention> {
    for i in 0..ws.len() {
        let opens = i == 0
            || text
                .get(ws[i - 1].end..ws[i].start)
                .is_some_and(|g| g.contains([',', '–', '—']));
        if !opens {
            continue;
        }
        // "the New York businessman": a determiner opens a plain noun phrase, whatever
        // capitalised words it holds.
        let det = PLAIN_DETERMINERS.contains(&ws[i].text.to_lowercase().as_str());
        let found = if det {
            det_np_after(text, ws, i).or_else(|| np_after(text, ws, i, lex))
        } else {
            np_after(text, ws, i, lex)
        };
        let Some(mut m) = found else {
            continue;
        };
        // "Jason Chaffetz (R-Utah) said": a parenthesis after the name is part of it.
        let mut end = m.span.1;
        if text.get(end..).is_some_and(|r| r.starts_with(" (")) {
            if let Some(close) = text.get(end..).and_then(|r| r.find(')')) {
                end += close + 1;
            }
        }
        let mut next = ws.iter().position(|w| w.start >= end);
        // "Fire chief Rafael Amsel declined …": a role word between two names belongs to the
        // subject; the name after it is the person.
        if let Some(k) = next.filter(|&k| lex.roles.contains(ws[k].text)) {
            if let Some(n) = np_after(text, ws, k + 1, lex).filter(|n| n.kind == MentionKind::Name)
            {
                m = n;
                next = ws.iter().position(|w| w.start >= m.span.1);
            }
        }
        let next = next.and_then(|k| ws.get(k));
        if next.is_some_and(|w| w.text.starts_with(char::is_lowercase)) {
            return Some(m);
        }
    }
    None
}

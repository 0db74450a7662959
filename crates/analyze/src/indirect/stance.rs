//! Attribution by stance: a source opening the sentence and any verb after it.

use super::*;

/// Irregular past forms that report a stance or an act of a source.
const IRREGULAR: &[&str] = &[
    "made", "took", "gave", "sent", "put", "set", "drew", "saw", "held", "led", "spoke", "struck",
    "threw", "wrote", "thought", "knew", "felt", "kept", "left", "told", "met", "sought", "won",
];

/// Auxiliaries and adverbs between a subject and its verb.
const AUX: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may",
    "might", "should", "must", "also", "not", "never", "still", "now", "already", "then", "did",
    "does", "do", "again",
];

/// A verb form: "-s", "-ed" or an irregular past, lower case, not a stop word.
fn verb_like(w: &str) -> bool {
    let ok_chars = w.chars().all(|c| c.is_ascii_lowercase());
    if !ok_chars || is_stopword(w) || w.len() < 4 {
        return false;
    }
    IRREGULAR.contains(&w)
        || w.ends_with("ed")
        || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
}

/// A lower-case verb form or auxiliary ("has", "vowed", "wants").
pub(super) fn is_verb(w: &str) -> bool {
    AUX.contains(&w) || verb_like(w)
}

/// The stance of a named source, without a speech verb: "Ruiz wants the pier rebuilt",
/// "the council has proposed a new levy". PolNeAR and PARC attribute these to their subject
/// too. Taken only when the subject opens the sentence (after at most a short adverbial) and
/// is a name, pronoun or role noun.
pub(super) fn stance(
    text: &str,
    end: usize,
    ws: &[Word],
    quoted: &[Span],
    ents: &mut Entities,
    lex: &Lexicon,
) -> Option<Quote> {
    for i in 1..ws.len().min(10) {
        let w = lower(&ws[i]);
        // The verb is written in lower case: "Mayor Tomas Brevik" holds no verb "tomas".
        if inside(quoted, &ws[i]) || !verb_like(ws[i].text) {
            continue;
        }
        // "the United States could …", "Super PACs, first …": a plural noun, not a verb.
        let next_is_aux = ws.get(i + 1).is_some_and(|n| {
            AUX.contains(&lower(n).as_str()) || gap(text, &ws[i], n).contains(',')
        });
        if next_is_aux && w.ends_with('s') {
            continue;
        }
        let mut j = i;
        while j > 0 && AUX.contains(&lower(&ws[j - 1]).as_str()) {
            j -= 1;
        }
        let m = np_before(text, ws, j, lex)?;
        if m.kind == MentionKind::Name && words(m.span.of(text)).iter().all(|x| is_stopword(x.text))
        {
            return None;
        }
        let start = ws.get(i + 1)?.start;
        let parts: Vec<Span> = trim(text, Span(start, end)).into_iter().collect();
        let n: usize = parts.iter().map(|p| words(p.of(text)).len()).sum();
        if n < MIN_CONTENT_WORDS {
            return None;
        }
        let speaker = speaker_of(text, &m, ents, quoted, lex);
        let content: Vec<&str> = parts.iter().map(|p| p.of(text)).collect();
        return Some(Quote {
            id: String::new(),
            start: parts.first().map_or(start, |p| p.0),
            end: parts.last().map_or(end, |p| p.1),
            text: content.join(" "),
            kind: QuoteKind::Indirect,
            speaker,
            cue: Some(w),
            parts,
        });
    }
    None
}

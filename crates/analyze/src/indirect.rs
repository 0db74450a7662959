//! Reported speech without (or beyond) quotation marks: the kind `indirect`.
//!
//! Three shapes cover most of news prose:
//! - *forward*: "SOURCE CUE (that) CONTENT" — "Ruiz said that the pier would reopen", "the
//!   ministry warned residents that …", "Okafor believes the wall will hold";
//! - *backward*: "CONTENT, SOURCE CUE." / "CONTENT, CUE SOURCE." and the parenthetical
//!   "CONTENT, SOURCE CUE, CONTENT.";
//! - *according to*: "According to SOURCE, CONTENT." and "CONTENT, according to SOURCE."
//!
//! The content is the reported clause (a span of the sentence, or two around a parenthetical
//! attribution); quoted fragments inside it stay where they are, so a partial quote can sit
//! inside an indirect quote. Sentences that hold a direct quotation are left to the quote
//! extractor: their attribution is already known. One attribution per sentence, the first.
//! Speakers resolve exactly as for quotations (names, pronouns, role nouns), with one
//! addition: a plain noun phrase ("officials", "a new poll") is kept as the source.

use parallax_model::{Quote, QuoteKind, Span, Speaker, SpeakerVia};
use parallax_text::{is_stopword, words, Word};

use crate::entities::Entities;
use crate::lexicon::{CueClass, Lexicon};
use crate::speakers::{
    frame_words, np_after, np_before, resolve, strip_determiner, Mention, MentionKind,
};

/// Cues whose object names the listener before the reported clause ("told reporters that").
const OBJECT_CUES: &[&str] = &[
    "told", "tells", "tell", "asked", "asks", "warned", "warns", "urged", "urges", "assured",
    "reminded", "informed", "promised",
];

/// Words that open an adverbial between a cue and its clause ("said on Tuesday that").
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "to", "for", "with", "via", "from", "about",
    "of", "over", "while", "when", "late", "early", "last", "this", "earlier", "later",
];

const MIN_CONTENT_WORDS: usize = 3;

/// Finds the indirect attributions of `text`. `quotes` are the quotations already found (a
/// sentence with a direct one is skipped; no cue inside quotation marks is used).
pub fn find_indirect(
    text: &str,
    sentences: &[(usize, usize)],
    quotes: &[Quote],
    ents: &mut Entities,
) -> Vec<Quote> {
    find_indirect_in(text, &words(text), sentences, quotes, ents)
}

/// [`find_indirect`] with the words of `text` already split (`parallax_text::words`), so the
/// stages of one article share them.
pub fn find_indirect_in(
    text: &str,
    all: &[Word],
    sentences: &[(usize, usize)],
    quotes: &[Quote],
    ents: &mut Entities,
) -> Vec<Quote> {
    let lex = Lexicon::get();
    let quoted: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Headline)
        .map(|q| Span(q.start.saturating_sub(3), q.end + 3))
        .collect();
    let marked: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Headline)
        .flat_map(|q| q.parts.iter().copied())
        .collect();
    let direct: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .flat_map(|q| q.parts.iter().copied())
        .collect();
    let mut out = Vec::new();
    // Spans are sorted, so a moving cursor keeps the overlap checks linear.
    let mut dcur = 0;
    for &(s0, s1) in sentences {
        while direct.get(dcur).is_some_and(|d| d.1 <= s0) {
            dcur += 1;
        }
        // A sentence with a direct quotation is left to the quote extractor, except for a
        // reported clause before the quotation ("Slinker said Trump was a candidate in the
        // spirit of the Valley: “…”"): the narration up to the quote is scanned on its own.
        let s1 = match direct.get(dcur).filter(|d| d.0 < s1) {
            Some(d) => {
                let cut = text[s0..d.0.max(s0)]
                    .trim_end_matches(['"', '“', '”', '\'', '‘'])
                    .len();
                if cut == 0 {
                    continue;
                }
                s0 + cut
            }
            None => s1,
        };
        let ws = frame_words(all, s0, s1);
        if let Some(mut q) = sentence_attribution(text, s0, s1, &ws, &quoted, ents, lex) {
            // Quoted words inside the reported clause are quotations of their own (partial or
            // term): the indirect content keeps the narrator's words around them.
            q.parts = q
                .parts
                .iter()
                .flat_map(|p| subtract(text, *p, &marked))
                .collect();
            if words_in(text, &q.parts) < MIN_CONTENT_WORDS {
                continue;
            }
            q.start = q.parts.first().map_or(q.start, |p| p.0);
            q.end = q.parts.last().map_or(q.end, |p| p.1);
            q.text = q
                .parts
                .iter()
                .map(|p| p.of(text))
                .collect::<Vec<_>>()
                .join(" ");
            out.push(q);
        }
    }
    out
}

/// `p` without the spans of `cut` (sorted), each piece trimmed.
fn subtract(text: &str, p: Span, cut: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = p.0;
    let first = cut.partition_point(|c| c.1 <= p.0);
    for c in cut[first..].iter().take_while(|c| c.0 < p.1) {
        if c.0 > at {
            out.extend(trim(text, Span(at, c.0)));
        }
        at = at.max(c.1);
    }
    if at < p.1 {
        out.extend(trim(text, Span(at, p.1)));
    }
    out
}

fn words_in(text: &str, parts: &[Span]) -> usize {
    parts.iter().map(|p| words(p.of(text)).len()).sum()
}

fn inside(spans: &[Span], w: &Word) -> bool {
    // Quotes are few per sentence; the binary search keeps long articles linear-ish.
    let i = spans.partition_point(|s| s.1 <= w.start);
    spans.get(i).is_some_and(|s| s.0 <= w.start && w.end <= s.1)
}

fn lower(w: &Word) -> String {
    w.text.to_lowercase()
}

/// The cue at word `i`, with the index of its last word.
fn cue_at(ws: &[Word], i: usize, lex: &Lexicon) -> Option<(String, CueClass, usize)> {
    let w = lower(&ws[i]);
    if w == "according" && ws.get(i + 1).is_some_and(|n| n.text == "to") {
        return Some(("according to".into(), CueClass::Source, i + 1));
    }
    // Participles hang off another clause's subject ("…, saying that"): not a cue of their own.
    // A capitalised word inside the sentence is a name ("the United States"), and "states"
    // after a number or a determiner is the noun ("eight states", "the states").
    let capital_inside = i > 0 && ws[i].text.starts_with(char::is_uppercase);
    let noun_states = w == "states"
        && i > 0
        && (ws[i - 1].text.chars().all(|c| c.is_ascii_digit())
            || matches!(
                lower(&ws[i - 1]).as_str(),
                "the"
                    | "these"
                    | "those"
                    | "all"
                    | "some"
                    | "many"
                    | "other"
                    | "few"
                    | "several"
                    | "eight"
                    | "two"
                    | "three"
                    | "four"
                    | "five"
                    | "six"
                    | "seven"
                    | "nine"
                    | "ten"
                    | "both"
                    | "swing"
                    | "battleground"
                    | "key"
                    | "early"
            ));
    if w.ends_with("ing") || noun_states || capital_inside && w == "states" {
        return None;
    }
    match lex.cue(&w) {
        Some(CueClass::Speech) if !matches!(w.as_str(), "read" | "began" | "continued") => {
            Some((w, CueClass::Speech, i))
        }
        // "Ruiz called the plan a gamble", "described the deal as fair": a judgement spoken.
        Some(CueClass::Naming) if !w.starts_with("refer") && !w.starts_with("know") => {
            Some((w, CueClass::Speech, i))
        }
        _ if lex.report_verbs.contains(w.as_str()) => Some((w, CueClass::Speech, i)),
        _ => None,
    }
}

fn gap<'a>(text: &'a str, a: &Word, b: &Word) -> &'a str {
    text.get(a.end..b.start).unwrap_or("")
}

#[allow(clippy::too_many_arguments)]
fn sentence_attribution(
    text: &str,
    s0: usize,
    s1: usize,
    ws: &[Word],
    quoted: &[Span],
    ents: &mut Entities,
    lex: &Lexicon,
) -> Option<Quote> {
    let end = content_end(text, s0, s1);
    for i in 0..ws.len() {
        if inside(quoted, &ws[i]) {
            continue;
        }
        let Some((cue, class, last)) = cue_at(ws, i, lex) else {
            continue;
        };
        let comma_before = i > 0 && gap(text, &ws[i - 1], &ws[i]).contains(',');
        let found = if class == CueClass::Source {
            according_to(text, s0, end, ws, i, last, comma_before, lex)
        } else {
            backward(text, s0, end, ws, i, lex).or_else(|| forward(text, end, ws, i, &cue, lex))
        };
        let Some((parts, mention)) = found else {
            continue;
        };
        let parts: Vec<Span> = parts.into_iter().filter_map(|p| trim(text, p)).collect();
        let n_words: usize = parts.iter().map(|p| words(p.of(text)).len()).sum();
        if n_words < MIN_CONTENT_WORDS {
            continue;
        }
        let speaker = mention.and_then(|m| speaker_of(text, &m, ents, quoted, lex));
        let content: Vec<&str> = parts.iter().map(|p| p.of(text)).collect();
        return Some(Quote {
            id: String::new(),
            start: parts.first().map_or(s0, |p| p.0),
            end: parts.last().map_or(s0, |p| p.1),
            text: content.join(" "),
            kind: QuoteKind::Indirect,
            speaker,
            cue: Some(cue),
            parts,
        });
    }
    stance(text, end, ws, quoted, ents, lex)
}

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

/// The stance of a named source, without a speech verb: "Ruiz wants the pier rebuilt",
/// "the council has proposed a new levy". PolNeAR and PARC attribute these to their subject
/// too. Taken only when the subject opens the sentence (after at most a short adverbial) and
/// is a name, pronoun or role noun.
fn stance(
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

/// End of the sentence's words: final punctuation and closing marks dropped.
fn content_end(text: &str, s0: usize, s1: usize) -> usize {
    let piece = text.get(s0..s1).unwrap_or("");
    s0 + piece
        .trim_end_matches(|c: char| c.is_whitespace() || ".!?;:".contains(c))
        .len()
}

/// `[s, e)` trimmed of spaces and of commas at its ends; `None` when empty or not on char
/// boundaries.
fn trim(text: &str, s: Span) -> Option<Span> {
    let piece = text.get(s.0..s.1)?;
    let edge = |c: char| c.is_whitespace() || ",—–\"“”‘’«»„".contains(c);
    let lead = piece.len() - piece.trim_start_matches(edge).len();
    let kept = piece.trim_matches(edge);
    (!kept.is_empty()).then_some(Span(s.0 + lead, s.0 + lead + kept.len()))
}

type Found = (Vec<Span>, Option<Mention>);

/// "According to SOURCE, CONTENT." / "CONTENT, according to SOURCE."
#[allow(clippy::too_many_arguments)]
fn according_to(
    text: &str,
    s0: usize,
    end: usize,
    ws: &[Word],
    i: usize,
    last: usize,
    comma_before: bool,
    lex: &Lexicon,
) -> Option<Found> {
    let mention = np_after(text, ws, last + 1, lex).or_else(|| plain_np_after(text, ws, last + 1));
    let opens = ws[..i].iter().all(|w| is_stopword(w.text));
    if opens {
        // The source runs to the first comma after it.
        let comma = ws[last + 1..]
            .windows(2)
            .find(|p| gap(text, &p[0], &p[1]).contains(','))
            .map(|p| p[0].end)?;
        return Some((vec![Span(comma, end)], mention));
    }
    comma_before.then(|| (vec![Span(s0, ws[i].start)], mention))
}

/// "CONTENT, SOURCE CUE." / "CONTENT, CUE SOURCE." / "CONTENT, SOURCE CUE, CONTENT."
fn backward(
    text: &str,
    s0: usize,
    end: usize,
    ws: &[Word],
    i: usize,
    lex: &Lexicon,
) -> Option<Found> {
    if i == 0 {
        return None;
    }
    let (mention, comma_at) = if gap(text, &ws[i - 1], &ws[i]).contains(',') {
        // ", said the mayor."
        let m = np_after(text, ws, i + 1, lex)?;
        (m, ws[i - 1].end)
    } else {
        let m = np_before(text, ws, i, lex).or_else(|| plain_np_before(text, ws, i))?;
        let first = ws.partition_point(|w| w.start < m.span.0);
        // The comma may stand before a short descriptor: ", engineer Sofia Lund said,".
        let k = (first.saturating_sub(3)..first)
            .rev()
            .take_while(|&k| k == first - 1 || ws[k + 1].text.chars().all(char::is_lowercase))
            .find(|&k| gap(text, &ws[k], &ws[k + 1]).contains(','))?;
        (m, ws[k].end)
    };
    // What follows the attribution: nothing (end of sentence) or, after a comma, the rest of
    // a parenthetical content.
    let tail_start = ws[i + 1..]
        .iter()
        .position(|w| w.start >= mention.span.1)
        .map(|k| k + i + 1);
    let mut parts = vec![Span(s0, comma_at)];
    if let Some(t) = tail_start.and_then(|t| ws.get(t)) {
        let before_t = text
            .get(ws[i].end.max(mention.span.1)..t.start)
            .unwrap_or("");
        if before_t.contains(',') && words(text.get(t.start..end).unwrap_or("")).len() >= 2 {
            parts.push(Span(t.start, end));
        } else if !before_t.contains(',') {
            // "…, Ruiz said on Friday." is fine; "…, Ruiz said the pier …" is a forward form.
            let rest = &ws[i + 1..];
            let adverbial = rest.iter().take_while(|w| w.end <= end).all(|w| {
                PREPOSITIONS.contains(&lower(w).as_str()) || is_stopword(w.text) || is_cap(w.text)
            });
            if !adverbial {
                return None;
            }
        }
    }
    Some((parts, Some(mention)))
}

/// "SOURCE CUE (OBJECT) (that) CONTENT".
fn forward(
    text: &str,
    end: usize,
    ws: &[Word],
    i: usize,
    cue: &str,
    lex: &Lexicon,
) -> Option<Found> {
    let mention = np_before(text, ws, i, lex).or_else(|| plain_np_before(text, ws, i))?;
    let rest: Vec<&Word> = ws[i + 1..].iter().filter(|w| w.end <= end).collect();
    // "that" within reach opens the clause.
    let that = rest
        .iter()
        .take(10)
        .position(|w| lower(w) == "that" || lower(w) == "whether" || lower(w) == "if");
    let mut k = match that {
        Some(t) => t + 1,
        None => 0,
    };
    if that.is_none() {
        let report_verb = lex.report_verbs.contains(cue);
        if OBJECT_CUES.contains(&cue) {
            // "told reporters the pier…": skip a short object.
            k = rest
                .iter()
                .take(3)
                .position(|w| is_stopword(w.text) && lower(w) != "the")
                .unwrap_or(1);
            if k == 0 {
                k = 1;
            }
        }
        // An adverbial before the clause must end with a comma ("said on Friday, …").
        if rest
            .get(k)
            .is_some_and(|w| PREPOSITIONS.contains(&lower(w).as_str()))
        {
            let comma = rest[k..]
                .windows(2)
                .take(8)
                .position(|p| gap(text, p[0], p[1]).contains(','))?;
            k += comma + 1;
        }
        // A belief or evidence verb takes a clause, not an object ("shows the plan …" is
        // fine, "believes in God" is not).
        if report_verb
            && rest
                .get(k)
                .is_some_and(|w| PREPOSITIONS.contains(&lower(w).as_str()))
        {
            return None;
        }
    }
    let start = rest.get(k)?.start;
    Some((vec![Span(start, end)], Some(mention)))
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A plain noun phrase ending right before word `k` ("officials", "a new poll"): up to four
/// words back to a determiner.
fn plain_np_before(text: &str, ws: &[Word], k: usize) -> Option<Mention> {
    let mut j = k;
    while j > 0
        && matches!(
            lower(&ws[j - 1]).as_str(),
            "also" | "have" | "has" | "had" | "later" | "previously"
        )
    {
        j -= 1;
    }
    let head = ws.get(j.checked_sub(1)?)?;
    let h = lower(head);
    if is_stopword(&h) || h.ends_with("ly") || !h.chars().all(char::is_alphabetic) {
        return None;
    }
    let mut first = j - 1;
    while first > 0 && j - first < 4 && gap(text, &ws[first - 1], &ws[first]) == " " {
        first -= 1;
        let l = lower(&ws[first]);
        if matches!(
            l.as_str(),
            "the" | "a" | "an" | "some" | "many" | "most" | "several" | "his" | "her" | "their"
        ) {
            break;
        }
        if is_stopword(&l) {
            first += 1;
            break;
        }
    }
    Some(Mention {
        span: Span(ws[first].start, head.end),
        kind: MentionKind::Role,
    })
}

/// A plain noun phrase starting at word `k` and running to the next comma (at most six words).
fn plain_np_after(text: &str, ws: &[Word], k: usize) -> Option<Mention> {
    let first = ws.get(k)?;
    let mut e = k;
    while e + 1 < ws.len() && e - k < 5 && gap(text, &ws[e], &ws[e + 1]) == " " {
        e += 1;
    }
    Some(Mention {
        span: Span(first.start, ws[e].end),
        kind: MentionKind::Role,
    })
}

fn speaker_of(
    text: &str,
    m: &Mention,
    ents: &mut Entities,
    quoted: &[Span],
    lex: &Lexicon,
) -> Option<Speaker> {
    resolve(text, m, ents, quoted, lex).or_else(|| {
        let mention = m.span.of(text).to_string();
        Some(Speaker {
            name: strip_determiner(&mention),
            mention,
            via: SpeakerVia::Explicit,
            span: Some(m.span),
        })
    })
}

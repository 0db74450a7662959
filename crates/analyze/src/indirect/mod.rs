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
//! inside an indirect quote. In a sentence that holds a direct quotation only the narration
//! before it and a participle clause after it (", adding that …") are scanned; the quotation's
//! own attribution is already known. A sentence's first attribution usually covers it;
//! coordinated clauses outside it are scanned for more (`clauses`).
//! Speakers resolve exactly as for quotations (names, pronouns, role nouns), with one
//! addition: a plain noun phrase ("officials", "a new poll") is kept as the source.

use parallax_model::{Quote, QuoteKind, Span, Speaker, SpeakerVia};
use parallax_text::{is_stopword, words, Word};

use crate::entities::Entities;
use crate::lexicon::{CueClass, Lexicon};
use crate::name_shape::is_cap;
use crate::speakers::{
    frame_words, np_after, np_before, resolve, strip_determiner, Mention, MentionKind,
};

mod clauses;
mod shapes;
mod stance;
mod tail;

use shapes::{according_to, backward, cue_at, forward};
use stance::stance;
use tail::Form;

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
    // Each direct quotation's parts, with its speaker.
    let direct: Vec<(Span, Option<&Speaker>)> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .flat_map(|q| q.parts.iter().map(move |p| (*p, q.speaker.as_ref())))
        .collect();
    let mut out = Vec::new();
    // Spans are sorted, so a moving cursor keeps the overlap checks linear.
    let mut dcur = 0;
    for &(s0, s1) in sentences {
        while direct.get(dcur).is_some_and(|d| d.0 .1 <= s0) {
            dcur += 1;
        }
        let in_sentence = direct[dcur.min(direct.len())..]
            .iter()
            .take_while(|d| d.0 .0 < s1);
        let (first, last) = (in_sentence.clone().next(), in_sentence.last());
        let mut found = Vec::new();
        match (first, last) {
            (Some(&(d, _)), Some(&(last, speaker))) => {
                // A sentence with a direct quotation is left to the quote extractor, except
                // for a reported clause before the quotation ("Slinker said Trump was a
                // candidate in the spirit of the Valley: “…”") and a participle clause after
                // it (", adding that …"): each is scanned on its own.
                let head = text
                    .get(s0..d.0.max(s0))
                    .unwrap_or("")
                    .trim_end_matches(['"', '“', '”', '\'', '‘'])
                    .len();
                if head > 0 {
                    let ws = frame_words(all, s0, s0 + head);
                    found.extend(clauses::clause_attributions(
                        text,
                        s0,
                        s0 + head,
                        &ws,
                        &quoted,
                        ents,
                        lex,
                    ));
                }
                if last.1 < s1 {
                    let ws = frame_words(all, last.1, s1);
                    let end = content_end(text, last.1, s1);
                    found.extend(tail::after_quote(text, end, &ws, &quoted, speaker, lex));
                }
            }
            _ => {
                let ws = frame_words(all, s0, s1);
                found.extend(clauses::clause_attributions(
                    text, s0, s1, &ws, &quoted, ents, lex,
                ));
            }
        }
        for mut q in found {
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

/// An indirect quote of `parts` (trimmed, in order).
fn indirect_quote(text: &str, parts: Vec<Span>, speaker: Option<Speaker>, cue: String) -> Quote {
    let content: Vec<&str> = parts.iter().map(|p| p.of(text)).collect();
    Quote {
        id: String::new(),
        start: parts.first().map_or(0, |p| p.0),
        end: parts.last().map_or(0, |p| p.1),
        text: content.join(" "),
        kind: QuoteKind::Indirect,
        speaker,
        cue: Some(cue),
        parts,
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
    // "…, and said that …" is a speech verb of the subject, worth more than its first verb;
    // a participle ("…, warning that …") is taken only when no stance is found.
    tail::in_sentence(text, end, ws, quoted, ents, lex, Form::Coordinated)
        .or_else(|| stance(text, end, ws, quoted, ents, lex))
        .or_else(|| tail::in_sentence(text, end, ws, quoted, ents, lex, Form::Participle))
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

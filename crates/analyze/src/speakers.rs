//! Who said it: the cue verb and speaker of each quotation, and the quotation's kind.
//!
//! For each quote we look at its *frame*: the words of its sentence outside the quotation
//! marks. The cue is searched first right after the quote (“…,” she said / “…,” said the
//! mayor), then in the words before it, closest first (He said: “…” / X told reporters that
//! “…”). The speaker is the noun phrase next to the cue: a name, a pronoun, a role noun or an
//! organisation. Pronouns resolve to the nearest earlier person of agreeing gender outside
//! quotation marks; role nouns ("the Russian president") to the person who holds that role in
//! the article. A quote with no cue in its sentence takes the speaker of the quote just before
//! it when nobody else is named in between (the usual continuation paragraph).

use parallax_model::{EntityKind, Quote, QuoteKind, Span, Speaker, SpeakerVia};
use parallax_text::{words, Word};

use crate::entities::Entities;
use crate::lexicon::{CueClass, Gender, Lexicon};
use crate::quotes::MarkedQuote;

/// Words that may stand between a speaker and the cue ("Putin later said", "has said").
const SKIPPABLE: &[&str] = &[
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

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "one", "another", "two",
    "several", "some",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

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

/// A cue found in a frame.
#[derive(Debug, Clone)]
struct Cue {
    text: String,
    class: CueClass,
    /// Word index range in the frame's word list.
    first: usize,
    last: usize,
}

/// Attributes quotes and decides their kind. Returns the contract's quotes (ids numbered by the
/// caller), in text order.
pub fn attribute(
    text: &str,
    sentences: &[(usize, usize)],
    marked: &[MarkedQuote],
    ents: &mut Entities,
) -> Vec<Quote> {
    attribute_in(text, &words(text), sentences, marked, ents)
}

/// [`attribute`] with the words of `text` already split (`parallax_text::words`), so the
/// stages of one article share them.
pub fn attribute_in(
    text: &str,
    all_words: &[Word],
    sentences: &[(usize, usize)],
    marked: &[MarkedQuote],
    ents: &mut Entities,
) -> Vec<Quote> {
    let lex = Lexicon::get();
    let split = split_turns(text, marked);
    let marked: &[MarkedQuote] = split.as_deref().unwrap_or(marked);
    let mut quote_outer: Vec<Span> = marked
        .iter()
        .flat_map(|q| q.outer.iter().copied())
        .collect();
    quote_outer.sort_unstable();
    let mut out: Vec<Quote> = Vec::with_capacity(marked.len());
    for (qi, q) in marked.iter().enumerate() {
        let outer_start = q.outer.first().map_or(q.start(), |s| s.0);
        let outer_end = q.outer.last().map_or(q.end(), |s| s.1);
        let (s_start, s_end) = sentence_bounds(
            sentences,
            outer_start,
            outer_end.saturating_sub(1),
            text.len(),
        );
        // The frame stops at neighbouring quotes in the same sentence.
        let prev_end = qi
            .checked_sub(1)
            .and_then(|p| marked[p].outer.last())
            .map(|s| s.1)
            .filter(|&e| e > s_start && e <= outer_start)
            .unwrap_or(s_start);
        let next_start = marked
            .get(qi + 1)
            .and_then(|n| n.outer.first())
            .map(|s| s.0)
            .filter(|&s| s < s_end && s >= outer_end)
            .unwrap_or(s_end);
        let mut before = frame_words(all_words, prev_end, outer_start);
        // A block quote introduced at the end of the previous sentence or paragraph ("The Times
        // reports:" / "He added:"): the introduction is its frame.
        if before.is_empty() && text[..outer_start].trim_end().ends_with(':') {
            let colon = text[..outer_start].trim_end().len().saturating_sub(1);
            if let Some(si) = sentence_index(sentences, colon) {
                let from = sentences[si].0.max(
                    qi.checked_sub(1)
                        .and_then(|p| marked[p].outer.last())
                        .map_or(0, |o| o.1.min(colon)),
                );
                before = frame_words(all_words, from, colon + 1);
            }
        }
        // Start of the sentence the frame before the quote opens with.
        let before_sentence = before
            .first()
            .and_then(|w| sentence_index(sentences, w.start))
            .map_or(s_start, |i| sentences[i].0);
        // “Why now?” Ruiz asked. — a quote ending in ? or ! (or .) closes its sentence for the
        // segmenter, but the attribution right after it belongs to it.
        let mut after_end = next_start;
        if next_start == outer_end || text[outer_end..next_start].trim().is_empty() {
            let same_para = text[outer_end..]
                .find('\n')
                .map_or(text.len(), |n| outer_end + n);
            let next_quote = marked
                .get(qi + 1)
                .and_then(|n| n.outer.first())
                .map_or(text.len(), |o| o.0);
            let si = sentences.partition_point(|s| s.0 < outer_end);
            if let Some(&(ns, ne)) = sentences.get(si) {
                if ns < same_para {
                    after_end = ne.min(next_quote).min(same_para);
                }
            }
        }
        let after = frame_words(all_words, outer_end, after_end);
        let quote_text = q.text(text);
        // The quote's words are the text's words inside its parts: no second split.
        let quote_words = || {
            q.parts
                .iter()
                .flat_map(|p| frame_words_iter(all_words, p.0, p.1))
        };
        let n_words = quote_words().count();
        let inner_end_punct = text[..q.end().min(text.len())]
            .chars()
            .next_back()
            .unwrap_or(' ');

        let mut found: Option<(Cue, Option<Mention>, bool)> = None;
        // 1. Right after the quote: “…,” she said / “…,” said the mayor.
        if let Some(cue) = find_cue(text, &after, 0..after.len().min(7), lex, false) {
            let inverted = cue.first == 0
                || after[..cue.first]
                    .iter()
                    .all(|w| SKIPPABLE.contains(&w.text.to_lowercase().as_str()));
            let mention = if inverted && cue.class != CueClass::Source {
                np_after(text, &after, cue.last + 1, lex)
                    .or_else(|| np_before(text, &after, cue.first, lex))
            } else if cue.class == CueClass::Source {
                np_after(text, &after, cue.last + 1, lex)
            } else {
                np_before(text, &after, cue.first, lex)
            };
            // "…,” the book said / said the ruling: a plain noun phrase with its determiner.
            let mention = mention.or_else(|| {
                if inverted && cue.class != CueClass::Source {
                    det_np_after(text, &after, cue.last + 1)
                } else {
                    det_np_before(text, &after, cue.first)
                }
            });
            if mention.is_some() {
                found = Some((cue, mention, true));
            }
        }
        // 2. Before the quote, closest cue first.
        if found.is_none() {
            if let Some(cue) = find_cue(text, &before, 0..before.len(), lex, true) {
                let mention = if cue.class == CueClass::Source {
                    np_after(text, &before, cue.last + 1, lex)
                } else {
                    np_before(text, &before, cue.first, lex)
                        .or_else(|| np_after(text, &before, cue.last + 1, lex))
                        // "As the phone rang, the announcer said, “…”": a plain noun phrase
                        // as subject, after a comma or opening the sentence ("defended the
                        // remark, saying" has an object there, not a speaker).
                        .or_else(|| {
                            det_np_before(text, &before, cue.first).filter(|m| {
                                text.get(before_sentence..m.span.0).is_some_and(|g| {
                                    let g = g.trim_end();
                                    g.ends_with(',') || g.trim_start_matches(['"', '“']).is_empty()
                                })
                            })
                        })
                        // "She then urges him to stop and says, “…”": the sentence's subject.
                        .or_else(|| {
                            sentence_subject(text, &before, before_sentence, ents, lex)
                                .filter(|(_, end)| *end < cue.first)
                                .map(|(m, _)| m)
                        })
                };
                found = Some((cue, mention, false));
            }
        }
        // 3. Anywhere after the quote in its sentence.
        if found.is_none() {
            if let Some(cue) = find_cue(text, &after, 0..after.len(), lex, false) {
                let mention = np_before(text, &after, cue.first, lex)
                    .or_else(|| np_after(text, &after, cue.last + 1, lex))
                    .or_else(|| det_np_before(text, &after, cue.first))
                    .or_else(|| det_np_after(text, &after, cue.last + 1));
                found = Some((cue, mention, true));
            }
        }

        // No cue, but a colon introduction ("Ruiz made one thing clear: “…”"): its subject.
        let intro_subject = if found.is_none() && text[..outer_start].trim_end().ends_with(':') {
            sentence_subject(text, &before, before_sentence, ents, lex).map(|(m, _)| m)
        } else {
            None
        };
        let cue_class = found.as_ref().map(|(c, _, _)| c.class);
        // A transcript turn ("SMITH: …") names its speaker whatever the words around say.
        let speaker = match turn_label(text, outer_start, outer_end) {
            Some(label) => Some(turn_speaker(text, label, ents)),
            None => found
                .as_ref()
                .and_then(|(_, m, _)| m.as_ref())
                .or(intro_subject.as_ref())
                .or(dash_attribution(text, all_words, outer_end).as_ref())
                .and_then(|m| resolve(text, m, ents, &quote_outer, lex)),
        };
        let cue = found.as_ref().map(|(c, _, _)| c.text.clone());

        // Kind: speech that stands as a clause of its own is direct; a short fragment named
        // or scare-quoted in narration is a term; other fragments are partial quotes.
        let starts_sentence = text[s_start..outer_start].trim().is_empty()
            || text[s_start..outer_start].trim_end().ends_with(':');
        let before_text = text[prev_end..outer_start].trim_end();
        let after_cue = found.as_ref().is_some_and(|(_, _, after)| *after);
        let lower_before = before_text.to_lowercase();
        let lead = lower_before.trim_end_matches([',', ':']).trim_end();
        // “…” right after a speech verb: "declared “I think …”", "asking, “Why …?”".
        let cue_right_before = before.last().is_some_and(|w| {
            text[w.end..outer_start].trim().len() <= 1 && is_speech_cue(w.text, lex)
        });
        // A comma introduces a quote only when the attribution stands before it ("Ruiz said
        // on Friday, “…”"); "With thousands of systems, “…,” he said" is one sentence of
        // narration with quoted words in it.
        let introduced = before_text.ends_with(':')
            || (before_text.ends_with(',') && cue_class.is_some() && !after_cue)
            || cue_right_before;
        // "said that “…”": the quote is the end of a reported clause, not a quotation of its own.
        let embedded_before = ["that", "if", "whether", "because"].iter().any(|w| {
            lead.ends_with(w) && lead[..lead.len() - w.len()].ends_with([' ', '\n']) || lead == *w
        });
        let clause_punct = matches!(inner_end_punct, ',' | '!' | '?' | '.' | '…');
        // “…jail time” for criminal behaviour, she said — narration carries on after the marks.
        let continues_after = !clause_punct
            && after.first().is_some_and(|w| {
                w.text.chars().next().is_some_and(char::is_lowercase)
                    && text[outer_end..w.start].trim().is_empty()
            })
            && find_cue(text, &after, 0..after.len().min(2), lex, false).is_none();
        let title_case = n_words > 0
            && quote_words().all(|w| {
                w.text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                    || is_minor_word(w.text)
            });
        let kind = if q.parts.len() > 1
            || q.unclosed && n_words > 3
            || (starts_sentence || introduced)
                && n_words >= 3
                && !(title_case && cue_class.is_none())
                && !embedded_before
                && !continues_after
        {
            QuoteKind::Direct
        } else if n_words <= 4 && (cue_class.is_none() || cue_class == Some(CueClass::Naming))
            || title_case && cue_class != Some(CueClass::Speech)
        {
            QuoteKind::Term
        } else {
            QuoteKind::Partial
        };
        let mut parts = q.parts.clone();
        let mut quote_text = quote_text;
        // “mistakes.” — in a fragment, the final period or comma belongs to the sentence around
        // it (American style puts it inside the marks), not to the quoted words.
        if matches!(kind, QuoteKind::Term | QuoteKind::Partial) {
            let trimmed = quote_text.trim_end_matches(['.', ',', ';', ':']).len();
            let cut = quote_text.len() - trimmed;
            if cut > 0 && trimmed > 0 {
                quote_text.truncate(trimmed);
                if let Some(last) = parts.last_mut() {
                    last.1 -= cut.min(last.1 - last.0);
                }
            }
        }
        out.push(Quote {
            id: String::new(),
            start: parts.first().map_or(q.start(), |p| p.0),
            end: parts.last().map_or(q.end(), |p| p.1),
            text: quote_text,
            kind,
            speaker,
            cue,
            parts,
        });
    }
    merge_split_quotes(text, all_words, &mut out);
    fill_from_context(text, &mut out, ents);
    out
}

/// A word that reports speech ("said", "asking", "tweeted").
fn is_speech_cue(w: &str, lex: &Lexicon) -> bool {
    lex.cue(&w.to_lowercase()) == Some(CueClass::Speech)
}

fn is_minor_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
    )
}

fn sentence_bounds(
    sentences: &[(usize, usize)],
    start: usize,
    last: usize,
    len: usize,
) -> (usize, usize) {
    // Binary search: sentences are sorted and disjoint, and articles can be long.
    let first = sentence_index(sentences, start).map_or(start, |i| sentences[i].0);
    let end = sentence_index(sentences, last).map_or(len, |i| sentences[i].1);
    (first.min(start), end.max(last + 1).min(len))
}

/// Index of the sentence holding byte `at`.
pub(crate) fn sentence_index(sentences: &[(usize, usize)], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.1 <= at);
    sentences.get(i).filter(|s| s.0 <= at).map(|_| i)
}

pub(crate) fn frame_words<'a>(all: &[Word<'a>], start: usize, end: usize) -> Vec<Word<'a>> {
    frame_words_iter(all, start, end).collect()
}

/// The words of `all` (sorted) that lie within `[start, end)`, found by binary search.
pub(crate) fn frame_words_iter<'w, 'a>(
    all: &'w [Word<'a>],
    start: usize,
    end: usize,
) -> impl Iterator<Item = Word<'a>> + 'w {
    let i = all.partition_point(|w| w.start < start);
    all[i..].iter().take_while(move |w| w.end <= end).copied()
}

/// The cue in `ws[range]`: the first one (`last_first` false) or the one closest to the end.
fn find_cue(
    text: &str,
    ws: &[Word],
    range: std::ops::Range<usize>,
    lex: &Lexicon,
    last_first: bool,
) -> Option<Cue> {
    let mut found = None;
    let mut i = range.start;
    while i < range.end {
        let w = ws[i].text.to_lowercase();
        let cue = if w == "according" && ws.get(i + 1).is_some_and(|n| n.text == "to") {
            Some(Cue {
                text: "according to".into(),
                class: CueClass::Source,
                first: i,
                last: i + 1,
            })
        } else if w == "quoted" && ws.get(i + 1).is_some_and(|n| n.text == "as") {
            let last = if ws.get(i + 2).is_some_and(|n| n.text == "saying") {
                i + 2
            } else {
                i + 1
            };
            Some(Cue {
                text: "quoted as saying".into(),
                class: CueClass::Speech,
                first: i,
                last,
            })
        } else if let Some(class) = lex.cue(&w) {
            // "read", "began" and "continued" are cues right after a quote
            // ("…,” the statement read); before a quote only as the frame's last word ("She
            // continued, “…”").
            if matches!(w.as_str(), "read" | "began" | "continued")
                && last_first
                && i + 1 != range.end
            {
                None
            } else if class == CueClass::Naming && w.starts_with("refer") {
                Some(Cue {
                    text: format!("{w} to"),
                    class,
                    first: i,
                    last: i,
                })
            } else {
                Some(Cue {
                    text: w.clone(),
                    class,
                    first: i,
                    last: i,
                })
            }
        } else {
            None
        };
        if let Some(c) = cue {
            i = c.last + 1;
            found = Some(c);
            if !last_first {
                break;
            }
            continue;
        }
        i += 1;
    }
    let _ = text;
    found
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
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
        let limit = j.saturating_sub(12);
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
fn np_ending_at(text: &str, ws: &[Word], j: usize, lex: &Lexicon) -> Option<Mention> {
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
            if (gap == " " || initial || gap == ". " && lex.titles.contains(p.text))
                && is_cap(p.text)
            {
                i -= 1;
            } else {
                break;
            }
        }
        return Some(Mention {
            span: Span(ws[i].start, w.end),
            kind: MentionKind::Name,
        });
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
        return Some(Mention {
            span: Span(w.start, ws[e].end),
            kind: MentionKind::Name,
        });
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

/// The speaker a mention points to.
pub(crate) fn resolve(
    text: &str,
    m: &Mention,
    ents: &mut Entities,
    quotes: &[Span],
    lex: &Lexicon,
) -> Option<Speaker> {
    let mention = m.span.of(text).to_string();
    match m.kind {
        MentionKind::Name => {
            let bare = strip_titles(&mention, lex);
            let idx = ents.at(m.span).or_else(|| ents.by_name(&bare, m.span.0));
            // Being named as a speaker is the evidence a bare capitalised name lacked.
            if let Some(e) = idx.and_then(|i| ents.list.get_mut(i)) {
                if e.kind == EntityKind::Other {
                    e.kind = EntityKind::Person;
                }
            }
            let name = idx.map_or(bare, |i| ents.list[i].name.clone());
            Some(Speaker {
                name,
                mention,
                via: SpeakerVia::Explicit,
                span: Some(m.span),
            })
        }
        MentionKind::Pronoun => {
            let p = mention.to_lowercase();
            let want: &[EntityKind] = match p.as_str() {
                "he" | "she" => &[EntityKind::Person],
                "it" => &[EntityKind::Org],
                "they" => &[EntityKind::Org, EntityKind::Person],
                _ => return None,
            };
            let gender = match p.as_str() {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            };
            let idx = nearest_before(ents, m.span.0, quotes, |e| {
                (want.contains(&e.kind) || p != "it" && e.could_be_person())
                    && (gender.is_none() || e.gender.is_none() || e.gender == gender)
            })?;
            // "Carraway … she said": the article has told us the person's gender.
            if let Some(e) = ents.list.get_mut(idx) {
                if e.could_be_person() {
                    e.gender = e.gender.or(gender);
                }
            }
            Some(Speaker {
                name: ents.list[idx].name.clone(),
                mention,
                via: SpeakerVia::Pronoun,
                span: Some(m.span),
            })
        }
        MentionKind::Role => {
            let head = mention
                .rsplit(' ')
                .next()
                .unwrap_or(&mention)
                .to_lowercase();
            let idx = nearest_before(ents, m.span.0, quotes, |e| {
                e.kind == EntityKind::Person
                    && e.roles.iter().any(|r| {
                        // "harbour master" holds the role "master": compare in place, no
                        // formatting per role and entity.
                        r == &head
                            || r.len() > head.len()
                                && r.ends_with(head.as_str())
                                && r[..r.len() - head.len()].ends_with(' ')
                    })
            })
            .or_else(|| {
                nearest_after(ents, m.span.1, |e| {
                    e.kind == EntityKind::Person && e.roles.iter().any(|r| r == &head)
                })
            });
            match idx {
                Some(i) => {
                    let mentions = &mut ents.list[i].mentions;
                    if let Err(pos) = mentions.binary_search(&m.span) {
                        mentions.insert(pos, m.span);
                    }
                    Some(Speaker {
                        name: ents.list[i].name.clone(),
                        mention,
                        via: SpeakerVia::Role,
                        span: Some(m.span),
                    })
                }
                None => {
                    // Nobody in the article holds the role: the role phrase is the speaker.
                    let name = strip_determiner(&mention);
                    Some(Speaker {
                        name,
                        mention,
                        via: SpeakerVia::Role,
                        span: Some(m.span),
                    })
                }
            }
        }
    }
}

pub(crate) fn strip_determiner(s: &str) -> String {
    let mut parts: Vec<&str> = s.split_whitespace().collect();
    if parts
        .first()
        .is_some_and(|f| DETERMINERS.contains(&f.to_lowercase().as_str()))
    {
        parts.remove(0);
    }
    parts.join(" ")
}

fn strip_titles(name: &str, lex: &Lexicon) -> String {
    let parts: Vec<&str> = name.split_whitespace().collect();
    let mut i = 0;
    while i + 1 < parts.len() && lex.titles.contains(parts[i].trim_end_matches('.')) {
        i += 1;
    }
    parts[i..]
        .join(" ")
        .trim_end_matches("’s")
        .trim_end_matches("'s")
        .to_string()
}

/// The entity matching `pred` with the latest mention before `at` that is not inside a quote.
fn nearest_before(
    ents: &Entities,
    at: usize,
    quotes: &[Span],
    pred: impl Fn(&crate::entities::EntityInfo) -> bool,
) -> Option<usize> {
    // Mentions and quote spans are sorted by start, so both look-ups are binary searches:
    // long articles stay linear overall.
    let inside = |m: &Span| {
        let k = quotes.partition_point(|q| q.0 <= m.0);
        k > 0 && m.1 <= quotes[k - 1].1
    };
    ents.list
        .iter()
        .enumerate()
        .filter(|(_, e)| pred(e))
        .filter_map(|(i, e)| {
            let k = e.mentions.partition_point(|m| m.0 < at);
            e.mentions[..k]
                .iter()
                .rev()
                .find(|m| m.1 <= at && !inside(m))
                .map(|m| (i, m.0))
        })
        .max_by_key(|&(_, p)| p)
        .map(|(i, _)| i)
}

fn nearest_after(
    ents: &Entities,
    at: usize,
    pred: impl Fn(&crate::entities::EntityInfo) -> bool,
) -> Option<usize> {
    ents.list
        .iter()
        .enumerate()
        .filter(|(_, e)| pred(e))
        .filter_map(|(i, e)| {
            let k = e.mentions.partition_point(|m| m.0 < at);
            e.mentions.get(k).map(|m| (i, m.0))
        })
        .min_by_key(|&(_, p)| p)
        .map(|(i, _)| i)
}

/// “First part,” he said. “Second part.” — one quote in two parts when the second part has no
/// cue of its own and only the first part's attribution stands between them.
fn merge_split_quotes(text: &str, all_words: &[Word], quotes: &mut Vec<Quote>) {
    // One pass that moves each quote into the output or onto the previous one (removing from
    // the middle of the vector would be quadratic on long articles).
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for b in quotes.drain(..) {
        if let Some(a) = out.last_mut() {
            let between = text.get(a.end..b.start).unwrap_or("");
            // Cheap tests first; words are counted from the shared list, only when needed.
            let joinable = a.kind == QuoteKind::Direct
                && a.speaker.is_some()
                && b.speaker.is_none()
                && b.cue.is_none()
                && matches!(b.kind, QuoteKind::Direct | QuoteKind::Partial)
                && !between.contains('\n')
                && a.text.ends_with([',', '.', '!', '?', '—', '–', '-'])
                && frame_words_iter(all_words, a.end, b.start).nth(8).is_none();
            if joinable {
                a.parts.extend(b.parts);
                a.end = b.end;
                a.text.push(' ');
                a.text.push_str(&b.text);
                a.kind = QuoteKind::Direct;
                continue;
            }
        }
        out.push(b);
    }
    *quotes = out;
}

/// Quotes without a cue take the speaker of the closest earlier quote when no other person is
/// named outside quotation marks in between.
fn fill_from_context(text: &str, quotes: &mut [Quote], ents: &Entities) {
    let mut quote_spans: Vec<Span> = quotes
        .iter()
        .flat_map(|q| q.parts.iter().copied())
        .collect();
    quote_spans.sort();
    let in_quote = |m: &Span| {
        let k = quote_spans.partition_point(|q| q.1 < m.1);
        quote_spans.get(k).is_some_and(|q| q.0 <= m.0 && m.1 <= q.1)
    };
    // Person mentions outside quotation marks, sorted, built once (start, end, entity).
    let mut named: Vec<(usize, usize, usize)> = ents
        .list
        .iter()
        .enumerate()
        .filter(|(_, e)| e.could_be_person())
        .flat_map(|(i, e)| {
            e.mentions
                .iter()
                .filter(|m| !in_quote(m))
                .map(move |m| (m.0, m.1, i))
        })
        .collect();
    named.sort_unstable();
    for i in 1..quotes.len() {
        if quotes[i].speaker.is_some() || quotes[i].kind == QuoteKind::Term {
            continue;
        }
        let Some(prev) = quotes[..i]
            .iter()
            .rev()
            .find(|q| q.speaker.is_some() && q.kind != QuoteKind::Term)
        else {
            continue;
        };
        let Some(speaker) = prev.speaker.clone() else {
            continue;
        };
        let gap = Span(prev.end, quotes[i].start);
        // Too far (more than two paragraphs away) or someone else named in between: no guess.
        if text
            .get(gap.0..gap.1)
            .is_none_or(|g| g.matches("\n\n").count() > 2)
        {
            continue;
        }
        let from = named.partition_point(|m| m.0 < gap.0);
        let other_named = named[from..]
            .iter()
            .take_while(|m| m.1 <= gap.1)
            .any(|m| ents.list[m.2].name != speaker.name);
        if other_named {
            continue;
        }
        // The mention is the earlier quote's, and so is its span: the words in the text the
        // attribution rests on.
        quotes[i].speaker = Some(Speaker {
            name: speaker.name,
            mention: speaker.mention,
            via: SpeakerVia::Context,
            span: speaker.span,
        });
    }
}

/// Determiners that open a plain noun phrase naming a speaker ("the ruling", "my father").
const PLAIN_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your",
];

fn is_plain_word(w: &str) -> bool {
    w.chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == '’' || c == '\'')
}

/// "the book", "the New York businessman", "my father": a determiner, at most three more words
/// and a lower-case head noun ending right before word `k` (adverbs skipped).
fn det_np_before(text: &str, ws: &[Word], k: usize) -> Option<Mention> {
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
        if PLAIN_DETERMINERS.contains(&l.as_str()) {
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
fn det_np_after(text: &str, ws: &[Word], k: usize) -> Option<Mention> {
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
fn dash_attribution(text: &str, all_words: &[Word], outer_end: usize) -> Option<Mention> {
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

/// Labels in capitals that head a line without being a speaker.
const NOT_SPEAKERS: &[&str] = &[
    "UPDATE",
    "NOTE",
    "EDITOR'S NOTE",
    "EDITOR’S NOTE",
    "WATCH",
    "VIDEO",
];

/// The speaker label of a transcript turn holding the quote: a line that opens (after
/// quotation marks) with an upper-case name or "Q"/"A" and a colon, the quote starting at
/// the line or right after the label.
fn turn_label(text: &str, outer_start: usize, outer_end: usize) -> Option<Span> {
    let line_start = text.get(..outer_start)?.rfind('\n').map_or(0, |n| n + 1);
    let line = text.get(line_start..)?;
    let lead = line.len()
        - line
            .trim_start_matches([' ', '"', '“', '”', '\u{a0}'])
            .len();
    let label_start = line_start + lead;
    let colon = label_start + text.get(label_start..)?.find(':')?;
    let label = text.get(label_start..colon)?.trim_end();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let shaped = label.len() <= 40
        && (letters >= 2 || label == "Q" || label == "A")
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && !NOT_SPEAKERS.contains(&label);
    // The quote opens the line (before the label) or follows the label directly.
    let near = outer_start <= label_start || outer_start <= colon + 3;
    (shaped && near && colon < outer_end).then_some(Span(label_start, label_start + label.len()))
}

/// The speaker of a turn label: the person of the article whose surname it is ("WALLACE" →
/// "Chris Wallace"), else the label in title case.
fn turn_speaker(text: &str, label: Span, ents: &Entities) -> Speaker {
    let mention = label.of(text).to_string();
    let titled: String = mention
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |f| {
                f.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    // A person the article has not yet shown to be one ("Ruth Calder" with no title) counts.
    let name = ents
        .person_by_surname(&titled, label.0)
        .or_else(|| {
            ents.list.iter().position(|e| {
                e.could_be_person() && e.name.rsplit(' ').next() == Some(titled.as_str())
            })
        })
        .and_then(|i| ents.list.get(i))
        .map_or(titled, |e| e.name.clone());
    Speaker {
        name,
        mention,
        via: SpeakerVia::Explicit,
        span: Some(label),
    }
}

/// The subject opening the frame `ws` when the frame starts its sentence (at `s_start`): a
/// pronoun, a name the article knows, or a determiner and role noun. Returns the mention and
/// the index of its last word.
fn sentence_subject(
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

/// A quotation left open across paragraphs of a transcript ("SMITH: … / "JONES: …) is one
/// quote per turn: a new quote starts at each part that opens with a speaker label. `None`
/// when nothing is split (the common case, no copy).
fn split_turns(text: &str, marked: &[MarkedQuote]) -> Option<Vec<MarkedQuote>> {
    // The label inside a part ("“SMITH: We will…") is not quoted speech.
    let label_in = |q: &MarkedQuote, k: usize| {
        let (p, o) = (q.parts.get(k)?, q.outer.get(k)?);
        let label = turn_label(text, o.0, o.1)?;
        let colon = text.get(label.1..)?.find(':')? + label.1;
        (label.0 >= p.0 && colon < p.1).then_some(colon)
    };
    let starts_turn = |q: &MarkedQuote, k: usize| {
        k > 0
            && q.outer
                .get(k)
                .is_some_and(|o| turn_label(text, o.0, o.1).is_some())
    };
    if !marked
        .iter()
        .any(|q| label_in(q, 0).is_some() || (1..q.parts.len()).any(|k| starts_turn(q, k)))
    {
        return None;
    }
    let mut out = Vec::with_capacity(marked.len() + 8);
    for q in marked {
        let mut from = 0;
        for k in 1..=q.parts.len() {
            if k == q.parts.len() || starts_turn(q, k) {
                let mut parts = q.parts.get(from..k).unwrap_or_default().to_vec();
                if let (Some(colon), Some(first)) = (label_in(q, from), parts.first_mut()) {
                    let rest = text.get(colon + 1..first.1).unwrap_or("");
                    first.0 = first.1 - rest.trim_start().len();
                }
                out.push(MarkedQuote {
                    parts,
                    outer: q.outer.get(from..k).unwrap_or_default().to_vec(),
                    // Every turn but the last was left open at its paragraph's end.
                    unclosed: k < q.parts.len() || q.unclosed,
                });
                from = k;
            }
        }
    }
    Some(out)
}

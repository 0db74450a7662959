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

mod context;
mod cues;
mod kind;
mod phrases;
mod resolve;

pub(crate) use context::*;
use cues::*;
pub(crate) use kind::*;
pub(crate) use phrases::*;
pub(crate) use resolve::*;

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
    // Where people and organisations are mentioned, sorted: a quoted fragment in a sentence
    // about someone is more likely their words than a scare quote.
    let mut actors: Vec<usize> = ents
        .list
        .iter()
        .filter(|e| e.could_be_person() || e.kind == EntityKind::Org)
        .flat_map(|e| e.mentions.iter().map(|m| m.0))
        .collect();
    actors.sort_unstable();
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
        // A title in the frame ("As Ruiz, author of “The Charter,” put it, “…”") is part of
        // the narration, not a quote the frame stops at.
        let prev_is_term = out
            .last()
            .is_some_and(|p: &Quote| p.kind == QuoteKind::Term);
        let prev_end = qi
            .checked_sub(1)
            .filter(|_| !prev_is_term)
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
        if prev_is_term {
            // The title's own words name nobody.
            before.retain(|w| {
                let k = quote_outer.partition_point(|q| q.1 <= w.start);
                quote_outer.get(k).is_none_or(|q| q.0 > w.start)
            });
        }
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
            // Look a bounded distance ahead: an attribution stands right after its quote, and an
            // unbounded search per quote is quadratic on text without line breaks.
            let mut horizon = (outer_end + 4096).min(text.len());
            while !text.is_char_boundary(horizon) {
                horizon -= 1;
            }
            let same_para = text[outer_end..horizon]
                .find('\n')
                .map_or(horizon, |n| outer_end + n);
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
        if let Some(cue) = find_cue(&after, 0..after.len().min(7), lex, false) {
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
            // "… “kind of riding the fence” until Haley said …": a clause opener between the
            // quote and its would-be speaker starts another clause; and "Trump said: “…”"
            // introduces the next quotation, not this one.
            let other_clause = mention.as_ref().is_some_and(|m| {
                after
                    .iter()
                    .take_while(|w| w.end <= m.span.0)
                    .any(|w| CLAUSE_OPENERS.contains(&w.text.to_lowercase().as_str()))
            });
            let introduces_next = text
                .get(after[cue.last].end..)
                .is_some_and(|r| r.trim_start().starts_with(':'))
                && !inverted;
            if mention.is_some() && !other_clause && !introduces_next {
                found = Some((cue, mention, true));
            }
        }
        // 2. Before the quote, closest cue first.
        if found.is_none() {
            if let Some(cue) = find_cue(&before, 0..before.len(), lex, true) {
                // "endorsed Clinton, saying, “…”" / "reversed himself, telling CBS that “…”":
                // before a participle after a comma stands an object; the speaker is the
                // subject of the main clause.
                // "released a statement saying “…”": the statement's author speaks.
                // "went on to say", "took to Twitter to accuse": an infinitive hangs off the
                // main clause the same way.
                let participle = cue.first > 0
                    && (cue.text.ends_with("ing")
                        && (text
                            .get(before[cue.first - 1].end..before[cue.first].start)
                            .is_some_and(|g| g.contains(','))
                            || DOCUMENTS
                                .contains(&before[cue.first - 1].text.to_lowercase().as_str()))
                        || before[cue.first - 1].text == "to");
                // After "told" or "telling" stands the listener, not the speaker.
                let listener_after = OBJECT_CUES.contains(&cue.text.as_str());
                let infinitive = before[..cue.first].last().is_some_and(|w| w.text == "to");
                let mention = if cue.class == CueClass::Source {
                    np_after(text, &before, cue.last + 1, lex)
                } else if participle && infinitive {
                    // "Lewandowski, taking to Twitter to call …": the main clause's subject;
                    // "was forced to concede": the subject right before the verb chain.
                    clause_subject(text, &before[..cue.first], lex)
                        .or_else(|| np_before(text, &before, cue.first, lex))
                } else if participle {
                    clause_subject(text, &before[..cue.first], lex)
                } else if before[..cue.first]
                    .last()
                    .is_some_and(|w| matches!(w.text, "and" | "but" | "then"))
                {
                    // "Silverman was joined on stage … and joked, “…”": a coordinated verb
                    // shares the clause's subject.
                    clause_subject(text, &before[..cue.first], lex)
                        .or_else(|| np_before(text, &before, cue.first, lex))
                } else {
                    np_before(text, &before, cue.first, lex)
                        .or_else(|| {
                            // "said that her campaign …": a clause follows, not a speaker.
                            let clause_next = before.get(cue.last + 1).is_some_and(|w| {
                                matches!(
                                    w.text.to_lowercase().as_str(),
                                    "that" | "whether" | "if" | "how" | "what" | "why" | "when"
                                )
                            });
                            np_after(text, &before, cue.last + 1, lex)
                                .filter(|_| !listener_after && !clause_next)
                        })
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
            if let Some(cue) = find_cue(&after, 0..after.len(), lex, false) {
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
        let mut speaker = match turn_label(text, outer_start, outer_end) {
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
            && find_cue(&after, 0..after.len().min(2), lex, false).is_none();
        // In a headline-style frame every word is capitalised, so title case says nothing.
        // (Only the first words are read: a sentence can be a whole unpunctuated text.)
        let headline_frame = || {
            let (n, caps) = frame_words_iter(all_words, s_start, s_end)
                .take(40)
                .fold((0, 0), |(n, c), w| {
                    (n + 1, c + usize::from(is_title_word(w.text)))
                });
            n > 3 && caps * 5 >= n * 4
        };
        let title_case =
            n_words > 0 && quote_words().all(|w| is_title_word(w.text)) && !headline_frame();
        // "I", "we", "you" inside the marks: somebody speaking, not a name or a scare quote.
        let personal = quote_words().any(|w| {
            matches!(
                w.text.to_lowercase().as_str(),
                "i" | "i'm"
                    | "i’m"
                    | "me"
                    | "my"
                    | "we"
                    | "we're"
                    | "we’re"
                    | "our"
                    | "us"
                    | "you"
                    | "your"
            )
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
        } else if title_case && names_a_work(lead)
            || !personal
                && title_case
                && cue_class != Some(CueClass::Speech)
                // "Trump called her “Miss Piggy”": a nickname someone coins is their word.
                && !(cue_class == Some(CueClass::Naming) && speaker.is_some())
            || !personal
                && n_words <= 4
                && cue_class.is_none()
                && !actor_in(
                    all_words,
                    &actors,
                    (s_start, s_end),
                    (outer_start, outer_end),
                )
        {
            QuoteKind::Term
        } else {
            QuoteKind::Partial
        };
        // "Sanders kept pushing his “free college” plan": a fragment in narration is usually
        // the words of the sentence's subject.
        if speaker.is_none() && kind == QuoteKind::Partial {
            let whole = frame_words(all_words, s_start, outer_start);
            // "Before a rally in Phoenix, Trump launched into a lament for “…”": after a
            // fronted phrase, the main clause's subject. Not across "which" or "whom": in
            // "The minimum release, which negotiators called “…”", the words are the
            // negotiators' (reported speech reads that plain noun later); after "who" the
            // subject is still the speaker ("Beck, who called Trump “…”").
            speaker = sentence_subject(text, &whole, s_start, ents, lex)
                .map(|(m, _)| m)
                .or_else(|| clause_subject(text, &whole, lex))
                .filter(|m| {
                    !whole
                        .iter()
                        .filter(|w| w.start >= m.span.1)
                        .any(|w| matches!(w.text, "which" | "whom"))
                })
                .and_then(|m| resolve(text, &m, ents, &quote_outer, lex));
        }
        // The name of a programme or book has no speaker, whoever speaks in its sentence.
        let (speaker, cue) = if title_case && names_a_work(lead) {
            (None, None)
        } else {
            (speaker, cue)
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
    fill_from_context(text, sentences, &mut out, ents);
    out
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

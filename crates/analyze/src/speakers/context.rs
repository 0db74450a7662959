//! Attribution across quotes: quotes split by an attribution joined into one, follow-on quotes
//! that take the previous speaker, and transcript turns ("SMITH: …").

use super::*;

/// Farthest a follow-on quote may be from the quote whose speaker it takes, in bytes.
const MAX_CONTEXT_GAP: usize = 8192;
/// How many earlier quotes a follow-on quote looks back through for a speaker.
const MAX_CONTEXT_QUOTES: usize = 12;
/// How far back a transcript label ("SMITH:") is looked for, in bytes.
const MAX_LABEL_LOOKBACK: usize = 512;

/// “First part,” he said. “Second part.” — one quote in two parts when the second part has no
/// cue of its own and only the first part's attribution stands between them.
pub(crate) fn merge_split_quotes(text: &str, all_words: &[Word], quotes: &mut Vec<Quote>) {
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
pub(crate) fn fill_from_context(
    text: &str,
    sentences: &[(usize, usize)],
    quotes: &mut [Quote],
    ents: &Entities,
) {
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
        // A fragment with a cue of its own ("which negotiators called “…”") has its speaker
        // in its sentence even when we could not name them: no guess from earlier quotes.
        let own_cue = quotes[i].cue.is_some() && quotes[i].kind == QuoteKind::Partial;
        if quotes[i].speaker.is_some() || quotes[i].kind == QuoteKind::Term || own_cue {
            continue;
        }
        let Some(prev) = quotes[..i]
            .iter()
            .rev()
            .take(MAX_CONTEXT_QUOTES)
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
            .is_none_or(|g| g.len() > MAX_CONTEXT_GAP || g.matches("\n\n").nth(2).is_some())
        {
            continue;
        }
        // Names in the rest of the earlier quote's attribution sentence ("…,” said Ana Ruiz,
        // who runs the Harbour Trust.) describe its speaker; they do not take the floor.
        let skip_to = speaker
            .span
            .filter(|s| gap.0 <= s.0 && s.1 <= gap.1)
            .map_or(gap.0, |s| {
                sentence_index(sentences, s.0).map_or(gap.0, |i| sentences[i].1.min(gap.1))
            });
        let from = named.partition_point(|m| m.0 < skip_to);
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

/// Labels in capitals that head a line without being a speaker.
pub(crate) const NOT_SPEAKERS: &[&str] = &[
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
pub(crate) fn turn_label(text: &str, outer_start: usize, outer_end: usize) -> Option<Span> {
    // A turn label opens a short line: look back a bounded distance only.
    let mut from = outer_start.saturating_sub(MAX_LABEL_LOOKBACK);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let line_start = match text.get(from..outer_start)?.rfind('\n') {
        Some(n) => from + n + 1,
        None if from == 0 => 0,
        None => return None,
    };
    let line = text.get(line_start..)?;
    let lead = line.len()
        - line
            .trim_start_matches([' ', '"', '“', '”', '\u{a0}'])
            .len();
    let label_start = line_start + lead;
    // A label is short: look for its colon within a few bytes, never past the line (an
    // unbounded search per quote was quadratic on text without colons).
    let mut reach = (label_start + 64).min(text.len());
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let head = text.get(label_start..reach)?;
    let head = head.split('\n').next().unwrap_or(head);
    let colon = label_start + head.find(':')?;
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
pub(crate) fn turn_speaker(text: &str, label: Span, ents: &Entities) -> Speaker {
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

/// A quotation left open across paragraphs of a transcript ("SMITH: … / "JONES: …) is one
/// quote per turn: a new quote starts at each part that opens with a speaker label. `None`
/// when nothing is split (the common case, no copy).
pub(crate) fn split_turns(text: &str, marked: &[MarkedQuote]) -> Option<Vec<MarkedQuote>> {
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

//! From a speaker phrase to a speaker: names to their canonical entity, pronouns to the
//! nearest agreeing person, role nouns to the person who holds the role.

use super::*;

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
            // "Rep. Ana Ruiz": the entity at the mention's start may be the title alone (the
            // period cut it off); the name after it is the person.
            let at = ents
                .at(m.span)
                .filter(|&i| !lex.titles.contains(ents.list[i].name.as_str()));
            let idx = at.or_else(|| ents.by_name(&bare, m.span.0));
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
            let fits = |e: &crate::entities::EntityInfo| {
                (want.contains(&e.kind) || p != "it" && e.could_be_person())
                    && (gender.is_none() || e.gender.is_none() || e.gender == gender)
            };
            let nearest = nearest_before(ents, m.span.0, quotes, |e| fits(e))?;
            // "Cross said he is left with two options: Clinton, whom he called …": a pronoun
            // after the subject of its own sentence refers to that subject before any nearer
            // name.
            let idx = sentence_subject_entity(text, ents, m.span.0, lex, &fits).unwrap_or(nearest);
            // "harbour master Delphine Okoro … the harbour master struck a defiant tone. “…,”
            // she insisted": a later "the <descriptor>" is a nearer antecedent than the last
            // name.
            let last_name_at = last_mention_before(ents, idx, m.span.0);
            let idx = match descriptor_antecedent(text, ents, m.span.0, quotes, &fits) {
                Some((d, at)) if at > last_name_at => d,
                _ => idx,
            };
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

pub(crate) fn strip_titles(name: &str, lex: &Lexicon) -> String {
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

/// How far back the start of a pronoun's sentence is looked for, in bytes.
const SENTENCE_LOOKBACK: usize = 400;

/// The entity whose mention opens the sentence holding byte `at`, if it fits.
fn sentence_subject_entity(
    text: &str,
    ents: &Entities,
    at: usize,
    lex: &Lexicon,
    fits: &dyn Fn(&crate::entities::EntityInfo) -> bool,
) -> Option<usize> {
    let mut from = at.saturating_sub(SENTENCE_LOOKBACK);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = text.get(from..at)?;
    // The sentence starts after the last full stop, question or exclamation mark followed by
    // a space, after a line break, or at the start of the text; it must start inside the
    // window.
    let start = window
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            c == '\n'
                || matches!(c, '.' | '!' | '?')
                    && window[i + c.len_utf8()..].starts_with([' ', '”', '"'])
        })
        .map(|(i, c)| from + i + c.len_utf8())
        .or((from == 0).then_some(0))?;
    let mut first = text.get(start..at)?.find(|c: char| c.is_alphanumeric())? + start;
    // "Cruz spokesman Rick Tyler said …": a name, a role word and a name — the second is
    // the subject.
    // (The window is bounded by the look-back above; three words are enough.)
    let head: Vec<Word> = words(text.get(first..at)?).into_iter().take(3).collect();
    if let [a, role, b] = &head[..] {
        let cap = |w: &Word| w.text.starts_with(char::is_uppercase);
        if cap(a) && lex.roles.contains(role.text) && cap(b) {
            first += b.start;
        }
    }
    ents.list
        .iter()
        .enumerate()
        .filter(|(_, e)| fits(e))
        .find(|(_, e)| e.mentions.binary_search_by_key(&first, |m| m.0).is_ok())
        .map(|(i, _)| i)
}

/// The entity matching `pred` with the latest mention before `at` that is not inside a quote.
pub(crate) fn nearest_before(
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

pub(crate) fn nearest_after(
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

/// Start of the last mention of entity `idx` before `at` (0 when none).
fn last_mention_before(ents: &Entities, idx: usize, at: usize) -> usize {
    let mentions = &ents.list[idx].mentions;
    let k = mentions.partition_point(|m| m.0 < at);
    k.checked_sub(1).map_or(0, |k| mentions[k].0)
}

/// How far back from a pronoun a descriptor phrase is looked for, in bytes.
const DESCRIPTOR_WINDOW: usize = 800;

/// The lower-case words a person is introduced with, right before the name ("harbour master",
/// "fire chief", "activist"): at most two words, no function or speech words.
fn descriptor_before(text: &str, at: usize) -> Option<&str> {
    let head = text.get(..at)?.strip_suffix(' ')?;
    let mut start = head.len();
    let mut n = 0;
    for w in head.rsplit(' ').take(2) {
        let plain = !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c == '-');
        if !plain || parallax_text::is_stopword(w) || Lexicon::get().cue(w).is_some() {
            break;
        }
        start -= w.len() + usize::from(n > 0);
        n += 1;
    }
    (n > 0).then(|| &head[start..])
}

/// The person whose introduction phrase recurs as "the <phrase>" most recently before `at`
/// (outside quotation marks), with where it recurs.
fn descriptor_antecedent(
    text: &str,
    ents: &Entities,
    at: usize,
    quotes: &[Span],
    fits: &dyn Fn(&crate::entities::EntityInfo) -> bool,
) -> Option<(usize, usize)> {
    let mut from = at.saturating_sub(DESCRIPTOR_WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = text.get(from..at)?.to_lowercase();
    let inside = |p: usize| quotes.iter().any(|q| q.0 <= p && p < q.1);
    let mut best: Option<(usize, usize)> = None;
    for (i, e) in ents.list.iter().enumerate().filter(|(_, e)| fits(e)) {
        // Introductions come early: a few first mentions are enough.
        for m in e.mentions.iter().take(4).filter(|m| m.0 < at) {
            let Some(phrase) = descriptor_before(text, m.0) else {
                continue;
            };
            let needle = format!("the {phrase} ");
            if let Some(p) = window.rfind(&needle).map(|p| from + p) {
                if p > m.0 && !inside(p) && best.is_none_or(|(_, b)| p > b) {
                    best = Some((i, p));
                }
            }
        }
    }
    best
}

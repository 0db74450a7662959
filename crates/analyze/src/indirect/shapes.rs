//! The attribution shapes around a cue: forward, backward and "according to".

use super::*;

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

/// Prepositions that open a sentence's adverbial, beyond [`PREPOSITIONS`].
const ADVERBIAL_OPENERS: &[&str] = &[
    "despite",
    "amid",
    "among",
    "against",
    "under",
    "since",
    "without",
    "through",
    "across",
    "following",
    "given",
    "like",
    "unlike",
    "beyond",
    "within",
    "by",
];

/// The cue at word `i`, with the index of its last word.
pub(super) fn cue_at(ws: &[Word], i: usize, lex: &Lexicon) -> Option<(String, CueClass, usize)> {
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
    // ... unless a form of "be" makes it finite ("Ruiz is warning that …").
    let progressive = i > 0
        && matches!(
            lower(&ws[i - 1]).as_str(),
            "is" | "are" | "was" | "were" | "been" | "be" | "not"
        );
    // A passive ("had been reported to the fire service", "was told") has no source before
    // it: its subject is what was said, or the listener.
    let passive = !w.ends_with("ing")
        && i > 0
        && matches!(
            lower(&ws[i - 1]).as_str(),
            "is" | "are" | "was" | "were" | "been" | "be" | "being"
        );
    if w.ends_with("ing") && !progressive
        || noun_states
        || capital_inside && w == "states"
        || passive
    {
        return None;
    }
    match lex.cue(&w) {
        Some(CueClass::Speech)
            if !matches!(w.as_str(), "read" | "began" | "continued" | "continues") =>
        {
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

/// "According to SOURCE, CONTENT." / "CONTENT, according to SOURCE."
#[allow(clippy::too_many_arguments)]
pub(super) fn according_to(
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
pub(super) fn backward(
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
        // The comma may stand before a descriptor: ", engineer Sofia Lund said,", ", the
        // news site Harbour Daily reported." Anything but a verb may stand there.
        let k = (first.saturating_sub(8)..first)
            .rev()
            .take_while(|&k| k == first - 1 || !stance::is_verb(&lower(&ws[k + 1])))
            .find(|&k| gap(text, &ws[k], &ws[k + 1]).contains(','))?;
        (m, ws[k].end)
    };
    // What follows the attribution: nothing (end of sentence) or, after a comma, the rest of
    // a parenthetical content.
    let tail_start = ws[i + 1..]
        .iter()
        .position(|w| w.start >= mention.span.1)
        .map(|k| k + i + 1);
    // "Despite the delay, officials told the board.": a phrase opening with a preposition
    // and holding no verb is an adverbial, not a reported clause.
    let before: Vec<&Word> = ws.iter().take_while(|w| w.end <= comma_at).collect();
    let opens_adverbial = before.first().is_some_and(|w| {
        PREPOSITIONS.contains(&lower(w).as_str()) || ADVERBIAL_OPENERS.contains(&lower(w).as_str())
    });
    if opens_adverbial && !before.iter().any(|w| stance::is_verb(&lower(w))) {
        return None;
    }
    let mut parts = vec![Span(s0, comma_at)];
    if let Some(t) = tail_start.and_then(|t| ws.get(t)) {
        let before_t = text
            .get(ws[i].end.max(mention.span.1)..t.start)
            .unwrap_or("");
        if before_t.contains(',') && words(text.get(t.start..end).unwrap_or("")).len() >= 2 {
            parts.push(Span(t.start, end));
        } else if !before_t.contains(',') {
            // "…, Ruiz said on Friday." and "…, Ruiz told the court in a filing." are fine;
            // "…, Ruiz said the pier would …" is a forward form: a verb follows.
            let rest: Vec<&Word> = ws[i + 1..].iter().take_while(|w| w.end <= end).collect();
            let adverbial = rest.iter().all(|w| {
                PREPOSITIONS.contains(&lower(w).as_str()) || is_stopword(w.text) || is_cap(w.text)
            }) || rest.len() <= 8
                && !rest.iter().any(|w| stance::is_verb(&lower(w)))
                && (OBJECT_CUES.contains(&lower(&ws[i]).as_str())
                    || rest
                        .first()
                        .is_some_and(|w| PREPOSITIONS.contains(&lower(w).as_str())));
            if !adverbial {
                return None;
            }
        }
    }
    Some((parts, Some(mention)))
}

/// "SOURCE CUE (OBJECT) (that) CONTENT".
pub(super) fn forward(
    text: &str,
    end: usize,
    ws: &[Word],
    i: usize,
    cue: &str,
    lex: &Lexicon,
) -> Option<Found> {
    // The subject stands before the auxiliaries: "Ruiz has been warning".
    let mut j = i;
    while j > 0
        && matches!(
            lower(&ws[j - 1]).as_str(),
            "is" | "are" | "was" | "were" | "been" | "be" | "not" | "has" | "have" | "had"
        )
    {
        j -= 1;
    }
    let mention = np_before(text, ws, j, lex).or_else(|| plain_np_before(text, ws, j))?;
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

/// A plain noun phrase ending right before word `k` ("officials", "a new poll"): up to four
/// words back to a determiner.
pub(super) fn plain_np_before(text: &str, ws: &[Word], k: usize) -> Option<Mention> {
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

//! Reported speech that continues another clause's subject: a participle after a comma or a
//! verb after "and" ("Ruiz backed the plan, warning that costs would rise", "“…,” Anderson
//! said, adding that Sanders is the most trustworthy"). The subject is not next to the cue:
//! it is the quoted speaker after a direct quotation, else the sentence's subject.

use super::*;

/// Participle cues whose object is the listener: the clause needs "that", "whether" or "if".
const LISTENER_CUES: &[&str] = &[
    "telling",
    "asking",
    "urging",
    "warning",
    "reminding",
    "assuring",
    "reassuring",
    "advising",
    "imploring",
    "begging",
];

/// Which continuing cues to look for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// ", adding that …"
    Participle,
    /// "and added that …"
    Coordinated,
    /// Either.
    Both,
}

/// The first continuing cue of `form` in `ws` (words up to `end`) and the content after it.
pub(super) fn continuation(
    text: &str,
    end: usize,
    ws: &[Word],
    quoted: &[Span],
    lex: &Lexicon,
    form: Form,
) -> Option<(String, Span, usize)> {
    for i in 1..ws.len() {
        let w = &ws[i];
        if w.end > end || inside(quoted, w) {
            continue;
        }
        let l = lower(w);
        let prev = lower(&ws[i - 1]);
        // ", adding that …" or "and added that …": a second verb of the same subject.
        let participle = form != Form::Coordinated
            && l.ends_with("ing")
            && gap(text, &ws[i - 1], w).contains(',');
        let coordinated = form != Form::Participle && prev == "and" && !l.ends_with("ing");
        if !(participle || coordinated) {
            continue;
        }
        let speech = matches!(lex.cue(&l), Some(CueClass::Speech | CueClass::Naming))
            || lex.report_verbs.contains(l.as_str());
        if !speech {
            continue;
        }
        let rest = ws.get(i + 1..)?;
        let opener = rest
            .iter()
            .take(4)
            .position(|x| matches!(lower(x).as_str(), "that" | "whether" | "if"));
        let k = match opener {
            Some(t) => t + 1,
            None if LISTENER_CUES.contains(&l.as_str()) => return None,
            // "referring to the mayor", "calling for a recount": the object is the content.
            None if rest
                .first()
                .is_some_and(|x| matches!(lower(x).as_str(), "to" | "for" | "on" | "about")) =>
            {
                1
            }
            None => 0,
        };
        let start = rest.get(k)?.start;
        let content = trim(text, Span(start, end))?;
        return Some((l, content, i));
    }
    None
}

/// The reported clause after the sentence's last direct quotation (`ws` are the words after
/// it, up to `end`), with `speaker` (the quotation's) as its source.
pub(super) fn after_quote(
    text: &str,
    end: usize,
    ws: &[Word],
    quoted: &[Span],
    speaker: Option<&Speaker>,
    lex: &Lexicon,
) -> Option<Quote> {
    let (cue, content, _) = continuation(text, end, ws, quoted, lex, Form::Both)?;
    Some(indirect_quote(text, vec![content], speaker.cloned(), cue))
}

/// A continuing clause in a sentence without a direct quotation; its source is the subject
/// before the first verb.
pub(super) fn in_sentence(
    text: &str,
    end: usize,
    ws: &[Word],
    quoted: &[Span],
    ents: &mut Entities,
    lex: &Lexicon,
    form: Form,
) -> Option<Quote> {
    let (cue, content, i) = continuation(text, end, ws, quoted, lex, form)?;
    // The first verb with a noun phrase before it: "After hours of talks, the board agreed
    // …" skips "talks" (no subject before it) for "agreed".
    let mention = ws[..i]
        .iter()
        .enumerate()
        .filter(|(_, w)| !is_cap(w.text) && stance::is_verb(&lower(w)))
        .find_map(|(j, _)| {
            np_before(text, ws, j, lex).or_else(|| shapes::plain_np_before(text, ws, j))
        });
    let speaker = mention.and_then(|m| speaker_of(text, &m, ents, quoted, lex));
    Some(indirect_quote(text, vec![content], speaker, cue))
}

//! Reported speech after a direct quotation in the same sentence: "“…,” Anderson said,
//! adding that Sanders is the most trustworthy." The participle continues the quoted
//! speaker's speech, so the clause after it is theirs.

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

/// The reported clause in `ws` (the words after the sentence's last direct quotation, up to
/// `end`), with `speaker` (the quotation's) as its source.
pub(super) fn after_quote(
    text: &str,
    end: usize,
    ws: &[Word],
    quoted: &[Span],
    speaker: Option<&Speaker>,
    lex: &Lexicon,
) -> Option<Quote> {
    for i in 1..ws.len() {
        let w = &ws[i];
        if w.end > end || inside(quoted, w) {
            continue;
        }
        let l = lower(w);
        let prev = lower(&ws[i - 1]);
        // ", adding that …" or "and added that …": a second verb of the same speaker.
        let participle = l.ends_with("ing") && gap(text, &ws[i - 1], w).contains(',');
        let coordinated = prev == "and" && !l.ends_with("ing");
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
        return Some(Quote {
            id: String::new(),
            start: content.0,
            end: content.1,
            text: content.of(text).to_string(),
            kind: QuoteKind::Indirect,
            speaker: speaker.cloned(),
            cue: Some(l),
            parts: vec![content],
        });
    }
    None
}

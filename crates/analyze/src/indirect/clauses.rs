//! Coordinated clauses of one sentence, each with its own attribution: "Sanders defended his
//! vote, but on Saturday he announced that he would back the repeal" holds two.
//!
//! The sentence is scanned whole first, as one attribution usually covers it ("Ruiz said the
//! pier would reopen, and the ferry would follow" is all Ruiz's). Then each clause that lies
//! outside that attribution's source and content is scanned alone. A clause opens before a
//! coordinating or contrastive conjunction that follows a comma ("…, but he announced …"),
//! unless a verb follows the conjunction (", and said that …" shares the subject), and after
//! a semicolon.

use super::*;

/// Words that open a new clause after a comma.
const CONJUNCTIONS: &[&str] = &[
    "but", "and", "while", "whereas", "yet", "although", "though", "so",
];

/// "…, and said that …", "…, but has since denied it": a verb right after the conjunction
/// shares the first clause's subject, so the sentence is one attribution, not two.
fn elided_subject(next: &Word, lex: &Lexicon) -> bool {
    let l = lower(next);
    lex.cue(&l).is_some() || lex.report_verbs.contains(l.as_str()) || stance::is_verb(&l)
}

/// The indirect attributions of the words `ws`, which lie within `[s0, s1)` of `text`.
pub(super) fn clause_attributions(
    text: &str,
    s0: usize,
    s1: usize,
    ws: &[Word],
    quoted: &[Span],
    ents: &mut Entities,
    lex: &Lexicon,
) -> Vec<Quote> {
    // Word indices that open a clause, 0 first.
    let mut cuts = vec![0];
    for i in 1..ws.len() {
        let g = gap(text, &ws[i - 1], &ws[i]);
        let opens = g.contains(';')
            || g.contains(',')
                && CONJUNCTIONS.contains(&lower(&ws[i]).as_str())
                && ws.get(i + 1).is_some_and(|n| !elided_subject(n, lex));
        if opens && !inside(quoted, &ws[i]) {
            cuts.push(i);
        }
    }
    let whole = sentence_attribution(text, s0, s1, ws, quoted, ents, lex);
    // The bytes the sentence's attribution already explains: its source and its content.
    let (lo, hi) = match &whole {
        Some(q) => {
            let src = q.speaker.as_ref().and_then(|s| s.span);
            let lo = q.parts.first().map_or(q.start, |p| p.0);
            let hi = q.parts.last().map_or(q.end, |p| p.1);
            (
                src.map_or(lo, |s| s.0.min(lo)),
                src.map_or(hi, |s| s.1.max(hi)),
            )
        }
        None => (s1, s1),
    };
    let mut out: Vec<Quote> = whole.into_iter().collect();
    for (k, &a) in cuts.iter().enumerate() {
        let b = cuts.get(k + 1).copied().unwrap_or(ws.len());
        let c0 = if k == 0 { s0 } else { ws[a].start };
        let c1 = cuts.get(k + 1).map_or(s1, |&n| ws[n].start);
        // Clause 0 of a sentence without an attribution was just scanned as the sentence.
        let outside = c1 <= lo || c0 >= hi;
        if !outside || k == 0 && out.is_empty() {
            continue;
        }
        out.extend(sentence_attribution(
            text,
            c0,
            c1,
            &ws[a..b],
            quoted,
            ents,
            lex,
        ));
    }
    out.sort_by_key(|q| q.start);
    out
}

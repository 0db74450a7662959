//! Scorers: span overlap, token overlap and exact matching of quotations, speaker and cue
//! checks over matched pairs. Everything works on byte spans of one document's text.
//!
//! Definitions (the report repeats them):
//! - **overlap**: a prediction matches a gold content when any of their bytes overlap;
//!   precision counts matched predictions, recall counts matched gold contents.
//! - **token**: the words (as [`parallax_text::words`] splits them) touched by predictions vs
//!   those touched by gold contents, pooled per document, micro-averaged.
//! - **exact**: a prediction and a gold content touch the very same words — the same span once
//!   quotation marks, punctuation and whitespace are trimmed off both ends.
//! - **pairs**: each matched gold content is paired with the prediction that overlaps it most;
//!   speaker and cue are judged on those pairs.

use std::collections::HashSet;
use std::ops::AddAssign;

use parallax_text::{fold_word, stem, words, Word};

/// Byte ranges `[start, end)`.
pub type Spans = Vec<(usize, usize)>;

/// A gold attribution, in byte offsets.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// The attributed content.
    pub content: Spans,
    /// The source (empty when the annotation has none).
    pub source: Spans,
    /// The cue (empty when the annotation has none).
    pub cue: Spans,
}

/// A predicted quotation, reduced to what the scorers need.
#[derive(Debug, Clone, Default)]
pub struct Predicted {
    /// The quoted words (the quote's parts).
    pub parts: Spans,
    /// Span of the speaker mention, when in the text.
    pub speaker_span: Option<(usize, usize)>,
    /// Speaker name and mention, when a speaker was found.
    pub speaker: Option<(String, String)>,
    /// The cue phrase.
    pub cue: Option<String>,
}

/// Counts that add up over documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Predictions.
    pub preds: usize,
    /// Predictions overlapping a gold content.
    pub preds_matched: usize,
    /// Predictions touching exactly the words of a gold content.
    pub preds_exact: usize,
    /// Gold contents.
    pub gold: usize,
    /// Gold contents overlapped by a prediction.
    pub gold_matched: usize,
    /// Gold contents exactly matched.
    pub gold_exact: usize,
    /// Words under predictions.
    pub tok_pred: usize,
    /// Words under gold contents.
    pub tok_gold: usize,
    /// Words under both.
    pub tok_both: usize,
    /// Matched pairs whose gold has a source.
    pub speaker_n: usize,
    /// ... whose predicted speaker is right.
    pub speaker_ok: usize,
    /// Matched pairs whose gold source is a named person or organisation.
    pub named_n: usize,
    /// ... whose predicted speaker is right.
    pub named_ok: usize,
    /// Matched pairs whose gold cue has a word.
    pub cue_n: usize,
    /// ... whose predicted cue has the gold cue's head verb.
    pub cue_ok: usize,
}

impl AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.preds += o.preds;
        self.preds_matched += o.preds_matched;
        self.preds_exact += o.preds_exact;
        self.gold += o.gold;
        self.gold_matched += o.gold_matched;
        self.gold_exact += o.gold_exact;
        self.tok_pred += o.tok_pred;
        self.tok_gold += o.tok_gold;
        self.tok_both += o.tok_both;
        self.speaker_n += o.speaker_n;
        self.speaker_ok += o.speaker_ok;
        self.named_n += o.named_n;
        self.named_ok += o.named_ok;
        self.cue_n += o.cue_n;
        self.cue_ok += o.cue_ok;
    }
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f: f64,
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

/// Precision `pn/pd`, recall `rn/rd` and their harmonic mean.
pub fn prf(pn: usize, pd: usize, rn: usize, rd: usize) -> Prf {
    let (p, r) = (ratio(pn, pd), ratio(rn, rd));
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf { p, r, f }
}

impl Tally {
    /// Span overlap P/R/F1.
    pub fn overlap(&self) -> Prf {
        prf(self.preds_matched, self.preds, self.gold_matched, self.gold)
    }
    /// Token overlap P/R/F1.
    pub fn token(&self) -> Prf {
        prf(self.tok_both, self.tok_pred, self.tok_both, self.tok_gold)
    }
    /// Exact-span P/R/F1.
    pub fn exact(&self) -> Prf {
        prf(self.preds_exact, self.preds, self.gold_exact, self.gold)
    }
    /// Source P/R/F1 in Citron's sense: a gold attribution counts when its content is matched
    /// and its speaker is right.
    pub fn source(&self) -> Prf {
        prf(self.speaker_ok, self.preds, self.speaker_ok, self.gold)
    }
    /// Speaker accuracy over matched pairs with a gold source.
    pub fn speaker_acc(&self) -> f64 {
        ratio(self.speaker_ok, self.speaker_n)
    }
    /// Speaker accuracy over matched pairs whose gold source is named.
    pub fn named_acc(&self) -> f64 {
        ratio(self.named_ok, self.named_n)
    }
    /// Cue accuracy over matched pairs with a gold cue.
    pub fn cue_acc(&self) -> f64 {
        ratio(self.cue_ok, self.cue_n)
    }
}

/// What became of one gold content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GoldOutcome {
    /// Index of the paired prediction.
    pub pred: Option<usize>,
    /// Exactly matched by some prediction.
    pub exact: bool,
    /// Speaker verdict (None when unmatched or the gold has no source).
    pub speaker_ok: Option<bool>,
    /// The gold source is a named person or organisation.
    pub named: bool,
    /// The gold source is a lone pronoun.
    pub pronoun: bool,
    /// Cue verdict (None when unmatched or the gold cue has no word).
    pub cue_ok: Option<bool>,
}

/// What became of one prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PredOutcome {
    /// Overlaps some gold content.
    pub matched: bool,
    /// Exactly matches some gold content.
    pub exact: bool,
}

/// One document's scores.
#[derive(Debug, Clone, Default)]
pub struct DocScore {
    /// Counts.
    pub tally: Tally,
    /// Per gold content, in input order.
    pub gold: Vec<GoldOutcome>,
    /// Per prediction, in input order.
    pub preds: Vec<PredOutcome>,
}

/// The words of one document, with what the speaker check needs to know about them.
pub struct DocWords<'a> {
    text: &'a str,
    words: Vec<Word<'a>>,
    /// Folded words that occur in lower case somewhere in the text: a capitalised
    /// sentence-initial "Sources" is not a name when "sources" also occurs.
    lower: HashSet<String>,
}

impl<'a> DocWords<'a> {
    /// Splits `text` into words once.
    pub fn new(text: &'a str) -> Self {
        let words = words(text);
        let lower = words
            .iter()
            .filter(|w| w.text.chars().next().is_some_and(char::is_lowercase))
            .map(|w| fold_word(w.text))
            .collect();
        DocWords { text, words, lower }
    }

    /// Indices of the words that overlap any of `spans`, sorted and deduplicated.
    fn touched(&self, spans: &[(usize, usize)]) -> Vec<usize> {
        let mut out = Vec::new();
        for &(s, e) in spans {
            let mut i = self.words.partition_point(|w| w.end <= s);
            while self.words.get(i).is_some_and(|w| w.start < e) {
                out.push(i);
                i += 1;
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let mut n = 0;
    for &(s1, e1) in a {
        for &(s2, e2) in b {
            n += e1.min(e2).saturating_sub(s1.max(s2));
        }
    }
    n
}

/// Scores one document's predictions against its gold contents.
pub fn score_doc(doc: &DocWords, gold: &[&Gold], preds: &[&Predicted]) -> DocScore {
    let gold_toks: Vec<Vec<usize>> = gold.iter().map(|g| doc.touched(&g.content)).collect();
    let pred_toks: Vec<Vec<usize>> = preds.iter().map(|p| doc.touched(&p.parts)).collect();
    let mut out = DocScore {
        gold: vec![GoldOutcome::default(); gold.len()],
        preds: vec![PredOutcome::default(); preds.len()],
        ..Default::default()
    };
    for (gi, g) in gold.iter().enumerate() {
        let mut best: Option<(usize, usize)> = None;
        for (pi, p) in preds.iter().enumerate() {
            let n = overlap(&g.content, &p.parts);
            if n == 0 {
                continue;
            }
            out.preds[pi].matched = true;
            if !gold_toks[gi].is_empty() && gold_toks[gi] == pred_toks[pi] {
                out.preds[pi].exact = true;
                out.gold[gi].exact = true;
            }
            if !matches!(best, Some((_, m)) if m >= n) {
                best = Some((pi, n));
            }
        }
        let outcome = &mut out.gold[gi];
        let info = source_info(doc, &g.source);
        outcome.named = info.named;
        outcome.pronoun = info.pronoun;
        let Some((pi, _)) = best else { continue };
        outcome.pred = Some(pi);
        let p = preds[pi];
        if !g.source.is_empty() {
            outcome.speaker_ok = Some(speaker_correct(&g.source, info.head.as_deref(), p));
        }
        // A cue with no word (a colon before a block quotation) has no verb to compare.
        if cue_head(&span_text(doc.text, &g.cue)).is_some() {
            outcome.cue_ok = Some(cue_correct(doc.text, &g.cue, p.cue.as_deref()));
        }
    }
    let t = &mut out.tally;
    t.preds = preds.len();
    t.gold = gold.len();
    t.preds_matched = out.preds.iter().filter(|p| p.matched).count();
    t.preds_exact = out.preds.iter().filter(|p| p.exact).count();
    for g in &out.gold {
        t.gold_matched += usize::from(g.pred.is_some());
        t.gold_exact += usize::from(g.exact);
        if let Some(ok) = g.speaker_ok {
            t.speaker_n += 1;
            t.speaker_ok += usize::from(ok);
            if g.named {
                t.named_n += 1;
                t.named_ok += usize::from(ok);
            }
        }
        if let Some(ok) = g.cue_ok {
            t.cue_n += 1;
            t.cue_ok += usize::from(ok);
        }
    }
    let union =
        |toks: &[Vec<usize>]| -> HashSet<usize> { toks.iter().flatten().copied().collect() };
    let (gu, pu) = (union(&gold_toks), union(&pred_toks));
    t.tok_gold = gu.len();
    t.tok_pred = pu.len();
    t.tok_both = gu.intersection(&pu).count();
    out
}

const PRONOUNS: &[&str] = &[
    "he", "her", "him", "i", "it", "me", "one", "she", "that", "them", "they", "this", "us", "we",
    "which", "who", "you",
];

/// What the speaker check needs to know about a gold source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    /// Folded head word: the last capitalised word, without a possessive "'s".
    pub head: Option<String>,
    /// A lone pronoun ("he", "they").
    pub pronoun: bool,
    /// Names a person or organisation: has a capitalised word and is not a pronoun.
    pub named: bool,
}

/// Finds the head word of a gold source. A capitalised word that opens a sentence counts only
/// when the document never writes it in lower case ("Officials said" is not a name).
pub fn source_info(doc: &DocWords, source: &[(usize, usize)]) -> SourceInfo {
    let idx = doc.touched(source);
    let ws: Vec<&Word> = idx.iter().filter_map(|&i| doc.words.get(i)).collect();
    let pronoun = ws.len() == 1
        && ws
            .iter()
            .all(|w| PRONOUNS.contains(&fold_word(w.text).as_str()));
    let head = ws
        .iter()
        .rfind(|w| {
            let folded = fold_word(w.text);
            w.text.chars().next().is_some_and(char::is_uppercase)
                && !PRONOUNS.contains(&folded.as_str())
                && !(opens_sentence(doc.text, w.start) && doc.lower.contains(&folded))
        })
        .map(|w| fold_name(w.text));
    // "Trump, who has said …": a relative pronoun's antecedent is the name right before its
    // comma, so the speaker check may accept that person (the source still counts as a pronoun).
    let head = head.or_else(|| {
        let w = ws
            .first()
            .filter(|w| pronoun && matches!(fold_word(w.text).as_str(), "who" | "which"))?;
        let before = doc.text.get(..w.start)?.trim_end().strip_suffix(',')?;
        let i = doc.words.partition_point(|x| x.end <= before.len());
        let prev = doc.words.get(i.checked_sub(1)?)?;
        (prev.end == before.trim_end().len() && prev.text.starts_with(char::is_uppercase))
            .then(|| fold_name(prev.text))
    });
    let named = head.is_some() && !pronoun;
    SourceInfo {
        head,
        pronoun,
        named,
    }
}

/// True when only quotation marks, brackets or spaces stand between `at` and the previous
/// sentence end (or the start of the text).
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    match before
        .chars()
        .rev()
        .find(|c| !c.is_whitespace() && !"\"“”'‘’([—–-".contains(*c))
    {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | ':' | '…'),
    }
}

/// A word folded for name comparison: lower case, ASCII apostrophes, possessive dropped.
fn fold_name(word: &str) -> String {
    let f = fold_word(word);
    match f.strip_suffix("'s") {
        Some(base) => base.to_string(),
        None => f.trim_end_matches('\'').to_string(),
    }
}

/// A predicted speaker is right when its mention overlaps the gold source, or its name (or
/// mention) contains the gold source's head word.
pub fn speaker_correct(source: &[(usize, usize)], head: Option<&str>, p: &Predicted) -> bool {
    if p.speaker_span.is_some_and(|s| overlap(&[s], source) > 0) {
        return true;
    }
    let (Some(head), Some((name, mention))) = (head, &p.speaker) else {
        return false;
    };
    words(name)
        .iter()
        .chain(words(mention).iter())
        .any(|w| fold_name(w.text) == head)
}

/// Words that sit in a cue phrase without being its verb.
const CUE_FILLERS: &[&str] = &[
    "again", "also", "already", "am", "are", "be", "been", "being", "can", "could", "did", "do",
    "does", "earlier", "even", "first", "had", "has", "have", "is", "just", "later", "may",
    "might", "must", "never", "not", "once", "recently", "shall", "should", "still", "then", "was",
    "were", "will", "would",
];

/// The text of `spans`, joined by spaces.
fn span_text(text: &str, spans: &[(usize, usize)]) -> String {
    spans
        .iter()
        .filter_map(|&(s, e)| text.get(s..e))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Head verb of a gold cue: its first word that is not an auxiliary or adverb. "According
/// to" has no verb; its head is "according".
pub fn cue_head(cue: &str) -> Option<String> {
    let ws = words(cue);
    let is_filler = |w: &str| {
        let f = fold_word(w);
        CUE_FILLERS.contains(&f.as_str()) || (f.ends_with("ly") && f != "reply")
    };
    ws.iter()
        .find(|w| !is_filler(w.text))
        .or_else(|| ws.first())
        .map(|w| fold_word(w.text))
}

/// A predicted cue is right when one of its words is the gold cue's head verb (case-folded, or
/// with the same stem).
pub fn cue_correct(text: &str, gold_cue: &[(usize, usize)], pred: Option<&str>) -> bool {
    let (Some(head), Some(pred)) = (cue_head(&span_text(text, gold_cue)), pred) else {
        return false;
    };
    let head_stem = stem(&head);
    words(pred)
        .iter()
        .any(|w| fold_word(w.text) == head || stem(w.text) == head_stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Byte span of the `n`th occurrence (from 0) of `needle` in `text`.
    fn at(text: &str, needle: &str, n: usize) -> (usize, usize) {
        let s = text.match_indices(needle).nth(n).map(|(i, _)| i).unwrap();
        (s, s + needle.len())
    }

    const TEXT: &str = "“The dam holds,” Mayor Ana Ruiz said. Officials agreed. \
                        He added: “We will open the road.” The “safe” label stuck.";

    fn gold(content: &str, source: &str, cue: &str) -> Gold {
        Gold {
            content: vec![at(TEXT, content, 0)],
            source: if source.is_empty() {
                vec![]
            } else {
                vec![at(TEXT, source, 0)]
            },
            cue: if cue.is_empty() {
                vec![]
            } else {
                vec![at(TEXT, cue, 0)]
            },
        }
    }

    fn pred(content: &str, speaker: Option<(&str, &str)>, cue: Option<&str>) -> Predicted {
        Predicted {
            parts: vec![at(TEXT, content, 0)],
            speaker_span: speaker.map(|(_, m)| at(TEXT, m, 0)),
            speaker: speaker.map(|(n, m)| (n.to_string(), m.to_string())),
            cue: cue.map(str::to_string),
        }
    }

    #[test]
    fn overlap_token_and_exact_scores() {
        let doc = DocWords::new(TEXT);
        let g1 = gold("“The dam holds,”", "Mayor Ana Ruiz", "said");
        let g2 = gold("We will open the road.", "He", "added");
        let p1 = pred("The dam holds,", None, None); // exact after trimming marks
        let p2 = pred("open the road", None, None); // overlaps, not exact
        let p3 = pred("safe", None, None); // a scare quote: false positive
        let s = score_doc(&doc, &[&g1, &g2], &[&p1, &p2, &p3]);
        let t = s.tally;
        assert_eq!(
            (t.preds, t.preds_matched, t.gold, t.gold_matched),
            (3, 2, 2, 2)
        );
        assert_eq!((t.preds_exact, t.gold_exact), (1, 1));
        // Gold words: The dam holds We will open the road (8); predicted: 3 + 3 + 1.
        assert_eq!((t.tok_gold, t.tok_pred, t.tok_both), (8, 7, 6));
        let o = t.overlap();
        assert!((o.p - 2.0 / 3.0).abs() < 1e-9 && (o.r - 1.0).abs() < 1e-9);
        assert!((o.f - 0.8).abs() < 1e-9);
        assert_eq!(s.gold[1].pred, Some(1));
        assert!(!s.preds[2].matched);
    }

    #[test]
    fn pairs_gold_with_the_most_overlapping_prediction() {
        let doc = DocWords::new(TEXT);
        let g = gold("We will open the road.", "He", "added");
        let small = pred("We", None, None);
        let big = pred(
            "will open the road",
            Some(("Ana Ruiz", "He")),
            Some("added"),
        );
        let s = score_doc(&doc, &[&g], &[&small, &big]);
        assert_eq!(s.gold[0].pred, Some(1));
        assert_eq!(s.tally.speaker_ok, 1);
        assert_eq!(s.tally.cue_ok, 1);
    }

    #[test]
    fn speaker_verdicts() {
        let doc = DocWords::new(TEXT);
        let g = gold("The dam holds", "Mayor Ana Ruiz", "said");
        let cases = [
            (
                "mention overlaps source",
                pred("dam", Some(("A. Ruiz", "Mayor")), None),
                true,
            ),
            (
                "name holds head word",
                pred("dam", Some(("Ana Ruiz", "He")), None),
                true,
            ),
            (
                "other person",
                pred("dam", Some(("Bo Lund", "Officials")), None),
                false,
            ),
            ("no speaker", pred("dam", None, None), false),
        ];
        for (name, p, want) in cases {
            let s = score_doc(&doc, &[&g], &[&p]);
            assert_eq!(s.gold[0].speaker_ok, Some(want), "{name}");
        }
    }

    #[test]
    fn source_heads_and_classes() {
        let text = "Officials said it. The officials left. Sources agreed. \
                    He said so. Clinton’s campaign said no. The Post reported it. \
                    It was Ruiz, who said so.";
        let doc = DocWords::new(text);
        let cases = [
            (
                "sentence-initial common noun",
                "Officials",
                None,
                false,
                false,
            ),
            ("lone pronoun", "He", None, true, false),
            (
                "possessive dropped",
                "Clinton’s campaign",
                Some("clinton"),
                false,
                true,
            ),
            (
                "last capitalised word",
                "The Post",
                Some("post"),
                false,
                true,
            ),
            (
                "relative pronoun takes its antecedent, still a pronoun",
                "who",
                Some("ruiz"),
                true,
                false,
            ),
        ];
        for (name, src, head, pronoun, named) in cases {
            let info = source_info(&doc, &[at(text, src, 0)]);
            assert_eq!(info.head.as_deref(), head, "{name}");
            assert_eq!((info.pronoun, info.named), (pronoun, named), "{name}");
        }
        // "Sources" is capitalised only because it opens a sentence, but the text never writes
        // "sources" in lower case, so it is (wrongly but consistently) taken as a name.
        assert!(source_info(&doc, &[at(text, "Sources", 0)]).named);
    }

    #[test]
    fn cue_heads_and_verdicts() {
        for (name, cue, want) in [
            ("plain", "said", Some("said")),
            ("auxiliary first", "has repeatedly claimed", Some("claimed")),
            ("according to", "according to", Some("according")),
            ("verb then object", "told reporters", Some("told")),
            ("empty", "", None),
        ] {
            assert_eq!(cue_head(cue).as_deref(), want, "{name}");
        }
        let text = "Ruiz has Said so and then told us.";
        let said = vec![at(text, "has Said", 0)];
        assert!(cue_correct(text, &said, Some("said")));
        assert!(!cue_correct(text, &said, Some("told")));
        assert!(!cue_correct(text, &said, None));
        let told = vec![at(text, "told", 0)];
        assert!(cue_correct(text, &told, Some("told us")));
    }

    #[test]
    fn empty_inputs_score_zero_without_panicking() {
        let doc = DocWords::new("");
        let s = score_doc(&doc, &[], &[]);
        assert_eq!(s.tally, Tally::default());
        assert_eq!(s.tally.overlap().f, 0.0);
        let odd = Predicted {
            parts: vec![(50, 900)],
            ..Default::default()
        };
        let g = Gold {
            content: vec![(3, 1)],
            ..Default::default()
        };
        let s = score_doc(&doc, &[&g], &[&odd]);
        assert_eq!(s.tally.gold_matched, 0);
    }
}

//! Framing profile of one article: its headline, the verbs it uses to attribute speech, the
//! loaded terms it uses, how much of it is quotation, and whose voices it carries.
//!
//! Both lexicons are data (`data/attribution_verbs.tsv`, `data/loaded_terms.tsv`), compiled into
//! the binary and parsed once. A lexicon hit is a pointer for the reader, not a verdict: the
//! point of the profile is to set outlets side by side ("said" here, "claimed" there).

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use parallax_model::{AnalyzedArticle, Framing, QuoteKind, Span};
use parallax_text::{fold_word, is_stopword, stem, words};

const VERBS_TSV: &str = include_str!("../data/attribution_verbs.tsv");
const TERMS_TSV: &str = include_str!("../data/loaded_terms.tsv");

/// How an attribution verb colours the words it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbClass {
    /// Reports without comment: "said", "told", "according to".
    Neutral,
    /// Casts doubt on the words: "claimed", "alleged".
    Doubt,
    /// Adds force or stubbornness: "insisted", "boasted", "vowed".
    Emphasis,
    /// Implies a reluctant confession: "admitted", "conceded".
    Concession,
    /// Puts the speaker on the defensive: "denied", "dismissed".
    Denial,
    /// Colours in another way: "revealed", "complained", "warned".
    Other,
}

impl VerbClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "neutral" => VerbClass::Neutral,
            "doubt" => VerbClass::Doubt,
            "emphasis" => VerbClass::Emphasis,
            "concession" => VerbClass::Concession,
            "denial" => VerbClass::Denial,
            "other" => VerbClass::Other,
            _ => return None,
        })
    }

    /// True for every class but [`VerbClass::Neutral`].
    pub fn is_loaded(self) -> bool {
        self != VerbClass::Neutral
    }
}

/// The class of an attribution verb form ("claimed", "according to"), if it is in the lexicon.
pub fn attribution_verb_class(form: &str) -> Option<VerbClass> {
    let key = fold_phrase(form);
    lexicon()
        .verbs
        .iter()
        .find(|v| v.form == key)
        .map(|v| v.class)
}

struct VerbEntry {
    form: String,
    words: Vec<String>,
    class: VerbClass,
}

struct TermEntry {
    term: String,
    /// Folded words of the term, to recognise a scare quote that is exactly this term.
    key: String,
    stems: Vec<String>,
}

struct Lexicon {
    verbs: Vec<VerbEntry>,
    /// Indices into `verbs` by folded first word, longest form first.
    verbs_by_first: HashMap<String, Vec<usize>>,
    terms: Vec<TermEntry>,
    /// Indices into `terms` by first stem, longest term first.
    terms_by_first: HashMap<String, Vec<usize>>,
}

/// Data rows of a tab-separated lexicon: `#` lines and blank lines are comments.
fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn fold_phrase(s: &str) -> String {
    words(s)
        .iter()
        .map(|w| fold_word(w.text))
        .collect::<Vec<_>>()
        .join(" ")
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        // Malformed rows are skipped rather than fatal; a unit test keeps the data clean.
        let verbs: Vec<VerbEntry> = rows(VERBS_TSV)
            .filter_map(|r| {
                let (form, class) = (r.first()?, VerbClass::parse(r.get(2)?)?);
                let words: Vec<String> = words(form).iter().map(|w| fold_word(w.text)).collect();
                (!words.is_empty()).then(|| VerbEntry {
                    form: words.join(" "),
                    words,
                    class,
                })
            })
            .collect();
        let terms: Vec<TermEntry> = rows(TERMS_TSV)
            .filter_map(|r| {
                let term = r.first()?.to_string();
                let stems: Vec<String> = words(&term).iter().map(|w| stem(w.text)).collect();
                (!stems.is_empty() && r.len() >= 2).then(|| TermEntry {
                    key: fold_phrase(&term),
                    term,
                    stems,
                })
            })
            .collect();
        let mut verbs_by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, v) in verbs.iter().enumerate() {
            verbs_by_first
                .entry(v.words[0].clone())
                .or_default()
                .push(i);
        }
        for ids in verbs_by_first.values_mut() {
            ids.sort_by_key(|&i| std::cmp::Reverse(verbs[i].words.len()));
        }
        let mut terms_by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in terms.iter().enumerate() {
            terms_by_first
                .entry(t.stems[0].clone())
                .or_default()
                .push(i);
        }
        for ids in terms_by_first.values_mut() {
            ids.sort_by_key(|&i| std::cmp::Reverse(terms[i].stems.len()));
        }
        Lexicon {
            verbs,
            verbs_by_first,
            terms,
            terms_by_first,
        }
    })
}

/// Headline, attribution verbs, loaded terms and voices of one article.
pub fn framing(article: &AnalyzedArticle) -> Framing {
    let text = article.article.text.as_str();
    let (speech, all_quoted) = quoted_regions(article);
    let (attribution_verbs, loaded_verbs) = count_attribution_verbs(text, &all_quoted);
    let quoted: usize = speech.iter().map(|s| s.1 - s.0).sum();
    let quoted_share = if text.is_empty() {
        0.0
    } else {
        quoted as f64 / text.len() as f64
    };
    Framing {
        article: article.article.id.clone(),
        headline: article.article.title.clone(),
        attribution_verbs,
        loaded_verbs,
        loaded_terms: loaded_terms(article),
        quoted_share,
        voices: voices(article),
    }
}

/// Quoted regions of the text, sorted and merged: first the speech (direct and partial
/// quotes), then everything inside quotation marks (speech plus scare quotes).
///
/// Uses the analyzer's quotes when there are any; an article whose quotes were not extracted
/// falls back to a scan of the quotation marks, so narration is still told from quotation.
fn quoted_regions(article: &AnalyzedArticle) -> (Vec<Span>, Vec<Span>) {
    let text = &article.article.text;
    if article.quotes.is_empty() {
        let scanned = merge(scan_quote_marks(text));
        return (scanned.clone(), scanned);
    }
    let mut speech = Vec::new();
    let mut marked = Vec::new();
    for q in &article.quotes {
        // Headline quotes point into the title; indirect speech has no marks to skip.
        if matches!(q.kind, QuoteKind::Headline | QuoteKind::Indirect) {
            continue;
        }
        let parts = if q.parts.is_empty() {
            vec![Span(q.start, q.end)]
        } else {
            q.parts.clone()
        };
        for p in parts {
            // Spans that do not fit the text are findings gone stale, not a reason to panic.
            if p.0 < p.1 && p.1 <= text.len() {
                marked.push(p);
                if matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial) {
                    speech.push(p);
                }
            }
        }
    }
    (merge(speech), merge(marked))
}

fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.0 <= last.1 => last.1 = last.1.max(s.1),
            _ => out.push(s),
        }
    }
    out
}

/// Regions between quotation marks, paragraph by paragraph: a quote still open at the end of
/// a line runs to the end of that line (the multi-paragraph convention). Straight double
/// quotes toggle; single quotes are ignored because they double as apostrophes.
fn scan_quote_marks(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        let after = i + c.len_utf8();
        // A straight quote after a digit is an inch mark (a 12" pipe), not an opening quote.
        let inch = c == '"' && prev.is_ascii_digit();
        prev = c;
        match (c, open) {
            ('"', None) if inch => {}
            ('“' | '«' | '„' | '"', None) => open = Some(after),
            ('”' | '»' | '"', Some(o)) => {
                out.push(Span(o, i));
                open = None;
            }
            ('\n', Some(o)) => {
                out.push(Span(o, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(Span(o, text.len()));
    }
    out.retain(|s| s.0 < s.1);
    out
}

/// A word of the text, folded, with what the attribution test needs to know about it.
struct Token {
    start: usize,
    end: usize,
    folded: String,
    capital: bool,
    quoted: bool,
}

fn tokens(text: &str, quoted: &[Span]) -> Vec<Token> {
    let mut k = 0;
    words(text)
        .into_iter()
        .map(|w| {
            // Words come in text order, so one pass over the sorted regions suffices.
            while k < quoted.len() && quoted[k].1 <= w.start {
                k += 1;
            }
            let inside = quoted
                .get(k)
                .is_some_and(|q| q.0 <= w.start && w.start < q.1);
            Token {
                start: w.start,
                end: w.end,
                folded: fold_word(w.text),
                capital: w.text.chars().next().is_some_and(char::is_uppercase),
                quoted: inside,
            }
        })
        .collect()
}

/// Counts lexicon verb forms in narration that act as verbs of saying; returns the counts by
/// form and the loaded forms in order of first use.
fn count_attribution_verbs(text: &str, quoted: &[Span]) -> (BTreeMap<String, usize>, Vec<String>) {
    let lex = lexicon();
    let toks = tokens(text, quoted);
    let mut counts = BTreeMap::new();
    let mut loaded: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let matched = if toks[i].quoted {
            None
        } else {
            lex.verbs_by_first.get(&toks[i].folded).and_then(|ids| {
                ids.iter()
                    .map(|&id| &lex.verbs[id])
                    .find(|v| phrase_at(text, &toks, i, &v.words))
            })
        };
        let Some(verb) = matched else {
            i += 1;
            continue;
        };
        let n = verb.words.len();
        if is_saying(text, &toks, i, n) {
            *counts.entry(verb.form.clone()).or_insert(0) += 1;
            if verb.class.is_loaded() && !loaded.contains(&verb.form) {
                loaded.push(verb.form.clone());
            }
        }
        i += n;
    }
    (counts, loaded)
}

/// True when the words of `phrase` stand at token `i`, unquoted and separated by spaces only.
fn phrase_at(text: &str, toks: &[Token], i: usize, phrase: &[String]) -> bool {
    phrase.iter().enumerate().all(|(k, w)| {
        toks.get(i + k).is_some_and(|t| {
            t.folded == *w
                && !t.quoted
                && (k == 0 || gap(text, toks[i + k - 1].end, t.start).trim().is_empty())
        })
    })
}

fn gap(text: &str, from: usize, to: usize) -> &str {
    text.get(from..to).unwrap_or("")
}

/// Words before a verb that make it a noun or adjective ("the claims", "an estimated 4,000"),
/// a passive ("was told", "been reported") or an infinitive ("declined to comment").
const BLOCK_BEFORE: &[&str] = &[
    "a", "am", "an", "any", "are", "be", "been", "being", "each", "every", "her", "his", "is",
    "its", "my", "no", "our", "some", "that", "the", "their", "these", "this", "those", "to",
    "was", "were", "your",
];
/// Copulas after a form make it a noun subject ("the claims were echoed").
const BLOCK_AFTER: &[&str] = &["are", "is", "was", "were"];
/// Words that often follow a verb of saying: a complement, a listener, a time or place.
const FOLLOWERS: &[&str] = &[
    "after",
    "again",
    "an",
    "at",
    "before",
    "during",
    "earlier",
    "he",
    "her",
    "his",
    "how",
    "i",
    "if",
    "in",
    "it",
    "its",
    "journalists",
    "last",
    "later",
    "on",
    "our",
    "publicly",
    "reporters",
    "she",
    "that",
    "the",
    "their",
    "there",
    "they",
    "this",
    "through",
    "to",
    "today",
    "tonight",
    "via",
    "we",
    "what",
    "when",
    "whether",
    "while",
    "why",
    "yesterday",
    "you",
];
const PRONOUNS: &[&str] = &["he", "i", "it", "one", "she", "they", "we", "who", "you"];
/// Capitalised words that are not names, so they do not count as a speaker.
const NOT_NAMES: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];
/// Auxiliaries and adverbs that may stand between a speaker and the verb ("she had earlier said").
const TRANSPARENT: &[&str] = &[
    "also", "could", "did", "does", "had", "has", "have", "later", "might", "must", "never", "not",
    "should", "then", "will", "would",
];

fn sentence_break(gap: &str) -> bool {
    gap.contains(['.', '!', '?', '…', '\n', ';'])
}

/// Whether the form at tokens `i..i+n` introduces speech, judged from its neighbours: a
/// speaker in front (a pronoun, a name, "officials … said."), a complement after ("that",
/// "to", "reporters", a quote), or a quotation just before (“…,” said the mayor).
fn is_saying(text: &str, toks: &[Token], i: usize, n: usize) -> bool {
    let first = &toks[i];
    let Some(last) = toks.get(i + n - 1) else {
        return false;
    };
    // A capitalised single word is a name or a headline word ("United States", "Asked whether").
    if n == 1 && first.capital {
        return false;
    }
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let before = gap(text, prev.map_or(0, |p| p.end), first.start);
    if let Some(p) = prev {
        if before.trim().is_empty() && !p.quoted && BLOCK_BEFORE.contains(&p.folded.as_str()) {
            return false;
        }
    }
    let next = toks.get(i + n);
    let after = gap(text, last.end, next.map_or(text.len(), |t| t.start));
    if let Some(t) = next {
        if after.trim().is_empty() && BLOCK_AFTER.contains(&t.folded.as_str()) {
            return false;
        }
    }
    if n > 1 {
        return true; // "according to", "pointed out": phrases that only attribute
    }
    // “…,” said X — the verb right after a quotation.
    if before.contains(['”', '"', '»']) || prev.is_some_and(|p| p.quoted && !sentence_break(before))
    {
        return true;
    }
    let after_trim = after.trim_start();
    if after_trim.starts_with(['“', '"', '«', ':']) {
        return true;
    }
    if let Some(t) = next {
        if after.trim().is_empty()
            && (FOLLOWERS.contains(&t.folded.as_str()) || (t.capital && !t.quoted))
        {
            return true;
        }
    }
    let ends_clause =
        next.is_none() || after_trim.starts_with([',', '.', ';', '!', '?', '—', '–', ')']);
    // Look back a few words within the sentence for the speaker.
    let mut seen = 0;
    let mut j = i;
    while seen < 3 && j > 0 {
        let gap_after = gap(text, toks[j - 1].end, toks[j].start);
        j -= 1;
        let t = &toks[j];
        if t.quoted || sentence_break(gap_after) {
            break;
        }
        let w = t.folded.as_str();
        if TRANSPARENT.contains(&w) || w.ends_with("ly") {
            continue;
        }
        seen += 1;
        if PRONOUNS.contains(&w) || (t.capital && !is_stopword(w) && !NOT_NAMES.contains(&w)) {
            return true;
        }
        // "officials said." — a noun right before a verb that ends the clause.
        if seen == 1 && ends_clause && !is_stopword(w) {
            return true;
        }
    }
    false
}

/// Lexicon terms in the headline and text, plus scare-quoted terms, deduplicated, in order.
fn loaded_terms(article: &AnalyzedArticle) -> Vec<String> {
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    if let Some(title) = &article.article.title {
        found.extend(lexicon_terms(title).into_iter().map(|(at, t)| (0, at, t)));
    }
    found.extend(
        lexicon_terms(&article.article.text)
            .into_iter()
            .map(|(at, t)| (1, at, t)),
    );
    for q in &article.quotes {
        let term = q.text.trim();
        if q.kind == QuoteKind::Term && !term.is_empty() {
            // A scare-quoted lexicon term is reported under its lexicon name; lexicon terms
            // inside a longer scare quote are found by the scan of the text anyway.
            let key = fold_phrase(term);
            let name = lexicon()
                .terms
                .iter()
                .find(|t| t.key == key)
                .map_or_else(|| term.to_string(), |t| t.term.clone());
            found.push((1, q.start, name));
        }
    }
    found.sort_by_key(|&(place, at, _)| (place, at));
    let mut seen = std::collections::HashSet::new();
    found
        .into_iter()
        .filter(|(_, _, t)| seen.insert(fold_phrase(t)))
        .map(|(_, _, t)| t)
        .collect()
}

/// Lexicon terms in `text` with their byte offsets, matched on word stems so inflections count.
fn lexicon_terms(text: &str) -> Vec<(usize, String)> {
    let lex = lexicon();
    let ws = words(text);
    let stems: Vec<String> = ws.iter().map(|w| stem(w.text)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let hit = lex.terms_by_first.get(&stems[i]).and_then(|ids| {
            ids.iter().map(|&id| &lex.terms[id]).find(|t| {
                t.stems.iter().enumerate().all(|(k, s)| {
                    stems.get(i + k) == Some(s)
                        && (k == 0
                            || gap(text, ws[i + k - 1].end, ws[i + k].start)
                                .trim()
                                .is_empty())
                })
            })
        });
        match hit {
            Some(t) => {
                out.push((ws[i].start, t.term.clone()));
                i += t.stems.len();
            }
            None => i += 1,
        }
    }
    out
}

/// Speakers of the quotes, most quoted first; ties go to the one quoted first.
fn voices(article: &AnalyzedArticle) -> Vec<String> {
    let mut tally: Vec<(String, usize)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for q in article.quotes.iter().filter(|q| q.kind != QuoteKind::Term) {
        let Some(name) = q
            .speaker
            .as_ref()
            .map(|s| s.name.trim())
            .filter(|n| !n.is_empty())
        else {
            continue;
        };
        match index.get(name) {
            Some(&k) => {
                if let Some(entry) = tally.get_mut(k) {
                    entry.1 += 1;
                }
            }
            None => {
                index.insert(name, tally.len());
                tally.push((name.to_string(), 1));
            }
        }
    }
    // A stable sort keeps first-appearance order among equal counts.
    tally.sort_by_key(|&(_, c)| std::cmp::Reverse(c));
    tally.into_iter().map(|(n, _)| n).collect()
}

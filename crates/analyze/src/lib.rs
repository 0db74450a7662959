//! Analysis of one article: paragraphs, sentences, quotations with speakers, entities, figures
//! and dates, each with byte spans into the article text.
//!
//! [`Analyzer`] is built once (it compiles its rules) and reused for every article:
//!
//! ```
//! use parallax_analyze::Analyzer;
//! use parallax_model::Article;
//!
//! let analyzer = Analyzer::new();
//! let article = Article {
//!     id: "a1".into(),
//!     text: "“We will rebuild the bridge,” Mayor Ana Ruiz said on Friday.".into(),
//!     ..Default::default()
//! };
//! let analyzed = analyzer.analyze(article);
//! assert_eq!(analyzed.quotes[0].speaker.as_ref().unwrap().name, "Ana Ruiz");
//! ```

pub mod dates;
pub mod entities;
mod figure_filters;
mod figure_number;
mod figure_phrase;
pub mod figures;
pub mod identity;
pub mod indirect;
pub mod lexicon;
mod name_shape;
pub mod numbers;
pub mod quotes;
pub mod speakers;

use parallax_model::{
    AnalyzedArticle, Article, Quote, QuoteKind, Sentence, Span, Speaker, SpeakerVia,
};

/// Runs every analysis stage over an article, in order. Build once, reuse.
pub struct Analyzer {
    figures: figures::FigureExtractor,
    dates: dates::DateExtractor,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// Builds the analyzer and its rule sets.
    pub fn new() -> Self {
        Analyzer {
            figures: figures::FigureExtractor::new(),
            dates: dates::DateExtractor::new(),
        }
    }

    /// Analyzes one article.
    pub fn analyze(&self, mut article: Article) -> AnalyzedArticle {
        if article.language.is_none() {
            article.language = parallax_text::detect_language(&article.text);
        }
        let text = &article.text;
        let paragraphs: Vec<Span> = parallax_text::paragraphs(text)
            .into_iter()
            .map(|(s, e)| Span(s, e))
            .collect();
        let mut sentences = Vec::new();
        for (pi, p) in paragraphs.iter().enumerate() {
            for (s, e) in parallax_text::sentences(text, p.0, p.1) {
                sentences.push(Sentence {
                    id: format!("{}:s{}", article.id, sentences.len() + 1),
                    start: s,
                    end: e,
                    paragraph: pi,
                });
            }
        }
        let sentence_spans: Vec<(usize, usize)> =
            sentences.iter().map(|s| (s.start, s.end)).collect();
        let (body_quotes, ents) = quote_stages(text, &paragraphs, &sentence_spans, true);
        let mut all_quotes = article
            .title
            .as_deref()
            .map(|t| headline_quotes(t, &ents))
            .unwrap_or_default();
        all_quotes.extend(body_quotes);
        // Headline quotes first (offsets into the title), then the body's in text order.
        let heads = all_quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Headline)
            .count();
        all_quotes[heads..].sort_by_key(|q| q.start);
        for (i, q) in all_quotes.iter_mut().enumerate() {
            q.id = format!("{}:q{}", article.id, i + 1);
        }
        let figures = self.figures.extract(text, &article.id);
        let dates = self
            .dates
            .extract(text, article.published.as_deref(), &article.id);
        AnalyzedArticle {
            paragraphs,
            sentences,
            quotes: all_quotes,
            entities: ents.to_model(),
            figures,
            dates,
            article,
        }
    }
}

/// The quotations of `text` with their speakers and cues, in text order, without figures,
/// dates or ids: the quote stages of [`Analyzer::analyze`] alone (benches and throughput
/// measurements call this). `with_indirect` adds reported speech.
pub fn extract_quotes(text: &str, with_indirect: bool) -> Vec<Quote> {
    let paragraphs: Vec<Span> = parallax_text::paragraphs(text)
        .into_iter()
        .map(|(s, e)| Span(s, e))
        .collect();
    let sentences: Vec<(usize, usize)> = paragraphs
        .iter()
        .flat_map(|p| parallax_text::sentences(text, p.0, p.1))
        .collect();
    let (mut found, _) = quote_stages(text, &paragraphs, &sentences, with_indirect);
    found.sort_by_key(|q| q.start);
    found
}

/// Entities, quotation marks, speakers and (optionally) reported speech over one text, which
/// is split into words once for all of them. Quotes come back unsorted: marked quotes in text
/// order, then reported speech.
fn quote_stages(
    text: &str,
    paragraphs: &[Span],
    sentences: &[(usize, usize)],
    with_indirect: bool,
) -> (Vec<Quote>, entities::Entities) {
    let starts: Vec<usize> = sentences.iter().map(|s| s.0).collect();
    let ws = parallax_text::words(text);
    let mut ents = entities::Entities::find_in(text, &ws, &starts);
    let marked = quotes::find_quotes(text, paragraphs);
    let mut found = speakers::attribute_in(text, &ws, sentences, &marked, &mut ents);
    if with_indirect {
        let reported = indirect::find_indirect_in(text, &ws, sentences, &found, &mut ents);
        lend_reported_speakers(sentences, &mut found, &reported);
        follow_reported_speech(text, &mut found, &reported);
        found.extend(reported);
    }
    (found, ents)
}

/// "Trump said that Rubio was “a total lightweight”": quoted words inside reported speech are
/// the reporting speaker's, so a fragment without a speaker of its own takes the speaker and
/// cue of the reported speech in its sentence (there is at most one per sentence).
fn lend_reported_speakers(sentences: &[(usize, usize)], quotes: &mut [Quote], reported: &[Quote]) {
    let sentence_of = |at: usize| speakers::sentence_index(sentences, at).map(|i| sentences[i]);
    // Several clauses of one sentence may each report speech: a fragment belongs to the last
    // one that starts before it (or the first, when it opens the sentence).
    let mut by_sentence: std::collections::HashMap<(usize, usize), Vec<&Quote>> =
        std::collections::HashMap::new();
    for r in reported.iter().filter(|r| r.speaker.is_some()) {
        if let Some(s) = sentence_of(r.start) {
            by_sentence.entry(s).or_default().push(r);
        }
    }
    for q in quotes.iter_mut() {
        if q.speaker.is_some() || !matches!(q.kind, QuoteKind::Partial | QuoteKind::Term) {
            continue;
        }
        let Some(rs) = sentence_of(q.start).and_then(|s| by_sentence.get(&s)) else {
            continue;
        };
        let Some(r) = rs.iter().rev().find(|r| r.start <= q.start).or(rs.first()) else {
            continue;
        };
        // A title-case term stays a term: a title or a name, not the speaker's words.
        if q.kind == QuoteKind::Term && speakers::is_title_case(&q.text) {
            continue;
        }
        q.speaker = r.speaker.clone();
        q.cue = r.cue.clone();
        q.kind = QuoteKind::Partial;
    }
}

/// "Cummings called him a master of impossible deals. “He showed again and again …”": a
/// quotation with no speaker of its own that follows reported speech in the same paragraph,
/// with nothing but the end of that sentence between, continues it.
fn follow_reported_speech(text: &str, quotes: &mut [Quote], reported: &[Quote]) {
    // Reported speech is in text order; a cursor keeps this linear.
    let mut r = 0;
    for q in quotes.iter_mut() {
        while reported.get(r + 1).is_some_and(|n| n.end <= q.start) {
            r += 1;
        }
        if q.speaker.is_some() || q.cue.is_some() || q.kind != QuoteKind::Direct {
            continue;
        }
        let Some(prev) = reported.get(r).filter(|p| p.end <= q.start) else {
            continue;
        };
        let Some(gap) = text.get(prev.end..q.start) else {
            continue;
        };
        if gap.contains('\n') || parallax_text::words(gap).len() > 6 {
            continue;
        }
        if let Some(s) = &prev.speaker {
            q.speaker = Some(Speaker {
                via: SpeakerVia::Context,
                ..s.clone()
            });
        }
    }
}

/// Quotes in the headline. Speakers resolve against the body's entities by name only: the
/// headline's offsets are not offsets into the text.
fn headline_quotes(title: &str, body: &entities::Entities) -> Vec<Quote> {
    let span = [Span(0, title.len())];
    let marked = quotes::find_quotes(title, &span);
    let mut names = body.clone();
    for e in &mut names.list {
        e.mentions.clear();
    }
    let mut out = speakers::attribute(title, &[(0, title.len())], &marked, &mut names);
    for q in &mut out {
        q.kind = QuoteKind::Headline;
        if let Some(s) = &mut q.speaker {
            s.span = None;
        }
    }
    out
}

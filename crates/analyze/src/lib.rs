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

use parallax_model::{AnalyzedArticle, Article, Quote, QuoteKind, Sentence, Span};

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
        let starts: Vec<usize> = sentence_spans.iter().map(|s| s.0).collect();
        // Split once; every stage below reads the same words.
        let ws = parallax_text::words(text);
        let mut ents = entities::Entities::find_in(text, &ws, &starts);
        let marked = quotes::find_quotes(text, &paragraphs);
        let body_quotes = speakers::attribute_in(text, &ws, &sentence_spans, &marked, &mut ents);
        let mut all_quotes = article
            .title
            .as_deref()
            .map(|t| headline_quotes(t, &ents))
            .unwrap_or_default();
        let reported =
            indirect::find_indirect_in(text, &ws, &sentence_spans, &body_quotes, &mut ents);
        all_quotes.extend(body_quotes);
        all_quotes.extend(reported);
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

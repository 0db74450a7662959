//! Comparison of several reports of one event: aligned facts, unique sentences, the quote
//! ledger, figure conflicts, framing and text reuse.
//!
//! ```
//! use parallax_compare::{CompareConfig, Comparer};
//! use parallax_model::Article;
//!
//! let article = |id: &str, text: &str| Article { id: id.into(), text: text.into(), ..Default::default() };
//! let comparer = Comparer::new(CompareConfig::default());
//! let c = comparer.compare(vec![
//!     article("a1", "The bridge reopened on Monday. “We will never close it again,” Mayor Ana Ruiz said."),
//!     article("a2", "The bridge reopened on Monday after repairs. “We will close it again,” Ruiz said."),
//! ]);
//! assert_eq!(c.facts[0].members.len(), 2); // the two openings state one fact
//! assert_eq!(c.utterances[0].renderings[1].fidelity, parallax_model::Fidelity::Altered);
//! ```

pub mod align;
pub mod conflicts;
pub mod fidelity;
pub mod framing;
pub mod ledger;
pub mod paraphrase;
pub mod reuse;
pub mod similarity;

use parallax_analyze::Analyzer;
use parallax_model::{AnalyzedArticle, Article, Comparison, COMPARISON_SCHEMA};

use crate::align::AlignConfig;
use crate::similarity::{terms, Vocabulary};

/// Thresholds of the comparison. The defaults are calibrated (see `docs/accuracy/`).
#[derive(Debug, Clone, Copy)]
pub struct CompareConfig {
    /// Least sentence similarity for two sentences to state one fact.
    pub fact_threshold: f64,
    /// Least similarity to another article's sentence for a sentence not to be unique.
    pub corroboration_threshold: f64,
    /// Least segment score that groups two quote renderings into one utterance.
    pub quote_threshold: f64,
    /// Least length, in words, of a shared passage.
    pub reuse_min_words: usize,
}

impl Default for CompareConfig {
    fn default() -> Self {
        CompareConfig {
            fact_threshold: FACT_THRESHOLD,
            corroboration_threshold: CORROBORATION_THRESHOLD,
            quote_threshold: 0.45,
            reuse_min_words: 12,
        }
    }
}

/// Paraphrase-probability threshold for "same fact" ([`paraphrase::score`]): the value that
/// maximises accuracy on MSRP train for the committed model (`parallax-eval msrp --fit`
/// reproduces it).
pub const FACT_THRESHOLD: f64 = 0.53;

/// Paraphrase probability at which another outlet's sentence corroborates a sentence (so it is
/// not unique). Lower than [`FACT_THRESHOLD`] on purpose: calling a sentence "only in this
/// outlet" is a strong claim, so a likely-but-unsure match (on MSRP train, pairs at or above
/// 0.35 are still mostly paraphrases, and nearly every paraphrase reaches it) is enough to
/// withhold it.
pub const CORROBORATION_THRESHOLD: f64 = 0.35;

/// Compares reports of one event. Build once, reuse for many comparisons.
pub struct Comparer {
    config: CompareConfig,
    analyzer: Analyzer,
}

impl Comparer {
    /// A comparer with the given thresholds.
    pub fn new(config: CompareConfig) -> Self {
        Comparer {
            config,
            analyzer: Analyzer::new(),
        }
    }

    /// The analyzer this comparer runs on raw articles.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// Analyzes and compares articles (ids must be set and distinct).
    pub fn compare(&self, articles: Vec<Article>) -> Comparison {
        let analyzed = articles
            .into_iter()
            .map(|a| self.analyzer.analyze(a))
            .collect();
        self.compare_analyzed(analyzed)
    }

    /// Compares articles that are already analyzed.
    pub fn compare_analyzed(&self, articles: Vec<AnalyzedArticle>) -> Comparison {
        let cfg = self.config;
        let sentence_terms: Vec<Vec<Vec<(String, f32)>>> = articles
            .iter()
            .map(|a| align::fact_texts(a).iter().map(|t| terms(t)).collect())
            .collect();
        let mut vocab = Vocabulary::default();
        for t in sentence_terms.iter().flatten() {
            vocab.add_document(t);
        }
        let vectors: Vec<Vec<_>> = sentence_terms
            .iter()
            .map(|ts| ts.iter().map(|t| vocab.vector(t)).collect())
            .collect();
        let (facts, unique) = align::align(
            &articles,
            &vectors,
            AlignConfig {
                fact_threshold: cfg.fact_threshold,
                corroboration_threshold: cfg.corroboration_threshold,
            },
        );
        let utterances = ledger::ledger(&articles, cfg.quote_threshold);
        let figure_conflicts = conflicts::figure_conflicts(&articles);
        let framing = articles.iter().map(framing::framing).collect();
        let reuse = reuse::reuse(&articles, cfg.reuse_min_words);
        Comparison {
            schema: COMPARISON_SCHEMA.to_string(),
            articles,
            facts,
            unique,
            utterances,
            figure_conflicts,
            framing,
            reuse,
        }
    }
}

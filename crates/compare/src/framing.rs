//! Framing profile of one article. (Being written.)

use parallax_model::{AnalyzedArticle, Framing};

/// Headline, attribution verbs, loaded terms and voices of one article.
pub fn framing(article: &AnalyzedArticle) -> Framing {
    Framing {
        article: article.article.id.clone(),
        headline: article.article.title.clone(),
        attribution_verbs: Default::default(),
        loaded_verbs: Vec::new(),
        loaded_terms: Vec::new(),
        quoted_share: 0.0,
        voices: Vec::new(),
    }
}

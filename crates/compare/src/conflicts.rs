//! Figure conflicts across articles. (Being written.)

use parallax_model::{AnalyzedArticle, FigureConflict};

/// Groups figures about the same subject across articles and gives each group a verdict.
pub fn figure_conflicts(_articles: &[AnalyzedArticle]) -> Vec<FigureConflict> {
    Vec::new()
}

//! Figures: numbers with approximation, unit and subject. (Being written.)

use parallax_model::Figure;

/// Finds figures in text. Build once, reuse.
#[derive(Default)]
pub struct FigureExtractor {}

impl FigureExtractor {
    /// Builds the extractor.
    pub fn new() -> Self {
        FigureExtractor {}
    }

    /// Figures in `text`, in text order, with ids `{id_prefix}:f{n}`.
    pub fn extract(&self, _text: &str, _id_prefix: &str) -> Vec<Figure> {
        Vec::new()
    }
}

//! Dates, absolute and relative to the article's publication date. (Being written.)

use parallax_model::DateMention;

/// Finds dates in text. Build once, reuse.
#[derive(Default)]
pub struct DateExtractor {}

impl DateExtractor {
    /// Builds the extractor.
    pub fn new() -> Self {
        DateExtractor {}
    }

    /// Dates in `text`, in text order, with ids `{id_prefix}:d{n}`; relative dates resolve
    /// against `published` (`YYYY-MM-DD…`) when given.
    pub fn extract(&self, _text: &str, _published: Option<&str>, _id_prefix: &str) -> Vec<DateMention> {
        Vec::new()
    }
}

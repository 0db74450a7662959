//! The Parallax data model.
//!
//! Every stage of the pipeline speaks in these types:
//!
//! ```text
//! RawDocument ──► Article ──► AnalyzedArticle ──► Comparison
//! ```
//!
//! **Invariant: nothing loses its place.** Every sentence, quote, entity mention, figure and
//! date carries UTF-8 byte offsets (`start..end`) into [`Article::text`], and the article keeps
//! a [`SourceMap`] back to the original document. Types here do no I/O and hold no behaviour
//! beyond small accessors, so every crate can depend on them.

mod analysis;
mod article;
mod comparison;
mod source_map;

pub use analysis::*;
pub use article::*;
pub use comparison::*;
pub use source_map::*;

/// The schema tag written into every comparison document.
pub const COMPARISON_SCHEMA: &str = "parallax.comparison/1";

/// JSON Schema of the comparison document (`parallax compare --format json`).
pub fn comparison_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Comparison);
    serde_json::to_value(schema).unwrap_or(serde_json::Value::Null)
}

//! Text primitives for Parallax: words with byte offsets, stems, stop words, language
//! detection, and segmentation into paragraphs and sentences.
//!
//! Every function here returns byte offsets into the text it was given, so findings built on
//! them keep their place in [`parallax_model::Article::text`].

mod language;
mod segment;
mod stem;
mod words;

pub use language::detect_language;
pub use segment::{paragraphs, sentences};
pub use stem::{content_stems, is_stopword, stem};
pub use words::{fold_word, words, Word};

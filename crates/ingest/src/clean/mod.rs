//! Cleaning of plain text and Markdown into article text.
//!
//! Two passes, each a small module:
//! 1. [`classify`]: every line is judged by the line rules (footer, photo credit, markup,
//!    boilerplate, dateline, byline, title, heading) and removed with its kind or kept;
//! 2. [`assemble`]: kept lines lose inline Markdown (links keep their words), are joined into
//!    paragraphs (hard wraps, paragraphs broken mid-sentence) and written with normalised
//!    whitespace, paragraphs separated by `"\n\n"`, every copied run recorded in the source map.
//!
//! Everything taken out is kept in `removed` with its kind and its offset in the original.

mod assemble;
mod boilerplate;
mod classify;
mod credits;
mod dates;
mod emit;
mod footer;
mod inline;
mod lines;
mod title;

use parallax_model::{Removed, SourceMap};

pub(crate) use dates::normalize_date;

/// Text and metadata recovered from a plain-text or Markdown body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Paragraphs separated by `"\n\n"`.
    pub text: String,
    /// Map from `text` back to the original body.
    pub source_map: SourceMap,
    /// What was taken out, in the order of the original.
    pub removed: Vec<Removed>,
    /// The title line, when one was found (not set when the caller gave a title).
    pub title: Option<String>,
    /// The date of a dateline, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The article's address from a footer (`Original url: …`).
    pub url: Option<String>,
    /// The name on a byline (`By …`).
    pub byline: Option<String>,
}

/// Cleans a plain-text or Markdown `body`. When the source already knows the title, pass it as
/// `known_title`: a first line that repeats it is removed, and no other line is taken for one.
///
/// Linear in the length of `body`; never panics.
pub fn clean_text(body: &str, known_title: Option<&str>) -> Cleaned {
    let classified = classify::classify(body, known_title);
    let mut removed = classified.removed;
    let (text, source_map) = assemble::assemble(body, &classified.items, &mut removed);
    // Stable: a title's heading marks stay before the title itself.
    removed.sort_by_key(|r| r.source_start);
    Cleaned {
        text,
        source_map,
        removed,
        title: classified.title,
        published: classified.published,
        url: classified.url,
        byline: classified.byline,
    }
}

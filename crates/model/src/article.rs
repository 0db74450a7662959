use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::SourceMap;

/// What kind of bytes a [`RawDocument`] holds; decides which extractor reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MediaType {
    /// Plain text or Markdown.
    Text,
    /// An HTML page.
    Html,
}

/// Bytes from one source, before extraction, with what the source already told us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    /// The input as the user gave it (path, URL, `-`, or `path#record` for a JSONL line).
    pub input: String,
    /// How to read `body`.
    pub media_type: MediaType,
    /// The document; valid UTF-8 (sources decode or reject before this point).
    pub body: String,
    /// Metadata given by the source (a JSON record's fields, a feed item's title …).
    pub meta: DocumentMeta,
}

/// Metadata a source knows before extraction; extraction fills what is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentMeta {
    /// Identifier given by the source.
    pub id: Option<String>,
    /// Address of the article.
    pub url: Option<String>,
    /// Outlet name or domain.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date or date-time, ISO 8601.
    pub published: Option<String>,
    /// When the document was fetched or archived (a WARC record's date), ISO 8601: the
    /// publication date of last resort, after what the page itself says.
    pub crawled: Option<String>,
}

/// Kind of text that cleaning removed from an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RemovedKind {
    /// Newsletter prompts, "Also Read" lists, share bars and other outlet furniture.
    Boilerplate,
    /// Markdown link syntax around a kept word (`[remarks](#)` keeps "remarks").
    LinkResidue,
    /// Photo or image credit lines.
    PhotoCredit,
    /// Footer metadata such as `Original url: <…>`.
    Footer,
    /// Markup: Markdown heading marks, HTML tags left in text.
    Markup,
    /// A title or dateline line lifted into metadata.
    Metadata,
}

/// A piece of the original document that is not in [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Removed {
    /// Why it was removed.
    pub kind: RemovedKind,
    /// The removed text, as it stood in the original.
    pub text: String,
    /// Byte offset of the removed text in the original document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_start: Option<usize>,
}

/// A cleaned article: main text plus metadata, with a way back to the original.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Article {
    /// Stable identifier within one comparison (`a1`, `a2`, … in input order).
    pub id: String,
    /// The input as the user gave it.
    pub input: String,
    /// Domain when known, else a name, else the file stem.
    pub outlet: String,
    /// Address of the article, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Headline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date (`YYYY-MM-DD`) or date-time, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Byline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// ISO 639-1 language code, when detected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Cleaned text: paragraphs separated by a blank line (`"\n\n"`).
    pub text: String,
    /// What cleaning took out, with its kind.
    #[serde(default)]
    pub removed: Vec<Removed>,
    /// Map from `text` offsets back to the original document.
    #[serde(default)]
    pub source_map: SourceMap,
}

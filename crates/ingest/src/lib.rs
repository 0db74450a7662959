//! Parallax ingestion: reading sources into raw documents, and cleaning them into articles.
//!
//! ```text
//! paths, directories, globs, "-" ──read_inputs──► RawDocument ──extract──► Article
//! ```
//!
//! - [`read_inputs`] expands directories (recursive, sorted, hidden entries skipped) and globs,
//!   reads stdin for `-`, refuses binary, empty and oversized inputs with a one-line error
//!   (`INPUT: reason`), and splits JSON/JSONL files into one document per record (`PATH#N`).
//!   With the default `net` feature it fetches `http(s)://` inputs through an SSRF-safe fetcher
//!   ([`Fetcher`]: non-public addresses refused after DNS and on every redirect unless
//!   [`ReadOptions::allow_private`]); RSS/Atom feeds give one document per item (`FEED#N`), and
//!   WARC/WARC.gz archives one per HTML response record (`PATH#N`). [`read_inputs_with`] takes
//!   the options.
//! - [`mark_outlet_boilerplate`] removes passages that recur across one outlet's articles.
//! - [`extract`] cleans plain text and Markdown: the title line, a dateline, a byline, Markdown
//!   link residue and images, photo credits, footer metadata (`Original url: <…>`), newsletter
//!   and "Also Read" boilerplate, hard wraps and paragraphs broken mid-sentence. Everything
//!   removed is kept in [`Article::removed`] with its kind, and [`Article::source_map`] maps
//!   every byte of the text back to the original body.
//!
//! ```
//! use parallax_ingest::extract;
//! use parallax_model::{DocumentMeta, MediaType, RawDocument, RemovedKind};
//!
//! let body = "# Ferry Service Resumes on the Northern Route\n\n\
//!             March 3, 2021\n\n\
//!             The first ferry left the harbour at dawn, the [operator](#) said, after a\n\n\
//!             week of storms.\n\n\
//!             Sign up for our newsletter\n";
//! let doc = RawDocument {
//!     input: "ferry.md".into(),
//!     media_type: MediaType::Text,
//!     body: body.into(),
//!     meta: DocumentMeta::default(),
//! };
//! let article = extract(&doc).unwrap();
//! assert_eq!(article.title.as_deref(), Some("Ferry Service Resumes on the Northern Route"));
//! assert_eq!(article.published.as_deref(), Some("2021-03-03"));
//! assert_eq!(article.text, "The first ferry left the harbour at dawn, the operator said, after a week of storms.");
//! assert!(article.removed.iter().any(|r| r.kind == RemovedKind::Boilerplate));
//! assert_eq!(article.outlet, "ferry");
//! ```

mod address;
mod boilerplate;
mod charset;
mod clean;
mod decode;
mod error;
mod extract;
pub mod feeds;
#[cfg(feature = "net")]
mod fetch;
mod options;
mod outlet;
mod records;
mod sources;
pub mod warc;

pub use address::non_public_reason;
pub use boilerplate::mark_outlet_boilerplate;
pub use clean::{clean_text, Cleaned};
pub use decode::MAX_INPUT_BYTES;
pub use error::{IngestError, Warning};
pub use extract::{extract, extract_html, extract_text};
#[cfg(feature = "net")]
pub use fetch::{ContentKind, Fetched, Fetcher};
pub use options::{FetchLimits, ReadOptions, USER_AGENT};
pub use outlet::{domain_of, input_stem, outlet_for};
pub use parallax_model::{
    Article, DocumentMeta, MediaType, RawDocument, Removed, RemovedKind, SourceMap,
};
pub use sources::{
    is_url, load_input, load_input_with, load_inputs, load_inputs_with, read_input, read_inputs,
    read_inputs_with, sniff_media_type, Batch, READ_EXTENSIONS,
};
pub use warc::{is_warc_name, open_warc, WarcDocuments};

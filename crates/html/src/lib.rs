#![deny(missing_docs)]
//! HTML → article extraction for Parallax: the main text of a news page without its furniture
//! (navigation, share bars, related links, newsletter boxes, comments, captions), and its
//! metadata (headline, byline, publication date, outlet, canonical URL, language).
//!
//! ```
//! let page = r#"<html lang="en"><head><title>Ferry service resumes | Gull Times</title></head>
//! <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
//! <article><h1>Ferry service resumes</h1>
//! <p>The island ferry returned to its winter timetable on Monday, the operator said, after
//! three weeks of repairs to the harbour ramp at Port Elden.</p>
//! <p>Commuters, who had relied on a replacement bus along the causeway, welcomed the news,
//! although the first crossing left twenty minutes late.</p></article></body></html>"#;
//! let article = parallax_html::extract(page, Some("https://gull.example/ferry"));
//! assert!(article.text.starts_with("The island ferry returned"));
//! assert!(!article.text.contains("Home"));
//! assert_eq!(article.title.as_deref(), Some("Ferry service resumes"));
//! assert_eq!(article.language.as_deref(), Some("en"));
//! ```
//!
//! The method: the page is cut into paragraph-level blocks; markup hints (tags such as `nav`,
//! class and id words such as `share` or `related`) set furniture aside; readability-style
//! scoring picks the element holding the densest prose; siblings that read like the same article
//! join it; link lists left inside are dropped. Accuracy on the Zyte article-extraction
//! benchmark is reported in `docs/accuracy/extraction.md`.
//!
//! The page is read by a tokenizer of our own (`memchr` from one `<` or `&` to the next, text
//! handed over as slices of the page) that feeds html5ever's tree builder, so the tree is the one
//! html5ever builds; markup it does not read itself (NUL bytes, `<plaintext>`, CDATA in SVG,
//! bogus doctypes, markup cut off at the end) sends the page to html5ever's own tokenizer.
//!
//! Every tree walk is iterative and every pass linear, so deep nesting and huge pages cost
//! time and memory in proportion to their size; input past [`MAX_HTML_BYTES`] is cut.

mod blocks;
mod content;
mod dom;
mod hints;
mod metadata;
mod tokenize;

use parallax_model::Removed;
use scraper::Html;

#[doc(hidden)]
pub use tokenize::check::{compare as compare_tokenizers, Agreement};

/// Longest input parsed, in bytes; the rest of a longer page is ignored. News pages are a few
/// megabytes at most, so the cap only bounds memory on hostile or broken input.
pub const MAX_HTML_BYTES: usize = 32 << 20;

/// An article extracted from an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    /// Main text, paragraphs separated by a blank line (`"\n\n"`); subheadings and block
    /// quotes kept, the headline left out (it is in `title`).
    pub text: String,
    /// Headline.
    pub title: Option<String>,
    /// Author names, comma-separated.
    pub byline: Option<String>,
    /// Publication date, `YYYY-MM-DD` or an ISO date-time.
    pub published: Option<String>,
    /// The outlet's name as the page gives it.
    pub site_name: Option<String>,
    /// Canonical URL (`link rel=canonical`, `og:url`), else the URL given to [`extract`].
    pub url: Option<String>,
    /// Language tag (`<html lang>`, JSON-LD `inLanguage`, `og:locale`).
    pub language: Option<String>,
    /// Figure captions and photo credits found in the article, kept out of `text`.
    pub captions: Vec<String>,
    /// Furniture found inside the article and dropped, with its kind.
    pub removed: Vec<Removed>,
}

/// Extracts the article from an HTML page. Never panics; on a page with no article-like text
/// the result has empty `text` and whatever metadata was found.
pub fn extract(html: &str, url: Option<&str>) -> HtmlArticle {
    let html = dom::truncate_at_boundary(html, MAX_HTML_BYTES);
    from_document(&tokenize::parse(html), url)
}

/// [`extract`] with html5ever's own tokenizer: the reference our tokenizer is tested against
/// (the differential fuzz target and tests). Same result, slower.
#[doc(hidden)]
pub fn extract_with_html5ever(html: &str, url: Option<&str>) -> HtmlArticle {
    let html = dom::truncate_at_boundary(html, MAX_HTML_BYTES);
    from_document(&Html::parse_document(html), url)
}

/// Whether our tokenizer reads `html` itself (else html5ever's does); for the throughput
/// example and tests.
#[doc(hidden)]
pub fn tokenizes_fast(html: &str) -> bool {
    tokenize::parse_fast(dom::truncate_at_boundary(html, MAX_HTML_BYTES)).is_some()
}

fn from_document(doc: &Html, url: Option<&str>) -> HtmlArticle {
    let meta = metadata::read(doc);
    let root = doc.root_element();
    let body = root
        .children()
        .find(|c| c.value().as_element().is_some_and(|e| e.name() == "body"))
        .unwrap_or(*root);
    let content = content::extract(body, meta.title.as_deref());
    HtmlArticle {
        text: content.paragraphs.join("\n\n"),
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        site_name: meta.site_name,
        url: meta.url.or_else(|| url.map(str::to_string)),
        language: meta.language,
        captions: content.captions,
        removed: content.removed,
    }
}

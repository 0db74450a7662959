//! Raw documents to articles.

use parallax_model::{Article, MediaType, RawDocument};

use crate::clean::{clean_text, normalize_date};
use crate::error::IngestError;
use crate::outlet::outlet_for;

/// Turns a raw document into a clean article (id left empty; the caller numbers articles a1,
/// a2…). Metadata the source gave (a JSON record's title, URL, date, outlet) wins over what
/// cleaning finds in the text. An article left without text is an error.
pub fn extract(doc: &RawDocument) -> Result<Article, IngestError> {
    let article = match doc.media_type {
        MediaType::Text => extract_text(doc),
        MediaType::Html => extract_html(doc)?,
    };
    if article.text.trim().is_empty() {
        return Err(IngestError::NoText {
            input: doc.input.clone(),
        });
    }
    Ok(article)
}

/// Plain text and Markdown.
pub fn extract_text(doc: &RawDocument) -> Article {
    let meta = &doc.meta;
    let known_title = meta
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let cleaned = clean_text(&doc.body, known_title);
    let url = given(&meta.url).or(cleaned.url);
    let published = given(&meta.published)
        .map(|p| normalize_date(&p).unwrap_or(p))
        .or(cleaned.published);
    Article {
        id: String::new(),
        input: doc.input.clone(),
        outlet: outlet_for(url.as_deref(), meta.outlet.as_deref(), &doc.input),
        url,
        title: known_title.map(str::to_string).or(cleaned.title),
        published,
        byline: cleaned.byline,
        language: None,
        text: cleaned.text,
        removed: cleaned.removed,
        source_map: cleaned.source_map,
    }
}

/// HTML pages. The seam where the HTML extractor plugs in; until then every HTML document is
/// reported as unsupported.
pub fn extract_html(doc: &RawDocument) -> Result<Article, IngestError> {
    Err(IngestError::Unsupported {
        input: doc.input.clone(),
        reason: "HTML extraction is not available yet".into(),
    })
}

fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

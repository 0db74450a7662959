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

/// HTML pages, through `parallax-html`: main text, title, byline, date, site name and canonical
/// URL from the page; metadata the source gave wins. The text is rebuilt from the DOM, so there
/// is no byte map back into the HTML yet (`source_map` is empty); removed boilerplate blocks and
/// figure captions are listed in `removed`.
pub fn extract_html(doc: &RawDocument) -> Result<Article, IngestError> {
    let meta = &doc.meta;
    let page = parallax_html::extract(&doc.body, meta.url.as_deref());
    let url = given(&meta.url).or(page.url);
    let published = given(&meta.published)
        .or(page.published)
        .or(given(&meta.crawled))
        .map(|p| normalize_date(&p).unwrap_or(p));
    let outlet_name = given(&meta.outlet).or(page.site_name);
    let mut removed = page.removed;
    removed.extend(page.captions.into_iter().map(|c| parallax_model::Removed {
        kind: parallax_model::RemovedKind::PhotoCredit,
        text: c,
        source_start: None,
    }));
    Ok(Article {
        id: String::new(),
        input: doc.input.clone(),
        outlet: outlet_for(url.as_deref(), outlet_name.as_deref(), &doc.input),
        url,
        title: given(&meta.title).or(page.title),
        published,
        byline: page.byline,
        language: page.language,
        text: page.text,
        removed,
        source_map: Default::default(),
    })
}

fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

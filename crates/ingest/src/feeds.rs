//! RSS and Atom (and JSON Feed) inputs: one raw document per item.
//!
//! An item carries its article in one of two ways. Full-text feeds put it inline
//! (`content:encoded` in RSS, `<content>` in Atom, or a long `<description>`/`<summary>`); that
//! HTML becomes the document, wrapped in a minimal page with the item's title so the HTML
//! extractor sees a complete document. Headline feeds give only a teaser and a link; then the
//! linked page is fetched (through the same SSRF-safe fetcher as any URL input). Item `N`
//! (1-based, counting every item so numbers stay stable) becomes the input `FEED#N`; the item's
//! title, link, id and date go into [`DocumentMeta`]. An item that yields nothing (no content, a
//! link that fails) is skipped with a warning: one dead link must not stop a feed.

use parallax_model::{DocumentMeta, MediaType, RawDocument};

use crate::error::{IngestError, Warning};
use crate::outlet::domain_of;

/// Words of text an inline body needs to count as the article rather than a teaser.
pub const SUBSTANTIAL_WORDS: usize = 60;

/// Fetches an item's link: returns the final URL, the body and whether it is HTML.
pub type FetchPage<'a> =
    dyn FnMut(&str, &mut Vec<Warning>) -> Result<FetchedPage, IngestError> + 'a;

/// A page fetched for a link-only item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedPage {
    /// The address the page came from, after redirects.
    pub url: String,
    /// The page, decoded.
    pub body: String,
    /// How to read `body`.
    pub media_type: MediaType,
}

/// True when `text` opens like an RSS, Atom or RDF feed: `<rss`, `<feed`, `<rdf:RDF`, possibly
/// after an XML declaration, comments, a doctype or processing instructions.
pub fn looks_like_feed(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    // Bounded: a few prologue items at most, each consumed whole.
    for _ in 0..16 {
        let skip = ["<?", "<!--", "<!"].iter().find_map(|open| {
            let close = match *open {
                "<?" => "?>",
                "<!--" => "-->",
                _ => ">",
            };
            rest.strip_prefix(open)
                .and_then(|r| r.find(close).map(|i| i + open.len() + close.len()))
        });
        match skip {
            Some(n) => rest = rest.get(n..).unwrap_or("").trim_start(),
            None => break,
        }
    }
    let head: String = rest
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<rss")
        || head.starts_with("<feed")
        || head.starts_with("<rdf:rdf")
        || (head.starts_with('{') && rest.get(..512).unwrap_or(rest).contains("jsonfeed.org"))
}

/// `link` as an absolute URL: kept when it already is one (or when there is no base to
/// resolve it against), else joined to `base`.
fn absolute(link: &str, base: Option<&url::Url>) -> String {
    if url::Url::parse(link).is_ok() {
        return link.to_string();
    }
    base.and_then(|b| b.join(link).ok())
        .map_or_else(|| link.to_string(), String::from)
}

/// Parses the feed `text` of `input` into one document per usable item. `fetch` reads the page
/// of a link-only item; without it such items are skipped with a warning.
pub fn parse_feed(
    input: &str,
    text: &str,
    mut fetch: Option<&mut FetchPage<'_>>,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<RawDocument>, IngestError> {
    let text = as_utf8_declared(text);
    let feed = feed_rs::parser::parse(text.as_bytes()).map_err(|e| IngestError::Malformed {
        input: input.to_string(),
        reason: format!(
            "not a readable RSS or Atom feed ({})",
            one_line(&e.to_string())
        ),
    })?;
    let feed_outlet = feed
        .links
        .iter()
        .find_map(|l| domain_of(&l.href))
        .or_else(|| feed.title.as_ref().map(|t| plain(&t.content)))
        .filter(|o| !o.is_empty());
    // Relative item links ("/2025/06/story") resolve against the feed's own address when it
    // was fetched, else against the site link the feed declares.
    let base = url::Url::parse(input)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .or_else(|| {
            feed.links
                .iter()
                .find_map(|l| url::Url::parse(l.href.trim()).ok())
        });
    let mut docs = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let item_input = format!("{input}#{}", i + 1);
        let title = entry
            .title
            .as_ref()
            .map(|t| plain(&t.content))
            .filter(|t| !t.is_empty());
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| absolute(l.href.trim(), base.as_ref()))
            .filter(|l| !l.is_empty());
        let published = entry
            .published
            .or(entry.updated)
            .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        let meta = DocumentMeta {
            id: Some(entry.id.clone()).filter(|id| !id.is_empty()),
            url: link.clone(),
            outlet: feed_outlet.clone(),
            title: title.clone(),
            published,
            crawled: None,
        };
        let inline = inline_body(entry);
        let substantial = inline
            .as_ref()
            .is_some_and(|b| word_count(&b.html) >= SUBSTANTIAL_WORDS);
        let doc = match (inline, link, fetch.as_deref_mut()) {
            (Some(body), _, _) if substantial => Some(wrap(&body, title.as_deref())),
            (_, Some(link), Some(fetch)) => match fetch(&link, warnings) {
                Ok(page) => {
                    docs.push(RawDocument {
                        input: item_input,
                        media_type: page.media_type,
                        body: page.body,
                        meta: DocumentMeta {
                            url: Some(page.url),
                            ..meta
                        },
                    });
                    continue;
                }
                Err(e) => {
                    warnings.push(Warning::new(&item_input, format!("{e}; item skipped")));
                    continue;
                }
            },
            // A teaser is better than nothing when the page cannot be fetched.
            (Some(body), _, _) if word_count(&body.html) > 0 => Some(wrap(&body, title.as_deref())),
            (_, Some(_), None) => {
                warnings.push(Warning::new(
                    &item_input,
                    "item has only a link and this build cannot fetch URLs; skipped",
                ));
                None
            }
            _ => {
                warnings.push(Warning::new(
                    &item_input,
                    "item has no content and no link; skipped",
                ));
                None
            }
        };
        if let Some(body) = doc {
            docs.push(RawDocument {
                input: item_input,
                media_type: MediaType::Html,
                body,
                meta,
            });
        }
    }
    if feed.entries.is_empty() {
        warnings.push(Warning::new(input, "feed has no items"));
    }
    Ok(docs)
}

/// The text with its XML declaration saying UTF-8: the text is already decoded (by the declared
/// charset), and the parser would otherwise decode it a second time.
fn as_utf8_declared(text: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    let Some(end) = trimmed.strip_prefix("<?xml").and_then(|r| r.find("?>")) else {
        return text.into();
    };
    let rest = trimmed.get(end + "<?xml".len() + 2..).unwrap_or("");
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{rest}").into()
}

/// An item's inline body as HTML: the longer of content and summary.
struct Inline {
    html: String,
}

fn inline_body(entry: &feed_rs::model::Entry) -> Option<Inline> {
    let content = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        Some(as_html(body, c.content_type.as_ref()))
    });
    let summary = entry
        .summary
        .as_ref()
        .map(|s| as_html(&s.content, s.content_type.as_ref()));
    let best = match (content, summary) {
        (Some(c), Some(s)) if word_count(&s) > word_count(&c) => s,
        (Some(c), _) => c,
        (None, Some(s)) => s,
        (None, None) => return None,
    };
    Some(Inline { html: best })
}

/// Plain-text bodies (Atom `type="text"`) are escaped and split into paragraphs.
fn as_html(body: &str, content_type: &str) -> String {
    if content_type.starts_with("text/plain") {
        body.split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| format!("<p>{}</p>", escape(p)))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        body.to_string()
    }
}

fn wrap(body: &Inline, title: Option<&str>) -> String {
    let title = title.map(escape).unwrap_or_default();
    let heading = if title.is_empty() {
        String::new()
    } else {
        format!("<h1>{title}</h1>\n")
    };
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body><article>\n{heading}{}\n</article></body></html>\n",
        body.html
    )
}

/// Words outside tags; a rough measure, enough to tell a teaser from an article.
fn word_count(html: &str) -> usize {
    plain(html).split_whitespace().count()
}

/// Text with tags removed and whitespace collapsed.
fn plain(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! sniff {
        ($name:ident, $text:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(looks_like_feed($text), $want);
            }
        };
    }

    sniff!(rss, "<rss version=\"2.0\"><channel>", true);
    sniff!(
        rss_after_declaration,
        "<?xml version=\"1.0\"?>\n<!-- generator -->\n<rss>",
        true
    );
    sniff!(
        atom,
        "\u{feff}<?xml version='1.0'?><feed xmlns=\"http://www.w3.org/2005/Atom\">",
        true
    );
    sniff!(rdf, "<?xml version=\"1.0\"?><rdf:RDF>", true);
    sniff!(
        json_feed,
        "{\"version\": \"https://jsonfeed.org/version/1.1\"}",
        true
    );
    sniff!(html_page, "<!DOCTYPE html><html>", false);
    sniff!(other_xml, "<?xml version=\"1.0\"?><urlset>", false);
    sniff!(json_record, "{\"text\": \"A feed of thoughts\"}", false);
    sniff!(unclosed_declaration, "<?xml version=", false);
    sniff!(prose, "Feeds were distributed on Monday.", false);

    #[test]
    fn plain_strips_tags_and_counts_words() {
        assert_eq!(
            plain("<p>One <b>two</b></p>\n<p>three</p>"),
            "One two three"
        );
        assert_eq!(word_count("<img src=x>"), 0);
    }
}

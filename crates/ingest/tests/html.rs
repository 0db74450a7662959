//! HTML documents go through `parallax-html`: main text without page furniture, metadata from
//! the page, and the source's own metadata winning over the page's.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use parallax_ingest::{extract, DocumentMeta, MediaType, RawDocument, RemovedKind};

const PAGE: &str = r#"<!doctype html><html lang="en"><head><title>Ferry returns | Coast News</title>
<meta property="og:site_name" content="Coast News"><link rel="canonical" href="https://www.coast.example/ferry">
<meta property="article:published_time" content="2025-03-04T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Ferry returns</h1>
<p>The ferry returned to the northern route on Monday after a week of storms, the operator said.</p>
<p>“We are proud of the crews,” harbour master Lena Okafor said.</p>
<p>More than 40 passengers were on the first crossing, which left at dawn.</p></article>
<aside class="newsletter">Sign up for our newsletter</aside><footer>© Coast News</footer></body></html>"#;

fn doc(meta: DocumentMeta) -> RawDocument {
    RawDocument {
        input: "ferry.html".into(),
        media_type: MediaType::Html,
        body: PAGE.into(),
        meta,
    }
}

#[test]
fn page_gives_text_and_metadata() {
    let a = extract(&doc(DocumentMeta::default())).unwrap();
    assert!(a.text.starts_with("The ferry returned"));
    assert!(a.text.contains("\n\n“We are proud of the crews,”"));
    assert!(!a.text.contains("newsletter") && !a.text.contains("Home"));
    assert_eq!(a.title.as_deref(), Some("Ferry returns"));
    assert_eq!(a.published.as_deref(), Some("2025-03-04"));
    assert_eq!(a.url.as_deref(), Some("https://www.coast.example/ferry"));
    assert_eq!(a.outlet, "coast.example");
    assert_eq!(a.language.as_deref(), Some("en"));
    assert!(a
        .removed
        .iter()
        .any(|r| r.kind == RemovedKind::Boilerplate && r.text.contains("newsletter")));
}

#[test]
fn source_metadata_wins() {
    let meta = DocumentMeta {
        title: Some("Given title".into()),
        published: Some("2025-03-05".into()),
        ..Default::default()
    };
    let a = extract(&doc(meta)).unwrap();
    assert_eq!(a.title.as_deref(), Some("Given title"));
    assert_eq!(a.published.as_deref(), Some("2025-03-05"));
}

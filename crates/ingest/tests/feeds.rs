//! RSS and Atom inputs on synthetic feeds about fictional events.

use parallax_ingest::feeds::parse_feed;
use parallax_ingest::{load_inputs, IngestError, MediaType};

/// A paragraph long enough to count as a full article (over 60 words).
fn long_story() -> String {
    "<p>The ferry between Marlow Bay and Tern Island resumed service on Monday after a week of \
     storms, the harbour office said. Crews cleared debris from the northern slipway overnight, \
     and the first crossing left at dawn with forty passengers and two supply trucks aboard. \
     Officials said the timetable would return to normal by Thursday if the weather held, and \
     that a second vessel would join the route next month to ease the backlog of freight.</p>"
        .to_string()
}

fn rss(items: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
         <channel><title>Bay Courier</title><link>https://baycourier.example/</link>\
         {items}</channel></rss>"
    )
}

#[test]
fn rss_items_with_inline_content_become_documents() {
    let feed = rss(&format!(
        "<item><title>Ferry resumes</title><link>https://baycourier.example/ferry</link>\
         <guid>ferry-1</guid><pubDate>Mon, 03 Mar 2031 06:30:00 GMT</pubDate>\
         <description>Short teaser.</description>\
         <content:encoded><![CDATA[{}]]></content:encoded></item>\
         <item><title>Pier &amp; promenade</title><link>https://baycourier.example/pier</link>\
         <description><![CDATA[{}]]></description></item>",
        long_story(),
        long_story()
    ));
    let mut warnings = Vec::new();
    let docs = parse_feed("courier.rss", &feed, None, &mut warnings).expect("parses");
    assert_eq!(docs.len(), 2, "{warnings:?}");
    let first = &docs[0];
    assert_eq!(first.input, "courier.rss#1");
    assert_eq!(first.media_type, MediaType::Html);
    assert!(first.body.contains("forty passengers"));
    assert!(first.body.contains("<title>Ferry resumes</title>"));
    assert_eq!(first.meta.title.as_deref(), Some("Ferry resumes"));
    assert_eq!(
        first.meta.url.as_deref(),
        Some("https://baycourier.example/ferry")
    );
    assert_eq!(
        first.meta.published.as_deref(),
        Some("2031-03-03T06:30:00Z")
    );
    assert_eq!(first.meta.id.as_deref(), Some("ferry-1"));
    assert_eq!(first.meta.outlet.as_deref(), Some("baycourier.example"));
    // A long description counts as the article; the title is escaped in the wrapper page.
    assert_eq!(docs[1].input, "courier.rss#2");
    assert!(docs[1].body.contains("<title>Pier &amp; promenade</title>"));
}

#[test]
fn atom_entries_with_html_and_text_content() {
    let feed = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\
         <feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Tern Island Post</title>\
         <link href=\"https://ternpost.example/\"/><id>urn:tern</id><updated>2031-03-04T00:00:00Z</updated>\
         <entry><title>Storm damage</title><id>urn:tern:1</id>\
         <link rel=\"alternate\" href=\"https://ternpost.example/storm\"/>\
         <updated>2031-03-04T08:00:00Z</updated>\
         <content type=\"html\">{}</content></entry>\
         <entry><title>Plain note</title><id>urn:tern:2</id>\
         <updated>2031-03-05T09:15:00Z</updated>\
         <content type=\"text\">{}</content></entry></feed>",
        long_story().replace('<', "&lt;").replace('>', "&gt;"),
        "Fishermen &lt;said&gt; the catch was poor. ".repeat(12)
    );
    let mut warnings = Vec::new();
    let docs = parse_feed("tern.atom", &feed, None, &mut warnings).expect("parses");
    assert_eq!(docs.len(), 2, "{warnings:?}");
    assert!(docs[0].body.contains("<p>The ferry between"));
    assert_eq!(
        docs[0].meta.published.as_deref(),
        Some("2031-03-04T08:00:00Z")
    );
    // Text content is escaped, not read as markup.
    assert!(
        docs[1].body.contains("Fishermen &lt;said&gt;"),
        "{}",
        docs[1].body
    );
    assert_eq!(docs[1].meta.url, None);
}

#[test]
fn link_only_items_are_fetched_or_skipped_with_a_warning() {
    let feed = rss(
        "<item><title>Teaser</title><link>https://baycourier.example/t</link>\
                    <description>Read on.</description></item>\
                    <item><title>Link only</title><link>https://baycourier.example/l</link></item>\
                    <item><title>Nothing at all</title></item>",
    );
    // Without a fetcher: a teaser is kept, a bare link is skipped, an empty item is skipped.
    let mut warnings = Vec::new();
    let docs = parse_feed("c.rss", &feed, None, &mut warnings).expect("parses");
    let inputs: Vec<&str> = docs.iter().map(|d| d.input.as_str()).collect();
    assert_eq!(inputs, vec!["c.rss#1"]);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].to_string().starts_with("c.rss#2: "));
    assert!(warnings[1].to_string().contains("no content and no link"));

    // With a fetcher: both linked items are fetched; a failing fetch is a warning.
    let mut asked = Vec::new();
    let mut fetch = |link: &str, _: &mut Vec<parallax_ingest::Warning>| {
        asked.push(link.to_string());
        if link.ends_with("/l") {
            return Err(IngestError::Fetch {
                url: link.to_string(),
                reason: "HTTP 404 Not Found".into(),
            });
        }
        Ok(parallax_ingest::feeds::FetchedPage {
            url: format!("{link}?final"),
            body: "<html><body><p>Fetched page.</p></body></html>".into(),
            media_type: MediaType::Html,
        })
    };
    let mut warnings = Vec::new();
    let docs = parse_feed("c.rss", &feed, Some(&mut fetch), &mut warnings).expect("parses");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].input, "c.rss#1");
    assert!(docs[0].body.contains("Fetched page."));
    assert_eq!(
        docs[0].meta.url.as_deref(),
        Some("https://baycourier.example/t?final")
    );
    assert_eq!(docs[0].meta.title.as_deref(), Some("Teaser"));
    assert!(warnings
        .iter()
        .any(|w| w.to_string().starts_with("c.rss#2: ") && w.message.contains("HTTP 404")));
    assert_eq!(
        asked,
        vec![
            "https://baycourier.example/t".to_string(),
            "https://baycourier.example/l".to_string()
        ]
    );
}

#[test]
fn malformed_feed_is_an_error_naming_the_input() {
    let err = parse_feed("bad.rss", "<rss><channel><item>", None, &mut Vec::new())
        .expect_err("malformed");
    let msg = err.to_string();
    assert!(
        msg.starts_with("bad.rss: not a readable RSS or Atom feed"),
        "{msg}"
    );
    assert!(!msg.contains('\n'));
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-feeds-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn feed_files_are_read_by_extension_and_by_sniffing() {
    let dir = scratch("files");
    let feed = rss(&format!(
        "<item><title>Ferry resumes</title><description><![CDATA[{}]]></description></item>",
        long_story()
    ));
    std::fs::write(dir.join("a.rss"), &feed).expect("write");
    std::fs::write(dir.join("b.txt"), &feed).expect("write");
    std::fs::write(dir.join("c.dat"), &feed).expect("write");
    // windows-1251 declared in the XML declaration.
    let cyr = rss("<item><title>Паром</title><description>Паром вышел на рассвете, сообщили в порту.</description></item>")
        .replace("UTF-8", "windows-1251");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&cyr);
    std::fs::write(dir.join("d.xml"), &bytes).expect("write");
    std::fs::write(
        dir.join("e.xml"),
        "<?xml version=\"1.0\"?><urlset></urlset>",
    )
    .expect("write");

    let path = |n: &str| dir.join(n).display().to_string();
    let batch = load_inputs(&[path("a.rss"), path("c.dat"), path("d.xml")]).expect("read");
    let inputs: Vec<String> = batch.documents.iter().map(|d| d.input.clone()).collect();
    assert_eq!(
        inputs,
        vec![
            format!("{}#1", path("a.rss")),
            format!("{}#1", path("c.dat")),
            format!("{}#1", path("d.xml"))
        ]
    );
    assert_eq!(batch.documents[2].meta.title.as_deref(), Some("Паром"));
    assert!(batch.documents[2].body.contains("вышел на рассвете"));
    // A .txt file is text even when it holds a feed: the extension the user chose wins.
    let txt = load_inputs(&[path("b.txt")]).expect("read");
    assert_eq!(txt.documents.len(), 1);
    assert_eq!(txt.documents[0].media_type, MediaType::Text);
    // XML that is no feed: an error when named, a warning when met in a directory.
    let err = load_inputs(&[path("e.xml")]).expect_err("not a feed");
    assert_eq!(
        err.to_string(),
        format!("{}: not an RSS or Atom feed", path("e.xml"))
    );
    let all = load_inputs(&[dir.display().to_string()]).expect("directory");
    assert!(all.warnings.iter().any(|w| w.input == path("e.xml")));
    assert_eq!(all.documents.len(), 3, "a.rss, b.txt, d.xml");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn relative_item_links_resolve_against_the_feed() {
    let feed = rss(&format!(
        "<item><title>Ferry resumes</title><link>/2031/03/ferry</link>\
         <description><![CDATA[{}]]></description></item>\
         <item><title>Pier</title><link>pier.html</link>\
         <description><![CDATA[{}]]></description></item>",
        long_story(),
        long_story()
    ));
    let mut warnings = Vec::new();
    // Read from a file: the channel's own link is the base.
    let docs = parse_feed("courier.rss", &feed, None, &mut warnings).expect("parses");
    let urls: Vec<_> = docs.iter().map(|d| d.meta.url.as_deref()).collect();
    assert_eq!(
        urls,
        [
            Some("https://baycourier.example/2031/03/ferry"),
            Some("https://baycourier.example/pier.html")
        ]
    );
    // Fetched from a URL: the feed's address is the base.
    let docs = parse_feed(
        "https://feeds.example/news/rss.xml",
        &feed,
        None,
        &mut warnings,
    )
    .expect("parses");
    assert_eq!(
        docs[1].meta.url.as_deref(),
        Some("https://feeds.example/news/pier.html")
    );
}

//! Cleaning rules end to end, one named case per behaviour, on synthetic articles about
//! fictional events.

use parallax_ingest::{extract, Article, DocumentMeta, MediaType, RawDocument, RemovedKind};

use RemovedKind::*;

/// What a case expects; `None` fields are not checked.
#[derive(Default)]
struct Want {
    text: Option<&'static str>,
    title: Option<Option<&'static str>>,
    published: Option<Option<&'static str>>,
    url: Option<Option<&'static str>>,
    outlet: Option<&'static str>,
    byline: Option<Option<&'static str>>,
    /// Exactly these removals, in order of the original.
    removed: Option<Vec<(RemovedKind, &'static str)>>,
}

fn article(body: &str, meta: DocumentMeta) -> Article {
    let doc = RawDocument {
        input: "cases/story.txt".into(),
        media_type: MediaType::Text,
        body: body.into(),
        meta,
    };
    match extract(&doc) {
        Ok(a) => a,
        Err(e) => panic!("extract failed: {e}"),
    }
}

fn check(body: &str, meta: DocumentMeta, want: Want) {
    let a = article(body, meta);
    if let Some(text) = want.text {
        assert_eq!(a.text, text);
    }
    if let Some(title) = want.title {
        assert_eq!(a.title.as_deref(), title, "title");
    }
    if let Some(published) = want.published {
        assert_eq!(a.published.as_deref(), published, "published");
    }
    if let Some(url) = want.url {
        assert_eq!(a.url.as_deref(), url, "url");
    }
    if let Some(outlet) = want.outlet {
        assert_eq!(a.outlet, outlet, "outlet");
    }
    if let Some(byline) = want.byline {
        assert_eq!(a.byline.as_deref(), byline, "byline");
    }
    if let Some(removed) = want.removed {
        let got: Vec<(RemovedKind, &str)> = a
            .removed
            .iter()
            .map(|r| (r.kind, r.text.as_str()))
            .collect();
        assert_eq!(got, removed, "removed");
    }
    // Whatever the case, the map and the removals point at the original.
    for s in &a.source_map.segments {
        assert_eq!(
            a.text.get(s.text..s.text + s.len),
            body.get(s.source..s.source + s.len)
        );
    }
    for r in &a.removed {
        let at = r.source_start.unwrap_or(usize::MAX);
        assert!(
            body.get(at..).is_some_and(|rest| rest.starts_with(&r.text)),
            "{r:?}"
        );
    }
}

macro_rules! case {
    ($name:ident, $body:expr, $($field:ident: $value:expr),* $(,)?) => {
        #[test]
        fn $name() {
            check($body, DocumentMeta::default(), Want { $($field: $value,)* ..Want::default() });
        }
    };
}

// --- title line ---
case!(title_line_is_lifted,
    "Harbour Reopens After Week-Long Storm\n\nThe harbour of Port Selden reopened on Friday.\n",
    text: Some("The harbour of Port Selden reopened on Friday."),
    title: Some(Some("Harbour Reopens After Week-Long Storm")),
    removed: Some(vec![(Metadata, "Harbour Reopens After Week-Long Storm")]));
case!(markdown_heading_title_loses_its_marks,
    "\n\n## Harbour Reopens\nThe harbour reopened on Friday.",
    text: Some("The harbour reopened on Friday."),
    title: Some(Some("Harbour Reopens")),
    removed: Some(vec![(Markup, "##"), (Metadata, "Harbour Reopens")]));
case!(first_sentence_is_not_a_title,
    "The harbour reopened on Friday.\n\nShips returned at dawn.",
    title: Some(None),
    text: Some("The harbour reopened on Friday.\n\nShips returned at dawn."));
case!(lone_line_is_not_a_title,
    "Harbour reopens after the storm",
    title: Some(None),
    text: Some("Harbour reopens after the storm"));
case!(first_line_of_wrapped_paragraph_is_not_a_title,
    "The harbour of Port Selden reopened on Friday after\na week of storms had closed it to all shipping.\n",
    title: Some(None),
    text: Some("The harbour of Port Selden reopened on Friday after a week of storms had closed it to all shipping."));
case!(later_headings_stay_as_paragraphs,
    "Harbour Reopens\n\nShips returned.\n\n### What comes next\n\nRepairs begin in May.",
    text: Some("Ships returned.\n\nWhat comes next\n\nRepairs begin in May."),
    removed: Some(vec![(Metadata, "Harbour Reopens"), (Markup, "###")]));

// --- dateline and byline ---
case!(dateline_after_title,
    "Ferry Talks Resume\n\nMarch 5, 2021\n\nTalks resumed in Port Selden.",
    published: Some(Some("2021-03-05")),
    text: Some("Talks resumed in Port Selden."),
    removed: Some(vec![(Metadata, "Ferry Talks Resume"), (Metadata, "March 5, 2021")]));
case!(dateline_with_weekday_and_time,
    "Ferry Talks Resume\n\nFriday, March 5, 2021 10:30 AM\n\nTalks resumed.",
    published: Some(Some("2021-03-05")));
case!(dateline_day_first,
    "5 Mar 2021\n\nTalks resumed.",
    published: Some(Some("2021-03-05")),
    text: Some("Talks resumed."));
case!(iso_dateline,
    "2021-03-05\n\nTalks resumed.",
    published: Some(Some("2021-03-05")));
case!(date_deep_in_body_stays,
    "Talks resumed.\n\nBoth sides met twice.\n\nA deal is due.\n\nMarch 5, 2021",
    published: Some(None),
    text: Some("Talks resumed.\n\nBoth sides met twice.\n\nA deal is due.\n\nMarch 5, 2021"));
case!(sentence_with_date_stays,
    "Ferry Talks Resume\n\nTalks resumed on March 5, 2021.",
    published: Some(None),
    text: Some("Talks resumed on March 5, 2021."));
case!(byline_is_lifted,
    "Ferry Talks Resume\n\nBy Pia Lund and Ivo Brenner\n\nTalks resumed.",
    byline: Some(Some("Pia Lund and Ivo Brenner")),
    text: Some("Talks resumed."));

// --- Markdown links and images ---
case!(link_residue_keeps_words,
    "The mayor gave her [statement](#) and cited [the harbour report](https://example.org/r) twice.",
    text: Some("The mayor gave her statement and cited the harbour report twice."),
    removed: Some(vec![(LinkResidue, "[statement](#)"), (LinkResidue, "[the harbour report](https://example.org/r)")]));
case!(image_line_is_removed,
    "Ships returned.\n\n![A ferry at dawn](https://example.org/ferry.jpg)\n\nCrowds cheered.",
    text: Some("Ships returned.\n\nCrowds cheered."),
    removed: Some(vec![(Markup, "![A ferry at dawn](https://example.org/ferry.jpg)")]));
case!(editorial_brackets_are_kept,
    "“They [the crews] worked all night,” she said.",
    text: Some("“They [the crews] worked all night,” she said."),
    removed: Some(vec![]));

// --- photo credits ---
case!(credit_with_slashes_is_removed,
    "Ferry Talks Resume\n\nMarta Quill / Harbour Press / City Hall\n\nTalks resumed.",
    text: Some("Talks resumed."),
    removed: Some(vec![(Metadata, "Ferry Talks Resume"), (PhotoCredit, "Marta Quill / Harbour Press / City Hall")]));
case!(labelled_credits_are_removed,
    "Talks resumed.\n\nPhoto: Lena Ashby\n\nBoth sides met.\n\n(Photo by Tom Reyes/Getty Images)\n\nA deal is due.",
    text: Some("Talks resumed.\n\nBoth sides met.\n\nA deal is due."),
    removed: Some(vec![(PhotoCredit, "Photo: Lena Ashby"), (PhotoCredit, "(Photo by Tom Reyes/Getty Images)")]));

// --- footer ---
case!(original_url_on_the_next_line,
    "Talks resumed.\n\nOriginal url:\n\n<https://www.selden-post.example/2021/03/05/talks>",
    text: Some("Talks resumed."),
    url: Some(Some("https://www.selden-post.example/2021/03/05/talks")),
    outlet: Some("selden-post.example"),
    removed: Some(vec![(Footer, "Original url:\n\n<https://www.selden-post.example/2021/03/05/talks>")]));
case!(original_url_glued_to_following_text,
    "Talks resumed.\n\nOriginal url: <https://selden-post.example/a>Next Story Starts Here with more text.",
    text: Some("Talks resumed.\n\nNext Story Starts Here with more text."),
    url: Some(Some("https://selden-post.example/a")),
    removed: Some(vec![(Footer, "Original url: <https://selden-post.example/a>")]));
case!(original_url_glued_to_a_long_paragraph,
    "Talks resumed.\n\nOriginal url: <https://selden-post.example/a>The next story is long, and it goes on and on about the harbour, the ferries, the crews, the storms, the repairs to the breakwater, the council's budget for the quay lights, the opening hours of the ticket office, the views of residents who live near the port, the plans for a second pier, and the weather forecast for the coming weeks, which is mild.",
    url: Some(Some("https://selden-post.example/a")),
    removed: Some(vec![(Footer, "Original url: <https://selden-post.example/a>")]));
case!(source_url_and_copyright,
"Talks resumed.\n\nSource: https://selden-post.example/b\n\n© 2021 Selden Post\n\nCopyright Selden Media. All rights reserved.",
text: Some("Talks resumed."),
url: Some(Some("https://selden-post.example/b")),
removed: Some(vec![
    (Footer, "Source: https://selden-post.example/b"),
    (Footer, "© 2021 Selden Post"),
    (Footer, "Copyright Selden Media. All rights reserved."),
]));
case!(read_more_at_is_a_footer_but_not_the_url,
    "Talks resumed.\n\nRead more at https://other.example/c",
    text: Some("Talks resumed."),
    url: Some(None),
    outlet: Some("story"));

// --- boilerplate ---
case!(trailing_list_and_newsletter,
"Talks resumed.\n\nRelated\n\nFerry Strike Enters Second Week\n\nHarbour Dues to Rise\n\nSign up for our newsletter",
text: Some("Talks resumed."),
removed: Some(vec![
    (Boilerplate, "Related"),
    (Boilerplate, "Ferry Strike Enters Second Week"),
    (Boilerplate, "Harbour Dues to Rise"),
    (Boilerplate, "Sign up for our newsletter"),
]));
case!(list_ends_at_a_real_paragraph,
    "Talks resumed.\n\nAlso Read\n\nFerry Strike Enters Second Week\n\nThe next round of talks is set for April.",
    text: Some("Talks resumed.\n\nThe next round of talks is set for April."));
case!(advertisement_marker_mid_text,
    "Talks resumed.\n\nAdvertisement\n\nBoth sides met.",
    text: Some("Talks resumed.\n\nBoth sides met."),
    removed: Some(vec![(Boilerplate, "Advertisement")]));
case!(sentences_about_reading_and_subscribing_stay,
    "Subscribers to the ferry pass will get refunds.\n\nThe mayor read the statement aloud.\n\nRead the full agreement, the council urged residents.",
    text: Some("Subscribers to the ferry pass will get refunds.\n\nThe mayor read the statement aloud.\n\nRead the full agreement, the council urged residents."),
    removed: Some(vec![]));

// --- paragraphs ---
case!(paragraph_broken_mid_sentence_is_joined,
    "“The crews, who had not slept, were\n\nexhausted by morning,” she said.",
    text: Some("“The crews, who had not slept, were exhausted by morning,” she said."));
case!(broken_paragraph_joined_across_a_credit,
    "The ferry, which had been\n\nPhoto: Lena Ashby\n\ndelayed for days, arrived.",
    text: Some("The ferry, which had been delayed for days, arrived."));
case!(capitalised_next_paragraph_is_not_joined,
    "Ferry Talks Resume\n\nThe ferry arrived\n\nThe crowd cheered.",
    text: Some("The ferry arrived\n\nThe crowd cheered."));
case!(terminal_punctuation_is_not_joined,
    "The ferry arrived.\n\nthen the crowd cheered.",
    text: Some("The ferry arrived.\n\nthen the crowd cheered."));
case!(closing_quote_after_period_ends_a_paragraph,
    "She called them “heroes.”\n\nwhich surprised no one.",
    text: Some("She called them “heroes.”\n\nwhich surprised no one."));
case!(hard_wrapped_paragraphs_are_unwrapped,
    "The harbour of Port Selden reopened on Friday after a week\nof storms. Ships that had waited offshore came in at dawn,\nand crowds gathered on the quay to watch them dock.\n\nThe mayor thanked the crews. Repairs to the breakwater will\nbegin in May.\n",
    text: Some("The harbour of Port Selden reopened on Friday after a week of storms. Ships that had waited offshore came in at dawn, and crowds gathered on the quay to watch them dock.\n\nThe mayor thanked the crews. Repairs to the breakwater will begin in May."));
case!(long_single_newline_paragraphs_stay_apart,
    "The harbour of Port Selden reopened on Friday after a week of storms that had closed it to all shipping.\nShips that had waited offshore for days came in at dawn, and crowds gathered on the quay to watch.\nThe mayor thanked the crews.\n",
    text: Some("The harbour of Port Selden reopened on Friday after a week of storms that had closed it to all shipping.\n\nShips that had waited offshore for days came in at dawn, and crowds gathered on the quay to watch.\n\nThe mayor thanked the crews."));
case!(hyphenated_word_over_a_wrap,
    "Ships came in with well-\nequipped crews.",
    text: Some("Ships came in with well-equipped crews."));
case!(list_items_are_not_joined,
    "The council agreed:\n- new quay lights\n- longer opening hours",
    text: Some("The council agreed:\n\n- new quay lights\n\n- longer opening hours"));

// --- whitespace and characters ---
case!(whitespace_is_normalised_and_characters_kept,
    "  “Calm  seas,”\tshe said — at\u{a0}last.   \n\n\n\n  Déjà vu in 日本.  ",
    text: Some("“Calm seas,” she said — at\u{a0}last.\n\nDéjà vu in 日本."));
case!(crlf_line_endings,
    "Harbour Reopens\r\n\r\nShips returned.\r\n\r\nCrowds cheered.\r\n",
    title: Some(Some("Harbour Reopens")),
    text: Some("Ships returned.\n\nCrowds cheered."));

// --- outlet ---
case!(outlet_falls_back_to_file_stem,
    "Ships returned.",
    outlet: Some("story"), url: Some(None));

#[test]
fn record_metadata_wins_and_a_repeated_title_line_is_removed() {
    let meta = DocumentMeta {
        title: Some("Harbour Reopens After Storm".into()),
        url: Some("https://news.selden.example/x".into()),
        published: Some("2021-03-05T08:00:00Z".into()),
        outlet: Some("Selden Post".into()),
        id: None,
        crawled: None,
    };
    check(
        "# Harbour reopens after  storm\n\nMarch 4, 2021\n\nShips returned.\n\nOriginal url: https://elsewhere.example/y",
        meta,
        Want {
            text: Some("Ships returned."),
            title: Some(Some("Harbour Reopens After Storm")),
            published: Some(Some("2021-03-05")),
            url: Some(Some("https://news.selden.example/x")),
            outlet: Some("news.selden.example"),
            ..Want::default()
        },
    );
}

#[test]
fn record_title_that_differs_from_the_first_line_keeps_the_line() {
    let meta = DocumentMeta {
        title: Some("Port Selden Back in Business".into()),
        ..DocumentMeta::default()
    };
    check(
        "Harbour Reopens\n\nShips returned.",
        meta,
        Want {
            text: Some("Harbour Reopens\n\nShips returned."),
            title: Some(Some("Port Selden Back in Business")),
            ..Want::default()
        },
    );
}

#[test]
fn outlet_from_record_when_no_url() {
    let meta = DocumentMeta {
        outlet: Some("Selden Post".into()),
        ..DocumentMeta::default()
    };
    check(
        "Ships returned.",
        meta,
        Want {
            outlet: Some("Selden Post"),
            ..Want::default()
        },
    );
}

#[test]
fn nothing_but_furniture_is_an_error() {
    let doc = RawDocument {
        input: "cases/empty.txt".into(),
        media_type: MediaType::Text,
        body: "Advertisement\n\nSign up for our newsletter\n".into(),
        meta: DocumentMeta::default(),
    };
    let err = extract(&doc).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("cases/empty.txt: no article text after cleaning")
    );
}

#[test]
fn html_goes_through_the_html_extractor() {
    let doc = RawDocument {
        input: "page.html".into(),
        media_type: MediaType::Html,
        body: "<html><body><nav><a href='/'>Home</a></nav><p>Ships returned to the harbour on Monday after the storm.</p></body></html>".into(),
        meta: DocumentMeta::default(),
    };
    let a = extract(&doc).expect("html article");
    assert_eq!(
        a.text,
        "Ships returned to the harbour on Monday after the storm."
    );
}

#[test]
fn source_map_leads_back_to_the_joined_words() {
    let body = "Ferry Talks Resume\n\nThe crews were\n\nexhausted [by](#) morning.";
    let a = article(body, DocumentMeta::default());
    assert_eq!(a.text, "The crews were exhausted by morning.");
    let at = |word: &str| a.text.find(word).map(|i| a.source_map.to_source(i));
    assert_eq!(at("crews"), body.find("crews"));
    assert_eq!(at("exhausted"), body.find("exhausted"));
    assert_eq!(at("by"), body.find("by]"));
    assert_eq!(at("morning"), body.find("morning"));
}

//! Behaviour of `parallax_html::extract` on small synthetic pages about fictional events.

use parallax_html::extract;
use parallax_model::RemovedKind;

/// Four paragraphs of prose about a fictional harbour, enough to win the scoring.
const BODY: &str = r#"
<p>The harbour authority of Port Elden confirmed on Tuesday that the northern breakwater, damaged in last month's storm, will be rebuilt before the spring fishing season begins.</p>
<p>Engineers, who surveyed the structure over three days, found that two of its concrete caissons had shifted by almost a metre, leaving the inner moorings exposed to swell.</p>
<h2>Fishing fleet waits</h2>
<p>Skippers have been landing their catch at Marrow Bay instead, a detour that adds two hours to each trip and, according to the local cooperative, about a fifth to fuel costs.</p>
<p>"We cannot keep doing this for another winter," said Ines Varga, who chairs the cooperative, adding that several crews had already laid up their boats until the repairs are done.</p>
"#;

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html lang=\"en\"><head>{head}</head><body>{body}</body></html>")
}

fn article_page(extra_inside: &str, extra_outside: &str) -> String {
    page(
        "<title>Breakwater to be rebuilt | Elden Courier</title>",
        &format!(
            "<header><a href=\"/\">Elden Courier</a></header>
             <nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav>
             <main><article><h1>Breakwater to be rebuilt</h1>{BODY}{extra_inside}</article></main>
             {extra_outside}
             <footer><p>Copyright Elden Courier. All rights reserved.</p></footer>"
        ),
    )
}

#[test]
fn keeps_article_text_and_drops_furniture() {
    // (name, furniture inside the article, furniture outside it, a phrase that must not survive)
    let cases = [
        (
            "share_bar",
            r#"<div class="share-bar"><a href="\#">Share on social media</a> <a href="\#">Email this story</a></div>"#,
            "",
            "Share on social media",
        ),
        (
            "related_links_list",
            r#"<ul class="related-stories"><li><a href="/a">Lighthouse keeper retires after forty years</a></li><li><a href="/b">Ferry timetable changes for winter</a></li></ul>"#,
            "",
            "Lighthouse keeper retires",
        ),
        (
            "newsletter_box",
            r#"<div class="newsletter-signup"><p>Sign up for our morning briefing and get the news first.</p></div>"#,
            "",
            "morning briefing",
        ),
        (
            "cookie_banner_outside",
            "",
            r#"<div id="cookie-consent"><p>We use cookies to improve your experience on this site.</p></div>"#,
            "cookies",
        ),
        (
            "sidebar_outside",
            "",
            r#"<aside><h3>Most read</h3><p>Council approves new tram line after long debate over costs and routes.</p></aside>"#,
            "tram line",
        ),
        (
            "comments_section",
            "",
            r#"<section id="comments"><p>Reader one: this should have been fixed years ago, frankly, and everyone knew it.</p><p>Reader two: the cooperative has been asking for repairs since the last big storm, at least.</p><p>Reader three: glad to see the authority finally acting on this, though the money will matter most.</p></section>"#,
            "Reader two",
        ),
        (
            "hidden_block",
            r#"<div style="display: none"><p>Subscriber-only teaser text that nobody sees on the page.</p></div>"#,
            "",
            "Subscriber-only",
        ),
        (
            "script_text",
            r#"<script>var tracking = "pageview";</script>"#,
            "",
            "pageview",
        ),
    ];
    for (name, inside, outside, banned) in cases {
        let a = extract(&article_page(inside, outside), None);
        assert!(
            a.text.contains("northern breakwater"),
            "{name}: lost the lead: {:?}",
            a.text
        );
        assert!(
            a.text.contains("laid up their boats"),
            "{name}: lost the end: {:?}",
            a.text
        );
        assert!(
            !a.text.contains(banned),
            "{name}: kept {banned:?}: {:?}",
            a.text
        );
        assert!(!a.text.contains("Copyright"), "{name}: kept the footer");
        assert!(!a.text.contains("Sport"), "{name}: kept the navigation");
    }
}

#[test]
fn paragraphs_are_separated_by_blank_lines_and_subheads_kept() {
    let a = extract(&article_page("", ""), None);
    let paras: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(paras.len(), 5, "{:?}", a.text);
    assert_eq!(paras.get(2).copied(), Some("Fishing fleet waits"));
    assert!(
        !a.text.contains("Breakwater to be rebuilt"),
        "headline belongs in title"
    );
    assert!(a.removed.iter().any(|r| r.kind == RemovedKind::Metadata));
}

#[test]
fn captions_are_kept_out_of_text() {
    let fig = r#"<figure><img src="wall.jpg"><figcaption>The damaged breakwater seen from the lighthouse. Photo: Elden Courier</figcaption></figure>"#;
    let a = extract(&article_page(fig, ""), None);
    assert!(!a.text.contains("seen from the lighthouse"));
    assert_eq!(a.captions.len(), 1, "{:?}", a.captions);
    assert!(a
        .captions
        .iter()
        .any(|c| c.contains("seen from the lighthouse")));
}

#[test]
fn furniture_inside_the_article_is_listed_as_removed() {
    let share = r#"<div class="social-share"><span>Share this article with friends</span></div>"#;
    let a = extract(&article_page(share, ""), None);
    assert!(a
        .removed
        .iter()
        .any(|r| r.kind == RemovedKind::Boilerplate && r.text.contains("Share this article")));
}

#[test]
fn article_named_like_furniture_is_not_dropped() {
    // Blog engines put words such as `widget` or `tag-…` on the element holding the post.
    let body = format!(
        r#"<div class="widget blog-posts tag-harbour"><div class="post">{BODY}</div></div>"#
    );
    let a = extract(&page("<title>Breakwater</title>", &body), None);
    assert!(a.text.contains("northern breakwater"), "{:?}", a.text);
    assert!(a.text.contains("laid up their boats"), "{:?}", a.text);
}

#[test]
fn article_split_into_chunks_is_joined() {
    // Some layouts cut the body into chunks with an ad rail beside each.
    let paras: Vec<&str> = BODY.split("</p>").filter(|p| p.contains("<p>")).collect();
    let chunk = |p: &str| {
        format!(
            r#"<div class="grid"><div class="body-chunk">{p}</p><p>{p}</p></div><div class="ad-rail"><a href="/ad">Advert</a></div></div>"#
        )
    };
    let body: String = paras.iter().map(|p| chunk(p)).collect();
    let a = extract(&page("", &format!("<main>{body}</main>")), None);
    assert!(a.text.contains("northern breakwater"), "{:?}", a.text);
    assert!(a.text.contains("laid up their boats"), "{:?}", a.text);
    assert!(!a.text.contains("Advert"));
}

#[test]
fn br_separated_text_is_found() {
    let text = BODY.replace("<p>", "").replace("</p>", "<br><br>");
    let a = extract(
        &page("", &format!("<div id=\"outer\"><div>{text}</div></div>")),
        None,
    );
    assert!(a.text.contains("northern breakwater"), "{:?}", a.text);
    assert!(a.text.contains("laid up their boats"));
}

#[test]
fn reads_metadata_from_each_source() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","name":"Elden Courier"},
        {"@type":"NewsArticle","headline":"Breakwater to be rebuilt","datePublished":"2031-02-04T09:15:00+00:00",
         "author":[{"@type":"Person","name":"Mara Quill"},{"@type":"Person","name":"Tomas Reed"}],
         "publisher":{"@type":"Organization","name":"Elden Courier"}}]}</script>"#;
    let og = r#"<meta property="og:title" content="Breakwater rebuild confirmed">
        <meta property="og:site_name" content="The Courier">
        <meta property="og:url" content="https://courier.example/breakwater">
        <meta property="article:published_time" content="2031-02-05">
        <meta name="author" content="Ines Varga">"#;
    let plain = r#"<title>Breakwater plan | Elden Courier</title>"#;
    // (name, head, body extra, want title, byline, published, site, url)
    let cases = [
        (
            "json_ld_first",
            format!("{ld}{og}"),
            "",
            Some("Breakwater to be rebuilt"),
            Some("Mara Quill, Tomas Reed"),
            Some("2031-02-04T09:15:00+00:00"),
            Some("Elden Courier"),
            Some("https://courier.example/breakwater"),
        ),
        (
            "opengraph_and_meta",
            og.to_string(),
            "",
            Some("Breakwater rebuild confirmed"),
            Some("Ines Varga"),
            Some("2031-02-05"),
            Some("The Courier"),
            Some("https://courier.example/breakwater"),
        ),
        (
            "title_tag_and_time_element",
            plain.to_string(),
            r#"<time datetime="2031-02-06T07:00:00Z">6 February</time>"#,
            Some("Breakwater plan"),
            None,
            Some("2031-02-06T07:00:00Z"),
            None,
            Some("https://given.example/page"),
        ),
    ];
    for (name, head, extra, title, byline, published, site, url) in cases {
        let html = page(&head, &format!("{extra}<article>{BODY}</article>"));
        let a = extract(&html, Some("https://given.example/page"));
        assert_eq!(a.title.as_deref(), title, "{name}: title");
        assert_eq!(a.byline.as_deref(), byline, "{name}: byline");
        assert_eq!(a.published.as_deref(), published, "{name}: published");
        assert_eq!(a.site_name.as_deref(), site, "{name}: site");
        assert_eq!(a.url.as_deref(), url, "{name}: url");
        assert_eq!(a.language.as_deref(), Some("en"), "{name}: language");
    }
}

#[test]
fn canonical_link_wins_over_given_url() {
    let head = r#"<link rel="canonical" href="https://courier.example/news/breakwater">"#;
    let a = extract(
        &page(head, BODY),
        Some("https://courier.example/amp/breakwater?x=1"),
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://courier.example/news/breakwater")
    );
}

#[test]
fn non_latin_text_survives() {
    let body = "<article><p>港の防波堤は春の漁期が始まる前に再建されると、港湾当局が火曜日に確認した。技師たちは三日間にわたり構造物を調査した。</p>\
                <p>漁業協同組合によると、漁船は別の湾に水揚げしており、燃料費が約二割増えているという。組合長は「もう一冬は続けられない」と話した。</p></article>";
    let a = extract(&page("", body), None);
    assert!(a.text.contains("防波堤"), "{:?}", a.text);
    assert!(a.text.contains("組合長"), "{:?}", a.text);
}

#[test]
fn empty_and_textless_pages_give_empty_text() {
    let cases = [
        ("empty", String::new()),
        ("only_head", page("<title>Nothing here</title>", "")),
        ("only_nav", page("", r#"<nav><a href="/">Home</a></nav>"#)),
        (
            "not_html",
            "just some words without any markup at all".to_string(),
        ),
    ];
    for (name, html) in cases {
        let a = extract(&html, None);
        assert!(a.text.len() < 100, "{name}: {:?}", a.text);
    }
}

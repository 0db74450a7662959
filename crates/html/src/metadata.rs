//! Article metadata from the page head: JSON-LD (`NewsArticle`, `Article`, …), OpenGraph and
//! other meta tags, `link rel=canonical`, `<time datetime>`, `<html lang>` and `<title>`.
//!
//! Sources are tried from the most to the least deliberate: JSON-LD is written for machines,
//! OpenGraph for link previews, and `<title>` often carries the site name too.

use ego_tree::iter::Edge;
use once_cell::sync::Lazy;
use regex::Regex;
use scraper::{Html, Node};
use serde_json::Value;

use crate::dom::truncate_at_boundary;

/// Metadata found on a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// The elements metadata is read from, gathered in one sweep over the arena in creation
/// order (the order `Html::select` visits, so the first match is the same one a selector
/// finds) instead of one selector pass per element kind.
#[derive(Default)]
struct Head<'a> {
    /// Text of each `script[type="application/ld+json"]`.
    ld_json: Vec<String>,
    /// `<meta>` (key, content) pairs, see [`MetaTags`].
    meta: Vec<(String, String)>,
    /// `href` of each `link[rel="canonical"]`.
    canonical: Vec<&'a str>,
    /// `datetime` of each `time[datetime]`.
    times: Vec<&'a str>,
    /// Text of the first `title`.
    title: Option<String>,
    /// `lang` of the first `html` element, if it has one.
    lang: Option<&'a str>,
    seen_html: bool,
}

impl<'a> Head<'a> {
    fn read(doc: &'a Html) -> Head<'a> {
        let mut head = Head::default();
        for node in doc.tree.nodes() {
            // Selectors skip detached nodes; so does this.
            if node.parent().is_none() {
                continue;
            }
            let Some(el) = node.value().as_element() else {
                continue;
            };
            let attr = |name: &str| {
                el.attrs
                    .iter()
                    .find(|(k, _)| k.ns.is_empty() && &*k.local == name)
                    .map(|(_, v)| &**v)
            };
            // `type` and `rel` compare ASCII case-insensitively on HTML elements, as in CSS.
            let is_html = &*el.name.ns == "http://www.w3.org/1999/xhtml";
            let attr_is = |name: &str, want: &str| {
                attr(name).is_some_and(|v| {
                    if is_html {
                        v.eq_ignore_ascii_case(want)
                    } else {
                        v == want
                    }
                })
            };
            let text = || text_outside_code(node);
            match el.name() {
                "script" if attr_is("type", "application/ld+json") => head.ld_json.push(text()),
                "meta" => {
                    let key = attr("property")
                        .or_else(|| attr("name"))
                        .or_else(|| attr("itemprop"))
                        .or_else(|| attr("http-equiv"));
                    if let (Some(k), Some(c)) = (key, attr("content")) {
                        head.meta
                            .push((k.trim().to_lowercase(), c.trim().to_string()));
                    }
                }
                "link" if attr_is("rel", "canonical") => {
                    head.canonical.extend(attr("href"));
                }
                "time" => head.times.extend(attr("datetime")),
                "title" if head.title.is_none() => head.title = Some(text()),
                "html" if !head.seen_html => {
                    head.seen_html = true;
                    head.lang = attr("lang");
                }
                _ => {}
            }
        }
        head
    }
}

/// Text under `node`, leaving out what nested `script` and `style` elements hold (CSS inside an
/// SVG `<title>`, say): code is never metadata.
fn text_outside_code(node: ego_tree::NodeRef<'_, Node>) -> String {
    let is_code = |n: &ego_tree::NodeRef<'_, Node>| {
        n.id() != node.id()
            && n.value()
                .as_element()
                .is_some_and(|el| matches!(el.name(), "script" | "style"))
    };
    let mut out = String::new();
    let mut inside_code = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) if is_code(&n) => inside_code += 1,
            Edge::Open(n) => {
                if let Node::Text(t) = n.value() {
                    if inside_code == 0 {
                        out.push_str(t);
                    }
                }
            }
            Edge::Close(n) if is_code(&n) => inside_code = inside_code.saturating_sub(1),
            Edge::Close(_) => {}
        }
    }
    out
}

/// Longest JSON-LD script parsed; larger ones are data dumps, not article metadata.
const MAX_LD_BYTES: usize = 1 << 20;
/// JSON-LD nesting followed when looking for the article object.
const MAX_LD_NODES: usize = 10_000;

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
];

/// Reads the metadata of a parsed page.
pub(crate) fn read(doc: &Html) -> Meta {
    let head = Head::read(doc);
    let mut meta = Meta::default();
    if let Some(ld) = json_ld_article(&head.ld_json) {
        meta.title = string_field(&ld, "headline");
        meta.published = string_field(&ld, "datePublished").and_then(|d| iso_date(&d));
        meta.byline = names(ld.get("author"));
        meta.site_name = ld.get("publisher").and_then(|p| names(Some(p)));
        meta.url = string_field(&ld, "url").filter(|u| u.starts_with("http"));
        meta.language = string_field(&ld, "inLanguage");
    }
    let tags = MetaTags(head.meta);
    fill(
        &mut meta.title,
        tags.get(&["og:title", "twitter:title", "dc.title"]),
    );
    fill(
        &mut meta.published,
        tags.get(&[
            "article:published_time",
            "datepublished",
            "og:published_time",
            "publish-date",
            "publishdate",
            "pubdate",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "parsely-pub-date",
            "sailthru.date",
        ])
        .and_then(|d| iso_date(&d)),
    );
    fill(
        &mut meta.byline,
        tags.get(&[
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "byl",
        ])
        .filter(|a| !a.starts_with("http"))
        .map(|a| {
            a.trim_start_matches("By ")
                .trim_start_matches("by ")
                .to_string()
        }),
    );
    fill(
        &mut meta.site_name,
        tags.get(&["og:site_name", "application-name"]),
    );
    if let Some(canonical) = head.canonical.iter().find(|h| h.starts_with("http")) {
        meta.url = Some(canonical.trim().to_string());
    }
    fill(
        &mut meta.url,
        tags.get(&["og:url"]).filter(|u| u.starts_with("http")),
    );
    fill(
        &mut meta.language,
        tags.get(&["og:locale", "content-language", "language"]),
    );
    if meta.published.is_none() {
        meta.published = head.times.iter().copied().find_map(iso_date);
    }
    if let Some(lang) = head.lang.map(str::trim).filter(|l| !l.is_empty()) {
        meta.language = Some(lang.to_string());
    }
    if meta.title.is_none() {
        meta.title = head.title;
    }
    meta.title = meta
        .title
        .map(|t| strip_site_suffix(t.trim(), meta.site_name.as_deref()));
    for field in [&mut meta.title, &mut meta.byline, &mut meta.site_name] {
        *field = field.take().map(|s| collapse(&s)).filter(|s| !s.is_empty());
    }
    meta.language = meta.language.map(|l| l.replace('_', "-"));
    meta
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value.filter(|v| !v.trim().is_empty());
    }
}

fn collapse(s: &str) -> String {
    let mut out = String::new();
    crate::dom::push_collapsed(&mut out, s);
    out.trim().to_string()
}

/// `<meta>` values by lowercased `property`, `name` or `itemprop`, first one wins.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.0
                .iter()
                .find(|(key, c)| key == k && !c.is_empty())
                .map(|(_, c)| c.clone())
        })
    }
}

/// The first JSON-LD object whose `@type` is an article type, searching `@graph`s and arrays.
fn json_ld_article(scripts: &[String]) -> Option<Value> {
    for raw in scripts {
        if raw.len() > MAX_LD_BYTES {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        // Breadth-first with a node budget: JSON-LD can nest, pages can be hostile.
        let mut queue = std::collections::VecDeque::from([value]);
        let mut seen = 0;
        while let Some(v) = queue.pop_front() {
            seen += 1;
            if seen > MAX_LD_NODES {
                break;
            }
            match v {
                Value::Array(items) => queue.extend(items),
                Value::Object(ref map) => {
                    if is_article_type(map.get("@type")) {
                        return Some(v);
                    }
                    if let Some(graph) = map.get("@graph") {
                        queue.push_back(graph.clone());
                    }
                    if let Some(main) = map.get("mainEntity") {
                        queue.push_back(main.clone());
                    }
                }
                _ => {}
            }
        }
    }
    None
}

fn is_article_type(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(items)) => items.iter().any(|i| is_article_type(Some(i))),
        _ => false,
    }
}

fn string_field(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => items
            .iter()
            .find_map(|i| i.as_str())
            .map(|s| s.trim().to_string()),
        _ => None,
    }
}

/// Names from a schema.org `author`/`publisher`: a string, an object with `name`, or a list.
fn names(v: Option<&Value>) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim();
        if !s.is_empty() && !s.starts_with("http") && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    };
    match v? {
        Value::String(s) => push(s),
        Value::Object(m) => {
            if let Some(Value::String(s)) = m.get("name") {
                push(s);
            }
        }
        Value::Array(items) => {
            for i in items.iter().take(20) {
                match i {
                    Value::String(s) => push(s),
                    Value::Object(m) => {
                        if let Some(Value::String(s)) = m.get("name") {
                            push(s);
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    if out.is_empty() {
        None
    } else {
        Some(out.join(", "))
    }
}

static ISO: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?))?")
        .expect("static pattern compiles")
});
static SLASHED: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b").expect("static pattern compiles")
});
static COMPACT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:$|T)").expect("static pattern compiles"));
static TEXTUAL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b")
        .expect("static pattern compiles")
});

/// Normalises a date string to `YYYY-MM-DD` or an ISO date-time; `None` if it is not a date.
pub(crate) fn iso_date(raw: &str) -> Option<String> {
    let s = truncate_at_boundary(raw.trim(), 200);
    let valid = |y: u32, m: u32, d: u32| {
        (1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
    };
    let num = |c: Option<regex::Match<'_>>| c.and_then(|m| m.as_str().parse::<u32>().ok());
    if let Some(c) = ISO.captures(s) {
        let (y, m, d) = (num(c.get(1))?, num(c.get(2))?, num(c.get(3))?);
        if !valid(y, m, d) {
            return None;
        }
        let date = format!("{y:04}-{m:02}-{d:02}");
        return Some(match c.get(4) {
            Some(time) => format!("{date}T{}", time.as_str()),
            None => date,
        });
    }
    for re in [&*SLASHED, &*COMPACT] {
        if let Some(c) = re.captures(s) {
            let (y, m, d) = (num(c.get(1))?, num(c.get(2))?, num(c.get(3))?);
            return valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    let c = TEXTUAL.captures(s)?;
    let month = |m: &str| {
        let m = m.to_lowercase();
        [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ]
        .iter()
        .position(|n| m.starts_with(n))
        .map(|p| p as u32 + 1)
    };
    let (d, m, y) = if c.get(1).is_some() {
        (num(c.get(1))?, month(c.get(2)?.as_str())?, num(c.get(3))?)
    } else {
        (num(c.get(5))?, month(c.get(4)?.as_str())?, num(c.get(6))?)
    };
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Drops a trailing " | Site" or " - Site" from a `<title>`.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some(pos) = title.rfind(sep) {
            let (head, tail) = title.split_at(pos);
            let tail = tail.get(sep.len()..).unwrap_or("");
            let is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()))
                || (tail.split_whitespace().count() <= 4 && head.len() > tail.len());
            if is_site && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_dates() {
        let cases = [
            ("iso_date", "2021-03-04", Some("2021-03-04")),
            (
                "iso_datetime",
                "2021-03-04T10:20:30Z",
                Some("2021-03-04T10:20:30Z"),
            ),
            (
                "iso_with_offset",
                "2021-03-04T10:20:30+01:00",
                Some("2021-03-04T10:20:30+01:00"),
            ),
            (
                "space_separated",
                "2021-03-04 10:20",
                Some("2021-03-04T10:20"),
            ),
            ("slashed", "2021/3/4", Some("2021-03-04")),
            ("compact", "20210304", Some("2021-03-04")),
            ("day_month_year", "4 March 2021", Some("2021-03-04")),
            ("month_day_year", "Mar. 4, 2021", Some("2021-03-04")),
            ("bad_month", "2021-13-01", None),
            ("not_a_date", "yesterday", None),
            ("empty", "", None),
        ];
        for (name, input, want) in cases {
            assert_eq!(iso_date(input).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn strips_site_names_from_titles() {
        let cases = [
            (
                "pipe_suffix",
                "Harbour bridge reopens after repairs | The Daily Gull",
                None,
                "Harbour bridge reopens after repairs",
            ),
            (
                "named_site",
                "Bridge reopens - Gull",
                Some("Gull"),
                "Bridge reopens",
            ),
            (
                "no_suffix",
                "Bridge reopens after repairs",
                None,
                "Bridge reopens after repairs",
            ),
        ];
        for (name, title, site, want) in cases {
            assert_eq!(strip_site_suffix(title, site), want, "{name}");
        }
    }
}

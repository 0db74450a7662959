//! Script and style bodies emptied before parsing, and the parse checked afterwards.
//!
//! About half the bytes of a news page are inline JavaScript and CSS, which html5ever's
//! tokenizer walks through only for the extractor to drop. [`lighten`] finds `<script>` and
//! `<style>` elements whose bodies the tokenizer reads as raw text and replaces each body by
//! [`MARK`]. The scan is a small tokenizer (comments, tags with quoted attributes, the other
//! raw-text elements, SVG and MathML, where `script` is not raw text), good enough for real
//! pages but not the whole HTML standard; so [`Lightened::verified`] checks the claim on the
//! parsed tree, and a page that fails it is parsed again untouched.
//!
//! Why the check suffices: the two documents are equal up to the first cut, so html5ever
//! reaches the cut in the same state in both. If the mark ends up as the whole text of an HTML
//! `script` (`style`) element, the tokenizer was in the script-data (raw-text) state for that
//! element there. In that state the original body, which holds no `<!--` and no end tag of its
//! element (the scan cut at the first), is read as text up to the same end tag the mark meets.
//! So both parses leave the element in the same state with only its text changed, and the
//! argument repeats at the next cut. The mark is absent from the original (else nothing is
//! cut), so every mark in the tree comes from a cut; counting them proves none went missing.
//! Comments and quoted attribute values are cut and checked the same way.
//!
//! The trees then differ only in what nothing reads: script and style text (every reader of
//! descendant text skips those elements, even the metadata's `<title>`, which html5ever can
//! give a `<style>` child inside SVG), comments, and the attributes [`unread_value`] names.

use scraper::{Html, Node};

mod scan;

use scan::{
    contains_ignore_case, declaration_end, find_byte, is_space, parse_tag, raw_end, script_end, Tag,
};

/// What replaces a body: Unicode noncharacters, which never occur in real text, around a word.
/// Contains no `<`, `&`, CR or NUL, so every tokenizer state reads it as plain characters.
pub(crate) const MARK: &str = "\u{fdd0}parallax\u{fdd1}";

/// Shorter bodies are left alone: cutting them saves less than it costs to check.
const MIN_BODY: usize = 64;

/// A page with script and style bodies replaced by [`MARK`].
#[derive(Debug)]
pub(crate) struct Lightened {
    /// The lightened page.
    pub html: String,
    scripts: usize,
    styles: usize,
    comments: usize,
    values: usize,
    /// Runs of indentation removed from text (not checked: see [`squeeze_indentation`]).
    runs: usize,
}

/// Where the scan stands after one piece of markup.
enum Step {
    /// Go on at this byte offset.
    At(usize),
    /// Stop scanning: the rest is left as it is (end of input, `plaintext`, an unclosed comment).
    Stop,
}

/// Empties script, style and comment bodies and unread attribute values; `None` when there was
/// nothing worth cutting (or the page already contains [`MARK`], which would make the check
/// unsound).
pub(crate) fn lighten(html: &str) -> Option<Lightened> {
    if memchr::memmem::find(html.as_bytes(), MARK.as_bytes()).is_some() {
        return None;
    }
    let b = html.as_bytes();
    let mut out = Lightened {
        html: String::new(),
        scripts: 0,
        styles: 0,
        comments: 0,
        values: 0,
        runs: 0,
    };
    // `html[..copied]` is already in `out.html`.
    let mut copied = 0;
    // Open `svg` and `math` elements: inside them `script` and `style` are not raw text.
    let mut foreign = 0usize;
    // Quoted attribute values of the start tag being read: (name start, name end, value span).
    let mut values: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(lt) = find_byte(b, i, b'<') {
        if foreign == 0 {
            squeeze_indentation(html, i, lt, &mut out, &mut copied);
        }
        let step = match b.get(lt + 1) {
            Some(b'!') => match declaration_end(b, lt, foreign > 0) {
                Some(end) => {
                    // A comment's text is never read: `<!--` body `-->` (or `--!>`).
                    let body = lt + 4;
                    let close = if b.get(end.saturating_sub(4)..end) == Some(b"--!>") {
                        4
                    } else {
                        3
                    };
                    let body_end = end.saturating_sub(close);
                    if b.get(lt..body) == Some(b"<!--") && body_end >= body + MIN_BODY {
                        cut(html, &mut out.html, &mut copied, body, body_end);
                        out.comments += 1;
                    }
                    Step::At(end)
                }
                None => Step::Stop,
            },
            Some(b'?') => Step::At(find_byte(b, lt, b'>').map_or(b.len(), |p| p + 1)),
            Some(b'/') => match b.get(lt + 2) {
                Some(c) if c.is_ascii_alphabetic() => match parse_tag(b, lt + 2, None) {
                    Some(tag) => {
                        if tag.name_is(b, "svg") || tag.name_is(b, "math") {
                            foreign = foreign.saturating_sub(1);
                        }
                        Step::At(tag.end)
                    }
                    None => Step::Stop,
                },
                Some(b'>') => Step::At(lt + 3),
                _ => Step::At(find_byte(b, lt, b'>').map_or(b.len(), |p| p + 1)),
            },
            Some(c) if c.is_ascii_alphabetic() => {
                values.clear();
                match parse_tag(b, lt + 1, Some(&mut values)) {
                    None => Step::Stop,
                    Some(tag) => {
                        for &(ns, ne, vs, ve) in &values {
                            let name = b.get(ns..ne).unwrap_or(b"");
                            if ve >= vs + MIN_VALUE && unread_value(name, tag.name_is(b, "a")) {
                                cut(html, &mut out.html, &mut copied, vs, ve);
                                out.values += 1;
                            }
                        }
                        start_tag(html, &tag, lt, &mut foreign, &mut out, &mut copied)
                    }
                }
            }
            _ => Step::At(lt + 1),
        };
        match step {
            Step::At(next) => i = next.max(lt + 1),
            Step::Stop => break,
        }
    }
    if out.scripts + out.styles + out.comments + out.values + out.runs == 0 {
        return None;
    }
    out.html.push_str(html.get(copied..).unwrap_or(""));
    Some(out)
}

/// Drops the whitespace that follows a newline in text (`html[from..to]`, which the scan read as
/// text in HTML content): the indentation of the markup, a tenth of a page's bytes, which the
/// tokenizer hands over line by line.
///
/// Not marked and checked like the cuts: the text changes, but only in whitespace, and every
/// reader collapses whitespace (block text, captions, the headline), while html5ever's tree
/// builder asks only whether text is whitespace, which a run keeps by keeping its newline (the
/// newline `<pre>` swallows then takes the run with it, which collapsing would drop anyway).
/// Only HTML's own whitespace is dropped: a vertical tab or a no-break space is text to it.
/// Inside SVG and MathML, where the scan is least sure what is raw text, nothing is dropped.
fn squeeze_indentation(
    html: &str,
    from: usize,
    to: usize,
    out: &mut Lightened,
    copied: &mut usize,
) {
    let b = html.as_bytes();
    let mut i = from;
    while let Some(nl) = b
        .get(i..to)
        .and_then(|t| memchr::memchr(b'\n', t))
        .map(|p| p + i)
    {
        let mut j = nl + 1;
        while j < to && b.get(j).is_some_and(|&c| is_space(c)) {
            j += 1;
        }
        if j > nl + 1 {
            if out.html.is_empty() {
                out.html.reserve(html.len() / 2);
            }
            out.html.push_str(html.get(*copied..nl + 1).unwrap_or(""));
            *copied = j;
            out.runs += 1;
        }
        i = j;
    }
}

/// Shorter attribute values are left alone.
const MIN_VALUE: usize = 48;

/// Attributes nothing downstream reads (not the extractor, not html5ever's tree builder):
/// image sources, data attributes, SVG path data, event handlers, tooltips, and the targets of
/// links (`href` of `<a>` only: `<link rel=canonical>` and `<base>` are read).
fn unread_value(name: &[u8], in_link: bool) -> bool {
    let lower = |n: &[u8], want: &[u8]| n.eq_ignore_ascii_case(want);
    lower(name, b"src")
        || lower(name, b"srcset")
        || lower(name, b"sizes")
        || lower(name, b"d")
        || lower(name, b"alt")
        || lower(name, b"title")
        || (in_link && lower(name, b"href"))
        || name
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case(b"data-"))
        || (name.len() > 2 && name.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(b"on")))
}

/// After a start tag outside comments and raw text: tracks SVG/MathML, cuts script and style
/// bodies, skips the other raw-text elements.
fn start_tag(
    html: &str,
    tag: &Tag,
    lt: usize,
    foreign: &mut usize,
    out: &mut Lightened,
    copied: &mut usize,
) -> Step {
    let b = html.as_bytes();
    if tag.name_is(b, "svg") || tag.name_is(b, "math") {
        if !tag.self_closing {
            *foreign += 1;
        }
        return Step::At(tag.end);
    }
    if *foreign > 0 {
        return Step::At(tag.end);
    }
    let cut_end = |body_end: usize| {
        // Scripts typed as JSON (JSON-LD) are metadata: keep them.
        let typed_json = b
            .get(lt..tag.end)
            .is_some_and(|t| contains_ignore_case(t, b"json"));
        (!typed_json && body_end >= tag.end + MIN_BODY).then_some(body_end)
    };
    if tag.name_is(b, "script") {
        return match script_end(b, tag.end) {
            Some((end, escaped)) => {
                if let Some(end) = cut_end(end).filter(|_| !escaped) {
                    cut(html, &mut out.html, copied, tag.end, end);
                    out.scripts += 1;
                }
                Step::At(end)
            }
            None => Step::Stop,
        };
    }
    if tag.name_is(b, "style") {
        return match raw_end(b, tag.end, b"style") {
            Some(end) => {
                if let Some(end) = cut_end(end) {
                    cut(html, &mut out.html, copied, tag.end, end);
                    out.styles += 1;
                }
                Step::At(end)
            }
            None => Step::Stop,
        };
    }
    if tag.name_is(b, "plaintext") {
        return Step::Stop;
    }
    match RAW_ELEMENTS.iter().find(|n| tag.name_is(b, n)) {
        Some(name) => raw_end(b, tag.end, name.as_bytes()).map_or(Step::Stop, Step::At),
        None => Step::At(tag.end),
    }
}

/// Elements other than `script` and `style` whose content the tokenizer reads as (escapable)
/// raw text, up to their own end tag.
const RAW_ELEMENTS: &[&str] = &[
    "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

impl Lightened {
    /// Whether the tree parsed from [`Lightened::html`] shows every cut where the scan said: each
    /// mark the whole text of an HTML `script` or `style` element, and as many as were cut.
    pub(crate) fn verified(&self, doc: &Html) -> bool {
        // Exact matches suffice: the page had no mark, each cut wrote one, and a mark that landed
        // anywhere but where its cut meant it (inside a longer text, value or comment) leaves
        // its count short. A mark cannot land whole in another kind's place either: a body's
        // mark follows `>`, a value's a quote, a comment's `<!--`.
        let (mut scripts, mut styles, mut comments, mut values) = (0, 0, 0, 0);
        for node in doc.tree.nodes() {
            match node.value() {
                Node::Text(text) if &**text == MARK => {
                    let alone = node.prev_sibling().is_none() && node.next_sibling().is_none();
                    let Some(el) = node.parent().and_then(|p| p.value().as_element()) else {
                        return false;
                    };
                    if !alone || &*el.name.ns != "http://www.w3.org/1999/xhtml" {
                        return false;
                    }
                    match el.name() {
                        "script" => scripts += 1,
                        "style" => styles += 1,
                        _ => return false,
                    }
                }
                Node::Comment(c) if &**c == MARK => comments += 1,
                Node::Element(el) => {
                    values += el.attrs.iter().filter(|(_, v)| &**v == MARK).count();
                }
                _ => {}
            }
        }
        scripts == self.scripts
            && styles == self.styles
            && comments == self.comments
            && values == self.values
    }
}

/// Copies the page up to `body_start`, then the mark, and skips to `body_end`.
fn cut(html: &str, out: &mut String, copied: &mut usize, body_start: usize, body_end: usize) {
    if out.is_empty() {
        out.reserve(html.len() / 2);
    }
    out.push_str(html.get(*copied..body_start).unwrap_or(""));
    out.push_str(MARK);
    *copied = body_end;
}

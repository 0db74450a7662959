//! Start and end tags with their attributes, read byte by byte from the tag name to the `>`.
//!
//! The states are the standard's (tag name, before/after attribute name, attribute value in its
//! three forms, self-closing start tag), folded where they act alike: after an attribute name or
//! a quoted value, every character is read as the before-attribute-name state would read it.

use std::collections::HashSet;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tag, TagKind};
use html5ever::{local_name, namespace_url, ns, Attribute, LocalName, QualName};

use super::{charref, is_space, Bail, Source};

/// Reads the tag whose name starts at `start` (just after `<` or `</`); returns the tag and the
/// offset past its `>`. A tag cut off by the end of input is a [`Bail`]: html5ever drops it,
/// which is rare enough to leave to html5ever.
pub(super) fn read(src: &Source<'_>, start: usize, kind: TagKind) -> Result<(Tag, usize), Bail> {
    let b = src.text.as_bytes();
    let mut i = start;
    while b
        .get(i)
        .is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>')
    {
        i += 1;
    }
    let name = local_name(src.text.get(start..i).ok_or(Bail::END)?);
    let mut attrs: Vec<Attribute> = Vec::new();
    // Names seen, once a tag has many attributes (see `push_attribute`).
    let mut seen: Option<HashSet<LocalName>> = None;
    let mut self_closing = false;
    loop {
        // Before an attribute name (also after a name or a quoted value: see the module docs).
        while b.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        match b.get(i) {
            None => return Err(Bail::END),
            Some(b'>') => {
                i += 1;
                break;
            }
            Some(b'/') => {
                i += 1;
                match b.get(i) {
                    Some(b'>') => {
                        self_closing = true;
                        i += 1;
                        break;
                    }
                    None => return Err(Bail::END),
                    // Anything else is read again as before an attribute name.
                    Some(_) => continue,
                }
            }
            Some(_) => {}
        }
        // An attribute name: its first char is taken whatever it is (even `=`).
        let name_start = i;
        i += 1;
        while b
            .get(i)
            .is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'='))
        {
            i += 1;
        }
        let name_end = i;
        while b.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        let value = if b.get(i) == Some(&b'=') {
            i += 1;
            while b.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            match b.get(i) {
                None => return Err(Bail::END),
                Some(&q @ (b'"' | b'\'')) => {
                    let (value, close) = quoted_value(src, i + 1, q)?;
                    i = close + 1;
                    value
                }
                // `a=>`: an empty value, and the `>` ends the tag as before a name.
                Some(b'>') => StrTendril::new(),
                Some(_) => {
                    let (value, end) = unquoted_value(src, i)?;
                    i = end;
                    value
                }
            }
        } else {
            StrTendril::new()
        };
        let raw_name = src.text.get(name_start..name_end).ok_or(Bail::END)?;
        push_attribute(&mut attrs, &mut seen, raw_name, value);
    }
    let tag = Tag {
        kind,
        name,
        self_closing,
        attrs,
    };
    Ok((tag, i))
}

/// Adds an attribute unless one of the same name came first (the first one wins).
///
/// A scan of the attributes so far is fastest for real tags; past [`MANY`] attributes the names
/// go into `seen`, so a hostile tag with a million attributes costs linear time, not quadratic.
fn push_attribute(
    attrs: &mut Vec<Attribute>,
    seen: &mut Option<HashSet<LocalName>>,
    raw_name: &str,
    value: StrTendril,
) {
    let name = local_name(raw_name);
    let duplicate = if attrs.len() < MANY {
        attrs.iter().any(|a| a.name.local == name)
    } else {
        let seen = seen.get_or_insert_with(|| attrs.iter().map(|a| a.name.local.clone()).collect());
        !seen.insert(name.clone())
    };
    if duplicate {
        return;
    }
    attrs.push(Attribute {
        name: QualName::new(None, ns!(), name),
        value,
    });
}

/// Attributes a tag may have before duplicates are found with a set.
const MANY: usize = 16;

/// A tag or attribute name with ASCII capitals lowered (other letters are kept as written).
fn local_name(raw: &str) -> LocalName {
    if let Some(name) = common_name(raw) {
        return name;
    }
    if raw.bytes().any(|c| c.is_ascii_uppercase()) {
        LocalName::from(raw.to_ascii_lowercase())
    } else {
        LocalName::from(raw)
    }
}

/// A value between quotes, from `start` (after the opening quote) to the closing `quote`;
/// returns it and the offset of the closing quote.
fn quoted_value(src: &Source<'_>, start: usize, quote: u8) -> Result<(StrTendril, usize), Bail> {
    let b = src.text.as_bytes();
    let mut out = Value::new(start);
    let mut i = start;
    loop {
        let p = i + memchr::memchr2(quote, b'&', b.get(i..).ok_or(Bail::END)?).ok_or(Bail::END)?;
        if b.get(p) == Some(&quote) {
            out.slice(src, i, p)?;
            return Ok((out.finish(src)?, p));
        }
        i = out.reference(src, i, p)?;
    }
}

/// A value without quotes, from `start` to the next space or `>`; returns it and where it ends.
fn unquoted_value(src: &Source<'_>, start: usize) -> Result<(StrTendril, usize), Bail> {
    let b = src.text.as_bytes();
    let mut out = Value::new(start);
    let mut i = start;
    loop {
        let mut p = i;
        while b
            .get(p)
            .is_some_and(|&c| !is_space(c) && c != b'>' && c != b'&')
        {
            p += 1;
        }
        match b.get(p) {
            None => return Err(Bail::END),
            Some(b'&') => i = out.reference(src, i, p)?,
            Some(_) => {
                out.slice(src, i, p)?;
                return Ok((out.finish(src)?, p));
            }
        }
    }
}

/// An attribute value being read: a span of the page until a character reference forces a copy.
struct Value {
    start: usize,
    end: usize,
    owned: Option<StrTendril>,
}

impl Value {
    fn new(start: usize) -> Self {
        Value {
            start,
            end: start,
            owned: None,
        }
    }

    /// Appends `text[from..to]`, which follows what was read so far.
    fn slice(&mut self, src: &Source<'_>, from: usize, to: usize) -> Result<(), Bail> {
        match &mut self.owned {
            Some(t) => t.push_slice(src.text.get(from..to).ok_or(Bail::END)?),
            None => self.end = to,
        }
        Ok(())
    }

    /// Reads the text before the `&` at `amp` and the reference there; returns where to go on.
    fn reference(&mut self, src: &Source<'_>, from: usize, amp: usize) -> Result<usize, Bail> {
        match charref::decode(src.text, amp, true) {
            Some((d, end)) => {
                self.slice(src, from, amp)?;
                let owned = self.owned(src)?;
                owned.push_char(d.first);
                if let Some(c) = d.second {
                    owned.push_char(c);
                }
                Ok(end)
            }
            None => {
                self.slice(src, from, amp + 1)?;
                Ok(amp + 1)
            }
        }
    }

    fn owned(&mut self, src: &Source<'_>) -> Result<&mut StrTendril, Bail> {
        if self.owned.is_none() {
            let read = src.text.get(self.start..self.end).ok_or(Bail::END)?;
            self.owned = Some(StrTendril::from_slice(read));
        }
        self.owned.as_mut().ok_or(Bail::END)
    }

    fn finish(self, src: &Source<'_>) -> Result<StrTendril, Bail> {
        match self.owned {
            Some(t) => Ok(t),
            None => src.slice(self.start, self.end),
        }
    }
}

/// The names most tags and attributes on news pages use, as the static atoms they intern to:
/// interning hashes the name and looks it up, which cost more than reading the whole tag.
fn common_name(raw: &str) -> Option<LocalName> {
    Some(match raw {
        "div" => local_name!("div"),
        "a" => local_name!("a"),
        "li" => local_name!("li"),
        "span" => local_name!("span"),
        "script" => local_name!("script"),
        "p" => local_name!("p"),
        "ul" => local_name!("ul"),
        "meta" => local_name!("meta"),
        "link" => local_name!("link"),
        "img" => local_name!("img"),
        "path" => local_name!("path"),
        "svg" => local_name!("svg"),
        "strong" => local_name!("strong"),
        "h4" => local_name!("h4"),
        "h3" => local_name!("h3"),
        "option" => local_name!("option"),
        "i" => local_name!("i"),
        "use" => local_name!("use"),
        "h2" => local_name!("h2"),
        "symbol" => local_name!("symbol"),
        "button" => local_name!("button"),
        "style" => local_name!("style"),
        "section" => local_name!("section"),
        "article" => local_name!("article"),
        "td" => local_name!("td"),
        "br" => local_name!("br"),
        "label" => local_name!("label"),
        "em" => local_name!("em"),
        "noscript" => local_name!("noscript"),
        "input" => local_name!("input"),
        "h5" => local_name!("h5"),
        "nav" => local_name!("nav"),
        "g" => local_name!("g"),
        "title" => local_name!("title"),
        "header" => local_name!("header"),
        "figure" => local_name!("figure"),
        "h1" => local_name!("h1"),
        "aside" => local_name!("aside"),
        "source" => local_name!("source"),
        "form" => local_name!("form"),
        "footer" => local_name!("footer"),
        "picture" => local_name!("picture"),
        "time" => local_name!("time"),
        "body" => local_name!("body"),
        "tr" => local_name!("tr"),
        "head" => local_name!("head"),
        "html" => local_name!("html"),
        "h6" => local_name!("h6"),
        "b" => local_name!("b"),
        "iframe" => local_name!("iframe"),
        "figcaption" => local_name!("figcaption"),
        "blockquote" => local_name!("blockquote"),
        "small" => local_name!("small"),
        "th" => local_name!("th"),
        "table" => local_name!("table"),
        "class" => local_name!("class"),
        "href" => local_name!("href"),
        "id" => local_name!("id"),
        "type" => local_name!("type"),
        "rel" => local_name!("rel"),
        "src" => local_name!("src"),
        "content" => local_name!("content"),
        "name" => local_name!("name"),
        "target" => local_name!("target"),
        "alt" => local_name!("alt"),
        "role" => local_name!("role"),
        "property" => local_name!("property"),
        "width" => local_name!("width"),
        "height" => local_name!("height"),
        "d" => local_name!("d"),
        "itemprop" => local_name!("itemprop"),
        "value" => local_name!("value"),
        "aria-label" => local_name!("aria-label"),
        "sizes" => local_name!("sizes"),
        "aria-hidden" => local_name!("aria-hidden"),
        "media" => local_name!("media"),
        "tabindex" => local_name!("tabindex"),
        "srcset" => local_name!("srcset"),
        "async" => local_name!("async"),
        "itemtype" => local_name!("itemtype"),
        "itemscope" => local_name!("itemscope"),
        "for" => local_name!("for"),
        "charset" => local_name!("charset"),
        "lang" => local_name!("lang"),
        "loading" => local_name!("loading"),
        _ => return None,
    })
}

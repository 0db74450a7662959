//! A tokenizer of our own in front of html5ever's tree builder.
//!
//! html5ever's tokenizer reads a page one char at a time through a queue of buffers and took
//! two thirds of the extraction time. This one finds the next `<` or `&` with `memchr`, hands
//! the text between over as one slice of the page (shared, not copied), and reads tags with a
//! byte loop. Its tokens go to html5ever's own [`TreeBuilder`], so tree construction (implied
//! and misnested tags, tables, foreign content, which the accuracy depends on) is html5ever's,
//! and the tree builder still switches this tokenizer into raw text, RCDATA and script data as
//! it switches its own.
//!
//! The tokens are html5ever's, up to how text is split into tokens (the tree builder joins
//! adjacent text) and the parse-error tokens (which no one reads). Whatever this tokenizer does
//! not read itself (NUL bytes, `<plaintext>`, CDATA sections in SVG or MathML, a bogus
//! doctype, markup cut off by the end of the page) makes it give up, and the
//! page is parsed by html5ever whole; so odd markup costs time, never a different tree.
//! `check` compares both tokenizers' tokens and trees, for the tests and a fuzz target.

mod charref;
#[doc(hidden)]
pub mod check;
mod markup;
mod script;
mod tag;

use std::borrow::Cow;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    CharacterTokens, CommentToken, DoctypeToken, EOFToken, ParseError, TagKind, TagToken, Token,
    TokenSink, TokenSinkResult,
};
use html5ever::tree_builder::{QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::LocalName;
use scraper::{Html, HtmlTreeSink};

/// This tokenizer does not read the page, for the reason given; html5ever's must.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bail(pub &'static str);

impl Bail {
    /// The end of the page inside a tag, comment, doctype or reference (or, which cannot
    /// happen, an offset off a char boundary).
    const END: Bail = Bail("markup cut off by the end of the page");
    const INPUT: Bail = Bail("a NUL byte, or a page over 4 GiB");
    const CDATA: Bail = Bail("a CDATA section in SVG or MathML");
    const PLAINTEXT: Bail = Bail("a plaintext element");
    const DOCTYPE: Bail = Bail("a doctype the standard calls bogus");
    const SINK: Bail = Bail("a token the tree builder answered unexpectedly");
}

/// Parses a page into scraper's tree: with this tokenizer, or html5ever's when it gives up.
pub(crate) fn parse(html: &str) -> Html {
    parse_fast(html).unwrap_or_else(|| Html::parse_document(html))
}

/// Parses a page with this tokenizer and html5ever's tree builder; `None` when it gave up.
#[doc(hidden)]
pub fn parse_fast(html: &str) -> Option<Html> {
    // The tree's arena sized once: a node per `<` is about right (start tags make elements,
    // end tags none, and text sits between tags), where growing it by doubling copied it
    // several times over.
    let nodes = memchr::memchr_iter(b'<', html.as_bytes()).count() + 16;
    let doc = Html {
        errors: Vec::new(),
        quirks_mode: QuirksMode::NoQuirks,
        tree: ego_tree::Tree::with_capacity(scraper::Node::Document, nodes),
    };
    let builder = TreeBuilder::new(HtmlTreeSink::new(doc), TreeBuilderOpts::default());
    run(html, &builder).ok()?;
    Some(builder.sink.finish())
}

/// The page as the tokenizer reads it, and the same text as one shared tendril that text and
/// attribute tokens are cut from without copying.
pub(crate) struct Source<'a> {
    text: &'a str,
    whole: StrTendril,
}

impl Source<'_> {
    /// `text[from..to]` as a tendril sharing the page's buffer.
    fn slice(&self, from: usize, to: usize) -> Result<StrTendril, Bail> {
        let text = self.text.get(from..to).ok_or(Bail::END)?;
        if text.len() <= INLINE {
            // Short text is stored inline in the tendril anyway: copying it skips the checks
            // a shared slice makes.
            return Ok(StrTendril::from_slice(text));
        }
        let offset = u32::try_from(from).map_err(|_| Bail::END)?;
        let len = u32::try_from(to.checked_sub(from).ok_or(Bail::END)?).map_err(|_| Bail::END)?;
        self.whole
            .try_subtendril(offset, len)
            .map_err(|_| Bail::END)
    }
}

/// The longest text a tendril holds inline, without a buffer of its own.
const INLINE: usize = 8;

/// HTML's whitespace.
fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Where the tokenizer is: in ordinary content, or inside an element the tree builder said
/// holds raw text, up to that element's end tag.
enum Mode {
    Data,
    Raw(RawKind),
}

/// Tokenizes `html` into `sink` (the tokens of the whole page, then the end), or gives up.
pub(crate) fn run<S: TokenSink>(html: &str, sink: &S) -> Result<(), Bail> {
    let bytes = html.as_bytes();
    if memchr::memchr(0, bytes).is_some() || u32::try_from(bytes.len()).is_err() {
        return Err(Bail::INPUT);
    }
    // The input stream's preprocessing: a leading byte-order mark goes, CR LF and lone CR
    // become LF, before any tokenizer state sees them.
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    let text: Cow<'_, str> = if memchr::memchr(b'\r', html.as_bytes()).is_some() {
        Cow::Owned(html.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(html)
    };
    let src = Source {
        text: &text,
        whole: StrTendril::from_slice(&text),
    };
    Tokenizer {
        src: &src,
        sink,
        pending: Pending::default(),
        last_start: None,
    }
    .run()
}

struct Tokenizer<'a, S> {
    src: &'a Source<'a>,
    sink: &'a S,
    /// Text read but not yet handed over.
    pending: Pending,
    /// The name of the last start tag, which ends raw text.
    last_start: Option<LocalName>,
}

impl<S: TokenSink> Tokenizer<'_, S> {
    fn run(mut self) -> Result<(), Bail> {
        let b = self.src.text.as_bytes();
        let mut mode = Mode::Data;
        let mut i = 0;
        while i < b.len() {
            (mode, i) = match mode {
                Mode::Data => self.data(i)?,
                Mode::Raw(kind) => (Mode::Data, self.raw(kind, i)?),
            };
        }
        self.flush()?;
        self.emit(EOFToken)?;
        self.sink.end();
        Ok(())
    }

    /// Reads content from `i` to the next markup and the markup; returns the mode after it and
    /// where to go on.
    fn data(&mut self, i: usize) -> Result<(Mode, usize), Bail> {
        let src = self.src;
        let b = src.text.as_bytes();
        let Some(p) = memchr::memchr2(b'<', b'&', b.get(i..).ok_or(Bail::END)?).map(|p| p + i)
        else {
            self.pending.slice(src, i, b.len())?;
            return Ok((Mode::Data, b.len()));
        };
        self.pending.slice(src, i, p)?;
        if b.get(p) == Some(&b'&') {
            return Ok((Mode::Data, self.reference(p)?));
        }
        match b.get(p + 1) {
            Some(c) if c.is_ascii_alphabetic() => {
                let (tag, end) = tag::read(src, p + 1, TagKind::StartTag)?;
                self.last_start = Some(tag.name.clone());
                self.tag(tag, end)
            }
            Some(b'/') => match b.get(p + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (tag, end) = tag::read(src, p + 2, TagKind::EndTag)?;
                    self.tag(tag, end)
                }
                // `</>` is dropped, with a parse error that (after `<pre>`) uses up the
                // newline skip as any token does.
                Some(b'>') => self.token(ParseError(Cow::Borrowed("empty end tag")), p + 3),
                Some(_) => {
                    let (text, end) = markup::bogus_comment(src, p + 2)?;
                    self.token(CommentToken(text), end)
                }
                // At the end of the page, `</` is text.
                None => {
                    self.pending.slice(src, p, p + 2)?;
                    Ok((Mode::Data, p + 2))
                }
            },
            Some(b'!') => {
                if b.get(p + 2..p + 4) == Some(b"--") {
                    let (text, end) = markup::comment(src, p + 4)?;
                    self.token(CommentToken(text), end)
                } else if b
                    .get(p + 2..p + 9)
                    .is_some_and(|k| k.eq_ignore_ascii_case(b"doctype"))
                {
                    let (doctype, end) = markup::doctype(src, p + 9)?;
                    self.token(DoctypeToken(doctype), end)
                } else if b.get(p + 2..p + 9) == Some(b"[CDATA[")
                    && self
                        .sink
                        .adjusted_current_node_present_but_not_in_html_namespace()
                {
                    // A CDATA section in SVG or MathML (elsewhere it is a bogus comment).
                    Err(Bail::CDATA)
                } else {
                    let (text, end) = markup::bogus_comment(src, p + 2)?;
                    self.token(CommentToken(text), end)
                }
            }
            Some(b'?') => {
                let (text, end) = markup::bogus_comment(src, p + 1)?;
                self.token(CommentToken(text), end)
            }
            // A `<` that opens nothing is text.
            _ => {
                self.pending.slice(src, p, p + 1)?;
                Ok((Mode::Data, p + 1))
            }
        }
    }

    /// Reads the character reference at `amp` into the pending text; returns where to go on.
    fn reference(&mut self, amp: usize) -> Result<usize, Bail> {
        match charref::decode(self.src.text, amp, false) {
            Some((d, end)) => {
                if d.error {
                    // html5ever reports the error before the text, and an error token is a
                    // token: after `<pre>` it uses up the newline skip, so `<pre>&#10` keeps
                    // its newline.
                    self.flush()?;
                    self.emit(ParseError(Cow::Borrowed("character reference")))?;
                }
                self.pending.push_char(self.src, d.first)?;
                if let Some(c) = d.second {
                    self.pending.push_char(self.src, c)?;
                }
                Ok(end)
            }
            None => {
                self.pending.slice(self.src, amp, amp + 1)?;
                Ok(amp + 1)
            }
        }
    }

    /// Hands a tag to the tree builder and follows its answer.
    fn tag(&mut self, tag: html5ever::tokenizer::Tag, end: usize) -> Result<(Mode, usize), Bail> {
        self.flush()?;
        match self.sink.process_token(TagToken(tag), 1) {
            TokenSinkResult::Continue => Ok((Mode::Data, end)),
            TokenSinkResult::RawData(kind) => Ok((Mode::Raw(kind), end)),
            // After a script's end tag html5ever's driver feeds the rest of the page again,
            // and its tokenizer drops a byte-order mark at the start of every feed.
            TokenSinkResult::Script(_) => {
                let rest = self.src.text.get(end..).ok_or(Bail::END)?;
                let skip = if rest.starts_with('\u{feff}') { 3 } else { 0 };
                Ok((Mode::Data, end + skip))
            }
            TokenSinkResult::Plaintext => Err(Bail::PLAINTEXT),
        }
    }

    /// Hands over a token after the pending text.
    fn token(&mut self, token: Token, end: usize) -> Result<(Mode, usize), Bail> {
        self.flush()?;
        self.emit(token)?;
        Ok((Mode::Data, end))
    }

    /// Hands over a token the tree builder can only take and go on.
    fn emit(&self, token: Token) -> Result<(), Bail> {
        match self.sink.process_token(token, 1) {
            TokenSinkResult::Continue => Ok(()),
            _ => Err(Bail::SINK),
        }
    }

    fn flush(&mut self) -> Result<(), Bail> {
        match self.pending.take(self.src)? {
            Some(text) => self.emit(CharacterTokens(text)),
            None => Ok(()),
        }
    }

    /// Reads raw text, RCDATA or script data from `i` to the end tag of the element that holds
    /// it, and that end tag; returns where to go on.
    fn raw(&mut self, kind: RawKind, i: usize) -> Result<usize, Bail> {
        let src = self.src;
        let b = src.text.as_bytes();
        let name = self.last_start.clone().ok_or(Bail::SINK)?;
        let name = name.as_bytes();
        let end_tag = match kind {
            RawKind::ScriptData => script::end(b, i, name),
            _ => {
                let mut from = i;
                loop {
                    match memchr::memchr(b'<', b.get(from..).ok_or(Bail::END)?) {
                        Some(p) if script::is_end_tag(b, from + p, name) => break Some(from + p),
                        Some(p) => from += p + 1,
                        None => break None,
                    }
                }
            }
        };
        let text_end = end_tag.unwrap_or(b.len());
        if matches!(kind, RawKind::Rcdata) {
            // RCDATA decodes character references (none can reach past the `<`).
            let mut from = i;
            while let Some(p) = memchr::memchr(b'&', b.get(from..text_end).ok_or(Bail::END)?) {
                self.pending.slice(src, from, from + p)?;
                from = self.reference(from + p)?;
            }
            self.pending.slice(src, from, text_end)?;
        } else {
            self.pending.slice(src, i, text_end)?;
        }
        let Some(lt) = end_tag else {
            return Ok(b.len());
        };
        let (tag, end) = tag::read(src, lt + 2, TagKind::EndTag)?;
        match self.tag(tag, end)? {
            (Mode::Data, end) => Ok(end),
            // A raw-text end tag never opens raw text again.
            (Mode::Raw(_), _) => Err(Bail::SINK),
        }
    }
}

/// Text read and not yet handed over: a span of the page, copied out only once a character
/// reference is decoded into it.
#[derive(Default)]
struct Pending {
    start: usize,
    end: usize,
    owned: Option<StrTendril>,
}

impl Pending {
    /// Appends `text[from..to]`.
    fn slice(&mut self, src: &Source<'_>, from: usize, to: usize) -> Result<(), Bail> {
        if from == to {
            return Ok(());
        }
        match &mut self.owned {
            Some(t) => t.push_slice(src.text.get(from..to).ok_or(Bail::END)?),
            None if self.start == self.end => (self.start, self.end) = (from, to),
            None if self.end == from => self.end = to,
            None => {
                let mut t =
                    StrTendril::from_slice(src.text.get(self.start..self.end).ok_or(Bail::END)?);
                t.push_slice(src.text.get(from..to).ok_or(Bail::END)?);
                self.owned = Some(t);
            }
        }
        Ok(())
    }

    fn push_char(&mut self, src: &Source<'_>, c: char) -> Result<(), Bail> {
        if self.owned.is_none() {
            let read = src.text.get(self.start..self.end).ok_or(Bail::END)?;
            self.owned = Some(StrTendril::from_slice(read));
        }
        if let Some(t) = &mut self.owned {
            t.push_char(c);
        }
        Ok(())
    }

    /// The text read so far, if any, and an empty run after it.
    fn take(&mut self, src: &Source<'_>) -> Result<Option<StrTendril>, Bail> {
        let text = match self.owned.take() {
            Some(t) => Some(t),
            None if self.start < self.end => Some(src.slice(self.start, self.end)?),
            None => None,
        };
        self.start = 0;
        self.end = 0;
        Ok(text.filter(|t| !t.is_empty()))
    }
}

//! The check that this tokenizer is html5ever's: both run on the same page, each in front of
//! its own html5ever tree builder, and their tokens and the trees built from them are compared.
//! For the differential tests and the fuzz target; nothing in extraction calls it.

use std::cell::RefCell;
use std::fmt::Write as _;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, CommentToken, DoctypeToken, EOFToken, NullCharacterToken,
    ParseError, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    TokenizerResult,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use scraper::{Html, HtmlTreeSink, Node};

/// How the two tokenizers compared on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    /// Same tokens (text joined, parse errors left out) and the same tree.
    Same,
    /// This tokenizer gave up, for the reason given, so the page is parsed by html5ever alone.
    GaveUp(&'static str),
}

/// Runs both tokenizers on `html`; an `Err` describes the first difference.
pub fn compare(html: &str) -> Result<Agreement, String> {
    let theirs = Recorder::new();
    let tokenizer = Tokenizer::new(&theirs, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    while let TokenizerResult::Script(_) = tokenizer.feed(&queue) {}
    tokenizer.end();

    let ours = Recorder::new();
    if let Err(bail) = super::run(html, &&ours) {
        return Ok(Agreement::GaveUp(bail.0));
    }
    let (their_tokens, their_tree) = theirs.finish();
    let (our_tokens, our_tree) = ours.finish();
    if let Some(at) = (0..their_tokens.len().max(our_tokens.len()))
        .find(|&k| their_tokens.get(k) != our_tokens.get(k))
    {
        return Err(format!(
            "token {at} differs: html5ever {:?}, ours {:?}",
            their_tokens.get(at),
            our_tokens.get(at)
        ));
    }
    if their_tree != our_tree {
        return Err(format!(
            "trees differ:\n--- html5ever\n{their_tree}\n--- ours\n{our_tree}"
        ));
    }
    Ok(Agreement::Same)
}

/// A tree builder that also keeps a copy of every token it is given.
struct Recorder {
    builder: TreeBuilder<ego_tree::NodeId, HtmlTreeSink>,
    tokens: RefCell<Vec<Token>>,
}

impl Recorder {
    fn new() -> Self {
        Recorder {
            builder: TreeBuilder::new(
                HtmlTreeSink::new(Html::new_document()),
                TreeBuilderOpts::default(),
            ),
            tokens: RefCell::new(Vec::new()),
        }
    }

    /// The tokens, adjacent text joined and parse errors dropped, and the tree as text.
    fn finish(self) -> (Vec<Token>, String) {
        let mut tokens: Vec<Token> = Vec::new();
        for token in self.tokens.into_inner() {
            match (tokens.last_mut(), token) {
                (_, ParseError(_)) => {}
                (Some(CharacterTokens(prev)), CharacterTokens(t)) => prev.push_tendril(&t),
                (_, t) => tokens.push(t),
            }
        }
        (tokens, describe(&self.builder.sink.finish()))
    }
}

impl TokenSink for &Recorder {
    type Handle = ego_tree::NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Self::Handle> {
        self.tokens.borrow_mut().push(copy(&token));
        self.builder.process_token(token, line)
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// `Token` is not `Clone`; its parts are.
fn copy(token: &Token) -> Token {
    match token {
        DoctypeToken(d) => DoctypeToken(d.clone()),
        TagToken(t) => TagToken(t.clone()),
        CommentToken(c) => CommentToken(c.clone()),
        CharacterTokens(c) => CharacterTokens(c.clone()),
        NullCharacterToken => NullCharacterToken,
        EOFToken => EOFToken,
        ParseError(e) => ParseError(e.clone()),
    }
}

/// The tree as indented lines: every node, element names with their namespace, attributes in
/// name order, text and comments quoted, and the quirks mode.
fn describe(doc: &Html) -> String {
    let mut out = format!("quirks {:?}\n", doc.quirks_mode);
    let mut depth = 0usize;
    for edge in doc.tree.root().traverse() {
        let node = match edge {
            ego_tree::iter::Edge::Open(node) => node,
            ego_tree::iter::Edge::Close(_) => {
                depth = depth.saturating_sub(1);
                continue;
            }
        };
        out.push_str(&"  ".repeat(depth));
        depth += 1;
        let _ = match node.value() {
            Node::Document => writeln!(out, "#document"),
            Node::Fragment => writeln!(out, "#fragment"),
            Node::Doctype(d) => writeln!(
                out,
                "<!DOCTYPE {:?} {:?} {:?}>",
                &*d.name, &*d.public_id, &*d.system_id
            ),
            Node::Comment(c) => writeln!(out, "<!-- {:?} -->", &**c),
            Node::Text(t) => writeln!(out, "{:?}", &**t),
            Node::Element(e) => {
                let mut attrs: Vec<String> = e
                    .attrs
                    .iter()
                    .map(|(n, v)| format!("{}:{}={:?}", &*n.ns, &*n.local, &**v))
                    .collect();
                attrs.sort();
                writeln!(
                    out,
                    "<{}:{} {}>",
                    &*e.name.ns,
                    &*e.name.local,
                    attrs.join(" ")
                )
            }
            Node::ProcessingInstruction(p) => writeln!(out, "<?{:?} {:?}>", &*p.target, &*p.data),
        };
    }
    out
}

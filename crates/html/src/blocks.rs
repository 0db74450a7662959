//! The page as a flat list of text blocks (paragraph-level runs of text) in document order,
//! with what every element spans, and what markup classified as furniture or caption.
//!
//! Two iterative passes over the DOM: the first measures each element's text, the second
//! classifies elements (which needs the page's total text to judge size) and cuts blocks.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use parallax_model::RemovedKind;
use scraper::Node;

use crate::dom::{char_len, is_block_tag, is_dropped_tag, is_heading, Attrs, NodeMap};
use crate::hints::{hint, Hint};

/// A paragraph-level run of text.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// The nearest block-level element holding the text.
    pub owner: NodeId,
    /// That element's tag.
    pub tag: String,
    /// Text with whitespace collapsed.
    pub text: String,
    /// Characters of `text`.
    pub chars: usize,
    /// Characters inside links.
    pub link_chars: usize,
    /// Inside a list item.
    pub in_list: bool,
}

/// Something the walk set aside rather than cut into blocks.
#[derive(Debug, Clone)]
pub(crate) struct SetAside {
    /// Caption, or a kind of removed text.
    pub kind: Option<RemovedKind>,
    /// Collapsed text.
    pub text: String,
    /// Number of blocks cut before it: places it among the blocks.
    pub at: usize,
}

/// Blocks of a page, with the block range each element spans.
#[derive(Debug, Default)]
pub(crate) struct Blocks {
    /// In document order.
    pub blocks: Vec<Block>,
    /// Element → half-open range of indexes into `blocks` cut inside it.
    pub spans: NodeMap<(usize, usize)>,
    /// Class weight from markup hints, per element that has one.
    pub weights: NodeMap<f64>,
    /// Captions (kind `None`) and furniture, in document order.
    pub set_aside: Vec<SetAside>,
}

/// How the second pass treats an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Walk into it.
    Keep,
    /// Skip silently (scripts, hidden markup).
    Skip,
    /// Skip and record as removed furniture.
    Furniture,
    /// Skip and record as a caption.
    Caption,
}

/// What the first pass measures per element.
#[derive(Debug, Clone, Copy, Default)]
struct Size {
    /// Non-space characters of visible text.
    chars: usize,
    /// Paragraphs (`p`) of at least [`PROSE_CHARS`] characters, a sign of article text.
    paras: usize,
}

/// Shortest `p` counted as a prose paragraph.
const PROSE_CHARS: usize = 100;

/// Visible text per element, from a first pass.
pub(crate) struct Sizes(NodeMap<Size>);

/// Measures the visible text of every element under `root`, in one pass.
pub(crate) fn measure(root: NodeRef<'_, Node>) -> Sizes {
    let mut sizes = NodeMap::default();
    // Open elements: (id, is a `p`, size so far).
    let mut stack: Vec<(NodeId, bool, Size)> = Vec::new();
    let mut skipping: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        if is_dropped_tag(el.name()) {
                            skipping = Some(node.id());
                        } else {
                            stack.push((node.id(), el.name() == "p", Size::default()));
                        }
                    }
                    Node::Text(t) => {
                        let chars = non_space_chars(&t.text);
                        if let Some((_, in_p, top)) = stack.last_mut() {
                            top.chars += chars;
                            // Text set with `<br>` rather than `<p>` is prose too.
                            if !*in_p && chars >= PROSE_CHARS {
                                top.paras += 1;
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() || !node.value().is_element() {
                    continue;
                }
                if let Some((id, is_p, mut size)) = stack.pop() {
                    if is_p && size.chars >= PROSE_CHARS {
                        size.paras += 1;
                    }
                    sizes.insert(id, size);
                    if let Some((_, _, parent)) = stack.last_mut() {
                        parent.chars += size.chars;
                        parent.paras += size.paras;
                    }
                }
            }
        }
    }
    Sizes(sizes)
}

/// Characters of `text` that are not whitespace.
fn non_space_chars(text: &str) -> usize {
    if text.is_ascii() {
        text.bytes()
            .filter(|b| !b.is_ascii_whitespace() && *b != 0x0b)
            .count()
    } else {
        text.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// Classifies an element; `scratch` is a reusable buffer for its class and id.
fn classify(
    node: NodeRef<'_, Node>,
    size: Size,
    hints: bool,
    scratch: &mut String,
) -> (Class, f64) {
    let Node::Element(el) = node.value() else {
        return (Class::Keep, 0.0);
    };
    let tag = el.name();
    if is_dropped_tag(tag) {
        return (Class::Skip, 0.0);
    }
    let attrs = Attrs::of(el);
    if attrs.is_hidden(tag) {
        return (Class::Skip, 0.0);
    }
    if matches!(tag, "body" | "html") {
        return (Class::Keep, 0.0);
    }
    // Furniture rarely holds several paragraphs of prose; a wrapper named `sidebar-layout`
    // or an article tagged `tag-review` does, and must not be dropped for its name.
    let prose = size.paras >= 3;
    match tag {
        "nav" | "aside" if !prose => return (Class::Furniture, 0.0),
        "footer" | "header" if !prose => return (Class::Furniture, 0.0),
        "figcaption" => return (Class::Caption, 0.0),
        "figure" if size.paras == 0 && size.chars < 600 => return (Class::Caption, 0.0),
        _ => {}
    }
    if !hints {
        return (Class::Keep, 0.0);
    }
    attrs.class_and_id(scratch);
    let class_id = scratch.as_str();
    let container = matches!(tag, "article" | "main");
    match hint(class_id, attrs.role, attrs.itemprop) {
        Hint::Content => (Class::Keep, 25.0),
        Hint::Caption if size.paras <= 2 && size.chars < 800 => (Class::Caption, 0.0),
        Hint::Furniture if container => (Class::Keep, 0.0),
        Hint::Furniture if !prose || class_id.contains("comment") => (Class::Furniture, -25.0),
        Hint::Furniture => (Class::Keep, -25.0),
        _ => (Class::Keep, 0.0),
    }
}

/// Cuts the page under `root` into blocks. With `hints` off, class and id names are ignored
/// (the retry for pages whose article sits in an element named like furniture).
pub(crate) fn cut(root: NodeRef<'_, Node>, sizes: &Sizes, hints: bool) -> Blocks {
    let mut out = Blocks::default();
    let mut scratch = String::new();
    let mut cutter = Cutter::default();
    // Open elements: (id, block index at open, is block-level).
    let mut open: Vec<(NodeId, usize)> = Vec::new();
    let mut skipping: Option<(NodeId, Class)> = None;
    let mut aside_text = String::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if let Some((_, class)) = skipping {
                    if let Node::Text(t) = node.value() {
                        let in_code = node
                            .parent()
                            .and_then(|p| p.value().as_element().map(|e| is_dropped_tag(e.name())))
                            .unwrap_or(false);
                        if class != Class::Skip && !in_code {
                            crate::dom::push_collapsed(&mut aside_text, t);
                        }
                    } else if let Node::Element(el) = node.value() {
                        if is_block_tag(el.name()) && !aside_text.ends_with(' ') {
                            aside_text.push(' ');
                        }
                    }
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let size = sizes.0.get(&node.id()).copied().unwrap_or_default();
                        let (class, weight) = classify(node, size, hints, &mut scratch);
                        if weight != 0.0 {
                            out.weights.insert(node.id(), weight);
                        }
                        if class != Class::Keep {
                            cutter.flush(&mut out.blocks);
                            skipping = Some((node.id(), class));
                            aside_text.clear();
                            continue;
                        }
                        let tag = el.name();
                        if is_block_tag(tag) {
                            cutter.flush(&mut out.blocks);
                            if tag != "br" && tag != "hr" {
                                cutter.owners.push((node.id(), tag.to_string()));
                            }
                        }
                        if tag == "a" {
                            cutter.link_depth += 1;
                        }
                        if tag == "li" {
                            cutter.list_depth += 1;
                        }
                        open.push((node.id(), out.blocks.len()));
                    }
                    Node::Text(t) => cutter.push(t),
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some((id, class)) = skipping {
                    if id == node.id() {
                        skipping = None;
                        let text = aside_text.trim();
                        if !text.is_empty() {
                            let kind = match class {
                                Class::Caption => None,
                                _ => Some(RemovedKind::Boilerplate),
                            };
                            if class != Class::Skip {
                                out.set_aside.push(SetAside {
                                    kind,
                                    text: text.to_string(),
                                    at: out.blocks.len(),
                                });
                            }
                        }
                        aside_text.clear();
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let tag = el.name();
                if is_block_tag(tag) {
                    cutter.flush(&mut out.blocks);
                    if tag != "br" && tag != "hr" {
                        cutter.owners.pop();
                    }
                }
                if tag == "a" {
                    cutter.link_depth = cutter.link_depth.saturating_sub(1);
                }
                if tag == "li" {
                    cutter.list_depth = cutter.list_depth.saturating_sub(1);
                }
                if let Some((id, start)) = open.pop() {
                    out.spans.insert(id, (start, out.blocks.len()));
                }
            }
        }
    }
    cutter.flush(&mut out.blocks);
    out
}

/// The block being built.
#[derive(Default)]
struct Cutter {
    owners: Vec<(NodeId, String)>,
    text: String,
    link_chars: usize,
    link_depth: usize,
    list_depth: usize,
}

impl Cutter {
    fn push(&mut self, text: &str) {
        let added = crate::dom::push_collapsed(&mut self.text, text);
        if self.link_depth > 0 {
            self.link_chars += added;
        }
    }

    fn flush(&mut self, blocks: &mut Vec<Block>) {
        let text = self.text.trim();
        if !text.is_empty() {
            if let Some((owner, tag)) = self.owners.last() {
                let chars = char_len(text);
                blocks.push(Block {
                    owner: *owner,
                    tag: tag.clone(),
                    text: text.to_string(),
                    chars,
                    link_chars: self.link_chars.min(chars),
                    in_list: self.list_depth > 0,
                });
            }
        }
        self.text.clear();
        self.link_chars = 0;
    }
}

/// Whether a block is a heading.
pub(crate) fn block_is_heading(b: &Block) -> bool {
    is_heading(&b.tag)
}

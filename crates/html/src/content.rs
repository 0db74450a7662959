//! Finding the article among the blocks: readability-style scoring picks the element that holds
//! the densest run of prose, sibling elements that read like the same article join it, and a
//! recall pass then drops link lists and furniture left inside.

use ego_tree::{NodeId, NodeRef};
use parallax_model::{Removed, RemovedKind};
use scraper::Node;

use crate::blocks::{block_is_heading, cut, measure, Block, Blocks, Sizes};
use crate::dom::NodeMap;

/// The article part of a page.
#[derive(Debug, Default)]
pub(crate) struct Content {
    /// Paragraphs in order.
    pub paragraphs: Vec<String>,
    /// Captions found inside the article.
    pub captions: Vec<String>,
    /// Furniture found inside the article and dropped.
    pub removed: Vec<Removed>,
    /// Characters in `paragraphs`.
    pub chars: usize,
}

/// Shortest block that counts as prose when scoring.
const MIN_SCORED_CHARS: usize = 25;

/// Score of one block as evidence of prose: longer and comma-rich text scores higher.
fn block_score(b: &Block) -> f64 {
    let commas = b
        .text
        .chars()
        .filter(|c| matches!(c, ',' | '\u{ff0c}' | '\u{3001}' | '\u{060c}'))
        .count();
    1.0 + commas as f64 + (b.chars as f64 / 100.0).min(3.0)
}

/// Prior on an element from its tag, as readability does: containers of prose up, list and
/// heading elements down.
fn tag_prior(tag: &str) -> f64 {
    match tag {
        "div" | "article" | "section" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn tag_of<'a>(node: &NodeRef<'a, Node>) -> &'a str {
    match node.value() {
        Node::Element(el) => el.name(),
        _ => "",
    }
}

/// Text and link characters of a block range, from prefix sums.
struct Sums {
    chars: Vec<usize>,
    links: Vec<usize>,
}

impl Sums {
    fn new(blocks: &[Block]) -> Sums {
        let mut chars = Vec::with_capacity(blocks.len() + 1);
        let mut links = Vec::with_capacity(blocks.len() + 1);
        let (mut c, mut l) = (0, 0);
        chars.push(0);
        links.push(0);
        for b in blocks {
            c += b.chars;
            l += b.link_chars;
            chars.push(c);
            links.push(l);
        }
        Sums { chars, links }
    }

    fn range(&self, (s, e): (usize, usize)) -> (usize, usize) {
        let get = |v: &Vec<usize>, i: usize| v.get(i).copied().unwrap_or(0);
        (
            get(&self.chars, e).saturating_sub(get(&self.chars, s)),
            get(&self.links, e).saturating_sub(get(&self.links, s)),
        )
    }

    fn link_density(&self, span: (usize, usize)) -> f64 {
        let (c, l) = self.range(span);
        if c == 0 {
            1.0
        } else {
            l as f64 / c as f64
        }
    }
}

/// Extracts the article from the page whose body (or root) is `root`.
pub(crate) fn extract(root: NodeRef<'_, Node>, title: Option<&str>) -> Content {
    let sizes = measure(root);
    let first = extract_with(root, &sizes, title, true);
    if first.chars >= RETRY_BELOW_CHARS {
        return first;
    }
    // Too little text: the article may sit in an element named like furniture (a blog's
    // `widget`), so try again trusting tags only, and keep the longer result.
    let second = extract_with(root, &sizes, title, false);
    if second.chars > first.chars {
        second
    } else {
        first
    }
}

/// Below this many characters of text, extraction is retried without class and id hints.
const RETRY_BELOW_CHARS: usize = 250;

fn extract_with(
    root: NodeRef<'_, Node>,
    sizes: &Sizes,
    title: Option<&str>,
    hints: bool,
) -> Content {
    let page = cut(root, sizes, hints);
    let sums = Sums::new(&page.blocks);
    let tree = root.tree();

    // Readability's scoring: each prose block credits its parent fully, its grandparent by
    // half, and further ancestors less, so the element holding most prose wins.
    let mut scores: NodeMap<f64> = NodeMap::default();
    for b in &page.blocks {
        if b.chars < MIN_SCORED_CHARS || b.in_list || block_is_heading(b) {
            continue;
        }
        let score = block_score(b);
        let Some(owner) = tree.get(b.owner) else {
            continue;
        };
        // Text directly in a container counts for the container itself.
        let first = if matches!(b.tag.as_str(), "p" | "pre" | "blockquote" | "td" | "dd") {
            owner.parent()
        } else {
            Some(owner)
        };
        let mut level = 0usize;
        let mut cur = first;
        while let Some(node) = cur {
            if level >= 5 || !node.value().is_element() {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            let entry = scores.entry(node.id()).or_insert_with(|| {
                tag_prior(tag_of(&node)) + page.weights.get(&node.id()).copied().unwrap_or(0.0)
            });
            *entry += score / divider;
            level += 1;
            cur = node.parent();
        }
    }
    let final_score = |id: &NodeId, s: f64| {
        let span = page.spans.get(id).copied().unwrap_or((0, 0));
        s * (1.0 - sums.link_density(span))
    };
    let best = scores
        .iter()
        .map(|(id, s)| (*id, final_score(id, *s)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)));

    let selected: Vec<(usize, usize)> = match best {
        Some((id, score)) => select(&page, &sums, &scores, id, score, root),
        None => vec![(0, page.blocks.len())],
    };
    assemble(&page, &selected, title)
}

/// From the top candidate, climbs to an ancestor that clearly holds more of the article, then
/// adds siblings that read like the same article. Returns block ranges in document order.
fn select(
    page: &Blocks,
    sums: &Sums,
    scores: &NodeMap<f64>,
    top: NodeId,
    top_score: f64,
    root: NodeRef<'_, Node>,
) -> Vec<(usize, usize)> {
    let tree = root.tree();
    let Some(mut top_node) = tree.get(top) else {
        return Vec::new();
    };
    let mut top_score = top_score;
    // Climb while the parent scores well: articles split into several scored sections.
    let threshold = top_score / 3.0;
    let mut last = top_score;
    let mut cur = top_node.parent();
    while let Some(parent) = cur {
        if parent.id() == root.id() || !parent.value().is_element() {
            break;
        }
        if let Some(&s) = scores.get(&parent.id()) {
            if s < threshold {
                break;
            }
            if s > last {
                top_node = parent;
                top_score = s;
                break;
            }
            last = s;
        }
        cur = parent.parent();
    }
    let span_of = |id: NodeId| page.spans.get(&id).copied().unwrap_or((0, 0));
    let sibling_threshold = (top_score * 0.2).max(10.0);
    let mut out = vec![span_of(top_node.id())];
    // Siblings that read like the same article join it; looking two levels up catches
    // articles cut into chunks with ad rails between them.
    let mut node = top_node;
    for _ in 0..SIBLING_LEVELS {
        let Some(parent) = node.parent() else { break };
        if parent.id() == root.id() {
            break;
        }
        for sib in parent.children() {
            if sib.id() == node.id() || !sib.value().is_element() {
                continue;
            }
            let span = span_of(sib.id());
            if span.0 == span.1 {
                continue;
            }
            let score = scores.get(&sib.id()).copied().unwrap_or(0.0);
            let (chars, _) = sums.range(span);
            let density = sums.link_density(span);
            let prose_like = tag_of(&sib) == "p"
                && ((chars > 80 && density < 0.25) || (chars > 0 && density == 0.0 && chars <= 80));
            if score * (1.0 - density) >= sibling_threshold || prose_like {
                out.push(span);
            }
        }
        node = parent;
    }
    out.sort_unstable();
    out
}

/// How many ancestors of the chosen element have their siblings considered.
const SIBLING_LEVELS: usize = 3;

/// Whether a block inside the article is furniture rather than article text.
fn is_furniture(b: &Block) -> bool {
    let density = if b.chars == 0 {
        1.0
    } else {
        b.link_chars as f64 / b.chars as f64
    };
    if density > 0.6 && !block_is_heading(b) {
        return true;
    }
    // Link lists ("Related", "More from") are items made mostly of links.
    b.in_list && density > 0.5
}

/// Whether a heading repeats the headline (allowing for a site name the title still carries).
fn is_title(heading: &str, title: &str) -> bool {
    !heading.is_empty()
        && (heading == title || (heading.chars().count() >= 15 && title.starts_with(heading)))
}

fn normalized(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Turns the selected block ranges into paragraphs, captions and removed furniture.
fn assemble(page: &Blocks, selected: &[(usize, usize)], title: Option<&str>) -> Content {
    let mut content = Content::default();
    let title_key = title.map(normalized).unwrap_or_default();
    let inside = |at: usize| selected.iter().any(|&(s, e)| at >= s && at <= e && s < e);
    for &(s, e) in selected {
        for b in page.blocks.get(s..e).unwrap_or(&[]) {
            if b.tag == "h1" && is_title(&normalized(&b.text), &title_key) {
                content
                    .removed
                    .push(removed(RemovedKind::Metadata, &b.text));
            } else if !b.text.chars().any(char::is_alphanumeric) {
                // Icons and separators ("‹ › ×"), zero-width spaces: not text.
                continue;
            } else if is_furniture(b) {
                content
                    .removed
                    .push(removed(RemovedKind::Boilerplate, &b.text));
            } else {
                content.chars += b.chars;
                content.paragraphs.push(b.text.clone());
            }
        }
    }
    for aside in &page.set_aside {
        if !inside(aside.at) {
            continue;
        }
        match aside.kind {
            None => content.captions.push(aside.text.clone()),
            Some(kind) => content.removed.push(removed(kind, &aside.text)),
        }
    }
    content
}

fn removed(kind: RemovedKind, text: &str) -> Removed {
    Removed {
        kind,
        text: text.to_string(),
        source_start: None,
    }
}

//! From kept lines to paragraphs: inline markup is taken out, hard-wrapped lines and paragraphs
//! broken mid-sentence are joined, and the text is written with its source map.
//!
//! Joining rules:
//! - inside a block of consecutive lines, a line joins the next when the sentence plainly goes
//!   on (no terminal punctuation and a lower-case start), or when the block is hard-wrapped
//!   (the line is at least 60% as long as the block's longest line; at widths over 100
//!   characters only when it also lacks terminal punctuation, since long lines are paragraphs);
//! - across blocks, a paragraph that ends without terminal punctuation joins a next paragraph
//!   that starts in lower case;
//! - a word hyphenated over a line break is joined without a space (the hyphen stays).

use parallax_model::{Removed, SourceMap};

use super::classify::Item;
use super::emit::Emitter;
use super::inline;
use super::lines::Line;

/// Longest line width (in characters) at which single newlines are taken for hard wrapping.
const MAX_WRAP_WIDTH: usize = 100;

/// A kept line after inline cleaning.
#[derive(Debug, Clone)]
struct Rendered {
    pieces: Vec<(usize, usize)>,
    first: char,
    /// Last two non-whitespace characters, the last one second.
    tail: (Option<char>, char),
    chars: usize,
    heading: bool,
    list_item: bool,
}

/// How two lines of a paragraph meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    Space,
    Tight,
}

/// A paragraph: its lines and how each joins the one before.
#[derive(Debug, Default)]
struct Paragraph {
    lines: Vec<(Join, Rendered)>,
}

/// Builds the text from the kept items; inline removals are appended to `removed`.
pub(crate) fn assemble(
    src: &str,
    items: &[Item],
    removed: &mut Vec<Removed>,
) -> (String, SourceMap) {
    let blocks = blocks(src, items, removed);
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    for block in blocks {
        split_block(block, &mut paragraphs);
    }
    let paragraphs = join_broken(paragraphs);
    let mut em = Emitter::new(src);
    for para in &paragraphs {
        em.paragraph();
        for (i, (join, line)) in para.lines.iter().enumerate() {
            if i > 0 {
                match join {
                    Join::Space => em.join_with_space(),
                    Join::Tight => em.join_tight(),
                }
            }
            for &(a, b) in &line.pieces {
                em.copy(a, b);
            }
        }
    }
    em.finish()
}

/// Groups kept lines into blocks of consecutive lines; headings and lines left empty by inline
/// cleaning (an image alone) stand apart.
fn blocks(src: &str, items: &[Item], removed: &mut Vec<Removed>) -> Vec<Vec<Rendered>> {
    let mut out: Vec<Vec<Rendered>> = Vec::new();
    let mut current: Vec<Rendered> = Vec::new();
    for item in items {
        let (line, heading) = match *item {
            Item::Break => {
                flush(&mut current, &mut out);
                continue;
            }
            Item::Body(line) => (line, false),
            Item::Heading(line) => (line, true),
        };
        match render(src, line, heading, removed) {
            Some(r) if heading => {
                flush(&mut current, &mut out);
                out.push(vec![r]);
            }
            Some(r) => current.push(r),
            None => flush(&mut current, &mut out),
        }
    }
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut Vec<Rendered>, out: &mut Vec<Vec<Rendered>>) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

fn render(src: &str, line: Line, heading: bool, removed: &mut Vec<Removed>) -> Option<Rendered> {
    let pieces = inline::render(src, line, removed);
    let kept = || {
        pieces
            .iter()
            .flat_map(|&(a, b)| src.get(a..b).unwrap_or("").chars())
            .filter(|c| !c.is_whitespace())
    };
    let first = kept().next()?;
    let mut last = None;
    let mut before_last = None;
    for c in kept() {
        before_last = last;
        last = Some(c);
    }
    let last = last?;
    let chars = pieces
        .iter()
        .map(|&(a, b)| src.get(a..b).unwrap_or("").chars().count())
        .sum();
    let list_item = is_list_marker(line.text(src));
    Some(Rendered {
        pieces,
        first,
        tail: (before_last, last),
        chars,
        heading,
        list_item,
    })
}

/// Splits a block of lines into paragraphs by the wrapping rules.
fn split_block(block: Vec<Rendered>, out: &mut Vec<Paragraph>) {
    let width = block.iter().map(|r| r.chars).max().unwrap_or(0);
    let mut para = Paragraph::default();
    for line in block {
        let join = para
            .lines
            .last()
            .and_then(|(_, prev)| join_in_block(prev, &line, width));
        match join {
            Some(join) => para.lines.push((join, line)),
            None => {
                if !para.lines.is_empty() {
                    out.push(std::mem::take(&mut para));
                }
                para.lines.push((Join::Space, line));
            }
        }
    }
    if !para.lines.is_empty() {
        out.push(para);
    }
}

fn join_in_block(prev: &Rendered, next: &Rendered, width: usize) -> Option<Join> {
    if prev.heading || next.heading || next.list_item {
        return None;
    }
    if let Some(join) = continues(prev, next) {
        return Some(join);
    }
    let wrapped = prev.chars * 10 >= width * 6;
    (wrapped && (width <= MAX_WRAP_WIDTH || !ends_sentence(prev))).then_some(Join::Space)
}

/// The mid-sentence rule: `prev` does not end a sentence and `next` starts in lower case.
fn continues(prev: &Rendered, next: &Rendered) -> Option<Join> {
    if ends_sentence(prev) || !next.first.is_lowercase() {
        return None;
    }
    let hyphenated = prev.tail.1 == '-' && prev.tail.0.is_some_and(char::is_alphabetic);
    Some(if hyphenated { Join::Tight } else { Join::Space })
}

/// Joins paragraphs broken mid-sentence.
fn join_broken(paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(paragraphs.len());
    for mut para in paragraphs {
        let join = match (out.last().and_then(|p| p.lines.last()), para.lines.first()) {
            (Some((_, prev)), Some((_, next))) if !prev.heading && !next.heading => {
                continues(prev, next)
            }
            _ => None,
        };
        match (join, out.last_mut()) {
            (Some(join), Some(last)) => {
                if let Some(first) = para.lines.first_mut() {
                    first.0 = join;
                }
                last.lines.append(&mut para.lines);
            }
            _ => out.push(para),
        }
    }
    out
}

/// Ends with `. ! ? : …`, or with a closing quote or bracket right after one of them.
fn ends_sentence(line: &Rendered) -> bool {
    let terminal = |c: char| matches!(c, '.' | '!' | '?' | ':' | '…');
    let closing = |c: char| matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』');
    match line.tail {
        (_, c) if terminal(c) => true,
        (Some(p), c) if closing(c) => terminal(p),
        _ => false,
    }
}

/// A Markdown or plain-text list item: `- x`, `* x`, `• x`, `1. x`, `2) x`.
fn is_list_marker(line: &str) -> bool {
    let line = line.trim_start();
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = match digits {
        0 => line
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '*' | '+' | '•'))
            .map_or(0, char::len_utf8),
        1..=3 => match line.as_bytes().get(digits) {
            Some(b'.' | b')') => digits + 1,
            _ => 0,
        },
        _ => 0,
    };
    marker > 0
        && line
            .get(marker..)
            .is_some_and(|rest| rest.starts_with([' ', '\t']))
}

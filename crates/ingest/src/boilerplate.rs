//! Corpus boilerplate: text an outlet repeats across its articles.
//!
//! One article alone cannot tell its newsletter prompt or standard footer from its prose, but an
//! outlet's articles read together can: furniture recurs verbatim, reporting does not (the trick
//! Media Cloud uses). When several articles of one outlet are processed together, a paragraph or
//! sentence that occurs in at least [`MIN_ARTICLES`] of them and in at least [`MIN_SHARE`] of
//! them is moved from `text` to `removed` as [`RemovedKind::Boilerplate`], and the source map is
//! rebuilt so every byte of the new text still maps to the original document.
//!
//! Guards, each for a way this could eat real text:
//! - a sentence found in only one article is never removed, however often it repeats there;
//! - sentences shorter than [`MIN_WORDS`] words are left alone ("He said." recurs by chance);
//! - when removal would take more than half of an article's text, that article is left whole:
//!   then the outlet's articles share their story (a duplicate, an update), not furniture.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use parallax_model::{Article, Removed, RemovedKind, SourceMap};
use parallax_text::{paragraphs, sentences};

/// Fewest articles of one outlet a passage must occur in. Three, not two: two reports of one
/// outlet on one event (an update and the original) share real sentences, and with only two
/// articles nothing tells those apart from a newsletter prompt.
pub const MIN_ARTICLES: usize = 3;
/// Smallest share of the outlet's articles a passage must occur in.
pub const MIN_SHARE: f64 = 0.3;
/// Fewest words a sentence needs before it can count as boilerplate.
pub const MIN_WORDS: usize = 4;
/// Largest share of an article's text that may be removed as boilerplate.
const MAX_REMOVED_SHARE: f64 = 0.5;

/// Removes passages that recur across the articles of one outlet (see the module docs).
/// Articles are grouped by `outlet` (case-insensitively); outlets with one article are untouched.
pub fn mark_outlet_boilerplate(articles: &mut [Article]) {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        groups.entry(a.outlet.to_lowercase()).or_default().push(i);
    }
    for members in groups.values() {
        if members.len() < MIN_ARTICLES {
            continue;
        }
        let layouts: Vec<Layout> = members
            .iter()
            .filter_map(|&i| articles.get(i).map(|a| Layout::of(&a.text)))
            .collect();
        let frequent = frequent_keys(&layouts);
        if frequent.is_empty() {
            continue;
        }
        for (&i, layout) in members.iter().zip(&layouts) {
            if let Some(article) = articles.get_mut(i) {
                strip(article, layout, &frequent);
            }
        }
    }
}

/// Paragraph and sentence spans of one text, with the keys they are counted under.
struct Layout {
    paragraphs: Vec<Paragraph>,
}

struct Paragraph {
    span: (usize, usize),
    key: Option<u64>,
    sentences: Vec<((usize, usize), Option<u64>)>,
}

impl Layout {
    fn of(text: &str) -> Layout {
        let paragraphs = paragraphs(text)
            .into_iter()
            .map(|(start, end)| Paragraph {
                span: (start, end),
                key: key(text.get(start..end).unwrap_or("")),
                sentences: sentences(text, start, end)
                    .into_iter()
                    .map(|(s, e)| ((s, e), key(text.get(s..e).unwrap_or(""))))
                    .collect(),
            })
            .collect();
        Layout { paragraphs }
    }

    fn keys(&self) -> HashSet<u64> {
        let mut keys = HashSet::new();
        for p in &self.paragraphs {
            keys.extend(p.key);
            keys.extend(p.sentences.iter().filter_map(|(_, k)| *k));
        }
        keys
    }
}

/// The key of a passage: a hash of its words (whitespace runs collapsed), or `None` when it is
/// too short to judge. A 64-bit hash keeps memory small on large corpora; a collision would need
/// two different passages of one outlet to meet, which is negligible.
fn key(passage: &str) -> Option<u64> {
    let mut words = passage.split_whitespace().peekable();
    let mut hasher = DefaultHasher::new();
    let mut count = 0;
    while let Some(w) = words.next() {
        w.hash(&mut hasher);
        count += 1;
        if words.peek().is_some() {
            ' '.hash(&mut hasher);
        }
    }
    (count >= MIN_WORDS).then(|| hasher.finish())
}

/// Keys present in enough articles of the group (each article counted once per key).
fn frequent_keys(layouts: &[Layout]) -> HashSet<u64> {
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for layout in layouts {
        for k in layout.keys() {
            *counts.entry(k).or_default() += 1;
        }
    }
    let n = layouts.len() as f64;
    counts
        .into_iter()
        .filter(|&(_, c)| c >= MIN_ARTICLES && c as f64 >= MIN_SHARE * n)
        .map(|(k, _)| k)
        .collect()
}

/// Removes the frequent passages of one article, rebuilding its text and source map.
fn strip(article: &mut Article, layout: &Layout, frequent: &HashSet<u64>) {
    let is_frequent = |k: &Option<u64>| k.is_some_and(|k| frequent.contains(&k));
    let text = &article.text;
    // Byte ranges of `text` to drop, and the passages to list in `removed`.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut passages: Vec<(usize, usize)> = Vec::new();
    let paras = &layout.paragraphs;
    for (pi, p) in paras.iter().enumerate() {
        let whole = is_frequent(&p.key)
            || (!p.sentences.is_empty() && p.sentences.iter().all(|(_, k)| is_frequent(k)));
        if whole {
            passages.push(p.span);
            // Take the gap after it, or before it for the last paragraph, so no blank lines pile up.
            match paras.get(pi + 1) {
                Some(next) => cuts.push((p.span.0, next.span.0)),
                None => {
                    let prev_end = pi
                        .checked_sub(1)
                        .and_then(|j| paras.get(j))
                        .map_or(p.span.0, |q| q.span.1);
                    cuts.push((prev_end, p.span.1));
                }
            }
            continue;
        }
        let sents = &p.sentences;
        for (si, (span, k)) in sents.iter().enumerate() {
            if !is_frequent(k) {
                continue;
            }
            passages.push(*span);
            match sents.get(si + 1) {
                Some((next, _)) => cuts.push((span.0, next.0)),
                None => {
                    let prev_end = si
                        .checked_sub(1)
                        .and_then(|j| sents.get(j))
                        .map_or(span.0, |(q, _)| q.1);
                    cuts.push((prev_end, span.1));
                }
            }
        }
    }
    if passages.is_empty() {
        return;
    }
    let removed_bytes: usize = passages.iter().map(|(s, e)| e.saturating_sub(*s)).sum();
    if removed_bytes as f64 > MAX_REMOVED_SHARE * text.trim().len() as f64 {
        return;
    }
    let kept = complement(&cuts, text);
    let (new_text, new_map) = rebuild(text, &article.source_map, &kept);
    let map = &article.source_map;
    let removed: Vec<Removed> = passages
        .iter()
        .filter_map(|&(s, e)| {
            Some(Removed {
                kind: RemovedKind::Boilerplate,
                text: text.get(s..e)?.to_string(),
                source_start: Some(map.to_source(s)),
            })
        })
        .collect();
    article.removed.extend(removed);
    article.text = new_text;
    article.source_map = new_map;
}

/// The ranges of `text` outside `cuts`, with surrounding whitespace of the whole trimmed.
fn complement(cuts: &[(usize, usize)], text: &str) -> Vec<(usize, usize)> {
    let mut cuts = cuts.to_vec();
    cuts.sort_unstable();
    let mut kept = Vec::new();
    let mut pos = 0;
    for (s, e) in cuts {
        if s > pos {
            kept.push((pos, s));
        }
        pos = pos.max(e);
    }
    if pos < text.len() {
        kept.push((pos, text.len()));
    }
    // Trim leading and trailing whitespace of the result, range by range.
    while let Some(&(s, e)) = kept.first() {
        let piece = text.get(s..e).unwrap_or("");
        let trimmed = piece.trim_start();
        if trimmed.is_empty() {
            kept.remove(0);
        } else {
            kept[0] = (e - trimmed.len(), e);
            break;
        }
    }
    while let Some(&(s, e)) = kept.last() {
        let piece = text.get(s..e).unwrap_or("");
        let trimmed = piece.trim_end();
        if trimmed.is_empty() {
            kept.pop();
        } else {
            let last = kept.len() - 1;
            kept[last] = (s, s + trimmed.len());
            break;
        }
    }
    kept
}

/// Copies the kept ranges into a new text and maps them through the old source map.
fn rebuild(text: &str, map: &SourceMap, kept: &[(usize, usize)]) -> (String, SourceMap) {
    let mut out = String::with_capacity(text.len());
    let mut new_map = SourceMap::default();
    let segs = &map.segments;
    let mut si = 0;
    for &(a, b) in kept {
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let t = out.len();
        out.push_str(piece);
        // Segments are sorted by text offset and kept ranges ascend, so one pass suffices.
        while segs.get(si).is_some_and(|s| s.text + s.len <= a) {
            si += 1;
        }
        let mut j = si;
        while let Some(s) = segs.get(j) {
            if s.text >= b {
                break;
            }
            let x = s.text.max(a);
            let y = (s.text + s.len).min(b);
            if y > x {
                new_map.push(t + (x - a), s.source + (x - s.text), y - x);
            }
            j += 1;
        }
    }
    (out, new_map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complement_trims_the_ends() {
        let text = "  one two  ";
        assert_eq!(complement(&[], text), vec![(2, 9)]);
        assert_eq!(complement(&[(0, 6)], text), vec![(6, 9)]);
        assert_eq!(complement(&[(0, 11)], text), Vec::<(usize, usize)>::new());
    }

    #[test]
    fn rebuild_maps_through_the_old_map() {
        let mut map = SourceMap::default();
        map.push(0, 100, 4); // "abcd" <- 100..104
        map.push(5, 200, 3); // byte 4 inserted; "fgh" <- 200..203
        let (text, new) = rebuild("abcd fgh", &map, &[(0, 2), (6, 8)]);
        assert_eq!(text, "abgh");
        assert_eq!(new.to_source(0), 100);
        assert_eq!(new.to_source(2), 201);
        assert_eq!(new.to_source(3), 202);
    }

    #[test]
    fn short_passages_have_no_key() {
        assert!(key("He said.").is_none());
        assert_eq!(
            key("Sign up for  our\nnewsletter"),
            key("Sign up for our newsletter")
        );
    }
}

//! Text reuse: passages two articles share word for word (a wire story, or one outlet copying
//! another).
//!
//! Both texts are reduced to folded words; every run of `min_words` words of one article is
//! hashed, matches in the other are extended to maximal runs, and runs that lie inside
//! quotation marks in both articles are dropped — two outlets quoting the same speaker is not
//! copying.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

use parallax_model::{AnalyzedArticle, QuoteKind, Reuse};
use parallax_text::{fold_word, words};

struct Tokens {
    keys: Vec<u64>,
    spans: Vec<(usize, usize)>,
    in_quote: Vec<bool>,
}

fn hash_word(w: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    fold_word(w).hash(&mut h);
    h.finish()
}

fn tokens(a: &AnalyzedArticle) -> Tokens {
    let quotes: Vec<(usize, usize)> = a
        .quotes
        .iter()
        .filter(|q| !matches!(q.kind, QuoteKind::Headline | QuoteKind::Indirect))
        .flat_map(|q| q.parts.iter().map(|p| (p.0, p.1)))
        .collect();
    let ws = words(&a.article.text);
    Tokens {
        keys: ws.iter().map(|w| hash_word(w.text)).collect(),
        spans: ws.iter().map(|w| (w.start, w.end)).collect(),
        in_quote: {
            // One sweep over words and quote spans, both in text order.
            let mut quotes = quotes;
            quotes.sort_unstable();
            let mut k = 0;
            ws.iter()
                .map(|w| {
                    while k < quotes.len() && quotes[k].1 < w.end {
                        k += 1;
                    }
                    quotes
                        .get(k)
                        .is_some_and(|q| q.0 <= w.start && w.end <= q.1)
                })
                .collect()
        },
    }
}

fn shingle(keys: &[u64]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    keys.hash(&mut h);
    h.finish()
}

/// Shared passages of at least `min_words` words between every pair of articles.
pub fn reuse(articles: &[AnalyzedArticle], min_words: usize) -> Vec<Reuse> {
    let min_words = min_words.max(1);
    let toks: Vec<Tokens> = articles.iter().map(tokens).collect();
    let mut out = Vec::new();
    for a in 0..articles.len() {
        for b in a + 1..articles.len() {
            let passages = shared_runs(&toks[a], &toks[b], min_words);
            if passages.is_empty() {
                continue;
            }
            let (ia, ib) = (&articles[a].article.id, &articles[b].article.id);
            let text = &articles[a].article.text;
            let shared_chars = passages
                .iter()
                .map(|p| text.get(p.0 .0..p.0 .1).map_or(0, |t| t.chars().count()))
                .sum();
            out.push(Reuse {
                articles: [ia.clone(), ib.clone()],
                shared_chars,
                passages: passages
                    .into_iter()
                    .map(|(pa, pb)| {
                        BTreeMap::from([(ia.clone(), [pa.0, pa.1]), (ib.clone(), [pb.0, pb.1])])
                    })
                    .collect(),
            });
        }
    }
    out
}

/// Maximal runs of equal words, as byte ranges in each text.
fn shared_runs(x: &Tokens, y: &Tokens, n: usize) -> Vec<((usize, usize), (usize, usize))> {
    if x.keys.len() < n || y.keys.len() < n {
        return Vec::new();
    }
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for j in 0..=y.keys.len() - n {
        index.entry(shingle(&y.keys[j..j + n])).or_default().push(j);
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + n <= x.keys.len() {
        let Some(cands) = index.get(&shingle(&x.keys[i..i + n])) else {
            i += 1;
            continue;
        };
        // The longest run starting here.
        let mut best: Option<(usize, usize)> = None;
        for &j in cands {
            let mut len = 0;
            while i + len < x.keys.len()
                && j + len < y.keys.len()
                && x.keys[i + len] == y.keys[j + len]
            {
                len += 1;
            }
            if len >= n && best.is_none_or(|(_, l)| len > l) {
                best = Some((j, len));
            }
        }
        let Some((j, len)) = best else {
            i += 1;
            continue;
        };
        let quoted = (i..i + len).filter(|&k| x.in_quote[k]).count() * 5 >= len * 4
            && (j..j + len).filter(|&k| y.in_quote[k]).count() * 5 >= len * 4;
        if !quoted {
            out.push((
                (x.spans[i].0, x.spans[i + len - 1].1),
                (y.spans[j].0, y.spans[j + len - 1].1),
            ));
        }
        i += len;
    }
    out
}

//! Facts: sentences of different articles that say the same thing; and the sentences no other
//! article corroborates (each outlet's omissions, seen from the others).
//!
//! Every pair of articles is compared sentence by sentence with the learned paraphrase score
//! ([`crate::paraphrase`], a probability). A pair of sentences that are each other's best match
//! and score at least the fact threshold is joined; facts are the connected groups. A sentence
//! is corroborated when some sentence of another article reaches the (lower) corroboration
//! threshold; the rest are unique to their article.
//!
//! Only pairs whose TF-IDF cosine reaches [`crate::paraphrase::CANDIDATE_COSINE`] are scored by
//! the model: the cosine is a merge of two short lists, the model a dozen, and most sentence
//! pairs of a story share nothing.

use std::collections::BTreeMap;

use parallax_model::{AnalyzedArticle, Fact, FactMember};

use crate::paraphrase;
use crate::similarity::{SentenceProfile, SentenceVector};

/// Thresholds of the alignment.
#[derive(Debug, Clone, Copy)]
pub struct AlignConfig {
    /// Mutual best matches at or above this join one fact.
    pub fact_threshold: f64,
    /// A sentence with a match at or above this in another article is not unique.
    pub corroboration_threshold: f64,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Most words an attribution ("…,” Putin said." / "He told reporters: “…”") may have for it
/// to be left out of the sentence's fact text.
const ATTRIBUTION_WORDS: usize = 8;

/// The text of each sentence as a statement of fact: short attributions around a quotation are
/// dropped, because “…,” Putin said shares its tail with every other quote of the same speaker
/// and would make unrelated quotes look alike.
pub fn fact_texts(art: &AnalyzedArticle) -> Vec<String> {
    let text = &art.article.text;
    art.sentences
        .iter()
        .map(|s| {
            let (mut start, mut end) = (s.start, s.end);
            for q in art
                .quotes
                .iter()
                .filter(|q| q.kind != parallax_model::QuoteKind::Headline)
            {
                let Some(sp) = q.speaker.as_ref().and_then(|sp| sp.span) else {
                    continue;
                };
                let (Some(first), Some(last)) = (q.parts.first(), q.parts.last()) else {
                    continue;
                };
                let short = |a: usize, b: usize| {
                    text.get(a..b)
                        .is_some_and(|t| parallax_text::words(t).len() <= ATTRIBUTION_WORDS)
                };
                // The quote may run over several sentences: look at the sentence where it ends
                // (tail) and where it starts (head).
                let ends_here = (s.start..=s.end).contains(&last.1);
                let starts_here = (s.start..=s.end).contains(&first.0);
                if ends_here && sp.0 >= last.1 && sp.1 <= s.end && short(last.1, s.end) {
                    end = end.min(last.1);
                } else if starts_here
                    && sp.1 <= first.0
                    && sp.0 >= s.start
                    && short(s.start, first.0)
                {
                    start = start.max(first.0);
                }
            }
            text.get(start..end.max(start)).unwrap_or("").to_string()
        })
        .collect()
}

/// Aligns the sentences of `articles`, given one TF-IDF vector per sentence.
pub fn align(
    articles: &[AnalyzedArticle],
    vectors: &[Vec<SentenceVector>],
    cfg: AlignConfig,
) -> (Vec<Fact>, BTreeMap<String, Vec<String>>) {
    let profiles: Vec<Vec<SentenceProfile>> = articles
        .iter()
        .map(|art| {
            fact_texts(art)
                .iter()
                .map(|t| SentenceProfile::new(t))
                .collect()
        })
        .collect();
    let score = |a: usize, i: usize, b: usize, j: usize| {
        paraphrase::score(
            &profiles[a][i],
            &profiles[b][j],
            &vectors[a][i],
            &vectors[b][j],
        )
    };
    // Node numbering: sentences of all articles, in order.
    let offsets: Vec<usize> = vectors
        .iter()
        .scan(0, |acc, v| {
            let o = *acc;
            *acc += v.len();
            Some(o)
        })
        .collect();
    let total: usize = vectors.iter().map(Vec::len).sum();
    let mut uf = UnionFind((0..total).collect());
    let mut best_any = vec![0.0f64; total];
    let mut sims: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for a in 0..vectors.len() {
        for b in a + 1..vectors.len() {
            let (va, vb) = (&vectors[a], &vectors[b]);
            let mut best_a = vec![(usize::MAX, 0.0f64); va.len()];
            let mut best_b = vec![(usize::MAX, 0.0f64); vb.len()];
            for (i, x) in va.iter().enumerate() {
                if x.is_empty() {
                    continue;
                }
                for (j, best) in best_b.iter_mut().enumerate() {
                    let s = score(a, i, b, j);
                    if s > best_a[i].1 {
                        best_a[i] = (j, s);
                    }
                    if s > best.1 {
                        *best = (i, s);
                    }
                }
            }
            for (i, &(j, s)) in best_a.iter().enumerate() {
                let (na, nb) = (
                    offsets[a] + i,
                    offsets[b] + j.min(vb.len().saturating_sub(1)),
                );
                best_any[na] = best_any[na].max(s);
                if j != usize::MAX {
                    best_any[nb] = best_any[nb].max(s);
                    if s >= cfg.fact_threshold && best_b[j].0 == i {
                        uf.union(na, nb);
                        sims.insert((na, nb), s);
                    }
                }
            }
        }
    }
    // Groups spanning two or more articles are facts.
    let article_of = |n: usize| offsets.partition_point(|&o| o <= n) - 1;
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for n in 0..total {
        let r = uf.find(n);
        groups.entry(r).or_default().push(n);
    }
    let mut facts = Vec::new();
    for members in groups.values() {
        if members.len() < 2 {
            continue;
        }
        let anchor = members[0];
        let (aa, ai) = (article_of(anchor), anchor - offsets[article_of(anchor)]);
        let fact_members = members
            .iter()
            .map(|&n| {
                let (art, i) = (article_of(n), n - offsets[article_of(n)]);
                let similarity = (n != anchor).then(|| {
                    let s = score(aa, ai, art, i);
                    (s * 1000.0).round() / 1000.0
                });
                FactMember {
                    article: articles[art].article.id.clone(),
                    sentence: articles[art].sentences[i].id.clone(),
                    similarity,
                }
            })
            .collect();
        facts.push(Fact {
            id: format!("F{}", facts.len() + 1),
            members: fact_members,
        });
    }
    let mut unique = BTreeMap::new();
    for (a, art) in articles.iter().enumerate() {
        let ids: Vec<String> = (0..vectors[a].len())
            .filter(|&i| !vectors[a][i].is_empty())
            .filter(|&i| best_any[offsets[a] + i] < cfg.corroboration_threshold)
            .filter(|&i| {
                uf.find(offsets[a] + i) == offsets[a] + i && !in_group(&groups, offsets[a] + i)
            })
            .map(|i| art.sentences[i].id.clone())
            .collect();
        unique.insert(art.article.id.clone(), ids);
    }
    (facts, unique)
}

fn in_group(groups: &BTreeMap<usize, Vec<usize>>, n: usize) -> bool {
    groups.get(&n).is_some_and(|g| g.len() > 1)
}

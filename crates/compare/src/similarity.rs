//! Lexical sentence similarity: TF-IDF-weighted cosine over content-word stems, with extra
//! weight for the words that pin a fact down — names and numbers.
//!
//! Reports of one event share their names and numbers even when the wording differs, and
//! differ in exactly those when the facts differ, so both are up-weighted. The threshold that
//! turns a score into "same fact" is calibrated on the MSRP train split (see
//! `docs/accuracy/paraphrase.md`).

use std::collections::HashMap;

use parallax_text::{is_stopword, stem, words};

/// A sentence as a sparse vector of stem ids with weights, sorted by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceVector {
    terms: Vec<(u32, f32)>,
    norm: f32,
}

/// Maps stems to ids and keeps document frequencies; build one per comparison (or corpus).
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
    df: Vec<u32>,
    docs: u32,
}

/// Weight multiplier for capitalised words (names) and numbers.
const NAME_BOOST: f32 = 1.5;
const NUMBER_BOOST: f32 = 1.5;

/// Content terms of a text: (stem, boost).
pub fn terms(text: &str) -> Vec<(String, f32)> {
    let mut out = Vec::new();
    for (i, w) in words(text).into_iter().enumerate() {
        if is_stopword(w.text) {
            continue;
        }
        let first = w.text.chars().next().unwrap_or(' ');
        let boost = if first.is_ascii_digit() {
            NUMBER_BOOST
        } else if first.is_uppercase() && i > 0 {
            NAME_BOOST
        } else {
            1.0
        };
        out.push((stem(w.text), boost));
    }
    out
}

impl Vocabulary {
    /// Counts the terms of one document (sentence) for document frequencies.
    pub fn add_document(&mut self, terms: &[(String, f32)]) {
        self.docs += 1;
        let mut seen: Vec<u32> = terms.iter().map(|(t, _)| self.id(t)).collect();
        seen.sort_unstable();
        seen.dedup();
        for id in seen {
            self.df[id as usize] += 1;
        }
    }

    fn id(&mut self, t: &str) -> u32 {
        if let Some(&id) = self.ids.get(t) {
            return id;
        }
        let id = self.df.len() as u32;
        self.ids.insert(t.to_string(), id);
        self.df.push(0);
        id
    }

    fn idf(&self, id: u32) -> f32 {
        let df = self.df.get(id as usize).copied().unwrap_or(0) as f32;
        ((1.0 + self.docs as f32) / (1.0 + df)).ln() + 1.0
    }

    /// The weighted vector of a document whose terms were added before.
    pub fn vector(&mut self, terms: &[(String, f32)]) -> SentenceVector {
        let mut acc: HashMap<u32, f32> = HashMap::new();
        for (t, boost) in terms {
            let id = self.id(t);
            *acc.entry(id).or_default() += boost * self.idf(id);
        }
        let mut v: Vec<(u32, f32)> = acc.into_iter().collect();
        v.sort_unstable_by_key(|&(id, _)| id);
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        SentenceVector { terms: v, norm }
    }
}

impl SentenceVector {
    /// Cosine similarity in [0, 1].
    pub fn cosine(&self, other: &SentenceVector) -> f64 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while i < self.terms.len() && j < other.terms.len() {
            let (a, b) = (self.terms[i], other.terms[j]);
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a.1 * b.1;
                    i += 1;
                    j += 1;
                }
            }
        }
        f64::from(dot / (self.norm * other.norm)).clamp(0.0, 1.0)
    }

    /// True when the sentence has no content words.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Similarity of two texts on their own (document frequencies from just the two).
pub fn pair_similarity(a: &str, b: &str) -> f64 {
    let (ta, tb) = (terms(a), terms(b));
    let mut vocab = Vocabulary::default();
    vocab.add_document(&ta);
    vocab.add_document(&tb);
    vocab.vector(&ta).cosine(&vocab.vector(&tb))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sentences_score_one() {
        let s = "The mayor opened the new bridge on Friday.";
        assert!((pair_similarity(s, s) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn paraphrase_scores_above_unrelated() {
        let a = "Mayor Ana Ruiz opened the rebuilt bridge on Friday.";
        let b = "On Friday, the rebuilt bridge was opened by Ana Ruiz, the mayor.";
        let c = "Fishing crews reported a poor season for herring.";
        assert!(pair_similarity(a, b) > 0.6);
        assert!(pair_similarity(a, c) < 0.1);
    }

    #[test]
    fn empty_text_scores_zero() {
        assert_eq!(pair_similarity("", "The bridge opened."), 0.0);
        assert_eq!(pair_similarity("the of and", "a an the"), 0.0);
    }
}

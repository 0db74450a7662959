//! Lexical sentence similarity: TF-IDF-weighted cosine over content-word stems, with extra
//! weight for the words that pin a fact down — names and numbers; and the cheap pair features
//! ([`pair_features`]) that the learned paraphrase score ([`crate::paraphrase`]) combines.
//!
//! Reports of one event share their names and numbers even when the wording differs, and
//! differ in exactly those when the facts differ, so both are up-weighted. The cosine alone is
//! a weak judge of "same fact" (0.71 accuracy on MSRP train); the features below add word
//! order, morphology, length and number/name agreement (see `docs/accuracy/paraphrase.md`).

use std::collections::HashMap;

use parallax_text::{fold_word, is_stopword, stem, words};

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

    /// TF-IDF weight of this sentence's terms that `other` lacks: how much it says that the
    /// other does not, in absolute terms (an added clause weighs the same in a short or long
    /// sentence).
    pub fn uncovered(&self, other: &SentenceVector) -> f64 {
        let total: f32 = self.terms.iter().map(|t| t.1).sum();
        f64::from((total - self.covered(other)).max(0.0))
    }

    fn covered(&self, other: &SentenceVector) -> f32 {
        let (mut i, mut j, mut covered) = (0, 0, 0.0f32);
        while let (Some(a), Some(b)) = (self.terms.get(i), other.terms.get(j)) {
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    covered += a.1;
                    i += 1;
                    j += 1;
                }
            }
        }
        covered
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

/// Words that negate a claim; "n't" endings count too.
const NEGATIONS: &[&str] = &[
    "cannot", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere",
    "without",
];

/// What the pair features need to know about one sentence, computed once per sentence so that
/// scoring a pair is a handful of merges over short sorted lists.
///
/// Words and character n-grams are hashed (64-bit FNV-1a), so profiles need no shared
/// vocabulary; a collision costs at most one spurious match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceProfile {
    /// Number of words, function words included.
    words: usize,
    /// Pairs of consecutive stems (function words included: they carry the phrasing), sorted
    /// and unique.
    bigrams: Vec<u64>,
    /// Triples of consecutive stems, sorted and unique.
    trigrams: Vec<u64>,
    /// Character 3-grams of the folded words (spaces between words), sorted and unique.
    chars3: Vec<u64>,
    /// Character 5-grams, likewise.
    chars5: Vec<u64>,
    /// Numbers as written without thousands separators, sorted and unique.
    numbers: Vec<u64>,
    /// True when some word negates.
    negated: bool,
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

fn sorted_unique(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Hashes of the character `n`-grams of `chars`, sorted and unique.
fn char_grams(chars: &[char], n: usize) -> Vec<u64> {
    sorted_unique(
        chars
            .windows(n)
            .map(|g| {
                g.iter().fold(FNV_OFFSET, |h, &c| {
                    (h ^ u64::from(c)).wrapping_mul(FNV_PRIME)
                })
            })
            .collect(),
    )
}

/// Hashes of the runs of `n` consecutive items, sorted and unique (order matters: rotations
/// tell "a b" from "b a").
fn word_grams(items: &[u64], n: usize) -> Vec<u64> {
    sorted_unique(
        items
            .windows(n)
            .map(|g| {
                g.iter()
                    .enumerate()
                    .fold(0, |h, (k, &x)| h ^ x.rotate_left(17 * k as u32))
            })
            .collect(),
    )
}

/// The digits of a number word without thousands separators ("300,000" → "300000",
/// "6.8-billion" → "6.8"); `None` when the word does not start with a digit.
fn number_key(word: &str) -> Option<String> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let key: String = word
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    Some(key.trim_end_matches('.').to_string())
}

impl SentenceProfile {
    /// Profiles one sentence.
    pub fn new(text: &str) -> SentenceProfile {
        let ws = words(text);
        let mut stems = Vec::with_capacity(ws.len());
        let mut numbers = Vec::new();
        let mut negated = false;
        let mut folded = String::with_capacity(text.len() + 2);
        folded.push(' ');
        for w in &ws {
            let f = fold_word(w.text);
            stems.push(fnv(stem(w.text).as_bytes()));
            negated |= NEGATIONS.binary_search(&f.as_str()).is_ok() || f.ends_with("n't");
            if let Some(n) = number_key(w.text) {
                numbers.push(fnv(n.as_bytes()));
            }
            folded.push_str(&f);
            folded.push(' ');
        }
        let chars: Vec<char> = folded.chars().collect();
        SentenceProfile {
            words: ws.len(),
            bigrams: word_grams(&stems, 2),
            trigrams: word_grams(&stems, 3),
            chars3: char_grams(&chars, 3),
            chars5: char_grams(&chars, 5),
            numbers: sorted_unique(numbers),
            negated,
        }
    }
}

/// Size of the intersection of two sorted, unique lists.
fn common(a: &[u64], b: &[u64]) -> usize {
    // Branch-free merge: the comparisons are unpredictable, and this is the inner loop.
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// Shared items over the larger and over the smaller of two lists.
fn min_max(a: &[u64], b: &[u64]) -> (f64, f64) {
    let shared = common(a, b);
    (
        ratio(shared, a.len().max(b.len())),
        ratio(shared, a.len().min(b.len())),
    )
}

fn dice(a: &[u64], b: &[u64]) -> f64 {
    ratio(2 * common(a, b), a.len() + b.len())
}

/// Number of pair features.
pub const FEATURES: usize = 10;

/// Names of the pair features, in the order [`pair_features`] returns them.
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "cosine",
    "bigram_min",
    "trigram_min",
    "trigram_max",
    "char3_dice",
    "char5_dice",
    "length_diff",
    "extra_min",
    "numbers_equal",
    "negation_mismatch",
];

/// The pair features of two sentences, from their profiles and TF-IDF vectors (the vectors
/// carry document frequencies, which a profile does not). All are symmetric in `a` and `b`.
///
/// - `cosine`: TF-IDF cosine of content stems (names and numbers weighted up);
/// - `bigram_min`: stem pairs shared, over the larger bigram set (phrasing);
/// - `trigram_min`/`trigram_max`: stem triples shared, over the larger / the smaller set
///   (long shared runs; the max is 1 when one sentence is copied inside the other);
/// - `char3_dice`/`char5_dice`: Dice of character 3- and 5-grams of the folded words (spelling
///   variants and morphology the stemmer misses: "investigators"/"investigation");
/// - `length_diff`: word-count difference over the longer sentence;
/// - `extra_min`: ln(1 + TF-IDF weight of what the more covered sentence says that the other
///   does not): even the "smaller" sentence adds something when the facts differ;
/// - `numbers_equal`: 1 when both carry the same numbers (or none) — a number in one and not
///   the other is a strong sign of a different fact;
/// - `negation_mismatch`: 1 when exactly one sentence negates.
///
/// Candidates that did not help on MSRP (unigram overlap, IDF-weighted coverage, word LCS,
/// character 4-grams, name overlap, counts of unmatched words or numbers) were dropped; see
/// `docs/accuracy/paraphrase.md`.
pub fn pair_features(
    a: &SentenceProfile,
    b: &SentenceProfile,
    va: &SentenceVector,
    vb: &SentenceVector,
) -> [f64; FEATURES] {
    let (bigram_min, _) = min_max(&a.bigrams, &b.bigrams);
    let (trigram_min, trigram_max) = min_max(&a.trigrams, &b.trigrams);
    let extra = va.uncovered(vb).min(vb.uncovered(va));
    [
        va.cosine(vb),
        bigram_min,
        trigram_min,
        trigram_max,
        dice(&a.chars3, &b.chars3),
        dice(&a.chars5, &b.chars5),
        ratio(a.words.abs_diff(b.words), a.words.max(b.words)),
        extra.ln_1p(),
        f64::from(u8::from(a.numbers == b.numbers)),
        f64::from(u8::from(a.negated != b.negated)),
    ]
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
    fn features(a: &str, b: &str) -> [f64; FEATURES] {
        let (ta, tb) = (terms(a), terms(b));
        let mut vocab = Vocabulary::default();
        vocab.add_document(&ta);
        vocab.add_document(&tb);
        let (va, vb) = (vocab.vector(&ta), vocab.vector(&tb));
        pair_features(&SentenceProfile::new(a), &SentenceProfile::new(b), &va, &vb)
    }

    fn feature(x: &[f64; FEATURES], name: &str) -> f64 {
        let i = FEATURE_NAMES.iter().position(|n| *n == name);
        i.and_then(|i| x.get(i).copied()).unwrap_or(f64::NAN)
    }

    /// (case, sentence a, sentence b, feature, expected value).
    const EXACT: &[(&str, &str, &str, &str, f64)] = &[
        (
            "same_bigrams",
            "The ferry left the port at dawn.",
            "The ferry left the port at dawn.",
            "bigram_min",
            1.0,
        ),
        (
            "same_trigrams",
            "The ferry left the port at dawn.",
            "The ferry left the port at dawn.",
            "trigram_min",
            1.0,
        ),
        (
            "same_chars",
            "The ferry left the port at dawn.",
            "the FERRY left the port, at dawn",
            "char3_dice",
            1.0,
        ),
        (
            "same_length",
            "Crews fought the blaze.",
            "Crews fought the fire.",
            "length_diff",
            0.0,
        ),
        (
            "half_length",
            "Crews fought the blaze.",
            "Crews from two towns fought the blaze overnight.",
            "length_diff",
            0.5,
        ),
        (
            "nothing_extra",
            "The ferry left the port.",
            "The ferry left the port.",
            "extra_min",
            0.0,
        ),
        (
            "no_numbers_is_equal",
            "The ferry left the port.",
            "A ferry left port.",
            "numbers_equal",
            1.0,
        ),
        (
            "same_numbers_other_separators",
            "About 3,500 people fled.",
            "About 3500 people fled.",
            "numbers_equal",
            1.0,
        ),
        (
            "other_number",
            "The council hired 12 guards.",
            "The council hired 15 guards.",
            "numbers_equal",
            0.0,
        ),
        (
            "number_only_in_one",
            "The council hired 12 guards.",
            "The council hired guards.",
            "numbers_equal",
            0.0,
        ),
        (
            "negation_mismatch",
            "The bridge will reopen in May.",
            "The bridge will not reopen in May.",
            "negation_mismatch",
            1.0,
        ),
        (
            "contracted_negation",
            "The mayor agreed to the plan.",
            "The mayor didn’t agree to the plan.",
            "negation_mismatch",
            1.0,
        ),
        (
            "both_negated",
            "No ships docked on Monday.",
            "Ships did not dock on Monday.",
            "negation_mismatch",
            0.0,
        ),
        (
            "containment",
            "The ferry left the port.",
            "At dawn the ferry left the port for Kell.",
            "trigram_max",
            1.0,
        ),
    ];

    #[test]
    fn features_take_their_expected_values() {
        for &(case, a, b, name, want) in EXACT {
            let got = feature(&features(a, b), name);
            assert!(
                (got - want).abs() < 1e-9,
                "{case}: {name} = {got}, want {want}"
            );
        }
    }

    /// (case, a, b, feature): the feature is higher for (a, b) than for (a, c).
    const ORDERED: &[(&str, &str, &str, &str, &str)] = &[
        (
            "word_order_counts",
            "The mayor thanked the firefighters.",
            "The mayor thanked the firefighters warmly.",
            "Firefighters thanked the mayor.",
            "bigram_min",
        ),
        (
            "morphology_shows_in_chars",
            "Investigators examined the wreck.",
            "The investigation examined the wreck.",
            "Divers examined the wreck.",
            "char3_dice",
        ),
        (
            "spelling_variant_in_long_grams",
            "The harbour reopened.",
            "The harbor reopened.",
            "The airport reopened.",
            "char5_dice",
        ),
        (
            "added_clause_is_extra",
            "The ferry left the port.",
            "The ferry left the port.",
            "The ferry left the port after a storm wrecked the northern pier.",
            "length_diff",
        ),
    ];

    #[test]
    fn features_order_pairs_as_expected() {
        for &(case, a, b, c, name) in ORDERED {
            let (near, far) = (features(a, b), features(a, c));
            let (n, f) = (feature(&near, name), feature(&far, name));
            if name == "length_diff" {
                assert!(n < f, "{case}: {name} {n} should be below {f}");
            } else {
                assert!(n > f, "{case}: {name} {n} should exceed {f}");
            }
        }
    }

    #[test]
    fn features_are_symmetric_and_bounded() {
        let texts = [
            "Mayor Ana Ruiz opened the rebuilt bridge on Friday.",
            "On Friday, the rebuilt bridge was opened by Ana Ruiz, the mayor.",
            "Fishing crews reported a poor season: 40% fewer herring.",
            "«Мэр открыл мост» — сказал он.",
            "",
            "?!",
        ];
        for a in texts {
            for b in texts {
                let (ab, ba) = (features(a, b), features(b, a));
                for (i, (x, y)) in ab.iter().zip(&ba).enumerate() {
                    assert!(
                        (x - y).abs() < 1e-6,
                        "{:?} not symmetric on {a:?} / {b:?}",
                        FEATURE_NAMES[i]
                    );
                    assert!(
                        x.is_finite() && *x >= 0.0,
                        "{} = {x} on {a:?} / {b:?}",
                        FEATURE_NAMES[i]
                    );
                }
            }
        }
    }

    #[test]
    fn extra_weight_counts_what_one_side_lacks() {
        let (a, b) = (
            "The ferry left the port.",
            "The ferry left the port at dawn with Kell aboard.",
        );
        let (ta, tb) = (terms(a), terms(b));
        let mut vocab = Vocabulary::default();
        vocab.add_document(&ta);
        vocab.add_document(&tb);
        let (va, vb) = (vocab.vector(&ta), vocab.vector(&tb));
        assert_eq!(va.uncovered(&vb), 0.0);
        assert!(vb.uncovered(&va) > 0.0);
    }

    #[test]
    fn common_counts_shared_items_of_sorted_lists() {
        assert_eq!(common(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(common(&[], &[1]), 0);
        assert_eq!(common(&[4], &[4]), 1);
    }

    #[test]
    fn number_keys_drop_separators() {
        assert_eq!(number_key("300,000").as_deref(), Some("300000"));
        assert_eq!(number_key("6.8-billion").as_deref(), Some("6.8"));
        assert_eq!(number_key("Friday"), None);
    }

    proptest::proptest! {
        #[test]
        fn profiling_and_features_never_panic(a in "\\PC{0,80}", b in "\\PC{0,80}") {
            let x = features(&a, &b);
            proptest::prop_assert!(x.iter().all(|v| v.is_finite()));
        }
    }
}

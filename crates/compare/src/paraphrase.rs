//! The learned paraphrase score: a logistic regression over the cheap lexical pair features
//! of [`crate::similarity::pair_features`], giving the probability that two sentences state
//! the same fact.
//!
//! The coefficients below were learned on the MSRP train split by
//! `cargo run --release -p parallax-eval -- msrp /work/shared/datasets/msrp --fit`, which
//! prints this model as Rust code (see `docs/accuracy/paraphrase.md` for its accuracy). They
//! are data, not hand-tuned: refit instead of editing them.
//!
//! Scoring is cheap but not free, so the aligner first prunes pairs by TF-IDF cosine
//! ([`CANDIDATE_COSINE`]); the harness measures how many MSRP paraphrases that loses.

use crate::similarity::{
    pair_features, terms, SentenceProfile, SentenceVector, Vocabulary, FEATURES,
};

/// Pairs whose TF-IDF cosine is below this are not scored (probability 0): on MSRP train the
/// model accepts almost none of them (the harness reports how many).
pub const CANDIDATE_COSINE: f64 = 0.15;

/// A logistic regression over standardised features: `p = σ(bias + Σ wᵢ (xᵢ − meanᵢ) / scaleᵢ)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Feature means on the training data.
    pub mean: [f64; FEATURES],
    /// Feature standard deviations on the training data (1 where a feature is constant).
    pub scale: [f64; FEATURES],
    /// Weights of the standardised features.
    pub weights: [f64; FEATURES],
    /// Intercept.
    pub bias: f64,
}

/// The model in use, learned on MSRP train (4,076 pairs, plus unrelated pairs of its
/// sentences as extra negatives; see `eval/src/msrp.rs`) by `parallax-eval msrp --fit` on
/// 2026-11-22 (L2 = 1): train accuracy 0.760 at threshold 0.53, 10-fold cross-validated
/// accuracy 0.757 (the old TF-IDF cosine alone: 0.706). Feature order is
/// [`crate::similarity::FEATURE_NAMES`].
pub const MODEL: Model = Model {
    mean: [
        0.651923, 0.433319, 0.332909, 0.400166, 0.667752, 0.579077, 0.152812, 2.793426, 0.731603,
        0.047630,
    ],
    scale: [
        0.204440, 0.198548, 0.212540, 0.250397, 0.158010, 0.180449, 0.104164, 1.026191, 0.443125,
        0.212983,
    ],
    weights: [
        0.001281, 0.879677, 0.852308, -1.928319, 1.750802, -0.617086, -0.072190, -0.296867,
        0.214463, -0.254921,
    ],
    bias: 0.904493,
};

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl Model {
    /// Probability that the pair with features `x` is a paraphrase.
    pub fn probability(&self, x: &[f64; FEATURES]) -> f64 {
        let terms = x.iter().zip(&self.mean).zip(&self.scale).zip(&self.weights);
        let z: f64 = terms.map(|(((x, m), s), w)| w * (x - m) / s).sum();
        sigmoid(self.bias + z)
    }

    /// The model as Rust source for a `const` item, to paste over [`MODEL`].
    pub fn to_rust(&self) -> String {
        let list = |v: &[f64; FEATURES]| {
            let items: Vec<String> = v.iter().map(|x| format!("{x:.6}")).collect();
            items.join(", ")
        };
        format!(
            "pub const MODEL: Model = Model {{\n    mean: [{}],\n    scale: [{}],\n    weights: [{}],\n    bias: {:.6},\n}};\n",
            list(&self.mean),
            list(&self.scale),
            list(&self.weights),
            self.bias
        )
    }
}

/// Fits a logistic regression with an L2 penalty `l2` on the (standardised) weights, by
/// Newton's method (IRLS): a dozen steps converge on a few thousand pairs.
pub fn fit(xs: &[[f64; FEATURES]], ys: &[bool], l2: f64) -> Model {
    let rows: Vec<Vec<f64>> = xs.iter().map(|x| x.to_vec()).collect();
    let (m, s, w, bias) = fit_rows(&rows, ys, l2);
    let mut model = Model {
        mean: [0.0; FEATURES],
        scale: [1.0; FEATURES],
        weights: [0.0; FEATURES],
        bias,
    };
    model.mean.copy_from_slice(&m[..FEATURES]);
    model.scale.copy_from_slice(&s[..FEATURES]);
    model.weights.copy_from_slice(&w[..FEATURES]);
    model
}

/// [`fit`] over rows of any width: (means, scales, weights, bias).
pub fn fit_rows(xs: &[Vec<f64>], ys: &[bool], l2: f64) -> (Vec<f64>, Vec<f64>, Vec<f64>, f64) {
    let d = xs.first().map_or(0, Vec::len);
    let n = xs.len().max(1) as f64;
    let mut mean = vec![0.0; d];
    let mut scale = vec![1.0; d];
    for i in 0..d {
        mean[i] = xs.iter().map(|x| x[i]).sum::<f64>() / n;
        let var = xs.iter().map(|x| (x[i] - mean[i]).powi(2)).sum::<f64>() / n;
        if var > 1e-12 {
            scale[i] = var.sqrt();
        }
    }
    // Standardised rows with a leading 1 for the intercept.
    let rows: Vec<Vec<f64>> = xs
        .iter()
        .map(|x| {
            std::iter::once(1.0)
                .chain((0..d).map(|i| (x[i] - mean[i]) / scale[i]))
                .collect()
        })
        .collect();
    let d1 = d + 1;
    let mut w = vec![0.0; d1];
    for _ in 0..50 {
        let mut grad = vec![0.0; d1];
        let mut hess = vec![vec![0.0; d1]; d1];
        for (r, &y) in rows.iter().zip(ys) {
            let z: f64 = r.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = sigmoid(z);
            let (e, v) = (p - f64::from(u8::from(y)), p * (1.0 - p));
            for i in 0..d1 {
                grad[i] += e * r[i];
                for j in 0..d1 {
                    hess[i][j] += v * r[i] * r[j];
                }
            }
        }
        // The intercept is not penalised.
        for i in 1..d1 {
            grad[i] += l2 * w[i];
            hess[i][i] += l2;
        }
        let Some(step) = solve(hess, grad) else { break };
        for i in 0..d1 {
            w[i] -= step[i];
        }
        if step.iter().map(|s| s.abs()).fold(0.0, f64::max) < 1e-9 {
            break;
        }
    }
    let bias = w[0];
    (mean, scale, w[1..].to_vec(), bias)
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting; `None` when singular.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let d = b.len();
    for col in 0..d {
        let pivot = (col..d).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (done, rest) = a.split_at_mut(col + 1);
        let pivot_row = &done[col];
        for (k, row) in rest.iter_mut().enumerate() {
            let f = row[col] / pivot_row[col];
            for (x, p) in row[col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= f * p;
            }
            b[col + 1 + k] -= f * b[col];
        }
    }
    let mut x = vec![0.0; d];
    for row in (0..d).rev() {
        let tail: f64 = (row + 1..d).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - tail) / a[row][row];
    }
    Some(x)
}

/// Paraphrase probability of two sentences, from their profiles and TF-IDF vectors, by the
/// committed [`MODEL`]; 0 when their cosine is below [`CANDIDATE_COSINE`].
pub fn score(
    a: &SentenceProfile,
    b: &SentenceProfile,
    va: &SentenceVector,
    vb: &SentenceVector,
) -> f64 {
    if va.is_empty() || vb.is_empty() || va.cosine(vb) < CANDIDATE_COSINE {
        return 0.0;
    }
    MODEL.probability(&pair_features(a, b, va, vb))
}

/// Paraphrase probability of two texts on their own (document frequencies from just the two).
pub fn pair_score(a: &str, b: &str) -> f64 {
    let (ta, tb) = (terms(a), terms(b));
    let mut vocab = Vocabulary::default();
    vocab.add_document(&ta);
    vocab.add_document(&tb);
    let (va, vb) = (vocab.vector(&ta), vocab.vector(&tb));
    score(&SentenceProfile::new(a), &SentenceProfile::new(b), &va, &vb)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FACT_THRESHOLD;

    /// (case, sentence, its paraphrase, a sentence about another fact of the same story).
    const PAIRS: &[(&str, &str, &str, &str)] = &[
        (
            "reworded_opening",
            "A fire destroyed a warehouse on Pier 4 of Port Ellery harbour late on Sunday.",
            "Late on Sunday a fire destroyed the warehouse on Pier 4 of Port Ellery harbour.",
            "The harbour master said Piers 3 and 5 would reopen to boats on Wednesday.",
        ),
        (
            "passive_and_synonym",
            "Mayor Ana Ruiz opened the rebuilt bridge over the Vell river on Friday.",
            "The rebuilt bridge over the Vell river was opened on Friday by Mayor Ana Ruiz.",
            "Mayor Ana Ruiz said the old bridge had been closed for three years.",
        ),
        (
            "other_number_is_another_fact",
            "The council approved 12 new buses for the northern routes.",
            "The council has approved 12 new buses for its northern routes.",
            "The council approved 40 new buses for the northern routes.",
        ),
        (
            "negation_is_another_fact",
            "The ministry said the border crossing would reopen on Monday.",
            "The border crossing will reopen on Monday, the ministry said.",
            "The ministry said the border crossing would not reopen on Monday.",
        ),
    ];

    #[test]
    fn paraphrases_outscore_other_facts() {
        for &(case, a, para, other) in PAIRS {
            let (p, o) = (pair_score(a, para), pair_score(a, other));
            assert!(p > o, "{case}: paraphrase {p:.3} <= other {o:.3}");
            assert!(
                p >= FACT_THRESHOLD,
                "{case}: paraphrase {p:.3} below the fact threshold"
            );
        }
    }

    #[test]
    fn identical_sentences_are_paraphrases_and_unrelated_are_not() {
        let s = "Two firefighters were treated for smoke inhalation at the scene.";
        assert!(pair_score(s, s) > 0.9);
        assert_eq!(
            pair_score(s, "Herring prices rose sharply in the spring."),
            0.0
        );
        assert_eq!(pair_score("", s), 0.0);
    }

    #[test]
    fn fit_learns_a_separating_direction() {
        // Label is "feature 1 above 0.5"; the other features are noise-free distractors.
        let xs: Vec<[f64; FEATURES]> = (0..400)
            .map(|i| {
                let mut x = [0.0; FEATURES];
                x[1] = f64::from(i % 100) / 100.0;
                x[2] = f64::from((i * 37) % 100) / 100.0;
                x
            })
            .collect();
        let ys: Vec<bool> = xs.iter().map(|x| x[1] > 0.5).collect();
        let m = fit(&xs, &ys, 1.0);
        assert!(m.weights[1] > 3.0 * m.weights[2].abs(), "{m:?}");
        let correct = xs
            .iter()
            .zip(&ys)
            .filter(|(x, y)| (m.probability(x) >= 0.5) == **y);
        assert!(correct.count() >= 390);
    }

    #[test]
    fn solve_handles_a_known_system_and_a_singular_one() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]);
        let x = x.unwrap_or_default();
        assert!(
            (x[0] - 0.8).abs() < 1e-9 && (x[1] - 1.4).abs() < 1e-9,
            "{x:?}"
        );
        assert!(solve(vec![vec![1.0, 2.0], vec![2.0, 4.0]], vec![1.0, 2.0]).is_none());
    }

    #[test]
    fn model_source_round_trips_its_numbers() {
        let src = MODEL.to_rust();
        assert!(src.starts_with("pub const MODEL: Model = Model {"));
        assert!(src.contains(&format!("{:.6}", MODEL.bias)));
    }
}

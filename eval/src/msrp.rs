//! MSRP (Microsoft Research Paraphrase corpus), train split: how well the paraphrase score
//! behind fact alignment separates paraphrases.
//!
//! The metric is the dataset's own: accuracy and F1 of the "paraphrase" class. The model (a
//! logistic regression over `parallax_compare::similarity::pair_features`) is fitted on the
//! whole train split and its threshold chosen there; that is the calibration committed in
//! `parallax_compare::paraphrase::MODEL` and `parallax_compare::FACT_THRESHOLD` (`--fit`
//! prints the model as Rust code). Its honest accuracy is estimated by 10-fold
//! cross-validation: fit and choose the threshold on nine folds, score the tenth. The old
//! TF-IDF cosine is reported beside it, and each feature's worth by dropping it.

use std::fmt::Write;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use parallax_compare::paraphrase::{fit, score, Model, CANDIDATE_COSINE, MODEL};
use parallax_compare::similarity::{
    pair_features, terms, SentenceProfile, SentenceVector, Vocabulary, FEATURES, FEATURE_NAMES,
};
use parallax_compare::{CORROBORATION_THRESHOLD, FACT_THRESHOLD};

use crate::parse_options;

/// L2 penalty of the logistic regression (on standardised weights; mild, the data is plenty).
const L2: f64 = 1.0;
/// Folds of the cross-validation.
const K: usize = 10;
/// One random (unrelated) negative pair per this many MSRP pairs; see [`Data`].
const RANDOM_SHARE: usize = 4;

struct Row {
    gold: bool,
    a: String,
    b: String,
}

fn load(dir: &std::path::Path) -> Result<Vec<Row>> {
    let path = dir.join("msr_paraphrase_train.txt");
    let raw = std::fs::read_to_string(&path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in raw.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [q, _, _, a, b] = cols[..] else {
            bail!(
                "{}:{}: expected 5 tab-separated columns",
                path.display(),
                n + 1
            )
        };
        out.push(Row {
            gold: q.trim_start_matches('\u{feff}') == "1",
            a: a.to_string(),
            b: b.to_string(),
        });
    }
    Ok(out)
}

/// TF-IDF vectors with document frequencies over all train sentences (no labels involved).
fn vectors(rows: &[Row]) -> Vec<(SentenceVector, SentenceVector)> {
    let ts: Vec<_> = rows.iter().map(|r| (terms(&r.a), terms(&r.b))).collect();
    let mut vocab = Vocabulary::default();
    for (a, b) in &ts {
        vocab.add_document(a);
        vocab.add_document(b);
    }
    ts.iter()
        .map(|(a, b)| (vocab.vector(a), vocab.vector(b)))
        .collect()
}

/// (accuracy, precision, recall, F1) of `scores` against `gold` at threshold `t`.
fn metrics(scores: &[f64], gold: &[bool], t: f64) -> (f64, f64, f64, f64) {
    let (mut tp, mut fp, mut tn, mut fnn) = (0.0, 0.0, 0.0, 0.0);
    for (&s, &g) in scores.iter().zip(gold) {
        match (s >= t, g) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, false) => tn += 1.0,
            (false, true) => fnn += 1.0,
        }
    }
    let acc = (tp + tn) / scores.len().max(1) as f64;
    let prec = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let rec = if tp + fnn > 0.0 { tp / (tp + fnn) } else { 0.0 };
    let f1 = if prec + rec > 0.0 {
        2.0 * prec * rec / (prec + rec)
    } else {
        0.0
    };
    (acc, prec, rec, f1)
}

/// The threshold (on a 0.01 grid) with the best accuracy; ties go to the lowest.
fn best_threshold(scores: &[f64], gold: &[bool]) -> f64 {
    let mut best = (0.5, -1.0);
    for i in 0..=100 {
        let t = f64::from(i) / 100.0;
        let acc = metrics(scores, gold, t).0;
        if acc > best.1 {
            best = (t, acc);
        }
    }
    best.0
}

fn split<T: Clone>(v: &[T], fold: usize, test: bool) -> Vec<T> {
    v.iter()
        .enumerate()
        .filter(|(i, _)| (i % K == fold) == test)
        .map(|(_, x)| x.clone())
        .collect()
}

/// 10-fold cross-validated accuracy of a score chosen by `learn` on nine folds (which returns
/// the scores of the tenth fold and the threshold chosen on the nine).
fn cross_validate(gold: &[bool], mut learn: impl FnMut(usize) -> (Vec<f64>, f64)) -> f64 {
    let mut correct = 0.0;
    for fold in 0..K {
        let test_gold = split(gold, fold, true);
        let (scores, t) = learn(fold);
        correct += metrics(&scores, &test_gold, t).0 * test_gold.len() as f64;
    }
    correct / gold.len().max(1) as f64
}

/// The training data: features of the MSRP pairs, plus unrelated sentence pairs (one
/// sentence of row `i`, one of row `j`) as extra negatives.
///
/// Why the extra negatives: MSRP pairs were picked for their lexical overlap, so the model
/// never sees the bulk of what the aligner scores (sentences of one story that share a word
/// or two and state different facts). Fitted on MSRP alone, it learns that a shared long run
/// of words, given the rest, means "one sentence adds a clause" (a negative sign on
/// `trigram_max`), and then rates pairs that share nothing but "Putin said" as paraphrases.
/// Random pairs that pass the aligner's cosine cut teach it that little overlap means no.
struct Data {
    xs: Vec<[f64; FEATURES]>,
    random: Vec<[f64; FEATURES]>,
    random_rows: Vec<(usize, usize)>,
}

impl Data {
    /// The same data with the features in `drop` set to 0: a constant column standardises to
    /// zero, so the model cannot use it.
    fn without(&self, drop: &[usize]) -> Data {
        let zero = |v: &[[f64; FEATURES]]| {
            v.iter()
                .map(|x| {
                    let mut x = *x;
                    for &f in drop {
                        x[f] = 0.0;
                    }
                    x
                })
                .collect()
        };
        Data {
            xs: zero(&self.xs),
            random: zero(&self.random),
            random_rows: self.random_rows.clone(),
        }
    }

    /// Fits on everything outside `fold` (on all of it when `fold` is `K`); the threshold is
    /// chosen on the MSRP pairs only, whose accuracy is the metric.
    fn fit_outside(&self, gold: &[bool], fold: usize) -> (Model, f64) {
        let mut train_x = split(&self.xs, fold, false);
        let mut train_y = split(gold, fold, false);
        let msrp = train_x.len();
        for (x, &(i, j)) in self.random.iter().zip(&self.random_rows) {
            if i % K != fold && j % K != fold {
                train_x.push(*x);
                train_y.push(false);
            }
        }
        let m = fit(&train_x, &train_y, L2);
        let scores: Vec<f64> = train_x[..msrp].iter().map(|x| m.probability(x)).collect();
        let t = best_threshold(&scores, &train_y[..msrp]);
        (m, t)
    }
}

/// Fits outside `fold` and scores the MSRP pairs of `fold`.
fn model_fold(data: &Data, gold: &[bool], fold: usize) -> (Vec<f64>, f64) {
    let (m, t) = data.fit_outside(gold, fold);
    let test: Vec<f64> = split(&data.xs, fold, true)
        .iter()
        .map(|x| m.probability(x))
        .collect();
    (test, t)
}

/// Pairs of sentences from different MSRP rows (a fixed pseudo-random sequence), kept when
/// their cosine passes the aligner's cut: `count` of them at most.
fn random_pairs(vecs: &[(SentenceVector, SentenceVector)], count: usize) -> Vec<(usize, usize)> {
    let n = vecs.len() as u64;
    let mut out = Vec::new();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        // xorshift64: the same sequence every run, so every run fits the same model.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1)) as usize
    };
    for _ in 0..count * 50 {
        if out.len() >= count || n < 2 {
            break;
        }
        let (i, j) = (next(), next());
        if i != j && vecs[i].0.cosine(&vecs[j].1) >= CANDIDATE_COSINE {
            out.push((i, j));
        }
    }
    out
}

/// Greedy forward selection over the features: (feature added, CV accuracy after) per step.
fn forward_path(data: &Data, gold: &[bool]) -> Vec<(usize, f64)> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut path = Vec::new();
    while chosen.len() < FEATURES {
        let mut best = (usize::MAX, -1.0);
        for f in (0..FEATURES).filter(|f| !chosen.contains(f)) {
            let drop: Vec<usize> = (0..FEATURES)
                .filter(|g| *g != f && !chosen.contains(g))
                .collect();
            let only = data.without(&drop);
            let cv = cross_validate(gold, |fold| model_fold(&only, gold, fold));
            if cv > best.1 {
                best = (f, cv);
            }
        }
        chosen.push(best.0);
        path.push(best);
    }
    path
}

/// What the exploration measured and dropped (one-off runs over a larger candidate set while
/// the features were chosen; the candidates are no longer in the code).
const DROPPED: &str = "Chosen by greedy forward selection with 10-fold CV on train over 24 candidates (the CV figure above is therefore slightly optimistic). Dropped because they added nothing once the kept ones were in (each within ±0.002 CV): unigram overlap of content stems (over the longer / shorter sentence), IDF-weighted coverage, word LCS ratio, character 4-gram Dice, `bigram_max`, log length, unmatched word counts, unmatched-number count and number-subset flags, and the share of capitalised names missing from the other sentence. Pairwise products of the candidates (a quadratic model) reached 0.763 CV at best: not worth 300 coefficients.";

/// What MSRP teaches that fact alignment does not want, seen on the example stories and seeds.
const LIMITS: &str = "MSRP calls a pair with an added clause a non-paraphrase, and the model learned it (negative weight on `trigram_max`): in a story, a short sentence contained in a longer one of another outlet (\"The council meets on Thursday.\") is now often neither a fact nor corroborated, where the cosine joined it. Short quote sentences that share only the attribution (\"…,” Putin said.\") can score high, because character n-grams of a five-word sentence are dominated by the shared tail. Both are candidates for features beyond MSRP (containment, attribution-aware n-grams) and for a story-level test set.";

/// Time to align a synthetic story: `articles` × `per` MSRP sentences, every cross-article
/// pair scored as the aligner does (cosine, then the model above the pruning cut).
fn story_ms(rows: &[Row], articles: usize, per: usize) -> (f64, usize) {
    let start = Instant::now();
    let sentences: Vec<&str> = rows
        .iter()
        .take(articles * per)
        .map(|r| r.a.as_str())
        .collect();
    let ts: Vec<_> = sentences.iter().map(|s| terms(s)).collect();
    let mut vocab = Vocabulary::default();
    for t in &ts {
        vocab.add_document(t);
    }
    let vs: Vec<SentenceVector> = ts.iter().map(|t| vocab.vector(t)).collect();
    let ps: Vec<SentenceProfile> = sentences.iter().map(|s| SentenceProfile::new(s)).collect();
    let mut accepted = 0;
    for i in 0..vs.len() {
        for j in i + 1..vs.len() {
            if i / per != j / per && score(&ps[i], &ps[j], &vs[i], &vs[j]) >= FACT_THRESHOLD {
                accepted += 1;
            }
        }
    }
    (start.elapsed().as_secs_f64() * 1e3, accepted)
}

/// Runs the evaluation and writes the report. `--fit` also prints the fitted model as Rust.
pub fn run(args: &[String]) -> Result<()> {
    let print_fit = args.iter().any(|a| a == "--fit");
    let rest: Vec<String> = args.iter().filter(|a| *a != "--fit").cloned().collect();
    let opts = parse_options(&rest)?;
    let rows = load(&opts.dir)?;
    let gold: Vec<bool> = rows.iter().map(|r| r.gold).collect();
    let vecs = vectors(&rows);
    let cos: Vec<f64> = vecs.iter().map(|(a, b)| a.cosine(b)).collect();

    let start = Instant::now();
    let profiles: Vec<(SentenceProfile, SentenceProfile)> = rows
        .iter()
        .map(|r| (SentenceProfile::new(&r.a), SentenceProfile::new(&r.b)))
        .collect();
    let profile_us = start.elapsed().as_secs_f64() * 1e6 / (2 * rows.len()).max(1) as f64;
    let start = Instant::now();
    let xs: Vec<[f64; FEATURES]> = profiles
        .iter()
        .zip(&vecs)
        .map(|((a, b), (va, vb))| pair_features(a, b, va, vb))
        .collect();
    let committed: Vec<f64> = xs.iter().map(|x| MODEL.probability(x)).collect();
    let pair_us = start.elapsed().as_secs_f64() * 1e6 / rows.len().max(1) as f64;

    // The old score: cosine with a threshold.
    let cos_t = best_threshold(&cos, &gold);
    let cos_m = metrics(&cos, &gold, cos_t);
    let cos_cv = cross_validate(&gold, |fold| {
        let t = best_threshold(&split(&cos, fold, false), &split(&gold, fold, false));
        (split(&cos, fold, true), t)
    });

    // The model, fitted on all of train.
    let random_rows = random_pairs(&vecs, rows.len() / RANDOM_SHARE);
    let random: Vec<[f64; FEATURES]> = random_rows
        .iter()
        .map(|&(i, j)| pair_features(&profiles[i].0, &profiles[j].1, &vecs[i].0, &vecs[j].1))
        .collect();
    let data = Data {
        xs,
        random,
        random_rows,
    };
    let (model, t) = data.fit_outside(&gold, K);
    let probs: Vec<f64> = data.xs.iter().map(|x| model.probability(x)).collect();
    let m = metrics(&probs, &gold, t);
    let cv = cross_validate(&gold, |fold| model_fold(&data, &gold, fold));
    let random_rejected = data
        .random
        .iter()
        .filter(|x| model.probability(x) < t)
        .count();
    let used = metrics(&committed, &gold, FACT_THRESHOLD);

    // What the aligner's cosine pruning costs: pairs below CANDIDATE_COSINE get no score.
    let pruned: Vec<usize> = (0..rows.len())
        .filter(|&i| cos[i] < CANDIDATE_COSINE)
        .collect();
    let pruned_pos = pruned.iter().filter(|&&i| gold[i]).count();
    let pruned_accepted = pruned.iter().filter(|&&i| probs[i] >= t).count();
    let pruned_pos_accepted = pruned.iter().filter(|&&i| gold[i] && probs[i] >= t).count();

    let mut o = String::new();
    let _ = writeln!(o, "# Paraphrase between sentences: MSRP train\n");
    let _ = writeln!(o, "Reproduce: `cargo run --release -p parallax-eval -- msrp /work/shared/datasets/msrp --out docs/accuracy/paraphrase.md` (add `--fit` to print the fitted model as Rust for `crates/compare/src/paraphrase.rs`).\n");
    let _ = writeln!(o, "The score fact alignment uses is `parallax_compare::paraphrase`: a logistic regression (L2 = {L2}, standardised features, Newton/IRLS) over the lexical pair features of `parallax_compare::similarity::pair_features`. TF-IDF document frequencies come from the {} train sentences. Besides the MSRP pairs, the fit sees {} unrelated pairs (a sentence of one MSRP row with one of another, kept when their cosine passes the aligner's cut) as negatives, so that it also knows what the bulk of sentence pairs in a story look like; the threshold is chosen, and everything below is measured, on MSRP pairs only. The fitted model rejects {random_rejected} of those {} unrelated pairs.\n", 2 * rows.len(), data.random.len(), data.random.len());
    let positives = gold.iter().filter(|g| **g).count() as f64 / gold.len().max(1) as f64;
    let _ = writeln!(
        o,
        "| pairs | paraphrase share (majority baseline) |\n|---|---|\n| {} | {positives:.3} |\n",
        rows.len()
    );
    let _ = writeln!(o, "| score | threshold | how the threshold was chosen | accuracy | precision | recall | F1 | 10-fold CV accuracy |\n|---|---|---|---|---|---|---|---|");
    let _ = writeln!(o, "| learned model, fitted on all of train | {t:.2} | best accuracy on all of train | {:.3} | {:.3} | {:.3} | {:.3} | **{cv:.3}** |", m.0, m.1, m.2, m.3);
    let _ = writeln!(o, "| committed `MODEL` | {FACT_THRESHOLD:.2} | `FACT_THRESHOLD` in use | {:.3} | {:.3} | {:.3} | {:.3} | |", used.0, used.1, used.2, used.3);
    let _ = writeln!(o, "| TF-IDF cosine alone (the old score) | {cos_t:.2} | best accuracy on all of train | {:.3} | {:.3} | {:.3} | {:.3} | {cos_cv:.3} |", cos_m.0, cos_m.1, cos_m.2, cos_m.3);
    let _ = writeln!(o, "\nCross-validation fits the model and chooses its threshold on nine folds and scores the tenth: it is the honest figure. Published lexical baselines on MSRP reach about 0.70–0.76 accuracy; the project's bar is 0.75.\n");

    let _ = writeln!(o, "## Features\n\n\"Weight\" is the weight of the standardised feature in the model fitted on all of train. \"Step\" and \"CV after adding\" trace a greedy forward selection over the kept features (at each step add the one that most raises CV accuracy); \"CV without\" drops just that feature from the full model (below {cv:.3} means it helps). The features are collinear, so single weights and drops understate what each carries.\n");
    let _ = writeln!(
        o,
        "| feature | weight | step | CV after adding | CV without |\n|---|---|---|---|---|"
    );
    let path = forward_path(&data, &gold);
    for (f, name) in FEATURE_NAMES.iter().enumerate() {
        let without = data.without(&[f]);
        let cv_f = cross_validate(&gold, |fold| model_fold(&without, &gold, fold));
        let (step, cv_add) = path
            .iter()
            .enumerate()
            .find(|(_, (g, _))| *g == f)
            .map_or((0, 0.0), |(k, (_, c))| (k + 1, *c));
        let _ = writeln!(
            o,
            "| `{name}` | {:+.3} | {step} | {cv_add:.3} | {cv_f:.3} |",
            model.weights[f]
        );
    }
    let _ = writeln!(o, "\n{DROPPED}");
    let corr = metrics(&probs, &gold, CORROBORATION_THRESHOLD);
    let _ = writeln!(o, "\n## Corroboration threshold\n\nA sentence is not unique to its outlet when another outlet has a sentence scoring at least `CORROBORATION_THRESHOLD` = {CORROBORATION_THRESHOLD:.2} with it. On MSRP train, at that threshold the model fitted on all of train has precision {:.3} and recall {:.3} (at the fact threshold: {:.3} and {:.3}): it catches nearly every paraphrase while most pairs it accepts still are paraphrases.", corr.1, corr.2, m.1, m.2);
    let _ = writeln!(o, "\n## Pruning by cosine\n\nThe aligner scores only pairs with TF-IDF cosine ≥ {CANDIDATE_COSINE} with the model (the rest get 0). On MSRP train {} pairs fall below it, {pruned_pos} of them paraphrases. Of these the model fitted on all of train would accept {pruned_accepted} at its threshold: {pruned_pos_accepted} paraphrases (lost by pruning) and {} non-paraphrases (saved by it).\n", pruned.len(), pruned_accepted - pruned_pos_accepted);
    let (ms, _) = story_ms(&rows, 10, 30);
    let _ = writeln!(o, "## Speed\n\nProfiling a sentence (words, stems, hashes): {profile_us:.1} µs; features and probability of a profiled pair: {pair_us:.2} µs. A synthetic story of 10 articles × 30 sentences (MSRP sentences; 40,500 cross-article pairs, cosine first, the model above the cut): {ms:.1} ms for vectors, profiles and all scores. Release build, one core of this machine; timings vary from run to run.");
    let _ = writeln!(o, "\n## Known limits\n\n{LIMITS}");
    say!("{o}");
    if print_fit {
        say!("// Fitted on MSRP train: threshold {t:.2}, train accuracy {:.3}, 10-fold CV accuracy {cv:.3}.", m.0);
        say!("{}", model.to_rust());
    }
    if let Some(out) = &opts.out {
        std::fs::write(out, &o).with_context(|| format!("{}: cannot write", out.display()))?;
    }
    if let Some(floor) = opts.floor {
        if cv < floor {
            bail!("MSRP cross-validated accuracy {cv:.3} is below the floor {floor:.3}");
        }
    }
    Ok(())
}

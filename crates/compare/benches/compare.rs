//! Compare on the bundled examples: a 10-article story made of the seven example articles plus
//! three of them again under new ids (every pair is compared either way, so the work is that of
//! a 10-article story). Run: `cargo bench -p parallax-compare --bench compare`.

use criterion::{criterion_main, Criterion};
use parallax_compare::{CompareConfig, Comparer};
use parallax_model::Article;

fn story(n: usize) -> Vec<Article> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let inputs = vec![
        format!("{root}/harbor-fire"),
        format!("{root}/river-accord"),
    ];
    let docs = parallax_ingest::load_inputs(&inputs)
        .expect("examples")
        .documents;
    let base: Vec<Article> = docs
        .iter()
        .map(|d| parallax_ingest::extract(d).expect("extract"))
        .collect();
    (0..n)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a.id = format!("a{}", i + 1);
            a
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let comparer = Comparer::new(CompareConfig::default());
    let articles = story(10);
    let analyzed: Vec<_> = articles
        .iter()
        .cloned()
        .map(|a| comparer.analyzer().analyze(a))
        .collect();
    let mut g = c.benchmark_group("compare");
    g.sample_size(20);
    g.bench_function("10 articles: analyze + compare", |b| {
        b.iter(|| comparer.compare(articles.clone()))
    });
    g.bench_function("10 articles: compare only (pre-analyzed)", |b| {
        b.iter(|| comparer.compare_analyzed(analyzed.clone()))
    });
    g.bench_function("2 articles: analyze + compare", |b| {
        b.iter(|| comparer.compare(articles[..2].to_vec()))
    });
    g.finish();
}

// criterion_group! generates an undocumented function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::bench);
}
criterion_main!(group::benches);

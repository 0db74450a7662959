//! Throughput of quote extraction with attribution on real text files, one article per file:
//! `cargo run --release -p parallax-analyze --example quote_throughput -- [--indirect] FILE...`.
//! Runs paragraphs, sentences, entities, marks → quotes, speakers and cues (and, with
//! `--indirect`, reported speech) over every file, several rounds, and prints MB/s.

use std::time::Instant;

fn extract(text: &str, with_indirect: bool) -> usize {
    parallax_analyze::extract_quotes(text, with_indirect).len()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let with_indirect = args.iter().any(|a| a == "--indirect");
    let texts: Vec<String> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    if bytes == 0 {
        eprintln!("usage: quote_throughput [--indirect] FILE...");
        std::process::exit(2);
    }
    // PARALLAX_ROUNDS=1 for a profiler run.
    let rounds = std::env::var("PARALLAX_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or((20_000_000 / bytes).clamp(1, 200));
    let mut n = 0;
    let t = Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            n += extract(std::hint::black_box(text), with_indirect);
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} files, {:.2} MB x {rounds} rounds: {:.1} MB/s ({n} quotes)",
        texts.len(),
        bytes as f64 / 1e6,
        mb / secs
    );
}

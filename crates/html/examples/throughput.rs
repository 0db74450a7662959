//! Extraction throughput on a folder of pages (`.html` or `.html.gz`), single-threaded, for the
//! side-by-side speed comparison in `benches/extraction.sh`.
//!
//! `cargo run --release -p parallax-html --example throughput -- DIR [ROUNDS]`
//! prints one line: `parallax-html docs=N rounds=R seconds=S docs_per_s=D mb_per_s=M (CPU time;
//! wall W docs/s; fast tokenizer F, checksum C)`: seconds and rates are CPU time (per core, and
//! not inflated by other work on a shared machine), F the pages our tokenizer reads itself (the
//! rest go to html5ever's).

use std::time::Instant;

#[path = "common/pages.rs"]
mod pages;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: throughput DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let pages: Vec<String> = match pages::read_pages(&dir) {
        Ok(p) => p.into_iter().map(|(_, page)| page).collect(),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let bytes: usize = pages.iter().map(String::len).sum();
    // Pages our tokenizer reads itself (html5ever's reads the rest, slower).
    let fast = pages
        .iter()
        .filter(|p| parallax_html::tokenizes_fast(p))
        .count();
    // One warm-up round, then the timed rounds.
    let mut chars = 0usize;
    for p in &pages {
        chars += parallax_html::extract(p, None).text.len();
    }
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    for _ in 0..rounds {
        for p in &pages {
            chars += parallax_html::extract(p, None).text.len();
        }
    }
    let wall = start.elapsed().as_secs_f64();
    // CPU time, so that other work on a shared machine does not count as ours; wall time when
    // the kernel does not say.
    let secs = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => wall,
    };
    let docs = pages.len() * rounds;
    println!(
        "parallax-html docs={} rounds={} seconds={:.3} docs_per_s={:.1} mb_per_s={:.2} (CPU time; wall {:.1} docs/s; fast tokenizer {}, checksum {})",
        pages.len(),
        rounds,
        secs,
        docs as f64 / secs,
        (bytes * rounds) as f64 / secs / 1e6,
        docs as f64 / wall,
        fast,
        chars % 1000
    );
}

/// CPU time this process has used, from Linux's `/proc/self/schedstat` (nanoseconds on CPU).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

//! Extraction throughput on a folder of pages (`.html` or `.html.gz`), single-threaded, for the
//! side-by-side speed comparison in `benches/extraction.sh`.
//!
//! `cargo run --release -p parallax-html --example throughput -- DIR [ROUNDS]`
//! prints one line: `parallax-html docs=N rounds=R seconds=S docs_per_s=D mb_per_s=M (lightened L,
//! checksum C)`, L being the pages parsed with script and style bodies emptied.

use std::io::Read;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: throughput DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut pages = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path.to_string_lossy();
        let raw = if name.ends_with(".gz") {
            let mut out = Vec::new();
            if flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .is_err()
            {
                continue;
            }
            out
        } else if name.ends_with(".html") || name.ends_with(".htm") {
            bytes
        } else {
            continue;
        };
        pages.push(String::from_utf8_lossy(&raw).into_owned());
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    // Pages parsed with script and style bodies emptied (the rest take the slower path).
    let lightened = pages.iter().filter(|p| parallax_html::lightens(p)).count();
    // One warm-up round, then the timed rounds.
    let mut chars = 0usize;
    for p in &pages {
        chars += parallax_html::extract(p, None).text.len();
    }
    let start = Instant::now();
    for _ in 0..rounds {
        for p in &pages {
            chars += parallax_html::extract(p, None).text.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let docs = pages.len() * rounds;
    println!(
        "parallax-html docs={} rounds={} seconds={:.3} docs_per_s={:.1} mb_per_s={:.2} (lightened {}, checksum {})",
        pages.len(),
        rounds,
        secs,
        docs as f64 / secs,
        (bytes * rounds) as f64 / secs / 1e6,
        lightened,
        chars % 1000
    );
}

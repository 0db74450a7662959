//! Long-running checks, `#[ignore]`d so `cargo test` stays fast; run them with
//! `cargo test -p parallax-ingest --release -- --ignored --nocapture`.

use std::path::Path;
use std::time::Instant;

use parallax_ingest::{extract, read_inputs, RemovedKind};

/// A 50 MB plain-text article of synthetic paragraphs, with every kind of furniture, must read
/// and clean in linear time (the time is printed, not asserted: speed belongs to benchmarks).
#[test]
#[ignore]
fn fifty_megabytes_of_text_clean_in_one_pass() {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-large-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("large.md");
    let block = "The ferry from Port Selden left at dawn, the [operator](#) said, and the crews\n\
                 worked through the night to clear the quay before the next storm arrived.\n\n\
                 “We will not stop until every boat is home,” the harbour master said, adding\n\n\
                 that the repairs would take weeks.\n\nPhoto: Lena Ashby\n\nAdvertisement\n\n";
    let mut body = String::from("# Harbour Reopens After Storm\n\nMarch 5, 2021\n\n");
    while body.len() < 50 * 1024 * 1024 {
        body.push_str(block);
    }
    body.push_str("Original url: <https://www.selden-post.example/a>\n");
    if std::fs::write(&path, &body).is_err() {
        println!("skipped: cannot write {}", path.display());
        return;
    }
    let started = Instant::now();
    let docs = read_inputs(&[path.display().to_string()]).unwrap_or_default();
    let read = started.elapsed();
    let article = docs.first().map(extract);
    let total = started.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    let Some(Ok(article)) = article else {
        panic!("extraction failed")
    };
    let mb = body.len() as f64 / (1024.0 * 1024.0);
    println!(
        "{mb:.1} MB: read {:.2}s, read+extract {:.2}s ({:.1} MB/s), {} removed, text {} bytes",
        read.as_secs_f64(),
        total.as_secs_f64(),
        mb / total.as_secs_f64(),
        article.removed.len(),
        article.text.len()
    );
    assert_eq!(
        article.title.as_deref(),
        Some("Harbour Reopens After Storm")
    );
    assert_eq!(article.outlet, "selden-post.example");
    assert!(article.text.contains("adding that the repairs"));
    assert!(!article.text.contains("Advertisement"));
}

/// The NewsWCL50 raw articles (plain text, one outlet each; read in place when present):
/// every one must extract and keep an exact source map, and a title, when found, must be the
/// first line. Prints what was found (headlines there often end with a period, so only the
/// Title Case ones are recognised).
#[test]
#[ignore]
fn newswcl50_articles_extract_cleanly() {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/datasets/newswcl50/raw-articles"
    );
    if !Path::new(dir).is_dir() {
        println!("skipped: ../shared/datasets/newswcl50 not found");
        return;
    }
    let docs = match read_inputs(&[dir.to_string()]) {
        Ok(docs) => docs,
        Err(e) => panic!("{e}"),
    };
    let docs: Vec<_> = docs
        .into_iter()
        .filter(|d| !d.input.ends_with("README.md"))
        .collect();
    let mut titles = 0;
    let mut counts = std::collections::BTreeMap::new();
    for doc in &docs {
        let article = match extract(doc) {
            Ok(a) => a,
            Err(e) => panic!("{e}"),
        };
        for s in &article.source_map.segments {
            assert_eq!(
                article.text.get(s.text..s.text + s.len),
                doc.body.get(s.source..s.source + s.len)
            );
        }
        if std::env::var_os("PARALLAX_SHOW").is_some() {
            let lines = doc.body.lines().filter(|l| !l.trim().is_empty()).count();
            let paras = article.text.split("\n\n").count();
            if lines != paras + article.removed.len() {
                println!(
                    "{}: {lines} lines, {paras} paragraphs, {} removed",
                    doc.input,
                    article.removed.len()
                );
            }
        }
        let first_line = doc
            .body
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        match &article.title {
            Some(title) => {
                titles += 1;
                assert_eq!(title, first_line, "{}", doc.input);
            }
            None => println!(
                "no title: {}: {first_line}",
                doc.input.rsplit('/').next().unwrap_or("")
            ),
        }
        for r in &article.removed {
            *counts.entry(format!("{:?}", r.kind)).or_insert(0usize) += 1;
            if r.kind != RemovedKind::Metadata {
                println!(
                    "{}: {:?} {:?}",
                    doc.input.rsplit('/').next().unwrap_or(""),
                    r.kind,
                    r.text
                );
            }
        }
    }
    println!(
        "{} articles, {titles} titles, removed: {counts:?}",
        docs.len()
    );
}

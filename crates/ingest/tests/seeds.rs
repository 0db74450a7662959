//! The real seed articles in ../shared/seeds (read in place, never copied): the cleaning rules
//! must recover their metadata and drop their furniture. Skipped when the folder is absent.

use std::path::{Path, PathBuf};

use parallax_ingest::{extract, read_inputs, Article, RemovedKind};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds");

/// The article read from the seed file whose name starts with `prefix`, or `None` (with a
/// message) when the seeds are not on this machine.
fn seed(prefix: &str) -> Option<Article> {
    let dir = Path::new(SEEDS);
    if !dir.is_dir() {
        println!("skipped: ../shared/seeds not found");
        return None;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    let path = files.into_iter().find(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
    })?;
    let docs = read_inputs(&[path.display().to_string()]).ok()?;
    let doc = docs.first()?;
    let article = extract(doc).ok()?;
    if std::env::var_os("PARALLAX_SHOW").is_some() {
        println!(
            "{}",
            serde_json::to_string_pretty(&article.removed).unwrap_or_default()
        );
        println!("{}", article.text);
    }
    Some(article)
}

fn removed_of(article: &Article, kind: RemovedKind) -> Vec<&str> {
    article
        .removed
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.text.as_str())
        .collect()
}

#[test]
fn seed_000_metadata_furniture_and_joined_paragraph() {
    let Some(a) = seed("000_") else { return };
    assert_eq!(
        a.title.as_deref(),
        Some("Putin Meets With Carefully Selected Group of Soldiers' Mothers")
    );
    assert_eq!(a.published.as_deref(), Some("2022-11-25"));
    assert!(
        a.url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://www.themoscowtimes.com/")),
        "{:?}",
        a.url
    );
    assert_eq!(a.outlet, "themoscowtimes.com");

    let residue = removed_of(&a, RemovedKind::LinkResidue);
    assert!(residue.contains(&"[remarks](#)"), "{residue:?}");
    assert!(a.text.contains("in opening remarks that were published"));
    assert!(!a.text.contains("](#)"));

    let credits = removed_of(&a, RemovedKind::PhotoCredit);
    assert_eq!(credits.len(), 1, "{credits:?}");
    assert!(credits[0].contains(" / "));
    assert!(!a.text.contains(credits[0]));

    let footer = removed_of(&a, RemovedKind::Footer);
    assert!(
        footer
            .iter()
            .any(|f| f.starts_with("Original url:") && f.contains("themoscowtimes.com")),
        "{footer:?}"
    );
    assert!(!a.text.contains("Original url"));

    // The quotation broken over two paragraphs is one sentence again.
    let sentence = a
        .text
        .split("\n\n")
        .find(|p| p.contains("were made through their mothers"));
    assert!(sentence.is_some(), "paragraph not joined");
    assert!(
        a.text.starts_with("Ahead of Mother's Day"),
        "{}",
        &a.text[..80.min(a.text.len())]
    );
}

#[test]
fn seed_004_title_and_trailing_boilerplate() {
    let Some(a) = seed("004_") else { return };
    assert_eq!(
        a.title.as_deref(),
        Some("President Putin Says “Share This Pain” During Meeting With Soldiers’ Mother")
    );
    let boilerplate = removed_of(&a, RemovedKind::Boilerplate);
    assert!(boilerplate.contains(&"Also Read"), "{boilerplate:?}");
    assert!(
        boilerplate.contains(&"Stay in the know with our newsletter"),
        "{boilerplate:?}"
    );
    assert!(!a.text.contains("newsletter"));
    assert!(a.text.ends_with("killed or wounded."), "{}", a.text);
    // Trailing no-break spaces are trimmed with the other edge whitespace.
    assert!(!a.text.contains("\u{a0}\n"));
}

#[test]
fn seed_source_maps_point_at_identical_bytes() {
    let dir = Path::new(SEEDS);
    if !dir.is_dir() {
        println!("skipped: ../shared/seeds not found");
        return;
    }
    let docs = read_inputs(&[dir.display().to_string()]).unwrap_or_default();
    assert!(!docs.is_empty());
    for doc in &docs {
        let Ok(a) = extract(doc) else { continue };
        for s in &a.source_map.segments {
            assert_eq!(
                a.text.get(s.text..s.text + s.len),
                doc.body.get(s.source..s.source + s.len),
                "{}",
                doc.input
            );
        }
        for r in &a.removed {
            let at = r.source_start.unwrap_or(usize::MAX);
            assert!(
                doc.body
                    .get(at..)
                    .is_some_and(|rest| rest.starts_with(&r.text)),
                "{}: {r:?}",
                doc.input
            );
        }
    }
}

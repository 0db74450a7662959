//! The founding pair (`../shared/seeds`) compared end to end: what the issue says must come out.
//! The articles are read from the shared folder, never copied; skipped when it is absent.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use std::path::PathBuf;

use parallax_compare::{CompareConfig, Comparer};
use parallax_model::{Approx, Comparison, Fidelity};

fn compare_seeds() -> Option<Comparison> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds"
    ));
    if !dir.is_dir() {
        eprintln!("skipped: ../shared/seeds not found");
        return None;
    }
    let batch = parallax_ingest::load_inputs(&[dir.to_string_lossy().into_owned()]).ok()?;
    let articles = batch
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut a = parallax_ingest::extract(d).expect("extract");
            a.id = format!("a{}", i + 1);
            a
        })
        .collect();
    Some(Comparer::new(CompareConfig::default()).compare(articles))
}

fn sentence<'a>(c: &'a Comparison, id: &str) -> &'a str {
    let art = c
        .articles
        .iter()
        .find(|a| id.starts_with(&format!("{}:", a.article.id)))
        .unwrap();
    let i = art.sentences.iter().position(|s| s.id == id).unwrap();
    art.sentence_text(i)
}

#[test]
fn founding_pair() {
    let Some(c) = compare_seeds() else { return };
    let (a1, a2) = (&c.articles[0], &c.articles[1]);
    assert_eq!(a1.article.outlet, "themoscowtimes.com");
    assert_eq!(a1.article.published.as_deref(), Some("2022-11-25"));

    // The variant translation of "share this pain".
    let variant = c
        .utterances
        .iter()
        .find(|u| {
            u.renderings
                .iter()
                .any(|r| r.text.contains("I want you to know that I personally"))
        })
        .expect("utterance with a1's share-this-pain quote");
    assert!(
        variant
            .renderings
            .iter()
            .any(|r| r.article == "a2" && r.text.contains("I would like you to know")),
        "{variant:#?}"
    );
    assert!(
        variant
            .renderings
            .iter()
            .any(|r| r.fidelity == Fidelity::Variant),
        "{variant:#?}"
    );
    assert_eq!(variant.speaker.as_deref(), Some("Vladimir Putin"));

    // The spliced quote with the reporter's narration inside the marks.
    let splice = c
        .utterances
        .iter()
        .find(|u| {
            u.renderings.iter().any(|r| {
                r.article == "a1"
                    && r.text
                        .contains("nothing can replace the loss of a son, a child")
            })
        })
        .expect("utterance with the loss-of-a-son quote");
    let r = splice
        .renderings
        .iter()
        .find(|r| r.article == "a2")
        .expect("a2 rendering");
    assert_eq!(r.fidelity, Fidelity::Spliced);
    assert!(r.flags.contains(&"narration-inside-quote".to_string()));
    assert!(
        r.inserted
            .iter()
            .any(|f| f.text == "breathing heavily and frequently clearing his throat"),
        "{r:#?}"
    );

    // Figures of a2.
    let fig = |needle: &str| {
        a2.figures
            .iter()
            .find(|f| f.text.contains(needle))
            .unwrap_or_else(|| panic!("no figure {needle:?}: {:#?}", a2.figures))
    };
    let reservists = fig("300,000");
    assert_eq!(
        (reservists.approx, reservists.value),
        (Approx::AtLeast, 300_000.0)
    );
    assert_eq!(reservists.unit.as_deref(), Some("reservists"));
    assert_eq!(fig("100,000").approx, Approx::AtLeast);
    assert_eq!(fig("hundreds of thousands").approx, Approx::About);

    // Unique sentences and the shared opening.
    let unique = |id: &str| {
        c.unique[id]
            .iter()
            .map(|s| sentence(&c, s))
            .collect::<Vec<_>>()
    };
    assert!(
        unique("a1").iter().any(|s| s.contains("United Russia")),
        "{:#?}",
        unique("a1")
    );
    assert!(
        unique("a2").iter().any(|s| s.contains("fake news")),
        "{:#?}",
        unique("a2")
    );
    let opening = c
        .facts
        .iter()
        .find(|f| f.members.iter().any(|m| m.sentence == a1.sentences[0].id));
    assert!(
        opening.is_some_and(|f| f.members.iter().any(|m| m.sentence == a2.sentences[0].id)),
        "the opening sentences should be one fact: {:#?}",
        c.facts
    );

    // Framing: a1 says Putin "claimed".
    assert!(c.framing[0].attribution_verbs.contains_key("claimed"));
}

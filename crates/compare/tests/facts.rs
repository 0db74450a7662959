//! Fact alignment and unique sentences on small synthetic stories.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

mod common;

use common::compare;
use parallax_model::Comparison;

fn text_of<'a>(c: &'a Comparison, id: &str) -> &'a str {
    let a = c
        .articles
        .iter()
        .find(|a| id.starts_with(&format!("{}:", a.article.id)))
        .unwrap();
    a.sentence_text(a.sentences.iter().position(|s| s.id == id).unwrap())
}

#[test]
fn same_event_in_other_words_is_one_fact_and_the_rest_is_unique() {
    let c = compare(&[
        "A storm flooded the harbour of Port Ellery on Sunday night, forcing 140 residents from their homes. The mayor promised emergency payments.",
        "On Sunday night a storm flooded Port Ellery harbour and 140 residents had to leave their homes. Insurers sent adjusters on Monday.",
    ]);
    assert_eq!(c.facts.len(), 1, "{:#?}", c.facts);
    let members: Vec<&str> = c.facts[0]
        .members
        .iter()
        .map(|m| m.sentence.as_str())
        .collect();
    assert_eq!(members, ["a1:s1", "a2:s1"]);
    assert!(text_of(&c, &c.unique["a1"][0]).contains("emergency payments"));
    assert!(text_of(&c, &c.unique["a2"][0]).contains("adjusters"));
}

#[test]
fn quotes_sharing_only_their_attribution_are_not_one_fact() {
    let c = compare(&[
        "“The sea took the whole pier in one night,” Mayor Ana Ruiz said.",
        "“Our budget for the schools will grow next year,” Mayor Ana Ruiz said.",
    ]);
    assert!(c.facts.is_empty(), "{:#?}", c.facts);
}

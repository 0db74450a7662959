//! Helpers shared by the integration tests of this crate.

use parallax_compare::{CompareConfig, Comparer};
use parallax_model::{Article, Comparison};

/// Compares synthetic articles given as plain texts, numbered a1, a2, … in order.
pub fn compare(texts: &[&str]) -> Comparison {
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Article {
            id: format!("a{}", i + 1),
            text: t.to_string(),
            ..Default::default()
        })
        .collect();
    Comparer::new(CompareConfig::default()).compare(articles)
}

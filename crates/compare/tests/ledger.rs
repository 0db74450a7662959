//! The quote ledger end to end on small synthetic stories: grouping renderings into utterances,
//! choosing the reference, and the fidelity class of each rendering.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

mod common;

use common::compare;
use parallax_model::{Comparison, Fidelity};

/// Fidelity of article `article`'s rendering in the utterance whose reference contains `words`.
fn fidelity(c: &Comparison, words: &str, article: &str) -> Fidelity {
    let u = c
        .utterances
        .iter()
        .find(|u| u.renderings.iter().any(|r| r.text.contains(words)))
        .unwrap_or_else(|| panic!("no utterance with {words:?}: {:#?}", c.utterances));
    u.renderings
        .iter()
        .find(|r| r.article == article)
        .unwrap_or_else(|| panic!("{article} not in {u:#?}"))
        .fidelity
}

#[test]
fn majority_wording_is_the_reference_and_the_odd_one_is_altered() {
    let c = compare(&[
        "“The pier will not reopen this year,” Mayor Ana Ruiz said.",
        "“The pier will not reopen this year,” Ana Ruiz said on Monday.",
        "“The pier will reopen this year,” Mayor Ana Ruiz said.",
    ]);
    assert_eq!(fidelity(&c, "The pier", "a1"), Fidelity::Reference);
    assert_eq!(fidelity(&c, "The pier", "a2"), Fidelity::Verbatim);
    assert_eq!(fidelity(&c, "The pier", "a3"), Fidelity::Altered);
}

#[test]
fn long_quote_covers_two_short_ones() {
    let c = compare(&[
        "“We lost the sheds and the nets in one night. We will rebuild them before the herring season,” Ruiz said.",
        "“We lost the sheds and the nets in one night,” Ana Ruiz said. Later she added: “We will rebuild them.”",
    ]);
    assert_eq!(fidelity(&c, "sheds", "a2"), Fidelity::Verbatim);
    assert_eq!(fidelity(&c, "rebuild", "a2"), Fidelity::Truncated);
}

#[test]
fn same_words_other_speaker_is_misattributed() {
    let c = compare(&[
        "“Every boat will be back at sea by May,” said harbour master Lena Okafor.",
        "“Every boat will be back at sea by May,” harbour master Lena Okafor said.",
        "“Every boat will be back at sea by May,” Mayor Piet Vos said.",
    ]);
    assert_eq!(fidelity(&c, "Every boat", "a3"), Fidelity::Misattributed);
}

#[test]
fn inserted_remark_from_elsewhere_is_spliced() {
    let c = compare(&[
        "“The levee held for a week,” engineer Sofia Lund said. “We will check every metre of it,” she added.",
        "“The levee held for a week, and we will check every metre of it,” engineer Sofia Lund said.",
        "“The levee held for a week,” Sofia Lund said.",
    ]);
    let u = c
        .utterances
        .iter()
        .find(|u| {
            u.renderings
                .iter()
                .any(|r| r.article == "a2" && r.text.contains("levee"))
        })
        .unwrap();
    let r = u.renderings.iter().find(|r| r.article == "a2").unwrap();
    assert_eq!(r.fidelity, Fidelity::Spliced, "{u:#?}");
    assert!(r.flags.contains(&"joins-separate-remarks".to_string()));
}

#[test]
fn unrelated_quotes_stay_apart() {
    let c = compare(&[
        "“The ferry runs again on Monday,” Ruiz said.",
        "“Our budget for schools is larger than ever,” Vos said.",
    ]);
    assert!(
        c.utterances.iter().all(|u| u.renderings.len() == 1),
        "{:#?}",
        c.utterances
    );
}

#[test]
fn same_surname_is_not_the_same_speaker() {
    // Two people called Ruiz: matching speakers by surname alone would call them one.
    let c = compare(&[
        "“The pier reopens on Monday,” Mayor Ana Ruiz said.",
        "“The pier reopens on Monday,” Mayor Ana Ruiz said on Friday.",
        "“The pier reopens on Monday,” harbour pilot Bill Ruiz said.",
    ]);
    assert_eq!(fidelity(&c, "The pier", "a3"), Fidelity::Misattributed);
}

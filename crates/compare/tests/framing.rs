//! Tests of the framing profile, on synthetic sentences and on the bundled example stories.
//! Quotes are built by hand so these tests do not depend on the quote extractor.

use std::collections::BTreeMap;

use parallax_compare::framing::{attribution_verb_class, framing, VerbClass};
use parallax_model::{AnalyzedArticle, Article, Quote, QuoteKind, Span, Speaker, SpeakerVia};
use proptest::prelude::*;

fn analyzed(title: Option<&str>, text: &str, quotes: Vec<Quote>) -> AnalyzedArticle {
    AnalyzedArticle {
        article: Article {
            id: "a1".into(),
            title: title.map(str::to_string),
            text: text.into(),
            ..Default::default()
        },
        quotes,
        ..Default::default()
    }
}

/// A quote made of the given pieces of `text` (each found after the previous one).
fn quote(text: &str, pieces: &[&str], kind: QuoteKind, speaker: Option<&str>) -> Quote {
    let mut parts = Vec::new();
    let mut from = 0;
    for p in pieces {
        let at = from + text[from..].find(p).expect("test piece is in the text");
        parts.push(Span(at, at + p.len()));
        from = at + p.len();
    }
    Quote {
        id: "a1:q1".into(),
        start: parts.first().map_or(0, |s| s.0),
        end: parts.last().map_or(0, |s| s.1),
        text: pieces.join(" "),
        kind,
        speaker: speaker.map(|n| Speaker {
            name: n.into(),
            mention: n.into(),
            via: SpeakerVia::Explicit,
            span: None,
        }),
        cue: None,
        parts,
    }
}

fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|&(k, v)| (k.to_string(), v)).collect()
}

/// `verbs!(name, text, [(form, count), …])`: attribution verb counts of a text whose quotes
/// are not extracted (the quotation-mark scan decides what is quoted).
macro_rules! verbs {
    ($name:ident, $text:expr, [$(($form:expr, $n:expr)),*]) => {
        #[test]
        fn $name() {
            let f = framing(&analyzed(None, $text, Vec::new()));
            assert_eq!(f.attribution_verbs, counts(&[$(($form, $n)),*]), "{}", $text);
        }
    };
}

verbs!(
    split_quote_with_she_said,
    "“We will rebuild,” she said. “We owe it to them.”",
    [("said", 1)]
);
verbs!(
    said_before_named_speaker,
    "“We owe it to them,” said harbour master Delphine Okoro.",
    [("said", 1)]
);
verbs!(
    told_reporters,
    "Amsel told reporters at the quay that the roof had gone.",
    [("told", 1)]
);
verbs!(
    claimed_to_have,
    "Voss claimed to have called every mayor in the valley.",
    [("claimed", 1)]
);
verbs!(
    noun_subject_at_clause_end,
    "No one was seriously hurt, officials said.",
    [("said", 1)]
);
verbs!(
    verbs_inside_quotes_are_not_narration,
    "“They claimed it was safe and insisted on it,” Hallam said.",
    [("said", 1)]
);
verbs!(
    multi_paragraph_quote_is_skipped,
    "“We said nothing for years.\n\n“Now we speak,” she said.",
    [("said", 1)]
);
verbs!(
    straight_quotes_are_skipped,
    "\"It was not safe,\" Hallam insisted.",
    [("insisted", 1)]
);
verbs!(
    noun_uses_are_not_verbs,
    "The claims were echoed by an estimated 4,000 people.",
    []
);
verbs!(
    passive_and_infinitive_are_not_attribution,
    "Residents were told to leave and refused to say why.",
    []
);
verbs!(
    compound_noun_is_not_speech,
    "The value added tax rose again this spring.",
    []
);
verbs!(
    according_to_opens_a_sentence,
    "According to the harbour authority, 4,200 tonnes were lost.",
    [("according to", 1)]
);
verbs!(
    capitalised_form_is_part_of_a_name,
    "The Federal Claims Court said the case would be heard in May.",
    [("said", 1)]
);
verbs!(
    // Regression: a straight quote after a digit once opened a "quotation" to the line's end.
    inch_mark_does_not_open_a_quote,
    "The 12\" pipe burst on Friday, officials said.",
    [("said", 1)]
);
verbs!(
    admitted_and_conceded,
    "Mayor Tomas Brevik admitted that the council had not seen it and conceded the point.",
    [("admitted", 1), ("conceded", 1)]
);

#[test]
fn loaded_verbs_are_the_non_neutral_ones_in_order_of_first_use() {
    let text = "Voss claimed the river was shared. Thale admitted it was not. Voss claimed more. \
                Officials said little.";
    let f = framing(&analyzed(None, text, Vec::new()));
    assert_eq!(
        f.attribution_verbs,
        counts(&[("admitted", 1), ("claimed", 2), ("said", 1)])
    );
    assert_eq!(f.loaded_verbs, ["claimed", "admitted"]);
}

#[test]
fn extracted_quote_spans_decide_what_is_quoted() {
    // The analyzer saw the unmarked words as a quote; its spans win over the mark scan.
    let text = "Hallam said they claimed it was safe.";
    let q = quote(
        text,
        &["they claimed it was safe"],
        QuoteKind::Direct,
        Some("Yusuf Hallam"),
    );
    let f = framing(&analyzed(None, text, vec![q]));
    assert_eq!(f.attribution_verbs, counts(&[("said", 1)]));
    assert!(f.loaded_verbs.is_empty());
}

#[test]
fn verb_classes_come_from_the_lexicon() {
    let cases = [
        ("said", Some(VerbClass::Neutral)),
        ("According to", Some(VerbClass::Neutral)),
        ("claimed", Some(VerbClass::Doubt)),
        ("insisted", Some(VerbClass::Emphasis)),
        ("admitted", Some(VerbClass::Concession)),
        ("denied", Some(VerbClass::Denial)),
        ("revealed", Some(VerbClass::Other)),
        ("harbour", None),
    ];
    for (form, class) in cases {
        assert_eq!(attribution_verb_class(form), class, "{form}");
    }
}

/// `terms!(name, title, text, [term quotes], [expected terms])`.
macro_rules! terms {
    ($name:ident, $title:expr, $text:expr, [$($scare:expr),*], [$($want:expr),*]) => {
        #[test]
        fn $name() {
            let text: &str = $text;
            let quotes = vec![$(quote(text, &[$scare], QuoteKind::Term, None)),*];
            let f = framing(&analyzed($title, text, quotes));
            let want: Vec<&str> = vec![$($want),*];
            assert_eq!(f.loaded_terms, want, "{}", text);
        }
    };
}

terms!(
    case_insensitive,
    None,
    "Critics called it a Cover-Up.",
    [],
    ["cover-up"]
);
terms!(
    word_bounded,
    None,
    "The besmeared wall stood by the mobile library.",
    [],
    []
);
terms!(
    multiword_terms,
    None,
    "They called the inquiry a witch hunt.",
    [],
    ["witch hunt"]
);
terms!(
    multiword_terms_do_not_cross_punctuation,
    None,
    "The witch, hunting for herbs, left.",
    [],
    []
);
terms!(
    inflections_match_on_stems,
    None,
    "Two regimes signed away their rivers.",
    [],
    ["regime", "sign away"]
);
terms!(
    inside_quotes_too,
    None,
    "“This is a cover-up,” he said.",
    [],
    ["cover-up"]
);
terms!(
    headline_first_then_text_deduplicated,
    Some("Harbour inferno: a cover-up?"),
    "The so-called upgrade was a cover-up, and the inferno spread.",
    [],
    ["inferno", "cover-up", "so-called"]
);
terms!(
    scare_quoted_term_not_in_lexicon_is_loaded,
    None,
    "Fishers call the sheds “the Icebox”, and the so-called repairs never came.",
    ["the Icebox"],
    ["the Icebox", "so-called"]
);
terms!(
    scare_quoted_lexicon_term_is_reported_once,
    None,
    "The “regime” answered; the regime had spoken.",
    ["regime"],
    ["regime"]
);

#[test]
fn quoted_share_counts_direct_and_partial_quote_bytes() {
    let text = "“Twelve bytes,” she said, calling it “partial” and a “term”.";
    let quotes = vec![
        quote(
            text,
            &["Twelve bytes,"],
            QuoteKind::Direct,
            Some("Ana Ruiz"),
        ),
        quote(text, &["partial"], QuoteKind::Partial, Some("Ana Ruiz")),
        quote(text, &["term"], QuoteKind::Term, None),
    ];
    let f = framing(&analyzed(None, text, quotes));
    let want = ("Twelve bytes,".len() + "partial".len()) as f64 / text.len() as f64;
    assert!(
        (f.quoted_share - want).abs() < 1e-12,
        "{} vs {want}",
        f.quoted_share
    );
}

#[test]
fn quoted_share_merges_overlapping_parts() {
    let text = "“abcdef” x";
    let mut q = quote(text, &["abcdef"], QuoteKind::Direct, None);
    let p = q.parts[0];
    q.parts.push(Span(p.0 + 1, p.1)); // overlaps the first part
    let f = framing(&analyzed(None, text, vec![q]));
    assert!((f.quoted_share - 6.0 / text.len() as f64).abs() < 1e-12);
}

#[test]
fn voices_most_quoted_first_ties_by_first_appearance() {
    let text = "“a” “b” “c” “d” “e” “f”";
    let q = |s: &str, who: Option<&str>, kind| quote(text, &[s], kind, who);
    let quotes = vec![
        q("a", Some("Ana Ruiz"), QuoteKind::Direct),
        q("b", Some("Ben Oyelaran"), QuoteKind::Direct),
        q("c", Some("Ben Oyelaran"), QuoteKind::Partial),
        q("d", Some("Ana Ruiz"), QuoteKind::Direct),
        q("e", Some("Cal Voss"), QuoteKind::Direct),
        q("f", Some("Dee Term"), QuoteKind::Term),
    ];
    let f = framing(&analyzed(None, text, quotes));
    assert_eq!(f.voices, ["Ana Ruiz", "Ben Oyelaran", "Cal Voss"]);
}

#[test]
fn headline_and_id_are_copied() {
    let f = framing(&analyzed(Some("Fire on Pier 4"), "", Vec::new()));
    assert_eq!(
        (f.article.as_str(), f.headline.as_deref()),
        ("a1", Some("Fire on Pier 4"))
    );
    assert_eq!(f.quoted_share, 0.0);
}

#[test]
fn stale_or_odd_spans_do_not_panic() {
    let text = "Ωμέγα “ζ” said — 東京 “unclosed";
    let mut q = quote(text, &["ζ"], QuoteKind::Direct, Some(""));
    q.parts = vec![
        Span(9, 3),
        Span(1, 2),
        Span(2, 10_000),
        Span(usize::MAX - 1, usize::MAX),
    ];
    let f = framing(&analyzed(Some("“"), text, vec![q]));
    assert!((0.0..=1.0).contains(&f.quoted_share));
    assert!(f.voices.is_empty());
}

proptest! {
    #[test]
    fn any_text_and_spans_give_a_bounded_profile(
        text in "[a-zA-Zé東 .,;:!?\n\"“”«»'’-]{0,200}",
        spans in proptest::collection::vec((0usize..260, 0usize..260), 0..6),
        kind in 0usize..4,
    ) {
        let kind = [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Term, QuoteKind::Headline][kind];
        let quotes = spans
            .iter()
            .map(|&(s, e)| Quote {
                id: "a1:q1".into(), start: s, end: e, text: "said cover-up".into(), kind,
                speaker: None, cue: None, parts: vec![Span(s, e)],
            })
            .collect();
        let f = framing(&analyzed(Some(&text), &text, quotes));
        prop_assert!((0.0..=1.0).contains(&f.quoted_share));
    }
}

/// Reads an example story file; the first line (with any `# `) is the headline.
fn example(path: &str) -> AnalyzedArticle {
    let full = format!("{}/../../examples/{path}", env!("CARGO_MANIFEST_DIR"));
    let raw = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    let (title, body) = raw.split_once('\n').unwrap_or((&raw, ""));
    analyzed(
        Some(title.trim_start_matches('#').trim()),
        body.trim(),
        Vec::new(),
    )
}

#[test]
fn example_stories_show_the_planted_framing() {
    // (file, loaded verbs that must be found, loaded terms that must be found, no loaded verbs?)
    let cases: [(&str, &[&str], &[&str], bool); 6] = [
        ("harbor-fire/coastal-herald.txt", &[], &[], true),
        ("harbor-fire/northwind-daily.md", &[], &[], true),
        (
            "harbor-fire/the-ledger-online.txt",
            &["claimed", "insisted", "admitted", "conceded"],
            &["inferno", "cover-up", "so-called"],
            false,
        ),
        ("river-accord/river-post.txt", &[], &[], true),
        ("river-accord/kelland-times.md", &[], &[], true),
        (
            "river-accord/dravenian-voice.txt",
            &["claimed", "admitted", "insisted"],
            &[
                "sign away",
                "surrender",
                "so-called",
                "capitulation",
                "scathing",
            ],
            false,
        ),
    ];
    for (path, verbs, terms, neutral) in cases {
        let f = framing(&example(path));
        assert!(
            f.attribution_verbs.get("said").is_some_and(|&n| n >= 2),
            "{path}: {f:?}"
        );
        for v in verbs {
            assert!(
                f.loaded_verbs.iter().any(|x| x == v),
                "{path}: {v} missing from {:?}",
                f.loaded_verbs
            );
        }
        for t in terms {
            assert!(
                f.loaded_terms.iter().any(|x| x == t),
                "{path}: {t} missing from {:?}",
                f.loaded_terms
            );
        }
        assert_eq!(
            f.loaded_verbs.is_empty(),
            neutral,
            "{path}: {:?}",
            f.loaded_verbs
        );
    }
}

/// Rows of a data file, comments skipped.
fn data_rows(name: &str) -> Vec<Vec<String>> {
    let path = format!("{}/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let tsv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    tsv.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn attribution_verb_lexicon_is_well_formed() {
    let rows = data_rows("attribution_verbs.tsv");
    let mut seen = std::collections::HashSet::new();
    for r in &rows {
        assert_eq!(r.len(), 3, "{r:?}");
        assert_eq!(r[0], r[0].to_lowercase(), "{r:?}");
        assert!(seen.insert(r[0].clone()), "duplicate {r:?}");
        assert!(attribution_verb_class(&r[0]).is_some(), "unparsed {r:?}");
    }
    assert!(rows.len() >= 100);
}

#[test]
fn loaded_term_lexicon_is_well_formed() {
    let rows = data_rows("loaded_terms.tsv");
    let categories = [
        "sensational",
        "distancing",
        "blame",
        "label",
        "emotive",
        "euphemism",
    ];
    let mut seen = std::collections::HashSet::new();
    for r in &rows {
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(categories.contains(&r[1].as_str()), "{r:?}");
        assert!(!r[2].trim().is_empty(), "{r:?}");
        assert!(seen.insert(r[0].to_lowercase()), "duplicate {r:?}");
    }
    assert!((100..=200).contains(&rows.len()), "{} terms", rows.len());
}

#[test]
#[ignore = "prints the profiles of the example stories for review"]
fn print_example_profiles() {
    for path in [
        "harbor-fire/coastal-herald.txt",
        "harbor-fire/northwind-daily.md",
        "harbor-fire/the-ledger-online.txt",
        "river-accord/river-post.txt",
        "river-accord/kelland-times.md",
        "river-accord/dravenian-voice.txt",
    ] {
        let f = framing(&example(path));
        println!(
            "{path}\n  verbs {:?}\n  loaded {:?}\n  terms {:?}\n  share {:.3}",
            f.attribution_verbs, f.loaded_verbs, f.loaded_terms, f.quoted_share
        );
    }
}

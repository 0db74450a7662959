//! The whole analyzer (quotes, speakers, entities, figures, dates) never panics, and every
//! span it reports lies on char boundaries inside the text.

use parallax_analyze::Analyzer;
use parallax_model::{Article, QuoteKind};
use proptest::prelude::*;

fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "„",
        "«",
        "»",
        "「",
        "」",
        " said",
        " he said.",
        "she told reporters:",
        "Mr. Ana Ruiz",
        "President Vos",
        "the mayor",
        " according to ",
        "\n\n",
        ". ",
        ", ",
        "...",
        "more than 300",
        "a dozen",
        "on Friday",
        "—",
        "[the boats]",
        "We",
        "They",
        "é",
        "字",
    ]);
    prop::collection::vec(
        prop_oneof![3 => pieces.prop_map(str::to_string), 1 => any::<String>()],
        0..50,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn analysis_spans_are_valid(text in newsish(), title in proptest::option::of(newsish())) {
        let analyzer = Analyzer::new();
        let a = analyzer.analyze(Article { id: "p".into(), text: text.clone(), title: title.clone(), published: Some("2024-05-10".into()), ..Default::default() });
        let ok = |s: usize, e: usize, t: &str| s <= e && e <= t.len() && t.is_char_boundary(s) && t.is_char_boundary(e);
        for q in &a.quotes {
            let t = if q.kind == QuoteKind::Headline { title.as_deref().unwrap_or("") } else { text.as_str() };
            for p in &q.parts {
                prop_assert!(ok(p.0, p.1, t), "quote part {:?} in {:?}", p, t);
            }
            if let Some(sp) = q.speaker.as_ref().and_then(|s| s.span) {
                prop_assert!(ok(sp.0, sp.1, &text));
            }
        }
        for e in &a.entities {
            for m in &e.mentions {
                prop_assert!(ok(m.0, m.1, &text));
            }
        }
        for f in &a.figures {
            prop_assert!(ok(f.start, f.end, &text));
        }
        for d in &a.dates {
            prop_assert!(ok(d.start, d.end, &text));
        }
    }
}

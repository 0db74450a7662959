//! Properties of cleaning on arbitrary input: it never panics, and everything it reports points
//! back at the original exactly.

use parallax_ingest::clean_text;
use proptest::prelude::*;

/// Fragments that exercise every rule, so random documents hit the interesting paths more
/// often than uniform random text would.
const FRAGMENTS: &[&str] = &[
    "word",
    "Word",
    "Harbour Reopens",
    " ",
    "  ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    ".",
    ",",
    "-",
    "[",
    "]",
    "(",
    ")",
    "](#)",
    "[link](#)",
    "![img](x.png)",
    "#",
    "## ",
    "Original url:",
    "<https://www.example.org/a>",
    "https://x.example/b",
    ">",
    "Photo: Ann Lee",
    " / ",
    "Getty Images",
    "Also Read",
    "Sign up for our newsletter",
    "Advertisement",
    "March 5, 2021",
    "2021-03-05",
    "By Ann Lee",
    "©",
    "Source:",
    "“",
    "”",
    "’",
    "…",
    "é",
    "日本",
    "\u{a0}",
    "\u{feff}",
    "\u{301}",
    "1.",
    "- ",
    "well-",
    "---",
    "the ferry",
    "Copyright",
];

fn document() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn check(src: &str, known_title: Option<&str>) -> Result<(), TestCaseError> {
    let c = clean_text(src, known_title);
    let mut last_end = 0;
    for s in &c.source_map.segments {
        prop_assert!(
            s.text >= last_end,
            "segments overlap or are unsorted: {:?}",
            c.source_map.segments
        );
        last_end = s.text + s.len;
        prop_assert_eq!(
            c.text.get(s.text..s.text + s.len),
            src.get(s.source..s.source + s.len)
        );
    }
    for r in &c.removed {
        let at = r.source_start.unwrap_or(usize::MAX);
        prop_assert!(
            src.get(at..).is_some_and(|rest| rest.starts_with(&r.text)),
            "{:?}",
            r
        );
    }
    // Paragraphs are separated by exactly one blank line and carry no edge whitespace.
    prop_assert!(!c.text.contains("\n\n\n"));
    prop_assert_eq!(c.text.trim(), c.text.as_str());
    for para in c.text.split("\n\n").filter(|_| !c.text.is_empty()) {
        prop_assert!(!para.is_empty() && !para.contains('\n'), "{:?}", para);
        prop_assert_eq!(para.trim(), para);
        prop_assert!(!para.contains("  "), "{:?}", para);
    }
    if let Some(date) = &c.published {
        prop_assert_eq!(date.len(), 10);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn cleaning_never_panics_and_maps_exactly(src in document()) {
        check(&src, None)?;
    }

    #[test]
    fn cleaning_with_a_known_title_maps_exactly(src in document(), title in "[A-Za-z ]{0,20}") {
        check(&src, Some(&title))?;
    }
}

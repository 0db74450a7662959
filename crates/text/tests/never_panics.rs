//! Segmentation never panics and always returns in-bounds, char-aligned, ordered spans, whatever
//! the input.

use proptest::prelude::*;

/// Text made of the characters segmentation cares about, plus anything at all.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mr.", " ", "\n", "\n\n", ".", "...", "…", "?", "!", "“", "”", "\"", "'", "’", "U.S.",
        "J.", "2.5", "He", "said", "(", ")", "—", "é", "字",
    ]);
    prop::collection::vec(
        prop_oneof![pieces.prop_map(str::to_string), any::<String>()],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_are_valid(text in newsish()) {
        let mut last_end = 0;
        for (ps, pe) in parallax_text::paragraphs(&text) {
            prop_assert!(ps < pe && pe <= text.len());
            prop_assert!(text.is_char_boundary(ps) && text.is_char_boundary(pe));
            prop_assert!(ps >= last_end);
            last_end = pe;
            let mut prev = ps;
            for (s, e) in parallax_text::sentences(&text, ps, pe) {
                prop_assert!(s >= prev && s < e && e <= pe);
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                prev = e;
            }
        }
        for w in parallax_text::words(&text) {
            prop_assert_eq!(&text[w.start..w.end], w.text);
        }
    }
}

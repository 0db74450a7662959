//! Reported speech (quote kind `indirect`) on synthetic sentences about fictional people: the
//! content of each attribution, its source and its cue.

#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

use parallax_analyze::extract_quotes;
use parallax_model::QuoteKind;

/// (content, speaker name or "-", cue) of each indirect quote, in text order.
type Want<'a> = (&'a str, &'a str, &'a str);

fn check(text: &str, want: &[Want]) {
    let got: Vec<(String, String, String)> = extract_quotes(text, true)
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| {
            (
                q.text,
                q.speaker.map_or("-".into(), |s| s.name),
                q.cue.unwrap_or_else(|| "-".into()),
            )
        })
        .collect();
    let got_refs: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
        .collect();
    assert_eq!(got_refs, want, "in {text:?}");
}

macro_rules! case {
    ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
        #[test]
        fn $name() {
            check($text, &[$($want),*]);
        }
    };
}

// After a direct quotation, a participle continues the quoted speaker's speech.
case!(
    participle_after_a_direct_quote_is_the_quoted_speaker,
    "“The ferry is safe,” harbour master Lena Okafor said, adding that the crossings would resume on Monday.",
    [("the crossings would resume on Monday", "Lena Okafor", "adding")]
);
// The quotation's own attribution is no reported speech.
case!(
    direct_quote_with_its_cue_only_gives_nothing,
    "“We will rebuild,” Mayor Ana Ruiz said on Friday.",
    []
);
// A listener participle needs its clause ("telling the board that …"), not just an object.
case!(
    listener_participle_without_a_clause_gives_nothing,
    "“We will rebuild,” Ruiz said, telling the harbour board about her plans.",
    []
);
// Two coordinated clauses with two sources give two attributions.
case!(
    coordinated_clauses_with_two_sources,
    "Councillor Mira Dov defended the new harbour levy, but Mayor Ana Ruiz announced on Sunday that the levy would be cut by half.",
    [
        ("the new harbour levy", "Mira Dov", "defended"),
        ("the levy would be cut by half", "Ana Ruiz", "announced"),
    ]
);
// A second clause inside the reported content stays in it.
case!(
    coordinated_clause_inside_the_content_stays_one_attribution,
    "Mayor Ana Ruiz said the pier would reopen in May, and the ferry would follow in June.",
    [(
        "the pier would reopen in May, and the ferry would follow in June",
        "Ana Ruiz",
        "said"
    )]
);
// "…, and said that …" shares the first clause's subject.
case!(
    verb_after_and_shares_the_subject,
    "Harbour master Lena Okafor toured the flooded docks, and said that the wall would need new stones.",
    [("the wall would need new stones", "Lena Okafor", "said")]
);
// A participle after the main clause reports the subject's speech; the subject is found
// past an opening adverbial whose noun looks like a verb ("talks").
case!(
    participle_after_the_main_clause_takes_its_subject,
    "After a long night of talks, the port board approved the deal, insisting that the fees would stay low.",
    [("the fees would stay low", "port board", "insisting")]
);
// A form of "be" makes a participle cue finite.
case!(
    progressive_cue_is_finite,
    "Harbour master Lena Okafor is warning that the old wall will not survive another storm.",
    [(
        "the old wall will not survive another storm",
        "Lena Okafor",
        "warning"
    )]
);
case!(
    progressive_cue_after_has_been,
    "Councillor Mira Dov has been arguing that the ferry fares are too high for islanders.",
    [(
        "the ferry fares are too high for islanders",
        "Mira Dov",
        "arguing"
    )]
);
// The source of a backward attribution may carry a longer descriptor.
case!(
    backward_source_with_a_long_descriptor,
    "The ferry will run twice a day from June, the small regional daily Harbour Post reported.",
    [(
        "The ferry will run twice a day from June",
        "Harbour Post",
        "reported"
    )]
);
// An object and an adverbial may follow a backward cue.
case!(
    backward_cue_with_object_and_adverbial,
    "The pier was never safe, Okafor told the inquiry in a written statement.",
    [("The pier was never safe", "Okafor", "told")]
);
// A verb after the cue makes it a forward attribution: the opening adverbial is no content.
case!(
    verb_after_the_cue_makes_it_forward,
    "After the storm, Okafor said the pier was never safe.",
    [("the pier was never safe", "Okafor", "said")]
);
// An opening phrase without a verb is no reported clause before a backward cue.
case!(
    opening_adverbial_is_not_a_backward_content,
    "Despite the long delay in the harbour, island officials told the board on Monday.",
    []
);

#[test]
fn truncated_and_unusual_input_never_panics() {
    for text in [
        "“Yes,” she said, adding",
        "“Ja,” sagte sie, adding that — „“",
        "Он сказал, adding that 港口 will reopen, and and and ,,, but",
        ", and said that",
        "; ; , but , and ,",
        "is warning that",
    ] {
        let _ = extract_quotes(text, true);
    }
}

#[test]
fn long_sentence_of_clauses_stays_whole() {
    // Many coordinated clauses, one sentence: every indirect quote stays within the text and
    // on char boundaries.
    let clause = "the harbour board met, but Okafor said the wall would hold";
    let text = vec![clause; 400].join(", and ") + ".";
    for q in extract_quotes(&text, true) {
        for p in &q.parts {
            assert!(text.get(p.0..p.1).is_some(), "bad span {p:?}");
        }
    }
}

#[test]
fn a_passive_cue_has_no_source_before_it() {
    let quotes = extract_quotes(
        "Asked whether the faulty wiring had been reported to the fire service, the chief \
         said he had not seen the document.",
        true,
    );
    let sources: Vec<_> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .filter_map(|q| q.speaker.as_ref().map(|s| s.mention.clone()))
        .collect();
    assert!(
        sources.iter().all(|s| !s.contains("wiring")),
        "the wiring reports nothing: {sources:?}"
    );
}

//! Fidelity of one rendering of an utterance against the reference rendering.
//!
//! The checks run from the most specific to the least: another speaker, inserted narration,
//! the same words, a contiguous part, the reference plus more, a change of meaning (numbers,
//! negation, quantity, person), and finally "variant" for the same content in other words.

use parallax_model::{DiffKind, DiffOp, Fidelity, Flag};
use parallax_text::{fold_word, words};
use similar::{capture_diff_slices, Algorithm, DiffTag};

/// The verdict on one rendering.
pub struct Classified {
    /// Fidelity class.
    pub fidelity: Fidelity,
    /// Share of words the two renderings have in common, in [0, 1].
    pub similarity: f64,
    /// Word diff against the reference.
    pub diff: Vec<DiffOp>,
    /// What was noticed, with the words concerned.
    pub flags: Vec<Flag>,
}

const FIRST_PERSON: &[&str] = &[
    "i",
    "we",
    "me",
    "my",
    "our",
    "us",
    "mine",
    "ours",
    "myself",
    "ourselves",
];
const THIRD_PERSON: &[&str] = &[
    "he", "she", "his", "her", "him", "hers", "himself", "herself",
];
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot",
];
/// Quantifiers by what they claim: a swap between classes changes the claim ("all" → "some"),
/// a swap within one does not ("each" → "every").
const QUANTIFIER_CLASSES: &[&[&str]] = &[
    &[
        "all",
        "every",
        "each",
        "always",
        "everyone",
        "everything",
        "entire",
        "whole",
    ],
    &[
        "some",
        "sometimes",
        "several",
        "many",
        "most",
        "few",
        "only",
        "partly",
        "often",
    ],
    &["more"],
    &["less", "fewer", "least"],
];
const PERSONAL: &[&str] = &[
    "i", "we", "you", "he", "she", "they", "it", "me", "us", "him", "her", "them",
];
/// Units of time: a change between them ("two weeks" → "two months") changes a figure.
const TIME_UNITS: &[&str] = &[
    "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade",
    "decades",
];

/// Words that open a clause but are not participles of narration.
const NOT_PARTICIPLES: &[&str] = &[
    "nothing",
    "something",
    "anything",
    "everything",
    "during",
    "thing",
    "king",
    "bring",
    "morning",
    "evening",
    "being",
    "according",
    "including",
    "regarding",
    "concerning",
];

fn folded(text: &str) -> Vec<String> {
    words(text).iter().map(|w| fold_word(w.text)).collect()
}

fn is_negation(w: &str) -> bool {
    NEGATIONS.contains(&w) || w.ends_with("n't")
}

fn is_number(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || parallax_analyze::numbers::is_number_word(w)
}

/// Clauses of a first-person quotation that narrate the speaker in the third person
/// ("breathing heavily and frequently clearing his throat"). With a reference, only clauses
/// whose words the reference lacks count, so a speaker who talks about "his son" is not
/// flagged when every outlet has those words.
pub fn narration_clauses(text: &str, reference: Option<&str>) -> Vec<String> {
    let all = folded(text);
    if !all.iter().any(|w| FIRST_PERSON.contains(&w.as_str())) {
        return Vec::new();
    }
    let reference_words: Vec<String> = reference.map(folded).unwrap_or_default();
    let mut out = Vec::new();
    for clause in text.split([',', ';', ':', '–', '—', '(', ')', '.', '!', '?']) {
        let ws = folded(clause);
        let Some(first) = ws.first() else { continue };
        if ws.iter().any(|w| FIRST_PERSON.contains(&w.as_str())) {
            continue;
        }
        let third = ws.iter().any(|w| THIRD_PERSON.contains(&w.as_str()));
        let participle = ws
            .iter()
            .any(|w| w.len() > 4 && w.ends_with("ing") && !NOT_PARTICIPLES.contains(&w.as_str()));
        let opens_with_participle =
            first.len() > 4 && first.ends_with("ing") && !NOT_PARTICIPLES.contains(&first.as_str());
        let attribution = ws.len() <= 4
            && ws.first().is_some_and(|w| w == "he" || w == "she")
            && ws.get(1).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "said" | "added" | "says" | "continued" | "told" | "asked"
                )
            });
        // With a reference, a clause about "he"/"she" that the reference lacks is enough
        // ("he gestured at the riverbed"); alone, only the unmistakable forms count.
        let about_speaker = ws.first().is_some_and(|w| w == "he" || w == "she");
        let with_reference = !reference_words.is_empty() && about_speaker && ws.len() >= 3;
        if !(attribution || with_reference || third && (participle || opens_with_participle)) {
            continue;
        }
        if !reference_words.is_empty() {
            let novel = ws.iter().filter(|w| !reference_words.contains(w)).count();
            if novel * 2 < ws.len() {
                continue;
            }
        }
        out.push(clause.trim().to_string());
    }
    out
}

/// Classifies `text` against `reference`.
/// `headline` relaxes truncation: a headline may drop words anywhere (“fair and binding”).
pub fn classify(reference: &str, text: &str, speaker_differs: bool, headline: bool) -> Classified {
    let (ra, rb) = (folded(reference), folded(text));
    let ops = capture_diff_slices(Algorithm::Patience, &ra, &rb);
    let mut diff = Vec::new();
    let (mut equal, mut inserted, mut deleted) = (0usize, Vec::new(), Vec::new());
    let orig_a: Vec<&str> = words(reference).iter().map(|w| w.text).collect();
    let orig_b: Vec<&str> = words(text).iter().map(|w| w.text).collect();
    for op in &ops {
        let (tag, oa, ob) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                equal += oa.len();
                push(&mut diff, DiffKind::Equal, &orig_b[ob]);
            }
            DiffTag::Delete => {
                deleted.extend(ra[oa.clone()].iter().cloned());
                push(&mut diff, DiffKind::Delete, &orig_a[oa]);
            }
            DiffTag::Insert => {
                inserted.extend(rb[ob.clone()].iter().cloned());
                push(&mut diff, DiffKind::Insert, &orig_b[ob]);
            }
            DiffTag::Replace => {
                deleted.extend(ra[oa.clone()].iter().cloned());
                inserted.extend(rb[ob.clone()].iter().cloned());
                push(&mut diff, DiffKind::Delete, &orig_a[oa]);
                push(&mut diff, DiffKind::Insert, &orig_b[ob]);
            }
        }
    }
    let similarity = if ra.len() + rb.len() == 0 {
        1.0
    } else {
        2.0 * equal as f64 / (ra.len() + rb.len()) as f64
    };
    let mut flags = Vec::new();
    let fidelity = if speaker_differs {
        flags.push(Flag {
            kind: "speaker-differs".into(),
            text: String::new(),
        });
        Fidelity::Misattributed
    } else if let narration @ [_, ..] = narration_clauses(text, Some(reference)).as_slice() {
        flags.extend(narration.iter().map(|n| Flag {
            kind: "narration-inside-quote".into(),
            text: n.clone(),
        }));
        Fidelity::Spliced
    } else if ra == rb {
        Fidelity::Verbatim
    } else if !rb.is_empty() && (contains_run(&ra, &rb) || headline && is_subsequence(&rb, &ra)) {
        Fidelity::Truncated
    } else if !ra.is_empty() && contains_run(&rb, &ra) {
        Fidelity::Extended
    } else if let Some(flag) = meaning_change(&inserted, &deleted) {
        flags.push(flag);
        Fidelity::Altered
    } else if is_subsequence(&rb, &ra) && text.contains(['…'])
        || is_subsequence(&rb, &ra) && text.contains("...")
    {
        // Words left out at an ellipsis: a truncation with a gap.
        Fidelity::Truncated
    } else {
        Fidelity::Variant
    };
    Classified {
        fidelity,
        similarity,
        diff,
        flags,
    }
}

fn push(diff: &mut Vec<DiffOp>, op: DiffKind, ws: &[&str]) {
    if ws.is_empty() {
        return;
    }
    let text = ws.join(" ");
    match diff.last_mut() {
        Some(last) if last.op == op => {
            last.text.push(' ');
            last.text.push_str(&text);
        }
        _ => diff.push(DiffOp { op, text }),
    }
}

fn contains_run(long: &[String], short: &[String]) -> bool {
    short.len() <= long.len() && long.windows(short.len()).any(|w| w == short)
}

fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|s| it.any(|l| l == s))
}

/// A change of numbers, negation, quantity or grammatical person between the renderings.
fn meaning_change(inserted: &[String], deleted: &[String]) -> Option<Flag> {
    let num_in: Vec<&String> = inserted.iter().filter(|w| is_number(w)).collect();
    let num_out: Vec<&String> = deleted.iter().filter(|w| is_number(w)).collect();
    let unit_in: Vec<&String> = inserted
        .iter()
        .filter(|w| TIME_UNITS.contains(&w.as_str()))
        .collect();
    let unit_out: Vec<&String> = deleted
        .iter()
        .filter(|w| TIME_UNITS.contains(&w.as_str()))
        .collect();
    // A number changed for another (146 → 153, two → three), or a figure in digits appeared
    // or vanished. A lone number word on one side ("the same families" → "one family") is
    // wording, not a figure.
    let digits = |ws: &[&String]| {
        ws.iter()
            .any(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    };
    if (!num_in.is_empty() && !num_out.is_empty()) || digits(&num_in) || digits(&num_out) {
        let text = format!("{} → {}", join(&num_out), join(&num_in));
        return Some(Flag {
            kind: "number-changed".into(),
            text,
        });
    }
    if !unit_in.is_empty() && !unit_out.is_empty() {
        let text = format!("{} → {}", join(&unit_out), join(&unit_in));
        return Some(Flag {
            kind: "number-changed".into(),
            text,
        });
    }
    let neg_in = inserted.iter().filter(|w| is_negation(w)).count();
    let neg_out = deleted.iter().filter(|w| is_negation(w)).count();
    if neg_in != neg_out {
        let words: Vec<&String> = inserted
            .iter()
            .chain(deleted)
            .filter(|w| is_negation(w))
            .collect();
        return Some(Flag {
            kind: "negation-changed".into(),
            text: join(&words),
        });
    }
    let classes = |ws: &[String]| -> Vec<usize> {
        let mut c: Vec<usize> = ws
            .iter()
            .filter_map(|w| {
                QUANTIFIER_CLASSES
                    .iter()
                    .position(|class| class.contains(&w.as_str()))
            })
            .collect();
        c.sort_unstable();
        c.dedup();
        c
    };
    let (q_in, q_out) = (classes(inserted), classes(deleted));
    if q_in != q_out && !(q_in.is_empty() && q_out.is_empty()) {
        let q: Vec<&String> = deleted
            .iter()
            .chain(inserted)
            .filter(|w| QUANTIFIER_CLASSES.iter().any(|c| c.contains(&w.as_str())))
            .collect();
        return Some(Flag {
            kind: "quantity-changed".into(),
            text: join(&q),
        });
    }
    let p_in: Vec<&String> = inserted
        .iter()
        .filter(|w| PERSONAL.contains(&w.as_str()))
        .collect();
    let p_out: Vec<&String> = deleted
        .iter()
        .filter(|w| PERSONAL.contains(&w.as_str()))
        .collect();
    if !p_in.is_empty() && !p_out.is_empty() && p_in.iter().any(|w| !p_out.contains(w)) {
        return Some(Flag {
            kind: "subject-changed".into(),
            text: format!("{} → {}", join(&p_out), join(&p_in)),
        });
    }
    None
}

fn join(ws: &[&String]) -> String {
    ws.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($name:ident, $reference:expr, $text:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(classify($reference, $text, false, false).fidelity, $want);
            }
        };
    }

    case!(
        verbatim_ignores_case_and_punctuation,
        "We will rebuild every pier, and soon.",
        "we will rebuild every pier and soon",
        Fidelity::Verbatim
    );
    case!(
        verbatim_ignores_typographic_apostrophes,
        "We don’t give up.",
        "We don't give up",
        Fidelity::Verbatim
    );
    case!(
        truncated_is_a_contiguous_part,
        "We will rebuild every pier, and we will do it this year.",
        "we will do it this year",
        Fidelity::Truncated
    );
    case!(
        extended_adds_to_the_reference,
        "We will rebuild every pier.",
        "We will rebuild every pier, and we will do it this year.",
        Fidelity::Extended
    );
    case!(
        number_change_is_altered,
        "The repairs will take two weeks.",
        "The repairs will take two months.",
        Fidelity::Altered
    );
    case!(
        number_for_number_is_altered,
        "We counted 146 boats.",
        "We counted 153 boats.",
        Fidelity::Altered
    );
    case!(
        figure_added_in_digits_is_altered,
        "We lost boats last night.",
        "We lost 40 boats last night.",
        Fidelity::Altered
    );
    case!(
        lone_number_word_is_wording,
        "The boats stayed in the same families.",
        "The boats stayed in one family.",
        Fidelity::Variant
    );
    case!(
        negation_change_is_altered,
        "We will not close the harbour.",
        "We will close the harbour.",
        Fidelity::Altered
    );
    case!(
        quantifier_change_is_altered,
        "All of the boats were saved.",
        "Some of the boats were saved.",
        Fidelity::Altered
    );
    case!(
        other_words_same_content_is_variant,
        "I want you to know that we share this pain.",
        "I would like you to know that we feel your pain too.",
        Fidelity::Variant
    );
    case!(
        ellipsis_gap_is_truncated,
        "We lost the boats and the nets and the sheds.",
        "We lost the boats ... and the sheds.",
        Fidelity::Truncated
    );
    case!(narration_inside_quote_is_spliced,
        "We will rebuild every pier. We owe it to them.",
        "We will rebuild every pier – pausing to wipe her glasses and glancing at her notes. We owe it to them.",
        Fidelity::Spliced);

    #[test]
    fn speaker_difference_is_misattributed() {
        assert_eq!(
            classify("We will win.", "We will win.", true, false).fidelity,
            Fidelity::Misattributed
        );
    }

    #[test]
    fn narration_flag_names_the_inserted_words() {
        let c = classify("We understand that nothing can replace a son.", "We understand that nothing can replace a son, breathing heavily and clearing his throat.", false, false);
        assert_eq!(c.flags[0].kind, "narration-inside-quote");
        assert_eq!(c.flags[0].text, "breathing heavily and clearing his throat");
    }

    #[test]
    fn speaker_talking_about_a_third_person_is_not_narration() {
        assert!(narration_clauses(
            "I told him, smiling at his son, that we were proud.",
            Some("I told him, smiling at his son, that we were proud.")
        )
        .is_empty());
    }

    #[test]
    fn headline_may_drop_words_anywhere() {
        let c = classify(
            "It will not be perfect, but it is fair, and it is binding.",
            "Fair and Binding",
            false,
            true,
        );
        assert_eq!(c.fidelity, Fidelity::Truncated);
    }

    #[test]
    fn clause_about_the_speaker_missing_from_the_reference_is_narration() {
        let n = narration_clauses(
            "We set the flow, he gestured at the dry bed, and we will watch it.",
            Some("We set the flow and we will watch it."),
        );
        assert_eq!(n, ["he gestured at the dry bed"]);
    }

    #[test]
    fn diff_marks_inserted_and_deleted_words() {
        let c = classify(
            "The repairs take two weeks.",
            "The repairs take two months.",
            false,
            false,
        );
        let ops: Vec<(DiffKind, &str)> = c.diff.iter().map(|d| (d.op, d.text.as_str())).collect();
        assert_eq!(
            ops,
            [
                (DiffKind::Equal, "The repairs take two"),
                (DiffKind::Delete, "weeks"),
                (DiffKind::Insert, "months")
            ]
        );
    }
}

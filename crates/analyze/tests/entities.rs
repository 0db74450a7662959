//! Entities need evidence: a capitalised pair is a person only with a given name, a title or
//! role before it, a speech cue after it (also across an apposition), or when it is resolved as
//! a speaker. Synthetic sentences about fictional places and people.

use parallax_analyze::Analyzer;
use parallax_model::{AnalyzedArticle, Article, EntityKind, QuoteKind};

fn analyze(text: &str) -> AnalyzedArticle {
    Analyzer::new().analyze(Article {
        id: "t".into(),
        text: text.into(),
        ..Default::default()
    })
}

fn of_kind(a: &AnalyzedArticle, kind: EntityKind) -> Vec<String> {
    a.entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.clone())
        .collect()
}

/// (text, names that must be people, names that must be of the given kind, names that must
/// not be entities at all)
type Case<'a> = (
    &'a str,
    &'a [&'a str],
    &'a [(&'a str, EntityKind)],
    &'a [&'a str],
);

fn check(c: Case) {
    let (text, people, kinds, absent) = c;
    let a = analyze(text);
    assert_eq!(
        of_kind(&a, EntityKind::Person),
        people,
        "people in {text:?}"
    );
    for (name, kind) in kinds {
        let e = a.entities.iter().find(|e| e.name == *name);
        assert_eq!(e.map(|e| e.kind), Some(*kind), "{name} in {:?}", a.entities);
    }
    for name in absent {
        assert!(
            a.entities.iter().all(|e| e.name != *name),
            "{name} should not be an entity: {:?}",
            a.entities
        );
    }
}

macro_rules! case {
    ($name:ident, $text:expr, $people:expr, $kinds:expr, $absent:expr) => {
        #[test]
        fn $name() {
            check(($text, &$people, &$kinds, &$absent));
        }
    };
}

case!(
    towns_and_streets_are_not_people,
    "Crews from Port Ellery and Saltby fought the blaze. Residents of Net Lane and Chandlers Row were taken to a hall in Port Ellery.",
    [],
    [
        ("Port Ellery", EntityKind::Place),
        ("Net Lane", EntityKind::Place),
        ("Chandlers Row", EntityKind::Place)
    ],
    []
);

case!(
    masthead_is_not_a_person,
    "Sign up for the Coastal Herald morning briefing and read the Harbour Gazette weekly.",
    [],
    [
        ("Coastal Herald", EntityKind::Org),
        ("Harbour Gazette", EntityKind::Org)
    ],
    []
);

case!(
    unknown_pair_without_evidence_is_other,
    "The boats were moved to Kestrel Mere overnight.",
    [],
    [("Kestrel Mere", EntityKind::Other)],
    []
);

case!(
    weekdays_and_months_are_not_entities,
    "The council met on Monday and will meet again in May, after the vote in March. Friday Brevik was calm.",
    [],
    [],
    ["Monday", "May", "March", "Friday", "Friday Brevik"]
);

case!(
    may_as_a_surname_stays,
    "Prime Minister Theresa May said the port would reopen.",
    ["Theresa May"],
    [],
    []
);

case!(
    plural_possessive_joins_an_organisation,
    "Nell Carraway, who chairs the Port Ellery Fishers’ Cooperative, said its boats had lost their storage.",
    ["Nell Carraway"],
    [("Port Ellery Fishers’ Cooperative", EntityKind::Org)],
    ["Port Ellery Fishers"]
);

case!(
    speech_cue_after_an_apposition_makes_a_person,
    "Odile Marchetti, the owner of the ferry line, told reporters the boats were safe.",
    ["Odile Marchetti"],
    [],
    []
);

case!(
    title_role_and_given_name_make_people,
    "Mayor Tomas Brevik met harbour pilot Ines Vantongeren and David Okafor on the quay.",
    ["Tomas Brevik", "Ines Vantongeren", "David Okafor"],
    [],
    []
);

case!(
    explicit_speaker_is_a_person,
    "“We are ready for the season,” said Idris Varga.",
    ["Idris Varga"],
    [],
    []
);

/// The pronoun of a quote that runs over two paragraphs resolves past an organisation named in
/// the speaker's apposition (it used to land on "Port Ellery Fishers", taken for a person).
#[test]
fn pronoun_skips_an_organisation_in_the_apposition() {
    let a = analyze(
        "Wren Halloway, who leads the Kestrel Bay Pilots’ Association, said the quay was unsafe.\n\n“Half of our pilots have worked here for decades. They know every rock.\n\n“If the quay stays shut, we lose the season,” she said.",
    );
    let q = a.quotes.iter().find(|q| q.text.starts_with("Half of"));
    let speaker = q.and_then(|q| q.speaker.as_ref()).map(|s| s.name.as_str());
    assert_eq!(speaker, Some("Wren Halloway"), "{:#?}", a.quotes);
    assert_eq!(
        of_kind(&a, EntityKind::Org),
        ["Kestrel Bay Pilots’ Association"]
    );
}

/// Once "he said" resolves to Osei, Osei is male, so a later "she" passes over him.
#[test]
fn gender_learned_from_a_resolved_pronoun() {
    let a = analyze(
        "Tam Osei inspected the quay on Friday. “The wall will hold,” he said.\n\nWren Halloway, the pilot, disagreed with Osei. “It will not hold another winter,” she said.",
    );
    let speakers: Vec<&str> = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .filter_map(|q| q.speaker.as_ref().map(|s| s.name.as_str()))
        .collect();
    assert_eq!(speakers, ["Tam Osei", "Wren Halloway"], "{:#?}", a.quotes);
}

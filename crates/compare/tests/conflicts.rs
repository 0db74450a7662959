//! Figure conflicts across articles, on synthetic reports of fictional events.

use parallax_analyze::Analyzer;
use parallax_compare::conflicts::figure_conflicts;
use parallax_model::{AnalyzedArticle, Article, Verdict};

/// Analyzes `(id, text)` pairs as articles of one story.
fn story(reports: &[(&str, &str)]) -> Vec<AnalyzedArticle> {
    let analyzer = Analyzer::new();
    reports
        .iter()
        .map(|(id, text)| {
            analyzer.analyze(Article {
                id: id.to_string(),
                outlet: format!("{id}.example"),
                text: text.to_string(),
                published: Some("2025-03-04".into()),
                ..Default::default()
            })
        })
        .collect()
}

/// Prints the conflicts among the files of each folder in `PARALLAX_DUMP` (separated by `:`).
#[test]
#[ignore = "a debugging aid: PARALLAX_DUMP=dir cargo test -p parallax-compare --test conflicts dump -- --ignored --nocapture"]
fn dump() {
    let dirs = std::env::var("PARALLAX_DUMP").unwrap_or_default();
    for dir in dirs.split(':').filter(|p| !p.is_empty()) {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        let texts: Vec<(String, String)> = files
            .iter()
            .enumerate()
            .map(|(i, p)| {
                (
                    format!("a{}", i + 1),
                    std::fs::read_to_string(p).unwrap_or_default(),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        println!("== {dir}");
        for c in figure_conflicts(&story(&refs)) {
            let vals: Vec<String> = c
                .values
                .iter()
                .map(|v| format!("{}:{:?}", v.article, v.text))
                .collect();
            println!(
                "{:?} {:?} [{}] -- {}",
                c.verdict,
                c.subject,
                vals.join(", "),
                c.reason.unwrap_or_default()
            );
        }
    }
}

/// `(name, reports, expected groups as (verdict, figure texts))`.
type Case = (
    &'static str,
    &'static [(&'static str, &'static str)],
    &'static [(Verdict, &'static [&'static str])],
);

const CASES: &[Case] = &[
    (
        "compatible_approximation",
        &[
            ("a1", "Firefighters sent 17 engines to the Varnby mill fire on Tuesday night."),
            ("a2", "More than a dozen engines were sent to the Varnby mill fire on Tuesday night."),
        ],
        &[(Verdict::Compatible, &["17 engines", "More than a dozen engines"])],
    ),
    (
        "conflict_between_counts",
        &[
            ("a1", "The flood in Ostrava Bay forced 146 residents of the valley to leave their homes."),
            ("a2", "The flood in Ostrava Bay forced 153 residents of the valley to leave their homes."),
        ],
        &[(Verdict::Conflict, &["146 residents", "153 residents"])],
    ),
    (
        "vague_plural_is_compatible",
        &[
            ("a1", "The ministry said more than 300,000 reservists were called up for the Kellow drills."),
            ("a2", "Hundreds of thousands of reservists were called up for the Kellow drills, the ministry said."),
        ],
        &[(Verdict::Compatible, &["more than 300,000 reservists", "Hundreds of thousands of reservists"])],
    ),
    (
        "strictly_more_than_a_dozen_is_not_twelve",
        &[
            ("a1", "Exactly 12 boats were lost when the storm hit the Tarrow harbour."),
            ("a2", "More than a dozen boats were lost when the storm hit the Tarrow harbour."),
        ],
        &[(Verdict::Conflict, &["12 boats", "More than a dozen boats"])],
    ),
    (
        "rounded_money_conflict",
        &[
            ("a1", "The Sarn compensation fund is worth €120 million, officials said."),
            ("a2", "The Sarn compensation fund is worth €210 million, officials said."),
            ("a3", "The Sarn compensation fund of 120 million euros was approved, officials said."),
        ],
        &[(Verdict::Conflict, &["€120 million", "€210 million", "120 million euros"])],
    ),
    (
        "different_units_are_not_grouped",
        &[
            ("a1", "Twelve percent of the harvest in the Sarn valley was lost to the flood."),
            ("a2", "12 farmers in the Sarn valley lost their harvest to the flood."),
        ],
        &[],
    ),
    (
        "money_and_people_are_not_grouped",
        &[
            ("a1", "The Tarrow council set aside $40 million for the families after the fire."),
            ("a2", "The Tarrow council set aside aid for 40 families after the fire."),
        ],
        &[],
    ),
    (
        "durations_are_not_counts",
        &[
            ("a1", "Repairs to the Varnby bridge took nine months."),
            ("a2", "Repairs to the Varnby bridge took nine workers."),
        ],
        &[],
    ),
    (
        "unrelated_sentences_with_the_same_unit",
        &[
            ("a1", "Police said 12 people were injured when the footbridge in Kellow collapsed."),
            ("a2", "About 30 people attended a vigil at the town hall on Sunday evening."),
        ],
        &[],
    ),
    (
        "rates_are_not_totals",
        &[
            ("a1", "The joint commission will have eight members and meet in Vessholm in September."),
            ("a2", "The joint commission, with four members from each country, will meet in Vessholm in September."),
        ],
        &[],
    ),
];

#[test]
fn conflicts_table() {
    for (name, reports, want) in CASES {
        let got = figure_conflicts(&story(reports));
        let got: Vec<(Verdict, Vec<&str>)> = got
            .iter()
            .map(|c| {
                (
                    c.verdict,
                    c.values.iter().map(|v| v.text.as_str()).collect(),
                )
            })
            .collect();
        let want: Vec<(Verdict, Vec<&str>)> = want.iter().map(|(v, t)| (*v, t.to_vec())).collect();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn figures_of_one_article_are_never_grouped() {
    let articles = story(&[(
        "a1",
        "At dawn 146 residents of Millbrook were evacuated. By noon 153 residents of Millbrook were evacuated.",
    )]);
    assert_eq!(articles[0].figures.len(), 2, "both figures are found");
    assert!(figure_conflicts(&articles).is_empty());
}

#[test]
fn a_group_takes_one_figure_per_article() {
    let articles = story(&[
        ("a1", "At dawn 146 residents of Millbrook were evacuated. By noon 153 residents of Millbrook were evacuated."),
        ("a2", "In all, 150 residents of Millbrook were evacuated."),
    ]);
    let got = figure_conflicts(&articles);
    assert_eq!(got.len(), 1, "{got:#?}");
    let articles_in_group: Vec<&str> = got[0].values.iter().map(|v| v.article.as_str()).collect();
    assert_eq!(articles_in_group, ["a1", "a2"]);
}

#[test]
fn conflicts_come_first_with_a_reason_and_subject() {
    let articles = story(&[
        ("a1", "Firefighters sent 17 engines to the Varnby mill fire. The flood in Ostrava Bay forced 146 residents of the valley to leave."),
        ("a2", "More than a dozen engines were sent to the Varnby mill fire. The flood in Ostrava Bay forced 153 residents of the valley to leave."),
    ]);
    let got = figure_conflicts(&articles);
    let verdicts: Vec<Verdict> = got.iter().map(|c| c.verdict).collect();
    assert_eq!(verdicts, [Verdict::Conflict, Verdict::Compatible]);
    let conflict = &got[0];
    assert_eq!(conflict.subject, "residents forced");
    let reason = conflict.reason.as_deref().unwrap_or("");
    assert!(
        reason.contains("146 residents") && reason.contains("153 residents"),
        "{reason}"
    );
    let ids: Vec<&str> = conflict.values.iter().map(|v| v.figure.as_str()).collect();
    assert_eq!(ids, ["a1:f2", "a2:f2"]);
    assert_eq!(conflict.values[0].value, 146.0);
}

#[test]
fn empty_and_figureless_input() {
    assert!(figure_conflicts(&[]).is_empty());
    let articles = story(&[("a1", "No numbers here."), ("a2", "")]);
    assert!(figure_conflicts(&articles).is_empty());
}

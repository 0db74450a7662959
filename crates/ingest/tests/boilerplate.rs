//! Outlet boilerplate across synthetic articles of fictional outlets.

use parallax_ingest::{extract_text, mark_outlet_boilerplate, Article, DocumentMeta, MediaType};
use parallax_ingest::{RawDocument, RemovedKind};

const PROMPT: &str =
    "The Bay Courier is owned by the Marlow Bay Press Trust and edited on Tern Island.";
const FOLLOW: &str = "Readers can reach the Courier newsroom by telephone at any hour.";

fn article(input: &str, outlet: &str, body: &str) -> (Article, String) {
    let doc = RawDocument {
        input: input.into(),
        media_type: MediaType::Text,
        body: body.into(),
        meta: DocumentMeta {
            outlet: Some(outlet.into()),
            ..DocumentMeta::default()
        },
    };
    (extract_text(&doc), body.to_string())
}

/// Every copied run of the text still matches the original body at the mapped offset.
fn assert_map_true(a: &Article, body: &str) {
    for s in &a.source_map.segments {
        assert_eq!(
            a.text.get(s.text..s.text + s.len),
            body.get(s.source..s.source + s.len),
            "{}: segment {s:?}",
            a.input
        );
    }
}

fn boilerplate(a: &Article) -> Vec<&str> {
    a.removed
        .iter()
        .filter(|r| r.kind == RemovedKind::Boilerplate)
        .map(|r| r.text.as_str())
        .collect()
}

fn courier(n: usize, story: &str) -> (Article, String) {
    article(
        &format!("courier-{n}.txt"),
        "baycourier.example",
        &format!(
            "{story} Officials in ward {n} gave no timetable for repairs. {FOLLOW} Residents of ward {n} were told to stay away from the shore.\n\n\
             The harbour master of ward {n} said the damage was worse than in any storm she remembered, and that crews from ward {n} would work through the night.\n\n{PROMPT}\n"
        ),
    )
}

#[test]
fn recurring_paragraphs_and_sentences_are_removed_with_a_true_map() {
    let stories = [
        "The ferry to Tern Island resumed on Monday after the storm.",
        "A fishing boat sank at its mooring in Marlow Bay overnight.",
        "The lighthouse on Gull Point lost power for six hours.",
    ];
    let mut docs: Vec<(Article, String)> = stories
        .iter()
        .enumerate()
        .map(|(i, s)| courier(i + 1, s))
        .collect();
    // Another outlet carries the same prompt once: not its boilerplate, and never removed.
    docs.push(article(
        "other.txt",
        "ternpost.example",
        &format!("Tern Post readers asked about the ferry. {PROMPT}\n\nThe answer came on Tuesday from the operator.\n"),
    ));
    let mut articles: Vec<Article> = docs.iter().map(|(a, _)| a.clone()).collect();
    mark_outlet_boilerplate(&mut articles);
    for (a, (_, body)) in articles.iter().zip(&docs).take(3) {
        assert!(!a.text.contains(PROMPT), "{}", a.text);
        assert!(!a.text.contains(FOLLOW), "{}", a.text);
        let removed = boilerplate(a);
        assert!(
            removed.contains(&PROMPT) && removed.contains(&FOLLOW),
            "{removed:?}"
        );
        // The article's own sentences around the removed one stay.
        assert!(a.text.contains("were told to stay away from the shore."));
        assert!(
            a.text.contains("gave no timetable for repairs. Residents"),
            "{}",
            a.text
        );
        assert!(!a.text.ends_with(char::is_whitespace) && !a.text.contains("\n\n\n"));
        assert!(
            !a.text.contains("  "),
            "no doubled space where a sentence left: {}",
            a.text
        );
        assert_map_true(a, body);
    }
    assert!(articles[0].text.starts_with(stories[0]));
    let other = &articles[3];
    assert!(other.text.contains(PROMPT));
    assert!(boilerplate(other).is_empty());
}

#[test]
fn a_sentence_in_only_one_article_stays_however_often_it_repeats_there() {
    let repeated = "The storm surge reached the old fish market twice that night.";
    let mut articles = vec![
        article(
            "a.txt",
            "baycourier.example",
            &format!("{repeated} Crews worked until dawn.\n\n{repeated} Nobody was hurt in the flooding.\n"),
        )
        .0,
        article(
            "b.txt",
            "baycourier.example",
            "The council approved new sea walls on Friday.\n",
        )
        .0,
    ];
    let before = articles.clone();
    mark_outlet_boilerplate(&mut articles);
    assert_eq!(articles, before);
}

#[test]
fn passages_below_the_share_are_kept() {
    // 10 articles, the shared sentence in 2 of them: 20% is under the 30% share.
    let shared = "Photographs from the scene were supplied by the harbour office.";
    let mut articles: Vec<Article> = (0..10)
        .map(|i| {
            let extra = if i < 2 { shared } else { "" };
            article(
                &format!("n{i}.txt"),
                "baycourier.example",
                &format!("Report number {i} on the storm damage in ward {i}. {extra}\n\nWard {i} reopened its school on day {i}.\n"),
            )
            .0
        })
        .collect();
    mark_outlet_boilerplate(&mut articles);
    assert!(articles[0].text.contains(shared));
    assert!(articles.iter().all(|a| boilerplate(a).is_empty()));
}

#[test]
fn duplicated_articles_are_left_whole() {
    let body = "The ferry to Tern Island resumed on Monday after the storm.\n\nCrews cleared the slipway overnight, the operator said.\n";
    let (a, _) = article("a.txt", "baycourier.example", body);
    let (b, _) = article("b.txt", "baycourier.example", body);
    let mut articles = vec![a, b];
    let before = articles.clone();
    mark_outlet_boilerplate(&mut articles);
    assert_eq!(articles, before, "shared story, not furniture");
}

#[test]
fn outlets_are_grouped_case_insensitively_and_singletons_untouched() {
    let body = |s: &str| format!("{s}\n\n{PROMPT}\n");
    let mut articles = vec![
        article("a.txt", "BayCourier.example", &body("The pier reopened on Monday to walkers and anglers alike, after two years of repairs that cost the town more than it had planned.")).0,
        article("b.txt", "baycourier.example", &body("A new café opened on the promenade this weekend, the first business to return since the floods closed the whole seafront.")).0,
        article("b2.txt", "BAYCOURIER.example", &body("The lifeboat crew rescued two kayakers off the north headland on Saturday evening, their third call-out this month.")).0,
        article("c.txt", "ternpost.example", &body("Tern Island elected a new harbour board on Sunday, with four of its seven members serving for the first time this year.")).0,
    ];
    mark_outlet_boilerplate(&mut articles);
    assert!(!articles[0].text.contains(PROMPT));
    assert!(!articles[1].text.contains(PROMPT));
    assert!(!articles[2].text.contains(PROMPT));
    assert!(articles[3].text.contains(PROMPT));
}

#[test]
fn two_articles_of_one_outlet_are_not_a_corpus() {
    // With two reports only, a shared sentence may be shared news (an update and its original).
    let body = |s: &str| format!("{s}\n\n{PROMPT}\n");
    let mut articles = vec![
        article("a.txt", "baycourier.example", &body("The pier reopened on Monday to walkers and anglers alike, after two years of repairs.")).0,
        article("b.txt", "baycourier.example", &body("A new café opened on the promenade this weekend, the first business to return.")).0,
    ];
    mark_outlet_boilerplate(&mut articles);
    assert!(articles.iter().all(|a| a.text.contains(PROMPT)));
}

//! The founding pair (`../shared/seeds`): two real reports of one meeting. Read from the shared
//! folder, never copied into the project; skipped with a message when the folder is absent.

use std::path::PathBuf;

use parallax_analyze::Analyzer;
use parallax_model::{AnalyzedArticle, QuoteKind, SpeakerVia};

fn seed(prefix: &str) -> Option<AnalyzedArticle> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds"
    ));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: ../shared/seeds not found");
        return None;
    };
    let path = entries.flatten().map(|e| e.path()).find(|p| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(prefix))
    })?;
    let docs = parallax_ingest::read_input(path.to_str()?).ok()?;
    let mut article = parallax_ingest::extract(docs.first()?).ok()?;
    article.id = "a".into();
    Some(Analyzer::new().analyze(article))
}

fn quote_with<'a>(a: &'a AnalyzedArticle, words: &str) -> &'a parallax_model::Quote {
    a.quotes
        .iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote containing {words:?}: {:#?}", a.quotes))
}

#[test]
fn moscow_times_quotes_and_speakers() {
    let Some(a) = seed("000_") else { return };
    let loss = quote_with(&a, "nothing can replace the loss of a son, a child");
    let s = loss.speaker.as_ref().expect("speaker");
    assert_eq!(s.name, "Vladimir Putin");
    assert_eq!(s.via, SpeakerVia::Pronoun);
    assert_eq!(s.mention, "he");
    let pocket = quote_with(&a, "pocket mothers");
    assert_eq!(
        pocket.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Olga Tsukanova")
    );
    let heroes = quote_with(&a, "through their mothers");
    assert_eq!(heroes.kind, QuoteKind::Direct);
    assert_eq!(
        heroes.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Vladimir Putin")
    );
}

#[test]
fn independent_quotes_kinds() {
    let Some(a) = seed("004_") else { return };
    let headline = quote_with(&a, "Share This Pain");
    assert_eq!(headline.kind, QuoteKind::Headline);
    // "what he calls “…”": the speaker's own phrase, quoted in narration.
    let smo = quote_with(&a, "special military operation");
    assert_eq!(smo.kind, QuoteKind::Partial);
    assert_eq!(
        smo.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Vladimir Putin")
    );
    assert_eq!(quote_with(&a, "mistakes").kind, QuoteKind::Partial);
    let splice = quote_with(&a, "breathing heavily");
    assert_eq!(splice.kind, QuoteKind::Direct);
    assert_eq!(
        splice.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Vladimir Putin")
    );
}

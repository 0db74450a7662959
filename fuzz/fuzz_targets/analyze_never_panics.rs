//! Any article text goes through the whole analyzer without panicking, and every paragraph and
//! sentence span lies inside the text on char boundaries (the invariant every later stage
//! slices by).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use parallax_analyze::Analyzer;
use parallax_model::Article;

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article {
        id: "a1".to_string(),
        input: "fuzz".to_string(),
        outlet: "fuzz".to_string(),
        text,
        ..Article::default()
    };
    let analyzed = analyzer().analyze(article);
    let text = &analyzed.article.text;
    for p in &analyzed.paragraphs {
        assert!(text.get(p.0..p.1).is_some(), "paragraph {p:?} off the text");
    }
    for s in &analyzed.sentences {
        assert!(
            text.get(s.start..s.end).is_some(),
            "sentence {s:?} off the text"
        );
    }
});

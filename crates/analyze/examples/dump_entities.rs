//! Prints the entities and quotes of a plain-text article: `cargo run -p parallax-analyze
//! --example dump_entities -- FILE`.

use parallax_analyze::Analyzer;
use parallax_model::Article;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump_entities FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let a = Analyzer::new().analyze(Article {
        id: "a".into(),
        text,
        ..Default::default()
    });
    for e in &a.entities {
        println!("{:?}\t{}\t{}", e.kind, e.name, e.mentions.len());
    }
    for q in &a.quotes {
        let s = q.speaker.as_ref();
        println!(
            "{:?}\t{}\t{}\t{}",
            q.kind,
            s.map_or("-", |s| s.name.as_str()),
            q.cue.as_deref().unwrap_or("-"),
            q.text.chars().take(50).collect::<String>()
        );
    }
}

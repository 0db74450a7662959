//! Runs html5ever's tokenizer and ours on every page of a folder (`.html` or `.html.gz`) and
//! counts the pages where they agree (same tokens, same tree), where ours gave up (html5ever
//! parses those; the reason is printed), and where they differ (a bug: the first difference is
//! printed).
//!
//! `cargo run --release -p parallax-html --example tokenizers -- DIR`

use parallax_html::{compare_tokenizers, Agreement};

#[path = "common/pages.rs"]
mod pages;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: tokenizers DIR");
        std::process::exit(2);
    };
    let pages = pages::read_pages(&dir).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2);
    });
    let (mut same, mut gave_up, mut differ) = (0, 0, 0);
    for (name, page) in pages {
        match compare_tokenizers(&page) {
            Ok(Agreement::Same) => same += 1,
            Ok(Agreement::GaveUp(why)) => {
                gave_up += 1;
                println!("gave up: {name}: {why}");
            }
            Err(e) => {
                differ += 1;
                let short: String = e.chars().take(600).collect();
                println!("DIFFER: {name}: {short}");
            }
        }
    }
    println!("same {same}, gave up {gave_up}, differ {differ}");
}
